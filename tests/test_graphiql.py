"""The self-hosted GraphiQL's server side: which requests get the page, what the page carries,
what happens without a build, and the routes around it (`/`, /docs, /redoc).

The browser side (boot, introspection, a query run through the UI, offline) is
tests/test_graphiql_browser.py.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI

from app import create_app
from genechem.cli import graphiql_url
from genechem.graphiql import (
    UPSTREAM_CALLS_HEADER,
    describe,
    install_graphiql,
    load_examples,
)
from tests.gateway import Gateway

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "graphiql" / "src" / "index.html"
QUERIES = ROOT / "queries"
BROWSER = {"accept": "text/html,application/xhtml+xml,*/*;q=0.8"}


def client_for(app: FastAPI) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://gateway")


@pytest.fixture
def built(tmp_path: Path) -> Path:
    """An assets folder as `make graphiql` leaves it (the page template and one asset)."""
    shutil.copy(TEMPLATE, tmp_path / "index.html")
    (tmp_path / "graphiql.js").write_text("// the bundle\n", encoding="utf-8")
    return tmp_path


@pytest.fixture
async def ide(built: Path) -> AsyncIterator[httpx.AsyncClient]:
    app = FastAPI()
    install_graphiql(app, assets_dir=built, examples_dir=QUERIES)
    async with client_for(app) as client:
        yield client


def page_config(page: str) -> dict[str, object]:
    match = re.search(r'<script id="genechem-config" type="application/json">(.*?)</script>', page)
    assert match, "the page carries no configuration"
    config: dict[str, object] = json.loads(match.group(1))
    return config


async def test_browser_gets_the_self_hosted_page_with_local_assets_only(ide):
    answer = await ide.get("/graphql", headers=BROWSER)
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/html")
    assert answer.headers["vary"] == "Accept"
    page = answer.text
    assert 'src="/graphql/assets/graphiql.js"' in page
    assert 'href="/graphql/assets/graphiql.css"' in page
    assert re.findall(r'(?:src|href)="(?:https?:)?//', page) == []
    assert (await ide.get("/graphql/assets/graphiql.js")).text == "// the bundle\n"


async def test_page_opens_with_every_example_of_queries_and_the_upstream_calls_header(ide):
    config = page_config((await ide.get("/graphql", headers=BROWSER)).text)
    examples = {e["name"]: e for e in config["examples"]}  # type: ignore[attr-defined]
    assert set(examples) == {p.stem for p in QUERIES.glob("*.graphql")}
    gene = examples["gene_by_id"]
    assert gene["query"] == (QUERIES / "gene_by_id.graphql").read_text(encoding="utf-8")
    assert json.loads(gene["variables"]) == json.loads(
        (QUERIES / "gene_by_id.variables.json").read_text(encoding="utf-8")
    )
    assert "CDK2" in gene["description"]
    assert config["firstExample"] == "gene_by_id"
    assert config["upstreamCallsHeader"] == "X-Genechem-Upstream-Calls"


async def test_page_mounted_under_a_root_path_points_at_its_own_assets(built):
    app = FastAPI()
    install_graphiql(app, assets_dir=built, examples_dir=QUERIES)
    transport = httpx.ASGITransport(app=app, root_path="/api")
    async with httpx.AsyncClient(transport=transport, base_url="http://gateway") as client:
        page = (await client.get("/api/graphql", headers=BROWSER)).text
        asset = await client.get("/api/graphql/assets/graphiql.js")
        root = await client.get("/api/")
    assert 'src="/api/graphql/assets/graphiql.js"' in page
    assert asset.status_code == 200
    assert root.headers["location"] == "/api/graphql"


async def test_example_text_cannot_close_the_config_script(tmp_path: Path, built: Path):
    (tmp_path / "sneaky.graphql").write_text(
        "# </script><script>alert(1)</script>\n{ sources { name } }\n", encoding="utf-8"
    )
    app = FastAPI()
    install_graphiql(app, assets_dir=built, examples_dir=tmp_path)
    async with client_for(app) as client:
        page = (await client.get("/graphql", headers=BROWSER)).text
    assert "<script>alert(1)" not in page
    assert page_config(page)["examples"][0]["description"].startswith("</script>")  # type: ignore[index]


async def test_without_a_build_the_page_says_how_to_build_it(tmp_path: Path):
    app = FastAPI()
    install_graphiql(app, assets_dir=tmp_path / "missing", examples_dir=QUERIES)
    async with client_for(app) as client:
        answer = await client.get("/graphql", headers=BROWSER)
        asset = await client.get("/graphql/assets/graphiql.js")
    assert answer.status_code == 503
    assert "GraphiQL is not built" in answer.text
    assert "make graphiql" in answer.text
    assert "npm ci" in answer.text
    assert asset.status_code == 404


def test_queries_and_api_clients_still_reach_graphql(gateway: Gateway):
    by_get = httpx.get(
        f"{gateway.url}/graphql", params={"query": "{ sources { name } }"}, headers=BROWSER
    )
    assert by_get.json()["data"]["sources"][0]["name"] == "MYGENE"
    not_a_browser = httpx.get(f"{gateway.url}/graphql", headers={"accept": "application/json"})
    assert not not_a_browser.headers["content-type"].startswith("text/html")
    assert gateway.data("{ sources { name } }")["sources"]


async def test_root_redirects_to_graphiql_and_cdn_docs_are_off():
    app = create_app()
    async with client_for(app) as client:
        root = await client.get("/")
        docs = await client.get("/docs")
        redoc = await client.get("/redoc")
        openapi = await client.get("/openapi.json")
    assert root.status_code == 307
    assert root.headers["location"] == "/graphql"
    assert docs.status_code == 404
    assert redoc.status_code == 404
    assert openapi.status_code == 200


def test_examples_are_described_by_their_leading_comments():
    assert describe("# One gene.\n# Human CDK2.\nquery Q { sources { name } }\n# not this") == (
        "One gene. Human CDK2."
    )
    examples = load_examples(QUERIES)
    assert examples == sorted(examples, key=lambda e: e.name)
    without_variables = [e for e in examples if not (QUERIES / f"{e.name}.variables.json").exists()]
    assert all(e.variables == "" for e in without_variables)


@pytest.mark.parametrize(
    ("host", "url"),
    [
        ("127.0.0.1", "http://127.0.0.1:8000/graphql"),
        ("0.0.0.0", "http://127.0.0.1:8000/graphql"),
        ("::", "http://[::1]:8000/graphql"),
        ("localhost", "http://localhost:8000/graphql"),
    ],
)
def test_serve_announces_a_graphiql_url_a_browser_can_open(host, url):
    assert graphiql_url(host, 8000) == url


def test_upstream_calls_header_is_the_one_the_gateway_reads():
    assert UPSTREAM_CALLS_HEADER.lower() == "x-genechem-upstream-calls"
