"""Messages that are no question for the library: a greeting, a thank-you or a goodbye, to which the bot says
a line instead of searching ("thanks!" is no question, and quotes that happen to hold "thanks to" answer
nobody), and a request for the news itself ("what's new?", "any news?"), which the digest answers."""

from __future__ import annotations

import re

_GREETINGS = frozenset(["hi", "hello", "hey", "hiya", "howdy", "yo", "greetings", "hi there", "hello there",
                        "hey there", "good morning", "good afternoon", "good evening", "morning", "evening",
                        "hallo", "hola", "bonjour", "salut", "ciao", "olá", "buongiorno", "guten tag", "moin",
                        "привет"])
_THANKS = frozenset(["thanks", "thank you", "thanks a lot", "thank you very much", "thanks so much", "many thanks",
                     "thx", "ty", "cheers", "ok thanks", "ok thank you", "great thanks", "merci", "danke",
                     "gracias", "grazie", "obrigado", "obrigada", "спасибо"])
_GOODBYES = frozenset(["bye", "goodbye", "bye bye", "see you", "see ya", "good night"])
_NODS = frozenset(["ok", "okay", "k", "cool", "great", "nice", "got it", "perfect", "awesome", "alright", "fine"])

_NEWS = frozenset(["news", "any news", "the news", "latest news", "the latest news", "the latest", "latest",
                   "today s news", "todays news", "news today", "headlines", "the headlines", "today s headlines",
                   "top stories", "top news", "what s new", "whats new", "what is new", "anything new",
                   "what s the news", "whats the news", "what is the news", "what s happening", "whats happening",
                   "what is happening", "what happened", "what did i miss", "what s going on", "whats going on",
                   "what is going on", "briefing", "my briefing", "brief me", "catch me up", "news please",
                   "what s the latest", "whats the latest", "what is the latest", "give me the news"])
_FILLERS = frozenset(["today", "please", "now", "so", "far", "in", "the", "world", "then", "pls"])

_NOT_WORDS = re.compile(r"[^\w\s]+")


def reply_to_small_talk(text: str, bot_name: str = "") -> str | None:
    """The reply to a message that is only a greeting, a thank-you, a nod or a goodbye (in any case, with any
    punctuation or emoji, the bot's name aside), or None for anything else, which is a question."""
    said = " ".join(_NOT_WORDS.sub(" ", text.lower()).split())
    if bot_name:
        said = " ".join(w for w in said.split() if w not in {bot_name.lower(), "bot", "briefbot"})
    if not said:
        return None
    if said in _THANKS:
        return "You're welcome. Ask me anything else about the news."
    if said in _GREETINGS:
        return ("Hello! Ask me a question about the news and I quote the articles that answer it, with links "
                "to them. /help shows what else I do.")
    if said in _GOODBYES:
        return "Bye! Ask again any time."
    if said in _NODS:
        return "Ask me anything else about the news whenever you like."
    return None


def asks_for_the_news(text: str, bot_name: str = "") -> bool:
    """Whether a message asks for the news itself, about nothing in particular ("What's new?", "any news
    today?", "headlines please"): the stories of the day answer it, not quotes on the word "news"."""
    said = _NOT_WORDS.sub(" ", text.lower()).split()
    said = [w for w in said if w not in {bot_name.lower(), "bot", "briefbot"}]
    core = " ".join(said)
    while said and said[-1] in _FILLERS and core not in _NEWS:  # "any news today please", "what's new so far"
        said = said[:-1]
        core = " ".join(said)
    return core in _NEWS
