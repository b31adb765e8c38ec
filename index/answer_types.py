"""What kind of answer a question asks for, and whether a sentence holds one.

"How much does the oxygen bar charge?" is answered by a sentence with an amount in it ("Rs 299 for fifteen
minutes"), not by the article's lead that repeats the question's words. The question's opening words tell
the kind (a quantity, a time, a name); a sentence shows it by a number, a date word or a capitalised name the
question does not already hold. English only: questions in other languages get no type, and nothing changes
for them. The rules are the usual ones of answer-type classification in extractive question answering
(wh-word and head noun), kept to what a regular expression can tell reliably.
"""

from __future__ import annotations

import re
from enum import Enum


class AnswerType(Enum):
    QUANTITY = "quantity"
    TIME = "time"
    NAME = "name"


_QUANTITY_Q = re.compile(
    r"\b(?:how\s+(?:many|much|far|long|old|big|large|tall|fast|often|high|heavy|deep|wide)"
    r"|what\s+(?:percentage|share|proportion|price|amount|number|figure|score|rate|speed|distance|dose))",
    re.IGNORECASE)
# A verb of price ("what does it cost", "what was it worth"), lower-case only so that "Fort Worth" is a place,
# and not "charge", which is as often a criminal charge as a price.
_PRICE_Q = re.compile(r"\b(?:cost|costs|worth|valued|pay|paid)\b(?!.*\bwho\b)")
_TIME_Q = re.compile(r"^\s*(?:when|since when)\b|\bwhat\s+(?:year|date|day|time|month|decade)\b|\bin\s+which\s+year\b",
                     re.IGNORECASE)
# "which company", "which five companies", "what other countries": the head noun may follow a number or an
# adjective and may be plural.
_NAME_Q = re.compile(r"^\s*(?:who|whom|whose|where)\b|\b(?:which|what)\s+(?:\w+\s+)?(?:compan(?:y|ies)|firms?|"
                     r"person|people|m[ae]n|wom[ae]n|countr(?:y|ies)|cit(?:y|ies)|teams?|clubs?|players?|groups?|"
                     r"part(?:y|ies)|outlets?|newspapers?|organi[sz]ations?|agenc(?:y|ies)|brands?|towns?|states?|"
                     r"regions?|airlines?|banks?|ministers?|officials?|doctors?|coach(?:es)?|managers?|lawyers?|"
                     r"judges?|courts?)\b", re.IGNORECASE)

_NUMBER = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|"
    r"hundreds?|thousands?|millions?|billions?|trillions?|dozens?|half|quarter|third|double|twice|percent)\b",
    re.IGNORECASE)
_TIME = re.compile(
    r"\b(?:1[5-9]\d\d|20\d\d|\d{1,2}(?:st|nd|rd|th)|january|february|march|april|may|june|july|august|september|"
    r"october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday|yesterday|today|tomorrow|tonight|ago|since|until|decades?|years?|months?|weeks?|"
    r"days?|hours?|minutes?)\b", re.IGNORECASE)
_CAPITALISED = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][\w'’-]+|\b[A-Z]{2,}\b")
_WORD = re.compile(r"\w+")


def asked(question: str) -> AnswerType | None:
    """The kind of answer an English question asks for, or None when its words do not say."""
    if _TIME_Q.search(question):
        return AnswerType.TIME
    if _QUANTITY_Q.search(question) or _PRICE_Q.search(question):
        return AnswerType.QUANTITY
    if _NAME_Q.search(question):
        return AnswerType.NAME
    return None


def holds(kind: AnswerType | None, sentence: str, question: str) -> bool:
    """Whether `sentence` holds an answer of that kind. A name must be one the question does not hold."""
    if kind is None:
        return False
    if kind is AnswerType.QUANTITY:
        return bool(_NUMBER.search(sentence))
    if kind is AnswerType.TIME:
        return bool(_TIME.search(sentence))
    known = {w.lower() for w in _WORD.findall(question)}
    return any(w.lower() not in known for match in _CAPITALISED.findall(sentence) for w in _WORD.findall(match))
