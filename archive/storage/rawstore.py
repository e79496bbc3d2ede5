"""The raw HTTP responses behind every stored article version, in a second SQLite file.

Pages vanish and extraction improves, so what was fetched is kept: compressed with Zstandard
(zlib in archives from before 0.2.0; each row says which), in
``<archive>.pages.db`` beside the archive (``data/archive.db`` → ``data/archive.pages.db``).
The published archive stays lean, and Datasette never serves third-party HTML.
"""

import json
import zlib
from pathlib import Path

import zstandard
from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from archive.storage.lock import apply_migrations, enable_wal

raw_migrations = Migrations("newsarchive-raw")
# Zstandard at this level keeps pages as small as zlib's level 6 did, for a sixth of the CPU
# (bench/results/raw_compression.json); the crawl process compresses every page it keeps.
ZSTD_LEVEL = 3


@raw_migrations()
def r001_responses(db: Database) -> None:
    db["responses"].create(
        {
            "id": int,
            "url": str,
            "source": str,
            "fetched_at": str,
            "status": int,
            "headers": str,
            "body": bytes,
            "body_size": int,
            "stored_size": int,
        },
        pk="id",
    )
    db["responses"].create_index(["url", "fetched_at"])
    db["responses"].create_index(["source"])


@raw_migrations()
def r002_compression(db: Database) -> None:
    # Rows stored before this migration were compressed with zlib.
    db["responses"].add_column("compression", str, not_null_default="zlib")


def raw_store_path(archive_path: str | Path) -> Path:
    """Where the raw responses of ``archive_path`` live."""
    archive_path = Path(archive_path)
    return archive_path.with_name(f"{archive_path.stem}.pages.db")


def open_raw_store(archive_path: str | Path) -> Database:
    """Open (creating if needed) the raw response store that belongs to an archive."""
    db = Database(raw_store_path(archive_path))
    db.execute("PRAGMA busy_timeout = 30000")
    enable_wal(db)
    apply_migrations(db, raw_migrations)
    return db


def store_response(
    db: Database, *, url: str, source: str, fetched_at: str, status: int, headers: dict, body: bytes
) -> int:
    """Keep one response; returns its id. ``headers`` maps names to values (text)."""
    compressed = _compressor().compress(body)
    with db.atomic():
        table = db["responses"].insert(
            {
                "url": url,
                "source": source,
                "fetched_at": fetched_at,
                "status": status,
                "headers": json.dumps(headers, ensure_ascii=False),
                "body": compressed,
                "body_size": len(body),
                "stored_size": len(compressed),
                "compression": "zstd",
            }
        )
    return table.last_pk


def latest_responses(db: Database, sources: list[str] | tuple[str, ...] = ()):
    """The newest stored response of every URL (of ``sources``, when given), body decompressed.

    Yields dicts: url, source, fetched_at, status, headers (dict), body (bytes).
    """
    where = ""
    params: list = []
    if sources:
        where = f"where source in ({', '.join('?' for _ in sources)})"
        params = list(sources)
    sql = (
        "select url, source, fetched_at, status, headers, body, compression from responses "
        f"where id in (select max(id) from responses {where} group by url) order by id"
    )
    for row in db.query(sql, params):
        yield _decoded(row)


def all_responses(db: Database):
    """Every stored response, oldest first, body decompressed (for WARC export)."""
    for row in db.query(
        "select url, source, fetched_at, status, headers, body, compression from responses order by id"
    ):
        yield _decoded(row)


def storage_cost(db: Database) -> dict:
    """Responses kept, their raw and stored bytes, and stored bytes per distinct URL."""
    row = db.execute(
        "select count(*), count(distinct url), coalesce(sum(body_size), 0), "
        "coalesce(sum(stored_size), 0) from responses"
    ).fetchone()
    responses, urls, raw_bytes, stored_bytes = row
    return {
        "responses": responses,
        "urls": urls,
        "raw_bytes": raw_bytes,
        "stored_bytes": stored_bytes,
        "stored_bytes_per_url": round(stored_bytes / urls) if urls else 0,
        "compression_ratio": round(raw_bytes / stored_bytes, 2) if stored_bytes else None,
    }


def _compressor() -> zstandard.ZstdCompressor:
    # One per call: a compressor object must not be shared between threads.
    return zstandard.ZstdCompressor(level=ZSTD_LEVEL)


def _decoded(row: dict) -> dict:
    compression = row.pop("compression")
    body = (
        zlib.decompress(row["body"]) if compression == "zlib" else zstandard.ZstdDecompressor().decompress(row["body"])
    )
    return {**row, "headers": json.loads(row["headers"]), "body": body}
