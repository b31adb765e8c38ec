"""Telegram handlers: parse the update, make one awaited call to the library (off the event loop), render,
reply. Nothing here blocks; nothing here builds services (see app.py)."""

from __future__ import annotations

import asyncio
import logging
import re

from telegram import (
    BotCommand,
    BotCommandScopeChat,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InlineQueryResultsButton,
    InputTextMessageContent,
    LinkPreviewOptions,
    Message,
    MessageEntity,
    Update,
    User,
)
from telegram.constants import ChatAction, ChatType
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from index import Article, IngestResult, Outcome, QueryError, only_filters

from . import jobs, render
from .chitchat import asks_about_me, asks_for_the_news, reply_to_small_talk
from .render import Reply
from .sending import send_replies
from .services import Services

log = logging.getLogger(__name__)
PAGE = 3  # quotes a "More" press shows
_URL = re.compile(r"https?://\S+")


def services(context: ContextTypes.DEFAULT_TYPE) -> Services:
    return context.application.bot_data["services"]


async def send(message: Message, replies: list[Reply]) -> None:
    """Replies in the message's chat and forum topic; in groups the first answers the message."""
    await send_replies(message.get_bot(), message.chat_id, replies,
                       thread_id=message.message_thread_id if message.is_topic_message else None,
                       reply_to=message.message_id if message.chat.type != ChatType.PRIVATE else None)


# --- everyone -----------------------------------------------------------------------------------------

HELP = """<b>briefbot</b> answers questions from a library of news articles with the <b>exact passages</b> that \
answer them, each with its source: headline, outlet, date and a link that opens the article at the quote.

In this chat, just write a question. In groups, use /ask, mention me, or reply to my message.

/ask <i>question</i> — ask a question; narrow it with <i>source:bbc since:2019-11-18 until:2019-11-30</i>
/latest <i>source:bbc since:7d</i> — the newest articles (filters optional)
/digest — today's stories, now
/subscribe <i>07:30 Europe/Warsaw topics…</i> — a daily digest at your time (all optional)
/settings, /unsubscribe — change or stop it
/help — this message"""

COMMANDS = [
    BotCommand("ask", "Ask a question"),
    BotCommand("latest", "The newest articles"),
    BotCommand("digest", "Today's stories, now"),
    BotCommand("subscribe", "A daily digest, e.g. /subscribe 07:30 Europe/Warsaw"),
    BotCommand("settings", "Digest time, zone and topics"),
    BotCommand("unsubscribe", "Stop the daily digest"),
    BotCommand("help", "What briefbot does"),
]
ADMIN_COMMANDS = [
    BotCommand("ingest", "Add articles: /ingest URL (or send a file)"),
    BotCommand("remove", "Take an article out: /remove URL"),
    BotCommand("stats", "What the library holds"),
    BotCommand("feed", "Follow RSS or Atom feeds: /feed add URL"),
]


async def show_admin_menu(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The command menu with the admin commands too, in an admin's private chat with the bot only (everyone
    else's menu stays the public one). Set when the admin writes /start or an admin command there, once per
    run: Telegram refuses a chat's menu before the user has written to the bot."""
    user, chat, svc = update.effective_user, update.effective_chat, services(context)
    if user is None or chat is None or chat.type != ChatType.PRIVATE or user.id in svc.admin_menus:
        return
    try:
        await context.bot.set_my_commands(COMMANDS + ADMIN_COMMANDS, scope=BotCommandScopeChat(chat.id))
        svc.admin_menus.add(user.id)
    except TelegramError as exc:
        log.warning("could not show admin %s the admin commands: %s", user.id, exc)


ADMIN_HELP = """

Admin: /ingest <i>URL…</i> adds articles (or send a file: HTML, text, Markdown, JSON Lines), \
/remove <i>URL</i> takes one out, /stats shows the library, /feed <i>add URL</i> follows an RSS or Atom \
feed (/feed for more)."""


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services(context)
    stats = await asyncio.to_thread(svc.library.stats)
    text = HELP
    if context.bot.supports_inline_queries:  # inline mode is on in @BotFather
        text += (f"\n\nIn any other chat, type <code>@{context.bot.username} your question</code> and pick a quote "
                 "to send there.")
    if svc.is_admin(update.effective_user and update.effective_user.id):
        text += ADMIN_HELP
        await show_admin_menu(update, context)
    newest = _suggestions(await asyncio.to_thread(svc.library.latest, 20), update.effective_user)
    if stats["articles"] == 0:
        text += "\n\nThe library is empty: an admin adds articles with /ingest or `briefbot ingest`."
    elif all(a.source == "briefbot guide" for a in newest):
        text += ("\n\nThe library holds only briefbot's own guide so far. Try: <i>How do I ask a question in a "
                 "group?</i> Admins add real sources with /ingest <i>URL</i> or by sending files.")
    else:
        text += f"\n\nThe library holds {stats['articles']:,} articles. Try asking about: " + "; ".join(
            f"<i>{render.escape(a.title)}</i>" for a in newest)
    await send(update.effective_message, [Reply(text)])


def _suggestions(newest: list[Article], user: User | None, count: int = 3) -> list[Article]:
    """The newest headlines to suggest, those in the user's language first (Telegram's language_code), then
    English, in which the model reads best; then any."""
    language = ((user and user.language_code) or "en").split("-")[0].lower()

    def rank(article: Article) -> int:
        lang = (article.lang or "en").split("-")[0].lower()
        return 0 if lang == language else 1 if lang == "en" else 2

    return sorted(newest, key=rank)[:count]  # sorted() keeps the newest first within each rank


async def ask_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    question = " ".join(context.args or [])
    if not question:
        await send(update.effective_message, [Reply("Ask like this: <code>/ask Who won the Davis Cup?</code>")])
        return
    await answer(update, context, question)


async def unknown_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A command briefbot does not have ("/price", a typo of "/latest") gets a pointer to /help rather than
    silence: in a private chat, or in a group when addressed to this bot ("/price@briefbot"), as a bare
    command there may be another bot's."""
    message = update.effective_message
    name, _, addressed = message.text.split(maxsplit=1)[0][1:].partition("@")
    private = message.chat.type == ChatType.PRIVATE
    if not (addressed.lower() == (context.bot.username or "").lower() if addressed else private):
        return
    how = "or just write a question" if private else "ask with /ask"
    await send(message, [Reply(f"I have no /{render.escape(name)} command. /help lists mine; {how}.")])


async def on_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Private chats: every text is a question. Groups: only a mention of the bot or a reply to it. A quote
    a user sent through the bot's inline menu ("via @bot") is not a question."""
    message = update.effective_message
    if message.via_bot is not None and message.via_bot.id == context.bot.id:
        return
    if message.chat.type == ChatType.PRIVATE:
        await answer(update, context, message.text)
        return
    bot = context.bot
    mention = f"@{bot.username}".lower()
    mentions = [text for entity, text in message.parse_entities([MessageEntity.MENTION]).items()
                if text.lower() == mention]
    replied = message.reply_to_message is not None and message.reply_to_message.from_user is not None \
        and message.reply_to_message.from_user.id == bot.id
    if not mentions and not replied:
        return
    question = re.sub(re.escape(mention), " ", message.text, flags=re.IGNORECASE).strip()
    if question:
        await answer(update, context, question)


async def answer(update: Update, context: ContextTypes.DEFAULT_TYPE, question: str) -> None:
    svc = services(context)
    message = update.effective_message
    wait = svc.limiter.wait_time(update.effective_user.id if update.effective_user else message.chat_id)
    if wait:
        await send(message, [Reply(f"You are asking faster than I can read. Please try again in {int(wait) + 1} s.")])
        return
    if said := reply_to_small_talk(question, context.bot.username or ""):  # "thanks!" is no question
        await send(message, [Reply(render.escape(said))])
        return
    if asks_for_the_news(question, context.bot.username or ""):  # "what's new?": the day's stories answer it
        await digest_now(update, context)
        return
    if asks_about_me(question, context.bot.username or ""):  # "What can you do?": the help answers it
        await start(update, context)
        return
    try:
        await message.get_bot().send_chat_action(message.chat_id, ChatAction.TYPING,
                                                 message_thread_id=message.message_thread_id
                                                 if message.is_topic_message else None)
    except TelegramError as exc:  # "typing" is a courtesy; the answer matters
        log.info("could not show typing in chat %s: %s", message.chat_id, exc)
    if only_filters(question):  # "source:bbc since:7d": nothing to search for, so the newest that match
        await newest(update, context, question)
        return
    try:
        result = await svc.ask(question)
    except QueryError as exc:
        await send(message, [Reply(render.escape(f"I can't search for that: {exc}."))])
        return
    more = f"more:{svc.answers.put(result)}:0" if result.more else None
    await send(message, render.answer_replies(result, more_callback=more))


async def digest_now(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/digest, or a message that asks for the news itself: the stories since this chat's last digest (or the
    last 24 hours), now."""
    svc = services(context)
    message = update.effective_message
    slot = f"now:{svc.clock().isoformat()}:{message.message_id}"
    await jobs.deliver(context.application, svc, message.chat_id, slot,
                       thread_id=message.message_thread_id if message.is_topic_message else None)


async def on_more(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The "More" button: the next page of further passages, as a new message; the old button goes away."""
    query = update.callback_query
    match = re.fullmatch(r"more:([\w-]+):(\d+)", query.data or "")
    result = services(context).answers.get(match.group(1)) if match else None
    if result is None:
        await query.answer("This answer has expired. Please ask again.", show_alert=False)
        return
    await query.answer()
    page = int(match.group(2))
    quotes = list(result.more[page * PAGE : (page + 1) * PAGE])
    has_next = len(result.more) > (page + 1) * PAGE
    kept = [[b for b in row if b.url] for row in (query.message.reply_markup.inline_keyboard
                                                  if query.message and query.message.reply_markup else [])]
    try:
        await query.edit_message_reply_markup(InlineKeyboardMarkup([row for row in kept if row]) if any(kept)
                                              else None)  # the message's own buttons, less "More"
    except TelegramError as exc:
        log.info("could not remove the More button: %s", exc)
    header = f"<b>More on:</b> <i>{render.escape(result.question)}</i>"
    next_page = f"more:{match.group(1)}:{page + 1}" if has_next else None
    replies = render.quotes_replies(quotes, next_page, header=header) if quotes else [
        Reply("That was everything the library has on this question.")]
    await send(query.message, replies)


INLINE_CACHE_S = 300  # Telegram keeps an inline answer this long for everyone who types the same query


async def on_inline(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """"@bot question" typed in any chat: the answer's quotes as a menu; the one picked is sent into that chat,
    with its source line, by the user ("via @bot"). When there is nothing to pick, the menu's button says why
    and opens a chat with the bot."""
    query = update.inline_query
    question = " ".join(query.query.split())
    svc = services(context)
    choices: list[render.InlineChoice] = []
    if len(question) < 3:
        why = "Type a question, e.g. Who won the Davis Cup?"
    elif wait := svc.inline_limiter.wait_time(query.from_user.id):
        why = f"Too many questions at once: try again in {int(wait) + 1} s"
    else:
        try:
            result = await svc.ask(question)
            choices = render.inline_choices(result)
            why = render.declined_line(result)
        except QueryError as exc:
            why = f"I can't search for that: {exc}"
    results = [InlineQueryResultArticle(
        id=str(n), title=choice.title, description=choice.description,
        input_message_content=InputTextMessageContent(choice.html, parse_mode="HTML",
                                                      link_preview_options=LinkPreviewOptions(is_disabled=True)))
        for n, choice in enumerate(choices)]
    button = None if results else InlineQueryResultsButton(text=why, start_parameter="inline")
    try:
        await query.answer(results, cache_time=INLINE_CACHE_S if results else 0, is_personal=not results,
                           button=button)
    except TelegramError as exc:  # the user typed on, and Telegram no longer waits for this one
        log.info("could not answer inline query %s: %s", query.id, exc)


async def latest(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await newest(update, context, " ".join(context.args or []))


async def newest(update: Update, context: ContextTypes.DEFAULT_TYPE, narrowed_by: str = "") -> None:
    """The ten newest articles, or the newest that match filters ("/latest source:bbc since:7d")."""
    try:
        articles = await asyncio.to_thread(services(context).library.latest, 10, narrowed_by)
    except QueryError as exc:
        await send(update.effective_message, [Reply(render.escape(f"I can't list that: {exc}."))])
        return
    title = f"Newest articles ({narrowed_by})" if narrowed_by else "Newest articles"
    empty = f"No article matches {narrowed_by}." if narrowed_by else "The library is empty."
    await send(update.effective_message, [render.headlines_reply(title, articles, empty)])


# --- admins -------------------------------------------------------------------------------------------

REFUSAL = "Sorry, only the library's admins can add or remove articles."


async def admin_only(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    """Whether the sender is an admin; anyone else gets the polite refusal."""
    if services(context).is_admin(update.effective_user and update.effective_user.id):
        await show_admin_menu(update, context)
        return True
    await send(update.effective_message, [Reply(REFUSAL)])
    return False


async def ingest_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if not await admin_only(update, context):
        return
    urls = _URL.findall(" ".join(context.args or []))
    if not urls:
        await send(update.effective_message, [Reply("Send links like this: <code>/ingest https://example.com/news/1"
                                                    "</code> (several at once are fine).")])
        return
    library = services(context).library
    results = await asyncio.to_thread(lambda: list(library.ingest(urls)))
    await send(update.effective_message, render.plain(describe(results)))


async def on_document(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if not await admin_only(update, context):
        return
    svc = services(context)
    document = update.effective_message.document
    name = document.file_name or "upload"
    limit = svc.settings.max_page_bytes
    if document.file_size and document.file_size > limit:
        await send(update.effective_message, render.plain(
            f"rejected: too large ({document.file_size:,} bytes, limit {limit:,}) — {name}"))
        return
    file = await document.get_file()
    data = bytes(await file.download_as_bytearray())
    if name.lower().endswith(".opml"):
        from .feeds import import_upload  # feeds build on these handlers

        await import_upload(update, svc, data)
        return
    url = f"tg://upload/{document.file_unique_id}/{name}"
    results = await asyncio.to_thread(lambda: list(svc.library.ingest_upload(data, name, url)))
    await send(update.effective_message, render.plain(describe(results)))


def describe(results: list[IngestResult]) -> str:
    """One line per source, then a count."""
    lines = []
    for r in results:
        if r.outcome is Outcome.ADDED:
            lines.append(f"✅ added: {r.title} ({r.passages} passages)")
        elif r.outcome is Outcome.DUPLICATE:
            lines.append(f"↩️ duplicate ({r.reason}) of: {r.title} — {r.source}")
        else:
            lines.append(f"❌ rejected: {r.reason} — {r.source}")
    added = sum(r.outcome is Outcome.ADDED for r in results)
    lines.append(f"{added} of {len(results)} added.")
    return "\n".join(lines)


async def remove_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if not await admin_only(update, context):
        return
    urls = _URL.findall(" ".join(context.args or []))
    if len(urls) != 1:
        await send(update.effective_message, [Reply("Remove one article by its link: <code>/remove "
                                                    "https://example.com/news/1</code>")])
        return
    removed = await asyncio.to_thread(services(context).library.remove, urls[0])
    text = f"Removed: {removed.title}" if removed else f"No article is stored under {urls[0]}"
    await send(update.effective_message, render.plain(text))


async def stats_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if not await admin_only(update, context):
        return
    s = await asyncio.to_thread(services(context).library.stats)
    await send(update.effective_message, render.plain(
        f"{_count(s['articles'], 'article')} from {_count(s['sources'], 'outlet')}; "
        f"{_count(s['passages'], 'passage')}, {_count(s['vectors'], 'vector')} ({s['model']}); "
        f"newest article {s['newest'] or '—'}."))


def _count(n: int, noun: str) -> str:
    """"1 outlet", "2,048 passages"."""
    return f"{n:,} {noun}{'' if n == 1 else 's'}"
