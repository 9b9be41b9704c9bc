"""README's settings table is generated from `Settings` (`make readme`) and kept true here."""

from __future__ import annotations

from pathlib import Path

import pytest

from genechem.cli import main
from genechem.settings import Settings
from genechem.settings_doc import BEGIN, END, settings_table, with_settings_table

README = Path(__file__).resolve().parent.parent / "README.md"


def test_readme_settings_table_is_the_generated_one() -> None:
    readme = README.read_text(encoding="utf-8")
    assert readme == with_settings_table(readme), "README's settings table is stale: `make readme`"


def test_every_setting_is_described_and_in_the_table() -> None:
    table = settings_table()
    for name, field in Settings.model_fields.items():
        assert field.description, f"Settings.{name} has no description"
        assert f"| `GENECHEM_{name.upper()}` |" in table


def test_the_table_shows_defaults_bounds_and_meanings() -> None:
    rows = {row.split(" | ")[0].strip("| `"): row for row in settings_table().splitlines()}
    assert rows["GENECHEM_PROBE_TIMEOUT"].startswith(
        "| `GENECHEM_PROBE_TIMEOUT` | number > 0 | `2.0` |"
    )
    assert "| one of `auto`, `live`, `mirror` | `auto` |" in rows["GENECHEM_SOURCE"]
    assert "| path | `mirror/data/demo` |" in rows["GENECHEM_MIRROR_DATA"]
    assert "| random per process |" in rows["GENECHEM_CURSOR_SECRET"]
    assert "| true/false | `true` |" in rows["GENECHEM_HGNC_INDEX"]


def test_settings_doc_rewrites_only_between_the_markers(tmp_path, capsys) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(f"# x\n\nbefore\n{BEGIN}\nold table\n{END}\nafter\n")
    assert main(["settings-doc", "--readme", str(readme)]) == 0
    assert readme.read_text() == f"# x\n\nbefore\n{BEGIN}\n{settings_table()}\n{END}\nafter\n"
    assert "updated" in capsys.readouterr().out
    assert main(["settings-doc", "--readme", str(readme)]) == 0
    assert "unchanged" in capsys.readouterr().out


def test_a_readme_without_markers_is_an_error(tmp_path) -> None:
    with pytest.raises(ValueError, match="no settings table markers"):
        with_settings_table("# README\n")
