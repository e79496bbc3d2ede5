"""Table search on ``articles`` that costs what the page shows, not what the search matches.

Datasette 0.65 turns ``/archive/articles?_search=förderung`` into one clause,
``id in (select rowid from articles_fts where articles_fts match :search)``, and runs with it
the page's rows (newest first, ``sort_desc: published``), a count, and one query per facet.
SQLite answers each by looking up every match in ``articles``, whose rows are several KB
(the text is in the row), so every match costs a page read, and the region and duplicate
facets also read past the text into overflow pages. At 100,000 articles a compound part with
~21,000 matches took 0.8–1.4 s, most of it in the five facets; at a million it grows ten times.

Datasette has no hook for those statements (``filters_from_request`` can only add clauses,
which every one of them shares), so this module wraps ``execute`` of each archive database and
rewrites exactly these statements, recognised by the shape Datasette 0.65 gives them; any
other statement, or a shape it does not know, runs unchanged:

- the **matching ids** of a search are read from the FTS index once (one pass over its
  doclists, ``group_concat`` parsed by numpy) and kept for ``MATCH_IDS_SECONDS`` while no
  article is added; everything below that needs the matches uses them, so a page passes over
  the doclists once instead of once per statement (a word in a third of a million articles:
  ~60 ms a pass);
- the **count** of a search without other filters is the number of matching ids (the FTS
  index holds as many rows as ``articles`` holds matches, because triggers keep it in step);
- a **count with filters and the facets** read the narrow covering index
  ``idx_articles_search_facets`` (migration ``m012_search_facets_index``: id, published,
  source, region, language, month, duplicate status; ~80 bytes an article) instead of the
  article rows, wherever SQLite's plan would otherwise read the row of every match (it
  does not when another filter has a better index, e.g. ``source``);
- the **rows, newest first**, of a search with many matches walk ``idx_articles_published``
  backwards and stop at the page's last row, instead of sorting every match: the search
  clause becomes ``newsarchive_search_match(n, id)``, a lookup in a bitmap of the matching
  ids (registered on every connection by the plugin's ``prepare_connection``), which SQLite
  cannot drive the query from. Searches with few matches keep Datasette's plan (look the
  matches up, sort them), which is then cheaper. Which one is cheaper depends on the number
  of matches, which SQLite's planner cannot know (FTS5 gives it a fixed estimate) and this
  module can: it has read them first;
- a **month filter** (``published_month = '2019-05'``, a generated column no index holds) gets
  the range of ``published`` it implies (``published >= '2019-05' and published < '2019-05'
  || char(1114111)``), so that SQLite reads that month from ``idx_articles_published`` or,
  with a source, ``idx_articles_source_published``, instead of every article (or every
  article of the source); added only to a where clause made of Datasette's own filters;
- **with other filters**, a search with many matches is tested against the bitmap too, when
  SQLite can then drive the statement from an index of those filters (a source and month
  select a few hundred articles): each statement of the page (count, rows, five facets)
  used to pass over the search's doclists again;
- the **facets of a search with many matches** (``MEMORY_FACETS_FROM``), and of the whole
  table, are counted in memory: the facet columns of every article are held in arrays
  indexed by id (a few bytes an article, see :class:`FacetValues`), and each facet is one
  ``numpy.bincount`` of the matching ids. SQLite would look each match up in the index
  once per facet (~3.5 µs a match: ~0.6 s a facet for a word in every sixth article of a
  million). New articles are added to the arrays as they are stored, and the arrays are read
  anew after ``FACET_VALUES_SECONDS``: a changed region or duplicate status of an existing
  article may show in these counts that much later (and a changed text in a search's
  results, count and facets up to ``MATCH_IDS_SECONDS``). Searches with fewer matches, or
  with other filters, are counted by SQLite, as above.

Results are identical either way; only the query plans change.
"""

import asyncio
import functools
import itertools
import math
import re
import sqlite3
import time

import numpy
from datasette.database import Database, QueryInterrupted, Results
from datasette.utils import sqlite_timelimit

from archive.indexing.query import ACCEPTS_SQL_FUNCTION, parse_query, register_functions

TABLE = "articles"
FTS_TABLE = "articles_fts"
FACETS_INDEX = "idx_articles_search_facets"
# Columns of FACETS_INDEX: facets on these never read an article row.
INDEXED_COLUMNS = ("id", "published", "source", "region", "language", "published_month", "duplicate_status")

# Datasette 0.65's clause for ?_search= (datasette/filters.py, search_filters), with
# `fts_table: articles_fts`, `fts_pk: id` from metadata.yml; raw or escaped search mode.
SEARCH_CLAUSE = re.compile(
    r"\bid in \(select rowid from articles_fts where articles_fts match "
    r"(?P<match>:search|escape_fts\(:search\))\)"
)
# Datasette 0.65's statements for a table page (datasette/views/table.py, datasette/facets.py).
COUNT_SQL = re.compile(r"select count\(\*\) from articles where (?P<where>.+) ", re.S)
ROWS_SQL = re.compile(
    r"select (?P<columns>.+?) from articles where (?P<where>.+) "
    r"order by published desc(?P<tiebreak>, id)? limit (?P<limit>\d+)",
    re.S,
)
FACET_SQL = re.compile(
    r"(?P<head>\s*select (?P<column>\w+) as value, count\(\*\) as count from \(\s*"
    r"select .+? from )articles(?P<tail> where .+)",
    re.S,
)

# Datasette 0.65's filters (datasette/filters.py), joined by " and ": a where clause made only of
# these and the search clause is a conjunction, to which an implied condition can be added.
SIMPLE_FILTER = re.compile(r'"\w+" (?:=|!=|<|>|<=|>=|like|not like|glob) :p\d+')
MONTH_FILTER = re.compile(r'"published_month" = :(?P<param>p\d+)')
# Any string with the prefix :p sorts between :p and :p followed by the last code point.
MONTH_RANGE = '"published" >= :{param} and "published" < :{param} || char(1114111)'

# The filters inside a facet statement (FACET_SQL).
FACET_FILTERS = re.compile(r"from articles where (?P<where>.+?)\s*\)\s*where \w+ is not null", re.S)

# A facet statement over the whole table or a search, as Datasette 0.65 writes it
# (datasette/facets.py); no ``where`` group: the whole table.
MEMORY_FACET_SQL = re.compile(
    r"\s*select (?P<column>\w+) as value, count\(\*\) as count from \(\s*"
    r"select .+? from articles(?: where (?P<where>.+?))?\s*\)\s*"
    r"where (?P=column) is not null\s*group by (?P=column) order by count desc, value "
    r"limit (?P<limit>\d+)\s*",
    re.S,
)
# Facet columns counted in memory, and from how many matches: a search's ids are read anyway,
# and fewer matches cost SQLite only a few milliseconds a facet.
MEMORY_FACET_COLUMNS = ("source", "region", "language", "published_month", "duplicate_status")
MEMORY_FACETS_FROM = 1000
# With other filters, from how many matches the bitmap replaces the search clause when an index
# of those filters drives the statement; with fewer, driving it from the matches costs less
# than reading every article of a source.
BITMAP_WITH_FILTERS_FROM = 5000
FACET_VALUES_SECONDS = 300
# Matching ids read for a page are kept for its other statements (and the next pages).
MATCH_IDS_SECONDS = 60
MATCH_IDS_KEPT = 8
# SQL function testing an id against the bitmap of a search's matching ids.
MATCH_FUNCTION = "newsarchive_search_match"

# Walking the published index costs about (rows on the page / share of articles matching)
# index steps; looking the matches up and sorting them reads each match's whole row, text
# included. Measured on the 100,000-article archive: ~0.27 µs a step, ~25 µs a match (a
# compound part with 30,669 matches: 736 ms sorted, 8 ms walked; a company name with 20
# matches: 0.6 ms sorted, 27 ms walked, the whole index). The walk wins from
# matches² > rows on the page × articles × WALK_COST_RATIO: ~320 matches at 100,000
# articles, ~1,000 at a million.
WALK_COST_RATIO = 0.01
# The number of articles (the largest id), used to choose a plan, is reused this long.
PLAN_COUNT_SECONDS = 60

# Bitmaps of matching ids by number, for MATCH_FUNCTION on any of Datasette's connections
# (threads). More are kept than searches' ids, so that a statement never outlives its bitmap.
_match_bitmaps: dict[int, bytes] = {}
_bitmap_numbers = itertools.count(1)
BITMAPS_KEPT = 4 * MATCH_IDS_KEPT


def search_match(number: int, article_id: int) -> bool:
    """Whether ``article_id`` matches the search of bitmap ``number`` (``MATCH_FUNCTION``)."""
    bitmap = _match_bitmaps[number]
    return article_id < len(bitmap) and bitmap[article_id] == 1


def prepare_connection(conn: sqlite3.Connection) -> None:
    conn.create_function(MATCH_FUNCTION, 2, search_match, deterministic=True)
    register_functions(conn)


# Datasette's clause for ?_search= in raw mode, whatever the statement around it.
# Datasette and its plugins read the schema (table_exists, hidden_table_names, the search-all
# menu) through the same time limit as a visitor's SQL; a tight limit on a busy machine then
# turns every page, error pages included, into a server error. A statement that reads only
# sqlite_master gets at least SCHEMA_LOOKUP_MS: it is small, and cannot join anything bigger. So
# does the schema's version number, which Datasette reads before every request
# (``refresh_schemas``): interrupted, the request failed with a server error before reaching
# the view that would have said "took too long".
SCHEMA_LOOKUP = re.compile(
    r"\s*select\b(?:(?!\b(?:from|join|with|select)\b).)*\bfrom\s+sqlite_master"
    r"(?:\s*|\s+(?:where|order|limit)\b(?:(?!\b(?:from|join|select)\b).)*)"
    r"|\s*PRAGMA\s+schema_version\s*;?\s*",
    re.S | re.I,
)
SCHEMA_LOOKUP_MS = 1000
# Its clause for ?_search_COLUMN= (the search in one column of the index), the n-th of the
# request's searches in :search_n.
RAW_SEARCH_CLAUSE = re.compile(
    r"\bid in \(select rowid from articles_fts where articles_fts match :(?P<name>search)\)"
    r"|\browid in \(select rowid from articles_fts where (?:\w+|\[[^\]]+\]) match :(?P<column_name>search_\d+)\)"
)
# What was typed stays beside the parsed query, as :search_typed (:search_n_typed).
TYPED_SUFFIX = "_typed"
# The parsed query's filters, tested on each matching article.
FILTERS_SQL = f"{ACCEPTS_SQL_FUNCTION}(:{{name}}{TYPED_SUFFIX}, source, region, author, language, published)"


def with_parsed_search(sql: str, params: dict) -> tuple[str, dict]:
    """A table search's statement and parameters with what was typed parsed
    (:func:`archive.indexing.query.parse_query`): the FTS5 query in ``:search`` (``:search_n``
    for a search in one column), the field filters as a condition beside it, and no search
    clause at all when nothing is left to match."""
    parsed_params = dict(params)

    def parsed_clause(clause: re.Match) -> str:
        name = clause["name"] or clause["column_name"]
        typed = params.get(name)
        parsed = parse_query(typed if isinstance(typed, str) else None)
        parsed_params[name] = parsed.match or ""
        parsed_params[name + TYPED_SUFFIX] = typed
        condition = "1" if parsed.match is None else clause[0]
        if parsed.has_filters:
            condition = f"({condition} and {FILTERS_SQL.format(name=name)})"
        return condition

    return RAW_SEARCH_CLAUSE.sub(parsed_clause, sql), parsed_params


def _is_unparsed_search(sql, params) -> bool:
    """Whether ``sql`` is a statement of Datasette's table search whose typed text is not yet parsed."""
    return (
        isinstance(sql, str)
        and isinstance(params, dict)
        and not any(isinstance(name, str) and name.endswith(TYPED_SUFFIX) for name in params)
        and RAW_SEARCH_CLAUSE.search(sql) is not None
    )


def install(datasette) -> None:
    """Wrap ``execute`` of every database Datasette serves that is an archive."""
    # Datasette's own catalog (the schemas it reads before every page) is small and no visitor
    # queries it: under a tight limit on a busy machine its reads would fail whole pages.
    internal = datasette.databases.get("_internal")
    if internal is not None and not getattr(internal, "_archive_floor", False):
        internal._archive_floor = True
        internal.execute = functools.partial(read_with_floor, internal)
    for database in datasette.databases.values():
        if database.is_memory or getattr(database, "_archive_search", None):
            continue
        database._archive_search = ArchiveSearch(database)
        database.execute = database._archive_search.execute


async def read_with_floor(database: Database, sql: str, params=None, *args, **kwargs) -> Results:
    """``sql`` on ``database`` within at least SCHEMA_LOOKUP_MS, whatever ``sql_time_limit_ms``."""
    limit_ms = max(database.ds.sql_time_limit_ms, SCHEMA_LOOKUP_MS)

    def read(connection):
        with sqlite_timelimit(connection, limit_ms):
            try:
                cursor = connection.execute(sql, params if params is not None else {})
                return Results(cursor.fetchall(), False, cursor.description)
            except sqlite3.OperationalError as error:
                if error.args == ("interrupted",):
                    raise QueryInterrupted(error, sql, params) from error
                raise

    return await database.execute_fn(read)


class ArchiveSearch:
    """Rewrites the table-search statements Datasette runs against one archive database."""

    def __init__(self, database: Database):
        self.database = database
        self.original_execute = database.execute
        self.ready = None  # unknown until first needed: is it an archive with the index?
        self.articles: tuple[float, int] | None = None
        self.plans: dict[str, list[str]] = {}
        self.facet_values: FacetValues | None = None
        self.facet_values_lock = asyncio.Lock()
        self.match_ids: dict[tuple, tuple[float, numpy.ndarray]] = {}
        self.bitmaps: dict[int, numpy.ndarray] = {}  # number → the ids it was made of

    async def execute(self, sql, params=None, *args, **kwargs):
        if isinstance(sql, str) and SCHEMA_LOOKUP.fullmatch(sql):
            return await read_with_floor(self.database, sql, params)
        if _is_unparsed_search(sql, params):
            sql, params = with_parsed_search(sql, params)
        if isinstance(sql, str) and " from articles" in sql and (not params or isinstance(params, dict)):
            try:
                counted = await self.facet_in_memory(sql, params or {})
                if counted is not None:
                    return counted
                sql = with_month_range(sql)
                if params and "search" in params and len(SEARCH_CLAUSE.findall(sql)) == 1:
                    sql = await self.rewrite(sql, params)
                    if isinstance(sql, Results):
                        return sql
            except QueryInterrupted:
                raise  # over the time limit: Datasette says so, as for its own statements
            except Exception:  # noqa: BLE001 - e.g. an FTS syntax error: Datasette reports it
                pass
        started = time.perf_counter()
        try:
            return await self.original_execute(sql, params, *args, **kwargs)
        except sqlite3.OperationalError as error:
            # Stopped while opening the FTS index, SQLite reports "vtable constructor failed",
            # which Datasette passes on as an error: past the limit, any error is the limit's.
            limit_ms = min(filter(None, (kwargs.get("custom_time_limit"), self.database.ds.sql_time_limit_ms)))
            if (time.perf_counter() - started) * 1000 >= limit_ms:
                raise QueryInterrupted(error, sql, params) from None
            raise

    async def facet_in_memory(self, sql: str, params: dict) -> Results | None:
        """The answer to a facet statement over the whole table or a search with many
        matches, or ``None``."""
        facet = MEMORY_FACET_SQL.fullmatch(sql)
        if not facet or facet["column"] not in MEMORY_FACET_COLUMNS or not await self.is_ready():
            return None
        if facet["where"] is None:
            if await self.article_count() < MEMORY_FACETS_FROM:
                return None
            values = await self.current_facet_values()
            return facet_results(values.counts(facet["column"])[: int(facet["limit"])])
        search = SEARCH_CLAUSE.fullmatch(facet["where"])
        if not search or "search" not in params:
            return None
        ids = await self.matching_ids(search["match"], params)
        if len(ids) < MEMORY_FACETS_FROM:
            return None
        values = await self.current_facet_values()
        return facet_results(values.counts(facet["column"], ids)[: int(facet["limit"])])

    async def current_facet_values(self) -> "FacetValues":
        async with self.facet_values_lock:
            newest = (await self.original_execute(f"select coalesce(max(id), 0) from {TABLE}")).rows[0][0]
            values = self.facet_values
            if values is None or time.monotonic() - values.loaded_at > FACET_VALUES_SECONDS:
                values = self.facet_values = await self.database.execute_fn(self.time_limited(FacetValues().update))
            elif values.newest_id != newest:
                await self.database.execute_fn(self.time_limited(values.update))
            return values

    def time_limited(self, read):
        """``read(conn)`` under Datasette's ``sql_time_limit_ms``, as Datasette's own statements
        are: a search, whatever its words, never holds a connection longer than a query may."""
        limit_ms = self.database.ds.setting("sql_time_limit_ms")

        def limited(conn):
            started = time.perf_counter()
            with sqlite_timelimit(conn, limit_ms):
                try:
                    return read(conn)
                except sqlite3.OperationalError as error:
                    # Stopped while opening the FTS index, SQLite reports "vtable constructor
                    # failed", not "interrupted": past the limit, any error is the limit's.
                    over_time = (time.perf_counter() - started) * 1000 >= limit_ms
                    if "interrupted" in str(error) or over_time:
                        raise QueryInterrupted(error, getattr(read, "__name__", "read"), None) from None
                    raise

        return limited

    async def matching_ids(self, match: str, params: dict) -> numpy.ndarray:
        """The ids of the articles a search matches, ascending, read now and then."""
        search = params["search"]

        def read(conn):
            newest = conn.execute(f"select coalesce(max(id), 0) from {TABLE}").fetchone()[0]
            key = (match, search, newest)
            cached = self.match_ids.get(key)
            if cached and time.monotonic() - cached[0] < MATCH_IDS_SECONDS:
                return cached[1]
            # One row of text instead of a Python row per match: 3-4 times faster to read.
            listed = conn.execute(
                f"select group_concat(rowid) from {FTS_TABLE} where {FTS_TABLE} match {match}", {"search": search}
            ).fetchone()[0]
            ids = numpy.fromstring(listed, dtype=numpy.int64, sep=",") if listed else numpy.zeros(0, dtype=numpy.int64)
            if len(self.match_ids) >= MATCH_IDS_KEPT:
                self.match_ids.pop(next(iter(self.match_ids)))
            self.match_ids[key] = (time.monotonic(), ids)
            return ids

        return await self.database.execute_fn(self.time_limited(read))

    def bitmap_number(self, ids: numpy.ndarray) -> int:
        """The number of a bitmap of ``ids`` that ``MATCH_FUNCTION`` can test against."""
        for number, known in self.bitmaps.items():
            if known is ids:
                return number
        bitmap = numpy.zeros(int(ids.max()) + 1 if len(ids) else 0, dtype=numpy.uint8)
        bitmap[ids] = 1
        number = next(_bitmap_numbers)
        _match_bitmaps[number] = bitmap.tobytes()
        self.bitmaps[number] = ids
        while len(_match_bitmaps) > BITMAPS_KEPT:
            oldest = next(iter(_match_bitmaps))
            del _match_bitmaps[oldest]
            self.bitmaps.pop(oldest, None)
        return number

    async def rewrite(self, sql: str, params: dict) -> str | Results:
        if not await self.is_ready():
            return sql
        if count := COUNT_SQL.fullmatch(sql):
            search = SEARCH_CLAUSE.fullmatch(count["where"])
            if search:
                return rows_results(("count(*)",), [(len(await self.matching_ids(search["match"], params)),)])
            if tested := await self.tested_against_bitmap(sql, params):
                return tested
            if await self.looks_up_every_match(sql, params):
                return f"select count(*) from {TABLE} indexed by {FACETS_INDEX} where {count['where']} "
            return sql
        if facet := FACET_SQL.fullmatch(sql):
            if tested := await self.tested_against_bitmap(sql, params):
                return tested
            if facet["column"] in INDEXED_COLUMNS and await self.looks_up_every_match(sql, params):
                return f"{facet['head']}{TABLE} indexed by {FACETS_INDEX}{facet['tail']}"
            return sql
        if rows := ROWS_SQL.fullmatch(sql):
            ids = await self.matching_ids(SEARCH_CLAUSE.search(rows["where"])["match"], params)
            articles = await self.article_count()
            if len(ids) * len(ids) > int(rows["limit"]) * articles * WALK_COST_RATIO:
                return SEARCH_CLAUSE.sub(f"{MATCH_FUNCTION}({self.bitmap_number(ids)}, id)", sql)
        return sql

    async def tested_against_bitmap(self, sql: str, params: dict) -> str | None:
        """``sql`` with its search clause tested against the bitmap of matching ids, if the
        search has many matches and another filter's index can then drive the statement."""
        search = SEARCH_CLAUSE.search(sql)
        ids = await self.matching_ids(search["match"], params)
        if len(ids) < BITMAP_WITH_FILTERS_FROM:
            return None
        # The plan does not depend on the bitmap: ask with bitmap 0, make one only if it helps.
        plan = await self.plan(SEARCH_CLAUSE.sub(f"{MATCH_FUNCTION}(0, id)", sql), params)
        if not any(step.startswith(f"SEARCH {TABLE} USING") for step in plan):
            return None
        return SEARCH_CLAUSE.sub(f"{MATCH_FUNCTION}({self.bitmap_number(ids)}, id)", sql)

    async def is_ready(self) -> bool:
        """Whether the database has the FTS table and the index (an archive, migrated)."""
        if not self.ready:
            result = await self.original_execute(
                "select count(*) from sqlite_master where name in (?, ?, ?)", [TABLE, FTS_TABLE, FACETS_INDEX]
            )
            self.ready = result.rows[0][0] == 3
        return self.ready

    async def looks_up_every_match(self, sql: str, params: dict) -> bool:
        """Whether SQLite would read the article row of every match (by id).

        It does unless another filter has an index (``source`` has): then it reads only
        the rows of that source, which beats reading the narrow index for every match.
        """
        return f"SEARCH {TABLE} USING INTEGER PRIMARY KEY (rowid=?)" in await self.plan(sql, params)

    async def plan(self, sql: str, params: dict) -> list[str]:
        """The steps of SQLite's query plan for ``sql`` (they depend on the statement only)."""
        plan = self.plans.get(sql)
        if plan is None:
            result = await self.original_execute(f"explain query plan {sql}", params)
            plan = [row[3] for row in result.rows]
            if len(self.plans) > 1000:
                self.plans.clear()
            self.plans[sql] = plan
        return plan

    async def article_count(self) -> int:
        """The number of articles, near enough to choose a plan (the largest id), now and then."""
        now = time.monotonic()
        if self.articles and now - self.articles[0] < PLAN_COUNT_SECONDS:
            return self.articles[1]
        result = await self.original_execute(f"select coalesce(max(id), 0) from {TABLE}")
        self.articles = (now, result.rows[0][0])
        return self.articles[1]


class FacetValues:
    """The ``MEMORY_FACET_COLUMNS`` of every article, as small integer codes indexed by id."""

    def __init__(self):
        self.newest_id = 0
        self.codes = {column: numpy.full(1, -1, dtype=numpy.int32) for column in MEMORY_FACET_COLUMNS}
        self.known: dict[str, dict] = {column: {} for column in MEMORY_FACET_COLUMNS}  # value → code
        self.loaded_at = time.monotonic()

    def update(self, conn: sqlite3.Connection) -> "FacetValues":
        """Add the articles stored since the last update, read from the narrow facets index.

        A first update reads every article (about a second a million).
        """
        columns = ", ".join(MEMORY_FACET_COLUMNS)
        cursor = conn.execute(
            f"select id, {columns} from {TABLE} indexed by {FACETS_INDEX} where id > ? order by id", [self.newest_id]
        )
        while rows := cursor.fetchmany(20_000):
            ids = numpy.fromiter((row[0] for row in rows), dtype=numpy.int64, count=len(rows))
            newest = int(ids[-1])
            for position, column in enumerate(MEMORY_FACET_COLUMNS, start=1):
                known = self.known[column]
                codes = numpy.full(newest + 1, -1, dtype=numpy.int32)
                codes[: len(self.codes[column])] = self.codes[column]
                codes[ids] = numpy.fromiter(
                    (-1 if row[position] is None else known.setdefault(row[position], len(known)) for row in rows),
                    dtype=numpy.int32,
                    count=len(rows),
                )
                # Replaced whole, never changed in place: a facet counted meanwhile in another
                # thread sees the old array or the new one.
                self.codes[column] = codes
            self.newest_id = newest
        return self

    def counts(self, column: str, ids: numpy.ndarray | None = None) -> list[tuple]:
        """``(value, count)`` of the articles ``ids`` (default: all), as Datasette orders a
        facet: most first, then by value."""
        codes = self.codes[column]
        labels = list(self.known[column])
        found = codes if ids is None else codes[ids[ids < len(codes)]]
        tally = numpy.bincount(found[found >= 0], minlength=len(labels))
        pairs = [(labels[code], int(count)) for code, count in enumerate(tally[: len(labels)]) if count]
        return sorted(pairs, key=lambda pair: (-pair[1], _sqlite_order(pair[0])))


def _sqlite_order(value):
    # SQLite sorts numbers before text, and text by its UTF-8 bytes (code points).
    return (0, value, "") if isinstance(value, (int, float)) else (1, 0, str(value))


def with_month_range(sql: str) -> str:
    """A table statement filtered by month, with the range of ``published`` that implies."""
    if not MONTH_FILTER.search(sql):
        return sql
    shape = (
        COUNT_SQL.fullmatch(sql) or ROWS_SQL.fullmatch(sql) or (FACET_SQL.fullmatch(sql) and FACET_FILTERS.search(sql))
    )
    if not shape:
        return sql
    where = shape["where"]
    if not all(
        SIMPLE_FILTER.fullmatch(condition) or SEARCH_CLAUSE.fullmatch(condition) for condition in where.split(" and ")
    ):
        return sql
    narrowed = MONTH_FILTER.sub(lambda month: f"{month[0]} and {MONTH_RANGE.format(param=month['param'])}", where)
    return sql[: shape.start("where")] + narrowed + sql[shape.end("where") :]


def facet_results(pairs: list[tuple]) -> Results:
    """``Results`` whose rows are the ``sqlite3.Row`` objects the facet statement would return."""
    return rows_results(("value", "count"), pairs)


def rows_results(columns: tuple[str, ...], rows: list[tuple]) -> Results:
    """``Results`` of ``sqlite3.Row`` objects with these columns, as a statement returns them."""
    if not rows:
        return Results([], False, tuple((column,) for column in columns))
    connection = sqlite3.connect(":memory:")
    connection.row_factory = sqlite3.Row
    values = ", ".join("(" + ", ".join("?" * len(columns)) + ")" for _ in rows)
    names = ", ".join(f'column{position} as "{column}"' for position, column in enumerate(columns, start=1))
    cursor = connection.execute(f"select {names} from (values {values})", [item for row in rows for item in row])
    results = cursor.fetchall()
    description = cursor.description
    connection.close()
    return Results(results, False, description)


def walk_threshold(articles: int, limit: int = 101) -> int:
    """Matches from which the rows are taken by walking the published index (for the docs)."""
    return math.isqrt(int(limit * articles * WALK_COST_RATIO))
