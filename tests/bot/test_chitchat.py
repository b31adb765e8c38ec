"""Small talk: a greeting, a thank-you, a nod or a goodbye gets a short reply; a question about the bot gets its
help; a request for the news itself gets the digest; anything else is a question."""

import pytest

from bot.chitchat import asks_about_me, asks_for_the_news, reply_to_small_talk


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



def test_how_are_you_gets_a_line():
    assert reply_to_small_talk("How are you?").startswith("All well here")


@pytest.mark.parametrize("text", ["Who are you?", "what can you do", "Are you a bot?", "What is briefbot?", "help!",
                                  "@briefbot_bot help", "How does this work?"])
def test_a_question_about_the_bot_is_recognised(text):
    assert asks_about_me(text, "briefbot_bot") and reply_to_small_talk(text, "briefbot_bot") is None


@pytest.mark.parametrize("text", ["Who are you voting for?", "What can you do about the strike?", "help for farmers",
                                  "What is this year's Whitbread prize?"])
def test_a_question_with_more_to_it_is_for_the_library(text):
    assert not asks_about_me(text, "briefbot_bot")


@pytest.mark.parametrize("text", ["what is 2+2", "What is 2 + 2?", "12*7=?", "(3+4)*2"])
def test_a_sum_is_no_question_for_the_news(text):
    assert reply_to_small_talk(text).startswith("I don't do sums")


@pytest.mark.parametrize("text", ["2019", "what is 737-800", "1-0", "what is 4x4?", "24/7", "what is 9/11", "C++"])
def test_numbers_of_a_score_a_model_or_a_date_are_a_question(text):
    assert reply_to_small_talk(text) is None


@pytest.mark.parametrize("text", ["What time is it?", "what's the date?", "What day is it today"])
def test_the_time_or_the_date_is_no_question_for_the_news(text):
    assert reply_to_small_talk(text).startswith("I can't tell the time")


@pytest.mark.parametrize("text", ["What time is the debate?", "What date was the vote?", "What day is the final?"])
def test_the_time_of_something_is_a_question(text):
    assert reply_to_small_talk(text) is None
