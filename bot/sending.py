"""Sending replies to a chat: HTML parse mode, keyboards, forum topics, no link previews, and the retry
rule shared by answers and digests."""

from __future__ import annotations

import asyncio
import logging

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, LinkPreviewOptions
from telegram.constants import ParseMode
from telegram.error import NetworkError, TimedOut

from .render import Reply

log = logging.getLogger(__name__)
_NO_PREVIEW = LinkPreviewOptions(is_disabled=True)  # quotes carry their links; previews would bury them
ATTEMPTS = 3


def keyboard(rows) -> InlineKeyboardMarkup | None:
    """Our buttons as Telegram's inline keyboard (None for no buttons)."""
    rows = [row for row in rows if row]
    if not rows:
        return None
    return InlineKeyboardMarkup([[InlineKeyboardButton(b.text, url=b.url, callback_data=b.callback) for b in row]
                                 for row in rows])


async def send_replies(bot: Bot, chat_id: int, replies: list[Reply], thread_id: int | None = None,
                       reply_to: int | None = None) -> None:
    """Send replies in order; the first may answer a message.

    A 429 is waited out by the application's rate limiter. A server error (5xx, connection refused) is
    retried twice with backoff: Telegram did not take the message. A timeout is not retried, since the
    message may have arrived and must not arrive twice; the caller's error handling logs it."""
    for i, reply in enumerate(replies):
        markup = keyboard(reply.buttons)
        for attempt in range(ATTEMPTS):
            try:
                await bot.send_message(chat_id=chat_id, text=reply.html, parse_mode=ParseMode.HTML,
                                       reply_markup=markup, message_thread_id=thread_id,
                                       reply_to_message_id=reply_to if i == 0 else None,
                                       link_preview_options=_NO_PREVIEW)
                break
            except NetworkError as exc:
                if isinstance(exc, TimedOut) or attempt == ATTEMPTS - 1:
                    raise
                log.warning("sending to chat %s failed (%s); retrying", chat_id, exc)
                await asyncio.sleep(0.5 * 2**attempt)
