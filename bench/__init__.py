"""The speed benchmark: genechem side by side with the services called directly and with GraphQL
Mesh (Hive Gateway), all on loopback over one `genechem mirror` with injected latency.

`make bench` (or `.venv/bin/python -m bench`) runs it end to end and writes `bench/RESULTS.md`
and the plots next to it; `--quick` is a smaller run of the same cases. See README, Performance.
"""
