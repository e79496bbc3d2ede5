"""Derived data cached between runs (archive.cache): built once, then read; never trusted blindly."""

import json

from py3langid.langid import MODEL_FILE, LanguageIdentifier

from archive.cache import cache_dir, cached_file, cached_json
from archive.indexing import search
from crawler.extraction import language


def test_a_value_is_built_once_then_read_from_the_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSARCHIVE_CACHE_DIR", str(tmp_path / "cache"))
    builds = []

    def build():
        builds.append(1)
        return {"wärme": 4.5, "pumpe": 3.25}

    assert cached_json("words.json", build) == cached_json("words.json", build) == {"wärme": 4.5, "pumpe": 3.25}
    assert len(builds) == 1
    assert [path.name for path in cache_dir().iterdir()] == ["words.json"]  # no temporary file left


def test_a_broken_or_unexpected_cache_file_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSARCHIVE_CACHE_DIR", str(tmp_path))
    (tmp_path / "words.json").write_text('{"wärme": 4.', encoding="utf-8")
    assert cached_json("words.json", lambda: {"a": 1.0}) == {"a": 1.0}
    (tmp_path / "words.json").write_text(json.dumps(["not", "a", "dict"]), encoding="utf-8")
    assert cached_json("words.json", lambda: {"b": 2.0}, valid=lambda value: isinstance(value, dict)) == {"b": 2.0}
    assert json.loads((tmp_path / "words.json").read_text(encoding="utf-8")) == {"b": 2.0}


def test_an_unwritable_cache_only_means_building_again(tmp_path, monkeypatch):
    blocked = tmp_path / "a-file"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv("NEWSARCHIVE_CACHE_DIR", str(blocked / "cache"))  # under a file: never creatable
    assert cached_json("words.json", lambda: {"a": 1.0}) == {"a": 1.0}


def test_the_cached_german_vocabulary_is_the_one_wordfreq_gives(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSARCHIVE_CACHE_DIR", str(tmp_path))
    search.german_vocabulary.cache_clear()
    try:
        built = search.german_vocabulary()
        search.german_vocabulary.cache_clear()
        read = search.german_vocabulary()
    finally:
        search.german_vocabulary.cache_clear()
    assert read == built == search._german_vocabulary_from_wordfreq()
    assert read["unternehmen"] > 5 and "der" in read
    assert len(list(tmp_path.iterdir())) == 1


def test_a_cached_file_is_written_once_and_a_failed_write_leaves_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSARCHIVE_CACHE_DIR", str(tmp_path))
    writes = []

    def write(file):
        writes.append(1)
        file.write(b"model")

    assert cached_file("model.bin", write) == cached_file("model.bin", write) == tmp_path / "model.bin"
    assert writes == [1] and (tmp_path / "model.bin").read_bytes() == b"model"

    def fail(file):
        file.write(b"half")
        raise OSError("disk full")

    assert cached_file("other.bin", fail) is None
    assert sorted(path.name for path in tmp_path.iterdir()) == ["model.bin"]


def test_the_unpacked_language_model_identifies_as_py3langids_own(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSARCHIVE_CACHE_DIR", str(tmp_path))
    own = LanguageIdentifier.from_model_file(MODEL_FILE)
    texts = [
        "Die Stadtwerke Düsseldorf investieren in ein neues Wärmenetz für den Hafen.",
        "The port of Duisburg opens a new terminal for hydrogen imports next year.",
        "De haven van Rotterdam breidt uit met een nieuwe containerterminal.",
        "Le port de Duisbourg ouvre un nouveau terminal pour l'hydrogène.",
        "Duisburg limanı yeni bir hidrojen terminali açıyor.",
    ]
    language.language_identifier.cache_clear()
    try:
        unpacked = language.language_identifier()  # unpacks the model into the cache
        language.language_identifier.cache_clear()
        read = language.language_identifier()  # reads the unpacked copy
        assert [path.name for path in tmp_path.iterdir()] == [language.UNPACKED_MODEL]
        for text in texts:
            assert read.classify(text) == unpacked.classify(text) == own.classify(text)
        # A broken copy is dropped, the model read from py3langid's file, and unpacked again next time.
        (tmp_path / language.UNPACKED_MODEL).write_bytes(b"PK\x03\x04 not a model")
        language.language_identifier.cache_clear()
        assert language.language_identifier().classify(texts[0]) == own.classify(texts[0])
        assert not (tmp_path / language.UNPACKED_MODEL).exists()
    finally:
        language.language_identifier.cache_clear()
