"""Every blueprint of the app, registered in one place."""

from importlib import import_module

# The report sections, in certificate order. A new section is a new package listed here.
SECTION_PACKAGES = [
    "general", "acts", "services", "personnel", "procurement", "digital", "appeals", "transparency",
    "monitoring", "control", "courts", "inspections", "fiscal", "interactions", "media", "conclusion",
    "positions",
]


def register_blueprints(app) -> None:
    from . import admin, auth, certificates, cycle, dashboard, jobs, submissions, units

    app.register_blueprint(auth.bp)
    app.register_blueprint(units.bp)
    app.register_blueprint(admin.bp)
    app.register_blueprint(submissions.bp)
    app.register_blueprint(certificates.bp)
    app.register_blueprint(certificates.texts_bp)
    app.register_blueprint(certificates.batch_bp)
    app.register_blueprint(dashboard.bp)
    app.register_blueprint(jobs.bp)
    app.register_blueprint(cycle.bp)
    app.register_blueprint(cycle.public_bp)
    for name in SECTION_PACKAGES:
        app.register_blueprint(import_module(f"{__name__}.{name}").bp)
