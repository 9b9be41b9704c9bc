"""The offline mirror: MyGene.info v3, MyChem.info v1 and HGNC REST over a local data set.

`mirror.app.create_mirror_app(dataset)` builds one ASGI app with the three services mounted as
`/mygene/v3`, `/mychem/v1` and `/hgnc`, plus the mirror's own admin routes under `/_mirror`.
"""
