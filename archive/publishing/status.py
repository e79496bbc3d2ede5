"""What the archive knows about each source's crawls, for ``newsarchive status``."""

from sqlite_utils import Database

HEALTH_FLAGS = {
    "ok": "the last run went through and the source still yields new articles",
    "failing": "the last run failed, timed out, or got nothing but errors",
    "stale": "the last 3 runs found no new article although earlier runs did (the site may have changed its layout)",
    "pending": "no finished run yet",
}


def source_status(db: Database) -> list[dict]:
    """One row per source: last run (time, status, counts), stored articles, next run, health.

    Times are ISO 8601 UTC; ``next_run`` comes from the scheduler's job store (empty when the
    source is not scheduled); ``health`` is one of :data:`HEALTH_FLAGS`. The same rows are
    the ``source_health`` view, which Datasette shows as a canned query.
    """
    return [dict(row) for row in db.query("select * from source_health")]


def sample_articles(db: Database, source: str) -> list[dict]:
    """The articles of ``source`` as ``newsarchive sources check`` shows them, in URL order.

    Keys: url, title, published (ISO 8601), author, word_count, language.
    """
    return [
        dict(row)
        for row in db.query(
            "select url, title, published, author, word_count, language from articles where source = ? order by url",
            [source],
        )
    ]
