"""The headline: the page's visible heading that the metadata confirms, else the metadata
title without site name, section or date.
"""

import re
from copy import deepcopy
from urllib.parse import urljoin, urlsplit

import lxml.etree

from crawler.extraction.page import (
    trail_sections,
    glued,
    read_once,
    IN_BREADCRUMB,
    INVISIBLE,
    UNSEEN_TEXT,
    VISIBLE_DATE,
    address_of,
    is_hidden,
    is_other_story_card,
    is_unseen_heading,
    marked_headline_elements,
    text_key,
    site_names_of,
    string_value,
    words_of,
    meta_content,
    plain_text_pieces,
    story_nodes,
    text_of,
)


# Headline parts that name the section, not the story.
# How CMSes name a kicker's element: kicker, topline, overline, eyebrow in English-speaking
# templates, Dachzeile, Spitzmarke in German ones, pretitle in Austrian ones (futurezone.at's and
# kurier.at's "pretitle", oe24.at's "articlePreTitle", furche.at's "article-header__pretitle"),
# occhiello in Italian ones (the German-language news of Rai Südtirol on rainews.it)
# (crawler/extraction/kicker.py keeps its text). Not "subline": a subtitle under the headline as
# often as a line above it (kicker.py takes one right before the headline).
KICKER_NAMES = (
    "kicker",
    "topline",
    "overline",
    "dachzeile",
    "roofline",
    "eyebrow",
    "spitzmarke",
    "supertitle",
    "pretitle",
    "occhiello",
    # French-language CMSs' name, kept on the German pages of border-region media: Alsace
    # (dna.fr's "article__surtitle"), Luxembourg (zlv.lu's "surtitre", csl.lu's
    # "news-detail__surtitle").
    "surtitle",
    "surtitre",
    # Tamedia's papers (Tages-Anzeiger, Berner Zeitung, Thuner Tagblatt, Der Bund):
    # "ContentHead_catchword" before the headline's text in the <h1>.
    "catchword",
)
KICKER_CLASSES = (
    *KICKER_NAMES,
    "subtitle",
)

KICKER_WORDS = set(KICKER_CLASSES) | {word + "s" for word in KICKER_CLASSES}

# The words of a class attribute: BEM and utility names ("c-article__kicker", "stage-headline",
# "articleTopline") part at dashes, underscores and a capital inside a word, so that "tag" is
# not found inside "stage" nor "label" inside "labelled".
CLASS_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")


def _class_words(element) -> set[str]:
    return {word.lower() for word in CLASS_WORD.findall(element.get("class") or "")}


# A kicker and its headline in one metadata title are parted by a colon ("Ruhrgebiet: Thyssenkrupp
# …"; wien.orf.at's "Chronik: …", brandeins.de's, tagesschau.de's); " | " and " - " part a
# headline from a site name or section, which is not a kicker.
KICKER_COLON = re.compile(r"^(?P<kicker>[^:|]{2,80}?)\s*:\s+(?P<headline>.+)$")

# A dash between two days is a range, not a separator: "Wochenbericht 14. - 20. Januar 2022"
# (it only keeps such a title from being split).
TITLE_SEPARATORS = re.compile(r"(?<!\s)(?!(?<=\d\.)\s+[-–]\s+\d{1,2}\.)\s+(?:\||-|–|—|·|•|::|:|»|/)\s+")


# How long a note in brackets at a title's end may be ("(2025)", "(mit Video)").
LONGEST_TITLE_NOTE = 30


def _without_a_note(part: str) -> str:
    """A title part without the note in brackets at its end, or ``""`` where it has none."""
    part = part.strip()
    if not part.endswith(")"):
        return ""
    before, _, note = part[:-1].rpartition("(")
    if not before.strip() or not note or len(note) > LONGEST_TITLE_NOTE or ")" in note:
        return ""
    return before.strip()


def article_title(tree, url: str, fallback: str | None = None) -> str | None:
    """The story's own headline: the page's ``<h1>`` when the metadata confirms it, else the
    metadata title without site name, section or date."""
    title = _article_title(tree, url, fallback)
    return _headline_beside_the_trail(tree, title) or title


def _headline_beside_the_trail(tree, title: str | None) -> str | None:
    """When ``title`` is an ``<h1>`` set as the breadcrumb trail's last item, the headline the
    page marks outside the trail that names the same story at more or less length: the trail
    holds the page's short name ("Weihnachten nicht zunehmen: 10 Tipps"), with the section
    ("Covid-19: Lässt sich …"), the story's header the headline. Spektrum's and Motor Presse's
    magazine templates (womenshealth.de) and stern.de set their trail so; where the trail's <h1>
    is the only headline (the DuMont papers: Kölner Stadt-Anzeiger, Express, Mitteldeutsche
    Zeitung), it stays."""
    key = text_key(title)
    if not key:
        return None
    in_trail = [h1 for h1 in tree.xpath("//body//h1") if text_key(h1.text_content()) == key and IN_BREADCRUMB(h1)]
    if not in_trail:
        return None
    # The headline goes on after the trail's name, or the trail puts the section before it; a
    # marked block that holds a date line too is the header, not the headline.
    candidates = [
        text
        for text, _lines in _marked_headlines(tree)
        if len(text.split()) >= 3
        and text_key(text) != key
        and (text_key(text).startswith(key) or key.endswith(text_key(text)))
        and not VISIBLE_DATE.search(text)
    ]
    return min(candidates, key=len) if candidates else None


def _article_title(tree, url: str, fallback: str | None = None) -> str | None:
    meta_titles = metadata_titles(tree, url)
    if not meta_titles:
        # trafilatura's title may be the <h1> itself, so it cannot confirm one; a page's only
        # <h1> is read as the other headings are, without kicker, scripts and hidden parts.
        h1s = _headings(tree)
        return h1s[0][0] if len(h1s) == 1 else fallback
    site_names = site_names_of(tree, url)
    stripped = [strip_site_name(title, site_names) for title in meta_titles]
    h1s = _headings(tree)
    lines = {text: parts for text, parts in h1s or _headings(tree, "//h2") if not _is_site_part(text, site_names)}
    headings = list(lines)
    # A label in an unmarked element before the headline ("<h1><span>Tunesien</span> Große
    # Aufgaben …</h1>"): the metadata title without it says where the headline starts, unless
    # another one names the whole heading (a title that parts the label off by a colon, "Tunesien:
    # Große Aufgaben …", names the label as a kicker, not the heading). A label in an element of
    # its own that a metadata title parts off by a colon is a kicker too, on a line of its own or
    # on the headline's (t-online's and ZEIT ONLINE's JSON-LD headlines and og:titles are
    # "Kicker: Headline"; Blick's "catchword" and a gaming magazine's "topic" span before the
    # headline's); one that writes the colon itself ("<b>Editor's Letter:</b> bye …") starts the
    # headline's line.
    stated = {text_key(title) for title in stripped}
    # A title's story part before the pipe as the page prints it, its dashes and quotes kept: the
    # rule for "Kicker - Headline | Site" in strip_site_name parts a short opening off at a dash,
    # which a heading printing it on the same line ("„Geht das?“ – Stahlwerk …", "Prozessdaten –
    # der unterschätzte Hebel …") keeps.
    unpiped = [title.split(" | ")[0] for title in meta_titles if " | " in title]
    unpiped += [found["headline"] for found in map(KICKER_COLON.match, unpiped) if found]
    # A title that parts off another kicker than the page's before the same headline: the SEO
    # title's firm or place ("Castellan Pharma Ingredients: 85 Millionen Euro …" over the
    # topic's "<span>Pharmaproduktion</span><span>85 Millionen Euro …</span>" of the Vogel trade
    # magazines and the regional papers' styled headings).
    retitled = {text_key(found["headline"]) for found in map(KICKER_COLON.match, meta_titles + stripped) if found}
    for label, heading in _without_leading_labels(tree, "//h1" if h1s else "//h2"):
        kicked = {title for title in meta_titles + stripped + unpiped if _parts_off(title, label, heading)}
        if text_key(heading) in retitled and not label.endswith(":"):
            return heading
        naming_all = {text_key(title) for title in stripped if title not in kicked}
        if text_key(heading) in stated and not any(text_key(full) in naming_all for full in headings):
            return heading
        if kicked and not label.endswith(":"):
            return heading
    # The metadata titles, and their parts of three words or more ("Offshore-Windenergie –
    # Sauberer Strom vom Meer | Stiftung …"): a heading equal to one is the headline. The parts
    # are how the two rules below for a headline under a section <h1> match a title that adds a
    # section or slogan the page does not show as the headline (their publishers: ahlen.de,
    # oekolandbau.de, mpimet.mpg.de; finanztip.de, l-mag.de, pronats.de).
    parts = {
        text_key(part)
        for title in meta_titles
        for part in TITLE_SEPARATORS.split(title) + title.split(" | ")
        if len(part.split()) >= 3
    } - {""}
    exact = {text_key(title) for title in meta_titles + stripped + unpiped} - {""}
    # A title part with a note in brackets the heading leaves out: the year of a film or a book
    # under review ("Salzwiesen (2025) | Film, Trailer, Kritik" over "<h1>Salzwiesen</h1>": the
    # film and culture magazines), the media a story adds ("… (mit Video)", "… (FOTOS)": regional
    # papers' and portals' SEO titles).
    exact |= {text_key(_without_a_note(part)) for title in meta_titles for part in title.split(" | ")} - {""}
    # A title naming the section the page's <h1> prints before a colon ("Sachon: News: Brauerei
    # Kühler übernimmt …" over "<h1>News</h1>", a TYPO3 site's section heading above the story's
    # marked headline): the part after it names the story.
    sections = {text_key(text) for text, _lines in h1s}
    exact |= {
        text_key(found["headline"])
        for found in map(KICKER_COLON.match, stripped)
        if found and text_key(found["kicker"]) in sections
    }
    if (
        h1s
        and all(_the_section_above(text, tree, url) for text, _lines in h1s)
        and _titles_name_the_site_or_a_section(stripped, site_names, tree)
        and (below := _story_h2_under(h1s[0][0], tree))
    ):
        # The <h1> and the metadata name the section only ("Pressemitteilungen", "Aktuelles"),
        # every story of it alike: the story's headline is the <h2> under it, as older CMSes set
        # a press office's releases (TYPO3's "csc-firstHeader" over the release's <h2>).
        return below
    for heading in headings:
        if text_key(heading) in exact:
            if masthead_over := _story_heading_under_a_masthead(tree, heading, meta_titles):
                return masthead_over
            # Its first line set apart by a <br> alone, that a metadata title parts off by a
            # colon, is a kicker as a label element is above ("Nebenkosten<br>Was Mieter …"
            # beside the og:title "Nebenkosten: Was Mieter …": Ringier's Beobachter and Blick).
            # A heading that writes the colon itself before the break ("Tanz in der Lokremise:
            # <br>Mit allen …" on tagblatt.ch) is one line broken, as a label writing its colon.
            first, rest = lines[heading][0], " ".join(lines[heading][1:])
            if (
                rest
                and not heading.startswith(first + ":")
                and any(_parts_off(title, first, rest) for title in meta_titles + stripped)
            ):
                return rest
            return heading
    for title in stripped:
        for heading in headings:
            # "<h1><small>Einheit der Woche</small><br>Lagen-Pyramide mit GA2</h1>"
            for start in range(1, len(lines[heading])):
                if text_key(" ".join(lines[heading][start:])) == text_key(title):
                    return " ".join(lines[heading][start:])
    for title in stripped:
        for heading in headings:
            if _confirms(heading, title):
                return heading
    for heading in headings:
        # The headline inside the metadata title with a kicker or site name added, or the
        # same opening words going on differently (an SEO title: silkes-weinkeller.de,
        # careelite.de, verivox.de).
        if _contains(stripped[0], heading) or _same_start(heading, stripped[0]):
            return heading
    # The same opening words in a part of the title after its first, where the site or the
    # newsletter is named first: "Invest in Hessen | Semiconductor supplier picks Hanau" over
    # "<h1>Semiconductor supplier picks Hanau for €180 million production site</h1>" (a
    # newsletter's web version, a chamber's or a city's "Site | Short name" titles).
    later_parts = [
        part for title in meta_titles for part in title.split(" | ")[1:] if len(part.split()) >= MIN_TITLE_PART_WORDS
    ]
    for heading in headings:
        if any(_same_start(heading, part) for part in later_parts):
            return heading
    # No <h1> names the metadata's story, an element marked as the headline does ("<div
    # class="stage-headline">", "c-article__title", itemprop="headline"): the page sets its
    # headline in a styled block under a logo or section <h1> (the itemprop="headline" <h2>s and
    # <h3>s of ahlen.de, oekolandbau.de, mpimet.mpg.de). Only an exact match counts.
    for heading, marked_lines in _marked_headlines(tree):
        if text_key(heading) in exact | parts and not _is_site_part(heading, site_names):
            return heading
        # Its last part, after a label and a separator, when the metadata names that part: the
        # topic before the story's title ("<a>Eintracht Presse</a> : Eintracht Frankfurt stellt
        # …", the "itemTitle" of XOOPS's news module).
        if len(marked_lines) > 1 and text_key(marked_lines[-1]) in exact | parts:
            return marked_lines[-1]
    # No <h1> names the metadata's story, an <h2> is its title: the page sets its headline as
    # <h2> under section <h1>s ("Quicklinks"; finanztip.de, l-mag.de, pronats.de). Only an exact
    # match counts there.
    # Not where the metadata names only a section and the story's <h1> (:func:`_story_h1`)
    # stands: an <h2> saying the section is its heading over the item ("<h2
    # class="page-title">Kurzmeldungen Kreis Lippe</h2>", a portal's short news, every item
    # titled by its list).
    if h1s and not (
        _titles_name_the_site_or_a_section(stripped, site_names, tree)
        and len((_story_h1(tree, site_names) or "").split()) >= MIN_TITLE_PART_WORDS
    ):
        for heading, _lines in _headings(tree, "//h2"):
            if text_key(heading) in exact | parts and not _is_site_part(heading, site_names):
                return heading
    visible = [heading for heading in headings if len(heading.split()) >= 2]
    if len(visible) == 1 and _titles_name_the_site_or_a_section(stripped, site_names, tree):
        # "<title>Home</title>", "<title>Anwalt Niemeyer</title>": the metadata names the site;
        # "<title>Kreiszeitung Wesermarsch: Wirtschaft</title>", "westline Nachrichten -
        # Wirtschaft": the site and the section, as older CMSes (TYPO3's tt_news, hand-made
        # templates) title every story of a section.
        return visible[0]
    if not h1s and (marked := _the_marked_headline(tree, site_names, stripped)):
        return marked
    if story_h1 := _story_h1(tree, site_names):
        return story_h1
    if len(visible) == 1 and len(h1s) == 1 and (bare := _bare_story_h1(tree, site_names, stripped)):
        return bare
    if not h1s and (story_h2 := _story_h2(tree, site_names, stripped)):
        return story_h2
    if not h1s and (shown := _title_part_shown(meta_titles, tree, site_names)):
        return shown
    if len(visible) == 1 and len(h1s) == 1 and _names_the_story_of(visible[0], stripped):
        # The page's only <h1> writes out what the metadata's short page name says
        # ("Pressemitteilung: Bilanz 2025" over "Sparkasse Aachen legt Bilanz 2025 vor: …"),
        # as CMSes of companies and public bodies title a page by the editor's short name.
        return visible[0]
    if trail_named := _marked_headline_the_trail_names(tree, site_names):
        return trail_named
    return stripped[0] if stripped else None


def _marked_headline_the_trail_names(tree, site_names: set[str]) -> str | None:
    """The one headline the page marks (:func:`_marked_headlines`, of :data:`MIN_TITLE_PART_WORDS`
    words or more) that the breadcrumb trail names as the page it ends on, where the metadata
    words the story otherwise and the ``<h1>`` is the section's: "<h1>News aus Oberfranken</h1>"
    over "<div class="news-detail__title">Porzellanhersteller in Selb meldet Kurzarbeit an</div>",
    the trail's last item the same (a regional radio's news pages, their SEO and social titles
    reworded)."""
    marked = [text for text, _lines in _marked_headlines(tree) if len(text.split()) >= MIN_TITLE_PART_WORDS]
    trail = trail_sections(tree) if marked else set()
    named = {text_key(text): text for text in marked if text_key(text) in trail and not _is_site_part(text, site_names)}
    return next(iter(named.values())) if len(named) == 1 else None


def _story_heading_under_a_masthead(tree, heading: str, meta_titles: list[str]) -> str | None:
    """The story's marked headline when the ``<h1>`` says only what ``<title>`` says and the
    story's metadata titles (JSON-LD, og:title) name that marked heading instead: the ``<h1>``
    is the page's masthead, an edition's or a portal's name ("<h1>Koblenzer Schängel</h1>" over
    an e-paper's article view, its ``<h2 class="…headline">`` the story's)."""
    page_title = text_key(clean_title(_first_text(tree.xpath("//title"))))
    story_titles = {text_key(title) for title in meta_titles} - {page_title, ""}
    if text_key(heading) != page_title or not story_titles:
        return None
    return next((marked for marked, _lines in _marked_headlines(tree) if text_key(marked) in story_titles), None)


# An <h1> that is the story's by its place or its mark: inside the <article> or <main> element,
# or marked as the headline (itemprop="headline", "article-title", "entry-title", "headline").
STORY_H1 = lxml.etree.XPath(
    '//body//h1[ancestor::article or ancestor::main or @itemprop="headline" or contains(@class, "eadline")'
    # German class names too ("artikel_titel", "beitrag-titel"), as marked_headline_elements reads them.
    ' or contains(@class, "itle") or contains(@class, "titel")]'
)


def _story_h1(tree, site_names: set[str], elements=None) -> str | None:
    """The headline the page sets over its story when the metadata words the story otherwise:
    an SEO title ("Neue Terminals im Hafen – alle Infos") or a campaign's title. News and
    magazine sites write them for search engines and social networks beside the headline
    readers see (Bild, FOCUS online, t-online, the Ippen papers); the <h1> of the article, one
    text however often repeated, of three words or more, is what readers see. ``elements``: the
    ``<h1>``s read, those marked as the story's (:data:`STORY_H1`) unless given."""
    texts = {}
    # Not the site's title or logo set as <h1> ("site-title", "page-title", "brand"): WordPress
    # themes print the site's name or slogan so on every page.
    for element in STORY_H1(tree) if elements is None else elements:
        if _class_words(element) & (NOT_HEADLINE_CLASS_WORDS | {"logo", "brand"}):
            continue
        for text, _lines in _headings(tree, elements=[element]):
            if len(text.split()) >= 3 and not _is_site_part(text, site_names):
                texts.setdefault(text_key(text), text)
    return next(iter(texts.values())) if len(texts) == 1 else None


def _bare_story_h1(tree, site_names: set[str], titles: list[str]) -> str | None:
    """The page's only ``<h1>``, in no element that marks it as the story's, where it names the
    metadata's story in other words, sharing a word of it: an SEO og:title beside the headline
    ("Feinkost zieht von der City nach Beuel" over "Feinkost „Kessel & Korn“ verlässt die
    Sternstraße") on a template that sets the ``<h1>`` bare (TYPO3's tt_news, hand-made
    templates), as :func:`_story_h2` reads an ``<h2>`` on pages without one. Not the site's
    title or logo set as ``<h1>`` ("Dein Magazin für Düsseldorf" in a "site-title")."""
    text = _story_h1(tree, site_names, tree.xpath("//body//h1"))
    return text if text and _shares_a_story_word(text, titles) else None


# The story's first <h2> where the page has no <h1>: inside the <article> or <main> element, or
# marked as the headline, not in a menu, a box beside the story or another story's card.
STORY_H2 = lxml.etree.XPath(
    '//body//h2[ancestor::article or ancestor::main or @itemprop="headline" or contains(@class, "eadline")'
    ' or contains(@class, "itle") or contains(@class, "titel")]'
    "[not(ancestor::nav or ancestor::aside or ancestor::footer)]"
)


def _story_h2(tree, site_names: set[str], titles: list[str]) -> str | None:
    """On a page without an ``<h1>``, the story's first ``<h2>`` (:data:`STORY_H2`) when it is
    marked as the headline or shares a word of the story with a metadata title: older templates
    and some CMSes set the headline as ``<h2>`` (the ``<h1>`` kept for the logo on the home page
    only), and the metadata words it for search engines ("Walzwerk Böcking in Kreuztal: 24
    Millionen Euro …" over "Walzwerk investiert 24 Millionen Euro in Buschhütten")."""
    for element in STORY_H2(tree):
        if is_other_story_card(element):
            continue
        for text, _lines in _headings(tree, elements=[element]):
            if len(text.split()) >= 3 and not _is_site_part(text, site_names):
                marked = element.get("itemprop") == "headline" or _class_words(element) & HEADLINE_CLASS_WORDS
                return text if marked or _shares_a_story_word(text, titles) else None
    return None


def _story_h2_under(section: str, tree) -> str | None:
    """The first visible ``<h2>`` after the ``<h1>`` that says ``section``, of
    :data:`MIN_TITLE_PART_WORDS` words or more, outside navigation, sidebars and footers."""
    key = text_key(section)
    for h1 in tree.xpath("//body//h1"):
        if text_key(h1.text_content()) != key:
            continue
        below = h1.xpath("following::h2[not(ancestor::nav or ancestor::aside or ancestor::footer)]")
        # The first one _headings reads (it leaves out the hidden ones), read one at a time.
        # Not an <h2> that says the section again ("<h1>Presse</h1> … <h2>Presse</h2>").
        first = next(
            (text for h2 in below for text, _lines in _headings(tree, elements=[h2]) if text_key(text) != key), None
        )
        return first if first and len(first.split()) >= MIN_TITLE_PART_WORDS else None
    return None


def _the_marked_headline(tree, site_names: set[str], titles: list[str]) -> str | None:
    """On a page without a visible ``<h1>``, the one text the page marks as its headline
    (itemprop="headline", "article-title", "entry-title", "c-article__headline"), however
    often it is repeated (header, sticky bar), when no metadata title named a heading: the
    metadata then holds an SEO title or the site's name ("Magic Cleaning | Magazin", "ICON
    Magazine"). Lifestyle and trade magazines on WordPress themes, Contentful or Next.js
    front ends (Glamour, Brigitte's and ICON's story templates) set their headline so."""
    texts = {
        text_key(text): text
        for text, _lines in _marked_headlines(tree)
        if len(text.split()) >= 2 and not _is_site_part(text, site_names)
    }
    if len(texts) > 1:
        # The same mark on the crossheads and the boxes' headings (a front end's one styled
        # heading component: the Madsack papers' "Headlinestyled__Headline" on every <h2>): the
        # one that shares a word of the story with the metadata's SEO title is the headline.
        texts = {key: text for key, text in texts.items() if _shares_a_story_word(text, titles)}
    return next(iter(texts.values())) if len(texts) == 1 else None


def _shares_a_story_word(heading: str, titles: list[str]) -> bool:
    """Whether ``heading`` holds a word of one of ``titles`` that is no label: a number or a
    word of five letters or more ("Leinefelde", "2025")."""
    heading_words = set(words_of(heading))
    return any(
        (word.isdigit() or len(word) >= 5) and word in heading_words for title in titles for word in words_of(title)
    )


# What may stand between two parts of a title or heading.
EDGE_PUNCTUATION = " :|-–—·•/"


def clean_title(title: str | None) -> str:
    """``title`` without soft hyphens and zero-width characters, whitespace collapsed."""
    return " ".join(INVISIBLE.sub("", title or "").split()).strip(EDGE_PUNCTUATION)


def _without_leading_labels(tree, xpath: str = "//h1") -> list[tuple[str, str]]:
    """``(label, rest)`` of each heading ``xpath`` finds that starts with a child element: that
    element's text and the heading's text without it."""
    texts = []
    for heading in tree.xpath(xpath):
        if is_unseen_heading(heading):
            continue
        heading = displayed_copy(heading)
        # An icon before the label, its text none ("<span aria-label="WZ+ Artikel"><svg …>" of
        # a paid story) is no label.
        first = next((child for child in heading if isinstance(child.tag, str) and child.text_content().strip()), None)
        # Text before it, beside comments and icons ("<h1><!-- teaser -->Hafen …"), makes it no label.
        before = (
            [heading.text, *(sibling.tail for sibling in first.itersiblings(preceding=True))]
            if first is not None
            else []
        )
        if first is not None and not "".join(text or "" for text in before).strip():
            label = " ".join(first.text_content().split())
            first.drop_tree()
            text = _heading_text(heading)
            if text:
                texts.append((label, text))
    return texts


def _parts_off(title: str, label: str, rest: str) -> bool:
    """Whether ``title`` is "label: rest", the label parted off by a colon."""
    match = KICKER_COLON.match(title)
    return bool(match) and (text_key(match["kicker"]), text_key(match["headline"])) == (text_key(label), text_key(rest))


def _is_logo(heading) -> bool:
    """Whether a heading is the site's logo: all its text is a link to the home page
    ("<h1><a href="https://www.offshore-stiftung.de/">Stiftung Offshore Windenergie</a></h1>";
    beltz.de, deutschlandfunk.de, WordPress themes' "site-title" on columbus-entdeckt.de)."""
    links = heading.xpath(".//a[@href]")
    if len(links) != 1:
        return False
    target = urlsplit(links[0].get("href"))
    return (
        target.path in ("", "/")
        and not target.query
        and text_key(links[0].text_content()) == text_key(heading.text_content())
    )


def displayed_copy(heading):
    """A copy of ``heading`` without what it holds that no reader sees (:data:`UNSEEN_TEXT`):
    the style sheets and scripts some sites put inside it (CSS-in-JS: "<h1><style>.css-umyvef{…}
    </style>…"), a noscript notice, a template, an icon's ``<svg>``; without its buttons; and
    without a subscription badge (:data:`SUBSCRIPTION_BADGE`), which marks the story as paid for
    and is no word of it."""
    heading = deepcopy(heading)
    # An icon's drawing holds text for screen readers and tooltips only: "<svg><title>Z+
    # (abopflichtiger Inhalt)</title></svg>" before ZEIT ONLINE's kicker; a logo's or a section
    # icon's <svg><title> in a heading the same way (spokesman.com, slate.com, ign.com). A
    # <button> is a control, no word of the heading: "Artikel teilen", "Merken", "Vorlesen" set
    # in the <h1> by WordPress share plugins and news sites' bookmark and read-aloud buttons.
    for element in list(heading.iterdescendants(*UNSEEN_TEXT, "svg", "button")):
        element.drop_tree()
    for element in list(heading.iterdescendants()):
        if not isinstance(element.tag, str):
            continue
        shown = " ".join(element.text_content().split())
        if SUBSCRIPTION_BADGE.fullmatch(shown) or "badge" in _class_words(element) and len(shown.split()) <= 2:
            # A badge beside the words: "<span class="live-badge">Live</span> Liveticker" (a
            # regional paper's live ticker), as the subscription's.
            element.drop_tree()
    return heading


# A subscription badge set in a heading or beside its kicker, an element of its own: "AZ+"
# (Aachener Zeitung), "SPIEGEL+", "F+" (FAZ), "Z+" (ZEIT ONLINE), "RP+", "SZ Plus", "BILDplus",
# "WELTplus"; a "+" icon alone, its name for screen readers only ("LVZ+" on the Madsack papers).
SUBSCRIPTION_BADGE = re.compile(r"[A-ZÄÖÜ][\w]{0,11}\+|[A-ZÄÖÜ]{1,12}\s?(?:plus|Plus|PLUS)|\+")


# Class words of the element that holds a story's headline when it is no <h1>: "stage-headline"
# (welt.de's stage), "article-headline" (brigitte.de), "a-h1-title" (stern.de), "l-headline"
# (sheego.de), "c-article__title" (BEM), "entry-title" (WordPress),
# "headline" (many CMSs); a subtitle, kicker or teaser class is something else, so is a
# category, tag, "rubrik" or label class (a section's or a topic's name, not the story's headline),
# and so is "heading" (WordPress marks every subheading of the text "wp-block-heading").
# German CMSes and hand-made templates name it in German: "ueberschrift" ("<span
# class="ueberschrift">" in the table layouts of trade magazines and regional papers, TYPO3's
# "news-ueberschrift").
HEADLINE_CLASS_WORDS = {"headline", "title", "ueberschrift"}

NOT_HEADLINE_CLASS_WORDS = KICKER_WORDS | {
    "sub",
    "teaser",
    "related",
    "page",
    "site",
    "section",
    "widget",
    "box",
    "rubrik",
    "category",
    "categories",
    "tag",
    "tags",
    "label",
    "labels",
}


def _marked_headlines(tree) -> list[tuple[str, list[str]]]:
    """``(text, lines)`` of elements marked as a headline by itemprop or class words, outermost;
    found once a page (four rules ask)."""
    return read_once(tree, "marked_headlines", _find_marked_headlines)


def _find_marked_headlines(tree) -> list[tuple[str, list[str]]]:
    elements = [
        element
        for element in marked_headline_elements(tree)
        if (
            element.get("itemprop") == "headline"
            or (_class_words(element) & HEADLINE_CLASS_WORDS and not _class_words(element) & NOT_HEADLINE_CLASS_WORDS)
        )
        and not (element.tag not in HEADING_TAGS and LABELS_AN_H1(element))
    ]
    return _headings(tree, elements=elements)


HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# A marked line that is not a heading, the <h1>'s text the next text after it: the headline's
# label over it, set in a title widget of its own (Elementor's "elementor-heading-title" <p> with
# the post's short name over the designed <h1>; the CMS puts that name in every metadata title).
LABELS_AN_H1 = lxml.etree.XPath("boolean(following::*[normalize-space(text())][1][ancestor-or-self::h1])")


def _headings(tree, xpath: str = "//h1", elements=None) -> list[tuple[str, list[str]]]:
    """``(text, lines)`` of each visible ``<h1>``: lines as ``<br>`` and blocks break it."""
    headings = []
    for h1 in tree.xpath(xpath) if elements is None else elements:
        if is_unseen_heading(h1) or _is_logo(h1):
            continue
        h1 = displayed_copy(h1)
        for part in h1.xpath(".//*"):
            if part.getparent() is not None and _is_hidden_separator(part):
                # The kicker set apart from the headline, the separator kept for screen readers
                # only: "<span>Zoonosen</span><span aria-hidden> – </span><span>Wie …</span>"
                # (tagesanzeiger.ch and the other Tamedia papers), "<span class="sr-only">:"
                # (spiegel.de), "<span class="visually-hidden">:" (zeit.de).
                part.getprevious().drop_tree()
            if part.getparent() is not None and (
                is_hidden(part) or _class_words(part) & KICKER_WORDS or _is_date_inside(part)
            ):
                # The words on either side stay apart ("Zoonosen<span hidden> – </span>Wie").
                part.tail = " " + (part.tail or "")
                part.drop_tree()
        text = _heading_text(h1)
        if text:
            # Kicker and headline also part at a separator: '"Reformstau lösen" / Irme …'.
            lines = [clean_title(line) for line in TITLE_SEPARATORS.split(h1.text_content().replace(LINE_BREAK, " | "))]
            headings.append((text, [line for line in lines if line]))
    return headings


# A date opening the heading in an element of its own: "<h1><span class="artikel-datum">
# Pressemitteilung vom 04.02.2026</span>Neuer Meister …</h1>" (the chambers' and public bodies'
# press releases), "<h1><time>…</time> Hafen …</h1>" of blog themes: no words of the headline.
DATE_CLASS_WORDS = {"date", "datum", "time", "zeit"}


def _is_date_inside(part) -> bool:
    """Whether ``part`` opens its heading with a date in an element of its own."""
    heading = part.getparent()
    return (
        heading.tag in HEADING_TAGS
        and part.getprevious() is None
        and not (heading.text or "").strip()
        and (part.tag == "time" or bool(_class_words(part) & DATE_CLASS_WORDS))
        and bool(VISIBLE_DATE.search(part.text_content() or ""))
    )


def _is_hidden_separator(part) -> bool:
    """Whether ``part`` is a hidden separator after a heading's first element, which is then a
    kicker: the heading starts with that element, the separator is punctuation alone."""
    previous = part.getprevious()
    parent = part.getparent()
    return (
        previous is not None
        and previous.getprevious() is None
        and not (parent.text or "").strip()
        and is_hidden(part)
        and not (part.text_content() or "").strip(EDGE_PUNCTUATION + ",;")
        and bool((part.text_content() or "").strip())
        and bool(text_key(previous.text_content()))
    )


# Elements inside a heading that break it into lines: their text is not glued to the next.
LINE_BREAKING = {"br", "div", "p", "small", "strong"}
# An element styled to be a block of its own: archive.today keeps a page's layout as inline
# styles, the classes gone ("<span style="display:block">Stellenabbau</span><span …>Headline").
DISPLAYED_AS_BLOCK = re.compile(r"display\s*:\s*block", re.IGNORECASE)


def _breaks_line(element) -> bool:
    return element.tag in LINE_BREAKING or bool(DISPLAYED_AS_BLOCK.search(element.get("style") or ""))


LINE_BREAK = "\n"


def _heading_text(element) -> str:
    """A heading's text as displayed: line breaks become spaces, edges without separators.

    Marks the breaks with newlines in ``element`` (a copy) for :func:`_headings`.
    """
    for part in element.iter():
        if part is not element and _breaks_line(part):
            part.tail = LINE_BREAK + (part.tail or "")
            if part.tag != "br":
                part.text = LINE_BREAK + (part.text or "")
        elif part is not element and _glued_to_the_text_before(part):
            # Two elements whose texts meet without a space, a small letter before a capital:
            # minified markup whose style sheet sets the kicker apart ("Stellenabbau in
            # Gwatt</span><span>Thuner Giesserei …").
            part.text = " " + part.text
    return clean_title(element.text_content().replace(LINE_BREAK, " "))


def _glued_to_the_text_before(part) -> bool:
    if not isinstance(part.tag, str) or not part.text:
        return False
    previous = part.getprevious()
    if previous is None:
        before = part.getparent().text or ""
    else:
        before = previous.tail or (previous.text_content() if isinstance(previous.tag, str) else "")
    return glued(before, part.text)


def strip_site_name(title: str, site_names: set[str]) -> str:
    """Remove a site name, section or date glued to a title with " | ", " - ", " – " …."""
    # The site's own name before a colon leads the title, as Blogger titles every post ("Blog
    # name: Post title") and as bdzv.de ("BDZV: …") and thespacereview.com ("The Space Review: …")
    # write theirs: the site, not a kicker.
    led = KICKER_COLON.match(title)
    if led and text_key(led["kicker"]) in site_names:
        title = led["headline"]
    parts = TITLE_SEPARATORS.split(title)
    if len(parts) == 1:
        return title
    keep = [part for part in parts if not _is_site_part(part, site_names)]
    if not keep:
        return title
    # A name of one or two words after a longer headline is the publication's ("- WELT", "| MZ.de",
    # "- Bächli-Bergsport", "| Erzbistum Köln").
    while len(keep) > 1 and len(keep[-1].split()) <= 2 and len(keep[0].split()) >= 4:
        keep.pop()
    if len(keep) > 1 and (" | " in title or " : " in title):
        # After a pipe comes the site, a section or a slogan: the story's part comes first,
        # unless a short section label leads ("Wirtschaft | Hafen wird erweitert"; amnesty.de's
        # "Weltweit | …", nytimes.com's "Opinion | …"). A kicker parted off by a dash leads the
        # story's part, which runs to the next pipe ("Kicker - Headline | Site": cicero.de, paz.de,
        # boxen.de); a dash of the headline's own is kept as one case of it ("Offene
        # Immobilienfonds - Anleger ziehen Geld ab – jetzt greifen die Fristen | DAS INVESTMENT").
        if len(keep[0].split()) <= 2:
            return _after_the_label(title, keep[0], site_names) or max(keep, key=len)
        return keep[0]
    return " - ".join(keep) if len(keep) < len(parts) else title


def _after_the_label(title: str, label: str, site_names: set[str]) -> str | None:
    """The parts of ``title`` after its leading ``label`` up to the next pipe, with the
    separators between them, site parts left out."""
    pieces = re.split(f"({TITLE_SEPARATORS.pattern})", title)
    parts, separators = pieces[::2], pieces[1::2]
    start = next((position + 1 for position, part in enumerate(parts) if part == label), None)
    if start is None or start > len(separators) or separators[start - 1].strip() == "|":
        # A label before a pipe is a section's: the parts after it are the trail's or the story's.
        return None
    story = ""
    for part, separator in zip(parts[start:], separators[start - 1 :]):
        if story and separator.strip() in ("|", ":"):
            break
        if not _is_site_part(part, site_names):
            story += (separator if story else "") + part
    return story or None


def _is_site_part(part: str, site_names: set[str]) -> bool:
    key = text_key(part)
    if not key:
        return True
    if VISIBLE_DATE.fullmatch(part.strip()) or re.fullmatch(r"[\d.:/\s-]+", part):
        return True
    if " ".join(words_of(part)) in GENERIC_TITLES:
        return True
    for name in site_names:
        if key == name:
            return True
        if len(name) > 3 and key in name and len(part.split()) <= 4:
            return True
        if len(name) > 3 and name in key:
            # The name with a section or legal form: "Rheinische Post: Wirtschaft", "… (ejw)"
            # (ejwue.de), "Teufel Blog" (blog.teufel.de), "Rezept von Backen.de".
            rest = [word for word in words_of(part) if word not in name]
            if len(rest) <= 2 and len(part.split()) <= 6:
                return True
    return False


def _contains(title: str, heading: str) -> bool:
    """Whether the metadata title names the heading with something added: a site or a kicker
    ("Siemens und Adani: Kaeser verarscht Neubauer")."""
    heading_key, title_key = text_key(heading), text_key(title)
    if not heading_key or not title_key or heading_key == title_key:
        return bool(heading_key) and heading_key == title_key
    return heading_key in title_key and len(words_of(heading)) >= 2


def _same_start(heading: str, title: str) -> bool:
    """The visible headline and an SEO title that go on differently from the same opening words
    ("Wein dekantieren: Alles Wissenswerte …")."""
    heading_words, title_words = words_of(heading), words_of(title)
    shared = 0
    for first, second in zip(heading_words, title_words):
        if first != second:
            break
        shared += 1
    return shared >= 3 and shared >= min(len(heading_words), len(title_words)) / 2


# Titles that name a page type or the site's start, not a story ("News - Eawag", "www.ekbo.de |
# Detail", "Bundespolizei - Aktuelles - …").
GENERIC_TITLES = {
    "home",
    "startseite",
    "start",
    "index",
    "news",
    "aktuelles",
    "blog",
    "artikel",
    "willkommen",
    "welcome",
    "homepage",
    "news detail",
    "detail",
    "beitrag",
    "blog archiv",
    "archiv",
    "archive",
    "blog archive",
}


# A newsletter's issue as its web version's title: "WJ Hannover – Newsletter 10/2026",
# "Rundbrief Nr. 5", "Newsletter Oktober 2026" (Mailchimp's, CleverReach's and rapidmail's web
# versions take the mailing's name).
NEWSLETTER_ISSUE = re.compile(
    r"(?i)\b(?:newsletter|rundbrief|infobrief|rundschreiben)\b(?:\s+(?:nr\.?|no\.?|ausgabe|[a-zäöü]+))?\s*[\d/.-]+\s*$"
)


def _uninformative(title: str, site_names: set[str]) -> bool:
    """Whether a metadata title says nothing about the story: the site's name, a page type or a
    newsletter's issue."""
    return (
        " ".join(words_of(title)) in GENERIC_TITLES
        or NEWSLETTER_ISSUE.search(title) is not None
        or _is_site_part(title, site_names)
        or any(text_key(title) in name or name in text_key(title) for name in site_names if len(name) > 3)
    )


# A headline is longer than the site's and the section's names beside it in a title.
MIN_TITLE_PART_WORDS = 4


def _title_part_shown(meta_titles: list[str], tree, site_names: set[str]) -> str | None:
    """On a page without an ``<h1>``, the part of a metadata title that the page prints alone,
    as a text of its own: the headline of a title that adds names the site's name was not
    recognised in ("NRhZ-Online - Neue Rheinische Zeitung - Finnischer Konzern …"), set in a
    bold or large font as pages laid out in tables set theirs. The longest such part, of
    :data:`MIN_TITLE_PART_WORDS` words or more."""
    parts = {
        text_key(part): part
        for title in meta_titles
        for part in TITLE_SEPARATORS.split(title)
        if len(part.split()) >= MIN_TITLE_PART_WORDS and not _is_site_part(part, site_names)
    }
    pieces = plain_text_pieces(tree)
    shown = {text_key(piece) for piece in pieces} & parts.keys()
    if not shown:
        # The site's name run into the headline without a separator, a number between them as
        # static archives number their pages ("ENERGIE-CHRONIK 261007 Netzagentur legt …"): the
        # title's end the page prints alone.
        parts = {
            text_key(piece): piece
            for title in meta_titles
            for piece in pieces
            if len(piece.split()) >= MIN_TITLE_PART_WORDS
            and title.endswith(piece)
            and _names_the_site_first(title[: -len(piece)], site_names)
        }
        shown = set(parts)
    return max((parts[key] for key in shown), key=lambda part: len(part.split()), default=None)


def _names_the_site_first(start: str, site_names: set[str]) -> bool:
    """Whether ``start``, a title's start, is the site's name, a number after it or not."""
    key = text_key(re.sub(r"[\d\s./-]+$", "", start))
    return bool(key) and key in site_names


def _names_the_story_of(heading: str, titles: list[str]) -> bool:
    """Whether ``heading`` is longer than each of ``titles`` (:data:`MIN_TITLE_PART_WORDS` words
    or more) and holds a word of each that is no label: a number or a word of five letters or
    more ("Bilanz", "2025")."""
    return (
        len(heading.split()) >= MIN_TITLE_PART_WORDS
        and bool(titles)
        and all(
            len(title.split()) < len(heading.split()) and _shares_a_story_word(heading, [title]) for title in titles
        )
    )


# A section's name is short: "Wirtschaft", "Lokales", "Wirtschaft und Umwelt".
MAX_SECTION_WORDS = 3
SECTION_NAMES = lxml.etree.XPath("//body//a")


def _titles_name_the_site_or_a_section(titles: list[str], site_names: set[str], tree) -> bool:
    """Whether every metadata title only names the site (:func:`_uninformative`) or one of its
    sections (:func:`_names_a_section`): older CMSes title every story of a section so."""
    return all(_uninformative(title, site_names) or _names_a_section(title, tree) for title in titles)


def _names_a_section(title: str, tree) -> bool:
    """Whether a metadata title is the name of one of the site's sections: a few words that a
    link of the page (its menu, the breadcrumb trail) says alone."""
    key = text_key(title)
    return (
        bool(key)
        and len(title.split()) <= MAX_SECTION_WORDS
        and any(text_key(text_of(link)) == key for link in SECTION_NAMES(tree))
    )


PAGE_EXTENSION = re.compile(r"\.(?:html?|php|aspx?)$")


def _the_section_above(text: str, tree, url: str) -> bool:
    """Whether ``text`` names the section the page belongs to: a few words that a link of the
    page says alone, to an address above the page's own (its path a prefix of the page's), or
    to the page's own path when the page is an item the section's page shows by its query
    (TYPO3's news extensions show a release at the list's address with its number in the
    query: "/presse?tx_news_pi1[news]=468"; Contao's "?id=", Joomla's "&view=article")."""
    key, page = text_key(text), address_of(url)
    if not key or not page or len(text.split()) > MAX_SECTION_WORDS:
        return False
    base = next(iter(tree.xpath("//base/@href")), None) or url
    an_item_of_its_path = bool(urlsplit(url).query)
    for link in SECTION_NAMES(tree):
        if text_key(text_of(link)) == key and (href := link.get("href")):
            linked = urljoin(base, href)
            above = address_of(linked)
            if above and (
                above != page
                # The section's page named as a file ("/nachrichten/landkreis-rottweil.html" over
                # "/nachrichten/landkreis-rottweil/…": TYPO3's and other CMSes' speaking URLs).
                and page.startswith(PAGE_EXTENSION.sub("", above) + "/")
                or above == page
                and an_item_of_its_path
                and not urlsplit(linked).query
            ):
                return True
    return False


def _confirms(heading: str, title: str) -> bool:
    """Whether an ``<h1>`` and a metadata title name the same story (wording may differ a bit)."""
    heading_words, title_words = set(words_of(heading)), set(words_of(title))
    if not heading_words or not title_words:
        return False
    shared = len(heading_words & title_words)
    return shared / len(heading_words) >= 0.5 and shared / len(title_words) >= 0.5


def metadata_titles(tree, url: str) -> list[str]:
    """The titles the page's metadata gives its story, cleaned: the JSON-LD headline,
    og:title (or twitter:title, or Dublin Core's title, which pages of the years before Open
    Graph state: "<META NAME="DC.Title" …>") and ``<title>``, in that order, empty ones left out."""
    nodes = story_nodes(tree, url)
    titles = (
        string_value(nodes[0].get("headline")) if nodes else None,
        meta_content(tree, "og:title", "twitter:title", *DUBLIN_CORE_TITLES),
        _first_text(tree.xpath("//title")),
    )
    return [cleaned for cleaned in map(clean_title, titles) if cleaned]


DUBLIN_CORE_TITLES = ("DC.title", "DC.Title", "dc.title", "dcterms.title", "DCTERMS.title")


def _first_text(elements) -> str | None:
    for element in elements:
        text = text_of(element)
        if text:
            return text
    return None
