"""`briefbot chat`: the same application, handlers and replies, in a terminal.

The application's Bot API requests are answered in-process by `TerminalRequest`, which prints what the bot
sends (HTML rendered as text); lines typed at the prompt become updates. The terminal user is an admin: it
is the person who runs the bot.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import sys
import time
from pathlib import Path
from typing import TextIO

from pydantic import SecretStr
from telegram import Update
from telegram.request import BaseRequest, RequestData

from index import Embedder

from .app import build_application
from .config import Settings
from .render import Button, Reply, as_terminal_text

TERMINAL_USER = {"id": 1, "is_bot": False, "first_name": "You"}
TERMINAL_CHAT = {"id": 1, "type": "private", "first_name": "You"}
BOT_USER = {"id": 2, "is_bot": True, "first_name": "briefbot", "username": "briefbot"}
_TERMINAL_TOKEN = SecretStr("0:terminal")  # the chat never talks to Telegram; PTB only needs a token-shaped value


class TerminalRequest(BaseRequest):
    """Answers the bot's Bot API calls locally and prints the messages it sends."""

    def __init__(self, out: TextIO):
        self.out = out
        self.last_buttons: list[Button] = []
        self._ids = itertools.count(1000)

    @property
    def read_timeout(self) -> float | None:
        return None

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass

    async def do_request(self, url, method, request_data: RequestData | None = None, read_timeout=None,
                         write_timeout=None, connect_timeout=None, pool_timeout=None) -> tuple[int, bytes]:
        name = url.rsplit("/", 1)[-1]
        params = request_data.parameters if request_data else {}
        result: object = True
        if name == "getMe":
            result = BOT_USER
        elif name in ("sendMessage", "editMessageText"):
            self._show(params)
            result = {"message_id": next(self._ids), "date": int(time.time()), "chat": TERMINAL_CHAT,
                      "from": BOT_USER, "text": params.get("text", "")}
        elif name == "sendDocument":
            result = self._save(params, request_data)
        elif name == "sendChatAction":
            print("… typing", file=self.out, flush=True)
        elif name == "answerCallbackQuery" and params.get("text"):
            print(params["text"], file=self.out, flush=True)
        elif name == "getUpdates":
            result = []
        return 200, json.dumps({"ok": True, "result": result}).encode()

    def _save(self, params: dict, request_data: RequestData | None) -> dict:
        """A document the bot sends is written to the working folder (never over an existing file)."""
        filename, content = "document", b""
        for part in (request_data.multipart_data if request_data else {}).values():
            filename, content = part[0] or filename, part[1] if isinstance(part[1], bytes) else part[1].read()
        path = Path(Path(filename).name)
        for n in itertools.count(1):
            if not path.exists():
                break
            path = Path(f"{Path(filename).stem}-{n}{Path(filename).suffix}")
        path.write_bytes(content)
        caption = params.get("caption") or ""
        print(f"\n📎 {path} saved here ({len(content):,} bytes). {caption}\n", file=self.out, flush=True)
        return {"message_id": next(self._ids), "date": int(time.time()), "chat": TERMINAL_CHAT, "from": BOT_USER,
                "document": {"file_id": str(path), "file_unique_id": str(path), "file_name": path.name}}

    def _show(self, params: dict) -> None:
        markup = params.get("reply_markup") or {}
        if isinstance(markup, str):
            markup = json.loads(markup)
        rows = tuple(tuple(Button(b["text"], url=b.get("url"), callback=b.get("callback_data")) for b in row)
                     for row in markup.get("inline_keyboard", []))
        self.last_buttons = [b for row in rows for b in row if b.callback] or self.last_buttons
        print("\n" + as_terminal_text(Reply(str(params.get("text", "")), rows)) + "\n", file=self.out, flush=True)


def _message_update(update_id: int, text: str) -> dict:
    message = {"message_id": update_id, "date": int(time.time()), "chat": TERMINAL_CHAT, "from": TERMINAL_USER,
               "text": text}
    if text.startswith("/"):
        message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
    return {"update_id": update_id, "message": message}


def _button_update(update_id: int, button: Button) -> dict:
    shown = {"message_id": update_id - 1, "date": int(time.time()), "chat": TERMINAL_CHAT, "from": BOT_USER,
             "text": "…"}
    return {"update_id": update_id, "callback_query": {"id": str(update_id), "from": TERMINAL_USER,
                                                        "chat_instance": "terminal", "data": button.callback,
                                                        "message": shown}}


async def chat(settings: Settings, lines=None, out: TextIO = sys.stdout, embedder: Embedder | None = None) -> None:
    """Read questions and commands until end of input (or "quit"); `lines` and `embedder` are for tests."""
    settings = settings.model_copy(update={"admin_ids": [*settings.admin_ids, TERMINAL_USER["id"]],
                                           "telegram_token": settings.telegram_token or _TERMINAL_TOKEN,
                                           "webhook_url": None})  # the terminal is the chat: no webhook
    request = TerminalRequest(out)
    application = build_application(settings, embedder, request=request)
    print("Loading the library and the model…", file=out, flush=True)
    await application.initialize()
    await application.post_init(application)
    await application.start()  # the job queue: feed polls and digests run here as in the bot
    print("briefbot in your terminal. Ask a question, or try /help, /latest, /ingest URL. "
          "Type 'more' for the More button, 'quit' to leave.", file=out, flush=True)
    try:
        for update_id in itertools.count(1):
            line = await _next_line(lines)
            if line is None or line.strip().lower() in ("quit", "exit", "/quit"):
                break
            line = line.strip()
            if not line:
                continue
            more = next((b for b in request.last_buttons if b.text == "More"), None)
            if line.lower() == "more" and more is None:
                print("(The last reply has no More button.)", file=out, flush=True)
                continue
            if line.lower() == "more":
                request.last_buttons = []
                data = _button_update(update_id, more)
            else:
                data = _message_update(update_id, line)
            await application.process_update(Update.de_json(data, application.bot))
    finally:
        await application.stop()
        await application.post_shutdown(application)
        await application.shutdown()


async def _next_line(lines) -> str | None:
    if lines is not None:
        return next(lines, None)
    try:
        return await asyncio.to_thread(input, "you> ")
    except EOFError:
        return None
