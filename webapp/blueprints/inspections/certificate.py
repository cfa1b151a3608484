"""2.9 (and 2.10, same shape) in the certificate: each inspection told in a sentence from its fields (the
inspecting body, the period and subject inspected, the result document and whether violations were found)."""

from __future__ import annotations

import re
from collections.abc import Callable

from ...certificate.blocks import Block, Para, Table, say
from ...certificate.dates import month_or_date_words
from ...certificate.wording import (
    KK_MONTHS_IN,
    RU_MONTHS_IN,
    RU_MONTHS_OF,
    bare_number,
    foreign,
    lower_first,
    order_ref,
    quoted,
    ru_genitive_of_actions,
    ru_past,
    ru_plural,
    sentence,
    trim_end,
)
from ...i18n import number
from ...reporting.fields import month_or_date

# The result document by its kind (forms.RESULT_KINDS); a kind not said is «құжат» / «документ». A prosecutor's
# representation is «ұсыну» (the Constitutional Law «On the Prosecutor's Office», acts of supervision); «ұсыным» is a
# recommendation, which presupposes no violation (the seed's «№2-0904-25-01180 ұсыным … бұзушылықтар анықталған жоқ»
# read «представление … нарушений не выявлено» in Russian, a contradiction in terms: issue 11 review).
RESULT_KINDS = {"act": ("акт", "акт проверки"), "reference": ("анықтама", "справка"),
                "representation": ("ұсыну", "представление"), "recommendation": ("ұсыным", "рекомендация"),
                "prescription": ("нұсқама", "предписание")}
_YEARS = re.compile(r"(\d{4})(?:\s*[–—-]\s*(\d{4}))?(?:\s*(?:жж?\.|гг?\.|жыл(?:дар)?|годы?))?")
_SUBJECT_ENDS = ("бойынша", "туралы", "қатысты")


def result_kind(row, lang: str) -> str:
    kk, ru = RESULT_KINDS.get(getattr(row, "result_kind", None) or "", ("құжат", "документ"))
    return kk if lang == "kk" else ru


LONG_FINDING = 80  # characters the findings column holds in a few lines; longer, the inspections are prose


def result_document(row, lang: str) -> str:
    """«2025 жылғы 21 мамырдағы №2-0904-25-01180 ұсыным» / «представление от 21 мая 2025 года №2-0904-25-01180»,
    the kind when said, as a table cell gives it (the one order style, wording.order_ref)."""
    cited = order_ref(row.result_number, row.result_date, lang)
    # A date alone («2025 жылғы 21 мамырдағы») needs its noun whether or not the kind is said: «… құжат» /
    # «документ от …» (issue 11 review); with a number («… №2-0904-25-01180») it reads as a reference as it is.
    date_alone = row.result_date and not bare_number(row.result_number)
    if not cited or not (getattr(row, "result_kind", None) or date_alone):
        return cited
    return f"{cited} {result_kind(row, lang)}" if lang == "kk" else f"{result_kind(row, lang)} {cited}"


# A no-violation finding whose typed description also clears remarks («ескертулер, бұзушылықтар анықталған жоқ» /
# «замечаний и нарушений не выявлено»): rudny-7's seed says both.
_REMARKS = re.compile(r"ескерту\w*[^.]*(?:анықталған жоқ|анықталмады|болған жоқ)"
                      r"|замечани\w*[^.]*не\s+(?:выявлен|установлен|было)", re.I)


def finding(row, lang: str) -> str:
    """What the inspection found: «бұзушылықтар анықталған жоқ» / «нарушений не выявлено», «ескертулер мен
    бұзушылықтар анықталған жоқ» / «замечаний и нарушений не выявлено» when the typed description says no remarks
    were made either (issue 11: the seed's «ескертулер» was dropped), or the violations found as typed."""
    if not row.violations_found:
        if _REMARKS.search(row.description or ""):
            return say(lang, "ескертулер мен бұзушылықтар анықталған жоқ", "замечаний и нарушений не выявлено")
        return say(lang, "бұзушылықтар анықталған жоқ", "нарушений не выявлено")
    found = say(lang, "бұзушылықтар анықталды", "выявлены нарушения")
    description = trim_end(row.description)
    description = quoted(description) if foreign(description) else lower_first(description)
    return f"{found}: {description}" if description else found


def _plain(text: str | None) -> str:
    return " ".join("".join(c if c.isalnum() else " " for c in (text or "")).casefold().split())


def _period(period: str, lang: str) -> tuple[str, str]:
    """(the period inside the sentence, or an aside): «2024–2025 жылдардағы» / «за 2024–2025 годы»."""
    if not period:
        return "", ""
    years = _YEARS.fullmatch(period)
    if years and years[2]:
        return say(lang, "{a}–{b} жылдардағы", "за {a}–{b} годы", a=years[1], b=years[2]), ""
    if years:
        return say(lang, "{a} жылғы", "за {a} год", a=years[1]), ""
    return "", say(lang, "тексерілген кезең – {v}", "проверяемый период – {v}", v=period)


def _subject(subject: str, lang: str) -> tuple[str, str]:
    """(the subject inside the sentence, or an aside): «… мәселелері бойынша» / «расходования …» (the genitive
    after «проверку»), or, in Russian, a nominative list the sentence introduces itself («…: расходование …»),
    marked by its leading colon; a subject typed only in the other language stands whole in the aside."""
    if not subject:
        return "", ""
    if foreign(subject):
        return "", say(lang, "тексеру мәні – {v}", "предмет проверки – {v}", v=quoted(subject))
    subject = lower_first(subject)
    if lang == "kk":
        return (subject if subject.endswith(_SUBJECT_ENDS) else f"{subject} мәселелері бойынша"), ""
    if re.match(r"(?:по|о|об)\s", subject):
        return subject, ""
    genitive = ru_genitive_of_actions(subject)
    return (genitive, "") if genitive else (f": {subject}", "")


def _result(row, lang: str, cited_only: bool = False) -> str:
    """«2025 жылғы 21 мамырдағы №2-0904-25-01180 ұсыным бойынша бұзушылықтар анықталған жоқ» / «по результатам
    проверки (представление от 21 мая 2025 года №2-0904-25-01180) нарушений не выявлено»; `cited_only`: the
    sentence already said «по результатам проверки …» / «… тексеру нәтижесінде», only the document and the finding
    follow («(представление от …) нарушений не выявлено»)."""
    cited = order_ref(row.result_number, row.result_date, lang)
    kind = result_kind(row, lang)
    if lang == "kk":
        return f"{cited} {kind} бойынша {finding(row, lang)}" if cited else finding(row, lang)
    if cited_only:
        return f"({kind} {cited}) {finding(row, lang)}" if cited else finding(row, lang)
    if not cited:
        return f"по результатам проверки {finding(row, lang)}"
    return f"по результатам проверки ({kind} {cited}) {finding(row, lang)}"


def held(row, lang: str) -> str:
    """When the inspection took place, as the sentence opens with it: «2024 жылғы ақпанда», «2024 жылғы 23
    ақпанда» / «в феврале 2024 года», «23 февраля 2024 года»; "" when not said."""
    parts = month_or_date(getattr(row, "held_on", None))
    if parts is None:
        return ""
    year, month, day = parts
    if lang == "kk":
        return f"{year} жылғы {day} {KK_MONTHS_IN[month - 1]}" if day else f"{year} жылғы {KK_MONTHS_IN[month - 1]}"
    return f"{day} {RU_MONTHS_OF[month - 1]} {year} года" if day else f"в {RU_MONTHS_IN[month - 1]} {year} года"


def inspection_sentence(row, lang: str, known: str | None = None) -> str:
    """One inspection: «2024 жылғы ақпанда Рудный қаласының прокуратурасы 2024–2025 жылдардағы бюджеттік қаржының
    жұмсалуы, … мәселелері бойынша тексеру жүргізді; 2025 жылғы 21 мамырдағы №2-0904-25-01180 ұсыным бойынша
    бұзушылықтар анықталған жоқ.» / «В феврале 2024 года прокуратура города Рудного провела проверку за
    2024–2025 годы по вопросам: расходование бюджетных средств, …; по результатам проверки (представление от
    21 мая 2025 года №2-0904-25-01180) нарушений не выявлено.»

    The Russian verb agrees with the body the school typed (wording.ru_past: «прокуратура … провела»,
    «департамент … провёл»); a body typed only in the other language cannot be the subject and stands whole in
    an aside («проверяющий орган – «…»»), as was once done for every body (issue 11: a parenthetical where a
    sentence belongs). Where `known` (the school's own basis) already names the body or the date, the sentence
    goes on without them, so a fact is stated once.
    """
    body, (period, period_aside), (subject, subject_aside) = (
        trim_end(row.body), _period(trim_end(row.period_checked), lang), _subject(trim_end(row.subject), lang))
    named = bool(body) and _plain(body) in _plain(known)
    when = held(row, lang)
    when = "" if when and _plain(when) in _plain(known) else when
    body_aside = ""
    if body and not named and foreign(body):
        body_aside = say(lang, "тексеруші орган – {v}", "проверяющий орган – {v}", v=quoted(body))
    asides = [a for a in (body_aside, period_aside, subject_aside) if a]
    aside = f" ({'; '.join(asides)})" if asides else ""
    # A Russian subject the genitive cannot be made of stays a nominative list the sentence introduces (issue 11
    # re-read: never «по вопросам: расходование …»).
    listed = subject[2:] if subject.startswith(": ") else ""
    subject = "" if listed else subject
    if named:
        # The school's basis told the inspection («… прокуратурасы тексеру жүргізді» / «… провела проверку»): the
        # sentence goes on with what it covered and found, and does not tell it again.
        if lang == "kk":
            covered = subject.removesuffix(" мәселелері бойынша")
            opening = f"{when} жүргізілген тексеру" if when else "тексеру"
            if covered != subject:
                text = " ".join(p for p in (opening, period, f"{covered} мәселелерін қамтыды") if p) + aside
                return sentence(f"{text[:1].upper()}{text[1:]}; {_result(row, lang)}")
            done = f"{when} жүргізілген" if when else ""
            text = " ".join(p for p in (done, period, subject, "тексеру нәтижесінде") if p) + aside
            return sentence(f"{text[:1].upper()}{text[1:]} {_result(row, lang, cited_only=True)}")
        inspection = " ".join(p for p in (f"проведённой {when} проверки" if when else "проверки", subject, period)
                              if p)
        if listed:
            covered = " ".join(p for p in (f"проведённой {when} проверкой" if when else "проверкой", period) if p)
            text = f"{covered} охвачены следующие вопросы: {listed}{aside}; {_result(row, lang)}"
        else:
            text = f"по результатам {inspection}{aside} {_result(row, lang, cited_only=True)}"
        return sentence(f"{text[:1].upper()}{text[1:]}")
    if lang == "kk":
        if body_aside or not body:
            text = " ".join(p for p in ((when, period, subject, "тексеру жүргізілді") if when else
                                        ("тексеру", period, subject, "жүргізілді")) if p)
        else:
            text = " ".join(p for p in (when, body, period, subject, "тексеру жүргізді") if p)
        text += aside
    else:
        if body and not body_aside and not body.split(" ", 1)[0].isupper():
            verb = ru_past(body, "провёл", "провела", "провело")
            text = " ".join(p for p in (when, lower_first(body) if when else body, verb, "проверку", subject,
                                        period) if p)
            covering = "охватившую"
        else:
            # An abbreviation («УГД», «ДГД») has no ending to tell its gender, and is not declined: «УГД проведена
            # проверка», as official texts write it.
            text = " ".join(p for p in (when, "" if body_aside else body, "проведена проверка", subject, period)
                            if p)
            covering = "охватившая"
        text += aside
        if listed:
            text += f", {covering} следующие вопросы: {listed}"
    return sentence(f"{text[:1].upper()}{text[1:]}; {_result(row, lang)}")


def inspections_blocks(rows, lang: str, none: Callable[[str], str], known: str | None = None) -> list[Block]:
    """Prose for one inspection, a sentence and a table for several; `none(lang)` when there were none;
    `known`: the school's own text, whose facts are not repeated."""
    if not rows:
        return [Para(none(lang))]
    n = len(rows)
    intro = say(lang, "Талданатын кезеңде {n} тексеру жүргізілді", "В анализируемом периоде {verb} {n} {noun}",
                n=number(n, lang), verb=ru_plural(n, "проведена", "проведены", "проведено"),
                noun=ru_plural(n, "проверка", "проверки", "проверок"))
    # A finding longer than LONG_FINDING characters in the findings column (a sixth of the width) ran 13–14
    # hyphen-broken lines (rudny-3's prosecutor's findings): then each inspection is told in its own sentence, as
    # a single one is.
    if n == 1 or any(len(finding(row, lang)) > LONG_FINDING for row in rows):
        told = [Para(inspection_sentence(row, lang, known)) for row in rows]
        if n == 1:
            return told
        return [Para(f"{intro}.")] + told
    # When each inspection took place has its column whenever any row says it (issue 11 review: the sentence of
    # one inspection opens with it, the table of several had no place for it).
    dated = any(getattr(row, "held_on", None) for row in rows)
    headers = [say(lang, "№", "№"), say(lang, "Тексеруші орган", "Проверяющий орган"),
               *([say(lang, "Тексеру уақыты", "Дата проверки")] if dated else []),
               say(lang, "Тексерілген кезең", "Проверяемый период"), say(lang, "Тексеру мәні", "Предмет проверки"),
               say(lang, "Нәтижесі туралы құжат", "Документ по результатам"),
               say(lang, "Бұзушылықтар", "Нарушения")]
    table = []
    for i, row in enumerate(rows, start=1):
        when = [month_or_date_words(getattr(row, "held_on", None), lang)] if dated else []
        table.append([str(i), row.body, *when, row.period_checked or "", row.subject or "",
                      result_document(row, lang), finding(row, lang)])
    return [Para(f"{intro}:"),
            Table(headers, table, widths=[1, 4, 3, 3, 5, 4, 4] if dated else [1, 4, 3, 5, 4, 4])]


def _none(lang: str) -> str:
    return say(lang, "Талданатын кезеңде қадағалау органдарының тексерулері болған жоқ.",
               "В анализируемом периоде проверок надзорных органов не проводилось.")


def certificate(span, lang: str) -> list[Block]:
    return inspections_blocks(span.rows.get("inspections", []), lang, _none, span.text.get("basis"))
