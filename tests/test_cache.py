"""Derived data cached between runs (archive.cache): built once, then read; never trusted blindly."""

import json

from archive.cache import cache_dir, cached_json
from archive.indexing import search


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
