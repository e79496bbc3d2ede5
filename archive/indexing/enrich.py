"""Who and where: the companies and places an article mentions, linked to it in the archive.

Places come from a gazetteer shipped as data (``archive/indexing/data/places.csv``: the municipalities
and districts of North Rhine-Westphalia, the city districts of six big cities and partner cities
abroad); companies from names with a legal form (``… GmbH``, ``… AG``, ``… Co., Ltd.``) and a
curated list of the region's major companies with their short names
(``archive/indexing/data/companies.csv``), each normalised to one name.

:func:`enrich_article` fills ``places``, ``companies``, ``article_places`` and
``article_companies`` for one article; the crawl pipeline calls it for every stored article and
``newsarchive enrich`` runs :func:`enrich_archive` over the existing archive.
"""

import csv
import re
from collections import Counter
from dataclasses import asdict, dataclass, replace
from functools import lru_cache
from pathlib import Path

from sqlite_utils import Database

from archive.storage.rows import row_by_key, transaction

DATA_DIR = Path(__file__).parent / "data"
PLACES_FILE = DATA_DIR / "places.csv"
COMPANIES_FILE = DATA_DIR / "companies.csv"

# How a gazetteer name may be matched (the ``match`` column of places.csv):
ALWAYS = "always"  # wherever the name stands as a word
CONTEXT = "context"  # the name is also a common word or surname ("Essen", "Hamm"): needs a cue
QUALIFIED = "qualified"  # city districts with generic names ("Hafen"): only as "Düsseldorf-Hafen"

# When one spelling names several places, the more prominent kind wins.
KIND_ORDER = ("state", "region", "city", "municipality", "district", "city_district", "partner_city")
# Words right before an ambiguous name that make it a place: "in Essen", "Stadt Hamm".
PLACE_CUES = {
    "in",
    "aus",
    "nach",
    "von",
    "bis",
    "zwischen",
    "stadt",
    "städte",
    "standort",
    "standorte",
    "raum",
    "großraum",
    "region",
    "kreisstadt",
    "gemeinde",
    "stadtgebiet",
    "oberbürgermeister",
    "oberbürgermeisterin",
    "bürgermeister",
    "bürgermeisterin",
    "rathaus",
    "from",
    "near",
    "to",
    "city",
    "of",
}
# Words right before a name that make it a common noun or a person: "das Essen", "beim Essen".
NOT_PLACE_CUES = {
    "der",
    "die",
    "das",
    "dem",
    "den",
    "des",
    "ein",
    "eine",
    "einem",
    "einen",
    "einer",
    "eines",
    "beim",
    "zum",
    "zur",
    "vom",
    "im",
    "am",
    "ins",
    "kein",
    "keine",
    "gutes",
    "gute",
    "guten",
    "warmes",
    "warme",
    "the",
    "a",
    "an",
}
# What may stand between two places of one enumeration: "Düsseldorf, Essen und Köln".
LIST_SEPARATOR = re.compile(r"\s*(?:,|/|;|-|\bund\b|\boder\b|\bsowie\b|\bbis\b|\band\b|\bor\b)\s*")

LEGAL_FORMS = (
    r"GmbH & Co\. KGaA",
    r"GmbH & Co\. KG",
    r"AG & Co\. KGaA",
    r"AG & Co\. KG",
    r"SE & Co\. KGaA",
    r"SE & Co\. KG",
    r"gGmbH",
    r"GmbH",
    r"mbH",
    r"UG \(haftungsbeschränkt\)",
    r"KGaA",
    r"AG",
    r"SE",
    r"KG",
    r"OHG",
    r"eG",
    r"e\. ?V\.",
    r"Co\., Ltd\.",
    r"Co\. Ltd\.",
    r"Ltd\.",
    r"Ltd",
    r"Inc\.",
    r"Inc",
    r"Corp\.",
    r"Corporation",
    r"LLC",
    r"[Pp][Ll][Cc]",
    r"S\.A\.",
    r"S\.p\.A\.",
    r"N\.V\.",
    r"B\.V\.",
    r"A/S",
    r"S\.A\.S\.",
    r"Co\.",
)
# A capitalised word; inner dots ("E.ON") and a few abbreviations ("Dr.") but never a full stop.
NAME_TOKEN = r"(?:Dr\.|St\.|Gebr\.|[A-ZÄÖÜ0-9][\w'’+-]*(?:\.[\w'’+-]+)*)"
LEGAL_NAME = re.compile(
    rf"(?<![\w-])(?P<name>{NAME_TOKEN}(?: (?:& )?{NAME_TOKEN}){{0,3}}),? "
    rf"(?P<form>{'|'.join(LEGAL_FORMS)})(?![\w])"
)
# Capitalised words that open a sentence or describe a company rather than name it.
NOT_NAME_WORDS = {
    "Der",
    "Die",
    "Das",
    "Den",
    "Dem",
    "Des",
    "Ein",
    "Eine",
    "Einen",
    "Laut",
    "Bei",
    "Beim",
    "Mit",
    "Von",
    "Vom",
    "Für",
    "Auch",
    "Nach",
    "Wie",
    "Im",
    "Am",
    "Zur",
    "Zum",
    "Dass",
    "Auf",
    "Aus",
    "Über",
    "Unter",
    "Gegen",
    "Ohne",
    "Um",
    "Vor",
    "Seit",
    "Denn",
    "Doch",
    "Als",
    "Wenn",
    "Ob",
    "Und",
    "Oder",
    "So",
    "Nun",
    "Jetzt",
    "Heute",
    "Damit",
    "Dabei",
    "Dafür",
    "Daher",
    "Deshalb",
    "Sowohl",
    "Bereits",
    "Schon",
    "Noch",
    "Mehr",
    "The",
    "A",
    "An",
    "At",
    "By",
    "For",
    "In",
    "On",
    "Of",
    "With",
    "From",
    "And",
    "But",
    "Its",
    "Their",
    "This",
    "That",
    "While",
    "After",
    "When",
    "Tochter",
    "Tochterfirma",
    "Tochtergesellschaft",
    "Mutter",
    "Muttergesellschaft",
    "Konzern",
    "Mutterkonzern",
    "Unternehmen",
    "Firma",
    "Familienunternehmen",
    "Hersteller",
    "Zulieferer",
    "Händler",
    "Anbieter",
    "Dienstleister",
    "Betreiber",
    "Investor",
    "Käufer",
    "Partner",
    "Start-up",
    "Startup",
    "Spezialist",
    "Marktführer",
    "Mittelständler",
    "Versorger",
    "Logistiker",
    "Projektentwickler",
    "Kunde",
    "Rivale",
    "Konkurrent",
    "Wettbewerber",
}
NOT_NAME_ENDINGS = (
    "bauer",
    "hersteller",
    "konzern",
    "unternehmen",
    "zulieferer",
    "händler",
    "spezialist",
    "anbieter",
    "dienstleister",
    "betreiber",
    "tochter",
    "versorger",
)
ASCII_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"})
PLAIN_FOLD = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "Ä": "A", "Ö": "O", "Ü": "U", "ß": "ss"})


@dataclass(frozen=True)
class Place:
    """One gazetteer entry; ``id`` is a slug, unique across kinds (``duesseldorf-oberbilk``)."""

    id: str
    name: str
    kind: str
    parent: str
    match: str


@dataclass(frozen=True)
class Company:
    """A company under its one normalised ``name``; ``curated`` when from companies.csv."""

    id: str
    name: str
    legal_form: str | None = None
    headquarters: str | None = None
    curated: bool = False


@dataclass(frozen=True)
class Mention:
    """Where an entity is named: its id, the words as written and their offset in the text."""

    entity_id: str
    surface: str
    start: int
    end: int


def slug(text: str) -> str:
    """``Düsseldorf-Oberbilk`` → ``duesseldorf-oberbilk``: an id made of a-z, 0-9 and hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", text.translate(ASCII_FOLD).lower()).strip("-")


class Gazetteer:
    """Find places in text: whole words, German inflection, common-word collisions avoided.

    Matching is case-sensitive (places are capitalised; "essen" the verb is not). Each name
    also matches in its genitive ("Essens") and demonym forms ("Düsseldorfer", "Kölnerin"), and
    spelled without umlauts ("Duesseldorf", "Koln"). Names marked ``context`` count only after a
    cue ("in Essen", "Stadt Hamm"), in an inflected form ("Essens", "Marler") or in an
    enumeration with another place ("Dortmund, Hamm und Kamen"); never after an article
    ("das Essen"). City districts also match as "Köln-Ehrenfeld", which names the city too.
    """

    def __init__(self, places: list[Place], forms: dict[str, list[tuple[str, bool, bool]]]):
        self.places = {place.id: place for place in places}
        # surface → [(place id, is the bare ambiguous name, names the parent city too)],
        # most prominent place first
        self.forms = forms
        self.pattern = re.compile(r"(?<!\w)" + _alternation(forms) + r"(?!\w)")

    @classmethod
    def from_csv(cls, path: Path = PLACES_FILE) -> "Gazetteer":
        places, forms = [], {}
        for row, place in _places_of(path):
            places.append(place)
            for surface, bare, qualified in _surface_forms(row):
                forms.setdefault(surface, []).append((place, bare, qualified))
        ranked = {
            surface: [
                (place.id, bare, qualified)
                for place, bare, qualified in sorted(entries, key=lambda entry: KIND_ORDER.index(entry[0].kind))
            ]
            for surface, entries in forms.items()
        }
        return cls(places, ranked)

    def is_demonym(self, word: str) -> bool:
        """Whether ``word`` is an inhabitants' adjective of a place ("Düsseldorfer")."""
        return word.endswith("er") and any(not bare for _, bare, _ in self.forms.get(word, ()))

    def find(self, text: str) -> list[Mention]:
        """Every place mentioned in ``text``, in order of appearance."""
        candidates = []
        for found in self.pattern.finditer(text):
            place_id, bare, qualified = self.forms[found.group()][0]
            mention = Mention(place_id, found.group(), found.start(), found.end())
            candidates.append((mention, bare, qualified))
        accepted = [self._accepted_alone(text, mention, bare) for mention, bare, _ in candidates]
        # Second pass: an ambiguous name in an enumeration with an accepted place is a place too.
        changed = True
        while changed:
            changed = False
            for position, (mention, _, _) in enumerate(candidates):
                if accepted[position] is not None:
                    continue
                if self._article_before(text, mention.start):
                    accepted[position] = False
                    continue
                for neighbour in (position - 1, position + 1):
                    if 0 <= neighbour < len(candidates) and accepted[neighbour]:
                        left, right = sorted((candidates[neighbour][0], mention), key=lambda m: m.start)
                        if LIST_SEPARATOR.fullmatch(text[left.end : right.start]):
                            accepted[position] = changed = True
                            break
        found = []
        for (mention, _, qualified), ok in zip(candidates, accepted):
            if not ok:
                continue
            found.append(mention)
            if qualified:  # "Düsseldorf-Oberbilk" names the city too
                parent = self.places[mention.entity_id].parent
                found.append(Mention(slug(parent), parent, mention.start, mention.end))
        return found

    def _accepted_alone(self, text: str, mention: Mention, bare: bool) -> bool | None:
        """True/False when the mention decides itself; None when only its neighbours can."""
        if self.places[mention.entity_id].match != CONTEXT:
            return True
        if self._article_before(text, mention.start):
            return False
        if not bare:
            return True
        previous = _previous_word(text, mention.start)
        return True if previous and previous.lower() in PLACE_CUES else None

    @staticmethod
    def _article_before(text: str, start: int) -> bool:
        previous = _previous_word(text, start)
        return previous is not None and previous.lower() in NOT_PLACE_CUES


class CompanyFinder:
    """Find companies in text: names with a legal form, and the curated companies' names.

    Names are normalised to one per company: a curated company under its list name whatever
    alias or legal form the text uses ("Thyssenkrupp Steel Europe AG" → ``thyssenkrupp``),
    any other under its name without the legal form ("Doosan Robotics Inc." → "Doosan Robotics").
    """

    def __init__(
        self,
        companies: list[Company],
        aliases: dict[str, str],
        legal_only: dict[str, str],
        is_demonym=lambda word: False,
    ):
        self.is_demonym = is_demonym  # "Düsseldorfer Henkel AG" is Henkel, from Düsseldorf
        self.companies = {company.id: company for company in companies}
        self.aliases = aliases  # exact spelling → company id; matched anywhere
        self.by_folded_name = {name.casefold(): company_id for name, company_id in {**aliases, **legal_only}.items()}
        self.pattern = re.compile(r"(?<![\w-])" + _alternation(aliases) + r"(?![\w])")

    @classmethod
    def from_csv(cls, path: Path = COMPANIES_FILE, is_demonym=lambda word: False) -> "CompanyFinder":
        with open(path, encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        companies, aliases, legal_only = [], {}, {}
        for row in rows:
            company = Company(slug(row["name"]), row["name"], None, row["headquarters"] or None, True)
            companies.append(company)
            for alias in [row["name"], *filter(None, row["aliases"].split("|"))]:
                if alias not in row["legal_form_only"].split("|"):
                    aliases[alias] = company.id
            for name in filter(None, row["legal_form_only"].split("|")):
                legal_only[name] = company.id
        return cls(companies, aliases, legal_only, is_demonym)

    def find(self, text: str) -> tuple[list[Mention], dict[str, Company]]:
        """Mentions in ``text`` and the companies they name (curated or found by legal form)."""
        mentions: list[Mention] = []
        found: dict[str, Company] = {}
        taken: list[tuple[int, int]] = []
        for match in LEGAL_NAME.finditer(text):
            name_start, name = _trim_name(match.group("name"), match.start("name"))
            if name is None:
                continue
            first, _, rest = name.partition(" ")
            if rest and name.casefold() not in self.by_folded_name and self.is_demonym(first):
                name_start, name = name_start + len(first) + 1, rest
            company = self._company_for(name, match.group("form"))
            found[company.id] = company
            mentions.append(Mention(company.id, text[name_start : match.end()], name_start, match.end()))
            taken.append((name_start, match.end()))
            if not company.curated:
                # Later mentions of the same company usually drop the legal form.
                for again in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w])", text):
                    if not _overlaps(again.start(), again.end(), taken):
                        mentions.append(Mention(company.id, again.group(), again.start(), again.end()))
                        taken.append((again.start(), again.end()))
        for match in self.pattern.finditer(text):
            if _overlaps(match.start(), match.end(), taken):
                continue
            company = found.setdefault(self.aliases[match.group()], self.companies[self.aliases[match.group()]])
            mentions.append(Mention(company.id, match.group(), match.start(), match.end()))
        return sorted(mentions, key=lambda mention: mention.start), found

    def _company_for(self, name: str, legal_form: str) -> Company:
        company_id = self.by_folded_name.get(name.casefold())
        if company_id is None:
            # "Thyssenkrupp Steel Europe" → the longest curated name it starts with.
            tokens = name.split()
            for length in range(len(tokens) - 1, 0, -1):
                company_id = self.aliases.get(" ".join(tokens[:length]))
                if company_id:
                    break
        if company_id:
            return replace(self.companies[company_id], legal_form=legal_form.strip())
        return Company(slug(name), name, legal_form.strip(), None, False)


def _places_of(path: Path) -> list[tuple[dict, Place]]:
    """The gazetteer file's rows, each with its :class:`Place`."""
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [
        (
            row,
            Place(
                slug(f"{row['parent']} {row['name']}") if row["kind"] == "city_district" else slug(row["name"]),
                row["name"],
                row["kind"],
                row["parent"],
                row["match"],
            ),
        )
        for row in rows
    ]


@lru_cache(maxsize=1)
def known_places() -> dict[str, Place]:
    """The shipped gazetteer's places by id, without what finding them in text needs: the
    writer of a crawl links the places its extraction workers found and never searches text."""
    return {place.id: place for _, place in _places_of(PLACES_FILE)}


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The shipped gazetteer, loaded once per process."""
    return Gazetteer.from_csv()


@lru_cache(maxsize=1)
def company_finder() -> CompanyFinder:
    """The shipped company list, loaded once per process."""
    return CompanyFinder.from_csv(is_demonym=gazetteer().is_demonym)


def find_places(text: str) -> list[Mention]:
    """Places mentioned in ``text`` (see :class:`Gazetteer`)."""
    return gazetteer().find(text)


def find_companies(text: str) -> tuple[list[Mention], dict[str, Company]]:
    """Companies mentioned in ``text`` (see :class:`CompanyFinder`)."""
    return company_finder().find(text)


def article_text(title: str | None, description: str | None, text: str | None) -> str:
    """The text searched for mentions: title, lead and body, one paragraph each."""
    return "\n".join(part for part in (title, description, text) if part)


def enrich_article(db: Database, article_id: int) -> dict[str, int]:
    """Link article ``article_id`` to the places and companies it mentions (replacing old links).

    Returns ``{"places": n, "companies": n}``, the number of distinct ones linked.
    """
    row = row_by_key(db, "articles", "id", article_id)
    with transaction(db):
        return _link(db, article_id, article_text(row["title"], row["description"], row["text"]))


def enrich_archive(db: Database, batch_size: int = 500) -> dict[str, int]:
    """Run :func:`enrich_article` over every article, one transaction per ``batch_size``.

    Returns ``{"articles": n, "places": links, "companies": links}``.
    """
    totals = Counter(articles=0, places=0, companies=0)
    last_id = 0
    while True:
        rows = list(
            db.query(
                "select id, title, description, text from articles where id > ? order by id limit ?",
                [last_id, batch_size],
            )
        )
        if not rows:
            return dict(totals)
        with db.atomic():
            for row in rows:
                totals.update(_link(db, row["id"], article_text(row["title"], row["description"], row["text"])))
                totals["articles"] += 1
        last_id = rows[-1]["id"]


@dataclass(frozen=True)
class Mentions:
    """What an article's text names, found without the database (:func:`find_mentions`).

    ``places`` and ``company_counts`` count mentions per entity id; ``companies`` are the
    companies found, ``company_surfaces`` the first spelling of each in the text.
    """

    places: dict[str, int]
    companies: tuple[Company, ...]
    company_counts: dict[str, int]
    company_surfaces: dict[str, str]

    def as_json(self) -> dict:
        return {
            "places": self.places,
            "companies": [asdict(company) for company in self.companies],
            "company_counts": self.company_counts,
            "company_surfaces": self.company_surfaces,
        }

    @classmethod
    def from_json(cls, data: dict) -> "Mentions":
        return cls(
            dict(data["places"]),
            tuple(Company(**company) for company in data["companies"]),
            dict(data["company_counts"]),
            dict(data["company_surfaces"]),
        )


def find_mentions(text: str) -> Mentions:
    """The places and companies ``text`` names: the CPU part of enrichment, run where the
    article is extracted so that the writer only writes (:func:`link_mentions`)."""
    places = Counter(mention.entity_id for mention in find_places(text))
    company_mentions, companies = find_companies(text)
    company_counts = Counter(mention.entity_id for mention in company_mentions)
    first_surface = {}
    for mention in company_mentions:
        first_surface.setdefault(mention.entity_id, mention.surface)
    return Mentions(dict(places), tuple(companies.values()), dict(company_counts), first_surface)


def link_mentions(db: Database, article_id: int, mentions: Mentions) -> dict[str, int]:
    """Replace article ``article_id``'s links to places and companies with ``mentions``;
    returns ``{"places": n, "companies": n}``. Runs inside the caller's transaction."""
    known = known_places()
    db.execute("delete from article_places where article_id = ?", [article_id])
    db.execute("delete from article_companies where article_id = ?", [article_id])
    places = {place_id: count for place_id, count in mentions.places.items() if place_id in known}
    if places:
        db.conn.executemany(
            "insert into places (id, name, kind, parent) values (?, ?, ?, ?) on conflict (id) do "
            "update set name = excluded.name, kind = excluded.kind, parent = excluded.parent",
            [(place_id, known[place_id].name, known[place_id].kind, known[place_id].parent) for place_id in places],
        )
        db.conn.executemany(
            "insert into article_places (article_id, place_id, mentions) values (?, ?, ?)",
            [(article_id, place_id, count) for place_id, count in places.items()],
        )
    if mentions.company_counts:
        # "or ignore": the first spelling seen names the company; later ones don't rename it.
        db.conn.executemany(
            "insert or ignore into companies (id, name, legal_form, headquarters, curated) values (?, ?, ?, ?, ?)",
            [
                (company.id, company.name, company.legal_form, company.headquarters, int(company.curated))
                for company in mentions.companies
            ],
        )
        for company in mentions.companies:
            if company.legal_form:
                db.execute(
                    "update companies set legal_form = ? where id = ? and legal_form is null",
                    [company.legal_form, company.id],
                )
        db.conn.executemany(
            "insert into article_companies (article_id, company_id, mentions, surface) values (?, ?, ?, ?)",
            [
                (article_id, company_id, count, mentions.company_surfaces[company_id])
                for company_id, count in mentions.company_counts.items()
            ],
        )
    return {"places": len(places), "companies": len(mentions.company_counts)}


def _link(db: Database, article_id: int, text: str) -> dict[str, int]:
    return link_mentions(db, article_id, find_mentions(text))


def _surface_forms(row: dict) -> list[tuple[str, bool, bool]]:
    """Every spelling of one gazetteer row: ``(surface, is the bare ambiguous name, qualified)``."""
    name, kind, parent, match = row["name"], row["kind"], row["parent"], row["match"]
    aliases = [alias for alias in row["aliases"].split("|") if alias]
    bases = [name, *aliases]
    forms: list[tuple[str, bool]] = []
    if kind == "city_district":
        for base in bases:
            for part in base.split("/"):
                forms += [(f"{parent}-{part}", False, True), (f"{part} ({parent})", False, True)]
        if match != QUALIFIED:
            forms += [(part, match == CONTEXT, False) for base in bases for part in base.split("/")]
    else:
        for base in bases:
            forms.append((base, match == CONTEXT, False))
            if " " not in base and not base.endswith(("s", "ß", "x", "z", ")")):
                forms.append((base + "s", False, False))  # genitive: "Essens Wirtschaft"
        demonyms = row["demonym"]
        if demonyms != "-":
            if not demonyms and " " not in name:
                demonyms = _default_demonym(name)
            for demonym in filter(None, demonyms.split("|")):
                forms += [(demonym + ending, False, False) for ending in ("", "n", "in", "innen", "s")]
    folded = []
    for surface, bare, qualified in forms:
        for table in (ASCII_FOLD, PLAIN_FOLD):
            spelled = surface.translate(table)
            if spelled != surface:
                folded.append((spelled, bare, qualified))
    return list(dict.fromkeys(forms + folded))


def _alternation(words) -> str:
    """A regex matching any of ``words``, longest first, grouped by first letter.

    Python's ``re`` tries alternatives one by one; grouping by the first letter lets it skip
    all but one group at each position: on 5,000 place names matching got ~8× faster
    (bench/enrich_speed.py).
    """
    groups: dict[str, list[str]] = {}
    for word in sorted(words, key=len, reverse=True):
        groups.setdefault(word[0], []).append(re.escape(word[1:]))
    return "(?:" + "|".join(f"{re.escape(first)}(?:{'|'.join(rests)})" for first, rests in groups.items()) + ")"


def _default_demonym(name: str) -> str:
    """The usual inhabitants' adjective: Essener, Herner, Solinger, Recklinghäuser."""
    if name.endswith("ingen"):
        return name[:-2] + "er"
    if name.endswith("hausen"):
        return f"{name[:-2]}er|{name[:-6]}häuser"
    return name + ("r" if name.endswith("e") else "er")


def _previous_word(text: str, start: int) -> str | None:
    found = re.search(r"([\w-]+)[\s\"'„“(]*$", text[max(0, start - 40) : start])
    return found.group(1) if found else None


def _trim_name(name: str, start: int) -> tuple[int, str | None]:
    """Drop leading words that open a sentence or describe the company ("Laut", "Konzern").

    Returns the start offset of what remains and the name (None when nothing is left).
    """
    tokens = list(re.finditer(r"\S+", name))
    while tokens and (
        tokens[0].group() in NOT_NAME_WORDS
        or tokens[0].group() == "&"
        or (len(tokens) > 1 and tokens[0].group().lower().endswith(NOT_NAME_ENDINGS))
    ):
        tokens = tokens[1:]
    if not tokens:
        return start, None
    return start + tokens[0].start(), " ".join(token.group() for token in tokens)


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < taken_end and taken_start < end for taken_start, taken_end in spans)
