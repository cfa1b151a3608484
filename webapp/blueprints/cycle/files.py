"""Evidence files and attachments: checked (size, type by content, not by name), stored behind one small
interface, and served only as downloads to those allowed to see the school.

The store is chosen by configuration (`FILE_STORAGE`): `LocalStore` keeps the bytes under instance/files/ (the
default); `S3Store` keeps them in an S3-compatible bucket through boto3 (`FILE_S3_BUCKET`, `FILE_S3_ENDPOINT_URL`,
`FILE_S3_REGION`, `FILE_S3_PREFIX`). Tests or a deployment may also put any object with the same three methods
in `FILE_STORE`.
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
        return self.root / checked_key(key)[:2] / key

    def save(self, key: str, content: bytes) -> None:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)

    def load(self, key: str) -> bytes:
        return self._path(key).read_bytes()

    def delete(self, key: str) -> None:
        self._path(key).unlink(missing_ok=True)


def checked_key(key: str) -> str:
    """Keys are random hex (new_key); anything else never reaches a store."""
    if not key.isalnum():
        raise ValueError("bad file key")
    return key


class S3Store:
    """Files as objects of an S3-compatible bucket, one per key under `prefix` (boto3, imported only here)."""

    def __init__(self, bucket: str, prefix: str = "", client=None, **client_options):
        if client is None:
            import boto3

            client = boto3.client("s3", **{k: v for k, v in client_options.items() if v is not None})
        self.client, self.bucket, self.prefix = client, bucket, prefix

    def _key(self, key: str) -> str:
        return self.prefix + checked_key(key)

    def save(self, key: str, content: bytes) -> None:
        self.client.put_object(Bucket=self.bucket, Key=self._key(key), Body=content,
                               ContentType="application/octet-stream")

    def load(self, key: str) -> bytes:
        return self.client.get_object(Bucket=self.bucket, Key=self._key(key))["Body"].read()

    def delete(self, key: str) -> None:
        self.client.delete_object(Bucket=self.bucket, Key=self._key(key))


def store() -> FileStore:
    """The configured store: FILE_STORE if given, else the one FILE_STORAGE names ("local" or "s3"), built once
    per app (a boto3 client is costly to build and safe to share between threads)."""
    app = current_app
    configured = app.config.get("FILE_STORE")
    if configured is not None:
        return configured
    kind = app.config.get("FILE_STORAGE") or "local"
    cached = app.extensions.get("adal_file_store")
    if cached is not None and cached[0] == kind:
        return cached[1]
    if kind == "s3":
        if not app.config.get("FILE_S3_BUCKET"):
            raise RuntimeError("FILE_STORAGE = 's3' needs FILE_S3_BUCKET")
        built = S3Store(app.config["FILE_S3_BUCKET"], app.config.get("FILE_S3_PREFIX") or "",
                        endpoint_url=app.config.get("FILE_S3_ENDPOINT_URL"),
                        region_name=app.config.get("FILE_S3_REGION"))
    elif kind == "local":
        built = LocalStore(Path(app.instance_path) / "files")
    else:
        raise RuntimeError(f"unknown FILE_STORAGE {kind!r} (local or s3)")
    app.extensions["adal_file_store"] = (kind, built)
    return built


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
        except Exception:  # noqa: BLE001 — untrusted bytes: any archive zipfile cannot read is not a DOCX
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
