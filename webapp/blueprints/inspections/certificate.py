"""2.9 (and 2.10, same shape) in the certificate: each inspection with the inspecting body, the period and
subject inspected, the result document and whether violations were found."""

from __future__ import annotations

from collections.abc import Callable

from ...certificate.blocks import Block, Para, Table, say
from ...certificate.wording import lower_first, order_ref, ru_past, sentence, trim_end
from ...i18n import number


def result_document(row, lang: str) -> str:
    """«№2-0904-25-01180, 21.05.2025ж.» / «№2-0904-25-01180 от 21.05.2025»."""
    return order_ref(row.result_number, row.result_date, lang)


def finding(row, lang: str) -> str:
    if not row.violations_found:
        return say(lang, "бұзушылықтар анықталған жоқ", "нарушений не выявлено")
    found = say(lang, "бұзушылықтар анықталды", "выявлены нарушения")
    description = trim_end(row.description)
    return f"{found}: {description}" if description else found


def _plain(text: str | None) -> str:
    return " ".join("".join(c if c.isalnum() else " " for c in (text or "")).casefold().split())


def inspection_sentence(row, lang: str, known: str | None = None) -> str:
    """One inspection told as the seed tells it: «Рудный қаласының прокуратурасы тексеру жүргізді (тексерілген
    кезең – 2024–2025, тексеру мәні – …); нәтижесі туралы құжат №2-0904-25-01180, 21.05.2025ж. бойынша
    бұзушылықтар анықталған жоқ.» / «Прокуратура города Рудного провела проверку (…); по результатам проверки
    (документ №… от 21.05.2025) нарушений не выявлено.»"""
    body = trim_end(row.body)
    verb = say(lang, "тексеру жүргізді", "{v} проверку", v=ru_past(body, "провёл", "провела", "провело"))
    details = [say(lang, "тексерілген кезең – {v}", "проверяемый период – {v}", v=trim_end(row.period_checked))
               if trim_end(row.period_checked) else "",
               say(lang, "тексеру мәні – {v}", "предмет проверки – {v}", v=lower_first(trim_end(row.subject)))
               if trim_end(row.subject) else ""]
    details = [d for d in details if d]
    if body and _plain(body) in _plain(known):
        # The school's own basis already says who inspected: the details go on without repeating it.
        text = ", ".join(details) or say(lang, "тексеру", "проверка")
    else:
        text = f"{body} {verb}" + (f" ({', '.join(details)})" if details else "")
    document = result_document(row, lang)
    if document:
        text += say(lang, "; нәтижесі туралы құжат {d} бойынша {f}", "; по результатам проверки (документ {d}) {f}",
                    d=document, f=finding(row, lang))
    else:
        text += f"; {finding(row, lang)}"
    return sentence(text[:1].upper() + text[1:])


def inspections_blocks(rows, lang: str, none: Callable[[str], str], known: str | None = None) -> list[Block]:
    """Prose for one inspection, a table for several; `none(lang)` when there were none; `known`: the
    school's own text, whose facts are not repeated."""
    if not rows:
        return [Para(none(lang))]
    if len(rows) == 1:
        return [Para(inspection_sentence(rows[0], lang, known))]
    headers = [say(lang, "№", "№"), say(lang, "Тексеруші орган", "Проверяющий орган"),
               say(lang, "Тексерілген кезең", "Проверяемый период"), say(lang, "Тексеру мәні", "Предмет проверки"),
               say(lang, "Нәтижесі туралы құжат", "Документ по результатам"),
               say(lang, "Бұзушылықтар", "Нарушения")]
    table = [[str(i), row.body, row.period_checked or "", row.subject or "", result_document(row, lang),
              finding(row, lang)] for i, row in enumerate(rows, start=1)]
    return [Para(say(lang, "Талданатын кезеңде жүргізілген тексерулер – {n}:",
                     "Проверки, проведённые в анализируемом периоде, – {n}:", n=number(len(rows), lang))),
            Table(headers, table, widths=[1, 4, 3, 5, 4, 4])]


def _none(lang: str) -> str:
    return say(lang, "Талданатын кезеңде қадағалау органдарының тексерулері болған жоқ.",
               "В анализируемом периоде проверок надзорных органов не проводилось.")


def certificate(span, lang: str) -> list[Block]:
    return inspections_blocks(span.rows.get("inspections", []), lang, _none, span.text.get("basis"))
