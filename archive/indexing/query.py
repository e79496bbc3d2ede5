"""What a journalist types into a search box, as an SQLite FTS5 query and field filters.

One parser for every way into the archive's search (the table search, the ranked ``search``
query, search-all, the Atom feeds and ``newsarchive search``), so that a query means the same
everywhere and no input ends in an error page. The syntax:

- words, implicitly all required: ``Hafen Duisburg``;
- ``"a phrase"`` (an unclosed quote runs to the end of the query);
- ``prefix*``;
- ``OR`` and ``AND`` (upper case, between two terms), ``NOT`` or ``-`` before a word, a
  phrase or a group (``-"a phrase"``, ``-(a OR b)``), and ``( … )`` to group;
- field filters: ``source:rp-duesseldorf``, ``region:Ruhr``, ``author:"Anna Beispiel"``,
  ``lang:de``, ``title:Hafen``, and dates ``since:2026-10-01``, ``until:2026-11-30``,
  ``date:2026-11`` (a year, month or day); a filter value may be quoted, and ``-source:waz``
  (any filter but the dates) leaves out what it names.

Everything else is text: hyphens, dots, slashes, ``&``, ``%``, ``€`` (``NRW-Chemie``, ``E.ON``,
``Q3/2026``) make a phrase of the words around them, as the index splits them; unbalanced
parentheses, stray operators and a lone ``*`` are dropped. A query of only negations or only
filters has no words to match: it filters, and matches every article otherwise.
"""

import calendar
import functools
import re
import sqlite3
import unicodedata
from dataclasses import dataclass, field

from sqlite_utils import Database

from archive.indexing.search import JOINED_WORD, UMLAUT_SPELLINGS, query_terms

# Filters on articles' columns; ``title`` is a filter on the FTS index's title column.
COLUMN_FILTERS = {
    "source": "source",
    "region": "region",
    "author": "author",
    "lang": "language",
    "language": "language",
}
DATE_FILTERS = ("since", "until", "date")
FIELDS = (*COLUMN_FILTERS, *DATE_FILTERS, "title")
OPERATORS = ("OR", "AND", "NOT")
# Characters of a word as SQLite's unicode61 tokenizer sees them: letters, digits, marks.
WORD_CHARACTERS = re.compile(r"[^\W_]+")
TOKEN = re.compile(
    r"(?P<field>(?<![^\W_])-?(?:" + "|".join(FIELDS) + r'):(?:"[^"]*"?|[^\s()"]*))'
    r'|(?P<phrase>"[^"]*"?)'
    r"|(?P<open>\()|(?P<close>\))"
    # A minus right before a phrase or a group negates it, as before a word.
    r'|(?P<negation>-+(?=["(]))'
    r"|(?P<text>[^\s()\"]+)",
    re.IGNORECASE,
)
DATE_VALUE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
MAX_QUERY_LENGTH = 1000
# Parentheses nested deeper are dropped: FTS5's parser gives up at about 100 levels (each word's
# alternatives add one), and nobody groups a search ten deep.
MAX_NESTING = 10
# Shorter searched words are marked in an excerpt only where they are a whole word: "ag"
# would otherwise mark every "Tag" and "Vertrag".
MIN_MARKED = 4
# Words of a text searched for the first match of an excerpt; a text matched through its
# search terms only may have none to mark.
EXCERPT_SCAN = 2000


@dataclass(frozen=True)
class ParsedQuery:
    """A typed query: ``match`` for FTS5 (``None`` when nothing is to be matched) and filters."""

    match: str | None
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)  # column → accepted values
    excluded: dict[str, tuple[str, ...]] = field(default_factory=dict)  # column → refused values
    since: str | None = None  # ISO date or prefix: published >= since
    until: str | None = None  # published < the day after until (a month or year: its end)
    highlight: tuple[str, ...] = ()  # folded forms of the words searched for, for excerpts

    def accepts(
        self, source: str | None, region: str | None, author: str | None, language: str | None, published: str | None
    ) -> bool:
        """Whether an article with these columns passes the filters (the words aside)."""
        values = {"source": source, "region": region, "author": author, "language": language}
        for column, wanted in self.filters.items():
            if not _names(column, values[column], wanted):
                return False
        for column, refused in self.excluded.items():
            if _names(column, values[column], refused):
                return False
        if self.since and not (published and published[: len(self.since)] >= self.since):
            return False
        if self.until and not (published and published[: len(self.until)] <= self.until):
            return False
        return True

    @property
    def has_filters(self) -> bool:
        return bool(self.filters or self.excluded or self.since or self.until)


def _names(column: str, value: str | None, names: tuple[str, ...]) -> bool:
    """Whether an article's ``column`` is one of ``names`` (a byline: contains one)."""
    value = (value or "").casefold()
    return any(name in value for name in names) if column == "author" else value in names


def parse_query(text: str | None) -> ParsedQuery:
    """Parse anything typed into a search box; never raises.

    >>> parse_query('NRW-Chemie source:rp "Hafen Duisburg"').match
    '"nrw chemie" AND "hafen duisburg"'
    """
    text = (text or "")[:MAX_QUERY_LENGTH]
    filters: dict[str, set[str]] = {}
    excluded: dict[str, set[str]] = {}
    dates: dict[str, str] = {}
    tokens: list[str] = []  # FTS5 terms, operators and parentheses, in the order typed
    for token in TOKEN.finditer(text):
        kind, value = token.lastgroup, token.group()
        if kind == "field":
            name, _, raw = value.partition(":")
            negated, name, raw = name.startswith("-"), name.lstrip("-").lower(), raw.strip('"').strip()
            if name == "title":
                if phrase := _phrase(raw):
                    tokens += ["NOT", f"title : {phrase}"] if negated else [f"title : {phrase}"]
            elif name in DATE_FILTERS:
                # "Not since" reads as "until" to some and as nothing to others: dropped.
                if not negated and (day := _date(raw)):
                    for bound in {"since": ("since",), "until": ("until",), "date": ("since", "until")}[name]:
                        dates[bound] = day
            elif raw:
                (excluded if negated else filters).setdefault(COLUMN_FILTERS[name], set()).add(raw.casefold())
        elif kind == "negation":
            tokens.append("NOT")
        elif kind in ("open", "close"):
            tokens.append(value)
        elif kind == "phrase":
            if phrase := _phrase(value.strip('"')):
                tokens.append(phrase)
        elif value in OPERATORS:
            tokens.append(value)
        elif value.startswith("-") and (word := _word_term(value[1:])):
            tokens += ["NOT", word]
        elif word := _word_term(value):
            tokens.append(word)
    match = _Parser(tokens).expression()
    return ParsedQuery(
        match,
        {column: tuple(sorted(values)) for column, values in filters.items()},
        {column: tuple(sorted(values)) for column, values in excluded.items()},
        dates.get("since"),
        dates.get("until"),
        _highlighted(match),
    )


def _date(text: str) -> str | None:
    """The year, month or day ``text`` starts with, as far as it is a real date: 2026-13-45 is
    2026, 2026-02-30 is 2026-02 (a mistyped day should not empty the results)."""
    if not (found := DATE_VALUE.match(text)):
        return None
    year, *rest = found.group().split("-")
    if not rest or not 1 <= int(rest[0]) <= 12:
        return year
    month = int(rest[0])
    days = calendar.mdays[month] + (month == 2 and calendar.isleap(int(year)))
    if len(rest) == 1 or not 1 <= int(rest[1]) <= days:
        return f"{year}-{rest[0]}"
    return found.group()


def _highlighted(match: str | None) -> tuple[str, ...]:
    """The words of a query's phrases that are not negated, folded as :func:`_folded` does."""
    if match is None:
        return ()
    kept = re.sub(r'NOT (\((?:[^()"]|"[^"]*")*\)|(?:title : )?"[^"]*"\*?)', " ", match)
    words = {_folded(word) for phrase in re.findall(r'"([^"]*)"', kept) for word in phrase.split()}
    return tuple(sorted(word for word in words if word))


@functools.lru_cache(maxsize=100_000)
def _folded(word: str) -> str:
    """Lower case without diacritics or ae/oe/ue/ss spellings: Düsseldorf, duesseldorf and
    dusseldorf fold alike."""
    word = word.casefold().translate(UMLAUT_SPELLINGS)
    for spelled, plain in (("ae", "a"), ("oe", "o"), ("ue", "u"), ("ss", "s")):
        word = word.replace(spelled, plain)
    return "".join(
        character for character in unicodedata.normalize("NFKD", word) if not unicodedata.combining(character)
    )


def _is_marked(token: str, searched: tuple[str, ...]) -> bool:
    words = WORD_CHARACTERS.findall(_folded(token))
    if len(words) > 1:  # NRW-Chemie, Start-up: found as nrwchemie, startup too
        words.append("".join(words))
    return any(any(form in word for word in words) if len(form) >= MIN_MARKED else form in words for form in searched)


def excerpt(text: str | None, typed: str | None, words: int = 30) -> str:
    """About ``words`` words of ``text`` around the first word the query matched, matched words
    in [brackets]: whole words, and words a searched word is part of (a compound part, an
    inflected form: *Förderung* marks [Wirtschaftsförderung])."""
    if not text:
        return ""
    searched = _parsed(typed).highlight
    tokens = text.split()
    # The first match decides the window; only the tokens up to it and in it are looked at.
    first = next((position for position, token in enumerate(tokens[:EXCERPT_SCAN]) if _is_marked(token, searched)), 0)
    start = max(0, first - words // 3)
    window = [f"[{token}]" if _is_marked(token, searched) else token for token in tokens[start : start + words]]
    return ("… " if start else "") + " ".join(window) + (" …" if start + words < len(tokens) else "")


def _phrase(text: str) -> str | None:
    """``text`` as one FTS5 phrase of the words the index sees in it, or ``None``."""
    words = WORD_CHARACTERS.findall(text.casefold())
    return '"' + " ".join(words) + '"' if words else None


def _word_term(text: str) -> str | None:
    """A typed word: a phrase when punctuation joins several words (``E.ON``, ``R&D``), a
    prefix search for ``word*``, otherwise the word or the forms it stands for."""
    prefix = text.endswith("*")
    words = WORD_CHARACTERS.findall(text.casefold())
    if not words:
        return None
    if prefix:
        return '"' + " ".join(words) + '"*'
    # Joined words match as a phrase of their pieces, and as the joined word the index also
    # holds (Start-up: "start up" or startup).
    alternatives = ['"' + " ".join(words) + '"'] if len(words) > 1 else []
    if len(words) == 1:
        forms = query_terms(words[0])
    elif JOINED_WORD.fullmatch(text.strip(".,;:!?\"'()")):  # the index holds it joined too
        forms = query_terms(text.casefold())
    else:  # 4,5 or 100%: pieces the index keeps apart
        forms = []
    for form in forms:
        alternative = f'"{form[:-1]}"*' if form.endswith("*") else f'"{form}"'
        if alternative not in alternatives:
            alternatives.append(alternative)
    if not alternatives:
        return None
    return alternatives[0] if len(alternatives) == 1 else "(" + " OR ".join(alternatives) + ")"


class _Parser:
    """Recursive descent over the typed tokens, forgiving where a user slips:

    ``expression := conjunction (OR conjunction)*``, ``conjunction := unary (AND? unary)*``,
    ``unary := NOT unary | ( expression ) | term``. A missing operand or partner parenthesis
    is skipped, and so is a parenthesis nested deeper than ``MAX_NESTING``; the result is
    rendered as FTS5 accepts it (``NOT`` needs a left side).
    """

    def __init__(self, tokens: list[str]):
        self.tokens = tokens
        self.position = 0
        self.depth = 0

    def expression(self) -> str | None:
        rendered = self._disjunction()
        while self.position < len(self.tokens):  # a ")" without its "(": skip it, go on
            self.position += 1
            rendered = _join("AND", [rendered, self._disjunction()])
        return rendered

    def _peek(self) -> str | None:
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def _disjunction(self) -> str | None:
        parts = [self._conjunction()]
        while self._peek() == "OR":
            self.position += 1
            parts.append(self._conjunction())
        return _join("OR", parts)

    def _conjunction(self) -> str | None:
        positive: list[str | None] = []
        negative: list[str | None] = []
        while (token := self._peek()) is not None and token not in ("OR", ")"):
            if token == "AND":
                self.position += 1
                continue
            negated, operand = self._unary()
            (negative if negated else positive).append(operand)
        kept = _join("AND", positive)
        if kept is None:
            return None  # nothing to subtract from: FTS5 cannot list what does not match
        # a NOT b NOT c as a NOT (b OR c): one level of nesting however many words are negated.
        subtracted = _join("OR", negative)
        return kept if subtracted is None else f"{_grouped(kept)} NOT {_grouped(subtracted)}"

    def _unary(self) -> tuple[bool, str | None]:
        negated = False
        while self._peek() == "NOT":
            self.position += 1
            negated = not negated
        token = self._peek()
        if token is None or token in ("OR", "AND", ")"):
            return negated, None
        self.position += 1
        if token == "(" and self.depth >= MAX_NESTING:
            return negated, None
        if token == "(":
            self.depth += 1
            inner = self._disjunction()
            self.depth -= 1
            if self._peek() == ")":
                self.position += 1
            return negated, inner
        return negated, token


def _join(operator: str, parts: list[str | None]) -> str | None:
    parts = [part for part in parts if part]
    if not parts:
        return None
    if len(parts) == 1:
        return parts[0]
    return f" {operator} ".join(_grouped(part) if " " in part and not _is_atom(part) else part for part in parts)


def _grouped(expression: str) -> str:
    return expression if _is_atom(expression) else f"({expression})"


def _is_atom(expression: str) -> bool:
    """A phrase, prefix, column filter or parenthesised group: safe next to any operator."""
    return bool(re.fullmatch(r'(title : )?"[^"]*"\*?', expression)) or (
        expression.startswith("(") and expression.endswith(")") and _closes_at_end(expression)
    )


def _closes_at_end(expression: str) -> bool:
    depth = 0
    in_phrase = False
    for position, character in enumerate(expression):
        if character == '"':
            in_phrase = not in_phrase
        elif not in_phrase and character in "()":
            depth += 1 if character == "(" else -1
            if depth == 0 and position < len(expression) - 1:
                return False
    return True


def search_articles(db: Database, text: str, limit: int = 20) -> list[dict]:
    """Articles matching a typed query, best match first (bm25); with filters but no words,
    the newest articles that pass the filters.

    >>> search_articles(db, "Wasserstoff source:rp-duesseldorf")          # doctest: +SKIP
    [{'id': 3, 'url': 'https://…', 'kicker': None, 'title': '…', 'published': '2026-10-14T09:30:00+02:00'}]
    """
    register_functions(db.conn)
    parsed = parse_query(text)
    columns = "articles.id, articles.url, articles.kicker, articles.title, articles.published"
    accepts = (
        f"{ACCEPTS_SQL_FUNCTION}(:text, articles.source, articles.region, articles.author, "
        "articles.language, articles.published)"
    )
    if parsed.match is None:
        if not parsed.has_filters:
            return []
        sql = f"select {columns} from articles where {accepts} order by articles.published desc limit :limit"
    else:
        sql = (
            f"select {columns} from articles join articles_fts on articles_fts.rowid = articles.id "
            f"where articles_fts match :match and {accepts} order by articles_fts.rank limit :limit"
        )
    return [dict(row) for row in db.query(sql, {"text": text, "match": parsed.match, "limit": limit})]


# SQL functions, so that canned queries and the table search parse a query as this module does.
MATCH_SQL_FUNCTION = "newsarchive_query"
ACCEPTS_SQL_FUNCTION = "newsarchive_accepts"
HAS_FILTERS_SQL_FUNCTION = "newsarchive_has_filters"
EXCERPT_SQL_FUNCTION = "newsarchive_excerpt"


@functools.lru_cache(maxsize=256)
def _parsed(text: str | None) -> ParsedQuery:
    return parse_query(text)


def register_functions(conn: sqlite3.Connection) -> None:
    """``newsarchive_query(q)``: the FTS5 query for typed text (NULL when it has no words);
    ``newsarchive_accepts(q, source, region, author, language, published)``: 1 when an article
    passes the query's field filters; ``newsarchive_has_filters(q)``: 1 when it has any, so
    that a statement tests articles only then (SQLite computes it once, a test per article
    costs a Python call each); ``newsarchive_excerpt(text, q)``: :func:`excerpt`."""
    conn.create_function(MATCH_SQL_FUNCTION, 1, lambda text: _parsed(text).match, deterministic=True)
    conn.create_function(HAS_FILTERS_SQL_FUNCTION, 1, lambda text: int(_parsed(text).has_filters), deterministic=True)
    conn.create_function(
        ACCEPTS_SQL_FUNCTION, 6, lambda text, *columns: int(_parsed(text).accepts(*columns)), deterministic=True
    )
    conn.create_function(EXCERPT_SQL_FUNCTION, 2, excerpt, deterministic=True)
