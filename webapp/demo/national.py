"""A national-scale data set for the benchmark: 20 regions, 200 departments, 7,500 schools, six half-years.

    generate_national(Scale())          # inside an app context, on an empty schema; commits as it goes

Every school gets a generated profile and one analysis per half-year, written with the demo's generator
(webapp/demo/analyses.py: per-school plans whose half-years read as one story) and bulk writer
(webapp/demo/writer.py), so every section holds realistic rows: about 35 orders a year, staff movements,
disciplinary actions, procurement by method, appeals, public services, inspections, court cases, positions,
recommendations and their follow-ups. Closed half-years are accepted (a few late, a few after a return);
the half-year under review (open, deadline passed) mixes accepted, submitted, returned, drafts and not
started; the half-year being written (open, before its deadline) holds drafts. A few schools buy mostly
from a single source, a few analyses found violations or answered appeals late.

It is written region by region: submissions, entries and rows in bulk, then `rebuild_figures` for the
region's submissions and a commit, so memory stays flat. Everything comes from fixed random seeds: the same
scale gives the same data. The one non-production piece of the app's code base: nothing imports it but the
benchmark (bench/bench.py) and its test.
"""

from __future__ import annotations

import dataclasses
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from types import SimpleNamespace

from sqlalchemy import insert
from werkzeug.security import generate_password_hash

from ..audit import insert_audit_rows
from ..extensions import db
from ..models import OrgKind, OrgUnit, Period, Role, User
from ..reporting.figures import rebuild_figures
from ..reporting.models import SectionEntry
from . import texts as kk
from .analyses import (
    ACCEPTED,
    ACCEPTED_LATE,
    CARRIED_DRAFT,
    CITIES,
    CUTOFFS,
    DRAFT,
    RETURNED,
    RETURNED_THEN_ACCEPTED,
    SUBMITTED,
    SUBMITTED_LATE,
    Half,
    MethodSpec,
    Plan,
    Profile,
    _appeals,
    _audit_trail,
    _certificate_date,
    _conclusion,
    _generated_profile,
    _inspections,
    _procurement,
    _representation,
    _timeline,
    carried_over,
    generate,
    insert_submissions,
    partial,
    queue_plan,
)
from .units import BASIC, GENERAL, GYMNASIUM, LYCEUM, PERIODS, _generated_school
from .writer import AnalysisWriter

# Bump whenever the generated data changes shape or content: the benchmark's cached copy is then rebuilt.
# 2: a commodity-exchange purchase is its own method (issue 10); 3: each measure of the plan names its section and
# responsible person, each violation has its measure (issue 11); 4: every text in both languages, one register of
# orders per school and year; 5: a maternity leave is a long leave, no longer a
# dismissal (issue 10 QA); 7: a violation's conclusion names its area once (not the inspection that found it as a
# second area), a follow-up's comment does not repeat its status (issue 11); 8: a permanent measure in progress has
# no comment «to be completed next half-year»; 9: each inspection says when it took place (issue 11); 10: the
# prosecutor's findings told once, plan rows answering them, 2.5's basis not saying «information is published»
# (issue 11 re-read); 11: procurement's risk and recommendation never about single-source purchases a school did
# not make, and answering the violation found there; 12: procurement's basis names no method (the list does);
# 15: procurement tells only what followed the prosecutor's findings, citing 2.9, without a violation's label;
# 16: «по городу Рудному» (the fiscal body's city in the dative), 2.4's recommendation without a tautology;
# 17: a follow-up in progress «to be completed next half-year» is due in the next half-year; 18: a draft's
# half-typed section and a carried draft's follow-ups and signatory keep their Russian versions; 19: the pools'
# Kazakh grammar, a public service's basis the ministry's rules (never a director's order); 20: plans drawn per
# half-year from measures by section, posts the school has, headcounts following the movements, a prosecutor's
# representation answered after it and within a month, the data-protection order with number and date; 21: the
# prosecutor's representation is «ұсыну» in Kazakh («прокуратураның ұсынуы бойынша», not «ұсынымы»); 22: only a
# dated measure is «not done», with a reason of its half-year, and what is not done or to be completed is planned
# again (issue 11, s8c); 23: a procurement violation's quarterly control planned, source 9 ticked beside its
# penalty, collections from parents a 1.1 measure, a cancellation's reason typed; 24: posts freed by leavers are
# vacancies counted in the support staff's units, an administrative post of N units has N persons.
GENERATOR_VERSION = 24
RANDOM_SEED = "adal-national"
PASSWORD = "bench"

# The 17 regions and the 3 cities of republican significance: (code, Kazakh name, Russian name).
REGIONS = [
    ("abai", "Абай облысы", "Абайская область"),
    ("akmola", "Ақмола облысы", "Акмолинская область"),
    ("aktobe", "Ақтөбе облысы", "Актюбинская область"),
    ("almaty-region", "Алматы облысы", "Алматинская область"),
    ("atyrau", "Атырау облысы", "Атырауская область"),
    ("east-kz", "Шығыс Қазақстан облысы", "Восточно-Казахстанская область"),
    ("zhambyl", "Жамбыл облысы", "Жамбылская область"),
    ("zhetysu", "Жетісу облысы", "Область Жетісу"),
    ("west-kz", "Батыс Қазақстан облысы", "Западно-Казахстанская область"),
    ("karaganda", "Қарағанды облысы", "Карагандинская область"),
    ("kostanay", "Қостанай облысы", "Костанайская область"),
    ("kyzylorda", "Қызылорда облысы", "Кызылординская область"),
    ("mangystau", "Маңғыстау облысы", "Мангистауская область"),
    ("pavlodar", "Павлодар облысы", "Павлодарская область"),
    ("north-kz", "Солтүстік Қазақстан облысы", "Северо-Казахстанская область"),
    ("turkistan", "Түркістан облысы", "Туркестанская область"),
    ("ulytau", "Ұлытау облысы", "Область Улытау"),
    ("astana", "Астана қаласы", "Город Астана"),
    ("almaty", "Алматы қаласы", "Город Алматы"),
    ("shymkent", "Шымкент қаласы", "Город Шымкент"),
]
SCHOOL_TYPES = ((GENERAL, 70), (GYMNASIUM, 10), (LYCEUM, 10), (BASIC, 10))
NOUNS = {GYMNASIUM: "мектеп-гимназия", LYCEUM: "мектеп-лицей"}  # anything else: «мектеп»

# What happens to an analysis, by the kind of half-year it belongs to (None: not started).
CLOSED_OUTCOMES = ((ACCEPTED, 92), (ACCEPTED_LATE, 6), (RETURNED_THEN_ACCEPTED, 2))
UNDER_REVIEW_OUTCOMES = ((ACCEPTED, 42), (ACCEPTED_LATE, 5), (SUBMITTED, 14), (SUBMITTED_LATE, 5),
                         (RETURNED, 8), (DRAFT, 14), (None, 12))
BEING_WRITTEN_OUTCOMES = ((DRAFT, 50), (CARRIED_DRAFT, 20), (None, 30))
SINGLE_SOURCE_SCHOOLS = 0.05  # share of schools buying mostly from a single source
VIOLATIONS = 0.03  # share of complete analyses whose inspection found procurement violations
OVERDUE_APPEALS = 0.04  # share of complete analyses with appeals answered late


@dataclass(frozen=True)
class Scale:
    regions: int = 20
    departments_per_region: int = 10
    schools: int = 7500  # spread evenly over all departments (37 or 38 each at full scale)
    periods: tuple[str, ...] = tuple(code for code, _deadline, _open in PERIODS)

    def __post_init__(self):
        if not 1 <= self.regions <= len(REGIONS):
            raise ValueError(f"1 to {len(REGIONS)} regions")
        if self.schools < self.regions * self.departments_per_region:
            raise ValueError("at least one school per department")
        unknown = set(self.periods) - {code for code, *_ in PERIODS}
        if unknown:
            raise ValueError(f"unknown periods {sorted(unknown)}")

    def schools_in(self, department_index: int) -> int:
        """Schools of the n-th department overall: the total spread as evenly as whole numbers allow."""
        departments = self.regions * self.departments_per_region
        return (self.schools * (department_index + 1) // departments) - (self.schools * department_index // departments)


@dataclass
class Accounts:
    """The benchmark's log-ins (all with the password PASSWORD): usernames by role."""

    admin: str = "admin"
    region: str = ""
    department: str = ""
    school: str = ""


@dataclass
class Stats:
    regions: int = 0
    departments: int = 0
    schools: int = 0
    submissions: int = 0
    section_entries: int = 0
    rows: int = 0
    audit_events: int = 0
    rows_by_table: dict[str, int] = dataclasses.field(default_factory=dict)
    seconds: dict[str, float] = dataclasses.field(default_factory=dict)  # time by stage

    def timed(self, stage: str, started: float) -> float:
        now = time.perf_counter()
        self.seconds[stage] = round(self.seconds.get(stage, 0.0) + now - started, 3)
        return now


# --- Organisation tree ----------------------------------------------------------------------------

def _department_fields(region: tuple[str, str, str], number: int) -> dict:
    code, region_kk, region_ru = region
    city = region_kk.removesuffix(" облысы").removesuffix(" қаласы")
    return {"code": f"{code}-d{number:02d}",
            "name_kk": f"{region_kk} {number}-аудандық білім бөлімі",
            "name_ru": f"Районный отдел образования №{number} ({region_ru})",
            "city_kk": f"{city} {number}-аудан", "city_ru": f"район №{number}, {region_ru}",
            "of_kk": f"{region_kk} {number}-аудандық білім бөлімінің",
            "of_ru": f"районного отдела образования №{number} ({region_ru})"}


def _insert_units(kind: OrgKind, parents: list[tuple[int, str]], fields: list[dict]) -> list[tuple[int, str]]:
    """Insert units under (parent id, parent path) pairs, one per fields dict; returns their (id, path)."""
    rows = [{"kind": kind, "parent_id": parent_id, "path": f"{parent_path}{f['code']}/",
             **{key: f.get(key) for key in ("code", "name_kk", "name_ru", "legal_name_kk", "legal_name_ru",
                                            "parent_body_kk", "parent_body_ru", "city_kk", "city_ru", "head_name",
                                            "bin")}}
            for (parent_id, parent_path), f in zip(parents, fields, strict=True)]
    ids = db.session.scalars(insert(OrgUnit).returning(OrgUnit.id, sort_by_parameter_order=True), rows).all()
    return [(unit_id, row["path"]) for unit_id, row in zip(ids, rows, strict=True)]


@dataclass
class SchoolUnit:
    id: int
    code: str
    department_code: str
    kind: object  # SchoolType
    head: str


def build_tree(scale: Scale) -> dict[str, list[SchoolUnit]]:
    """Regions, departments and schools; returns each region's schools (by region code)."""
    rng = random.Random(f"{RANDOM_SEED}:tree")
    regions = REGIONS[:scale.regions]
    region_ids = _insert_units(OrgKind.REGION, [(None, "/")] * len(regions),
                               [{"code": c, "name_kk": kk_, "name_ru": ru} for c, kk_, ru in regions])
    department_fields = [_department_fields(region, n) for region in regions
                         for n in range(1, scale.departments_per_region + 1)]
    department_parents = [parent for parent in region_ids for _ in range(scale.departments_per_region)]
    department_ids = _insert_units(OrgKind.DEPARTMENT, department_parents, department_fields)

    school_fields, school_parents, school_meta = [], [], []
    types, weights = zip(*SCHOOL_TYPES, strict=True)
    for index, (fields, parent) in enumerate(zip(department_fields, department_ids, strict=True)):
        for number in range(1, scale.schools_in(index) + 1):
            kind = rng.choices(types, weights)[0]
            school = _generated_school(fields, number, kind, None, None, rng)
            school_fields.append(school)
            school_parents.append(parent)
            school_meta.append((fields["code"], kind))
    school_ids = _insert_units(OrgKind.SCHOOL, school_parents, school_fields)

    by_region: dict[str, list[SchoolUnit]] = {code: [] for code, *_ in regions}
    for (unit_id, path), fields, (department_code, kind) in zip(school_ids, school_fields, school_meta, strict=True):
        by_region[path.split("/")[1]].append(SchoolUnit(unit_id, fields["code"], department_code, kind,
                                                        fields["head_name"]))
    return by_region


@dataclass(frozen=True)
class HalfYear:
    """What the writer needs of a Period, kept as plain data so it outlives the session between regions."""

    id: int
    code: str
    is_open: bool
    ends_on: date


def create_periods(codes: tuple[str, ...]) -> dict[str, HalfYear]:
    """The demo's half-years (same codes, deadlines and open flags), those not there yet; in time order."""
    existing = {p.code: p for p in db.session.scalars(db.select(Period))}
    for code, deadline, is_open in PERIODS:
        if code in codes and code not in existing:
            year, half = code.split("-H")
            existing[code] = Period(code=code, year=int(year), half=int(half), deadline=deadline, is_open=is_open)
            db.session.add(existing[code])
    db.session.flush()
    return {code: HalfYear(existing[code].id, code, existing[code].is_open, existing[code].ends_on)
            for code in sorted(codes)}


def create_accounts(first_school: SchoolUnit, region_code: str) -> Accounts:
    """An admin and one account each for the first region, its first department and that department's first
    school (one password hash: scrypt is slow on purpose)."""
    password_hash = generate_password_hash(PASSWORD)
    units = {u.code: u for u in db.session.scalars(db.select(OrgUnit).where(
        OrgUnit.code.in_([region_code, first_school.department_code, first_school.code])))}
    accounts = Accounts(region=region_code, department=first_school.department_code, school=first_school.code)
    db.session.add(User(username=accounts.admin, role=Role.ADMIN, password_hash=password_hash, full_name="Әкімші"))
    for username, role in ((accounts.region, Role.DEPARTMENT), (accounts.department, Role.DEPARTMENT),
                           (accounts.school, Role.SCHOOL)):
        unit = units[username]
        db.session.add(User(username=username, role=role, org_unit=unit, password_hash=password_hash,
                            full_name=unit.name_kk))
    db.session.flush()
    return accounts


# --- Plans ----------------------------------------------------------------------------------------

def _profile(school: SchoolUnit, department_index: int) -> Profile:
    """The demo's generated profile, moved to this school (its own code and web addresses)."""
    rng = random.Random(f"{RANDOM_SEED}:{school.code}")
    number = school.code.rsplit("-", 1)[1]
    city = sorted(CITIES)[department_index % len(CITIES)]  # the demo's texts name one of its own cities
    # The demo derives its web addresses from its own department codes: build as one of them, then move.
    profile = _generated_profile(f"{city}-{number}", NOUNS.get(school.kind, "мектеп"), school.head,
                                 school.kind is BASIC, rng)
    slug = school.code.replace("-", "")
    profile = dataclasses.replace(profile, code=school.code, department=city, website=f"https://{slug}.edu.kz/",
                                  social=f"https://www.instagram.com/{slug}_official/")
    if rng.random() < SINGLE_SOURCE_SCHOOLS:
        single = MethodSpec("single_source", rng.uniform(0.42, 0.6), rng.randint(4, 8), kk.SINGLE_SOURCE_NOTE)
        others = [m for m in profile.methods if m.method != "single_source"]
        scale = sum(m.share for m in others)
        for m in others:
            m.share = m.share / scale * (1 - single.share)
        profile.methods = [*others, single]
    return profile


def _outcome(half: Half, is_open: bool, rng: random.Random) -> str | None:
    if not is_open:
        table = CLOSED_OUTCOMES
    elif half.code in CUTOFFS:  # still being written (the demo's drafts of 2026-H2)
        table = BEING_WRITTEN_OUTCOMES
    else:
        table = UNDER_REVIEW_OUTCOMES
    outcomes, weights = zip(*table, strict=True)
    return rng.choices(outcomes, weights)[0]


def school_plans(profile: Profile, periods: dict[str, HalfYear], forced: dict[str, str] | None = None) -> list[Plan]:
    """One school's half-years in order, each built on the last complete one (like the demo's schools)."""
    plans, previous = [], None
    for code, period in periods.items():
        half = Half.of(code)
        rng = random.Random(f"{RANDOM_SEED}:{profile.code}:{code}")
        outcome = (forced or {}).get(code) or _outcome(half, period.is_open, rng)
        if outcome is None:
            continue
        if outcome == CARRIED_DRAFT and previous is None:
            outcome = DRAFT
        reasons = {}
        if outcome in (RETURNED, RETURNED_THEN_ACCEPTED):
            chosen = rng.sample(sorted(kk.RETURN_REASONS), rng.randint(1, len(kk.RETURN_REASONS)))
            reasons = {section: kk.RETURN_REASONS[section] for section in chosen}
        plan = Plan(profile.code, code, outcome, {}, return_reasons=reasons)
        _timeline(plan, half, rng)
        full = generate(profile, half, rng, previous, _certificate_date(plan, half))
        violation, overdue = rng.random() < VIOLATIONS, rng.random() < OVERDUE_APPEALS
        if violation:
            full["procurement"] = _procurement(profile, half, rng, full["acts"]["rows"]["orders"], True)
            full["inspections"] = _inspections(profile, half, rng, True)
        if overdue:
            full["appeals"] = _appeals(profile, half, rng, True)
        if violation or overdue:
            areas = (["procurement", "inspections"] if violation else []) + (["appeals"] if overdue else [])
            full["conclusion"] = _conclusion(profile, half, rng, previous, areas, full["acts"]["rows"]["orders"],
                                             _representation(full["inspections"]))
        if outcome == DRAFT:
            plan.content = partial(full, rng)
        elif outcome == CARRIED_DRAFT:
            plan.content = carried_over(previous)
        else:
            plan.content = full
            previous = full
        plans.append(plan)
    return plans


# --- Writing --------------------------------------------------------------------------------------

def write_region(schools: list[SchoolUnit], periods: dict[str, HalfYear], department_index: dict[str, int],
                 users: dict[str, int], stats: Stats, forced: dict[str, dict[str, str]]) -> list[int]:
    """Plans, submissions, entries, rows and audit trail of one region's schools; returns the submission ids."""
    started = time.perf_counter()
    plans = []
    for school in schools:
        profile = _profile(school, department_index[school.department_code])
        plans.extend(school_plans(profile, periods, forced.get(school.code)))
    started = stats.timed("plan", started)

    units = {s.code: s for s in schools}
    ids = insert_submissions(plans, {code: school.id for code, school in units.items()},
                             {code: period.id for code, period in periods.items()})
    writer, audit = AnalysisWriter(), []
    for plan, submission_id in zip(plans, ids, strict=True):
        queue_plan(writer, plan, submission_id, periods[plan.period])
        school = units[plan.school]
        unit = SimpleNamespace(id=school.id, code=school.code, parent=SimpleNamespace(code=school.department_code))
        audit.extend(_audit_trail(plan, submission_id, unit, users))
    stats.submissions += len(ids)
    stats.section_entries += len(writer.entries)
    for model, model_rows in writer.rows.items():
        stats.rows += len(model_rows)
        stats.rows_by_table[model.__tablename__] = stats.rows_by_table.get(model.__tablename__, 0) + len(model_rows)
    stats.audit_events += len(audit)
    started = stats.timed("convert", started)

    # What writer.execute() does, through Core: the ORM's bulk insert splits a table's rows into one
    # executemany per run of rows with the same blank columns (thousands of statements instead of one).
    db.session.execute(SectionEntry.__table__.insert(), writer.entries)
    for model, model_rows in writer.rows.items():
        db.session.execute(model.__table__.insert(), model_rows)
    if audit:
        insert_audit_rows(db.session, audit)
    stats.timed("insert", started)
    return list(ids)


def generate_national(scale: Scale = Scale(), progress: Callable[[str], None] | None = None,
                      figures_batch: int = 500) -> tuple[Stats, Accounts]:
    """Write the whole data set into the current app's (empty) database, committing region by region."""
    stats, started = Stats(), time.perf_counter()
    periods = create_periods(scale.periods)
    by_region = build_tree(scale)
    department_index = {f"{code}-d{n:02d}": i * scale.departments_per_region + n - 1
                        for i, (code, *_) in enumerate(REGIONS[:scale.regions])
                        for n in range(1, scale.departments_per_region + 1)}
    first_region = REGIONS[0][0]
    first_school = by_region[first_region][0]
    accounts = create_accounts(first_school, first_region)
    users = {name: user_id for name, user_id in db.session.execute(db.select(User.username, User.id))}
    # The benchmark's school saves into a draft of every half-year still being written.
    forced = {first_school.code: {code: DRAFT for code, period in periods.items()
                                  if period.is_open and code in CUTOFFS}}
    stats.regions, stats.departments = scale.regions, scale.regions * scale.departments_per_region
    stats.schools = sum(len(schools) for schools in by_region.values())
    db.session.commit()
    started = stats.timed("tree", started)

    for number, (region, schools) in enumerate(by_region.items(), start=1):
        ids = write_region(schools, periods, department_index, users, stats, forced)
        started = time.perf_counter()
        rebuild_figures(ids, batch=figures_batch)
        started = stats.timed("figures", started)
        db.session.commit()
        db.session.expunge_all()
        stats.timed("commit", started)
        if progress:
            progress(f"{number}/{len(by_region)} {region}: {len(schools)} schools, {len(ids)} submissions")
    return stats, accounts
