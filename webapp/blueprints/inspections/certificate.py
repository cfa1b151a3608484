"""2.9 (and 2.10, same shape) in the certificate: each inspection with the inspecting body, the period and
subject inspected, the result document and whether violations were found."""

from __future__ import annotations

from collections.abc import Callable

from ...certificate.blocks import Block, Para, Table, say
from ...certificate.wording import bare_number, sentence, trim_end
from ...i18n import number, short_date


def result_document(row, lang: str) -> str:
    """«№2-0904-25-01180, 21.05.2025» / «№2-0904-25-01180 от 21.05.2025»."""
    number_, on = bare_number(row.result_number), row.result_date
    if number_ and on:
        return say(lang, "№{n}, {d}", "№{n} от {d}", n=number_, d=short_date(on))
    return f"№{number_}" if number_ else (short_date(on) if on else "")


def finding(row, lang: str) -> str:
    if not row.violations_found:
        return say(lang, "бұзушылықтар анықталған жоқ", "нарушений не выявлено")
    found = say(lang, "бұзушылықтар анықталды", "выявлены нарушения")
    description = trim_end(row.description)
    return f"{found}: {description}" if description else found


def inspection_line(row, lang: str) -> str:
    """«Тексеруші орган – …; тексерілген кезең – …; тексеру мәні – …; нәтижесі туралы құжат №…; бұзушылықтар …»."""
    fields = [(say(lang, "тексеруші орган", "проверяющий орган"), row.body),
              (say(lang, "тексерілген кезең", "проверяемый период"), row.period_checked),
              (say(lang, "тексеру мәні", "предмет проверки"), row.subject),
              (say(lang, "нәтижесі туралы құжат", "документ по результатам проверки"), result_document(row, lang))]
    parts = [f"{label} – {trim_end(value)}" for label, value in fields if trim_end(value)]
    parts.append(finding(row, lang))
    text = "; ".join(parts)
    return sentence(f"{text[0].upper()}{text[1:]}")


def inspections_blocks(rows, lang: str, none: Callable[[str], str]) -> list[Block]:
    """Prose for one inspection, a table for several; `none(lang)` when there were none."""
    if not rows:
        return [Para(none(lang))]
    if len(rows) == 1:
        return [Para(say(lang, "Талданатын кезеңде тексеру жүргізілді.",
                         "В анализируемом периоде проведена проверка.")),
                Para(inspection_line(rows[0], lang))]
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
    return inspections_blocks(span.rows.get("inspections", []), lang, _none)
