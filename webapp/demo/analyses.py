"""Demo half-year analyses for every demo school, 2024-H2 to 2026-H2.

- rudny-7: 2024-H2 and 2025-H1 are the seed certificate (webapp/demo/seed_school.py), accepted on time;
  2025-H2 (accepted) and 2026-H1 (submitted, awaiting review) continue it with plausible changes; 2026-H2
  is not started, so a clerk can try "start from the last half-year".
- Every other school: generated from a fixed random seed per school and half-year, so every load gives the
  same data and a school's half-years read as one story (headcounts drift, last half-year's recommendations
  come back as follow-ups). Older half-years are accepted (a few late, one after a return); 2026-H1 is a mix
  of accepted, submitted, returned, drafts past the deadline and not started; 2026-H2 has a few drafts.
- Deliberate variety: rudny-3 has an inspection that found violations (2025-H2), lisakovsk-3 buys mostly
  from a single source, rudny-10 answered appeals late (2025).

Plans are pure data (no database); `load_analyses` writes the ones whose school × half-year has no
submission yet, in bulk, with explicit timestamps and a short audit trail per submission.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from sqlalchemy import insert, select

from ..audit import insert_audit_rows
from ..blueprints.appeals.timeliness import answer_deadline, timeliness
from ..extensions import db
from ..i18n import zone
from ..models import OrgUnit, Period, User
from ..reporting.figures import rebuild_figures
from ..reporting.models import Review, Status, Submission
from ..reporting.sections import SECTIONS
from . import seed_school as seed
from . import texts as kk
from .russian import add_russian, dictionary
from .units import PERIODS
from .writer import AnalysisWriter

RANDOM_SEED = "adal-demo-analyses"
LOCAL = zone("Asia/Almaty")  # the schools' time zone (BABEL_DEFAULT_TIMEZONE)
ANALYSIS_PERIODS = ("2024-H2", "2025-H1", "2025-H2", "2026-H1", "2026-H2")
# The periods' own deadlines (the demo's overrides are for 2026-H2, which only has drafts).
DEADLINES = {code: deadline for code, deadline, _ in PERIODS}
# The drafts of 2026-H2 are being written in November 2026: nothing in them is dated later.
CUTOFFS = {"2026-H2": date(2026, 11, 1)}

# What happened to each analysis. Older half-years default to accepted on time, later ones to not started.
ACCEPTED, ACCEPTED_LATE = "accepted", "accepted_late"
SUBMITTED, SUBMITTED_LATE = "submitted", "submitted_late"
RETURNED, RETURNED_THEN_ACCEPTED = "returned", "returned_then_accepted"
DRAFT, CARRIED_DRAFT = "draft", "carried_draft"  # a carried draft was started from the last half-year
OUTCOMES = {
    ("rudny-16", "2024-H2"): ACCEPTED_LATE,
    ("rudny-12", "2025-H1"): ACCEPTED_LATE,
    ("lisakovsk-2", "2025-H1"): RETURNED_THEN_ACCEPTED,
    ("rudny-6", "2025-H2"): RETURNED_THEN_ACCEPTED,
    ("rudny-10", "2025-H2"): ACCEPTED_LATE,
    ("lisakovsk-1", "2025-H2"): ACCEPTED_LATE,
    # 2026-H1, the half-year under review
    ("rudny-1", "2026-H1"): ACCEPTED, ("rudny-2", "2026-H1"): ACCEPTED, ("rudny-5", "2026-H1"): ACCEPTED,
    ("rudny-9", "2026-H1"): ACCEPTED, ("lisakovsk-2", "2026-H1"): ACCEPTED, ("rudny-14", "2026-H1"): ACCEPTED_LATE,
    ("rudny-6", "2026-H1"): SUBMITTED, ("rudny-13", "2026-H1"): SUBMITTED, ("lisakovsk-1", "2026-H1"): SUBMITTED,
    ("rudny-3", "2026-H1"): SUBMITTED_LATE,
    ("rudny-4", "2026-H1"): RETURNED, ("lisakovsk-4", "2026-H1"): RETURNED,
    ("rudny-8", "2026-H1"): DRAFT, ("rudny-11", "2026-H1"): DRAFT, ("lisakovsk-3", "2026-H1"): DRAFT,
    # rudny-10, rudny-12, rudny-16 have not started 2026-H1.
    ("rudny-1", "2026-H2"): DRAFT, ("rudny-9", "2026-H2"): DRAFT, ("lisakovsk-2", "2026-H2"): DRAFT,
    ("rudny-5", "2026-H2"): CARRIED_DRAFT,
}
RETURN_REASONS = {
    ("rudny-4", "2026-H1"): {"personnel": kk.RETURN_REASONS["personnel"]},
    ("lisakovsk-4", "2026-H1"): {"procurement": kk.RETURN_REASONS["procurement"]},
    ("rudny-6", "2025-H2"): {"procurement": kk.RETURN_REASONS["procurement"]},
    ("lisakovsk-2", "2025-H1"): {"personnel": kk.RETURN_REASONS["personnel"]},
}
VIOLATIONS = {("rudny-3", "2025-H2")}
# The half-years whose public cycle (webapp/demo/cycles.py) records the director's approval order: (№, date). Each
# numbered in its school's own register of that December (rudny-3 had reached №205 by 4 December 2025).
CYCLE_APPROVALS = {("rudny-7", "2025-H2"): ("301", date(2025, 12, 19)),
                   ("rudny-3", "2025-H2"): ("211", date(2025, 12, 19))}
# The day a public cycle's proposals were considered (webapp/demo/cycles.py), told in 2.11.
PROPOSALS_CONSIDERED_ON = date(2025, 10, 2)
OVERDUE_APPEALS = {("rudny-10", "2025-H1"), ("rudny-10", "2025-H2")}
SINGLE_SOURCE_SCHOOLS = {"lisakovsk-3"}
HIGH_SINGLE_SOURCE_SHARE = Decimal("0.4")

NOUNS = {"мектеп-лицей": "мектеп-лицей", "мектеп-гимназия": "мектеп-гимназия"}  # anything else: «мектеп»
CITIES = {"rudny": "Рудный", "lisakovsk": "Лисаков"}
DEPARTMENT_SLUGS = {"rudny": "rudny", "lisakovsk": "lis"}
ADMIN_TITLES = frozenset(title for title, _persons, _units in kk.ADMIN_POSITIONS)  # posts 2.2 lists by name


# --- Half-years ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Half:
    code: str
    year: int
    half: int

    @classmethod
    def of(cls, code: str) -> Half:
        year, half = code.split("-H")
        return cls(code, int(year), int(half))

    @property
    def start(self) -> date:
        return date(self.year, 1 if self.half == 1 else 7, 1)

    @property
    def end(self) -> date:
        return date(self.year, 6, 30) if self.half == 1 else date(self.year, 12, 31)

    @property
    def cutoff(self) -> date:
        """Generated events stay before the analysis is written (early June / early December)."""
        if self.code in CUTOFFS:
            return CUTOFFS[self.code]
        return date(self.year, 6, 5) if self.half == 1 else date(self.year, 12, 5)

    @property
    def school_year_start(self) -> int:
        return self.year if self.half == 2 else self.year - 1

    @property
    def school_year(self) -> str:
        return f"{self.school_year_start}-{self.school_year_start + 1}"

    def shifted(self, by: int) -> Half:
        index = self.year * 2 + self.half - 1 + by
        return Half(f"{index // 2}-H{index % 2 + 1}", index // 2, index % 2 + 1)


def _dmy(day: date) -> str:
    return f"{day:%d.%m.%Y}"


def _tenge(amount: Decimal) -> str:
    whole, cents = f"{amount:.2f}".split(".")
    return f"{int(whole):,}".replace(",", " ") + ("" if cents == "00" else f",{cents}")


def _day_between(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randint(0, max(0, (last - first).days)))


def _workday(day: date) -> date:
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def _name(rng: random.Random) -> str:
    return f"{rng.choice(kk.SURNAMES)} {rng.choice(kk.INITIALS)}.{rng.choice(kk.INITIALS)}."


def _money(rng: random.Random, value: float) -> Decimal:
    """A plausible sum with tiyns, from a rough float."""
    return (Decimal(int(value)) + Decimal(rng.randint(0, 99)) / 100).quantize(Decimal("0.01"))


# --- School profiles: what stays the same from one half-year to the next ---------------------------

@dataclass
class ServiceSpec:
    code: str | None
    name: str | None
    responsible: str
    legal_basis: str
    base: dict[int, int]  # recipients in a typical first / second half-year
    aid_per_person: int | None = None
    electronic_share: float | None = None


@dataclass
class MethodSpec:
    method: str
    share: float  # of the half-year's procurement sum
    contracts: int | None  # typical contracts per half-year; None when the school gives only sums
    note: str | None = None


@dataclass
class Profile:
    code: str
    department: str
    noun: str
    head: str
    signatory_position: str
    teachers: int
    support: int
    higher_share: float
    category_weights: tuple[float, ...]  # pedagog, moderator, expert, researcher, master, none
    admin_staff: list[tuple[str, int, str | None]]
    services: list[ServiceSpec]
    service_order: tuple[str, int]  # № and day of September of the order assigning responsibility
    portal: tuple[str, str, int]  # responsible, order №, day of September
    budget: dict[int, int]  # procurement sum in a typical first / second half-year
    methods: list[MethodSpec]
    website: str
    social: str
    positions: list[dict]
    recommendations: list[tuple[str, str, str | None, str | None]]  # text, deadline kind, responsible, section
    texts: dict[str, dict]  # per section: chosen risks / recommendations and, for the seed school, basis
    working_group: list[dict]
    staff_names: list[str]
    order_rate: float  # order numbers per day of the year (numbering restarts each January)
    launch_order: tuple[str, int]  # № and day of September of the order launching the analysis
    sources_off: frozenset[int] = frozenset()
    approval: bool = False
    public_discussion: bool = False
    odds: dict[str, float] = field(default_factory=dict)  # courts, inspections, fiscal, interactions, media
    order_templates: dict[int, list[tuple[str, str, str]]] | None = None  # the seed school's own orders
    cited_titles: dict[str, str] = field(default_factory=lambda: dict(kk.CITED_ORDERS))  # see _register
    appeals: tuple[int, int] = (2, 6)  # how many a half-year
    channel_weights: tuple[int, int, int, int] = (60, 25, 10, 5)  # e-Otinish, written, in person, other


# Who may sit in the working group for a member whose post the school does not have, in this order of preference.
GROUP_STAND_INS = ["Директордың әдістеме ісі жөніндегі орынбасары", "Директордың шаруашылық жөніндегі орынбасары",
                   "Директордың бастауыш сыныптар жөніндегі орынбасары", "Директордың АКТ жөніндегі орынбасары",
                   "Әлеуметтік педагог", "Педагог-психолог", "Кәсіподақ комитетінің төрағасы",
                   "Мемлекеттік сатып алу жөніндегі маман"]


def _existing_roles(roles: list[tuple[str, str]], admin_staff: list[tuple[str, int, str | None]]
                    ) -> list[tuple[str, str]]:
    """The working group's (post, role) with every administrative post one the school's staff list (2.2) has
    (issue 11: «С.Д. Петренко, директордың тәрбие ісі жөніндегі орынбасары» at a school without that deputy); a
    missing one is taken by the first post of GROUP_STAND_INS the school has and the group does not."""
    posts = {title for title, _persons, _units in admin_staff}
    used = {title for title, _role in roles}
    existing = []
    for title, role in roles:
        if title in ADMIN_TITLES and title not in posts:
            title = next(t for t in GROUP_STAND_INS if t not in used and (t not in ADMIN_TITLES or t in posts))
            used.add(title)
        existing.append((title, role))
    return existing


def _generated_profile(code: str, noun: str, head: str, small: bool, rng: random.Random) -> Profile:
    department, number = code.rsplit("-", 1)
    teachers = rng.randint(18, 34) if small else rng.randint(38, 95)
    names = list(dict.fromkeys(_name(rng) for _ in range(40)))
    admin = [kk.ADMIN_POSITIONS[0], kk.ADMIN_POSITIONS[1]]
    admin += sorted(rng.sample(kk.ADMIN_POSITIONS[2:], rng.randint(3, 8)), key=kk.ADMIN_POSITIONS.index)
    # A post of two staff units is two persons (issue 11, s8c: «педагог-психолог (2 штатные единицы)» counted as
    # one of lisakovsk-4's «8 человек»); a unit and a half may be one person on an extra half-load.
    admin_staff = [(title, max(drawn, math.ceil(float(unit))), unit) for title, drawn, unit in
                   ((title, rng.randint(*persons), rng.choice(units)) for title, persons, units in admin)]

    optional = ["free_meals", "material_aid", "camps", "home_schooling", "document_duplicates", "teacher_attestation"]
    codes = ["admission", "transfer"] + sorted(rng.sample(optional, rng.randint(1, 5)), key=optional.index)
    responsible = names[:3]
    services = []
    for service in codes:
        base = {
            "admission": {1: int(teachers * rng.uniform(0.6, 1.4)), 2: int(teachers * rng.uniform(0.3, 0.8))},
            "transfer": {1: int(teachers * rng.uniform(0.3, 0.9)), 2: int(teachers * rng.uniform(0.4, 1.0))},
            "free_meals": {1: rng.randint(0, 8), 2: rng.randint(5, 60)},
            "material_aid": {1: rng.randint(2, 10), 2: rng.randint(3, 12)},
            "camps": {1: rng.randint(3, 40), 2: rng.randint(0, 3)},
            "home_schooling": {1: rng.randint(0, 2), 2: rng.randint(0, 4)},
            "document_duplicates": {1: rng.randint(0, 3), 2: rng.randint(0, 2)},
            "teacher_attestation": {1: max(1, teachers // rng.randint(5, 12)), 2: rng.randint(0, 4)},
        }[service]
        electronic = rng.uniform(0.4, 1.0) if service in ("admission", "transfer", "free_meals", "camps") else None
        services.append(ServiceSpec(service, None, rng.choice(responsible), kk.SERVICE_LEGAL_BASIS[service], base,
                                    aid_per_person=rng.randint(25, 50) * 1000 if service == "material_aid" else None,
                                    electronic_share=electronic))
    if len(services) < 8 and rng.random() < 0.2:
        services.append(ServiceSpec(None, kk.OTHER_SERVICE, rng.choice(responsible), kk.OTHER_SERVICE_BASIS,
                                    {1: rng.randint(10, 40), 2: rng.randint(10, 40)}))

    methods = [MethodSpec("price_request", rng.uniform(0.25, 0.45), max(8, teachers // 2))]
    if code in SINGLE_SOURCE_SCHOOLS:
        methods.append(MethodSpec("single_source", rng.uniform(0.55, 0.6), rng.randint(4, 8), kk.SINGLE_SOURCE_NOTE))
    elif rng.random() < 0.6:
        methods.append(MethodSpec("single_source", rng.uniform(0.08, 0.22), rng.randint(2, 5), kk.SINGLE_SOURCE_NOTE))
    if rng.random() < 0.7:
        methods.append(MethodSpec("open_tender", rng.uniform(0.25, 0.45), rng.randint(1, 3)))
    if rng.random() < 0.8:
        methods.append(MethodSpec("e_shop", rng.uniform(0.01, 0.05), rng.choice([None, rng.randint(2, 15)])))
    if rng.random() < 0.1:
        methods.append(MethodSpec("commodity_exchange", rng.uniform(0.01, 0.04), 1))
    if len(methods) == 1:
        methods.append(MethodSpec("e_shop", 0.03, rng.randint(2, 10)))
    # Shares add up to 1; at the single-source school the other methods share what single source leaves.
    fixed = [m for m in methods if m.method == "single_source" and code in SINGLE_SOURCE_SCHOOLS]
    others = [m for m in methods if m not in fixed]
    left, scale = 1 - sum(m.share for m in fixed), sum(m.share for m in others)
    for m in others:
        m.share = m.share / scale * left

    slug = f"{DEPARTMENT_SLUGS[department]}school{number}"
    positions = kk.POSITIONS[:2] + rng.sample(kk.POSITIONS[2:], rng.randint(0, 3))
    recommendations = sorted(rng.sample(kk.RECOMMENDATIONS, rng.randint(4, 8)), key=kk.RECOMMENDATIONS.index)
    group_size = rng.randint(3, 5)
    roles = [kk.WORKING_GROUP_ROLES[0], *rng.sample(kk.WORKING_GROUP_ROLES[1:5], group_size - 2),
             kk.WORKING_GROUP_ROLES[5]]
    roles = _existing_roles(roles, admin_staff)
    working_group = [{"name": names[10 + i], "position_title": title, "role": role}
                     for i, (title, role) in enumerate(roles)]
    posts = {title for title, _persons, _units in admin_staff}
    positions = [p for p in positions if p[0] not in ADMIN_TITLES or p[0] in posts]
    if len(positions) < 2:  # the deputy for studies, whom every school has, admits and transfers pupils
        positions.append(kk.POSITIONS[2])
    texts = {code_: {"risks": rng.choice(pool["risks"]), "recommendations": rng.choice(pool["recommendations"])}
             for code_, pool in (("acts", kk.ACTS), ("services", kk.SERVICES), ("personnel", kk.PERSONNEL),
                                 ("procurement", kk.PROCUREMENT), ("digital", kk.DIGITAL), ("appeals", kk.APPEALS),
                                 ("transparency", kk.TRANSPARENCY), ("monitoring", kk.MONITORING),
                                 ("inspections", kk.INSPECTIONS), ("media", kk.MEDIA))}
    weights = (rng.uniform(0.1, 0.3), rng.uniform(0.2, 0.35), rng.uniform(0.15, 0.3), rng.uniform(0.1, 0.3),
               rng.uniform(0.0, 0.05), rng.uniform(0.0, 0.1))
    profile = Profile(
        code=code, department=department, noun=noun, head=head,
        # The head's post as the school's kind words it («Мектеп-гимназия директоры»).
        signatory_position=kk.HEAD_POSITIONS[rng.choice(["Мектеп директоры", "Директор", "Мектеп басшысы"])][noun],
        teachers=teachers, support=int(teachers * rng.uniform(0.35, 0.6)), higher_share=rng.uniform(0.82, 0.97),
        category_weights=weights, admin_staff=admin_staff, services=services,
        service_order=(str(rng.randint(180, 230)), rng.randint(1, 3)),
        portal=(rng.choice(names[3:8]), str(rng.randint(40, 60)), rng.randint(1, 3)),
        budget={1: int(teachers * rng.uniform(180_000, 320_000)), 2: int(teachers * rng.uniform(140_000, 260_000))},
        methods=methods, website=f"https://{slug}.edu.kz/", social=f"https://www.instagram.com/{slug}_official/",
        positions=[{"position_title": p, "competence": c, "risk": r} for p, c, r in positions],
        recommendations=recommendations, texts=texts, working_group=working_group, staff_names=names[15:],
        order_rate=rng.uniform(0.6, 1.05), launch_order=(str(rng.randint(200, 260)), rng.randint(1, 5)),
        sources_off=frozenset(rng.sample([3, 5, 9, 10, 11, 13], rng.randint(0, 4))),
        approval=rng.random() < 0.4, public_discussion=rng.random() < 0.4,
        odds={"courts": rng.uniform(0.0, 0.2), "inspections": rng.uniform(0.1, 0.35), "fiscal": rng.uniform(0, 0.1),
              "interactions": rng.uniform(0.1, 0.4), "media": rng.uniform(0.0, 0.25),
              "monitoring": rng.uniform(0.5, 0.9)},
    )
    return profile


def _seed_profile() -> Profile:
    """rudny-7 as the seed describes it, to continue its story after 2025-H1."""
    services = []
    for code, (legal_basis, responsible) in seed.SERVICE_DETAILS.items():
        per_half = seed.SERVICE_RECIPIENTS[code]
        services.append(ServiceSpec(code, None, responsible, legal_basis,
                                    {1: per_half["2025-H1"][0], 2: per_half["2024-H2"][0]},
                                    aid_per_person=43_407 if code == "material_aid" else None,
                                    electronic_share=1.0 if code in seed.ELECTRONIC else None))
    texts = {code: {"risks": seed.TEXTS[code]["risks"], "recommendations": seed.TEXTS[code]["recommendations"]}
             for code in ("acts", "services", "personnel", "procurement", "digital", "appeals", "transparency",
                          "monitoring", "inspections", "media")}
    for code in ("digital", "transparency", "media"):  # timeless: no figures in them
        texts[code]["basis"] = seed.TEXTS[code]["basis"]
    return Profile(
        code=seed.SCHOOL_CODE, department="rudny", noun="мектеп-гимназия", head=seed.GENERAL_FACTS["signatory_name"],
        signatory_position=seed.GENERAL_FACTS["signatory_position"], teachers=76, support=41, higher_share=69 / 76,
        category_weights=(16, 22, 17, 21, 2, 0), admin_staff=seed.ADMIN_STAFF, services=services,
        service_order=("219", 1), portal=(seed.SERVICES_FACTS["portal_responsible"], "51", 1),
        budget={1: 12_433_156, 2: 9_874_312},
        methods=[MethodSpec("price_request", 0.9967, 29), MethodSpec("e_shop", 0.0033, None)],
        website=seed.WEBSITE, social=seed.INSTAGRAM, positions=seed.POSITIONS,
        recommendations=[(text, kind, seed.RESPONSIBLE, section) for (text, kind), section
                         in zip(seed.RECOMMENDATIONS, seed.RECOMMENDATION_SECTIONS, strict=True)], texts=texts,
        # The seed names no working group; from 2025-H2 the director approves the certificate (CYCLE_APPROVALS) and
        # the group's head signs it, the deputy who chaired the public discussion (webapp/demo/cycles.py).
        working_group=[{"name": "Серікова Г.М.", "position_title": kk.WORKING_GROUP_ROLES[0][0], "role": "head"},
                       {"name": "Тоқтарова Г.М.", "position_title": "Бас есепші", "role": "member"},
                       {"name": "Ким Е.В.", "position_title": "Кәсіподақ комитетінің төрағасы", "role": "member"},
                       {"name": "Омарова Д.С.", "position_title": "Іс жүргізуші", "role": "secretary"}],
        staff_names=["Жүсіпова А.Қ.", "Тоқтарова Г.М.", "Ким Е.В.", "Серікбаев Н.Т.", "Омарова Д.С."],
        order_rate=0.9, launch_order=("241", 1),
        odds={"courts": 0, "inspections": 0, "fiscal": 0, "interactions": 0, "media": 0, "monitoring": 1},
        order_templates={2: seed.ORDERS["2024-H2"], 1: seed.ORDERS["2025-H1"]},
        # The seed's own titles of the orders its sections cite (its orders list carries them).
        cited_titles={**kk.CITED_ORDERS, "launch": "Сыбайлас жемқорлық тәуекелдеріне ішкі талдауды жүргізу туралы",
                      "portal": "«АРМ» электронды мектеп порталында жұмыс жасау туралы"},
        appeals=(1, 3), channel_weights=(1, 0, 0, 0),
    )


# --- One half-year's content -----------------------------------------------------------------------

def _triplet(profile: Profile, code: str, basis: str, **extra) -> dict:
    texts = profile.texts[code]
    return {"risks": texts["risks"], "basis": texts.get("basis") or basis,
            "recommendations": texts["recommendations"], "violation_found": False, **extra}


def _nothing(basis: str) -> dict:
    return {"nothing_to_report": True, "basis": basis}


def _orders(profile: Profile, half: Half, rng: random.Random) -> list[dict]:
    if profile.order_templates:  # the seed school's orders of the same half a year (or two) earlier
        rows, seen = [], set()
        for number, day, title in profile.order_templates[half.half]:
            if (number, day, title) in seen:  # the seed lists one order twice
                continue
            seen.add((number, day, title))
            old = date.fromisoformat(day)
            years = half.year - (2025 if half.half == 1 else 2024)
            new = _workday(old.replace(year=old.year + years))
            number = str(max(1, int(number) + rng.randint(-4, 6)))
            title = title.replace("2024-2025", half.school_year).replace("2025 жылға", f"{half.year} жылға")
            if new > half.cutoff:
                continue
            rows.append({"number": number, "date": new, "title": title})
        return rows
    pool = [(month, title) for month, title in (kk.ORDERS_H1 if half.half == 1 else kk.ORDERS_H2)
            if date(half.year, month, 1) <= half.cutoff]
    chosen = sorted(rng.sample(range(len(pool)), min(len(pool), rng.randint(15, 20))))
    dated = []
    for index in chosen:
        month, title = pool[index]
        last_day = half.cutoff.day if month == half.cutoff.month else 28
        day = rng.randint(1, min(5, last_day)) if month in (9, 1) and rng.random() < 0.7 else rng.randint(1, last_day)
        when = date(half.year, month, day)
        if when.weekday() >= 5:  # orders are signed on working days
            when -= timedelta(days=when.weekday() - 4)
        dated.append((when, title.format(ay=half.school_year, y=half.year, y1=half.year + 1)))
    dated.sort()
    rows, last = [], 0
    for when, title in dated:
        last = max(last + rng.randint(1, 4), int(when.timetuple().tm_yday * profile.order_rate))
        rows.append({"number": str(last), "date": when, "title": title})
    return rows


def _cited_orders(profile: Profile, school_year_start: int) -> dict[str, dict]:
    """The orders of a school year that other sections cite (texts.CITED_ORDERS): signed one after the other on the
    first working day of September, numbered from what the school's numbering has reached by then.

    A pure function of the profile and the year, so a first half-year cites the same orders (number, date,
    title) as the list of the second half-year before it. The number leaves room for the orders of July and
    August (at most six: two from the pool, four disciplinary) numbered before it (see _register)."""
    day = _workday(date(school_year_start, 9, 1))
    first = int(day.timetuple().tm_yday * profile.order_rate) + 6
    return {key: {"number": str(first + index), "date": day, "title": profile.cited_titles[key]}
            for index, key in enumerate(kk.CITED_ORDERS)}


def _register(content: dict, profile: Profile, half: Half) -> None:
    """One register of orders per school and calendar year: the orders list of 1.1 holds every order another
    section cites (the analysis, responsibility for services and the «АРМ» portal, internal rules, each
    disciplinary penalty), numbers increase with dates (restarting each January), and every citation gives the
    number and date the list gives.

    Orders before the cited ones take the number the school's rate has reached (or the next free one), the cited
    ones theirs (_cited_orders), later ones the next free number or the rate's, whichever is higher."""
    cited = _cited_orders(profile, half.school_year_start)
    titles = {order["title"] for order in cited.values()}
    rows = [order for order in content["acts"]["rows"]["orders"] if order["title"] not in titles]
    if half.half == 2:
        rows += [dict(order) for order in cited.values() if order["date"] <= half.cutoff]
    penalties = content["personnel"]["rows"]["disciplinary"]
    for penalty in penalties:
        rows.append({"number": None, "date": penalty["order_date"], "title": kk.DISCIPLINE_ORDER, "penalty": penalty})
    fixed = {order["title"]: order["number"] for order in cited.values()}
    rows.sort(key=lambda row: (row["date"], row["title"] not in fixed))
    last = 0
    for row in rows:
        if half.half == 2 and row["title"] in fixed:
            last = int(fixed[row["title"]])
        else:
            last = max(last + 1, int(row["date"].timetuple().tm_yday * profile.order_rate))
        row["number"] = str(last)
        if "penalty" in row:
            row.pop("penalty")["order_number"] = row["number"]
    content["acts"]["rows"]["orders"] = rows
    launch, services, portal, rules = (cited[key] for key in ("launch", "services", "portal", "rules"))
    content["general"]["facts"].update(order_number=launch["number"], order_date=launch["date"])
    content["services"]["facts"].update(
        responsibility_order_number=services["number"], responsibility_order_date=services["date"],
        portal_order_number=portal["number"], portal_order_date=portal["date"])
    content["acts"]["facts"].update(rules_order_number=rules["number"], rules_order_date=rules["date"])
    plans = ", ".join(f"№{o['number']} {_dmy(o['date'])}" for o in rows
                      if "сатып алу" in o["title"] and "жоспар" in o["title"])
    content["procurement"]["facts"]["plan_orders"] = plans or None


def _categories(total: int, weights: tuple[float, ...]) -> list[int]:
    """`total` split by weights with the largest remainders (so the parts add up exactly)."""
    scale = sum(weights) or 1
    raw = [total * w / scale for w in weights]
    parts = [int(r) for r in raw]
    for index in sorted(range(len(raw)), key=lambda i: raw[i] - parts[i], reverse=True)[: total - sum(parts)]:
        parts[index] += 1
    return parts


def _net(movements: list[dict], category: str) -> int:
    """Hired less dismissed of one staff category (a long leave keeps the post and the person on the staff)."""
    return sum(m["count"] * {"hired": 1, "dismissed": -1}.get(m["direction"], 0)
               for m in movements if m["staff_category"] == category)


def _surname_stem(name: str) -> str:
    """«Нұрланова М.Ж.» → «Нұрланов»: the surname a family shares, whichever gender's ending."""
    surname = name.split()[0] if name.split() else name
    return surname[:-1] if surname.endswith("а") and len(surname) > 4 else surname


def _sanctionable(profile: Profile, drawn: str, taken: set[str]) -> str:
    """The employee a penalty falls on: the one drawn, or the next in the staff list whose surname the head and the
    working group do not share (issue 11: «М.Ж. Нұрланова – қатаң сөгіс» beside the group's head «М.К. Нұрланова»
    read as the head reprimanded) and who has no penalty this school year yet. Takes nothing from the random stream.
    """
    kept = {_surname_stem(name) for name in (profile.head, *(m["name"] for m in profile.working_group))}
    names = profile.staff_names
    start = names.index(drawn) if drawn in names else 0
    chosen = next((name for name in names[start:] + names[:start]
                   if _surname_stem(name) not in kept and name not in taken), drawn)
    taken.add(chosen)
    return chosen


def _personnel(profile: Profile, half: Half, rng: random.Random, previous: dict | None, violation: bool) -> dict:
    before = (previous or {}).get("personnel", {}).get("facts")
    if before:  # the headcounts follow from the half-year's movements (below); these draws keep the stream
        rng.choice([-2, -1, 0, 0, 1, 1, 2])
        rng.choice([-1, 0, 0, 1])
    vacancies = rng.choice([0, 0, 0, 1, 2])
    months = range(1, 7) if half.half == 1 else range(7, 13)
    movements = []
    for _ in range(rng.randint(2, 6)):
        month = rng.choice([8, 9, 9, 10, 11] if half.half == 2 else list(months))
        if date(half.year, month, 1) > half.cutoff:
            continue
        direction = rng.choice(["hired", "dismissed"])
        category = rng.choice(["teacher", "teacher", "support", "support", "administrative"])
        if category == "administrative":  # 2.2 lists the administration by post, the same each half-year: an
            # administrative worker dismissed with none hired and no vacancy read as a post kept by nobody (issue 11)
            category = "support"
        movement = {"year": half.year, "month": month, "direction": direction, "staff_category": category,
                    "count": rng.choice([1, 1, 1, 2, 3]),
                    "reason": rng.choice(kk.LEAVING_REASONS) if direction == "dismissed" else None}
        if movement["reason"] == kk.MATERNITY_LEAVE:  # the same draws as before; a maternity leave is no dismissal
            movement["direction"] = direction = "long_leave"
        same = ("year", "month", "direction", "staff_category")
        twin = next((m for m in movements if all(m[k] == movement[k] for k in same)), None)
        if any((m["month"], m["staff_category"]) == (month, category) and m["direction"] != direction
               for m in movements):  # hired and dismissed alike the same month reads as a slip: one of them only
            continue
        if twin is not None:  # the same line twice reads as a double entry: one line with more people (the first
            # line's reason stands for them: the certificate tells movements by month and category)
            twin["count"] += movement["count"]
        else:
            movements.append(movement)
    # One person is penalised at most once a school year, so «N қызметкерге» counts persons and penalties alike.
    taken = {row["person"] for row in (previous or {}).get("personnel", {}).get("rows", {}).get("disciplinary", [])
             if half.half == 1 and row["order_date"] >= date(half.school_year_start, 7, 1)}
    disciplinary, violation_penalty = [], None
    for _ in range(rng.choices([0, 1, 2, 3], weights=[45, 30, 15, 10])[0]):
        when = _workday(_day_between(rng, half.start + timedelta(days=20), half.cutoff - timedelta(days=5)))
        disciplinary.append({"person": _sanctionable(profile, rng.choice(profile.staff_names), taken),
                             "penalty": rng.choices(["warning", "reprimand", "severe_reprimand"], [6, 3, 1])[0],
                             "order_number": str(int(when.timetuple().tm_yday * profile.order_rate) + 1),
                             "order_date": when, "lifted_early": rng.random() < 0.1})
    if violation:  # the employee responsible for the contracts the prosecutor found fault with
        when = _workday(half.cutoff - timedelta(days=20))
        del disciplinary[2:]
        violation_penalty = {"person": _sanctionable(profile, profile.staff_names[0], taken), "penalty": "reprimand",
                             "order_number": str(int(when.timetuple().tm_yday * profile.order_rate)),
                             "order_date": when, "lifted_early": False}
        disciplinary.append(violation_penalty)
    disciplinary.sort(key=lambda row: row["order_date"])
    if before:
        teachers = max(10, before["teachers_total"] + _net(movements, "teacher"))
        support = max(5, before["support_staff_total"] + _net(movements, "support"))
    else:  # the profile's figures are the staff at the end of the first half-year
        teachers, support = profile.teachers, profile.support
    # Posts the half-year's leavers freed and no one took are vacancies, and the support staff's units (one per
    # post) count them (issue 11, s8c: lisakovsk-2's 4 leavers and 1 hire left «33 people on 33 units, no
    # vacancies»).
    freed = {category: max(0, -_net(movements, category)) if before else 0 for category in ("teacher", "support")}
    vacancies = max(vacancies, sum(freed.values()))
    higher = min(teachers, round(teachers * profile.higher_share))
    categories = _categories(teachers, profile.category_weights)
    hired = sum(m["count"] for m in movements if m["direction"] == "hired")
    dismissed = sum(m["count"] for m in movements if m["direction"] == "dismissed")
    basis = kk.PERSONNEL["basis"].format(
        admin=sum(persons for _, persons, _ in profile.admin_staff), teachers=teachers, support=support,
        higher=higher, hired=hired, dismissed=dismissed,
        vacancies=kk.PERSONNEL["vacancies"].format(count=vacancies) if vacancies else kk.PERSONNEL["no_vacancies"],
        discipline=(kk.PERSONNEL["discipline"].format(count=len(disciplinary)) if disciplinary
                    else kk.PERSONNEL["no_discipline"]))
    # Staff units as a staff list gives them (issue 10): teachers' load in quarter units, one unit per support
    # post, the administrative posts' own units. Derived without the random stream, so the rest stays as it was.
    teacher_units = Decimal(round(teachers * 1.15 * 4)) / 4
    admin_units = ([u for _t, _p, u in profile.admin_staff] if profile.admin_staff else [None])
    admin_units = None if None in admin_units else sum((Decimal(str(u)) for u in admin_units), Decimal(0))
    support_units = support + freed["support"]
    units = {"teachers_units": str(teacher_units), "support_staff_units": str(support_units),
             "administrative_units": None if admin_units is None else str(admin_units),
             "staff_units_total": str(teacher_units + support_units + (admin_units or 0))}
    return {
        "narrative": _triplet(profile, "personnel", basis),
        "facts": {**units,
                  "teachers_total": teachers, "support_staff_total": support, "teachers_higher_education": higher,
                  "teachers_special_secondary": teachers - higher,
                  **dict(zip(("category_pedagog", "category_moderator", "category_expert", "category_researcher",
                              "category_master", "category_none"), categories, strict=True)),
                  "vacancies": vacancies, "vacancies_published": kk.VACANCIES_PUBLISHED if vacancies else None,
                  "ethics_council_cases": (ethics := rng.choice([0, 0, 0, 0, 1])),
                  # A case at the ethics council is told with how it ended, never as a bare count (issue 11 review).
                  "ethics_council_outcome": kk.ETHICS_COUNCIL_OUTCOME if ethics else None,
                  "conflict_of_interest_cases": 0},
        "rows": {"admin_staff": [{"position_title": t, "persons": p, "staff_units": u}
                                 for t, p, u in profile.admin_staff],
                 "movements": sorted(movements, key=lambda m: m["month"]), "disciplinary": disciplinary},
        **({"violation_penalty": violation_penalty} if violation else {}),  # generate() dates it; never written
    }


def _services(profile: Profile, half: Half, rng: random.Random) -> dict:
    rows = []
    for spec in profile.services:
        base = spec.base[half.half]
        recipients = max(0, round(base * rng.uniform(0.75, 1.25)) + (rng.choice([-1, 0, 1]) if base < 5 else 0))
        amount = None
        if spec.aid_per_person:
            amount = _money(rng, recipients * spec.aid_per_person * rng.uniform(0.9, 1.1)) if recipients else None
        electronic = round(recipients * spec.electronic_share) if spec.electronic_share is not None else None
        rows.append({"service_code": spec.code, "service_name": spec.name, "legal_basis": spec.legal_basis,
                     "responsible": spec.responsible, "recipients": recipients, "amount": amount,
                     "electronic": electronic})
    order_date = _workday(date(half.school_year_start, 9, profile.service_order[1]))
    basis = kk.SERVICES["basis"].format(order=profile.service_order[0], order_date=_dmy(order_date),
                                        total=sum(r["recipients"] for r in rows),
                                        electronic=sum(r["electronic"] or 0 for r in rows))
    portal_date = _workday(date(half.school_year_start, 9, profile.portal[2]))
    return {"narrative": _triplet(profile, "services", basis),
            "facts": {"responsibility_order_number": profile.service_order[0],
                      "responsibility_order_date": order_date, "portal_responsible": profile.portal[0],
                      "portal_order_number": profile.portal[1], "portal_order_date": portal_date},
            "rows": {"services": rows}}


def _procurement(profile: Profile, half: Half, rng: random.Random, orders: list[dict],
                 violation: bool) -> dict:
    total = profile.budget[half.half] * rng.uniform(0.88, 1.12)
    rows = []
    for spec in profile.methods:
        contracts = None if spec.contracts is None else max(1, round(spec.contracts * rng.uniform(0.8, 1.2)))
        other = spec.method == "other"  # an «other» method's note is its name
        rows.append({"method": spec.method, "contracts": contracts,
                     "amount": _money(rng, total * spec.share * rng.uniform(0.93, 1.07)),
                     "other_name": spec.note if other else None, "note": None if other else spec.note})
    amount = sum(r["amount"] for r in rows)
    described = "; ".join(f"{kk.METHOD_NAMES[r['method']]} – "
                          + (f"{r['contracts']} шарт, " if r["contracts"] else "") + f"{_tenge(r['amount'])} теңге"
                          for r in rows)
    basis = kk.PROCUREMENT["basis"].format(contracts=sum(r["contracts"] or 0 for r in rows), amount=_tenge(amount),
                                           methods=described)
    single = sum(r["amount"] for r in rows if r["method"] == "single_source")
    if single / amount >= HIGH_SINGLE_SOURCE_SHARE:
        basis += kk.PROCUREMENT["single_source"].format(share=round(single / amount * 100))
    plan_orders = ", ".join(f"№{o['number']} {_dmy(o['date'])}" for o in orders
                            if "сатып алу" in o["title"] and "жоспар" in o["title"])
    complaints = rng.choices([0, 1], [85, 15])[0]
    narrative = _triplet(profile, "procurement", basis)
    if not single:  # no risk or recommendation about a method the school did not use (issue 11 re-read)
        for key in ("risks", "recommendations"):
            if "бір көзден" in narrative[key]:
                narrative[key] = kk.PROCUREMENT[key][0]
    if violation:  # the recommendation answers what was found
        narrative.update(violation_found=True, violation_description=kk.VIOLATION["procurement"],
                         recommendations=kk.VIOLATION["procurement_recommendations"])
    cancelled = rng.choice([0, 0, 1, 2])
    # A cancellation's reason in the form's description (a stream of its own, so the rest stays as it was); the
    # description of a half-year with a complaint tells the complaint.
    reason = random.Random(f"{RANDOM_SEED}:{profile.code}:{half.code}:cancelled").choice(kk.CANCELLATION_REASONS)
    return {"narrative": narrative,
            "facts": {"plan_orders": plan_orders or None, "complaints_count": complaints,
                      "cancellations_count": cancelled,
                      "complaints_description": ("Өнім берушінің шағымы қаралып, негізсіз деп танылды."
                                                 if complaints else reason if cancelled else None)},
            "rows": {"methods": rows}}


def _appeals(profile: Profile, half: Half, rng: random.Random, overdue: bool) -> dict:
    rows = []
    for index in range(rng.randint(*profile.appeals)):
        late = overdue and index < 2
        latest = half.cutoff - timedelta(days=60 if late else 25)
        received = _workday(_day_between(rng, half.start + timedelta(days=3), latest))
        answered = answer_deadline(received, rng.randint(17, 24) if late else rng.randint(2, 14))
        rows.append({"channel": rng.choices(["e_otinish", "written", "in_person", "other"], profile.channel_weights)[0],
                     "received_on": received, "answered_on": answered, "subject": rng.choice(kk.APPEAL_SUBJECTS)})
    rows.sort(key=lambda row: row["received_on"])
    counts = timeliness(_Dated(r["received_on"], r["answered_on"]) for r in rows)
    channels = {}
    for row in rows:
        channels[row["channel"]] = channels.get(row["channel"], 0) + 1
    basis = kk.APPEALS["basis"].format(count=counts.received, on_time=counts.on_time,
                                       channels=", ".join(f"{kk.CHANNEL_NAMES[c]} – {n}" for c, n in channels.items()))
    narrative = _triplet(profile, "appeals", basis)
    if counts.overdue:
        narrative["basis"] += kk.APPEALS["late"].format(late=counts.overdue)
        narrative.update(violation_found=True,
                         violation_description=kk.APPEALS["violation"].format(late=counts.overdue))
    facts = {}
    if rng.random() < 0.5 or counts.overdue:  # some schools give the totals as well as the list
        facts = {"received_count": counts.received, "answered_on_time_count": counts.on_time,
                 "overdue_count": counts.overdue}
    return {"narrative": narrative, "facts": facts, "rows": {"appeals": rows}}


@dataclass(frozen=True)
class _Dated:
    received_on: date
    answered_on: date | None


def _monitoring(profile: Profile, half: Half, rng: random.Random) -> dict:
    events = []
    if rng.random() < profile.odds["monitoring"]:
        for kind, held_by in rng.sample(kk.MONITORING_EVENTS, 1 if profile.order_templates else rng.randint(1, 2)):
            if profile.order_templates:
                kind = seed.MONITORING_EVENT["kind"]
                held_by = seed.MONITORING_EVENT["held_by"]
            when = _workday(_day_between(rng, half.start + timedelta(days=45), half.cutoff - timedelta(days=10)))
            events.append({"held_on": when, "kind": kind, "held_by": held_by,
                           "result": "Бұзушылықтар анықталған жоқ", "violations_found": False})
    events.sort(key=lambda e: e["held_on"])
    basis = kk.MONITORING["basis"] + "".join(kk.MONITORING["event"].format(date=_dmy(e["held_on"]), kind=e["kind"])
                                             for e in events)
    return {"narrative": _triplet(profile, "monitoring", basis), "rows": {"events": events}}


def _courts(profile: Profile, half: Half, rng: random.Random) -> dict:
    if rng.random() >= profile.odds["courts"]:
        return {"narrative": _nothing(kk.NO_COURTS.format(noun=profile.noun))}
    court = ("Қостанай облысының мамандандырылған ауданаралық экономикалық соты" if rng.random() < 0.6
             else f"{CITIES[profile.department]} қалалық соты")
    decided = _workday(_day_between(rng, half.start + timedelta(days=30), half.cutoff - timedelta(days=5)))
    case = {"case_number": f"{rng.randint(3900, 7999)}-{half.year % 100}-00-2/{rng.randint(100, 9999)}",
            "decided_on": decided, "court": court, "counterparty": rng.choice(kk.COURT_PARTIES),
            "subject": rng.choice(kk.COURT_SUBJECTS),
            "outcome": rng.choices(["in_favour", "against", "partly", "settled"], [6, 1, 2, 1])[0]}
    basis = kk.COURTS["basis"].format(court=court, number=case["case_number"], party=case["counterparty"],
                                      subject=case["subject"], outcome=kk.COURTS["outcomes"][case["outcome"]])
    return {"narrative": {"risks": kk.COURTS["risks"], "basis": basis, "recommendations": kk.COURTS["recommendations"],
                          "violation_found": False},
            "rows": {"cases": [case]}}


def _inspections(profile: Profile, half: Half, rng: random.Random, violation: bool) -> dict:
    city = CITIES[profile.department]
    if not violation and rng.random() >= profile.odds["inspections"]:
        return {"narrative": _nothing(kk.NO_INSPECTIONS)}
    body, subject = kk.INSPECTION_BODIES[0] if violation else rng.choice(kk.INSPECTION_BODIES)
    body = body.format(city=city)
    when = _workday(_day_between(rng, half.start + timedelta(days=30), half.cutoff - timedelta(days=10)))
    # Held about a month before its result, told to the month as acts often tell it (no draw from `rng`, so every
    # other generated figure stays as it was).
    row = {"body": body, "held_on": (when - timedelta(days=30)).isoformat()[:7],
           "period_checked": f"{half.year - 1}–{half.year}",
           "subject": kk.VIOLATION["subject"] if violation else subject,
           # A prosecutor's office ends an inspection with a representation, other bodies with an act.
           "result_kind": "representation" if "прокуратура" in body else "act",
           "result_number": f"2-{rng.randint(1000, 9999):04d}-{half.year % 100}-{rng.randint(1, 99999):05d}",
           "result_date": when, "violations_found": violation,
           "description": kk.VIOLATION["findings"] if violation else kk.INSPECTIONS["clean"]}
    basis = kk.INSPECTIONS["basis"].format(date=_dmy(when), body=body, subject=row["subject"],
                                           number=row["result_number"], result=row["description"])
    narrative = _triplet(profile, "inspections", basis)
    if violation:  # the recommendation answers what was found
        narrative.update(violation_found=True, violation_description=kk.VIOLATION["inspections"],
                         recommendations=kk.VIOLATION["recommendations"])
    return {"narrative": narrative, "rows": {"inspections": [row]}}


def _fiscal(profile: Profile, half: Half, rng: random.Random) -> dict:
    if rng.random() >= profile.odds["fiscal"]:
        return {"narrative": _nothing(kk.NO_FISCAL)}
    body = kk.FISCAL_BODY.format(city=CITIES[profile.department])
    when = _workday(_day_between(rng, half.start + timedelta(days=30), half.cutoff - timedelta(days=10)))
    return {"narrative": {"risks": kk.FISCAL["risks"], "basis": kk.FISCAL["basis"].format(date=_dmy(when), body=body),
                          "recommendations": kk.FISCAL["recommendations"], "violation_found": False},
            "rows": {"inspections": [{"body": body, "held_on": (when - timedelta(days=21)).isoformat(),
                                      "period_checked": str(half.year - 1),
                                      "subject": "Салықтық міндеттемелердің орындалуы",
                                      "result_kind": "act", "result_number": f"{rng.randint(100, 999)}",
                                      "result_date": when,
                                      "violations_found": False, "description": kk.INSPECTIONS["clean"]}]}}


def _interactions(profile: Profile, half: Half, rng: random.Random) -> dict:
    if rng.random() >= profile.odds["interactions"]:
        return {"narrative": _nothing(kk.NO_INTERACTIONS)}
    rows = []
    for body, subject, result in rng.sample(kk.INTERACTION_BODIES, rng.randint(1, 2)):
        rows.append({"held_on": _workday(_day_between(rng, half.start + timedelta(days=40), half.cutoff)),
                     "body": body.format(city=CITIES[profile.department]), "subject": subject, "result": result})
    rows.sort(key=lambda r: r["held_on"])
    return {"narrative": {"risks": kk.INTERACTIONS["risks"], "basis": kk.INTERACTIONS["basis"].format(count=len(rows)),
                          "recommendations": kk.INTERACTIONS["recommendations"], "violation_found": False},
            "rows": {"interactions": rows}}


def _media(profile: Profile, rng: random.Random) -> dict:
    negative = rng.randint(1, 2) if rng.random() < profile.odds["media"] else 0
    responses = rng.randint(1, negative) if negative else 0
    # The publications found and the answers given are the section's own sentences (webapp/blueprints/media).
    return {"narrative": _triplet(profile, "media", kk.MEDIA["basis"]),
            "facts": {"negative_publications": negative, "responses_given": responses if negative else None}}


SECTION_ORDER = {code: index for index, code in enumerate(s.code for s in SECTIONS)}


# Who a measure of the pools falls to before the school's staff is asked (_staffed): a measure planned again is
# staffed afresh, since a new school year's orders may appoint someone else.
POSTS_OF = {text: who for text, _kind, who, _section in kk.RECOMMENDATIONS} | {
    text: who for rows in kk.MEASURES.values() for text, _kind, who in rows} | {
    text: who for text, who in [*kk.VIOLATION_MEASURES.values(), *kk.VIOLATION_MEASURES_AGAIN.values(),
                                *kk.VIOLATION_CONTROL.values()]}


def _appointed(half: Half, orders: list[dict], previous: dict | None) -> frozenset[str]:
    """Who the school year's orders appoint (texts.APPOINTED): this half-year's orders, and in a first half-year
    those of the autumn before (the orders of September)."""
    titles = {order["title"] for order in orders}
    if half.half == 1:
        autumn = date(half.school_year_start, 7, 1)
        titles |= {order["title"] for order in (previous or {}).get("acts", {}).get("rows", {}).get("orders", [])
                   if order["date"] >= autumn}
    return frozenset(who for title, who in kk.APPOINTED.items() if title.format(ay=half.school_year) in titles)


def _staffed(profile: Profile, post: str, appointed: frozenset[str]) -> str:
    """The post that answers for a measure at this school: one its administrative staff (2.2) lists, or a person
    its orders appointed; otherwise who stands in for it (issue 11: plans named a «Кадр инспекторы» and a deputy
    for upbringing the school did not have, and «Директор» for conflicts of interest though an order had appointed
    a person for them)."""
    if profile.order_templates:  # the seed school's own words
        return post
    if post in kk.APPOINTED.values():
        return post if post in appointed else "Директор"
    posts = {title for title, _persons, _units in profile.admin_staff}
    while post in ADMIN_TITLES and post not in posts:
        post = kk.STANDS_IN.get(post, "Директор")
    return post


def _plan_measures(profile: Profile, half: Half, previous: dict | None,
                   appointed: frozenset[str]) -> list[tuple[str, str, str, str | None]]:
    """The measures of one half-year's plan, (text, deadline kind, responsible, section): drawn, with a stream of
    their own, for three to five of the sections the school assessed, and one to three of the general ones, in
    the certificate's order of sections; a measure with a date in the last plan is not planned again (issue 11:
    rudny-11 planned the appeals journal a second time after reporting it done), a recurring one may be."""
    if profile.order_templates:
        return profile.recommendations
    rng = random.Random(f"{RANDOM_SEED}:{profile.code}:{half.code}:plan")
    last = (previous or {}).get("conclusion", {}).get("rows", {})
    planned = {row["text"] for rows in (last.get("recommendations", []), last.get("followups", [])) for row in rows
               if row["deadline_kind"] == "date"}
    pool = {code: [(text, kind, who, code) for text, kind, who in rows if text not in planned]
            for code, rows in kk.MEASURES.items()}
    chosen = [rng.choice(pool[code]) for code in rng.sample(sorted(pool), rng.randint(3, 5)) if pool[code]]
    # «Report corruption to the head» is the appointed person's measure; where nobody is appointed, it is not planned.
    general = [(text, kind, who, section) for text, kind, who, section in kk.RECOMMENDATIONS
               if text not in planned and (who not in kk.APPOINTED.values() or who in appointed
                                           or who == kk.APPOINTED[kk.CONFLICT_ORDER])]
    chosen += rng.sample(general, rng.randint(1, 3))
    return sorted(chosen, key=lambda m: SECTION_ORDER.get(m[3], len(SECTION_ORDER)))


def _conclusion(profile: Profile, half: Half, rng: random.Random, previous: dict | None,
                violation_areas: list[str], orders: list[dict] | None = None,
                representation: date | None = None) -> dict:
    """The plan, its follow-ups and the finding. `representation`: the date of a prosecutor's representation this
    half-year, answered within a month (as the law on prosecution requires)."""
    deadline = half.shifted(1).end - timedelta(days=5)
    appointed = _appointed(half, orders or [], previous)
    recommendations = [{"text": text, "deadline_kind": kind, "responsible": _staffed(profile, responsible, appointed),
                        "section": section, "risk": None if section else seed.ALL_AREAS,
                        "deadline_date": deadline if kind == "date" else None}
                       for text, kind, responsible, section in _plan_measures(profile, half, previous, appointed)]
    # Each violation found gets its measure in the plan, with a date to have it put right by: the prosecutor is told
    # of the measures taken within a month of the representation (issue 11: «на исполнении», due 26.12.2026, of a
    # representation of 24.11.2025).
    due = {"inspections": _workday(representation + timedelta(days=30))} if representation else {}
    last_plan = {row["text"] for row in (previous or {}).get("conclusion", {}).get("rows", {}).get(
        "recommendations", [])}
    for area in violation_areas:
        measure, who = kk.VIOLATION_MEASURES[area]
        if measure in last_plan and area in kk.VIOLATION_MEASURES_AGAIN:
            measure, who = kk.VIOLATION_MEASURES_AGAIN[area]
        recommendations.append({"text": measure, "deadline_kind": "date", "deadline_date": due.get(area, deadline),
                                "responsible": _staffed(profile, who, appointed), "section": area})
    # A violation's lasting control goes on the next half-year: quarterly, so «тұрақты» (the form has no quarter).
    controlled = {area for area, (measure, _who) in kk.VIOLATION_MEASURES.items() if measure in last_plan}
    for area in sorted(kk.VIOLATION_CONTROL.keys() & {*violation_areas, *controlled}):
        measure, who = kk.VIOLATION_CONTROL[area]
        if measure not in {row["text"] for row in recommendations}:
            recommendations.append({"text": measure, "deadline_kind": "permanent", "deadline_date": None,
                                    "responsible": _staffed(profile, who, appointed), "section": area})
    answered = {measure for measure, _who in [*kk.VIOLATION_MEASURES.values(), *kk.VIOLATION_MEASURES_AGAIN.values()]}
    followups = []
    for row in ((previous or {}).get("conclusion", {}).get("rows", {}).get("recommendations", [])):
        status = "done" if profile.order_templates else rng.choices(["done", "in_progress", "not_done"], [75, 20, 5])[0]
        if row["text"] in answered:  # what a violation needed was done: the sum returned, the prosecutor told
            status = "done"
        if status == "not_done" and row["deadline_kind"] != "date":
            # A permanent or recurring duty («report corruption to the head») is never «not done»: a head cannot
            # sign that beside «no corruption offences found» (issue 11, lisakovsk-4); it goes on.
            status = "in_progress"
        dated = row.get("deadline_date")
        # What is not done is carried into the new plan with a date in the next half-year.
        moved = max(dated, deadline) if dated is not None and status != "done" else dated
        if status == "in_progress":
            # «Будет завершено в следующем полугодии» beside a deadline of this half-year (rudny-3's «25 июня 2026
            # года» in a certificate of 22 June): the deadline was moved into the next half-year. A measure not
            # done keeps the deadline it missed: «Не исполнено» beside the moved date read as not done before it
            # was due, and as another status than the next half-year's report on the same row (lisakovsk-4).
            dated = moved
        comment = (rng.choice(kk.NOT_DONE_REASONS[half.half]) if status == "not_done"
                   # A permanent measure is never «completed next half-year»: its status says it all.
                   else None if row["deadline_kind"] == "permanent" and status == "in_progress"
                   else kk.FOLLOW_UP_COMMENTS[status])
        followups.append({"text": row["text"], "deadline_kind": row["deadline_kind"],
                          "deadline_date": dated, "status": status, "comment": comment})
        if comment and status != "done" and row["text"] not in {r["text"] for r in recommendations}:
            # What is reported not done or to be completed next half-year is in the new plan (issue 11: rudny-3's
            # «…изменения, вносимые в план закупок | Не исполнено» had no row in the plan beside it).
            recommendations.append({**row, "deadline_date": moved,
                                    "responsible": _staffed(profile, POSTS_OF.get(row["text"], row["responsible"]),
                                                            appointed)})
    if not profile.order_templates:  # the plan in the certificate's order of sections (the seed keeps its own)
        recommendations.sort(key=lambda r: SECTION_ORDER.get(r["section"], len(SECTION_ORDER)))
    finding = (kk.FINDING_VIOLATIONS.format(areas=kk.named_areas(violation_areas, kk.AREAS))
               if violation_areas else kk.FINDING_CLEAN)
    return {"narrative": {"risks": kk.CONCLUSION_RISKS, "basis": finding, "recommendations": kk.CONCLUSION_LEAD,
                          "violation_found": bool(violation_areas),
                          "violation_description": finding if violation_areas else None},
            "facts": {"overall_finding": finding,
                      "audience": seed.AUDIENCE if profile.order_templates else rng.choice(kk.AUDIENCES)},
            "rows": {"recommendations": recommendations, "followups": followups}}


def _general(profile: Profile, half: Half, rng: random.Random, certificate: date | None) -> dict:
    order_day = _workday(date(half.school_year_start, 9, profile.launch_order[1]))
    facts = {"order_number": profile.launch_order[0], "order_date": order_day, "certificate_date": certificate,
             "signatory_name": profile.head, "signatory_position": profile.signatory_position,
             **{f"source_{n}": n not in profile.sources_off for n in range(1, 15)}}
    recorded = CYCLE_APPROVALS.get((profile.code, half.code))
    if certificate and (profile.approval or recorded):
        # The director approves what the working group's head signs («БЕКІТЕМІН» above, the group head's signature
        # below), never his own signature (domain.md §1.3: signed by the working group, approved by the head).
        chair = next(member for member in profile.working_group if member["role"] == "head")
        facts.update(signatory_name=chair["name"], signatory_position=kk.GROUP_HEAD_SIGNATURE,
                     approver_name=profile.head, approver_position="Директор",
                     approval_date=recorded[1] if recorded else certificate)
    if certificate and profile.public_discussion:
        facts.update(announcement_date=certificate - timedelta(days=rng.randint(18, 30)),
                     public_discussion_date=certificate - timedelta(days=rng.randint(1, 4)),
                     public_discussion_protocol=str(rng.randint(1, 4)))
    return {"facts": facts, "rows": {"working_group": profile.working_group}}


WEEKLY_PUBLICATIONS = 26
KK_MONTHS_OF = ["қаңтардағы", "ақпандағы", "наурыздағы", "сәуірдегі", "мамырдағы", "маусымдағы", "шілдедегі",
                "тамыздағы", "қыркүйектегі", "қазандағы", "қарашадағы", "желтоқсандағы"]
RU_MONTHS_OF = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
                "ноября", "декабря"]


def _data_protection_order(profile: Profile) -> dict[str, str]:
    """The director's order on personal data protection a school without the department's order cites, with its
    number and date (issue 11: «Мектеп директорының «Дербес деректерді қорғау туралы» бұйрығы» had neither): an
    order of an earlier school year, so not one of the analysed period's orders in 1.1. Returns the fact and its
    Russian version (a per-school text the dictionary cannot know)."""
    rng = random.Random(f"{RANDOM_SEED}:{profile.code}:data-protection")
    day = _workday(date(rng.choice([2021, 2022, 2023]), rng.choice([1, 2, 3, 9, 10]), rng.randint(3, 25)))
    number = str(max(1, int(day.timetuple().tm_yday * profile.order_rate)))
    kazakh = (f"Мектеп директорының {day.year} жылғы {day.day} {KK_MONTHS_OF[day.month - 1]} №{number} «Дербес "
              "деректерді қорғау туралы» бұйрығы")
    russian = (f"Приказ директора школы от {day.day} {RU_MONTHS_OF[day.month - 1]} {day.year} года №{number} «О "
               "защите персональных данных»")
    return {"data_protection_order": kazakh, "data_protection_order__tr": russian}


def _proposals_taken(content: dict, half: Half) -> None:
    """A school year whose analysis had a public cycle: the citizen's proposal the cycle took into the personnel
    section is in that section's recommendation, and 2.11 tells the proposals' consideration (issue 11: «1 of them
    taken into account in the personnel section» had no trace there, and 2.11 said there was no dealing with
    citizens)."""
    personnel = content["personnel"]["narrative"]
    personnel["recommendations"] = f"{personnel['recommendations']} {kk.PROPOSAL_TAKEN}"
    body, subject, result = kk.PROPOSALS_CONSIDERED
    considered = date(half.school_year_start, PROPOSALS_CONSIDERED_ON.month, PROPOSALS_CONSIDERED_ON.day)
    if not half.start <= considered <= half.end:
        return
    row = {"held_on": considered, "body": body, "subject": subject, "result": result}
    section = content["interactions"]
    if section.get("rows", {}).get("interactions"):
        section["rows"]["interactions"] = sorted([*section["rows"]["interactions"], row], key=lambda r: r["held_on"])
    else:
        content["interactions"] = {"narrative": {"risks": kk.INTERACTIONS["risks"], "basis": kk.INTERACTIONS["basis"],
                                                 "recommendations": kk.INTERACTIONS["recommendations"],
                                                 "violation_found": False},
                                   "rows": {"interactions": [row]}}


def _representation(inspections: dict) -> date | None:
    """The date of the prosecutor's representation among a half-year's inspections with violations found."""
    return next((row["result_date"] for row in inspections.get("rows", {}).get("inspections", [])
                 if row["violations_found"] and row["result_kind"] == "representation"), None)


def _penalty_after_representation(personnel: dict, profile: Profile, representation: date | None,
                                  half: Half) -> None:
    """The penalty of the employee answering for the contracts the prosecutor found fault with is ordered after the
    representation that asked for it (issue 11: the order of 17.11.2025 came before the representation of
    24.11.2025), within the week, before the analysis is written."""
    if representation is None:
        personnel.pop("violation_penalty", None)
        return
    rows = personnel["rows"]["disciplinary"]
    penalty = personnel.pop("violation_penalty", None)
    if penalty is not None:
        penalty["order_date"] = min(_workday(representation + timedelta(days=3)), half.cutoff)
        rows.sort(key=lambda row: row["order_date"])


def generate(profile: Profile, half: Half, rng: random.Random, previous: dict | None,
             certificate: date | None) -> dict:
    """A complete half-year for a school: every section filled in (or marked nothing to report)."""
    key = (profile.code, half.code)
    violation = key in VIOLATIONS
    noun = profile.noun.capitalize()
    orders = _orders(profile, half, rng)
    rules_year = half.school_year_start
    rules = {"rules_body": "Педагогикалық кеңес", "rules_protocol_number": "1",
             "rules_protocol_date": date(rules_year, 8, rng.randint(26, 30)),
             "rules_order_number": str(int(244 * profile.order_rate) - rng.randint(0, 5)),
             "rules_order_date": _workday(date(rules_year, 9, 1))}
    acts_basis = kk.ACTS["basis"].format(noun=profile.noun, count=len(orders), protocol=1,
                                         protocol_date=_dmy(rules["rules_protocol_date"]),
                                         order=rules["rules_order_number"], order_date=_dmy(rules["rules_order_date"]))
    personnel = _personnel(profile, half, rng, previous, violation)
    staff = personnel["facts"]
    # Every employee gives the consent when hired: the whole staff, the administration too (issue 11: 70 + 37
    # printed as 107 consents at a school of 114).
    consents = (sum(row["persons"] for row in personnel["rows"]["admin_staff"]) + staff["teachers_total"]
                + staff["support_staff_total"])
    appeals = _appeals(profile, half, rng, key in OVERDUE_APPEALS)
    inspections = _inspections(profile, half, rng, violation)
    courts = _courts(profile, half, rng)
    areas = (["procurement", "inspections"] if violation else []) + (
        ["appeals"] if appeals["narrative"].get("violation_found") else [])
    # 2.5's basis says the materials are updated weekly: at least one publication a week of the half-year.
    publications = max(rng.randint(20, 120), WEEKLY_PUBLICATIONS)
    data_protection = ({"data_protection_order": seed.DIGITAL_FACTS["data_protection_order"]}
                       if profile.department == "rudny" else _data_protection_order(profile))
    content = {
        "general": _general(profile, half, rng, certificate),
        "acts": {"narrative": _triplet(profile, "acts", acts_basis), "facts": rules, "rows": {"orders": orders}},
        "services": _services(profile, half, rng),
        "personnel": personnel,
        "procurement": _procurement(profile, half, rng, orders, violation),
        "digital": {"narrative": _triplet(profile, "digital", kk.DIGITAL["basis"].format(consents=consents)),
                    "facts": {"personal_data_consents": consents, "documents_basis_order_number": "130",
                              "documents_basis_order_date": "2020-04-06", **seed.DOCUMENTS_ORDER,
                              **data_protection}},
        "appeals": appeals,
        "transparency": {"narrative": _triplet(profile, "transparency", kk.TRANSPARENCY["basis"].format(
                             noun=noun, website=profile.website, count=publications)),
                         "facts": {"website": profile.website, "social_accounts": profile.social,
                                   "publications_count": publications}},
        "monitoring": _monitoring(profile, half, rng),
        "control": {"narrative": _nothing(kk.NO_CONTROL.format(noun=noun)), "facts": {"performs_functions": "no"}},
        "courts": courts,
        "inspections": inspections,
        "fiscal": _fiscal(profile, half, rng),
        "interactions": _interactions(profile, half, rng),
        "media": _media(profile, rng),
        "conclusion": _conclusion(profile, half, rng, previous, areas, orders, _representation(inspections)),
        "positions": {"rows": {"positions": profile.positions}},
    }
    if any((profile.code, Half.of(f"{half.school_year_start}-H2").code) == cycle for cycle in CYCLE_APPROVALS):
        _proposals_taken(content, half)
    if violation:
        _penalty_after_representation(content["personnel"], profile, _representation(inspections), half)
        # The penalty for the violation is a source used: «9) сведения о привлечении к ответственности» (issue 11,
        # s8c: rudny-3's 2025-H2 left it out beside the reprimand it told).
        content["general"]["facts"]["source_9"] = True
    _register(content, profile, half)
    for shape in REAL_SHAPES.get(profile.code, ()):
        shape(content, half, random.Random(f"{RANDOM_SEED}:{profile.code}:{half.code}:{shape.__name__}"))
    return add_russian(content, dictionary(profile.noun, CITIES[profile.department], half.school_year, half.year))


# --- Figures in the shapes other published certificates give them (issue 10) -----------------------------
# Each shape reshapes a complete half-year after it is generated, with its own random stream, so every other
# school (and every other figure of these schools) stays as it was.

def _amounts_unpublished(content: dict, half: Half, rng: random.Random) -> None:
    """Contracts per method published, amounts not (the Kyzylorda dispensary's 2025 certificate), and the
    tender forms the law names beside the usual methods. From 2025-H2: before, the school published its sums.

    (A database taken back to a revision before issue 10 can hold no unknown amount: its downgrade stores them as
    0, and they come back as 0 — see migrations/versions/0010_….)"""
    if half.code < "2025-H2":
        return
    section = content["procurement"]
    rows = section["rows"]["methods"]
    rows += [{"method": "prequalification_tender", "contracts": rng.randint(1, 2), "other_name": None, "note": None},
             {"method": "framework_tender", "contracts": rng.randint(1, 4), "other_name": None,
              "note": "Негіздемелік келісімнің екінші кезеңі"}]
    for row in rows:
        row["amount"] = None
        row["contracts"] = row["contracts"] or rng.randint(2, 12)
    described = "; ".join(f"{kk.METHOD_NAMES[r['method']]} – {r['contracts']} шарт" for r in rows)
    section["narrative"]["basis"] = kk.PROCUREMENT["basis_counts_only"].format(
        contracts=sum(r["contracts"] for r in rows), methods=described)


def _services_total_only(content: dict, half: Half, rng: random.Random) -> None:
    """«4 public services, N recipients in total»: the total published, no split per service."""
    section = content["services"]
    rows = section["rows"]["services"]
    section["facts"]["recipients_total"] = sum(r["recipients"] for r in rows)
    for row in rows:
        row["recipients"] = row["electronic"] = None


def _discipline_counted(content: dict, half: Half, rng: random.Random) -> None:
    """«N disciplinary actions, M lifted early», by kind of penalty, no names or orders."""
    personnel = content["personnel"]
    rows = personnel["rows"]["disciplinary"]
    by_kind = {kind: sum(1 for r in rows if r["penalty"] == kind) for kind in ("warning", "reprimand",
                                                                               "severe_reprimand")}
    personnel["facts"].update(disciplinary_total=len(rows),
                              disciplinary_warning=by_kind["warning"], disciplinary_reprimand=by_kind["reprimand"],
                              disciplinary_severe_reprimand=by_kind["severe_reprimand"],
                              disciplinary_lifted_early=sum(1 for r in rows if r["lifted_early"]))
    personnel["rows"]["disciplinary"] = []


def _appeals_by_applicant(content: dict, half: Half, rng: random.Random) -> None:
    """Appeals received split by applicant: individuals, legal entities, anonymous (adding up)."""
    appeals = content["appeals"]
    received = len(appeals["rows"]["appeals"])
    legal = rng.randint(0, received // 3)
    anonymous = rng.choice([0, 0, 1]) if received - legal > 1 else 0
    appeals["facts"].update(received_count=appeals["facts"].get("received_count", received),
                            from_individuals=received - legal - anonymous, from_legal_entities=legal,
                            anonymous=anonymous or None)  # as published: no anonymous line when there were none


def _long_leave(content: dict, half: Half, rng: random.Random) -> None:
    """A teacher goes on maternity leave in 2025-H1 and returns a year later: neither is turnover."""
    direction = {"2025-H1": "long_leave", "2026-H1": "returned"}.get(half.code)
    months = [m for m in range(2, 6) if date(half.year, m, 1) <= half.cutoff]
    if direction is None or not months:
        return
    movements = content["personnel"]["rows"]["movements"]
    movements.append({"year": half.year, "month": rng.choice(months), "direction": direction,
                      "staff_category": "teacher", "count": 1, "reason": None})
    movements.sort(key=lambda m: (m["year"], m["month"]))


REAL_SHAPES = {"lisakovsk-4": (_amounts_unpublished,), "rudny-13": (_services_total_only,),
               "rudny-12": (_discipline_counted, _appeals_by_applicant),
               "lisakovsk-2": (_long_leave, _appeals_by_applicant)}


def partial(content: dict, rng: random.Random) -> dict:
    """A draft: the first few sections done, the next one half-way, the rest not opened."""
    codes = [s.code for s in SECTIONS]
    done = rng.randint(3, 9)
    draft = {code: content[code] for code in codes[:done]}
    draft["general"] = {**content["general"], "facts": {**content["general"]["facts"], "certificate_date": None}}
    following = content[codes[done]]
    if "narrative" in following and not following["narrative"].get("nothing_to_report"):
        # The risk typed so far keeps its Russian version (rudny-11's Russian 2026-H1 draft printed «Коррупционные
        # риски: ұжым мен оқушылардың дербес деректерін…»).
        draft[codes[done]] = {"narrative": {"risks": following["narrative"]["risks"]},
                              "translations": {"risks": following["translations"]["risks"]}}
    return draft


def carried_over(previous: dict) -> dict:
    """What "start from the last half-year" copies (see workflow.start), flagged until the school confirms."""
    draft = {}
    for section in SECTIONS:
        old = previous.get(section.code, {})
        facts = {name: value for name, value in (old.get("facts") or {}).items()
                 if name.removesuffix("__tr") in section.carry_over_facts and value is not None}
        rows = {r.name: old.get("rows", {}).get(r.name, []) for r in section.row_lists if r.carry_over}
        rows = {name: list(values) for name, values in rows.items() if values}
        if section.code == "conclusion":  # last half-year's plan to report on, without a status yet
            rows["followups"] = [{"text": r["text"], "deadline_kind": r["deadline_kind"],
                                  "deadline_date": r.get("deadline_date"),
                                  **({"translations": {"text": r["translations"]["text"]}}
                                     if "text" in r.get("translations", {}) else {})}
                                 for r in old.get("rows", {}).get("recommendations", [])]
        if facts or rows:
            draft[section.code] = {"facts": facts, "rows": rows, "carried_over": True}
    return draft


# --- Plans: content, status and timeline of one school × half-year ---------------------------------

@dataclass
class Plan:
    school: str
    period: str
    outcome: str
    content: dict
    on_time: bool | None = None
    created: datetime | None = None  # local time (Asia/Almaty)
    edited: datetime | None = None
    submitted: datetime | None = None  # the last submission
    first_submitted: datetime | None = None
    returned: datetime | None = None
    accepted: datetime | None = None
    return_reasons: dict[str, str] = field(default_factory=dict)

    @property
    def status(self) -> Status:
        return {ACCEPTED: Status.ACCEPTED, ACCEPTED_LATE: Status.ACCEPTED, RETURNED_THEN_ACCEPTED: Status.ACCEPTED,
                SUBMITTED: Status.SUBMITTED, SUBMITTED_LATE: Status.SUBMITTED, RETURNED: Status.RETURNED,
                DRAFT: Status.DRAFT, CARRIED_DRAFT: Status.DRAFT}[self.outcome]


def _at(rng: random.Random, day: date, first_hour: int = 9, last_hour: int = 17) -> datetime:
    return datetime.combine(day, time(rng.randint(first_hour, last_hour), rng.randint(0, 59)))


def _timeline(plan: Plan, half: Half, rng: random.Random) -> None:
    """Created, edited, submitted, returned and accepted times that fit the outcome and the deadline."""
    deadline = DEADLINES[half.code]
    if plan.outcome in (DRAFT, CARRIED_DRAFT):
        if half.code == "2026-H2":
            plan.created = _at(rng, date(2026, 11, rng.randint(2, 12)))
        else:  # a draft left past the deadline
            plan.created = _at(rng, deadline - timedelta(days=rng.randint(5, 25)))
        plan.edited = plan.created + timedelta(days=rng.randint(0, 6), hours=rng.randint(1, 5))
        return
    late = plan.outcome in (ACCEPTED_LATE, SUBMITTED_LATE)
    first = deadline + timedelta(days=rng.randint(3, 16)) if late else deadline - timedelta(days=rng.randint(1, 11))
    plan.first_submitted = _at(rng, first)
    plan.created = _at(rng, first - timedelta(days=rng.randint(14, 30)))
    plan.edited = plan.first_submitted - timedelta(hours=rng.randint(2, 60))
    plan.submitted = plan.first_submitted
    plan.on_time = first <= deadline
    if plan.outcome in (RETURNED, RETURNED_THEN_ACCEPTED):
        plan.returned = _at(rng, first + timedelta(days=rng.randint(2, 5)))
        if plan.outcome == RETURNED_THEN_ACCEPTED:
            plan.submitted = _at(rng, plan.returned.date() + timedelta(days=rng.randint(1, 3)))
    if plan.status is Status.ACCEPTED:
        plan.accepted = _at(rng, plan.submitted.date() + timedelta(days=rng.randint(2, 6)))


def _certificate_date(plan: Plan, half: Half) -> date | None:
    if plan.first_submitted is None:
        return None
    return min(_workday(plan.first_submitted.date() - timedelta(days=3)), half.end)


def school_plans(profile: Profile, first: Half | None = None, previous: dict | None = None) -> list[Plan]:
    """Every half-year of one school from `first`, each built on the one before."""
    plans = []
    half = first or Half.of(ANALYSIS_PERIODS[0])
    while half.code in ANALYSIS_PERIODS:
        rng = random.Random(f"{RANDOM_SEED}:{profile.code}:{half.code}")
        outcome = OUTCOMES.get((profile.code, half.code), ACCEPTED if half.code < "2026-H1" else None)
        if outcome is None:  # not started; the story goes on from the last one written
            half = half.shifted(1)
            continue
        plan = Plan(profile.code, half.code, outcome, {}, return_reasons=RETURN_REASONS.get((profile.code, half.code),
                                                                                           {}))
        _timeline(plan, half, rng)
        full = generate(profile, half, rng, previous, _certificate_date(plan, half))
        if outcome == DRAFT:
            plan.content = partial(full, rng)
        elif outcome == CARRIED_DRAFT:
            plan.content = carried_over(previous or {})
        else:
            plan.content = full
            previous = full
        plans.append(plan)
        half = half.shifted(1)
    return plans


def seed_school_plans() -> list[Plan]:
    """rudny-7: the seed's two half-years, then 2025-H2 (accepted) and 2026-H1 (submitted)."""
    plans = []
    for period in seed.PERIODS:
        times = seed.TIMELINE[period]
        plans.append(Plan(seed.SCHOOL_CODE, period, ACCEPTED, seed.content(period), on_time=True,
                          created=times["created"], edited=times["edited"], submitted=times["submitted"],
                          first_submitted=times["submitted"], accepted=times["accepted"]))
    profile = _seed_profile()
    # (created, submitted, accepted): 2025-H2 accepted, 2026-H1 awaiting review; both on time.
    timelines = {"2025-H2": (datetime(2025, 11, 24, 9, 30), datetime(2025, 12, 12, 10, 15),
                             datetime(2025, 12, 17, 11, 45)),
                 "2026-H1": (datetime(2026, 5, 25, 10, 0), datetime(2026, 6, 15, 14, 20), None)}
    previous = plans[-1].content
    for period, (created, submitted, accepted) in timelines.items():
        half = Half.of(period)
        rng = random.Random(f"{RANDOM_SEED}:{seed.SCHOOL_CODE}:{period}")
        plan = Plan(seed.SCHOOL_CODE, period, ACCEPTED if accepted else SUBMITTED, {}, on_time=True,
                    created=created, edited=submitted - timedelta(hours=20), submitted=submitted,
                    first_submitted=submitted, accepted=accepted)
        plan.content = generate(profile, half, rng, previous, _certificate_date(plan, half))
        previous = plan.content
        plans.append(plan)
    return plans


def all_plans(schools: dict[str, tuple[str, str, bool]]) -> list[Plan]:
    """Plans for the seed school and every other school in `schools` (code → (noun, head's name, small))."""
    plans = seed_school_plans()
    for code, (noun, head, small) in schools.items():
        if code == seed.SCHOOL_CODE:
            continue
        profile = _generated_profile(code, noun, head, small, random.Random(f"{RANDOM_SEED}:{code}"))
        plans.extend(school_plans(profile))
    return plans


# --- Loading ---------------------------------------------------------------------------------------

def _utc(moment: datetime | None) -> datetime | None:
    return moment.replace(tzinfo=LOCAL).astimezone(UTC) if moment else None


def _noun(unit: OrgUnit) -> str:
    return next((noun for marker, noun in NOUNS.items() if marker in unit.name_kk), "мектеп")


def _audit_trail(plan: Plan, submission_id: int, school: OrgUnit, users: dict[str, int]) -> list[dict]:
    """The workflow steps as the audit hook would have recorded them, at the demo's own times."""
    department = school.parent.code if school.parent else None
    steps = [(plan.created, school.code, "create", {"school_id": [None, school.id], "status": [None, "draft"]})]
    if plan.first_submitted:
        steps.append((plan.first_submitted, school.code, "update",
                      {"status": ["draft", "submitted"], "submitted_at": [None, _utc(plan.first_submitted).isoformat()],
                       "on_time": [None, plan.on_time]}))
    if plan.returned:
        steps.append((plan.returned, department, "update",
                      {"status": ["submitted", "returned"], "returned_at": [None, _utc(plan.returned).isoformat()]}))
        if plan.submitted != plan.first_submitted:
            steps.append((plan.submitted, school.code, "update",
                          {"status": ["returned", "submitted"],
                           "submitted_at": [_utc(plan.first_submitted).isoformat(), _utc(plan.submitted).isoformat()]}))
    if plan.accepted:
        steps.append((plan.accepted, department, "update",
                      {"status": ["submitted", "accepted"], "accepted_at": [None, _utc(plan.accepted).isoformat()]}))
    return [{"at": _utc(at), "user_id": users.get(actor), "actor": actor or "system", "action": action,
             "object_type": Submission.__tablename__, "object_id": str(submission_id), "object_label": None,
             "org_unit_id": school.id, "submission_id": submission_id, "section": None, "changes": changes}
            for at, actor, action, changes in steps]


def insert_submissions(plans: list[Plan], school_ids: dict[str, int], period_ids: dict[str, int]) -> list[int]:
    """Insert the plans' submissions in one statement; returns their ids in plan order."""
    rows = [{"school_id": school_ids[p.school], "period_id": period_ids[p.period], "status": p.status,
             "created_at": _utc(p.created), "updated_at": _utc(p.accepted or p.submitted or p.edited),
             "submitted_at": _utc(p.submitted), "on_time": p.on_time, "returned_at": _utc(p.returned),
             "accepted_at": _utc(p.accepted), "reopen_reason": None} for p in plans]
    return db.session.scalars(insert(Submission).returning(Submission.id, sort_by_parameter_order=True), rows).all()


def queue_plan(writer: AnalysisWriter, plan: Plan, submission_id: int, period) -> None:
    """Queue a plan's sections with the department's review: all accepted, or accepted but for those returned."""
    if plan.status is Status.ACCEPTED:
        reviews = dict.fromkeys(plan.content, Review.ACCEPTED)
    elif plan.status is Status.RETURNED:
        reviews = {**dict.fromkeys((s.code for s in SECTIONS), Review.ACCEPTED),
                   **dict.fromkeys(plan.return_reasons, Review.RETURNED)}
    else:
        reviews = {}
    writer.add(submission_id, plan.content, period=period, updated_at=_utc(plan.edited), reviews=reviews,
               return_reasons=plan.return_reasons if plan.status is Status.RETURNED else None)


def load_analyses(school_codes: list[str]) -> int:
    """Write the demo analyses of these schools where a school × half-year has none yet; returns how many."""
    db.session.flush()
    units = {u.code: u for u in db.session.scalars(select(OrgUnit).where(OrgUnit.code.in_(school_codes)))}
    periods = {p.code: p for p in db.session.scalars(select(Period).where(Period.code.in_(ANALYSIS_PERIODS)))}
    existing = set(db.session.execute(select(Submission.school_id, Submission.period_id)).all())
    users = dict(db.session.execute(select(User.username, User.id)).all())
    schools = {code: (_noun(units[code]), units[code].head_name or "", "негізгі" in units[code].name_kk)
               for code in school_codes if code in units}
    plans = [p for p in all_plans(schools)
             if p.period in periods and (units[p.school].id, periods[p.period].id) not in existing]
    if not plans:
        return 0
    ids = insert_submissions(plans, {code: unit.id for code, unit in units.items()},
                             {code: period.id for code, period in periods.items()})
    writer, audit = AnalysisWriter(), []
    for plan, submission_id in zip(plans, ids, strict=True):
        queue_plan(writer, plan, submission_id, periods[plan.period])
        audit.extend(_audit_trail(plan, submission_id, units[plan.school], users))
    writer.execute()
    insert_audit_rows(db.session, audit)
    rebuild_figures(ids)  # bulk inserts bypass the session hook that keeps the dashboard's figures current
    return len(plans)
