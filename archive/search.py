"""German text analysis for the archive's full-text search (SQLite FTS5 on title, description,
text and ``search_terms``); typed queries are parsed in :mod:`archive.query`."""
import ctypes
import functools
import gc
import math
import re

from wordfreq import get_frequency_dict, get_frequency_list


# German search: the FTS tokenizer keeps words whole and folds ü to u, so on its own it finds
# neither the parts of compounds (Förderung in Wirtschaftsförderung) nor inflected forms
# (Unternehmen in Unternehmens) nor the ue spelling (Duesseldorf). Instead of a trigram index
# (several times larger, see README "Search in German"), each article gets a `search_terms`
# column listing those extra words; the FTS index covers it beside title, description and text.
UMLAUT_SPELLINGS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
# Inflection and linking endings tried when reducing a word or compound part to a known word.
GERMAN_ENDINGS = ("ens", "es", "en", "er", "ern", "s", "n", "e")
# Parts must be common German words (Zipf frequency ≥ 3, about one in a million words: some
# 40,000 words); rarer entries of the word list are mostly names, typos and fragments.
MIN_ZIPF = 3.0
MIN_PART = 4
# A cut must pay for itself: without it, frequent prefixes split words apart (unter|nehmens).
SPLIT_PENALTY = 0.5
WORD = re.compile(r"\w+")


@functools.cache
def german_vocabulary() -> dict[str, float]:
    """Common German words (lower case) and their Zipf frequency, from ``wordfreq``."""
    vocabulary = {
        word: zipf for word, frequency in get_frequency_dict("de").items()
        if len(word) >= MIN_PART and (zipf := math.log10(frequency) + 9) >= MIN_ZIPF
    }
    # wordfreq keeps its whole list cached (some 55 MB in every process that stores or
    # prepares articles); these 38,000 words (4 MB) are all that is needed of it. Freed, the
    # list's memory still stays with the process unless the C allocator is asked to return it.
    get_frequency_dict.cache_clear()
    get_frequency_list.cache_clear()
    gc.collect()
    _return_free_memory()
    return vocabulary


def _return_free_memory() -> None:
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: the memory is reused, just not returned
        pass


def base_forms(word: str, vocabulary: dict[str, float]) -> set[str]:
    """Known words that ``word`` becomes without one inflection or linking ending."""
    return {
        word[: -len(ending)] for ending in GERMAN_ENDINGS
        if word.endswith(ending) and word[: -len(ending)] in vocabulary
    }


def compound_parts(word: str, vocabulary: dict[str, float]) -> list[str]:
    """The common words ``word`` is composed of, e.g. wirtschaftsförderung → wirtschafts, förderung.

    Koehn & Knight's frequency method: of all ways to cut the word into common words (each
    part known, or known without a linking or inflection ending), keep the one whose parts
    have the highest mean Zipf frequency, less ``SPLIT_PENALTY`` per cut; the word itself
    competes too. ``[]`` when it does not split.
    """
    score, parts = _best_split(word, vocabulary)
    return parts if len(parts) > 1 else []


def _best_split(word: str, vocabulary: dict[str, float]) -> tuple[float, list[str]]:
    best_score, best_parts = _frequency(word, vocabulary), [word]
    for cut in range(MIN_PART, len(word) - MIN_PART + 1):
        head, tail = word[:cut], word[cut:]
        head_score = _frequency(head, vocabulary)
        if head_score < MIN_ZIPF:
            continue
        tail_score, tail_parts = _best_split(tail, vocabulary)
        if tail_score < MIN_ZIPF:
            continue
        parts = [head, *tail_parts]
        score = (head_score + tail_score * len(tail_parts)) / len(parts) - SPLIT_PENALTY
        if score > best_score:
            best_score, best_parts = score, parts
    return best_score, best_parts


def _frequency(word: str, vocabulary: dict[str, float]) -> float:
    forms = {word} | base_forms(word, vocabulary)
    return max(vocabulary.get(form, 0.0) for form in forms)


def search_terms(*texts: str | None, language: str | None = "de") -> str:
    """Extra words that make German text findable: compound parts, base forms, ue spellings.

    Compounds and endings are only analysed when ``language`` is German (or unknown); other
    texts get the ue spellings only. Returns the words space-separated and sorted, for the
    ``articles.search_terms`` column.

    >>> search_terms("Die Wirtschaftsförderung in Düsseldorf")
    'duesseldorf foerderung förderung wirtschaft wirtschafts wirtschaftsfoerderung'
    """
    words = set(WORD.findall(" ".join(text for text in texts if text).casefold()))
    german = language in ("de", None)
    terms = set().union(*[_word_terms(word, german) for word in words])
    return " ".join(sorted(terms - words))


@functools.lru_cache(maxsize=500_000)
def _word_terms(word: str, german: bool) -> frozenset[str]:
    """What one lower-case word adds to ``search_terms``: its forms, and ue spellings of all."""
    forms = word_forms(word) if german and len(word) >= MIN_PART and not word.isdigit() else frozenset()
    return forms | {form.translate(UMLAUT_SPELLINGS) for form in (word, *forms)}


# News vocabulary repeats (Zipf): most words of an article were analysed before, and splitting
# a word is the costliest step of storing an article (profiled: half its time), so remember them.
@functools.lru_cache(maxsize=500_000)
def word_forms(word: str) -> frozenset[str]:
    """Base forms of a lower-case German word, its compound parts and theirs."""
    vocabulary = german_vocabulary()
    forms = base_forms(word, vocabulary)
    for part in compound_parts(word, vocabulary):
        forms |= {part} | base_forms(part, vocabulary)
    return frozenset(forms)


def query_terms(word: str) -> list[str]:
    """The index's tokens that one typed lower-case ``word`` stands for (any of them matches;
    a trailing ``*`` marks a prefix): the query side of the analysis above."""
    return [word]
