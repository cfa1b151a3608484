from .routes import batch_bp, bp  # noqa: F401
from .texts import texts_bp  # noqa: F401
