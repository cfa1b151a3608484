"""The fixed wording of the certificate (legal basis, goals, tasks), in Kazakh and Russian.

Defaults cite the acts correctly: the Typical Rules are order №12 of 19.10.2016 in the edition of order
№21 of 16.01.2023; order №488 of 30.12.2022 approved the Methodological Recommendations (the seed
certificate mixes the two up). A region or department may replace any text for its schools; the nearest
unit above a school that has its own text wins. Placeholders: {school}, {order}, {period}.
"""

from __future__ import annotations

from sqlalchemy import select

from ..extensions import db
from ..models import OrgUnit
from .models import CertificateText

DEFAULTS: dict[str, dict[str, str]] = {
    "legal_basis": {
        "kk": "«Сыбайлас жемқорлыққа қарсы іс-қимыл туралы» Қазақстан Республикасының 2015 жылғы 18 қарашадағы "
              "Заңының 8-бабының 5-тармағына, Қазақстан Республикасы Мемлекеттік қызмет істері және сыбайлас "
              "жемқорлыққа қарсы іс-қимыл агенттігі Төрағасының 2016 жылғы 19 қазандағы №12 бұйрығымен бекітілген "
              "(Қазақстан Республикасы Сыбайлас жемқорлыққа қарсы іс-қимыл агенттігі Төрағасының 2023 жылғы "
              "16 қаңтардағы №21 бұйрығының редакциясында) сыбайлас жемқорлық тәуекелдеріне ішкі талдау "
              "жүргізудің үлгілік қағидаларына сәйкес {school} қызметіндегі сыбайлас жемқорлық тәуекелдеріне "
              "ішкі талдау жүргізілді.",
        "ru": "В соответствии с пунктом 5 статьи 8 Закона Республики Казахстан от 18 ноября 2015 года "
              "«О противодействии коррупции» и Типовыми правилами проведения внутреннего анализа коррупционных "
              "рисков, утверждёнными приказом Председателя Агентства Республики Казахстан по делам "
              "государственной службы и противодействию коррупции от 19 октября 2016 года №12 (в редакции "
              "приказа Председателя Агентства Республики Казахстан по противодействию коррупции от 16 января "
              "2023 года №21), проведён внутренний анализ коррупционных рисков в деятельности {school}.",
    },
    "object": {
        "kk": "Сыбайлас жемқорлық тәуекелдеріне ішкі талдау нысаны – {school}.",
        "ru": "Объект внутреннего анализа коррупционных рисков – {school}.",
    },
    "order": {
        "kk": "{school} қызметіндегі сыбайлас жемқорлық тәуекелдеріне ішкі талдау басшының {order} бұйрығымен "
              "жүзеге асырылды.",
        "ru": "Внутренний анализ коррупционных рисков в деятельности {school} проведён на основании приказа "
              "руководителя {order}.",
    },
    "method": {
        # The legal basis paragraph already says the analysis follows the Typical Rules; saying it again here
        # read as a repetition to a reviewer (issue 11), so this paragraph adds only the Recommendations №488.
        "kk": "Ішкі талдау барысында Қазақстан Республикасы Сыбайлас жемқорлыққа қарсы іс-қимыл агенттігі "
              "Төрағасының 2022 жылғы 30 желтоқсандағы №488 бұйрығымен бекітілген сыбайлас жемқорлық "
              "тәуекелдеріне ішкі талдау жүргізу жөніндегі әдістемелік ұсынымдар да басшылыққа алынды.",
        "ru": "При проведении анализа также учтены Методические рекомендации по проведению внутреннего анализа "
              "коррупционных рисков, утверждённые приказом Председателя Агентства Республики Казахстан по "
              "противодействию коррупции от 30 декабря 2022 года №488.",
    },
    "period": {
        "kk": "Сыбайлас жемқорлық тәуекелдеріне ішкі талдау жүргізу кезеңі – {period}.",
        "ru": "Период проведения внутреннего анализа коррупционных рисков – {period}.",
    },
    "goal": {
        "kk": "Талдаудың мақсаты {school} сыбайлас жемқорлыққа қарсы іс-қимыл және оны жою болып табылады.",
        "ru": "Целью анализа является противодействие коррупции и её устранение в {school}.",
    },
    "task": {
        "kk": "Талдау міндеті {school} сыбайлас жемқорлық құқық бұзушылықтар жасауға ықпал ететін жағдайлар мен "
              "себептерді анықтау және олардың қызметтегі салдарын жою болып табылады.",
        "ru": "Задачей анализа является выявление причин и условий, способствующих совершению коррупционных "
              "правонарушений в {school}, и устранение их последствий в деятельности.",
    },
    "sources_intro": {
        "kk": "Сыбайлас жемқорлық тәуекелдеріне ішкі талдау жүргізудің үлгілік қағидаларының 15-тармағына сәйкес "
              "сыбайлас жемқорлық тәуекелдеріне ішкі талдау жүргізу үшін ақпарат көздері:",
        "ru": "В соответствии с пунктом 15 Типовых правил проведения внутреннего анализа коррупционных рисков "
              "источниками информации для проведения анализа являются:",
    },
}

# The lead-in when some of clause 15's sources were not used: the list keeps the Rules' numbers (1), 2), 4)…), and
# «…ақпарат көздері:» / «…источниками информации… являются:» over it read as the whole list (issue 11 review).
SOME_SOURCES_INTRO = {
    "kk": "Сыбайлас жемқорлық тәуекелдеріне ішкі талдау жүргізудің үлгілік қағидаларының 15-тармағында көзделген "
          "ақпарат көздерінің ішінен мыналар пайдаланылды (тармақшалардың нөмірлері – Қағидалар бойынша):",
    "ru": "Из источников информации, предусмотренных пунктом 15 Типовых правил проведения внутреннего анализа "
          "коррупционных рисков, использованы следующие (нумерация подпунктов – по Типовым правилам):",
}

LABELS = {"legal_basis": "Legal basis", "object": "Object", "order": "Order", "method": "Method",
          "period": "Period", "goal": "Goal", "task": "Task", "sources_intro": "Information sources"}


def texts_for(unit: OrgUnit, lang: str, codes: list[str] | None = None) -> dict[str, str]:
    """Each text as it applies to `unit`: the nearest unit's own (itself included), else the default."""
    rows = db.session.execute(
        select(CertificateText, OrgUnit.path).join(OrgUnit, CertificateText.org_unit_id == OrgUnit.id)
        .where(OrgUnit.code.in_(unit.ancestor_codes if codes is None else codes), CertificateText.lang == lang)
    ).all()
    chosen: dict[str, tuple[int, str]] = {}
    for text, path in rows:
        if text.key not in chosen or len(path) > chosen[text.key][0]:
            chosen[text.key] = (len(path), text.text)
    return {key: chosen[key][1] if key in chosen else DEFAULTS[key][lang] for key in DEFAULTS}


def inherited_texts(unit: OrgUnit, lang: str) -> dict[str, str]:
    """What `unit` would use without texts of its own: those of the units above it, else the defaults."""
    return texts_for(unit, lang, codes=unit.ancestor_codes[:-1])
