"""Crawl locks: one crawl per source at a time, across processes, freed when a process dies.

A lock is an ``fcntl.flock`` on a file in ``<archive>.locks/`` beside the archive
(``data/archive.db`` → ``data/archive.db.locks/rp-duesseldorf.lock``). The kernel drops it
when the holder exits for any reason, including ``kill -9``, so a crashed crawl never leaves
a source locked.
"""

import fcntl
import os
from contextlib import contextmanager
from pathlib import Path


class LockHeld(RuntimeError):
    """Another process holds the lock."""


def lock_dir(db_path: str | Path) -> Path:
    """The directory holding the lock files of the archive at ``db_path``."""
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + ".locks")


@contextmanager
def hold_lock(db_path: str | Path, name: str, wait: bool = False):
    """Hold the lock ``name`` (a source id, ``scheduler``, ``schema``) of the archive.

    Without ``wait``, raises :class:`LockHeld` at once when another process holds it; with
    it, waits until the holder lets go. The lock file records the holder's pid, for operators
    wondering who holds it.
    """
    directory = lock_dir(db_path)
    directory.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(directory / f"{name}.lock", os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise LockHeld(f"{name} is locked by another process ({_holder(descriptor)})") from None
        os.ftruncate(descriptor, 0)
        os.write(descriptor, f"{os.getpid()}\n".encode())
        yield
    finally:
        # Closing the descriptor releases the lock.
        os.close(descriptor)


def enable_wal(db) -> None:
    """Switch ``db`` to WAL mode while no other process does.

    Two processes switching a new file at once each hold a read lock while asking for the
    write lock; SQLite refuses one of them at once ("database is locked") instead of waiting,
    as waiting would deadlock, so the busy timeout does not help. Switched one at a time, a
    waiting process finds the file in WAL mode when its turn comes. The mode is read under the
    lock too: read beside another process's switch, it left a process's next write refused at
    once now and then, on a machine under load.
    """
    path = _file_of(db)
    if not path:  # an in-memory database has no journal file to share
        db.enable_wal()
        return
    with hold_lock(path, f"migrate-{Path(path).name}", wait=True):
        db.enable_wal()


def apply_migrations(db, migrations) -> None:
    """Apply ``migrations`` (sqlite-utils) to ``db`` while no other process does.

    Crawls started together on a new archive would otherwise run the same migrations at once,
    and the second fails ("database is locked", or a column added twice). A waiting process
    finds them applied when its turn comes. Which ones are pending is read under the lock, for
    the reason :func:`enable_wal` gives.
    """
    path = _file_of(db)
    if not path:  # an in-memory database: no other process can see it
        migrations.apply(db)
        return
    with hold_lock(path, f"migrate-{Path(path).name}", wait=True):
        migrations.apply(db)


def _file_of(db) -> str:
    """The file of ``db``'s main database; empty for an in-memory one."""
    return db.execute("pragma database_list").fetchone()[2]


def _holder(descriptor: int) -> str:
    pid = os.pread(descriptor, 32, 0).decode(errors="replace").strip()
    return f"pid {pid}" if pid else "pid unknown"
