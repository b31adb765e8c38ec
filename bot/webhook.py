"""Webhook mode: the listener's options, and a watch on what Telegram says of its deliveries.

Telegram posts each update to the webhook URL, which the user's reverse proxy (with TLS) forwards to the
listener. When the proxy, the DNS or the certificate is wrong, nothing reaches the bot and nothing fails on its
side: only Telegram's getWebhookInfo tells, by its last delivery error and the updates waiting. So the bot asks
it a little after start and then every few minutes, and logs a delivery error once, when it is new, and a
webhook that another process moved elsewhere.
"""

from __future__ import annotations

import logging
import secrets
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

from telegram import Update, WebhookInfo
from telegram.error import TelegramError
from telegram.ext import Application, ContextTypes

from .config import Settings

log = logging.getLogger(__name__)

WATCH_JOB = "webhook-watch"
FIRST_CHECK_S = 30   # after start: Telegram has had time to deliver something, or to fail
CHECK_EVERY_S = 300  # then every five minutes: one light call, and a broken proxy is noticed soon enough


def webhook_options(settings: Settings) -> dict:
    """Webhook mode: the listener's address and path (the path of the public URL, which a reverse proxy with
    TLS forwards to it), the URL given to Telegram, and the secret Telegram sends back with every update (the
    listener refuses an update without it)."""
    if settings.webhook_url is None:
        raise ValueError("no webhook URL")
    secret = settings.webhook_secret.get_secret_value() if settings.webhook_secret else secrets.token_urlsafe(32)
    return {"listen": settings.webhook_listen, "port": settings.webhook_port,
            "url_path": urlsplit(settings.webhook_url).path.lstrip("/"), "webhook_url": settings.webhook_url,
            "secret_token": secret, "allowed_updates": Update.ALL_TYPES}


def run_webhook(application: Application, options: dict) -> None:
    application.run_webhook(**options)


def start_watch(application: Application, url: str) -> None:
    """Ask Telegram how deliveries to `url` go, soon after start and then every few minutes."""
    application.job_queue.run_repeating(watch, interval=CHECK_EVERY_S, first=FIRST_CHECK_S, name=WATCH_JOB,
                                        data={"url": url, "reported": None, "elsewhere": url})


async def watch(context: ContextTypes.DEFAULT_TYPE) -> None:
    state = context.job.data
    try:
        info = await context.bot.get_webhook_info()
    except TelegramError as exc:
        log.warning("could not ask Telegram how webhook deliveries go: %s", exc)
        return
    for level, message in findings(info, state["url"], state["reported"], state["elsewhere"]):
        log.log(level, message)
    if info.last_error_date is not None:
        state["reported"] = info.last_error_date
    state["elsewhere"] = info.url


def findings(info: WebhookInfo, url: str, reported: datetime | None, last_url: str) -> list[tuple[int, str]]:
    """What to log of Telegram's webhook status: the webhook set elsewhere (or removed) when it was not already
    so at the last check (`last_url`), and the last delivery error when it is newer than the one already
    `reported`."""
    found = []
    if info.url != url and info.url != last_url:
        where = f"to {info.url}" if info.url else "nowhere (the webhook was removed)"
        found.append((logging.ERROR, f"Telegram now sends updates {where}, not to {url}: another process changed "
                                     "the webhook; restart briefbot to take it back"))
    if info.last_error_date is not None and (reported is None or info.last_error_date > reported):
        ago = max(datetime.now(UTC) - info.last_error_date, timedelta(0))
        found.append((logging.WARNING, f"Telegram could not deliver an update to {url} "
                                       f"{int(ago.total_seconds() // 60)} min ago: {info.last_error_message}; "
                                       f"{info.pending_update_count} update(s) waiting. Check the reverse proxy "
                                       "and its certificate."))
    return found
