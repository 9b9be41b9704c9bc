"""GraphiQL in a real browser, offline: Debian's Chromium, headless, driven by Playwright.

The page must boot, introspect and run an example through the UI with every request to a host
other than this machine blocked, and it must never try to make one (GraphiQL from a CDN stayed on
"Loading..." offline). The browser is the `chromium` apt package's real binary, launched directly;
Playwright's own browser downloads are never used. Without a browser the test skips and says how
to get one, unless GENECHEM_REQUIRE_BROWSER=1 (CI), where it fails.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, Request, Route, expect, sync_playwright

from genechem.graphiql import ASSETS_DIR, UPSTREAM_CALLS_HEADER
from tests.gateway import Gateway

REQUIRE_ENV = "GENECHEM_REQUIRE_BROWSER"
BROWSER_ENV = "GENECHEM_CHROMIUM"
LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}
HOW_TO_ENABLE = (
    "install Debian's chromium (`apt-get install chromium`, as .ci/run does) or set "
    f"{BROWSER_ENV} to a Chromium binary"
)
TIMEOUT_MS = 30_000


def chromium_binary() -> str | None:
    """The real Chromium binary: $GENECHEM_CHROMIUM, else the one the chromium package installs.

    /usr/bin/chromium is a shell wrapper that Playwright cannot drive; `dpkg -L chromium` lists
    the binary it wraps (/usr/lib/chromium/chromium).
    """
    if configured := os.environ.get(BROWSER_ENV):
        return configured
    if shutil.which("dpkg") is None:
        return None
    listing = subprocess.run(
        ["dpkg", "-L", "chromium"], capture_output=True, text=True, check=False
    ).stdout
    for line in listing.splitlines():
        if line.endswith("chromium/chromium") and os.access(line, os.X_OK):
            return line
    return None


def no_browser(reason: str) -> None:
    """Skip (a developer's machine) or fail (CI sets GENECHEM_REQUIRE_BROWSER=1)."""
    message = f"browser test not run: {reason}; to run it, {HOW_TO_ENABLE}"
    if os.environ.get(REQUIRE_ENV) == "1":
        pytest.fail(message)
    pytest.skip(message)


@dataclass
class Traffic:
    """What the page did that a person would not see: requests to other hosts, script errors."""

    blocked: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)


@pytest.fixture
def browser_page(gateway: Gateway, tmp_path: Path) -> Iterator[tuple[Page, Traffic]]:
    if not (ASSETS_DIR / "index.html").is_file():
        no_browser(f"GraphiQL is not built in {ASSETS_DIR} (`make graphiql` builds it)")
    binary = chromium_binary()
    if binary is None or not os.access(binary, os.X_OK):
        no_browser(f"no Chromium found ({binary or 'the chromium package is not installed'})")
    traffic = Traffic()

    def only_loopback(route: Route) -> None:
        url = urlsplit(route.request.url)
        if url.scheme in ("data", "blob") or url.hostname in LOOPBACK_HOSTS:
            route.continue_()
        else:
            traffic.blocked.append(route.request.url)
            route.abort()

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=binary, headless=True, args=["--no-sandbox"]
        )
        try:
            context = browser.new_context(viewport={"width": 1400, "height": 900})
            context.route("**/*", only_loopback)
            page = context.new_page()
            page.set_default_timeout(TIMEOUT_MS)
            page.on("pageerror", lambda error: traffic.page_errors.append(str(error)))
            page.goto(f"{gateway.url}/graphql")
            yield page, traffic
            # Left in pytest's tmp folder, for a person to look at what the test saw.
            page.screenshot(path=str(tmp_path / "graphiql.png"))
        finally:
            browser.close()


def is_graphql_post(request: Request) -> bool:
    return urlsplit(request.url).path == "/graphql" and request.method == "POST"


def run_query(page: Page) -> Request:
    """Click GraphiQL's run button; the GraphQL request it sent."""
    with page.expect_request(is_graphql_post) as sent:
        page.click(".graphiql-execute-button")
    return sent.value


def response_text(page: Page) -> str:
    """The result pane as a person reads it (Monaco renders spaces as no-break spaces)."""
    return page.inner_text(".graphiql-response").replace("\u00a0", " ")


def test_graphiql_boots_introspects_and_runs_an_example_offline(browser_page):
    page, traffic = browser_page

    # Introspection done: the docs explorer lists the schema's root query type.
    page.click("button[aria-label='Show Documentation Explorer']")
    page.locator(".graphiql-doc-explorer-root-type", has_text="Query").first.wait_for()

    # One click on an example of queries/ opens it, with its variables, in a new tab.
    page.click("button[aria-label='Show Examples']")
    tabs = page.locator(".graphiql-tab").count()
    page.click("button[data-example='gene_by_id']")
    expect(page.locator(".graphiql-tab")).to_have_count(tabs + 1)
    sent = run_query(page)
    page.locator(".graphiql-response", has_text="CDK2").wait_for()
    answer = response_text(page)
    assert '"symbol": "CDK2"' in answer
    assert '"errors"' not in answer

    # The upstream-calls header was ready in the headers editor, and was sent.
    assert sent.headers.get(UPSTREAM_CALLS_HEADER.lower()) == "1"
    response = sent.response()
    assert response is not None
    assert "upstream" in response.json()["extensions"]

    # The toolbar switch takes it out; the next run goes without it.
    page.click("[data-upstream-toggle][aria-pressed='true']")
    page.locator("[data-upstream-toggle][aria-pressed='false']").wait_for()
    assert UPSTREAM_CALLS_HEADER.lower() not in run_query(page).headers

    assert traffic.page_errors == []
    assert traffic.blocked == [], "the page tried to reach another host"
