"""Every blueprint of the app, registered in one place."""


def register_blueprints(app) -> None:
    from . import admin, auth, units

    app.register_blueprint(auth.bp)
    app.register_blueprint(units.bp)
    app.register_blueprint(admin.bp)
