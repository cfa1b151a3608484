"""2.10 in the certificate: fiscal inspections, written exactly as 2.9's."""

from __future__ import annotations

from ...certificate.blocks import Block, say
from ..inspections.certificate import inspections_blocks


def _none(lang: str) -> str:
    return say(lang, "Талданатын кезеңде фискалдық органдардың тексерулері болған жоқ.",
               "В анализируемом периоде проверок фискальных органов не проводилось.")


def certificate(span, lang: str) -> list[Block]:
    return inspections_blocks(span.rows.get("inspections", []), lang, _none, span.text.get("basis"))
