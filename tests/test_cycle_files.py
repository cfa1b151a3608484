"""Evidence files behind one small interface: the local store under instance/files/ (the default) for real,
and the S3-compatible store through boto3 against a real S3 HTTP server (moto's server mode)."""

from __future__ import annotations

import io
import socket
from pathlib import Path

import pytest
from sqlalchemy import select
from test_cycle_plan import PDF, STAFF, approve_plan, make_analysis, measure_id

from webapp.blueprints.cycle import files
from webapp.blueprints.cycle.models import MeasureReport, StoredFile
from webapp.extensions import db


@pytest.fixture
def approved(app, as_user):
    """rudny-7's accepted 2025-H2 analysis with its plan approved; the school's client."""
    with app.app_context():
        make_analysis()
    return approve_plan(as_user)

def upload(app, client, name: str = "хаттама.pdf", content: bytes = PDF) -> StoredFile:
    """A quarterly report marked done with an evidence file, through the page; the stored file's row."""
    mid = measure_id(app)
    response = client.post(f"{STAFF}followup/{mid}?quarter=2026-Q1", content_type="multipart/form-data",
                           data={f"m{mid}-state": "done", f"m{mid}-file": (io.BytesIO(content), name)})
    assert response.status_code == 303
    with app.app_context():
        file_id = db.session.scalars(select(MeasureReport.file_id)).one()
        stored = db.session.get(StoredFile, file_id)
        db.session.expunge(stored)
        return stored


def test_by_default_files_live_under_the_instance_folder(app, approved):
    stored = upload(app, approved)
    on_disk = Path(app.instance_path) / "files" / stored.key[:2] / stored.key
    assert on_disk.read_bytes() == PDF and stored.filename == "хаттама.pdf" and stored.size == len(PDF)
    assert approved.get(f"/schools/rudny-7/files/{stored.id}").data == PDF
    with app.app_context():
        store = files.store()
        assert isinstance(store, files.LocalStore)
        store.delete(stored.key)
    assert not on_disk.exists()
    for bad in ("../../etc/passwd", "a/b", ""):
        with pytest.raises(ValueError):
            files.LocalStore(Path(app.instance_path)).load(bad)


def test_an_unknown_storage_is_refused_clearly(app):
    app.config["FILE_STORAGE"] = "ftp"
    with app.app_context(), pytest.raises(RuntimeError, match="FILE_STORAGE"):
        files.store()


@pytest.fixture
def s3_server(monkeypatch):
    """A real S3-compatible HTTP server on a free local port (moto's server mode), with one bucket."""
    server_module = pytest.importorskip("moto.server", reason="moto[server] provides the S3 test server")
    boto3 = pytest.importorskip("boto3")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = server_module.ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    for name, value in (("AWS_ACCESS_KEY_ID", "adal-test"), ("AWS_SECRET_ACCESS_KEY", "adal-test-secret"),
                        ("AWS_DEFAULT_REGION", "us-east-1")):
        monkeypatch.setenv(name, value)
    endpoint = f"http://127.0.0.1:{port}"
    client = boto3.client("s3", endpoint_url=endpoint)
    client.create_bucket(Bucket="adal-evidence")
    yield endpoint, client
    server.stop()


def test_files_go_to_an_s3_compatible_store_when_configured(app, approved, as_user, s3_server):
    endpoint, s3 = s3_server
    app.config.update(FILE_STORAGE="s3", FILE_S3_BUCKET="adal-evidence", FILE_S3_ENDPOINT_URL=endpoint,
                      FILE_S3_PREFIX="rudny/")
    stored = upload(app, approved, name="scan.png", content=b"\x89PNG\r\n\x1a\nrest of the image")
    kept = s3.get_object(Bucket="adal-evidence", Key=f"rudny/{stored.key}")["Body"].read()
    assert kept == b"\x89PNG\r\n\x1a\nrest of the image"
    assert not (Path(app.instance_path) / "files").exists()  # nothing written locally
    # Served through the app to those who see the school, never by a public bucket URL.
    download = as_user("rudny").get(f"/schools/rudny-7/files/{stored.id}")
    assert download.status_code == 200 and download.data == kept
    assert download.headers["Content-Type"] == "image/png"
    assert as_user("lisakovsk").get(f"/schools/rudny-7/files/{stored.id}").status_code == 404
    with app.app_context():
        store = files.store()
        assert isinstance(store, files.S3Store) and files.store() is store  # built once per app
        store.delete(stored.key)
    assert s3.list_objects_v2(Bucket="adal-evidence").get("KeyCount") == 0
