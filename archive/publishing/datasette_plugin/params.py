"""Datasette's query parameters of a fixed form, checked before Datasette reads them.

Datasette 0.65 reads ``?_timelimit=`` with ``int()`` and ``?_through=`` with ``json.loads`` and
answers a malformed value with a server error (500). A link anyone can type must get a 400 that
says what was wrong, so the request is refused here with that message.
"""

import json

from datasette.utils.asgi import Request, Response

THROUGH_FORM = '{"table": "…", "column": "…", "value": "…"}'


def problem(args) -> str | None:
    """What is wrong with the request's special parameters, or None."""
    for value in args.getlist("_timelimit"):
        if value and not value.isdigit():
            return f"_timelimit={value[:80]!r}: expected a whole number of milliseconds"
    for value in args.getlist("_through"):
        try:
            through = json.loads(value)
        except ValueError:
            through = None
        if not (
            isinstance(through, dict)
            and {"table", "column", "value"} <= through.keys()
            and isinstance(through["table"], str)
            and isinstance(through["column"], str)
        ):
            return f"_through={value[:80]!r}: expected JSON of the form {THROUGH_FORM}"
    return None


def checked(app):
    """``app`` behind the check: a request with a malformed parameter is a 400 naming it."""

    async def asgi(scope, receive, send):
        if scope["type"] == "http" and (message := problem(Request(scope, receive).args)):
            await Response.text(message, status=400).asgi_send(send)
            return
        await app(scope, receive, send)

    return asgi
