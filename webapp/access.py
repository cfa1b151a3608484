"""Who may see what: roles, and org units outside a user's subtree answering 404."""

from functools import wraps

from flask import abort
from flask_login import current_user, login_required

from .extensions import db
from .models import OrgUnit, Role


def roles_required(*roles: Role):
    """Allow only these roles; the others get 404, as if the page did not exist."""

    def decorator(view):
        @wraps(view)
        @login_required
        def wrapped(*args, **kwargs):
            if current_user.role not in roles:
                abort(404)
            return view(*args, **kwargs)

        return wrapped

    return decorator


def visible_unit_or_404(code: str) -> OrgUnit:
    """The unit with this code if the current user's subtree holds it; 404 otherwise (no hint it exists)."""
    unit = db.session.execute(db.select(OrgUnit).filter_by(code=code)).scalar_one_or_none()
    if unit is None or not current_user.can_see(unit):
        abort(404)
    return unit
