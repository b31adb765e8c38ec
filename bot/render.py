"""Answers and lists as Telegram messages (HTML parse mode) within every Telegram limit, by construction.

Pure functions. Every piece of article text is escaped; a message holds whole quote blocks up to 4096 UTF-16
code units of visible text and far fewer than 100 entities; a block too long for one message is split
between words into several blockquotes, never inside markup.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from index import Answer, Article, Headline, Quote, Story

MAX_TEXT = 4096          # UTF-16 code units after entity parsing
MAX_ENTITIES = 100
_SAFE_TEXT = 3900        # room for the separators between blocks
MAX_TITLE = 200
MAX_CALLBACK_BYTES = 64


@dataclass(frozen=True, slots=True)
class Button:
    text: str
    url: str | None = None
    callback: str | None = None  # at most 64 bytes


@dataclass(frozen=True, slots=True)
class Reply:
    """One message to send: HTML text and an optional keyboard (rows of buttons)."""

    html: str
    buttons: tuple[tuple[Button, ...], ...] = field(default=())


@dataclass(frozen=True, slots=True)
class _Block:
    html: str
    visible: int   # UTF-16 length of the text after parsing
    entities: int


def escape(text: str) -> str:
    return html.escape(text, quote=False)


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def is_web_url(url: str) -> bool:
    return bool(re.match(r"https?://[^\s/]+", url or ""))


def link(text: str, url: str) -> tuple[str, int]:
    """An <a> when the URL is a web address (Telegram refuses others), else the plain text; with its entity count."""
    if is_web_url(url):
        return f'<a href="{html.escape(url, quote=True)}">{escape(text)}</a>', 1
    return escape(text), 0


def source_line(article: Article | Headline, url: str) -> tuple[str, int]:
    """"Title · Outlet · 19 Nov 2019" with the title linked."""
    title = _shorten(article.title or url, MAX_TITLE)
    linked, entities = link(title, url)
    details = [escape(part) for part in (article.source, format_date(article.published)) if part]
    return " · ".join([linked, *details]), entities


def format_date(value: str | None) -> str:
    if not value or not re.match(r"\d{4}-\d{2}-\d{2}", value):
        return ""
    year, month, day = value[:10].split("-")
    months = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
    return f"{int(day)} {months[int(month) - 1]} {year}"


ELISION = "\n…\n"  # between two excerpts of one quote


def quote_blocks(quote: Quote) -> list[_Block]:
    """A quote as a blockquote and its source line; its excerpts in the article's order, an elision mark (…)
    on a line between them. A quote too long for one message becomes several blocks."""
    source, source_entities = source_line(quote.article, quote.link)
    source_visible = utf16_len(html.unescape(re.sub(r"<[^>]+>", "", source)))
    limit = _SAFE_TEXT - source_visible - 2
    pieces: list[str] = []
    for n, excerpt in enumerate(quote.excerpts):
        for k, piece in enumerate(_split_words(excerpt.text, limit)):
            if n and not k and utf16_len(pieces[-1]) + len(ELISION) + utf16_len(piece) <= limit:
                pieces[-1] = f"{pieces[-1]}{ELISION}{piece}"
            else:
                pieces.append(piece)
    blocks = []
    for i, piece in enumerate(pieces):
        last = i == len(pieces) - 1
        text = f"<blockquote>{escape(piece)}</blockquote>" + (f"\n{source}" if last else "")
        visible = utf16_len(piece) + (1 + source_visible if last else 0)
        blocks.append(_Block(text, visible, 1 + (source_entities if last else 0)))
    return blocks


def _split_words(text: str, limit: int) -> list[str]:
    """Pieces of at most `limit` UTF-16 units, cut at spaces where possible (a 5,000-character word is cut)."""
    pieces = []
    while utf16_len(text) > limit:
        cut = limit
        while utf16_len(text[:cut]) > limit:
            cut -= 1
        space = text.rfind(" ", 0, cut)
        cut = space if space > limit // 2 else cut
        pieces.append(text[:cut].rstrip())
        text = text[cut:].lstrip()
    pieces.append(text)
    return [p for p in pieces if p]


def pack(blocks: list[_Block], header: str = "") -> list[str]:
    """Blocks joined by blank lines into as few messages as the limits allow; a header opens the first."""
    messages: list[str] = []
    current, visible, entities = header, utf16_len(html.unescape(re.sub(r"<[^>]+>", "", header))), header.count("</")
    for block in blocks:
        if current and (visible + 2 + block.visible > _SAFE_TEXT or entities + block.entities > MAX_ENTITIES - 5):
            messages.append(current)
            current, visible, entities = "", 0, 0
        current = f"{current}\n\n{block.html}" if current else block.html
        visible += 2 + block.visible
        entities += block.entities
    if current:
        messages.append(current)
    return messages


def answer_replies(answer: Answer, more_callback: str | None = None) -> list[Reply]:
    """The answer's quotes; the last message carries "Full article" and, if there is more, "More"."""
    if not answer.answered:
        return [declined_reply(answer)]
    read = corrected_line(answer)
    return quotes_replies(list(answer.quotes), more_callback, header=f"<i>{escape(read)}</i>" if read else "")


def corrected_line(answer: Answer) -> str:
    """'Read “emplyees” as “employees”.' when words of the question were read as the library spells them."""
    if not answer.corrected:
        return ""
    return "Read " + ", ".join(f"“{typed}” as “{read}”" for typed, read in answer.corrected) + "."


def quotes_replies(quotes: list[Quote], more_callback: str | None = None, header: str = "") -> list[Reply]:
    blocks = [block for quote in quotes for block in quote_blocks(quote)]
    texts = pack(blocks, header)
    row: list[Button] = []
    if quotes and is_web_url(quotes[0].article.url):
        row.append(Button("Full article", url=quotes[0].article.url))
    if more_callback:
        row.append(Button("More", callback=more_callback))
    replies = [Reply(text) for text in texts]
    if row:
        replies[-1] = Reply(replies[-1].html, (tuple(row),))
    return replies


@dataclass(frozen=True, slots=True)
class InlineChoice:
    """One choice of the inline menu ("@bot question" typed in any chat): the headline and a line of the quote
    that the menu shows, and the message sent into that chat when it is picked."""

    title: str
    description: str
    html: str


INLINE_DESCRIPTION = 160  # characters of the quote under the headline; Telegram shows about two lines


def inline_choices(answer: Answer, limit: int = 10) -> list[InlineChoice]:
    """The answer's quotes, then its further passages, each as the message a reader may send: the quote and its
    source line, as in a reply (a quote is at most two excerpts of 700 characters, so it fits one message)."""
    if not answer.answered:
        return []
    choices = []
    for quote in [*answer.quotes, *answer.more][:limit]:
        article = quote.article
        details = " · ".join(part for part in (article.source, format_date(article.published)) if part)
        text = " … ".join(" ".join(e.text.split()) for e in quote.excerpts)
        choices.append(InlineChoice(_shorten(article.title or article.url, MAX_TITLE),
                                    _shorten(f"{details}: {text}" if details else text, INLINE_DESCRIPTION),
                                    "\n\n".join(block.html for block in quote_blocks(quote))))
    return choices


def story_block(story: Story) -> _Block:
    """Headline as a link, the lead quoted, the outlets ("also in: ...") with links to the other articles. An
    outlet's second article on the story (an update, a follow-up) is linked by its headline ("another report:
    …"), as "also in" the outlet already named would tell the reader nothing."""
    headline, entities = link(_shorten(story.headline, MAX_TITLE), story.url)
    first = story.articles[0]
    lines = [f"<b>{headline}</b>"]
    visible = utf16_len(_shorten(story.headline, MAX_TITLE))
    lead = _shorten(story.lead, 600)
    if lead:
        lines.append(f"<blockquote>{escape(lead)}</blockquote>")
        visible += 1 + utf16_len(lead)
        entities += 1
    outlet = escape(" · ".join(p for p in (first.source, format_date(first.published)) if p))
    others, again = [], []
    named = {first.source or first.url}
    for article in story.articles[1:6]:
        if (article.source or article.url) in named:
            text, n = link(_shorten(article.title or article.url, 80), article.url)
            again.append(text)
        else:
            text, n = link(article.source or article.title[:40], article.url)
            others.append(text)
            named.add(article.source or article.url)
        entities += n
    tail = outlet + (f" — also in: {', '.join(others)}" if others else "")
    if again:
        tail += f"{' · ' if others else ' — '}{'another report' if len(again) == 1 else 'other reports'}: " \
            + ", ".join(again)
    if len(story.articles) > 6:
        tail += f" and {len(story.articles) - 6} more"
    if tail:
        lines.append(tail)
        visible += 1 + utf16_len(html.unescape(re.sub(r"<[^>]+>", "", tail)))
    return _Block("\n".join(lines), visible, entities + 1)


def digest_replies(stories: list[Story], title: str, unsubscribe_callback: str | None) -> list[Reply]:
    """The digest: a title, then one block per story, split between stories; the last message carries
    the one-tap unsubscribe button."""
    texts = pack([story_block(s) for s in stories], header=f"<b>{escape(title)}</b>")
    replies = [Reply(t) for t in texts]
    if unsubscribe_callback:
        replies[-1] = Reply(replies[-1].html, ((Button("Unsubscribe", callback=unsubscribe_callback),),))
    return replies


def declined_line(answer: Answer) -> str:
    """"Nothing in the library answers that.", naming the reader's filters when there were some, the names no
    article holds or the measure the nearest article never gives when that is why."""
    where = f"the library ({answer.filters})" if answer.filters else "the library"
    if answer.unknown:
        return f"Nothing in {where} mentions {' or '.join(answer.unknown)}."
    if answer.lacking:
        return f"Nothing in {where} answers that: the nearest article does not give {answer.lacking}."
    return f"Nothing in {where} answers that."


def declined_reply(answer: Answer) -> Reply:
    lines = [f"<i>{escape(corrected_line(answer))}</i>"] if answer.corrected else []
    lines.append(escape(declined_line(answer)))
    if answer.related:
        lines.append("\nThe nearest articles:")
        lines += ["• " + source_line(h, h.url)[0] for h in answer.related]
    return Reply("\n".join(lines))


def headlines_reply(title: str, articles: list[Article], empty: str) -> Reply:
    if not articles:
        return Reply(escape(empty))
    lines = [f"<b>{escape(title)}</b>"] + ["• " + source_line(a, a.url)[0] for a in articles]
    return Reply("\n".join(lines))


def plain(text: str, limit: int = _SAFE_TEXT) -> list[Reply]:
    """Plain text (escaped) in as many messages as it needs."""
    return [Reply(escape(piece)) for piece in _split_lines(text, limit)]


def _split_lines(text: str, limit: int) -> list[str]:
    out, current = [], ""
    for line in text.split("\n"):
        for piece in _split_words(line, limit) or [""]:
            if current and utf16_len(current) + 1 + utf16_len(piece) > limit:
                out.append(current)
                current = piece
            else:
                current = f"{current}\n{piece}" if current else piece
    if current.strip():
        out.append(current)
    return out or ["(empty)"]


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def as_terminal_text(reply: Reply) -> str:
    """A reply for a terminal: quotes indented with a bar, links after their text, buttons as a last line."""
    text = re.sub(r"<blockquote>(.*?)</blockquote>",
                  lambda m: "\n".join("│ " + line for line in m.group(1).split("\n")), reply.html, flags=re.S)
    text = re.sub(r'<a href="([^"]*)">(.*?)</a>', lambda m: f"{m.group(2)} <{html.unescape(m.group(1))}>", text)
    text = html.unescape(re.sub(r"</?(?:b|i|u|s|code|pre)>", "", text))
    buttons = [f"[{b.text}]" + (f" {b.url}" if b.url else "") for row in reply.buttons for b in row]
    return text + ("\n" + "  ".join(buttons) if buttons else "")
