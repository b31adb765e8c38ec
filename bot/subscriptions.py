"""Handlers for daily digests: /subscribe, /unsubscribe, /settings, /digest and their buttons.
In groups only the chat's admins change the subscription; the digest goes to the forum topic it was set up in."""

from __future__ import annotations

from dataclasses import replace
from zoneinfo import ZoneInfo

from telegram import Update
from telegram.constants import ChatMemberStatus, ChatType
from telegram.ext import ContextTypes

from index import Subscription

from . import jobs
from .digest import ArgumentError, Schedule, next_delivery, parse_subscription, parse_time, parse_zone
from .handlers import send, services
from .render import Button, Reply, escape
from .sending import keyboard

SETTINGS_HELP = ("Change one thing at a time: <code>/settings time 08:00</code>, <code>/settings zone "
                 "America/New_York</code>, <code>/settings topics energy ukraine</code> (or "
                 "<code>source:bbc</code> for one outlet, or <code>none</code>), "
                 "<code>/settings quiet off</code> (say so when nothing is new).")


async def _may_change(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    """Anyone in a private chat; in groups, the chat's admins (asked of Telegram each time)."""
    chat, user = update.effective_chat, update.effective_user
    if chat.type == ChatType.PRIVATE:
        return True
    member = await context.bot.get_chat_member(chat.id, user.id)
    if member.status in (ChatMemberStatus.OWNER, ChatMemberStatus.ADMINISTRATOR):
        return True
    if update.callback_query:
        await update.callback_query.answer("Only this chat's admins can change its digest.")
    else:
        await send(update.effective_message, [Reply("Only this chat's admins can change its digest.")])
    return False


def describe(sub: Subscription, now) -> str:
    due = next_delivery(sub.at, sub.tz, now).astimezone(ZoneInfo(sub.tz))
    topics = ", ".join(sub.topics) if sub.topics else "all news"
    quiet = "nothing" if sub.quiet else "a short note"
    return (f"Daily digest at <b>{sub.at}</b> ({escape(sub.tz)}), next on {due:%a %d %b}. Topics: "
            f"{escape(topics)}. When nothing is new: {quiet}.")


def _buttons(sub: Subscription) -> tuple[tuple[Button, ...], ...]:
    quiet = "Say when nothing is new" if sub.quiet else "Stay quiet when nothing is new"
    return ((Button(quiet, callback="quiet"), Button("Unsubscribe", callback="unsub")),)


async def subscribe(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services(context)
    if not await _may_change(update, context):
        return
    message = update.effective_message
    existing = svc.library.store.subscription(message.chat_id)
    default = Schedule(existing.at, existing.tz, existing.topics) if existing else Schedule(
        svc.settings.digest_time, svc.settings.timezone)
    try:
        schedule = parse_subscription(list(context.args or []), default)
    except ArgumentError as exc:
        await send(message, [Reply(escape(str(exc)))])
        return
    sub = Subscription(chat_id=message.chat_id, at=schedule.at, tz=schedule.tz, topics=schedule.topics,
                       thread_id=message.message_thread_id if message.is_topic_message else None,
                       quiet=existing.quiet if existing else True)
    await _save(update, context, sub, "Subscribed. ")


async def _save(update: Update, context: ContextTypes.DEFAULT_TYPE, sub: Subscription, prefix: str) -> None:
    svc = services(context)
    svc.library.store.subscribe(sub)
    saved = svc.library.store.subscription(sub.chat_id)
    jobs.schedule(context.application, saved, svc.clock())
    reply = Reply(prefix + describe(saved, svc.clock()) + "\n" + SETTINGS_HELP, _buttons(saved))
    await send(update.effective_message, [reply])


async def unsubscribe(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if not await _may_change(update, context):
        return
    chat_id = update.effective_chat.id
    removed = services(context).library.store.unsubscribe(chat_id)
    jobs.unschedule(context.application, chat_id)
    text = "Unsubscribed: no more digests here." if removed else "This chat has no digest subscription."
    await send(update.effective_message, [Reply(text)])


async def settings(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services(context)
    message = update.effective_message
    sub = svc.library.store.subscription(message.chat_id)
    args = list(context.args or [])
    if not args:
        if sub is None:
            await send(message, [Reply("No digest here yet. Start one with <code>/subscribe 07:30 Europe/Warsaw"
                                       "</code> (time, zone and topics are optional).")])
        else:
            await send(message, [Reply(describe(sub, svc.clock()) + "\n" + SETTINGS_HELP, _buttons(sub))])
        return
    if not await _may_change(update, context):
        return
    if sub is None:
        await send(message, [Reply("Subscribe first: <code>/subscribe 07:30 Europe/Warsaw</code>.")])
        return
    what, values = args[0].lower(), args[1:]
    try:
        if not values:
            raise ArgumentError(f"“{what}” needs a value.")
        if what == "time":
            sub = replace(sub, at=parse_time(values[0]))
        elif what in ("zone", "timezone", "tz"):
            sub = replace(sub, tz=parse_zone(values[0]))
        elif what == "topics":
            topics = () if values == ["none"] else tuple(dict.fromkeys(v.lower()[:40] for v in values))[:10]
            sub = replace(sub, topics=topics)
        elif what == "quiet" and values[0].lower() in ("on", "off"):
            sub = replace(sub, quiet=values[0].lower() == "on")
        else:
            raise ArgumentError(f"I can't change “{what} {' '.join(values)}”.")
    except ArgumentError as exc:
        await send(message, [Reply(escape(str(exc)) + "\n" + SETTINGS_HELP)])
        return
    await _save(update, context, sub, "Changed. ")


async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The digest's "Unsubscribe" and the settings' "quiet" toggle."""
    query = update.callback_query
    if not await _may_change(update, context):
        return
    svc = services(context)
    sub = svc.library.store.subscription(query.message.chat.id)
    if query.data == "unsub":
        if sub is not None:
            svc.library.store.unsubscribe(sub.chat_id)
            jobs.unschedule(context.application, sub.chat_id)
        await query.answer("Unsubscribed: no more digests here.")
        await query.edit_message_reply_markup(None)
        return
    if sub is None:
        await query.answer("This chat has no digest subscription.")
        return
    sub = replace(sub, quiet=not sub.quiet)
    svc.library.store.subscribe(sub)
    await query.answer("Saved.")
    await query.edit_message_text(describe(sub, svc.clock()) + "\n" + SETTINGS_HELP, parse_mode="HTML",
                                  reply_markup=keyboard(_buttons(sub)))
