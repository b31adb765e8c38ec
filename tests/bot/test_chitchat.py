"""Small talk: a greeting, a thank-you, a nod or a goodbye gets a short reply; a request for the news itself gets
the digest; anything else is a question."""

import pytest

from bot.chitchat import asks_for_the_news, reply_to_small_talk


@pytest.mark.parametrize("text", ["hi", "Hello!!", "good morning", "Hey there 👋", "hi @briefbot_bot", "Bonjour"])
def test_greetings_are_greeted(text):
    assert reply_to_small_talk(text, "briefbot_bot").startswith("Hello!")


@pytest.mark.parametrize("text", ["thanks!", "Thank you 🙏", "THX", "cheers", "ok thanks", "merci", "danke"])
def test_thanks_are_acknowledged(text):
    assert reply_to_small_talk(text).startswith("You're welcome")


def test_nods_and_goodbyes_get_a_line_each():
    assert reply_to_small_talk("OK.").startswith("Ask me anything else")
    assert reply_to_small_talk("bye!").startswith("Bye!")


@pytest.mark.parametrize("text", ["Hi, who won the Davis Cup?", "thanks to the union, did the strike end?",
                                  "Who is Martin Indyk?", "ok google", "", "   ", "🙏", "hello world"])
def test_anything_else_is_a_question(text):
    assert reply_to_small_talk(text) is None


@pytest.mark.parametrize("text", ["What's new?", "any news?", "News", "headlines please", "today's news",
                                  "what happened today?", "Whats going on @briefbot_bot", "catch me up"])
def test_a_request_for_the_news_itself_is_recognised(text):
    assert asks_for_the_news(text, "briefbot_bot")


@pytest.mark.parametrize("text", ["What's new with WeWork?", "news about the strike", "What happened to the bridge?",
                                  "the latest on the strike", "fake news"])
def test_news_about_something_is_a_question(text):
    assert not asks_for_the_news(text, "briefbot_bot")

