"""HGNC REST (rest.genenames.org) re-implemented over local records.

service.py   the routes: /info, /fetch/{field}/{term}, /search/{query}, /search/{field}/{term}
records.py   the exact-match index behind fetch, and search through `mirror.lucene`
render.py    content negotiation, the JSON envelope, its Solr-style XML twin, the error shape
fields.py    the searchable and stored fields the service declares
"""

from __future__ import annotations

from mirror.hgnc.render import error_response
from mirror.hgnc.service import create_hgnc_app

__all__ = ["create_hgnc_app", "error_response"]
