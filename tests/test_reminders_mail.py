"""Reminders that reach people (issue 12): the department's reminder, a returned analysis with its reasons, an
acceptance and the deadline approaching arrive by e-mail at a real SMTP server (aiosmtpd, started here), in
each account's language, with a link to the exact page; every message is recorded, and a failed delivery is
shown to the department on the school's row. Reminders go out from the background worker (a real Huey
consumer here, issue 13): the request only queues them, and the job page shows their progress.
"""

from __future__ import annotations

import re
import socket
import threading
from datetime import timedelta
from email import message_from_bytes, policy

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import delete, func, select, update
from support import TEST_DATABASE_URL, app_config, reset_database, running_worker, text_of
from test_dashboard import analysis, period, unit
from test_jobs import wait_for

from webapp import create_app
from webapp.blueprints.dashboard import queries
from webapp.blueprints.dashboard.models import Reminder
from webapp.blueprints.units.queries import today
from webapp.extensions import db
from webapp.jobs.models import Job, JobStatus
from webapp.models import AuditEvent, OrgUnit, Period, PeriodDeadline, User
from webapp.notifications import MessageKind, SentMessage
from webapp.reporting.models import Status

PERIOD = "2026-H1"
DASHBOARD = f"/units/rudny/dashboard/?period={PERIOD}"


class Inbox:
    """aiosmtpd handler: keeps every message the app hands over, parsed."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        message = message_from_bytes(envelope.original_content, policy=policy.default)
        self.messages.append((envelope.rcpt_tos, message))
        return "250 Message accepted for delivery"

    def to(self, address: str) -> list:
        return [message for recipients, message in self.messages if address in recipients]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def inbox():
    handler = Inbox()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    handler.port = controller.port
    yield handler
    controller.stop()


@pytest.fixture
def app(tmp_path, inbox):
    """The app sending through the test's SMTP server (overrides conftest's `app` for this module), on a database
    the worker's thread can share."""
    url = TEST_DATABASE_URL or f"sqlite:///{tmp_path / 'adal.sqlite'}"
    app = create_app(app_config(SQLALCHEMY_DATABASE_URI=url, MAIL_BACKEND="smtp", MAIL_SERVER="127.0.0.1",
                                MAIL_PORT=inbox.port, MAIL_DEFAULT_SENDER="adal@rudny-edu.example"),
                     instance_path=str(tmp_path / "instance"))
    reset_database(app)
    with app.app_context():
        db.session.execute(update(User).where(User.username == "rudny-5").values(locale="ru"))
        db.session.commit()
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def worker(app):
    with running_worker(app) as consumer:
        yield consumer


def finished_job(app, job_page: str) -> Job:
    """Follow the department's job page (as its htmx polling does) until the worker has finished the job."""
    return wait_for(app, int(re.search(r"/jobs/(\d+)/$", job_page).group(1)), "rudny", timeout=60)


def remind(client, **data):
    return client.post("/units/rudny/dashboard/reminders", data={"period": PERIOD, **data})


def subject(message) -> str:
    """The decoded subject (folded before its first encoded word, as RFC 5322 allows: a leading space unfolds)."""
    return str(message["Subject"]).strip()


def body(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def records(app, **filters) -> list[SentMessage]:
    with app.app_context():
        return db.session.scalars(select(SentMessage).filter_by(**filters).order_by(SentMessage.id)).all()


def test_the_departments_reminder_is_queued_and_the_job_page_shows_its_progress(app, as_user, inbox):
    """No worker runs: the request answers at once, the schools count as reminded, nothing is sent yet."""
    client = as_user("rudny")
    response = remind(client, school=["rudny-4", "rudny-5"])
    assert response.status_code == 303 and re.search(r"/jobs/\d+/$", response.location)
    page = client.get(response.location)
    text = text_of(page)
    assert "2 мектепке еске салынды, хаттар жіберілуде." in text  # the flash: reminded, e-mails on their way
    assert "Еске салу хаттары" in text and "Кезекте күтуде" in text and "2 ішінен 0" in text  # queued, 0 of 2
    assert 'hx-trigger="every 1s"' in page.get_data(as_text=True)
    assert inbox.messages == [] and records(app) == []
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Reminder)) == 2  # the rows say «reminded»
    assert as_user("lisakovsk").get(response.location).status_code == 404  # another department's job


def test_the_departments_reminder_arrives_in_each_schools_language_with_the_link(app, as_user, inbox, worker):
    response = remind(as_user("rudny"), school=["rudny-4", "rudny-5"])
    assert response.status_code == 303
    job = finished_job(app, response.location)
    assert (job.status, job.done, job.total, job.failures) == (JobStatus.DONE, 2, 2, [])
    done = as_user("rudny", htmx=True).get(response.location)
    assert "<html" not in done.get_data(as_text=True) and "2 ішінен 2" in text_of(done)
    assert "hx-trigger" not in done.get_data(as_text=True)
    (kk,) = inbox.to("rudny-4@adal.example")
    assert subject(kk) == f"Еске салу: {PERIOD} ішкі талдауы"
    assert kk["From"] == "adal@rudny-edu.example" and kk["Content-Language"] == "kk"
    assert "Рудный қаласы білім бөлімі еске салады: №4 жалпы білім беретін мектеп" in body(kk)
    assert f"http://localhost/schools/rudny-4/{PERIOD}/" in body(kk)
    (ru,) = inbox.to("rudny-5@adal.example")
    assert subject(ru) == f"Напоминание: внутренний анализ за {PERIOD}"
    assert "Отдел образования города Рудного напоминает" in body(ru)
    assert f"http://localhost/schools/rudny-5/{PERIOD}/" in body(ru)
    sent = records(app, kind=MessageKind.REMINDER)
    assert [(m.address, m.language, m.delivered) for m in sent] == [
        ("rudny-4@adal.example", "kk", True), ("rudny-5@adal.example", "ru", True)]
    page = text_of(as_user("rudny").get(DASHBOARD))
    assert "еске салу" in page and "rudny-4@adal.example жеткізілді" in page


def test_a_failed_delivery_is_recorded_and_shown_never_hidden(app, as_user, inbox, worker):
    app.extensions["mailman"].port = free_port()  # nobody listens there
    client = as_user("rudny")
    response = remind(client, school="rudny-4")
    assert response.status_code == 303
    job = finished_job(app, response.location)
    (record,) = records(app, kind=MessageKind.REMINDER)
    assert not record.delivered and "ConnectionRefusedError" in record.error
    assert job.status is JobStatus.DONE and job.failures[0][0] == "rudny-4"
    assert "1 хат жеткізілмеді, қалғандары жіберілді: rudny-4: rudny-4@adal.example: ConnectionRefusedError" \
        in text_of(client.get(response.location))  # the job page names it
    page = client.get(DASHBOARD)
    html = page.get_data(as_text=True)
    assert 'class="message message-failed"' in html and "жеткізілмеді" in text_of(page)
    assert inbox.messages == []
    with app.app_context():  # the reminder itself is kept and audited, with the failure beside it
        assert db.session.scalar(select(func.count()).select_from(AuditEvent)
                                 .where(AuditEvent.object_type == "reminder")) == 1


def test_a_school_without_an_address_is_a_failure_the_department_sees(app, as_user, inbox, worker):
    with app.app_context():
        db.session.execute(update(User).where(User.username == "rudny-4").values(email=None))
        db.session.commit()
    finished_job(app, remind(as_user("rudny"), school="rudny-4").location)
    (record,) = records(app, kind=MessageKind.REMINDER)
    assert not record.delivered and record.address is None
    assert "Мектептің электрондық поштасы бар есептік жазбасы жоқ." in text_of(as_user("rudny").get(DASHBOARD))
    drill_down = text_of(as_user("rudny").get(f"/units/rudny-4/dashboard/?period={PERIOD}"))
    assert "Мектепке жіберілген хаттар" in drill_down
    own = as_user("rudny-4").get(f"/units/rudny-4/dashboard/?period={PERIOD}")
    assert "Мектепке жіберілген хаттар" not in text_of(own)  # the log is the department's


def test_a_returned_analysis_is_mailed_with_the_reasons_and_an_acceptance_too(app, as_user, inbox):
    analysis(app, "rudny-5", PERIOD, {}, Status.SUBMITTED, on_time=True)
    analysis(app, "rudny-4", PERIOD, {}, Status.SUBMITTED, on_time=True)
    department = as_user("rudny")
    assert department.post(f"/schools/rudny-5/{PERIOD}/review", data={
        "decision": "return", "reason-procurement": "Шарттардың көшірмелері жоқ."}).status_code == 303
    (ru,) = inbox.to("rudny-5@adal.example")
    assert subject(ru) == f"{PERIOD}: разделы возвращены на доработку"
    text = body(ru)
    assert "Шарттардың көшірмелері жоқ." in text and "государственные закупки" in text  # the section, in Russian
    assert f"http://localhost/schools/rudny-5/{PERIOD}/" in text
    assert department.post(f"/schools/rudny-4/{PERIOD}/review", data={"decision": "accept"}).status_code == 303
    (kk,) = inbox.to("rudny-4@adal.example")
    assert subject(kk) == f"{PERIOD}: талдау қабылданды"
    assert [m.kind for m in records(app)] == [MessageKind.RETURNED, MessageKind.ACCEPTED]


def test_a_refused_review_sends_nothing(app, as_user, inbox):
    analysis(app, "rudny-5", PERIOD, {}, Status.DRAFT)
    response = as_user("rudny").post(f"/schools/rudny-5/{PERIOD}/review", data={"decision": "accept"})
    assert response.status_code in (404, 422)
    assert inbox.messages == [] and records(app) == []


def test_send_reminders_only_queues_them_for_the_worker(app, inbox):
    with app.app_context():
        deadline = queries.deadlines_by_department(unit("rudny"), period(PERIOD))[unit("rudny").id]
    result = app.test_cli_runner().invoke(args=["send-reminders", "--today",
                                                (deadline - timedelta(days=7)).isoformat()])
    assert result.exit_code == 0, result.output
    assert re.search(r"messages to \d+ schools queued as job \d+", result.output)
    assert inbox.messages == [] and records(app) == []  # no worker yet: nothing sent, the command did not wait
    quiet = app.test_cli_runner().invoke(args=["send-reminders", "--today", (deadline - timedelta(days=3)).isoformat()])
    assert quiet.exit_code == 0 and "no school is due a reminder" in quiet.output


def test_send_reminders_mails_7_days_and_1_day_before_the_deadline_once(app, inbox, worker):
    analysis(app, "rudny-3", PERIOD, {}, Status.SUBMITTED, on_time=True)  # sent already: not reminded
    with app.app_context():
        deadline = queries.deadlines_by_department(unit("rudny"), period(PERIOD))[unit("rudny").id]
        rudny = set(db.session.scalars(select(OrgUnit.code).where(OrgUnit.parent_id == unit("rudny").id)))
    runner = app.test_cli_runner()
    week_before = (deadline - timedelta(days=7)).isoformat()
    result = runner.invoke(args=["send-reminders", "--today", week_before, "--wait", "60"])
    assert result.exit_code == 0, result.output
    week = records(app, kind=MessageKind.DEADLINE_7)
    with app.app_context():
        reminded = {db.session.get(OrgUnit, m.school_id).code for m in week}
    assert reminded & rudny == rudny - {"rudny-3"}  # every Rudny school but the one that has sent
    (message,) = inbox.to("rudny-4@adal.example")
    assert subject(message) == f"{PERIOD}: талдауды жіберуге 7 күн қалды"
    assert f"http://localhost/schools/rudny-4/{PERIOD}/" in body(message)
    (ru,) = inbox.to("rudny-5@adal.example")
    assert subject(ru) == f"{PERIOD}: до отправки анализа осталось 7 дней"

    again = runner.invoke(args=["send-reminders", "--today", week_before, "--wait", "60"])  # cron ran twice
    assert again.exit_code == 0 and len(records(app, kind=MessageKind.DEADLINE_7)) == len(week)
    assert len(inbox.to("rudny-4@adal.example")) == 1

    day_before = (deadline - timedelta(days=1)).isoformat()
    assert runner.invoke(args=["send-reminders", "--today", day_before, "--wait", "60"]).exit_code == 0
    last = inbox.to("rudny-5@adal.example")[-1]
    assert subject(last) == f"{PERIOD}: до отправки анализа остался 1 день"
    quiet_day = (deadline - timedelta(days=3)).isoformat()
    before = len(inbox.messages)
    assert runner.invoke(args=["send-reminders", "--today", quiet_day, "--wait", "60"]).exit_code == 0
    assert len(inbox.messages) == before


def test_send_reminders_exits_1_and_names_the_failures(app, inbox, worker):
    with app.app_context():
        deadline = queries.deadlines_by_department(unit("rudny"), period(PERIOD))[unit("rudny").id]
    app.extensions["mailman"].port = free_port()
    result = app.test_cli_runner().invoke(args=["send-reminders", "--today",
                                                (deadline - timedelta(days=1)).isoformat(), "--wait", "120"])
    assert result.exit_code == 1
    assert "failed: rudny-4 rudny-4@adal.example: ConnectionRefusedError" in result.output
    assert all(not m.delivered for m in records(app, kind=MessageKind.DEADLINE_1))


@pytest.fixture
def silent_server():
    """A mail server that takes the connection and never says a word (hung, or a firewall that swallows SMTP):
    counts the connections it is offered."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    accepted = []

    def take():
        while True:
            try:
                accepted.append(listener.accept()[0])
            except OSError:
                return

    thread = threading.Thread(target=take, daemon=True)
    thread.start()
    yield listener.getsockname()[1], accepted
    listener.close()
    for connection in accepted:
        connection.close()


def test_a_mail_server_that_does_not_answer_costs_one_timeout_per_click_not_one_per_school(app, as_user,
                                                                                           silent_server, worker):
    """Reminding 20 late schools through a hung server used to wait out 20 timeouts: the web worker was killed
    first, and nothing at all was recorded. Now the request only queues them, and in the background job the
    first silence marks the rest failed at once (one connection tried, not one per school)."""
    port, accepted = silent_server
    app.extensions["mailman"].port, app.extensions["mailman"].timeout = port, 1
    schools = ["rudny-3", "rudny-4", "rudny-5", "rudny-6"]
    client = as_user("rudny")
    response = remind(client, school=schools)
    assert response.status_code == 303
    job = finished_job(app, response.location)
    assert len(accepted) == 1
    sent = records(app, kind=MessageKind.REMINDER)
    assert len(sent) == len(schools) and not any(m.delivered for m in sent)
    assert all("timed out" in m.error for m in sent)
    assert [code for code, _error in job.failures] == schools
    assert "4 хат жеткізілмеді" in text_of(client.get(response.location))


def test_a_refused_recipient_does_not_stop_the_others(app, as_user, inbox, worker):
    """One address the server refuses is that school's failure only: the next school still gets its message."""
    async def refuse_rudny_4(server, session, envelope, address, rcpt_options):
        if address.startswith("rudny-4@"):
            return "550 No such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    inbox.handle_RCPT = refuse_rudny_4
    finished_job(app, remind(as_user("rudny"), school=["rudny-4", "rudny-5", "rudny-6"]).location)
    by_address = {m.address: m for m in records(app, kind=MessageKind.REMINDER)}
    assert not by_address["rudny-4@adal.example"].delivered
    assert "SMTPRecipientsRefused" in by_address["rudny-4@adal.example"].error
    assert by_address["rudny-5@adal.example"].delivered and by_address["rudny-6@adal.example"].delivered
    assert len(inbox.to("rudny-5@adal.example")) == 1 and len(inbox.to("rudny-6@adal.example")) == 1


def test_a_reminder_after_the_deadline_says_how_late_not_due_by_a_past_day(app, as_user, inbox, worker):
    """Reminded in November of a June deadline, a school read «… 20.06 дейін тапсыруы тиіс» (must send by a day
    long gone). Past the deadline the message says the deadline passed and by how many days."""
    with app.app_context():
        deadline = queries.deadlines_by_department(unit("rudny"), period(PERIOD))[unit("rudny").id]
        late = (today() - deadline).days
    assert late > 1
    finished_job(app, remind(as_user("rudny"), school=["rudny-4", "rudny-5"]).location)
    (kk,) = inbox.to("rudny-4@adal.example")
    due = deadline.strftime("%d.%m.%Y")
    assert f"{due} дейін тапсыруы тиіс еді; мерзімнен {late} күн өтті." in body(kk)
    (ru,) = inbox.to("rudny-5@adal.example")
    one, few = late % 10 == 1 and late % 100 != 11, 2 <= late % 10 <= 4 and not 12 <= late % 100 <= 14
    days = "день" if one else "дня" if few else "дней"
    assert f"должна была сдать внутренний анализ коррупционных рисков за первое полугодие 2026 года до {due}; " \
           f"срок пропущен на {late} {days}." in body(ru)


def test_a_reminder_before_the_deadline_still_says_due_by(app, as_user, inbox, worker):
    with app.app_context():  # the deadline moved into the future for this half-year
        db.session.execute(update(Period).where(Period.code == PERIOD).values(deadline=today() + timedelta(days=5)))
        db.session.execute(delete(PeriodDeadline))
        db.session.commit()
    finished_job(app, remind(as_user("rudny"), school="rudny-4").location)
    (kk,) = inbox.to("rudny-4@adal.example")
    assert (today() + timedelta(days=5)).strftime("%d.%m.%Y") + " дейін тапсыруы тиіс." in body(kk)
    assert "өтті" not in body(kk)


def test_send_reminders_without_a_public_url_warns_that_its_links_point_nowhere(app, inbox, worker):
    """From cron there is no request to take the host from: without PUBLIC_URL the links read http://localhost/…,
    which no school can open. The run says so (and still sends: the message itself is worth having)."""
    with app.app_context():
        deadline = queries.deadlines_by_department(unit("rudny"), period(PERIOD))[unit("rudny").id]
    runner = app.test_cli_runner()
    result = runner.invoke(args=["send-reminders", "--today", (deadline - timedelta(days=7)).isoformat(),
                                 "--wait", "60"])
    assert result.exit_code == 0 and "PUBLIC_URL" in result.output and "http://localhost/" in result.output
    app.config["PUBLIC_URL"] = "https://adal.example.kz"
    result = runner.invoke(args=["send-reminders", "--today", (deadline - timedelta(days=1)).isoformat(),
                                 "--wait", "60"])
    assert result.exit_code == 0 and "PUBLIC_URL" not in result.output
    assert f"https://adal.example.kz/schools/rudny-4/{PERIOD}/" in body(inbox.to("rudny-4@adal.example")[-1])
