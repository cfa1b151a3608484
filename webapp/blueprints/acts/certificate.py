"""1.1 in the certificate: how the internal rules were approved, then the orders checked, as the seed lists them."""

from __future__ import annotations

from datetime import date

from ...certificate.blocks import Block, Para, say
from ...certificate.stated import Fact, order_fact
from ...certificate.wording import (
    bare_number,
    lower_first,
    order_ref,
    quoted,
    ru_genitive,
    sentence,
    series,
    title_inside,
)


def _school_year(day) -> str | None:
    """«2024-2025»: the school year a date of the rules' approval (ISO text or a date) falls at the start of."""
    if not day:
        return None
    day = day if isinstance(day, date) else date.fromisoformat(str(day))
    first = day.year if day.month >= 7 else day.year - 1
    return f"{first}-{first + 1}"


def _rules(span, lang: str) -> list[Block]:
    # The body a school typed («Педагогикалық кеңес») goes on mid-sentence in lowercase: «…педагогикалық кеңес
    # отырысында бекітілді (2024 жылғы 29 тамыздағы №1 хаттама)» / «…утверждены на заседании педагогического
    # совета (протокол от 29 августа 2024 года №1)».
    body = lower_first((span.fact("rules_body") or "").strip())
    number, on = span.fact("rules_protocol_number"), span.fact("rules_protocol_date")
    protocol = order_ref(number, on, lang)
    order = order_ref(span.fact("rules_order_number"), span.fact("rules_order_date"), lang)
    if not (body or protocol or order):
        return []
    year = _school_year(span.fact("rules_protocol_date") or span.fact("rules_order_date"))
    if lang == "kk":
        text = "«Ішкі тәртіп ережесі»"
        if year:  # the seed: «2024-2025 оқу жылының басында … «Ішкі тәртіп ережесі» әзірленіп, …»
            text = f"{year} оқу жылының басында {text} әзірленіп,"
        if body or protocol:
            text += f" {body} отырысында" if body else ""
            text += " бекітілді" + (f" ({protocol} хаттама)" if protocol else "")
        if order:
            text += ("," if body or protocol else "") + f" мектеп директорының {order} бұйрығымен рәсімделді"
    else:
        text = (f"В начале {year} учебного года разработаны и утверждены «Правила внутреннего распорядка»" if year
                else "«Правила внутреннего распорядка» утверждены")
        genitive = ru_genitive(body)
        if genitive:
            text += f" на заседании {genitive}"
        details = [d for d in ("" if genitive else body, f"протокол {protocol}" if protocol else "") if d]
        if details:
            text += f" ({', '.join(details)})"
        if order:
            text += (", оформлены приказом директора школы " if genitive or details
                     else " приказом директора школы ") + order
    return [Para(sentence(text))]


def _orders(span, lang: str) -> list[Block]:
    seen, items, cited = set(), [], []
    for row in span.rows.get("orders", []):
        # An order listed in two half-years of the span (or twice by mistake) is one order.
        key = (bare_number(row.number), row.date, " ".join((row.title or "").split()))
        if key in seen:
            continue
        seen.add(key)
        # The reference first, then the title, as an order is cited: «2024 жылғы 2 қыркүйектегі №174 «…туралы»» /
        # «от 2 сентября 2024 года №174 «Об …»» (wording.order_ref, the one order style).
        # A title typed after a lead-in runs on in lowercase («…оқу жылына конкурстық комиссияны құру туралы»).
        items.append(" ".join(p for p in (order_ref(row.number, row.date, lang), quoted(title_inside(key[2]))) if p))
        fact = order_fact(bare_number(row.number), row.date)
        # By its key alone: the list is the school's, never shortened; a later section citing the order (the
        # procurement plan's orders) finds it told here.
        cited.append((Fact(key=fact.key),) if fact else ())
    if not items:
        return []
    lines = series(items)
    for line, states in zip(lines, cited, strict=True):
        line.states = states
    return [Para(say(lang, "Белгіленген мерзім бойынша төмендегі бұйрықтар шығарылды:",
                     "В установленные сроки изданы следующие приказы:"))] + lines


def certificate(span, lang: str) -> list[Block]:
    return _rules(span, lang) + _orders(span, lang)
