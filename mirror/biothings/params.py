"""Request parameters as the BioThings SDK reads them, and the error bodies the services send.

A parameter is looked up in the path, the query string, the form body and the JSON body, in that
order; the first location that has it (under its keyword or an alias) wins. Strings are converted
by type (strict ints, permissive booleans, lists split on `space tab newline , | +` with quoted
phrases kept whole); JSON values must already have the right type unless the option is lenient.

    ApiError                 any answer other than 200: `{"code", "success": false, "error", ...}`
    +-- bad_request(...)     400 "Bad Request" with the option's keyword, alias, max, ...
    +-- value_error(...)     400 "ValueError" with `details`
    +-- search_error(...)    400 with an Elasticsearch error type and `root_cause_line_NN`
"""

from __future__ import annotations

import json
import shlex
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal
from urllib.parse import parse_qsl

Kind = Literal["str", "int", "bool", "list"]
PY_TYPES: dict[str, type] = {"str": str, "int": int, "bool": bool, "list": list}

EMPTY_JSON_BODY = (
    "Empty body is not a valid JSON. Remove the content-type header, "
    "or provide an empty object in the body."
)


class ApiError(Exception):
    """An error answer: HTTP `status` and the body the services send for it."""

    def __init__(self, status: int, error: str, **details: Any) -> None:
        super().__init__(error)
        self.status = status
        self.error = error
        self.details = details

    def body(self) -> dict[str, Any]:
        return {"code": self.status, "success": False, "error": self.error, **self.details}


def bad_request(**info: Any) -> ApiError:
    """A rejected parameter; empty details are dropped, as the SDK's `OptionError.simplify` does."""
    return ApiError(400, "Bad Request", **{k: v for k, v in info.items() if v})


def value_error(details: str) -> ApiError:
    return ApiError(400, "ValueError", details=details)


def search_error(error_type: str, reason: str) -> ApiError:
    """What the SDK makes of an Elasticsearch 400: its type, and the root cause line by line."""
    lines = reason.replace('"', "'").split("\n")
    return ApiError(
        400, error_type, **{f"root_cause_line_{i:02}": ln for i, ln in enumerate(lines)}
    )


class OptionError(ValueError):
    """A parameter could not be converted or validated; `info` becomes the 400 body's details."""

    def __init__(self, reason: str | None = None, **info: Any) -> None:
        super().__init__(reason)
        self.info: dict[str, Any] = {"reason": reason, **info}


@dataclass(frozen=True)
class Option:
    """One parameter of an endpoint, as declared in the SDK's `*_KWARGS` settings."""

    kind: Kind
    default: Any = None
    max: int | None = None
    alias: str | tuple[str, ...] | None = None
    required: bool = False
    strict: bool = True
    """Lenient options accept a JSON string for a list (split) or a scalar (wrapped)."""
    in_path: bool = False

    @property
    def aliases(self) -> tuple[str, ...]:
        if self.alias is None:
            return ()
        return (self.alias,) if isinstance(self.alias, str) else self.alias


@dataclass
class RequestArgs:
    """The four places a parameter can come from."""

    path: dict[str, str] = field(default_factory=dict)
    query: dict[str, str] = field(default_factory=dict)
    form: dict[str, str] = field(default_factory=dict)
    json: dict[str, Any] = field(default_factory=dict)


def split_list(text: str) -> list[str]:
    """The SDK's `split_ids`: shell-like split on whitespace, `,`, `|`, `+`; quotes keep phrases."""
    lexer = shlex.shlex(text, posix=True)
    lexer.whitespace = " \t\n\x0b\x0c\r|,+"
    lexer.whitespace_split = True
    lexer.commenters = ""
    try:
        return [item.strip() for item in lexer if item.strip()]
    except ValueError as exc:  # an unbalanced quote
        raise OptionError(str(exc)) from exc


def string_to_bool(text: str, *, bare_is_true: bool) -> bool:
    """`1`, `true`, `yes`, `y`, `t` (any case), numbers above 0; bare `?flag` in a query."""
    try:
        return float(text) > 0
    except ValueError:
        pass
    return text.lower() in ("1", "true", "yes", "y", "t") or (bare_is_true and text == "")


def convert_string(text: str, kind: Kind, *, location: str) -> Any:
    if kind == "bool":
        return string_to_bool(text, bare_is_true=location == "query")
    if kind == "int":
        try:
            return int(text)
        except ValueError as exc:
            raise OptionError("Expect type int.") from exc
    if kind == "list":
        return split_list(text)
    return text


def convert_json(value: Any, option: Option) -> Any:
    wanted = PY_TYPES[option.kind]
    if isinstance(value, wanted):
        return value
    if option.strict:
        raise OptionError(f"Expect type {option.kind}.")
    if option.kind == "list":
        return split_list(value) if isinstance(value, str) else [value]
    try:
        return wanted(value)
    except (TypeError, ValueError) as exc:
        raise OptionError(f"Expect type {option.kind}.") from exc


def locate(keyword: str, option: Option, args: RequestArgs) -> tuple[Any, str] | None:
    """The raw value and where it was found, or None."""
    if option.in_path and keyword in args.path:
        return args.path[keyword], "path"
    for location in ("query", "form", "json"):
        source: Mapping[str, Any] = getattr(args, location)
        for name in (keyword, *option.aliases):
            if name in source and source[name] is not None:
                return source[name], location
    return None


def validate(keyword: str, option: Option, value: Any) -> Any:
    if option.max is None:
        return value
    if isinstance(value, list) and len(value) > option.max:
        raise OptionError(keyword=keyword, max=option.max, size=len(value))
    if isinstance(value, int) and not isinstance(value, bool) and value > option.max:
        raise OptionError(keyword=keyword, max=option.max, num=value)
    return value


def parse_option(keyword: str, option: Option, args: RequestArgs) -> Any:
    found = locate(keyword, option, args)
    if found is None:
        if option.required:
            raise OptionError(missing=keyword, keyword=None)
        return validate(keyword, option, option.default)
    raw, location = found
    if location == "json":
        value = convert_json(raw, option)
    else:
        value = convert_string(str(raw), option.kind, location=location)
    return validate(keyword, option, value)


def parse_options(options: Mapping[str, Option], args: RequestArgs) -> dict[str, Any]:
    """Every declared option's value (default when absent). Raises ApiError 400 on a bad one."""
    parsed: dict[str, Any] = {}
    for keyword, option in options.items():
        try:
            parsed[keyword] = parse_option(keyword, option, args)
        except OptionError as err:
            info = dict(err.info)
            info.setdefault("keyword", keyword)
            info["alias"] = list(option.alias) if isinstance(option.alias, tuple) else option.alias
            raise bad_request(**info) from err
    return parsed


def read_body(content_type: str, body: bytes) -> tuple[dict[str, str], dict[str, Any]]:
    """Form and JSON parameters of a request body. Raises ApiError 400 on a broken JSON body."""
    if content_type.startswith("application/json"):
        if not body:
            raise ApiError(400, EMPTY_JSON_BODY)
        try:
            parsed = json.loads(body)
        except ValueError as exc:
            raise ApiError(400, "Invalid JSON body.") from exc
        return {}, parsed if isinstance(parsed, dict) else {}
    if content_type.startswith("application/x-www-form-urlencoded") and body:
        pairs = parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True)
        return dict(pairs), {}  # the last of repeated keys wins, as in Tornado
    return {}, {}
