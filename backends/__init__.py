"""One async REST client per service, and the HTTP layer they share.

    backends.http      ServiceHTTP: pooling, timeouts, retries, rate limit, call accounting
    backends.answers   reading answers: JSON, the service's error explanation, the typed error
    backends.urls      the URLs sent: path and query encoded once, user values as path segments
    backends.calls     where every upstream call is counted (per process and per GraphQL request)
    backends.shapes    single-value-or-list normalisation, declared once per source
    backends.biothings BioThingsClient: what MyGene.info and MyChem.info share
    backends.mygene    MyGeneClient
    backends.mychem    MyChemClient
    backends.hgnc      HGNCClient
    backends.sources   Backends: the three clients, live or over the in-process mirror

Clients know nothing about GraphQL; they return plain JSON documents and raise
`genechem.errors.UpstreamError` subclasses.
"""
