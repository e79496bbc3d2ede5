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
def m007_authors(db: Database) -> None:
    # ``author`` stays the display column ("Anna Schmidt; dpa"); these keep the parts apart.
    # authors: JSON array of the people credited; agencies: JSON array of wire services.
    db["articles"].add_column("authors", str)
    db["articles"].add_column("agencies", str)
