"""Evidence files and attachments: checked (size, type by content, not by name), stored behind one small
interface, and served only as downloads to those allowed to see the school.

`LocalStore` keeps the bytes under instance/files/ (the default); a deployment may set `FILE_STORE` to any
object with the same three methods, e.g. a thin wrapper over an S3-compatible client.
"""

from __future__ import annotations

import secrets
import zipfile
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import Protocol

from flask import current_app
from flask_babel import gettext as _

MAX_FILE_BYTES = 10 * 1024 * 1024  # 10 MB: a scanned order or a photo of a notice board
ALLOWED = {
    "application/pdf": ".pdf",
    "image/png": ".png",
    "image/jpeg": ".jpg",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
}


class FileStore(Protocol):
    def save(self, key: str, content: bytes) -> None: ...
    def load(self, key: str) -> bytes: ...
    def delete(self, key: str) -> None: ...


class LocalStore:
    """Files in a folder, one per key; keys are random, so no name a user typed ever reaches the disk."""

    def __init__(self, root: Path):
        self.root = Path(root)

    def _path(self, key: str) -> Path:
        if not key.isalnum():
            raise ValueError("bad file key")
        return self.root / key[:2] / key

    def save(self, key: str, content: bytes) -> None:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)

    def load(self, key: str) -> bytes:
        return self._path(key).read_bytes()

    def delete(self, key: str) -> None:
        self._path(key).unlink(missing_ok=True)


def store() -> FileStore:
    """The configured store (FILE_STORE), or files under the instance folder."""
    configured = current_app.config.get("FILE_STORE")
    return configured if configured is not None else LocalStore(Path(current_app.instance_path) / "files")


class FileRejected(ValueError):
    """Why an upload was refused, in the user's language."""


@dataclass
class CheckedFile:
    content: bytes
    content_type: str
    filename: str


def sniff(content: bytes) -> str | None:
    """The file's real type from its first bytes (PDF, PNG, JPEG, DOCX), or None for anything else."""
    if content.startswith(b"%PDF-"):
        return "application/pdf"
    if content.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if content.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if content.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(BytesIO(content)) as archive:
                names = set(archive.namelist())
        except zipfile.BadZipFile:
            return None
        if "word/document.xml" in names and "[Content_Types].xml" in names:
            return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    return None


def check(filename: str | None, content: bytes) -> CheckedFile:
    """Accept a PDF, PNG, JPEG or DOCX of at most MAX_FILE_BYTES; raise FileRejected otherwise.

    The type comes from the content, so «report.pdf» that is really an executable or HTML is refused, and the
    stored name gets the extension of the type found.
    """
    if not content:
        raise FileRejected(_("The file is empty."))
    if len(content) > MAX_FILE_BYTES:
        raise FileRejected(_("The file is larger than 10 MB."))
    content_type = sniff(content)
    if content_type is None:
        raise FileRejected(_("Only PDF, PNG, JPEG and DOCX files are accepted."))
    stem = Path(filename or "file").stem
    safe = "".join(ch for ch in stem if ch.isalnum() or ch in " -_.")[:80].strip() or "file"
    return CheckedFile(content, content_type, safe + ALLOWED[content_type])


def new_key() -> str:
    return secrets.token_hex(20)
