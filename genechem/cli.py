"""The `genechem` command: `serve` the gateway, run the `mirror` standalone, `export-schema`."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

import uvicorn

from app import create_app
from genechem.settings import DEMO_DATA_DIR, Settings
from mirror.app import create_mirror_app
from mirror.faults import rules_from_json
from mirror.store import Dataset
from schema import schema

SCHEMA_FILE = Path(__file__).resolve().parent.parent / "schema.graphql"


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

    mirror = commands.add_parser("mirror", help="Run the offline mirror of the three services.")
    mirror.add_argument("--host", default="127.0.0.1")
    mirror.add_argument("--port", type=int, default=9000)
    mirror.add_argument("--data", type=Path, default=DEMO_DATA_DIR, help="Data directory.")

    export = commands.add_parser("export-schema", help="Write the schema's SDL.")
    export.add_argument("--output", type=Path, default=SCHEMA_FILE)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    logging.getLogger("httpx").setLevel(logging.WARNING)  # one line per upstream call is noise
    if args.command == "serve":
        settings = Settings() if args.source is None else Settings(source=args.source)
        uvicorn.run(create_app(settings), host=args.host, port=args.port)
    elif args.command == "mirror":
        settings = Settings()
        faults = rules_from_json(settings.mirror_faults) if settings.mirror_faults else []
        uvicorn.run(
            create_mirror_app(Dataset.load(args.data), faults), host=args.host, port=args.port
        )
    else:
        args.output.write_text(str(schema) + "\n", encoding="utf-8")
        print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
