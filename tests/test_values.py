"""The values a clerk types: numbers read the way clerks write them and refused when a slip would change them,
bounds that fit every column and every figure summed from it (on SQLite and PostgreSQL alike), no control
characters in any text, and a wrong choice answered with a message rather than a 500."""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import TEST_DATABASE_URL, text_of
from support_org_sections import assert_fragment, entry_of, full_page, rows_of, start, url, warnings_of
from wtforms import Form, SelectField

from webapp.blueprints.acts.models import Order
from webapp.blueprints.personnel.models import AdministrativeStaff
from webapp.blueprints.procurement.models import ProcurementMethod
from webapp.blueprints.services.models import ServiceProvided
from webapp.extensions import db
from webapp.reporting.fields import MAX_COUNT, CountField, DecimalNumberField, MoneyField, MonthOrDateField
from webapp.reporting.figures import SubmissionFigures
from webapp.reporting.sections import SECTIONS


@pytest.fixture
def school(as_user):
    return start(as_user)


class Sample(Form):
    amount = MoneyField()
    count = CountField()
    units = DecimalNumberField()


class FormData(dict):
    def getlist(self, key):
        return [self[key]] if key in self else []


def parsed(name: str, typed: str):
    """(value, errors) of one field of a bare form given `typed`."""
    form = Sample(FormData({name: typed}))
    form.validate()
    return form[name].data, form[name].errors


@pytest.mark.parametrize("typed, value", [
    ("22 266 028,65", Decimal("22266028.65")),
    ("22\u00a0266\u00a0028,65", Decimal("22266028.65")),  # no-break spaces, as Word and Babel write them
    ("22\u202f266\u202f028,65", Decimal("22266028.65")),  # narrow no-break spaces
    ("22266028.65", Decimal("22266028.65")),
    ("22 266 028,65 ₸", Decimal("22266028.65")),
    ("22266028,65₸", Decimal("22266028.65")),
    ("22 266 028,65 тг", Decimal("22266028.65")),
    ("41 440 тг.", Decimal("41440")),
    ("41440 KZT", Decimal("41440")),
    ("  41 440  ", Decimal("41440")),
    ("0", Decimal("0")),
    ("999 999 999 999,99", Decimal("999999999999.99")),
])
def test_sums_are_read_as_clerks_type_them(typed, value):
    assert parsed("amount", typed) == (value, [])


@pytest.mark.parametrize("typed", [
    "22 266 028 65",  # a space typed instead of the decimal comma: not 2 226 602 865
    "2 22 266",
    "22 2660 28",
    "22,266,028.65",
    "1.234.567",
    "10,555",  # three decimals
    "-5",
    "٣",  # an Arabic-Indic digit is not a number here
    "١٢٣٤",
    "１２３",  # full-width digits
    "1e5",
    "NaN",
    "Infinity",
    "12,",
    "₸",
    "1 000 000 000 000",  # more than a Numeric(14, 2) holds
    "11111111111111111111111111",  # 26 digits
    "12345678901234567,89",  # 17 digits would lose their tiyn on SQLite
])
def test_sums_that_a_slip_would_change_are_refused(typed):
    value, errors = parsed("amount", typed)
    assert value is None and errors


def test_the_grouping_message_gives_an_example():
    _value, errors = parsed("amount", "22 266 028 65")
    assert "22 266 028,65" in str(errors[0])
    _value, errors = parsed("count", "1 25")
    assert "1 250" in str(errors[0])


@pytest.mark.parametrize("typed, value", [("1 250", 1250), ("1250", 1250), ("0", 0), ("1\u00a0250", 1250),
                                          ("2 147 483 647", MAX_COUNT)])
def test_counts_are_read_with_or_without_groups(typed, value):
    assert parsed("count", typed) == (value, [])


@pytest.mark.parametrize("typed", ["1 25", "5.5", "5,0", "-1", "٣", "2 147 483 648", "99999999999999999999", "x"])
def test_counts_are_refused_unless_whole_grouped_and_in_range(typed):
    value, errors = parsed("count", typed)
    assert value is None and errors


@pytest.mark.parametrize("lang, words", [("kk", "топтаңыз"), ("ru", "Группируйте")])
def test_the_grouping_message_is_in_the_readers_language(school, lang, words):
    school.post("/language", data={"lang": lang, "next": "/"})
    response = school.post(url("procurement", "rows/methods"),
                           data={"methods-method": "e_shop", "methods-amount": "22 266 028 65"})
    html = assert_fragment(response, 422).replace("\u00a0", " ")
    assert words in html and "22 266 028,65" in html and 'value="22 266 028 65"' in html


# --- Bounds that fit the columns, on this database (SQLite, and PostgreSQL when TEST_DATABASE_URL is set) -----

def test_every_field_fits_its_column(app):
    """The bounds table: each row form's numbers and texts against its model's column, each figure field
    against the INTEGER figures it is summed into."""
    with app.test_request_context():
        assert _fields_checked() > 40


def _fields_checked() -> int:
    from sqlalchemy import Integer, Numeric, String

    checked = 0
    for section in SECTIONS:
        for row_list in section.row_lists:
            form = row_list.form(meta={"csrf": False})
            columns = row_list.model.__table__.columns
            for f in form:
                if f.name not in columns:
                    continue
                column_type = columns[f.name].type
                if isinstance(f, DecimalNumberField):
                    assert isinstance(column_type, Numeric)
                    limit = Decimal(10) ** (column_type.precision - column_type.scale)
                    assert f.maximum < limit, (section.code, f.name)
                    checked += 1
                elif isinstance(f, CountField):
                    assert isinstance(column_type, Integer) and f.maximum <= 2**31 - 1, (section.code, f.name)
                    checked += 1
                elif isinstance(f, MonthOrDateField):  # stored as "2024-02-23" or "2024-02", whatever was typed
                    assert isinstance(column_type, String) and column_type.length >= len("2024-02-23"), (
                        section.code, f.name)
                    checked += 1
                elif isinstance(column_type, String) and column_type.length:
                    if isinstance(f, SelectField):  # a code from the list, or nothing
                        lengths = [len(str(getattr(c, "value", c))) for c in f.choices or [""]]
                    else:
                        lengths = [v.max for v in f.validators if getattr(v, "max", -1) not in (-1, None)]
                    assert lengths and max(lengths) <= column_type.length, (section.code, f.name)
                    checked += 1
        if section.facts_form is not None:
            for f in section.facts_form(meta={"csrf": False}):
                if isinstance(f, CountField):
                    assert f.maximum <= 2**31 - 1
                    checked += 1
    return checked


def add_method(client, amount: str, method: str = "e_shop"):
    return client.post(url("procurement", "rows/methods"), data={"methods-method": method, "methods-amount": amount})


def figures_of(app) -> SubmissionFigures:
    with app.app_context():
        figures = db.session.scalars(db.select(SubmissionFigures)).one()
        db.session.expunge_all()
        return figures


def test_the_largest_sum_is_kept_to_the_tiyn_and_a_larger_one_refused(school, app):
    assert add_method(school, "999 999 999 999,99").status_code == 200
    assert add_method(school, "1 000 000 000 000").status_code == 422
    assert add_method(school, "1" * 26).status_code == 422
    assert add_method(school, "12345678901234567,89").status_code == 422
    assert [row.amount for row in rows_of(app, ProcurementMethod)] == [Decimal("999999999999.99")]
    assert figures_of(app).procurement_total == Decimal("999999999999.99")
    assert "999 999 999 999,99 ₸" in text_of(full_page(school, "procurement"))
    certificate = school.get("/schools/rudny-7/certificate/?from=2026-H2&to=2026-H2", headers={"HX-Request": ""})
    assert certificate.status_code == 200 and "999 999 999 999,99" in text_of(certificate)


def test_a_sum_of_rows_too_large_for_the_figures_is_refused_at_commit(school, app):
    for _ in range(10):  # 9 999 999 999 999,90 ₸: the most the figures keep to the tiyn
        assert add_method(school, "999 999 999 999,99").status_code == 200
    refused = add_method(school, "1", method="open_tender")
    html = assert_fragment(refused, 422)
    assert 'id="methods-amount-error"' in html and 'value="1"' in html
    assert len(rows_of(app, ProcurementMethod)) == 10
    assert figures_of(app).procurement_total == Decimal("9999999999999.90")
    assert full_page(school, "procurement").status_code == 200


def test_counts_at_the_bound_are_kept_and_their_sums_checked_at_commit(school, app):
    row = {"services-service_code": "admission", "services-recipients": "2 147 483 647"}
    assert school.post(url("services", "rows/services"), data=row).status_code == 200
    second = school.post(url("services", "rows/services"), data={**row, "services-recipients": "1"})
    assert 'id="services-recipients-error"' in assert_fragment(second, 422)
    assert [r.recipients for r in rows_of(app, ServiceProvided)] == [MAX_COUNT]
    assert figures_of(app).service_recipients == MAX_COUNT
    too_many = school.post(url("services", "rows/services"), data={**row, "services-recipients": "2 147 483 648"})
    assert 'id="services-recipients-error"' in assert_fragment(too_many, 422)


def test_staff_totals_that_overflow_together_are_refused(school, app):
    largest = "2 147 483 647"
    response = school.post(url("personnel", "facts"), data={
        "administrative_total": largest, "teachers_total": largest, "support_staff_total": "0"})
    html = assert_fragment(response, 422)
    assert 'id="administrative_total-error"' in html and f'value="{largest}"' in html.replace("\u00a0", " ")
    entry = entry_of(app, "personnel")
    assert entry is None or not entry.facts  # nothing half-saved
    fine = school.post(url("personnel", "facts"), data={"administrative_total": largest, "teachers_total": "0"})
    assert fine.status_code == 200 and entry_of(app, "personnel").facts["administrative_total"] == MAX_COUNT


def test_staff_units_fit_their_column(school, app):
    row = {"admin_staff-position_title": "Директор", "admin_staff-persons": "1"}
    assert school.post(url("personnel", "rows/admin_staff"),
                       data={**row, "admin_staff-staff_units": "9 999,99"}).status_code == 200
    assert school.post(url("personnel", "rows/admin_staff"),
                       data={**row, "admin_staff-staff_units": "10 000"}).status_code == 422
    assert [r.staff_units for r in rows_of(app, AdministrativeStaff)] == [Decimal("9999.99")]


@pytest.mark.skipif(bool(TEST_DATABASE_URL), reason="PostgreSQL's numeric(14,2) cannot hold such a value at all")
def test_sums_stored_before_the_bounds_existed_do_not_break_any_page(school, app, as_user):
    """SQLite kept whatever it was given: a 26-digit sum must still show on the page and the certificates."""
    from sqlalchemy import insert

    from webapp.reporting.models import Submission

    add_method(school, "100")
    with app.app_context():
        submission_id = db.session.scalars(db.select(Submission.id)).one()
        db.session.execute(insert(ProcurementMethod).values(
            submission_id=submission_id, position=2, method="e_shop", amount=Decimal("9" * 26)))
        db.session.commit()
    assert "100 000 000 000 000" in text_of(full_page(school, "procurement"))  # SQLite kept it as 1.0e26
    span = "from=2026-H2&to=2026-H2"
    for suffix in ("", "&format=pdf", "&format=docx"):
        assert school.get(f"/schools/rudny-7/certificate/?{span}{suffix}").status_code == 200
    city = as_user("rudny")
    assert city.get(f"/units/rudny/certificates/?{span}&format=docx").status_code == 200


# --- Text ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("code", [s.code for s in SECTIONS if s.triplet])
def test_a_nul_byte_or_a_control_character_in_any_narrative_is_stripped(school, app, code):
    response = school.post(url(code, "narrative"), data={
        "risks": "Тәуекел\x00 жоқ\x07", "basis": "Негіз\x1b[31m", "recommendations": "Бір\tекі\nүш",
        "violation_found": "no"})
    assert response.status_code == 200
    entry = entry_of(app, code)
    assert (entry.risks, entry.basis, entry.recommendations) == ("Тәуекел жоқ", "Негіз[31m", "Бір\tекі\nүш")


def test_control_characters_leave_row_fields_figures_and_the_login(school, app, client):
    response = school.post(url("procurement", "rows/methods"), data={
        "methods-method": "e_shop", "methods-amount": "41 440\x00", "methods-note": "ес\x00кертпе\x0c"})
    assert response.status_code == 200
    assert [(r.amount, r.note) for r in rows_of(app, ProcurementMethod)] == [(Decimal("41440"), "ескертпе")]
    assert school.post(url("procurement", "facts"), data={"plan_orders": "№1\x00"}).status_code == 200
    assert entry_of(app, "procurement").facts["plan_orders"] == "№1"
    assert client.post("/login", data={"username": "rudny-7\x00", "password": "demo\x00"}).status_code == 303
    assert client.get("/units/rudny/dashboard/compare?q=%00").status_code in (200, 302, 404)


@pytest.mark.parametrize("code", [s.code for s in SECTIONS if s.triplet])
def test_an_unknown_violation_answer_is_a_field_error(school, app, code):
    response = school.post(url(code, "narrative"), data={"risks": "r", "violation_found": "maybe"})
    html = assert_fragment(response, 422)
    assert "violation_found" in html and 'class="error"' in html
    entry = entry_of(app, code)
    assert entry is None or entry.violation_found is None  # the valid text may be kept, never a guess


# --- The same row twice -------------------------------------------------------------------------------------

def test_the_same_row_added_twice_is_named_as_a_duplicate(school, app):
    order = {"orders-number": "39", "orders-date": "05.09.2026", "orders-title": "Сыбайлас жемқорлыққа қарсы"}
    assert school.post(url("acts", "rows/orders"), data=order).status_code == 200
    assert warnings_of(school, "acts") == []
    # A second click (with no request key: an old page, no script) adds the same order again, spaces aside.
    assert school.post(url("acts", "rows/orders"), data={**order, "orders-title": " Сыбайлас  жемқорлыққа қарсы"}
                       ).status_code == 200
    warnings = warnings_of(school, "acts")
    assert len(warnings) == 1 and "39" in warnings[0] and "05.09.2026" in warnings[0] and "2" in warnings[0]
    assert "errors" in full_page(school, "acts").get_data(as_text=True)  # it holds the submission back
    # A different number is a different order: no warning once the copy is corrected.
    copy = rows_of(app, Order)[-1]
    edited = school.post(url("acts", f"rows/orders/{copy.id}"), data={
        f"orders-{copy.id}-number": "40", f"orders-{copy.id}-date": "05.09.2026",
        f"orders-{copy.id}-title": "Сыбайлас жемқорлыққа қарсы"})
    assert edited.status_code == 200
    assert warnings_of(school, "acts") == []
