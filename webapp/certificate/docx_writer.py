"""The certificate as an editable Word document (python-docx), walking the same blocks as the print HTML.

Layout follows the print CSS: A4 portrait, margins 20/15/20/30 mm, Times New Roman 14 pt (what every Word in a
Kazakh office has, with every Kazakh letter; set for every script slot, so no letter falls back to another font),
1.15 line spacing, paragraphs with a 1.25 cm first-line indent, justified and hyphenated where the PDF's are
(Russian; Kazakh, which no hyphenation dictionary here covers, is left-aligned), tables whose header row repeats on
each page (a tall row may break across pages), page numbers at the top centre from the second page (as Kazakh and
Russian office work numbers pages), the signature kept with the last paragraph, and a «ЖОБА» / «ПРОЕКТ» mark in
the header until every half-year of the span is accepted.
"""

from __future__ import annotations

import copy
import io
import re
from datetime import UTC, datetime

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from ..reporting.texts import has_url
from .blocks import Heading, NumberedList, Para, Table, whole_row
from .wording import justified

FONT = "Times New Roman"
BODY_SIZE = Pt(14)
TITLE_SIZE = Pt(14)
TABLE_SIZE = Pt(12)
SMALL_SIZE = Pt(12)
PAGE_WIDTH, PAGE_HEIGHT = Mm(210), Mm(297)
MARGINS = {"top": Mm(20), "right": Mm(15), "bottom": Mm(20), "left": Mm(30)}
TEXT_WIDTH = PAGE_WIDTH - MARGINS["left"] - MARGINS["right"]  # 165 mm
INDENT = Cm(1.25)
LIST_LEFT, LIST_HANGING = Cm(2.25), Cm(1)  # the number at the paragraph indent, the text 1 cm further
LANGUAGE_TAGS = {"kk": "kk-KZ", "ru": "ru-RU"}
# Characters XML 1.0 cannot hold (a stray vertical tab pasted from Word would otherwise abort the export).
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


APP_XML = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
           b'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
           b"<Application>Adal</Application><DocSecurity>0</DocSecurity></Properties>")


def clean(text) -> str:
    return NOT_XML.sub("", str(text or "")).replace("\r\n", "\n").replace("\r", "\n")


def write_docx(certificate) -> bytes:
    """The certificate (an assembled `Certificate`) as the bytes of a .docx file."""
    return _Writer(certificate).write()


# --- low-level XML helpers ----------------------------------------------------------------------------------------

# «5-тармағына», «е-Өтініш»: a number or a one-letter prefix and the word after its hyphen
# (reporting.texts._KEPT_ENDING, the HTML's rule).
_KEPT_ENDING = re.compile(r"(?:(?<=\d)|(?<=(?<![\w-])[^\W\d_]))-(?=[^\W\d_])")


def _kept_endings(body) -> None:
    """Every «5-тармағына» and «е-Өтініш» in the document with Word's no-break hyphen, so «5-» or «е-» never
    ends a line (issue 11 review); the text reads the same («-»)."""
    for text in list(body.iter(qn("w:t"))):
        parts = _KEPT_ENDING.split(text.text or "")
        if len(parts) == 1:
            continue
        text.text = parts[0]
        text.set(qn("xml:space"), "preserve")
        anchor = text
        for part in parts[1:]:
            hyphen = OxmlElement("w:noBreakHyphen")
            anchor.addnext(hyphen)
            anchor = OxmlElement("w:t")
            anchor.text = part
            anchor.set(qn("xml:space"), "preserve")
            hyphen.addnext(anchor)

def _set_fonts(rPr) -> None:
    """Times New Roman in all four slots (Latin, high ANSI, East Asian, complex script), no theme fonts."""
    fonts = _set_run_property(rPr, "rFonts")
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attribute), None)
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), FONT)


def _set_child(parent, tag: str, **attributes):
    element = parent.find(qn(tag))
    if element is None:
        element = OxmlElement(tag)
        parent.append(element)
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), value)
    return element


# The schema's order of run properties: Word rejects a document whose <w:rPr> children are out of order.
RPR_ORDER = ["rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline",
             "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing", "w",
             "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign",
             "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath"]


def _set_run_property(rPr, name: str, **attributes):
    """Set <w:name> in `rPr`, inserted where the schema wants it."""
    element = rPr.find(qn(f"w:{name}"))
    if element is None:
        element = OxmlElement(f"w:{name}")
        later = set(RPR_ORDER[RPR_ORDER.index(name) + 1:])
        successor = next((child for child in rPr if child.tag.rsplit("}", 1)[-1] in later), None)
        if successor is not None:
            successor.addprevious(element)
        else:
            rPr.append(element)
    for key, value in attributes.items():
        element.set(qn(f"w:{key}"), value)
    return element


def _complex_size(run, size) -> None:
    """Complex-script size too, so every script slot is the same size."""
    _set_run_property(run._r.get_or_add_rPr(), "szCs", val=str(int(size.pt * 2)))


def _field(paragraph, instruction: str, placeholder: str) -> None:
    """A Word field (PAGE, NUMPAGES) with a cached result that Word and LibreOffice refresh on layout."""
    def fld_char(kind: str):
        run = paragraph.add_run()
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        run._r.append(element)

    fld_char("begin")
    run = paragraph.add_run()
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run._r.append(instr)
    fld_char("separate")
    paragraph.add_run(placeholder)
    fld_char("end")


def _no_hyphens(pPr) -> None:
    """Word never hyphenates this paragraph (or style): a heading, the title, a table's header row, as the print
    CSS gives them `hyphens: manual`."""
    if pPr.find(qn("w:suppressAutoHyphens")) is None:
        pPr.insert_element_before(OxmlElement("w:suppressAutoHyphens"), *_PPR_AFTER_SUPPRESS_HYPHENS)


# What follows <w:suppressAutoHyphens> in a <w:pPr>, in the schema's order (Word rejects children out of order).
_PPR_AFTER_SUPPRESS_HYPHENS = ("w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE",
                               "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
                               "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
                               "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId",
                               "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")


# Wide enough for a word of a table cell: Times New Roman's characters are 0.5 em (digits) to 0.7 em (bold
# capitals) wide, 0.55 em on average; Table Grid's cells have 0.19 cm of margin on either side.
CHAR_EM = 0.55
CELL_MARGINS = Cm(0.19) * 2


def _column_widths(rows: list[list], shares, columns: int) -> list[Emu]:
    """Each column's width: its share of the text width as the block gives it (`shares`, else equal), but never
    narrower than its longest word, which Word would otherwise break without a hyphen («1» over «0» for row 10 of
    a plan whose number column is 1 of 21 shares); what a column takes comes from the others in proportion to
    their shares, as the PDF's automatic table layout does. Units: EMU."""
    shares = list(shares) if len(shares) == columns and sum(shares) > 0 else [1] * columns
    longest = [max((len(word) for row in rows if i < len(row) for word in str(row[i] or "").split()), default=0)
               for i in range(columns)]
    least = [int(n * TABLE_SIZE * CHAR_EM + CELL_MARGINS) for n in longest]
    if sum(least) >= TEXT_WIDTH:
        least = [0] * columns  # words too long to fit side by side anyway: the shares alone
    fixed: dict[int, int] = {}
    while True:
        free = [i for i in range(columns) if i not in fixed]
        room = TEXT_WIDTH - sum(fixed.values())
        total = sum(shares[i] for i in free) or 1
        widths = {i: fixed.get(i, int(room * shares[i] / total)) for i in range(columns)}
        short = [i for i in free if widths[i] < least[i]]
        if not short:
            return [Emu(widths[i]) for i in range(columns)]
        fixed.update({i: least[i] for i in short})


class _Writer:
    def __init__(self, certificate):
        self.c = certificate
        self.lang = certificate.lang
        self.doc = Document()
        self._abstract_num_id: int | None = None

    # --- document set-up ---------------------------------------------------------------------------------------

    def write(self) -> bytes:
        self._page()
        self._styles()
        self._properties()
        self._header_footer()
        self._approval()
        self._title()
        self._place_and_date()
        for block in self.c.blocks:
            self._block(block)
        self._keep_end_with_signature()
        self._signature()
        self._appendix()
        self._hyphenation()
        _kept_endings(self.doc.element.body)
        out = io.BytesIO()
        self.doc.save(out)
        return out.getvalue()

    def _page(self) -> None:
        section = self.doc.sections[0]
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
        section.top_margin, section.right_margin = MARGINS["top"], MARGINS["right"]
        section.bottom_margin, section.left_margin = MARGINS["bottom"], MARGINS["left"]
        section.header_distance = section.footer_distance = Mm(10)
        section.gutter = 0

    def _styles(self) -> None:
        styles = self.doc.styles
        defaults = styles.element.find(qn("w:docDefaults"))
        rPr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
        _set_fonts(rPr)
        _set_run_property(rPr, "sz", val="28")
        _set_run_property(rPr, "szCs", val="28")
        tag = LANGUAGE_TAGS.get(self.lang, "kk-KZ")
        _set_run_property(rPr, "lang", val=tag, eastAsia=tag, bidi=tag)
        pPr = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
        _set_child(pPr, "w:spacing", after="0", line="240", lineRule="auto")

        normal = styles["Normal"]
        normal.font.name = FONT
        normal.font.size = BODY_SIZE
        _set_fonts(normal.element.get_or_add_rPr())
        _set_run_property(normal.element.get_or_add_rPr(), "szCs", val="28")
        normal.paragraph_format.space_after = Pt(6)
        normal.paragraph_format.line_spacing = 1.15

        for name in ("Heading 1", "Heading 2"):
            style = styles[name]
            _set_fonts(style.element.get_or_add_rPr())
            style.font.size = BODY_SIZE
            _set_run_property(style.element.get_or_add_rPr(), "szCs", val="28")
            style.font.bold = True
            style.font.color.rgb = RGBColor(0, 0, 0)
            color = style.element.rPr.find(qn("w:color"))
            color.attrib.pop(qn("w:themeColor"), None)
            fmt = style.paragraph_format
            fmt.space_before, fmt.space_after = (Pt(15), Pt(6)) if name == "Heading 1" else (Pt(12), Pt(5))
            fmt.keep_with_next = True
            fmt.alignment = WD_ALIGN_PARAGRAPH.LEFT
            _no_hyphens(style.element.get_or_add_pPr())

        for name in ("Header", "Footer"):
            _set_fonts(styles[name].element.get_or_add_rPr())

    def _properties(self) -> None:
        props = self.doc.core_properties
        props.title = " ".join(clean(line) for line in self.c.title_lines)[:255]
        props.subject = clean(self.c.period_words)
        props.author = clean(self.c.legal_name)
        props.last_modified_by = ""
        props.comments = ""
        props.keywords = ""
        props.category = ""
        props.language = LANGUAGE_TAGS.get(self.lang, "kk-KZ")
        props.identifier = self.c.filename
        now = datetime.now(UTC).replace(microsecond=0, tzinfo=None)
        props.created = props.modified = now
        props.revision = 1
        # python-docx's template carries a thumbnail of an empty page, which a file browser would show as the
        # certificate's preview: dropped.
        package = self.doc.part.package
        for rel_id, rel in list(package.rels.items()):
            if rel.reltype == RT.THUMBNAIL:
                package.rels.pop(rel_id)
        # docProps/app.xml of python-docx's template names «Microsoft Macintosh Word», Normal.dotm, one page and
        # no words; a file that says nothing it does not know names the application that made it.
        for part in package.iter_parts():
            if str(part.partname) == "/docProps/app.xml":
                part._blob = APP_XML

    def _header_footer(self) -> None:
        """The page number at the top centre from the second page (the first page's header has none); the
        draft mark in both headers."""
        section = self.doc.sections[0]
        section.different_first_page_header_footer = True
        numbered = section.header.paragraphs[0]
        numbered.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _field(numbered, "PAGE", "2")
        for run in numbered.runs:
            run.font.size = SMALL_SIZE
            _complex_size(run, SMALL_SIZE)
        if self.c.draft:
            for header in (section.header, section.first_page_header):
                mark = header.paragraphs[0] if header is section.first_page_header else header.add_paragraph()
                mark.alignment = WD_ALIGN_PARAGRAPH.CENTER
                run = mark.add_run(self.c.draft_mark)
                run.bold = True
                run.font.size = Pt(20)
                _complex_size(run, Pt(20))
                run.font.color.rgb = RGBColor(0xAA, 0x00, 0x00)
            _set_run_property(run._r.get_or_add_rPr(), "spacing", val="60")  # letter-spaced like a stamp

    # --- pieces of the document --------------------------------------------------------------------------------

    def _paragraph(self, text: str = "", *, bold: bool = False, size=None, align=None, indent=None,
                   left=None, style: str | None = None):
        paragraph = self.doc.add_paragraph(style=style)
        if text:
            run = paragraph.add_run(clean(text))
            run.bold = bold or None
            if size is not None:
                run.font.size = size
                _complex_size(run, size)
        fmt = paragraph.paragraph_format
        if align is not None:
            fmt.alignment = align
        if indent is not None:
            fmt.first_line_indent = indent
        if left is not None:
            fmt.left_indent = left
        return paragraph

    def _approval(self) -> None:
        approval = self.c.approval
        if not approval:
            return
        left = Emu(int(TEXT_WIDTH * 0.55))
        lines = [(approval.get("word"), True), (approval.get("position"), False),
                 (f"__________ {approval.get('name') or ''}", False)]
        if approval.get("date"):
            lines.append((approval["date"], False))
        for i, (text, bold) in enumerate(lines):
            paragraph = self._paragraph(text or "", bold=bold, left=left, align=WD_ALIGN_PARAGRAPH.LEFT)
            paragraph.paragraph_format.space_after = Pt(12) if i == len(lines) - 1 else Pt(0)
            paragraph.paragraph_format.keep_with_next = i < len(lines) - 1

    def _title(self) -> None:
        lines = self.c.title_lines
        title_index = len(lines) - 1 if self.lang == "kk" else 0
        for i, line in enumerate(lines):
            is_title = i == title_index
            paragraph = self._paragraph(line, bold=True, size=TITLE_SIZE if is_title else None,
                                        align=WD_ALIGN_PARAGRAPH.CENTER)
            fmt = paragraph.paragraph_format
            fmt.space_after = Pt(0)
            fmt.space_before = Pt(5) if is_title and i else Pt(0)
            fmt.keep_with_next = True
            _no_hyphens(paragraph._p.get_or_add_pPr())
            if is_title:
                _set_run_property(paragraph.runs[0]._r.get_or_add_rPr(), "spacing", val="14")

    def _place_and_date(self) -> None:
        paragraph = self.doc.add_paragraph()
        paragraph.add_run(clean(self.c.city))
        paragraph.add_run("\t")
        paragraph.add_run(clean(self.c.dated))
        fmt = paragraph.paragraph_format
        fmt.tab_stops.add_tab_stop(TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT)
        fmt.space_before, fmt.space_after = Pt(13), Pt(19)

    def _block(self, block) -> None:
        if isinstance(block, Heading):
            level = min(max(block.level - 1, 1), 2)  # parts → Heading 1, numbered sections → Heading 2
            self.doc.add_paragraph(clean(block.text), style=f"Heading {level}")
        elif isinstance(block, Para):
            self._para(block)
        elif isinstance(block, NumberedList):
            self._numbered_list(block.items)
        elif isinstance(block, Table):
            self._table(block)

    def _para(self, block: Para) -> None:
        """A paragraph of the HTML (white-space: pre-line): each typed line becomes its own paragraph, since Word
        stretches a justified line that ends with a manual break; justified as the PDF's (`justified`), a list
        item left-aligned."""
        lines = [line for line in clean(block.text).split("\n") if line.strip()] or [""]
        for i, line in enumerate(lines):
            # A line holding a web address is left-aligned, as in the PDF (its host never breaks).
            justify = justified(self.lang) and not block.item and not has_url(line)
            paragraph = self._paragraph(align=WD_ALIGN_PARAGRAPH.JUSTIFY if justify else WD_ALIGN_PARAGRAPH.LEFT,
                                        indent=INDENT)
            if i == 0 and block.label:
                paragraph.add_run(clean(block.label)).bold = True
                paragraph.add_run(" ")
            if line:
                paragraph.add_run(line)
            if block.item:
                paragraph.paragraph_format.keep_together = True  # «14)» never alone at the top of a page
        if lines[-1].rstrip().endswith(":"):
            # «Ішкі талдауды жұмыс тобы жүргізді:» introduces what follows: it keeps with it.
            paragraph.paragraph_format.keep_with_next = True

    def _numbering(self) -> int:
        """A numbering instance of its own for each list, so every list starts again at 1."""
        numbering = self.doc.part.numbering_part.element
        if self._abstract_num_id is None:
            ids = [int(value) for value in numbering.xpath("./w:abstractNum/@w:abstractNumId")]
            self._abstract_num_id = max(ids, default=0) + 1
            abstract = OxmlElement("w:abstractNum")
            abstract.set(qn("w:abstractNumId"), str(self._abstract_num_id))
            _set_child(abstract, "w:multiLevelType", val="singleLevel")
            level = OxmlElement("w:lvl")
            level.set(qn("w:ilvl"), "0")
            _set_child(level, "w:start", val="1")
            _set_child(level, "w:numFmt", val="decimal")
            _set_child(level, "w:lvlText", val="%1.")
            _set_child(level, "w:lvlJc", val="left")
            pPr = _set_child(level, "w:pPr")
            tabs = _set_child(pPr, "w:tabs")
            _set_child(tabs, "w:tab", val="num", pos=str(LIST_LEFT.twips))
            _set_child(pPr, "w:ind", left=str(LIST_LEFT.twips), hanging=str(LIST_HANGING.twips))
            abstract.append(level)
            first_num = numbering.find(qn("w:num"))
            if first_num is not None:
                first_num.addprevious(abstract)  # every abstractNum precedes every num
            else:
                numbering.append(abstract)
        num = numbering.add_num(self._abstract_num_id)
        num.add_lvlOverride(ilvl=0).add_startOverride(1)
        return num.numId

    def _numbered_list(self, items: list[str]) -> None:
        num_id = self._numbering()
        for item in items:
            paragraph = self._paragraph(item, align=WD_ALIGN_PARAGRAPH.LEFT, left=LIST_LEFT,  # as `ol li`
                                        indent=Emu(-LIST_HANGING))
            numPr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
            numPr.get_or_add_ilvl().val = 0
            numPr.get_or_add_numId().val = num_id
            paragraph.paragraph_format.space_after = Pt(2)

    def _table(self, block: Table) -> None:
        if block.caption:
            caption = self._paragraph(block.caption, bold=True, align=WD_ALIGN_PARAGRAPH.LEFT)
            caption.paragraph_format.keep_with_next = True
        columns = max([len(block.headers)] + [len(row) for row in block.rows])
        if not columns:
            return
        rows = ([block.headers] if block.headers else []) + [list(row) for row in block.rows]
        table = self.doc.add_table(rows=len(rows), cols=columns)
        table.style = self.doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        column_widths = _column_widths(rows, block.widths, columns)
        tblPr = table._tbl.tblPr
        _set_child(tblPr, "w:tblW", w=str(sum(w.twips for w in column_widths)), type="dxa")
        for column, width in zip(table.columns, column_widths, strict=True):
            column.width = width
        for index, (row, values) in enumerate(zip(table.rows, rows, strict=True)):
            trPr = row._tr.get_or_add_trPr()
            header = index == 0 and bool(block.headers)  # a tall row may break across pages; the header not
            if header or whole_row(values):  # nor a row shorter than a page, as in the PDF (render.whole_row)
                trPr.append(OxmlElement("w:cantSplit"))
            if header:
                trPr.append(OxmlElement("w:tblHeader"))  # repeated at the top of every page
            for cell, width, value in zip(row.cells, column_widths, values + [""] * (columns - len(values)),
                                          strict=True):
                cell.width = width
                paragraph = cell.paragraphs[0]
                paragraph.paragraph_format.first_line_indent = 0
                paragraph.paragraph_format.space_after = Pt(0)
                paragraph.paragraph_format.line_spacing = 1.0
                paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
                run = paragraph.add_run(clean(value))
                run.font.size = TABLE_SIZE
                _complex_size(run, TABLE_SIZE)
                if header:
                    run.bold = True
        spacer = self.doc.add_paragraph()  # Word glues consecutive tables together without a paragraph between
        spacer.paragraph_format.space_after = Pt(4)

    def _keep_end_with_signature(self) -> None:
        """The signature never stands alone on a page: whatever the body ends with — a paragraph, or a table and
        the spacer after it — keeps with the next paragraph, the last table row's cells included (Word keeps a
        row with what follows when its paragraphs are «keep with next»)."""
        body = self.doc.element.body
        last = [child for child in body if child.tag in (qn("w:p"), qn("w:tbl"))][-2:]
        for element in last:
            if element.tag == qn("w:tbl"):
                rows = element.findall(qn("w:tr"))
                if rows:
                    for p in rows[-1].iter(qn("w:p")):
                        Paragraph(p, self.doc).paragraph_format.keep_with_next = True
            elif element is last[-1] or last[-1].tag == qn("w:p") and not "".join(last[-1].itertext()).strip():
                # the last paragraph, and the one before an empty spacer
                Paragraph(element, self.doc).paragraph_format.keep_with_next = True

    def _hyphenation(self) -> None:
        """Word hyphenates the body where the PDF does (`justified`: Russian), so a justified line breaks a long
        word as the PDF's does instead of stretching, and the two paginate alike; headings, the title and table
        header rows stay whole. Kazakh has no dictionary to hyphenate with, and is left-aligned."""
        if not justified(self.lang):
            return
        settings = self.doc.settings.element
        # In the schema's order: right after the default tab stop, which python-docx's template always has.
        settings.find(qn("w:defaultTabStop")).addnext(OxmlElement("w:autoHyphenation"))
        for row in self.doc.element.body.iter(qn("w:tr")):
            if row.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None:
                for p in row.iter(qn("w:p")):
                    _no_hyphens(p.get_or_add_pPr())

    def _signature(self) -> None:
        """«Мектеп басшысы      __________ Қ.И. Бірманова»: the position, then a line to sign on and the name."""
        position, name = self.c.signature
        paragraph = self.doc.add_paragraph()
        paragraph.add_run(clean(position)).bold = True
        paragraph.add_run("\t")
        paragraph.add_run(f"__________ {clean(name)}").bold = True
        fmt = paragraph.paragraph_format
        fmt.tab_stops.add_tab_stop(TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT)
        fmt.space_before = Pt(26)
        fmt.keep_together = True

    def _appendix_number_whole(self, note) -> None:
        """«4-қосымша» / «Приложение 4» never split across lines, as the print HTML keeps them (a span that does
        not wrap): Word's no-break hyphen in the one, a no-break space in the other."""
        run = note.runs[0]
        if self.lang != "kk":
            run.text = re.sub(r"^(\S+) (\d+)", "\\1\u00a0\\2", run.text)
            return
        found = re.search(r"(\d+)-(\S+)$", run.text)
        if not found:
            return
        run.text = run.text[:found.start(1)] + found[1]
        hyphen = OxmlElement("w:noBreakHyphen")
        after = copy.deepcopy(run._r)
        after.remove(after.find(qn("w:t")))
        after.append(hyphen)
        text = OxmlElement("w:t")
        text.text = found[2]
        after.append(text)
        run._r.addnext(after)

    def _appendix(self) -> None:
        if not self.c.appendix:
            return
        note = self._paragraph(self.c.appendix_note, size=TABLE_SIZE, align=WD_ALIGN_PARAGRAPH.RIGHT,
                               left=Emu(int(TEXT_WIDTH * 0.45)))
        note.paragraph_format.page_break_before = True
        note.paragraph_format.space_after = Pt(12)
        self._appendix_number_whole(note)
        title = self.doc.add_paragraph(clean(self.c.appendix_title), style="Heading 1")
        title.alignment = WD_ALIGN_PARAGRAPH.CENTER
        self._table(self.c.appendix)
