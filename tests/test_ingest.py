"""archive.storage.ingest: the one way a fetched article page is stored, by a crawl or the Redis writer."""

import json
from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from archive.storage.ingest import ArticlePage, FetchedResponse, IngestOptions, ingest_batch
from archive.storage.queue import decode_page, encode_page, store_batch
from archive.storage.rawstore import open_raw_store
from archive.indexing.dedup import Sketch
from archive.storage.store import PreparedArticle, open_archive, prepare_article
from crawler.extraction.article import Article

TEXT = (
    "Die Stadtwerke Düsseldorf AG baut in Oberbilk ein Wärmepumpenwerk. "
    "Der Bau beginnt im Frühjahr, teilte das Unternehmen am Montag mit. "
) * 4


def page(text=TEXT, fetched_at="2026-11-20T08:00:00+00:00"):
    url = "https://wirtschaft.example/waermepumpe.html"
    article = Article(
        url=url,
        title="Wärmepumpenwerk für Oberbilk",
        text=text,
        language="de",
        published="2026-11-20",
        authors=["Anna Beispiel"],
        tags=["Energie"],
    )
    response = FetchedResponse(
        url, 200, {"Content-Type": "text/html", "ETag": '"v1"'}, b"<html>\xc3\xa4</html>", fetched_at
    )
    return ArticlePage("duesseldorf", response, prepare_article(article, find_entities=True))


def test_a_prepared_page_travels_as_json_unchanged():
    original = page()
    assert decode_page(encode_page(original)) == original
    assert original.prepared.mentions.places  # Düsseldorf, Oberbilk


OPTIONAL_TEXT = st.none() | st.text()
NAMES = st.lists(st.text(), max_size=4)
ARTICLES = st.builds(
    Article,
    url=st.text(min_size=1),
    title=OPTIONAL_TEXT,
    kicker=OPTIONAL_TEXT,
    description=OPTIONAL_TEXT,
    author=OPTIONAL_TEXT,
    authors=NAMES,
    agencies=NAMES,
    published=OPTIONAL_TEXT,
    modified=OPTIONAL_TEXT,
    date_source=OPTIONAL_TEXT,
    language=OPTIONAL_TEXT,
    text=st.text(),
    tags=NAMES,
    image=OPTIONAL_TEXT,
    site_name=OPTIONAL_TEXT,
    alternates=st.dictionaries(st.text(), st.text(), max_size=4),
)


@given(ARTICLES)
def test_any_article_travels_through_the_queue_unchanged(article):
    prepared = PreparedArticle(article, {}, Sketch((), b"", 0))
    response = FetchedResponse(article.url, 200, {}, b"", "2026-11-20T08:00:00+00:00")
    again = decode_page(encode_page(ArticlePage("duesseldorf", response, prepared))).prepared.article
    assert again == article and type(again) is Article
    assert Article.from_json(json.loads(json.dumps(article.as_json()))) == article


def test_ingest_stores_everything_of_a_page_and_a_second_time_nothing_new(tmp_path):
    db = open_archive(tmp_path / "archive.db")
    raw_db = open_raw_store(tmp_path / "archive.db")
    options = IngestOptions(record_fetch=True)
    [first] = ingest_batch(db, raw_db, [page()], options)
    assert first.outcome == "new" and first.links["places"] >= 2
    state = db["pages"].get(page().response.url)
    assert (state["kind"], state["article_id"], state["etag"]) == ("article", first.article_id, '"v1"')
    places = {row["place_id"] for row in db["article_places"].rows}
    assert "duesseldorf-oberbilk" in places
    [again] = ingest_batch(db, raw_db, [page(fetched_at="2026-11-20T09:00:00+00:00")], options)
    assert (again.outcome, again.article_id, again.links) == ("unchanged", first.article_id, None)
    [changed] = ingest_batch(db, raw_db, [page(TEXT + " Korrektur: im Sommer.", "2026-11-21T08:00:00+00:00")], options)
    assert changed.outcome == "updated"
    assert db["article_versions"].count == 1
    assert raw_db["responses"].count == 2  # first version and the correction, not the unchanged fetch
    assert {row["place_id"] for row in db["article_places"].rows} == places
    assert not db.conn.in_transaction


def test_a_crawl_without_enrichment_links_nothing(tmp_path):
    db = open_archive(tmp_path / "archive.db")
    [stored] = ingest_batch(db, None, [page()], IngestOptions(link_entities=False))
    assert stored.links is None and db["article_places"].count == 0


@given(
    st.one_of(
        st.binary(max_size=200),
        st.text(max_size=200).map(str.encode),
        st.dictionaries(st.text(max_size=10), st.integers() | st.text(max_size=10) | st.none(), max_size=5).map(
            json.dumps
        ),
    )
)
def test_the_writer_skips_any_entry_it_cannot_read(tmp_path_factory, entry):
    db = open_archive(tmp_path_factory.mktemp("queue") / "archive.db")
    outcomes = store_batch(db, None, [entry, encode_page(page())], IngestOptions())
    assert outcomes == Counter(errors=1, new=1)
