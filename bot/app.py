"""build_application(): the only place the Telegram application is built and its handlers wired.

The library opens in post_init (and the model is warmed there, so the first question is quick) and closes
in post_shutdown.
"""

from __future__ import annotations

import asyncio
import logging
from importlib import resources

from telegram import Update
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    InlineQueryHandler,
    MessageHandler,
    filters,
)
from telegram.request import BaseRequest

from index import Embedder, Outcome, words

from . import feeds, handlers, jobs, subscriptions, webhook
from .config import Settings, open_library
from .errors import on_error
from .services import Services

log = logging.getLogger(__name__)

def build_application(settings: Settings, embedder: Embedder | None = None,
                      request: BaseRequest | None = None) -> Application:
    """The bot for `settings`. `embedder` replaces the real model (tests); `request` replaces HTTP to the
    Bot API (the terminal chat)."""
    if settings.telegram_token is None:
        raise ValueError("no Telegram token")
    api = settings.telegram_api_url.rstrip("/")
    builder: ApplicationBuilder = (
        Application.builder()
        .token(settings.telegram_token.get_secret_value())
        .base_url(api)
        .base_file_url(api[: -len("/bot")] + "/file/bot" if api.endswith("/bot") else api + "/file")
        .concurrent_updates(True)
        .post_init(lambda app: _open(app, settings, embedder))
        .post_shutdown(_close)
    )
    if settings.telegram_max_rate > 0:
        # Paces requests to Telegram's limits and retries after a 429. The overall bucket holds one request,
        # so the pace is even: a bucket of 30 a second would let 30 go at once and 30 more within the same
        # second, which Telegram refuses. Groups keep PTB's 20 a minute, so a short answer is not held back.
        builder = builder.rate_limiter(AIORateLimiter(
            overall_max_rate=1, overall_time_period=1 / settings.telegram_max_rate, max_retries=5))
    if request is not None:
        builder = builder.request(request).get_updates_request(request)
    application = builder.build()
    application.add_handler(CommandHandler(["start", "help"], handlers.start))
    application.add_handler(CommandHandler("ask", handlers.ask_command))
    application.add_handler(CommandHandler("latest", handlers.latest))
    application.add_handler(CommandHandler("ingest", handlers.ingest_command))
    application.add_handler(CommandHandler("remove", handlers.remove_command))
    application.add_handler(CommandHandler("stats", handlers.stats_command))
    application.add_handler(CommandHandler("feed", feeds.feed_command))
    application.add_handler(CommandHandler("subscribe", subscriptions.subscribe))
    application.add_handler(CommandHandler("unsubscribe", subscriptions.unsubscribe))
    application.add_handler(CommandHandler("settings", subscriptions.settings))
    application.add_handler(CommandHandler("digest", handlers.digest_now))
    application.add_handler(CallbackQueryHandler(handlers.on_more, pattern=r"^more:"))
    application.add_handler(InlineQueryHandler(handlers.on_inline))
    application.add_handler(CallbackQueryHandler(subscriptions.on_button, pattern=r"^(unsub|quiet)$"))
    # New messages only: an edited question is not answered twice.
    new = filters.UpdateType.MESSAGE
    application.add_handler(MessageHandler(new & filters.Document.ALL, handlers.on_document))
    application.add_handler(MessageHandler(new & filters.TEXT & ~filters.COMMAND, handlers.on_text))
    application.add_handler(MessageHandler(new & filters.COMMAND, handlers.unknown_command))  # after the commands
    application.add_error_handler(on_error)
    return application


async def _open(application: Application, settings: Settings, embedder: Embedder | None) -> None:
    library = await asyncio.to_thread(open_library, settings, embedder)
    application.bot_data["services"] = Services(settings=settings, library=library)
    if settings.sample_library and library.stats()["articles"] == 0:
        results = await asyncio.to_thread(load_sample, library)
        log.info("the library was empty: loaded the built-in guide (%d articles)", results)
    await asyncio.to_thread(library.embedder.encode, ["warm up the model"])
    await asyncio.to_thread(words.load_dictionaries)
    if application.job_queue is not None:
        jobs.restore(application, application.bot_data["services"])
        feeds.start_polling(application)
        if settings.webhook_url is not None:
            webhook.start_watch(application, settings.webhook_url)
    await application.bot.set_my_commands(handlers.COMMANDS)  # admins get theirs in their chat (handlers)


async def _close(application: Application) -> None:
    services: Services | None = application.bot_data.get("services")
    if services is not None:
        await asyncio.to_thread(services.close)


def load_sample(library) -> int:
    """Ingest the guide shipped with briefbot; returns how many articles went in."""
    data = resources.files("bot").joinpath("sample/guide.jsonl").read_bytes()
    return sum(r.outcome is Outcome.ADDED for r in library.ingest_upload(data, "guide.jsonl", ""))


def run_polling(application: Application) -> None:
    application.run_polling(allowed_updates=Update.ALL_TYPES)
