"""2.8 in the certificate: each court case told in a sentence from its stored fields (court, other party,
subject, number, decision date and outcome), as a clerk would write it."""

from __future__ import annotations

import re

from ...certificate.blocks import Block, Para, Table, say
from ...certificate.wording import (
    bare_number,
    foreign,
    kk_with,
    lower_first,
    order_ref,
    quoted,
    ru_plural,
    sentence,
    trim_end,
)
from ...i18n import number, short_date

OUTCOMES = {
    "in_favour": ("шешім мектеп пайдасына", "решение в пользу школы"),
    "against": ("шешім мектеп пайдасына емес", "решение не в пользу школы"),
    "partly": ("шешім ішінара мектеп пайдасына", "решение частично в пользу школы"),
    "pending": ("шешім әлі шығарылған жоқ", "решение ещё не вынесено"),
    "settled": ("тараптар бітімгершілік келісімге келді", "заключено мировое соглашение"),
}
# How the sentence ends for each outcome: (kk after «сот [date] шешімімен», ru after «решением суда [от date]»).
DECIDED = {
    "in_favour": ("дауды мектеп пайдасына шешті", "спор разрешён в пользу школы"),
    "against": ("дауды мектеп пайдасына шешпеді", "спор разрешён не в пользу школы"),
    "partly": ("дауды ішінара мектеп пайдасына шешті", "спор разрешён частично в пользу школы"),
}
# Russian organisational forms that open a name and keep it undeclined after «с» («по спору с ТОО «…»»).
_RU_ORG_FORMS = ("ТОО", "АО", "ИП", "ГУ", "КГУ", "ГККП", "КГКП", "РГП", "РГКП", "РГУ", "ПК", "ОО", "ОФ", "НАО",
                 "ЧУ", "КГП", "ГКП", "«")
# A sentence of the school's basis saying there is no court practice: kk / ru negations next to a word naming
# cases or practice («…іс жүргізу практикасы көрсетілмейді», «Судебная практика … не приводится»).
_NONE = re.compile(r"көрсетілмейді|болған жоқ|болмады|жүргізілмеді|қаралмады|жоқ\b|не приводится|не было|"
                   r"не имеется|отсутству|не рассматривал|не велось", re.IGNORECASE)
_ABOUT_CASES = re.compile(r"практик|сот|\bіс\b|істер|суд|дел[оа]", re.IGNORECASE)


def outcome_text(row, lang: str) -> str:
    kk, ru = OUTCOMES.get(row.outcome, (row.outcome or "", row.outcome or ""))
    return kk if lang == "kk" else ru


def _court(court: str, lang: str) -> tuple[str, str]:
    """(where the case was heard, to open the sentence; or an aside for after the case number) from the typed
    court: «Алматы қ.» → «Алматы қаласының сотында», «…экономикалық соты» → «…экономикалық сотында»,
    «г. Алматы» → «судом г. Алматы», «Рудный городской суд» → «Рудным городским судом»; anything else, or a
    text in the other language, as «сот – …» / «суд – …»
    for the parenthesis after the case number."""
    if not court:
        return "", ""
    if not foreign(court):
        if lang == "kk":
            city = re.fullmatch(r"(.+?)\s+(?:қ\.?|қаласы)", court)
            if city:
                return f"{city[1]} қаласының сотында", ""
            if court.endswith("соты"):
                return f"{court}нда", ""
        elif re.match(r"(?:г\.|город)\s*\S", court):
            return f"судом {court}", ""
        else:
            named = re.fullmatch(r"((?:\S+(?:ый|ий|ой)\s+)+)суд\b(.*)", court)
            if named:  # «Рудный городской суд» → «Рудным городским судом»: adjectives and «суд» decline alike
                adjectives = " ".join(_ru_instrumental(word) for word in named[1].split())
                return f"{adjectives} судом{named[2]}", ""
    return "", say(lang, "сот – {v}", "суд – {v}", v=court)


def _ru_instrumental(adjective: str) -> str:
    """A Russian masculine adjective in the instrumental: «городской» → «городским», «Рудный» → «Рудным»."""
    stem, ending = adjective[:-2], adjective[-2:]
    if ending == "ий" or (ending == "ой" and stem[-1:] in "кгхжшчщ"):
        return f"{stem}им"
    return f"{stem}ым"


def _other_party(other: str, lang: str) -> tuple[str, str]:
    """(the other party inside the sentence, or an aside): ««SHAKIRT GROUP» ЖШС-мен» / «по спору с ТОО
    «SHAKIRT GROUP»»; a name that would have to be declined, or in the other language, stays whole."""
    if not other:
        return "", ""
    if not foreign(other):
        if lang == "kk":
            return kk_with(other), ""
        if other.startswith(_RU_ORG_FORMS):
            return f"по спору с {other}", ""
    return "", say(lang, "дау тарабы – {v}", "другая сторона – {v}", v=other)


def _subject(subject: str, lang: str) -> tuple[str, str]:
    """(the subject inside the sentence, or an aside): «мемлекеттік сатып алуға қатысты» (before the case
    number) / «в сфере государственных закупок» (after it)."""
    if not subject:
        return "", ""
    subject = lower_first(subject)
    if not foreign(subject):
        if lang == "kk":
            ends = ("қатысты", "бойынша", "туралы")
            if subject.endswith(ends):
                return subject, ""
            # A claim named by a verbal noun («…айыбын өндіру», «…деп тану») is a case «туралы»; a thing, «бойынша».
            return f"{subject} {'туралы' if subject.endswith('у') else 'бойынша'}", ""
        if re.match(r"(?:по|о|об|в сфере|в связи с)\s", subject):
            return subject, ""
    return "", say(lang, "дау мәні – {v}", "предмет спора – {v}",
                   v=quoted(subject) if foreign(subject) else subject)


def _outcome(row, lang: str) -> str:
    """«сот 2025 жылғы 23 мамырдағы шешімімен дауды мектеп пайдасына шешті» / «решением суда от 23 мая 2025 года
    спор разрешён в пользу школы», by the outcome stored; a decision not yet given says so."""
    decided, day = DECIDED.get(row.outcome), order_ref(None, row.decided_on, lang)
    if decided:
        if lang == "kk":
            return f"сот {day} шешімімен {decided[0]}" if day else f"сот {decided[0]}"
        return f"решением суда {day} {decided[1]}" if day else decided[1].replace("разрешён", "разрешён судом")
    if row.outcome == "settled":
        if lang == "kk":
            return f"сот {day} тараптардың бітімгершілік келісімін бекітті" if day else (
                "сот тараптардың бітімгершілік келісімін бекітті")
        return f"определением суда {day} утверждено мировое соглашение сторон" if day else (
            "судом утверждено мировое соглашение сторон")
    return say(lang, "іс бойынша шешім әлі шығарылған жоқ", "решение по делу ещё не вынесено")


def case_sentence(row, lang: str) -> str:
    """One case: «Талданатын кезеңде Алматы қаласының сотында «SHAKIRT GROUP» ЖШС-мен мемлекеттік сатып алуға
    қатысты №7527-25-00-2/5493 іс қаралды; сот 2025 жылғы 23 мамырдағы шешімімен дауды мектеп пайдасына шешті.» /
    «В анализируемом периоде судом г. Алматы рассмотрено дело №7527-25-00-2/5493 по спору с ТОО «SHAKIRT GROUP»
    в сфере государственных закупок; решением суда от 23 мая 2025 года спор разрешён в пользу школы.»"""
    court, court_aside = _court(trim_end(row.court), lang)
    other, other_aside = _other_party(trim_end(row.counterparty), lang)
    subject, subject_aside = _subject(trim_end(row.subject), lang)
    case = f"№{bare_number(row.case_number)}"
    if lang == "kk":
        words = ["Талданатын кезеңде", court, other, subject, case, "іс қаралды"]
    else:
        words = ["В анализируемом периоде", court, "рассмотрено дело", case, other, subject]
    text = " ".join(w for w in words if w)
    asides = [a for a in (court_aside, other_aside, subject_aside) if a]
    if asides:  # what could not go into the sentence follows the case in one parenthesis
        text += f" ({'; '.join(asides)})"
    return sentence(f"{text}; {_outcome(row, lang)}")


def leaves_out_no_practice(span, basis: str | None, lang: str) -> str | None:
    """The school's basis without its sentences saying there is no court practice when the section tells a
    case: the seed's «…іс жүргізу практикасы көрсетілмейді.» before the case it then tells contradicts it."""
    if not basis or not span.rows.get("cases"):
        return basis
    kept = [s for s in re.split(r"(?<=[.!?])\s+", basis.strip())
            if not (_NONE.search(s) and _ABOUT_CASES.search(s))]
    return " ".join(kept) or None


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
    n = len(cases)
    return [Para(say(lang, "Талданатын кезеңде {n} сот ісі қаралды:", "В анализируемом периоде рассмотрено {n} {noun}:",
                     n=number(n, lang), noun=ru_plural(n, "судебное дело", "судебных дела", "судебных дел"))),
            Table(headers, rows, widths=[1, 4, 3, 3, 4, 5, 4])]
