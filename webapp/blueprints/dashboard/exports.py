"""Downloads of the dashboard's tables (comparison, completeness, risks) and what the `flask compare` command writes.

Three formats, each for its reader:

- ``xlsx``: numbers as numbers, headers in the user's language, the sheet's title, unit, half-year and moment of
  export above the table, the total and median rows under it (styled apart);
- ``excel.csv``, the CSV for people: what Excel with Kazakh or Russian regional settings opens column by column
  (semicolon-separated, decimal comma, UTF-8 with a byte-order mark);
- ``csv``, the CSV for programs: RFC 4180 (comma-separated, decimal point, CRLF line ends, UTF-8, no BOM).

Every text cell of every format is neutralised against formula injection as OWASP's "CSV Injection" page advises
(https://owasp.org/www-community/attacks/CSV_Injection): a text starting with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return gets a leading apostrophe in the CSVs, and every text field is double-quoted with its quotes
doubled. In the XLSX a text cell is always stored as a string (never a formula), and one starting with those
characters carries Excel's own "quote prefix" mark, exactly as Excel stores a value typed as ``'=1+2``.
Counts are written as integers, ratios and money with up to two decimals.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from flask import current_app, g
from flask_babel import gettext as _
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from ...models import OrgUnit, Period
from .columns import SCHOOL_COLUMNS
from .comparison import Comparison
from .indicators import INDICATORS

# file format -> (media type, file name suffix). Werkzeug adds "; charset=utf-8" to a text/* mimetype itself.
FORMATS = {
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx"),
    "excel.csv": ("text/csv", "_excel.csv"),
    "csv": ("text/csv", "_rfc4180.csv"),
}
NUMBER_FORMATS = {"percent": "0.0", "rate": "0.0", "money": "#,##0.00", "count": "0", "units": "0.##"}
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


@dataclass
class Sheet:
    """A table to download: a header row, data rows, and for the XLSX the rows under it and a title block."""

    title: str
    headers: list[str]
    rows: list[list]
    number_formats: list[str | None]  # per column: an Excel number format, None for text
    footer: list[list] = field(default_factory=list)  # total, median and «gave the figure» rows (XLSX only: the
    # CSVs stay tables)
    about: list[str] = field(default_factory=list)  # unit, half-year, moment of export (XLSX only)


def status_label(state: str) -> str:
    """not started / draft / submitted / returned / accepted in the user's language (translated once a request)."""
    labels = g.get("status_labels")
    if labels is None:
        labels = g.status_labels = {"not_started": _("not started"), "draft": _("draft"), "submitted": _("submitted"),
                                    "returned": _("returned"), "accepted": _("accepted")}
    return labels[state]


def export_number(kind: str, value) -> int | float | None:
    """A figure as written to a file: counts as integers, the rest rounded to two decimals; None stays empty."""
    if value is None:
        return None
    value = float(value)
    if kind == "count" and value.is_integer():
        return int(value)
    return round(value, 2)


def about_lines(title: str, unit: OrgUnit | None, period: Period) -> list[str]:
    """The title block of an XLSX: what it is, for which unit and half-year, exported when (local time)."""
    zone = ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"])
    moment = datetime.now(UTC).astimezone(zone)
    return [title, unit.name if unit else _("Kazakhstan"), _("Half-year: %(period)s", period=period.code),
            _("Exported: %(moment)s", moment=moment.strftime("%d.%m.%Y %H:%M"))]


def comparison_sheet(comparison: Comparison) -> Sheet:
    """The comparison of schools as shown (search, filter, sort), with the total and median rows under it."""
    columns = SCHOOL_COLUMNS
    headers = [_("Code"), _("School"), _("Status"), _("On time")] + [
        f"{indicator.label}" for indicator in INDICATORS] + [str(c.label) for c in columns] + [_("Flags")]
    rows = []
    for row in comparison.shown:
        on_time = None if row.on_time is None else (_("yes") if row.on_time else _("no"))
        values = [export_number(i.kind, row.values[i.key]) for i in INDICATORS]
        rows.append([row.code, row.name, status_label(row.state), on_time, *values,
                     *[row.extra.get(c.key, 0) for c in columns], "; ".join(flag.text for flag in row.flags)])
    totals = comparison.totals
    total_values = totals.values
    footer = [
        [None, _("Total"), _("%(sent)s of %(schools)s sent", sent=totals.sent, schools=totals.schools), None,
         *[export_number(i.kind, total_values.get(i.key)) for i in INDICATORS],
         *[sum(row.extra.get(c.key, 0) for row in comparison.rows) for c in columns], None],
        [None, _("Median school"), None, None,
         *[export_number(i.kind, q[1]) if (q := comparison.quartiles.get(i.key)) else None for i in INDICATORS],
         *[None for _c in columns], None],
        # Under the totals, as on the page: of how many schools each is made («12 / 15»; blanks are left out).
        [None, _("Schools that gave the figure"), None, None,
         *[f"{totals.gave(i.key)} / {totals.schools}" if totals.gave(i.key) is not None else None
           for i in INDICATORS], *[None for _c in columns], None],
    ]
    formats = [None] * 4 + [NUMBER_FORMATS[i.kind] for i in INDICATORS] + ["0" for _c in columns] + [None]
    title = _("Comparison of schools")
    return Sheet(f"{title} {comparison.period.code}", headers, rows, formats, footer,
                 about_lines(title, comparison.unit, comparison.period))


def completeness_sheet(schools, periods: list[Period], grid: dict, unit: OrgUnit | None = None) -> Sheet:
    """schools: [(id, code, name)]; grid: (school id, period id) -> (status, on_time, submitted_at)."""
    headers = [_("Code"), _("School")]
    for period in periods:
        headers += [period.code, f"{period.code} {_('on time')}"]
    rows = []
    for school_id, code, name in schools:
        line = [code, name]
        for period in periods:
            status, on_time, _sent = grid.get((school_id, period.id), (None, None, None))
            line += [status_label(status.value if status else "not_started"),
                     None if on_time is None else (_("yes") if on_time else _("no"))]
        rows.append(line)
    title = _("Completeness")
    return Sheet(title, headers, rows, [None] * len(headers),
                 about=about_lines(title, unit, periods[-1]) if periods else [])


# --- Writers -----------------------------------------------------------------------------------------

def neutralise(text: str) -> str:
    """A text that a spreadsheet would run as a formula, made inert with a leading apostrophe (OWASP)."""
    return "'" + text if text.startswith(FORMULA_TRIGGERS) else text


def _csv_field(value, decimal: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):  # never a number in a file: the tables say yes / no in words
        value = str(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value).replace(".", decimal) if decimal != "." else repr(value)
    text = neutralise(str(value))
    return '"' + text.replace('"', '""') + '"'


def to_csv(sheet: Sheet, separator: str = ",", decimal: str = ".", bom: bool = False) -> bytes:
    """The header and the data rows as CSV: every text quoted and neutralised, numbers bare, CRLF line ends."""
    lines = [separator.join(_csv_field(value, decimal) for value in row) for row in [sheet.headers, *sheet.rows]]
    text = "".join(line + "\r\n" for line in lines)
    return (("\ufeff" if bom else "") + text).encode("utf-8")


def _text_cell(cell, text: str) -> None:
    """A string cell, never a formula; the quote-prefix mark where Excel would otherwise read a formula."""
    text = ILLEGAL_CHARACTERS_RE.sub("", text)  # control characters a clerk pasted would fail the file
    cell.value = text
    cell.data_type = "s"
    if text.startswith(FORMULA_TRIGGERS):  # judged on what is left: "\x01=1+2" is written as "=1+2"
        cell.quotePrefix = True


def _write_row(worksheet, row_number: int, values: list, number_formats: list[str | None] | None = None):
    cells = []
    for column, value in enumerate(values, start=1):
        cell = worksheet.cell(row=row_number, column=column)
        if isinstance(value, str):
            _text_cell(cell, value)
        elif value is not None:
            cell.value = value
            if number_formats and number_formats[column - 1]:
                cell.number_format = number_formats[column - 1]
        cells.append(cell)
    return cells


TOTAL_FILL = PatternFill("solid", fgColor="E8EEF4")
MEDIAN_FILL = PatternFill("solid", fgColor="F4F4F4")
RULE = Border(top=Side(style="thin"))


def to_xlsx(sheet: Sheet) -> bytes:
    """One worksheet: the title block, the bold header row (frozen), the data, the total and median rows."""
    workbook = Workbook()
    worksheet = workbook.active
    worksheet.title = ILLEGAL_CHARACTERS_RE.sub("", sheet.title)[:31].translate(str.maketrans("[]:*?/\\", "()-    "))
    properties = workbook.properties
    properties.title = sheet.title
    properties.subject = " · ".join(sheet.about[1:3])
    properties.creator = "Adal"
    properties.created = datetime.now(UTC).replace(tzinfo=None)
    row_number = 1
    for number, line in enumerate(sheet.about):
        (cell,) = _write_row(worksheet, row_number, [line])
        if number == 0:
            cell.font = Font(bold=True, size=13)
        row_number += 1
    if sheet.about:
        row_number += 1  # one empty row between the title block and the table
    header_row = row_number
    for cell in _write_row(worksheet, header_row, sheet.headers):
        cell.font = Font(bold=True)
    for row in sheet.rows:
        row_number += 1
        _write_row(worksheet, row_number, row, sheet.number_formats)
    for number, row in enumerate(sheet.footer):
        row_number += 1
        total = number == 0
        for cell in _write_row(worksheet, row_number, row, sheet.number_formats):
            cell.font = Font(bold=total, italic=not total)
            cell.fill = TOTAL_FILL if total else MEDIAN_FILL
            if total:
                cell.border = RULE
    for column, number_format in enumerate(sheet.number_formats, start=1):
        worksheet.column_dimensions[get_column_letter(column)].width = 14 if number_format else 24
    worksheet.freeze_panes = f"C{header_row + 1}"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def render_sheet(sheet: Sheet, file_format: str) -> bytes:
    """The sheet in one of FORMATS: "xlsx", "excel.csv" (for people) or "csv" (RFC 4180, for programs)."""
    if file_format == "xlsx":
        return to_xlsx(sheet)
    if file_format == "excel.csv":
        return to_csv(sheet, separator=";", decimal=",", bom=True)
    return to_csv(sheet)


def risks_sheet(heat, texts: dict[tuple[int, str], tuple], unit: OrgUnit | None, period: Period) -> Sheet:
    """The heat map as a list: one row per school and section with what the cell shows, the flags' reasons and
    what the school typed (risks, violation, recommendations). heat: a HeatMap; texts: (school id, section code)
    -> (risks, violation description, recommendations)."""
    headers = [_("Code"), _("School"), _("Status"), _("Section"), _("Heat map"), _("Risks noted"),
               _("Violation found"), _("Recommendations")]
    rows = []
    for row, cells in heat.rows:
        for section, cell in zip(heat.sections, cells, strict=True):
            risks, violation, recommendations = texts.get((row.id, section.code), (None, None, None))
            rows.append([row.code, row.name, status_label(row.state), str(section.label), cell.why, risks,
                         violation, recommendations])
    title = _("Risks")
    return Sheet(f"{title} {period.code}", headers, rows, [None] * len(headers), about=about_lines(title, unit, period))
