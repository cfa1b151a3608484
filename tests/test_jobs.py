"""Long work in the background: a city's every certificate as one zip, built by a real Huey worker (SQLite
queue by default, Redis when configured) while the job page shows «12 of 37»; then served from any server."""

from __future__ import annotations

import io
import os
import re
import socket
import time
import uuid
import zipfile
from datetime import timedelta

import pytest
from support import TEST_DATABASE_URL, app_config, login, reset_database, running_worker, text_of, with_demo_analyses

from webapp import create_app
from webapp.certificate.batch import schools_under
from webapp.extensions import db
from webapp.jobs.models import Job, JobFile, JobStatus
from webapp.models import AuditEvent, utcnow

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/7")


def redis_answers() -> bool:
    host, port = re.match(r"redis://([^:/]+):(\d+)", REDIS_URL).groups()
    try:
        socket.create_connection((host, int(port)), timeout=1).close()
        return True
    except OSError:
        return False


def queue_config(queue: str, tmp_path) -> dict:
    """The SQLite file queue (what `make run` uses) or Redis (several servers), under a name of this test's."""
    if queue == "redis":
        if not redis_answers():
            if os.environ.get("CI") == "true":
                pytest.fail(f"Redis does not answer at {REDIS_URL}")
            pytest.skip(f"Redis does not answer at {REDIS_URL}")
        return {"TASK_QUEUE_URL": REDIS_URL, "TASK_QUEUE_NAME": f"adal-test-{uuid.uuid4().hex}"}
    return {}


@pytest.fixture(scope="module", params=["sqlite", "redis"])
def jobs_app(request, tmp_path_factory):
    """An app on a database file (the worker's threads and the test each need their own connection), with the
    demo analyses; shared by this module's tests, each of which starts jobs of its own."""
    tmp_path = tmp_path_factory.mktemp(request.param)
    url = TEST_DATABASE_URL or f"sqlite:///{tmp_path / 'adal.sqlite'}"
    app = create_app(app_config(SQLALCHEMY_DATABASE_URI=url, **queue_config(request.param, tmp_path)),
                     instance_path=str(tmp_path / "instance"))
    reset_database(app)
    with_demo_analyses(app)
    yield app
    if request.param == "redis":
        app.extensions["huey"].storage.flush_queue()
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def worker(jobs_app):
    with running_worker(jobs_app) as consumer:
        yield consumer


def client_for(app, username: str, htmx: bool = False):
    client = app.test_client()
    assert login(client, username).status_code == 303
    if htmx:
        client.environ_base["HTTP_HX_REQUEST"] = "true"
    return client


def start_batch(client, unit: str, **form):
    data = {"from": "2024-H2", "to": "2025-H1", "lang": "kk", "format": "pdf", **form}
    return client.post(f"/units/{unit}/certificates/", data=data)


def wait_for(app, job_id: int, user: str, seen: list[int] | None = None, timeout: float = 120) -> Job:
    """Poll the job page's fragment, as htmx does, until the job ends; record each count shown."""
    client = client_for(app, user, htmx=True)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        response = client.get(f"/jobs/{job_id}/")
        assert response.status_code == 200 and "<html" not in response.get_data(as_text=True)
        shown = re.search(r'<progress[^>]*value="(\d+)"', response.get_data(as_text=True))
        if seen is not None and shown:
            seen.append(int(shown.group(1)))
        with app.app_context():
            job = db.session.get(Job, job_id)
            db.session.expunge(job)
        if job.finished:
            return job
        time.sleep(0.5)
    raise AssertionError(f"job {job_id} did not finish in {timeout} s")


def test_a_city_downloads_every_pdf_built_by_the_worker_with_progress(jobs_app, worker):
    page = client_for(jobs_app, "lisakovsk").get("/units/lisakovsk").get_data(as_text=True)
    assert 'method="post" action="/units/lisakovsk/certificates/"' in page

    client = client_for(jobs_app, "lisakovsk")
    response = start_batch(client, "lisakovsk")
    assert response.status_code == 303
    job_id = int(re.search(r"/jobs/(\d+)/$", response.headers["Location"]).group(1))
    with jobs_app.app_context():
        job = db.session.get(Job, job_id)
        schools = len(schools_under(job.org_unit))
        assert job.status in (JobStatus.QUEUED, JobStatus.RUNNING) and job.total == schools > 2  # answered first
        assert db.session.scalar(db.select(AuditEvent.action).where(AuditEvent.object_type == "background_job")) \
            == "create"

    full = client.get(f"/jobs/{job_id}/")
    assert full.status_code == 200 and "<html" in full.get_data(as_text=True)
    assert 'hx-trigger="every 1s"' in full.get_data(as_text=True)  # keeps polling while it runs
    assert f'max="{schools}"' in full.get_data(as_text=True)
    assert re.search(rf"{schools} ішінен \d+", text_of(full))  # «15 ішінен 3»: 3 of 15

    seen: list[int] = []
    job = wait_for(jobs_app, job_id, "lisakovsk", seen)
    assert job.status is JobStatus.DONE and job.done == schools and job.failures == []
    assert any(0 < n < schools for n in seen), seen  # the bar moved while the worker was busy

    done = client.get(f"/jobs/{job_id}/")
    text = text_of(done)
    assert f"{schools} ішінен {schools}" in text and "hx-trigger" not in done.get_data(as_text=True)  # stops
    assert f'href="/jobs/{job_id}/download"' in done.get_data(as_text=True)

    download = client.get(f"/jobs/{job_id}/download")
    assert download.status_code == 200 and download.headers["Content-Type"] == "application/zip"
    assert 'filename="lisakovsk_2024-H2_2025-H1_kk_pdf.zip"' in download.headers["Content-Disposition"]
    with jobs_app.app_context():  # who downloaded what, and when, is in the audit log
        noted = db.session.scalars(db.select(AuditEvent).filter_by(action="download").order_by(AuditEvent.id.desc())
                                   ).first()
        assert (noted.actor, noted.object_label) == ("lisakovsk", "lisakovsk_2024-H2_2025-H1_kk_pdf.zip")
    archive = zipfile.ZipFile(io.BytesIO(download.data))
    names = archive.namelist()
    assert len(names) == schools and "lisakovsk-1_2024-H2_2025-H1_kk.pdf" in names
    assert not any(name.startswith("rudny") for name in names)
    assert archive.read("lisakovsk-1_2024-H2_2025-H1_kk.pdf").startswith(b"%PDF")

    # The unit page lists the batch (loaded into it by htmx), so a reload or a later visit finds it again.
    recent = client_for(jobs_app, "lisakovsk", htmx=True).get("/units/lisakovsk/certificates/")
    assert recent.status_code == 200 and "<html" not in recent.get_data(as_text=True)
    assert f'href="/jobs/{job_id}/"' in recent.get_data(as_text=True)
    assert "<html" in client.get("/units/lisakovsk/certificates/").get_data(as_text=True)


def test_a_region_gets_docx_and_nobody_else_sees_the_job(jobs_app, worker):
    client = client_for(jobs_app, "kostanay")
    response = start_batch(client, "kostanay", format="docx", lang="ru", **{"from": "2025-H1"})
    job_id = int(re.search(r"/jobs/(\d+)/$", response.headers["Location"]).group(1))
    job = wait_for(jobs_app, job_id, "kostanay")
    assert job.status is JobStatus.DONE and job.total == job.done > 15
    names = zipfile.ZipFile(io.BytesIO(client.get(f"/jobs/{job_id}/download").data)).namelist()
    assert len(names) == job.total and {"lisakovsk-1_2025-H1_ru.docx", "rudny-7_2025-H1_ru.docx"} <= set(names)

    # Another department, a school, and a school's own "unit batch" all answer 404.
    assert client_for(jobs_app, "lisakovsk").get(f"/jobs/{job_id}/").status_code == 404
    assert client_for(jobs_app, "lisakovsk").get(f"/jobs/{job_id}/download").status_code == 404
    assert client_for(jobs_app, "rudny-7").get(f"/jobs/{job_id}/").status_code == 404
    assert start_batch(client_for(jobs_app, "rudny"), "lisakovsk").status_code == 404
    assert start_batch(client_for(jobs_app, "rudny-7"), "rudny-7").status_code == 404
    assert start_batch(client_for(jobs_app, "rudny"), "rudny", to="2031-H1").status_code == 404
    assert start_batch(client_for(jobs_app, "rudny"), "rudny", format="exe").status_code == 404


def test_a_kept_file_expires_and_is_purged_by_the_next_job(jobs_app, worker):
    client = client_for(jobs_app, "lisakovsk")
    first = int(re.search(r"/jobs/(\d+)/$", start_batch(client, "lisakovsk", format="docx").headers["Location"])
                .group(1))
    wait_for(jobs_app, first, "lisakovsk")
    with jobs_app.app_context():
        db.session.get(Job, first).expires_at = utcnow() - timedelta(minutes=1)
        db.session.commit()
    assert client.get(f"/jobs/{first}/download").status_code == 410
    page = client.get(f"/jobs/{first}/")
    assert page.status_code == 200 and "download" not in page.get_data(as_text=True).split("<main")[1]
    second = int(re.search(r"/jobs/(\d+)/$", start_batch(client, "lisakovsk", format="docx").headers["Location"])
                 .group(1))
    wait_for(jobs_app, second, "lisakovsk")
    with jobs_app.app_context():
        assert db.session.get(JobFile, first) is None and db.session.get(JobFile, second) is not None


def test_accepting_an_analysis_has_the_worker_keep_its_years_pdf_and_docx(jobs_app, worker):
    from webapp.certificate.models import CertificateRender
    from webapp.models import OrgUnit, Period
    from webapp.reporting.models import Status, Submission

    with jobs_app.app_context():
        code = db.session.scalars(
            db.select(OrgUnit.code).join(Submission, Submission.school_id == OrgUnit.id).join(Submission.period)
            .where(Period.code == "2026-H1", Submission.status == Status.SUBMITTED, OrgUnit.code.like("rudny-%"))
            .order_by(OrgUnit.code)).first()
        school_id = db.session.scalar(db.select(OrgUnit.id).filter_by(code=code))
        # The module's app is shared: renders an earlier test's batch kept of this school's years go first.
        db.session.execute(db.delete(CertificateRender).filter_by(school_id=school_id))
        db.session.commit()
        assert db.session.scalar(db.select(db.func.count()).select_from(CertificateRender)
                                 .filter_by(school_id=school_id)) == 0
    response = client_for(jobs_app, "rudny").post(f"/schools/{code}/2026-H1/review", data={"decision": "accept"})
    assert response.status_code == 303
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        with jobs_app.app_context():
            kinds = sorted(db.session.execute(db.select(CertificateRender.lang, CertificateRender.kind)
                                              .filter_by(school_id=school_id)).all())
        if len(kinds) == 4:
            break
        time.sleep(0.5)
    assert [tuple(k) for k in kinds] == [("kk", "docx"), ("kk", "pdf"), ("ru", "docx"), ("ru", "pdf")]
    download = client_for(jobs_app, "rudny").get(f"/schools/{code}/certificate/?to=2026-H1&lang=ru&format=pdf")
    assert download.status_code == 200 and download.data.startswith(b"%PDF")


def test_the_same_zip_asked_for_again_while_it_is_built_is_the_same_job(app, as_user):
    """A double click, a retry or a script posting in a loop queued one full build per request (each a few
    minutes of the one worker's time); the same zip still queued or running is that job's page again."""
    city = as_user("rudny")
    first = start_batch(city, "rudny")
    assert first.status_code == 303
    assert [start_batch(city, "rudny").location for _ in range(3)] == [first.location] * 3
    other = start_batch(city, "rudny", lang="ru")
    assert other.status_code == 303 and other.location != first.location
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(Job)) == 2


def test_a_job_whose_worker_died_is_marked_failed_and_its_page_says_so(jobs_app):
    """A worker killed mid-job leaves it «running» for ever; after JOBS_STALLED_MINUTES without a step the job
    page (and any worker that starts, or runs its minutely sweep) marks it failed and says why in plain words."""
    from webapp.jobs.models import sweep_stalled_jobs
    from webapp.models import OrgUnit

    long_ago, just_now = utcnow() - timedelta(minutes=25), utcnow() - timedelta(seconds=30)
    with jobs_app.app_context():
        city = db.session.scalars(db.select(OrgUnit).filter_by(code="lisakovsk")).one()
        params = {"from": "2025-H1", "to": "2025-H1", "lang": "kk", "format": "pdf"}
        dead = Job(kind="certificates", org_unit=city, params=params, status=JobStatus.RUNNING, total=15, done=4,
                   started_at=long_ago, progressed_at=long_ago + timedelta(minutes=10))
        alive = Job(kind="certificates", org_unit=city, params=params, status=JobStatus.RUNNING, total=15, done=4,
                    started_at=long_ago, progressed_at=just_now)
        db.session.add_all([dead, alive])
        db.session.commit()
        dead_id, alive_id = dead.id, alive.id

    page = client_for(jobs_app, "lisakovsk", htmx=True).get(f"/jobs/{dead_id}/")
    text = text_of(page)
    assert "Сәтсіз аяқталды" in text  # Failed
    assert "Фондық өңдеу бұл тапсырманы аяқтамай тоқтап қалды: 10 минуттан астам" in text
    assert "hx-trigger" not in page.get_data(as_text=True)  # the page stops polling
    alive_page = client_for(jobs_app, "lisakovsk", htmx=True).get(f"/jobs/{alive_id}/")
    assert "hx-trigger" in alive_page.get_data(as_text=True) and "тоқтап қалды" not in text_of(alive_page)
    with jobs_app.app_context():
        assert (db.session.get(Job, dead_id).status, db.session.get(Job, dead_id).stalled) == (JobStatus.FAILED, True)
        assert db.session.get(Job, alive_id).status is JobStatus.RUNNING
        # The worker's own sweep finds the same ones: the live job only once it, too, stops moving.
        db.session.get(Job, alive_id).progressed_at = long_ago
        db.session.commit()
        assert sweep_stalled_jobs() == 1
        assert db.session.get(Job, alive_id).status is JobStatus.FAILED
