"""Datasette hooks of the archive: the journalists' pages (``newsroom.py``), article text shown
as escaped paragraphs, its stylesheet,
a ``web_url`` template filter (a URL becomes a link only when it is http(s)), and table
searches planned for the archive (``search.py``).

Registered through the ``datasette`` entry point in pyproject.toml, so ``newsarchive serve``
and any ``datasette`` run in this environment use it.
"""

import markupsafe
from datasette import hookimpl

from archive.publishing.datasette_plugin import atom, newsroom, search
from archive.publishing.newsroom import article_text_html, separate_lead
from archive.urls import web_url

# Datasette names entry-point plugins after their distribution.
PLUGIN_NAME = "newsarchive"


@hookimpl
def render_cell(value, column, table, database, datasette):
    """``articles.text`` as escaped paragraphs; an ``article`` id in a query links to its row."""
    if table == "articles" and column == "text" and isinstance(value, str) and value:
        return article_text_html(value)
    if table is None and column == "article" and isinstance(value, int):
        href = datasette.urls.row(database, "articles", str(value))
        return markupsafe.Markup('<a href="{}">{}</a>').format(href, value)
    return None


@hookimpl
def prepare_jinja2_environment(env, datasette):
    """``{{ value | web_url }}``: the value when it is an http(s) URL, else None. Templates link
    a stored URL only through it: rows stored before the crawl refused other schemes may hold
    ``javascript:`` URLs, which must show as text."""
    env.filters["web_url"] = web_url
    # A row page shows an article's whole text: its lead above it only when the text does not
    # open with the lead already.
    env.globals["separate_lead"] = separate_lead


@hookimpl
def register_output_renderer(datasette):
    """Atom feeds of searches and canned queries (``atom.py``)."""
    return {"extension": "atom", "render": atom.render, "can_render": atom.can_render}


@hookimpl
def register_routes(datasette):
    """The journalists' pages: search at ``/``, ``/a/ID``, ``/company/ID``, ``/place/ID``
    (``newsroom.py``)."""
    return newsroom.routes()


@hookimpl
def extra_css_urls(datasette):
    return [datasette.urls.static_plugins(PLUGIN_NAME, "archive.css")]


@hookimpl
def prepare_connection(conn):
    """The SQL function that tests an id against a search's matches (see ``search.py``)."""
    search.prepare_connection(conn)


@hookimpl
def startup(datasette):
    """Table searches on ``articles`` cost what the page shows (see ``search.py``)."""
    search.install(datasette)


@hookimpl
def extra_template_vars(template, database, datasette):
    """``visible_links``: a row page's "links from other tables" without the hidden ones.

    Internal tables (MinHash signatures, LSH buckets, fetch state) refer to articles, and
    Datasette would offer "42 rows from article_id in article_lsh" on every article page.
    """
    if template != "row.html" or database is None:
        return {}

    async def hidden_tables():
        return set(await datasette.get_database(database).hidden_table_names())

    async def inner():
        hidden = await hidden_tables()

        def visible_links(foreign_key_tables):
            return [link for link in foreign_key_tables or () if link["other_table"] not in hidden]

        return {"visible_links": visible_links}

    return inner
