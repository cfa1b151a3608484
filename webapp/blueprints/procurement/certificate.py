"""2.2 (financial and economic activity) in the certificate: contracts and sums by procurement method over
the span, their total, the plan orders, complaints and cancellations."""

from __future__ import annotations

from decimal import Decimal

from ...certificate.blocks import Block, Para, say
from ...certificate.wording import ru_plural, sentence, series, trim_end
from ...i18n import number

# How each method opens its line: «Баға сұранысы бойынша 57 шарт – …», «Электронды дүкен арқылы – …».
METHOD_PHRASES = {
    "open_tender": ("Ашық конкурс бойынша", "По открытому конкурсу"),
    "price_request": ("Баға сұранысы бойынша", "По запросу ценовых предложений"),
    "e_shop": ("Электронды дүкен арқылы", "Через электронный магазин"),
    "single_source": ("Бір көзден алу тәсілімен", "Из одного источника"),
    "other": ("Өзге тәсілмен", "Иным способом"),
}


def tenge(value, lang: str) -> str:
    """«22 266 028,65 теңге»: in prose the seed spells the currency out."""
    return f"{number(value, lang, digits=2)} {say(lang, 'теңге', 'тенге')}"


def contracts_text(n: int, lang: str) -> str:
    return f"{number(n, lang)} {say(lang, 'шарт', ru_plural(n, 'договор', 'договора', 'договоров'))}"


def methods_over_span(rows) -> list[tuple[str, str, int | None, Decimal]]:
    """(method, note, contracts, amount) per method summed over the span, in first-entered order.

    "Other" rows stay apart by their notes (they name different methods). A contract count unknown in any
    half-year leaves the method's count unknown rather than understated.
    """
    totals: dict[tuple[str, str], list] = {}
    for row in rows:
        note = " ".join((row.note or "").split()) if row.method == "other" else ""
        entry = totals.setdefault((row.method, note), [0, Decimal(0)])
        entry[0] = None if entry[0] is None or row.contracts is None else entry[0] + row.contracts
        entry[1] += Decimal(row.amount or 0)
    return [(method, note, contracts, amount) for (method, note), (contracts, amount) in totals.items()]


def _method_line(method: str, note: str, contracts: int | None, amount: Decimal, lang: str) -> str:
    kk, ru = METHOD_PHRASES.get(method, METHOD_PHRASES["other"])
    opening = note if method == "other" and note else say(lang, kk, ru)
    counted = f" {contracts_text(contracts, lang)}" if contracts else ""
    return f"{opening}{counted} – {tenge(amount, lang)}"


def _purchases(span, lang: str) -> list[Block]:
    methods = methods_over_span(span.rows.get("methods", []))
    if not methods:
        return []
    blocks: list[Block] = [Para(say(lang, "Талданатын кезеңде мемлекеттік сатып алу шарттары мынадай тәсілдермен "
                                          "жасалды:",
                                    "В анализируемом периоде договоры государственных закупок заключены "
                                    "следующими способами:"))]
    blocks += series([_method_line(*method, lang) for method in methods])
    total = sum((amount for *_, amount in methods), Decimal(0))
    counts = [contracts for _, _, contracts, _ in methods]
    if len(methods) > 1:
        if all(c is not None for c in counts):
            blocks.append(Para(say(lang, "Барлығы – {contracts}, жалпы сомасы {sum}.",
                                   "Всего – {contracts} на общую сумму {sum}.",
                                   contracts=contracts_text(sum(counts), lang), sum=tenge(total, lang))))
        else:
            blocks.append(Para(say(lang, "Мемлекеттік сатып алудың жалпы сомасы – {sum}.",
                                   "Общая сумма государственных закупок – {sum}.", sum=tenge(total, lang))))
    return blocks


def _plan_and_complaints(span, lang: str) -> list[Block]:
    blocks: list[Block] = []
    plan = trim_end(span.fact("plan_orders"))
    if plan:
        blocks.append(Para(sentence(say(lang, "Мемлекеттік сатып алу жоспарын бекіту және өзгерту туралы бұйрықтар: "
                                              "{orders}",
                                        "Приказы об утверждении и изменении плана государственных закупок: {orders}",
                                        orders=plan))))
    complaints, cancelled = span.fact("complaints_count"), span.fact("cancellations_count")
    parts = []
    if complaints is not None:
        parts.append(say(lang, "мемлекеттік сатып алуға шағымдар түскен жоқ", "жалоб на государственные закупки "
                               "не поступало") if complaints == 0 else
                     say(lang, "мемлекеттік сатып алуға шағымдар саны – {n}", "жалоб на государственные закупки – {n}",
                         n=number(complaints, lang)))
    if cancelled is not None:
        parts.append(say(lang, "сатып алулардың күші жойылған жоқ", "закупки не отменялись") if cancelled == 0 else
                     say(lang, "күші жойылған сатып алулар – {n}", "отменено закупок – {n}", n=number(cancelled, lang)))
    if parts:
        text = ", ".join(parts)
        blocks.append(Para(f"{text[0].upper()}{text[1:]}."))
    description = (span.fact("complaints_description") or "").strip()
    if description:
        blocks.append(Para(description))
    return blocks


def certificate(span, lang: str) -> list[Block]:
    return _purchases(span, lang) + _plan_and_complaints(span, lang)
