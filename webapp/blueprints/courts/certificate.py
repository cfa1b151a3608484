"""2.8 in the certificate: each court case with its number, date, court, other party, subject and outcome."""

from __future__ import annotations

from ...certificate.blocks import Block, Para, Table, say
from ...certificate.wording import bare_number, lower_first, sentence, trim_end
from ...i18n import number, short_date

OUTCOMES = {
    "in_favour": ("шешім мектеп пайдасына", "решение в пользу школы"),
    "against": ("шешім мектеп пайдасына емес", "решение не в пользу школы"),
    "partly": ("шешім ішінара мектеп пайдасына", "решение частично в пользу школы"),
    "pending": ("шешім әлі шығарылған жоқ", "решение ещё не вынесено"),
    "settled": ("тараптар бітімгершілік келісімге келді", "заключено мировое соглашение"),
}
# How a decided case ends a sentence that began with «сот … шешімімен» / «решением суда от …».
DECIDED = {
    "in_favour": ("іс мектеп пайдасына шешілді", "спор разрешён в пользу школы"),
    "against": ("іс мектеп пайдасына шешілмеді", "спор разрешён не в пользу школы"),
    "partly": ("іс ішінара мектеп пайдасына шешілді", "спор разрешён частично в пользу школы"),
    "settled": ("тараптардың бітімгершілік келісімі бекітілді", "утверждено мировое соглашение сторон"),
}


def outcome_text(row, lang: str) -> str:
    kk, ru = OUTCOMES.get(row.outcome, (row.outcome or "", row.outcome or ""))
    return kk if lang == "kk" else ru


def case_sentence(row, lang: str) -> str:
    """One case told as the seed tells it: «Талданатын кезеңде №7527-25-00-2/5493 іс қаралды (Алматы қ.), дау
    тарабы – «SHAKIRT GROUP» ЖШС, дау мәні: мемлекеттік сатып алуға қатысты; сот 23.05.2025ж. шешімімен іс
    мектеп пайдасына шешілді.»"""
    court, other, subject = (trim_end(value) for value in (row.court, row.counterparty, row.subject))
    text = say(lang, "Талданатын кезеңде №{n} іс қаралды", "В анализируемом периоде рассмотрено дело №{n}",
               n=bare_number(row.case_number))
    if court:
        text += f" ({court})"
    if other:
        text += say(lang, ", дау тарабы – {v}", ", сторона спора – {v}", v=other)
    if subject:
        text += say(lang, ", дау мәні: {v}", ", предмет спора: {v}", v=lower_first(subject))
    decided = DECIDED.get(row.outcome)
    if decided and row.decided_on:
        text += say(lang, "; сот {d}ж. шешімімен {o}", "; решением суда от {d} {o}", d=short_date(row.decided_on),
                    o=decided[0] if lang == "kk" else decided[1])
    else:
        text += f"; {outcome_text(row, lang)}"
    return sentence(text)


def certificate(span, lang: str) -> list[Block]:
    cases = span.rows.get("cases", [])
    if not cases:
        return [Para(say(lang, "Талданатын кезеңде сот істері болған жоқ.",
                         "В анализируемом периоде судебных дел не было."))]
    if len(cases) == 1:
        return [Para(case_sentence(cases[0], lang))]
    headers = [say(lang, "№", "№"), say(lang, "Іс нөмірі", "Номер дела"), say(lang, "Шешім күні", "Дата решения"),
               say(lang, "Сот", "Суд"), say(lang, "Екінші тарап", "Другая сторона"),
               say(lang, "Дау мәні", "Предмет спора"), say(lang, "Нәтижесі", "Результат")]
    rows = [[str(i), f"№{bare_number(row.case_number)}", short_date(row.decided_on) if row.decided_on else "",
             row.court or "", row.counterparty or "", row.subject or "", outcome_text(row, lang)]
            for i, row in enumerate(cases, start=1)]
    return [Para(say(lang, "Талданатын кезеңде жүргізілген сот істері – {n}:",
                     "Судебные дела, рассмотренные в анализируемом периоде, – {n}:", n=number(len(cases), lang))),
            Table(headers, rows, widths=[1, 4, 3, 3, 4, 5, 4])]
