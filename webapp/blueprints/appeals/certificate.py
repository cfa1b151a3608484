"""2.4 in the certificate: appeals received by channel, and whether they were answered on time.

Timeliness comes from the dated list when the school keeps one (so the figures cannot disagree with the
dates), otherwise from the counts it gave, added up over the span.
"""

from __future__ import annotations

from collections import Counter

from ...certificate.blocks import Block, Para, say
from ...certificate.placed import Topic
from ...certificate.stated import Names
from ...certificate.wording import kk_share, ru_plural, sentence
from ...i18n import number
from .timeliness import timeliness

# «"е-Өтініш" порталы арқылы 3 өтініш келіп түсті»: how each channel reads before the count.
CHANNELS = {
    "e_otinish": ("«е-Өтініш» порталы арқылы", "через портал «е-Өтініш»"),
    "written": ("жазбаша түрде", "в письменной форме"),
    "in_person": ("жеке қабылдауда", "на личном приёме"),
    "other": ("өзге тәсілмен", "иным способом"),
}


# The words a school's own text names the appeals received with (certificate.stated: not said twice).
APPEALS = Names(kk=("өтініш", "өтінім", "арыз", "шағым"), ru=("обращени", "заявлени", "жалоб"))


# The seed's order of ideas in 2.4 (certificate.placed): the appeals received, then how they are handled.
RECEIVED, HANDLED = 1, 2
TOPICS = (Topic(HANDLED, r"жауапты тұлға|ответственн\w* лиц|өңде|қаралады|қарайды|рассматрива"),)


def _appeals(n: int, lang: str) -> str:
    return f"{number(n, lang)} {say(lang, 'өтініш', ru_plural(n, 'обращение', 'обращения', 'обращений'))}"


# «8 через портал «е-Өтініш»» / «оның 8-і «е-Өтініш» порталы арқылы»: a channel reads the same after its count.
CHANNELS_AFTER = CHANNELS


def _parts(counts: list[tuple[int, str, str]], lang: str) -> str:
    """«8-і «е-Өтініш» порталы арқылы, 3-і жазбаша түрде және 1-і өзге тәсілмен» / «8 через портал «е-Өтініш», 3 в
    письменной форме и 1 иным способом»: the parts of a count, none of them zero."""
    items = [f"{kk_share(n) if lang == 'kk' else number(n, lang)} {say(lang, kk, ru)}" for n, kk, ru in counts if n]
    if len(items) > 1:
        return ", ".join(items[:-1]) + say(lang, " және ", " и ") + items[-1]
    return items[0] if items else ""


def _received(rows, total: int, lang: str, stated: bool = False, applicants: str = "", whole: bool = True) -> str:
    """The appeals received, their channels and who sent them, as one sentence: «Талданатын кезеңде 12 өтініш
    келіп түсті, оның 8-і «е-Өтініш» порталы арқылы, 3-і жазбаша түрде және 1-і өзге тәсілмен; 9-ы жеке
    тұлғалардан …»; `stated`: the school's text already gives the total, so only the channels are told; `whole`:
    the rows are every appeal received (else their channels are only some of them, «оның …»)."""
    if total == 0:
        return say(lang, "Талданатын кезеңде өтініштер келіп түскен жоқ.",
                   "В анализируемом периоде обращений не поступало.")
    channels = Counter(row.channel for row in rows)
    if stated and whole:
        if not channels:
            return sentence(say(lang, "Өтініштердің {list}", "Из обращений {list}", list=applicants)) \
                if applicants else ""
        if len(channels) == 1:
            kk, ru = CHANNELS.get(next(iter(channels)), CHANNELS["other"])
            text = say(lang, "Өтініштер {channel} келіп түсті.", "Обращения поступили {channel}.",
                       channel=kk if lang == "kk" else ru)
            return text + (" " + sentence(say(lang, "Өтініштердің {list}", "Из обращений {list}", list=applicants))
                           if applicants else "")
    ordered = [c for c in CHANNELS if c in channels] + [c for c in channels if c not in CHANNELS]
    if len(channels) == 1 and whole:
        kk, ru = CHANNELS.get(ordered[0], CHANNELS["other"])
        text = say(lang, "Талданатын кезеңде {channel} {appeals} келіп түсті",
                   "В анализируемом периоде {channel} поступило {appeals}",
                   channel=kk if lang == "kk" else ru, appeals=_appeals(total, lang))
        parts = [applicants] if applicants else []
    else:
        if stated and whole:
            return sentence(say(lang, "Өтініштердің {list}", "Из обращений {list}",
                                list=_parts([(channels[c], *CHANNELS_AFTER.get(c, CHANNELS_AFTER["other"]))
                                             for c in ordered], lang)))
        text = say(lang, "Талданатын кезеңде {appeals} келіп түсті", "В анализируемом периоде поступило {appeals}",
                   appeals=_appeals(total, lang))
        parts = [_parts([(channels[c], *CHANNELS_AFTER.get(c, CHANNELS_AFTER["other"])) for c in ordered], lang)]
        parts = [p for p in parts + [applicants] if p]
    if parts:
        text += say(lang, ", оның ", ", из них ") + "; ".join(parts)
    return sentence(text)


def _on_time(received: int, on_time: int | None, overdue: int | None, unanswered: int | None, lang: str) -> str:
    """«2 өтініш мерзімінде қаралды, 1 өтініш әлі қаралған жоқ.» / «2 обращения рассмотрены в срок, 1 обращение
    ещё не рассмотрено.»: only what happened, never «– 0» (issue 11)."""
    if not received or (on_time is None and overdue is None):
        return ""
    if on_time == received:
        return say(lang, "Әрбір өтініш мерзімінде қаралды.", "Каждое обращение рассмотрено в срок.")
    clauses = []
    for n, kk, ru in ((on_time, "мерзімінде қаралды", ("рассмотрено в срок", "рассмотрены в срок")),
                      (overdue, "мерзімі бұзылып қаралды", ("рассмотрено с нарушением срока",
                                                             "рассмотрены с нарушением срока")),
                      (unanswered, "әлі қаралған жоқ", ("ещё не рассмотрено", "ещё не рассмотрены"))):
        if n:
            clauses.append(f"{_appeals(n, lang)} {kk if lang == 'kk' else ru_plural(n, ru[0], ru[1], ru[0])}")
    if not clauses:  # none on time and nothing else known
        return say(lang, "Мерзімінде қаралған өтініш болған жоқ.", "В срок не рассмотрено ни одного обращения.")
    return sentence(", ".join(clauses))


def tally(span) -> tuple[int | None, int | None, int | None, int | None, bool]:
    """(received, on time, overdue, unanswered, split only) over the span, worked out per half-year (issue 10
    QA): a half-year received its typed total, else as many as its dated list holds, else the sum of its split by
    applicant; the span's figure is their sum (None when no half-year gives any). Timeliness is the typed counts,
    else the dated list's when the list is the whole of what was received; each is None unless known for every
    half-year that received some, so «every appeal on time» is never said of appeals nobody dated.
    `split only`: every figure came from a split by applicant (no total, no list anywhere)."""
    received, sums, known, split_only = None, [0, 0, 0], [True, True, True], True
    for part in span.parts or [span]:
        rows = part.rows.get("appeals") or []
        typed = part.fact("received_count")
        split = [part.fact(name) for name, *_ in APPLICANTS if part.fact(name) is not None]
        count = typed if typed is not None else len(rows) if rows else sum(split) if split else None
        if count is None:
            continue
        split_only = split_only and typed is None and not rows
        received = (received or 0) + count
        if not count:
            continue
        if part.fact("answered_on_time_count") is not None or part.fact("overdue_count") is not None:
            figures = (part.fact("answered_on_time_count"), part.fact("overdue_count"), None)
        elif rows and len(rows) == count:
            figures = tuple(timeliness(rows))[1:]
        else:  # nothing known of this half-year's timeliness: no figure of the span can be told
            figures = (None, None, None)
            known[0] = known[1] = False
        for i, n in enumerate(figures):
            if n is None:
                known[i] = False
            else:
                sums[i] += n
    on_time, overdue, unanswered = (n if ok else None for n, ok in zip(sums, known, strict=True))
    return received, on_time, overdue, unanswered, split_only


def certificate(span, lang: str) -> list[Block]:
    rows = span.rows.get("appeals", [])
    received, on_time, overdue, unanswered, split_only = tally(span)
    if received is None:
        return []
    if split_only:  # no total, only a split by applicant: that much is stated (issue 10 QA)
        text = _applicants_alone(span, lang)
        return [Para(text)] if text else []
    stated = span.stated(received, APPEALS, lang)
    # The dated list names every appeal received only when it holds as many; otherwise its channels are «из них».
    told = _received(rows, received, lang, stated, _applicants(span, lang), whole=len(rows) == received)
    timely = _on_time(received, on_time, overdue, unanswered, lang)
    if received and on_time == received and told.endswith(".") and not {":", ";"} & set(told):
        # One sentence, not «…поступило 3 обращения. Каждое обращение рассмотрено в срок.» before a school's
        # «Каждое обращение рассматривалось…» (the reviewer: «каждое обращение» told twice).
        timely = ""
        told = told[:-1] + say(lang, ", {all} мерзімінде қаралды.", ", {all} в срок.",
                               all=say(lang, "барлығы" if received > 1 else "ол",
                                       "все рассмотрены" if received > 1 else "оно рассмотрено"))
    text = " ".join(t for t in (told, timely) if t)
    return [Para(text, topic=RECEIVED)] if text else []


APPLICANTS = (("from_individuals", "жеке тұлғалардан", ("от физических лиц",) * 3),
              ("from_legal_entities", "заңды тұлғалардан", ("от юридических лиц",) * 3),
              ("anonymous", "анонимді", ("анонимное", "анонимных", "анонимных")))


def _applicants(span, lang: str) -> str:
    """«9-ы жеке тұлғалардан, 2-сі заңды тұлғалардан және 1-і анонимді» / «9 от физических лиц, 2 от юридических
    лиц и 1 анонимное»: as given, even when it does not add up (the section's warning asks the school to explain
    that). A kind with none is left out: the certificate never prints «– 0» (issue 11)."""
    counts = []
    for name, kk, ru_forms in APPLICANTS:
        n = span.fact(name)
        if n:
            counts.append((n, kk, ru_plural(n, *ru_forms)))
    return _parts(counts, lang)


def _applicants_alone(span, lang: str) -> str:
    """«Талданатын кезеңде жеке тұлғалардан 3 өтініш келіп түсті.» / «В анализируемом периоде от физических лиц
    поступило 3 обращения.»: the appeals by kind of applicant when no total is given; further kinds follow as
    «…, заңды тұлғалардан – 35». None is printed as «– 0» (as in _applicants)."""
    given = [(span.fact(name), kk, ru_forms) for name, kk, ru_forms in APPLICANTS if span.fact(name)]
    if not given:
        return ""
    (n, kk, ru_forms), rest = given[0], given[1:]
    if ru_forms[0] == "анонимное":  # an adjective: before the noun («3 анонимді өтініш», «3 анонимных обращения»)
        text = say(lang, "Талданатын кезеңде {n} {kk} өтініш келіп түсті", "В анализируемом периоде поступило {n} "
                   "{ru} {noun}", n=number(n, lang), kk=kk, ru=ru_plural(n, *ru_forms),
                   noun=ru_plural(n, "обращение", "обращения", "обращений"))
    else:
        text = say(lang, "Талданатын кезеңде {who} {appeals} келіп түсті",
                   "В анализируемом периоде {who} поступило {appeals}", who=kk if lang == "kk" else ru_forms[0],
                   appeals=_appeals(n, lang))
    text += "".join(f", {kk if lang == 'kk' else ru_plural(m, *forms)} – {number(m, lang)}"
                    for m, kk, forms in rest)
    return text + "."

