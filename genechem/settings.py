"""The one settings object. Every knob is an environment variable with the `GENECHEM_` prefix."""

from __future__ import annotations

import secrets
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

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
    mygene_url: str = Field("https://mygene.info/v3", description="MyGene.info v3 base URL.")
    mychem_url: str = Field("https://mychem.info/v1", description="MyChem.info v1 base URL.")
    hgnc_url: str = Field("https://rest.genenames.org", description="HGNC REST base URL.")
    mirror_data: Path = Field(DEMO_DATA_DIR, description="Data directory the mirror serves.")
    mirror_faults: str = Field(
        "", description="Fault rules for the mirror, a JSON list (see mirror.faults.FaultRule)."
    )

    connect_timeout: float = Field(5.0, gt=0, description="Seconds to open a connection.")
    read_timeout: float = Field(30.0, gt=0, description="Seconds to wait for a response.")
    probe_timeout: float = Field(2.0, gt=0, description="Seconds for the start-up probe (auto).")
    retry_attempts: int = Field(4, ge=1, description="Total attempts per upstream request.")
    retry_wait_initial: float = Field(0.2, ge=0, description="First backoff, seconds.")
    retry_wait_max: float = Field(5.0, ge=0, description="Longest backoff, seconds.")
    retry_wait_jitter: float = Field(0.2, ge=0, description="Random jitter added to a backoff.")
    retry_timeout: float = Field(60.0, gt=0, description="Budget for one request and its retries.")
    max_concurrency: int = Field(16, ge=1, description="Concurrent requests per upstream service.")
    hgnc_rate_limit: float = Field(10.0, gt=0, description="HGNC requests per second, per process.")
    cursor_secret: SecretStr = Field(
        default_factory=lambda: SecretStr(secrets.token_hex(32)),
        description="Key that signs pagination cursors. Set the same value on every replica; "
        "the default, random per process, makes cursors invalid after a restart.",
    )
    hgnc_index: bool = Field(
        False, description="Load every approved HGNC record once and index it."
    )
    hgnc_index_ttl: float = Field(86400.0, gt=0, description="Seconds before the index reloads.")


@lru_cache
def get_settings() -> Settings:
    """The process-wide settings, read once from the environment."""
    return Settings()
