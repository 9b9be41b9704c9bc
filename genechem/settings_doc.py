"""README's settings table, generated from the `Settings` class so it cannot drift from the code.

`genechem settings-doc --readme README.md` (`make readme`) rewrites the part of README.md between
`BEGIN` and `END`; tests/test_settings_doc.py fails when the committed table is stale. A field can
show a default other than its value with `json_schema_extra={"doc_default": "..."}` (a random
secret, say); a secret's value is never shown.
"""

from __future__ import annotations

import re
import typing
from pathlib import Path
from typing import Any

from annotated_types import Ge, Gt, Le, Lt
from pydantic import SecretStr
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

from genechem.settings import Settings

BEGIN = "<!-- BEGIN settings table: generated from genechem/settings.py by `make readme` -->"
END = "<!-- END settings table -->"
PROJECT_ROOT = Path(__file__).resolve().parent.parent
_BOUNDS = ((Gt, "gt", ">"), (Ge, "ge", ">="), (Lt, "lt", "<"), (Le, "le", "<="))


def env_name(field_name: str) -> str:
    """The environment variable that sets `field_name`."""
    prefix = str(Settings.model_config.get("env_prefix", ""))
    return (prefix + field_name).upper()


def value_text(value: Any) -> str:
    """A default as one would write it in the environment, in code quotes; `empty` for none."""
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if isinstance(value, Path):
        shown = value.relative_to(PROJECT_ROOT) if value.is_relative_to(PROJECT_ROOT) else value
        return f"`{shown}`"
    if isinstance(value, list | tuple):
        return f"`{','.join(map(str, value))}`" if value else "empty"
    return f"`{value}`" if value != "" else "empty"


def default_text(field: FieldInfo) -> str:
    """What the field is when the environment does not set it."""
    extra = field.json_schema_extra
    if isinstance(extra, dict) and isinstance(extra.get("doc_default"), str):
        return str(extra["doc_default"])
    if field.annotation is SecretStr:
        return "(secret, not shown)"
    if field.default is not PydanticUndefined:
        return value_text(field.default)
    if field.default_factory is not None:
        return value_text(field.default_factory())  # type: ignore[call-arg]
    return "required"


def type_text(field: FieldInfo) -> str:
    """The kind of value, with its bounds (`number > 0`) or its allowed values."""
    annotation = field.annotation
    if typing.get_origin(annotation) is typing.Literal:
        return "one of " + ", ".join(f"`{v}`" for v in typing.get_args(annotation))
    names = {bool: "true/false", int: "integer", float: "number", str: "text", Path: "path"}
    if annotation is SecretStr:
        kind = "secret text"
    elif typing.get_origin(annotation) is list:
        kind = "list"
    else:
        kind = names.get(annotation, str(annotation)) if isinstance(annotation, type) else "value"
    bounds = [
        f"{symbol} {getattr(item, attribute)}"
        for item in field.metadata
        for cls, attribute, symbol in _BOUNDS
        if isinstance(item, cls)
    ]
    return " ".join([kind, *bounds])


def _cell(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("|", "\\|")).strip()


def settings_table() -> str:
    """The Markdown table: variable, type, default, meaning; one row per field, in class order."""
    rows = ["| variable | type | default | meaning |", "|---|---|---|---|"]
    for name, field in Settings.model_fields.items():
        cells = (f"`{env_name(name)}`", type_text(field), default_text(field), field.description)
        rows.append("| " + " | ".join(_cell(c or "") for c in cells) + " |")
    return "\n".join(rows)


def with_settings_table(readme: str) -> str:
    """`readme` with the text between the markers replaced by the current table."""
    start, end = readme.find(BEGIN), readme.find(END)
    if start < 0 or end < start:
        raise ValueError(f"README has no settings table markers ({BEGIN} ... {END})")
    return f"{readme[: start + len(BEGIN)]}\n{settings_table()}\n{readme[end:]}"


def write_settings_table(readme_path: Path) -> bool:
    """Rewrite the table in `readme_path`; True when the file changed."""
    old = readme_path.read_text(encoding="utf-8")
    new = with_settings_table(old)
    if new != old:
        readme_path.write_text(new, encoding="utf-8")
    return new != old
