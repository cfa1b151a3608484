"""What the general part gives the certificate's frame: the order launching the analysis, the dates, who signs
and approves, the information sources used (numbered as in clause 15 of the Typical Rules) and the working group."""

from ...certificate.blocks import Block, Para, Table, say
from ...certificate.wording import person_name
from .forms import INFORMATION_SOURCES


def sources(span, lang: str) -> list[tuple[int, str]]:
    """(clause 15 number, wording) of every source ticked, in the Rules' order."""
    return [(number, source[lang]) for number, source in enumerate(INFORMATION_SOURCES, start=1)
            if span.facts.get(f"source_{number}")]


def working_group(span, lang: str) -> list[Block]:
    rows = span.rows.get("working_group", [])
    if not rows:
        return []
    roles = {"head": say(lang, "жұмыс тобының жетекшісі", "руководитель рабочей группы"),
             "member": say(lang, "мүшесі", "член"), "secretary": say(lang, "хатшысы", "секретарь")}
    headers = [say(lang, "№", "№"), say(lang, "Аты-жөні", "Ф.И.О."), say(lang, "Лауазымы", "Должность")]
    lines = [[str(i), person_name(r.name), r.position_title or ""] for i, r in enumerate(rows, 1)]
    if any(r.role for r in rows):  # an order that states no roles gets no empty column (issue 10 QA)
        table = Table([*headers, say(lang, "Жұмыс тобындағы рөлі", "Роль в рабочей группе")],
                      [[*line, roles.get(r.role, r.role or "")] for line, r in zip(lines, rows, strict=True)],
                      widths=[1, 5, 6, 4])
    else:
        table = Table(headers, lines, widths=[1, 5, 10])
    return [Para(say(lang, "Ішкі талдауды жұмыс тобы жүргізді:", "Анализ проведён рабочей группой в составе:")),
            table]


def frame(span, lang: str) -> dict:
    """The frame's slots this section fills (see certificate.assemble)."""
    approval = None
    # An approval covers the half-year it was given for: a span going on past it (2025-H2 approved, 2026-H1 not)
    # is not approved, else «БЕКІТЕМІН Директор С.Д. Ахметова» stood over «Мектеп басшысы С.Д. Ахметова» (issue 11).
    last = span.parts[-1].facts if span.parts else {}
    if span.fact("approver_name") and last.get("approver_name"):
        approval = {"position": span.fact("approver_position", ""), "name": span.fact("approver_name"),
                    "date": last.get("approval_date")}
    signature = None
    if span.fact("signatory_name") or span.fact("signatory_position"):
        signature = (span.fact("signatory_position"), span.fact("signatory_name"))
    return {"order": (span.fact("order_number"), span.fact("order_date")),
            # The certificate is dated when its latest half-year is: an earlier half-year's date is not borrowed
            # (issue 11 review: rudny-11's 2025-H2 … 2026-H1, 2026-H1 a draft, was dated «11 декабря 2025 года»).
            "certificate_date": last.get("certificate_date"), "approval": approval, "signature": signature,
            "sources": sources(span, lang), "working_group": working_group(span, lang)}
