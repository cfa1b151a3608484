from .routes import bp  # noqa: F401
from .texts import texts_bp  # noqa: F401
