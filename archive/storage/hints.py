"""Change hints of feeds and sitemaps as times. A light module: the hub parsers
(crawler.fetch.discover) read hints without loading the archive's storage.
"""

import re
from datetime import datetime, timedelta, timezone

# What a hint written to the day, the minute or the second leaves open: "2026-03-02" names any
# moment of that day, "2026-03-02T08:15:07" any moment of that second.
_TIME_OF_DAY = re.compile(r"[T ](\d{1,2})(:\d{2})?(:\d{2})?([.,]\d+)?")
_LEFT_OPEN = (timedelta(days=1), timedelta(hours=1), timedelta(minutes=1), timedelta(seconds=1))


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


def latest_change(value: str | None) -> datetime | None:
    """The latest moment a change hint can name: its time plus what its precision leaves open.

    A page fetched at 08:15:07.4 may have changed later in that second, or later that day when
    the sitemap writes dates only; a hint that names that second or day therefore counts as later
    than the fetch (a conditional request then costs a 304 at most)."""
    moment = hint_time(value)
    if moment is None:
        return None
    time_of_day = _TIME_OF_DAY.search(value.strip())
    if time_of_day is None:
        return moment + _LEFT_OPEN[0]
    if time_of_day[4]:
        return moment
    written = sum(1 for part in time_of_day.groups()[:3] if part)
    return moment + _LEFT_OPEN[written]
