"""A fake Telegram Bot API server on 127.0.0.1, strict like the real one, for driving the real
python-telegram-bot over HTTP.

- Every call is checked against api.json (../shared/telegram-bot-api): unknown method -> 404, missing
  required field or a value of the wrong type (objects checked field by field) -> 400 with Telegram's shape.
- HTML parse mode is parsed with Telegram's rules (telegram_html.py); text is measured in UTF-16 after parsing.
- getUpdates is real long polling; files can be uploaded by "users" and downloaded by the bot.
- Every call is recorded (`calls`); failures can be queued (429 with retry_after, 500, 403, a slow answer).
Tests push updates with `user_message` / `press` and wait with `wait_for` (events, not sleeps).

This module holds the server, its state and what tests do with it; botapi_wire.py reads and checks requests
against api.json, botapi_methods.py implements the methods.
"""

from __future__ import annotations

import collections
import itertools
import json
import re
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, unquote, urlsplit

from tests.fakes.botapi_methods import IMPLEMENTED, BotApiMethods
from tests.fakes.botapi_wire import ApiError, Schema, body_params
from tests.fakes.telegram_html import utf16

TOKEN = "123456:TEST-token-never-logged-abcdefghijklmnop"


@dataclass
class Call:
    method: str
    params: dict
    status: int = 200
    result: object = None
    error: str | None = None
    unknown_params: list[str] = field(default_factory=list)
    at: float = field(default_factory=time.monotonic)


@dataclass
class Failure:
    method: str
    status: int
    retry_after: int | None = None
    delay: float = 0.0
    times: int = 1


class FakeBotAPI(BotApiMethods):
    def __init__(self, token: str = TOKEN, flood_limit: int | None = None):
        """`flood_limit`: refuse messages beyond this many a second in all with a 429, as Telegram does."""
        self.token = token
        self.flood_limit = flood_limit
        self._recent_sends: collections.deque[float] = collections.deque()
        self.schema = Schema()
        self.types = self.schema.types
        self.calls: list[Call] = []
        self.updates: list[dict] = []
        self.messages: dict[tuple[int, int], dict] = {}
        self.chats: dict[int, dict] = {}
        self.commands: dict[str, list[str]] = {}  # command menus, by scope
        self.webhook: dict | None = None  # setWebhook's parameters while a webhook is set
        self.webhook_error: tuple[int, str, int] | None = None  # (unix time, message, updates waiting), as reported
        self.blocked: set[int] = set()
        self.chat_admins: set[int] = set()  # user ids getChatMember reports as administrators
        self.files: dict[str, tuple[bytes, str]] = {}
        self.callback_ids: set[str] = set()
        self.inline_mode = False  # whether inline mode is on (@BotFather's /setinline), as getMe reports
        self.inline_ids: set[str] = set()  # inline queries not answered yet
        self.inline_answers: dict[str, dict] = {}  # answerInlineQuery's parameters, by query id
        self.failures: list[Failure] = []
        self.cond = threading.Condition()
        self._ids = itertools.count(1)
        self._stop = threading.Event()
        self.delaying = threading.Event()  # set while a call held by fail(delay=...) is being held
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    # --- life ------------------------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/bot"

    def __enter__(self) -> FakeBotAPI:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        with self.cond:
            self.cond.notify_all()
        self.httpd.shutdown()
        self.httpd.server_close()

    # --- what users do ---------------------------------------------------------------------------------

    def user_message(self, text: str | None = None, chat_id: int = 1001, user_id: int = 501,
                     chat_type: str = "private", reply_to: dict | None = None, document: dict | None = None,
                     thread_id: int | None = None, first_name: str = "Ann", via_bot: dict | None = None,
                     language_code: str | None = None) -> dict:
        user = {"id": user_id, "is_bot": False, "first_name": first_name}
        if language_code is not None:
            user["language_code"] = language_code
        chat = {"id": chat_id, "type": chat_type}
        chat.update({"first_name": first_name} if chat_type == "private" else {"title": "Newsroom"})
        if thread_id is not None:
            chat["is_forum"] = True
        message = {"message_id": next(self._ids), "date": int(time.time()), "chat": chat, "from": user}
        if text is not None:
            message["text"] = text
            entities = [{"type": "bot_command", "offset": m.start(), "length": utf16(m.group(0))}
                        for m in re.finditer(r"^/\w+(@\w+)?", text)]
            entities += [{"type": "mention", "offset": utf16(text[: m.start()]), "length": utf16(m.group(0))}
                         for m in re.finditer(r"@\w{5,}", text) if m.start() > 0 or not text.startswith("/")]
            if entities:
                message["entities"] = entities
        if document is not None:
            message["document"] = document
        if reply_to is not None:
            message["reply_to_message"] = reply_to
        if via_bot is not None:
            message["via_bot"] = via_bot
        if thread_id is not None:
            message["message_thread_id"] = thread_id
            message["is_topic_message"] = True
        with self.cond:
            self.chats[chat_id] = chat
            self.messages[(chat_id, message["message_id"])] = message
        return self._push({"message": message})

    def press(self, message: dict, data: str, user_id: int = 501) -> dict:
        """A user presses an inline button with callback data `data` under the bot's `message`."""
        query_id = str(next(self._ids))
        with self.cond:
            self.callback_ids.add(query_id)
        return self._push({"callback_query": {"id": query_id, "from": {"id": user_id, "is_bot": False,
                                                                        "first_name": "Ann"},
                                              "message": message, "chat_instance": "ci", "data": data}})

    def inline_query(self, text: str, user_id: int = 501) -> dict:
        """A user types "@bot text" in any chat: an inline query."""
        query_id = str(next(self._ids))
        with self.cond:
            self.inline_ids.add(query_id)
        return self._push({"inline_query": {"id": query_id, "from": {"id": user_id, "is_bot": False,
                                                                     "first_name": "Ann"},
                                            "query": text, "offset": "", "chat_type": "sender"}})

    def add_file(self, data: bytes, file_name: str, mime_type: str = "text/plain") -> dict:
        """A document a user is about to send: stored for getFile and download."""
        file_id = f"file{next(self._ids)}"
        self.files[file_id] = (data, f"documents/{file_id}_{file_name}")
        return {"file_id": file_id, "file_unique_id": f"u{file_id}", "file_name": file_name,
                "mime_type": mime_type, "file_size": len(data)}

    def fail(self, method: str, status: int, retry_after: int | None = None, delay: float = 0.0,
             times: int = 1) -> None:
        """The next `times` calls of `method` fail with `status` (0 = answer normally, after `delay` s)."""
        with self.cond:
            self.failures.append(Failure(method.lower(), status, retry_after, delay, times))

    def _push(self, update: dict) -> dict:
        with self.cond:
            update["update_id"] = next(self._ids)
            self.updates.append(update)
            self.cond.notify_all()
        return update

    # --- what tests look at ------------------------------------------------------------------------------

    def wait_for(self, predicate, timeout: float = 30.0) -> Call:
        """Block until a recorded call satisfies `predicate`; tests call it through asyncio.to_thread."""
        deadline = time.monotonic() + timeout
        with self.cond:
            while True:
                for call in self.calls:
                    if predicate(call):
                        return call
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise TimeoutError(f"no matching call within {timeout} s; calls: "
                                       f"{[(c.method, c.status) for c in self.calls][-15:]}")
                self.cond.wait(remaining)

    def sent(self, chat_id: int | None = None) -> list[Call]:
        with self.cond:
            return [c for c in self.calls if c.method == "sendMessage" and c.status == 200
                    and (chat_id is None or int(c.params["chat_id"]) == chat_id)]

    def refused(self) -> list[Call]:
        """Calls Telegram would have refused for the bot's own mistakes (not injected failures)."""
        with self.cond:
            return [c for c in self.calls if c.status in (400, 404, 409)]

    # --- HTTP -------------------------------------------------------------------------------------------

    def _handler(self):
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # headers and body go out in separate writes: no 40 ms ACK waits

            def do_GET(self):
                self._route()

            def do_POST(self):
                self._route()

            def _route(self):
                path = unquote(urlsplit(self.path).path)
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                file_prefix = f"/file/bot{server.token}/"
                if path.startswith(file_prefix):
                    found = [d for d, p in server.files.values() if p == path[len(file_prefix):]]
                    return self._send(200 if found else 404, found[0] if found else b"Not Found", "text/plain")
                match = re.fullmatch(r"/bot([^/]+)/(\w+)", path)
                if not match:
                    return self._json(404, {"ok": False, "error_code": 404, "description": "Not Found"})
                if match.group(1) != server.token:
                    return self._json(401, {"ok": False, "error_code": 401, "description": "Unauthorized"})
                params = dict(parse_qsl(urlsplit(self.path).query))
                params.update(body_params(self.headers.get("Content-Type", ""), body))
                status, payload = server._call(match.group(2), params)
                self._json(status, payload)

            def _json(self, status, payload):
                self._send(status, json.dumps(payload).encode(), "application/json")

            def _send(self, status, data, content_type):
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", content_type)
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up on a long poll while stopping

            def log_message(self, *args):
                pass

        return Handler

    def _call(self, method: str, raw: dict) -> tuple[int, dict]:
        spec = self.schema.methods.get(method.lower())
        call = Call(spec["name"] if spec else method, raw)
        try:
            if spec is None:
                raise ApiError(404, "Not Found")
            params, call.unknown_params = self.schema.validate(spec, raw)
            call.params = params
            self._inject_failure(method.lower())
            self._flood_control(method.lower())
            if method.lower() not in IMPLEMENTED:
                raise ApiError(501, f"fake Bot API: {spec['name']} is not implemented")
            call.result = getattr(self, "_m_" + method.lower())(params)
        except ApiError as exc:
            call.status, call.error = exc.code, exc.description
            payload = {"ok": False, "error_code": exc.code, "description": exc.description}
            if exc.retry_after is not None:
                payload["parameters"] = {"retry_after": exc.retry_after}
            self._record(call)
            return exc.code, payload
        self._record(call)
        return 200, {"ok": True, "result": call.result}

    def _record(self, call: Call) -> None:
        with self.cond:
            self.calls.append(call)
            self.cond.notify_all()

    def _flood_control(self, method: str) -> None:
        if self.flood_limit is None or method not in ("sendmessage", "editmessagetext"):
            return
        now = time.monotonic()
        with self.cond:
            while self._recent_sends and self._recent_sends[0] <= now - 1.0:
                self._recent_sends.popleft()
            if len(self._recent_sends) >= self.flood_limit:
                raise ApiError(429, "Too Many Requests: retry after 1", 1)
            self._recent_sends.append(now)

    def add_chat(self, chat_id: int, chat_type: str = "private") -> None:
        """A chat the bot can write to, without a message from it."""
        with self.cond:
            self.chats[chat_id] = {"id": chat_id, "type": chat_type, "first_name": "Reader"}

    def _inject_failure(self, method: str) -> None:
        with self.cond:
            failure = next((f for f in self.failures if f.method == method and f.times > 0), None)
            if failure:
                failure.times -= 1
        if failure is None:
            return
        if failure.delay:
            self.delaying.set()
            self._stop.wait(failure.delay)
            self.delaying.clear()
        if failure.status == 429:
            raise ApiError(429, f"Too Many Requests: retry after {failure.retry_after}", failure.retry_after)
        if failure.status == 403:
            raise ApiError(403, "Forbidden: bot was blocked by the user")
        if failure.status >= 500:
            raise ApiError(failure.status, "Internal Server Error")

    # --- methods ------------------------------------------------------------------------------------------

