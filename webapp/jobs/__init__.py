"""Background jobs: work too long for a request (a city's or region's certificates, pre-rendering) runs in a
worker process, fed through a Huey task queue.

Huey was chosen because one library covers both deployments: its SQLite storage needs nothing beyond a file
in `instance/` (so `make run` works on a fresh machine), and its Redis storage lets several app servers and
workers share one queue (`TASK_QUEUE_URL=redis://…`). The queue only carries "run job N"; what a job is, how
far it got and its result live in the app's own database (`Job`), so any app server can show and serve it.

Run the worker with `flask --app wsgi worker` (`make run` starts one beside the development server).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from flask import Flask, current_app
from huey import RedisHuey, SqliteHuey, crontab
from huey.api import Huey

from ..config import create_private_sqlite_file

log = logging.getLogger(__name__)

# name → function(*args), run inside an application context by the worker. Filled by @background_task.
TASKS: dict[str, Callable] = {}


def background_task(function: Callable) -> Callable:
    """Register `function` as a task the worker can run (`enqueue(function.__name__, *args)`)."""
    TASKS[function.__name__] = function
    return function


def make_queue(app: Flask) -> Huey:
    """The app's Huey: Redis when `TASK_QUEUE_URL` is a redis:// URL, else SQLite at `instance/tasks.sqlite`.

    Raises ValueError for a URL of another kind.
    """
    url = app.config.get("TASK_QUEUE_URL") or ""
    name = app.config.get("TASK_QUEUE_NAME", "adal")
    if url.startswith(("redis://", "rediss://", "unix://")):
        return RedisHuey(name, url=url, results=False)
    if url and not url.startswith("sqlite:///"):
        raise ValueError(f"TASK_QUEUE_URL must be redis://… or sqlite:///…, not {url!r}")
    filename = url.removeprefix("sqlite:///") if url else str(Path(app.instance_path) / "tasks.sqlite")
    create_private_sqlite_file(f"sqlite:///{filename}")  # queued jobs name schools and accounts: owner only
    return SqliteHuey(name, filename=filename, results=False)


def init_app(app: Flask) -> None:
    """Bind a queue to the app and wrap every registered task so the worker runs it in an app context."""
    huey = make_queue(app)
    wrappers = {}
    for name, function in TASKS.items():
        wrappers[name] = huey.task(name=name)(_in_app_context(app, function))
    huey.periodic_task(crontab(), name="sweep_stalled_jobs")(_in_app_context(app, _sweep))
    app.extensions["huey"] = huey
    app.extensions["huey_tasks"] = wrappers


def _in_app_context(app: Flask, function: Callable) -> Callable:
    def run(*args):
        with app.app_context():
            return function(*args)

    run.__name__ = function.__name__
    return run


def _sweep() -> None:
    from .models import sweep_stalled_jobs

    if swept := sweep_stalled_jobs():
        log.warning("%s running jobs had made no progress for too long: marked failed", swept)


def enqueue(name: str, *args) -> None:
    """Queue task `name` with `args` for the worker (call after the commit that the task reads)."""
    current_app.extensions["huey_tasks"][name](*args)


def make_consumer(app: Flask, workers: int = 1):
    """A Huey consumer for `app`'s queue with `workers` threads (WeasyPrint runs in them; 1 suits 2 cores).

    Jobs left running by a worker that died are swept first, and again every minute."""
    with app.app_context():
        _sweep()
    return app.extensions["huey"].create_consumer(
        workers=workers, worker_type="thread", periodic=True, initial_delay=0.1, max_delay=1.0,
        check_worker_health=True,
    )
