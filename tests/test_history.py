"""The history of an analysis in plain words: field labels in the reader's language, rows named by what they
hold, values as the pages show them, local times only; never a column name, «update section_entry» or «∅»."""

from __future__ import annotations

import re

import pytest
from support import text_of
from support_org_sections import rows_of, start, url

from webapp.blueprints.procurement.models import ProcurementMethod
from webapp.extensions import db
from webapp.reporting.models import Submission

BASE = "/schools/rudny-7/2026-H2"


@pytest.fixture
def history(app, as_user):
    """rudny-7 fills, submits, is returned and resubmits; the history as the department reads it."""
    school = start(as_user)
    school.post(url("procurement", "facts"), data={"complaints_count": "2"})
    school.post(url("procurement", "facts"), data={"complaints_count": "3"})
    school.post(url("procurement", "rows/methods"), data={"methods-method": "single_source",
                                                          "methods-amount": "1 500 000", "methods-contracts": "4"})
    row = rows_of(app, ProcurementMethod)[0]
    school.post(url("procurement", f"rows/methods/{row.id}"), data={
        f"methods-{row.id}-method": "single_source", f"methods-{row.id}-amount": "1 600 000,50",
        f"methods-{row.id}-contracts": "4"})
    school.post(url("acts", "narrative"), data={"risks": "Тәуекел", "violation_found": "yes"})
    with app.app_context():
        db.session.execute(db.update(Submission).values(status="submitted"))
        db.session.commit()
    department = as_user("rudny")
    assert department.post(f"{BASE}/review", data={"decision": "return",
                                                   "reason-procurement": "Соманы тексеріңіз"}).status_code == 303
    return department


def test_history_names_fields_rows_and_values_in_kazakh(history):
    page = history.get(f"{BASE}/history")
    html, text = page.get_data(as_text=True), text_of(page)
    for developer_word in ("section_entry", "procurement_method", "facts.", "complaints_count", "∅", "update ",
                           "single_source", "return_reason", "True", "None"):
        assert developer_word not in text, developer_word
    assert "Бір көзден алу" in text or "бір көзден алу" in text  # the row named by its method
    assert re.search(r"1 500 000,00 ₸\s*→\s*1 600 000,50 ₸", text)  # sums as the pages show them
    assert re.search(r"2\s*→\s*3", text)
    assert "Соманы тексеріңіз" in text
    assert not re.search(r"\d{4}-\d{2}-\d{2}T", html)  # no ISO stamps, only local times
    assert "Сатып алу" in text  # field labels, not column names


def test_history_speaks_russian_to_a_russian_reader(history):
    history.post("/language", data={"lang": "ru", "next": "/"})
    text = text_of(history.get(f"{BASE}/history"))
    assert "единственного источника" in text or "из одного источника" in text
    assert "Причина возврата" in text
    assert "section_entry" not in text and "∅" not in text
