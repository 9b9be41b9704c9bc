"""How MyGene.info reads a `q` that is not a Lucene query string: genome intervals, wildcards on
symbol/name/summary, and the weighted default search.

The weighted search is a dis_max: a document scores its best-matching clause.

    integer q           entrezgene equal                          10   (and nothing else)
    symbol equal        case-insensitive                          10
    name equal / phrase / every word                              9 / 8 / 6
    alias equal                                                   5
    other ids equal     ensembl, refseq (version optional), uniprot, MGI, RGD, HGNC, ...  4
    other_names equal                                             3
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from mirror.biothings.lookup import index_keys, normalize
from mirror.biothings.projection import values_at

Scorer = Callable[[int], float]

INTERVAL = re.compile(
    r"(?:(?P<assembly>\w+)\.)?chr(?P<chr>\w+):(?P<start>[\d,]+)-(?P<end>[\d,]+)", re.IGNORECASE
)
INTERVAL_FIELDS = {"hg19": "genomic_pos_hg19", "mm9": "genomic_pos_mm9"}
LUCENE_MARKERS = (":", "~", " AND ", " OR ", "NOT ", '"')
TOKEN = re.compile(r"[^\W_]+")
OTHER_ID_FIELDS = (
    "ensembl.gene",
    "ensembl.transcript",
    "ensembl.protein",
    "refseq.rna",
    "refseq.protein",
    "refseq.genomic",
    "uniprot.Swiss-Prot",
    "uniprot.TrEMBL",
    "MGI",
    "RGD",
    "HGNC",
    "HPRD",
    "MIM",
    "FLYBASE",
    "WormBase",
    "ZFIN",
    "TAIR",
    "Xenbase",
    "pharmgkb",
    "locus_tag",
)


def is_lucene(q: str) -> bool:
    return any(marker in q for marker in LUCENE_MARKERS)


def is_wildcard(q: str) -> bool:
    return "*" in q or "?" in q


def tokens(text: str) -> list[str]:
    return TOKEN.findall(text.casefold())


@dataclass(frozen=True)
class GeneRow:
    """What the weighted search needs of one gene, precomputed once."""

    entrez: str | None
    symbol: str | None
    name: str
    name_tokens: tuple[str, ...]
    aliases: frozenset[str]
    other_ids: frozenset[str]
    other_names: frozenset[str]

    @classmethod
    def of(cls, doc: Mapping[str, Any]) -> GeneRow:
        names = [str(v) for v in values_at(doc, "name")]
        name = names[0].casefold() if names else ""
        symbols = [normalize(v) for v in values_at(doc, "symbol")]
        entrez = [normalize(v) for v in values_at(doc, "entrezgene")]
        return cls(
            entrez=entrez[0] if entrez else None,
            symbol=symbols[0] if symbols else None,
            name=name,
            name_tokens=tuple(tokens(name)),
            aliases=frozenset(k for v in values_at(doc, "alias") for k in index_keys(v)),
            other_ids=frozenset(
                k for f in OTHER_ID_FIELDS for v in values_at(doc, f) for k in index_keys(v)
            ),
            other_names=frozenset(k for v in values_at(doc, "other_names") for k in index_keys(v)),
        )


def _contains_run(haystack: Sequence[str], needle: Sequence[str]) -> bool:
    width = len(needle)
    return any(tuple(haystack[i : i + width]) == tuple(needle) for i in range(len(haystack)))


def weighted_score(row: GeneRow, q: str, q_tokens: Sequence[str]) -> float:  # noqa: PLR0911 - one return per dis_max clause
    """The default search's score of one gene for the casefolded `q`."""
    if q.isdigit():
        return 10.0 if row.entrez == q else 0.0
    if row.symbol == q:
        return 10.0
    if row.name == q:
        return 9.0
    if q_tokens and _contains_run(row.name_tokens, q_tokens):
        return 8.0
    if q_tokens and set(q_tokens) <= set(row.name_tokens):
        return 6.0
    if q in row.aliases:
        return 5.0
    if q in row.other_ids:
        return 4.0
    return 3.0 if q in row.other_names else 0.0


def weighted_scorer(rows: Sequence[GeneRow], q: str) -> Scorer:
    text = q.strip().casefold()
    q_tokens = tokens(text)
    return lambda position: weighted_score(rows[position], text, q_tokens)


def wildcard_scorer(docs: Sequence[Mapping[str, Any]], q: str) -> Scorer:
    """`*`/`?` on the whole symbol, or on any word of name or summary (constant score 1)."""
    pattern = re.compile(fnmatch.translate(q.strip().casefold()))

    def score(position: int) -> float:
        doc = docs[position]
        if any(pattern.match(str(v).casefold()) for v in values_at(doc, "symbol")):
            return 1.0
        for field in ("name", "summary"):
            for value in values_at(doc, field):
                if any(pattern.match(word) for word in tokens(str(value))):
                    return 1.0
        return 0.0

    return score


@dataclass(frozen=True)
class Interval:
    field: str
    chromosome: str
    start: int
    end: int

    def overlaps(self, doc: Mapping[str, Any]) -> bool:
        positions = doc.get(self.field)
        for pos in positions if isinstance(positions, list) else [positions]:
            if not isinstance(pos, Mapping):
                continue
            try:
                same = str(pos.get("chr", "")).casefold() == self.chromosome
                if same and int(pos["start"]) <= self.end and int(pos["end"]) >= self.start:
                    return True
            except (KeyError, TypeError, ValueError):
                continue
        return False


def find_interval(q: str) -> tuple[Interval, str] | None:
    """The genome interval in `q` and what is left of `q` around it, or None."""
    found = INTERVAL.search(q)
    if found is None:
        return None
    assembly = (found.group("assembly") or "").lower()
    interval = Interval(
        field=INTERVAL_FIELDS.get(assembly, "genomic_pos"),
        chromosome=found.group("chr").casefold(),
        start=int(found.group("start").replace(",", "")),
        end=int(found.group("end").replace(",", "")),
    )
    rest = (q[: found.start()] + " " + q[found.end() :]).strip()
    return interval, rest
