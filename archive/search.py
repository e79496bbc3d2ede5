"""Full-text search over the archive (SQLite FTS5 on title, description and text)."""
from sqlite_utils import Database


def search_articles(db: Database, query: str, limit: int = 20) -> list[dict]:
    """Articles matching an FTS5 ``query``, best match first (bm25).

    >>> search_articles(db, "wasserstoff")          # doctest: +SKIP
    [{'id': 3, 'url': 'https://…', 'title': '…', 'published': '2026-10-14T09:30:00+02:00'}]
    """
    sql = (
        "select articles.id, articles.url, articles.title, articles.published "
        "from articles join articles_fts on articles_fts.rowid = articles.id "
        "where articles_fts match :query order by articles_fts.rank limit :limit"
    )
    return [dict(row) for row in db.query(sql, {"query": query, "limit": limit})]
