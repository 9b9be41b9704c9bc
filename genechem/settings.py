"""The one settings object. Every knob is an environment variable with the `GENECHEM_` prefix."""

from __future__ import annotations

import json
import secrets
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

SourceMode = Literal["auto", "live", "mirror"]

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
        description="Seconds each service has to answer the start-up probe "
        "when the source is auto.",
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
        10.0, gt=0, description="HGNC requests per second, per process (HGNC asks for at most 10)."
    )
    cursor_secret: SecretStr = Field(
        default_factory=lambda: SecretStr(secrets.token_hex(32)),
        json_schema_extra={"doc_default": "random per process"},
        description="Key that signs pagination cursors. Set the same value on every replica; "
        "the default, random per process, makes cursors invalid after a restart.",
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
        description="Answers of at least this many bytes are gzip-compressed for clients that "
        "send `Accept-Encoding: gzip`; smaller ones are not worth the CPU.",
    )
    http_cache_max_age: int = Field(
        60,
        ge=0,
        description="Seconds a client or shared cache may reuse a GET query answer without "
        "errors (`Cache-Control: public, max-age=N`; 0 makes caches revalidate every time, "
        "cheaply through the ETag). POST answers and answers with errors are `no-store`.",
    )

    @field_validator("cors_origins", mode="before")
    @classmethod
    def split_origins(cls, value: object) -> object:
        """`a,b` as well as `["a", "b"]`: a comma list is what people type in an environment."""
        if isinstance(value, str):
            text = value.strip()
            if text.startswith("["):
                return json.loads(text)
            return [origin.strip() for origin in text.split(",") if origin.strip()]
        return value

    hgnc_index: bool = Field(
        False,
        description="Load every approved HGNC record once (one large call) and answer HGNC "
        "lookups and the symbol checker from that index instead of one call per record.",
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


@lru_cache
def get_settings() -> Settings:
    """The process-wide settings, read once from the environment."""
    return Settings()
