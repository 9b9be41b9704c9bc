"""The reliability suite: load, abuse, faults and fuzz runs against a served gateway.

Not timed tests: a harness that starts a mirror and a gateway as separate processes on
127.0.0.1 (ephemeral ports, stopped by PID), drives them, and reports figures the README quotes.
Run `make stress` or `.venv/bin/python -m stress all --duration 60`; see `stress.__main__`.
"""
