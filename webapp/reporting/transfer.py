"""One school's half-year as one JSON document: exported, and imported through the sections' own forms.

Schools moving between systems, a backup of one analysis, and tests all use it. The format is documented in
docs/submission-format.md (version 2; version 1 still imports):

    {"format": "adal-submission", "version": 2, "school": "rudny-7", "period": "2025-H1", "text_lang": "kk",
     "sections": {"personnel": {"narrative": {"risks": …, "risks__tr": …, "basis": …, "basis__tr": …,
                                              "recommendations": …, "recommendations__tr": …,
                                              "violation_found": false, "violation_description": null,
                                              "violation_description__tr": null, "nothing_to_report": false},
                                "facts": {"teachers_total": 76, "teachers_units": "30.5", …},
                                "warnings_explanation": null,
                                "rows": {"movements": [{"year": 2025, "month": 1, "direction": "hired",
                                                        "reason": null, "reason__tr": null, …}]}}}}

Every text the school typed travels in both languages: the field in the submission's `text_lang` and its
`<name>__tr` companion in the other one (version 1 exported the companions of rows and of the narrative as
null, and no `text_lang`: such a document imports as Kazakh-first, without the other language).

Figures keep the shapes the forms store (whole numbers, decimals and sums as text, dates as ISO text, blank as
null: «not given», never 0). An import is checked field by field with the very forms a clerk types into, so it
accepts exactly what the forms accept; every error is listed by section, part and field, and nothing is written
when any is wrong.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from flask_babel import gettext as _
from werkzeug.datastructures import MultiDict
from wtforms import BooleanField, SelectField

from ..extensions import db
from ..models import OrgUnit, Period
from .fields import MAX_TEXT, TRANSLATION_SUFFIX, clean_text, date_fields
from .figures import FigureOutOfRange, refresh
from .forms import NarrativeForm, translatable_names
from .models import SectionEntry, Submission
from .queries import section_data
from .sections import SECTIONS, facts_from_form, section_by_code

FORMAT = "adal-submission"
VERSION = 2  # 2: the texts' other-language companions (`<name>__tr`) of rows and narrative, and `text_lang`
READS = (1, 2)
NARRATIVE = ("risks", "basis", "recommendations", "violation_found", "violation_description", "nothing_to_report")
# The narrative's texts in the other language, read from and written to the entry's `translations`.
NARRATIVE_TRANSLATED = tuple(name + TRANSLATION_SUFFIX for name in translatable_names(NarrativeForm))
SECTION_KEYS = {"narrative", "facts", "rows", "warnings_explanation"}
TEXT_LANGS = ("kk", "ru")


def _plain(value):
    """A stored value as JSON: decimals as exact text, dates as ISO text, a blank text as null (a row added in
    the browser keeps an empty note as "", one written by the demo as None: both are «not given»)."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        return value if value.strip() else None
    return value


def _translation(owner, name: str):
    """The other-language version of `owner`'s text `name` ("reason__tr" → translations["reason"])."""
    return (owner.translations or {}).get(name.removesuffix(TRANSLATION_SUFFIX))


def _row(row_list, row, names: list[str]) -> dict:
    """A row as the document gives it: each field as its form shows it (a service not in the list, stored as
    no code, is the form's "other"), the companions from the row's translations."""
    form = row_list.form(obj=row, formdata=None, meta={"csrf": False})
    out = {}
    for name in names:
        if name.endswith(TRANSLATION_SUFFIX):
            value = _translation(row, name)
        elif isinstance(form[name], SelectField):
            value = form[name].data
        else:
            value = getattr(row, name, None)
        out[name] = _plain(value)
    return out


def _form_fields(form_class) -> list[str]:
    form = form_class(meta={"csrf": False}, formdata=None)
    return [f.name for f in form if f.type not in ("CSRFTokenField", "HiddenField", "SubmitField")]


def export_submission(submission: Submission) -> dict:
    """The submission's sections as a version-2 document (needs a request context for the forms)."""
    data = section_data(submission)
    sections = {}
    for section in SECTIONS:
        part = data[section.code]
        out: dict = {}
        if part.entry is not None:
            entry = part.entry
            if section.triplet:
                out["narrative"] = {name: _plain(getattr(entry, name)) for name in NARRATIVE}
                out["narrative"].update({name: _plain(_translation(entry, name)) for name in NARRATIVE_TRANSLATED})
            elif entry.nothing_to_report:
                out["narrative"] = {"nothing_to_report": True}
            if section.facts_form is not None:
                out["facts"] = {name: _plain(entry.facts.get(name)) for name in _form_fields(section.facts_form)}
            out["warnings_explanation"] = entry.warnings_explanation
        rows = {}
        for row_list in section.row_lists:
            names = _form_fields(row_list.form)
            listed = sorted(part.rows.get(row_list.name) or [], key=lambda row: row.position)  # as entered
            if listed:
                rows[row_list.name] = [_row(row_list, row, names) for row in listed]
        if rows:
            out["rows"] = rows
        if out:
            sections[section.code] = out
    return {"format": FORMAT, "version": VERSION, "school": submission.school.code,
            "period": submission.period.code, "text_lang": submission.text_lang or "kk", "sections": sections}


@dataclass(frozen=True)
class ImportProblem:
    """One reason an import is refused: where (section, part, field) and why."""

    where: str  # "personnel.facts.teachers_units", "procurement.rows.methods[2].amount", "document"
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


class SubmissionImportError(ValueError):
    """The document cannot be imported; `errors` lists every problem found."""

    def __init__(self, errors: list[ImportProblem]):
        super().__init__("\n".join(str(e) for e in errors))
        self.errors = errors


def _formdata(form_class, values: dict, prefix: str = "") -> MultiDict:
    """The document's values as the text a clerk would have typed into `form_class`."""
    form = form_class(meta={"csrf": False}, formdata=None)
    data = MultiDict()
    for f in form:
        value = values.get(f.name)
        if f.name == "violation_found" and isinstance(value, bool):  # the narrative's yes / no radio
            data.add(prefix + f.name, "yes" if value else "no")
        elif value is None or value is False:
            continue
        elif isinstance(f, BooleanField):
            data.add(prefix + f.name, "y")
        elif isinstance(value, float) and value.is_integer():  # 27.0, as some tools write a count: «27»
            data.add(prefix + f.name, str(int(value)))
        else:
            data.add(prefix + f.name, clean_text(str(value)))  # as the form post: no NUL or control character
    return data


def _checked(form_class, values, where: str, errors: list, period: Period, moved: bool = False):
    """The form filled with `values` and validated; its errors (and unknown keys) added to `errors`. `moved`: the
    document is another half-year's, so its dates before `period` are refused (see _before_the_half_year)."""
    if not isinstance(values, dict):
        errors.append(ImportProblem(where, _("must be an object")))
        return None
    known = set(_form_fields(form_class))
    errors.extend(ImportProblem(f"{where}.{name}", _("unknown field")) for name in sorted(set(values) - known))
    document_values = getattr(form_class, "document_values", None)  # a form's own reading of a document's row
    if document_values is not None:
        values = document_values(values)
    form = form_class(formdata=_formdata(form_class, values), meta={"csrf": False}, period=period)
    if not form.validate():
        for name, messages in form.errors.items():
            errors.extend(ImportProblem(f"{where}.{name}", str(m)) for m in messages)
    if moved and period is not None:
        errors.extend(_before_the_half_year(form, form_class, where, period))
    return form


def _before_the_half_year(form, form_class, where: str, period: Period) -> list[ImportProblem]:
    """A date that belongs inside the half-year but falls before it, and a movement's month before it: refused
    when a document of another half-year is imported (the form refuses those after it). The browser saves them
    with a warning, as a clerk may explain one, so a half-year's own export keeps them and imports back whole;
    a document moved to another half-year would count them twice in a span certificate (issue 10 QA: a 2026-H1
    file put into 2026-H2)."""
    from ..i18n import short_date

    start, end = period.starts_on, period.ends_on
    problems = []
    for name, label, rule in date_fields(form_class):
        value = form[name].data
        if rule == "inside" and isinstance(value, date) and value < start:
            problems.append(ImportProblem(f"{where}.{name}", _(
                "%(field)s: %(date)s is outside the analysed half-year (%(start)s–%(end)s).", field=str(label),
                date=short_date(value), start=short_date(start), end=short_date(end))))
    year, month = (getattr(form, name, None) for name in ("year", "month"))
    if year is not None and month is not None and isinstance(year.data, int) and isinstance(month.data, int) \
            and not month.errors and (year.data, month.data) < (start.year, start.month):
        problems.append(ImportProblem(f"{where}.month", _(
            "%(field)s: %(date)s is outside the analysed half-year (%(start)s–%(end)s).", field=str(month.label.text),
            date=f"{month.data:02d}.{year.data}", start=short_date(start), end=short_date(end))))
    return problems


def period_note(document, period: Period) -> str | None:
    """«The document is for 2026-H1; it was imported into 2026-H2.»: said with the import's success when a
    document of another half-year is put into `period` (its dates were checked against `period`)."""
    code = document.get("period") if isinstance(document, dict) else None
    if not isinstance(code, str) or code == period.code:
        return None
    return _("The document is for %(document)s; it was imported into %(period)s.", document=code,
             period=period.code)


def _school_and_period(document: dict, school: OrgUnit | None, period: Period | None, errors: list):
    if school is None:
        school = db.session.execute(db.select(OrgUnit).filter_by(code=document.get("school"))).scalar_one_or_none()
        if school is None:
            errors.append(ImportProblem("school", _("no school with code %(code)s", code=repr(document.get("school")))))
    if period is None:
        period = db.session.execute(db.select(Period).filter_by(code=document.get("period"))).scalar_one_or_none()
        if period is None:
            errors.append(ImportProblem("period", _("no half-year %(code)s", code=repr(document.get("period")))))
    return school, period


def import_submission(document, school: OrgUnit | None = None, period: Period | None = None) -> Submission:
    """Create the school's half-year from `document` (into `school` and `period` when given, else the document's).

    Raises SubmissionImportError listing every problem, having written nothing; the caller commits. The half-year
    must not have been started: an import never overwrites a school's own work. Needs a request context.
    """
    errors: list[ImportProblem] = []
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise SubmissionImportError([ImportProblem("document", _("not an %(format)s document", format=FORMAT))])
    version = document.get("version")
    if isinstance(version, bool) or version not in READS:
        raise SubmissionImportError([ImportProblem("version", _(
            "version %(version)s is not supported (this app reads versions %(known)s)",
            version=repr(version), known=", ".join(str(v) for v in READS)))])
    text_lang = document.get("text_lang", "kk")  # version 1 had none: its texts were Kazakh-first
    if text_lang not in TEXT_LANGS:
        errors.append(ImportProblem("text_lang", _("must be \"kk\" or \"ru\"")))
    school, period = _school_and_period(document, school, period, errors)
    if school is not None and period is not None:
        existing = db.session.execute(db.select(Submission).filter_by(school_id=school.id, period_id=period.id)
                                      ).scalar_one_or_none()
        if existing is not None:
            errors.append(ImportProblem("period", _("%(school)s has already started %(period)s; nothing is "
                                                    "overwritten", school=school.code, period=period.code)))
    sections = document.get("sections")
    if not isinstance(sections, dict):
        errors.append(ImportProblem("sections", _("must be an object keyed by section code")))
        sections = {}
    if errors:
        raise SubmissionImportError(errors)
    moved = document.get("period") != period.code

    planned = []  # (section, narrative form, facts form, explanation, [(row list, [forms])])
    for code, spec in sections.items():
        section = section_by_code(code)
        if section is None:
            errors.append(ImportProblem(code, _("unknown section")))
            continue
        if not isinstance(spec, dict):
            errors.append(ImportProblem(code, _("must be an object")))
            continue
        errors.extend(ImportProblem(f"{code}.{key}", _("unknown key")) for key in sorted(set(spec) - SECTION_KEYS))
        narrative = facts = None
        if "narrative" in spec:
            narrative = _checked(NarrativeForm, spec["narrative"], f"{code}.narrative", errors, period, moved)
        if "facts" in spec:
            if section.facts_form is None:
                errors.append(ImportProblem(f"{code}.facts", _("the section has no figures")))
            else:
                facts = _checked(section.facts_form, spec["facts"], f"{code}.facts", errors, period, moved)
        lists = []
        row_lists = spec.get("rows") or {}
        if not isinstance(row_lists, dict):
            errors.append(ImportProblem(f"{code}.rows", _("must be an object keyed by list name")))
            row_lists = {}
        for list_name, rows in row_lists.items():
            row_list = section.row_list(list_name)
            if row_list is None:
                errors.append(ImportProblem(f"{code}.rows.{list_name}", _("unknown list")))
                continue
            if not isinstance(rows, list):
                errors.append(ImportProblem(f"{code}.rows.{list_name}", _("must be a list")))
                continue
            forms = [_checked(row_list.form, row, f"{code}.rows.{list_name}[{i}]", errors, period,
                              moved)
                     for i, row in enumerate(rows, start=1)]
            lists.append((row_list, forms))
        explanation = spec.get("warnings_explanation")
        if explanation is not None and not isinstance(explanation, str):
            errors.append(ImportProblem(f"{code}.warnings_explanation", _("must be a text or null")))
        elif explanation and len(explanation) > MAX_TEXT:
            errors.append(ImportProblem(f"{code}.warnings_explanation",
                                        _("at most %(count)s characters", count=MAX_TEXT)))
        # The export writes "warnings_explanation" for every section that has an entry, even an empty one.
        entry_wanted = narrative is not None or facts is not None or "warnings_explanation" in spec
        planned.append((section, narrative if entry_wanted else None, facts, entry_wanted,
                        clean_text(explanation), lists))
    if errors:
        raise SubmissionImportError(errors)

    submission = Submission(school_id=school.id, period_id=period.id, text_lang=text_lang)
    db.session.add(submission)
    db.session.flush()
    for section, narrative, facts, entry_wanted, explanation, lists in planned:
        if entry_wanted:
            entry = SectionEntry(submission_id=submission.id, section=section.code,
                                 facts=facts_from_form(facts) if facts is not None else {},
                                 warnings_explanation=(explanation or "").strip() or None)
            if narrative is not None:
                for name in NARRATIVE:
                    value = narrative[name].data
                    setattr(entry, name, value.strip() or None if isinstance(value, str) else value)
                entry.nothing_to_report = bool(entry.nothing_to_report)
                for name in NARRATIVE_TRANSLATED:
                    narrative.populate_field(entry, name)  # into entry.translations
            db.session.add(entry)
        for row_list, forms in lists:
            for position, form in enumerate(forms, start=1):
                row = row_list.model(submission_id=submission.id, position=position)
                form.populate_obj(row)
                db.session.add(row)
    db.session.flush()
    try:  # the figures now rather than at the caller's commit, so sums too large are listed like the rest
        refresh(db.session, {submission.id: {None}})
    except FigureOutOfRange as error:
        raise SubmissionImportError([ImportProblem(
            f"{error.section_code}.figures",
            _("%(name)s sums to %(value)s, more than the %(maximum)s that can be stored",
              name=error.name, value=error.value, maximum=error.maximum))]) from None
    return submission
