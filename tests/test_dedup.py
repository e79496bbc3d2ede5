"""Duplicate clusters, near-duplicates, translations and history on real SQLite files."""
import json

from archive import dedup
from archive.store import open_archive, save_sources, store_article
from bench.dedup import load_pairs, pair_scores, precision_recall

PAIRS = load_pairs()
WIRE = next(pair for pair in PAIRS if pair["id"] == "pressemitteilung-zeitung-stahl")
SAME_COMPANY = next(pair for pair in PAIRS if pair["id"] == "results-q2-q3")


def archive(tmp_path):
    db = open_archive(tmp_path / "archive.db")
    save_sources(db, [{"id": source} for source in ("agentur", "zeitung", "magazin")])
    return db


def article(url, text, published, **extra):
    return {"url": url, "title": extra.pop("title", "Titel"), "text": text, "published": published,
            "language": "de", **extra}


def test_labelled_set_is_large_enough_and_balanced():
    labels = [pair["label"] for pair in PAIRS]
    assert len(PAIRS) >= 60
    assert labels.count("positive") >= 30 and labels.count("negative") >= 25
    assert len({pair["id"] for pair in PAIRS}) == len(PAIRS)


def test_threshold_reaches_precision_and_recall_on_labelled_pairs(tmp_path):
    result = precision_recall(pair_scores(tmp_path / "pairs.db", PAIRS), dedup.THRESHOLD)
    assert result["precision"] >= 0.98, result["false_positives"]
    assert result["recall"] >= 0.9, result["missed"]


def test_near_duplicate_linked_to_earliest_with_score(tmp_path):
    db = archive(tmp_path)
    first = store_article(db, article("https://agentur.example/pm.html", WIRE["a"],
                                      "2026-10-01T09:00:00+02:00"), source="agentur")
    copy = store_article(db, article("https://zeitung.example/stahl.html", WIRE["b"],
                                     "2026-10-01T11:30:00+02:00", title="Neue Beizlinie"),
                         source="zeitung")
    assert (first.outcome, copy.outcome) == ("new", "duplicate")
    row = db["articles"].get(copy.article_id)
    assert row["duplicate_of"] == first.article_id
    assert dedup.THRESHOLD <= row["duplicate_score"] < 1.0
    # Another story about the same company stays a story of its own.
    other = store_article(db, article("https://zeitung.example/q3.html", SAME_COMPANY["b"],
                                      "2026-10-02T08:00:00+02:00"), source="zeitung")
    assert other.outcome == "new"
    assert db["articles"].get(other.article_id)["duplicate_of"] is None


def test_earlier_copy_stored_later_becomes_the_head(tmp_path):
    db = archive(tmp_path)
    late = store_article(db, article("https://zeitung.example/a.html", WIRE["b"],
                                     "2026-10-01T12:00:00+02:00"), source="zeitung")
    exact = store_article(db, article("https://magazin.example/a.html", WIRE["b"],
                                      "2026-10-02T08:00:00+02:00"), source="magazin")
    assert db["articles"].get(exact.article_id)["duplicate_of"] == late.article_id
    # The press release was published first (09:00 +02:00 is 07:00 UTC) but is crawled last.
    early = store_article(db, article("https://agentur.example/a.html", WIRE["a"],
                                      "2026-10-01T07:00:00+00:00"), source="agentur")
    assert early.outcome == "duplicate"
    rows = {row["id"]: row for row in db["articles"].rows}
    assert rows[early.article_id]["duplicate_of"] is None
    assert rows[late.article_id]["duplicate_of"] == early.article_id
    assert rows[exact.article_id]["duplicate_of"] == early.article_id
    [story] = db["stories"].rows
    assert story["id"] == early.article_id
    assert story["copies"] == 2
    assert json.loads(story["sources"]) == ["agentur", "magazin", "zeitung"]


def test_lookup_uses_the_lsh_index(tmp_path):
    db = archive(tmp_path)
    store_article(db, article("https://agentur.example/pm.html", WIRE["a"], "2026-10-01"), source="agentur")
    assert db["article_lsh"].count == dedup.BANDS
    buckets = dedup.band_buckets(dedup.shingles(WIRE["b"]))
    plan = " ".join(row[-1] for row in db.execute(
        "explain query plan select article_id from article_lsh where band = ? and bucket = ?",
        list(buckets[0])).fetchall())
    assert "SEARCH article_lsh USING PRIMARY KEY" in plan
    assert [match.article_id for match in dedup.near_duplicates(db, WIRE["b"])] == [1]


def test_changed_text_is_reindexed_and_kept_in_history(tmp_path):
    db = archive(tmp_path)
    url = "https://zeitung.example/q2.html"
    store_article(db, article(url, SAME_COMPANY["a"], "2026-07-30"), source="zeitung",
                  seen_at="2026-07-30T10:00:00+00:00")
    store_article(db, article(url, SAME_COMPANY["b"], "2026-07-30", title="Korrigiert"), source="zeitung",
                  seen_at="2026-07-31T10:00:00+00:00")
    assert dedup.near_duplicates(db, SAME_COMPANY["a"]) == []
    assert [match.article_id for match in dedup.near_duplicates(db, SAME_COMPANY["b"])] == [1]
    [change] = db["article_changes"].rows
    assert change["url"] == url
    assert change["change_number"] == 1
    assert change["old_text"] == SAME_COMPANY["a"] and change["new_text"] == SAME_COMPANY["b"]
    assert (change["old_title"], change["new_title"]) == ("Titel", "Korrigiert")
    assert change["old_text_last_seen"] == "2026-07-30T10:00:00+00:00"
    assert change["new_text_last_seen"] == "2026-07-31T10:00:00+00:00"


def test_translations_linked_both_ways_not_as_duplicates(tmp_path):
    db = archive(tmp_path)
    german_url, english_url = "https://agentur.example/de/hafen.html", "https://agentur.example/en/port.html"
    alternates = {"de": german_url, "en-GB": english_url + "?utm_source=x", "x-default": german_url}
    german = store_article(db, article(german_url, WIRE["a"], "2026-10-01", alternates=alternates),
                           source="agentur")
    english = store_article(db, article(english_url, PAIRS[0]["a"], "2026-10-01", language="en",
                                        alternates=alternates), source="agentur")
    assert english.outcome == "new"
    assert sorted((row["article_id"], row["translation_id"], row["language"])
                  for row in db["translations"].rows) == [
        (german.article_id, english.article_id, "en"), (english.article_id, german.article_id, "de")]
