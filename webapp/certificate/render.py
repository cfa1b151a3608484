"""The three renderings of an assembled certificate: print HTML, PDF (WeasyPrint on that HTML) and DOCX."""

from __future__ import annotations

from flask import render_template

from .assemble import Certificate


def html(certificate: Certificate, *, for_pdf: bool = False, **context) -> str:
    """The official A4 layout; on screen it carries a toolbar that never prints."""
    return render_template("certificates/show.html", c=certificate, for_pdf=for_pdf, **context)


def pdf(certificate: Certificate) -> bytes:
    from weasyprint import HTML

    return HTML(string=html(certificate, for_pdf=True)).write_pdf()


def docx(certificate: Certificate) -> bytes:
    from .docx_writer import write_docx

    return write_docx(certificate)
