"""Demo organisation: Kostanay region, Rudny and Lisakovsk departments, School-gymnasium No. 7 as in the seed
certificate and a dozen more schools, six half-years and one account per unit (password "demo").

Generated details come from a fixed random seed, so every load gives the same data. Loading twice
updates in place instead of duplicating; an analysis a school already has is never touched.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

from werkzeug.security import generate_password_hash

from ..extensions import db
from ..models import OrgKind, OrgUnit, Period, PeriodDeadline, Role, User

DEMO_PASSWORD = "demo"
RANDOM_SEED = 2025
PARENT_BODY_KK = "Қостанай облысы әкімдігі білім басқармасының"
PARENT_BODY_RU = "Управления образования акимата Костанайской области"


@dataclass(frozen=True)
class SchoolType:
    name_kk: str  # as a name: «№1 жалпы білім беретін мектеп»
    possessive_kk: str  # inside the legal name: «…білім бөлімінің №1 жалпы білім беретін мектебі»
    name_ru: str


GENERAL = SchoolType("жалпы білім беретін мектеп", "жалпы білім беретін мектебі", "Общеобразовательная школа")
LYCEUM = SchoolType("мектеп-лицей", "мектеп-лицейі", "Школа-лицей")
GYMNASIUM = SchoolType("мектеп-гимназия", "мектеп-гимназиясы", "Школа-гимназия")
BASIC = SchoolType("негізгі орта мектеп", "негізгі орта мектебі", "Основная средняя школа")

REGION = {"code": "kostanay", "name_kk": "Қостанай облысы", "name_ru": "Костанайская область"}

DEPARTMENTS = [
    {"code": "rudny", "name_kk": "Рудный қаласы білім бөлімі", "name_ru": "Отдел образования города Рудного",
     "city_kk": "Рудный қ.", "city_ru": "г. Рудный", "of_kk": "Рудный қаласы білім бөлімінің",
     "of_ru": "отдела образования города Рудного"},
    {"code": "lisakovsk", "name_kk": "Лисаков қаласы білім бөлімі", "name_ru": "Отдел образования города Лисаковска",
     "city_kk": "Лисаков қ.", "city_ru": "г. Лисаковск", "of_kk": "Лисаков қаласы білім бөлімінің",
     "of_ru": "отдела образования города Лисаковска"},
]

# School-gymnasium No. 7 exactly as the seed certificate names it.
SEED_SCHOOL = {
    "code": "rudny-7",
    "name_kk": "Б.Майлин атындағы №7 мектеп-гимназиясы",
    "name_ru": "Школа-гимназия №7 имени Б.Майлина",
    "legal_name_kk": "«Рудный қаласы білім бөлімінің Б.Майлин атындағы №7 мектеп-гимназиясы» КММ",
    "legal_name_ru": "КГУ «Школа-гимназия №7 имени Б.Майлина отдела образования города Рудного»",
    "parent_body_kk": PARENT_BODY_KK,
    "parent_body_ru": PARENT_BODY_RU,
    "city_kk": "Рудный қ.",
    "city_ru": "г. Рудный",
    "head_name": "Бірманова Қ.И.",
}

# (department, number, type, honoree in Kazakh, honoree in Russian)
OTHER_SCHOOLS = [
    ("rudny", 1, GENERAL, None, None),
    ("rudny", 2, LYCEUM, None, None),
    ("rudny", 3, GENERAL, "Ы.Алтынсарин атындағы", "имени Ы.Алтынсарина"),
    ("rudny", 4, GENERAL, None, None),
    ("rudny", 5, GYMNASIUM, "Абай атындағы", "имени Абая"),
    ("rudny", 6, GENERAL, None, None),
    ("rudny", 8, GENERAL, None, None),
    ("rudny", 9, LYCEUM, "М.Әуезов атындағы", "имени М.Ауэзова"),
    ("rudny", 10, GENERAL, None, None),
    ("rudny", 11, GENERAL, "Ш.Уәлиханов атындағы", "имени Ч.Валиханова"),
    ("rudny", 12, BASIC, None, None),
    ("rudny", 13, GENERAL, None, None),
    ("rudny", 14, GENERAL, "Қ.Сәтбаев атындағы", "имени К.Сатпаева"),
    ("rudny", 16, BASIC, None, None),
    ("lisakovsk", 1, GENERAL, None, None),
    ("lisakovsk", 2, GYMNASIUM, None, None),
    ("lisakovsk", 3, GENERAL, "Ж.Жабаев атындағы", "имени Ж.Жабаева"),
    ("lisakovsk", 4, LYCEUM, None, None),
]

SURNAMES = ["Ахметова", "Жұмабаев", "Сейтқалиева", "Омарова", "Иванова", "Нұрланова", "Серікбаев", "Ким",
            "Тоқтарова", "Петренко", "Әбілқасымова", "Байжанов", "Құрманғалиева", "Смагулова", "Ержанов"]
INITIALS = "АБГДЕЖКМНОРСТ"

# (code, default deadline, open for submissions)
PERIODS = [
    ("2024-H1", date(2024, 6, 20), False),
    ("2024-H2", date(2024, 12, 20), False),
    ("2025-H1", date(2025, 6, 20), False),
    ("2025-H2", date(2025, 12, 20), False),
    ("2026-H1", date(2026, 6, 20), True),
    ("2026-H2", date(2026, 12, 20), True),
]
# Deadlines a region and a department set for themselves, to show the override at work.
DEADLINE_OVERRIDES = [("kostanay", "2026-H2", date(2026, 12, 18)), ("rudny", "2026-H2", date(2026, 12, 15))]


def _generated_school(department: dict, number: int, kind: SchoolType, honoree_kk, honoree_ru, rng) -> dict:
    name_kk = " ".join(filter(None, [honoree_kk, f"№{number}", kind.name_kk]))
    name_ru = " ".join(filter(None, [f"{kind.name_ru} №{number}", honoree_ru]))
    possessive_kk = " ".join(filter(None, [honoree_kk, f"№{number}", kind.possessive_kk]))
    return {
        "code": f"{department['code']}-{number}",
        "name_kk": name_kk,
        "name_ru": name_ru,
        "legal_name_kk": f"«{department['of_kk']} {possessive_kk}» КММ",
        "legal_name_ru": f"КГУ «{name_ru} {department['of_ru']}»",
        "parent_body_kk": PARENT_BODY_KK,
        "parent_body_ru": PARENT_BODY_RU,
        "city_kk": department["city_kk"],
        "city_ru": department["city_ru"],
        "head_name": f"{rng.choice(SURNAMES)} {rng.choice(INITIALS)}.{rng.choice(INITIALS)}.",
        "bin": "".join(str(rng.randint(0, 9)) for _ in range(12)),
    }


def _upsert_unit(kind: OrgKind, parent: OrgUnit | None, fields: dict) -> OrgUnit:
    unit = db.session.execute(db.select(OrgUnit).filter_by(code=fields["code"])).scalar_one_or_none()
    if unit is None:
        unit = OrgUnit(kind=kind, code=fields["code"])
        db.session.add(unit)
    for key, value in fields.items():
        if hasattr(OrgUnit, key):
            setattr(unit, key, value)
    unit.place_under(parent)
    return unit


def _upsert_user(username: str, role: Role, unit: OrgUnit | None, password_hash: str) -> User:
    user = db.session.execute(db.select(User).filter_by(username=username)).scalar_one_or_none()
    if user is None:
        user = User(username=username, role=role, password_hash=password_hash)
        db.session.add(user)
    user.role, user.org_unit, user.active = role, unit, True
    user.full_name = unit.name_kk if unit else "Әкімші"
    # Reserved for examples (RFC 2606): in development the messages land in instance/mail/, never in a real inbox.
    user.email = user.email or f"{username}@adal.example"
    return user


def demo_school_codes() -> list[str]:
    return [SEED_SCHOOL["code"]] + [f"{department}-{number}" for department, number, *_ in OTHER_SCHOOLS]


def load_units() -> list[User]:
    """Create or refresh the region, departments, schools, accounts and half-years (no analyses).

    Returns the demo accounts in a sensible order: admin, region, departments, schools.
    """
    rng = random.Random(RANDOM_SEED)
    # One scrypt hash of the shared demo password for all ~40 accounts: hashing is slow on purpose.
    password_hash = generate_password_hash(DEMO_PASSWORD)
    accounts = [_upsert_user("admin", Role.ADMIN, None, password_hash)]
    region = _upsert_unit(OrgKind.REGION, None, REGION)
    accounts.append(_upsert_user(region.code, Role.DEPARTMENT, region, password_hash))
    departments = {}
    for fields in DEPARTMENTS:
        department = _upsert_unit(OrgKind.DEPARTMENT, region, fields)
        departments[department.code] = (department, fields)
        accounts.append(_upsert_user(department.code, Role.DEPARTMENT, department, password_hash))

    schools = [(departments["rudny"][0], SEED_SCHOOL)]
    for department_code, number, kind, honoree_kk, honoree_ru in OTHER_SCHOOLS:
        department, fields = departments[department_code]
        schools.append((department, _generated_school(fields, number, kind, honoree_kk, honoree_ru, rng)))
    for department, fields in schools:
        school = _upsert_unit(OrgKind.SCHOOL, department, fields)
        accounts.append(_upsert_user(school.code, Role.SCHOOL, school, password_hash))

    periods = {}
    for code, deadline, is_open in PERIODS:
        period = db.session.execute(db.select(Period).filter_by(code=code)).scalar_one_or_none()
        if period is None:
            year, half = code.split("-H")
            period = Period(code=code, year=int(year), half=int(half))
            db.session.add(period)
        period.deadline, period.is_open = deadline, is_open
        periods[code] = period
    db.session.flush()
    for unit_code, period_code, deadline in DEADLINE_OVERRIDES:
        unit = db.session.execute(db.select(OrgUnit).filter_by(code=unit_code)).scalar_one()
        override = db.session.execute(
            db.select(PeriodDeadline).filter_by(org_unit_id=unit.id, period_id=periods[period_code].id)
        ).scalar_one_or_none() or PeriodDeadline(org_unit=unit, period=periods[period_code])
        override.deadline = deadline
        db.session.add(override)
    return accounts
