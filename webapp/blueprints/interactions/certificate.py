"""2.11 in the certificate: each dealing with law enforcement bodies, NGOs and citizens told in a sentence, its date
in words, with whom, about what and its result (issue 11 review: «02.10.2025 – Граждане: Рассмотрение …; результат –
…» read as a filled slot)."""

from __future__ import annotations

import re

from ...certificate.blocks import Block, Para, say
from ...certificate.wording import foreign, kk_with, lower_first, on_day, quoted, ru_gender, ru_past, sentence, trim_end

# A dealing about the proposals citizens sent on the announcement of the internal analysis (the public cycle's,
# webapp/blueprints/cycle): told in its own words, and not told twice where the cycle's sentence among the
# information sources already says how many came.
_ANNOUNCEMENT = re.compile(r"хабарландыру|объявлени", re.IGNORECASE)
_PROPOSALS = re.compile(r"ұсыныс|предложени", re.IGNORECASE)
# The key `span.told` holds once the certificate's information sources told the citizens' proposals on the
# announcement (certificate/assemble.py, the public cycle's sentence), read with no query of 2.11's own.
PROPOSALS_TOLD = "cycle:proposals"
# A result's opening clause that only says the dealing took place («Кездесу өткізілді», «Предложения рассмотрены»):
# the sentence has said it already.
_DONE = re.compile(r"^\S+(?:\s+\S+)?\s+(?:өткізілді|жүргізілді|қаралды|қаралып|проведен[аоы]?|состоял[аиось]*|"
                   r"рассмотрен[аоы]?)$", re.IGNORECASE)
# A body typed as a circumstance in Kazakh («…бірлесіп», «…тарапынан») takes no «-мен бірлесіп» of its own.
_KK_CIRCUMSTANCE = re.compile(r"(бірлесіп|арқылы|тарапынан|қатысуымен)$")
# … and in Russian («совместно с …», «с участием …», «силами …»): it goes before the verb as typed.
_RU_CIRCUMSTANCE = re.compile(r"(совместно|с|со|при|силами|с участием)\s", re.IGNORECASE)


def _ru_plural(word: str) -> bool:
    """«Граждане», «Родители», «Волонтёры»: a plural name, which «провёл/провела/провело» cannot agree with."""
    return word.lower().endswith(("ы", "и", "ане", "яне", "ые", "ие")) and not word.lower().endswith("ние")


def _rest(result: str, subject: str) -> str:
    """The result without an opening clause that only repeats that the dealing named in `subject` took place:
    «Кездесу өткізілді, 40-қа жуық педагог қатысты» → «40-қа жуық педагог қатысты»; "" when nothing else is said.
    A clause about something else («дәріс өткізілді» after «профилактика») stays."""
    head, _comma, tail = result.partition(",")
    head = head.strip()
    if _DONE.match(head) and head.split(" ", 1)[0][:5].casefold() in subject.casefold():
        return tail.strip()
    return result


def _shown(text: str) -> str:
    """A typed text going on mid-sentence: quoted whole when it is in the other language, else lowercase first."""
    return quoted(text) if foreign(text) else lower_first(text)


def about_announcement(row) -> bool:
    """True for a dealing about the proposals citizens sent on the announcement of the internal analysis."""
    typed = f"{row.subject or ''} {row.result or ''}"
    return bool(_ANNOUNCEMENT.search(typed) and _PROPOSALS.search(typed))


def _proposals_sentence(when: str, subject: str, result: str, lang: str, told_above: bool) -> str:
    """«2025 жылғы 2 қазанда ішкі талдау туралы хабарландыруға азаматтардан түскен ұсыныстар қаралып, авторларына
    жауап берілді.» / «2 октября 2025 года рассмотрены предложения граждан, поступившие на объявление о проведении
    внутреннего анализа; авторам даны ответы.»; `told_above`: the sentence among the information sources already
    said where they came from and how many, so they are «жоғарыда аталған» / «указанные выше»."""
    rest = _rest(result, subject)
    if lang == "kk":
        what = ("жоғарыда аталған азаматтардың ұсыныстары" if told_above
                else "ішкі талдау туралы хабарландыруға азаматтардан түскен ұсыныстар")
        text = f"{when} {what} " + (f"қаралып, {_shown(rest)}" if rest else "қаралды")
    else:
        what = ("указанные выше предложения граждан" if told_above
                else "предложения граждан, поступившие на объявление о проведении внутреннего анализа")
        text = f"{when} рассмотрены {what}" + (f"; {_shown(rest)}" if rest else "")
    return sentence(text[:1].upper() + text[1:])


def _ru_accusative(subject: str) -> str | None:
    """The dealing as the object of «провёл»: a masculine or neuter name reads the same («антикоррупционный
    рейд»); a feminine one changes its leading adjective and noun («антикоррупционная акция» → «антикоррупционную
    акцию», «встреча с …» → «встречу с …»); None for a plural or any other shape, never guessed."""
    gender = ru_gender(subject)
    words = subject.split(" ")
    if gender != "f":
        return None if _ru_plural(words[0]) else subject
    out, i = [], 0
    while i < len(words) and words[i].endswith(("ая", "яя")):
        out.append(words[i][:-2] + ("ую" if words[i].endswith("ая") else "юю"))
        i += 1
    if i >= len(words) or not words[i].endswith(("а", "я")) or words[i].endswith(("ая", "яя")):
        return None
    out.append(words[i][:-1] + ("у" if words[i].endswith("а") else "ю"))
    return " ".join(out + words[i + 1:])


def _kk(when: str, body: str, subject: str) -> str:
    """«2025 жылғы 12 қарашада Рудный қаласының полиция басқармасымен бірлесіп құқықтық сауаттылық бойынша
    оқушылармен кездесу өткізілді»; a body typed in Russian stands whole in an aside."""
    aside = f" ({quoted(body)})" if body and foreign(body) else ""
    with_body = "" if aside or not body else (body if _KK_CIRCUMSTANCE.search(body) else f"{kk_with(body)} бірлесіп")
    event = f"{quoted(subject)} іс-шарасы өткізілді" if foreign(subject) else (
        f"{subject} өткізілді" if subject else "өзара іс-қимыл жүргізілді")
    return " ".join(p for p in (when, with_body, event) if p) + aside


def _ru(when: str, body: str, subject: str) -> str:
    """«12 ноября 2025 года управление полиции города Рудного провело встречу с учащимися …»: a body typed in
    Russian is the subject, its verb agreeing with it; an abbreviation, a plural («Граждане»), a body typed in
    Kazakh or a dealing whose object form is not sure is told in the passive, the body apart («(участник – …)»)."""
    obj = _ru_accusative(subject) if subject and not foreign(subject) else None
    circumstance = bool(body) and not foreign(body) and bool(_RU_CIRCUMSTANCE.match(body))
    if body and obj and not foreign(body) and not circumstance and not body.split(" ", 1)[0].isupper() \
            and not _ru_plural(body.split(" ", 1)[0]):
        verb = ru_past(body, "провёл", "провела", "провело")
        return " ".join(p for p in (when, lower_first(body) if when else body, verb, obj) if p)
    aside = "" if not body or circumstance else f" ({quoted(body)})" if foreign(body) else f" (участник – {body})"
    if not subject:
        event = "состоялось взаимодействие"
    elif foreign(subject):
        event = f"проведено мероприятие {quoted(subject)}"
    else:
        event = f"{ru_past(subject, 'проведён', 'проведена', 'проведено')} {subject}"
    return " ".join(p for p in (when, lower_first(body) if circumstance else "", event) if p) + aside


def interaction_sentence(row, lang: str, told_above: bool = False) -> str:
    """One dealing as a sentence, its date in words first («2025 жылғы 12 қарашада …» / «12 ноября 2025 года …»),
    then with whom and about what, and the result joined on («…; приняли участие около 40 педагогов.»).
    `told_above`: the certificate's information sources already tell the citizens' proposals on the announcement."""
    when = on_day(row.held_on, lang) if row.held_on else ""
    body, subject, result = trim_end(row.body), lower_first(trim_end(row.subject)), trim_end(row.result)
    if about_announcement(row):
        return _proposals_sentence(when, subject, result, lang, told_above)
    text = _kk(when, body, subject) if lang == "kk" else _ru(when, body, subject)
    rest = _rest(result, subject) if result and not foreign(result) else result
    if rest:
        text += f"; {_shown(rest)}"
    return sentence(text[:1].upper() + text[1:])


def certificate(span, lang: str) -> list[Block]:
    """Each dealing a sentence; none: a sentence saying so."""
    rows = span.rows.get("interactions", [])
    if not rows:
        return [Para(say(lang, "Талданатын кезеңде құқық қорғау органдарымен, үкіметтік емес ұйымдармен және "
                               "азаматтармен өзара іс-қимыл болған жоқ.",
                         "В анализируемом периоде взаимодействия с правоохранительными органами, "
                         "неправительственными организациями и гражданами не было."))]
    told_above = PROPOSALS_TOLD in span.told
    return [Para(interaction_sentence(row, lang, told_above)) for row in rows]
