"""Per-URL fetch state (the ``pages`` table): what was fetched, when, with which validators.

Re-crawls read it to send conditional requests and to skip articles that are not due for a
revisit; every failed fetch is a row here with its status and reason. Times: ISO 8601 UTC.
"""

from datetime import datetime, timedelta

from sqlite_utils import Database

from archive.storage.hints import hint_time
from archive.storage.rows import insert_row, row_by_key, transaction, update_row
from archive.storage.store import utc_now

# Revisit an article this long after it was first fetched, then never again (seconds).
DEFAULT_REVISIT_AFTER = (3600, 6 * 3600, 24 * 3600, 7 * 24 * 3600)
# URLs looked up in one query (SQLite before 3.32 takes at most 999 parameters).
LOOKUP_BATCH = 500


def page_state(db: Database, url: str) -> dict | None:
    """The ``pages`` row of ``url``, or ``None`` if it was never fetched."""
    return row_by_key(db, "pages", "url", url)


def record_fetch(
    db: Database,
    url: str,
    *,
    source: str,
    kind: str,
    status: int | None,
    etag: str | None = None,
    last_modified: str | None = None,
    error: str | None = None,
    fetched_at: str | None = None,
    revisit_after=DEFAULT_REVISIT_AFTER,
) -> None:
    """Record one fetch of ``url``: HTTP ``status`` (None when no response came) and validators.

    A 304 keeps the stored validators; an error keeps what was known before and adds ``error``.
    """
    fetched_at = fetched_at or utc_now()
    with transaction(db):
        previous = page_state(db, url)
        values = {"source": source, "status": status, "error": error, "last_fetched": fetched_at}
        if status == 200:
            values.update(etag=etag, last_modified=last_modified)
        if previous is None:
            insert_row(db, "pages", {"url": url, "kind": kind, "first_fetched": fetched_at, "fetch_count": 1, **values})
        else:
            values["fetch_count"] = (previous["fetch_count"] or 0) + 1
            if previous["kind"] != "article":
                values["kind"] = kind
            if previous["content_hash"] is not None:
                values["next_due"] = next_revisit(previous["first_fetched"], fetched_at, revisit_after)
            update_row(db, "pages", "url", url, values)


def record_article_page(
    db: Database, url: str, *, article_id: int, content_hash: str, revisit_after=DEFAULT_REVISIT_AFTER
) -> None:
    """Mark ``url`` as the page of a stored article, and when to look at it again."""
    with transaction(db):
        state = page_state(db, url)
        first = state["first_fetched"] if state else utc_now()
        now = state["last_fetched"] if state else first
        db.execute(
            "insert into pages (url, kind, article_id, content_hash, next_due) values (?, 'article', ?, ?, ?) "
            "on conflict (url) do update set kind = excluded.kind, article_id = excluded.article_id, "
            "content_hash = excluded.content_hash, next_due = excluded.next_due",
            [url, article_id, content_hash, next_revisit(first, now, revisit_after)],
        )


def next_revisit(first_fetched: str, now: str, revisit_after=DEFAULT_REVISIT_AFTER) -> str | None:
    """The first point of the revisit schedule after ``now``; ``None`` once it is used up."""
    start = datetime.fromisoformat(first_fetched)
    current = datetime.fromisoformat(now)
    for seconds in revisit_after:
        due = start + timedelta(seconds=seconds)
        if due > current:
            return due.isoformat()
    return None


def is_due(state: dict, now: str | None = None) -> bool:
    """Whether a stored article page should be fetched again now."""
    return state["next_due"] is not None and state["next_due"] <= (now or utc_now())


def due_pages(db: Database, source: str, now: str | None = None) -> list[str]:
    """URLs of ``source``'s stored articles whose revisit is due: a re-crawl asks for them
    even when no hub links to them any more."""
    rows = db.execute(
        "select url from pages where source = ? and content_hash is not null "
        "and next_due is not null and next_due <= ? order by next_due",
        [source, now or utc_now()],
    ).fetchall()
    return [row[0] for row in rows]


def touch_article(db: Database, article_id: int, seen_at: str | None = None) -> None:
    """A conditional request said "not modified": the article was seen, nothing else changed."""
    with transaction(db):
        update_row(db, "articles", "id", article_id, {"last_seen": seen_at or utc_now(), "removed_at": None})


def mark_removed(db: Database, article_id: int, removed_at: str | None = None) -> bool:
    """The source no longer has the article: its row stays, with when that was first seen.
    Returns whether it was online until now."""
    with transaction(db):
        cursor = db.execute(
            "update articles set removed_at = ? where id = ? and removed_at is null",
            [removed_at or utc_now(), article_id],
        )
        return cursor.rowcount == 1


def failed_pages(db: Database, source: str, since: str) -> int:
    """How many pages of ``source`` fetched since ``since`` ended in an error."""
    return db.execute(
        "select count(*) from pages where source = ? and last_fetched >= ? and (status is null or status >= 400)",
        [source, since],
    ).fetchone()[0]


def last_run_completed(db: Database, source: str) -> bool:
    """Whether the latest crawl of ``source`` finished normally (or there was none).

    After a crawl that was killed or stopped by its page budget, hubs are fetched in full again:
    a 304 would hide links that the interrupted crawl never got to follow.
    """
    row = db.execute(
        "select status from crawl_runs where source = ? and status != 'locked' order by id desc limit 1",
        [source],
    ).fetchone()
    return row is None or row[0] == "ok"


def listing_hints(db: Database, urls: list[str]) -> dict[str, str]:
    """Change hints from where a listing puts stored articles: ``url → ISO 8601 time``.

    Section fronts, topic pages and the home page list stories newest first, and move an edited
    story back up. A stored article listed above another stored article published after the
    first was last fetched has been moved up since then: its hint is that later publication
    time. ``urls`` are the listing's links in page order; unknown pages give no hint.
    """
    known: dict[str, tuple] = {}
    for start in range(0, len(urls), LOOKUP_BATCH):
        batch = urls[start : start + LOOKUP_BATCH]
        rows = db.execute(
            "select pages.url, pages.last_fetched, articles.published from pages "
            "join articles on articles.id = pages.article_id "
            f"where pages.url in ({', '.join('?' * len(batch))})",
            batch,
        ).fetchall()
        known.update((url, (hint_time(fetched), hint_time(published))) for url, fetched, published in rows)
    hints: dict[str, str] = {}
    newest_below = None
    for url in reversed(urls):
        if url not in known:
            continue
        fetched, published = known[url]
        if newest_below is not None and fetched is not None and newest_below > fetched:
            hints[url] = newest_below.isoformat()
        if published is not None and (newest_below is None or published > newest_below):
            newest_below = published
    return hints
