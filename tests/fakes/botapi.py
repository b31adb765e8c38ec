"""A fake Telegram Bot API server on 127.0.0.1, strict like the real one, for driving the real
python-telegram-bot over HTTP.

- Every call is checked against api.json (../shared/telegram-bot-api): unknown method -> 404, missing
  required field or a value of the wrong type (objects checked field by field) -> 400 with Telegram's shape.
- HTML parse mode is parsed with Telegram's rules (telegram_html.py); text is measured in UTF-16 after parsing.
- getUpdates is real long polling; files can be uploaded by "users" and downloaded by the bot.
- Every call is recorded (`calls`); failures can be queued (429 with retry_after, 500, 403, a slow answer).
Tests push updates with `user_message` / `press` and wait with `wait_for` (events, not sleeps).
"""

from __future__ import annotations

import collections
import email.parser
import email.policy
import itertools
import json
import re
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

from tests.fakes.telegram_html import ParseError, parse, utf16

API_JSON = Path(__file__).resolve().parents[3] / "shared" / "telegram-bot-api" / "api.json"
TOKEN = "123456:TEST-token-never-logged-abcdefghijklmnop"
BOT = {"id": 123456, "is_bot": True, "first_name": "Brief", "username": "brief_test_bot",
       "can_join_groups": True, "can_read_all_group_messages": False, "supports_inline_queries": False}
IMPLEMENTED = {"getme", "getupdates", "deletewebhook", "setwebhook", "getwebhookinfo", "setmycommands", "sendmessage",
               "editmessagetext", "editmessagereplymarkup", "answercallbackquery", "sendchataction", "getfile",
               "close", "logout", "getchatmember", "senddocument", "answerinlinequery"}


@dataclass(frozen=True)
class Upload:
    """A file sent in a multipart request."""

    filename: str
    data: bytes


class ApiError(Exception):
    def __init__(self, code: int, description: str, retry_after: int | None = None):
        super().__init__(description)
        self.code, self.description, self.retry_after = code, description, retry_after


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


class FakeBotAPI:
    def __init__(self, token: str = TOKEN, flood_limit: int | None = None):
        """`flood_limit`: refuse messages beyond this many a second in all with a 429, as Telegram does."""
        self.token = token
        self.flood_limit = flood_limit
        self._recent_sends: collections.deque[float] = collections.deque()
        spec = json.loads(API_JSON.read_text(encoding="utf-8"))
        self.methods = {name.lower(): m for name, m in spec["methods"].items()}
        self.types = spec["types"]
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
                     thread_id: int | None = None, first_name: str = "Ann", via_bot: dict | None = None) -> dict:
        user = {"id": user_id, "is_bot": False, "first_name": first_name}
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
                params.update(_body_params(self.headers.get("Content-Type", ""), body))
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
        spec = self.methods.get(method.lower())
        call = Call(spec["name"] if spec else method, raw)
        try:
            if spec is None:
                raise ApiError(404, "Not Found")
            params = call.params = self._validate(spec, raw, call)
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

    # --- validation against api.json ----------------------------------------------------------------------

    def _validate(self, spec: dict, raw: dict, call: Call) -> dict:
        fields = {f["name"]: f for f in spec.get("fields", [])}
        call.unknown_params = [name for name in raw if name not in fields]
        params = {}
        for name, f in fields.items():
            if name not in raw or raw[name] in ("", None):
                if f["required"]:
                    raise ApiError(400, "Bad Request: message text is empty" if name == "text"
                                   else f"Bad Request: {name} is empty")
                continue
            value = raw[name]
            ok, decoded = self._check(value, f["types"], depth=0)
            if not ok:
                raise ApiError(400, f"Bad Request: can't parse {name}: wrong type, expected {' or '.join(f['types'])}")
            params[name] = decoded
        return params

    def _check(self, value, types: list[str], depth: int):
        for type_name in types:
            ok, decoded = self._check_one(value, type_name, depth)
            if ok:
                return True, decoded
        return False, None

    def _check_one(self, value, type_name: str, depth: int):
        if type_name.startswith("Array of "):
            if isinstance(value, str):
                try:
                    value = json.loads(value)
                except json.JSONDecodeError:
                    return False, None
            if not isinstance(value, list):
                return False, None
            items = [self._check(v, [type_name[len("Array of "):]], depth + 1) for v in value]
            return all(ok for ok, _ in items), [d for _, d in items]
        if type_name == "Integer":
            if isinstance(value, bool):
                return False, None
            if isinstance(value, int):
                return True, value
            return (True, int(value)) if isinstance(value, str) and re.fullmatch(r"-?\d+", value) else (False, None)
        if type_name in ("Float", "Float number"):
            try:
                return not isinstance(value, bool), float(value)
            except (TypeError, ValueError):
                return False, None
        if type_name == "Boolean":
            if isinstance(value, bool):
                return True, value
            return (True, value == "true") if value in ("true", "false") else (False, None)
        if type_name == "String":
            return (True, value) if isinstance(value, str) else (True, str(value)) if depth == 0 and \
                isinstance(value, int | float) and not isinstance(value, bool) else (False, None)
        if type_name == "InputFile":
            return True, value
        spec = self.types.get(type_name)
        if spec is None:
            return False, None
        if isinstance(value, str):
            try:
                value = json.loads(value)
            except json.JSONDecodeError:
                return False, None
        if "subtypes" in spec:
            return self._check(value, spec["subtypes"], depth)
        if not isinstance(value, dict):
            return False, None
        fields = {f["name"]: f for f in spec.get("fields", [])}
        if any(name not in fields for name in value):
            return False, None
        for name, f in fields.items():
            if name not in value:
                if f["required"]:
                    return False, None
                continue
            ok, _ = self._check(value[name], f["types"], depth + 1)
            if not ok:
                return False, None
        return True, value

    # --- methods ------------------------------------------------------------------------------------------

    def _m_getme(self, p):
        return {**BOT, "supports_inline_queries": self.inline_mode}

    def _m_deletewebhook(self, p):
        with self.cond:
            self.webhook = None
        return True

    def _m_setwebhook(self, p):
        if not p["url"]:
            return self._m_deletewebhook(p)
        if not p["url"].startswith("https://"):
            raise ApiError(400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook")
        secret = p.get("secret_token")
        if secret is not None and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", secret):
            raise ApiError(400, "Bad Request: secret token contains unallowed characters")
        with self.cond:
            self.webhook = p
        return True

    def _m_getwebhookinfo(self, p):
        with self.cond:
            info = {"url": self.webhook["url"] if self.webhook else "", "has_custom_certificate": False,
                    "pending_update_count": 0}
            if self.webhook and self.webhook_error:
                date, message, pending = self.webhook_error
                info.update(last_error_date=date, last_error_message=message, pending_update_count=pending)
        return info

    def _m_close(self, p):
        return True

    def _m_logout(self, p):
        return True

    def _m_setmycommands(self, p):
        for command in p["commands"]:
            if not re.fullmatch(r"[a-z0-9_]{1,32}", command["command"]) or not 1 <= len(command["description"]) <= 256:
                raise ApiError(400, "Bad Request: BOT_COMMAND_INVALID")
        scope = p.get("scope") or {"type": "default"}
        if "chat_id" in scope:
            with self.cond:
                if int(scope["chat_id"]) not in self.chats:
                    raise ApiError(400, "Bad Request: chat not found")
        with self.cond:
            self.commands[json.dumps(scope, sort_keys=True)] = [c["command"] for c in p["commands"]]
        return True

    def menu(self, chat_id: int | None = None) -> list[str] | None:
        """The command menu set for one chat (or the default one), as Telegram would show it."""
        scope = {"type": "default"} if chat_id is None else {"type": "chat", "chat_id": chat_id}
        with self.cond:
            return self.commands.get(json.dumps(scope, sort_keys=True))

    def _m_getupdates(self, p):
        if self.webhook is not None:
            raise ApiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook "
                                "to delete the webhook first")
        offset, limit, timeout = p.get("offset", 0), p.get("limit", 100), p.get("timeout", 0)
        deadline = time.monotonic() + timeout
        with self.cond:
            self.updates = [u for u in self.updates if u["update_id"] >= offset]
            while not self.updates and not self._stop.is_set():
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    break
                self.cond.wait(min(remaining, 1.0))
            return self.updates[:limit]

    def _chat(self, chat_id) -> dict:
        chat = self.chats.get(int(chat_id))
        if chat is None:
            raise ApiError(400, "Bad Request: chat not found")
        if int(chat_id) in self.blocked:
            raise ApiError(403, "Forbidden: bot was blocked by the user")
        return chat

    def _text(self, p) -> tuple[str, list[dict]]:
        text = p["text"]
        entities = []
        if p.get("parse_mode") == "HTML":
            try:
                text, entities = parse(text)
            except ParseError as exc:
                raise ApiError(400, f"Bad Request: can't parse entities: {exc}") from None
        elif p.get("parse_mode") not in (None, ""):
            raise ApiError(400, "Bad Request: unsupported parse_mode in the fake server")
        stripped = text.strip()
        if not stripped:
            raise ApiError(400, "Bad Request: message text is empty")
        if utf16(stripped) > 4096:
            raise ApiError(400, "Bad Request: message is too long")
        return text, entities

    def _markup(self, markup) -> None:
        for row in (markup or {}).get("inline_keyboard", []):
            for button in row:
                data = button.get("callback_data")
                if data is not None and not 1 <= len(data.encode()) <= 64:
                    raise ApiError(400, "Bad Request: BUTTON_DATA_INVALID")
                if "url" in button and not re.match(r"(https?|tg)://", button["url"]):
                    raise ApiError(400, "Bad Request: BUTTON_URL_INVALID")

    def _m_sendmessage(self, p):
        chat = self._chat(p["chat_id"])
        text, entities = self._text(p)
        self._markup(p.get("reply_markup"))
        reply_to = (p.get("reply_parameters") or {}).get("message_id") or p.get("reply_to_message_id")
        if reply_to and (chat["id"], int(reply_to)) not in self.messages:
            raise ApiError(400, "Bad Request: message to be replied not found")
        message = {"message_id": next(self._ids), "date": int(time.time()), "chat": chat, "from": BOT, "text": text}
        if entities:
            message["entities"] = entities
        if p.get("reply_markup"):
            message["reply_markup"] = p["reply_markup"]
        if p.get("message_thread_id"):
            message["message_thread_id"] = p["message_thread_id"]
            message["is_topic_message"] = True
        with self.cond:
            self.messages[(chat["id"], message["message_id"])] = message
        return message

    def _m_senddocument(self, p):
        chat = self._chat(p["chat_id"])
        document = p["document"]
        if isinstance(document, Upload):
            if not document.data:
                raise ApiError(400, "Bad Request: file must be non-empty")
            if len(document.data) > 50 * 1024 * 1024:
                raise ApiError(413, "Request Entity Too Large")
            sent = self.add_file(document.data, document.filename or "document")
        elif isinstance(document, str) and document in self.files:
            data, path = self.files[document]
            sent = {"file_id": document, "file_unique_id": f"u{document}", "file_name": path.split("_", 1)[-1],
                    "file_size": len(data)}
        else:
            raise ApiError(400, "Bad Request: wrong file identifier/HTTP URL specified")
        message = {"message_id": next(self._ids), "date": int(time.time()), "chat": chat, "from": BOT,
                   "document": sent}
        if p.get("caption"):
            caption, entities = self._text({"text": p["caption"], "parse_mode": p.get("parse_mode")})
            if utf16(caption.strip()) > 1024:
                raise ApiError(400, "Bad Request: message caption is too long")
            message["caption"] = caption
            if entities:
                message["caption_entities"] = entities
        with self.cond:
            self.messages[(chat["id"], message["message_id"])] = message
        return message

    def _existing(self, p) -> dict:
        chat = self._chat(p["chat_id"])
        message = self.messages.get((chat["id"], int(p["message_id"])))
        if message is None or message["from"]["id"] != BOT["id"]:
            raise ApiError(400, "Bad Request: message to edit not found")
        return message

    def _m_editmessagetext(self, p):
        message = self._existing(p)
        text, entities = self._text(p)
        self._markup(p.get("reply_markup"))
        if text == message["text"] and p.get("reply_markup") == message.get("reply_markup"):
            raise ApiError(400, "Bad Request: message is not modified: specified new message content and reply "
                                "markup are exactly the same as a current content and reply markup of the message")
        message.update(text=text, entities=entities)
        message.pop("reply_markup", None)
        if p.get("reply_markup"):
            message["reply_markup"] = p["reply_markup"]
        return message

    def _m_editmessagereplymarkup(self, p):
        message = self._existing(p)
        self._markup(p.get("reply_markup"))
        if p.get("reply_markup") == message.get("reply_markup"):
            raise ApiError(400, "Bad Request: message is not modified")
        message.pop("reply_markup", None)
        if p.get("reply_markup"):
            message["reply_markup"] = p["reply_markup"]
        return message

    def _m_answercallbackquery(self, p):
        if p["callback_query_id"] not in self.callback_ids:
            raise ApiError(400, "Bad Request: query is too old and response timeout expired or query ID is invalid")
        if len(p.get("text", "")) > 200:
            raise ApiError(400, "Bad Request: MESSAGE_TOO_LONG")
        self.callback_ids.discard(p["callback_query_id"])
        return True

    def _m_answerinlinequery(self, p):
        """As Telegram: each query answered once, at most 50 results with distinct ids of 1-64 bytes, every
        message they send parsed and within the limits."""
        if p["inline_query_id"] not in self.inline_ids:
            raise ApiError(400, "Bad Request: query is too old and response timeout expired or query ID is invalid")
        results = p["results"]
        ids = [r["id"] for r in results]
        if len(results) > 50:
            raise ApiError(400, "Bad Request: RESULTS_TOO_MUCH")
        if len(set(ids)) != len(ids) or not all(1 <= len(i.encode()) <= 64 for i in ids):
            raise ApiError(400, "Bad Request: RESULT_ID_INVALID")
        for result in results:
            content = result.get("input_message_content") or {}
            if "message_text" in content:
                self._text({"text": content["message_text"], "parse_mode": content.get("parse_mode")})
            self._markup(result.get("reply_markup"))
        button = p.get("button")
        if button is not None and not re.fullmatch(r"[A-Za-z0-9_-]{1,64}", button.get("start_parameter", "")):
            raise ApiError(400, "Bad Request: START_PARAM_INVALID")
        with self.cond:
            self.inline_ids.discard(p["inline_query_id"])
            self.inline_answers[p["inline_query_id"]] = p
        return True

    def _m_sendchataction(self, p):
        self._chat(p["chat_id"])
        if p["action"] not in ("typing", "upload_photo", "record_video", "upload_video", "record_voice",
                               "upload_voice", "upload_document", "choose_sticker", "find_location",
                               "record_video_note", "upload_video_note"):
            raise ApiError(400, "Bad Request: wrong parameter action in request")
        return True

    def _m_getfile(self, p):
        stored = self.files.get(p["file_id"])
        if stored is None:
            raise ApiError(400, "Bad Request: invalid file_id")
        return {"file_id": p["file_id"], "file_unique_id": "u" + p["file_id"], "file_size": len(stored[0]),
                "file_path": stored[1]}

    def _m_getchatmember(self, p):
        """Members listed in `chat_admins` are administrators (every right), everyone else a member."""
        self._chat(p["chat_id"])
        admin = int(p["user_id"]) in self.chat_admins
        kind = "ChatMemberAdministrator" if admin else "ChatMemberMember"
        member = {f["name"]: True for f in self.types[kind]["fields"] if f["types"] == ["Boolean"] and f["required"]}
        member.update(status="administrator" if admin else "member",
                      user={"id": int(p["user_id"]), "is_bot": False, "first_name": "U"})
        return member


def _body_params(content_type: str, body: bytes) -> dict:
    if not body:
        return {}
    if content_type.startswith("application/json"):
        return json.loads(body)
    if content_type.startswith("application/x-www-form-urlencoded"):
        return dict(parse_qsl(body.decode(), keep_blank_values=True))
    if content_type.startswith("multipart/form-data"):
        message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
            b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + body)
        params = {}
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            payload = part.get_payload(decode=True)
            params[name] = Upload(part.get_filename(), payload) if part.get_filename() else payload.decode()
        return params
    raise ApiError(400, f"Bad Request: unsupported content type {content_type}")
