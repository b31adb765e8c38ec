"""Cut article text into sentences and passages, keeping character offsets into the text (pure functions).

Passages are what the embedding model reads (all-MiniLM-L6-v2 truncates at 256 word pieces, about 180
English words), so they are packed from whole sentences up to a word budget and never cross an article's
end. Sentences are what quotes are made of.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# Words that end with a period without ending a sentence. Lower-case, without the period.
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sr jr st mt ft gen gov sen rep lt col sgt capt cmdr adm maj rev hon pres
    inc ltd co corp bros dept univ assn est approx vs etc e.g i.e cf al fig no nos vol pp jan feb mar apr
    jun jul aug sep sept oct nov dec u.s u.k u.n e.u a.m p.m d.c n.y l.a""".split()
)

# A sentence ends at . ! ? … (or the CJK 。！？) followed by optional closing quotes/brackets, then space;
# Chinese and Japanese put no space after a sentence.
_BOUNDARY = re.compile(r"""([.!?…。！？]+)(["'”’»)\]」』）]*)(\s+|$|(?<=[。！？」』）]))""")
_PARAGRAPH = re.compile(r"\n\s*\n")
# A dash after a place's short form goes on with a dateline ("Dekalb, Ill. — Mike Glass threw …", "ST. JOSEPH,
# Mich. (AP) — …"), and a dash after "!" or "?" with an aside ("lots of it! -- to wonder"). After a full stop, a
# dash may also open a line of dialogue ("… пожаловалась Поризкова. — Я …"), which is a new sentence.
_DASH = re.compile(r"(?:\(\w+\)\s*)?(?:[—–]|--)")
_DATELINE = re.compile(r",\s+[A-Z][a-z]{1,4}\.$")
# A quoted question or exclamation and who said it are one sentence: "“… the investigation?” Holmes testified."
_ATTRIBUTION = re.compile(r"(?:[A-Z][\w.’'-]*\s+){1,3}(?:said|says|asked|asks|added|adds|testified|told|wrote|writes|"
                          r"tweeted|replied|responded|recalled|explained|continued|insisted|shouted|shouts|"
                          r"yelled)\b")
# Chinese and Japanese characters (Han, kana), written without spaces between words.
CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_RUN = re.compile(rf"[{CJK}]+")
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Span:
    """A [start, end) slice of some text."""

    start: int
    end: int


def paragraphs(text: str) -> list[Span]:
    """Spans of the non-blank paragraphs (blocks separated by a blank line), whitespace trimmed."""
    spans = []
    pos = 0
    for match in [*_PARAGRAPH.finditer(text), None]:
        end = match.start() if match else len(text)
        span = _trim(text, pos, end)
        if span:
            spans.append(span)
        pos = match.end() if match else len(text)
    return spans


def sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentence spans inside text[start:end], never crossing a paragraph or line break."""
    end = len(text) if end is None else end
    spans: list[Span] = []
    for line in _lines(text, start, end):
        spans.extend(_sentences_in_line(text, line.start, line.end))
    return spans


def _lines(text: str, start: int, end: int) -> Iterator[Span]:
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        span = _trim(text, pos, stop)
        if span:
            yield span
        pos = stop + 1


def _sentences_in_line(text: str, start: int, end: int) -> Iterator[Span]:
    sent_start = start
    for match in _BOUNDARY.finditer(text, start, end):
        stop = match.end(2)
        if stop >= end:
            break
        if match.group(1) == "." and _is_abbreviation(text, sent_start, match.start(1)):
            continue
        following = text[match.end(3) : match.end(3) + 1]
        # "... 3.5 million" has no space; "He said. and then" keeps going only for a lower-case letter.
        if following and following.islower():
            continue
        if _DASH.match(text, match.end(3), end) and (match.group(1) != "." or _DATELINE.search(text, sent_start,
                                                                                                match.start(1) + 1)):
            continue
        if match.group(1) in ("?", "!") and match.group(2) and _ATTRIBUTION.match(text, match.end(3), end):
            continue
        if match.group(1) == "." and not match.group(2) and _name_goes_on(text, sent_start, match, end):
            continue
        span = _trim(text, sent_start, stop)
        if span:
            yield span
        sent_start = match.end(3)
    span = _trim(text, sent_start, end)
    if span:
        yield span


# A short run of capitalised words that closes the line: the rest of a name ("… called the ID. Space Vizzion
# Concept.").
_NAME_TAIL = re.compile(r"(?:[A-Z][\w’'-]*\s+){0,3}[A-Z][\w’'-]*[.!?][\"'”’»)]*\s*$")


def _name_goes_on(text: str, sent_start: int, match: re.Match, end: int) -> bool:
    """Whether a full stop after a capitalised word is part of a name whose other words close the line: "the
    ID. Space Vizzion Concept." is one sentence, where "Space Vizzion Concept." alone would be a fragment."""
    before = text[sent_start : match.start(1)].split()
    return bool(before) and before[-1][:1].isupper() and len(before) > 1 \
        and bool(_NAME_TAIL.fullmatch(text, match.end(3), end))


def _is_abbreviation(text: str, sent_start: int, dot: int) -> bool:
    word_start = dot
    while word_start > sent_start and not text[word_start - 1].isspace() and text[word_start - 1] not in "(\"“":
        word_start -= 1
    word = text[word_start:dot].lower()
    if not word:
        return False
    if word in _ABBREVIATIONS:
        return True
    # Single letters ("J. K. Rowling") and dotted initialisms ("U.S.") are not sentence ends.
    return len(word) == 1 and word.isalpha() or bool(re.fullmatch(r"(?:\w\.)+\w", word))


def _trim(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end) if end > start else None


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def passages(text: str, target_words: int = 120, max_words: int = 170) -> list[Span]:
    """Pack whole sentences into passages of about `target_words`, never over `max_words` unless a single
    sentence is longer (it is then cut at word boundaries so the model still reads all of it).

    A passage may span paragraphs: short paragraphs are joined so that a one-line paragraph keeps its
    neighbours as context. Offsets are into `text`.
    """
    units: list[tuple[Span, int]] = []
    for sentence in sentences(text):
        units.extend(_fit(text, sentence, max_words))
    result: list[Span] = []
    start: int | None = None
    end = 0
    words = 0
    for span, count in units:
        if start is not None and words + count > max_words or start is not None and words >= target_words:
            result.append(Span(start, end))
            start, words = None, 0
        if start is None:
            start = span.start
        end = span.end
        words += count
    if start is not None:
        # A short tail joins the previous passage when both fit the budget.
        if result and words < target_words // 3 and word_count(text[result[-1].start : end]) <= max_words:
            result[-1] = Span(result[-1].start, end)
        else:
            result.append(Span(start, end))
    return result


def _fit(text: str, span: Span, max_words: int) -> list[tuple[Span, int]]:
    words = list(_WORD.finditer(text, span.start, span.end))
    if len(words) <= max_words:
        return [(span, len(words))]
    pieces = []
    piece_start = span.start
    for i in range(max_words, len(words), max_words):
        cut = words[i].start()
        trimmed = _trim(text, piece_start, cut)
        if trimmed:
            pieces.append((trimmed, max_words))
        piece_start = cut
    tail = _trim(text, piece_start, span.end)
    if tail:
        pieces.append((tail, len(words) % max_words or max_words))
    return pieces


def character_pairs(run: str) -> list[str]:
    """A run of CJK characters as its overlapping pairs, the usual way to index scripts without spaces
    ("人工智能" -> 人工 工智 智能); a run of one or two characters stays as it is."""
    return [run[i : i + 2] for i in range(len(run) - 1)] if len(run) > 2 else [run]


def searchable(text: str) -> str:
    """The text as the keyword index reads it: each CJK run as its character pairs, separated by spaces, so that
    the index's tokenizer (which takes a whole run as one word) sees words a question can match."""
    return CJK_RUN.sub(lambda m: f" {' '.join(character_pairs(m.group()))} ", text)
