"""Telegram's HTML parse mode, as strict as Telegram: allowed tags only, well nested, the four named
entities plus numeric ones. Returns the text after parsing and its entities (offsets in UTF-16 units)."""

from __future__ import annotations

import re

TAGS = {"b": "bold", "strong": "bold", "i": "italic", "em": "italic", "u": "underline", "ins": "underline",
        "s": "strikethrough", "strike": "strikethrough", "del": "strikethrough", "span": "spoiler",
        "tg-spoiler": "spoiler", "a": "text_link", "code": "code", "pre": "pre", "blockquote": "blockquote",
        "tg-emoji": "custom_emoji"}
NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_SPECIAL = re.compile(r"[<&]")
_ATTR = re.compile(r"""\s*([a-zA-Z-]+)\s*(?:=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?""")


class ParseError(ValueError):
    """The text Telegram would refuse with "Bad Request: can't parse entities: ..."."""


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def parse(source: str) -> tuple[str, list[dict]]:
    out: list[str] = []
    length = 0  # UTF-16 units emitted so far
    stack: list[tuple[str, int, dict]] = []
    entities: list[dict] = []
    i = 0
    while i < len(source):
        ch = source[i]
        if ch not in "<&":  # a run of plain text up to the next tag or entity
            stop = _SPECIAL.search(source, i)
            run = source[i : stop.start() if stop else len(source)]
            out.append(run)
            length += utf16(run)
            i += len(run)
            continue
        offset = len(source[:i].encode())  # Telegram reports positions in bytes
        if ch == "<":
            end = source.find(">", i)
            if end < 0:
                raise ParseError(f"Can't find end of the tag starting at byte offset {offset}")
            inner = source[i + 1 : end]
            if inner.startswith("/"):
                name = inner[1:].strip().lower()
                if not stack:
                    raise ParseError(f'Unexpected end tag at byte offset {offset}')
                open_name, start, attrs = stack.pop()
                if name != open_name:
                    raise ParseError(f'Unmatched end tag at byte offset {offset}, expected "</{open_name}>", '
                                     f'found "</{name}>"')
                entity = {"type": TAGS[open_name], "offset": start, "length": length - start}
                if open_name == "a":
                    entity["url"] = attrs.get("href", "")
                if open_name == "blockquote" and "expandable" in attrs:
                    entity["type"] = "expandable_blockquote"
                if entity["length"] > 0:
                    entities.append(entity)
            else:
                match = re.match(r"([a-zA-Z][a-zA-Z0-9-]*)", inner)
                name = match.group(1).lower() if match else ""
                attrs = {m.group(1).lower(): next((g for g in m.groups()[1:] if g is not None), "")
                         for m in _ATTR.finditer(inner[len(name):]) if m.group(1)}
                if name not in TAGS or name == "span" and attrs.get("class") != "tg-spoiler":
                    raise ParseError(f'Unsupported start tag "{name}" at byte offset {offset}')
                if stack and stack[-1][0] in ("code", "pre") and not (stack[-1][0] == "pre" and name == "code"):
                    raise ParseError(f'Unsupported start tag "{name}" at byte offset {offset}: entities inside '
                                     f'"{stack[-1][0]}" are not allowed')
                if name == "blockquote" and any(s[0] == "blockquote" for s in stack):
                    raise ParseError(f"Nested blockquote at byte offset {offset}")
                if name == "a" and attrs.get("href", "") and not re.match(r"(https?|tg)://", attrs["href"]):
                    raise ParseError(f"Unsupported URL protocol at byte offset {offset}")
                stack.append((name, length, {k: _unescape(v, offset) for k, v in attrs.items()}))
            i = end + 1
            continue
        match = re.match(r"&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);", source[i : i + 12])
        if not match:
            raise ParseError(f"Character entity expected at byte offset {offset}")
        text = _entity(match.group(1), offset)
        i += len(match.group(0))
        out.append(text)
        length += utf16(text)
    if stack:
        raise ParseError(f'Can\'t find end tag corresponding to start tag "{stack[-1][0]}"')
    return "".join(out), entities


def _entity(name: str, offset: int) -> str:
    if name.startswith("#x"):
        return chr(int(name[2:], 16))
    if name.startswith("#"):
        return chr(int(name[1:]))
    if name not in NAMED:
        raise ParseError(f'Unsupported HTML entity "&{name};" at byte offset {offset}')
    return NAMED[name]


def _unescape(value: str, offset: int) -> str:
    return re.sub(r"&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);", lambda m: _entity(m.group(1), offset), value)
