"""What kind of answer a question asks for, and whether a sentence holds one.

"How much does the oxygen bar charge?" is answered by a sentence with an amount in it ("Rs 299 for fifteen
minutes"), not by the article's lead that repeats the question's words. The question's opening words tell
the kind (a quantity, a time, a name, what someone said); a sentence shows it by a number, a date word, a
capitalised name the question does not already hold, or a quotation or a verb of saying. English only:
questions in other languages get no type, and nothing changes for them. The rules are the usual ones of
answer-type classification in extractive question answering (wh-word and head noun), kept to what a regular
expression can tell reliably.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

from . import words
from .layout import SCORE, after_dateline


class AnswerType(Enum):
    QUANTITY = "quantity"
    TIME = "time"
    NAME = "name"
    SPEECH = "speech"
    CALLED = "called"  # "What is his podcast called?": what something is called, written "called …", "named …"
    REASON = "reason"  # "Why did he make the film?": "… because he wanted to show …"
    DEFINITION = "definition"  # "What is LeanFIRE?": "LeanFIRE is …", "… is defined as …"


_QUANTITY_Q = re.compile(
    r"\b(?:how\s+(?:many|much|far|long|old|big|large|tall|fast|often|high|heavy|deep|wide)"
    r"|what\s+(?:percentage|share|proportion|price|amount|number|figure|score|rate|speed|distance|dose))",
    re.IGNORECASE)
# A verb of price ("what does it cost", "what was it worth"), lower-case only so that "Fort Worth" is a place,
# and not "charge", which is as often a criminal charge as a price.
_PRICE_Q = re.compile(r"\b(?:cost|costs|worth|valued|pay|paid)\b(?!.*\bwho\b)")
# "When …?", "How soon …?" (answered "within 24 hours"), or a unit of time asked for ("In which years …?", answered
# by a year, see `holds`)
# ("what time" asks for a time, not "what time signature": the unit is the phrase's own noun, not a word before it)
_TIME_Q = re.compile(r"^\s*(?:when|since when|how soon)\b|"
                     r"\b(?:what|which)\s+(?P<unit>years?|dates?|days?|time|months?|decades?)\b"
                     r"(?!\s+(?!(?:is|was|are|were|did|does|do|will|would|can|could|should|has|have|had|of|in|on|at|"
                     r"for|the|a|an|this|that|it|he|she|they|we|you)\b)(?-i:[a-z]))", re.IGNORECASE)
# A question opening with "which" asks for a thing named ("Which painkiller …?": Vioxx), as do "what company",
# "what other countries" (the head noun may follow a number or an adjective and may be plural).
_NAME_Q = re.compile(r"^\s*(?:who|whom|whose|where|which)\b|\b(?:which|what)\s+(?:\w+\s+)?(?:compan(?:y|ies)|firms?|"
                     r"person|people|m[ae]n|wom[ae]n|countr(?:y|ies)|cit(?:y|ies)|teams?|clubs?|players?|groups?|"
                     r"part(?:y|ies)|outlets?|newspapers?|organi[sz]ations?|agenc(?:y|ies)|brands?|towns?|states?|"
                     r"regions?|airlines?|banks?|ministers?|officials?|doctors?|coach(?:es)?|managers?|lawyers?|"
                     r"judges?|courts?)\b", re.IGNORECASE)

# "What is his podcast called?", "What was the process named?", "What is the software known as?"
_CALLED_Q = re.compile(r"^\s*what\s+(?:is|was|are|were|['’]s)\s+.+?\b(?:called|named|nicknamed|dubbed|known\s+as)\b",
                       re.IGNORECASE)
# the name given, after its verb, a quotation mark or "the" ("a podcast called The Daily Source Code")
_CALLING = re.compile(r"\b(?:called|named|nicknamed|dubbed|titled|known\s+as|the\s+name\s+of)\s+[\"“'‘]?\s*"
                      r"(?:the\s+)?([\w-]+)", re.IGNORECASE)

_NUMBER_WORDS = (r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
                 r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
                 r"hundreds?|thousands?|millions?|billions?|trillions?|dozens?|half|quarter|third|double|"
                 r"twice|percent)\b")
# "One of the world's largest makers …" picks someone out, and "no one" is nobody; neither counts anything
_NUMBER = re.compile(r"\d|(?!one\s+of\b)(?<!\bno\s)" + _NUMBER_WORDS, re.IGNORECASE)
# a year written in figures ("in 2004", "2004's", "the 1990s", "the '90s"), not part of a longer number
_YEAR_WRITTEN = re.compile(r"(?<![\w.,/-])(?:1[5-9]\d\d|20\d\d)s?(?!\w|[.,]\d)|['’]\d0s\b")
# A question for a time to come or a time that holds now ("When is the walkout?", "When will it launch?") is not
# answered by a time past ("last week", "yesterday", "two years ago"), which dates another event.
_AHEAD_Q = re.compile(r"^\s*when\s+(?:is|are|will|does|do|can|could|should|would)\b", re.IGNORECASE)
_PAST_TIME = re.compile(r"\b(?:last|past|previous)\s+(?:week|month|year|night|weekend|season|summer|winter|spring|"
                        r"autumn|fall|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|\byesterday\b|"
                        r"\b[\w-]+\s+(?:days?|weeks?|months?|years?|decades?)\s+ago\b|\bearlier this \w+\b",
                        re.IGNORECASE)
# a time of day: "6:38 p.m.", "3pm", "at noon", "midnight"
_CLOCK = re.compile(r"\b\d{1,2}(?::\d\d)?\s?(?:[ap]\.m\.|[ap]m\b)|\b\d{1,2}:\d\d\b|"
                    r"\b(?:noon|midday|midnight|o'clock)\b", re.IGNORECASE)
_TIME = re.compile(
    r"\b(?:1[5-9]\d\d|20\d\d|\d{1,2}(?:st|nd|rd|th)|january|february|march|april|may|june|july|august|september|"
    r"october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday|yesterday|today|tomorrow|tonight|ago|since|until|decades?|years?|months?|weeks?|"
    r"days?|hours?|minutes?)\b", re.IGNORECASE)


def years_out(text: str) -> str:
    """The text without the years it writes ("in the summer of 2007", "the 1960s"): a year dates something,
    it counts or measures nothing."""
    return _YEAR_WRITTEN.sub(" ", text)


def is_time(word: str) -> bool:
    """Whether a word names a time, not someone or something: "Monday", "October", "Dec", "2019"."""
    return bool(_TIME.fullmatch(word))


_CAPITALISED = re.compile(r"(?<![.!?:]\s)(?<![\"“‘«(])(?<!^)\b[A-Z][\w'’-]+|\b[A-Z]{2,}\b")
_WORD = re.compile(r"\w+")
_OPENING = "\"“‘'«(— "  # what may stand before a sentence's first word, whose capital is then the sentence's


# "When will the troops leave?" asks for a time to come (or one that holds now: "When is the next debate?"); not
# "When is approval needed?", which asks for the circumstances. A time the text gives for its own telling ("…, the
# minister said on Tuesday") or a past one ("last week", `_PAST_TIME`) is not that time.
_CONDITION_Q = re.compile(r"\b(?:needed|required|necessary|allowed|permitted|possible|appropriate|safe|legal|"
                          r"used)\s*\?*\s*$", re.IGNORECASE)
_SAID_ON = re.compile(r"\b(?:said|says|told|announced|added|confirmed|reported|wrote|tweeted)\s+"
                      r"(?:[\w'’-]+\s+){0,4}?(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
                      re.IGNORECASE)


def asks_time_ahead(question: str) -> bool:
    """Whether an English question asks when something will be, or is ("When will …?", "When is …?"); not when
    something comes round again ("When does whale stranding season begin?": "November marked the beginning")."""
    return _AHEAD_Q.search(question) is not None and _CONDITION_Q.search(question) is None \
        and _RECURRING_Q.search(question) is None


_RECURRING_Q = re.compile(r"\b(?:seasons?|every|each|annual|annually|yearly|usually|typically|normally)\b",
                          re.IGNORECASE)


def asks_time_past(question: str) -> bool:
    """Whether an English question asks when something was ("When did …?", "When was …?"), not when what was
    promised or foreseen would be ("When did Johnson promise Britain would leave the EU?": "on Oct. 31")."""
    return _PAST_Q.search(question) is not None and _CONDITION_Q.search(question) is None \
        and _FORESEEN_Q.search(question) is None


_FORESEEN_Q = re.compile(r"\b(?:would|will)\b", re.IGNORECASE)


def asks_time_foreseen(question: str) -> bool:
    """Whether an English question asks when what was promised or foreseen would be ("When did Johnson promise
    Britain would leave the EU?"), which a time past or to come may answer."""
    return _PAST_Q.search(question) is not None and _FORESEEN_Q.search(question) is not None


# "When did …?", and "In which year did …?" (answered by a year, see `holds`)
_PAST_Q = re.compile(r"^\s*(?:when|in\s+(?:what|which)\s+year|what\s+year)\s+(?:did|was|were|had|has|have)\b",
                     re.IGNORECASE)


# A span of time by itself ("after years of debate", "13.8 billion years") tells no date; one counted from now
# does ("in two years", "within weeks", "in the coming months", "next year", "this year").
_SPAN_WORD = re.compile(r"\b(?:decades?|years?|months?|weeks?|days?|hours?|minutes?)\b", re.IGNORECASE)
_FROM_NOW = frozenset("in within next coming few several this".split())


def _bare_spans_out(text: str, counted_from: frozenset[str] = _FROM_NOW) -> str:
    """The text without the spans of time that are not counted from now (`counted_from`: the words that count
    one from now; "ago" after a span counts it back by itself)."""
    def keep(found: re.Match) -> str:
        before = text[max(0, found.start() - 24) : found.start()].lower().split()[-3:]
        return found.group() if counted_from.intersection(before) else " "
    return _SPAN_WORD.sub(keep, text)


_BACK_FROM_NOW = frozenset("last past previous this earlier".split())  # "last year", "the past two weeks"


# A clause that tells what happened ("The attackers stormed the museum on Wednesday afternoon", "Blackadder
# returned for a one-off special in 1999") dates a past event, unless it looks ahead ("… said it expected the plant
# to open in 2021", "… would announce its policies over the next few weeks"). A verb's past form: an irregular one
# or one in -ed, not after "to", "be", "is" … (then it is passive: "is scheduled", "will be released"); a verb of
# saying reports what may lie ahead ("said the vote is on Monday").
_IRREGULAR_PAST = ("was|were|had|did|made|took|gave|got|went|came|saw|knew|bought|sold|paid|spent|left|met|ran|began|"
                   "became|brought|built|caught|chose|drew|drove|fell|fought|found|flew|grew|held|kept|led|lost|won|"
                   "sent|shot|stood|struck|threw|broke|beat")
_NOT_VERBS = "speed|breed|proceed|exceed|succeed|indeed|hundred|kindred|sacred|wicked|naked|rugged|beloved"
_PAST_VERB = re.compile(rf"(?<!\bto\s)(?<!\bbe\s)(?<!\bis\s)(?<!\bare\s)(?<!\bam\s)(?<!\bbeing\s)"
                        rf"\b(?:{_IRREGULAR_PAST}|(?!(?:{_NOT_VERBS})\b)[a-z]{{3,}}ed)\b", re.IGNORECASE)
# ("as soon as" joins a clause of any tense: "as soon as I learned about it on July 18"; "due to" someone is owed
# them: "the day the proposals were due to NASA")
_LOOKS_AHEAD = re.compile(r"\b(?:will|won['’]t|shall|would|going\s+to|to\s+be|due(?!\s+to\s+(?-i:[A-Z]))|slated|"
                          r"set\s+to|next|coming|"
                          r"upcoming|later|(?<!as\s)soon(?!\s+as\b)|until|from\s+now|plan(?:s|ned|ning)?|"
                          r"expect(?:s|ed|ing)?|schedul(?:e|es|ed|ing)|aim(?:s|ed|ing)?|intend(?:s|ed|ing)?|"
                          r"hop(?:e|es|ed|ing))\b|['’]ll\b",
                          re.IGNORECASE)
# (a sentence's parts, as commas mark them: a clause has a tense of its own: "… insisted he is focused on the
# Australian Open, which starts on 17 January", "The museum, which was closed on Wednesday, reopens on Friday")
_CLAUSES = re.compile(r"(?<=[.!?…])[\"”’]?\s+|[,;:]\s+|\n|\s+(?=(?:but|while|whereas|although|though)\s)"
                      # a relative clause told in the past has its own tense ("… will offer its lander that the
                      # company unveiled in May")
                      r"|\s+(?=(?:that|which|who)\s+(?:[\w'’-]+\s+){0,3}?(?-i:[a-z]+ed|was|were|had)\b)")
# A short phrase that opens a sentence and sets the scene ("Following a two-day trial in September, a jury …",
# "On Friday, the chiefs will …") belongs to the clause after it: it has no tense of its own.
_SETTING = re.compile(r"(?:following|after|before|during|on|in|at|by|since|until|earlier|later|last|next|this|then)\b",
                      re.IGNORECASE)


def _clauses(text: str) -> list[str]:
    """A text's clauses, as commas, semicolons, sentence ends and "but", "while" … part them, a scene-setting
    opening phrase joined to the clause after it."""
    clauses: list[str] = []
    opening = ""
    for piece in _CLAUSES.split(text):
        piece = f"{opening} {piece}" if opening else piece
        opening = piece if _SETTING.match(piece) and len(piece.split()) <= 6 else ""
        if not opening:
            clauses.append(piece)
    return clauses + ([opening] if opening else [])


_REPORTING = re.compile(r"\b(?:said|told|added|announced|confirmed|reported|wrote|noted|stated|explained)\b",
                        re.IGNORECASE)


# A past verb in a clause that says what a thing is ("in fall 2020 is the book that introduced me to Ford") tells
# of that thing, not of the clause's time.
_DESCRIBED_PAST = re.compile(rf"(\b(?:is|are)\b[^,;]*?\b(?:that|who|which)\s+)(?:{_IRREGULAR_PAST}|[a-z]{{3,}}ed)\b",
                             re.IGNORECASE)


def _past_told_out(text: str) -> str:
    """The text without its clauses that tell only of the past."""
    return " ".join(s for s in _clauses(text)
                    if not _PAST_VERB.search(_DESCRIBED_PAST.sub(r"\1", _REPORTING.sub(" ", s)))
                    or _LOOKS_AHEAD.search(s))


# A date in a year before the article's was past when it was written ("In the summer of 1898, …").
_DATED_YEAR = re.compile(r"(?:\b(?:(?:early|late|mid|the|of|in|summer|winter|spring|autumn|fall|january|february|"
                         r"march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|"
                         r"jun|jul|aug|sept?|oct|nov|dec|\d{1,2}(?:st|nd|rd|th)?)\.?,?\s+){0,4})?"
                         r"(?<![\w.,/-])((?:1[5-9]|20)\d\d)s?(?!\w|[.,]\d)", re.IGNORECASE)


def _years_before_out(text: str, year: int) -> str:
    return _DATED_YEAR.sub(lambda found: " " if int(found.group(1)) < year else found.group(), text)


# An editor's note opens with the day the article was amended ("Correction added Nov. 18, 2019: The caption …"):
# that day dates the note, not anything the article tells.
_NOTE_DATED = re.compile(r"\b(?:Corrections?|Clarifications?|Updated?|Editor['’]s\s+[Nn]ote)\b"
                         r"(?:\s+(?:added|appended|made|posted))?,?\s+[^\n]{0,40}?\d[^\n]{0,25}?:(?!\d)")


def notes_out(text: str) -> str:
    """The text without the dates that open an editor's note (see `_NOTE_DATED`)."""
    return _NOTE_DATED.sub(" ", text)


def own_times_out(text: str, question: str) -> str:
    """The text without the words of time the question writes itself: "When does the Black Friday deal end?" is
    not answered by "Black Friday pricing is now live"."""
    own = {m.group().lower() for m in _TIME.finditer(question)}
    return _TIME.sub(lambda found: " " if found.group().lower() in own else found.group(), text) if own else text


def gives_time_ahead(text: str, question: str, published: str | None = None) -> bool:
    """Whether a text gives a time for such a question: not the day it was said, nor a past time, nor a span of
    time by itself. `published`: the article's date (ISO), if known."""
    text = _bare_spans_out(_past_told_out(_SAID_ON.sub(" ", text)))
    if published and published[:4].isdigit():
        text = _years_before_out(text, int(published[:4]))
    return holds(AnswerType.TIME, text, question)


def gives_time_past(text: str, question: str, published: str | None = None) -> bool:
    """Whether a text gives a time for a question on the past: not one in a clause that looks ahead ("The bill
    will be debated this week"), nor a year after the article's, nor a span of time by itself ("a 40 minute
    podcast"; "two years ago" and "last year" date something)."""
    text = _bare_spans_out(" ".join(s for s in _clauses(text) if not _LOOKS_AHEAD.search(s)), _BACK_FROM_NOW)
    if published and published[:4].isdigit():
        text = _DATED_YEAR.sub(lambda found: " " if int(found.group(1)) > int(published[:4]) else found.group(), text)
    return holds(AnswerType.TIME, text, question)


def asks_why(question: str) -> bool:
    """Whether a question asks why. News tells what happened first and why after, often in the next
    paragraph, and with words of its own ("… as it promoted …"), so the sentence after the quoted one is
    shown with it."""
    return bool(_WHY.match(question))


_WHY = re.compile(r"\s*why\b", re.IGNORECASE)


def asks_overview(question: str) -> bool:
    """Whether a question asks what a story is rather than a detail of it ("What happened with WeWork?", "Tell
    me about the plague in China", "Any news on the trade deal?", or only "WeWork"): news answers that in its
    lead, which sums up the story first (the inverted pyramid)."""
    return bool(words.OVERVIEW.match(question)) or words.is_keywords(question)


# "What did X say (about Y)?", "What did the minister tell reporters?": what someone said, written as a quotation
# or reported with a verb of saying (English verbs: an article in another language is not judged so).
# The verbs of a question for someone's words; what they think or believe is told by their words too.
SPEECH_VERBS = ("say", "tell", "claim", "argue", "warn", "testify", "tweet", "write", "announce", "reveal", "admit",
                "think", "believe", "feel", "call")
_SPEECH_Q = re.compile(r"^\s*(?:what|which(?:\s+[\w'’-]+){1,3}?)\s+(?:did|does|do|has|have|had|will|would)\s+"
                       r"((?:[\w'’.-]+\s+){1,8}?)"
                       rf"(?:{'|'.join(SPEECH_VERBS)})\b", re.IGNORECASE)
# (not "were said to have", hearsay about them)
_SAYING = (r"[\"“”]|\b(?:said|says|saying|told|tells|telling|added|adds|adding|warned|warns|warning|claimed|claims|"
           r"argued|argues|testified|tweeted|wrote|writes|announced|revealed|admitted|insisted|insisting|stated|"
           r"explained|explains|noted|stressed|replied|acknowledged|conceded|called)\b(?!\s+to\s+(?:be|have)\b)")
_SPEECH = re.compile(_SAYING + r"|\baccording to\b", re.IGNORECASE)
_SAID = re.compile(_SAYING, re.IGNORECASE)
# whom a sentence cites: "according to reports from The Wrap" cites the reports, not the director it is about
_ACCORDING = re.compile(r"\baccording to\s+((?:[\w'’.-]+\s+){0,3}[\w'’.-]+)", re.IGNORECASE)


def speaker_asked(question: str, names: Sequence[str] = ()) -> str | None:
    """Whose words an English question asks for, when it names them ("What did Nancy Pelosi say about …?":
    "Nancy Pelosi"; "What did the Browns player say …?": "the Browns player"), else None. Named: a capitalised
    word after the question's first, or a word of `names` (typed without capitals, "nancy pelosi" names
    nobody by its case; the caller knows which words the library writes as names)."""
    found = _SPEECH_Q.search(question)
    if found is None:
        return None
    speaker = found.group(1).strip()
    named = {w.lower() for name in names for w in _WORD.findall(name)}
    return speaker if any(w[0].isupper() or w.lower() in named for w in _WORD.findall(speaker)) else None


# "What did X say about the cost of the campaign?": what they said is asked about a topic, a phrase after "about".
# A topic that is a clause ("about how Facebook chooses what to buy") or a pronoun is a question of its own, which
# an answer puts in its own words: not read.
_ABOUT = re.compile(r"\s+(?:[\w'’.-]+\s+){0,4}?about\s+(?P<topic>[^?]+?)\s*\?*\s*$", re.IGNORECASE)
_CLAUSE = re.compile(r"(?:how|what|why|when|where|who|whom|whose|which|whether|if|that|it|him|her|them|this|these|"
                     r"those)\b", re.IGNORECASE)
# The topic's own noun is its last word before a preposition or a conjunction: "the cost" of "the cost of the
# campaign", "rebuttals" of "the account's rebuttals", "rift" of "his rift with Tony Blair".
_HEAD_END = re.compile(r"\b(?:of|in|on|at|with|for|from|to|by|about|and|or|but|between|over|after|before|during|"
                       r"against|as|that|which|who|since|under)\b", re.IGNORECASE)


def speech_topic(question: str) -> str | None:
    """What a question for someone's words asks them about ("What did Kristi Noem say about the cost of the
    campaign?": "the cost of the campaign"), when a phrase names it, else None."""
    found = _SPEECH_Q.search(question)
    about = _ABOUT.match(question, found.end()) if found else None
    topic = about.group("topic") if about else None
    return None if topic is None or _CLAUSE.match(topic) else topic


def topic_head(topic: str) -> str | None:
    """The noun a topic is about, its last word before a preposition or a conjunction ("the cost of the
    campaign": "cost"; an acronym too, "doubling Russia's GDP": "GDP", as the question's names leave acronyms
    out), or None where that word is capitalised (a name, which the caller reads as one)."""
    end = _HEAD_END.search(topic)
    found = re.findall(r"[\w'’-]+", topic[: end.start()] if end else topic)
    head = re.sub(r"['’]s?$", "", found[-1]) if found else ""
    return head if head[:1].islower() or len(head) > 1 and head.isupper() else None


def speaks(sentence: str) -> bool:
    """Whether a sentence reports speech: a quotation mark or a verb of saying."""
    return bool(_SPEECH.search(sentence))


def speakers(sentence: str) -> str | None:
    """Who may be speaking in a sentence that reports speech: the whole sentence where it has a quotation mark
    or a verb of saying ("… ," Pelosi told reporters), else the few words after "according to" ("according to
    the state-run Xinhua News Agency"); None if it reports no speech."""
    if _SAID.search(sentence):
        return sentence
    cited = [m.group(1) for m in _ACCORDING.finditer(sentence)]
    return " ".join(cited) if cited else None


# "What is the name of the hunter who …?", "Who is the chief executive of …?": a person asked for by what they are
# (the head noun after "the name of" or after "who is"), answered by their name. Only nouns of people: a thing's
# name may be one word ("the name of the drug": Vioxx), which the test below, for two capitalised words, misses.
# Not nouns that are also surnames or teams' names, as a question's words are read without their capitals ("Kevin
# King", "the Cardinals").
_PERSON_NOUN = (r"(?:m[ae]n|wom[ae]n|boys?|girls?|persons?|people|hunters?|judges?|victims?|suspects?|patients?|"
                r"drivers?|pilots?|officers?|soldiers?|players?|doctors?|teachers?|students?|attackers?|gunm[ae]n|"
                r"killers?|shooters?|authors?|writers?|artists?|singers?|actors?|actress(?:es)?|hosts?|presenters?|"
                r"djs?|disc jockeys?|broadcasters?|"
                r"winners?|owners?|founders?|co-founders?|chief executives?|ceos?|chairm[ae]n|chairwom[ae]n|"
                r"chairs?|presidents?|directors?|heads?|leaders?|coach(?:es)?|managers?|spokesm[ae]n|spokeswom[ae]n|"
                r"spokespersons?|ministers?|secretar(?:y|ies)|governors?|mayors?|senators?|chancellors?|researchers?|"
                r"scientists?|lawyers?|prosecutors?|detectives?|captains?|goalkeepers?|strikers?|editors?|"
                r"reporters?|journalists?|designers?|inventors?|architects?|engineers?|chefs?|candidates?|"
                r"analysts?|experts?|officials?|economists?|critics?|professors?|ambassadors?|diplomats?|"
                r"mother|father|sons?|daughters?|wi(?:fe|ves)|husbands?|brother|sister|parents?|spouses?|"
                r"girlfriends?|boyfriends?|fianc[ée]e?s?|cousins?|nephews?|nieces?|uncles?|aunts?|"
                r"bab(?:y|ies)|infants?|newborns?|toddlers?|publicists?|"
                r"bishops?|archbishops?|priests?|pastors?|imams?|rabbis?|clerics?|monks?|nuns?|"
                r"protesters?|demonstrators?|activists?|campaigners?|"
                r"athletes?|sprinters?|runners?|swimmers?|cyclists?|boxers?|golfers?|skaters?|referees?|umpires?|"
                r"defenders?|midfielders?|quarterbacks?|jockeys?|"
                r"musicians?|rappers?|comedians?|filmmakers?|novelists?|poets?|photographers?|painters?|"
                r"composers?|songwriters?|dancers?|partners?|"
                r"nurses?|surgeons?|astronauts?|farmers?|workers?|employees?|staffers?|aides?|advis[eo]rs?|"
                r"bankers?|entrepreneurs?|executives?|billionaires?|police(?:m[ae]n|wom[ae]n)|firefighters?|"
                r"paramedics?|generals?(?!\s+(?:managers?|counsels?|secretar(?:y|ies))\b)|commanders?|spies|"
                r"whistleblowers?|witness(?:es)?|defendants?|"
                r"plaintiffs?|jurors?|inmates?|prisoners?|hostages?|refugees?|migrants?|survivors?|residents?|"
                r"citizens?|voters?|fans?|lawmakers?|legislators?|congressm[ae]n|congresswom[ae]n|"
                r"monarchs?|dictators?|envoys?|negotiators?|mediators?|"
                r"commissioners?|inspectors?|columnists?|commentators?|pundits?|correspondents?|children|child|"
                r"kids?|teenagers?|pupils?|members?|colleagues?|deput(?:y|ies)|successors?|"
                r"(?<!voice )(?<!digital )(?<!virtual )(?<!smart )assistants?|"  # not Alexa, a voice assistant
                r"predecessors?|teammates?|friends?|neighbou?rs?|relatives?|"
                r"passengers?|riders?|commuters?|travell?ers?|tourists?|visitors?|customers?|shoppers?|"
                r"spectators?|motorists?|pedestrians?|tenants?|homeowners?|"
                r"sergeants?|constables?|lieutenants?|colonels?|corporals?|marshals?|sheriffs?|troopers?|agents?|"
                r"guards?|bodyguards?|wardens?|investigators?|chiefs?|bosses?|clerks?|volunteers?|physicians?|"
                r"therapists?|psychologists?|psychiatrists?|dentists?|pharmacists?|midwi(?:fe|ves)|bloggers?|"
                r"podcasters?)")
# After "which", the noun's own words only: not "Which museum did the attackers storm?", whose "attackers" are not
# what is asked.
_WHICH_WORDS = (r"(?:(?!(?:did|does|do|is|was|are|were|has|have|had|will|would|can|could|should|the|a|an|of|in|"
                r"to|for|on)\b)[\w&.'’-]+\s+){0,3}?" + _PERSON_NOUN + r"\b")
# A preposition before the noun puts it in a phrase of its own ("Who is mediating between President Okafor …?" asks
# for no president).
_NOT_IN_A_TITLE = r"(?:between|with|for|to|in|on|at|by|from|about|against|among|into|over|under|behind|after|before)"
_PERSON_Q = re.compile(
    rf"^\s*(?:(?:what(?:\s+(?:is|was|are|were)|['’]s)\s+(?:the\s+)?(?:full\s+|first\s+|last\s+)?names?\s+of|"
    rf"who\s+(?:is|was|are|were|will\s+be))\s+((?:the|a|an|its|their|his|her)\s+)?|(which)\s+(?={_WHICH_WORDS}))"
    rf"((?:(?!{_NOT_IN_A_TITLE}\b)[\w&.'’-]+\s+){{0,4}}?{_PERSON_NOUN})\b(?!['’])", re.IGNORECASE)
# A name of someone: two or more capitalised words in a row ("Lewis Ward", "Fritz von Weizsäcker"), or one after
# a title ("Mr Smith", "Dr. Dempsey").
# (Each word is read whole, once, and only from its start: the pattern stays linear.)
_NAME_RUN = re.compile(r"(?<![\w'’.&-])(?:[A-Z][\w'’.&-]*+"
                       r"(?:\s+(?:von|van|der|den|de|da|di|du|del|la|le|al|bin|ibn))?\s+)+[A-Z][\w'’&-]*")
_TITLED = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Sir|Dame|Lord|Lady|Judge|Rep|Sen|Gov|Prof)\.?\s+[A-Z][\w'’-]+")


# Offices of a company, a team, a government or a paper, each by its forms (an abbreviation by its capitals: "Gov.",
# not "gov.uk"): a quote that never gives someone the office asked names another ("Marco Villa, the company's chief
# operating officer" for its chief executive; a player for the coach).
_OFFICES = (r"chief executive|ceo", r"chief financial officer|cfo|finance chief|finance director",
            r"chief operating officer|coo", r"chief technology officer|cto", r"(?<!vice )president",
            r"vice[- ]president|s?vp", r"chair(?:s|ed|man|woman|person)?", r"captain(?:s|ed)?|skipper",
            r"spokes(?:man|woman|person)", r"coach(?:es|ed)?", r"manager|manag(?:es|ed)|boss",
            r"minister|premier|(?-i:PM)", r"secretary|(?-i:Sec)", r"governor|(?-i:Gov)", r"mayor",
            r"(?<!managing )director", r"ambassador", r"editor", r"commissioner", r"chancellor", r"assistant",
            r"partner")


def _office_of(person: str) -> str | None:
    """The forms of the office someone is asked for by ("the chief executive": "chief executive|ceo"), or None."""
    return next((o for o in _OFFICES if re.search(rf"\b(?:{o})\b", person, re.IGNORECASE)), None)


# a deputy, an acting or a former holder of an office is another's ("deputy commissioner Tasos Georgelis" is no
# answer to "Who is the city's commissioner?"), unless the question asks for them
_QUALIFIED = ("deputy", "assistant", "acting", "interim", "former", "associate", "ex")


def _office_written(person: str, asked: str) -> str:
    """The pattern of the office asked for as a text writes it, not qualified as another's office; a minister or
    a secretary asked with a portfolio is written with it ("the environment minister" is no "Chief Minister")."""
    if re.search(rf"\b(?:{'|'.join(_QUALIFIED)})[\s-]+(?:{asked})\b", person, re.IGNORECASE):
        return rf"\b(?:{asked})\b"
    portfolio = re.search(r"\b([a-z]{3,})\s+(?:minister|secretary)\b", person)
    if portfolio and portfolio.group(1) not in _NOT_A_PORTFOLIO:
        return rf"\b{portfolio.group(1)}\s+(?:{asked})\b"
    return "".join(rf"(?<!\b{q} )(?<!\b{q}-)" for q in _QUALIFIED) + rf"\b(?:{asked})\b"


_NOT_A_PORTFOLIO = frozenset("the its his her their our your new former current acting deputy".split())


def office_beside_name(person: str, sentence: str) -> bool:
    """Whether a sentence gives the office someone is asked for by to a name right beside it ("the Lord
    Chancellor, Lord Falconer", "Deutsche Boerse chief executive Werner Seifert", "Sharon is the CEO of …",
    "Lewis Ward, research director …"); True where no office is asked."""
    asked = _office_of(person)
    if asked is None:
        return True
    office = _office_written(person, asked)
    name = r"(?-i:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})"
    # the office, then the name, maybe after a comma and what they are ("partner, the writer … Elise Matthesen")
    named_after = rf"{office}(?:\s+|,\s+(?:[\w&'’-]+\s+){{0,5}}?){name}"
    # the name, then a comma or "is", then the office ("Lewis Ward, research director", "Sharon is the CEO")
    named_before = (rf"{name}(?:,\s+|\s+(?:is|was|who\s+is|who\s+was)\s+)(?:(?:the|a|an|its|his|her|their)\s+)?"
                    rf"(?:[\w&'’-]+\s+){{0,4}}?{office}")
    return bool(re.search(f"{named_after}|{named_before}", sentence, re.IGNORECASE))


def office_unwritten(person: str, text: str) -> bool:
    """Whether someone asked for by an office ("the chief executive", "the coach") is never given it in `text`."""
    asked = _office_of(person)
    return asked is not None and not re.search(_office_written(person, asked), text, re.IGNORECASE)


def office_of_another(person: str, text: str, question: str) -> bool:
    """Whether someone asked for by an office and an organisation ("Who is the CEO of Alden Capital?", "Real
    Madrid's coach") meets a text where every mention of that office is given to another organisation by name
    ("Michael Reed, the CEO of New Media Investment Group", "Whole Foods co-founder and CEO John Mackey"). An
    office written without its organisation ("the chief executive, Jane Roe") may be the one asked about."""
    asked = _office_of(person)
    if asked is None:
        return False
    at = question.lower().find(person.lower())
    whose = _ORGANISATION_AFTER.match(question[at + len(person) :]) if at >= 0 else None
    if whose is None:
        return False
    # whose office it is, as the question writes it after the office and before it ("Amnesty International's
    # country director for Tunisia")
    own = {re.sub(r"['’]s?$", "", w.lower()) for w in whose.group(1).split() + re.findall(r"\b(?-i:[A-Z])\S*", person)}
    mentions = list(re.finditer(_office_written(person, asked), text, re.IGNORECASE))
    for office in mentions:
        after = _ORGANISATION_AFTER.match(text[office.end() :])
        given = {w.lower() for w in after.group(1).split()} if after else set()
        # (not "… of the London-based website Full Fact", which says where before it says whose)
        if not given or any(w.endswith("-based") for w in given) or own & given:
            return False
    return bool(mentions)


_ORGANISATION_AFTER = re.compile(r"\s+(?:of|at|for)\s+(?:the\s+)?((?-i:[A-Z])[\w'’&.-]*(?:\s+(?-i:[A-Z])[\w'’&.-]*)*)",
                                 re.IGNORECASE)
# "Who heads the committee?" asks for its head as "Who is the committee's head?" does
_OFFICE_Q = re.compile(r"^\s*who\s+(heads|headed|leads|led|chairs|chaired|coaches|coached|manages|managed|captains|"
                       r"captained)\b", re.IGNORECASE)
_OFFICE = {"head": "head", "lead": "leader", "led": "leader", "chair": "chair", "coach": "coach", "manag": "manager",
           "captain": "captain"}


@lru_cache(maxsize=256)  # asked of every sentence of the articles found, for one question at a time
def person_asked(question: str) -> str | None:
    """Who an English question asks for by what they are ("What is the name of the hunter who …?": "the
    hunter"; "Who is Real Madrid's sporting director?": "Real Madrid's sporting director"; "Who heads the
    committee?": "the head"), else None."""
    office = _OFFICE_Q.search(question)
    if office is not None:
        verb = office.group(1).lower()
        return "the " + next(v for k, v in _OFFICE.items() if verb.startswith(k))
    found = _PERSON_Q.search(question)
    if found is None:
        return None
    return ("the " if found.group(2) else found.group(1) or "") + found.group(3)


# Things known by their names: "Which hospital treated him?" is answered by "Gleneagles", "Which firm spotted it?"
# by "Netcraft", "Which song did he play?" by "Takin' It to the Streets"; an article on the subject that names none
# of them does not answer it. The first are places whose names say what they are ("Royal Shrewsbury Hospital",
# "the University of York"), so a name that answers holds the noun.
_NAMED_WITH_NOUN = (r"universit(?:y|ies)|colleges?|schools?|hospitals?|clinics?|airports?|stations?|stadiums?|"
                    r"museums?|theat(?:re|er)s?|churche?s?|cathedrals?|prisons?|courts?|count(?:y|ies)|beach(?:es)?")
_NAMED_THING = (rf"(?:{_NAMED_WITH_NOUN}|compan(?:y|ies)|firms?|startups?|websites?|apps?|clubs?|teams?|labels?|"
                r"airlines?|banks?|newspapers?|magazines?|channels?|networks?|retailers?|brands?|manufacturers?|"
                r"makers?|publishers?|studios?|cit(?:y|ies)|towns?|countr(?:y|ies)|venues?|songs?|albums?|books?|"
                r"films?|movies?|charit(?:y|ies)|journals?|restaurants?|hotels?|festivals?|bases?|"
                r"constituenc(?:y|ies)|districts?|provinces?|part(?:y|ies)|shipyards?|islands?|suburbs?|"
                r"neighbou?rhoods?|processors?|blogs?|podcasts?|newsletters?)")

_THING_Q = re.compile(rf"^\s*(?:(?:in|at|from|by|with|on|to|for|into)\s+)?"
                      rf"(?:what(?:\s+(?:is|was|are|were)|['’]s)\s+the\s+names?\s+of\s+"
                      rf"(?:the|a|an|its|their|his|her|(?:[A-Z][\w.-]*\s+)*[A-Z][\w.-]*['’]s?)"
                      rf"|which|what)\s+"
                      rf"((?:(?!(?:is|was|are|were|did|does|do|will|would|can|could|should|has|have|had|the|a|an|of)\b)"
                      rf"[\w'’-]+\s+){{0,2}}?"
                      rf"{_NAMED_THING})\b(?!['’-])",
                      re.IGNORECASE)


def named_with_its_noun(noun: str) -> bool:
    """Whether a thing asked for by name is a place whose name holds its noun ("hospital", "universities")."""
    return re.fullmatch(_NAMED_WITH_NOUN, noun, re.IGNORECASE) is not None


def thing_asked(question: str) -> str | None:
    """What an English question asks the name of, when it is a thing known by its name ("Which hospital
    treated Robert Mugabe?": "the hospital"; "In which Rio beach did he play?": "the Rio beach"), else None."""
    found = _THING_Q.search(question)
    return None if found is None else "the " + found.group(1)


# Words that open a sentence with a capital and are no one's name (not "Will" or "Mark", which may be).
_OPENERS = frozenset("""the a an in on at by for from with of to and but or nor so if when while as after before
    since until because although though it its he she they we i you his her their our my this that these those
    there here then now also yet one two three four five six seven eight nine ten some several many most all no
    every each another other both few despite during under over amid among against without within across behind
    beyond unlike""".split())


# "Australian-born", "Washington-based", "Kremlin-backed": what someone is, not their name; a given name of two
# syllables is joined so too ("Cheuk Hau-yip", "Tsai Ing-wen", "Moon Jae-in"), and is a name
_DESCRIBING = re.compile(r"-(?:[a-z]+(?:ed|ing)|born|based|led|run|made|built|bound|style|like|wide|old|owned|known|"
                         r"grown|sworn|written|driven|chosen|taken|stricken|friendly|free|only)$")


def _opens_a_sentence(word: str) -> bool:
    """Whether a capitalised word is one that opens a sentence and is no one's name: an opener above, or a
    common word formed as a participle or an adverb that the dictionary lists as no name ("Following",
    "According", "Asked", "Meanwhile"; not "Will", "Rose")."""
    lower = word.lower()
    return lower in _OPENERS or (lower.endswith(("ing", "ed", "ly", "while")) and words.is_ordinary_word(lower)
                                 and not words.is_listed_name(word))


# A run of capitalised words that names a place, a body or a creed, not someone: it ends in the noun of one
# ("Westminster Magistrate's Court", "the Ecuadorean Embassy", "Hong Kong Polytechnic University", "National
# Socialism") or opens with the word of a place's name ("United States", "West Hollywood", "New York", "Los
# Angeles"). Not nouns that are also surnames (Hall, Park, Church, Lake, Union, Post, Rivers).
_PLACE_OR_BODY_END = re.compile(
    r"(?:Court|Courts|Embassy|Consulate|University|College|School|Academy|Hospital|Clinic|Street|Road|Avenue|"
    r"Square|Station|Airport|Stadium|Arena|Museum|Gallery|Studios?|Cathedral|Palace|Prison|Centre|Center|House|"
    r"Island|Islands|County|Province|Republic|Kingdom|Festival|Awards?|Prize|Cup|Championships?|Council|Committee|"
    r"Commission|Ministry|Department|Agency|Authority|Party|Company|Corporation|Association|Federation|League|"
    r"Institute|Foundation|Trust|Bank|Group|Times|Journal|Magazine|Network|Parliament|Assembly|Senate|Congress|"
    r"\w+ism)"
    r"(?:['’]s?)?")
_PLACE_START = frozenset("north south east west northern southern eastern western central united new los las san "
                         "santa".split())
_PLACES_OF_TWO = frozenset({"hong kong", "sri lanka", "saudi arabia", "el salvador", "costa rica", "puerto rico"})


def _place_or_body(run: Sequence[str]) -> bool:
    """Whether a run of capitalised words (as `names_someone` keeps them) names a place or a body."""
    first_two = re.sub(r"['’]s$", "", " ".join(run[:2]).lower())  # "Hong Kong's"
    return (_PLACE_OR_BODY_END.fullmatch(run[-1]) is not None or run[0].lower() in _PLACE_START
            or first_two in _PLACES_OF_TWO)


@lru_cache(maxsize=256)
def _question_words(question: str) -> tuple[frozenset[str], frozenset[str]]:
    """(every word of a question, the words of the names it asks about), in lower case."""
    return (frozenset(w.lower() for w in _WORD.findall(question)),
            frozenset(w.lower() for name in words.names(question) for w in _WORD.findall(name)))


def opening_name(text: str) -> str | None:
    """The run of capitalised words a text opens with, unless its first is a word that opens sentences ("An
    Associated Press journalist …"): whom a sentence that opens "Vanessa Hicks said …" is about."""
    found = _NAME_RUN.match(text.strip())
    return None if found is None or found.group().split()[0].lower() in _OPENERS else found.group()


def names_anyone(text: str) -> bool:
    """Whether a text holds a run of two or more capitalised words, or a name after a title."""
    return bool(_NAME_RUN.search(text) or _TITLED.search(text))


# Kin share a surname: a question for someone's wife, son or family is answered by a name ending in theirs.
_KIN = re.compile(r"\b(?:mother|father|sons?|daughters?|wi(?:fe|ves)|husbands?|brothers?|sisters?|parents?|spouses?|"
                  r"cousins?|nephews?|nieces?|uncles?|aunts?|children|child|kids?|famil(?:y|ies)|relatives?|"
                  r"siblings?|grand\w+|in-laws?)\b", re.IGNORECASE)


def names_someone(text: str, question: str) -> bool:
    """Whether a text names someone the question does not: a run of two or more capitalised words, not all of
    them the question's, words that open sentences ("The", "In", "One") or times ("Monday"), and not a place's
    or a body's name ("Westminster Magistrate's Court", "United States"), or a name after a title."""
    known, asked_about = _question_words(question)
    kin = bool(_KIN.search(question))

    def name_words(run: str) -> list[str]:  # words as spaces part them, "Washington-based" one (and no name)
        found = run.split()
        # "President Donald Trump" is the Trump asked about, unless the question asks for his kin ("Ivanka Trump")
        if found and not kin and re.sub(r"['’]s?$", "", found[-1]).lower() in asked_about:
            return []
        return [w for k, w in enumerate(found) if w.lower() not in _OPENERS and not _TIME.fullmatch(w)
                and not (k == 0 and (_opens_a_sentence(w) or words.is_people_of_country(w)))
                and not _DESCRIBING.search(w) and re.sub(r"['’]s?$", "", w).lower() not in asked_about]

    def unknown(word: str) -> bool:  # "Hong Kong’s" is Hong Kong
        return any(part.lower() not in known for part in _WORD.findall(re.sub(r"['’]s?$", "", word)))

    runs = (name_words(m.group()) for m in _NAME_RUN.finditer(text))
    titled = (name_words(m.group().split(None, 1)[1]) for m in _TITLED.finditer(text))
    # a name of one word in brackets after what they are ("a high-strung ship captain (Greez)")
    bracketed = (name_words(m.group(1)) for m in _BRACKETED_NAME.finditer(text))
    return any(len(run) > 1 and any(map(unknown, run)) and not _place_or_body(run) for run in runs) \
        or any(unknown(w) for run in titled for w in run) or any(unknown(w) for run in bracketed for w in run)


_BRACKETED_NAME = re.compile(r"(?<=[a-z] )\(([A-Z][a-z][\w'’-]*)\)")


# Words that give a cause or an aim: "because", "due to", "in order to", "so that", "the reason", "in protest".
# ("due to launch a new service", "due to be released" say when, not why; "just because it rains does not mean"
# gives no cause)
_DUE_AS_SET = (r"\s+(?:be\b|(?!(?:the|a|an|his|her|its|their|this|that|these|those)\b)[a-z]+\s+"
               r"(?:a|an|the|his|her|its|their|on|in|at|next|this|later|from|by|until|soon|up|out|off)\b)")
_REASON = re.compile(rf"\b(?:(?<!just )(?<!only )because|due to(?!{_DUE_AS_SET})|owing to|thanks to|in order to|"
                     r"so as to|so that|the reasons?|as a result of|in protest|aim(?:s|ed)? to|wanted to|to protest)\b",
                     re.IGNORECASE)


# "What is LeanFIRE?", "What are tuft cells?", "What is a minority ethnic led company?": what a thing is, asked by
# its name alone (no one's, nothing of it: not "What is the Chargers' record?"), answered by a sentence that says
# it: the name, then "is", "are", "means", "refers to" ("A minority ethnic led company is defined as one …").
_DEFINED_Q = re.compile(r"^\s*what\s+(?:is|are)\s+(?:(?:a|an|the)\s+)?((?:(?!of\b)[\w-]+\s+){0,4}[\w-]+)\s*\?\s*$",
                        re.IGNORECASE)


@lru_cache(maxsize=64)
def _defining(question: str) -> re.Pattern:
    found = _DEFINED_Q.match(question)
    name = r"\W+".join(map(re.escape, found.group(1).split())) if found else r"(?!)"
    return re.compile(rf"\b{name}(?:s|es)?\b[\s,]+(?:\w+\s+)?(?:is|are|means|mean|refers?\s+to)\b", re.IGNORECASE)


def asked(question: str) -> AnswerType | None:
    """The kind of answer an English question asks for, or None when its words do not say. A why-question asks
    for a reason, whatever its verb ("Why does the service cost more?" is not answered by "$15 per month")."""
    if asks_why(question):
        return AnswerType.REASON
    if _TIME_Q.search(question):
        return AnswerType.TIME
    if _QUANTITY_Q.search(question) or _PRICE_Q.search(question) or measure_asked(question):
        return AnswerType.QUANTITY
    if _CALLED_Q.search(question):
        return AnswerType.CALLED
    if _DEFINED_Q.match(question):
        return AnswerType.DEFINITION
    if _NAME_Q.search(question):
        return AnswerType.NAME
    if _SPEECH_Q.search(question):
        return AnswerType.SPEECH
    return None


def holds(kind: AnswerType | None, sentence: str, question: str) -> bool:
    """Whether `sentence` holds an answer of that kind. A name must be one the question does not hold."""
    if kind is None:
        return False
    if kind is AnswerType.QUANTITY:
        return bool(_NUMBER.search(sentence))
    if kind is AnswerType.TIME:
        unit = _TIME_Q.search(question)
        if unit and (unit.group("unit") or "").lower().startswith(("year", "decade")):
            return bool(_YEAR_WRITTEN.search(sentence))  # "In which years …?": a year, not "last night"
        if unit and (unit.group("unit") or "").lower() == "time":
            return bool(_CLOCK.search(sentence))  # "What time …?": "at 6:38 p.m.", not "in September"
        if _AHEAD_Q.search(question):  # "When is the walkout?": not "warned last week"
            sentence = _PAST_TIME.sub(" ", sentence)
        elif _PAST_Q.search(question):  # "When did he quit?": not "a 40 minute show"
            sentence = _bare_spans_out(sentence, _BACK_FROM_NOW)
        return bool(_TIME.search(sentence))
    if kind is AnswerType.SPEECH:
        return bool(_SPEECH.search(sentence))
    if kind is AnswerType.REASON:
        return bool(_REASON.search(sentence))
    if kind is AnswerType.DEFINITION:
        return bool(_defining(question).search(sentence))
    if kind is AnswerType.CALLED:  # a name given, not the question's own word ("It is called podcasting")
        known = set(words.tokens(question))
        return any(set(words.tokens(found.group(1))) - known for found in _CALLING.finditer(sentence))
    person = person_asked(question)
    if person:  # "Which analyst …?": a name of someone, not "Wall Street analysts"
        return names_someone(sentence, question) and office_beside_name(person, sentence)
    known = _known_words(question)
    sentence = sentence[after_dateline(sentence) :]  # "WASHINGTON —" says where it was written, not who
    others = [w for match in _CAPITALISED.findall(sentence.lstrip(_OPENING))
              for w in _WORD.findall(re.sub(r"['’]s?$", "", match))  # "China’s" is China
              if w.lower() not in known and not _TIME.fullmatch(w)]
    # a country is the question's by any of its forms ("Chinese companies", "imposed by China"; "US", "the United
    # States"); and a country is no company, airline or brand ("Which airline did they book to India?")
    named = _WORD.findall(words.as_country_names(" ".join(others)))
    if _ORGANISATION.search(thing_asked(question) or ""):
        named = [w for w in named if w not in words.COUNTRIES]
    return any(w.lower() not in known for w in named)


# Things that are bodies or their products, which no country's name names
_ORGANISATION = re.compile(r"(?:compan(?:y|ies)|firms?|startups?|websites?|apps?|labels?|airlines?|banks?|"
                           r"newspapers?|magazines?|channels?|networks?|retailers?|brands?|manufacturers?|makers?|"
                           r"publishers?|studios?|charit(?:y|ies)|journals?|part(?:y|ies))$", re.IGNORECASE)


@lru_cache(maxsize=64)
def _known_words(question: str) -> frozenset[str]:
    """The words of a question, in lower case, a country's name among them for any of its forms it writes."""
    return frozenset(w.lower() for w in _WORD.findall(question + " " + words.as_country_names(question)))


# --- measures: a quantity asked for by its unit ----------------------------------------------------------
# "How far", "what does it cost", "what was the final score" ask for a quantity of one kind, written with its
# own units (miles, dollars, 24-21). The kinds are the numeric classes of the usual question taxonomy (Li and
# Roth, 2002: money, percent, distance, period, age, speed, weight, temperature, score, and so on), each with a
# question pattern on the wh-phrase and a sentence pattern on the units that write it. A plain count ("how many
# employees") is not a measure: any number may answer it.


@dataclass(frozen=True, slots=True)
class Measure:
    name: str              # what the reader is told is missing: "the cost"
    question: re.Pattern   # the wh-phrase that asks for it
    units: re.Pattern      # how a sentence writes it (a number is needed too, except where `units` is a word)
    needs_number: bool = True
    number: re.Pattern | None = None  # what counts as its number, if not any (`_NUMBER`)
    not_number: re.Pattern | None = None  # quantities of another kind, whose numbers are not its number
    # whether "how many <one of its units>" asks for it: "how many miles" for a distance, which may be written
    # "10km"; not "how many units were sold", nor "how many tablets", which are counted as themselves
    counted: bool = True
    fate: re.Pattern | None = None  # what befell those counted, which the sentence says too ("arrested")


def _p(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.IGNORECASE)


_MONEY_VERB = (r"(?:cost|costs|costing|pay|pays|paid|paying|earn|earns|earned|earning|spend|spends|spent|spending|"
               r"charge|charges|charged|charging|worth|fetch|fetched|sell|sold|buy|bought|fined?|owe|owes|owed|"
               r"invest|invested|raise|raised|receive|received|offer|offered|bid|awarded|compensat\w*|"
               r"demand|demands|demanded|demanding|seek|seeks|seeking|sought|donate|donates|donated|donating|contribute|"
               r"contributes|contributed|lend|lends|lent|loan|loaned|borrow|borrows|borrowed)")
# the verb of "how much ... paid" within a few words ("Blue Gene/L", "Disney+" are words too), in the same clause
# ("How much do tickets for the Doobie Brothers' 50th anniversary tour cost?")
_WITHIN = r"(?:\s+[\w'’&-][\w'’/+&.,-]*){0,10}?"  # "&" and "," too: "Marsh & McLennan", "Gaiman, McDougal and Rigney"
# what "how much" counts in money, the noun right after it or after one more word ("How much severance will they
# get?", "how much aid", "how much extra cash")
_MONEY_MASS = (r"(?:money|cash|funding|funds|revenues?|profits?|debts?|tax|taxes|rent|severance|compensation|damages|"
               r"salary|income|capital|investment|ransom|bail|aid|grants?|subsid(?:y|ies)|donations?|bonus(?:es)?)")
# "What did the group pay for its stake?", "What will the phone cost?": a verb whose object is the money, the
# clause's own verb (not "What did she say about the cost …?").
_WHAT_PAID = (r"\bwhat\s+(?:did|does|do|will|would|could|should)\s+"
              r"(?:(?!(?:say|said|tell|told|think|thought|mean|know|want)\b)[\w'’-]+\s+){0,6}?"
              r"(?:pay|spend|charge|earn|cost|fetch|raise)\b")
_BE = r"(?:(?:is|was|are|were|will be)\s+)?"  # "what was the ticket price"
# "is" and a thing up to the question's end, no word of it a participle or a verb's ending ("left", "escaping";
# a capitalised word is a name: "the Boeing 777X");
# its words apart by spaces, so that a long word is not tried split in every way (the pattern stays linear)
_THING_WORD = r"(?!(?-i:[a-z])[\w'’-]*(?:ed|ing|en)\b)(?!left\b)[\w'’.-]+"
_PRICE_OF = rf"\s+(?:is|are|was|were|will\s+be)\s+(?:{_THING_WORD}\s+){{0,5}}{_THING_WORD}\s*\?*\s*$"
# "What does the fee cover?", "what did bill shorten write?": a verb's subject, whose amount is not asked
_AUXILIARY = r"(?:did|does|do)"
# "What kept the price of oil above $50?" asks what did it (a past verb right after "what"), not a price; so does
# "What sets Uber's surge prices?" (a verb in -s, known by the thing right after it, where a noun such as "What
# fees does …?" has its verb)
_NO_VERB_YET = (rf"(?!(?!was\b|were\b)(?:{_IRREGULAR_PAST})\b|[a-z]{{3,}}ed\b"
                r"|(?!(?:was|is|has|does)\b)(?-i:[a-z]{2,}s)\s+(?:the|a|an|its|their|his|her|our|(?-i:[A-Z])[\w.-]*['’]s?)\s)")
# written without a capital: "What did Bill Shorten write?" names a man, not a bill to pay; a "net worth" or a
# "fortune" is a sum someone has
_MONEY_NOUN = r"(?-i:(?:price|cost|salary|wage|fee|fine|budget|valuation|bill|compensation|bonus|ransom|payout|" \
              r"settlement|tuition|worth|fortune)s?)"
_CURRENCY = r"[$£€¥₹₦]|\b(?:US\$|USD|EUR|GBP|dollars?|pounds?|euros?|yen|yuan|renminbi|rupees?|Rs\.?|rubles?|" \
            r"roubles?|francs?|cents?|pence|pesos?|reais|kronor|kroner|krona|lira|rand|naira|bitcoins?)\b|" \
            r"\bN\d[\d,.]*\s?(?:m|bn|k|million|billion|trillion)\b"  # Nigerian papers write naira "N500m"
_LENGTH = r"\d\s?(?:m|km|ft|cm|mm)\b|\b(?:miles?|kilomet(?:er|re)s?|met(?:er|re)s?|feet|foot|yards?|inch(?:es)?|" \
          r"centimet(?:er|re)s?|light[- ]years?|storeys?|stories|floors|altitude)\b"
_AGE = r"\b\d+[- ]years?[- ]olds?\b|\baged?\s+\d+|\bages?\s+(?:of\s+|from\s+)?\d+|,\s*\d{1,3}\s*,|" \
       r"\b(?:born|birthday)\b|" \
       r"\bin (?:his|her|their) (?:teens|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b"
# a thing that lasts, asked "How long is Kepa's contract?" (not "How long is the bridge?")
_LASTING_NOUN = (r"(?:contract|deal|sentence|ban|suspension|lease|loan|term|tenure|reign|career|delay|wait|strike|"
                 r"shutdown|trial|visit|stay|holiday|break|marriage|war|season|film|movie|show|course|programme|program|"
                 r"interview|chat|call|meeting|hearing|testimony|speech|surgery|operation|flight|journey|voyage|trip|"
                 r"tour|session|lifespan|life|streak|demo|absence|outage|lockdown|quarantine|detention)s?")
_LASTING_VERB = (r"(?:last|lasts|lasted|take|takes|took|taken|stay|stays|stayed|wait|waits|waited|serve|serves|"
                 r"served|sentenced|jailed|held|been|spend|spends|spent|remain|remains|remained|survive|survived|"
                 r"banned|suspended|imprisoned|detained|missing|married|in\s+(?:charge|office|power|prison|jail)|out)")
# a number of units of time, next to each other ("18 months", "a decade", "two-and-a-half years", "for several more
# years", "a few short hours"), not "in the next several weeks", a time to come, nor "a second time", an ordinal),
# or "since"; not an age ("The 23-year-old flew to London"), nor "since" giving a reason ("since it's the only way
# to play")
_SPAN = r"(?:\d[\d.,]*|" + _NUMBER_WORDS + r"|\ba\s+(?:few|couple(?:\s+of)?)\b|\ban?\b|(?<!next\s)\bseveral\b)" \
        r"(?:\s+|-)(?:\w+(?:-\w+){0,3}(?:\s+|-))?" \
        r"(?:seconds|second(?=\s*(?:[,.;:!?)]|$|(?:later|earlier|ago|or|and|to|of|in|before|after|long)\b))|" \
        r"minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|years?|decades?|centuries|hrs?|" \
        r"mins?)\b(?![- ]olds?\b)|\bovernight\b|" \
        r"\bsince\b(?!\s+(?:it|it['’]s|he|she|they|we|i|you|there|this|that|these|those)\b)"
# How long something lasted is not how long before or after something else it was: "two months after the onset",
# "a couple hours earlier" date a thing ("two minutes before bowing his head" does not); only a question that
# asks how long before or after is answered by them.
_LASTING = (rf"(?:{_SPAN})(?!\s+(?:(?:earlier|later|ago)\b|"
            r"(?:after|before|into)\s+(?:the|a|an|his|her|its|their|this|that)\b))")
_TIME_UNITS = r"(?:seconds|minutes|hours|days|weeks|months|years|decades)"
_BEFORE_AFTER = r"(?:\s+\w+)*?\s+(?:before|after|earlier|later|ago|into)\b"
_CHANGING = (r"(?:grow|rise|fall|drop|cut|shrink|increase|decrease|decline|expand|spread|melt|sell|change|improve|"
             r"recover|climb|sink|warm|cool|age|disappear|vanish|multipl(?:y|ie))(?:s|es|ed|d|ing|n)?|cutting|"
             r"dropping|grew|rose|risen|fell|shrank|shrunk|sank|sunk|sold")
_SPEED = r"\b(?:mph|kph|km/h|knots?|mach|[a-z]*flops|gbps|mbps|ghz|fps)\b|\bper (?:hour|second|minute)\b|" \
         r"\ban hour\b|\bin [\w.]+ seconds\b"
# "What speed …?", "What is the top speed …?", "What's its range …?", "What is Tesla's top speed?": the noun of a
# measure after "what", its verb and its article, or whose it is
_WHOSE = r"(?:[\w.&-]+\s+){0,2}[\w.&-]+['’]s?\s+"
_SHARE_RATE = (r"growth|inflation|unemployment|jobless|employment|interest|mortgage|tax|vacancy|poverty|"
               r"participation|approval|infection|positivity|mortality|survival|success|failure|default|savings")
_WHAT = rf"\bwhat(?:\s+(?:is|was|are|were)|['’]s)?\s+(?:(?:the|its|their|his|her|a)\s+|{_WHOSE})?(?:\w+\s+)?"
MEASURES = (
    # "By how much …?" asks for a change, written in any unit ("by a quarter of a percentage point", "2.5% each
    # year", "£2bn", "5.2 years"), whatever its verb: "raise" raises rates as well as money. Any number gives it.
    # So does "How far did exports fall?".
    Measure("the size of the change", _p(rf"\bby how much\b|\bhow far\b(?={_WITHIN}\s+{_CHANGING}\b)"), _NUMBER,
            needs_number=False),
    # "How much cheaper …?" asks for a difference, written as a ratio as often as a sum ("thirty times cheaper"),
    # and so does "How many more …?" ("18 times the number of tuft cells previously reported")
    Measure("the size of the difference",
            _p(r"\bhow many\s+(?:more|fewer)\b|"
               r"\bhow much\s+(?:cheaper|dearer|higher|lower|bigger|smaller|larger|faster|slower|longer|shorter|"
               r"older|younger|heavier|lighter|better|worse|greater|more|less|fewer|further|farther)\b"),
            _NUMBER, needs_number=False),
    # "how much" asks for money with "money" ("how much prize money") or another sum ("how much severance"), a
    # verb of money in its clause, "in" ("How much in goods …?": "$360 billion worth of Chinese goods", as English
    # news writes a sum of goods, damages or aid), or a thing and no verb ("How much is Stadia?", "How much are
    # the tickets?": a price; not "How much is left?"); "how expensive" or "how cheap" asks for a price too
    Measure("the amount of money",
            _p(rf"\bhow much\b(?:(?:\s+[\w'’-]+)?\s+(?:money|{_MONEY_MASS})\b|\s+in\b|{_WITHIN}\s+{_MONEY_VERB}\b"
               rf"|{_PRICE_OF})"
               rf"|\bwhat\s+{_NO_VERB_YET}{_BE}(?:(?!{_AUXILIARY}\b)\w+\s+|{_WHOSE}){{0,2}}{_MONEY_NOUN}\b|{_WHAT_PAID}"
               r"|\bhow (?:expensive|cheap|costly|pricey|affordable)\b"),
            _p(_CURRENCY)),
    # "What share of …?", "What market share …?" ask for a proportion too (not "What share price …?", a price),
    # and so does a rate told as a share ("What was India's GDP growth …?", "What is the unemployment rate …?";
    # not an exchange or a frame rate, nor "What is driving growth?")
    Measure("the percentage", _p(rf"{_WHAT}(?:percentage|percent|proportion|fraction|share(?=\s+of\b))\b"
                                 rf"|{_WHAT}market\s+share\b|{_WHAT}(?<!ing\s)(?:growth|inflation)\b"
                                 rf"|{_WHAT}(?<!ing\s)(?:{_SHARE_RATE})\s+rates?\b"),
            _p(r"%|\bper\s?cent\b|\bpercentage points?\b|\bone in \w+\b|"
               r"\b(?:half|halves|thirds?|fifths?|majority|minority)\b|"  # "two-thirds"
               r"\b(?:a|one|two|three)[- ]quarters?\b|\bquarter of\b"),  # not "the September quarter"
            needs_number=False),
    Measure("the age", _p(r"\bhow old\b|\b(?:at\s+)?what age\b"), _p(_AGE), needs_number=False),
    # "How often does he sing it?": a number of times in a span ("once a day", "twice weekly", "every four
    # years", "three times a season"), or a word of one ("daily", "annually")
    Measure("the frequency", _p(r"\bhow (?:often|frequently)\b"),
            _p(r"\b(?:once|twice|thrice|(?:\d+|" + _NUMBER_WORDS + r")\s+times)\b|\b(?:every|each)\s+(?:\w+\s+)?"
               r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|months?|years?|seasons?|morning|evening|time)\b|"
               r"\b(?:hourly|daily|nightly|weekly|fortnightly|monthly|quarterly|yearly|annually|biennially)\b"),
            needs_number=False),
    # "How long did the strike last?", "How long was he held?": a span of time, asked by a verb that lasts or
    # of a thing that lasts ("How long is his contract?"; not "How long is the bridge?", a length, nor "How long
    # is the cruise?", which may be either)
    # "How many days before the vote is the debate?": a span that dates one thing from another ("two days after")
    Measure("the duration", _p(rf"\bhow long(?:\s+(?:before|after)\b|\s+\w+{_BEFORE_AFTER})|"
                               rf"\bhow many\s+{_TIME_UNITS}{_BEFORE_AFTER}"),
            _p(_SPAN), needs_number=False),
    Measure("the duration", _p(rf"\bhow long\b{_WITHIN}\s+{_LASTING_VERB}\b"
                               # "How long had she worked there?", "How long after exposure …?": a verb of its own
                               # lasts, as a thing's length is asked with "is" ("How long is the bridge?")
                               r"|\bhow long\s+(?:do|does|did|has|have|had|will|would|can|could|should|"
                               r"may|might|must)\b"
                               rf"|\bhow long\s+(?:is|was|are|were|will\s+be)\b{_WITHIN}\s+{_LASTING_NOUN}\b"
                               rf"|{_WHAT}battery life\b"
                               # "How many hours does it take …?": a number of units of time is a span of it
                               rf"|\bhow many\s+{_TIME_UNITS}\b"),
            _p(_LASTING), needs_number=False),
    # "What is the population of Xilingol?": not any number of people ("28 people were quarantined")
    Measure("the population",
            _p(r"\bwhat(?:\s+(?:is|was|are|were)|['’]s)\s+(?:the\s+)?(?:\w+\s+)?population\b|\bhow populous\b"),
            _p(r"\b(?:population|populous|inhabitants|residents|home to)\b|\bpeople live\b|"
               r"\b(?:city|town|country|nation|state|region|province|county|district|island|village) of "
               r"(?:about |some |around |nearly |almost |more than |over )?[\d.,]+"),
            counted=False),
    # How fast something goes, not how fast it changes: "How fast have the papers been cutting staff?" asks a rate
    # ("twice the rate of the industry", "3% a year"), which no unit of speed writes
    Measure("the speed", _p(rf"\bhow fast\b(?!{_WITHIN}\s+{_CHANGING}\b)|{_WHAT}speeds?\b"),
            _p(_SPEED)),
    # How much power an engine or a plant puts out (not "How much power does the mayor have?")
    Measure("the power", _p(rf"\bhow much (?:horse)?power\b{_WITHIN}\s+(?:make|makes|produce|produces|generate|"
                            rf"generates|develop|develops|deliver|delivers|put out|puts out|output)\b|"
                            rf"\bhow much horsepower\b|{_WHAT}(?:horsepower|power output)\b"),
            _p(r"\b(?:horsepower|hp|bhp|kw|kilowatts?|ps|watts?|megawatts?|mw|gigawatts?|gw)\b")),
    Measure("the weight", _p(rf"\bhow heavy\b|\bhow much\b{_WITHIN}\s+weigh(?:s|ed)?\b|{_WHAT}weight\b"),
            # (not a torque: "414 lb-ft", "300 pound-feet")
            _p(r"\b(?:tons?|tonnes?|kg|kilograms?|kilos?|pounds?|lbs?|grams?|ounces?|oz)\b(?![-\s]?(?:ft|feet|foot)\b)")),
    Measure("the temperature", _p(rf"\bhow (?:hot|cold|warm)\b|{_WHAT}temperatures?\b"),
            _p(r"°|\bdegrees?\b|\bcelsius\b|\bfahrenheit\b|\bkelvin\b")),
    Measure("the dose", _p(rf"{_WHAT}(?:dose|dosage)s?\b"),
            _p(r"\b(?:mg|milligrams?|micrograms?|mcg|µg|ml|millilit(?:er|re)s?|doses?|dosages?|units|iu|tablets?|pills?)\b"),
            counted=False),
    Measure("the fuel economy",
            _p(r"\b(?:gas|fuel|petrol)\s+(?:mileage|economy|efficiency|consumption)\b|\bmpg\b|\bmiles per gallon\b"),
            _p(r"\bmpge?\b|\bmiles per gallon\b|\bl/100\s?km\b|\blit(?:er|re)s per 100\b|\bkm/l\b")),
    # a picture's resolution, in lines or pixels ("an unstable 1080p 60fps", "4K output", "2,560 x 1,600 pixels");
    # not one a body votes on ("What resolution did the Senate pass?")
    Measure("the resolution", _p(rf"^(?!.*\b(?:pass|passed|passes|adopt\w*|vot\w+|approv\w+|tabled?|introduc\w+|"
                                 rf"sponsor\w*|UN|council|senate|house|congress|parliament\w*|assembly|lawmakers)\b)"
                                 rf".*{_WHAT}(?:display\s+|screen\s+|video\s+)?resolutions?\b"),
            _p(r"\b\d{3,4}[pi]\b|\b[1-8]K\b|\bpixels?\b|\b(?:full|ultra)\s+HD\b|\bRetina\b"), needs_number=False),
    # a race's time, as athletics writes it ("one minute, 46.68 seconds", "1:46.68", "10.83sec"): "What was
    # Thanou's time in the 100m?", "What time did he run in the 800m?" (not a time of day, "What time did it
    # start?", nor "What was the time of the attack?")
    Measure("the time", _p(rf"\bwhat\s+(?:is|was)\s+(?:his\s+|her\s+|their\s+|{_WHOSE})(?:\w+\s+)?time\s+"
                           r"(?:in|for|at|over)\b|"
                           r"\bwhat\s+time\s+did\s+(?:[\w'’.-]+\s+){1,4}?(?:run|clock|record|swim|finish|post)\b"),
            _p(r"\b\d{1,2}:\d\d(?:\.\d+)?\b|\b\d+(?:\.\d+)?\s?(?:s|secs?|seconds?)\b|\bseconds?\b|\bminutes?\b")),
    Measure("the score", _p(r"\bwhat\s+(?:was|is|were)?\s*(?:the\s+)?(?:\w+\s+)?score\b|\bby what (?:score|margin)\b"),
            _p(SCORE), needs_number=False),
    # Last, as "range" after another measure's noun is that measure's ("what age range", "what temperature range").
    # Not how far something changes ("How far did exports fall?": "to $9.1 billion, down from $19.5 billion").
    Measure("the distance", _p(rf"\bhow far\b(?!{_WITHIN}\s+{_CHANGING}\b)|{_WHAT}(?:distance|range)\b"
                               r"|\bhow (?:tall|high|deep|wide)\b"),
            _p(_LENGTH)),
)


# A wh-word opening the question or a clause joined to it ("… and how big is it?"); "in which" opens none.
_ASK = re.compile(r"(?:^|\band\b|[,;])\s*"
                  r"(?P<wh>(?:(?:since|until)\s+)?(?:what|which|who|whom|whose|when|where|why|how))\b", re.IGNORECASE)


def quantity_phrase(question: str) -> str:
    """The words that ask for a quantity ("How long", "what price"), or ""."""
    found = _QUANTITY_Q.search(question)
    return found.group(0) if found else ""


def asks_several(question: str) -> bool:
    """Whether a question asks more than one thing ("How far away is Europa and how big is it?")."""
    return len(list(_ASK.finditer(question.strip(" ¿¡\"“'")))) > 1


def parts(question: str) -> list[str]:
    """The questions a question asks, each from its wh-word ("How long were they held, and what caused the
    crash?": "How long were they held, and ", "what caused the crash?"); one asking one thing is its only
    part."""
    question = question.strip(" ¿¡\"“'")
    starts = [0] + [m.start("wh") for m in _ASK.finditer(question) if m.start("wh") > 0]
    return [question[a:b] for a, b in zip(starts, starts[1:] + [len(question)], strict=True)]


def measure_asked(question: str) -> Measure | None:
    """The measure an English question asks for ("How far can it go?": the distance; "How many passengers
    …?": the number of passengers), or None."""
    return next((m for m in MEASURES if m.question.search(question)), None) or _count_asked(question)


# --- counts: "how many N" is answered by a number of N ------------------------------------------------------
# "How many employees does the firm have?" is answered by "4,200 employees", not by a sentence on the firm with a
# date in it. The words that name what is counted follow "how many", up to the first small word ("of", "did",
# "does"); a capitalised one (US, Russian) names whose, not what. A sentence gives the count when it holds a
# number and one of those words, singular or plural. Several words may stand for the thing ("mobile phone
# owners"): any of them will do, so that a count written with fewer words ("14,000 owners") is not missed.
# The number must stand alone and not be a year: the digits of "Boeing 777X", "787-9" or "COVID-19" name a thing,
# and "in 2014" dates one; neither counts anything. Nor does a sum or a share: "how many stores" is not answered
# by "sales growth of 3.5%" or "$53 million a week" (their numbers are set aside first, words and all), nor by
# the day of a date ("Nov. 18", "18 November"). A count is written in figures or in words, or as the last of a
# run ("a seventh straight session"); "half", "double" or "percent" write a proportion, not a count. A number
# joined to the word after it describes a thing ("a four-door car", "a two-year deal"), as digits do ("20-year-old");
# but "a four-time Grammy winner" has four.
_COUNT = re.compile(r"(?<![\w.,-])(?!(?:19|20)\d\d(?!\d|,\d))\d[\d,.]*(?:m|bn|k)?(?![\w-])|"
                    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
                    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
                    r"hundreds?|thousands?|millions?|billions?|trillions?|dozens?)\b(?!-(?!times?\b))|"
                    # "for a seventh straight session" counts seven sessions, "a 6th fatality" six deaths
                    r"\b(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
                    r"\d+(?:st|nd|rd|th))(?=\s+(?:straight|consecutive|successive|death|fatality|victim|case)\b)",
                    re.IGNORECASE)
_SCALE = r"(?:\s?(?:m|bn|k|million|billion|trillion)\b)?"
_MONTH = r"(?-i:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_NOT_A_COUNT = re.compile(rf"\b{_MONTH}\s+\d{{1,2}}\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}|"
                          rf"(?:[$£€¥₹]|\b(?:US\$|USD|EUR|GBP|Rs\.?)\s?)\d[\d,.]*{_SCALE}|"
                          rf"\d[\d,.]*{_SCALE}\s?(?:%|\bper\s?cent\b|\bpercent(?:age points?)?\b|"
                          rf"\b(?:dollars?|pounds?|euros?|yen|yuan|rupees?|rubles?|roubles?)\b)", re.IGNORECASE)
_LIVING = re.compile(r"\b(?:live|lives|lived|living|reside|resides|resided|inhabit|inhabits)\b", re.IGNORECASE)
_ATTENDING = re.compile(r"\b(?:attend|attends|attended|attending|watch|watched|watching|turned out)\b", re.IGNORECASE)
_HOW_MANY = re.compile(r"\bhow many\s+((?:[\w'’-]+(?:\.\w+)*\s*){1,4})", re.IGNORECASE)  # "ID.3 cars"
_DETERMINERS = frozenset("the a an these those this that its their his her our my your them us".split())
_SMALL = frozenset("""a an the of in on at to for by from with and or but than that which who whom whose do does did
    is are was were be been being have has had will would can could should may might must shall""".split())


_SINGULARS = {"people": "persons?", "children": "child", "men": "man", "women": "woman", "mice": "mouse",
              "teeth": "tooth", "feet": "foot", "geese": "goose"}


def _forms(word: str) -> str:
    """A regular expression for an English noun, singular or plural: soldier(s), city/cities, box(es)."""
    w = word.lower()
    if w in _SINGULARS:  # "people": "a fifth person"
        return rf"{w}|{_SINGULARS[w]}"
    if re.fullmatch(r"[A-Z]{2,}s", word):  # "MPs": MP(s)
        return rf"{re.escape(w[:-1])}s?"
    if w.endswith("ies") and len(w) > 4:
        return rf"{re.escape(w[:-3])}(?:y|ies)"
    if w.endswith(("ses", "xes", "zes", "ches", "shes")):
        return rf"{re.escape(w[:-2])}(?:es)?"
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return rf"{re.escape(w[:-1])}s?"
    if w.endswith("y") and len(w) > 3 and w[-2] not in "aeiou":
        return rf"{re.escape(w[:-1])}(?:y|ies)"
    return rf"{re.escape(w)}(?:s|es)?"


# What befell those counted, as a question asks it ("How many people were arrested?") and as a sentence may say it
# ("police detained 40 people", "the death toll", "12 wounded"): another fate is another count ("Three people
# have died" counts no arrests). Only these fates are judged; a count asked by another verb is not.
_DYING = r"\b(?:kill|killed|die|died|murder|murdered)\b"
_FATES = (
    (r"\b(?:arrest|arrested|detain|detained)\b",
     r"\b(?:arrest\w*|detain\w*|detention|custody|held|jailed|rounded\s+up)\b"),
    (_DYING, r"\b(?:kill\w*|die[ds]?|dead|deaths?|dying|lives|fatal\w*|perish\w*|murder\w*|"
     r"slain|casualt\w*|bodies|toll)\b"),
    (r"\b(?:injure|injured|wound|wounded|hurt)\b",
     r"\b(?:injur\w*|wound\w*|hurt|hospitali[sz]\w*|casualt\w*|treated)\b"),
    (r"\b(?:evacuate|evacuated|displaced)\b",
     r"\b(?:evacu\w*|fled|flee\w*|displac\w*|homeless|left\s+their\s+homes)\b"),
    (r"\b(?:rescue|rescued)\b", r"\b(?:rescu\w*|saved|pulled|freed|airlifted)\b"),
)


_SETTING_CLAUSE = re.compile(r"\b(?:when|after|before|since|while|until|because|as)\s", re.IGNORECASE)


_HOW_OFTEN = re.compile(r"(?:hour|dai|week|month|year|quarter|annual)ly", re.IGNORECASE)


def _count_asked(question: str) -> Measure | None:
    """"How many N …?" as a measure whose units are the words of N, or None (no such words: "how many of
    them")."""
    found = _HOW_MANY.search(question)
    if found is None:
        return None
    phrase: list[str] = []
    for word in found.group(1).split():
        if word.lower() in _SMALL or not word[0].isalnum():
            break
        phrase.append(word.strip("'’-?.,;:!"))
    # Typed without capitals ("how many russian soldiers", "how many us troops"), a word the dictionary does not
    # list names whose too, and so does a word of two letters there, an acronym (a pronoun cannot stand there).
    lower = words.typed_without_capitals(question)

    def names_whose(word: str) -> bool:
        if re.fullmatch(r"[A-Z]{2,}s", word):  # an acronym in the plural is a thing counted ("SUVs", "MPs")
            return False
        if word[:1].isupper():
            return True
        return lower and word.isalpha() and (len(word) <= 2 or not words.is_ordinary_word(word))

    counted = [w for w in phrase if w and not names_whose(w) and not w[0].isdigit()]
    # A people or a thing counted by its name, in the plural ("How many Italians were killed?", "How many Oscars
    # …?") is what is counted when no other word is.
    last = phrase[-1] if phrase else ""
    if not counted and names_whose(last) and last.isalpha() and last.endswith("s") and not last.endswith("ss") \
            and len(last) > 3:
        counted = [last]
    if not counted or any(w.lower() in _NOT_COUNTED for w in counted):
        return None
    # The thing counted ends with its plural noun, the last of the phrase ("gas leaks", "people's surveys"): a
    # verb may follow ("How many people died of …?" counts people, not deaths; "How many US troops remain …?").
    plural = max((i for i, w in enumerate(phrase) if (not names_whose(w) or w in counted) and
                  (w.lower() in _IRREGULAR_PLURALS or re.search(r"[^s'’]s$", w))), default=None)
    if plural is not None:
        counted = [w for w in counted if w in phrase[: plural + 1]]
    if not counted:
        return None
    # "How many miles …" asks for a distance, written "10km" as often as "ten kilometres": the measure's units.
    unit = next((m for m in MEASURES for w in counted if m.counted and m.needs_number and m.units.fullmatch(w)), None)
    if unit is not None:
        return unit
    # A word of how often tells which are counted, not what ("monthly users" are users; "140 million monthly active
    # businesses" are not).
    forms = [_forms(w) for w in counted if not _HOW_OFTEN.fullmatch(w)] or [_forms(w) for w in counted]
    # "How many people live in the camp?" is a population: "The population in the camp is around 40,000."
    if {w.lower() for w in counted} & {"people", "persons", "residents", "inhabitants"} and _LIVING.search(question):
        forms.append(r"population|inhabitants|residents")
    # and "How many people attended …?" by a crowd: "more than 12,000 in attendance"
    if {w.lower() for w in counted} & {"people", "persons", "fans", "spectators"} and _ATTENDING.search(question):
        forms.append(r"attendance|crowds?|spectators|fans")
    units = re.compile(r"\b(?:" + "|".join(forms) + r")\b", re.IGNORECASE)
    # The reader is told the thing counted, up to its plural noun ("US troops", not "US troops remain").
    name = f"the number of {' '.join(phrase[: plural + 1])}" if plural is not None else "the number asked for"
    # What befell them is asked in the clause that counts them, not in one that sets the time ("How many staff
    # vacancies were there when Epstein killed himself?" counts no deaths).
    counting = _SETTING_CLAUSE.split(question[found.start() :], maxsplit=1)[0]
    fate = next(((asked, said) for asked, said in _FATES if re.search(asked, counting, re.IGNORECASE)), None)
    if fate is not None and fate[0] == _DYING and {w.lower() for w in counted} & {"people", "persons"}:
        # people who died are counted as deaths too ("a 6th fatality"); horses are not
        units = re.compile(rf"{units.pattern}|\b(?:deaths?|fatalit(?:y|ies)|victims?|dead)\b", re.IGNORECASE)
    return Measure(name, found.re, units, number=_COUNT, not_number=_NOT_A_COUNT,
                   fate=re.compile(fate[1], re.IGNORECASE) if fate else None)


# Not judged: a rate ("how many frames per second": "60fps"), a span of time ("how many years": "a decade"), or
# how often ("how many times": "twice").
_NOT_COUNTED = frozenset("per times seconds minutes hours days weeks months years decades centuries".split())
_IRREGULAR_PLURALS = frozenset("people children men women police staff personnel cattle sheep fish mice teeth feet "
                               "geese".split())


# What a sum asked for is: the question's verb or noun of money, and the words a sentence says it with. A sum in
# the article that is something else ("$300 million in synergies" for "How much did Gannett pay for GateHouse?",
# "a price tag of £40m" for "How much does Adriano earn?") does not answer it. A sum "for" something or "a month"
# is a price or a payment, however it is written.
_SUM = r"(?:[$£€¥₹₦]\s?[\d.,]+\s?(?:m|bn|k|million|billion)?|\d\s?(?:dollars|pounds|euros))"
_FOR_SUM = (r"\b(?:for|at)\s+(?:about\s+|around\s+|just\s+|only\s+|roughly\s+|some\s+|up\s+to\s+|nearly\s+)?"
            r"(?:[$£€¥₹₦]|US\$|Rs\.?\s?)|" + _SUM + r"[\s-]+"
            r"(?:a|per|each|an)[\s-]+(?:month|year|week|day|share|ticket|head|person|piece|unit|night|game|download|"
            r"tonne|ton|barrel|pound|ounce|gallon|lit(?:re|er)|kilo|kg)\b|\bapiece\b")
_COSTING = r"\b(?:cost\w*|pric\w*|charg\w*|fees?|sells?|sold|selling|retail\w*|list\w*|tickets?|subscriptions?)\b"
_PAYING = r"\b(?:pa(?:y|ys|id|ying|yment)|b(?:uy|uys|ought|uying)|purchas\w*|acqui\w*|deal|fees?|bids?|bidding|" \
          r"offer\w*|sells?|sold|fetch\w*|spen[dt]\w*|g[ia]ve|given|transfer)\b"
# (a pay by its period: "a week" right after a sum, "$5m a year"; not "post bond within a week", nor a price's
# "a $6.99-a-month service")
_EARNING = r"\b(?:earn\w*|salar(?:y|ies)|wages?|pay|income|bonus\w*|prize|contract|" \
           r"per\s+(?:year|week|month|annum))\b|" + _SUM + r"\s+a\s+(?:year|week|month)\b"
# (the question's words for a sum, how a sentence says that sum, whether it is a price, a payment or a value,
# which a sentence also writes as a sum "for" or "at" something: "valued at $8.8 billion"; a profit, a salary, a
# loan or a fine is not, and a "$6.99-a-month service" is no one's salary)
_MONEY_ROLES = (
    (r"\b(?:cost|costs|costing|price|prices|priced|charge|charges|charged|charging|expensive|cheap|costly|pricey|"
     r"affordable|tickets?)\b", _COSTING + "|" + _PAYING, True),
    (r"\b(?:pay|pays|paid|paying|buy|bought|fetch|fetched|sell|sold|bid|offer|offered|spend|spends|spent)\b",
     _PAYING + "|" + _COSTING + "|" + _EARNING, True),
    (r"\b(?:earn|earns|earned|earning|salary|salaries|wages?|income)\b", _EARNING, False),
    (r"\b(?:invest|invested|investment|raise|raised|funding|funds|capital)\b",
     r"\b(?:invest\w*|rais\w*|fund\w*|back\w*|stakes?|inject\w*|capital|round|put|pour\w*|commit\w*)\b", False),
    (r"\b(?:donate|donates|donated|donating|contribute|contributes|contributed)\b",
     r"\b(?:donat\w*|contribut\w*|g[ia]ve|given|pledg\w*|gifts?)\b", False),
    (r"\b(?:lend|lends|lent|loan|loaned|borrow|borrows|borrowed|debts?|owe|owes|owed)\b",
     r"\b(?:lent|lend\w*|loans?|loaned|borrow\w*|debts?|owe\w*|credit)\b", False),
    (r"\b(?:fine|fined)\b", r"\b(?:fine[sd]?|penalt\w*|pay)\b", False),
    (r"\b(?:demand|demands|demanded|demanding|seek|seeks|seeking|sought|damages|compensation|compensat\w*)\b",
     r"\b(?:seek\w*|sought|demand\w*|damages|compensat\w*|claim\w*|su(?:e|es|ed|ing)|lawsuit)\b", False),
    (r"\b(?:valuation|worth)\b", None, True),
    (r"\b(?:severance|payout|settlement|ransom|bail|rent|tax|taxes|tuition|budget|revenues?|profits?)\b", None,
     False),
)
# the question's words that name no thing a sum may be written before ("How much was it worth today?")
_NOT_A_THING = frozenset("how much what was were the his her its their worth today now".split())
_ROLE_NOUN = {"severance": r"severance|payoff|pay-?out|compensation", "payout": r"pay-?outs?|pa(?:y|id)",
              "settlement": r"settle\w*", "ransom": r"ransom", "bail": r"bail", "rent": r"rent\w*",
              "tax": r"tax\w*", "taxes": r"tax\w*", "tuition": r"tuition|fees?", "budget": r"budget\w*|spen[dt]\w*",
              "revenue": r"revenues?|sales|turnover", "revenues": r"revenues?|sales|turnover",
              "profit": r"profits?|earn\w*|net income", "profits": r"profits?|earn\w*|net income",
              "valuation": r"valu\w*|worth", "worth": r"worth|valu\w*|prize"}


def money_role(question: str) -> re.Pattern | None:
    """How a sentence says what the sum a question asks for is ("How much did they pay?": paid, bought, a fee, a
    sum "for" something), or None when the question does not say (it asks "How much is it?", "how much money").
    A price or a worth is also written as the sum before its thing, a name or two between at most: "How much is
    Arsenal's deal with Emirates worth?" by "Arsenal's £100m deal with Emirates", "How much does the Meta Quest
    Pro cost?" by "the $1,000 Meta Quest Pro", the dress's worth by "$150K Pearl Oscar Dress"."""
    said = []
    priced = False
    for cue, saying, price in _MONEY_ROLES:
        for found in re.finditer(cue, question, re.IGNORECASE):
            said.append(saying if saying else rf"\b(?:{_ROLE_NOUN[found.group().lower()]})\b")
            priced = priced or price
    if priced:  # a price or a worth is also the sum written before its thing ("the $1,000 Meta Quest Pro")
        nouns = [w for w in re.findall(r"[^\W\d_]{3,}", question) if w.lower() not in _NOT_A_THING]
        if nouns:
            said.append(_SUM + rf"[\s-]+(?:(?-i:[A-Z])[\w'’-]*\s+){{0,2}}(?:{'|'.join(map(re.escape, nouns))})\w*\b")
    return re.compile("|".join([*said, _FOR_SUM] if priced else said), re.IGNORECASE) if said else None


# A sum asked for by the time it pays for ("How much will Chelsea pay him a week?", "How much is an annual
# subscription?") is written with that time ("£200,000-a-week", "$69.99 a year"); a fee or a monthly price is
# another sum.
_PERIODS = {"hour": r"hour\w*|an? hr|/hr", "day": r"day|daily|diem", "week": r"week\w*|/wk|pw",
            "month": r"month\w*|/mo", "year": r"years?|yearly|annual\w*|annum|/yr|p\.?a\."}
_PERIOD_Q = re.compile(r"\b(?:a|an|per|each|every)\s+(?P<unit>hour|day|week|month|year)\b|"
                       r"\b(?P<adverb>hourly|daily|weekly|monthly|yearly|annual|annually)\b", re.IGNORECASE)
_PERIOD_OF = {"hourly": "hour", "daily": "day", "weekly": "week", "monthly": "month", "yearly": "year",
              "annual": "year", "annually": "year"}


def money_period(question: str) -> re.Pattern | None:
    """The time a sum asked for pays for, as a sentence writes it ("a week": week, weekly, "-a-week"), or None."""
    found = _PERIOD_Q.search(question)
    if found is None:
        return None
    unit = found.group("unit") or _PERIOD_OF[found.group("adverb").lower()]
    return re.compile(rf"(?:\b|(?<=\d)|(?<=-))(?:{_PERIODS[unit.lower()]})\b", re.IGNORECASE)


# An age written as someone's, by their name: "the 18-year-old actress Sara Forestier", "Mr Ebbers, 63,"
# (at most five words: a run of capitals is then read in one pass, however long)
_NAME = r"[A-Z][\w'’-]+(?:\s+(?:[A-Z][\w'’.-]+|von|van|der|de|da|di|du|del|la|le|al|bin)){1,4}"
_AGE_OF = re.compile(rf"\b\d{{1,3}}[- ]years?[- ]olds?\s+(?:[a-z][\w-]*\s+){{0,3}}(?P<after>{_NAME})|"
                     rf"(?P<before>{_NAME}|(?:Mr|Mrs|Ms|Dr|Sir|Dame)\.?\s+[A-Z][\w'’-]+),\s*(?:aged\s+)?\d{{1,3}}\s*,")
# an age written in figures ("42-year-old", "aged 42", ", 42,"), not a birthplace ("Tunisian-born")
_AGE_WRITTEN = re.compile(r"\b\d+[- ]years?[- ]olds?\b|\baged?\s+\d+|\bages?\s+(?:of\s+|from\s+)?\d+|,\s*\d{1,3}\s*,",
                          re.IGNORECASE)


def age_by_name(text: str, names: Sequence[str]) -> bool:
    """Whether a text writes an age right beside one of the names, as news writes it: after the name between
    commas ("Mr Ebbers, 63, has always insisted …", "Patrick W. Carlineo Jr., 55, of Addison") or before it
    ("52-year-old Grace", "the 18-year-old actress Sara Forestier")."""
    for name in names:
        parts = [re.escape(w) for w in _WORD.findall(name) if w.lower() not in _OPENERS]
        if not parts:
            continue
        if re.search(rf"\b{parts[-1]}(?:\s+(?:Jr|Sr)\.?)?,\s*(?:aged\s+)?\d{{1,3}}\s*,", text, re.IGNORECASE) or \
                re.search(rf"\b\d{{1,3}}[- ]years?[- ]old\s+(?:[a-z]+\s+){{0,2}}(?:{'|'.join(parts)})\b", text):
            return True
    return False


def ages_of_others(sentence: str, names: Sequence[str]) -> bool:
    """Whether every age a sentence writes is someone else's, written by their name ("L'Esquive earned a prize
    for … its young star, the 18-year-old actress Sara Forestier" gives no age of Abdellatif Kechiche): not the
    name asked about, nor a word of it. Needs a name asked about; an age by no name ("The former star, 42, …")
    may be anyone's."""
    asked = {w.lower() for name in names for w in _WORD.findall(name)}
    ages = _AGE_WRITTEN.findall(sentence)  # in figures: "Tunisian-born" tells no age
    if not asked or not ages:
        return False
    others = [m for m in _AGE_OF.finditer(sentence)
              if not asked.intersection(w.lower() for w in _WORD.findall(m.group("after") or m.group("before")))]
    return len(others) >= len(ages)


# Someone's own count, written right after their name and one or two words of a verb, alone or as a list:
# "Anthony Davis scored 34 points", "Chris Paul had four points, 10 assists and five rebounds"
_COUNT_ITEM = r"(?:\d[\d,.]*|" + _NUMBER_WORDS + r")\s+(?:(?!and\b)[\w'’-]+\s+)?(?!and\b)[\w'’-]+"
_COUNTS_OF = re.compile(rf"(?:^|(?<=\s))(?:The\s+)?(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{0,3}})\s+"
                        rf"(?:[a-z]+\s+){{1,2}}"
                        rf"(?P<counts>{_COUNT_ITEM}(?:,\s+{_COUNT_ITEM})*(?:,?\s+and\s+{_COUNT_ITEM})?)")


_COUNTER_Q = re.compile(r"\bhow many\s+(?:[\w'’-]+\s+){1,4}?(?:did|does|do|has|have|had|will|would|could|can)\s+"
                        r"(?:the\s+)?(?P<who>(?-i:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*))", re.IGNORECASE)


def counter_asked(question: str) -> list[str]:
    """The one whose own count a question asks for ("How many points did LeBron James score?": LeBron James), as
    a list of at most one name; none where the count is of no one named ("How many prisoners were freed?")."""
    found = _COUNTER_Q.search(question)
    return [found.group("who")] if found else []


# a word before a name that makes it a place ("Police in Lagos arrested 40 people"), not someone counting
_PLACED = frozenset("in at on from for of to by with near outside inside across".split())


def counts_of_others(sentence: str, names: Sequence[str], measure: Measure) -> bool:
    """Whether every count of the units asked for that a sentence writes is someone else's, written right after
    their name ("… and Anthony Davis scored 34 points during the Lakers’ fifth straight victory" gives no points
    of LeBron James): not the one whose count is asked (`counter_asked`), nor a word of their name. Needs that
    name and a count; a count by no name ("The team scored 34 points", "Police arrested six people") may be
    anyone's, and so may one by a place ("in Leeds")."""
    asked = {w.lower() for name in names for w in _WORD.findall(name)}
    if not asked or measure.number is not _COUNT:
        return False
    counted = [m for m in _COUNT.finditer(sentence) if _counts(m, sentence, measure.units)]
    if not counted:
        return False
    others = [m.span("counts") for m in _COUNTS_OF.finditer(sentence)
              if not asked.intersection(w.lower() for w in _WORD.findall(m.group("name")))
              and not all(words.is_ordinary_word(w.lower()) and not words.is_listed_name(w)
                          for w in _WORD.findall(m.group("name")))  # "Police", not "James"
              and not any(_DESCRIBING.search(w) for w in m.group("name").split())  # "Two-year-old bug exposes"
              and not _PLACED.intersection(sentence[: m.start("name")].lower().split()[-1:])]  # "in Lagos"
    return all(any(start <= c.start() < end for start, end in others) for c in counted)


def holds_measure(measure: Measure, sentence: str) -> bool:
    """Whether a sentence writes a quantity of that measure: its units, and a number where the units need one;
    for a count of those something befell, that too ("How many people were arrested?" is not answered by "Three
    people have died")."""
    if not measure.units.search(sentence) or measure.fate is not None and not measure.fate.search(sentence):
        return False
    if measure.not_number is not None:
        sentence = measure.not_number.sub(" ", sentence)
    if measure.number is _COUNT:
        return any(_counts(found, sentence, measure.units) for found in _COUNT.finditer(sentence))
    return not measure.needs_number or bool((measure.number or _NUMBER).search(sentence))


_RANGE_END = re.compile(r"\d[\d,.]*|" + _NUMBER_WORDS, re.IGNORECASE)


# A number right after a noun that it labels counts nothing: "group 2 innate lymphoid cells", "type 2 diabetes",
# "a Phase 3 trial", "a Category 5 storm", "Chapter 11", "Article 50".
_LABELLED = re.compile(r"\b(?:group|type|phase|stage|level|class|category|grade|step|chapter|section|article|"
                       r"round|episode|season|series|generation|version|part|volume|no\.|number)\s+$", re.IGNORECASE)


def _counts(number: re.Match, sentence: str, units: re.Pattern) -> bool:
    """Whether a number found in a sentence may count the units asked for: the words right after it, up to a
    small word or the clause's end, name them ("20 teams", "four more teams"), or it has no words of its own ("in
    front of 15,522", "123 of the planes"), and no noun before it gives it as a label ("group 2 cells"). "at
    least one explanation for what tuft cells do" counts explanations, not tuft cells. "Dozens of flybys"
    counts flybys: "of" and a bare noun is what is counted; "of the" picks out a part ("123 of the planes")."""
    if _LABELLED.search(sentence[: number.start()]):
        return False
    run = []
    after = sentence[number.end():].split()
    # a range counts what its second number counts ("between four to six services")
    if len(after) > 1 and after[0].lower() in ("to", "or", "and", "-", "–") and _RANGE_END.fullmatch(after[1]):
        after = after[2:]
    if len(after) > 1 and after[0].lower() == "of" and after[1].lower() not in _DETERMINERS:
        after = after[1:]
    for word in after:
        bare = word.strip("'’\"“”()[],.;:!?")
        if not bare or bare.lower() in _SMALL:
            break
        run.append(bare)
        if word.rstrip("'’\"”)")[-1:] in (",", ".", ";", ":", "!", "?") or len(run) == 4:
            break
    if not run:  # "in front of 15,522"; but "one" with no words of its own stands for a thing ("to create one"),
        # and a fraction counts nothing ("a drag coefficient of 0.24, with air guided over the car")
        return number.group().lower() != "one" and not re.fullmatch(r"\d*\.\d+", number.group().rstrip(",."))
    return any(units.fullmatch(w) for w in run)
