"""Logging for every entry point: one format, chatty libraries quietened, and the token and webhook secret
never written (PTB's and httpx's request URLs hold the token)."""

from __future__ import annotations

import logging
import sys


class RedactSecrets(logging.Filter):
    """Replaces each secret in a record's message and traceback with "[redacted]": a second guard after
    keeping httpx (which logs request URLs, and Bot API URLs hold the token) at WARNING."""

    def __init__(self, secrets: list[str]):
        super().__init__()
        self.secrets = [s for s in secrets if s]

    def filter(self, record: logging.LogRecord) -> bool:
        if self.secrets:
            message = record.getMessage()
            if record.exc_info:
                message += "\n" + logging.Formatter().formatException(record.exc_info)
                record.exc_info, record.exc_text = None, None
            for secret in self.secrets:
                message = message.replace(secret, "[redacted]")
            record.msg, record.args = message, ()
        return True


def setup_logging(level: str, secrets: list[str] | None = None, stream=None) -> None:
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactSecrets(secrets or []))
    logging.basicConfig(level=level.upper(), handlers=[handler], force=True)
    # httpx logs every request URL at INFO, and Bot API URLs hold the token.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    # The webhook listener logs every update it takes at INFO; refusals (a wrong secret) still show.
    logging.getLogger("tornado.access").setLevel(logging.WARNING)
    # The model's one-time preparation for ONNX Runtime takes ~10 s: said even where only warnings are shown.
    logging.getLogger("index.onnx_model").setLevel(logging.INFO)
    # trafilatura logs unreadable pages as errors; ingest reports them itself, one line per source.
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
