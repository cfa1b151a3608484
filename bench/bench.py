"""Server-side timings of the pages that matter, on a national-scale data set, through the Flask test client.

    make bench            # or: .venv/bin/python bench/bench.py [--repeat 30] [--json bench-results/bench.json]
                          #     [--regenerate] [--database-url postgresql+psycopg://postgres@127.0.0.1:5432/adal_bench]
                          #     [--compare-postgres postgresql+psycopg://postgres@127.0.0.1:5432/adal_bench]

The data set (webapp/demo/national.py: 20 regions, 200 departments, 7,500 schools, six half-years, every section
filled) is generated once into bench-results/national.sqlite, a database of its own, and kept: it is generated
again only when missing, when its stamp (the generator's version and the schema) no longer matches, or with
--regenerate. With --database-url it lives in that database instead (PostgreSQL: its name must contain "bench";
the public schema is dropped and rebuilt when the data set is generated).

Each page is requested repeatedly by a user allowed to see it; the median is reported with the number of SQL
queries one request ran, and its ratio to the floor: the bare SQL aggregate behind the national view (one
GROUP BY region over every school's figures of the half-year), timed on the database connection itself.
A page that answers 404 (not written yet) is reported as missing. The section save writes into the kept data set
(the benchmark school's draft of the half-year being written, teachers 76 and 77 in turn), which no page read
for the other measurements depends on.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import MetaData, event, func, inspect, make_url, select, text
from sqlalchemy.orm import aliased
from sqlalchemy.schema import CreateIndex, CreateTable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from load import Session, autosave, city_batch, gunicorn, school_accounts, throughput  # noqa: E402, I001

from webapp import create_app  # noqa: E402
from webapp.demo.national import GENERATOR_VERSION, PASSWORD, Scale, generate_national  # noqa: E402
from webapp.extensions import db, refresh_planner_statistics  # noqa: E402
from webapp.models import OrgKind, OrgUnit, Period  # noqa: E402
from webapp.reporting.figures import SubmissionFigures  # noqa: E402
from webapp.reporting.models import Status, Submission  # noqa: E402

DEFAULT_DATABASE = ROOT / "bench-results" / "national.sqlite"
STAMP_TABLE = "bench_national_stamp"
TARGETS_MS = {
    "city dashboard": 15,
    "region dashboard": 40,
    "national view": 100,
    "region comparison": 80,
    "certificate html": 30,
    "certificate pdf": 1000,
    "section save": 15,
}
# The figures the floor sums: every base quantity of the dashboard's indicators.
FLOOR_COLUMNS = ("teachers", "staff", "higher_education", "top_categories", "staff_moves", "disciplinary",
                 "procurement_total", "proc_open_tender", "proc_price_request", "proc_e_shop", "proc_single_source",
                 "proc_other", "appeals_received", "appeals_on_time", "service_recipients", "inspections",
                 "inspections_violations", "court_cases", "exposed_positions", "followups", "followups_done",
                 "sections_ready", "sections_returned", "sections_violation")


def make_app(url: str, workdir: Path):
    return create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench", "WTF_CSRF_ENABLED": False,
                       "RATELIMIT_ENABLED": False}, instance_path=str(workdir))


# --- The data set ---------------------------------------------------------------------------------

def expected_stamp() -> str:
    """The generator's version and a fingerprint of the schema the app expects (inside an app context)."""
    dialect = db.engine.dialect
    ddl = []
    for table in sorted(db.metadata.tables.values(), key=lambda t: t.name):
        ddl.append(str(CreateTable(table).compile(dialect=dialect)))
        ddl.extend(str(CreateIndex(index).compile(dialect=dialect))
                   for index in sorted(table.indexes, key=lambda i: i.name or ""))
    return f"v{GENERATOR_VERSION}-{hashlib.sha256(''.join(ddl).encode()).hexdigest()[:12]}"


def read_stamp() -> dict | None:
    """What the database says about the data set in it (None: no complete data set)."""
    with db.engine.connect() as connection:
        if not inspect(connection).has_table(STAMP_TABLE):
            return None
        row = connection.execute(text(f"SELECT stamp, details FROM {STAMP_TABLE}")).first()
    return None if row is None else {"stamp": row.stamp, **json.loads(row.details)}


def write_stamp(stamp: str, details: dict) -> None:
    with db.engine.begin() as connection:
        connection.execute(text(f"CREATE TABLE {STAMP_TABLE} (stamp VARCHAR(80) NOT NULL, details TEXT NOT NULL)"))
        connection.execute(text(f"INSERT INTO {STAMP_TABLE} (stamp, details) VALUES (:stamp, :details)"),
                           {"stamp": stamp, "details": json.dumps(details, ensure_ascii=False)})


def empty_schema() -> None:
    """Drop everything in the database (tables this code no longer knows too), then create the app's schema."""
    db.session.remove()
    if db.engine.dialect.name == "postgresql":
        with db.engine.begin() as connection:
            connection.exec_driver_sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
        db.engine.dispose()
    else:
        existing = MetaData()
        existing.reflect(bind=db.engine)
        existing.drop_all(bind=db.engine)
    db.create_all()


def generate_into(app) -> dict:
    """Generate the national data set into the app's database; returns the details stamped into it."""
    with app.app_context():
        stamp = expected_stamp()
        empty_schema()
        started = time.perf_counter()
        stats, accounts = generate_national(Scale(), progress=lambda line: print(f"  {line}", flush=True))
        refresh_planner_statistics()
        seconds = round(time.perf_counter() - started, 1)
        details = {"generated_at": datetime.now(UTC).isoformat(timespec="seconds"), "seconds": seconds,
                   "accounts": vars(accounts), "stages": stats.seconds,
                   "sizes": {"regions": stats.regions, "departments": stats.departments, "schools": stats.schools,
                             "submissions": stats.submissions, "section_entries": stats.section_entries,
                             "rows": stats.rows, "audit_events": stats.audit_events,
                             "rows_by_table": dict(sorted(stats.rows_by_table.items()))}}
        write_stamp(stamp, details)
        db.session.remove()
        db.engine.dispose()
    return {"stamp": stamp, **details}


def single_file(path: Path, timeout: float = 60) -> None:
    """Fold the write-ahead log the app writes SQLite through back into the file and drop it, so the file moved
    into place holds the whole data set (a log left beside `.partial` would stay behind). Refused, rather than
    moving half a data set, while any connection still has it open."""
    connection = sqlite3.connect(path, timeout=timeout)
    try:
        if connection.execute("PRAGMA journal_mode=DELETE").fetchone()[0] != "delete":
            raise SystemExit(f"{path} is still in use: its write-ahead log could not be folded in")
    except sqlite3.OperationalError as error:
        raise SystemExit(f"{path} is still in use ({error}): its write-ahead log could not be folded in") from None
    finally:
        connection.close()
    for suffix in ("-wal", "-shm"):
        if path.with_name(path.name + suffix).exists():
            raise SystemExit(f"{path}{suffix} is left beside the data set")


def check_database_url(url: str) -> None:
    """Generating wipes the database: refuse one whose name does not say it is for the benchmark."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" and "bench" not in (parsed.database or ""):
        raise SystemExit(f"refusing to generate into database {parsed.database!r}: its name must contain 'bench' "
                         "(generating drops everything in it)")


def national_data_set(url: str | None, regenerate: bool, workdir: Path) -> tuple[str, dict]:
    """(database URL, stamp details) of an up-to-date national data set, generating it if needed."""
    if url is None:
        path = DEFAULT_DATABASE
        url = f"sqlite:///{path}"
    else:
        path = None
    if not regenerate and (path is None or path.exists()):
        app = make_app(url, workdir)
        with app.app_context():
            found, expected = read_stamp(), expected_stamp()
            db.engine.dispose()
        if found and found["stamp"] == expected:
            return url, found
        print(f"national data set {'stamped ' + found['stamp'] if found else 'incomplete'}, "
              f"expected {expected}: generating it again")
    check_database_url(url)
    print(f"generating the national data set into {make_url(url).render_as_string(hide_password=True)} …",
          flush=True)
    if path is None:
        return url, generate_into(make_app(url, workdir))
    # SQLite: into a file next to it, moved into place once complete, so an interrupted run leaves nothing stale.
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    partial.unlink(missing_ok=True)
    details = generate_into(make_app(f"sqlite:///{partial}", workdir))
    single_file(partial)
    os.replace(partial, path)
    return url, details


# --- Measuring ------------------------------------------------------------------------------------

def measure(app, client, method: str, url: str, repeat: int, variants: list[dict]) -> dict:
    """Median milliseconds over `repeat` requests and the SQL queries of one; `variants` (request keyword
    arguments) are taken in turn, so a save changes something every time. A first request warms up."""
    with app.app_context():
        engine = db.engine
    statements: list[str] = []

    def count(conn, cursor, statement, *args):
        statements.append(statement)

    response = getattr(client, method)(url, **variants[-1])
    if response.status_code == 404:
        return {"status": "missing", "http_status": 404}
    if response.status_code >= 300:
        return {"status": "error", "http_status": response.status_code}
    times = []
    for i in range(repeat):
        if i == 0:
            event.listen(engine, "before_cursor_execute", count)
        start = time.perf_counter()
        response = getattr(client, method)(url, **variants[i % len(variants)])
        times.append((time.perf_counter() - start) * 1000)
        if i == 0:
            event.remove(engine, "before_cursor_execute", count)
        if response.status_code >= 300:
            return {"status": "error", "http_status": response.status_code}
    return {"status": "measured", "median_ms": round(statistics.median(times), 2),
            "min_ms": round(min(times), 2), "queries": len(statements), "repeat": repeat}


def floor_statement(period_id: int):
    """Every school's figures of the half-year summed per region: school → department → region."""
    school, department = aliased(OrgUnit), aliased(OrgUnit)
    figures = SubmissionFigures
    return (select(department.parent_id, func.count(), *(func.sum(getattr(figures, name)) for name in FLOOR_COLUMNS))
            .select_from(figures)
            .join(school, school.id == figures.school_id)
            .join(department, department.id == school.parent_id)
            .where(figures.period_id == period_id)
            .group_by(department.parent_id))


def measure_floor(app, period_id: int, repeat: int) -> dict:
    with app.app_context():
        statement = floor_statement(period_id)
        times = []
        with db.engine.connect() as connection:
            regions = connection.execute(statement).all()  # warm-up: statement compiled, pages cached
            for _ in range(repeat):
                start = time.perf_counter()
                connection.execute(statement).all()
                times.append((time.perf_counter() - start) * 1000)
        summed = sum(row[1] for row in regions)
    return {"page": "floor: national SQL aggregate", "status": "measured",
            "median_ms": round(statistics.median(times), 3), "min_ms": round(min(times), 3), "queries": 1,
            "repeat": repeat, "regions": len(regions), "schools_summed": summed, "target_ms": None}


def bench_period(requested: str | None) -> Period:
    """The half-year the dashboards are read for: the latest closed one with figures (or the one asked for)."""
    if requested:
        period = db.session.scalars(select(Period).filter_by(code=requested)).one_or_none()
        if period is None:
            raise SystemExit(f"no period {requested}")
        return period
    with_figures = select(SubmissionFigures.period_id).distinct()
    return db.session.scalars(select(Period).where(Period.is_open.is_(False), Period.id.in_(with_figures))
                              .order_by(Period.year.desc(), Period.half.desc())).first()


def review_target(department_code: str) -> tuple[str, str] | None:
    """A submitted analysis in the department, awaiting review: (school code, period code)."""
    department = db.session.scalars(select(OrgUnit).filter_by(code=department_code)).one()
    row = db.session.execute(
        select(OrgUnit.code, Period.code).select_from(Submission)
        .join(OrgUnit, OrgUnit.id == Submission.school_id).join(Period, Period.id == Submission.period_id)
        .where(OrgUnit.parent_id == department.id, Submission.status == Status.SUBMITTED)
        .order_by(Period.year.desc(), Period.half.desc(), OrgUnit.code)
    ).first()
    return None if row is None else (row[0], row[1])


def save_target(school_code: str) -> str | None:
    """An open half-year in which the school has a draft (the generator gives the benchmark's school one)."""
    row = db.session.execute(
        select(Period.code).select_from(Submission).join(OrgUnit, OrgUnit.id == Submission.school_id)
        .join(Period, Period.id == Submission.period_id)
        .where(OrgUnit.code == school_code, Submission.status == Status.DRAFT, Period.is_open.is_(True))
        .order_by(Period.year.desc(), Period.half.desc())
    ).first()
    return None if row is None else row[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--json", type=Path, default=ROOT / "bench-results" / "bench.json")
    parser.add_argument("--database-url",
                        help=f"where the national data set lives (default: sqlite:///{DEFAULT_DATABASE})")
    parser.add_argument("--regenerate", action="store_true",
                        help="generate the national data set even if it is up to date")
    parser.add_argument("--period", help="the half-year the dashboards are read for (default: the latest closed one)")
    parser.add_argument("--load-seconds", type=int, default=5,
                        help="wrk's seconds per page through gunicorn -w 2 (autosave runs twice as long); 0 skips it")
    parser.add_argument("--no-batch", action="store_true", help="skip the city PDF batch (cold and kept)")
    parser.add_argument("--compare-postgres", metavar="URL",
                        help="also keep the national data set in this PostgreSQL database (its name must contain "
                             "'bench') and time the region dashboard on it against SQLite's, alternating, in this run")
    parser.add_argument("--only", action="append", metavar="PAGE",
                        help="measure only this page (repeatable, e.g. --only 'national view'); the floor always")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        url, data_set = national_data_set(args.database_url, args.regenerate, Path(tmp))
        sizes, accounts = data_set["sizes"], data_set["accounts"]
        print(f"national data set {data_set['stamp']} (generated {data_set['generated_at']} in "
              f"{data_set['seconds']} s): {sizes['regions']} regions, {sizes['departments']} departments, "
              f"{sizes['schools']} schools, {sizes['submissions']} submissions, {sizes['section_entries']} section "
              f"entries, {sizes['rows']} rows")
        app = make_app(url, Path(tmp))
        with app.app_context():
            refresh_planner_statistics()  # a data set kept from before statistics were gathered gets them now
            period = bench_period(args.period)
            if period is None:
                raise SystemExit("no closed half-year with figures in the data set: give --period")
            review = review_target(accounts["department"])
            save_period = save_target(accounts["school"])
            region_schools = db.session.scalar(select(func.count()).select_from(OrgUnit).where(
                OrgUnit.path.startswith(f"/{accounts['region']}/"), OrgUnit.kind == OrgKind.SCHOOL))
        clients = {}
        for role in ("admin", "region", "department", "school"):
            clients[role] = app.test_client()
            response = clients[role].post("/login", data={"username": accounts[role], "password": PASSWORD})
            if response.status_code != 303:
                raise SystemExit(f"could not log in as {accounts[role]}: {response.status_code}")

        p = period.code
        region, department, school = accounts["region"], accounts["department"], accounts["school"]
        certificate = f"/schools/{school}/certificate/?from={p}&to={p}&lang=kk"
        cases = [  # (name, client, method, url, repeat or None, request variants)
            ("city dashboard", "department", "get", f"/units/{department}/dashboard/?period={p}"),
            ("region dashboard", "region", "get", f"/units/{region}/dashboard/?period={p}"),
            ("national view", "admin", "get", f"/dashboard/?period={p}"),
            ("region comparison", "region", "get",
             f"/units/{region}/dashboard/compare?period={p}&level=schools&sort=single_source_pct&desc=1"),
            ("school drill-down", "department", "get", f"/units/{school}/dashboard/?period={p}"),
            ("certificate html", "department", "get", certificate),
            ("certificate pdf", "department", "get", certificate + "&format=pdf", 5),
            ("certificate docx", "department", "get", certificate + "&format=docx", 10),
        ]
        if save_period:
            # Two sets of figures in turn: every save really changes the section (update, audit, figures).
            saves = [{"data": {"teachers_total": str(teachers), "teachers_higher_education": "60"},
                      "headers": {"HX-Request": "true"}} for teachers in (76, 77)]
            cases += [
                ("section save", "school", "post", f"/schools/{school}/{save_period}/personnel/facts", None, saves),
                ("section page", "school", "get", f"/schools/{school}/{save_period}/personnel/"),
            ]
        cases += [
            ("school home", "school", "get", f"/units/{school}"),
            ("department page", "department", "get", f"/units/{department}"),
            ("region page", "region", "get", f"/units/{region}"),
        ]
        if review:
            cases.append(("review overview", "department", "get", f"/schools/{review[0]}/{review[1]}/"))

        if args.only:
            cases = [case for case in cases if case[0] in args.only]
        floor = measure_floor(app, period.id, max(args.repeat, 30))
        results = [floor]
        for name, role, method, page_url, *rest in cases:
            repeat = (rest[0] if rest else None) or args.repeat
            variants = rest[1] if len(rest) > 1 else [{}]
            measured = measure(app, clients[role], method, page_url, repeat, variants)
            target = TARGETS_MS.get(name)
            result = {"page": name, "url": page_url, "as": accounts[role], **measured, "target_ms": target}
            if measured["status"] == "measured":
                result["ratio_to_floor"] = round(measured["median_ms"] / floor["median_ms"], 1)
                result["within_target"] = None if target is None else measured["median_ms"] <= target
            results.append(result)
        extra = {}
        if args.load_seconds:
            extra = through_servers(app, url, accounts, p, save_period, certificate, args.load_seconds, args.only)
        if args.compare_postgres:
            extra["postgres_region_dashboard"] = postgres_against_sqlite(
                app, args.compare_postgres, args.regenerate, Path(tmp), accounts, p, args.repeat)
        if not args.no_batch:
            print("city PDF batch, as the worker runs it (cold, then from the kept renders) …", flush=True)
            extra["city_batch"] = city_batch(app, department, p)
            print(f"  {extra['city_batch']}", flush=True)
        with app.app_context():
            db.engine.dispose()

    print_table(results, period.code, region_schools)
    if "postgres_region_dashboard" in extra:
        pg = extra["postgres_region_dashboard"]
        print(f"region dashboard on PostgreSQL: {pg['postgresql_ms']:.2f} ms against {pg['sqlite_ms']:.2f} ms on "
              f"SQLite = {pg['ratio']:.2f} × (target ≤ {pg['target_ratio']}: "
              f"{'OK' if pg['within_target'] else 'over'})")
    database = make_url(url).render_as_string(hide_password=True)
    report = {"measured_at": datetime.now(UTC).isoformat(timespec="seconds"), "database": database,
              "dialect": make_url(url).get_backend_name(), "period": period.code, "region_schools": region_schools,
              "data_set": data_set, "floor_ms": floor["median_ms"], "results": results, **extra}
    if url.startswith("sqlite:///"):
        report["database_bytes"] = Path(make_url(url).database).stat().st_size
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, ensure_ascii=False, indent=2))
    print(f"written to {args.json}")
    return 1 if any(r["status"] == "error" for r in results) else 0


def postgres_against_sqlite(sqlite_app, pg_url: str, regenerate: bool, workdir: Path, accounts: dict,
                            period: str, repeat: int, rounds: int = 6) -> dict:
    """The region dashboard on PostgreSQL as a ratio to the same page on SQLite (issue 13: ≤ 1.3 ×).

    Both data sets come from the same generator and version, so the region holds the same schools and figures.
    The two are timed in turn, `rounds` × `repeat` requests each, alternating round by round in this one
    process, so a change of load on the machine weighs on both alike. Returns medians (ms), queries and the ratio.
    """
    (workdir / "postgres").mkdir(exist_ok=True)
    url, _ = national_data_set(pg_url, regenerate, workdir / "postgres")
    pg_app = make_app(url, workdir / "postgres")
    with pg_app.app_context():
        refresh_planner_statistics()
    page = f"/units/{accounts['region']}/dashboard/?period={period}"
    clients = {}
    for name, app in (("sqlite", sqlite_app), ("postgresql", pg_app)):
        clients[name] = app.test_client()
        response = clients[name].post("/login", data={"username": accounts["region"], "password": PASSWORD})
        if response.status_code != 303:
            raise SystemExit(f"could not log in as {accounts['region']} on {name}: {response.status_code}")
    runs: dict[str, list[dict]] = {"sqlite": [], "postgresql": []}
    print(f"region dashboard, PostgreSQL against SQLite ({rounds} alternating rounds of {repeat}) …", flush=True)
    for _ in range(rounds):
        for name, app in (("sqlite", sqlite_app), ("postgresql", pg_app)):
            runs[name].append(measure(app, clients[name], "get", page, repeat, [{}]))
    for name, measured in runs.items():
        failed = [m for m in measured if m["status"] != "measured"]
        if failed:
            raise SystemExit(f"region dashboard on {name}: {failed[0]}")
    median = {name: round(statistics.median(m["median_ms"] for m in measured), 2) for name, measured in runs.items()}
    with pg_app.app_context():
        db.engine.dispose()
    result = {"page": "region dashboard", "url": page, "database": make_url(url).render_as_string(hide_password=True),
              "sqlite_ms": median["sqlite"], "postgresql_ms": median["postgresql"],
              "queries": {name: measured[0]["queries"] for name, measured in runs.items()},
              "ratio": round(median["postgresql"] / median["sqlite"], 2), "target_ratio": 1.3}
    result["within_target"] = result["ratio"] <= result["target_ratio"]
    print(f"  {result}", flush=True)
    return result


def through_servers(app, url: str, accounts: dict, p: str, save_period: str | None, certificate: str,
                    seconds: int, only: list[str] | None = None) -> dict:
    """Throughput through gunicorn -w 2 with wrk (each page as a ratio to the trivial route and to the login
    page of the same run) and 16 schools autosaving at once."""
    if shutil.which("wrk") is None:
        print("wrk not found (apt-get install -y wrk): the throughput part is skipped", flush=True)
        return {}
    region, department = accounts["region"], accounts["department"]
    pages = [("trivial route", None, "/healthz"), ("login page", None, "/login"),
             ("city dashboard", "department", f"/units/{department}/dashboard/?period={p}"),
             ("region dashboard", "region", f"/units/{region}/dashboard/?period={p}"),
             ("national view", "admin", f"/dashboard/?period={p}"),
             ("region comparison", "region",
              f"/units/{region}/dashboard/compare?period={p}&level=schools&sort=single_source_pct&desc=1"),
             ("region page", "region", f"/units/{region}"),
             ("certificate html", "department", certificate)]
    if only:  # the two references always, then the pages asked for (autosave only if asked for as "section save")
        pages = pages[:2] + [page for page in pages[2:] if page[0] in only]
        save_period = save_period if "section save" in only else None
    extra = {}
    with gunicorn(url) as base:
        print(f"through gunicorn -w 2 at {base} (wrk -t2 -c8, {seconds} s a page) …", flush=True)
        sessions = {role: Session(base, accounts[role], PASSWORD) for role in ("admin", "region", "department")}
        extra["throughput"] = throughput(base, sessions, pages, seconds)
        if save_period:
            schools = school_accounts(app, department, save_period, 16, PASSWORD)
            extra["autosave"] = autosave(app, base, schools, save_period, PASSWORD, seconds * 2)
            print(f"  autosave: {extra['autosave']}", flush=True)
    return extra


def print_table(results: list[dict], period: str, region_schools: int) -> None:
    print(f"\nhalf-year {period}; the region holds {region_schools} schools")
    width = max(len(r["page"]) for r in results)
    print(f"{'page':<{width}}  {'median ms':>9}  {'target':>7}  {'verdict':<9}  {'queries':>7}  {'× floor':>8}")
    for r in results:
        target = f"≤ {r['target_ms']}" if r.get("target_ms") else ""
        if r["status"] == "measured":
            verdict = "" if r.get("target_ms") is None else ("OK" if r["within_target"] else "over")
            ratio = f"{r['ratio_to_floor']:.1f}" if "ratio_to_floor" in r else "1.0"
            print(f"{r['page']:<{width}}  {r['median_ms']:>9.2f}  {target:>7}  {verdict:<9}  {r['queries']:>7}  "
                  f"{ratio:>8}")
        else:
            verdict = "missing" if r["status"] == "missing" else f"error {r['http_status']}"
            print(f"{r['page']:<{width}}  {'—':>9}  {target:>7}  {verdict:<9}  {'':>7}  {'':>8}")


if __name__ == "__main__":
    raise SystemExit(main())
