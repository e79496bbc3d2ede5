"""Read and validate ``sources.yml``: the operator's list of what to crawl.

Validation happens before anything runs, and every message names the source and the field,
so a typo in one entry never silently changes what is crawled.
"""

import math
import re
from dataclasses import dataclass, field, fields
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from archive.urls import web_url

ID_PATTERN = re.compile(r"[a-z0-9-]+")
DISCOVERY_FIELDS = ("feeds", "sitemaps", "start_urls")
DEFAULT_MAX_DEPTH = 3

# Lengths an entry may have. An id names lock files and log lines; a URL longer than browsers
# and servers accept (about 2,000 characters) is a mistake; a pattern is matched against every
# link of a crawl.
MAX_LENGTHS = {"id": 64, "name": 200, "region": 200, "language": 2, "schedule": 100, "url": 2048, "pattern": 1000}
MAX_LIST_ENTRIES = 1000
# Seconds between two requests: a crawl waiting longer would outlast any schedule (and Twisted
# cannot wait an astronomically long time at all).
MAX_DOWNLOAD_DELAY = 3600


class SourcesError(ValueError):
    """A sources file that cannot be used; the message says where and why."""


@dataclass(frozen=True)
class Source:
    """One entry of ``sources.yml``. See the README for the meaning of each field."""

    id: str
    name: str = ""
    homepage: str = ""
    region: str = ""
    language: str = ""
    schedule: str = ""
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    start_urls: tuple[str, ...] = ()
    allow: tuple[str, ...] = ()
    deny: tuple[str, ...] = ()
    article_pattern: str = ""
    max_depth: int = DEFAULT_MAX_DEPTH
    download_delay: float | None = None
    max_pages: int | None = None
    hosts: tuple[str, ...] = field(default=(), compare=False)

    def as_row(self) -> dict:
        """The columns of the archive's ``sources`` table."""
        return {
            "id": self.id,
            "name": self.name or self.id,
            "homepage": self.homepage or None,
            "region": self.region or None,
            "language": self.language or None,
        }


KNOWN_KEYS = {f.name for f in fields(Source)} - {"hosts"}


def load_sources(path: str | Path) -> list[Source]:
    """Parse and validate a sources file; raise :class:`SourcesError` on the first problem."""
    path = Path(path)
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SourcesError(f"{path}: file not found") from None
    except UnicodeDecodeError as error:
        raise SourcesError(f"{path}: not UTF-8 text (byte {error.start})") from None
    except OSError as error:
        raise SourcesError(f"{path}: cannot be read ({error.strerror})") from None
    except yaml.YAMLError as error:
        raise SourcesError(f"{path}: not valid YAML: {_one_line(error)}") from None
    except RecursionError:
        # The YAML reader recurses once per level of nested lists or mappings.
        raise SourcesError(f"{path}: not valid YAML: nested too deeply") from None
    if not isinstance(document, dict) or not isinstance(document.get("sources"), list):
        raise SourcesError(f"{path}: expected a top-level 'sources:' list")
    unknown_top = set(map(str, document)) - {"sources"}
    if unknown_top:
        raise SourcesError(f"{path}: unknown top-level key(s): {', '.join(map(_shown, sorted(unknown_top)))}")

    sources: list[Source] = []
    seen: set[str] = set()
    for position, entry in enumerate(document["sources"], start=1):
        source = parse_source(entry, label=f"{path}: source #{position}")
        if source.id in seen:
            raise SourcesError(f"{path}: source '{source.id}', field 'id': duplicate id")
        seen.add(source.id)
        sources.append(source)
    return sources


def parse_source(entry: object, label: str = "source") -> Source:
    """Validate one mapping from the ``sources`` list and return a :class:`Source`."""
    if not isinstance(entry, dict):
        raise SourcesError(f"{label}: expected a mapping of fields, got {type(entry).__name__}")
    source_id = entry.get("id")
    if not source_id:
        raise SourcesError(f"{label}, field 'id': missing (every source needs an id)")
    if not isinstance(source_id, str) or not ID_PATTERN.fullmatch(source_id):
        raise SourcesError(f"{label}, field 'id': {_shown(source_id)} must match [a-z0-9-]+")
    if len(source_id) > MAX_LENGTHS["id"]:
        raise SourcesError(f"{label}, field 'id': {len(source_id)} characters, at most {MAX_LENGTHS['id']}")
    where = label.rsplit(":", 1)[0] + f": source '{source_id}'"

    def fail(key: str, problem: str) -> SourcesError:
        return SourcesError(f"{where}, field '{key}': {problem}")

    unknown = set(map(str, entry)) - KNOWN_KEYS
    if unknown:
        key = _cut(_printable(sorted(unknown)[0]))
        raise fail(key, f"unknown key (known keys: {', '.join(sorted(KNOWN_KEYS))})")

    values: dict = {"id": source_id}
    for key in ("name", "homepage", "region", "language", "schedule", "article_pattern"):
        if entry.get(key) is not None:
            if not isinstance(entry[key], str):
                raise fail(key, "must be text")
            values[key] = entry[key].strip()
    for key in DISCOVERY_FIELDS + ("allow", "deny"):
        value = entry.get(key) or []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise fail(key, "must be a list of text")
        if len(value) > MAX_LIST_ENTRIES:
            raise fail(key, f"{len(value)} entries, at most {MAX_LIST_ENTRIES}")
        values[key] = tuple(v.strip() for v in value)
    for key, value in values.items():
        limit = MAX_LENGTHS.get(_length_kind(key))
        for text in (value,) if isinstance(value, str) else value:
            if limit and len(text) > limit:
                raise fail(key, f"{_shown(text)} has {len(text)} characters, at most {limit}")

    if not any(values[key] for key in DISCOVERY_FIELDS):
        raise fail("feeds", "at least one of feeds, sitemaps or start_urls is required")
    for key in DISCOVERY_FIELDS + ("homepage",):
        urls = values.get(key) or ()
        for url in (urls,) if isinstance(urls, str) else urls:
            if url and not _is_http_url(url):
                raise fail(key, f"{_shown(url)} is not an http(s) URL")
    for key in ("allow", "deny"):
        for pattern in values[key]:
            _check_regex(pattern, fail, key)
    if values.get("article_pattern"):
        _check_regex(values["article_pattern"], fail, "article_pattern")
    if values.get("language") and not re.fullmatch(r"[a-z]{2}", values["language"]):
        raise fail("language", f"{values['language']!r} is not an ISO 639-1 code such as 'de'")
    if values.get("schedule"):
        _check_cron(values["schedule"], fail)
    for key, kind, minimum in (("max_depth", int, 0), ("max_pages", int, 1), ("download_delay", (int, float), 0)):
        if entry.get(key) is not None:
            value = entry[key]
            if isinstance(value, bool) or not isinstance(value, kind) or not _finite(value) or value < minimum:
                raise fail(key, f"must be a number ≥ {minimum}, got {_shown(value)}")
            if key == "download_delay" and value > MAX_DOWNLOAD_DELAY:
                raise fail(key, f"{_shown(value)} seconds, at most {MAX_DOWNLOAD_DELAY}")
            values[key] = value

    urls = values["feeds"] + values["sitemaps"] + values["start_urls"] + (values.get("homepage", ""),)
    values["hosts"] = tuple(sorted({urlsplit(u).hostname for u in urls if u}))
    return Source(**values)


def select_sources(sources: list[Source], ids: list[str] | tuple[str, ...]) -> list[Source]:
    """The sources named by ``ids`` (all when empty); unknown ids raise :class:`SourcesError`."""
    if not ids:
        return list(sources)
    by_id = {source.id: source for source in sources}
    unknown = [source_id for source_id in ids if source_id not in by_id]
    if unknown:
        raise SourcesError(
            f"unknown source id(s): {', '.join(_cut(_printable(str(source_id))) for source_id in unknown)} (known: {', '.join(by_id) or 'none'})"
        )
    return [by_id[source_id] for source_id in ids]


def _is_http_url(url: str) -> bool:
    # The crawl reads URLs as archive.urls does; whitespace inside one is a typo, not something
    # to drop silently as browsers do.
    if web_url(url) != url or re.search(r"\s", url):
        return False
    return urlsplit(url).port != 0


def _finite(value: int | float) -> bool:
    # An int is always finite; math.isfinite would first turn a huge one into a float and fail.
    return isinstance(value, int) or math.isfinite(value)


def _length_kind(key: str) -> str:
    if key in DISCOVERY_FIELDS or key == "homepage":
        return "url"
    if key in ("allow", "deny", "article_pattern"):
        return "pattern"
    return key


def _shown(value: object) -> str:
    """``value`` for a one-line message: quoted, and cut when long."""
    return _cut(repr(value))


def _printable(text: str) -> str:
    """``text`` with line breaks and other control characters escaped, so a message stays one line."""
    return "".join(character if character.isprintable() else repr(character)[1:-1] for character in text)


def _cut(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _one_line(error: Exception) -> str:
    return " ".join(str(error).split())


def _check_regex(pattern: str, fail, key: str) -> None:
    try:
        re.compile(pattern)
    except re.error as error:
        raise fail(key, f"bad regular expression {_shown(pattern)}: {error}") from None


def _check_cron(expression: str, fail) -> None:
    from apscheduler.triggers.cron import CronTrigger

    try:
        CronTrigger.from_crontab(expression)
    except ValueError as error:
        raise fail("schedule", f"bad cron expression {_shown(expression)}: {error}") from None
