"""The journalists' pages, served by the same Datasette as the analysts' tables and SQL.

- ``/``: the search page (a news list, facets, a date range, pages, a chart, a feed link);
- ``/a/{id}``: an article (companies, places, versions with what changed, copies, translations);
- ``/company/{id}``, ``/place/{id}``: articles over time and the newest articles.

Server-rendered HTML (no script needed). SQL is in ``archive/publishing/newsroom.py``; every statement runs
through the database's ``execute`` and so within ``sql_time_limit_ms``: a facet, count or chart
that runs out of time is left out of the page, never an error page. When Datasette serves no
archive, ``/`` stays Datasette's own index.
"""

import asyncio
import logging
import re
import sqlite3
from urllib.parse import urlencode

from datasette.database import QueryInterrupted
from datasette.utils import async_call_with_supported_arguments
from datasette.utils.asgi import NotFound, Response
from datasette.views.index import IndexView

from archive.publishing import newsroom
from archive.urls import web_url

logger = logging.getLogger(__name__)
# An id longer than this is no article's: SQLite integers have at most 19 digits.
MAX_ID_DIGITS = 18
ARTICLE_NUMBER = re.compile(r"[0-9]+")


def routes():
    return [
        (r"^/$", search_page),
        # Any /a/… is an article's address, so that /a/abc says "no such article" rather than
        # Datasette's "database not found".
        (r"^/a/(?P<id>[^/]+)$", article_page),
        (r"^/company/(?P<id>[^/]+)$", company_page),
        (r"^/place/(?P<id>[^/]+)$", place_page),
    ]


def within_time_limit(view):
    """A page whose statements ran out of time is a 400 that says so, as Datasette's own
    query pages answer, never a server error."""

    async def limited(request, datasette, send):
        try:
            return await async_call_with_supported_arguments(view, request=request, datasette=datasette, send=send)
        except QueryInterrupted:
            database = await archive_database(datasette)
            context = {
                "error": "This page took too long to make. Add a word or a filter to narrow the search.",
                "title": "Too slow",
                "database": database.name if database else "",
            }
            return await render(datasette, request, "newsroom_error.html", context, status=400)

    # Not functools.wraps: Datasette passes the arguments that the signature it sees names.
    limited.__name__ = view.__name__
    return limited


async def archive_database(datasette):
    """The first database Datasette serves that is an archive (has ``articles_fts``), or None."""
    for database in datasette.databases.values():
        if database.is_memory or database.name.startswith("_"):
            continue
        if await database.table_exists("articles_fts"):
            return database
    return None


async def checked_database(datasette, request):
    database = await archive_database(datasette)
    if database is None:
        raise NotFound("No archive is served here")
    await datasette.ensure_permissions(
        request.actor,
        [("view-table", (database.name, "articles")), ("view-database", database.name), "view-instance"],
    )
    return database


async def rows(
    database, sql: str, params: dict | None = None, optional: bool = False, time_limit_ms: int | None = None
) -> list[dict] | None:
    """Rows as dicts; ``None`` when an optional statement ran out of time (or failed)."""
    try:
        results = await database.execute(sql, params or {}, custom_time_limit=time_limit_ms)
        return [dict(row) for row in results.rows]
    except QueryInterrupted:
        if not optional:
            raise
        logger.info("newsroom: over the time limit, left out: %s", " ".join(sql.split())[:200])
    except sqlite3.DatabaseError as error:
        if not optional:
            raise
        logger.warning("newsroom: %s in %s", error, " ".join(sql.split())[:200])
    return None


async def render(datasette, request, template: str, context: dict, status: int = 200) -> Response:
    """A page, with the archive's license and source in the footer as on Datasette's pages."""
    html = await datasette.render_template(template, {"metadata": datasette.metadata(), **context}, request=request)
    return Response.html(html, status=status)


@within_time_limit
async def search_page(request, datasette, send):
    database = await archive_database(datasette)
    if database is None:
        return await IndexView.as_view(datasette)(request, send)
    await checked_database(datasette, request)
    search = newsroom.Search.from_args(request.args)
    found = newsroom.condition(search)
    context = {
        "search": search,
        "has_words": found.has_words,
        "database": database.name,
        "facet_names": newsroom.FACETS,
        "page_size": newsroom.PAGE_SIZE,
        "recent_window": newsroom.RECENT_WINDOW,
        "timed_out": False,
        "hits": [],
        "more": False,
        "count": None,
        "facets": {},
        "chart": "",
        "source_names": {},
        "chosen_names": {},
        "feed_url": "",
        "entity_window": None,
        "sample_step": 1,
    }
    # The results, the summary and each facet are independent statements: run side by side, on
    # Datasette's SQL threads, a page takes as long as the slowest of them, not their sum.
    facet_time = datasette.setting("facet_time_limit_ms")
    # A search for words alone is counted from the FTS index at once; a broad one's facets and
    # chart are then estimated from a sample of its matches (newsroom.summary_step).
    exact_count = await match_count(database, found) if found.has_words and found.filters == "1" else None
    step = newsroom.summary_step(found, exact_count)
    results, summarised, *entity_facets = await asyncio.gather(
        found_hits(database, search, found, exact_count),
        rows(database, *newsroom.summary_sql(found, search.per, step), optional=True),
        *(
            rows(database, *newsroom.entity_facet_sql(name, found), optional=True, time_limit_ms=facet_time)
            for name in ("company", "place")
        ),
        return_exceptions=True,
    )
    if isinstance(results, QueryInterrupted):
        context["timed_out"] = True
        # The search page with its box, so the search can be narrowed, but a 400 as any page over
        # the time limit answers.
        return await render(datasette, request, "newsroom_search.html", context, status=400)
    for outcome in (results, summarised, *entity_facets):
        if isinstance(outcome, BaseException):
            raise outcome
    context["hits"], context["more"] = results
    source_names = {row["id"]: row["name"] for row in await rows(database, "select id, name from sources")}
    context["source_names"] = source_names
    if summarised is not None:
        summary = newsroom.summarise(summarised, source_names, step)
        context["facets"].update(summary.facets)
        context["sample_step"] = step
        if not search.is_empty:
            context["count"] = exact_count if exact_count is not None else summary.count
            title = f"Matching articles per {search.per} and source"
            context["chart"] = newsroom.bar_chart(summary.chart, title)
    elif not search.is_empty:
        context["count"] = exact_count if exact_count is not None else await match_count(database, found)
    # Companies and places take a join per match: within Datasette's time for a facet.
    for name, counted in zip(("company", "place"), entity_facets):
        if counted:
            context["facets"][name] = counted
    context["entity_window"] = newsroom.ENTITY_WINDOW if found.has_words else None
    feed = {
        "q": search.typed,
        **{kind: getattr(search, kind) for kind in ("company", "place") if getattr(search, kind)},
    }
    context["feed_url"] = datasette.urls.path(f"/{database.route}/feed.atom?") + urlencode(feed)
    for kind in ("company", "place"):
        if getattr(search, kind):
            named = await rows(database, newsroom.ENTITY_SQL[kind], {"id": getattr(search, kind)})
            context["chosen_names"][kind] = named[0]["name"] if named else getattr(search, kind)
    return await render(datasette, request, "newsroom_search.html", context)


async def match_count(database, found) -> int | None:
    """How many articles a search matches (:func:`newsroom.count_sql`); None past the time limit."""
    counted = await rows(database, *newsroom.count_sql(found), optional=True)
    return next(iter(counted[0].values())) if counted else None


async def found_hits(database, search, found, count: int | None = None) -> tuple[list[dict], bool]:
    """The page's hits (copies of a story folded into one), and whether more pages follow."""
    statement = newsroom.results_sql(search, found, count)
    matched = [(row[0], row[1]) for row in (await database.execute(*statement)).rows]
    shown, more = newsroom.fold_stories(matched, search.page)
    return await hits(database, [article_id for article_id, _ in shown], search), more


async def hits(database, ids: list[int], search) -> list[dict]:
    """The hits in the given order, each with its copies and translations."""
    if not ids:
        return []
    found = {row["id"]: row for row in await rows(database, newsroom.hits_sql(ids), {"typed": search.typed})}
    ordered = [found[article_id] for article_id in ids if article_id in found]
    stories = {}
    for hit in ordered:
        hit["excerpt_html"] = newsroom.marked(hit["excerpt"] if search.q or not hit["description"] else "")
        hit["copies"], hit["translations"] = [], []
    members = await rows(database, newsroom.story_members_sql(ids + [hit["id"] for hit in ordered]))
    story_of = {member["id"]: member["story"] for member in members}
    for hit in ordered:
        stories.setdefault(story_of.get(hit["id"], hit["id"]), hit)
    for member in members:
        hit = stories.get(member["story"])
        if hit is not None and member["id"] != hit["id"]:
            hit["copies"].append(member)
    for translation in await rows(database, newsroom.translations_sql(ids), optional=True) or []:
        for hit in ordered:
            if hit["id"] == translation["of"]:
                hit["translations"].append(translation)
    return ordered


async def not_found(datasette, request, database, message: str) -> Response:
    """A 404 in the journalists' page frame (with a language and a way back to the search)."""
    context = {"error": message, "title": "Not found", "database": database.name}
    return await render(datasette, request, "newsroom_error.html", context, status=404)


@within_time_limit
async def article_page(request, datasette):
    database = await checked_database(datasette, request)
    text = request.url_vars["id"]
    if not ARTICLE_NUMBER.fullmatch(text):
        return await not_found(
            datasette, request, database, "No such article: an article's address is /a/ and its number."
        )
    number = int(text) if len(text) <= MAX_ID_DIGITS else -1
    found = await rows(database, newsroom.ARTICLE_SQL, {"id": number})
    if not found:
        return await not_found(datasette, request, database, f"No article has the number {text[:40]}.")
    article = found[0]
    lead, paragraphs = newsroom.lead_and_paragraphs(article.get("description"), article.get("text"))
    story = article.get("duplicate_of") or article["id"]
    versions = await rows(database, newsroom.ARTICLE_VERSIONS_SQL, {"id": number}) or []
    context = {
        "database": database.name,
        "article": article,
        "kicker": article.get("kicker"),
        "lead": lead,
        "text_html": newsroom.article_text_html("\n".join(paragraphs)) if paragraphs else "",
        "original": web_url(article.get("url")),
        "companies": await rows(database, newsroom.ARTICLE_COMPANIES_SQL, {"id": number}) or [],
        "places": await rows(database, newsroom.ARTICLE_PLACES_SQL, {"id": number}) or [],
        "changes": newsroom.changes(versions, article.get("title"), article.get("text")),
        "copies": await rows(database, newsroom.ARTICLE_COPIES_SQL, {"id": number, "story": story}) or [],
        "translations": await rows(database, newsroom.translations_sql([number]), optional=True) or [],
        "table_url": datasette.urls.row(database.name, "articles", str(number)),
    }
    return await render(datasette, request, "newsroom_article.html", context)


async def entity_page(request, datasette, kind: str):
    database = await checked_database(datasette, request)
    key = request.url_vars["id"]
    found = await rows(database, newsroom.ENTITY_SQL[kind], {"id": key})
    if not found:
        return await not_found(datasette, request, database, f"No such {kind}")
    months = await rows(database, newsroom.entity_months_sql(kind), {"id": key}, optional=True) or []
    articles = await rows(database, newsroom.entity_articles_sql(kind), {"id": key}, optional=True)
    context = {
        "database": database.name,
        "kind": kind,
        "entity": found[0],
        "chart": newsroom.bar_chart([(r["bucket"], "articles", r["count"]) for r in months], "Articles per month"),
        "articles": articles or [],
        "total": sum(r["count"] for r in months),
        "search_url": newsroom.Search(**{kind: key}).url(),
    }
    return await render(datasette, request, "newsroom_entity.html", context)


@within_time_limit
async def company_page(request, datasette):
    return await entity_page(request, datasette, "company")


@within_time_limit
async def place_page(request, datasette):
    return await entity_page(request, datasette, "place")
