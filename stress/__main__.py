"""`python -m stress MODE [--duration S]`: run the reliability suite, print its figures and write
them to stress/RESULTS.md (the README quotes that file).

    load    200 clients for --duration seconds over queries/, answers checked
    abuse   issue 8's hostile requests, refused within 1 s; the probe client's p99 within 2x
            (gateway with --gateway-workers processes, default 2: the production mode)
    faults  every mirror fault mode on every service: partial data, typed errors, recovery
    fuzz    --fuzz-operations schemathesis-generated operations: 0 HTTP 500, 0 INTERNAL_ERROR
    all     the four, in that order

Exit status 0 when every mode run met its bar, 1 otherwise.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from stress import abuse, faults, fuzz, load
from stress.measure import Report

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
MODES = ("load", "abuse", "faults", "fuzz")


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        model = next(
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        )
    except (OSError, StopIteration):
        model = cpu
    memory = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {kb / 2**20:.0f} GB RAM"
    except (OSError, ValueError, IndexError):
        pass
    load_average = f", load average {os.getloadavg()[0]:.2f} at start"
    return (
        f"{model}, {os.cpu_count()} CPUs{memory}{load_average}; {platform.system()} "
        f"{platform.release()}; Python {platform.python_version()}"
    )


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="python -m stress", description=__doc__.split("\n")[0])
    top.add_argument("mode", choices=[*MODES, "all"])
    top.add_argument("--duration", type=float, default=60.0, help="Seconds of load (default 60).")
    top.add_argument("--clients", type=int, default=200, help="Load clients (default 200).")
    top.add_argument(
        "--abuse-duration", type=float, default=None, help="Seconds of abuse (default: duration)."
    )
    top.add_argument(
        "--gateway-workers",
        type=int,
        default=2,
        help="Gateway processes in abuse mode: `genechem serve --workers`, the documented "
        "production mode (default 2, one per core of the reference machine).",
    )
    top.add_argument("--fuzz-operations", type=int, default=10_000)
    top.add_argument("--seed", type=int, default=0, help="Fuzz seed (default 0).")
    top.add_argument("--output", type=Path, default=RESULTS)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    runners: dict[str, Callable[[], Report]] = {
        "load": lambda: load.run(args.duration, args.clients),
        "abuse": lambda: abuse.run(
            args.abuse_duration or args.duration, workers=args.gateway_workers
        ),
        "faults": faults.run,
        "fuzz": lambda: fuzz.run(args.fuzz_operations, args.seed),
    }
    chosen = MODES if args.mode == "all" else (args.mode,)
    command = "python -m stress " + " ".join(argv if argv is not None else sys.argv[1:])
    started = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    sections = [
        "# Reliability suite results",
        "",
        f"`{command}`, {started}, on {machine()}.",
        "Written by `python -m stress` (see stress/__init__.py); the README quotes these figures.",
        "",
    ]
    passed = True
    for mode in chosen:
        print(f"== {mode}", flush=True)
        report = runners[mode]()
        passed &= report.passed
        text = report.markdown()
        print(text, flush=True)
        sections.append(text)
    args.output.write_text("\n".join(sections), encoding="utf-8")
    print(f"wrote {args.output}")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
