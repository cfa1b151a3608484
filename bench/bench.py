"""Server-side timings of the pages that matter, on the demo data, through the Flask test client.

    make bench            # or: .venv/bin/python bench/bench.py [--repeat 30] [--json bench-results/bench.json]

Each page is requested repeatedly; the median is reported with the number of SQL queries it ran.
Targets (issue 4): the seed school's HTML certificate ≤ 30 ms, its PDF ≤ 1 s. The national-scale data set
and the dashboard pages come with the dashboard issue.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import event

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from webapp import create_app  # noqa: E402
from webapp.demo import load_demo  # noqa: E402
from webapp.extensions import db  # noqa: E402

TARGETS_MS = {"certificate html": 30, "certificate pdf": 1000, "section save": 15}


def build_app(workdir: Path):
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{workdir / 'bench.sqlite'}", "SECRET_KEY": "bench",
                      "WTF_CSRF_ENABLED": False, "RATELIMIT_ENABLED": False}, instance_path=str(workdir))
    with app.app_context():
        db.create_all()
        load_demo(analyses=True)
        db.session.commit()
    return app


def measure(app, client, method: str, url: str, repeat: int, **kwargs) -> tuple[float, int]:
    """(median milliseconds, SQL queries of one request)."""
    with app.app_context():
        engine = db.engine
    statements: list[str] = []

    def count(conn, cursor, statement, *args):
        statements.append(statement)

    getattr(client, method)(url, **kwargs)  # warm-up: templates compiled, caches filled
    times = []
    for i in range(repeat):
        if i == 0:
            event.listen(engine, "before_cursor_execute", count)
        start = time.perf_counter()
        response = getattr(client, method)(url, **kwargs)
        times.append((time.perf_counter() - start) * 1000)
        if i == 0:
            event.remove(engine, "before_cursor_execute", count)
        assert response.status_code < 400, (url, response.status_code)
    return statistics.median(times), len(statements)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--json", type=Path, default=Path("bench-results/bench.json"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        app = build_app(Path(tmp))
        department, school = app.test_client(), app.test_client()
        department.post("/login", data={"username": "rudny", "password": "demo"})
        school.post("/login", data={"username": "rudny-7", "password": "demo"})
        school.post("/schools/rudny-7/2026-H2/start", data={})
        span = "/schools/rudny-7/certificate/?from=2024-H2&to=2025-H1&lang=kk"
        cases = [
            ("certificate html", department, "get", span, {}),
            ("certificate pdf", department, "get", span + "&format=pdf", {"repeat": 5}),
            ("certificate docx", department, "get", span + "&format=docx", {"repeat": 10}),
            ("section save", school, "post", "/schools/rudny-7/2026-H2/personnel/facts",
             {"data": {"teachers_total": "76", "teachers_higher_education": "69"}, "headers": {"HX-Request": "true"}}),
            ("section page", school, "get", "/schools/rudny-7/2026-H2/personnel/", {}),
            ("school home", school, "get", "/units/rudny-7", {}),
            ("department page", department, "get", "/units/rudny", {}),
            ("review overview", department, "get", "/schools/rudny-7/2026-H1/", {}),
        ]
        results = []
        for name, client, method, url, options in cases:
            repeat = options.pop("repeat", args.repeat)
            median_ms, queries = measure(app, client, method, url, repeat, **options)
            target = TARGETS_MS.get(name)
            results.append({"page": name, "median_ms": round(median_ms, 2), "queries": queries, "target_ms": target,
                            "within_target": None if target is None else median_ms <= target})
    width = max(len(r["page"]) for r in results)
    print(f"{'page':<{width}}  {'median ms':>10}  {'queries':>7}  target")
    for r in results:
        verdict = "" if r["target_ms"] is None else f"≤ {r['target_ms']} ms {'ok' if r['within_target'] else 'MISSED'}"
        print(f"{r['page']:<{width}}  {r['median_ms']:>10.2f}  {r['queries']:>7}  {verdict}")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps({"results": results}, ensure_ascii=False, indent=2))
    print(f"written to {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
