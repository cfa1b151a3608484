"""2.6 in the certificate: each monitoring event with its date, who held it, its result and its finding."""

from __future__ import annotations

import re

from ...certificate.blocks import Block, Para, say
from ...certificate.wording import foreign, lower_first, on_day, quoted, ru_gender, ru_past, sentence, trim_end

FINDINGS = {False: ("бұзушылықтар анықталған жоқ", "нарушений не выявлено"),
            True: ("бұзушылықтар анықталды", "выявлены нарушения")}
# A survey asks people, it does not inspect: what it finds is whether anyone reported corruption (issue 11:
# «сауалнама … жүргізді, бұзушылықтар анықталған жоқ»).
SURVEY_FINDINGS = {False: ("сыбайлас жемқорлық фактілері туралы мәлімет түскен жоқ",
                           "сообщений о коррупционных фактах не поступило"),
                   True: ("сыбайлас жемқорлық фактілері туралы мәліметтер түсті",
                          "поступили сообщения о коррупционных фактах")}
_SURVEY = re.compile(r"сауалнама|сауал|анкет|опрос|сұрамнама", re.IGNORECASE)
# Who held an event, typed as a circumstance rather than as the one who held it: «…маманымен бірлесіп»,
# «ата-аналар комитеті тарапынан» / «совместно с …», «силами …». Anything else names the holder («Адал ұрпақ»
# клубы»), who then is the subject of an active verb («…клубы … сауалнама жүргізді»).
_KK_CIRCUMSTANCE = re.compile(r"(бірлесіп|мен|бен|пен|арқылы|тарапынан|қатысуымен)$")
_RU_CIRCUMSTANCE = re.compile(r"(совместно|с|со|при|силами|в|во|по|с участием)\s", re.IGNORECASE)


def _plain(text: str) -> str:
    return re.sub(r"[\W_]+", " ", text).strip().casefold()


def _kk(when: str, kind: str, held_by: str) -> str:
    """«2024 жылғы 13 мамырда қалалық білім бөлімінің бас маманымен бірлесіп мектеп-гимназия асханасында қоғамдық
    мониторинг жүргізілді» / «2025 жылғы 29 қыркүйекте «Адал ұрпақ» клубы … сауалнама жүргізді»."""
    aside = f" ({quoted(held_by)})" if held_by and foreign(held_by) else ""
    if aside:
        held_by = ""
    if foreign(kind):  # a Russian name of the event: whole, as the event's name
        event = f"{quoted(kind)} іс-шарасы өткізілді"
        return " ".join(p for p in (when, held_by, event) if p) + aside
    active = held_by and not _KK_CIRCUMSTANCE.search(held_by)
    verb = "жүргізді" if active else "жүргізілді"
    return " ".join(p for p in (when, held_by, kind, verb) if p) + aside


def _ru_accusative(kind: str) -> str | None:
    """The event as the object of «провёл»: a masculine or neuter name reads the same («общественный мониторинг»,
    «анкетирование»); a feminine one led by its noun changes that noun only («проверка качества …» → «проверку
    качества …»); None for any other shape (an adjective first, «плановая проверка»), never guessed."""
    gender = ru_gender(kind)
    if gender != "f":
        return kind
    first, _, rest = kind.partition(" ")
    if first.endswith(("ая", "яя")) or not first.endswith(("а", "я")):
        return None
    return " ".join(p for p in (first[:-1] + ("у" if first.endswith("а") else "ю"), rest) if p)


def _ru(when: str, kind: str, held_by: str) -> str:
    """«13 мая 2024 года совместно с главным специалистом … проведён общественный мониторинг столовой …»; the
    verb agrees with the event typed in Russian, an event typed only in Kazakh is named whole
    («проведено мероприятие «…»»). A holder typed in Russian is the subject, its verb agreeing with it
    («9 сентября 2024 года клуб «Адал ұрпақ» провёл антикоррупционное анкетирование …», issue 11: was
    «проведено … (организатор – клуб «Адал ұрпақ»)»); only a holder typed in Kazakh, an abbreviation, or an event
    whose object form is not sure stands apart («(организатор – …)»)."""
    aside = ""
    if held_by and not foreign(held_by) and not foreign(kind) and not _RU_CIRCUMSTANCE.match(held_by) \
            and not held_by.split(" ", 1)[0].isupper() and (obj := _ru_accusative(kind)) is not None:
        verb = ru_past(held_by, "провёл", "провела", "провело")
        return " ".join(p for p in (when, held_by, verb, obj) if p)
    if held_by and (foreign(held_by) or not _RU_CIRCUMSTANCE.match(held_by)):
        aside = f" ({quoted(held_by)})" if foreign(held_by) else f" (организатор – {held_by})"
        held_by = ""
    if foreign(kind):
        event = f"проведено мероприятие {quoted(kind)}"
    else:
        event = f"{ru_past(kind, 'проведён', 'проведена', 'проведено')} {kind}"
    return " ".join(p for p in (when, held_by, event) if p) + aside


def _findings(row) -> dict:
    return SURVEY_FINDINGS if _SURVEY.search(f"{row.kind or ''}") else FINDINGS


def event_sentence(row, lang: str, days: list | None = None) -> str:
    """One event told as a sentence, its date first: «2024 жылғы 13 мамырда … мектеп-гимназия асханасында
    қоғамдық мониторинг жүргізілді, бұзушылықтар анықталған жоқ.» / «13 мая 2024 года совместно с … проведён
    общественный мониторинг …, нарушений не выявлено.» A text typed only in the other language never takes a
    grammatical slot: it is quoted whole (and marked on screen). `days`: every date the same event was held on,
    told together («2025 жылғы 29 қыркүйекте және 2026 жылғы 14 сәуірде …»)."""
    phrases = _findings(row)[bool(row.violations_found)]
    kind, held_by = lower_first(trim_end(row.kind)), lower_first(trim_end(row.held_by))
    dated = [on_day(day, lang) for day in (days or [row.held_on])]
    when = " ".join(p for p in (", ".join(dated[:-1]), say(lang, "және", "и") if len(dated) > 1 else "", dated[-1])
                    if p)
    text = _kk(when, kind, held_by) if lang == "kk" else _ru(when, kind, held_by)
    result = trim_end(row.result)
    # A result that only says what the finding already says (in either language) is not printed twice.
    if result and _plain(result) not in {_plain(p) for findings in (FINDINGS, SURVEY_FINDINGS)
                                         for p in findings[bool(row.violations_found)]}:
        shown = quoted(result) if foreign(result) else lower_first(result)
        text += say(lang, ", нәтижесі: {r}", ", результат: {r}", r=shown)
    text = f"{text}, {say(lang, *phrases)}"
    return sentence(text[:1].upper() + text[1:])


def _same(row) -> tuple:
    """What makes two events one told twice: the same event by the same people with the same result."""
    return (_plain(row.kind or ""), _plain(row.held_by or ""), _plain(row.result or ""), bool(row.violations_found))


def certificate(span, lang: str) -> list[Block]:
    """Each event a sentence; an event held again in the span with the same result is told once with its dates
    (issue 11: rudny-3's two identical surveys and two identical canteen checks were four sentences)."""
    events = span.rows.get("events", [])
    if not events:
        return [Para(say(lang, "Талданатын кезеңде мониторинг іс-шаралары өткізілген жоқ.",
                         "В анализируемом периоде мониторинговые мероприятия не проводились."))]
    alike: dict[tuple, list] = {}
    for row in events:
        alike.setdefault(_same(row), []).append(row)
    return [Para(event_sentence(rows[0], lang, [r.held_on for r in rows if r.held_on] or None))
            for rows in alike.values()]
