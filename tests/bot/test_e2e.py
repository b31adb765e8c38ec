"""End to end: users talk to the real Application through real long polling against the fake Bot API."""

from __future__ import annotations

import asyncio
import json
import logging
import time

import httpx
import pytest

from bot.webhook import WATCH_JOB, webhook_options
from tests.bot.conftest import ADMIN, free_port, make_settings, reply_to, running
from tests.fakes.web import WebServer

pytestmark = pytest.mark.asyncio(loop_scope="function")


def buttons(call) -> list[dict]:
    markup = call.params.get("reply_markup") or {}
    return [b for row in markup.get("inline_keyboard", []) for b in row]


async def test_a_question_gets_the_quote_and_the_link(botapi, corpus_copy, real_embedder, dev_questions):
    question = next(q for q in dev_questions if q["qid"] == "q0006")  # WeWork trademark
    async with running(make_settings(botapi, corpus_copy), real_embedder):
        update = botapi.user_message(question["question"])
        call = await reply_to(botapi, update)
    html = call.params["text"]
    assert "<blockquote>" in html and "almost $6 million" in html
    assert 'href="https://venturebeat.com/2019/11/18/' in html and "#:~:text=" in html
    assert any(c.method == "sendChatAction" and c.params["action"] == "typing" for c in botapi.calls)
    labels = [b["text"] for b in buttons(call)]
    assert "Full article" in labels
    assert any(c.method == "setMyCommands" for c in botapi.calls)


async def test_filters_in_a_question_narrow_the_answer_or_say_why_not(botapi, corpus_copy, real_embedder):
    question = "What did NASA announce about commercial moon landers?"
    async with running(make_settings(botapi, corpus_copy), real_embedder):
        narrowed = await reply_to(botapi, botapi.user_message(f"{question} source:space.com"))
        nothing = await reply_to(botapi, botapi.user_message(f"{question} source:space.com until:2001"))
        wrong = await reply_to(botapi, botapi.user_message(f"{question} since:soon"))
    links = [b["url"] for b in buttons(narrowed) if "url" in b] + narrowed.params["text"].split('href="')[1:]
    assert "<blockquote>" in narrowed.params["text"] and links
    assert all("space.com" in link.split('"')[0] for link in links)
    assert nothing.params["text"].startswith("Nothing in the library (from space.com, until 31 Dec 2001)")
    assert "since:soon is not a date" in wrong.params["text"]


async def test_filters_alone_list_the_newest_articles_that_match(botapi, corpus_copy, real_embedder):
    async with running(make_settings(botapi, corpus_copy), real_embedder):
        typed = await reply_to(botapi, botapi.user_message("source:space.com"))
        command = await reply_to(botapi, botapi.user_message("/latest source:space.com since:2019-11"))
        none = await reply_to(botapi, botapi.user_message("/latest source:space.com until:2001"))
    for call in (typed, command):
        text = call.params["text"]
        assert text.startswith("<b>Newest articles (source:space.com")
        links = [part.split('"')[0] for part in text.split('href="')[1:]]
        assert links and all("space.com" in link for link in links)
    assert none.params["text"] == "No article matches source:space.com until:2001."


async def test_more_pages_to_further_passages(botapi, corpus_copy, real_embedder):
    async with running(make_settings(botapi, corpus_copy), real_embedder):
        update = botapi.user_message("What did NASA announce about commercial moon landers?")
        first = await reply_to(botapi, update, lambda c: any(b["text"] == "More" for b in buttons(c)))
        more = next(b for b in buttons(first) if b["text"] == "More")
        press = botapi.press(first.result, more["callback_data"])
        page = await reply_to(botapi, press, lambda c: c.params["text"].startswith("<b>More on:</b>"))
        await asyncio.to_thread(botapi.wait_for, lambda c: c.method == "answerCallbackQuery")
        await asyncio.to_thread(botapi.wait_for, lambda c: c.method == "editMessageReplyMarkup")
    assert "<blockquote>" in page.params["text"]
    shown_first = first.params["text"]
    quoted = [part.split("</blockquote>")[0] for part in page.params["text"].split("<blockquote>")[1:]]
    assert quoted and all(q not in shown_first for q in quoted)
    # The More button is gone from the first message; Full article stays.
    edited = next(c for c in botapi.calls if c.method == "editMessageReplyMarkup")
    assert all(b["text"] != "More" for b in buttons(edited))


async def test_in_a_group_the_bot_answers_only_when_addressed(botapi, corpus_copy, real_embedder):
    group = {"chat_id": -100, "chat_type": "supergroup"}
    async with running(make_settings(botapi, corpus_copy), real_embedder):
        ignored = botapi.user_message("What did Ilya Ponomarev say about Russian statehood?", **group)
        mention = botapi.user_message("@brief_test_bot What did Ilya Ponomarev say about Russian statehood?",
                                      **group)
        call = await reply_to(botapi, mention)
        command = botapi.user_message("/ask Who is Ilya Ponomarev?", **group)
        await reply_to(botapi, command)
        reply = botapi.user_message("And what about the Kremlin propaganda?", reply_to=call.result, **group)
        await reply_to(botapi, reply)
    answered = [int(c.params["reply_parameters"]["message_id"]) for c in botapi.sent(-100)
                if c.params.get("reply_parameters")]
    assert ignored["message"]["message_id"] not in answered
    assert {mention["message"]["message_id"], command["message"]["message_id"],
            reply["message"]["message_id"]} <= set(answered)


PAGE = ("<html><head><title>Harbour tunnel opens</title></head><body><article><h1>Harbour tunnel opens</h1>"
        + "".join(f"<p>The new harbour tunnel under the bay opened to traffic on Monday, paragraph {i}. "
                  f"It took seven years and cost 2.3 billion kroner, the transport ministry said.</p>"
                  for i in range(5))
        + "<p>The tunnel's chief engineer, Marta Lindqvist, said the hardest part was the soft clay.</p>"
        + "</article></body></html>").encode()


async def test_an_admin_ingests_a_page_then_it_answers_from_it(botapi, tmp_path, embedder):
    with WebServer({"/tunnel.html": (200, "text/html", PAGE)}) as web:
        async with running(make_settings(botapi, tmp_path / "data"), embedder):
            update = botapi.user_message(f"/ingest {web.url}/tunnel.html", user_id=ADMIN, chat_id=ADMIN)
            report = await reply_to(botapi, update)
            question = botapi.user_message("Who was the chief engineer of the harbour tunnel?", user_id=ADMIN,
                                           chat_id=ADMIN)
            answer = await reply_to(botapi, question)
    assert "added: Harbour tunnel opens" in report.params["text"]
    assert "Marta Lindqvist" in answer.params["text"]
    assert f'href="{web.url}/tunnel.html#:~:text=' in answer.params["text"]


async def test_a_non_admin_cannot_ingest_and_nothing_is_stored(botapi, tmp_path, embedder):
    with WebServer({"/tunnel.html": (200, "text/html", PAGE)}) as web:
        async with running(make_settings(botapi, tmp_path / "data"), embedder) as app:
            update = botapi.user_message(f"/ingest {web.url}/tunnel.html", user_id=77, chat_id=77)
            refusal = await reply_to(botapi, update)
            upload = botapi.user_message(document=botapi.add_file(b"text " * 100, "a.txt"), user_id=77, chat_id=77)
            second = await reply_to(botapi, upload)
            stats = app.bot_data["services"].library.stats()
    assert "only the library's admins" in refusal.params["text"]
    assert "only the library's admins" in second.params["text"]
    assert stats["articles"] == 0 and web.requests == []
    assert not any(c.method == "getFile" for c in botapi.calls)


async def test_admins_see_their_commands_in_their_own_menu_only(botapi, tmp_path, embedder):
    async with running(make_settings(botapi, tmp_path / "data"), embedder):
        await reply_to(botapi, botapi.user_message("/start", user_id=77, chat_id=77))
        await reply_to(botapi, botapi.user_message("/start", user_id=ADMIN, chat_id=ADMIN))
        await reply_to(botapi, botapi.user_message("/start", user_id=ADMIN, chat_id=ADMIN))
    assert "ask" in botapi.menu() and "ingest" not in botapi.menu()
    assert {"ask", "ingest", "remove", "stats", "feed"} <= set(botapi.menu(ADMIN))
    assert botapi.menu(77) is None  # a reader's menu stays the public one
    scoped = [c for c in botapi.calls if c.method == "setMyCommands" and c.params.get("scope")]
    assert len(scoped) == 1  # once per run, not at every /start


async def test_in_webhook_mode_updates_arrive_by_post_and_need_the_secret(botapi, tmp_path, embedder):
    port = free_port()
    settings = make_settings(botapi, tmp_path / "data", webhook_url="https://bot.example/briefbot/updates",
                             webhook_port=port, webhook_secret="s3cret-Token_1")
    options = webhook_options(settings)
    async with running(settings, embedder, webhook=options), httpx.AsyncClient() as client:
        assert botapi.webhook["url"] == "https://bot.example/briefbot/updates"  # what Telegram will post to
        assert botapi.webhook["secret_token"] == "s3cret-Token_1"
        address = f"http://127.0.0.1:{port}/briefbot/updates"  # where the reverse proxy forwards it
        forged = botapi.user_message("/start", chat_id=66, user_id=66)
        header = "X-Telegram-Bot-Api-Secret-Token"
        refused = await client.post(address, json=forged, headers={header: "guess"})
        update = botapi.user_message("/start", chat_id=67, user_id=67)
        accepted = await client.post(address, json=update, headers={header: "s3cret-Token_1"})
        reply = await reply_to(botapi, update)
    assert refused.status_code == 403 and accepted.status_code == 200
    assert "briefbot" in reply.params["text"]
    assert not any(c.method == "sendMessage" and int(c.params["chat_id"]) == 66 for c in botapi.calls)
    assert not any(c.method == "getUpdates" for c in botapi.calls)  # no polling beside the webhook


async def test_in_webhook_mode_a_delivery_error_telegram_reports_is_logged_once(botapi, tmp_path, embedder, caplog):
    settings = make_settings(botapi, tmp_path / "data", webhook_url="https://bot.example/hook",
                             webhook_port=free_port())
    caplog.set_level(logging.WARNING, logger="bot.webhook")
    async with running(settings, embedder, webhook=webhook_options(settings)) as application:
        (watch,) = application.job_queue.get_jobs_by_name(WATCH_JOB)
        await watch.run(application)
        assert not caplog.records  # deliveries go well: nothing to say
        botapi.webhook_error = (int(time.time()) - 150, "Wrong response from the webhook: 502 Bad Gateway", 3)
        await watch.run(application)
        await watch.run(application)  # the same error again: already said
        botapi.webhook = {"url": "https://elsewhere.example/hook"}  # another process took the webhook
        await watch.run(application)
        await watch.run(application)  # still elsewhere: already said
    said = [r.getMessage() for r in caplog.records]
    assert len(said) == 2
    assert "could not deliver an update to https://bot.example/hook 2 min ago" in said[0]
    assert "502 Bad Gateway" in said[0] and "3 update(s) waiting" in said[0]
    assert "now sends updates to https://elsewhere.example/hook" in said[1]
    assert [c.method for c in botapi.calls].count("getWebhookInfo") == 5


async def test_an_uploaded_document_is_ingested(botapi, tmp_path, embedder):
    records = "\n".join(json.dumps({"url": f"https://news.test/{i}", "title": f"Ferry news {i}",
                                    "text": f"The ferry line number {i} will run every twenty minutes from May. " * 8})
                        for i in range(3)) + "\n{broken\n"
    async with running(make_settings(botapi, tmp_path / "data"), embedder) as app:
        update = botapi.user_message(document=botapi.add_file(records.encode(), "ferries.jsonl"), user_id=ADMIN,
                                     chat_id=ADMIN)
        report = await reply_to(botapi, update)
        stats = app.bot_data["services"].library.stats()
    text = report.params["text"]
    assert text.count("added: Ferry news") == 3 and "rejected: malformed JSON" in text
    assert stats["articles"] == 3


async def test_start_explains_and_the_empty_library_offers_the_guide(botapi, tmp_path, embedder):
    settings = make_settings(botapi, tmp_path / "data", sample_library=True)
    async with running(settings, embedder):
        start = await reply_to(botapi, botapi.user_message("/start"))
        answer = await reply_to(botapi, botapi.user_message("How do I ask a question in a group?"))
        latest = await reply_to(botapi, botapi.user_message("/latest"))
    assert "briefbot" in start.params["text"] and "/ask" in start.params["text"]
    assert "guide" in start.params["text"]
    assert "<blockquote>" in answer.params["text"] and "/ask" in answer.params["text"]
    assert "Newest articles" in latest.params["text"]


async def test_a_greeting_a_thank_you_or_a_question_about_the_bot_is_no_search(botapi, tmp_path, embedder):
    async with running(make_settings(botapi, tmp_path / "data", sample_library=True), embedder):
        hello = await reply_to(botapi, botapi.user_message("Hi!"))
        thanks = await reply_to(botapi, botapi.user_message("thanks 🙏"))
        question = await reply_to(botapi, botapi.user_message("Hi, how do I ask a question in a group?"))
        about = await reply_to(botapi, botapi.user_message("What can you do?"))
    assert hello.params["text"].startswith("Hello!") and "/help" in hello.params["text"]
    assert "/ask" in about.params["text"] and "<blockquote>" not in about.params["text"]  # the help, no search
    assert thanks.params["text"].startswith("You're welcome")
    assert "<blockquote>" in question.params["text"]  # a greeting before a question: the question is answered


async def test_an_unknown_command_points_to_help_unless_it_may_be_another_bots(botapi, tmp_path, embedder):
    group = {"chat_id": -100, "chat_type": "supergroup"}
    async with running(make_settings(botapi, tmp_path / "data", sample_library=True), embedder):
        private = await reply_to(botapi, botapi.user_message("/lastest"))
        addressed = await reply_to(botapi, botapi.user_message("/price@brief_test_bot bitcoin", **group))
        botapi.user_message("/price bitcoin", **group)  # may be another bot's
        botapi.user_message("/ask@other_bot Who won?", **group)
        after = await reply_to(botapi, botapi.user_message("/ask@brief_test_bot Who are you?", **group))
    assert private.params["text"] == "I have no /lastest command. /help lists mine; or just write a question."
    assert addressed.params["text"] == "I have no /price command. /help lists mine; ask with /ask."
    # Only the two addressed commands were answered in the group before the question asked after them.
    group_replies = [c for c in botapi.sent(-100) if c.method == "sendMessage"]
    assert [c.params["text"].split(" command")[0] for c in group_replies][:1] == ["I have no /price"]
    assert len(group_replies) == 2 and group_replies[-1] is after


async def test_questions_beyond_the_rate_limit_get_a_friendly_message(botapi, tmp_path, embedder):
    async with running(make_settings(botapi, tmp_path / "data", questions_per_minute=2), embedder):
        for _ in range(2):
            await reply_to(botapi, botapi.user_message("anything about ferries?"))
        third = await reply_to(botapi, botapi.user_message("anything about ferries?"))
    assert "faster than I can read" in third.params["text"]


async def test_an_error_is_logged_and_the_user_gets_a_short_apology(botapi, tmp_path, embedder, monkeypatch,
                                                                    caplog):
    async with running(make_settings(botapi, tmp_path / "data"), embedder) as app:
        def broken(question):
            raise RuntimeError("disk on fire")

        monkeypatch.setattr(app.bot_data["services"].library, "ask", broken)
        apology = await reply_to(botapi, botapi.user_message("Will this work?"))
    assert apology.params["text"].startswith("Sorry, something went wrong")
    assert "Traceback" not in apology.params["text"] and "disk on fire" not in apology.params["text"]
    assert any("error while handling message" in r.getMessage() and r.exc_info for r in caplog.records)


async def test_start_is_answered_while_a_long_ingest_runs(botapi, tmp_path, embedder):
    with WebServer({}) as web:  # /hang holds the fetch open until it is released
        async with running(make_settings(botapi, tmp_path / "data", fetch_timeout=20), embedder):
            ingest = botapi.user_message(f"/ingest {web.url}/hang", user_id=ADMIN, chat_id=ADMIN)
            assert await asyncio.to_thread(web.hit.wait, 10)  # the ingest is now waiting on the page
            start = await reply_to(botapi, botapi.user_message("/start", chat_id=5, user_id=5))
            assert not botapi.sent(ADMIN)  # the ingest has not finished
            web.release.set()
            report = await reply_to(botapi, ingest)
    assert "briefbot" in start.params["text"]
    assert "rejected" in report.params["text"]


async def test_start_suggests_the_newest_headlines_in_the_users_language(botapi, corpus_copy, real_embedder):
    async with running(make_settings(botapi, corpus_copy), real_embedder):
        plain = await reply_to(botapi, botapi.user_message("/start", user_id=81, chat_id=81))
        czech = await reply_to(botapi, botapi.user_message("/start", user_id=82, chat_id=82, language_code="cs"))

    def suggested(call) -> list[str]:
        return call.params["text"].split("Try asking about: ")[1].split("; ")

    assert "West Ham hrozí gigantům" not in plain.params["text"]  # the newest English headlines, for the model
    assert len(suggested(plain)) == 3
    assert suggested(czech)[0].startswith("<i>West Ham hrozí gigantům")  # a Czech reader's language first
