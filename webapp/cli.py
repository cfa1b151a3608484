"""Command-line tools: `flask --app wsgi load-demo`, `flask --app wsgi create-user`."""

import click
from flask import g
from flask.cli import with_appcontext

from .extensions import db
from .models import OrgUnit, Role, User


def register_commands(app) -> None:
    app.cli.add_command(load_demo_command)
    app.cli.add_command(create_user_command)


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
    if len(password) < 8:
        raise click.BadParameter("at least 8 characters", param_hint="--password")
    username = username.strip().lower()
    if db.session.scalar(db.select(User.id).filter_by(username=username)):
        raise click.ClickException(f"user {username!r} already exists")
    g.audit_actor = "create-user"
    user = User(username=username, role=role, org_unit=unit, full_name=full_name)
    user.set_password(password)
    db.session.add(user)
    db.session.commit()
    click.echo(f"Created {role.value} account {username!r}.")
