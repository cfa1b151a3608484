"""2.2 (financial and economic activity) in the certificate: contracts and sums by procurement method over
the span, their total, the plan orders, complaints and cancellations."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ...certificate.blocks import Block, Para, say
from ...certificate.stated import Fact, Names, order_fact
from ...certificate.wording import kk_share, lower_first, order_ref, ru_plural, sentence, trim_end
from ...i18n import number, percent

# By which method a purchase was made, as a sentence says it (kk, ru): «баға ұсыныстарын сұрату тәсілімен …» /
# «способом запроса ценовых предложений …» (issue 11 re-read: sentences, not «По запросу … 57 договоров – …»).
METHOD_PHRASES = {
    "open_tender": ("ашық конкурс тәсілімен", "способом открытого конкурса"),
    "prequalification_tender": ("алдын ала біліктілік іріктеу арқылы конкурс тәсілімен",
                                "способом конкурса с предварительным квалификационным отбором"),
    "framework_tender": ("негіздемелік келісімді пайдалана отырып конкурс тәсілімен",
                         "способом конкурса с использованием рамочного соглашения"),
    "rating_tender": ("рейтингтік-балдық жүйені пайдалана отырып конкурс тәсілімен",
                      "способом конкурса с использованием рейтингово-балльной системы"),
    "auction": ("аукцион тәсілімен", "способом аукциона"),
    "price_request": ("баға ұсыныстарын сұрату тәсілімен", "способом запроса ценовых предложений"),
    "e_shop": ("электрондық дүкен арқылы", "через электронный магазин"),
    "commodity_exchange": ("тауар биржалары арқылы", "через товарные биржи"),
    "single_source": ("бір көзден алу тәсілімен", "способом из одного источника"),
    "other": ("өзге тәсілмен", "иным способом"),
}
METHOD_NAMES = {
    "open_tender": ("ашық конкурс", "открытый конкурс"),
    "prequalification_tender": ("алдын ала біліктілік іріктеу арқылы конкурс",
                                "конкурс с предварительным квалификационным отбором"),
    "framework_tender": ("негіздемелік келісімді пайдалана отырып конкурс",
                         "конкурс с использованием рамочного соглашения"),
    "rating_tender": ("рейтингтік-балдық жүйені пайдалана отырып конкурс",
                      "конкурс с использованием рейтингово-балльной системы"),
    "auction": ("аукцион", "аукцион"),
    "price_request": ("баға ұсыныстарын сұрату", "запрос ценовых предложений"),
    "e_shop": ("электронды дүкен", "электронный магазин"),
    "commodity_exchange": ("тауар биржалары арқылы сатып алу", "закупки через товарные биржи"),
    "single_source": ("бір көзден алу", "из одного источника"),
    "other": ("өзге тәсіл", "иной способ"),
}


# The words a school's own text names each figure with (certificate.stated: such a figure is not said twice).
CONTRACTS = Names(kk=("шарт", "келісімшарт"), ru=("договор", "контракт"))
AMOUNT = Names(kk=("теңге", "сома", "₸"), ru=("тенге", "сумм", "₸"))
COMPLAINTS = Names(kk=("шағым",), ru=("жалоб",))
CANCELLED = Names(kk=("күші жойыл",), ru=("отмен+закуп",))
# How a school's text names each method, to tell whether its basis already says by which methods contracts were
# concluded (the seed: «…сатып алу шарттары құрылды: ашық конкурс, баға сұранысы бойынша, электронды дүкен арқылы»).
METHOD_WORDS = {
    "open_tender": Names(kk=("ашық конкурс",), ru=("открыт конкурс",)),
    "prequalification_tender": Names(kk=("біліктілік іріктеу",), ru=("квалификационн отбор",)),
    "framework_tender": Names(kk=("негіздемелік келісім",), ru=("рамочн соглашен",)),
    "rating_tender": Names(kk=("рейтингтік",), ru=("рейтингов",)),
    "auction": Names(kk=("аукцион",), ru=("аукцион",)),
    "price_request": Names(kk=("баға сұран", "баға ұсыныс"), ru=("запрос ценов", "ценов предложен")),
    "e_shop": Names(kk=("электронды дүкен", "электрондық дүкен"), ru=("электронн магазин",)),
    "commodity_exchange": Names(kk=("тауар биржа",), ru=("товарн бирж",)),
    "single_source": Names(kk=("бір көзден",), ru=("одного источник",)),
}


def tenge(value, lang: str) -> str:
    """«22 266 028,65 теңге»: in prose the seed spells the currency out."""
    return f"{number(value, lang, digits=2)} {say(lang, 'теңге', 'тенге')}"


def contracts_text(n: int, lang: str) -> str:
    return f"{number(n, lang)} {say(lang, 'шарт', ru_plural(n, 'договор', 'договора', 'договоров'))}"


@dataclass
class MethodOverSpan:
    """One method's contracts and amount over the span; None: not given in some half-year (never zero)."""

    method: str
    name: str  # the typed name of an «other» method
    contracts: int | None
    amount: Decimal | None

    @property
    def used(self) -> bool:
        """False for «none»: 0 contracts, or no count and an amount of 0. A sum spent is a purchase whatever the
        count says (issue 10 QA: «0 contracts, 5 000 ₸» was listed as «none» and left out of the total)."""
        if self.amount:
            return True
        if self.contracts == 0:
            return False
        return not (self.contracts is None and self.amount == 0)


def _add(a, b):
    return None if a is None or b is None else a + b


def methods_over_span(rows) -> list[MethodOverSpan]:
    """Each method summed over the span, in first-entered order.

    "Other" rows stay apart by their names. A figure unknown in any half-year leaves the method's figure
    unknown rather than understated; a half-year with 0 contracts and no amount spent nothing.
    """
    totals: dict[tuple[str, str], MethodOverSpan] = {}
    for row in rows:
        name = " ".join((row.other_name or row.note or "").split()) if row.method == "other" else ""
        amount = Decimal(row.amount) if row.amount is not None else (Decimal(0) if row.contracts == 0 else None)
        entry = totals.get((row.method, name))
        if entry is None:
            totals[(row.method, name)] = MethodOverSpan(row.method, name, row.contracts, amount)
        else:
            entry.contracts, entry.amount = _add(entry.contracts, row.contracts), _add(entry.amount, amount)
    return list(totals.values())


def _method_name(m: MethodOverSpan, lang: str) -> str:
    return m.name if m.method == "other" and m.name else say(lang, *METHOD_NAMES.get(m.method, METHOD_NAMES["other"]))


def _method_clause(m: MethodOverSpan, lang: str, elided: bool, unmarked: bool = False) -> str:
    """One method's purchases: «баға ұсыныстарын сұрату тәсілімен 22 266 028,65 теңге сомасына 57 шарт жасалды»,
    «электрондық дүкен арқылы 41 440,00 теңгеге сатып алынды» / «способом запроса ценовых предложений заключено
    105 договоров на сумму …», «через электронный магазин – закупки на сумму …»; `elided`: a Russian clause after
    one that said «заключено» leaves the verb to it («способом открытого конкурса – 6 договоров на сумму …»);
    `unmarked`: no amount is given for any method, which the totals say once, so the clause gives the count alone
    (issue 11 review: «(сумма не указана)» after each of five methods)."""
    kk, ru = METHOD_PHRASES.get(m.method, METHOD_PHRASES["other"])
    # an «other» method reads as typed («Тауар биржасы арқылы»)
    how = lower_first(m.name) if m.method == "other" and m.name else say(lang, kk, ru)
    if lang == "kk":
        if not m.contracts:
            bought = (f"{number(m.amount, lang, digits=2)} теңгеге сатып алынды" if m.amount is not None
                      else "сатып алу жүргізілді" + ("" if unmarked else " (сомасы көрсетілмеген)"))
            return f"{how} {bought}"
        if m.amount is None:
            told = f"{how} {contracts_text(m.contracts, lang)} жасалды"
            return told if unmarked else f"{told} (сомасы көрсетілмеген)"
        return f"{how} {tenge(m.amount, lang)} сомасына {contracts_text(m.contracts, lang)} жасалды"
    if not m.contracts:
        if m.amount is not None:
            return f"{how} – закупки на сумму {tenge(m.amount, lang)}"
        return f"{how} – закупки" if unmarked else f"{how} – закупки (сумма не указана)"
    contracts = contracts_text(m.contracts, lang)
    told = f"{how} – {contracts}" if elided else f"{how} {_concluded(m.contracts)} {contracts}"
    if m.amount is not None:
        return f"{told} на сумму {tenge(m.amount, lang)}"
    return told if unmarked else f"{told} (сумма не указана)"


def _methods_sentence(used: list[MethodOverSpan], lang: str, opening: str = "", unmarked: bool = False) -> str:
    """Every method used in one sentence, its clauses joined by commas; `unmarked`: no method's amount is given and
    a sentence of the totals says so once, so no clause repeats it."""
    clauses, said_verb = [], False
    for m in used:
        clauses.append(_method_clause(m, lang, elided=said_verb, unmarked=unmarked))
        said_verb = said_verb or bool(m.contracts)
    text = " ".join(p for p in (opening, ", ".join(clauses)) if p)
    return sentence(f"{text[:1].upper()}{text[1:]}")


def _concluded(n: int) -> str:
    """«заключён 21 договор», «заключено 2 договора, 5 договоров»."""
    return ru_plural(n, "заключён", "заключено", "заключено")


def _all_contracts(n: int, lang: str) -> str:
    """The contracts over all methods in a sentence, not «Барлығы – 156 шарт» (issue 11 re-read: a «label –
    value» slot): «Барлығы 156 шарт жасалды.» / «Всего заключено 156 договоров.»"""
    return say(lang, "Барлығы {contracts} жасалды.", "Всего {verb} {contracts}.", verb=_concluded(n),
               contracts=contracts_text(n, lang))


def _totals(span, used: list[MethodOverSpan], lang: str) -> list[Block]:
    counts = [m.contracts for m in used]
    amounts = [m.amount for m in used]
    contracts = None if None in counts else sum(counts)
    amount = None if None in amounts else sum(amounts, Decimal(0))
    # A total the school's text already gives («…22 266 028,65 теңгеге 57 шарт жасалды») is not said again.
    if contracts is not None and span.stated(contracts, CONTRACTS, lang):
        contracts = None if amount is not None else contracts
    if amount is not None and span.stated(amount, AMOUNT, lang):
        if contracts is None or span.stated(contracts, CONTRACTS, lang):
            return []
        return [Para(_all_contracts(contracts, lang))] if len(used) > 1 else []
    if len(used) > 1 and contracts is not None and amount is not None:
        return [Para(say(lang, "Барлығы жалпы сомасы {sum} болатын {contracts} жасалды.",
                         "Всего {verb} {contracts} на общую сумму {sum}.", verb=_concluded(contracts),
                         contracts=contracts_text(contracts, lang), sum=tenge(amount, lang)))]
    if len(used) > 1 and amount is not None:
        return [Para(say(lang, "Мемлекеттік сатып алудың жалпы сомасы {sum}ні құрады.",
                         "Общая сумма государственных закупок составила {sum}.", sum=tenge(amount, lang)))]
    blocks = []
    if contracts is not None and len(used) > 1 and not span.stated(contracts, CONTRACTS, lang):
        blocks.append(Para(_all_contracts(contracts, lang)))
    if amount is None:
        unknown = sum(1 for a in amounts if a is None)
        known = [a for a in amounts if a is not None]
        if known:
            blocks.append(Para(say(lang, "Жалпы сомасы белгісіз: {n} тәсіл бойынша сома көрсетілмеген, көрсетілген "
                                         "сомалардың жиыны – {sum}.",
                                   "Общая сумма неизвестна: по {n} {ways} сумма не указана, указанные суммы "
                                   "составляют {sum}.", n=number(unknown, lang),
                                   ways=ru_plural(unknown, "способу", "способам", "способам"),
                                   sum=tenge(sum(known, Decimal(0)), lang))))
        else:
            blocks.append(Para(say(lang, "Сатып алу сомалары көрсетілмеген.", "Суммы закупок не указаны.")))
    return blocks


def _single_source_share(used: list[MethodOverSpan], lang: str) -> list[Block]:
    """The single source's part of all purchases in a sentence, not a «label – value» slot (issue 11: «Бір көзден
    алу тәсілінің үлесі: сомасы бойынша – 20,5 %.»): «Бір көзден алу тәсілімен жасалған шарттар сатып алудың
    жалпы сомасының 20,5 %-ын, шарттардың жалпы санының 5,1 %-ын (78 шарттың 4-і) құрады.» / «На закупки из
    одного источника пришлось 20,5 % общей суммы закупок и 5,1 % договоров (4 договора из 78).»"""
    single = [m for m in used if m.method == "single_source"]
    if not single or len(used) < 2:
        return []
    counts, amounts = [m.contracts for m in used], [m.amount for m in used]
    by_count = None not in counts and sum(counts) and single[0].contracts is not None
    by_amount = None not in amounts and sum(amounts) and single[0].amount is not None
    if by_count:
        total, part = sum(counts), single[0].contracts
        of = say(lang, "{total} шарттың {part}", "{part} из {total}", total=number(total, lang),
                 part=kk_share(part) if lang == "kk" else contracts_text(part, lang))
        count_share = percent(part / total, lang, digits=1)
    if by_amount:
        share = percent(single[0].amount / sum(amounts, Decimal(0)), lang, digits=1)
        if by_count:  # both shares, the count's with its figures
            return [Para(say(lang, "Бір көзден алу тәсілімен жасалған шарттар сатып алудың жалпы сомасының {share}-ын, "
                                   "шарттардың жалпы санының {count}-ын ({of}) құрады.",
                             "На закупки из одного источника пришлось {share} общей суммы закупок и {count} "
                             "договоров ({of}).", share=share, count=count_share, of=of))]
        return [Para(say(lang, "Бір көзден алу тәсілімен жасалған шарттар сатып алудың жалпы сомасының {share}-ын "
                               "құрады.",
                         "На закупки из одного источника пришлось {share} общей суммы закупок.", share=share))]
    if by_count:
        return [Para(say(lang, "Бір көзден алу тәсілімен {of} ({share}) жасалды.",
                         "Из одного источника {verb} {of} ({share}).", share=count_share, of=of,
                         verb=_concluded(part)))]
    return []


def _methods_fact(used: list[MethodOverSpan]) -> Fact:
    """That contracts were concluded by the `used` methods: a sentence naming contracts and each method (an
    «other» method, named as typed, cannot be recognised, so its presence keeps the introduction)."""
    words = [METHOD_WORDS.get(m.method) for m in used]
    if None in words:
        return Fact()
    return Fact(terms=(CONTRACTS, *words))


def _named_without_figures(span, methods: list[MethodOverSpan], lang: str) -> list[str]:
    """The methods the school's own text says contracts were concluded by (a sentence naming contracts and the
    method: «…сатып алу шарттары құрылды: ашық конкурс, …») that have no row, so neither figure is known: the
    sums of the rows are then no total (issue 11 review: rudny-7's «ашық конкурс» carries no figure). Codes."""
    entered = {m.method for m in methods}
    return [code for code, words in METHOD_WORDS.items()
            if code not in entered and span.said(Fact(terms=(CONTRACTS, words)), lang)]


def _whole(span, used: list[MethodOverSpan], lang: str) -> tuple[int | None, Decimal] | None:
    """(contracts or None, amount) over every method when the total leads the methods: more than one method,
    every amount known and the school's text not giving the total itself."""
    amounts = [m.amount for m in used]
    if len(used) < 2 or None in amounts:
        return None
    amount = sum(amounts, Decimal(0))
    if span.stated(amount, AMOUNT, lang):
        return None
    counts = [m.contracts for m in used]
    return (None if None in counts or not all(counts) else sum(counts)), amount


def _total_first(used: list[MethodOverSpan], contracts: int | None, amount: Decimal, lang: str, lead: str) -> str:
    """The total, then each method «оның ішінде» / «в том числе», one sentence (issue 11: «…сомасына N шарт
    жасалды» four times over): «Талданатын кезеңде жалпы сомасы 30 582 904,02 теңге болатын 78 шарт жасалды,
    оның ішінде: баға ұсыныстарын сұрату тәсілімен – 13 690 612,24 теңге сомасына 63 шарт; …» / «В анализируемом
    периоде заключено 78 договоров на общую сумму 30 582 904,02 тенге, в том числе: способом запроса ценовых
    предложений – 63 договора на сумму 13 690 612,24 тенге; …». A method bought from without contracts (the
    e-shop) makes the total a sum of purchases, not of contracts."""
    if contracts is not None:
        head = say(lang, "жалпы сомасы {sum} болатын {contracts} жасалды", "{verb} {contracts} на общую сумму {sum}",
                   sum=tenge(amount, lang), contracts=contracts_text(contracts, lang), verb=_concluded(contracts))
    else:
        head = say(lang, "мемлекеттік сатып алудың жалпы сомасы {sum}ні құрады",
                   "общая сумма государственных закупок составила {sum}", sum=tenge(amount, lang))
    items = []
    for m in used:
        kk, ru = METHOD_PHRASES.get(m.method, METHOD_PHRASES["other"])
        how = lower_first(m.name) if m.method == "other" and m.name else say(lang, kk, ru)
        if m.contracts:
            told = say(lang, "{sum} сомасына {contracts}", "{contracts} на сумму {sum}", sum=tenge(m.amount, lang),
                       contracts=contracts_text(m.contracts, lang))
        else:
            told = say(lang, "{sum}", "закупки на сумму {sum}", sum=tenge(m.amount, lang))
        items.append(f"{how} – {told}")
    text = " ".join(p for p in (lead, head) if p)
    return sentence(f"{text[:1].upper()}{text[1:]}{say(lang, ', оның ішінде: ', ', в том числе: ')}"
                    f"{'; '.join(items)}")


def _purchases(span, lang: str) -> list[Block]:
    methods = methods_over_span(span.rows.get("methods", []))
    if not methods:
        return []
    used = [m for m in methods if m.used]
    unused = [m for m in methods if not m.used]
    blocks: list[Block] = []
    whole = _whole(span, used, lang) if not _named_without_figures(span, methods, lang) else None
    if whole:
        said = span.said(_methods_fact(used), lang)  # the school's basis names the methods: no second opening
        lead = "" if said else say(lang, "талданатын кезеңде", "в анализируемом периоде")
        blocks.append(Para(_total_first(used, *whole, lang, lead)))
        blocks += _single_source_share(used, lang)
    elif used:
        # With no amount at all, the totals say once that the amounts are not given (when they are printed).
        unmarked = all(m.amount is None for m in used) and not _named_without_figures(span, methods, lang)
        if span.said(_methods_fact(used), lang):
            # The school's basis already says by which methods contracts were concluded: the figures follow it in
            # a sentence of their own, not after a second introduction.
            blocks.append(Para(_methods_sentence(used, lang, unmarked=unmarked)))
        else:
            during = say(lang, "талданатын кезеңде", "в анализируемом периоде")
            blocks.append(Para(_methods_sentence(used, lang, during, unmarked=unmarked)))
        if not _named_without_figures(span, methods, lang):
            # A total, or a share of one, only over every method the school names; otherwise none is printed,
            # as the seed prints none beside its open tender without a figure.
            blocks += _totals(span, used, lang)
            blocks += _single_source_share(used, lang)
    if unused:
        blocks.append(Para(say(lang, "Мына тәсілдермен шарттар жасалған жоқ: {list}.",
                               "Договоры не заключались следующими способами: {list}.",
                               list=", ".join(_method_name(m, lang) for m in unused))))
    return blocks


# One order as a clerk lists it among the plan orders: «№1 05.01.2025», «№ 2, 05.01.2025ж.», «№68 от 14.04.2025».
_PLAN_ORDER = re.compile(r"№\s*(?P<number>[^\s,;]+)\s*,?\s*(?:от\s+)?(?P<day>\d{2})\.(?P<month>\d{2})\.(?P<year>\d{4})"
                         r"\s*(?:ж\.?)?")


def plan_orders(text: str, lang: str, span=None) -> str:
    """The plan orders the school typed, each cited in the certificate's one order style (wording.order_ref),
    orders of one day together: «2025 жылғы 5 қаңтардағы №1, №2; 2025 жылғы 24 ақпандағы №49, …» / «от 5 января
    2025 года №1, №2; от 24 февраля 2025 года №49, …»; text that is not a plain list of «№ number date» is
    printed as typed. With `span`, an order the certificate already cited (1.1's list of orders, the school's own
    text) is not cited again (issue 11, «a fact is stated once»): "" when every one was."""
    items = [item.strip() for item in re.split(r"[;,](?=\s*№)", text) if item.strip()]
    matches = [_PLAN_ORDER.fullmatch(item) for item in items]
    if not items or not all(matches):
        return text
    if span is not None:
        matches = [m for m in matches
                   if not span.said(order_fact(m["number"], f"{m['year']}-{m['month']}-{m['day']}"), lang)]
    days: dict[str, list[str]] = {}
    for m in matches:  # in the order typed; a day's orders stay together
        days.setdefault(f"{m['year']}-{m['month']}-{m['day']}", []).append(order_ref(m["number"], None, lang))
    return "; ".join(f"{order_ref(None, day, lang)} {', '.join(numbers)}" for day, numbers in days.items())


def _complaints(n: int, lang: str) -> str:
    """«мемлекеттік сатып алуға 2 шағым түсті» / «поступили 2 жалобы на государственные закупки»; none: a negative
    sentence."""
    if n == 0:
        return say(lang, "мемлекеттік сатып алуға шағымдар түскен жоқ", "жалоб на государственные закупки не поступало")
    return say(lang, "мемлекеттік сатып алуға {n} шағым түсті", "{verb} {n} {noun} на государственные закупки",
               n=number(n, lang), verb=ru_plural(n, "поступила", "поступили", "поступило"),
               noun=ru_plural(n, "жалоба", "жалобы", "жалоб"))


def _cancellations(n: int, lang: str) -> str:
    """«2 сатып алудың күші жойылды» / «отменены 2 закупки»; none: a negative sentence."""
    if n == 0:
        return say(lang, "сатып алулардың күші жойылған жоқ", "закупки не отменялись")
    return say(lang, "{n} сатып алудың күші жойылды", "{verb} {n} {noun}", n=number(n, lang),
               verb=ru_plural(n, "отменена", "отменены", "отменено"),
               noun=ru_plural(n, "закупка", "закупки", "закупок"))


# A school's description that speaks of cancelled purchases (the form has one description for complaints and
# cancellations): «Сатып алудың күші жойылды, себебі …» / «Закупки отменены в связи с …».
_CANCELLATION_WORDS = re.compile(r"күші жойыл|күшін жой|отмен", re.I)


def _cancelled_untold(n: int, lang: str) -> str:
    """What a cancellation the school gave no reason for still says: nothing was bought by it (issue 11: «отменены
    2 закупки» read as an unexplained gap) – «…, олар бойынша шарттар жасалған жоқ» / «…, договоры по ним не
    заключались»."""
    if n == 1:
        return say(lang, ", ол бойынша шарт жасалған жоқ", ", договор по ней не заключался")
    return say(lang, ", олар бойынша шарттар жасалған жоқ", ", договоры по ним не заключались")


def _plan_and_complaints(span, lang: str) -> list[Block]:
    blocks: list[Block] = []
    plan = trim_end(span.fact("plan_orders"))
    orders = plan_orders(plan, lang, span) if plan else ""
    if orders:
        blocks.append(Para(sentence(say(lang, "Мемлекеттік сатып алу жоспарын бекіту және өзгерту туралы бұйрықтар: "
                                              "{orders}",
                                        "Приказы об утверждении и изменении плана государственных закупок: {orders}",
                                        orders=orders))))
    complaints, cancelled = span.fact("complaints_count"), span.fact("cancellations_count")
    parts = []
    if complaints is not None and not span.stated(complaints, COMPLAINTS, lang):
        parts.append(_complaints(complaints, lang))
    if cancelled is not None and not span.stated(cancelled, CANCELLED, lang):
        parts.append(_cancellations(cancelled, lang))
    description = trim_end((span.fact("complaints_description") or "").strip())
    if (complaints and parts and parts[0] == _complaints(complaints, lang) and "." not in description
            and say(lang, "шағым", "жалоб") in description.casefold()):
        # The school's description tells the complaint's fate: it goes on the count's sentence rather than tell
        # the complaint a second time (issue 11 re-read: «Поступила 1 жалоба… Жалоба поставщика рассмотрена…»).
        parts[0] = f"{parts[0]}; {lower_first(description)}"
        description = ""
    if cancelled and parts and parts[-1] == _cancellations(cancelled, lang):
        if not description:
            parts[-1] += _cancelled_untold(cancelled, lang)
        elif "." not in description and _CANCELLATION_WORDS.search(description):
            # The school's reason goes on the count's sentence, as a complaint's fate does.
            parts[-1] = f"{parts[-1]}; {lower_first(description)}"
            description = ""
    if parts:
        text = ", ".join(parts)
        blocks.append(Para(f"{text[0].upper()}{text[1:]}."))
    if description:
        blocks.append(Para(sentence(description)))
    return blocks


def certificate(span, lang: str) -> list[Block]:
    return _purchases(span, lang) + _plan_and_complaints(span, lang)
