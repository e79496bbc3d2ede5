"""JSON for the requests distributed workers share in Redis, instead of scrapy-redis's pickle.

scrapy-redis stores each request of the shared frontier as ``serializer.dumps(request.to_dict())``
and rebuilds it with ``serializer.loads``; its default serializer is pickle, so anyone who can
write to Redis could run code on every worker. This module (``SCHEDULER_SERIALIZER``) writes
plain JSON and reads nothing but the request dicts it writes:

- values are JSON's own (str, int, finite float, bool, None, lists, objects with str keys), plus
  tagged ``{"$bytes": base64}``, ``{"$tuple": [...]}`` and ``{"$dict": [[key, value], ...]}`` (a
  dict whose keys are not all strings, e.g. headers, or whose keys could be read as a tag), so
  bodies, headers and meta come back exactly as they went in;
- the request dict has only the keys ``Request.to_dict`` writes for a plain ``scrapy.Request``,
  each of its type; a ``_class`` (which Scrapy would import) is refused, and callback names must
  be plain method names.

Anything else raises :class:`RequestRefused` (a ``ValueError``) naming what was wrong; nothing in
a payload is ever imported or called.
"""

import base64
import binascii
import json
import math
import re

BYTES_TAG, TUPLE_TAG, DICT_TAG = "$bytes", "$tuple", "$dict"
TAGS = (BYTES_TAG, TUPLE_TAG, DICT_TAG)

# The keys of ``scrapy.Request.to_dict()`` for a plain Request, and what each may hold.
REQUEST_FIELDS = {
    "url": str,
    "callback": (str, type(None)),
    "errback": (str, type(None)),
    "headers": dict,
    "method": str,
    "body": bytes,
    "cookies": (dict, list),
    "meta": dict,
    "encoding": str,
    "priority": int,
    "dont_filter": bool,
    "flags": list,
    "cb_kwargs": dict,
}
REQUIRED_FIELDS = ("url",)
# A spider method's name: no dunder, no dots, nothing to import.
METHOD_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


class RequestRefused(ValueError):
    """A payload in the Redis frontier that is not a request this module wrote."""


def dumps(request: dict) -> bytes:
    """The JSON of a ``Request.to_dict()``; refuses values JSON could not give back as they are."""
    _check_request(request)
    return json.dumps(_encode(request, "request"), ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode(
        "utf-8"
    )


def loads(data: bytes | str) -> dict:
    """The request dict in ``data``; :class:`RequestRefused` for anything :func:`dumps` did not write."""
    if isinstance(data, bytes):
        if data[:1] == b"\x80":
            raise RequestRefused("a pickle, not JSON: refused (it is never unpickled)")
        try:
            data = data.decode("utf-8")
        except UnicodeDecodeError:
            raise RequestRefused("not UTF-8 JSON: refused") from None
    try:
        decoded = json.loads(data, parse_constant=_refuse_constant)
    except ValueError as error:
        raise RequestRefused(f"not JSON ({error}): refused") from None
    request = _decode(decoded, "request")
    _check_request(request)
    return request


def _refuse_constant(name: str):
    raise RequestRefused(f"{name} is not a JSON number: refused")


def _encode(value, path: str):
    if value is None or isinstance(value, (bool, str, int)):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise RequestRefused(f"{path}: {value} cannot be stored as JSON")
        return value
    if isinstance(value, bytes):
        return {BYTES_TAG: base64.b64encode(value).decode("ascii")}
    if isinstance(value, list):
        return [_encode(item, f"{path}[{index}]") for index, item in enumerate(value)]
    if isinstance(value, tuple):
        return {TUPLE_TAG: [_encode(item, f"{path}[{index}]") for index, item in enumerate(value)]}
    if isinstance(value, dict):
        if all(isinstance(key, str) for key in value) and not any(key in TAGS for key in value):
            return {key: _encode(item, f"{path}.{key}") for key, item in value.items()}
        return {
            DICT_TAG: [[_encode(key, f"{path} key"), _encode(item, f"{path}.{key!r}")] for key, item in value.items()]
        }
    raise RequestRefused(
        f"{path}: a {type(value).__name__} cannot be stored as JSON "
        "(only str, int, float, bool, None, bytes, list, tuple, dict)"
    )


def _decode(value, path: str):
    if isinstance(value, list):
        return [_decode(item, f"{path}[{index}]") for index, item in enumerate(value)]
    if not isinstance(value, dict):
        return value
    tag = next(iter(value), None) if len(value) == 1 else None
    if tag == BYTES_TAG:
        encoded = value[tag]
        try:
            if not isinstance(encoded, str):
                raise binascii.Error
            return base64.b64decode(encoded, validate=True)
        except binascii.Error:
            raise RequestRefused(f"{path}: {BYTES_TAG} is not base64: refused") from None
    if tag == TUPLE_TAG:
        if not isinstance(value[tag], list):
            raise RequestRefused(f"{path}: {TUPLE_TAG} is not a list: refused")
        return tuple(_decode(item, f"{path}[{index}]") for index, item in enumerate(value[tag]))
    if tag == DICT_TAG:
        pairs = value[tag]
        if not isinstance(pairs, list) or not all(isinstance(pair, list) and len(pair) == 2 for pair in pairs):
            raise RequestRefused(f"{path}: {DICT_TAG} is not a list of pairs: refused")
        decoded = {}
        for key, item in pairs:
            key = _decode(key, f"{path} key")
            try:
                decoded[key] = _decode(item, f"{path}.{key!r}")
            except TypeError:
                raise RequestRefused(f"{path}: a {type(key).__name__} key: refused") from None
        return decoded
    if any(key in TAGS for key in value):
        raise RequestRefused(f"{path}: a tag among other keys: refused")
    return {key: _decode(item, f"{path}.{key}") for key, item in value.items()}


def _check_request(request) -> None:
    if not isinstance(request, dict):
        raise RequestRefused(f"request: a {type(request).__name__}, not a request dict: refused")
    if "_class" in request:
        raise RequestRefused(f"request: _class {request['_class']!r}: only plain scrapy.Request is accepted")
    for name in REQUIRED_FIELDS:
        if name not in request:
            raise RequestRefused(f"request: no {name}: refused")
    for name, value in request.items():
        if name not in REQUEST_FIELDS:
            raise RequestRefused(f"request: unknown field {name!r}: refused")
        if not isinstance(value, REQUEST_FIELDS[name]):
            raise RequestRefused(f"request.{name}: a {type(value).__name__}: refused")
    for name in ("callback", "errback"):
        if request.get(name) is not None and not METHOD_NAME.match(request[name]):
            raise RequestRefused(f"request.{name}: {request[name][:80]!r} is not a spider method name: refused")
