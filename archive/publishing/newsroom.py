"""The journalists' pages of the archive: a search as a news list, an article, a company or
place over time. SQL and the shapes of what the pages show; Datasette's routes and templates
are in ``archive/publishing/datasette_plugin/newsroom.py``.

Every read goes through ``execute(sql, params)`` of a Datasette database, so that it is bounded
by ``sql_time_limit_ms``. What a search shows costs what the page shows, not what the archive
holds: the words are matched through the FTS index (:func:`archive.indexing.query.parse_query`), the
empty search takes the newest stories from ``idx_articles_published``, a page of results reads
at most ``window`` rows, and facets and the chart count the matching set with a LIMIT (for the
empty search: the newest ``RECENT_WINDOW`` articles).
"""

import difflib
import math
import re
from datetime import date, datetime, timedelta
from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

import markupsafe

from archive.indexing.query import parse_query

PAGE_SIZE = 20
MAX_PAGE = 50  # deeper pages are for the table and SQL, not for a reader
MAX_VALUE = 200  # characters kept of a filter typed into a URL
# Facets and the chart of the empty search count this many newest articles, not the archive.
RECENT_WINDOW = 5000
# Facets and the chart of a search for words alone with more matches than this are estimated from
# a regular sample of them (every n-th match by id), about SUMMARY_SAMPLE of them: counting each of
# hundreds of thousands of matches costs a second at a million articles. The hit count stays exact.
SUMMARY_SAMPLE = 50_000
# Company and place facets of a search with words count its most recently archived matches
# (a join per match: counting a broad search's every match costs seconds at a million articles).
ENTITY_WINDOW = 5000
FACET_LIMIT = 10
MONTH_FACET_LIMIT = 24
CHART_BUCKETS = 60
DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
MONTH = re.compile(r"\d{4}-\d{2}")
WEEK = re.compile(r"\d{4}-W\d{2}")
# The excerpt function marks a found word as one whitespace-free token in [brackets].
MARKED = re.compile(r"(?<!\S)\[(\S+?)\](?!\S)")
# Any string starting with a prefix sorts between it and it followed by the last code point.
PREFIX_END = "\U0010ffff"
FACETS = (
    ("source", "Source"),
    ("region", "Region"),
    ("month", "Month"),
    ("lang", "Language"),
    ("company", "Company"),
    ("place", "Place"),
)


@dataclass(frozen=True)
class Search:
    """What the search form and the facet links ask for; every field is safe to use as given."""

    q: str = ""
    source: str = ""
    region: str = ""
    lang: str = ""
    month: str = ""  # YYYY-MM
    company: str = ""
    place: str = ""
    since: str = ""  # YYYY-MM-DD
    until: str = ""  # YYYY-MM-DD
    sort: str = "relevance"  # or "newest"
    per: str = "month"  # the chart's bars: "month" or "week"
    page: int = 1
    # What the address asked for that the page cannot do, each as a sentence the page shows.
    problems: tuple[str, ...] = field(default=(), compare=False)

    @classmethod
    def from_args(cls, args) -> "Search":
        """From query-string arguments (anything at all): bad dates, sorts and pages are dropped,
        each with a sentence in ``problems`` that says so."""
        problems = []

        def quoted(text: str) -> str:
            return f"“{text[:40]}…”" if len(text) > 40 else f"“{text}”"

        def value(name: str) -> str:
            return " ".join(str(args.get(name) or "").split())[:MAX_VALUE].replace('"', "")

        def dated(name: str, label: str, pattern: re.Pattern, example: str) -> str:
            text = value(name)
            if text and not (pattern.fullmatch(text) and is_date(text)):
                kind = "month" if pattern is MONTH else "day"
                problems.append(f"{label} {quoted(text)} is not a {kind} like {example}: left out.")
                return ""
            return text

        def chosen(name: str, allowed: tuple[str, ...], label: str, instead: str) -> str:
            text = value(name)
            if text and text not in allowed:
                problems.append(f"{label} {quoted(text)} is unknown: {instead} instead.")
            return text if text in allowed else allowed[0]

        asked = value("page")
        try:
            page = int(asked or "1")
        except ValueError:
            page = 1
            problems.append(f"{quoted(asked)} is not a page number: page 1 instead.")
        if page > MAX_PAGE:
            problems.append(f"Results go up to page {MAX_PAGE}: add a word or a filter to reach the rest.")
        since = dated("since", "From", DAY, "2026-10-01")
        until = dated("until", "To", DAY, "2026-10-31")
        if since and until and since > until:
            problems.append(f"From {since} is after to {until}: the two were swapped.")
            since, until = until, since
        return cls(
            q=" ".join(str(args.get("q") or "").split())[:1000],
            source=value("source"),
            region=value("region"),
            lang=value("lang"),
            month=dated("month", "Month", MONTH, "2026-10"),
            company=value("company"),
            place=value("place"),
            since=since,
            until=until,
            sort=chosen("sort", ("relevance", "newest"), "The order", "best match first"),
            per=chosen("per", ("month", "week"), "The chart's step", "per month"),
            page=min(max(page, 1), MAX_PAGE),
            problems=tuple(problems),
        )

    @property
    def typed(self) -> str:
        """The words with the filters the parser knows, as a journalist could have typed them:
        one query for the results, the excerpts and the Atom feed."""
        words = self.q
        if words.count('"') % 2:
            # A quote left open would take the filters appended after it into its phrase.
            words += '"'
        parts = [words] if words else []
        for name, wanted in (("source", self.source), ("region", self.region), ("lang", self.lang)):
            if wanted:
                parts.append(f'{name}:"{wanted}"')
        if self.month:
            parts.append(f"date:{self.month}")
        if self.since:
            parts.append(f"since:{self.since}")
        if self.until:
            parts.append(f"until:{self.until}")
        return " ".join(parts)

    @property
    def is_empty(self) -> bool:
        return self.typed == "" and not self.company and not self.place

    def url(self, **changes) -> str:
        """The search page's address for this search with ``changes`` (a new filter starts on
        page 1)."""
        changed = replace(self, **{"page": 1, **changes})
        defaults = Search()
        params = {
            name: getattr(changed, name)
            for name in ("q", *(name for name, _ in FACETS), "since", "until", "sort", "per", "page")
            if getattr(changed, name) != getattr(defaults, name)
        }
        return "/?" + urlencode(params) if params else "/"


@dataclass
class Condition:
    """The where clause of the articles a search matches (alias ``a``) and its parameters."""

    sql: str  # the whole condition
    params: dict = field(default_factory=dict)
    has_words: bool = False
    filters: str = "1"  # the condition without the words (for a statement driven by the FTS index)
    covered: bool = True  # every column it reads is in FACETS_INDEX

    @property
    def articles(self) -> str:
        """The articles table for counting matches of words: their ids looked up in the narrow
        FACETS_INDEX instead of the article rows (several KB each, the text included)."""
        return f"articles as a indexed by {FACETS_INDEX}" if self.has_words and self.covered else "articles as a"


# Columns id, published, source, region, language, published_month, duplicate_status
# (migration m012_search_facets_index).
FACETS_INDEX = "idx_articles_search_facets"
WORDS_SQL = "a.id in (select rowid from articles_fts where articles_fts match :match)"


def is_date(text: str) -> bool:
    """Whether YYYY-MM-DD or YYYY-MM names a day or month of the calendar (2026-02-30 does not)."""
    try:
        date.fromisoformat(text if len(text) > 7 else text + "-01")
    except ValueError:
        return False
    return True


def condition(search: Search) -> Condition:
    """Which articles a search matches, as SQL that an index can drive: the FTS index for the
    words, ``source``/``region``/``published`` indexes for the filters."""
    parsed = parse_query(search.typed)
    filters, params = [], {"typed": search.typed}
    if parsed.match is not None:
        params["match"] = parsed.match
    # Filters typed into the box (author:, lang:en …) are the parser's to apply; those of the
    # form and the facet links are plain comparisons, which SQLite answers from an index.
    typed_filters = parse_query(search.q).has_filters
    if typed_filters:
        filters.append("newsarchive_accepts(:typed, a.source, a.region, a.author, a.language, a.published)")
    for column, wanted in (("source", search.source), ("region", search.region), ("language", search.lang)):
        if wanted:
            filters.append(f"a.{column} = :{column}")
            params[column] = wanted
    low = max(filter(None, (search.month, search.since)), default="")
    if low:
        filters.append("a.published >= :low")
        params["low"] = low
    high = min((bound + PREFIX_END for bound in (search.month, search.until) if bound), default="")
    if high:
        filters.append("a.published < :high")
        params["high"] = high
    for table, column, wanted in (
        ("article_companies", "company_id", search.company),
        ("article_places", "place_id", search.place),
    ):
        if wanted:
            filters.append(f"a.id in (select article_id from {table} where {column} = :{column})")
            params[column] = wanted
    clauses = ([WORDS_SQL] if parsed.match is not None else []) + filters
    return Condition(
        " and ".join(clauses) or "1",
        params,
        has_words=parsed.match is not None,
        filters=" and ".join(filters) or "1",
        covered=not typed_filters,
    )


def facet_source(found: Condition) -> str:
    """The articles that facets and the chart count: the matches, or for the empty search the
    newest ``RECENT_WINDOW`` (a count over a million articles is no answer to nothing typed)."""
    if found.sql == "1":
        return (
            "(select id, source, region, language, published from articles "
            f"order by published desc limit {RECENT_WINDOW}) as a"
        )
    return found.articles


# -- results ------------------------------------------------------------------------------------


# Newest first, a search with more matches than this walks the publication-date index backwards
# (and stops at the page) instead of sorting every match: reading and sorting 100,000 matches
# takes seconds at a million articles, while the walk meets a page of them early.
NEWEST_BY_INDEX_ABOVE = 5000


def results_sql(search: Search, found: Condition, count: int | None = None) -> tuple[str, dict]:
    """Matching articles in the page's order, as many as needed to fill the page after copies
    of one story are folded into one hit: ids, story ids (the earliest copy's id). ``count``,
    when known, chooses how newest-first results are found."""
    window = (search.page * PAGE_SIZE) * 2 + PAGE_SIZE
    params = {**found.params, "window": window}
    story = "coalesce(a.duplicate_of, a.id) as story"
    if found.has_words and search.sort == "relevance":
        sql = (
            f"select a.id, {story} from articles_fts join articles as a on a.id = articles_fts.rowid "
            f"where articles_fts match :match and {found.filters} order by articles_fts.rank limit :window"
        )
    else:
        walk = count is not None and count > NEWEST_BY_INDEX_ABOVE
        table = "articles as a indexed by idx_articles_published" if walk else "articles as a"
        sql = f"select a.id, {story} from {table} where {found.sql} order by a.published desc, a.id desc limit :window"
    return sql, params


def fold_stories(rows: list[tuple[int, int]], page: int) -> tuple[list[tuple[int, int]], bool]:
    """One hit per story for ``page``, and whether more follow: at the place of the story's
    best or newest match, shown as its first copy when that matched too."""
    matched = {article_id for article_id, _ in rows}
    seen, hits = set(), []
    for article_id, story in rows:
        if story not in seen:
            seen.add(story)
            hits.append((story if story in matched else article_id, story))
    start = (page - 1) * PAGE_SIZE
    return hits[start : start + PAGE_SIZE], len(hits) > start + PAGE_SIZE


def hits_sql(ids: list[int]) -> str:
    """The shown fields of the hits (``:typed`` marks the excerpt's words)."""
    placeholders = ", ".join(str(int(article_id)) for article_id in ids) or "null"
    return f"""
        select a.id, a.title, a.description, a.source, coalesce(s.name, a.source) as source_name,
          a.region, a.published, a.language, a.kicker,
          newsarchive_excerpt(a.text, :typed) as excerpt
        from articles as a left join sources as s on s.id = a.source
        where a.id in ({placeholders})"""


def story_members_sql(stories: list[int]) -> str:
    """Every copy of the stories shown: id, story, source, its name, language."""
    placeholders = ", ".join(str(int(story)) for story in stories) or "null"
    return f"""
        select a.id, coalesce(a.duplicate_of, a.id) as story, a.source,
          coalesce(s.name, a.source) as source_name, a.language
        from articles as a left join sources as s on s.id = a.source
        where a.id in ({placeholders}) or a.duplicate_of in ({placeholders})
        order by a.published"""


def translations_sql(ids: list[int]) -> str:
    """The language versions of these articles (both directions of ``translations``)."""
    placeholders = ", ".join(str(int(article_id)) for article_id in ids) or "null"
    return f"""
        select t.article_id as of, t.translation_id as id, coalesce(t.language, a.language) as language,
          coalesce(s.name, a.source) as source_name
        from translations as t join articles as a on a.id = t.translation_id
          left join sources as s on s.id = a.source
        where t.article_id in ({placeholders})
        union
        select t.translation_id as of, t.article_id as id, a.language, coalesce(s.name, a.source)
        from translations as t join articles as a on a.id = t.article_id
          left join sources as s on s.id = a.source
        where t.translation_id in ({placeholders})"""


def count_sql(found: Condition) -> tuple[str, dict]:
    """How many articles match (copies included); from the FTS index alone for words only."""
    if found.has_words and found.filters == "1":
        return "select count(*) from articles_fts where articles_fts match :match", found.params
    return f"select count(*) from {found.articles} where {found.sql}", found.params


def summary_sql(found: Condition, per: str, step: int = 1) -> tuple[str, dict]:
    """One pass over the matches for the count, the source, region, language and month facets
    and the chart: matching articles by source, region, language, month and chart bucket (a
    few thousand rows at most, however many articles match). With ``step`` above 1 (a search
    for words alone, see :func:`summary_step`) every ``step``-th match by id is counted."""
    bucket = "substr(a.published, 1, 7)" if per == "month" else "strftime('%Y-W%W', a.published)"
    where, params = found.sql, found.params
    if step > 1:
        # The sample is taken inside the FTS statement, so only the sampled matches are looked up.
        where = where.replace(WORDS_SQL, SAMPLED_WORDS_SQL)
        params = {**params, "step": step}
    sql = f"""
        select a.source, a.region, a.language, substr(a.published, 1, 7) as month, {bucket} as bucket,
          count(*) as count
        from {facet_source(found)} where {where}
        group by a.source, a.region, a.language, month, bucket"""
    return sql, params


SAMPLED_WORDS_SQL = "a.id in (select rowid from articles_fts where articles_fts match :match and rowid % :step = 0)"


def summary_step(found: Condition, count: int | None) -> int:
    """Every how many matches the summary counts: 1 (all) unless the search is for words alone
    and has more than ``SUMMARY_SAMPLE`` matches."""
    if not found.has_words or found.filters != "1" or not count or count <= SUMMARY_SAMPLE:
        return 1
    return -(-count // SUMMARY_SAMPLE)


@dataclass
class Summary:
    """What :func:`summary_sql` counted, as facets (value, label, count; most first, months
    newest first) and chart rows (bucket, source name, count)."""

    count: int
    facets: dict[str, list[dict]]
    chart: list[tuple[str, str, int]]


def summarise(rows: list[dict], source_names: dict[str, str], step: int = 1) -> Summary:
    rows = [{**row, "count": row["count"] * step} for row in rows] if step > 1 else rows
    totals: dict[str, dict] = {"source": {}, "region": {}, "lang": {}, "month": {}}
    chart: dict[tuple[str, str], int] = {}
    for row in rows:
        for name, value in (
            ("source", row["source"]),
            ("region", row["region"]),
            ("lang", row["language"]),
            ("month", row["month"]),
        ):
            if value not in (None, ""):
                totals[name][value] = totals[name].get(value, 0) + row["count"]
        if row["bucket"]:
            key = (row["bucket"], source_names.get(row["source"]) or row["source"] or "unknown source")
            chart[key] = chart.get(key, 0) + row["count"]
    facets = {}
    for name, counted in totals.items():
        if name == "month":
            ordered = sorted(counted.items(), reverse=True)[:MONTH_FACET_LIMIT]
        else:
            ordered = sorted(counted.items(), key=lambda item: (-item[1], str(item[0])))[:FACET_LIMIT]
        labels = source_names if name == "source" else {}
        facets[name] = [
            {"value": value, "label": labels.get(value) or value, "count": count} for value, count in ordered
        ]
    return Summary(
        sum(row["count"] for row in rows),
        facets,
        [(bucket, source, count) for (bucket, source), count in chart.items()],
    )


def entity_facet_sql(name: str, found: Condition) -> tuple[str, dict]:
    """Counts of the companies or places the matches mention: value, label, count; most first.

    For a search with words, among its ``ENTITY_WINDOW`` most recently archived matches (the
    FTS index yields them newest id first and stops there); else among what
    :func:`facet_source` counts."""
    table, column, entity = {
        "company": ("article_companies", "company_id", "companies"),
        "place": ("article_places", "place_id", "places"),
    }[name]
    if found.has_words:
        matches = (
            "select a.id from articles as a where a.id in (select rowid from articles_fts where "
            f"articles_fts match :match order by rowid desc limit {ENTITY_WINDOW}) and {found.filters}"
        )
    else:
        matches = f"select a.id from {facet_source(found)} where {found.sql}"
    sql = f"""
        select link.{column} as value, coalesce(entity.name, link.{column}) as label, count(*) as count
        from {table} as link left join {entity} as entity on entity.id = link.{column}
        where link.article_id in ({matches})
        group by link.{column} order by count desc, label limit {FACET_LIMIT}"""
    return sql, found.params


def article_text_html(text: str) -> markupsafe.Markup:
    """Clean text (paragraphs separated by newlines) as escaped ``<p>`` elements."""
    paragraphs = [line.strip() for line in text.splitlines() if line.strip()]
    body = markupsafe.Markup("").join(markupsafe.Markup("<p>{}</p>").format(paragraph) for paragraph in paragraphs)
    return markupsafe.Markup('<div class="article-text">{}</div>').format(body)


def marked(excerpt: str | None) -> markupsafe.Markup:
    """An excerpt escaped, its [found] words in ``<mark>``."""
    escaped = str(markupsafe.escape(excerpt or ""))
    return markupsafe.Markup(MARKED.sub(r"<mark>\1</mark>", escaped))


# -- article ------------------------------------------------------------------------------------

ARTICLE_SQL = """
select a.*, coalesce(s.name, a.source) as source_name
from articles as a left join sources as s on s.id = a.source
where a.id = :id"""
ARTICLE_COMPANIES_SQL = """
select c.id, coalesce(c.name, link.company_id) as name, link.mentions
from article_companies as link left join companies as c on c.id = link.company_id
where link.article_id = :id order by link.mentions desc, name"""
ARTICLE_PLACES_SQL = """
select p.id, coalesce(p.name, link.place_id) as name, p.kind, link.mentions
from article_places as link left join places as p on p.id = link.place_id
where link.article_id = :id order by link.mentions desc, name"""
ARTICLE_VERSIONS_SQL = """
select fetched_at, title, text from article_versions where article_id = :id order by id"""
ARTICLE_COPIES_SQL = """
select a.id, coalesce(s.name, a.source) as source_name, a.language, a.published, a.duplicate_of is null as first
from articles as a left join sources as s on s.id = a.source
where (a.id = :story or a.duplicate_of = :story) and a.id != :id
order by a.published"""


def lead_and_paragraphs(description: str | None, text: str | None) -> tuple[str | None, list[str]]:
    """The lead once: pages often repeat their teaser as the text's first paragraph."""
    paragraphs = [line.strip() for line in (text or "").splitlines() if line.strip()]
    lead = (description or "").strip() or None
    if lead and paragraphs:
        first = " ".join(paragraphs[0].split())
        folded = " ".join(lead.split())
        if first == folded or first.startswith(folded.rstrip(".…").rstrip()):
            paragraphs = paragraphs[1:] if first == folded else paragraphs
            lead = lead if first == folded else None
    return lead, paragraphs


def separate_lead(description: str | None, text: str | None) -> str | None:
    """The lead to show above the whole text, or None when the text already opens with it."""
    lead, paragraphs = lead_and_paragraphs(description, text)
    whole = [line.strip() for line in (text or "").splitlines() if line.strip()]
    return lead if paragraphs == whole else None


@dataclass
class Change:
    """One change of an article: when the old text was last seen, and a readable diff."""

    seen: str
    title_before: str | None
    title_after: str | None
    # The changed paragraphs only, each as its parts: ("-" removed | "+" added | " " kept, words).
    # A paragraph that was edited rather than replaced shows its removed and added words in place.
    lines: list[list[tuple[str, str]]]


# Paragraphs sharing at least this share of their words are one paragraph edited (its changed
# words are shown in place); less alike, the old paragraph is shown removed and the new added.
EDITED_RATIO = 0.5


def changes(versions: list[dict], current_title: str | None, current_text: str | None) -> list[Change]:
    """Each stored earlier version against the text that replaced it, newest change first."""
    texts = [(version["fetched_at"], version["title"], version["text"]) for version in versions]
    texts.append((None, current_title, current_text))
    found = []
    for (seen, title, before), (_, next_title, after) in zip(texts, texts[1:], strict=False):
        old = [line.strip() for line in (before or "").splitlines() if line.strip()]
        new = [line.strip() for line in (after or "").splitlines() if line.strip()]
        lines = []
        for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
            if tag == "equal":
                continue
            removed, added = old[i1:i2], new[j1:j2]
            for position in range(max(len(removed), len(added))):
                was = removed[position] if position < len(removed) else None
                now = added[position] if position < len(added) else None
                edited = was is not None and now is not None and word_changes(was, now)
                if edited:
                    lines.append(edited)
                    continue
                lines += [[("-", was)]] if was is not None else []
                lines += [[("+", now)]] if now is not None else []
        found.append(Change(seen or "", title, next_title, lines))
    return list(reversed(found))


def word_changes(before: str, after: str) -> list[tuple[str, str]] | None:
    """One paragraph's edit as its kept, removed and added runs of words, or None when the two
    share too little (less than ``EDITED_RATIO``) to read as one paragraph edited."""
    old, new = before.split(), after.split()
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    if matcher.ratio() < EDITED_RATIO:
        return None
    parts = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            parts.append((" ", " ".join(old[i1:i2])))
            continue
        if i2 > i1:
            parts.append(("-", " ".join(old[i1:i2])))
        if j2 > j1:
            parts.append(("+", " ".join(new[j1:j2])))
    return parts


# -- company and place pages ---------------------------------------------------------------------

ENTITY_SQL = {
    "company": "select id, name, legal_form as detail, headquarters as parent from companies where id = :id",
    "place": "select id, name, kind as detail, parent from places where id = :id",
}
ENTITY_LINK = {"company": ("article_companies", "company_id"), "place": ("article_places", "place_id")}


def entity_months_sql(kind: str) -> str:
    table, column = ENTITY_LINK[kind]
    return f"""
        select substr(a.published, 1, 7) as bucket, count(*) as count
        from {table} as link join articles as a on a.id = link.article_id
        where link.{column} = :id and a.published is not null
        group by bucket order by bucket desc limit {CHART_BUCKETS}"""


def entity_articles_sql(kind: str) -> str:
    table, column = ENTITY_LINK[kind]
    return f"""
        select a.id, a.title, a.kicker, a.published, a.region, a.language,
          coalesce(s.name, a.source) as source_name, a.description
        from {table} as link join articles as a on a.id = link.article_id
          left join sources as s on s.id = a.source
        where link.{column} = :id and a.duplicate_of is null
        order by a.published desc limit {PAGE_SIZE}"""


# -- charts --------------------------------------------------------------------------------------

# Colours with at least 3:1 contrast against white, told apart without red/green alone.
PALETTE = ("#1f5fa8", "#b34700", "#2e7d32", "#6a3d9a", "#a0226b", "#00695c", "#5d4037", "#455a64")
OTHERS = "other sources"


def bar_chart(rows: list[tuple[str, str, int]], title: str, max_series: int = len(PALETTE) - 1) -> markupsafe.Markup:
    """Inline SVG: one stacked bar per bucket (oldest left), one colour per series, a legend.

    ``rows`` are (bucket, series, count); series beyond the ``max_series`` largest are summed
    as "other sources". Server-rendered: no script, no network."""
    if not rows:
        return markupsafe.Markup("")
    totals: dict[str, int] = {}
    for _, series, count in rows:
        totals[series] = totals.get(series, 0) + count
    kept = [name for name, _ in sorted(totals.items(), key=lambda item: (-item[1], item[0]))[:max_series]]
    buckets: dict[str, dict[str, int]] = {}
    for bucket, series, count in rows:
        name = series if series in kept else OTHERS
        buckets.setdefault(bucket, {})
        buckets[bucket][name] = buckets[bucket].get(name, 0) + count
    ordered = _with_empty_periods(sorted(buckets))[-CHART_BUCKETS:]
    names = kept + ([OTHERS] if any(OTHERS in buckets.get(bucket, {}) for bucket in ordered) else [])
    colours = {name: PALETTE[position % len(PALETTE)] for position, name in enumerate(names)}
    peak = max(sum(buckets.get(bucket, {}).values()) for bucket in ordered) or 1
    # Room on the left for a count in the larger letters a phone's stylesheet gives the chart.
    width, height, left, bottom, top = 640, 200, 52, 40, 10
    slot = (width - left - 4) / len(ordered)
    bar = min(max(slot * 0.8, 1), 48)
    plot = height - bottom - top
    parts = []
    for step in sorted({0, peak // 2, peak}):
        y = top + plot - plot * step / peak
        parts.append(
            f'<line x1="{left}" x2="{width - 4}" y1="{y:.1f}" y2="{y:.1f}" class="grid"/>'
            f'<text x="{left - 4}" y="{y + 4:.1f}" text-anchor="end">{round(step)}</text>'
        )
    # Labels 100 units apart at least (six at most): a phone's stylesheet draws them large.
    label_every = max(1, math.ceil(100 / slot))
    labelled_year = ""
    for position, bucket in enumerate(ordered):
        x = left + position * slot + (slot - bar) / 2
        y = top + plot
        for name in names:
            count = buckets.get(bucket, {}).get(name, 0)
            if not count:
                continue
            size = plot * count / peak
            y -= size
            parts.append(
                markupsafe.Markup(
                    '<rect x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}" fill="{}"><title>{}: {}, {}</title></rect>'
                ).format(x, y, bar, size, colours[name], bucket, name, count)
            )
        if position % label_every == 0:
            # A week names its year only where the year changes ("2026-W22", "W25" …), and the
            # labels at the ends stay inside the chart.
            shown = bucket[5:] if WEEK.fullmatch(bucket) and bucket[:4] == labelled_year else bucket
            labelled_year = bucket[:4]
            anchor, at = "middle", x + bar / 2
            if at - left < 45:
                anchor, at = "start", min(at, x)
            elif width - at < 45:
                anchor, at = "end", max(at, x + bar)
            parts.append(
                markupsafe.Markup('<text x="{:.1f}" y="{}" text-anchor="{}">{}</text>').format(
                    at, height - bottom + 22, anchor, shown
                )
            )
    legend = markupsafe.Markup("").join(
        markupsafe.Markup('<li><span class="swatch" style="background:{}"></span>{}</li>').format(colours[name], name)
        for name in names
    )
    summary = f"{title}: {len(ordered)} bars from {ordered[0]} to {ordered[-1]}, at most {peak} articles"
    svg = markupsafe.Markup(
        '<svg class="chart" viewBox="0 0 {} {}" role="img" aria-label="{}" preserveAspectRatio="xMinYMin meet">{}</svg>'
    ).format(width, height, summary, markupsafe.Markup("").join(map(markupsafe.Markup, parts)))
    if len(names) > 1:
        return svg + markupsafe.Markup('<ul class="chart-legend">{}</ul>').format(legend)
    return svg


def _with_empty_periods(buckets: list[str]) -> list[str]:
    """Month (YYYY-MM) or week (YYYY-Www, SQLite's ``%W``) buckets with the periods between them
    that had no article, so that the bars stand on a time axis; others as given."""
    if buckets and all(MONTH.fullmatch(bucket) for bucket in buckets):
        year, month = map(int, buckets[0].split("-"))
        filled = []
        while f"{year:04d}-{month:02d}" <= buckets[-1] and len(filled) < 10 * CHART_BUCKETS:
            filled.append(f"{year:04d}-{month:02d}")
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return filled
    if buckets and all(WEEK.fullmatch(bucket) for bucket in buckets):
        first, last = (datetime.strptime(bucket + "-1", "%Y-W%W-%w").date() for bucket in (buckets[0], buckets[-1]))
        # Day by day: the days of a new year before its first Monday are week 00 of their own
        # year (the same Monday's week is 52 or 53 of the year before).
        day = max(first, last - timedelta(weeks=CHART_BUCKETS + 1))
        filled = []
        while day <= last + timedelta(days=6):
            label = day.strftime("%Y-W%W")
            if label not in filled[-1:] and buckets[0] <= label <= buckets[-1]:
                filled.append(label)
            day += timedelta(days=1)
        return filled
    return buckets
