"""The one settings object. Every knob is an environment variable with the `GENECHEM_` prefix."""

from __future__ import annotations

import json
import secrets
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

SourceMode = Literal["auto", "live", "mirror"]

CURSOR_SECRET_MIN_BYTES = 32
"""The shortest cursor key accepted: 256 bits, the size of the HMAC-SHA256 key it signs with."""
DEMO_DATA_DIR = Path(__file__).resolve().parent.parent / "mirror" / "data" / "demo"


class Settings(BaseSettings):
    """Runtime configuration of the gateway and of the offline mirror."""

    model_config = SettingsConfigDict(env_prefix="GENECHEM_", extra="ignore")

    source: SourceMode = Field(
        "auto",
        description="auto: probe the public services at start-up and fall back to the in-process "
        "mirror; live: always the public services; mirror: always the in-process mirror.",
    )
    mygene_url: str = Field(
        "https://mygene.info/v3",
        description="MyGene.info v3 base URL, used when the source is live "
        "(or auto and the services answer).",
    )
    mychem_url: str = Field(
        "https://mychem.info/v1",
        description="MyChem.info v1 base URL, used when the source is live "
        "(or auto and the services answer).",
    )
    hgnc_url: str = Field(
        "https://rest.genenames.org",
        description="HGNC REST base URL, used when the source is live "
        "(or auto and the services answer).",
    )
    mirror_data: Path = Field(
        DEMO_DATA_DIR,
        description="Data directory the in-process mirror serves (source mirror, or auto when the "
        "public services are unreachable); `genechem mirror` takes `--data` instead.",
    )
    mirror_faults: str = Field(
        "",
        description="Fault injection for testing clients: a JSON list of rules (see "
        "mirror/faults.py, `FaultRule`) that make the mirror answer errors or delays. Empty: none.",
    )

    connect_timeout: float = Field(
        5.0, gt=0, description="Seconds to open a connection to a service."
    )
    read_timeout: float = Field(30.0, gt=0, description="Seconds to wait for a service's response.")
    probe_timeout: float = Field(
        2.0,
        gt=0,
        description="Seconds each service has to answer a probe (at start-up when the source "
        "is auto, every PROBE_INTERVAL while auto serves the demo data, and for /readyz).",
    )
    probe_interval: float = Field(
        30.0,
        gt=0,
        description="Seconds between probes of the services. With source auto, while the demo "
        "data is served, they are probed this often and the gateway switches to live data as "
        "soon as all three answer; /readyz reuses a probe's result this long.",
    )
    retry_attempts: int = Field(
        4,
        ge=1,
        description="Attempts per upstream request, the first included (1: no retry). Connection "
        "errors and 429, 502, 503, 504 answers are retried.",
    )
    retry_wait_initial: float = Field(
        0.2,
        ge=0,
        description="Seconds before the first retry; each later wait doubles, "
        "up to RETRY_WAIT_MAX.",
    )
    retry_wait_max: float = Field(
        5.0, ge=0, description="Longest wait between two retries, seconds."
    )
    retry_wait_jitter: float = Field(
        0.2,
        ge=0,
        description="Up to this many random seconds added to each wait, so clients spread out.",
    )
    retry_timeout: float = Field(
        60.0,
        gt=0,
        description="Seconds one upstream request may take with all its retries and waits.",
    )
    max_concurrency: int = Field(
        16, ge=1, description="Most requests in flight at once to each upstream service."
    )
    hgnc_rate_limit: float = Field(
        10.0,
        gt=0,
        description="HGNC requests per second (HGNC asks for at most 10): per process, or for "
        "all replicas together when a REDIS_URL is set (a limiter in the shared store).",
    )
    request_deadline: float = Field(
        30.0,
        gt=0,
        description="Seconds one GraphQL request may take. When they pass, fields still waiting "
        "on a service are null with an UPSTREAM_TIMEOUT error naming it, each upstream attempt "
        "is cut at the deadline, and no retry starts that could not finish before it.",
    )
    budget_max_wait: float = Field(
        10.0,
        ge=0,
        description="Longest a request waits (seconds, and never past its deadline) for a shared "
        "upstream budget: HGNC's rate, a service's concurrency. A longer wait is refused at once "
        "with RATE_LIMITED and `extensions.retryAfter`; waiting requests take turns.",
    )
    retry_budget_ratio: float = Field(
        0.2,
        ge=0,
        description="Retries of one service may be at most this share of its calls in the last "
        "RETRY_BUDGET_WINDOW seconds (plus RETRY_BUDGET_FLOOR): a failing service gets at most "
        "20% more load from retries, not RETRY_ATTEMPTS times the load.",
    )
    retry_budget_floor: int = Field(
        5,
        ge=0,
        description="Retries per service always allowed within the window, so a quiet service "
        "can still retry a blip.",
    )
    retry_budget_window: float = Field(
        10.0, gt=0, description="Seconds of recent calls the retry budget counts."
    )
    breaker_failures: int = Field(
        5,
        ge=1,
        description="Consecutive failed attempts (connection errors, timeouts, 5xx) that open a "
        "service's circuit breaker: its calls then fail at once with UPSTREAM_UNAVAILABLE, "
        "without calling it.",
    )
    breaker_cooldown: float = Field(
        10.0,
        gt=0,
        description="Seconds an open breaker waits before letting one probe call through; the "
        "probe's success closes it, its failure opens it again.",
    )
    max_in_flight: int = Field(
        256,
        ge=0,
        description="GraphQL requests one process runs at once; more are answered 503 OVERLOADED "
        "with `Retry-After` at once rather than slowing everyone. 0: no limit. /healthz and "
        "/readyz are never refused.",
    )
    max_loop_lag: float = Field(
        1.0,
        ge=0,
        description="Event-loop lag (seconds, sampled every 0.1 s, averaged over about a second) "
        "above which new GraphQL requests are answered 503 OVERLOADED: the process is busy on "
        "CPU. 0: not measured.",
    )
    keep_alive: float = Field(
        5.0,
        gt=0,
        description="Seconds `genechem serve` keeps an idle client connection open (uvicorn's "
        "default, 5). Behind a proxy or load balancer that reuses connections, set it above "
        "the proxy's own idle timeout (nginx 60, AWS ALB 60): a connection the gateway closes "
        "just as the proxy reuses it fails that request.",
    )
    shutdown_timeout: float = Field(
        20.0,
        ge=0,
        description="Seconds `genechem serve` gives in-flight requests to finish at shutdown "
        "before closing their connections.",
    )
    max_scrolls_per_request: int = Field(
        10,
        ge=1,
        description="Upstream scrolls (scan searches, walks past 10,000 hits) one request may "
        "open; more are refused with TOO_MANY_SCROLLS.",
    )
    max_scrolls_per_client: int = Field(
        60,
        ge=1,
        description="Upstream scrolls one client (its address) may open per minute; more are "
        "refused with TOO_MANY_SCROLLS and `extensions.retryAfter`.",
    )
    scroll_cache_entries: int = Field(
        1024,
        ge=1,
        description="Scroll pages and walks the gateway keeps for cursors, all clients together.",
    )
    scroll_cache_entries_per_client: int = Field(
        256,
        ge=1,
        description="Scroll pages and walks kept for one client: its walks push out its own "
        "oldest pages, and when the cache is full the largest client's go first, so one client "
        "cannot expire another's cursors.",
    )
    cursor_secret: SecretStr = Field(
        default_factory=lambda: SecretStr(secrets.token_hex(32)),
        json_schema_extra={"doc_default": "random per process"},
        description="Key that signs pagination cursors, at least 32 bytes (a shorter one stops "
        "start-up). Set the same value on every replica: required when a REDIS_URL is set (a "
        "cursor issued by one replica must work on another); the default, random per process, "
        "makes cursors invalid after a restart.",
    )
    cors_origins: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="Origins (`scheme://host[:port]`) whose web pages may call /graphql from a "
        "browser (CORS), comma-separated or a JSON list; `*` allows every origin. Empty, the "
        "default: same-origin pages only; a cross-origin preflight is refused (400) and answers "
        "carry no Access-Control-Allow-Origin, so browsers keep them from other sites' pages.",
    )
    gzip_minimum_size: int = Field(
        1000,
        ge=0,
        description="Answers of at least this many bytes are compressed for clients that accept "
        "it (`Accept-Encoding`): zstd when they take it, else gzip; smaller ones are not worth "
        "the CPU.",
    )
    http_cache_max_age: int = Field(
        60,
        ge=0,
        description="Seconds a client or shared cache may reuse a GET query answer without "
        "errors (`Cache-Control: public, max-age=N`; 0 makes caches revalidate every time, "
        "cheaply through the ETag). POST answers and answers with errors are `no-store`.",
    )

    max_cost: int = Field(
        200,
        ge=1,
        description="Most upstream calls (all services together) an operation may be estimated "
        "to make; above it the operation is refused before any call (QUERY_TOO_COMPLEX, with "
        "the estimate per service and this limit). See README, Limits.",
    )
    max_depth: int = Field(
        15,
        ge=1,
        description="Deepest nesting of fields an operation may have (Strawberry's "
        "QueryDepthLimiter); deeper ones are refused before running (QUERY_TOO_COMPLEX).",
    )
    max_aliases: int = Field(
        50,
        ge=0,
        description="Most aliases an operation may use (Strawberry's MaxAliasesLimiter): each "
        "alias runs its field again. More are refused before running (QUERY_TOO_COMPLEX).",
    )
    max_tokens: int = Field(
        10_000,
        ge=1,
        description="Most tokens (names, brackets, punctuators) a document may hold (Strawberry's "
        "MaxTokensLimiter); parsing stops there and the request is refused (QUERY_TOO_COMPLEX).",
    )
    max_body_bytes: int = Field(
        1_000_000,
        ge=1,
        description="Largest HTTP request body, in bytes, read at /graphql; a larger one is "
        "answered 413 with a GraphQL error (REQUEST_TOO_LARGE) before it is parsed.",
    )
    max_list_argument: int = Field(
        10_000,
        ge=1,
        description="Most items a list argument (`ids`, `terms`, `symbols`, ...) may hold; a "
        "longer list is refused before any call (QUERY_TOO_COMPLEX).",
    )
    max_answer_objects: int = Field(
        100_000,
        ge=1,
        description="Most objects and list items an answer's `data` may hold; a larger answer "
        "is replaced by an ANSWER_TOO_LARGE error rather than serialized.",
    )

    @field_validator("cursor_secret")
    @classmethod
    def cursor_secret_is_long_enough(cls, value: SecretStr) -> SecretStr:
        """A short key lets anyone forge cursors (a 1-character one falls to 256 guesses), so
        a key that is set must hold at least CURSOR_SECRET_MIN_BYTES bytes of UTF-8."""
        size = len(value.get_secret_value().encode("utf-8"))
        if size < CURSOR_SECRET_MIN_BYTES:
            raise ValueError(
                f"GENECHEM_CURSOR_SECRET must be at least {CURSOR_SECRET_MIN_BYTES} bytes, "
                f"got {size}: a short key lets clients forge pagination cursors. Generate one "
                "with `python -c 'import secrets; print(secrets.token_hex(32))'`, or unset it "
                "for a random key per process."
            )
        return value

    @model_validator(mode="after")
    def shared_store_needs_a_shared_cursor_secret(self) -> Settings:
        """With a shared store a walk may continue on any replica, so every replica must sign
        cursors with the same key: a random key per process would make them fail elsewhere."""
        if self.redis_url and "cursor_secret" not in self.model_fields_set:
            raise ValueError(
                "GENECHEM_CURSOR_SECRET must be set when GENECHEM_REDIS_URL is: every replica "
                "sharing the store must sign pagination cursors with the same key (at least "
                f"{CURSOR_SECRET_MIN_BYTES} bytes). Generate one with "
                "`python -c 'import secrets; print(secrets.token_hex(32))'` and set it on every "
                "replica."
            )
        return self

    @field_validator("cors_origins", "api_keys", mode="before")
    @classmethod
    def split_origins(cls, value: object) -> object:
        """`a,b` as well as `["a", "b"]`: a comma list is what people type in an environment
        (origins and API keys alike)."""
        if isinstance(value, str):
            text = value.strip()
            if text.startswith("["):
                return json.loads(text)
            return [origin.strip() for origin in text.split(",") if origin.strip()]
        return value

    hgnc_index: bool = Field(
        True,
        description="Load every approved HGNC record once (one large call) and answer HGNC "
        "lookups and the symbol checker from that index instead of one call per record (HGNC "
        "allows 10 per second: 100 genes' records cost 10 s without it). The index costs "
        "memory: see README, Performance. false: one call per record.",
    )
    lookup_lane: bool = Field(
        True,
        description="Answer a repeated `gene(id:)` or `chemical(id:)` whose fields only read "
        "the document without the GraphQL machinery (schema.lookup_lane): the same answer, "
        "limits, log line and metrics, at about half the CPU. false: every request executes.",
    )
    hgnc_index_ttl: float = Field(
        86400.0,
        gt=0,
        description="Seconds after which the index reloads even if HGNC's /info lastModified "
        "has not changed (a backstop; a changed lastModified reloads it sooner).",
    )
    hgnc_index_check_interval: float = Field(
        300.0,
        gt=0,
        description="At most this often (seconds) a request starts a background check of HGNC's "
        "/info lastModified, which reloads the index when it changed. Requests never wait on it, "
        "and a failed reload keeps the last good index.",
    )

    redis_url: str = Field(
        "",
        description="Redis-protocol URL (`redis://host:6379/0`, Valkey or Redis) of the store "
        "every replica shares: upstream records, metadata, persisted queries and whole answers. "
        "Empty, the default: everything stays in this process and no server is needed.",
    )
    redis_prefix: str = Field(
        "genechem:",
        description="Prefix of every key in the shared store, so deployments can share a server.",
    )
    store_max_bytes: int = Field(
        64 * 1024 * 1024,
        ge=0,
        description="Memory in bytes the in-process store may hold when no REDIS_URL is set "
        "(keys, values and each entry's bookkeeping, counted as the process holds them); least "
        "recently used entries leave first. It is resident memory on top of the gateway's own: "
        "the records of 5000 genes with GO, Ensembl and RefSeq take ~45 MB of it.",
    )
    record_cache_ttl: float = Field(
        3600.0,
        ge=0,
        description="Seconds an upstream record (per service, id or term, and field set) is kept "
        "in the store; a new build version of the service invalidates it sooner. 0: no record "
        "cache.",
    )
    metadata_ttl: float = Field(
        300.0,
        ge=0,
        description="Seconds each service's metadata (the `sources` root, and the build version "
        "that keys the record cache) is kept: how often a new build is noticed. 0: not cached.",
    )
    response_cache_ttl: float = Field(
        60.0,
        ge=0,
        description="Longest time (seconds) a whole answer to a GET or persisted query without "
        "errors is kept in the store; shortened to the shortest TTL of the records it used. "
        "0: no response cache.",
    )
    persisted_query_ttl: float = Field(
        7 * 86400.0,
        gt=0,
        description="Seconds a registered persisted query (Apollo APQ) is kept after registration.",
    )
    api_keys: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        json_schema_extra={"doc_default": "none"},
        description="API keys clients may send in the `X-Api-Key` header, comma-separated or a "
        "JSON list. Set: quotas are kept per key (an unknown key is refused with 401 "
        "INVALID_API_KEY; a request without a key is counted by its address). Empty: quotas "
        "are kept per client address.",
    )
    quota_calls: int = Field(
        0,
        ge=0,
        description="Upstream calls (the cost estimate of each operation, as in `extensions.cost`) "
        "one client (API key or address) may spend per QUOTA_WINDOW, all replicas together; "
        "over it requests are refused with RATE_LIMITED, HTTP 429 and `Retry-After`. Answers "
        "carry `RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset`. 0: no quota.",
    )
    quota_window: float = Field(
        60.0,
        gt=0,
        description="Seconds of one quota window (QUOTA_CALLS): a fixed window, the same for "
        "every client, after which each client's count starts again from 0.",
    )
    memory_reclaim_mb: int = Field(
        64,
        ge=0,
        description="After a request, when the worker's resident memory grew by this many MB "
        "since the last time, collect cyclic garbage and return freed pages to the system "
        "(`gc.collect`, glibc `malloc_trim`; 0.1-0.25 s of blocked event loop after a "
        "5000-gene answer, spaced to at most 10% of the time). Without it a 5000-gene answer "
        "leaves ~250 MB resident. Python's own full collections are then made rare: ~20% less "
        "CPU for large answers, ~50 MB more peak while one is built. Small requests pay one "
        "read of /proc. Up to this much freed memory may stay resident between reclaims. "
        "Applies to `genechem serve` (and the container). 0: never, Python's defaults.",
    )
    log_format: Literal["json", "text"] = Field(
        "text",
        description="json: one JSON object per line (one per request with request id, operation, "
        "duration, cost, cache hits, error codes), for log collectors; text: for people.",
    )


@lru_cache
def get_settings() -> Settings:
    """The process-wide settings, read once from the environment."""
    return Settings()
