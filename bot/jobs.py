"""Digest delivery on the JobQueue: one job per subscribed chat, scheduled for its next local time,
restored from SQLite at start-up (PTB's persistence does not keep jobs), delivered at most once per
(chat, scheduled time) and never silently dropped: every outcome is recorded and logged.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timedelta

from telegram.error import Forbidden, TelegramError
from telegram.ext import Application, ContextTypes

from index import Subscription

from . import render
from .digest import next_delivery, previous_delivery
from .render import Reply
from .sending import send_replies
from .services import Services

log = logging.getLogger(__name__)


def job_name(chat_id: int) -> str:
    return f"digest:{chat_id}"


def schedule(application: Application, sub: Subscription, now: datetime) -> datetime:
    """(Re)schedule the chat's next digest; returns when it is due."""
    for job in application.job_queue.get_jobs_by_name(job_name(sub.chat_id)):
        job.schedule_removal()
    due = next_delivery(sub.at, sub.tz, now)
    application.job_queue.run_once(scheduled_digest, when=due, name=job_name(sub.chat_id),
                                   data={"chat_id": sub.chat_id, "slot": due.isoformat()})
    return due


def unschedule(application: Application, chat_id: int) -> None:
    for job in application.job_queue.get_jobs_by_name(job_name(chat_id)):
        job.schedule_removal()


def restore(application: Application, services: Services) -> None:
    """At start-up: a job for every subscription, and the digest of a slot missed while the bot was down
    sent now if it is within the grace period (skipped and logged if later)."""
    now = services.clock()
    grace = timedelta(hours=services.settings.digest_grace_hours)
    for sub in services.library.store.subscriptions():
        missed = previous_delivery(sub.at, sub.tz, now)
        subscribed = datetime.fromisoformat(sub.created_at) if sub.created_at else now
        if missed > subscribed and services.library.store.run_status(sub.chat_id, missed.isoformat()) is None:
            if now - missed <= grace:
                log.info("chat %s missed its %s digest while the bot was down; sending it now", sub.chat_id,
                         missed.isoformat())
                application.job_queue.run_once(scheduled_digest, when=0, name=f"catch-up:{sub.chat_id}",
                                               data={"chat_id": sub.chat_id, "slot": missed.isoformat()})
            else:
                services.library.store.claim_run(sub.chat_id, missed.isoformat(), missed.isoformat())
                services.library.store.finish_run(sub.chat_id, missed.isoformat(), "skipped")
                log.warning("chat %s missed its %s digest by more than %s h; skipped", sub.chat_id,
                            missed.isoformat(), services.settings.digest_grace_hours)
        schedule(application, sub, now)
    log.info("digests scheduled for %d chats", len(services.library.store.subscriptions()))


async def scheduled_digest(context: ContextTypes.DEFAULT_TYPE) -> None:
    """The job: deliver this slot's digest, then schedule the next one."""
    services: Services = context.application.bot_data["services"]
    chat_id, slot = context.job.data["chat_id"], context.job.data["slot"]
    await deliver(context.application, services, chat_id, slot)
    sub = services.library.store.subscription(chat_id)
    if sub is not None and not context.job.name.startswith("catch-up:"):
        schedule(context.application, sub, max(services.clock(), datetime.fromisoformat(slot)))


async def deliver(application: Application, services: Services, chat_id: int, slot: str,
                  thread_id: int | None = None) -> str:
    """Compose and send one digest for (chat, slot), at most once ever; returns what happened.
    Slots starting "now:" are /digest requests: sent even without a subscription or news."""
    store = services.library.store
    sub = store.subscription(chat_id)
    if sub is None and not slot.startswith("now:"):
        return "unsubscribed"
    now = services.clock()
    last = store.last_digest_end(chat_id)
    since = datetime.fromisoformat(last) if last else now - timedelta(hours=24)
    if not store.claim_run(chat_id, slot, since.isoformat()):
        log.info("digest for chat %s at %s was already handled; not sending it again", chat_id, slot)
        return "duplicate"
    topics = sub.topics if sub else ()
    stories = await asyncio.to_thread(services.library.stories, since, topics, services.settings.digest_stories, now)
    thread_id = sub.thread_id if sub and thread_id is None else thread_id
    if stories:
        title = f"Your briefing: {len(stories)} {'story' if len(stories) == 1 else 'stories'} since " \
                f"{_when(since, sub.tz if sub else services.settings.timezone)}"
        replies = render.digest_replies(stories, title, "unsub" if sub else None)
    elif sub is not None and sub.quiet and not slot.startswith("now:"):
        store.finish_run(chat_id, slot, "empty")
        return "empty"
    else:
        replies = [Reply(render.escape(f"Nothing new since {_when(since, sub.tz if sub else 'UTC')}."))]
    try:
        await send_replies(application.bot, chat_id, replies, thread_id=thread_id)
    except Forbidden as exc:
        store.finish_run(chat_id, slot, "failed")
        store.unsubscribe(chat_id)
        unschedule(application, chat_id)
        log.warning("chat %s blocked the bot or removed it (%s); its subscription has ended", chat_id, exc)
        return "forbidden"
    except TelegramError as exc:
        store.finish_run(chat_id, slot, "failed")
        log.error("digest for chat %s at %s could not be sent: %s", chat_id, slot, exc)
        return "failed"
    store.finish_run(chat_id, slot, "sent" if stories else "empty")
    return "sent"


def _when(moment: datetime, tz: str) -> str:
    from zoneinfo import ZoneInfo

    local = moment.astimezone(ZoneInfo(tz))
    return f"{local:%d %b %H:%M} {tz}" if tz != "UTC" else f"{local:%d %b %H:%M} UTC"

