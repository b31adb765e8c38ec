"""The one Settings object: every setting, typed and described, read once from the environment and .env."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from index import Embedder, Feeds, FetchLimits, Library, SentenceTransformerEmbedder, SourceLimits, parse_interval


class Settings(BaseSettings):
    """briefbot's configuration. Environment variables are the field names in upper case with the
    prefix BRIEFBOT_ (BRIEFBOT_DATA_DIR, ...); a .env file in the working folder is read too."""

    model_config = SettingsConfigDict(env_prefix="BRIEFBOT_", env_file=".env", env_file_encoding="utf-8",
                                      extra="ignore", env_ignore_empty=True)

    data_dir: Path = Field(Path("data"), description="Folder of the library: SQLite database and FAISS index.")
    telegram_token: SecretStr | None = Field(None, description="Bot token from @BotFather. Never logged.")
    telegram_api_url: str = Field("https://api.telegram.org/bot",
                                  description="Bot API base URL; the token is appended to it.")
    webhook_url: str | None = Field(None, description="Public HTTPS address Telegram posts updates to (webhook "
                                    "mode); empty = long polling. A reverse proxy forwards it to the listener.")
    webhook_listen: str = Field("127.0.0.1", description="Address the webhook listener binds to.")
    webhook_port: int = Field(8443, gt=0, lt=65536, description="Port the webhook listener binds to.")
    webhook_secret: SecretStr | None = Field(None, description="Secret Telegram sends with every update "
                                             "(X-Telegram-Bot-Api-Secret-Token); empty = a new random one each run.")
    admin_ids: Annotated[list[int], NoDecode] = Field(default_factory=list,
                                 description="Telegram user ids allowed to add and remove articles.")
    fetch_allow_private: bool = Field(False, description="Allow fetching private, loopback and link-local "
                                                         "addresses (only for a trusted local network).")
    fetch_timeout: float = Field(15.0, gt=0, description="Seconds before a page fetch is abandoned.")
    max_page_bytes: int = Field(5 * 1024 * 1024, gt=0, description="Largest page or uploaded file accepted.")
    max_jsonl_bytes: int = Field(512 * 1024 * 1024, gt=0, description="Largest JSON Lines file accepted.")
    embed_bf16: bool | None = Field(None, description="Encode batches under bfloat16 (faster, same results); "
                                                      "empty = only where the CPU supports it natively.")
    embed_onnx: bool = Field(True, description="Run the embedding model with ONNX Runtime: the same vectors, "
                                               "about 2.8x faster a question; false = PyTorch only.")
    model_cache_dir: Path | None = Field(None, description="Folder for the model file ONNX Runtime runs (made "
                                         "once, 90 MB); empty = $XDG_CACHE_HOME/briefbot or ~/.cache/briefbot.")
    log_level: str = Field("INFO", description="Logging level: DEBUG, INFO, WARNING or ERROR.")
    telegram_max_rate: float = Field(30.0, ge=0, description="Bot API requests a second in all (Telegram allows "
                                     "about 30); 429 answers are waited out and retried. 0 turns pacing off.")
    questions_per_minute: int = Field(10, gt=0, description="Questions one user may ask per minute.")
    inline_queries_per_minute: int = Field(60, gt=0, description="Inline queries (\"@bot question\" in any chat) "
                                           "one user may make per minute; Telegram sends one as the user types.")
    digest_time: str = Field("07:30", description="Default local time of the daily digest, HH:MM.")
    timezone: str = Field("UTC", description="Default IANA time zone of digests, e.g. Europe/Warsaw.")
    digest_grace_hours: float = Field(6.0, ge=0, description="A digest missed while the bot was down is still "
                                                             "sent this many hours late; later, it is skipped.")
    digest_stories: int = Field(10, gt=0, le=50, description="Stories in a digest, at most.")
    feed_interval: str = Field("30m", description="How often a feed is polled unless it is added with its own "
                                                  "interval: 30m, 2h, 1d (at least 5m).")
    feed_workers: int = Field(4, gt=0, le=32, description="Feeds polled at the same time.")
    sample_library: bool = Field(True, description="Load the built-in guide to briefbot when the library is "
                                                   "empty, so the bot has something to answer from at once.")

    @field_validator("digest_time")
    @classmethod
    def _check_time(cls, value: str) -> str:
        from .digest import parse_time

        return parse_time(value)

    @field_validator("feed_interval")
    @classmethod
    def _check_interval(cls, value: str) -> str:
        parse_interval(value)
        return value

    @field_validator("timezone")
    @classmethod
    def _check_zone(cls, value: str) -> str:
        from .digest import parse_zone

        return parse_zone(value)

    @field_validator("webhook_url")
    @classmethod
    def _check_webhook(cls, value: str | None) -> str | None:
        if value is not None and not (value.startswith("https://") and len(value) > len("https://")):
            raise ValueError("Telegram posts updates to HTTPS addresses only: https://example.org/briefbot")
        return value

    @field_validator("webhook_secret")
    @classmethod
    def _check_secret(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", value.get_secret_value()):
            raise ValueError("1 to 256 characters, letters, digits, _ and - only (Telegram's rule)")
        return value

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _split_ids(cls, value):
        """Accept "1, 2 3" as well as a JSON list."""
        if isinstance(value, str) and not value.strip().startswith("["):
            return [int(v) for v in value.replace(",", " ").split()]
        if isinstance(value, int):
            return [value]
        return value


def open_library(settings: Settings, embedder: Embedder | None = None) -> Library:
    """The library in the settings' data folder, with the settings' limits; the real model unless given one."""
    limits = SourceLimits(
        max_file_bytes=settings.max_page_bytes,
        max_jsonl_bytes=settings.max_jsonl_bytes,
        max_record_bytes=settings.max_page_bytes,
        fetch=FetchLimits(max_bytes=settings.max_page_bytes, timeout=settings.fetch_timeout,
                          allow_private=settings.fetch_allow_private),
    )
    embedder = embedder or SentenceTransformerEmbedder(bf16=settings.embed_bf16, onnx=settings.embed_onnx,
                                                       cache_dir=settings.model_cache_dir)
    return Library(settings.data_dir, embedder, limits)


def open_feeds(settings: Settings, library: Library) -> Feeds:
    """The library's feeds, polled with the settings' concurrency."""
    return Feeds(library, workers=settings.feed_workers)
