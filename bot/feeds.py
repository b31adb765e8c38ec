"""Feeds in the bot: `/feed add|list|remove|export` for admins, OPML uploads, and polling on the JobQueue.

One repeating job looks every minute for feeds that are due (each feed keeps its own jittered time in
SQLite, so a restart loses no schedule) and polls them in a worker thread; a poll still running when the
next tick comes is not doubled. A feed added from a chat is polled at once and the outcome told to that chat.
"""

from __future__ import annotations

import asyncio
import logging

from telegram import InputFile, Update
from telegram.ext import Application, ContextTypes

from index import BriefbotError, describe_feed, describe_interval, parse_interval

from . import render
from .handlers import admin_only, send, services
from .render import Reply
from .sending import send_replies
from .services import Services

log = logging.getLogger(__name__)

TICK_SECONDS = 60
USAGE = ("<b>Feeds</b> (admins)\n"
         "<code>/feed add URL</code> — follow an RSS or Atom feed; <code>/feed add URL every 2h</code> sets how "
         "often it is polled (5m to 7d)\n"
         "<code>/feed list</code> — the feeds followed, with any error\n"
         "<code>/feed remove URL</code> — stop following one (its articles stay)\n"
         "<code>/feed export</code> — the list as OPML; send an <code>.opml</code> file to import one")


def start_polling(application: Application) -> None:
    """The repeating job that polls due feeds (at start-up, after the library is open)."""
    application.job_queue.run_repeating(poll_job, interval=TICK_SECONDS, first=5, name="feeds")


async def poll_job(context: ContextTypes.DEFAULT_TYPE) -> None:
    svc: Services = context.application.bot_data["services"]
    report_to = (context.job.data or {}).get("chat_id") if context.job else None
    if svc.feed_poll.locked():
        if report_to is not None:  # a poll is under way; the new feed is due and goes in with the next tick
            await _tell(context, report_to, "A poll is under way; the new feed is read within a minute.")
        return
    async with svc.feed_poll:
        try:
            reports = await asyncio.to_thread(svc.feeds.poll_due)
        except Exception:
            log.exception("polling the feeds failed; the next tick tries again")
            return
    for report in reports:
        log.info("feed poll: %s", report.describe())
    if report_to is not None:
        await _tell(context, report_to, "\n".join(r.describe() for r in reports) or "Nothing was due.")


async def _tell(context: ContextTypes.DEFAULT_TYPE, chat_id: int, text: str) -> None:
    await send_replies(context.bot, chat_id, render.plain(text))


async def feed_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services(context)
    message = update.effective_message
    if not await admin_only(update, context):
        return
    args = list(context.args or [])
    action = args.pop(0).lower() if args else ""
    try:
        if action == "add" and args:
            await _add(update, context, svc, args)
        elif action == "list" and not args:
            await _list(message, svc)
        elif action == "remove" and len(args) == 1:
            removed = await asyncio.to_thread(svc.feeds.remove, args[0])
            text = (f"Stopped following {args[0]}; its articles stay in the library." if removed
                    else f"No feed {args[0]} is followed; see /feed list.")
            await send(message, render.plain(text))
        elif action == "export" and not args:
            opml = await asyncio.to_thread(svc.feeds.export_opml)
            count = opml.count("<outline ")
            await message.reply_document(InputFile(opml.encode(), filename="briefbot-feeds.opml"),
                                         caption=f"{count} feeds as OPML; any feed reader imports it.")
        else:
            await send(message, [Reply(USAGE)])
    except BriefbotError as exc:
        await send(message, render.plain(f"❌ {exc}"))


async def _add(update: Update, context: ContextTypes.DEFAULT_TYPE, svc: Services, args: list[str]) -> None:
    url, rest = args[0], " ".join(args[1:])
    interval = parse_interval(rest or svc.settings.feed_interval)
    feed, created, entries = await asyncio.to_thread(svc.feeds.add, url, interval)
    name = feed.title or feed.url
    if not created:
        await send(update.effective_message, render.plain(
            f"Already following {name}; now polled every {describe_interval(interval)}."))
        return
    await send(update.effective_message, render.plain(
        f"✅ Following {name} ({entries} entries listed), polled every {describe_interval(interval)}. "
        "Reading its new entries now…"))
    context.job_queue.run_once(poll_job, when=0, data={"chat_id": update.effective_chat.id},
                               name=f"feed-added:{feed.id}")


async def _list(message, svc: Services) -> None:
    feeds = await asyncio.to_thread(svc.feeds.list)
    if not feeds:
        await send(message, [Reply("No feeds yet. Add one with <code>/feed add URL</code>.")])
        return
    lines = [f"{'⚠️' if f.last_error else '📰'} {describe_feed(f)}" for f in feeds]
    await send(message, render.plain("\n".join(lines)))


async def import_upload(update: Update, svc: Services, data: bytes) -> None:
    """An .opml file sent by an admin: every feed it lists followed (read at their first poll)."""
    try:
        outcome = await asyncio.to_thread(svc.feeds.import_opml, data, parse_interval(svc.settings.feed_interval))
    except BriefbotError as exc:
        await send(update.effective_message, render.plain(f"❌ {exc}"))
        return
    lines = [f"{'✅' if what == 'added' else '↩️' if what == 'already there' else '❌'} {what}: {url}"
             for url, what in outcome]
    added = sum(what == "added" for _, what in outcome)
    lines.append(f"{added} of {len(outcome)} feeds added; they are read within a minute.")
    await send(update.effective_message, render.plain("\n".join(lines)))
