"""Data derived from stored articles, (re)built with the current code after the migrations ran.

Migrations are frozen (see ``archive.storage.schema``), so a migration that needs derived data of the
articles already stored (near-duplicate buckets and signatures, German search terms) only
names it in ``_archive_backfills``. :func:`run_backfills`, called by ``open_archive`` once the
migrations ran, fills it with the code storing an article uses today, so an upgraded archive
holds what a crawl with the current release would have stored.

Each backfill runs in batches of ``BATCH`` articles, one write transaction each, and records
the last article id done: an interrupted backfill resumes where it stopped, readers and
crawls wait for one batch at most, and a second process opening the archive meanwhile works
on the next batch instead of repeating one. Filling an article twice stores the same rows.

Derived data also goes stale without a migration, when the code computing it changes: German
search terms depend on ``archive.indexing.search.ANALYSIS_VERSION``. The version each kind of data was
last built with is kept in ``_archive_derived_versions``; an archive built with an older one
(0.1.0 archives have no such table: version 1) gets that backfill requested on opening.
"""

from collections.abc import Callable

from sqlite_utils import Database

from archive.indexing.dedup import index_article
from archive.storage.rows import transaction
from archive.storage.schema import BACKFILL_NEAR_DUPLICATES, BACKFILL_SEARCH_TERMS, BACKFILLS_TABLE
from archive.indexing.search import ANALYSIS_VERSION, search_terms

DERIVED_VERSIONS_TABLE = "_archive_derived_versions"
# name -> version of the code that computes it; raised when that code computes other values.
DERIVED_VERSIONS = {BACKFILL_SEARCH_TERMS: ANALYSIS_VERSION}

# Articles per transaction: big enough that commits cost little, small enough that a crawl
# writing meanwhile waits well under a second.
BATCH = 200


def _start_near_duplicates(db: Database) -> None:
    # Buckets and signatures of older code would match nothing the current code computes.
    db.execute("delete from article_lsh")
    db.execute("delete from article_minhash")


def _fill_near_duplicates(db: Database, after_id: int) -> int | None:
    rows = db.execute("select id, text from articles where id > ? order by id limit ?", [after_id, BATCH]).fetchall()
    for article_id, text in rows:
        index_article(db, article_id, text or "")
    return rows[-1][0] if rows else None


def _fill_search_terms(db: Database, after_id: int) -> int | None:
    rows = db.execute(
        "select id, title, description, text, language, kicker from articles where id > ? order by id limit ?",
        [after_id, BATCH],
    ).fetchall()
    for article_id, title, description, text, language, kicker in rows:
        terms = search_terms(title, description, text or "", language=language, unindexed=kicker)
        # Only a changed row is written: each write re-indexes the article in the FTS table.
        db.execute(
            "update articles set search_terms = ? where id = ? and search_terms is not ?", [terms, article_id, terms]
        )
    return rows[-1][0] if rows else None


# name -> (what to clear before the first batch, how to fill the batch after an article id)
BACKFILLS: dict[str, tuple[Callable[[Database], None] | None, Callable[[Database, int], int | None]]] = {
    BACKFILL_NEAR_DUPLICATES: (_start_near_duplicates, _fill_near_duplicates),
    BACKFILL_SEARCH_TERMS: (None, _fill_search_terms),
}


def pending_backfills(db: Database) -> list[str]:
    """The derived data still to (re)build, by name."""
    if not db[BACKFILLS_TABLE].exists():
        return []
    return [name for (name,) in db.execute(f"select name from {BACKFILLS_TABLE} order by name").fetchall()]


def request_outdated_backfills(db: Database) -> list[str]:
    """Ask for the backfills whose data older code computed, and record the current versions.

    Returns the names requested. A backfill already pending is restarted from the first
    article: its articles done so far were filled by the older code.
    """
    if not db[BACKFILLS_TABLE].exists() or not _outdated(db):
        return []  # the usual case, decided without taking the write lock
    requested = []
    with transaction(db):
        db.execute(
            f"create table if not exists {DERIVED_VERSIONS_TABLE} (name text primary key, version integer not null)"
        )
        # Read again inside the write transaction: another process may have requested it.
        for name in _outdated(db):
            db.execute(f"insert or replace into {BACKFILLS_TABLE} (name, last_id) values (?, 0)", [name])
            db.execute(
                f"insert or replace into {DERIVED_VERSIONS_TABLE} (name, version) values (?, ?)",
                [name, DERIVED_VERSIONS[name]],
            )
            requested.append(name)
    return requested


def _outdated(db: Database) -> list[str]:
    """Names of the derived data built by older code (or by code that kept no version)."""
    built = {}
    if db[DERIVED_VERSIONS_TABLE].exists():
        built = dict(db.execute(f"select name, version from {DERIVED_VERSIONS_TABLE}").fetchall())
    # A version above ours was built by a later release: its data is kept as it is.
    return [name for name, version in DERIVED_VERSIONS.items() if built.get(name, 0) < version]


def run_backfills(db: Database) -> list[str]:
    """Build every pending backfill to the end; returns the names built (none: nothing was due)."""
    request_outdated_backfills(db)
    done = []
    for name in pending_backfills(db):
        # A name this release does not know (left by a newer one) stays for that release.
        if name in BACKFILLS:
            _run(db, name)
            done.append(name)
    return done


def _run(db: Database, name: str) -> None:
    start, fill = BACKFILLS[name]
    while True:
        with transaction(db):
            # Read inside the write transaction: another process may have moved on meanwhile.
            row = db.execute(f"select last_id from {BACKFILLS_TABLE} where name = ?", [name]).fetchone()
            if row is None:
                return
            if row[0] == 0 and start is not None:
                start(db)
            last_id = fill(db, row[0])
            if last_id is None:
                db.execute(f"delete from {BACKFILLS_TABLE} where name = ?", [name])
                return
            db.execute(f"update {BACKFILLS_TABLE} set last_id = ? where name = ?", [last_id, name])
