"""Derived data kept between runs, so that each crawl does not rebuild it from a library's files.

A cached file is named after everything it is derived from (library versions, constants); a
file that is missing, unreadable or not what its reader expects is rebuilt, and a cache
directory that cannot be written only means the value is rebuilt next time. The directory is
``$NEWSARCHIVE_CACHE_DIR``, else ``$XDG_CACHE_HOME/newsarchive``, else ``~/.cache/newsarchive``.
"""

import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO


def cache_dir() -> Path:
    if configured := os.environ.get("NEWSARCHIVE_CACHE_DIR"):
        return Path(configured)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "newsarchive"


def cached_json(name: str, build: Callable[[], object], valid: Callable[[object], bool] = lambda value: True):
    """The JSON value cached under ``name``, or ``build()``'s, which is then cached (when it can be)."""
    path = cache_dir() / name
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
        if valid(value):
            return value
    except (OSError, ValueError):
        pass
    value = build()
    _write_whole(path, lambda file: file.write(json.dumps(value, ensure_ascii=False).encode("utf-8")))
    return value


def cached_file(name: str, write: Callable[[BinaryIO], None]) -> Path | None:
    """The path of the file cached under ``name``, which ``write(file)`` fills when it is missing;
    None when the cache cannot be written. Its reader rebuilds it (:func:`forget`) when it
    finds it broken."""
    path = cache_dir() / name
    if path.is_file() or _write_whole(path, write):
        return path
    return None


def forget(name: str) -> None:
    """Remove the file cached under ``name``, if any (it is rebuilt on its next use)."""
    try:
        (cache_dir() / name).unlink(missing_ok=True)
    except OSError:
        pass


def _write_whole(path: Path, write: Callable[[BinaryIO], None]) -> bool:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Written whole, then renamed: crawls starting together never read half a file.
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, suffix=".tmp", delete=False) as file:
            try:
                write(file)
            except BaseException:
                os.unlink(file.name)
                raise
        os.replace(file.name, path)
        return True
    except OSError:
        return False
