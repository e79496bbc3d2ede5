"""Row reads and writes in plain SQL, for the paths a crawl runs for every article.

sqlite-utils' ``Table.get``/``insert``/``update`` read the table's schema (``PRAGMA
table_info``) on each call; storing an article made some thirty such calls, a fifth of its
time. These helpers take the column names from the values instead. Table and column names
come from code, never from input.
"""

from contextlib import ExitStack, contextmanager

from sqlite_utils import Database


@contextmanager
def transaction(db: Database):
    """A write transaction of its own, or the caller's when one is open.

    It begins IMMEDIATE: it takes the write lock at once, waiting for other writers up to the
    busy timeout. A deferred transaction that reads first (as storing an article does) fails
    at once with "database is locked" when another connection committed since its read.
    Unlike ``db.atomic()`` it opens no savepoint inside an open transaction: FTS5 writes its
    pending index to disk at every savepoint, so a savepoint per article made a batch of
    articles cost as much as a commit per article. A failure inside a caller's transaction
    is the caller's to roll back.
    """
    if db.conn.in_transaction:
        yield db
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        if db.conn.in_transaction:
            db.conn.rollback()
        raise
    db.conn.commit()


def write_each(items: list, store_one, db: Database, *others: Database) -> list:
    """``store_one(item)`` for every item in one transaction on ``db`` (and on ``others``).

    If the batch fails, it is rolled back and each item is stored in a transaction of its own,
    so one broken item costs only itself: its result is the exception.
    """
    try:
        with _transactions(db, *others):
            return [store_one(item) for item in items]
    except Exception:
        results = []
        for item in items:
            try:
                with _transactions(db, *others):
                    results.append(store_one(item))
            except Exception as error:  # the caller reports it for this item
                results.append(error)
        return results


@contextmanager
def _transactions(*databases: Database):
    with ExitStack() as stack:
        for database in databases:
            stack.enter_context(transaction(database))
        yield


def fetch_row(db: Database, sql: str, parameters=()) -> dict | None:
    """The first row of a query as a dict, or ``None``."""
    cursor = db.execute(sql, parameters)
    row = cursor.fetchone()
    if row is None:
        return None
    return dict(zip((column[0] for column in cursor.description), row))


def row_by_key(db: Database, table: str, key: str, value) -> dict | None:
    """The row of ``table`` whose ``key`` column equals ``value``, or ``None``."""
    return fetch_row(db, f"select * from [{table}] where [{key}] = ?", [value])


def insert_row(db: Database, table: str, values: dict) -> int:
    """Insert one row; returns its rowid."""
    columns = ", ".join(f"[{column}]" for column in values)
    placeholders = ", ".join("?" for _ in values)
    cursor = db.execute(f"insert into [{table}] ({columns}) values ({placeholders})", list(values.values()))
    return cursor.lastrowid


def update_row(db: Database, table: str, key: str, value, values: dict) -> None:
    """Set ``values`` on the row of ``table`` whose ``key`` column equals ``value``."""
    if not values:
        return
    assignments = ", ".join(f"[{column}] = ?" for column in values)
    db.execute(f"update [{table}] set {assignments} where [{key}] = ?", [*values.values(), value])
