"""The archive's schema, created and migrated in code.

Each migration is a named function run once, in a transaction, and recorded in
``_sqlite_migrations``. Never edit one that has shipped: add a new one and a line in the
README's changelog.
"""
from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("newsarchive")

# German needs diacritics folded (Köln = Koln) but words kept whole; see archive/search.py.
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


# Beside the article's own words, the FTS index covers `search_terms`: compound parts, base
# forms and ue spellings of its German words (archive/search.py), so förderung finds
# Wirtschaftsförderung and duesseldorf finds Düsseldorf.
GERMAN_FTS_COLUMNS = ["title", "description", "text", "search_terms"]


@migrations()
def m006_german_search_and_facets(db: Database) -> None:
    """German search terms in the FTS index; region, month and duplicate status as columns."""
    from archive.search import search_terms

    articles = db["articles"]
    articles.add_column("search_terms", str)
    # Copied from sources (kept in step by the trigger below) so that articles facet by region.
    articles.add_column("region", str)
    # Generated columns: always right, cost nothing to store, and Datasette facets on them.
    db.execute("alter table articles add column published_month text "
               "generated always as (substr(published, 1, 7)) virtual")
    db.execute("alter table articles add column duplicate_status text generated always as "
               "(case when duplicate_of is null then 'original' else 'duplicate' end) virtual")
    db.execute("update articles set region = (select region from sources where sources.id = articles.source)")
    rows = db.query("select id, title, description, text, language from articles")
    for row in list(rows):
        terms = search_terms(row["title"], row["description"], row["text"], language=row["language"])
        db.execute("update articles set search_terms = ? where id = ?", [terms, row["id"]])
    articles.create_index(["region", "published"])
    articles.disable_fts()
    articles.enable_fts(GERMAN_FTS_COLUMNS, create_triggers=True, tokenize=FTS_TOKENIZER)
    db.execute(
        "create trigger sources_region_to_articles after update of region on sources begin "
        "update articles set region = new.region where source = new.id; end"
    )


def migrate(db: Database) -> None:
    """Bring ``db`` up to the current schema; safe to call on every open."""
    migrations.apply(db)
