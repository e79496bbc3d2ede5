"""The language of an article's text, by CLD2 (pycld2), and by py3langid where CLD2 is unsure.

CLD2, Chromium's language detector, reads a text in a hundredth of a millisecond and says
whether it is sure; py3langid counts its n-grams in Python and takes a few tenths. CLD2 decides
where it is sure (all but four of the benchmarks' 1,200 texts: pages in a language it finds
little of, scrambled paywall text), py3langid elsewhere; on the benchmarks the two differ on one
page, a German forum thread that py3langid read as English (docs/notes/2026-12-extraction-cpu.md).

py3langid ships its model LZMA-compressed, and unpacking it is most of the time a crawl's
extraction workers take to start (figures in docs/notes/2026-12-crawl-start.md). The unpacked model is kept in
newsarchive's cache directory (:mod:`archive.cache`), so that every crawl after the first reads it
as it is.
"""

import functools
import lzma
import shutil
import zipfile
from array import array
from importlib.metadata import version

import numpy
import pycld2
from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

from archive.cache import cached_file, forget

# Texts this short are teasers or errors, not articles; language detection is unreliable too,
# so the page's own lang attribute decides.
MIN_LANGUAGE_WORDS = 8
# Characters of a text that language detection reads (about 300 words): the start of a text
# tells its language as well as all of it, at a fraction of the cost. Half as many let CLD2 read
# a German travel page's English opening as the page's language.
LANGUAGE_SAMPLE = 2000
# CLD2's codes that ISO 639-1 writes otherwise (it keeps Google's older ones).
CLD2_CODES = {"iw": "he", "jw": "jv", "in": "id"}

UNPACKED_MODEL = f"py3langid-{version('py3langid')}-model.npz"


def detect_language(text: str, fallback: str | None = None) -> str | None:
    """ISO 639-1 language of ``text``; bilingual sites mislabel pages, so the text decides."""
    if len(text.split()) >= MIN_LANGUAGE_WORDS:
        sample = text[:LANGUAGE_SAMPLE]
        return _sure_cld2_language(sample) or language_identifier().classify(sample)[0]
    return (fallback or "").split("-")[0].lower() or None


def _sure_cld2_language(text: str) -> str | None:
    """CLD2's language for ``text`` when it is sure of it, else ``None``."""
    try:
        sure, _bytes, languages = pycld2.detect(text)
    except (pycld2.error, ValueError):  # text CLD2 cannot read as UTF-8 (a lone surrogate)
        return None
    code = languages[0][1].split("-")[0]
    code = CLD2_CODES.get(code, code)
    return code if sure and len(code) == 2 and code != "un" else None


@functools.cache
def language_identifier() -> LanguageIdentifier:
    """py3langid's identifier with its own model, read from the unpacked copy when there is one."""
    path = cached_file(UNPACKED_MODEL, _unpack_model)
    if path is not None:
        try:
            return _read_unpacked(path)
        except (OSError, ValueError, KeyError, zipfile.BadZipFile):  # a copy cut short or garbled
            forget(UNPACKED_MODEL)
    return LanguageIdentifier.from_model_file(MODEL_FILE)


def _unpack_model(file) -> None:
    with lzma.open(MODEL_DIR / MODEL_FILE) as packed:
        shutil.copyfileobj(packed, file, length=1 << 20)


def _read_unpacked(path) -> LanguageIdentifier:
    # The arrays as py3langid's own loader (py3langid.modelio.load_model) hands them over.
    with numpy.load(path, allow_pickle=False) as model:
        return LanguageIdentifier(
            numpy.asarray(model["ptc"]),
            numpy.asarray(model["pc"]),
            model["classes"].tolist(),
            _machine_ints(model["nextmove"]),
            model["out_feat"].tolist(),
            tk_row=_machine_ints(model["nextmove_row"]),
        )


def _machine_ints(values: numpy.ndarray) -> array:
    typecode = {2: "H", 4: "I", 8: "L"}[values.dtype.itemsize]
    return array(typecode, numpy.ascontiguousarray(values).tobytes())
