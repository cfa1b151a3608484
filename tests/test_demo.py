"""The demo data: the seed school as in the certificate, plausible others, accounts, and loading twice."""

from support import TEST_DATABASE_URL, app_config

from webapp import create_app
from webapp.demo import load_demo
from webapp.extensions import db
from webapp.models import OrgKind, OrgUnit, Period, PeriodDeadline, Role, User


def _counts():
    return {model.__name__: db.session.scalar(db.select(db.func.count()).select_from(model))
            for model in (OrgUnit, User, Period, PeriodDeadline)}


def test_seed_school_is_exactly_as_in_the_certificate(app):
    with app.app_context():
        school = db.session.execute(db.select(OrgUnit).filter_by(code="rudny-7")).scalar_one()
        assert school.kind is OrgKind.SCHOOL
        assert school.legal_name_kk == "«Рудный қаласы білім бөлімінің Б.Майлин атындағы №7 мектеп-гимназиясы» КММ"
        assert school.parent_body_kk == "Қостанай облысы әкімдігі білім басқармасының"
        assert school.city_kk == "Рудный қ."
        assert school.head_name == "Бірманова Қ.И."
        assert school.path == "/kostanay/rudny/rudny-7/"
        assert school.legal_name_ru and school.parent_body_ru and school.name_ru


def test_hierarchy_region_departments_schools(app):
    with app.app_context():
        region = db.session.execute(db.select(OrgUnit).filter_by(code="kostanay")).scalar_one()
        assert region.kind is OrgKind.REGION and region.parent is None
        assert {d.code for d in region.children} == {"rudny", "lisakovsk"}
        rudny = db.session.execute(db.select(OrgUnit).filter_by(code="rudny")).scalar_one()
        assert len(rudny.children) >= 13
        lisakovsk = db.session.execute(db.select(OrgUnit).filter_by(code="lisakovsk")).scalar_one()
        assert len(lisakovsk.children) >= 3
        for school in rudny.children + lisakovsk.children:
            assert school.name_kk and school.name_ru and school.legal_name_kk and school.legal_name_ru
            assert school.head_name and school.parent_body_kk


def test_every_unit_has_an_account_with_the_right_role(app):
    with app.app_context():
        users = {u.username: u for u in db.session.scalars(db.select(User))}
        units = db.session.scalars(db.select(OrgUnit)).all()
        for unit in units:
            user = users[unit.code]
            assert user.org_unit_id == unit.id
            assert user.role is (Role.SCHOOL if unit.kind is OrgKind.SCHOOL else Role.DEPARTMENT)
            assert user.check_password("demo")
        assert users["admin"].role is Role.ADMIN and users["admin"].org_unit is None


def test_periods_2024_h1_to_2025_h2_at_least(app):
    with app.app_context():
        codes = set(db.session.scalars(db.select(Period.code)))
    assert {"2024-H1", "2024-H2", "2025-H1", "2025-H2"} <= codes


def test_loading_twice_changes_nothing(app):
    with app.app_context():
        before = _counts()
        names = dict(db.session.execute(db.select(OrgUnit.code, OrgUnit.head_name)).all())
        load_demo()
        db.session.commit()
        assert _counts() == before
        assert dict(db.session.execute(db.select(OrgUnit.code, OrgUnit.head_name)).all()) == names


def test_generated_details_are_reproducible_and_varied(app, tmp_path):
    with app.app_context():
        first = dict(db.session.execute(db.select(OrgUnit.code, OrgUnit.head_name)).all())
        bins = set(db.session.scalars(db.select(OrgUnit.bin).where(OrgUnit.bin.is_not(None))))
    if TEST_DATABASE_URL:
        return  # one PostgreSQL database only; the first half of the check already ran
    other = create_app(app_config(), instance_path=str(tmp_path))
    with other.app_context():
        db.create_all()
        load_demo()
        db.session.commit()
        second = dict(db.session.execute(db.select(OrgUnit.code, OrgUnit.head_name)).all())
    assert first == second
    assert len(set(first.values())) > 5  # not one name for every school
    assert len(bins) > 10 and all(len(b) == 12 and b.isdigit() for b in bins)


def test_cli_loads_only_into_an_empty_database(app):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["load-demo", "--if-empty"])
    assert result.exit_code == 0 and "already has data" in result.output
    result = runner.invoke(args=["load-demo"])
    assert result.exit_code == 0
    for account in ("admin", "kostanay", "rudny", "lisakovsk", "rudny-7"):
        assert f"\n  {account} " in result.output
    assert "'demo'" in result.output


STRONG = "steppe lantern horizon 1978"  # passes the password policy (issue 16)


def test_cli_creates_real_accounts_and_refuses_bad_ones(app):
    runner = app.test_cli_runner()
    ok = runner.invoke(args=["create-user", "rudny-7-clerk", "--role", "school", "--unit", "rudny-7",
                             "--password", STRONG])
    assert ok.exit_code == 0, ok.output
    with app.app_context():
        user = db.session.execute(db.select(User).filter_by(username="rudny-7-clerk")).scalar_one()
        assert user.role is Role.SCHOOL and user.org_unit.code == "rudny-7" and user.check_password(STRONG)
    for args in (["x1", "--role", "school", "--unit", "rudny", "--password", STRONG],
                 ["x2", "--role", "admin", "--unit", "rudny", "--password", STRONG],
                 ["x3", "--role", "department", "--unit", "nowhere", "--password", STRONG],
                 ["x4", "--role", "department", "--unit", "rudny", "--password", "short"],
                 ["rudny-7-clerk", "--role", "school", "--unit", "rudny-7", "--password", STRONG]):
        result = runner.invoke(args=["create-user", *args])
        assert result.exit_code != 0, args


def test_readme_lists_exactly_the_demo_school_accounts(app):
    """The README's table of demo accounts names every school account, and only accounts that exist."""
    import re

    from support import PROJECT_ROOT

    row = next(line for line in (PROJECT_ROOT / "README.md").read_text().splitlines()
               if line.startswith("| `rudny-1`"))
    listed = set()
    for part in row.split("|")[1].split(","):
        codes = re.findall(r"`([a-z]+)-(\d+)`", part)
        (prefix, first), (_, last) = codes[0], codes[-1]
        listed |= {f"{prefix}-{number}" for number in range(int(first), int(last) + 1)}
    with app.app_context():
        schools = set(db.session.scalars(db.select(User.username).filter_by(role=Role.SCHOOL)))
    assert listed == schools - {"rudny-7"}


def test_seed_school_texts_read_as_a_careful_clerk_types_them():
    """The seed's slips are not the demo's (issue 11 re-read): «№7мектеп», «Мемлекетік», «мектеп- гимназия»,
    «бекітілген бекітілген», «14 бабының», double spaces; every text in Kazakh and in Russian."""
    from webapp.demo import seed_school, seed_school_ru

    def texts(value):
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            for item in value.values():
                yield from texts(item)
        elif isinstance(value, list | tuple):
            for item in value:
                yield from texts(item)

    slips = ("№7мектеп", "Мемлекетік", "мектеп- ", "школа- ", "бекітілген бекітілген", "14 бабының", "өтінішітер",
             "  ", "\"жасалды", "\"ролигі")
    found = [(slip, text[:60]) for module in (seed_school, seed_school_ru) for name in dir(module) if name.isupper()
             for text in texts(getattr(module, name)) for slip in slips if slip in text]
    assert not found
