"""German text analysis for the archive's full-text search (SQLite FTS5 on title, description,
text and ``search_terms``); typed queries are parsed in :mod:`archive.indexing.query`."""

import ctypes
import functools
import gc
import importlib.metadata
import math
import re
import threading
import unicodedata
from dataclasses import dataclass

import Stemmer

from archive.cache import cached_json


# German search: the FTS tokenizer keeps words whole and folds ü to u, so on its own it finds
# neither the parts of compounds (Förderung in Wirtschaftsförderung) nor inflected forms
# (Unternehmen in Unternehmens, Wärmepumpe in Wärmepumpen) nor the ue spelling (Duesseldorf).
# Instead of a trigram index (several times larger, see docs/datasette.md), each article gets
# a `search_terms` column listing those extra words; the FTS index covers it beside title,
# description and text. What goes in, and how a query word is expanded to meet it
# (:func:`query_terms`), was chosen by measurement: bench/search_quality.py, docs/search.md.
#
# Changing what search_terms() returns for a text? Raise ANALYSIS_VERSION: archives opened by
# the new code then recompute the column of every stored article (archive.storage.backfill).
ANALYSIS_VERSION = 2

UMLAUT_SPELLINGS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
# Inflection and linking endings tried when reducing a word or compound part to a known word.
GERMAN_ENDINGS = ("ens", "es", "en", "er", "ern", "s", "n", "e")
# Parts must be common German words (Zipf frequency ≥ 3, about one in a million words: some
# 40,000 words); rarer entries of the word list are mostly names, typos and fragments.
MIN_ZIPF = 3.0
MIN_PART = 4
# A part may be shorter when it is a common word: Stadtrat, Neubau, Nahverkehr (but not the
# fragments ung, ern of Unterhalt|ung, Gest|ern).
MIN_SHORT_PART = 3
MIN_SHORT_PART_ZIPF = 4.0
# A word competes with its splits, handicapped by this much: a frequent compound is still
# split (Energiewende: energie|wende), a frequent simple word is not (Gestern, Unternehmen).
WHOLE_WORD_HANDICAP = 1.0
# A cut must pay for itself: each one costs this much of the parts' mean Zipf frequency, so
# Unternehmens|gründungen wins over three parts.
SPLIT_PENALTY = 0.5
# Longer "words" are not split: the longest German compounds in real use have some 40 letters
# (Rindfleischetikettierungsüberwachungsaufgabenübertragungsgesetz, 63).
MAX_COMPOUND = 64
# Prepositions, particles, articles and pronouns are frequent "words" at the start of a great
# many German words (unter|nehmen, aus|bildung, vor|stand, ein|satz) that are not compounds:
# never a part, or every query for "unter" would find every Unternehmen.
FUNCTION_WORDS = frozenset(
    """
    ab an auf aus bei durch ein für gegen hinter mit nach neben ohne über um unter vor wider zu
    zurück zusammen weg her hin fort los wieder voll dar da miss
    der die das den dem des eine einer einem eines einen sich sein seine ihr ihre dies diese
    dieser alle aller alles jede jeder kein keine mein unser wir sie man was wie wer wo
""".split()
)
# Letters and digits; FTS5's unicode61 tokenizer cuts at "_" too.
WORD = re.compile(r"[^\W_]+")
# A word of letters and digits joined by - . & / ' (Start-up, NRW-Chemie, E.ON, R&D, C&A):
# the tokenizer cuts it into its pieces; the joined form lets Start-up and Startup meet.
# Only from the start of a word and without backtracking: linear even in a hostile megabyte.
JOINED_WORD = re.compile(r"(?<![^\W_])[^\W_]++(?:[-.&/'’][^\W_]++)+")


@functools.cache
def german_vocabulary() -> dict[str, float]:
    """Common German words (lower case) and their Zipf frequency, from ``wordfreq``.

    Built once from wordfreq's list, then read from the cache (:mod:`archive.cache`): loading
    wordfreq and its whole list costs a crawl's extraction workers more than half a second
    before their first page, the cached words a few hundredths."""
    name = f"german-vocabulary-wordfreq-{importlib.metadata.version('wordfreq')}-{MIN_ZIPF}-{MIN_SHORT_PART}.json"
    return cached_json(name, _german_vocabulary_from_wordfreq, valid=_is_vocabulary)


def _german_vocabulary_from_wordfreq() -> dict[str, float]:
    # Imported here: loading wordfreq takes longer than the rest of this module, and the crawl
    # process, which stores what its workers prepared, never needs the vocabulary.
    from wordfreq import get_frequency_dict, get_frequency_list

    vocabulary = {
        word: zipf
        for word, frequency in get_frequency_dict("de").items()
        if len(word) >= MIN_SHORT_PART and (zipf := math.log10(frequency) + 9) >= MIN_ZIPF
    }
    # wordfreq keeps its whole list cached (some 55 MB in every process that stores or
    # prepares articles); these 38,000 words (4 MB) are all that is needed of it. Freed, the
    # list's memory still stays with the process unless the C allocator is asked to return it.
    get_frequency_dict.cache_clear()
    get_frequency_list.cache_clear()
    gc.collect()
    _return_free_memory()
    return vocabulary


def _is_vocabulary(value) -> bool:
    return isinstance(value, dict) and all(isinstance(zipf, float) for zipf in value.values())


def _return_free_memory() -> None:
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: the memory is reused, just not returned
        pass


def base_forms(word: str, vocabulary: dict[str, float]) -> set[str]:
    """Known words that ``word`` becomes without one inflection or linking ending."""
    return {
        word[: -len(ending)]
        for ending in GERMAN_ENDINGS
        if word.endswith(ending) and word[: -len(ending)] in vocabulary
    }


@dataclass(frozen=True)
class GermanAnalysis:
    """How German words are analysed: for the index (:func:`search_terms`) and for a query
    word (:func:`query_terms`). The product uses :data:`ANALYSIS`; the others are kept so that
    bench/search_quality.py can measure them against it.
    """

    # "snowball" (PyStemmer's German Snowball stemmer), "cistem" (NLTK), "simplemma" (lemmas
    # from simplemma's dictionary) or "none". NLTK and simplemma are only needed by the bench.
    stemmer: str = "snowball"
    # "frequency" (compound parts by word frequency, never a function word, head may be short),
    # "legacy" (the same method as in release 0.1.0), "german-nouns" (the dictionary splitter of
    # the german-nouns package, Wiktionary's nouns; the bench's comparison only) or "none".
    splitter: str = "frequency"
    # Whether a query word also matches words that begin with its stem (stem*).
    prefix: bool = False


ANALYSIS = GermanAnalysis()
LEGACY_ANALYSIS = GermanAnalysis(stemmer="none", splitter="legacy")
# Zentrum, Zentrums (Latin singular in -um) whose plural is Zentren: see stem(). Not the German
# suffix -tum (Wachstum, Reichtum: its plural is -tümer, and reicht is another word).
LATIN_SINGULAR = re.compile(r"(\w{4,}(?<!t))ums?")
# Words and stems shorter than this are left out: stems of short words collide (rat, rate → rat).
MIN_STEM = 4
# A prefix query on a shorter stem floods (bank* finds Bankrott).
MIN_PREFIX_STEM = 6


# Every term of every stored article is folded; like the terms themselves (_word_terms), they repeat.
@functools.lru_cache(maxsize=500_000)
def fold(word: str) -> str:
    """``word`` as FTS5's unicode61 tokenizer with remove_diacritics indexes it: diacritics off.

    >>> fold("düsseldorf")
    'dusseldorf'
    """
    decomposed = unicodedata.normalize("NFD", word)
    return "".join(WORD.findall("".join(char for char in decomposed if not unicodedata.combining(char))))


def search_terms(
    *texts: str | None,
    language: str | None = "de",
    analysis: GermanAnalysis = ANALYSIS,
    unindexed: str | None = None,
) -> str:
    """Extra words that make German text findable: stems, compound parts, base forms, ue spellings.

    Compounds and endings are only analysed when ``language`` is German (or unknown); other
    texts get the ue spellings and joined forms (Start-up → startup) only. ``unindexed`` is
    text the index has no column for (the kicker): its words are added as they are too.
    Returns the words space-separated and sorted, for the ``articles.search_terms`` column.

    >>> search_terms("Die Wirtschaftsförderung")
    'foerderung forder förderung wirtschaft wirtschafts wirtschaftsfoerderung wirtschaftsforder'
    """
    # lower(), as the tokenizer: casefold() would turn ß into ss, a spelling the text lacks.
    lower = str.casefold if analysis.splitter == "legacy" else str.lower
    indexed = lower(" ".join(text for text in texts if text))
    extra = lower(unindexed or "")
    text = f"{indexed} {extra}"
    words = set(WORD.findall(indexed))
    extra_words = set(WORD.findall(extra)) - words
    german = language in ("de", None)
    terms = set().union(*[_word_terms(word, german, analysis) for word in words | extra_words]) | extra_words
    for joined_word in set(JOINED_WORD.findall(text)) if analysis.splitter != "legacy" else ():
        joined = "".join(WORD.findall(joined_word))
        terms |= {joined} | _word_terms(joined, german, analysis)
    return " ".join(sorted(term for term in terms - words if term and fold(term) not in words))


def query_terms(word: str, analysis: GermanAnalysis = ANALYSIS) -> list[str]:
    """The FTS5 tokens, any of which should match one query ``word`` as typed (lower case).

    Each is a single token as the tokenizer sees it; one ending in ``*`` is a prefix. A word
    joined by hyphens or dots (start-up, nrw-chemie, e.on) gives its joined form, which the
    index holds beside the pieces; the query parser matches the pieces as a phrase itself.

    >>> query_terms("wärmepumpe")
    ['warmepumpe', 'warmepump']
    >>> query_terms("start-up")
    ['startup']
    """
    pieces = WORD.findall(word.lower())
    if not pieces or analysis.splitter == "legacy":  # 0.1.0 searched for the word as typed
        return [fold(" ".join(pieces))] if len(pieces) == 1 else []
    typed = "".join(pieces)
    terms = [fold(typed)]
    if analysis.stemmer != "none" and len(typed) >= MIN_STEM and not typed.isdigit():
        # The index holds the base forms and stems of every German word (word_forms).
        terms += [
            fold(form)
            for form in sorted(base_forms(typed.replace("ß", "ss"), german_vocabulary()))
            if len(form) >= MIN_STEM
        ]
        stemmed = fold(stem(typed, analysis))
        if len(stemmed) >= MIN_STEM:
            terms.append(stemmed)
        if analysis.prefix and len(stemmed) >= MIN_PREFIX_STEM:
            terms.append(stemmed + "*")
    return list(dict.fromkeys(term for term in terms if term))


# News vocabulary repeats (Zipf): most words of an article were analysed before, and splitting
# a word is the costliest step of storing an article (profiled: half its time), so remember them.
@functools.lru_cache(maxsize=500_000)
def _word_terms(word: str, german: bool, analysis: GermanAnalysis = ANALYSIS) -> frozenset[str]:
    """What one lower-case word adds to ``search_terms``: its forms, and ue spellings."""
    if not german or len(word) < MIN_PART or word.isdigit():
        forms = frozenset()
    elif analysis.splitter == "legacy":
        forms = word_forms(word, analysis)
    else:  # wordfreq's list spells ß as ss (gross, strasse)
        forms = word_forms(word.replace("ß", "ss"), analysis)
    return forms | {form.translate(UMLAUT_SPELLINGS) for form in (word, *forms)}


def word_forms(word: str, analysis: GermanAnalysis = ANALYSIS) -> frozenset[str]:
    """Base forms of a lower-case German word, its compound parts, and the stems of all."""
    vocabulary = german_vocabulary()
    forms = base_forms(word, vocabulary)
    if analysis.splitter == "legacy":
        for part in _legacy_compound_parts(word, vocabulary):
            forms |= {part} | base_forms(part, vocabulary)
        return frozenset(forms)
    # A short base form is mostly a different word: rate is not rat, nor gross gros.
    forms = {form for form in forms if len(form) >= MIN_STEM}
    if analysis.splitter == "frequency":
        parts = compound_parts(word, vocabulary)
    elif analysis.splitter == "german-nouns":
        parts = german_nouns_parts(word)
    else:
        parts = []
    # Every run of neighbouring parts but the whole: Wärmepumpenwerk holds Wärmepumpen and
    # Pumpenwerk as well as Wärme, Pumpen and Werk.
    pieces = {
        "".join(parts[start:end])
        for start in range(len(parts))
        for end in range(start + 1, len(parts) + 1)
        if end - start < len(parts)
    }
    for piece in pieces:
        forms |= {piece} | base_forms(piece, vocabulary)
    if analysis.stemmer != "none":
        forms |= {
            stemmed
            for form in (word, *pieces)
            if len(form) >= MIN_STEM and len(stemmed := stem(form, analysis)) >= MIN_STEM
        }
    return frozenset(forms)


def compound_parts(word: str, vocabulary: dict[str, float]) -> list[str]:
    """The common words ``word`` is composed of, e.g. wirtschaftsförderung → wirtschafts, förderung.

    Koehn & Knight's frequency method: of all ways to cut the word into common words (each
    part known, or known without a linking or inflection ending, none a function word), keep
    the one whose parts have the highest mean Zipf frequency, less ``SPLIT_PENALTY`` per cut.
    The word itself competes, handicapped by ``WHOLE_WORD_HANDICAP`` so that a frequent
    compound (Energiewende) is still found by its parts. ``[]`` when it does not split.
    """
    if len(word) > MAX_COMPOUND:
        return []
    best_score, best_parts = vocabulary.get(word, 0.0) - WHOLE_WORD_HANDICAP, []
    # The best reading of each tail, computed once: without it, a word of many overlapping
    # parts (hausbauhausbau…, as a hostile page may hold) costs time exponential in its length.
    tails: dict[str, tuple[float, list[str]]] = {}
    for cut in range(MIN_SHORT_PART, len(word) - MIN_SHORT_PART + 1):
        head = word[:cut]
        head_score = _part_frequency(head, vocabulary)
        if head_score < MIN_ZIPF:
            continue
        tail_score, tail_parts = _best_tail(word[cut:], vocabulary, tails)
        if tail_score < MIN_ZIPF:
            continue
        parts = [head, *tail_parts]
        score = (head_score + tail_score * len(tail_parts)) / len(parts) - SPLIT_PENALTY * (len(parts) - 1)
        if score > best_score:
            best_score, best_parts = score, parts
    return best_parts


def _best_tail(word: str, vocabulary: dict[str, float], tails: dict) -> tuple[float, list[str]]:
    """Mean Zipf frequency (penalties aside) and parts of the best way to read ``word``, whole or cut."""
    if word not in tails:
        tails[word] = _read_tail(word, vocabulary, tails)
    return tails[word]


def _read_tail(word: str, vocabulary: dict[str, float], tails: dict) -> tuple[float, list[str]]:
    best_score, best_parts = _part_frequency(word, vocabulary), [word]
    best_rank = best_score
    for cut in range(MIN_SHORT_PART, len(word) - MIN_SHORT_PART + 1):
        head_score = _part_frequency(word[:cut], vocabulary)
        if head_score < MIN_ZIPF:
            continue
        tail_score, tail_parts = _best_tail(word[cut:], vocabulary, tails)
        if tail_score < MIN_ZIPF:
            continue
        parts = [word[:cut], *tail_parts]
        score = (head_score + tail_score * len(tail_parts)) / len(parts)
        rank = score - SPLIT_PENALTY * (len(parts) - 1)
        if rank > best_rank:
            best_score, best_parts, best_rank = score, parts, rank
    return best_score, best_parts


@functools.cache
def german_nouns():
    """german-nouns' dictionary of some 100,000 nouns (CC BY-SA; for the bench's comparison only)."""
    from german_nouns.lookup import Nouns

    return Nouns()


@functools.lru_cache(maxsize=500_000)
def german_nouns_parts(word: str) -> list[str]:
    """The lemmas german-nouns splits ``word`` into (lower case), ``[]`` when it does not split."""
    parts = [part.lower() for part in german_nouns().parse_compound(word)]
    # A compound the dictionary holds whole comes back as its one lemma: not a split.
    return parts if len(parts) > 1 else []


def _part_frequency(part: str, vocabulary: dict[str, float]) -> float:
    if vocabulary is german_vocabulary():
        return _german_part_frequency(part)
    return _frequency_as_part(part, vocabulary)


# Splitting reads the same parts again and again, across the words of an article and across
# articles (unternehmens, förderung), and a crawl's worker starts with no word analysed yet.
@functools.lru_cache(maxsize=500_000)
def _german_part_frequency(part: str) -> float:
    return _frequency_as_part(part, german_vocabulary())


def _frequency_as_part(part: str, vocabulary: dict[str, float]) -> float:
    """The Zipf frequency ``part`` has as a compound's part: that of its most frequent form
    (itself or a base form, no function word); 0 when it cannot be a part."""
    if len(part) < MIN_SHORT_PART or part in FUNCTION_WORDS:
        return 0.0
    forms = ({part} | base_forms(part, vocabulary)) - FUNCTION_WORDS
    frequency = max((vocabulary.get(form, 0.0) for form in forms), default=0.0)
    return frequency if len(part) >= MIN_PART or frequency >= MIN_SHORT_PART_ZIPF else 0.0


def _legacy_compound_parts(word: str, vocabulary: dict[str, float]) -> list[str]:
    """The splitter of release 0.1.0 (kept for the bench): the word competes with its splits."""
    score, parts = _legacy_best_split(word, vocabulary)
    return parts if len(parts) > 1 else []


def _legacy_best_split(word: str, vocabulary: dict[str, float]) -> tuple[float, list[str]]:
    best_score, best_parts = _legacy_frequency(word, vocabulary), [word]
    for cut in range(MIN_PART, len(word) - MIN_PART + 1):
        head, tail = word[:cut], word[cut:]
        head_score = _legacy_frequency(head, vocabulary)
        if head_score < MIN_ZIPF:
            continue
        tail_score, tail_parts = _legacy_best_split(tail, vocabulary)
        if tail_score < MIN_ZIPF:
            continue
        parts = [head, *tail_parts]
        score = (head_score + tail_score * len(tail_parts)) / len(parts) - SPLIT_PENALTY
        if score > best_score:
            best_score, best_parts = score, parts
    return best_score, best_parts


def _legacy_frequency(word: str, vocabulary: dict[str, float]) -> float:
    if len(word) < MIN_PART:
        return 0.0
    forms = {word} | base_forms(word, vocabulary)
    return max(vocabulary.get(form, 0.0) for form in forms)


# PyStemmer's stemmers keep state between calls: one per thread (crawls store from several).
_stemmers = threading.local()


@functools.lru_cache(maxsize=500_000)
def stem(word: str, analysis: GermanAnalysis = ANALYSIS) -> str:
    """The stem (or lemma) of a lower-case German word by ``analysis.stemmer``, lower case."""
    if analysis.stemmer == "snowball":
        if not hasattr(_stemmers, "snowball"):
            _stemmers.snowball = Stemmer.Stemmer("german")
        # Latin plurals: Zentrum, Zentrums and Zentren (Ministerium, Ministerien) meet at the
        # stem of the plural; Snowball alone keeps zentrum and zentr apart.
        latin = LATIN_SINGULAR.fullmatch(word)
        return _stemmers.snowball.stemWord(latin[1] + "en" if latin else word)
    if analysis.stemmer == "cistem":
        from nltk.stem.cistem import Cistem  # the bench's comparison only

        return Cistem().stem(word)
    if analysis.stemmer == "simplemma":
        import simplemma  # the bench's comparison only

        return simplemma.lemmatize(word, lang="de").casefold()
    return word
