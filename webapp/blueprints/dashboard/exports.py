"""CSV and XLSX of the comparison table and the completeness grid: numbers stay numbers, headers in the
user's language. The same tables back the downloads and the `flask compare` command."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from flask import g
from flask_babel import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from ...models import Period
from .comparison import Comparison
from .indicators import INDICATORS

FORMATS = {"csv": "text/csv; charset=utf-8",
           "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
NUMBER_FORMATS = {"percent": "0.0", "rate": "0.0", "money": "#,##0.00", "count": "0"}


@dataclass
class Sheet:
    title: str
    headers: list[str]
    rows: list[list]
    number_formats: list[str | None]


def status_label(state: str) -> str:
    """not started / draft / submitted / returned / accepted in the user's language (translated once a request)."""
    labels = g.get("status_labels")
    if labels is None:
        labels = g.status_labels = {"not_started": _("not started"), "draft": _("draft"), "submitted": _("submitted"),
                                    "returned": _("returned"), "accepted": _("accepted")}
    return labels[state]


def comparison_sheet(comparison: Comparison) -> Sheet:
    headers = [_("Code"), _("School"), _("Status"), _("On time")] + [
        f"{indicator.label}" for indicator in INDICATORS] + [_("Flags")]
    rows = []
    for row in comparison.shown:
        on_time = "" if row.on_time is None else (_("yes") if row.on_time else _("no"))
        values = [None if row.values[i.key] is None else round(float(row.values[i.key]), 2) for i in INDICATORS]
        rows.append([row.code, row.name, status_label(row.state), on_time, *values,
                     "; ".join(flag.text for flag in row.flags)])
    formats = [None] * 4 + [NUMBER_FORMATS[i.kind] for i in INDICATORS] + [None]
    return Sheet(_("Comparison") + f" {comparison.period.code}", headers, rows, formats)


def completeness_sheet(schools, periods: list[Period], grid: dict) -> Sheet:
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
                     "" if on_time is None else (_("yes") if on_time else _("no"))]
        rows.append(line)
    return Sheet(_("Completeness"), headers, rows, [None] * len(headers))


def to_csv(sheet: Sheet) -> bytes:
    """UTF-8 with a byte-order mark, so Excel opens Kazakh and Russian letters correctly."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(sheet.headers)
    writer.writerows(sheet.rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def to_xlsx(sheet: Sheet) -> bytes:
    workbook = Workbook()
    worksheet = workbook.active
    worksheet.title = sheet.title[:31]
    worksheet.append(sheet.headers)
    for cell in worksheet[1]:
        cell.font = Font(bold=True)
    for row in sheet.rows:
        worksheet.append(row)
    for column, number_format in enumerate(sheet.number_formats, start=1):
        letter = get_column_letter(column)
        worksheet.column_dimensions[letter].width = 14 if number_format else 24
        if number_format:
            for (cell,) in worksheet.iter_rows(min_row=2, min_col=column, max_col=column):
                cell.number_format = number_format
    worksheet.freeze_panes = "C2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def render_sheet(sheet: Sheet, file_format: str) -> bytes:
    return to_csv(sheet) if file_format == "csv" else to_xlsx(sheet)
