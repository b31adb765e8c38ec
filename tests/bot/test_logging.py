"""What the logs say: never the token, at the most verbose level, through questions, errors and retries; the
model's one-time preparation even when quiet."""

import asyncio
import io
import logging
import shutil

from bot.logs import setup_logging
from index import SentenceTransformerEmbedder, onnx_model
from tests.bot.conftest import free_port, make_settings, reply_to, running
from tests.fakes.botapi import TOKEN


async def test_the_token_never_appears_in_any_log_line(botapi, tmp_path, embedder):
    stream = io.StringIO()
    setup_logging("DEBUG", [TOKEN], stream=stream)
    try:
        logging.getLogger("httpx").setLevel(logging.DEBUG)  # even if someone turns httpx up
        async with running(make_settings(botapi, tmp_path / "data"), embedder):
            await reply_to(botapi, botapi.user_message("Is anything in the library yet?"))
            botapi.fail("sendMessage", 500)
            botapi.user_message("/latest")
            await asyncio.to_thread(botapi.wait_for, lambda c: c.method == "sendMessage" and c.status == 500)
            logging.getLogger("test").error("a URL with the token: %s/getMe", f"{botapi.base_url}{TOKEN}")
    finally:
        logging.getLogger("httpx").setLevel(logging.WARNING)
        logging.basicConfig(level=logging.WARNING, handlers=[logging.NullHandler()], force=True)
    text = stream.getvalue()
    assert text.count("\n") > 20  # the run did log, verbosely
    assert "HTTP Request: POST" in text  # httpx's request lines, whose URLs hold the token, went through
    assert TOKEN not in text and TOKEN.split(":")[1] not in text
    assert "[redacted]" in text


async def test_the_webhook_secret_never_appears_in_any_log_line(botapi, tmp_path, embedder):
    import httpx

    from bot.webhook import webhook_options

    port = free_port()
    settings = make_settings(botapi, tmp_path / "data", webhook_url="https://bot.example/hook", webhook_port=port)
    options = webhook_options(settings)
    stream = io.StringIO()
    setup_logging("DEBUG", [TOKEN, options["secret_token"]], stream=stream)
    try:
        async with running(settings, embedder, webhook=options), httpx.AsyncClient() as client:
            update = botapi.user_message("/start")
            headers = {"X-Telegram-Bot-Api-Secret-Token": options["secret_token"]}
            assert (await client.post(f"http://127.0.0.1:{port}/hook", json=update, headers=headers)).is_success
            await reply_to(botapi, update)
            logging.getLogger("test").error("the secret: %s", options["secret_token"])
    finally:
        logging.basicConfig(level=logging.WARNING, handlers=[logging.NullHandler()], force=True)
    text = stream.getvalue()
    assert "setWebhook" in text  # PTB logged its webhook calls at this level
    assert options["secret_token"] not in text and "[redacted]" in text


def test_the_one_time_preparation_is_said_even_where_only_warnings_are_logged(tmp_path, model_cache, monkeypatch):
    good = next(model_cache.glob("all-MiniLM-L6-v2-*.onnx"))
    monkeypatch.setattr(onnx_model, "_export_checked", lambda model_dir, path: shutil.copyfile(good, path))
    stream = io.StringIO()
    setup_logging("WARNING", stream=stream)  # as `briefbot ask` runs without -v
    try:
        assert SentenceTransformerEmbedder(cache_dir=tmp_path).fast is not None
    finally:
        logging.basicConfig(level=logging.WARNING, handlers=[logging.NullHandler()], force=True)
    assert "preparing the embedding model for ONNX Runtime, once (about 10 s)" in stream.getvalue()
