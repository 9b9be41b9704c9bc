"""HGNC REST representations: content negotiation, the JSON envelope and its Solr-style XML twin.

The real service is a front end over Solr: JSON with `Accept: application/json`, XML otherwise, and
415 for a media type it cannot produce. The XML follows Solr's `wt=xml` writer as HGNC shows it:

    <response>
      <lst name="responseHeader"><int name="status">0</int><int name="QTime">1</int></lst>
      <result name="response" numFound="1" start="0" maxScore="1.0">
        <doc><str name="hgnc_id">HGNC:1097</str><arr name="ena"><str>M95712</str></arr></doc>
      </result>
    </response>

`/info` has no `response` key in JSON; in XML its fields sit in a one-document result, as the real
service renders them.

Errors. No recorded HGNC error body exists, so the mirror answers errors the way Solr does (the
engine behind the service), in the negotiated format (JSON when the format cannot be negotiated):

    {"responseHeader": {"status": 400, "QTime": 0},
     "error": {"msg": "undefined field foo", "code": 400}}
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from enum import Enum
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from starlette.responses import Response

from mirror.store import Doc


class Format(Enum):
    """The two representations the service can produce."""

    JSON = "application/json"
    XML = "application/xml"


MEDIA_TYPES: dict[str, Format] = {
    "application/json": Format.JSON,
    "application/xml": Format.XML,
    "text/xml": Format.XML,
    # Wildcards (and no Accept header at all) get the service's default, XML.
    "*/*": Format.XML,
    "application/*": Format.XML,
    "text/*": Format.XML,
}

CONTENT_TYPES = {Format.JSON: "application/json", Format.XML: "application/xml; charset=utf-8"}

XML_DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'
INT32_MAX = 2**31 - 1
SOLR_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$")


def negotiate(accept: str | None) -> Format | None:
    """The representation for an `Accept` header, or None when none is acceptable (a 415).

    Highest quality wins; among equals an exact media type beats a wildcard, then header order.
    """
    if accept is None or not accept.strip():
        return Format.XML
    candidates: list[tuple[float, int, int, Format]] = []
    for position, media_range in enumerate(accept.split(",")):
        media_type, _, params = media_range.partition(";")
        found = MEDIA_TYPES.get(media_type.strip().lower())
        quality = _quality(params)
        if found is not None and quality > 0:
            specific = 0 if "*" in media_type else 1
            candidates.append((quality, specific, -position, found))
    return max(candidates, key=lambda c: c[:3])[3] if candidates else None


def _quality(params: str) -> float:
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "q":
            try:
                return float(value)
            except ValueError:
                return 0.0
    return 1.0


def dump_json(value: Any) -> bytes:
    """Compact UTF-8 JSON, keys in the order given (records keep their stored field order)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def xml_value(value: Any, name: str | None = None) -> str:
    """One value as a Solr XML element (str, int, long, float, bool, date, arr, lst)."""
    attr = f" name={quoteattr(name)}" if name is not None else ""
    if value is None:
        return f"<null{attr}/>"
    if isinstance(value, bool):
        tag, text = "bool", "true" if value else "false"
    elif isinstance(value, int):
        tag, text = ("int" if abs(value) <= INT32_MAX else "long"), str(value)
    elif isinstance(value, float):
        tag, text = "float", repr(value)
    elif isinstance(value, list):
        return f"<arr{attr}>" + "".join(xml_value(item) for item in value) + "</arr>"
    elif isinstance(value, dict):
        return f"<lst{attr}>" + "".join(xml_value(v, str(k)) for k, v in value.items()) + "</lst>"
    else:
        text = str(value)
        tag = (
            "date"
            if name is not None and name.startswith("date_") and SOLR_DATE.match(text)
            else "str"
        )
    return f"<{tag}{attr}>{escape(text)}</{tag}>"


def xml_doc(doc: Doc) -> bytes:
    """A record (or search hit) as a Solr `<doc>` element."""
    return ("<doc>" + "".join(xml_value(v, k) for k, v in doc.items()) + "</doc>").encode("utf-8")


def header(status: int, qtime: int) -> Doc:
    return {"status": status, "QTime": qtime}


def result_body(
    fmt: Format, qtime: int, num_found: int, docs: bytes, max_score: float | None = None
) -> bytes:
    """The `response` envelope around `docs`, already rendered: a JSON array, or `<doc>` elements.

    Taking the documents pre-rendered lets the big fetches (every approved record) reuse a cached
    rendering instead of serialising tens of thousands of records on each call.
    """
    if fmt is Format.JSON:
        score = b"" if max_score is None else b',"maxScore":' + dump_json(max_score)
        return b"".join(
            (
                b'{"responseHeader":',
                dump_json(header(0, qtime)),
                b',"response":{"numFound":',
                str(num_found).encode(),
                b',"start":0',
                score,
                b',"docs":',
                docs,
                b"}}",
            )
        )
    score_attr = "" if max_score is None else f' maxScore="{max_score!r}"'
    return b"".join(
        (
            XML_DECLARATION,
            b"<response>",
            xml_value(header(0, qtime), "responseHeader").encode("utf-8"),
            f'<result name="response" numFound="{num_found}" start="0"{score_attr}>'.encode(),
            docs,
            b"</result></response>\n",
        )
    )


def render_docs(fmt: Format, docs: Iterable[Doc]) -> bytes:
    """Documents rendered for `result_body`: a JSON array, or concatenated `<doc>` elements."""
    if fmt is Format.JSON:
        return dump_json(list(docs))
    return b"".join(xml_doc(doc) for doc in docs)


def info_body(fmt: Format, qtime: int, info: Doc) -> bytes:
    """The `/info` answer: header plus the service facts, flat in JSON, one `<doc>` in XML."""
    if fmt is Format.JSON:
        return dump_json({"responseHeader": header(0, qtime), **info})
    return result_body(fmt, qtime, 1, xml_doc(info))


def error_body(fmt: Format, status: int, message: str) -> bytes:
    """Solr's error shape: the status in the header, `error.msg` and `error.code`."""
    envelope = {"responseHeader": header(status, 0), "error": {"msg": message, "code": status}}
    if fmt is Format.JSON:
        return dump_json(envelope)
    body = "".join(xml_value(v, k) for k, v in envelope.items())
    return XML_DECLARATION + f"<response>{body}</response>\n".encode()


def respond(
    fmt: Format, body: bytes, status: int = 200, headers: dict[str, str] | None = None
) -> Response:
    return Response(body, status_code=status, headers=headers, media_type=CONTENT_TYPES[fmt])


def error_response(
    status: int, message: str, accept: str | None = None, headers: dict[str, str] | None = None
) -> Response:
    """An HGNC error answer, in the format `accept` asks for (JSON when it asks for neither)."""
    fmt = negotiate(accept) or Format.JSON
    return respond(fmt, error_body(fmt, status, message), status, headers)
