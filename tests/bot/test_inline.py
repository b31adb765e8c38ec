"""Inline mode: "@bot question" typed in any chat offers the answer's quotes; the one picked is sent there."""

from __future__ import annotations

import asyncio
import json

import pytest

from tests.bot.conftest import make_settings, reply_to, running
from tests.fakes.botapi_methods import BOT
from tests.fakes.telegram_html import parse

pytestmark = pytest.mark.asyncio(loop_scope="function")


async def answered(botapi, update) -> dict:
    query_id = update["inline_query"]["id"]
    await asyncio.to_thread(botapi.wait_for, lambda c: c.method == "answerInlineQuery"
                            and c.params["inline_query_id"] == query_id)
    return botapi.inline_answers[query_id]


async def test_an_inline_question_offers_the_quotes_each_a_message_with_its_source(botapi, corpus_copy,
                                                                                  real_embedder):
    async with running(make_settings(botapi, corpus_copy), real_embedder):
        answer = await answered(botapi, botapi.inline_query("How much did Adam Neumann plan to charge WeWork "
                                                            "to use his trademark of the word We?"))
    results = json.loads(answer["results"]) if isinstance(answer["results"], str) else answer["results"]
    assert 1 <= len(results) <= 10 and answer.get("button") is None
    first = results[0]
    message = first["input_message_content"]
    assert message["parse_mode"] == "HTML" and message["link_preview_options"] == {"is_disabled": True}
    text, entities = parse(message["message_text"])  # what the chat will show: the quote, then its source
    assert "almost $6 million" in text and {e["type"] for e in entities} >= {"blockquote", "text_link"}
    assert "venturebeat.com" in message["message_text"] and "#:~:text=" in message["message_text"]
    assert first["title"] and "VentureBeat" in first["description"]
    assert len({r["id"] for r in results}) == len(results)


async def test_an_inline_question_nothing_answers_says_so_on_the_menus_button(botapi, corpus_copy, real_embedder):
    async with running(make_settings(botapi, corpus_copy), real_embedder):
        declined = await answered(botapi, botapi.inline_query("What is the capital of Australia?"))
        too_short = await answered(botapi, botapi.inline_query("wh"))
        filters_only = await answered(botapi, botapi.inline_query("source:bbc"))
    for answer in (declined, too_short, filters_only):
        assert answer["results"] == [] and answer["button"]["start_parameter"] == "inline"
        assert answer.get("cache_time") == 0  # a question typed on may find an answer
    assert declined["button"]["text"] == "Nothing in the library answers that."
    assert too_short["button"]["text"].startswith("Type a question")
    assert filters_only["button"]["text"].startswith("I can't search for that: the question is empty")


async def test_inline_queries_beyond_the_limit_get_a_wait_not_a_search(botapi, corpus_copy, real_embedder):
    settings = make_settings(botapi, corpus_copy, inline_queries_per_minute=2)
    async with running(settings, real_embedder):
        answers = [await answered(botapi, botapi.inline_query(f"What did NASA announce{'?' * n}"))
                   for n in range(1, 4)]
    assert [len(a["results"]) > 0 for a in answers] == [True, True, False]
    assert answers[2]["button"]["text"].startswith("Too many questions at once: try again in ")


@pytest.mark.parametrize("inline_mode", [True, False])
async def test_start_tells_of_inline_questions_only_when_inline_mode_is_on(botapi, tmp_path, embedder, inline_mode):
    botapi.inline_mode = inline_mode
    async with running(make_settings(botapi, tmp_path / "data"), embedder):
        reply = await reply_to(botapi, botapi.user_message("/start"))
    hint = "type <code>@brief_test_bot your question</code>"
    assert (hint in reply.params["text"]) is inline_mode


async def test_a_quote_sent_through_the_inline_menu_is_not_taken_for_a_question(botapi, tmp_path, embedder):
    async with running(make_settings(botapi, tmp_path / "data"), embedder):
        botapi.user_message("The repairs cost 4.2 million euros. Stone bridge open again · City Herald",
                            chat_id=91, user_id=91, via_bot=BOT)
        asked = botapi.user_message("/start", chat_id=92, user_id=92)  # a later update, answered
        await reply_to(botapi, asked)
    assert botapi.sent(chat_id=91) == []
