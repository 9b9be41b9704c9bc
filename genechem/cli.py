"""The `genechem` command: `serve` the gateway, run the `mirror` standalone, `export-schema`,
compare schemas (`schema diff`, `schema check-release`), regenerate README's `settings-doc`."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pydantic
import uvicorn

from app import create_app
from genechem.graphiql import ASSETS_DIR, BUILD_HINT, IDE_PATH
from genechem.logs import configure_process_logging
from genechem.memory import with_memory_reclaim
from genechem.schema_diff import SchemaUnreadable, change_lines, sdl_changes
from genechem.schema_release import check_release
from genechem.settings import DEMO_DATA_DIR, Settings, SourceMode
from genechem.settings_doc import settings_table, write_settings_table
from mirror.app import create_mirror_app
from mirror.faults import rules_from_json
from mirror.store import Dataset
from schema import schema
from schema.meta import sdl

SCHEMA_FILE = Path(__file__).resolve().parent.parent / "schema.graphql"
log = logging.getLogger("genechem")


def graphiql_url(host: str, port: int) -> str:
    """Where a browser on this machine finds GraphiQL (a wildcard bind is reached on loopback)."""
    shown = {"0.0.0.0": "127.0.0.1", "::": "::1", "": "127.0.0.1"}.get(host, host)
    if ":" in shown:
        shown = f"[{shown}]"
    return f"http://{shown}:{port}{IDE_PATH}"


def announce_graphiql(host: str, port: int) -> None:
    """Tell a newcomer where to point the browser, and whether the IDE is built."""
    log.info(
        "GraphiQL: %s  (POST GraphQL to the same URL; / redirects there)", graphiql_url(host, port)
    )
    if not (ASSETS_DIR / "index.html").is_file():
        log.warning("GraphiQL is not built, so that page says how: `%s`", BUILD_HINT)


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="genechem", description=__doc__)
    commands = top.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help="Run the GraphQL gateway.")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument(
        "--source",
        choices=["auto", "live", "mirror"],
        default=None,
        help="auto (default, or GENECHEM_SOURCE): probe the public services, else the mirror.",
    )
    serve.add_argument(
        "--workers",
        type=int,
        default=1,
        help="Worker processes sharing the port (uvicorn's); each has its own clients, caches "
        "and HGNC index. Default 1.",
    )

    mirror = commands.add_parser("mirror", help="Run the offline mirror of the three services.")
    mirror.add_argument("--host", default="127.0.0.1")
    mirror.add_argument("--port", type=int, default=9000)
    mirror.add_argument("--data", type=Path, default=DEMO_DATA_DIR, help="Data directory.")
    mirror.add_argument(
        "--keep-alive",
        type=float,
        default=5.0,
        help="Seconds an idle connection stays open (uvicorn's default, 5; nginx's is 75).",
    )

    export = commands.add_parser("export-schema", help="Write the schema's SDL.")
    export.add_argument("--output", type=Path, default=SCHEMA_FILE)
    add_schema_commands(commands)

    settings_doc = commands.add_parser(
        "settings-doc", help="Print the settings table, or rewrite it in README (--readme)."
    )
    settings_doc.add_argument("--readme", type=Path, help="README.md to update between markers.")
    return top


def add_schema_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`genechem schema diff OLD NEW` and `genechem schema check-release`."""
    schema_parser = commands.add_parser("schema", help="Compare GraphQL schemas.")
    actions = schema_parser.add_subparsers(dest="schema_command", required=True)
    diff = actions.add_parser(
        "diff",
        help="Print breaking and dangerous changes from OLD to NEW; exit 1 when any is breaking.",
    )
    diff.add_argument("old", type=Path, help="The schema before (SDL file).")
    diff.add_argument("new", type=Path, help="The schema after (SDL file).")
    release = actions.add_parser(
        "check-release",
        help="Compare schema.graphql with the last release (a v* tag, else the first commit "
        "with it); exit 1 on a breaking change CHANGELOG.md does not list.",
    )
    release.add_argument("--root", type=Path, default=SCHEMA_FILE.parent, help="Project root.")


def run_schema_command(args: argparse.Namespace) -> int:
    """Exit status: 0 no breaking change (or all listed), 1 breaking, 2 unreadable schema."""
    try:
        if args.schema_command == "check-release":
            outcome = check_release(args.root)
            print(outcome.report)
            return 0 if outcome.passed else 1
        old, new = args.old, args.new
        changes = sdl_changes(old.read_text("utf-8"), new.read_text("utf-8"), str(old), str(new))
    except (OSError, SchemaUnreadable) as error:
        print(f"genechem schema: {error}", file=sys.stderr)
        return 2
    print(change_lines(changes))
    return 1 if any(c.breaking for c in changes) else 0


def run_settings_doc(readme: Path | None) -> int:
    """Print the table, or rewrite README's copy and say whether it changed."""
    if readme is None:
        print(settings_table())
    else:
        changed = write_settings_table(readme)
        print(f"{'updated' if changed else 'unchanged'}: settings table in {readme}")
    return 0


SERVER_OPTIONS: dict[str, Any] = {"loop": "uvloop", "http": "httptools"}
"""uvloop's event loop and httptools' HTTP parser: the fastest uvicorn has (see README,
Performance)."""


def serve(host: str, port: int, source: SourceMode | None, workers: int) -> None:
    """Run the gateway; with several workers uvicorn imports the app factory in each process,
    so the source travels in the environment like every other setting."""
    settings = Settings() if source is None else Settings(source=source)
    # At shutdown (SIGTERM) requests in flight get SHUTDOWN_TIMEOUT seconds to finish, then
    # their connections close: a deploy drains the process in bounded time.
    # Each request's line is genechem's own (`genechem.logs`), with the access log's facts.
    options = {
        **SERVER_OPTIONS,
        "timeout_graceful_shutdown": settings.shutdown_timeout,
        "timeout_keep_alive": settings.keep_alive,
        "access_log": False,
    }
    if workers <= 1:
        uvicorn.run(served_app(settings), host=host, port=port, **options)
        return
    if source is not None:
        os.environ["GENECHEM_SOURCE"] = source
    uvicorn.run(
        "genechem.cli:served_app", factory=True, host=host, port=port, workers=workers, **options
    )


def served_app(settings: Settings | None = None) -> Any:
    """What `serve` runs in each worker: the app, with memory given back after large answers
    (`genechem.memory`, MEMORY_RECLAIM_MB)."""
    settings = settings or Settings()
    return with_memory_reclaim(create_app(settings), settings.memory_reclaim_mb * 2**20)


def invalid_settings(source: SourceMode | None) -> str | None:
    """Why the environment's settings cannot start the gateway (one line per setting, named as
    it is set, without a traceback), or None. Checked here, before any worker process starts."""
    try:
        Settings() if source is None else Settings(source=source)
    except pydantic.ValidationError as error:
        lines = ["genechem: invalid settings, not starting:"]
        for detail in error.errors():
            message = detail["msg"].removeprefix("Value error, ")
            if not detail["loc"]:  # settings invalid together: the message names them
                lines.append(f"  {message}")
                continue
            name = "GENECHEM_" + "_".join(str(part) for part in detail["loc"]).upper()
            lines.append(f"  {name}: {message}")
        return "\n".join(lines)
    return None


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    configure_process_logging()
    logging.getLogger("httpx").setLevel(logging.WARNING)  # one line per upstream call is noise
    if args.command == "serve":
        problem = invalid_settings(args.source)
        if problem:
            print(problem, file=sys.stderr)
            return 2
        announce_graphiql(args.host, args.port)
        serve(args.host, args.port, args.source, args.workers)
    elif args.command == "mirror":
        settings = Settings()
        faults = rules_from_json(settings.mirror_faults) if settings.mirror_faults else []
        uvicorn.run(
            create_mirror_app(Dataset.load(args.data), faults),
            host=args.host,
            port=args.port,
            timeout_keep_alive=args.keep_alive,
            **SERVER_OPTIONS,
        )
    elif args.command == "schema":
        return run_schema_command(args)
    elif args.command == "settings-doc":
        return run_settings_doc(args.readme)
    else:
        args.output.write_text(sdl(schema), encoding="utf-8")
        print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
