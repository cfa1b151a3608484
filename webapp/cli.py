"""Command-line tools: `flask --app wsgi load-demo`, `create-user`, `certificate`, `compare`, `rebuild-figures`,
`worker`, `submission export|import`."""

import os
from pathlib import Path

import click
from flask import current_app, g
from flask.cli import with_appcontext

from .certificate import render
from .certificate.render import certificate_file, write_zip
from .extensions import db, refresh_planner_statistics
from .models import OrgKind, OrgUnit, Period, Role, User


def register_commands(app) -> None:
    app.cli.add_command(load_demo_command)
    app.cli.add_command(create_user_command)
    app.cli.add_command(certificate_command)
    app.cli.add_command(compare_command)
    app.cli.add_command(rebuild_figures_command)
    app.cli.add_command(worker_command)
    app.cli.add_command(audit_group)
    app.cli.add_command(backup_command)
    app.cli.add_command(restore_command)
    app.cli.add_command(submission_group)


@click.command("load-demo")
@with_appcontext
@click.option("--if-empty", is_flag=True, help="Do nothing when the database already holds org units.")
def load_demo_command(if_empty: bool) -> None:
    """Load (or refresh) the demo region, departments, schools, periods, accounts and half-year analyses."""
    from .demo import DEMO_PASSWORD, load_demo

    if if_empty and db.session.scalar(db.select(OrgUnit.id).limit(1)) is not None:
        click.echo("The database already has data; demo data not loaded.")
        return
    g.audit_actor = "load-demo"
    accounts = load_demo()
    db.session.commit()
    refresh_planner_statistics()
    click.echo(f"Demo data loaded. Every demo account has the password {DEMO_PASSWORD!r}:")
    for user in accounts:
        where = user.org_unit.name_kk if user.org_unit else "—"
        click.echo(f"  {user.username:<14} {user.role.value:<11} {where}")


@click.command("create-user")
@with_appcontext
@click.argument("username")
@click.option("--role", type=click.Choice([r.value for r in Role]), required=True)
@click.option("--unit", "unit_code", help="Code of the org unit (region or department for 'department', "
                                          "a school for 'school'; none for 'admin').")
@click.option("--full-name", default="")
@click.password_option(help="Asked for when not given.")
def create_user_command(username: str, role: str, unit_code: str | None, full_name: str, password: str) -> None:
    """Create an account for a real deployment."""
    role = Role(role)
    unit = None
    if unit_code:
        unit = db.session.execute(db.select(OrgUnit).filter_by(code=unit_code)).scalar_one_or_none()
        if unit is None:
            raise click.BadParameter(f"no org unit with code {unit_code!r}", param_hint="--unit")
    if not role.accepts(unit):
        raise click.BadParameter("an admin has no unit; a department account needs a region or department; "
                                 "a school account needs a school", param_hint="--unit")
    from flask_babel import force_locale

    from .passwords import password_problem

    username = username.strip().lower()
    problem = password_problem(password, user_inputs=(username, full_name))
    if problem:
        with current_app.test_request_context(), force_locale("en"):  # the command speaks English
            raise click.BadParameter(str(problem), param_hint="--password")
    if db.session.scalar(db.select(User.id).filter_by(username=username)):
        raise click.ClickException(f"user {username!r} already exists")
    g.audit_actor = "create-user"
    user = User(username=username, role=role, org_unit=unit, full_name=full_name)
    user.set_password(password)
    db.session.add(user)
    db.session.commit()
    click.echo(f"Created {role.value} account {username!r}.")


CERTIFICATE_FORMATS = render.FORMATS


def _certificate_span(from_code: str | None, to_code: str | None) -> list[Period]:
    """The consecutive half-years asked for: `--to` defaults to `--from`; `--from` alone to the academic year
    ending with `--to` (2024-H2 + 2025-H1 for `--to 2025-H1`)."""
    from .certificate.span import academic_year_span

    periods = db.session.scalars(db.select(Period).order_by(Period.year, Period.half)).all()
    by_code = {p.code: p for p in periods}
    known = ", ".join(by_code) or "none"
    if not from_code and not to_code:
        raise click.BadParameter("give the half-year(s): --from, --to or both (e.g. --to 2025-H1)",
                                 param_hint="'--from' / '--to'")
    for code, hint in ((from_code, "--from"), (to_code, "--to")):
        if code and code not in by_code:
            raise click.BadParameter(f"no half-year {code!r} (known: {known})", param_hint=f"'{hint}'")
    if not to_code:
        return [by_code[from_code]]
    last = by_code[to_code]
    if not from_code:
        return academic_year_span(periods, last)
    first = by_code[from_code]
    if (first.year, first.half) > (last.year, last.half):
        raise click.BadParameter(f"{from_code} comes after --to {to_code}", param_hint="'--from'")
    return [p for p in periods if (first.year, first.half) <= (p.year, p.half) <= (last.year, last.half)]


def _unit(code: str, hint: str) -> OrgUnit:
    unit = db.session.execute(db.select(OrgUnit).filter_by(code=code)).scalar_one_or_none()
    if unit is None:
        raise click.BadParameter(f"no org unit with code {code!r}", param_hint=hint)
    return unit


@click.command("certificate")
@with_appcontext
@click.argument("school_code", required=False, metavar="[SCHOOL_CODE]")
@click.option("--org", "org_code", help="Write the certificate of every school under this org unit (batch).")
@click.option("--from", "from_code", metavar="HALF_YEAR", help="First half-year of the span, e.g. 2024-H2.")
@click.option("--to", "to_code", metavar="HALF_YEAR",
              help="Last half-year of the span (default: --from; given alone: the academic year ending with it).")
@click.option("--lang", type=click.Choice(["kk", "ru"]), default="kk", show_default=True)
@click.option("--format", "kind", type=click.Choice(CERTIFICATE_FORMATS),
              help="Default: from the output file's extension, else pdf.")
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="The file (one school), or a folder or a .zip (--org). Default: the download's name here.")
def certificate_command(school_code: str | None, org_code: str | None, from_code: str | None, to_code: str | None,
                        lang: str, kind: str | None, output: Path | None) -> None:
    """Write the analytical certificate of SCHOOL_CODE, or of every school under --org, as html, pdf or docx.

    \b
    flask --app wsgi certificate rudny-7 --from 2024-H2 --to 2025-H1 --lang kk --format pdf -o rudny-7.pdf
    flask --app wsgi certificate --org rudny --to 2025-H1 --format pdf -o rudny.zip
    """
    if school_code and org_code:
        raise click.BadParameter("give either SCHOOL_CODE or --org, not both", param_hint="'--org'")
    if not school_code and not org_code:
        raise click.BadParameter("give a SCHOOL_CODE or --org ORG_CODE", param_hint="SCHOOL_CODE")
    if kind is None:
        suffix = output.suffix.lower().lstrip(".") if output and school_code else ""
        kind = suffix if suffix in CERTIFICATE_FORMATS else "pdf"

    if school_code:
        school = _unit(school_code, "SCHOOL_CODE")
        if school.kind is not OrgKind.SCHOOL:
            raise click.BadParameter(f"{school_code!r} is a {school.kind.value}, not a school; "
                                     "use --org for every school under it", param_hint="SCHOOL_CODE")
        span = _certificate_span(from_code, to_code)
        with current_app.test_request_context():  # url_for and render_template need a request
            name, content, draft = certificate_file(school, span, lang, kind)
        path = output or Path(name)
        if path.is_dir():
            path = path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        click.echo(f"{path}{' (draft)' if draft else ''}")
        return

    org = _unit(org_code, "'--org'")
    schools = db.session.scalars(
        db.select(OrgUnit).where(OrgUnit.kind == OrgKind.SCHOOL, OrgUnit.path.startswith(org.path, autoescape=True))
        .order_by(OrgUnit.code)
    ).all()
    if not schools:
        raise click.BadParameter(f"no schools under {org_code!r}", param_hint="'--org'")
    span = _certificate_span(from_code, to_code)
    span_code = span[0].code if len(span) == 1 else f"{span[0].code}_{span[-1].code}"
    target = output or Path(f"{org.code}_{span_code}_{lang}")
    as_zip = target.suffix.lower() == ".zip"
    if not as_zip and target.exists() and not target.is_dir():
        raise click.BadParameter(f"{target} is a file; give a folder or a .zip", param_hint="'-o'")
    drafts = 0
    with current_app.test_request_context():
        if as_zip:
            target.parent.mkdir(parents=True, exist_ok=True)
            partial = target.with_name(f".{target.name}.{os.getpid()}.part")
            try:
                for name, draft in write_zip(schools, span, lang, kind, partial):
                    drafts += draft
                    click.echo(f"{target}:{name}{' (draft)' if draft else ''}")
                os.replace(partial, target)  # a half-written archive never takes the final name
            finally:
                if os.path.exists(partial):
                    os.remove(partial)
        else:
            target.mkdir(parents=True, exist_ok=True)
            for school in schools:
                name, content, draft = certificate_file(school, span, lang, kind)
                (target / name).write_bytes(content)
                drafts += draft
                click.echo(f"{target / name}{' (draft)' if draft else ''}")
    click.echo(f"{len(schools)} certificates written to {target} ({drafts} still drafts).")


@click.command("compare")
@with_appcontext
@click.option("--org", "org_code", required=True, help="Code of a department or region: one row per school under it.")
@click.option("--period", "period_code", required=True, metavar="HALF_YEAR", help="e.g. 2025-H1")
@click.option("--format", "file_format", type=click.Choice(["csv", "excel.csv", "xlsx"]), default="csv",
              show_default=True,
              help="csv: RFC 4180 for programs; excel.csv: semicolons and decimal comma for a Kazakh/Russian Excel.")
@click.option("--lang", type=click.Choice(["kk", "ru"]), default="kk", show_default=True,
              help="Language of the headers.")
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True)
def compare_command(org_code: str, period_code: str, file_format: str, lang: str, output: Path) -> None:
    """Write the dashboard's comparison of schools (code, name, status, every indicator, flags) to a file."""
    from flask_babel import force_locale

    from .blueprints.dashboard.comparison import compare
    from .blueprints.dashboard.exports import comparison_sheet, render_sheet
    from .i18n import FORMAT_LOCALES

    org = _unit(org_code, "'--org'")
    if org.kind is OrgKind.SCHOOL:
        raise click.BadParameter(f"{org_code!r} is a school; give its department or region", param_hint="'--org'")
    period = db.session.execute(db.select(Period).filter_by(code=period_code)).scalar_one_or_none()
    if period is None:
        raise click.BadParameter(f"no half-year {period_code!r}", param_hint="'--period'")
    with current_app.test_request_context(), force_locale(FORMAT_LOCALES[lang]):
        comparison = compare(org, period, lang)
        content = render_sheet(comparison_sheet(comparison), file_format)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_bytes(content)
    click.echo(f"{output}: {len(comparison.rows)} schools")


@click.command("rebuild-figures")
@with_appcontext
def rebuild_figures_command() -> None:
    """Recompute every submission's dashboard figures (after a bulk import or an upgrade)."""
    from .reporting.figures import rebuild_figures

    count = rebuild_figures()
    db.session.commit()
    refresh_planner_statistics()
    click.echo(f"Figures rebuilt for {count} submissions.")


@click.command("worker")
@with_appcontext
@click.option("--workers", default=1, show_default=True, help="Jobs run at once (threads).")
def worker_command(workers: int) -> None:
    """Run the background jobs (certificate zips, pre-rendering) until stopped with Ctrl+C or SIGTERM."""
    import logging

    from .jobs import make_consumer

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    make_consumer(current_app._get_current_object(), workers=workers).run()


@click.group("audit")
def audit_group() -> None:
    """The audit log."""


@audit_group.command("verify")
@with_appcontext
def audit_verify_command() -> None:
    """Check the audit log's hash chain; name the first broken link and exit 1 if any event was altered,
    deleted or reordered."""
    from sqlalchemy.exc import DBAPIError

    from .audit import verify_chain

    try:
        checked, problem = verify_chain(db.session)
    except DBAPIError:  # no audit tables: a database never migrated, or not Adal's
        click.echo("No audit log in this database: is it Adal's, and migrated (flask --app wsgi db upgrade)?",
                   err=True)
        raise SystemExit(2) from None
    if problem:
        click.echo(f"Audit log BROKEN after {checked} intact events: {problem}", err=True)
        raise SystemExit(1)
    click.echo(f"Audit log intact: {checked} events chained.")


@click.command("backup")
@with_appcontext
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="The backup file (default: instance/backups/adal-<UTC time>.sqlite, or .dump for PostgreSQL).")
def backup_command(output: Path | None) -> None:
    """Back up the whole database while the app keeps serving (SQLite online backup API, or pg_dump)."""
    from .backup import BackupError, backup, default_backup_path

    url = current_app.config["SQLALCHEMY_DATABASE_URI"]
    try:
        path = backup(url, output or default_backup_path(current_app.instance_path, url))
    except BackupError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Backup written to {path} ({path.stat().st_size:,} bytes).")


@click.command("restore")
@with_appcontext
@click.argument("backup_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.confirmation_option(prompt="Replace every table of the database with the backup's content?")
def restore_command(backup_file: Path) -> None:
    """Replace the database's content with BACKUP_FILE (made by `flask backup`). Stop the app servers first."""
    from .backup import BackupError, restore

    try:
        restore(current_app.config["SQLALCHEMY_DATABASE_URI"], backup_file)
    except BackupError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Restored from {backup_file}. Check it with: flask --app wsgi audit verify")


@click.group("submission")
def submission_group() -> None:
    """Export one school's half-year as a JSON document, or import one (docs/submission-format.md)."""


@submission_group.command("export")
@with_appcontext
@click.argument("school_code")
@click.argument("period_code")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="The JSON file (default: standard output).")
def submission_export_command(school_code: str, period_code: str, output: Path | None) -> None:
    """Write SCHOOL_CODE's PERIOD_CODE analysis as JSON.

    \b
    flask --app wsgi submission export rudny-7 2025-H1 -o a.json
    """
    import json

    from .reporting.models import Submission
    from .reporting.transfer import export_submission

    school = _unit(school_code, "'SCHOOL_CODE'")
    period = db.session.execute(db.select(Period).filter_by(code=period_code)).scalar_one_or_none()
    submission = period and db.session.execute(
        db.select(Submission).filter_by(school_id=school.id, period_id=period.id)).scalar_one_or_none()
    if submission is None:
        raise click.BadParameter(f"{school_code} has no analysis for {period_code}", param_hint="'PERIOD_CODE'")
    with current_app.test_request_context():
        text = json.dumps(export_submission(submission), ensure_ascii=False, indent=1)
    if output is None:
        click.echo(text)
    else:
        output.write_text(text + "\n", encoding="utf-8")
        click.echo(f"{output}")


@submission_group.command("import")
@with_appcontext
@click.argument("document", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--school", "school_code", help="Import into this school (default: the document's).")
@click.option("--period", "period_code", help="Import into this half-year (default: the document's).")
def submission_import_command(document: Path, school_code: str | None, period_code: str | None) -> None:
    """Create a school's half-year from a JSON DOCUMENT; every error is listed and nothing written if any.

    \b
    flask --app wsgi submission import a.json --school rudny-8 --period 2025-H1
    """
    import json

    from .reporting.transfer import SubmissionImportError, import_submission, period_note

    school = _unit(school_code, "'--school'") if school_code else None
    period = None
    if period_code:
        period = db.session.execute(db.select(Period).filter_by(code=period_code)).scalar_one_or_none()
        if period is None:
            raise click.BadParameter(f"no half-year {period_code!r}", param_hint="'--period'")
    try:
        content = json.loads(document.read_text(encoding="utf-8-sig"))
    except (ValueError, UnicodeDecodeError, RecursionError) as error:
        raise click.ClickException(f"{document} is not JSON: {error}") from None
    g.audit_actor = "cli:submission-import"
    with current_app.test_request_context():
        try:
            submission = import_submission(content, school, period)
        except SubmissionImportError as error:
            db.session.rollback()
            raise click.ClickException("nothing imported:\n" + "\n".join(f"  {e}" for e in error.errors)) from None
        db.session.commit()
        click.echo(f"imported {submission.school.code} {submission.period.code}")
        note = period_note(content, submission.period)
        if note:
            click.echo(note)
