"""Telegram failing: 429 waited out, server errors retried, 403 logged, a slow server not blocking others.
Each answer arrives exactly once."""

import asyncio
import logging

from tests.bot.conftest import make_settings, reply_to, running


def answers(botapi, chat_id):
    return [c for c in botapi.sent(chat_id) if "Nothing in the library" in c.params["text"]]


async def test_a_429_is_waited_out_and_the_answer_arrives_once(botapi, tmp_path, embedder):
    botapi.fail("sendMessage", 429, retry_after=1)
    async with running(make_settings(botapi, tmp_path / "data"), embedder):
        update = botapi.user_message("Is there news about ferries?")
        await reply_to(botapi, update)
    refused = [c for c in botapi.calls if c.method == "sendMessage" and c.status == 429]
    assert len(refused) == 1 and len(answers(botapi, 1001)) == 1


async def test_server_errors_are_retried_and_the_answer_arrives_once(botapi, tmp_path, embedder, caplog):
    botapi.fail("sendMessage", 500, times=2)
    async with running(make_settings(botapi, tmp_path / "data"), embedder):
        await reply_to(botapi, botapi.user_message("Is there news about ferries?"))
    assert [c.status for c in botapi.calls if c.method == "sendMessage"] == [500, 500, 200]
    assert len(answers(botapi, 1001)) == 1
    assert sum("retrying" in r.getMessage() for r in caplog.records) == 2


async def test_a_blocked_bot_logs_and_stays_quiet(botapi, tmp_path, embedder, caplog):
    botapi.fail("sendMessage", 403)
    async with running(make_settings(botapi, tmp_path / "data"), embedder):
        botapi.user_message("Is there news about ferries?")
        await asyncio.to_thread(botapi.wait_for, lambda c: c.method == "sendMessage" and c.status == 403)
        # The next user is served as usual.
        await reply_to(botapi, botapi.user_message("/help", chat_id=7, user_id=7))
    assert any(r.levelno == logging.WARNING and "blocked or removed" in r.getMessage() for r in caplog.records)
    assert not [c for c in botapi.sent(1001)]  # no apology pushed at someone who blocked the bot


async def test_a_slow_telegram_for_one_chat_does_not_hold_up_another(botapi, tmp_path, embedder):
    botapi.fail("sendMessage", 0, delay=3)  # the next sendMessage takes 3 s to answer
    async with running(make_settings(botapi, tmp_path / "data"), embedder):
        slow = botapi.user_message("/help", chat_id=11, user_id=11)
        assert await asyncio.to_thread(botapi.delaying.wait, 10)  # the slow send is now being held
        await reply_to(botapi, botapi.user_message("/help", chat_id=12, user_id=12))
        assert botapi.delaying.is_set()  # answered while the other chat's send was still held
        await reply_to(botapi, slow)
