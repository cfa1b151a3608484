"""Issue 10: every «not given» figure is blank everywhere — on the form, on the dashboard, in the export and in
the certificate — and never 0. The test walks every optional figure of every section's figures form (and the
optional figures of the rows that carry them): saved blank, each must come back blank on the form, «—» on the
department's comparison, an empty cell in the CSV, and no «0» in either certificate; typed 0, it is 0."""

from __future__ import annotations

import re

import pytest
from support import text_of
from support_org_sections import BASE, full_page, url
from test_real_certificates import compared, exported, input_value

from webapp.reporting.fields import _NumberField, unbound_fields
from webapp.reporting.sections import SECTIONS

CERTIFICATE = "/schools/rudny-7/certificate/?from=2026-H2&to=2026-H2&lang={lang}"
# Every optional figure of the figures forms, by section: (section code, [field names]).
FIGURES = [(section.code, [name for name, unbound in unbound_fields(section.facts_form)
                           if issubclass(unbound.field_class, _NumberField)])
           for section in SECTIONS if section.facts_form is not None]
FIGURES = [(code, names) for code, names in FIGURES if names]
# Rows whose figures may be left blank beside a figure that is given.
ROWS = [("procurement", "methods", {"method": "price_request", "contracts": "3", "amount": "", "note": ""}),
        ("services", "services", {"service_code": "admission", "service_name": "", "legal_basis": "",
                                  "responsible": "", "recipients": "", "amount": "", "electronic": ""})]
ZERO = re.compile(r"(?<![\d.,])0(?![\d.])|0,00")  # a standalone 0, «0 %», «0,00 теңге»; not 10, 2026, 05.01


@pytest.fixture
def clerk(as_user):
    client = as_user("rudny-7", htmx=True)
    assert client.post(f"{BASE}/start", data={"carry_over": ""}).status_code in (204, 303)
    return client


def save_blank(clerk, zero: bool = False) -> None:
    for code, names in FIGURES:
        saved = clerk.post(url(code, "facts"), data={name: "0" if zero else "" for name in names})
        assert saved.status_code in (200, 204, 303), (code, saved.get_data(as_text=True)[:500])
    for code, list_name, row in ROWS:
        added = clerk.post(url(code, f"rows/{list_name}"), data={f"{list_name}-{k}": v for k, v in row.items()})
        assert added.status_code in (200, 204, 303), (code, added.get_data(as_text=True)[:500])


def test_every_figure_saved_blank_is_blank_everywhere(clerk, as_user):
    save_blank(clerk)
    for code, names in FIGURES:
        html = full_page(clerk, code).get_data(as_text=True)
        for name in names:
            assert input_value(html, name) in (None, ""), (code, name)
    for code, list_name, row in ROWS:
        html = full_page(clerk, code).get_data(as_text=True)
        blank = [k for k, v in row.items() if v == "" and k in ("amount", "recipients", "electronic")]
        table = html[html.index(f'id="{list_name}"'):] if f'id="{list_name}"' in html else html
        first_row = re.search(r"<tbody[^>]*>(.*?)</tr>", table, re.S).group(1)
        cells = [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", first_row, re.S)]
        assert blank and not any(ZERO.fullmatch(cell.replace("\u00a0", " ").replace(" ₸", "")) for cell in cells), \
            (code, cells)

    department = as_user("rudny")
    # Only what the given figures make: 3 contracts, none of them from a single source, and no section found a
    # violation (a count of sections, not a typed figure).
    given = {"contracts_total": "3", "single_source_count_pct": "0,0 %", "sections_violation": "0"}
    cells = compared(department)
    assert {key: value for key, value in cells.items() if value != "—"} == given
    line = exported(department)
    assert {key: value for key, value in line.items() if value != ""} == {
        "contracts_total": "3", "single_source_count_pct": "0.0", "sections_violation": "0"}
    for lang in ("kk", "ru"):
        response = department.get(CERTIFICATE.format(lang=lang))
        assert response.status_code == 200
        text = text_of(response)
        found = [text[max(0, m.start() - 80):m.end() + 40] for m in ZERO.finditer(text)]
        assert found == [], (lang, found)


def test_every_figure_typed_zero_is_zero(clerk, as_user):
    save_blank(clerk, zero=True)
    for code, names in FIGURES:
        html = full_page(clerk, code).get_data(as_text=True)
        for name in names:
            assert input_value(html, name) in ("0", "0,00"), (code, name)
