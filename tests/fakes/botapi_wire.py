"""What reaches the fake Bot API over HTTP and how it is checked: the request body (JSON, a form, or multipart
with uploaded files) and every parameter against api.json (../shared/telegram-bot-api): a missing required field
or a value of the wrong type (objects checked field by field) is refused with Telegram's 400."""

from __future__ import annotations

import email.parser
import email.policy
import json
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl

API_JSON = Path(__file__).resolve().parents[3] / "shared" / "telegram-bot-api" / "api.json"


@dataclass(frozen=True)
class Upload:
    """A file sent in a multipart request."""

    filename: str
    data: bytes


class ApiError(Exception):
    def __init__(self, code: int, description: str, retry_after: int | None = None):
        super().__init__(description)
        self.code, self.description, self.retry_after = code, description, retry_after


class Schema:
    """The Bot API's methods and types, from api.json."""

    def __init__(self, path: Path = API_JSON):
        spec = json.loads(path.read_text(encoding="utf-8"))
        self.methods = {name.lower(): m for name, m in spec["methods"].items()}
        self.types = spec["types"]

    def validate(self, spec: dict, raw: dict) -> tuple[dict, list[str]]:
        """(the parameters decoded, the names api.json does not know); ApiError(400) as Telegram answers."""
        fields = {f["name"]: f for f in spec.get("fields", [])}
        unknown = [name for name in raw if name not in fields]
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
        return params, unknown

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


def body_params(content_type: str, body: bytes) -> dict:
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
