"""The built-in guide, with the real model: the questions a new user is told to try are answered from it."""

import pytest

from bot.app import load_sample
from index import Library


@pytest.fixture(scope="module")
def guide(tmp_path_factory, real_embedder):
    with Library(tmp_path_factory.mktemp("guide") / "data", real_embedder) as library:
        assert load_sample(library) >= 6
        yield library


@pytest.mark.parametrize(("question", "article"), [
    ("How do I ask a question in a group?", "The commands briefbot understands"),  # /start suggests it
    ("How do I get the daily digest?", "How to get briefbot's daily digest"),
    ("How can I narrow a question to one outlet?", "How to ask briefbot a question"),
    ("How do admins add articles?", "How articles get into briefbot's library"),
])
def test_the_guide_answers_what_a_new_user_asks(guide, question, article):
    answer = guide.ask(question)
    assert answer.answered
    assert article in [q.article.title for q in answer.quotes]


def test_asking_for_the_days_stories_is_explained(guide):
    (first, *_) = guide.ask("How do I see today's stories?").quotes
    assert "What's new?" in first.text and "/digest" in first.text


def test_the_more_button_is_explained(guide):
    """"More" is a stopword, but capitalised inside a question it names the button."""
    (first, *_) = guide.ask("What does the More button do?").quotes
    assert '"More" button under an answer' in first.text


def test_the_guide_declines_what_it_does_not_cover(guide):
    assert not guide.ask("What is the capital of Australia?").answered
