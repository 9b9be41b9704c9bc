"""The BioThings API machinery shared by the MyGene.info and MyChem.info mirrors.

params      parameter lookup, conversion, validation; `ApiError` and the error bodies
options     the parameters each endpoint declares
projection  `fields` filtering, key sorting, `dotfield`
lookup      exact-match indexes per field (annotation ids, POST /query scopes)
search      ranking, sorting, paging, facets
scroll      `fetch_all` scroll contexts
batch       POST /query
metadata    /metadata and /metadata/fields
genequery   MyGene's reading of `q` (intervals, wildcards, weighted search)
service     `BiothingsService`: the operations, with hooks per service
routes      the Starlette app
"""
