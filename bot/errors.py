"""The one error handler: log the error with what it was handling (never the token), then a short apology."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import Forbidden, NetworkError, RetryAfter, TimedOut
from telegram.ext import ContextTypes

log = logging.getLogger("bot.errors")

APOLOGY = "Sorry, something went wrong on my side. Please try again in a moment."


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    error = context.error
    where = describe_update(update)
    if isinstance(error, Forbidden):
        log.warning("blocked or removed from a chat while handling %s: %s", where, error)
        return
    if isinstance(error, RetryAfter | TimedOut | NetworkError):
        log.warning("Telegram unavailable while handling %s: %s", where, error)
        return
    log.error("error while handling %s", where, exc_info=error)
    if isinstance(update, Update) and update.effective_chat is not None:
        try:
            await context.bot.send_message(update.effective_chat.id, APOLOGY,
                                           message_thread_id=update.effective_message.message_thread_id
                                           if update.effective_message and update.effective_message.is_topic_message
                                           else None)
        except Exception as exc:  # the apology is best effort; the error is logged above
            log.warning("could not send the apology: %s", exc)


def describe_update(update: object) -> str:
    """Enough to find the update again in the logs, without message text (it may be private)."""
    if not isinstance(update, Update):
        return repr(update)[:100]
    kind = ("callback" if update.callback_query else "inline query" if update.inline_query
            else "message" if update.effective_message else "update")
    chat = update.effective_chat.id if update.effective_chat else "-"
    user = update.effective_user.id if update.effective_user else "-"
    return f"{kind} {update.update_id} (chat {chat}, user {user})"
