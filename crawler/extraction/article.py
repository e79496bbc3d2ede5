"""What extraction finds on one article page: :class:`Article`.

Made by ``crawler.extraction.extract.extract_article``; storing prepares and writes it
(``archive.storage.store``). It imports nothing but the standard library, so the later stages
and the distributed crawl's queue read it without loading trafilatura.
"""

from dataclasses import asdict, dataclass, field, fields


@dataclass(frozen=True)
class Article:
    """One extracted article: the ``articles`` columns that come from the page.

    Its JSON form (:meth:`as_json`) is what ``newsarchive extract`` prints and what the
    distributed crawl queues for the archive writer; the keys are the field names, in order.
    """

    # The page's canonical URL (``archive.canonical.canonical_url``): the article's key.
    url: str
    # The headline, and the topic line above it (``crawler.extraction.kicker``).
    title: str | None = None
    kicker: str | None = None
    # The lead (``crawler.extraction.lead``).
    description: str | None = None
    # The byline: ``authors`` are people, ``agencies`` wire services
    # (``crawler.extraction.bylines``); ``author`` is all of them joined with "; ", an agency
    # as the story credits it, with its regional service ("dpa/lno").
    author: str | None = None
    authors: list[str] = field(default_factory=list)
    agencies: list[str] = field(default_factory=list)
    # ISO 8601, the page's own offset kept (Europe/Berlin for a local time);
    # ``date_source`` says where ``published`` came from (``crawler.extraction.page.DATE_FROM_*``).
    published: str | None = None
    modified: str | None = None
    date_source: str | None = None
    # ISO 639-1, detected from the text (bilingual sites mislabel their pages).
    language: str | None = None
    # The main text, paragraphs one a line, without the headline and the page's furniture.
    text: str = ""
    # Tags or keywords, the lead image's URL and the site's name, as the page states them.
    tags: list[str] = field(default_factory=list)
    image: str | None = None
    site_name: str | None = None
    # The page's language versions from hreflang links, ``{hreflang: canonical URL}``,
    # which the archive links as translations.
    alternates: dict[str, str] = field(default_factory=dict)

    def as_json(self) -> dict:
        """A JSON-ready dict of every field, in field order; :meth:`from_json` reads it."""
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> "Article":
        """The article :meth:`as_json` wrote; a field it lacks takes its default, and one
        without a URL is refused (``ValueError``)."""
        if not isinstance(data.get("url"), str):
            raise ValueError(f"an article needs a URL, not {data.get('url')!r}")
        values = {name: data[name] for name in FIELD_NAMES if name in data}
        for name in ("authors", "agencies", "tags"):
            if name in values:
                values[name] = list(values[name] or ())
        if "alternates" in values:
            values["alternates"] = dict(values["alternates"] or {})
        return cls(**values)


FIELD_NAMES = tuple(item.name for item in fields(Article))
