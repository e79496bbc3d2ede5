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


def migrate(db: Database) -> None:
    """Bring ``db`` up to the current schema; safe to call on every open."""
    migrations.apply(db)


@migrations()
def m010_enrichment(db: Database) -> None:
    """Places and companies mentioned in articles (archive/enrich.py), linked many-to-many."""
    db["places"].create({"id": str, "name": str, "kind": str, "parent": str}, pk="id")
    db["places"].create_index(["name"])
    db["companies"].create(
        {"id": str, "name": str, "legal_form": str, "headquarters": str, "curated": int}, pk="id"
    )
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
