"""The cycle's own printable documents, in Kazakh or Russian whatever the interface language: the protocol of
the public discussion and the action plan (the layout of the real plans in shared/reference: an approval
block, then № | risk | measures | form of completion | responsible | deadline, and the control clause).

Each is assembled once as plain data (`Document`), then rendered as print HTML, PDF (WeasyPrint on that
HTML) or DOCX (python-docx), like the certificate.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

from flask import abort, render_template
from flask_babel import force_locale
from markupsafe import Markup

from ...certificate.assemble import order_reference, written_date
from ...certificate.blocks import Para, Table, say
from ...certificate.dates import deadline_words
from ...certificate.docx_writer import clean
from ...certificate.wording import person_name
from ...i18n import period_label
from ...reporting.sections import section_by_code
from .models import Cycle, PlanMeasure, ProtocolItem
from .names import reduce_names

FORMATS = {"pdf": "application/pdf",
           "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}


@dataclass
class Document:
    lang: str
    title_lines: list[str]
    city: str
    dated: str
    blocks: list
    signatures: list[tuple[str, str]] = field(default_factory=list)  # (who, name)
    approval: list[str] = field(default_factory=list)  # lines of the «БЕКІТЕМІН / УТВЕРЖДАЮ» block
    landscape: bool = False
    filename: str = "document"


def _legal_name(cycle: Cycle, lang: str) -> str:
    school = cycle.school
    return school.localized("legal_name", lang) or school.localized("name", lang)


def protocol(cycle: Cycle, items: list[ProtocolItem], lang: str, order: tuple = (None, None)) -> Document:
    """The protocol of the public discussion (as in the protocols of 04.07.2025 in shared/reference);
    `order` is the (number, date) of the head's order launching the analysis."""
    name = _legal_name(cycle, lang)
    number = f" №{cycle.protocol_number}" if cycle.protocol_number else ""
    period = _period(cycle, lang)
    title = (["", f"{name} қызметіндегі сыбайлас жемқорлық тәуекелдерін ішкі талдау нәтижелерін",
              f"қоғамдық талқылау ХАТТАМАСЫ{number}"] if lang == "kk" else
             [f"ПРОТОКОЛ{number}", "публичного обсуждения результатов внутреннего анализа коррупционных рисков",
              f"в деятельности {name}"])
    place = cycle.discussion_place or ""
    blocks = [
        Para(place, label=say(lang, "Онлайн өткізілді:", "Проведено онлайн:") if cycle.discussion_online
             else say(lang, "Өтетін орны:", "Место проведения:")),
    ]
    if cycle.discussion_time:
        blocks.append(Para(cycle.discussion_time, label=say(lang, "Өтетін уақыты:", "Время проведения:")))
    chair = ", ".join(part for part in (cycle.chair_position, person_name(cycle.chair)) if part)
    blocks += [
        Para(chair, label=say(lang, "Төрағалық еткен:", "Председательствовал:")),
        Para(str(cycle.participants or 0), label=say(lang, "Қатысқандар саны:", "Количество участников:")),
        Para(say(lang, "{period} бойынша сыбайлас жемқорлық тәуекелдеріне ішкі талдау нәтижелерін қоғамдық талқылау.",
                 "публичное обсуждение результатов внутреннего анализа коррупционных рисков за {period}.",
                 period=period), label=say(lang, "КҮН ТӘРТІБІНДЕ:", "ПОВЕСТКА ДНЯ:")),
    ]
    order_text = order_reference(order[0], order[1], lang)
    if order_text:
        blocks.append(Para(say(lang, "Ішкі талдау басшының {order} бұйрығына сәйкес жүргізілді.",
                               "Внутренний анализ проведён в соответствии с приказом руководителя {order}.",
                               order=order_text)))
    rows = [[str(i), item.heard, item.decision] for i, item in enumerate(items, start=1)]
    blocks.append(Table([say(lang, "№", "№"), say(lang, "Тыңдалған ұсыныстар мен ескертулер",
                                                  "Заслушанные предложения и замечания"),
                         say(lang, "Шешім", "Решение")],
                        rows or [["", say(lang, "Ұсыныстар мен ескертулер айтылған жоқ.",
                                          "Предложений и замечаний не поступило."), ""]],
                        caption=say(lang, "Талқылау барысында:", "В ходе обсуждения:"), widths=[1, 9, 7]))
    return Document(lang=lang, title_lines=title, city=cycle.school.localized("city", lang) or "",
                    dated=written_date(cycle.protocol_recorded_on or cycle.discussion_on, lang), blocks=blocks,
                    signatures=[(say(lang, "Төраға", "Председатель"), person_name(cycle.chair)),
                                (say(lang, "Хатшы", "Секретарь"), "")],
                    filename=f"{cycle.school.code}_{cycle.period.code}_protocol_{lang}")


def _period(cycle: Cycle, lang: str) -> str:
    with force_locale(lang):
        return period_label(cycle.period.year, cycle.period.half)


def deadline_text(measure: PlanMeasure, lang: str) -> str:
    """A measure's deadline in words (dates.deadline_words: «2025 жылғы желтоқсан» / «декабрь 2025 года»), as the
    certificate's plan prints it; «тұрақты» / «постоянно» without one."""
    return deadline_words(measure.deadline, lang) if measure.deadline else say(lang, "тұрақты", "постоянно")


def plan(cycle: Cycle, measures: list[PlanMeasure], lang: str, public: bool = False) -> Document:
    """The action plan approved with the certificate; `public` reduces names to initials."""
    name = _legal_name(cycle, lang)
    period = _period(cycle, lang)
    if lang == "kk":
        title = [f"{name} қызметінде сыбайлас жемқорлық тәуекелдеріне ішкі талдау нәтижелері бойынша анықталған",
                 "сыбайлас жемқорлық құқық бұзушылықтар жасауға ықпал ететін себептер мен жағдайларды жою жөніндегі",
                 f"ІС-ШАРАЛАР ЖОСПАРЫ ({period})"]
    else:
        title = ["ПЛАН", "мероприятий по устранению причин и условий, способствующих совершению коррупционных "
                 "правонарушений, выявленных по результатам внутреннего анализа коррупционных рисков",
                 f"в {name} ({period})"]
    text = (lambda value: reduce_names(value)) if public else person_name  # one name style (wording)
    rows = []
    with force_locale(lang):
        for i, m in enumerate(measures, start=1):
            section = section_by_code(m.section) if m.section else None
            risk = f"{m.risk} ({section.label})" if section else m.risk
            rows.append([str(i), risk, m.measure, m.completion_form, text(m.responsible), deadline_text(m, lang)])
    blocks = [Table([say(lang, "№", "№"), say(lang, "Анықталған сыбайлас жемқорлық тәуекелі",
                                               "Выявленный коррупционный риск"),
                     say(lang, "Іс-шаралар", "Мероприятия"), say(lang, "Аяқтау нысаны", "Форма завершения"),
                     say(lang, "Жауапты орындаушылар", "Ответственные исполнители"),
                     say(lang, "Орындау мерзімі", "Срок исполнения")], rows, widths=[1, 6, 8, 4, 4, 3]),
              Para(say(lang, "Жоспардың орындалуын бақылау жұмыс тобының жетекшісіне жүктеледі; орындалуы туралы "
                             "ақпарат мектеп басшысына тоқсан сайын ұсынылады.",
                       "Контроль за исполнением Плана возлагается на руководителя рабочей группы; информация об "
                       "исполнении представляется руководителю школы ежеквартально."))]
    approval = []
    if cycle.approved:
        approval = [say(lang, "БЕКІТЕМІН", "УТВЕРЖДАЮ"), cycle.approver_position or "",
                    f"__________ {text(cycle.approver_name)}",
                    # One form of approval, the certificate's: the director's signature and the day, not also
                    # «…№211 бұйрықпен бекітілді» (approval by order) under it (issue 11).
                    written_date(cycle.approval_order_date, lang)]
    return Document(lang=lang, title_lines=title, city=cycle.school.localized("city", lang) or "",
                    dated="", blocks=blocks, approval=approval, landscape=True,
                    filename=f"{cycle.school.code}_{cycle.period.code}_plan_{lang}")


STYLESHEET = Path(__file__).resolve().parents[2] / "static" / "document.css"


def document_css() -> str:
    """The documents' stylesheet, inlined only into the HTML that WeasyPrint turns into a PDF."""
    return Markup(STYLESHEET.read_text(encoding="utf-8"))


def html(doc: Document, *, for_pdf: bool = False, toolbar: str | None = None, **context) -> str:
    return render_template("cycle/document.html", d=doc, for_pdf=for_pdf, toolbar=toolbar,
                           document_css=document_css, **context)


def pdf(doc: Document) -> bytes:
    from weasyprint import HTML

    return HTML(string=html(doc, for_pdf=True)).write_pdf()


def docx(doc: Document) -> bytes:
    """The document as .docx: A4 (landscape for the plan), DejaVu Serif, the table's header row repeating."""
    from docx import Document as Word
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    word = Word()
    style = word.styles["Normal"]
    style.font.name, style.font.size = "DejaVu Serif", Pt(12)
    section = word.sections[0]
    section.page_width, section.page_height = (Mm(297), Mm(210)) if doc.landscape else (Mm(210), Mm(297))
    if doc.landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
    for margin in ("top_margin", "bottom_margin", "right_margin"):
        setattr(section, margin, Mm(15))
    section.left_margin = Mm(25)
    for line in doc.approval:
        word.add_paragraph(clean(line)).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for line in doc.title_lines:
        if line:
            paragraph = word.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            paragraph.add_run(clean(line)).bold = True
    if doc.city or doc.dated:
        word.add_paragraph(clean(f"{doc.city}\t\t\t\t{doc.dated}"))
    for block in doc.blocks:
        if isinstance(block, Table):
            if block.caption:
                word.add_paragraph(clean(block.caption))
            table = word.add_table(rows=1, cols=len(block.headers))
            table.style = "Table Grid"
            header = table.rows[0]
            repeat = OxmlElement("w:tblHeader")
            repeat.set(qn("w:val"), "true")
            header._tr.get_or_add_trPr().append(repeat)
            for cell, text in zip(header.cells, block.headers, strict=True):
                cell.paragraphs[0].add_run(clean(text)).bold = True
            for row in block.rows:
                for cell, text in zip(table.add_row().cells, row, strict=True):
                    cell.text = clean(text)
        else:
            paragraph = word.add_paragraph()
            if block.label:
                paragraph.add_run(clean(block.label) + " ").bold = True
            paragraph.add_run(clean(block.text))
    for who, name in doc.signatures:
        word.add_paragraph(clean(f"{who}\t__________ {name}"))
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def respond(doc: Document, kind: str, **context):
    """The document as the response: the print page, or a PDF / DOCX download."""
    if kind == "html":
        return html(doc, **context)
    if kind not in FORMATS:
        abort(404)
    content = pdf(doc) if kind == "pdf" else docx(doc)
    return content, 200, {"Content-Type": FORMATS[kind],
                          "Content-Disposition": f'attachment; filename="{doc.filename}.{kind}"'}
