"""Atom feeds of any query that names its columns ``atom_id``, ``atom_title``, ``atom_updated``
(and optionally ``atom_link``, ``atom_author_name``, ``atom_content``): ``/archive/feed.atom``.

Journalists subscribe to searches; a feed reader polls them for years. So every row shape
renders (no title, a date without time or zone, no date), a search without matches is an
empty feed rather than an error, and links are http(s) only.
"""

from datetime import datetime, timezone

from datasette.utils.asgi import Response
from feedgen.feed import FeedGenerator

from archive.urls import web_url

REQUIRED_COLUMNS = {"atom_id", "atom_title", "atom_updated"}
# Characters of a feed's title: what was asked for is cut here.
MAX_TITLE = 200
# What an entry without any readable date is dated: the start of the epoch sorts it last.
UNDATED = datetime(1970, 1, 1, tzinfo=timezone.utc)


def can_render(columns) -> bool:
    return REQUIRED_COLUMNS.issubset(columns)


def render(datasette, request, sql, columns, rows, database, table, query_name, data):
    if not can_render(columns):
        return Response.text(f"An Atom feed needs the columns {', '.join(sorted(REQUIRED_COLUMNS))}.", status=400)
    feed = FeedGenerator()
    feed.id(request.url)
    feed.link(href=request.url, rel="self")
    feed.title(_feed_title(datasette, database, table, query_name, request.args))
    entries = [_entry_values(row, columns) for row in rows]
    feed.updated(max((entry["updated"] for entry in entries), default=datetime.now(timezone.utc)))
    for entry_values in reversed(entries):  # feedgen puts each new entry first
        entry = feed.add_entry()
        entry.id(entry_values["id"])
        entry.title(entry_values["title"])
        entry.updated(entry_values["updated"])
        if entry_values["link"]:
            entry.link(href=entry_values["link"])
        if entry_values["author"]:
            entry.author({"name": entry_values["author"]})
        if entry_values["content"]:
            entry.content(entry_values["content"], type="text")
    return Response(feed.atom_str(pretty=True), content_type="application/atom+xml; charset=utf-8")


def _feed_title(datasette, database, table, query_name, args=None) -> str:
    """The query's title, then what the feed was asked for: a reader subscribed to several
    searches tells them apart by it."""
    title = f"{database}: {table or query_name or 'query'}"
    if query_name:
        title = (datasette.metadata(database=database).get("queries", {}).get(query_name) or {}).get("title") or title
    pairs = [(name, args.get(name) or "") for name in args.keys()] if args is not None else []
    asked = [
        value if name in ("q", "_search") else f"{name} {value}"
        for name, value in pairs
        if value.strip() and (name in ("q", "_search") or not name.startswith("_"))
    ]
    return _text(f"{title}: {' · '.join(asked)}"[:MAX_TITLE]) if asked else title


def _entry_values(row, columns) -> dict:
    link = web_url(row["atom_link"]) if "atom_link" in columns else None
    return {
        "id": str(row["atom_id"]),
        "title": _text(row["atom_title"]) or link or str(row["atom_id"]),
        "updated": zoned(row["atom_updated"]),
        "link": link,
        "author": _text(row["atom_author_name"]) if "atom_author_name" in columns else None,
        "content": _text(row["atom_content"]) if "atom_content" in columns else None,
    }


def zoned(value) -> datetime:
    """A stored date as an aware datetime: a day alone is its midnight, a time without a zone
    is read as UTC, anything unreadable is :data:`UNDATED`."""
    try:
        moment = datetime.fromisoformat(str(value).strip().replace("Z", "+00:00"))
    except ValueError:
        return UNDATED
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _text(value) -> str | None:
    # XML 1.0 cannot carry most control characters; a title with one would break the feed.
    if value is None:
        return None
    text = "".join(
        character
        for character in str(value)
        if character in "\t\n\r" or (" " <= character and character not in "\ufffe\uffff")
    )
    return text.strip() or None
