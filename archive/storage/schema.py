"""The archive's schema, created and migrated in code.

Each migration is a named function run once, in a transaction, and recorded in
``_sqlite_migrations``. Migrations are frozen once released: an archive made by any release
must migrate exactly as it did then, so a migration never changes after it shipped (add a new
one and a line in docs/changelog.md) and never calls live product code (dedup, search terms),
which keeps changing. It uses plain SQL and the code of this module only.

Data derived from articles by such live code (near-duplicate buckets and signatures, German
search terms) is not computed here: a migration that needs it (re)built names it in
``_archive_backfills``, and ``archive.storage.backfill`` builds it with the current code once all
migrations ran, so an upgraded archive holds what the current code would have stored.
"""

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from archive.storage.lock import apply_migrations

migrations = Migrations("newsarchive")

# Derived data waiting for ``archive.storage.backfill``: one row per kind, with the last article id done
# (a backfill runs in batches and resumes where an interrupted one stopped).
BACKFILLS_TABLE = "_archive_backfills"
BACKFILL_NEAR_DUPLICATES = "near_duplicates"  # article_lsh and article_minhash of every article
BACKFILL_SEARCH_TERMS = "search_terms"  # articles.search_terms


def _request_backfill(db: Database, name: str) -> None:
    """Ask for ``name`` to be rebuilt from the first article on. Frozen: released migrations call it."""
    db.execute(
        f"create table if not exists {BACKFILLS_TABLE} (name text primary key, last_id integer not null default 0)"
    )
    db.execute(f"insert or replace into {BACKFILLS_TABLE} (name, last_id) values (?, 0)", [name])


# German needs diacritics folded (Köln = Koln) but words kept whole; see archive/indexing/search.py.
FTS_TOKENIZER = "unicode61 remove_diacritics 2"
FTS_COLUMNS = ["title", "description", "text"]


@migrations()
def m001_initial(db: Database) -> None:
    db["sources"].create(
        {"id": str, "name": str, "homepage": str, "region": str, "language": str},
        pk="id",
    )
    db["articles"].create(
        {
            "id": int,
            "url": str,
            "source": str,
            "title": str,
            "description": str,
            "author": str,
            "published": str,
            "modified": str,
            "language": str,
            "text": str,
            "word_count": int,
            "tags": str,
            "image": str,
            "site_name": str,
            "first_seen": str,
            "last_seen": str,
            "content_hash": str,
            "duplicate_of": int,
        },
        pk="id",
        foreign_keys=[("source", "sources", "id"), ("duplicate_of", "articles", "id")],
    )
    db["articles"].create_index(["url"], unique=True)
    db["articles"].create_index(["source", "published"])
    db["articles"].create_index(["published"])
    db["articles"].create_index(["content_hash"])
    db["articles"].create_index(["duplicate_of"])
    db["articles"].enable_fts(FTS_COLUMNS, create_triggers=True, tokenize=FTS_TOKENIZER)

    db["article_versions"].create(
        {
            "id": int,
            "article_id": int,
            "fetched_at": str,
            "content_hash": str,
            "title": str,
            "text": str,
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id")],
    )
    db["article_versions"].create_index(["article_id"])

    db["crawl_runs"].create(
        {
            "id": int,
            "source": str,
            "started": str,
            "finished": str,
            "status": str,
            "pages_fetched": int,
            "articles_new": int,
            "articles_updated": int,
            "duplicates": int,
            "errors": int,
        },
        pk="id",
        foreign_keys=[("source", "sources", "id")],
    )
    db["crawl_runs"].create_index(["source", "started"])


@migrations()
def m003_pages(db: Database) -> None:
    """Per-URL fetch state, so re-crawls fetch only what is new, changed or due."""
    db["pages"].create(
        {
            "url": str,
            "source": str,
            "kind": str,
            "status": int,
            "error": str,
            "etag": str,
            "last_modified": str,
            "content_hash": str,
            "article_id": int,
            "first_fetched": str,
            "last_fetched": str,
            "next_due": str,
            "fetch_count": int,
        },
        pk="url",
        foreign_keys=[("source", "sources", "id"), ("article_id", "articles", "id")],
    )
    db["pages"].create_index(["source", "last_fetched"])
    db["pages"].create_index(["article_id"])
    # What a re-crawl saved: answers "304 Not Modified", and requests never sent (not due).
    db["crawl_runs"].add_column("not_modified", int)
    db["crawl_runs"].add_column("skipped", int)


@migrations()
def m004_story_clusters(db: Database) -> None:
    """Near-duplicate index, translations, duplicate scores, the stories and changes views."""
    db["articles"].add_column("duplicate_score", float)
    # WITHOUT ROWID: the primary key is the only b-tree, so the LSH index costs no extra copy.
    db.execute(
        "create table article_lsh (band integer not null, bucket integer not null, "
        "article_id integer not null references articles(id), "
        "primary key (band, bucket, article_id)) without rowid"
    )
    db.execute("create index article_lsh_article_id on article_lsh (article_id)")
    db["translations"].create(
        {"article_id": int, "translation_id": int, "language": str},
        pk=("article_id", "translation_id"),
        foreign_keys=[("article_id", "articles", "id"), ("translation_id", "articles", "id")],
    )
    db["translations"].create_index(["translation_id"])
    db.create_view("stories", STORIES_VIEW)
    db.create_view("article_changes", ARTICLE_CHANGES_VIEW)
    _request_backfill(db, BACKFILL_NEAR_DUPLICATES)


# The SQL of views and columns below is part of released migrations (m004, m005, m006): a change
# is a new migration that recreates the view, never an edit here.

# One row per story: the earliest article of each duplicate cluster (clusters are flat, so
# copies point straight at it), with how many copies it has and on which sources.
STORIES_VIEW = """
select
  story.id, story.url, story.source, story.title, story.published, story.language,
  (select count(*) from articles as copy where copy.duplicate_of = story.id) as copies,
  (select json_group_array(source) from (
     select distinct member.source from articles as member
     where member.id = story.id or member.duplicate_of = story.id order by member.source
  )) as sources,
  story.description, story.first_seen
from articles as story
where story.duplicate_of is null
"""

# One row per change of an article's text: the text before (from article_versions) and the
# text that replaced it (the next version, or the article's current text).
ARTICLE_CHANGES_VIEW = """
with numbered as (
  select version.*,
    row_number() over by_article as change_number,
    lead(version.id) over by_article as next_id
  from article_versions as version
  window by_article as (partition by version.article_id order by version.id)
)
select
  numbered.article_id, article.url, article.source, numbered.change_number,
  numbered.fetched_at as old_text_last_seen,
  case when next.id is null then article.last_seen else next.fetched_at end as new_text_last_seen,
  numbered.title as old_title,
  case when next.id is null then article.title else next.title end as new_title,
  numbered.text as old_text,
  case when next.id is null then article.text else next.text end as new_text,
  numbered.content_hash as old_hash,
  case when next.id is null then article.content_hash else next.content_hash end as new_hash
from numbered
join articles as article on article.id = numbered.article_id
left join article_versions as next on next.id = numbered.next_id
"""
# The scheduler's persistent job store (APScheduler's SQLAlchemyJobStore, this table name) lives
# in the archive, so each source's next run is one join away. The table is created here, in
# APScheduler's own layout, so that `source_health` works before a scheduler has ever run.
SCHEDULER_JOBS_TABLE = "scheduler_jobs"
# A source is `stale` when this many finished runs in a row found no new article.
STALE_AFTER_RUNS = 3

SOURCE_HEALTH_SQL = f"""
with finished as (
  select id, source, status, pages_fetched, articles_new, errors,
    row_number() over (partition by source order by id desc) as recency
  from crawl_runs
  where status not in ('running', 'locked')
)
select
  sources.id as source,
  sources.name as name,
  latest.started as last_run,
  latest.status as status,
  latest.articles_new as new,
  latest.articles_updated as updated,
  latest.errors as errors,
  (select count(*) from articles where articles.source = sources.id) as articles,
  strftime('%Y-%m-%dT%H:%M:%S+00:00', jobs.next_run_time, 'unixepoch') as next_run,
  case
    when last_done.id is null then 'pending'
    when last_done.status in ('failed', 'timeout')
      or (last_done.errors > 0 and last_done.errors >= last_done.pages_fetched) then 'failing'
    when (select count(*) from finished as recent where recent.source = sources.id
            and recent.recency <= {STALE_AFTER_RUNS} and recent.articles_new = 0) = {STALE_AFTER_RUNS}
      and exists (select 1 from finished as earlier where earlier.source = sources.id
            and earlier.recency > {STALE_AFTER_RUNS} and earlier.articles_new > 0) then 'stale'
    else 'ok'
  end as health
from sources
left join crawl_runs as latest on latest.id = (
  select max(id) from crawl_runs where crawl_runs.source = sources.id and status != 'locked'
)
left join finished as last_done on last_done.source = sources.id and last_done.recency = 1
left join {SCHEDULER_JOBS_TABLE} as jobs on jobs.id = sources.id
order by sources.id
"""


@migrations()
def m005_source_health(db: Database) -> None:
    db[SCHEDULER_JOBS_TABLE].create(
        {"id": str, "next_run_time": float, "job_state": bytes},
        pk="id",
        not_null={"job_state"},
    )
    db[SCHEDULER_JOBS_TABLE].create_index(["next_run_time"])
    db.create_view("source_health", SOURCE_HEALTH_SQL)


# Beside the article's own words, the FTS index covers `search_terms`: compound parts, base
# forms and ue spellings of its German words (archive/indexing/search.py), so förderung finds
# Wirtschaftsförderung and duesseldorf finds Düsseldorf.
GERMAN_FTS_COLUMNS = ["title", "description", "text", "search_terms"]


@migrations()
def m006_german_search_and_facets(db: Database) -> None:
    """German search terms in the FTS index; region, month and duplicate status as columns."""
    articles = db["articles"]
    articles.add_column("search_terms", str)
    # Copied from sources (kept in step by the trigger below) so that articles facet by region.
    articles.add_column("region", str)
    # Generated columns: always right, cost nothing to store, and Datasette facets on them.
    db.execute(
        "alter table articles add column published_month text generated always as (substr(published, 1, 7)) virtual"
    )
    db.execute(
        "alter table articles add column duplicate_status text generated always as "
        "(case when duplicate_of is null then 'original' else 'duplicate' end) virtual"
    )
    db.execute("update articles set region = (select region from sources where sources.id = articles.source)")
    _request_backfill(db, BACKFILL_SEARCH_TERMS)
    articles.create_index(["region", "published"])
    articles.disable_fts()
    articles.enable_fts(GERMAN_FTS_COLUMNS, create_triggers=True, tokenize=FTS_TOKENIZER)
    db.execute(
        "create trigger sources_region_to_articles after update of region on sources begin "
        "update articles set region = new.region where source = new.id; end"
    )


@migrations()
def m007_authors(db: Database) -> None:
    # ``author`` stays the display column ("Anna Schmidt; dpa"); these keep the parts apart.
    # authors: JSON array of the people credited; agencies: JSON array of wire services.
    db["articles"].add_column("authors", str)
    db["articles"].add_column("agencies", str)


def migrate(db: Database) -> None:
    """Bring ``db`` up to the current schema; safe to call on every open, by many processes."""
    apply_migrations(db, migrations)


def upgrade_needed(db: Database) -> bool:
    """Whether ``db`` lacks a migration or derived data that a migration asked for; reads only."""
    if migrations.pending(db):
        return True
    return bool(db.execute(f"select count(*) from {BACKFILLS_TABLE}").fetchone()[0])


@migrations()
def m010_enrichment(db: Database) -> None:
    """Places and companies mentioned in articles (archive/indexing/enrich.py), linked many-to-many."""
    db["places"].create({"id": str, "name": str, "kind": str, "parent": str}, pk="id")
    db["places"].create_index(["name"])
    db["companies"].create({"id": str, "name": str, "legal_form": str, "headquarters": str, "curated": int}, pk="id")
    db["companies"].create_index(["name"])
    db["article_places"].create(
        {"article_id": int, "place_id": str, "mentions": int},
        pk=("article_id", "place_id"),
        foreign_keys=[("article_id", "articles", "id"), ("place_id", "places", "id")],
    )
    db["article_places"].create_index(["place_id"])
    db["article_companies"].create(
        {"article_id": int, "company_id": str, "mentions": int, "surface": str},
        pk=("article_id", "company_id"),
        foreign_keys=[("article_id", "articles", "id"), ("company_id", "companies", "id")],
    )
    db["article_companies"].create_index(["company_id"])


@migrations()
def m011_minhash_crc32(db: Database) -> None:
    """Near-duplicate buckets recomputed (shingles now hashed from their words' CRC-32s), and the
    index on article_lsh.article_id dropped: re-indexing an article removes its old buckets
    by primary key, so that second b-tree only cost time and space on every insert."""
    db.execute("drop index if exists article_lsh_article_id")
    db.execute("delete from article_lsh")
    _request_backfill(db, BACKFILL_NEAR_DUPLICATES)


@migrations()
def m012_search_facets_index(db: Database) -> None:
    """A narrow index of the columns a table search counts, facets and sorts on.

    Keyed by id, the order the FTS index yields matches in, so counting and faceting the
    matches of a search reads this index (~80 bytes an article) instead of the article rows
    (several KB each, text included). Datasette's SQLite planner would still look rows up by
    id; ``archive/publishing/datasette_plugin/search.py`` names the index in the statements it serves.
    """
    db.execute(
        "create index if not exists idx_articles_search_facets on articles "
        "(id, published, source, region, language, published_month, duplicate_status)"
    )


@migrations()
def m013_article_minhash(db: Database) -> None:
    """Each article's MinHash signature and shingle count (``article_minhash``), so that a
    near-duplicate lookup rules out chance candidates without reading and shingling their
    text (see ``archive.indexing.dedup.could_be_copy``). Filled for the articles already stored by the
    near-duplicate backfill."""
    db.execute(
        "create table article_minhash (article_id integer primary key references articles(id), "
        "shingle_count integer not null, signature blob not null)"
    )
    _request_backfill(db, BACKFILL_NEAR_DUPLICATES)


@migrations()
def m014_archive_backfills(db: Database) -> None:
    """The list of derived data to rebuild, also in archives whose earlier migrations filled it."""
    db.execute(
        f"create table if not exists {BACKFILLS_TABLE} (name text primary key, last_id integer not null default 0)"
    )


@migrations()
def m015_removed_at(db: Database) -> None:
    """When an archived article disappeared from its source (404 or 410, a "not found" page
    answered with 200, a redirect to its section or home page); NULL while it is online. Its
    facet ``at_source`` says ``online`` or ``removed``."""
    db.execute("alter table articles add column removed_at text")
    db.execute(
        "alter table articles add column at_source text generated always as "
        "(case when removed_at is null then 'online' else 'removed' end) virtual"
    )


@migrations()
def m016_kicker_and_date_source(db: Database) -> None:
    """The kicker above a headline (``title`` holds the headline alone), and where the
    publication date came from (``date_source``: structured data, meta, visible line, feed,
    url, page), so that analysts can set uncertain dates apart. Both stay NULL for articles
    stored before; ``newsarchive reextract`` fills them from the kept responses."""
    db.execute("alter table articles add column kicker text")
    db.execute("alter table articles add column date_source text")
