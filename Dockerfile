# genechem gateway: one stateless replica. Build: docker build -t genechem .
# Shared state (records, answers, persisted queries) lives in the store at GENECHEM_REDIS_URL.
FROM python:3.11-slim AS build
ENV UV_COMPILE_BYTECODE=1 UV_LINK_MODE=copy
RUN pip install --no-cache-dir uv==0.9.*
WORKDIR /app
COPY pyproject.toml uv.lock README.md ./
COPY genechem genechem
COPY schema schema
COPY resolvers resolvers
COPY backends backends
COPY mirror mirror
COPY queries queries
COPY app.py ./
RUN uv sync --frozen --no-dev

FROM python:3.11-slim
RUN useradd --create-home --uid 10001 genechem
WORKDIR /app
COPY --from=build /app /app
ENV PATH="/app/.venv/bin:$PATH" \
    PROMETHEUS_MULTIPROC_DIR=/tmp/genechem-metrics \
    GENECHEM_LOG_FORMAT=json \
    WORKERS=2
USER genechem
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=3s CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz')"]
# A fresh multiprocess-metrics directory per start, then N workers (prometheus-client sums them).
# `genechem serve` rather than bare uvicorn: settings checked before start, uvloop and httptools,
# and memory given back after large answers (GENECHEM_MEMORY_RECLAIM_MB, genechem/memory.py).
CMD ["sh", "-c", "rm -rf \"$PROMETHEUS_MULTIPROC_DIR\" && mkdir -p \"$PROMETHEUS_MULTIPROC_DIR\" && exec genechem serve --host 0.0.0.0 --port 8000 --workers \"$WORKERS\""]
