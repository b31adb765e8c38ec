"""The bot under test: the real python-telegram-bot Application, polling the fake Bot API over HTTP."""

from __future__ import annotations

import asyncio
import shutil
import socket
from contextlib import asynccontextmanager

import pytest

from bot.app import build_application
from bot.config import Settings
from tests.fakes.botapi import TOKEN, FakeBotAPI

ADMIN = 900


@pytest.fixture
def botapi():
    with FakeBotAPI() as server:
        yield server
    # Whatever the test did, the bot never sent anything Telegram would refuse, nor a parameter it ignores.
    assert server.refused() == [], [(c.method, c.error) for c in server.refused()]
    assert all(not c.unknown_params for c in server.calls), [(c.method, c.unknown_params) for c in server.calls]


def make_settings(botapi: FakeBotAPI, data_dir, **overrides) -> Settings:
    values = {"telegram_token": TOKEN, "telegram_api_url": botapi.base_url, "admin_ids": [ADMIN],
              "data_dir": data_dir, "sample_library": False, "fetch_allow_private": True, **overrides}
    return Settings(_env_file=None, **values)


def free_port() -> int:
    """A port nothing listens on, for a webhook listener."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@asynccontextmanager
async def running(settings: Settings, embedder=None, webhook: dict | None = None):
    """Start the application with long polling, as `briefbot run` does (or with these webhook options, as it
    does in webhook mode), and stop it cleanly."""
    application = build_application(settings, embedder)
    await application.initialize()
    await application.post_init(application)
    if webhook is None:
        await application.updater.start_polling(poll_interval=0, timeout=2)
    else:
        await application.updater.start_webhook(**webhook)
    await application.start()
    try:
        yield application
    finally:
        await application.updater.stop()
        await application.stop()
        await application.post_shutdown(application)
        await application.shutdown()


async def reply_to(botapi: FakeBotAPI, update: dict, predicate=lambda call: True, timeout: float = 30.0):
    """The bot's first message in the update's chat sent after the update arrived (waits on events).
    The fake numbers updates and messages from one counter, so "after" is a larger message id."""
    chat_id = (update.get("message") or update["callback_query"]["message"])["chat"]["id"]

    def match(call):
        return (call.method == "sendMessage" and call.status == 200 and int(call.params["chat_id"]) == chat_id
                and call.result["message_id"] > update["update_id"] and predicate(call))

    return await asyncio.to_thread(botapi.wait_for, match, timeout)


@pytest.fixture
def corpus_copy(corpus_data, tmp_path):
    data, _ = corpus_data
    target = tmp_path / "data"
    shutil.copytree(data, target)
    return target
