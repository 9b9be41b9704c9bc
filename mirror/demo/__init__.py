"""genechem's bundled demo dataset: real facts written in the services' own document shapes.

The gateway serves this through the mirror when it cannot reach MyGene.info, MyChem.info or HGNC.
`build.py` writes `mirror/data/demo/` from the fact files in `shared/facts/` (see its SOURCES.md);
the generated files are committed, so a fresh clone needs no facts.
"""
