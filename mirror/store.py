"""The mirror's data set: one directory with `genes.jsonl`, `chemicals.jsonl`, `hgnc.jsonl`, and an
optional `metadata.json` holding what each service's `/metadata` (or HGNC `/info`) reports."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

Doc = dict[str, Any]
"""A service document (JSON object) as the mirror stores and serves it."""
DocView = Mapping[str, Any]
"""A document the mirror only reads."""

DATA_FILES = {"genes": "genes.jsonl", "chemicals": "chemicals.jsonl", "hgnc": "hgnc.jsonl"}


def read_jsonl(path: Path) -> list[Doc]:
    """Every JSON object of a JSON-lines file; a missing file is an empty list."""
    if not path.exists():
        return []
    docs: list[Doc] = []
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            doc = json.loads(line)
            if not isinstance(doc, dict):
                raise ValueError(f"{path}:{number}: expected a JSON object per line")
            docs.append(doc)
    return docs


@dataclass
class Dataset:
    """Documents in the services' own shapes, as the real services store them."""

    genes: list[Doc] = field(default_factory=list)
    chemicals: list[Doc] = field(default_factory=list)
    hgnc: list[Doc] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)
    """Keys `mygene`, `mychem`, `hgnc`: build info, sources and dates for each service."""

    @classmethod
    def load(cls, directory: Path) -> Dataset:
        """Read a data directory. Raises FileNotFoundError when the directory does not exist."""
        if not directory.is_dir():
            raise FileNotFoundError(f"mirror data directory not found: {directory}")
        metadata_path = directory / "metadata.json"
        metadata = json.loads(metadata_path.read_text("utf-8")) if metadata_path.exists() else {}
        return cls(
            genes=read_jsonl(directory / DATA_FILES["genes"]),
            chemicals=read_jsonl(directory / DATA_FILES["chemicals"]),
            hgnc=read_jsonl(directory / DATA_FILES["hgnc"]),
            metadata=metadata,
        )

    def write(self, directory: Path) -> None:
        """Write the data set as a data directory (used by the demo builder and test fixtures)."""
        directory.mkdir(parents=True, exist_ok=True)
        for attr, name in DATA_FILES.items():
            with (directory / name).open("w", encoding="utf-8") as out:
                for doc in getattr(self, attr):
                    out.write(json.dumps(doc, sort_keys=True, ensure_ascii=False) + "\n")
        (directory / "metadata.json").write_text(
            json.dumps(self.metadata, indent=1, sort_keys=True, ensure_ascii=False) + "\n", "utf-8"
        )
