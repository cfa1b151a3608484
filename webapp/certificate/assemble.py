"""assemble(school, periods, lang) -> Certificate: the whole analytical certificate as plain data.

It reads the database once (the span's submissions and rows) and renders nothing; the print template,
WeasyPrint and the DOCX writer all work from its result.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import select

from ..blueprints.general.forms import INFORMATION_SOURCES
from ..extensions import db
from ..i18n import period_label
from ..models import OrgUnit, Period
from ..reporting.models import Status, Submission
from ..reporting.sections import SECTIONS
from .blocks import Block, Heading, Para, Table, say
from .boilerplate import DEFAULTS, SOME_SOURCES_INTRO, texts_for
from .placed import placed
from .span import SpanData, span_data
from .wording import KK_MONTHS, RU_MONTHS_OF, as_date, order_ref, person_name, series


@dataclass
class Certificate:
    lang: str
    school: OrgUnit
    periods: list[Period]
    parent_body: str
    legal_name: str
    city: str
    title_lines: list[str]
    dated: str
    approval: dict | None
    blocks: list[Block]
    signature: tuple[str, str]
    appendix: Table | None
    draft: bool
    filename: str
    period_words: str
    statuses: list[tuple[str, str]] = field(default_factory=list)  # (period code, status)
    missing: list = field(default_factory=list)  # reporting.texts.Missing: typed texts shown in the other language

    @property
    def draft_mark(self) -> str:
        """The watermark until every half-year of the span is accepted."""
        return say(self.lang, "ЖОБА", "ПРОЕКТ")

    @property
    def appendix_note(self) -> str:
        return say(self.lang, "Сыбайлас жемқорлық тәуекелдеріне ішкі талдау жүргізу бойынша әдістемелік ұсынымдарға "
                              "4-қосымша",
                   "Приложение 4 к Методическим рекомендациям по проведению внутреннего анализа коррупционных рисков")

    @property
    def appendix_title(self) -> str:
        return say(self.lang, "Сыбайлас жемқорлық тәуекелдеріне ішкі талдау нәтижелері бойынша айқындалатын сыбайлас "
                              "жемқорлық тәуекелдеріне ұшырайтын лауазымдардың тізбесі",
                   "Перечень должностей, подверженных коррупционным рискам, определяемых по результатам "
                   "внутреннего анализа коррупционных рисков")


def written_date(value: date | None, lang: str) -> str:
    """The date under an approval or a certificate: «2025 жылғы 10 маусым» / «10 июня 2025 года», the day unpadded
    and, in Kazakh, without quotes, as every other date the text writes («2025 жылғы 2 қыркүйектегі»; issue 11
    review: «2025 жылғы «10» маусым» was a second style)."""
    if value is None:
        return ""
    if lang == "kk":
        return f"{value.year} жылғы {value.day} {KK_MONTHS[value.month - 1]}"
    return f"{value.day} {RU_MONTHS_OF[value.month - 1]} {value.year} года"


def blank_date(year: int, lang: str) -> str:
    """The date line of a certificate whose latest half-year has no date yet, to be filled in by hand when it is
    signed: «2026 жылғы «___» ____________» / ««___» ____________ 2026 года», as a blank form prints it (issue 11
    review: rudny-11's 2025-H2 … 2026-H1 draft was dated «11 декабря 2025 года», the earlier half-year's date)."""
    return say(lang, f"{year} жылғы «___» ____________", f"«___» ____________ {year} года")


def order_reference(number: str | None, on: date | None, lang: str) -> str:
    """«2024 жылғы 2 қыркүйектегі №234» / «от 2 сентября 2024 года №234» (wording.order_ref, spelled); nothing
    without a number."""
    return order_ref(number, on, lang) if number else ""


iso_date = as_date


def _sources_intro(intro: str, sources: list[tuple[int, str]], lang: str) -> str:
    """The lead-in of the sources list: when some of clause 15's sources were not used, the list's numbers have
    gaps (1), 2), 4)…) and the default lead-in («…источниками информации для проведения анализа являются:») would
    read as the whole list, so it says these are some of them, numbered as in the Rules. A unit's own lead-in
    stands as written."""
    if sources and len(sources) < len(INFORMATION_SOURCES) and intro == DEFAULTS["sources_intro"][lang]:
        return SOME_SOURCES_INTRO[lang]
    return intro


def section_blocks(span: SpanData, lang: str) -> list[Block]:
    """A numbered section: the seed's triplet with the section's own figures inside the basis. A section that
    continues the one before under the same number (2.2 financial activity) is titled without the number, as the
    seed prints it, and the action plan cites it the same way (`Section.cited`)."""
    blocks: list[Block] = [Heading(span.section.cited, 3)]
    if not span.entered:
        return blocks + [Para(say(lang, "Мәліметтер ұсынылмаған.", "Сведения не представлены."))]
    if span.nothing_to_report:
        # The section's own words for "none" read better («…тексерулер болған жоқ») than the generic line.
        own = span.untold(span.section.certificate(span, lang), lang) if span.section.certificate else []
        return blocks + (own or [Para(say(lang, "Талданатын кезеңде осы бағыт бойынша хабарлайтын мәлімет жоқ.",
                                          "В анализируемом периоде по данному направлению сообщить нечего."))])
    text = span.text
    if text["risks"]:
        blocks.append(Para(text["risks"], label=say(lang, "Сыбайлас жемқорлық тәуекелдері:", "Коррупционные риски:")))
    basis = text["basis"]
    if basis and span.section.certificate_basis:
        basis = span.section.certificate_basis(span, basis, lang)
    # A generated paragraph that only repeats what the school's text or an earlier section said is left out.
    own = span.untold(span.section.certificate(span, lang), lang) if span.section.certificate else []
    blocks += placed(basis, own, span.section.certificate_topics, say(lang, "Негіздеме:", "Обоснование:"))
    if span.violation_found and not _told_in(text["violation_description"], own):
        description = text["violation_description"] or ""
        # A description citing the subsection that tells the violation («По представлению прокуратуры (подраздел
        # 2.9) … возвращена в бюджет») tells only what followed: under «Выявленное нарушение:» it read as the
        # violation told a second time.
        label = None if CITES_SUBSECTION.search(description) else say(lang, "Анықталған бұзушылық:",
                                                                       "Выявленное нарушение:")
        blocks.append(Para(description, label=label))
    if text["recommendations"]:
        blocks.append(Para(text["recommendations"],
                           label=say(lang, "Жою бойынша ұсыныстар:", "Рекомендации по устранению:")))
    return blocks


# «(подраздел 2.9)», «(раздел 2.9)», «(2.9-бөлім)»
CITES_SUBSECTION = re.compile(r"\((?:под)?раздел \d+\.\d+\)|\(\d+\.\d+-бөлім\)")


def _plain(text: str | None) -> str:
    return " ".join((text or "").replace("\u00a0", " ").replace("\u202f", " ").casefold().rstrip(" .;").split())


def _told_in(description: str | None, blocks: list[Block]) -> bool:
    """True when the violation the school describes is word for word in the section's own sentences or table (an
    inspection's findings told in 2.9): it is not told a second time under «Анықталған бұзушылық:» (issue 11)."""
    wanted = _plain(description)
    if not wanted:
        return False
    texts = [getattr(block, "text", "") for block in blocks]
    texts += [cell for block in blocks if isinstance(block, Table) for row in block.rows for cell in row]
    return any(wanted in _plain(text) for text in texts)


def _cycle_parts(school: OrgUnit, periods: list[Period], lang: str) -> dict:
    """What the public cycle adds: the citizens' proposals among the sources, the head's recorded approval."""
    from ..blueprints.cycle.certificate import certificate_parts

    return certificate_parts(school.id, [p.id for p in periods], lang)


def _frame(spans: dict[str, SpanData], lang: str) -> dict:
    """The frame's slots as the frame sections fill them (order, dates, signature, sources, working group,
    conclusion, appendix); a slot no section fills stays empty."""
    frame: dict = {}
    for section in SECTIONS:
        if section.certificate_part == "frame" and section.certificate_frame is not None:
            frame.update(section.certificate_frame(spans[section.code], lang))
    return frame


def assemble(school: OrgUnit, periods: list[Period], lang: str) -> Certificate:
    """The certificate of `school` for consecutive `periods` (oldest first) in `lang` ("kk" or "ru")."""
    submissions = db.session.scalars(
        select(Submission).where(Submission.school_id == school.id,
                                 Submission.period_id.in_([p.id for p in periods]))
    ).all()
    by_period = {s.period_id: s for s in submissions}
    ordered = [by_period[p.id] for p in periods if p.id in by_period]
    with force_locale(lang):
        spans = span_data(ordered, lang)
        certificate = _assemble(school, periods, lang, spans, by_period)
    certificate.missing = [m for section in SECTIONS for m in spans[section.code].missing]
    return certificate


def _assemble(school, periods, lang, spans, by_period) -> Certificate:
    frame = _frame(spans, lang)
    parent_body = school.localized("parent_body", lang)
    legal_name = school.localized("legal_name", lang) or school.localized("name", lang)
    # «Қостанай облысы әкімдігі білім басқармасының «…» КММ» / «КГУ «…» Управления образования акимата …»
    school_text = (f"{parent_body} {legal_name}" if lang == "kk" else f"{legal_name} {parent_body}").strip()
    period_words = ", ".join(period_label(p.year, p.half) for p in periods)
    order_number, order_date = frame.get("order") or (None, None)
    order = order_reference(order_number, iso_date(order_date), lang)
    texts = {key: value.format(school=school_text, order=order, period=period_words)
             for key, value in texts_for(school, lang).items()}

    if lang == "kk":
        # «…» КММ-нің қызметіндегі: the genitive ending on the abbreviation, then the possessive locative.
        ending = "-нің" if legal_name.endswith("КММ") else ""
        title_lines = [parent_body, f"{legal_name}{ending} қызметіндегі сыбайлас жемқорлық тәуекелдерін ішкі талдау "
                                    "нәтижелері бойынша", "ТАЛДАМАЛЫҚ АНЫҚТАМА"]
    else:
        title_lines = ["АНАЛИТИЧЕСКАЯ СПРАВКА", "по результатам внутреннего анализа коррупционных рисков "
                       f"в деятельности {legal_name}", parent_body]

    blocks: list[Block] = [Para(texts["legal_basis"]), Para(texts["object"])]
    if order:
        blocks.append(Para(texts["order"]))
    blocks += [Para(texts["method"]), Para(texts["period"])]
    blocks += frame.get("working_group") or []
    blocks += [Heading(say(lang, "1. Талдау жүргізудің мақсаттары мен міндеттері",
                           "1. Цели и задачи проведения анализа"), 2),
               Para(texts["goal"]), Para(texts["task"]),
               Heading(say(lang, "2. Талдау барысында пайдаланылған ақпарат көздері",
                           "2. Источники информации, использованные при проведении анализа"), 2),
               Para(_sources_intro(texts["sources_intro"], frame.get("sources") or [], lang))]
    # Each source keeps its number in clause 15 of the Rules, whichever are ticked («3) …;», the last «.»).
    sources = [f"{number}) {text}" for number, text in frame.get("sources") or []]
    cycle = _cycle_parts(school, periods, lang)
    if cycle["sources"]:
        # 2.11 refers back to the proposals this sentence tells («указанные выше предложения граждан»), not again
        # to where they came from (issue 11 review: one fact stated before section I, in 2.2 and in 2.11).
        from ..blueprints.interactions.certificate import PROPOSALS_TOLD

        spans["interactions"].told.add(PROPOSALS_TOLD)
    # The Rules' list ends with its last item; what the announcement brought is told after it in a sentence.
    blocks += series(sources) + [Para(text) for text in cycle["sources"]]
    blocks.append(Heading(say(lang, "I. Нормативтік құқықтық актілердегі сыбайлас жемқорлық тәуекелдері",
                              "I. Коррупционные риски в нормативных правовых актах"), 2))
    for section in SECTIONS:
        if section.certificate_part == "I":
            blocks += section_blocks(spans[section.code], lang)
    blocks.append(Heading(say(lang, "II. Ұйымдастырушылық-басқарушылық қызметтегі сыбайлас жемқорлық тәуекелдері",
                              "II. Коррупционные риски в организационно-управленческой деятельности"), 2))
    for section in SECTIONS:
        if section.certificate_part == "II":
            blocks += section_blocks(spans[section.code], lang)
    blocks.append(Heading(str(_("Conclusion")), 2))
    blocks += frame.get("conclusion") or []

    # The head's order recorded in the cycle makes the certificate final; its position and name fall back to
    # the approver the general part names.
    approval = frame.get("approval")
    if approval:
        approval = {**approval, "date": written_date(iso_date(approval.get("date")), lang)}
    if cycle["approval"]:
        recorded = cycle["approval"]
        name = recorded["name"]
        typed = [part.facts["approver_name"] for part in spans["general"].parts if part.facts.get("approver_name")]
        if approval and typed and person_name(typed[-1]) == person_name(name):
            # The approver the general part names, in the certificate's language: the cycle keeps the name in
            # one version only, and «Қ.И. Бірманова» is Kazakh in the Russian certificate.
            name = approval["name"]
        approval = {"position": recorded["position"] or (approval or {}).get("position", ""),
                    "name": name or (approval or {}).get("name") or school.head_name or "",
                    # One form of approval: «БЕКІТЕМІН», the director's post, signature and the day, as without a
                    # cycle; «…№211 бұйрықпен бекітілді» under it was a second form, approval by order (issue 11).
                    "date": written_date(iso_date(recorded["date"]), lang)}
    if approval:
        approval = {**approval, "word": say(lang, "БЕКІТЕМІН", "УТВЕРЖДАЮ"), "name": person_name(approval.get("name"))}
    position, name = frame.get("signature") or (None, None)
    statuses = [(p.code, by_period[p.id].status.value if p.id in by_period else "not_started") for p in periods]
    span_code = periods[0].code if len(periods) == 1 else f"{periods[0].code}_{periods[-1].code}"
    return Certificate(
        lang=lang, school=school, periods=periods, parent_body=parent_body, legal_name=legal_name,
        city=school.localized("city", lang), title_lines=[line for line in title_lines if line],
        dated=written_date(iso_date(frame.get("certificate_date")), lang) or blank_date(periods[-1].year, lang),
        approval=approval, blocks=blocks,
        signature=(position or say(lang, "Мектеп басшысы", "Руководитель школы"),
                   person_name(name or school.head_name or "")),
        appendix=frame.get("appendix"),
        draft=not all(status == Status.ACCEPTED.value for _code, status in statuses),
        filename=f"{school.code}_{span_code}_{lang}", period_words=period_words, statuses=statuses,
    )
