"""Write stories into the archive: sources, articles, their versions and crawl runs.

Every function takes an open ``sqlite_utils.Database`` (see :func:`open_archive`) so that
scripts, the crawler and tests use one API. Times are ISO 8601 UTC strings.
"""
import hashlib
import json
import re
from datetime import datetime, timezone
from pathlib import Path
from typing import NamedTuple

from sqlite_utils import Database

from archive.schema import migrate
from archive.search import search_terms

ARTICLE_FIELDS = (
    "title",
    "description",
    "author",
    "published",
    "modified",
    "language",
    "text",
    "tags",
    "image",
    "site_name",
)
RUN_COUNTERS = ("pages_fetched", "articles_new", "articles_updated", "duplicates", "errors")


def open_archive(path: str | Path) -> Database:
    """Open (creating and migrating if needed) the archive at ``path``, in WAL mode."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    db = Database(path)
    # Readers (Datasette) and one writer at a time; a second writer waits instead of failing.
    db.execute("PRAGMA busy_timeout = 30000")
    db.enable_wal()
    migrate(db)
    return db


def utc_now() -> str:
    """The current time as ISO 8601 UTC with seconds, e.g. ``2026-11-23T09:30:00+00:00``."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def content_hash(text: str) -> str:
    """Hash of the text with case and whitespace normalised, so trivial reflows don't count."""
    normalised = " ".join(text.split()).casefold()
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


def word_count(text: str) -> int:
    return len(re.findall(r"\w+", text))


def save_sources(db: Database, sources: list[dict]) -> None:
    """Insert or update the ``sources`` rows (id, name, homepage, region, language)."""
    columns = ("id", "name", "homepage", "region", "language")
    rows = [{column: source.get(column) for column in columns} for source in sources]
    db["sources"].upsert_all(rows, pk="id")


class Stored(NamedTuple):
    """What :func:`store_article` did: ``outcome`` and the row's ``article_id``."""

    outcome: str
    article_id: int


def store_article(db: Database, article: dict, *, source: str, seen_at: str | None = None) -> Stored:
    """Insert or update one extracted article, keyed by its canonical ``url``.

    ``outcome`` says what happened: ``"new"``, ``"duplicate"`` (new row whose text another URL
    already has; linked with ``duplicate_of``), ``"updated"`` (text changed: the previous text
    goes to ``article_versions``) or ``"unchanged"`` (only ``last_seen`` moves).
    """
    seen_at = seen_at or utc_now()
    text = article.get("text") or ""
    digest = content_hash(text)
    values = {field: _column_value(article.get(field)) for field in ARTICLE_FIELDS}
    values.update(content_hash=digest, word_count=word_count(text), last_seen=seen_at)
    values["search_terms"] = search_terms(
        values["title"], values["description"], text, language=values["language"]
    )

    with db.atomic():
        existing = _article_by_url(db, article["url"])
        if existing is None:
            original = _first_copy(db, digest)
            table = db["articles"].insert(
                {
                    "url": article["url"],
                    "source": source,
                    "first_seen": seen_at,
                    "duplicate_of": original,
                    "region": _source_region(db, source),
                    **values,
                }
            )
            return Stored("duplicate" if original else "new", table.last_pk)
        if existing["content_hash"] == digest:
            db["articles"].update(existing["id"], {"last_seen": seen_at})
            return Stored("unchanged", existing["id"])
        db["article_versions"].insert(
            {
                "article_id": existing["id"],
                "fetched_at": existing["last_seen"],
                "content_hash": existing["content_hash"],
                "title": existing["title"],
                "text": existing["text"],
            }
        )
        if not values["modified"] or values["modified"] == existing["modified"]:
            values["modified"] = seen_at
        db["articles"].update(existing["id"], values)
        return Stored("updated", existing["id"])


def start_run(db: Database, source: str, started: str | None = None) -> int:
    """Record the start of a crawl of ``source``; returns the ``crawl_runs`` id."""
    with db.atomic():
        table = db["crawl_runs"].insert(
            {"source": source, "started": started or utc_now(), "status": "running"}
        )
    return table.last_pk


def finish_run(db: Database, run_id: int, status: str, counts: dict[str, int]) -> None:
    """Close a crawl run with its final ``status`` and counters (see ``RUN_COUNTERS``)."""
    values = {name: int(counts.get(name, 0)) for name in RUN_COUNTERS}
    with db.atomic():
        db["crawl_runs"].update(run_id, {"finished": utc_now(), "status": status, **values})


def _article_by_url(db: Database, url: str) -> dict | None:
    rows = list(db["articles"].rows_where("url = ?", [url], limit=1))
    return rows[0] if rows else None


def _first_copy(db: Database, digest: str) -> int | None:
    """The id of the earliest stored article with this exact text, if any."""
    rows = db.execute(
        "select id from articles where content_hash = ? and duplicate_of is null "
        "order by coalesce(published, first_seen), id limit 1",
        [digest],
    ).fetchall()
    return rows[0][0] if rows else None


def _column_value(value):
    # Lists (tags, several authors) are stored as JSON text so SQL can use json_each().
    if isinstance(value, (list, tuple)):
        return json.dumps(list(value), ensure_ascii=False) if value else None
    return value or None


def _source_region(db: Database, source: str) -> str | None:
    rows = db.execute("select region from sources where id = ?", [source]).fetchall()
    return rows[0][0] if rows else None
