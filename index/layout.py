"""An article's layout: its sentences, which lines are subheads, captions, bylines or other stories'
headlines rather than sentences, the sections between subheads, and the lead a digest opens a story with.
Pure functions of the article's text, shared by quote selection and the digest."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from .chunking import CJK_RUN, Span, sentences
from .words import TOKEN, tokens

# What ends a sentence, in Latin and in Chinese or Japanese script ("。" has no space after it, so a CJK sentence
# counts as one "word" and would otherwise look like a short subhead).
_ENDING = (".", "!", "?", "。", "！", "？")
_CLOSING = "\"”’')»」』）"  # what may follow the end of a sentence: a quotation's or a bracket's close
_CREDITED = re.compile(r"[.!?。！？][\"”’'»」』]*\s*[(（][^()（）]*[)）]$")  # "… on Monday. (Reuters)"
# A photo's caption ends with the photographer's credit: "… in Seoul on Thursday.Anthony Wallace / AFP - Getty
# Images", "(Thomas Coex/AFP/Getty Images)", "The Moulin Rouge cabaret in Paris Benoit Tessier/Reuters",
# "(AP Photo/Evan Vucci)". A wire's credit alone, "(Reuters)", ends a paragraph of the story instead.
_PHOTO_CREDIT = re.compile(r"(?:Getty Images|\w\s?/\s?(?:AFP|Reuters|AP|EPA|Bloomberg|Shutterstock)|"
                           r"\bAP Photo/[^/()]+)\)?$")

# An unended line that opens by pointing at a picture is its caption: "Above, the skull of a bryde's whale; right,
# a large-calibre bullet …", "Pictured: …", "Main image: …".
_PICTURED = re.compile(r"(?:above|below|left|right|top|bottom|pictured|main image|photograph|picture|photo|image)"
                       r"\s*[,:]", re.IGNORECASE)


# A score: two small numbers joined by a dash, not part of a date or a longer number ("21-7", "6-3, 7-6"). English
# news writes scores with a dash; a colon joins the hours and minutes of a time ("a 4:25 kickoff").
_SCORE_FIGURES = r"(?<![\d.,/:-])\d{1,3}\s?[-–—]\s?\d{1,3}(?!\d|[.,/:-]\d)"
SCORE = _SCORE_FIGURES + r"|\b(?:nil|goalless|scoreless)\b"
# A line of results gives one in figures: "Palm Bay d. Rockledge 70-44", "Arsenal 2-1 Chelsea"
_RESULT = re.compile(_SCORE_FIGURES)

# A line that ends with a colon only introduces what follows up to this many words ("Tour dates:", "Here are some of
# the highlights:", "The overall rankings of the countries were as follows:"); a longer one tells something too
# ("Seven big questions heading into the debate, to be carried on MSNBC:"), and a paragraph whose last sentence
# leads in is a paragraph ("On Nov. 15, 2019, former U.S. ambassador … testified … Here is what she said:").
LEAD_IN_WORDS = 10
_SENTENCE_END_INSIDE = re.compile(r"[.!?][\"”’)]?\s+\S")  # "The show opens on Friday. Highlights:" is two


def is_heading(text: str) -> bool:
    """A line without a sentence's closing punctuation that is short (a subhead, a caption, a byline) or written
    in headline style (the headline of another story linked from the page, a long subhead), or a line that only
    introduces what follows ("Tour dates:"), or the signature under a tweet or a quotation, which opens with a
    dash ("— Rep. Ilhan Omar (@Ilhan) November 19, 2019"). A line that reads as a list's item ("June 9 -- Coral
    Sky Amphitheatre", see _LIST_ITEM) or a label ("Path B: Bosnia and Herzegovina, Slovakia") may answer.
    A line all in capitals is a subhead or a label whatever its end ("WHAT SAY YOU, IMPEACHMENT JURY?"), a
    line that ends with a photographer's credit a caption (`_PHOTO_CREDIT`), and so is an unended line that
    points at the picture ("Above, …", `_PICTURED`)."""
    end = text.rstrip()
    lead_in = end.endswith(":") and len(end.split()) < LEAD_IN_WORDS and not _SENTENCE_END_INSIDE.search(end)
    if lead_in or _shouted(end) or is_question(end) and headline_style(end) or _PHOTO_CREDIT.search(end):
        return True  # a lead-in, a line in capitals, a subhead that asks ("What Does Stadia Offer?"), a caption
    if end.rstrip(_CLOSING).endswith(_ENDING) or _CREDITED.search(end) or _RESULT.search(end):
        return False  # a sentence, a credited quotation, or a result ("Palm Bay d. Rockledge 70-44")
    if end.startswith(("—", "–")) or len(end.split()) < 8 or _PICTURED.match(end):
        return True
    return headline_style(end) and not _LIST_ITEM.search(end) and ": " not in end


# What makes a line in headline style a list's item rather than a headline: it opens with a figure or a date
# ("4) Blade Runner …", "June 9 -- Coral Sky Amphitheatre"), or joins its parts with a dash or an at sign
# ("Apple Watch Series 3 (GPS, 38mm) - Silver …"). A headline's figure inside it makes no item ("Why Neon Is
# the Ultimate Symbol of the 20th Century").
_LIST_ITEM = re.compile(
    r"^\s*(?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d)|\s(?:-+|–|—|@)\s", re.IGNORECASE)


def _shouted(line: str) -> bool:
    """Whether every cased letter of the line (eight at least) is a capital; scripts without case never are."""
    cased = [c for c in line if c.isupper() or c.islower()]
    return len(cased) >= 8 and all(c.isupper() for c in cased)


def is_question(sentence: str) -> bool:
    """Whether a sentence asks rather than tells ("How big an impact have the tariffs had?"): it never answers
    a question, though it may stand beside the sentence that does. One that tells what someone asked ends as
    a question too (`reports_question`)."""
    return sentence.rstrip().rstrip(_CLOSING).endswith(("?", "？"))


def reports_question(sentence: str) -> bool:
    """Whether a sentence tells what someone asked, the question quoted at its end ("David Emery posted to
    Twitter asking if there were “any un-angry Trump supporters?”"), rather than asks; a quotation that is
    the whole sentence, or nearly ("He said: “Why?”"), asks."""
    words = _told_and_quoted(sentence)
    return words is not None and words[0] >= _TELLING_WORDS


def mostly_tells(sentence: str) -> bool:
    """Whether a sentence that tells a question (`reports_question`) tells more than it quotes: more words
    before the quoted question than in it ("Moving forward, Swift has a new record deal in place with Universal
    Music Group, and The Carlyle Group will be left to wonder: “what did we do to deserve this?”"), so that it
    may answer what it tells; not a lawyer's long question put to a witness."""
    words = _told_and_quoted(sentence)
    return words is not None and words[0] >= _TELLING_WORDS and words[0] > words[1]


def _told_and_quoted(sentence: str) -> tuple[int, int] | None:
    """(words before, words inside) the question quoted at a sentence's end, or None when it ends with none."""
    text = sentence.rstrip()
    asked = text.rstrip(_CLOSING)
    if not asked.endswith(("?", "？")) or len(asked) == len(text):
        return None
    opened = max(asked.rfind(mark) for mark in _OPENING_QUOTES)
    if opened <= 0:
        return None
    return len(TOKEN.findall(asked[:opened])), len(TOKEN.findall(asked[opened:]))


_OPENING_QUOTES = ("\"", "“", "«", "「", "『")
_TELLING_WORDS = 3  # words before a quoted question that make a sentence telling it ("Emery asked, “…?”")


def headline_style(line: str) -> bool:
    """Whether most of the line's longer words are capitalised, as in "Police Identify Man Found in Plano"."""
    longer = [w for w in TOKEN.findall(line) if len(w) > 3]
    return bool(longer) and sum(w[0].isupper() for w in longer) >= 0.8 * len(longer)


def line_of(text: str, span: Span) -> str:
    """The whole line a sentence stands on: "VOLKSWAGEN ID. SPACE VIZZION CONCEPT" is one subhead even where
    the abbreviation's full stop splits it in two."""
    return text[text.rfind("\n", 0, span.start) + 1 : (text.find("\n", span.end) + 1 or len(text) + 1) - 1]


# The page speaking to its reader rather than reporting: a call to sign up, follow, write or comment, a
# contact address ("Email the writer at …", "Leave a comment and let us know …"), a link to another of its
# pages ("Related: …", "[Read: …]"), the print edition's note, or where the story first appeared.
_FURNITURE = re.compile(
    r"^[\"“]?(?:sign up|subscribe to|follow (?:us|me|him|her|them)|click here|leave a comment|email (?:the|us|me)\b|"
    r"keep up with (?:the|our)\b.{0,40}\bnewsletter\b|"
    r"contact (?:us|the writer|the author)|share this|download (?:the|our) app)\b|[\w.+-]+@[\w-]+\.[a-z]{2,}|"
    # a link to another page, an editor's insert in brackets, the print edition's note, a paper's reference, a
    # call to listen to or read the whole of it elsewhere
    r"^\[[^\]]*\]$|^(?:related|read more|read|see also|more information|lire aussi|mehr zum thema)\s?:|"
    r"^a version of this article appears in print\b|"
    r"^(?:listen to|watch|read) the full (?:interview|transcript|story|report|video|speech)\b|^see more photos\b|"
    r"^(?:read|see|watch|listen to) (?:our|my)\b|^be sure to (?:check out|read|follow|subscribe)\b|"
    # a promotion of the site's other stories ("… top entertainment headlines for Nov. 19 are here.")
    r"\bheadlines (?:for|of) .{1,30}? are here\b|^check out what's clicking\b|"
    # where the story was first published ("This article originally appeared on The Atlantic.", "Originally
    # published on Live Science.", "This article has been adapted from its original source.")
    r"^this (?:article|story|piece|post|report) (?:originally |first )?(?:appeared|was (?:originally |first )?"
    r"published|has been (?:adapted|republished))\b|^(?:originally|first) (?:published|appeared|posted)\b|"
    # the rights notice at a page's foot ("Copyright 2019 Hawaii News Now. All rights reserved.")
    r"^(?:copyright\b|©)|\ball rights reserved\b|^this material may not be (?:published|reproduced)\b",
    re.IGNORECASE)


def is_furniture(sentence: str) -> bool:
    """Whether a sentence is the site's own furniture, not the story: never quoted, never a lead."""
    return bool(_FURNITURE.search(sentence))


# A note on the writer at the page's foot ("Sarah Archer is the author of The Midcentury Kitchen.", "Lucas Nolan is
# a reporter for Breitbart Tech …", "Clark Boyd is technology correspondent for The World …", "Steven Mufson covers
# the White House."): a last paragraph naming someone as what writes, or what they cover.
_AUTHOR_NOTE = re.compile(r"^(?P<writer>(?:[A-Z][\w.'’-]*\s+){1,3})"
                          r"(?:(?:is|was)\s+(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,3}?"
                          r"(?i:reporter|author|writer|journalist|columnist|commentator|contributor|editor|"
                          r"correspondent|critic|producer)\b|covers\s+(?:the\s+)?[A-Z])")
# The credits around it: who reported, from where, and who helped ("Stella Kim reported from Seoul, and Jennifer
# Jett from Hong Kong.", "Abigail Williams and Beomsu Jo contributed.", "Additional reporting by …"), and the
# writer's name on a line of its own above their note.
_CREDITS = re.compile(r"^(?:(?:[A-Z][\w.'’-]*,?\s+(?:and\s+)?){1,8}(?:contributed\b|reported\s+from\b)|"
                     r"^(?i:(?:additional\s+)?(?:reporting|writing|editing|research)\s+by)\b|"
                     r"^(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*$)")


def author_note(text: str, span: Span) -> bool:
    """Whether a sentence is of the writer's note or the credits that end an article: it answers only a question
    about them."""
    foot = _note_start(text)
    return foot is not None and span.start >= foot


def writers(text: str) -> list[str]:
    """Whom the writer's note that ends an article names as its writers ("Bill Thompson is a regular commentator
    on …"): the article is their own words, as a byline's."""
    foot = _note_start(text)
    notes = (_AUTHOR_NOTE.match(p.strip()) for p in text[foot:].split("\n")) if foot is not None else ()
    return list(dict.fromkeys(m.group("writer").strip() for m in notes if m))


@lru_cache(maxsize=256)
def _note_start(text: str) -> int | None:
    """Where the writer's note, or the credits, that end the text begin, if it ends with them: the last paragraphs
    each of which is a note or a credit (`_CREDITS`); the first paragraph never is."""
    rest, foot = text.rstrip(), None
    while (start := rest.rfind("\n") + 1) > 0:
        paragraph = rest[start:].strip()
        if not (_AUTHOR_NOTE.match(paragraph) or _CREDITS.match(paragraph)):
            break
        rest, foot = rest[:start].rstrip(), start
    return foot


@lru_cache(maxsize=1024)
def sentence_bags(text: str) -> tuple[list[Span], list[set[str]], list[bool]]:
    """An article's sentences, the words of each, and whether each is (part of) a subhead or caption that
    cannot answer; kept for the articles asked about most recently."""
    spans = sentences(text)
    linked = _linked_headlines(text)
    headings = [len(spans) > 1 and (is_heading(text[s.start : s.end]) or is_heading(line_of(text, s))
                                    or is_furniture(text[s.start : s.end]) or line_of(text, s) in linked)
                for s in spans]
    return spans, [set(tokens(text[s.start : s.end])) for s in spans], headings


# A line that sets a short label before its text ("Internal memo: Federal prison guards falsified records …").
_LABELLED = re.compile(r"^[^:\n]{1,40}: \S")
SUBHEAD_WORDS = 12  # the most words of a sentence-case subhead standing between paragraphs, as measured below


def _linked_headlines(text: str) -> set[str]:
    """The lines, among paragraphs, that are a subhead or another story's headline although they do not look
    like one (they are written as a sentence, without its full stop). A line that sets a label of five words or
    fewer before its text ("Staffers 'don't care': Federal prison suicides were quietly rising …"), with no
    line like it next to it; or a line of 8 to 12 words ("Interest costs make it harder for the government to
    do other things") between lines that end as sentences do. Lines like it next to each other are a list
    ("Path A: …", "Path B: …"), and answer; so does a line that reads as a list's item (`_LIST_ITEM`) or
    opens with a quotation mark or a bullet. In the shared corpus the two find 35 lines, all subheads, links,
    captions or the site's furniture; longer unended lines are as often a paragraph whose full stop was
    lost. And a label of links ("Read more:", "More about the federal debt and the economy", "Story Timeline")
    with the unended lines under it, whatever their length."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]

    def unended(line: str) -> bool:
        return not line.rstrip(_CLOSING).endswith(_ENDING) and not _CREDITED.search(line) and not line.endswith(":")

    def labelled(line: str) -> bool:
        return bool(_LABELLED.match(line)) and len(line.split(": ", 1)[0].split()) <= 5 and unended(line)

    def beside(i: int) -> list[str]:
        return [lines[j] for j in (i - 1, i + 1) if 0 <= j < len(lines)]

    def under_a_label(i: int) -> bool:
        return labelled(lines[i]) and not any(map(labelled, beside(i)))

    def between_paragraphs(i: int) -> bool:
        return (len(lines[i].split()) <= SUBHEAD_WORDS and lines[i][0] not in "\"“‘'-•*–—"
                and not any(map(unended, beside(i))))

    found = {line for i, line in enumerate(lines)
             if len(line.split()) >= 8 and not _LIST_ITEM.search(line) and unended(line)
             and (under_a_label(i) or between_paragraphs(i))}
    # Under a label of links ("Read more:", "Related stories:"), the lines without closing punctuation that
    # follow it are the other stories' headlines, whatever their length.
    for i, line in enumerate(lines):
        if _LINKS_LABEL.fullmatch(line):
            found.add(line)  # the label itself, when it is long enough not to look like one ("More about …")
            for following in lines[i + 1 :]:
                if not unended(following):
                    break
                found.add(following)
    return found


_LINKS_LABEL = re.compile(
    r"(?:read more|related(?: stories| articles| coverage| content| links)?|more on this(?: story)?|see also|"
    r"also read|read also|recommended(?: reading| stories)?|further reading|read next|more stories|"
    r"more (?:from|about) [\w .'’&-]{1,40}|more about|story timeline|you may also like|lire aussi|mehr zum thema) ?:?",
    re.IGNORECASE)


def quotable_sentences(text: str) -> list[Span]:
    """The sentences of a text that may be quoted: not subheads, captions, bylines or other stories' headlines."""
    spans, _, headings = sentence_bags(text)
    return [span for span, heading in zip(spans, headings, strict=True) if not heading]


@lru_cache(maxsize=1024)
def subheads(text: str) -> list[bool]:
    """Which sentences are (part of) a subhead that opens a section: the lines `sentence_bags` sets apart, but
    not a photo's caption, which stands inside a section ("… in Seoul on Friday. Ezra Acayan / Getty Images"
    between two paragraphs on the same vote)."""
    spans, _, headings = sentence_bags(text)
    return [heading and not _caption(line_of(text, span)) for span, heading in zip(spans, headings, strict=True)]


def _caption(line: str) -> bool:
    end = line.rstrip()
    return bool(_PHOTO_CREDIT.search(end) or _PICTURED.match(end) and not end.rstrip(_CLOSING).endswith(_ENDING))


def section(headings: Sequence[bool], i: int) -> tuple[int, int]:
    """The sentences between the subheads around sentence i, as a range: in a round-up ("VOLKSWAGEN ID. SPACE
    VIZZION CONCEPT", then "FORD MUSTANG MACH E") each section is about a subject of its own."""
    first = next((j + 1 for j in range(i - 1, -1, -1) if headings[j]), 0)
    last = next((j for j in range(i + 1, len(headings)) if headings[j]), len(headings))
    return first, last


def heads_of(headings: Sequence[bool], i: int) -> list[int]:
    """The subheads right above sentence i's section, nearest last: in a round-up of products the subhead may
    give what the section's text does not ("Sonos Move for $400", then "See it now: Amazon")."""
    first, _ = section(headings, i)
    start = first
    while start > 0 and headings[start - 1]:
        start -= 1
    return list(range(start, first))


# A dateline or a wire's credit before the lead's first words ("WASHINGTON (Reuters) - ", "(Reuters) — ",
# "SANTA FE, N.M. (AP) — ", "Dekalb, Ill. — ", "NEW DELHI: ", "Hong Kong (CNN Business) "): where and from
# whom, which the digest's source line says.
_CAPITAL_PLACE = r"[A-Z][A-Z.'’ ]*[A-Z.](?:, ?[A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)*)?"  # SANTA FE, N.M.; HANOI, Vietnam
_PLACE = r"[A-Z][a-z]+(?: [A-Z][a-z]+)*(?:, [A-Z][A-Za-z.]*(?: [A-Z][a-z]+)*)?"  # Hong Kong; Honolulu, Hawaii
_CREDIT = r"\((?:AP|Reuters|AFP|UPI|Bloomberg|CNN(?: Business)?|dpa|Xinhua|PTI|IANS|CNW|[A-Z]\w*News\w*)\)"
_DASH = r" ?(?:—|–|--|-) "
_DATELINE = re.compile(
    rf"(?:{_CAPITAL_PLACE}(?P<placed> {_CREDIT})?{_DASH}|{_CAPITAL_PLACE}: "
    rf"|[A-Z][a-z]+(?: [A-Z][a-z]+)*, [A-Z][a-z]{{1,4}}\.{_DASH}"  # Dekalb, Ill. —
    rf"|(?:{_PLACE} )?{_CREDIT}(?:{_DASH}| ))(?=[A-Z\d“\"‘'])")


def lead_sentences(text: str, max_chars: int = 320) -> str:
    """The first sentence of the text, and the second too while both stay short: verbatim. A caption, byline or
    subhead before it ("Photo", "Staff Reports"), a time stamp or a score line ("10 p.m.", "Palm Bay 18 22 13 17
    — 70"), a line in parentheses or in headline style ("What Does Stadia Offer?") is passed over."""
    quotable = quotable_sentences(text)
    first = next((i for i, s in enumerate(quotable) if _can_lead(text, s)), 0)
    spans = (quotable[first:] or sentences(text, 0, min(len(text), 4 * max_chars)))[:2]
    # (lead_index gives the same first sentence's place among all the text's sentences)
    if not spans:
        return ""
    end = spans[0].end
    same_paragraph = len(spans) > 1 and "\n" not in text[spans[0].end : spans[1].start]
    if same_paragraph and spans[1].end - spans[0].start <= max_chars and spans[0].end - spans[0].start < 160:
        end = spans[1].end
    if end - spans[0].start > max_chars:  # one very long sentence: its start, cut between words
        cut = text.rfind(" ", spans[0].start, spans[0].start + max_chars)
        end = cut if cut > spans[0].start else spans[0].start + max_chars
    return text[after_dateline(text, spans[0].start, spans[0].end) : end]


def after_dateline(text: str, start: int = 0, end: int | None = None) -> int:
    """Where the sentence text[start:end] begins after its dateline or wire credit, if it opens with one
    ("WASHINGTON (Reuters) - Scientists …"); `start` if not. A place alone before a dash is a dateline only
    when the sentence holds no other such dash: else it is a name with an aside ("NASA - the agency - …")."""
    end = len(text) if end is None else end
    dateline = _DATELINE.match(text, start, end)
    if dateline is None:
        return start
    dash = dateline.group().rstrip()[-1:]
    aside = dash in ("—", "–", "-") and not dateline.group("placed") and ")" not in dateline.group() \
        and dash in text[dateline.end() : end]
    return start if aside else dateline.end()


def lead_index(text: str) -> int | None:
    """Which of the text's sentences (`sentence_bags`) opens the story, as a digest's lead does; None when none
    can."""
    spans, _, headings = sentence_bags(text)
    return next((i for i, (s, h) in enumerate(zip(spans, headings, strict=True)) if not h and _can_lead(text, s)),
                None)


_LETTERS = re.compile(r"[^\W\d_]+")


def _can_lead(text: str, span: Span) -> bool:
    """Whether a sentence can open a story. One that shares its line with the next does ("Dekalb, Ill. — Mike
    Glass threw …"); a line of its own needs three words or more (Chinese and Japanese have no spaces to count),
    and must not be wholly in parentheses, nor a headline without a full stop ("What Does Stadia Offer?"). A
    question never leads: it is the writer's hook ("Remember New Jersey's epic quest to find a state slogan?"),
    not the story. Nor does a paragraph that ends leading in to what follows ("The Latest on a deadly stabbing …
    (all times local):")."""
    line = text[span.start : span.end]
    if is_question(line) and not reports_question(line) or line_of(text, span).rstrip().endswith(":"):
        return False
    if line != line_of(text, span).strip() or CJK_RUN.search(line):
        return True
    if line.startswith("(") and line.endswith(")"):
        return False
    return len(_LETTERS.findall(line)) >= 3 and not (headline_style(line) and not line.endswith("."))
