"""E-mail to schools that reaches them: the department's reminder, a returned analysis (with the reasons), an
acceptance, and a deadline approaching (7 and 1 days before, `flask --app wsgi send-reminders`).

Messages go through Flask-Mailman: SMTP in production (MAIL_BACKEND = "smtp", MAIL_SERVER, MAIL_PORT,
MAIL_USE_TLS, MAIL_USERNAME, MAIL_PASSWORD, MAIL_DEFAULT_SENDER in instance/config.py or FLASK_MAIL_* variables);
by default each message is written as a file into instance/mail/ (MAIL_BACKEND = "file"), and "console" prints
it. Each recipient gets the message in the language of their account with a link to the exact page
(PUBLIC_URL, e.g. https://adal.example.kz, makes links from the command line and behind a proxy right).

Every message is recorded (SentMessage: to whom, what, when, delivered or failed and why), also when a school has
no account with an e-mail address: the department sees a failed delivery on the school's row, never nothing.
"""

from __future__ import annotations

import enum
import logging
import smtplib
from datetime import date, datetime, timedelta
from pathlib import Path

import click
from flask import current_app, url_for
from flask.cli import with_appcontext
from flask_babel import force_locale, ngettext
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_mailman import EmailMessage, Mail
from sqlalchemy import DateTime, ForeignKey, String, Text, select
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .extensions import db
from .i18n import FORMAT_LOCALES, period_label, short_date
from .jobs import background_task, enqueue
from .jobs.models import Job, JobStatus
from .models import OrgKind, OrgUnit, Period, Role, User, enum_column, utcnow

log = logging.getLogger(__name__)
mail = Mail()


class MessageKind(enum.StrEnum):
    REMINDER = "reminder"  # the department's "please send your analysis"
    RETURNED = "returned"  # sections sent back with reasons
    ACCEPTED = "accepted"
    DEADLINE_7 = "deadline_7"  # a week before the deadline
    DEADLINE_1 = "deadline_1"  # the day before


KIND_LABELS = {
    MessageKind.REMINDER: _l("reminder"), MessageKind.RETURNED: _l("returned for correction"),
    MessageKind.ACCEPTED: _l("accepted"), MessageKind.DEADLINE_7: _l("deadline in 7 days"),
    MessageKind.DEADLINE_1: _l("deadline tomorrow"),
}


class SentMessage(db.Model):
    """One e-mail to one address (or the attempt to reach a school that has none): the delivery log."""

    __tablename__ = "sent_message"

    id: Mapped[int] = mapped_column(primary_key=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("org_unit.id", ondelete="CASCADE"), index=True)
    period_id: Mapped[int] = mapped_column(ForeignKey("period.id", ondelete="CASCADE"))
    kind: Mapped[MessageKind] = mapped_column(enum_column(MessageKind))
    recipient_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    address: Mapped[str | None] = mapped_column(String(254))
    language: Mapped[str] = mapped_column(String(5))
    subject: Mapped[str] = mapped_column(String(300))
    sent_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    sent_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    delivered: Mapped[bool] = mapped_column(default=False)
    error: Mapped[str | None] = mapped_column(Text)

    school: Mapped[OrgUnit] = relationship()
    recipient: Mapped[User | None] = relationship(foreign_keys=[recipient_id])

    @property
    def kind_label(self) -> str:
        return str(KIND_LABELS[self.kind])


def init_app(app) -> None:
    """Mail settings' defaults (messages as files under instance/mail/), the extension and the command."""
    app.config.setdefault("MAIL_BACKEND", "file")
    app.config.setdefault("MAIL_FILE_PATH", str(Path(app.instance_path) / "mail"))
    app.config.setdefault("MAIL_DEFAULT_SENDER", "adal@localhost")
    app.config.setdefault("MAIL_TIMEOUT", 10)
    app.config.setdefault("PUBLIC_URL", None)
    mail.init_app(app)
    app.cli.add_command(send_reminders_command)


# --- Composing -------------------------------------------------------------------------------------

def _link(endpoint: str, **values) -> str:
    """An absolute link for a message: PUBLIC_URL when set, else the host the request came to."""
    base = current_app.config.get("PUBLIC_URL")
    if base:
        return base.rstrip("/") + url_for(endpoint, **values)
    return url_for(endpoint, _external=True, **values)


def _school_accounts(school: OrgUnit) -> list[User]:
    return db.session.scalars(select(User).where(User.org_unit_id == school.id, User.role == Role.SCHOOL,
                                                 User.active.is_(True)).order_by(User.id)).all()


def _compose(kind: MessageKind, school: OrgUnit, period: Period, lang: str, **details) -> tuple[str, str]:
    """(subject, body) in `lang`. details: deadline (date), reasons ({section label: reason}), department."""
    with force_locale(FORMAT_LOCALES[lang]):
        name = school.name_ru if lang == "ru" else school.name_kk
        half = period_label(period.year, period.half)
        link = _link("submissions.show", school=school.code, period=period.code)
        deadline = short_date(details.get("deadline"), lang)
        if kind is MessageKind.REMINDER:
            subject = _("Reminder: the internal analysis for %(period)s", period=period.code)
            late = _days_late(details.get("deadline"))
            if late:  # a deadline long gone is not "due by" it: say how late
                lines = [ngettext("%(department)s reminds %(school)s that the internal analysis of corruption risks "
                                  "for the %(half)s was due by %(deadline)s; it is %(num)s day late.",
                                  "%(department)s reminds %(school)s that the internal analysis of corruption risks "
                                  "for the %(half)s was due by %(deadline)s; it is %(num)s days late.", late,
                                  department=details.get("department", ""), school=name, half=half,
                                  deadline=deadline)]
            else:
                lines = [_("%(department)s reminds %(school)s that the internal analysis of corruption risks for the "
                           "%(half)s is due by %(deadline)s.", department=details.get("department", ""),
                           school=name, half=half, deadline=deadline)]
        elif kind is MessageKind.RETURNED:
            subject = _("%(period)s: sections returned for correction", period=period.code)
            lines = [_("The education department returned sections of the analysis of %(school)s for the %(half)s "
                       "for correction:", school=name, half=half)]
            lines += [f"— {section}: {reason}" for section, reason in details.get("reasons", {}).items()]
        elif kind is MessageKind.ACCEPTED:
            subject = _("%(period)s: the analysis is accepted", period=period.code)
            lines = [_("The education department accepted the analysis of %(school)s for the %(half)s.",
                       school=name, half=half)]
        else:
            days = 7 if kind is MessageKind.DEADLINE_7 else 1
            subject = ngettext("%(period)s: %(num)s day left to send the analysis",
                               "%(period)s: %(num)s days left to send the analysis", days, period=period.code)
            lines = [_("The internal analysis of %(school)s for the %(half)s is due by %(deadline)s and has not been "
                       "sent yet.", school=name, half=half, deadline=deadline)]
        lines += ["", _("Open it here: %(link)s", link=link), "", _("Adal: internal analysis of corruption risks")]
        return str(subject), "\n".join(str(line) for line in lines)


class Delivery:
    """The messages of one click or one cron run. Once the mail server is unreachable or stops answering, the
    messages after it are recorded as failed with the same error at once rather than each waiting out its own
    timeout: a department reminding 20 late schools through a hung server would otherwise outlast the web
    worker's timeout, and nothing at all would be recorded. A refused address fails only its own message."""

    PER_MESSAGE = (smtplib.SMTPRecipientsRefused, smtplib.SMTPSenderRefused, smtplib.SMTPDataError, ValueError)

    def __init__(self) -> None:
        self.server_down: str | None = None

    def send(self, message: EmailMessage) -> str | None:
        """Hand `message` to the mail server: None when it was accepted, else why not."""
        if self.server_down:
            return self.server_down
        try:
            return None if message.send(fail_silently=False) == 1 else "not accepted by the mail server"
        except (OSError, ValueError) as error:  # smtplib's errors are OSErrors
            problem = f"{type(error).__name__}: {error}"[:2000]
            if not isinstance(error, self.PER_MESSAGE):
                self.server_down = problem
            return problem


def _days_late(deadline: date | None) -> int:
    """Days since `deadline` in the schools' time zone; 0 on the day itself, before it, or without one."""
    from .blueprints.units.queries import today

    return max((today() - deadline).days, 0) if deadline else 0


def notify_school(school: OrgUnit, period: Period, kind: MessageKind, *, sent_by: User | None = None,
                  delivery: Delivery | None = None, **details) -> list[SentMessage]:
    """Send `kind` to every active account of `school` with an e-mail address, each in its own language, and
    record each attempt (in the caller's transaction). No address at all: one failed record says so.

    details: deadline (date), reasons ({section code: reason}), department (the sender's name, kk/ru by language).
    delivery: shared by the schools of one click or run, so a silent mail server is waited for once.
    Returns the records. Never raises for a delivery failure: the failure is recorded and logged instead.
    """
    delivery = delivery or Delivery()
    records = []
    accounts = [user for user in _school_accounts(school) if (user.email or "").strip()]
    if not accounts:
        subject, _body = _compose(kind, school, period, "kk", **_localised(details, "kk"))
        records.append(SentMessage(school_id=school.id, period_id=period.id, kind=kind, language="kk",
                                   subject=subject, sent_by_id=sent_by.id if sent_by else None, delivered=False,
                                   error=str(_("The school has no account with an e-mail address."))))
    for user in accounts:
        lang = user.locale if user.locale in ("kk", "ru") else "kk"
        subject, body = _compose(kind, school, period, lang, **_localised(details, lang))
        record = SentMessage(school_id=school.id, period_id=period.id, kind=kind, recipient_id=user.id,
                             address=user.email.strip(), language=lang, subject=subject,
                             sent_by_id=sent_by.id if sent_by else None)
        message = EmailMessage(subject, body, to=[record.address], from_email=current_app.config["MAIL_DEFAULT_SENDER"],
                               headers={"Content-Language": lang})
        record.error = delivery.send(message)
        record.delivered = record.error is None
        if record.error:
            log.warning("mail to %s (%s) failed: %s", record.address, school.code, record.error)
        records.append(record)
    db.session.add_all(records)
    return records


def _localised(details: dict, lang: str) -> dict:
    """Section codes in `reasons` turned into their titles, the department's name, in the recipient's language."""
    result = dict(details)
    if "reasons" in details:
        from .reporting.sections import SECTIONS

        labels = {section.code: section for section in SECTIONS}
        with force_locale(FORMAT_LOCALES[lang]):
            result["reasons"] = {str(labels[code].label): reason for code, reason in details["reasons"].items()}
    department = details.get("department")
    if isinstance(department, OrgUnit):
        result["department"] = department.name_ru if lang == "ru" else department.name_kk
    return result


# --- Deadlines approaching (cron / systemd timer) ------------------------------------------------------

def due_deadline_reminders(today: date) -> list[tuple[OrgUnit, Period, MessageKind, date]]:
    """(school, half-year, message, deadline) for every school that has not sent its analysis and whose deadline
    is 7 days or 1 day away, unless it was already told about that deadline (so the command may run several
    times a day, and the worker checks again just before sending)."""
    from .blueprints.dashboard.queries import SENT, deadlines_by_department
    from .reporting.models import Submission

    due_list = []
    ahead = {7: MessageKind.DEADLINE_7, 1: MessageKind.DEADLINE_1}
    for period in db.session.scalars(select(Period).where(Period.deadline >= today - timedelta(days=90))).all():
        deadlines = deadlines_by_department(None, period)  # department id -> its schools' deadline
        due = {department: ahead[(deadline - today).days]
               for department, deadline in deadlines.items() if (deadline - today).days in ahead}
        if not due:
            continue
        schools = db.session.scalars(select(OrgUnit).where(OrgUnit.kind == OrgKind.SCHOOL,
                                                           OrgUnit.parent_id.in_(list(due)))
                                     .order_by(OrgUnit.code)).all()
        handed_in = set(db.session.scalars(select(Submission.school_id).where(
            Submission.period_id == period.id, Submission.status.in_(SENT))))
        told = set(db.session.execute(select(SentMessage.school_id, SentMessage.kind).where(
            SentMessage.period_id == period.id, SentMessage.kind.in_(list(ahead.values())))).all())
        due_list += [(school, period, due[school.parent_id], deadlines[school.parent_id]) for school in schools
                     if school.id not in handed_in and (school.id, due[school.parent_id]) not in told]
    return due_list


# --- Sending in the background -----------------------------------------------------------------------
# A department reminding its 37 schools, or the morning's deadline reminders for the whole country, is one
# SMTP conversation per address: a slow or unreachable mail server must never hold a request (or the cron job's
# shell) for minutes. The web and the command queue a job; the worker sends school by school, committing each
# school's records and the job's progress, which the job page shows («12 of 37», failures by school).

REMINDERS = "reminders"


def queue_reminders(schools: list[OrgUnit], period: Period, *, department: OrgUnit, sent_by: User | None,
                    deadline: date) -> Job:
    """A job sending the department's reminder to `schools` (added to the session; commit, then `enqueue`)."""
    job = Job(kind=REMINDERS, org_unit=department, user_id=getattr(sent_by, "id", None), total=len(schools),
              params={"message": MessageKind.REMINDER.value, "period": period.code,
                      "schools": [school.code for school in schools], "deadline": deadline.isoformat(),
                      "base_url": _base_url()})
    db.session.add(job)
    return job


def queue_deadline_reminders(today: date) -> Job | None:
    """A job sending the deadline reminders due `today` (None when none are); committed, and queued."""
    due = due_deadline_reminders(today)
    if not due:
        return None
    job = Job(kind=REMINDERS, org_unit=None, total=len(due),
              params={"message": "deadline", "today": today.isoformat(), "base_url": _base_url()})
    db.session.add(job)
    db.session.commit()
    enqueue("send_reminders", job.id)
    return job


def _base_url() -> str:
    """Where links in the messages point: PUBLIC_URL, else the host this request came to."""
    from flask import has_request_context, request

    return current_app.config.get("PUBLIC_URL") or (request.host_url if has_request_context() else "/")


@background_task
def send_reminders(job_id: int) -> None:
    """Run job `job_id`: each school's messages sent and recorded, progress committed after every school."""
    job = db.session.get(Job, job_id)
    if job is None or job.status is not JobStatus.QUEUED:
        return  # already run (a queue may deliver twice) or deleted
    params = job.params
    with current_app.test_request_context(params.get("base_url") or "/"):
        if params["message"] == "deadline":
            work = due_deadline_reminders(date.fromisoformat(params["today"]))
            details = [{"deadline": deadline} for _school, _period, _kind, deadline in work]
        else:
            period = db.session.scalars(select(Period).filter_by(code=params["period"])).one()
            schools = db.session.scalars(select(OrgUnit).where(OrgUnit.code.in_(params["schools"]))
                                         .order_by(OrgUnit.code)).all()
            work = [(school, period, MessageKind(params["message"]), None) for school in schools]
            details = [{"deadline": date.fromisoformat(params["deadline"]), "department": job.org_unit}] * len(work)
        sent_by = db.session.get(User, job.user_id) if job.user_id else None
        job.start(len(work))
        db.session.commit()
        failures, delivery = [], Delivery()  # a silent mail server waited for once, not once per school
        for (school, period, kind, _deadline), extra in zip(work, details, strict=True):
            records = notify_school(school, period, kind, sent_by=sent_by, delivery=delivery, **extra)
            failures += [[school.code, f"{record.address or '—'}: {record.error}"]
                         for record in records if not record.delivered]
            job.advance(failures)
            db.session.commit()
        job.status, job.finished_at = JobStatus.DONE, utcnow()
        db.session.commit()


@click.command("send-reminders")
@with_appcontext
@click.option("--today", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="Pretend it is this day (YYYY-MM-DD); default: today in the schools' time zone.")
@click.option("--wait", "wait_seconds", type=int, default=0, metavar="SECONDS",
              help="Wait up to this long for the worker to send them; then report, and exit 1 on a failure.")
def send_reminders_command(today: datetime | None, wait_seconds: int) -> None:
    """Queue an e-mail to every school whose deadline is 7 days or 1 day away and that has not sent its analysis;
    the worker (`flask --app wsgi worker`) sends them.

    Meant for cron or a systemd timer, e.g. daily at 09:00: `flask --app wsgi send-reminders`.
    With --wait, exits with status 1 when a message could not be delivered (each failure is printed; all are
    recorded and shown to the departments).
    """
    import time

    from .blueprints.units.queries import today as local_today

    day = today.date() if today else local_today()
    if not current_app.config.get("PUBLIC_URL"):  # no request to take the host from: the links would lead nowhere
        click.echo("warning: PUBLIC_URL is not set, so the links in the messages read http://localhost/…; set it "
                   "to the address schools open (e.g. https://adal.example.kz).", err=True)
    job = queue_deadline_reminders(day)
    if job is None:
        click.echo(f"{day}: no school is due a reminder.")
        return
    click.echo(f"{day}: messages to {job.total} schools queued as job {job.id}.")
    if not wait_seconds:
        return
    until = time.monotonic() + wait_seconds
    while not job.finished and time.monotonic() < until:
        time.sleep(0.5)
        db.session.refresh(job)
    if not job.finished:
        click.echo(f"job {job.id}: {job.done} of {job.total} schools after {wait_seconds} s; is a worker running?",
                   err=True)
        raise SystemExit(2)
    for code, error in job.failures:
        click.echo(f"failed: {code} {error}", err=True)
    click.echo(f"{day}: {job.done} schools done, {len(job.failures)} messages failed.")
    if job.failures:
        raise SystemExit(1)


# --- What the department sees ------------------------------------------------------------------------

def messages_by_school(schools, period: Period) -> dict[int, list[SentMessage]]:
    """school id -> its messages about `period`, newest first (one query). `schools`: an SQL condition on
    OrgUnit selecting the schools (the dashboard's scope)."""
    stmt = (select(SentMessage).join(OrgUnit, OrgUnit.id == SentMessage.school_id)
            .where(SentMessage.period_id == period.id, schools)
            .order_by(SentMessage.sent_at.desc(), SentMessage.id.desc()))
    result: dict[int, list[SentMessage]] = {}
    for message in db.session.scalars(stmt):
        result.setdefault(message.school_id, []).append(message)
    return result
