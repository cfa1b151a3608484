"""The analytical certificate: assembled once as plain data, rendered as print HTML, PDF and DOCX."""

from .assemble import Certificate, assemble  # noqa: F401
