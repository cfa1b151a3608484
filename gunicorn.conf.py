"""gunicorn's settings, read from the project folder when it starts (`gunicorn wsgi:app`)."""

import gc


def post_worker_init(worker):
    """Once the app is loaded, move its long-lived objects (modules, templates, the SQLAlchemy mappers) out of the
    garbage collector's sight: the full collections a large page triggers then walk only what that request made."""
    gc.freeze()
