"""Duplicate clusters, near-duplicates, translations and history on real SQLite files."""

import json
import pickle
import sqlite3
from dataclasses import replace

import pytest

from archive.indexing import dedup
from archive.storage.store import open_archive, prepare_article, save_sources, store_article, store_articles
from crawler.extraction.article import Article
from bench.dedup import load_pairs, pair_scores, precision_recall, synthetic_texts

PAIRS = load_pairs()
WIRE = next(pair for pair in PAIRS if pair["id"] == "pressemitteilung-zeitung-stahl")
SAME_COMPANY = next(pair for pair in PAIRS if pair["id"] == "results-q2-q3")


def archive(tmp_path):
    db = open_archive(tmp_path / "archive.db")
    save_sources(db, [{"id": source} for source in ("agentur", "zeitung", "magazin")])
    return db


def article(url, text, published, **extra):
    return Article(**{"url": url, "title": "Titel", "text": text, "published": published, "language": "de", **extra})


def unwritable(url):
    """A prepared article whose row the archive refuses (a column it does not have)."""
    prepared = prepare_article(article(url, "kaputt", "2026-07-01"))
    return replace(prepared, values={**prepared.values, "no_such_column": 1})


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
    first = store_article(
        db, article("https://agentur.example/pm.html", WIRE["a"], "2026-10-01T09:00:00+02:00"), source="agentur"
    )
    copy = store_article(
        db,
        article("https://zeitung.example/stahl.html", WIRE["b"], "2026-10-01T11:30:00+02:00", title="Neue Beizlinie"),
        source="zeitung",
    )
    assert (first.outcome, copy.outcome) == ("new", "duplicate")
    row = db["articles"].get(copy.article_id)
    assert row["duplicate_of"] == first.article_id
    assert dedup.THRESHOLD <= row["duplicate_score"] < 1.0
    # Another story about the same company stays a story of its own.
    other = store_article(
        db, article("https://zeitung.example/q3.html", SAME_COMPANY["b"], "2026-10-02T08:00:00+02:00"), source="zeitung"
    )
    assert other.outcome == "new"
    assert db["articles"].get(other.article_id)["duplicate_of"] is None


def test_earlier_copy_stored_later_becomes_the_head(tmp_path):
    db = archive(tmp_path)
    late = store_article(
        db, article("https://zeitung.example/a.html", WIRE["b"], "2026-10-01T12:00:00+02:00"), source="zeitung"
    )
    exact = store_article(
        db, article("https://magazin.example/a.html", WIRE["b"], "2026-10-02T08:00:00+02:00"), source="magazin"
    )
    assert db["articles"].get(exact.article_id)["duplicate_of"] == late.article_id
    # The press release was published first (09:00 +02:00 is 07:00 UTC) but is crawled last.
    early = store_article(
        db, article("https://agentur.example/a.html", WIRE["a"], "2026-10-01T07:00:00+00:00"), source="agentur"
    )
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
    buckets = dedup.text_signature(WIRE["b"])[1].buckets
    plan = " ".join(
        row[-1]
        for row in db.execute(
            "explain query plan select article_id from article_lsh where band = ? and bucket = ?", list(buckets[0])
        ).fetchall()
    )
    assert "SEARCH article_lsh USING PRIMARY KEY" in plan
    assert [match.article_id for match in dedup.near_duplicates(db, WIRE["b"])] == [1]


def test_changed_text_is_reindexed_and_kept_in_history(tmp_path):
    db = archive(tmp_path)
    url = "https://zeitung.example/q2.html"
    store_article(
        db, article(url, SAME_COMPANY["a"], "2026-07-30"), source="zeitung", seen_at="2026-07-30T10:00:00+00:00"
    )
    store_article(
        db,
        article(url, SAME_COMPANY["b"], "2026-07-30", title="Korrigiert"),
        source="zeitung",
        seen_at="2026-07-31T10:00:00+00:00",
    )
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
    german = store_article(db, article(german_url, WIRE["a"], "2026-10-01", alternates=alternates), source="agentur")
    english = store_article(
        db, article(english_url, PAIRS[0]["a"], "2026-10-01", language="en", alternates=alternates), source="agentur"
    )
    assert english.outcome == "new"
    assert sorted((row["article_id"], row["translation_id"], row["language"]) for row in db["translations"].rows) == [
        (german.article_id, english.article_id, "en"),
        (english.article_id, german.article_id, "de"),
    ]


def stored_state(db):
    columns = "url, source, duplicate_of, duplicate_score, content_hash, search_terms, word_count"
    return (
        db.execute(f"select {columns} from articles order by id").fetchall(),
        db.execute("select * from article_lsh order by band, bucket, article_id").fetchall(),
    )


def test_batch_of_prepared_articles_equals_storing_one_by_one(tmp_path):
    items = [
        (article(f"https://{source}.example/{pair['id']}-{side}.html", pair[side], f"2026-07-{day:02d}"), source, None)
        for day, pair in enumerate(PAIRS[:12], start=1)
        for side, source in (("a", "agentur"), ("b", "zeitung"))
    ]
    one_by_one = archive(tmp_path / "one")
    for item, source, seen_at in items:
        store_article(one_by_one, item, source=source, seen_at="2026-08-01T00:00:00+00:00")
    batched = archive(tmp_path / "batch")
    statements = []
    batched.conn.set_trace_callback(statements.append)
    # Prepared in another process in a crawl or a bulk load: the values travel pickled.
    prepared = [pickle.loads(pickle.dumps(prepare_article(item))) for item, _, _ in items]
    results = store_articles(
        batched, [(item, source, "2026-08-01T00:00:00+00:00") for item, (_, source, _) in zip(prepared, items)]
    )
    batched.conn.set_trace_callback(None)
    assert [result.outcome for result in results].count("duplicate") >= 10
    assert stored_state(batched) == stored_state(one_by_one)
    # One transaction, and no savepoint inside it (FTS5 flushes its index at each).
    assert sum(statement.startswith("BEGIN") for statement in statements) == 1
    assert not any("SAVEPOINT" in statement.upper() for statement in statements)


def test_failed_batch_stores_nothing(tmp_path):
    db = archive(tmp_path)
    broken = unwritable("https://agentur.example/broken.html")
    with pytest.raises(sqlite3.OperationalError, match="no_such_column"):
        store_articles(
            db,
            [
                (article("https://agentur.example/1.html", WIRE["a"], "2026-07-01"), "agentur", None),
                (broken, "agentur", None),
            ],
        )
    assert db["articles"].count == 0 and db["article_lsh"].count == 0
    assert (
        store_article(db, article("https://agentur.example/1.html", WIRE["a"], "2026-07-01"), source="agentur").outcome
        == "new"
    )


def test_lsh_migration_reindexes_and_drops_the_article_id_index(tmp_path):
    db = archive(tmp_path)
    store_article(db, article("https://agentur.example/1.html", WIRE["a"], "2026-07-01"), source="agentur")
    # An archive from before m011: buckets of the old hashing and an index on article_id.
    db.execute("delete from article_lsh")
    db.execute("insert into article_lsh values (0, 12345, 1)")
    db.execute("create index article_lsh_article_id on article_lsh (article_id)")
    db.execute("delete from _sqlite_migrations where name = 'm011_minhash_crc32'")
    db.conn.commit()
    db.close()
    db = open_archive(tmp_path / "archive.db")
    assert "article_lsh_article_id" not in {index.name for index in db["article_lsh"].indexes}
    assert db.execute("select count(*) from article_lsh where bucket = 12345").fetchone()[0] == 0
    assert db["article_lsh"].count == dedup.BANDS
    assert [match.article_id for match in dedup.near_duplicates(db, WIRE["b"])] == [1]


def test_batch_writer_loses_only_the_broken_item(tmp_path):
    from archive.storage.rows import write_each

    db = archive(tmp_path)
    items = [
        article("https://agentur.example/1.html", WIRE["a"], "2026-07-01"),
        unwritable("https://agentur.example/broken.html"),
        article("https://zeitung.example/2.html", SAME_COMPANY["a"], "2026-07-02"),
    ]
    results = write_each(items, lambda item: store_article(db, item, source="agentur"), db)
    assert [result.outcome for result in (results[0], results[2])] == ["new", "new"]
    assert isinstance(results[1], sqlite3.OperationalError)
    assert db["articles"].count == 2 and not db.conn.in_transaction


def test_signature_screening_keeps_every_labelled_copy_and_rules_out_unrelated_texts():
    def screened(first, second):
        second_sketch = dedup.text_signature(second)[1]
        return dedup.could_be_copy(dedup.text_signature(first)[1], second_sketch.shingle_count, second_sketch.signature)

    assert all(
        screened(pair["a"], pair["b"]) and screened(pair["b"], pair["a"])
        for pair in PAIRS
        if pair["label"] == "positive"
    )
    unrelated = synthetic_texts(12)
    assert not any(screened(first, second) for first, second in zip(unrelated, unrelated[1:]))


def test_chance_candidate_is_ruled_out_without_reading_its_text(tmp_path):
    db = archive(tmp_path)
    wire = store_article(
        db, article("https://agentur.example/pm.html", WIRE["a"], "2026-10-01"), source="agentur"
    ).article_id
    other = store_article(
        db, article("https://zeitung.example/x.html", synthetic_texts(1)[0], "2026-10-01"), source="zeitung"
    ).article_id
    # Unrelated texts share a bucket now and then in a large archive: give the other one a
    # bucket of the copy looked up below.
    band, bucket = dedup.text_signature(WIRE["b"])[1].buckets[0]
    db.execute("insert or ignore into article_lsh values (?, ?, ?)", [band, bucket, other])
    assert other in [
        candidate
        for candidate, _count, _signature in dedup._candidates(
            db, list(dedup.text_signature(WIRE["b"])[1].buckets), None
        )
    ]
    statements = []
    db.conn.set_trace_callback(statements.append)
    assert [match.article_id for match in dedup.near_duplicates(db, WIRE["b"])] == [wire]
    db.conn.set_trace_callback(None)
    [read] = [statement for statement in statements if "select id, text from articles" in statement]
    assert read.endswith(f"where id in ({wire}) order by id")


def test_signature_migration_fills_article_minhash(tmp_path):
    db = archive(tmp_path)
    store_article(db, article("https://agentur.example/1.html", WIRE["a"], "2026-07-01"), source="agentur")
    store_article(db, article("https://zeitung.example/kurz.html", "Zu kurz.", "2026-07-01"), source="zeitung")
    expected = db.execute("select * from article_minhash").fetchall()
    assert len(expected) == 1 and len(expected[0][2]) == 4 * dedup.NUM_PERM
    # An archive from before m013.
    db.execute("drop table article_minhash")
    db.execute("delete from _sqlite_migrations where name = 'm013_article_minhash'")
    db.conn.commit()
    db.close()
    db = open_archive(tmp_path / "archive.db")
    assert db.execute("select * from article_minhash").fetchall() == expected
    assert [match.article_id for match in dedup.near_duplicates(db, WIRE["b"])] == [1]


def test_buckets_of_a_text_stay_what_stored_archives_hold():
    # Archives keep these values in article_lsh: a change in hashing needs a migration that
    # re-indexes (as m011 did), or lookups stop finding what was stored before.
    buckets = dedup.text_signature(WIRE["a"])[1].buckets
    assert (buckets[0], buckets[-1]) == ((0, -7870078890702163692), (41, 8495583668208841636))


def test_signature_is_datasketch_affine32_minhash():
    # Stored signatures were computed by datasketch's MinHash; ours must stay equal to it value
    # for value, or screening compares incompatible signatures.
    from datasketch import MinHash

    template = MinHash(num_perm=dedup.NUM_PERM, seed=dedup.SEED)
    assert template.scheme == "affine32"
    for text in (WIRE["a"], WIRE["b"]):
        text_shingles = dedup.shingles(text)
        reference = MinHash(
            num_perm=dedup.NUM_PERM,
            seed=dedup.SEED,
            scheme=template.scheme,
            permutations=template.permutations,
            hashfunc=int,
        )
        reference.update_batch([(value ^ (value >> 32)) & 0xFFFFFFFF for value in text_shingles])
        assert dedup.minhash(text_shingles).tolist() == reference.hashvalues.tolist()
