"""The JSON request serializer of distributed mode: lossless for our requests, refuses the rest."""

import json
import pickle

import pytest
import scrapy
from hypothesis import given
from hypothesis import strategies as st
from scrapy.utils.request import request_from_dict

from crawler.fetch import redis_json
from crawler.fetch.redis_json import RequestRefused
from crawler.sources import Source
from crawler.fetch.spider import NewsSpider

SOURCE = Source(
    id="koeln",
    feeds=("https://koeln.example/feed.xml",),
    sitemaps=("https://koeln.example/sitemap.xml", "https://koeln.example/robots.txt"),
    start_urls=("https://koeln.example/wirtschaft/",),
    hosts=("koeln.example",),
)


@pytest.fixture(scope="module")
def spider():
    return NewsSpider(SOURCE)


def round_trip(request: scrapy.Request, spider) -> scrapy.Request:
    return request_from_dict(redis_json.loads(redis_json.dumps(request.to_dict(spider=spider))), spider=spider)


def test_our_spiders_requests_come_back_as_they_were(spider):
    requests = list(spider.seed_requests())
    requests.append(
        spider.page_request("https://koeln.example/2026/hafen.html", 2, "page", "2026-11-20T08:00:00+01:00")
    )
    # What Scrapy's middlewares, the downloader and the worker add on the way.
    redirected = spider.page_request("https://koeln.example/neu.html", 1).replace(
        priority=-3,
        meta={
            "hops": 1,
            "kind": "page",
            "lastmod": None,
            "depth": 2,
            "download_slot": "koeln.example",
            "download_timeout": 180.0,
            "download_latency": 0.0421,
            "redirect_times": 1,
            "redirect_ttl": 19,
            "redirect_urls": ["https://koeln.example/alt.html"],
            "redirect_reasons": [301],
            "retry_times": 1,
            "inflight": "9f" * 20,
            "dont_retry": False,
            "handle_httpstatus_list": [404],
        },
    )
    requests.append(redirected)
    for request in requests:
        again = round_trip(request, spider)
        assert again.to_dict(spider=spider) == request.to_dict(spider=spider)
        assert again.callback == request.callback and type(again) is scrapy.Request


JSON_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20)
    | st.binary(max_size=20)
)
META_VALUES = st.recursive(
    JSON_SCALARS,
    lambda children: (
        st.lists(children, max_size=4)
        | st.tuples(children, children)
        | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)


@given(
    meta=st.dictionaries(st.text(max_size=10), META_VALUES, max_size=6),
    body=st.binary(max_size=200),
    header=st.binary(min_size=1, max_size=30),
    priority=st.integers(-1000, 1000),
)
def test_any_json_safe_meta_and_bytes_body_round_trip(spider, meta, body, header, priority):
    request = scrapy.Request(
        "https://koeln.example/suche",
        method="POST",
        body=body,
        callback=spider.parse_page,
        headers={"X-Token": header},
        meta=meta,
        priority=priority,
        cb_kwargs={"label": "x"},
        flags=["cached"],
        dont_filter=True,
    )
    again = round_trip(request, spider)
    assert again.to_dict(spider=spider) == request.to_dict(spider=spider)
    assert again.body == body and again.meta == meta


def test_a_meta_value_json_cannot_hold_is_refused_on_the_way_in(spider):
    for value, named in ((object(), "object"), ({1, 2}, "set"), (float("nan"), "nan")):
        # A page is asked for once a crawl (a second ask needs a fresher change hint): one page each.
        request = spider.page_request(f"https://koeln.example/{named}.html", 1).replace(meta={"odd": value})
        with pytest.raises(RequestRefused, match=f"request.meta.odd: .*{named}"):
            redis_json.dumps(request.to_dict(spider=spider))


class CreatesFile:
    def __init__(self, path):
        self.path = str(path)

    def __reduce__(self):
        return open, (self.path, "w")


def test_a_pickle_is_refused_and_never_unpickled(tmp_path):
    marker = tmp_path / "pwned"
    payload = pickle.dumps(CreatesFile(marker), protocol=-1)
    with pytest.raises(RequestRefused, match="pickle"):
        redis_json.loads(payload)
    assert not marker.exists()
    # Old protocols do not start with the protocol byte; they are not JSON either.
    with pytest.raises(RequestRefused, match="not JSON"):
        redis_json.loads(pickle.dumps(CreatesFile(marker), protocol=0))
    assert not marker.exists()


@pytest.mark.parametrize(
    "payload, reason",
    [
        ({"url": "https://x.example/", "_class": "os.system"}, "_class"),
        ({"url": "https://x.example/", "callback": "__init__"}, "not a spider method name"),
        ({"url": "https://x.example/", "callback": "os.path.join"}, "not a spider method name"),
        ({"url": "https://x.example/", "eval": "1"}, "unknown field"),
        ({"url": 3}, "request.url: a int"),
        ({"method": "GET"}, "no url"),
        (["https://x.example/"], "not a request dict"),
        ({"url": "https://x.example/", "body": {"$bytes": "not base64!"}}, "not base64"),
        ({"url": "https://x.example/", "meta": {"$bytes": "", "other": 1}}, "tag among other keys"),
        ({"url": "https://x.example/", "meta": {"$dict": [[[1], 2]]}}, "key"),
    ],
)
def test_json_that_is_not_a_request_we_wrote_is_refused(payload, reason):
    with pytest.raises(RequestRefused, match=reason):
        redis_json.loads(json.dumps(payload).encode())


@given(st.binary(max_size=300))
def test_arbitrary_bytes_either_decode_to_a_request_or_are_refused(data):
    try:
        request = redis_json.loads(data)
    except RequestRefused:
        return
    assert isinstance(request, dict) and isinstance(request["url"], str)


def test_keys_that_look_like_tags_and_non_string_keys_survive():
    request = {
        "url": "https://x.example/",
        "meta": {"$bytes": b"x", 3: (1, b"\x00")},
        "headers": {b"Accept": [b"text/html"]},
    }
    assert redis_json.loads(redis_json.dumps(request)) == request
