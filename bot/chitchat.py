"""Messages that are no question for the library: a greeting, a thank-you or a goodbye, to which the bot says
a line instead of searching ("thanks!" is no question, and quotes that happen to hold "thanks to" answer
nobody), a question about the bot itself ("What can you do?"), which its help answers, and a request for the
news itself ("what's new?", "any news?"), which the digest answers."""

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

_HOW_ARE_YOU = frozenset(["how are you", "how are you doing", "how s it going", "hows it going", "how is it going",
                          "how do you do", "are you ok", "what s up", "whats up", "sup"])
# The time or the date: no article tells it, and quotes that hold "time" answer nobody.
_CLOCK = frozenset(["what time is it", "what s the time", "whats the time", "what is the time", "what day is it",
                    "what is the date", "what s the date", "whats the date", "what is today s date",
                    "what s today s date", "what date is it"])
# Questions about the bot itself, which its help answers, not the library ("What can you do?" is no news).
_ABOUT_ME = frozenset(["who are you", "what are you", "what is this", "what s this", "whats this", "what is briefbot",
                       "what do you do", "what can you do", "what else can you do", "how do you work",
                       "how does this work", "how does it work", "how do i use this", "how do i use you",
                       "how to use", "how to use this", "help", "help me", "commands", "what can i ask",
                       "what can i ask you", "what should i ask", "what should i ask you", "what do you know",
                       "are you a bot", "are you human", "are you a robot"])
_NEWS = frozenset(["news", "any news", "the news", "latest news", "the latest news", "the latest", "latest",
                   "today s news", "todays news", "news today", "headlines", "the headlines", "today s headlines",
                   "top stories", "top news", "what s new", "whats new", "what is new", "anything new",
                   "what s the news", "whats the news", "what is the news", "what s happening", "whats happening",
                   "what is happening", "what happened", "what did i miss", "what s going on", "whats going on",
                   "what is going on", "briefing", "my briefing", "brief me", "catch me up", "news please",
                   "what s the latest", "whats the latest", "what is the latest", "give me the news"])
_FILLERS = frozenset(["today", "please", "now", "so", "far", "in", "the", "world", "then", "pls"])

_NOT_WORDS = re.compile(r"[^\w\s]+")
# A sum ("what is 2+2", "12*7=?"): numbers joined by operators, nothing to look up in the news. Not by a dash or a
# slash, which join the numbers of a score, a model or a date ("1-0", "737-800", "9/11"), nor by an x ("4x4").
_SUM = re.compile(r"\s*(?:(?:what\s+is|what'?s|whats|calculate|compute)\s+)?[(\s]*\d[\d.,]*(?:\s*[+*×÷^]\s*[(\s]*"
                  r"\d[\d.,]*[)\s]*)+\s*=?\s*\??\s*", re.IGNORECASE)


def reply_to_small_talk(text: str, bot_name: str = "") -> str | None:
    """The reply to a message that is only a greeting, a thank-you, a nod, a "how are you?", a goodbye, a
    question for the time or the date (in any case, with any punctuation or emoji, the bot's name aside) or a
    sum, or None for anything else, which is a question."""
    said = " ".join(_words(text, bot_name, generic=bool(bot_name)))
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
    if said in _HOW_ARE_YOU:
        return "All well here, thanks. Ask me anything about the news."
    if re.sub(r"(?: (?:today|now|please|here))+$", "", said) in _CLOCK:
        return "I can't tell the time or the date: I answer questions about the news from my library's articles."
    if _SUM.fullmatch(text):
        return "I don't do sums: I answer from news articles. Ask me anything about the news."
    return None


def asks_about_me(text: str, bot_name: str = "") -> bool:
    """Whether a message asks what the bot is or does ("Who are you?", "What can you do?", "help", "Are you a
    bot?"): its help answers that, not quotes from the library."""
    return " ".join(_words(text, bot_name, generic=False)) in _ABOUT_ME or " ".join(_words(text, bot_name)) in _ABOUT_ME


def _words(text: str, bot_name: str, generic: bool = True) -> list[str]:
    """The message's words in lower case, without punctuation or emoji, and without the bot's username (nor,
    if `generic`, the words "bot" and "briefbot", as in "hi bot")."""
    said = _NOT_WORDS.sub(" ", text.lower()).split()
    names = {bot_name.lower()} | ({"bot", "briefbot"} if generic else set())
    return [w for w in said if w not in names]


def asks_for_the_news(text: str, bot_name: str = "") -> bool:
    """Whether a message asks for the news itself, about nothing in particular ("What's new?", "any news
    today?", "headlines please"): the stories of the day answer it, not quotes on the word "news"."""
    said = _words(text, bot_name)
    core = " ".join(said)
    while said and said[-1] in _FILLERS and core not in _NEWS:  # "any news today please", "what's new so far"
        said = said[:-1]
        core = " ".join(said)
    return core in _NEWS
