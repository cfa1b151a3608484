"""The three renderings of an assembled certificate: print HTML, PDF (WeasyPrint on that HTML) and DOCX."""

from __future__ import annotations

import dataclasses

from flask import render_template

from ..reporting.texts import strip_marks
from .assemble import Certificate
from .blocks import whole_row
from .wording import justified, typeset


def _map_texts(certificate: Certificate, fn) -> Certificate:
    """The certificate with `fn` applied to every text it prints (blocks, appendix, signature, approval, title)."""

    def clean(value):
        if isinstance(value, str):
            return fn(value)
        if isinstance(value, list):
            return [clean(item) for item in value]
        if isinstance(value, tuple):
            return tuple(clean(item) for item in value)
        if isinstance(value, dict):
            return {key: clean(item) for key, item in value.items()}
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            return dataclasses.replace(value, **{f.name: clean(getattr(value, f.name))
                                                 for f in dataclasses.fields(value) if f.init})
        return value

    return dataclasses.replace(certificate, blocks=clean(certificate.blocks), appendix=clean(certificate.appendix),
                               signature=clean(certificate.signature), approval=clean(certificate.approval),
                               title_lines=clean(certificate.title_lines), legal_name=fn(certificate.legal_name))


def on_paper(certificate: Certificate) -> Certificate:
    """The certificate as it goes on paper: the marks of texts shown in the other language dropped, and every
    text typeset (typographic quotes, en dashes in year ranges) whatever the school typed; nothing stored
    changes."""
    if certificate.missing:
        certificate = dataclasses.replace(_map_texts(certificate, strip_marks), missing=[])
    return typeset_texts(certificate)


def typeset_texts(certificate: Certificate) -> Certificate:
    return _map_texts(certificate, typeset)


def html(certificate: Certificate, *, for_pdf: bool = False, **context) -> str:
    """The official A4 layout; on screen (with `downloads`) it carries a toolbar that never prints, listing the
    texts not yet written in the certificate's language, each marked where it stands; a file has neither."""
    screen = not for_pdf and bool(context.get("downloads"))
    return render_template("certificates/show.html",
                           c=typeset_texts(certificate) if screen else on_paper(certificate),
                           for_pdf=for_pdf, screen=screen, whole_row=whole_row,
                           justified=justified(certificate.lang), **context)


def pdf(certificate: Certificate) -> bytes:
    from weasyprint import HTML

    # A tagged PDF/UA-1 file: headings, paragraphs and tables reach a screen reader as such, and the title
    # (not the file name) is what a reader's window shows.
    return HTML(string=html(certificate, for_pdf=True)).write_pdf(pdf_variant="pdf/ua-1")


def docx(certificate: Certificate) -> bytes:
    from .docx_writer import write_docx

    return write_docx(on_paper(certificate))


FORMATS = ("html", "pdf", "docx")


def certificate_file(school, span, lang: str, kind: str) -> tuple[str, bytes, bool]:
    """(file name as the download names it, content, draft?) of one school's certificate.

    An accepted certificate's PDF or DOCX is rendered once and then read back (`kept`) until it changes.
    """
    from . import kept
    from .assemble import assemble

    found = kept.lookup(school, span, lang, kind)
    if found is not None:
        return found[0], found[1], False
    certificate = assemble(school, span, lang)
    if kind == "html":
        content = html(certificate).encode("utf-8")  # no toolbar: a file has no server behind it
    elif kind == "pdf":
        content = pdf(certificate)
    else:
        content = docx(certificate)
    name = f"{certificate.filename}.{kind}"
    if not certificate.draft:
        kept.keep(school, span, lang, kind, name, content)
    return name, content, certificate.draft


def write_zip(schools, span, lang: str, kind: str, target) -> list[tuple[str, bool]]:
    """Every school's certificate into one zip archive (a path or a file object); returns (name, draft)."""
    import zipfile

    written = []
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for school in schools:
            name, content, draft = certificate_file(school, span, lang, kind)
            archive.writestr(name, content)
            written.append((name, draft))
    return written
