"""What the archive knows about each source's crawls, for ``newsarchive status``."""
from sqlite_utils import Database

STATUS_SQL = """
select
  sources.id as source,
  sources.name as name,
  last_run.started as last_run,
  last_run.status as status,
  last_run.articles_new as new,
  last_run.articles_updated as updated,
  last_run.errors as errors,
  (select count(*) from articles where articles.source = sources.id) as articles
from sources
left join crawl_runs as last_run on last_run.id = (
  select id from crawl_runs where crawl_runs.source = sources.id order by started desc, id desc limit 1
)
order by sources.id
"""


def source_status(db: Database) -> list[dict]:
    """One row per source: its last crawl run (time, status, counts) and stored articles."""
    return [dict(row) for row in db.query(STATUS_SQL)]


def sample_articles(db: Database, source: str) -> list[dict]:
    """The articles of ``source`` as ``newsarchive sources check`` shows them, in URL order.

    Keys: url, title, published (ISO 8601), author, word_count, language.
    """
    return [dict(row) for row in db.query(
        "select url, title, published, author, word_count, language from articles "
        "where source = ? order by url", [source])]
