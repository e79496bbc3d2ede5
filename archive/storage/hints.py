"""Change hints of feeds and sitemaps as times. A light module: the hub parsers
(crawler.fetch.discover) read hints without loading the archive's storage.
"""

from datetime import datetime, timezone


def hint_time(value: str | None) -> datetime | None:
    """A hub's change hint (a sitemap ``lastmod``, a feed entry's date) as an aware datetime;
    ``None`` when there is none or it cannot be read. A date without a zone is read as UTC."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
