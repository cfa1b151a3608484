"""Appendix 4 of the certificate: the positions exposed to corruption risks, as the frame's appendix table."""

from ...certificate.blocks import Table, say


def frame(span, lang: str) -> dict:
    """The frame's `appendix` slot: the table of positions, or None when none is listed."""
    rows = span.rows.get("positions", [])
    if not rows:
        return {"appendix": None}
    headers = [say(lang, "№", "№"),
               say(lang, "Сыбайлас жемқорлық тәуекелдеріне байланысты лауазымдар",
                   "Должности, связанные с коррупционными рисками"),
               say(lang, "Сыбайлас жемқорлық тәуекелдеріне байланысты лауазымдық құзыреттелігі",
                   "Должностные полномочия, связанные с коррупционными рисками"),
               say(lang, "Сыбайлас жемқорлық тәуекелдері", "Коррупционные риски")]
    return {"appendix": Table(headers, [[str(i), r.position_title, r.competence or "", r.risk or ""]
                                        for i, r in enumerate(rows, 1)], widths=[1, 4, 6, 6])}
