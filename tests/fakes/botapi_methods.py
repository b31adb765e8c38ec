"""The Bot API methods the fake server implements, each as strict as Telegram: unknown chats, messages, files
and query ids, malformed HTML, over-long texts, bad buttons and unchanged edits are refused with Telegram's
errors. A mixin of `FakeBotAPI`, whose state (chats, messages, files, …) it reads and writes under `cond`."""

from __future__ import annotations

import json
import re
import time

from tests.fakes.botapi_wire import ApiError, Upload
from tests.fakes.telegram_html import ParseError, parse, utf16

BOT = {"id": 123456, "is_bot": True, "first_name": "Brief", "username": "brief_test_bot",
       "can_join_groups": True, "can_read_all_group_messages": False, "supports_inline_queries": False}
IMPLEMENTED = {"getme", "getupdates", "deletewebhook", "setwebhook", "getwebhookinfo", "setmycommands", "sendmessage",
               "editmessagetext", "editmessagereplymarkup", "answercallbackquery", "sendchataction", "getfile",
               "close", "logout", "getchatmember", "senddocument", "answerinlinequery"}


class BotApiMethods:
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
