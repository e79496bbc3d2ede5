"""Work on the responses the archive kept: extract them again, or export them as WARC.

Both run without network access, from ``<archive>.pages.db``.
"""

import gzip
from http import HTTPStatus
from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from archive.storage.rawstore import all_responses, latest_responses, open_raw_store, raw_store_path
from archive.storage.store import open_archive, update_extraction
from crawler.extraction.extract import extract_article
from crawler.extraction.timelimit import time_budget
from crawler.settings import EXTRACT_TIME_LIMIT


def reextract(db_path, sources=(), time_limit: float = EXTRACT_TIME_LIMIT) -> dict:
    """Run extraction again over the newest kept response of every article URL.

    Rows whose extracted fields differ are updated in place (a better extraction of the same
    page is not a new version of the story). A page whose extraction fails or takes longer
    than ``time_limit`` seconds counts as failed and keeps its row. Returns counts: checked,
    updated, failed.
    """
    counts = {"checked": 0, "updated": 0, "failed": 0}
    with open_archive(db_path) as db, open_raw_store(db_path) as raw:
        for response in latest_responses(raw, sources):
            counts["checked"] += 1
            try:
                with time_budget(time_limit):
                    article = extract_article(response["body"], response["url"])
            except Exception:  # noqa: BLE001 - a kept page that breaks extraction keeps its row
                article = None
            if article is None:
                counts["failed"] += 1
            elif update_extraction(db, article.url, article):
                counts["updated"] += 1
    return counts


class ExportRefused(ValueError):
    """A WARC file name that would replace something else; the message says what."""


def export_warc(db_path, warc_path) -> int:
    """Write every kept response as a WARC ``response`` record (gzipped per record).

    Returns the number of records written; replay them with any WARC tool (pywb, …). An
    existing file is replaced only when it is a WARC (an earlier export): anything else there,
    the archive itself above all, raises :class:`ExportRefused` and is left as it was.
    """
    check_replaceable(Path(warc_path), db_path)
    written = 0
    # Written beside the target and renamed at the end: an interrupted export never leaves a
    # truncated file under the name of a finished one.
    partial = Path(f"{warc_path}.partial")
    with open_raw_store(db_path) as raw, open(partial, "wb") as output:
        writer = WARCWriter(output, gzip=True)
        for response in all_responses(raw):
            http_headers = StatusAndHeaders(
                f"{response['status']} {_reason_phrase(response['status'])}",
                [
                    (name, value)
                    for name, value in response["headers"].items()
                    if name.lower() not in ("content-encoding", "transfer-encoding", "content-length")
                ],
                protocol="HTTP/1.1",
            )
            record = writer.create_warc_record(
                response["url"],
                "response",
                payload=BytesIO(response["body"]),
                length=len(response["body"]),
                http_headers=http_headers,
                warc_headers_dict={"WARC-Date": response["fetched_at"].replace("+00:00", "Z")},
            )
            writer.write_record(record)
            written += 1
    partial.replace(warc_path)
    return written


def _reason_phrase(status: int) -> str:
    # Servers send codes outside the standard list (499, 520, 999): WARC keeps them as they came.
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Unknown"


def check_replaceable(warc_path: Path, db_path) -> None:
    """Raise :class:`ExportRefused` unless writing ``warc_path`` loses nothing."""
    archive_files = {Path(db_path), raw_store_path(db_path)}
    archive_files |= {path.with_name(path.name + suffix) for path in archive_files for suffix in ("-wal", "-shm")}
    if any(warc_path.resolve() == path.resolve() for path in archive_files):
        raise ExportRefused(f"{warc_path}: is a file of the archive {db_path}, not replaced")
    if not warc_path.parent.is_dir():
        raise ExportRefused(f"{warc_path}: no such directory {warc_path.parent}")
    if warc_path.exists() and not _is_warc(warc_path):
        raise ExportRefused(f"{warc_path}: exists and is not a WARC file, not replaced (choose another name)")


def _is_warc(path: Path) -> bool:
    """An empty file or a WARC (gzipped or not): what an export may replace."""
    with open(path, "rb") as stream:
        head = stream.read(5)
    if head[:2] == b"\x1f\x8b":
        try:
            with gzip.open(path) as stream:
                head = stream.read(5)
        except (OSError, EOFError):
            return False
    return head in (b"", b"WARC/")
