"""genechem: one GraphQL API over MyGene.info, MyChem.info and HGNC REST.

Cross-cutting pieces live here: the settings object (`genechem.settings`), the error hierarchy
(`genechem.errors`) and the command line (`genechem.cli`). The domains live in `schema/`,
`resolvers/`, `backends/` and `mirror/`.
"""
