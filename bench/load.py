"""The benchmark's measurements through real servers: gunicorn + wrk throughput of the main pages as ratios to a
trivial route measured in the same run, a city's PDF batch (cold, then from the kept renders), and autosave
throughput with 16 schools saving at once. Used by bench.py; needs Debian's `wrk` for the throughput part.
"""

from __future__ import annotations

import http.cookiejar
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import delete, select
from werkzeug.security import generate_password_hash

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def gunicorn(database_url: str, workers: int = 2):
    """`gunicorn -w 2 wsgi:app` on a free port against the data set; yields its base URL."""
    port = free_port()
    instance = tempfile.mkdtemp(prefix="adal-bench-")
    env = {**os.environ, "DATABASE_URL": database_url, "FLASK_SECRET_KEY": "bench", "FLASK_SESSION_COOKIE_SECURE":
           "false", "FLASK_RATELIMIT_ENABLED": "false", "FLASK_WTF_CSRF_ENABLED": "false",
           "FLASK_TASK_QUEUE_URL": f"sqlite:///{instance}/tasks.sqlite"}
    log = Path(instance) / "gunicorn.log"
    process = subprocess.Popen([sys.executable, "-m", "gunicorn", "--workers", str(workers), "--bind",
                                f"127.0.0.1:{port}", "--log-level", "warning", "wsgi:app"],
                               cwd=ROOT, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            if process.poll() is not None:
                raise SystemExit(f"gunicorn exited: {log.read_text()[-2000:]}")
            try:
                urllib.request.urlopen(url + "/healthz", timeout=2).read()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise SystemExit("gunicorn did not answer in 120 s") from None
                time.sleep(0.5)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
        shutil.rmtree(instance, ignore_errors=True)


class Session:
    """A logged-in browser: a cookie jar over urllib (no CSRF: the benchmark's servers run without it)."""

    def __init__(self, base: str, username: str, password: str):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        self.post("/login", {"username": username, "password": password})
        if not self.cookie:
            raise SystemExit(f"could not log in as {username}")

    @property
    def cookie(self) -> str:
        return "; ".join(f"{c.name}={c.value}" for c in self.jar)

    def post(self, path: str, data: dict, headers: dict | None = None) -> int:
        request = urllib.request.Request(self.base + path, data=urllib.parse.urlencode(data).encode(),
                                         headers=headers or {})
        try:
            with self.opener.open(request, timeout=60) as response:
                response.read()
                return response.status
        except urllib.error.HTTPError as error:
            return error.code


def wrk(url: str, cookie: str | None, seconds: int, connections: int = 8) -> dict:
    """Requests per second (and non-2xx/3xx answers) of `wrk -t2 -c8` against `url`, after a 1 s warm-up; a slow
    page is waited for (60 s) rather than counted as a timeout."""
    args = ["wrk", "-t2", f"-c{connections}", "--latency", "--timeout", "60s"]
    if cookie:
        args += ["-H", f"Cookie: {cookie}"]
    subprocess.run([*args, "-d1s", url], capture_output=True, check=True)
    out = subprocess.run([*args, f"-d{seconds}s", url], capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    p50 = re.search(r"50%\s+([\d.]+)(us|ms|s)", out)
    scale = {"us": 0.001, "ms": 1, "s": 1000}
    return {"req_per_s": round(rate, 1), "non_2xx": int(bad.group(1)) if bad else 0,
            "p50_ms": round(float(p50.group(1)) * scale[p50.group(2)], 2) if p50 else None}


def throughput(base: str, sessions: dict[str, Session], pages: list[tuple[str, str, str]], seconds: int) -> list:
    """Each page's req/s through gunicorn and its ratio to the trivial route (the first of `pages`)."""
    results = []
    for name, role, path in pages:
        measured = wrk(base + path, sessions[role].cookie if role else None, seconds)
        results.append({"page": name, "url": path, **measured})
        print(f"  {name:<28} {measured['req_per_s']:>8.1f} req/s", flush=True)
    trivial = results[0]["req_per_s"]
    login = next((r["req_per_s"] for r in results if r["page"] == "login page"), None)
    for result in results:
        result["ratio_to_trivial"] = round(result["req_per_s"] / trivial, 4)
        if login:
            result["ratio_to_login"] = round(result["req_per_s"] / login, 3)
    return results


def school_accounts(app, department_code: str, period_code: str, count: int, password: str) -> list[str]:
    """Usernames of `count` schools of the department with a draft in the open half-year (made if missing)."""
    from webapp.extensions import db
    from webapp.models import OrgUnit, Period, Role, User
    from webapp.reporting.models import Status, Submission

    with app.app_context():
        department = db.session.scalars(select(OrgUnit).filter_by(code=department_code)).one()
        schools = db.session.scalars(
            select(OrgUnit).join(Submission, Submission.school_id == OrgUnit.id).join(Period)
            .where(OrgUnit.parent_id == department.id, Period.code == period_code, Submission.status == Status.DRAFT)
            .order_by(OrgUnit.code).limit(count)).all()
        password_hash = None
        names = []
        for school in schools:
            name = f"bench-save-{school.code}"
            if db.session.scalar(select(User.id).filter_by(username=name)) is None:
                password_hash = password_hash or generate_password_hash(password)
                db.session.add(User(username=name, role=Role.SCHOOL, org_unit=school, password_hash=password_hash))
            names.append((name, school.code))
        db.session.commit()
        db.session.remove()
    return names


def autosave(app, base: str, accounts: list[tuple[str, str]], period_code: str, password: str,
             seconds: int) -> dict:
    """Every school saves its «media» text as fast as the server answers, all at once, for `seconds`;
    then checks that each school's last acknowledged text is the one stored."""
    from webapp.extensions import db
    from webapp.models import OrgUnit, Period
    from webapp.reporting.models import SectionEntry, Submission

    stop = threading.Event()
    acknowledged: dict[str, list[str]] = {}
    errors: list = []
    latencies: list[float] = []

    sessions: dict[str, Session] = {}

    def log_in(username: str, code: str):
        try:
            sessions[code] = Session(base, username, password)
        except (SystemExit, OSError) as error:
            errors.append(f"log-in {username}: {error}")

    def run(code: str):
        session = sessions[code]
        path = f"/schools/{code}/{period_code}/media/narrative"
        n = 0
        while not stop.is_set():
            n += 1
            text = f"{code}: {n}-сақтау." + " Тәуекел сипаттамасы." * 20  # no edge spaces: the app trims them
            start = time.perf_counter()
            status = session.post(path, {"risks": text, "basis": "Негіздеме", "recommendations": "Ұсыныс",
                                         "violation_found": "no"}, {"HX-Request": "true"})
            latencies.append((time.perf_counter() - start) * 1000)
            if status == 200:
                acknowledged.setdefault(code, []).append(text)
            else:
                errors.append(status)

    # Everyone logs in first (scrypt is slow on purpose), then the clock starts.
    logins = [threading.Thread(target=log_in, args=account) for account in accounts]
    for thread in logins:
        thread.start()
    for thread in logins:
        thread.join()
    threads = [threading.Thread(target=run, args=(code,)) for code in sessions]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    time.sleep(seconds)
    stop.set()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    saves = sum(len(v) for v in acknowledged.values())
    lost = 0
    with app.app_context():
        for code, texts in acknowledged.items():
            stored = db.session.scalar(
                select(SectionEntry.risks).join(Submission).join(OrgUnit, OrgUnit.id == Submission.school_id)
                .join(Period).where(OrgUnit.code == code, Period.code == period_code, SectionEntry.section == "media"))
            lost += stored != texts[-1]
        db.session.remove()
    return {"schools": len(accounts), "seconds": round(elapsed, 1), "saves": saves,
            "saves_per_s": round(saves / elapsed, 1), "errors": len(errors), "error_sample": errors[:3], "lost": lost,
            "median_ms": round(statistics.median(latencies), 1) if latencies else None}


def city_batch(app, department_code: str, period_code: str) -> dict:
    """A city's every certificate as one PDF zip, run as the worker runs it: cold (nothing kept), then again
    from the renders the first run kept. Seconds for each, and the schools in it."""
    from webapp.certificate.batch import certificate_batch, new_batch_job
    from webapp.certificate.models import CertificateRender
    from webapp.extensions import db
    from webapp.jobs.models import Job, JobStatus
    from webapp.models import OrgUnit, Period

    timings = []
    with app.app_context():
        department = db.session.scalars(select(OrgUnit).filter_by(code=department_code)).one()
        period = db.session.scalars(select(Period).filter_by(code=period_code)).one()
        schools = db.session.scalars(select(OrgUnit.id).where(OrgUnit.parent_id == department.id)).all()
        db.session.execute(delete(CertificateRender).where(CertificateRender.school_id.in_(schools)))
        db.session.commit()
        for _run in ("cold", "kept"):
            job = new_batch_job(department, [period], "kk", "pdf", None)
            db.session.commit()
            start = time.perf_counter()
            certificate_batch(job.id)
            timings.append(round(time.perf_counter() - start, 2))
            job = db.session.get(Job, job.id)
            if job.status is not JobStatus.DONE or job.failures:
                raise SystemExit(f"city batch failed: {job.failures}")
        total = job.total
        db.session.remove()
    return {"schools": total, "cold_s": timings[0], "kept_s": timings[1]}
