"""2.8 in the certificate: each court case with its number, date, court, other party, subject and outcome."""

from __future__ import annotations

from ...certificate.blocks import Block, Para, Table, say
from ...certificate.wording import bare_number, trim_end
from ...i18n import number, short_date

OUTCOMES = {
    "in_favour": ("шешім мектеп пайдасына", "решение в пользу школы"),
    "against": ("шешім мектеп пайдасына емес", "решение не в пользу школы"),
    "partly": ("шешім ішінара мектеп пайдасына", "решение частично в пользу школы"),
    "pending": ("шешім әлі шығарылған жоқ", "решение ещё не вынесено"),
    "settled": ("тараптар бітімгершілік келісімге келді", "заключено мировое соглашение"),
}


def outcome_text(row, lang: str) -> str:
    kk, ru = OUTCOMES.get(row.outcome, (row.outcome or "", row.outcome or ""))
    return kk if lang == "kk" else ru


def case_line(row, lang: str) -> str:
    """«№7527-25-00-2/5493 іс, 23.05.2025, Алматы қ., «SHAKIRT GROUP» ЖШС, …, шешім мектеп пайдасына»."""
    number_part = say(lang, "№{n} іс", "дело №{n}", n=bare_number(row.case_number))
    parts = [number_part, short_date(row.decided_on) if row.decided_on else "",
             *(trim_end(value) for value in (row.court, row.counterparty, row.subject)),
             outcome_text(row, lang)]
    return ", ".join(p for p in parts if p)


def certificate(span, lang: str) -> list[Block]:
    cases = span.rows.get("cases", [])
    if not cases:
        return [Para(say(lang, "Талданатын кезеңде сот істері болған жоқ.",
                         "В анализируемом периоде судебных дел не было."))]
    if len(cases) == 1:
        return [Para(say(lang, "Талданатын кезеңде сот ісі жүргізілді: {case}.",
                         "В анализируемом периоде рассмотрено судебное дело: {case}.", case=case_line(cases[0], lang)))]
    headers = [say(lang, "№", "№"), say(lang, "Іс нөмірі", "Номер дела"), say(lang, "Шешім күні", "Дата решения"),
               say(lang, "Сот", "Суд"), say(lang, "Екінші тарап", "Другая сторона"),
               say(lang, "Дау мәні", "Предмет спора"), say(lang, "Нәтижесі", "Результат")]
    rows = [[str(i), f"№{bare_number(row.case_number)}", short_date(row.decided_on) if row.decided_on else "",
             row.court or "", row.counterparty or "", row.subject or "", outcome_text(row, lang)]
            for i, row in enumerate(cases, start=1)]
    return [Para(say(lang, "Талданатын кезеңде жүргізілген сот істері – {n}:",
                     "Судебные дела, рассмотренные в анализируемом периоде, – {n}:", n=number(len(cases), lang))),
            Table(headers, rows, widths=[1, 4, 3, 3, 4, 5, 4])]
