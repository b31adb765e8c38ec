"""Quote selection (pure, given the passages found): which sentences of which articles answer the question.

1. In each article found, every sentence is scored by how much of the question's weight it holds, a word
   weighing its IDF in the library times its IDF among the article's sentences (half for headline words):
   the article's subject found the article, the words rare inside it find the sentence. The best sentence
   becomes a quote together with the neighbour that gives it context. Subheads, captions, bylines and other
   stories' headlines are never quoted.
2. Up to three quotes come from different articles, only while they stay close to the best one. The first
   may add a second excerpt of its article: the sentence that holds what the quote lacks.
3. Each quote links to its article with a text fragment that opens the page at the quote.
A digest's lead is chosen here too: the first sentences that can open a story.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from urllib.parse import quote as percent_encode

from . import answer_types
from .answer_types import AnswerType
from .chunking import CJK_RUN, Span, sentences
from .models import Article, Passage
from .search import Candidate, SearchConfig
from .words import TOKEN, bag_coverage, coverage, is_english, tokens

_ANAPHORA = re.compile(r"^[\"“‘']?(?:he|she|it|they|this|that|these|those|his|her|its|their|but|and|so|however|"
                       r"also|yet|then|there|such|both|the move|the company|the decision)\b", re.IGNORECASE)
MAX_QUOTE_CHARS = 700
OUTSIDE_PASSAGE = 0.5  # a sentence of a found article outside its found passages keeps half their rank
SENTENCE_RANK_WEIGHT = 0.25
BM25_K1, BM25_B = 1.2, 0.75  # Robertson's usual constants, used for sentence length inside an article


@dataclass(frozen=True, slots=True)
class ScoredQuote:
    article: Article
    span: Span
    score: float
    coverage: float
    cosine: float
    also: tuple[Span, ...] = ()  # a further excerpt of the article, holding what the quote lacks
    sentence: Span | None = None  # the sentence chosen, inside `span` (which adds its neighbour)


# What ends a sentence, in Latin and in Chinese or Japanese script ("。" has no space after it, so a CJK sentence
# counts as one "word" and would otherwise look like a short subhead).
_ENDING = (".", "!", "?", "。", "！", "？")
_CLOSING = "\"”’')»」』）"  # what may follow the end of a sentence: a quotation's or a bracket's close
_CREDITED = re.compile(r"[.!?。！？][\"”’'»」』]*\s*[(（][^()（）]*[)）]$")  # "… on Monday. (Reuters)"


def _is_heading(text: str) -> bool:
    """A line without a sentence's closing punctuation that is short (a subhead, a caption, a byline) or written
    in headline style (the headline of another story linked from the page, a long subhead), or a line that only
    introduces what follows ("Tour dates:"), or the signature under a tweet or a quotation, which opens with a
    dash ("— Rep. Ilhan Omar (@Ilhan) November 19, 2019"). A line with a figure in it ("June 9 -- Coral Sky
    Amphitheatre") or a label ("Path B: Bosnia and Herzegovina, Slovakia") may be a list's item, and answer."""
    end = text.rstrip()
    if end.endswith(":"):
        return True
    if end.rstrip(_CLOSING).endswith(_ENDING) or _CREDITED.search(end):
        return False
    if end.startswith(("—", "–")) or len(end.split()) < 8:
        return True
    return headline_style(end) and not any(c.isdigit() for c in end) and ": " not in end


def headline_style(line: str) -> bool:
    """Whether most of the line's longer words are capitalised, as in "Police Identify Man Found in Plano"."""
    longer = [w for w in TOKEN.findall(line) if len(w) > 3]
    return bool(longer) and sum(w[0].isupper() for w in longer) >= 0.8 * len(longer)


def line_of(text: str, span: Span) -> str:
    """The whole line a sentence stands on: "VOLKSWAGEN ID. SPACE VIZZION CONCEPT" is one subhead even where
    the abbreviation's full stop splits it in two."""
    return text[text.rfind("\n", 0, span.start) + 1 : (text.find("\n", span.end) + 1 or len(text) + 1) - 1]


def _length_factor(length: int, mean_length: float) -> float:
    """BM25's length normalisation, with its usual constants (k1 = 1.2, b = 0.75), for a term found once:
    1 for a sentence of the article's mean length, more for a shorter one, less for a longer one. A long
    lead sentence that names everything in the question no longer beats the short one that answers it."""
    return (BM25_K1 + 1) / (1 + BM25_K1 * (1 - BM25_B + BM25_B * length / mean_length)) if mean_length else 1.0


def _typed_coverage(present: set[str], weights: dict[str, float], kind: AnswerType | None, typed: bool) -> float:
    """Coverage where the kind of answer asked for (a number for "how many") counts as one more word of the
    question, as heavy as its heaviest word: a sentence that holds the words but no answer scores less than
    one that also holds the answer."""
    if kind is None or not weights:
        return bag_coverage(present, weights)
    extra = max(weights.values())
    held = sum(w for t, w in weights.items() if t in present) + (extra if typed else 0.0)
    return held / (sum(weights.values()) + extra)


def _typed(text: str, spans: Sequence[Span], headings: Sequence[bool], kind: AnswerType | None,
           measure: answer_types.Measure | None, question: str) -> tuple[list[bool], bool]:
    """(whether each sentence holds the kind of answer asked for, whether that is the measure asked for). A
    quantity asked for by its units ("how far": miles, kilometres) is held by the sentences that write those
    units, where the article has any; otherwise by any number, as for a count."""
    if kind is None:
        return [False] * len(spans), False
    if measure is not None:
        typed = [not heading and answer_types.holds_measure(measure, text[s.start : s.end])
                 for s, heading in zip(spans, headings, strict=True)]
        if any(typed):
            return typed, True
    return [not heading and answer_types.holds(kind, text[s.start : s.end], question)
            for s, heading in zip(spans, headings, strict=True)], False


@lru_cache(maxsize=1024)
def _sentence_bags(text: str) -> tuple[list[Span], list[set[str]], list[bool]]:
    """An article's sentences, the words of each, and whether each is (part of) a subhead or caption that
    cannot answer; kept for the articles asked about most recently."""
    spans = sentences(text)
    headings = [len(spans) > 1 and (_is_heading(text[s.start : s.end]) or _is_heading(line_of(text, s)))
                for s in spans]
    return spans, [set(tokens(text[s.start : s.end])) for s in spans], headings


def lacking_measure(quote: ScoredQuote, question: str) -> answer_types.Measure | None:
    """The measure an English question asks for ("how far": the distance) when the quote's article does not
    give one where the quote stands (no distance in miles, kilometres, …), else None. "Where it stands": the
    quoted sentences' sections, between subheads, as in a round-up each section is about a subject of its own
    (the Sentra's section never gives its mileage; the RAV4's does). Articles in other languages write their
    units in their own words, so only English (or unlabelled) articles are judged; a question that asks
    something else too ("… and how big is it?") may be answered in part, so it is not judged either."""
    measure = answer_types.measure_asked(question) if is_english(question) else None
    article = quote.article
    if measure is None or answer_types.asks_several(question) or (article.lang or "en").split("-")[0].lower() != "en":
        return None
    text = article.text
    spans, _, headings = _sentence_bags(text)
    quoted = [i for i, s in enumerate(spans) for part in (quote.span, *quote.also)
              if s.start < part.end and part.start < s.end]
    sections = {_section(headings, i) for i in quoted} or {(0, len(spans))}
    if any(not headings[i] and answer_types.holds_measure(measure, text[spans[i].start : spans[i].end])
           for first, last in sections for i in range(first, last)):
        return None
    return measure


def quotable_sentences(text: str) -> list[Span]:
    """The sentences of a text that may be quoted: not subheads, captions, bylines or other stories' headlines."""
    spans, _, headings = _sentence_bags(text)
    return [span for span, heading in zip(spans, headings, strict=True) if not heading]


def select_quotes(candidates: Sequence[Candidate], articles: dict[int, Article], weights: dict[str, float],
                  config: SearchConfig, question: str = "") -> tuple[list[ScoredQuote], list[ScoredQuote]]:
    """(the answer, further passages). The answer: the best quote of each article among the candidates, best
    first, at most `max_quotes`, each a sentence with its context neighbour, only those close enough to the
    first, other outlets first; the first may add a second excerpt of its article (`_completed`). Further
    passages: the other articles' best quotes, in order, for a reader who wants more."""
    if not candidates:
        return [], []
    kind = answer_types.asked(question)
    measure = answer_types.measure_asked(question) if kind is AnswerType.QUANTITY else None  # "how far": miles
    top_fused = candidates[0].fused
    best_per_article: dict[int, ScoredQuote] = {}
    readings: dict[int, _Reading] = {}
    signal: dict[int, list[tuple[Passage, float]]] = {}  # article -> its found passages and their rank
    for candidate in candidates[: config.candidate_passages]:
        found = signal.setdefault(candidate.passage.article_id, [])
        found.append((candidate.passage, candidate.fused / top_fused))  # 1 for the best passage
    cosine: dict[int, float] = {}  # article -> its closest found passage in meaning
    for c in candidates[: config.candidate_passages]:
        cosine[c.passage.article_id] = max(cosine.get(c.passage.article_id, 0.0), c.cosine)
    for article_id, found in signal.items():
        article = articles.get(article_id)
        if article is None:
            continue
        local = _within_article(weights, article)
        best_signal = max(rank for _, rank in found)
        spans, bags, headings = _sentence_bags(article.text)
        mean_length = sum(len(b) for b in bags) / max(1, len(bags))
        best: tuple[float, float, int] | None = None
        typed, measured = _typed(article.text, spans, headings, kind, measure, question)
        held: list[float | None] = [None] * len(spans)  # how much of the question each sentence holds
        shown: list[float | None] = [None] * len(spans)  # the same, with the sentence it leans on, if any
        for i, span in enumerate(spans):
            rank = max((r for p, r in found if p.start <= span.start < p.end), default=best_signal * OUTSIDE_PASSAGE)
            if headings[i]:
                continue  # a subhead or a caption names a subject; it does not answer
            # Inside an article the words choose the sentence; the passage's rank only breaks near-ties.
            held[i] = _typed_coverage(bags[i], local, kind, typed[i]) * _length_factor(len(bags[i]), mean_length)
            shown[i] = held[i]
            if _leans_on_previous(article.text, spans, i):
                shown[i] = _typed_coverage(bags[i] | bags[i - 1], local, kind, typed[i] or typed[i - 1]) \
                    * _length_factor(len(bags[i]), mean_length)
            choice = held[i] + SENTENCE_RANK_WEIGHT * rank
            if best is None or choice > best[0]:
                best = (choice, bag_coverage(bags[i], local), i)
        if best is None:
            continue
        sentence = article.text[spans[best[2]].start : spans[best[2]].end]
        quote_span = _with_context(article.text, best[2], weights)
        readings[article_id] = _Reading(held, shown, typed, measured, local, best[2])
        # Across articles, three signals on a 0..1 scale, counted alike: the article's best passage rank, how
        # much of the question its sentence holds, and how close in meaning its closest passage is.
        closeness = cosine.get(article_id, 0.0)
        best_per_article[article_id] = ScoredQuote(article, quote_span, best[1] + best_signal + closeness,
                                                   coverage(sentence, weights), closeness, sentence=spans[best[2]])
    ranked = _other_outlets_first(sorted(best_per_article.values(), key=lambda q: -q.score),
                                  config.further_quote_ratio)
    if asks_for_recent(question):
        ranked = _newest_first(ranked, config.further_quote_ratio)
    chosen: list[ScoredQuote] = []
    further: list[ScoredQuote] = []
    for quote in ranked:
        if any(_same_words(quote, other) for other in chosen + further):
            continue  # the same story syndicated: one copy is enough
        close = not chosen or quote.score >= config.further_quote_ratio * chosen[0].score
        if close and not further and len(chosen) < config.max_quotes:
            chosen.append(quote)
        elif len(further) < config.more_quotes:
            further.append(quote)
    if chosen:  # the answer's own article gets what its quote lacks, if another sentence of it holds that
        chosen[0] = _completed(chosen[0], readings[chosen[0].article.id], weights, config.further_quote_ratio)
    return chosen, further


@dataclass(frozen=True, slots=True)
class _Reading:
    """How one article's sentences held the question: what choosing a second excerpt needs."""

    held: list[float | None]  # each sentence's score (None for subheads and captions)
    shown: list[float | None]  # the same, counting the words of the sentence it leans on (shown with it)
    typed: list[bool]         # whether it holds the kind of answer asked for
    measured: bool            # whether `typed` marks the measure asked for ("how far": miles), not any number
    weights: dict[str, float]  # the question's weights inside this article
    best: int                 # the quoted sentence


def _completed(quote: ScoredQuote, reading: _Reading, question_weights: dict[str, float],
               ratio: float) -> ScoredQuote:
    """The quote with a second excerpt of its article, as search engines' snippets join fragments: the best
    sentence that holds part of the question the quote lacks (a word, or the kind of answer asked for) and is
    close enough to the quoted sentence to be shown with it (the same ratio as a further quote). Its neighbour
    comes with it as for any quote; when it touches the quote in the same paragraph the two are one excerpt.
    A sentence that leans on the one before ("Its shareholders will not receive …") is judged with it, as it is
    shown with it. Where the question asks for a measure the quote does not give ("How far can the ID. Space
    Vizzion go on one charge?" quoted by the sentence that names the car), a sentence that gives it and holds a
    word of the question is added whatever its score, as without it the quote cannot answer; it must stand
    under the quote's subhead, as in a round-up each section is about a subject of its own (the RAV4's
    mileage does not complete a quote on the Sentra)."""
    text, (spans, bags, headings) = quote.article.text, _sentence_bags(quote.article.text)
    shown, bar = reading.shown, ratio * (reading.held[reading.best] or 0.0)
    inside = [i for i, s in enumerate(spans) if s.start >= quote.span.start and s.end <= quote.span.end]
    have = set().union(*(bags[i] for i in inside))
    has_type = any(reading.typed[i] for i in inside)
    candidates = [i for i, h in enumerate(shown) if h is not None and h > 0 and i not in inside and i != reading.best]
    choice: int | None = None
    for i in candidates:
        adds = any(t in bags[i] and t not in have for t in reading.weights) or (reading.typed[i] and not has_type)
        if shown[i] >= bar and adds and (choice is None or shown[i] > (shown[choice] or 0.0)):
            choice = i
    if reading.measured and not has_type:
        section = range(*_section(headings, reading.best))
        giving = [i for i in candidates
                  if i in section and reading.typed[i] and any(t in bags[i] for t in reading.weights)]
        if giving:
            choice = max(giving, key=lambda i: shown[i] or 0.0)
        elif choice is not None and reading.typed[choice] and choice not in section:
            choice = None  # another subject's measure
    if choice is None:
        return quote
    extra = _with_context(text, choice, question_weights)
    if extra.start < quote.span.end and quote.span.start < extra.end:  # its neighbour is in the quote already
        extra = spans[choice]
    first, second = sorted((quote.span, extra), key=lambda s: s.start)
    between = text[first.end : second.start]
    if not between.strip() and "\n" not in between:
        return replace(quote, span=Span(first.start, second.end))
    return replace(quote, also=(extra,))


def _section(headings: Sequence[bool], i: int) -> tuple[int, int]:
    """The sentences between the subheads around sentence i, as a range: in a round-up ("VOLKSWAGEN ID. SPACE
    VIZZION CONCEPT", then "FORD MUSTANG MACH E") each section is about a subject of its own."""
    first = next((j + 1 for j in range(i - 1, -1, -1) if headings[j]), 0)
    last = next((j for j in range(i + 1, len(headings)) if headings[j]), len(headings))
    return first, last


_RECENT = re.compile(r"\b(?:latest|newest|most recent|recently|currently|right now|today|this week|lately)\b",
                     re.IGNORECASE)


def asks_for_recent(question: str) -> bool:
    """Whether the question asks for the newest state of a story ("What is the latest on the strike?")."""
    return bool(_RECENT.search(question))


def _other_outlets_first(ranked: list[ScoredQuote], ratio: float) -> list[ScoredQuote]:
    """Among the quotes close enough to the best one to be shown with it, each next one from an outlet not yet
    shown while there is one, best first: three outlets on a story tell more than one outlet three times."""
    if not ranked:
        return ranked
    bar = ratio * ranked[0].score
    rest = [q for q in ranked if q.score >= bar]
    order = [rest.pop(0)]
    while rest:
        shown = {q.article.source or q.article.url for q in order}
        pick = next((q for q in rest if (q.article.source or q.article.url) not in shown), rest[0])
        order.append(pick)
        rest.remove(pick)
    return order + [q for q in ranked if q.score < bar]


def _newest_first(ranked: list[ScoredQuote], ratio: float) -> list[ScoredQuote]:
    """Among the quotes close enough to the best one to be shown with it, the most recently published first
    (undated ones after the dated); the rest keep their order."""
    if not ranked:
        return ranked
    bar = ratio * ranked[0].score
    close = [q for q in ranked if q.score >= bar]
    close.sort(key=lambda q: q.article.published or "", reverse=True)
    return close + [q for q in ranked if q.score < bar]


def _within_article(weights: dict[str, float], article: Article) -> dict[str, float]:
    """The question's weights for choosing a sentence inside one article: each word's IDF in the library
    times its IDF among the article's sentences. The article's subject (a name in every paragraph, the
    headline's words) found the article; the words rare inside it point at the sentence that answers."""
    _, bags, _ = _sentence_bags(article.text)
    in_title = set(tokens(article.title))
    total = len(bags)
    local = {}
    for term, weight in weights.items():
        count = sum(term in bag for bag in bags)
        local[term] = weight * math.log(1 + (total - count + 0.5) / (count + 0.5)) * (0.5 if term in in_title else 1)
    return local


def text_fragment_link(url: str, *texts: str) -> str:
    """The URL with a text fragment (`#:~:text=start,end`) that opens the page scrolled to the quote; with
    several excerpts, one `text=` directive each (the browser marks them all and scrolls to the first)."""
    directives = []
    for text in texts:
        words = text.split()
        if len(words) <= 8:
            directives.append(_fragment_part(" ".join(words)))
        elif words:
            directives.append(f"{_fragment_part(' '.join(words[:4]))},{_fragment_part(' '.join(words[-4:]))}")
    if not url.startswith(("http://", "https://")) or not any(directives):
        return url
    return f"{url.split('#', 1)[0]}#:~:" + "&".join(f"text={d}" for d in directives if d)


def _fragment_part(text: str) -> str:
    return percent_encode(text, safe="").replace("-", "%2D")


def _leans_on_previous(text: str, spans: Sequence[Span], i: int) -> bool:
    """Whether sentence i reads only with the one before it, in the same paragraph: it opens with a pronoun or
    a connective ("Its shareholders will not …", "But …"), or is a short line ("Holmes testified.")."""
    if i == 0 or "\n" in text[spans[i - 1].end : spans[i].start]:
        return False
    sentence = text[spans[i].start : spans[i].end]
    return bool(_ANAPHORA.match(sentence)) or len(sentence.split()) < 8


def _with_context(text: str, i: int, weights: dict[str, float]) -> Span:
    """The sentence with one neighbour: the one before when the sentence leans on it (a pronoun, a
    connective, a short line) or holds more of the question, otherwise the one after. The neighbour shares the
    sentence's paragraph; a sentence that is a paragraph of its own (many outlets write a sentence a paragraph)
    takes it from the paragraph next to it, if that is not a subhead or a caption and holds a word of the
    question the sentence does not: for "Why has Okafor withdrawn from the 2025 Lakeside Open?", "Okafor has
    withdrawn from the Lakeside Open because of injury." / "Organisers of the 2025 event said she has a problem
    with her right shoulder."."""
    spans, bags, headings = _sentence_bags(text)
    span = spans[i]
    joined_before = i > 0 and "\n" not in text[spans[i - 1].end : span.start]
    joined_after = i + 1 < len(spans) and "\n" not in text[span.end : spans[i + 1].start]
    alone = not joined_before and not joined_after

    def beside(j: int, gap: str) -> Span | None:
        if not 0 <= j < len(spans):
            return None
        if "\n" not in gap:
            return spans[j]
        if not alone or headings[j] or gap.count("\n") > 2:
            return None
        return spans[j] if any(term in bags[j] and term not in bags[i] for term in weights) else None

    prev = beside(i - 1, text[spans[i - 1].end : span.start] if i > 0 else "")
    nxt = beside(i + 1, text[span.end : spans[i + 1].start] if i + 1 < len(spans) else "")
    if prev and (_leans_on_previous(text, spans, i) or nxt is None
                 or bag_coverage(bags[i - 1], weights) > bag_coverage(bags[i + 1], weights)):
        joined = Span(prev.start, span.end)
    elif nxt:
        joined = Span(span.start, nxt.end)
    else:
        joined = span
    if joined.end - joined.start <= MAX_QUOTE_CHARS:
        return joined
    if span.end - span.start <= MAX_QUOTE_CHARS:
        return span
    # A "sentence" longer than a quote should be (a run-on line, a list): its start, cut between words.
    cut = text.rfind(" ", span.start, span.start + MAX_QUOTE_CHARS)
    return Span(span.start, cut if cut > span.start else span.start + MAX_QUOTE_CHARS)


def _same_words(a: ScoredQuote, b: ScoredQuote) -> bool:
    """Whether two quotes' chosen sentences are (nearly) the same words: a story syndicated, or the same
    quotation in two outlets. The sentences are compared, not their neighbours, which differ more often."""
    sa, sb = a.sentence or a.span, b.sentence or b.span
    wa = set(TOKEN.findall(a.article.text[sa.start : sa.end].lower()))
    wb = set(TOKEN.findall(b.article.text[sb.start : sb.end].lower()))
    return len(wa & wb) >= 0.8 * min(len(wa), len(wb))


def lead_sentences(text: str, max_chars: int = 320) -> str:
    """The first sentence of the text, and the second too while both stay short: verbatim. A caption, byline or
    subhead before it ("Photo", "Staff Reports"), a time stamp or a score line ("10 p.m.", "Palm Bay 18 22 13 17
    — 70"), a line in parentheses or in headline style ("What Does Stadia Offer?") is passed over."""
    quotable = quotable_sentences(text)
    first = next((i for i, s in enumerate(quotable) if _can_lead(text, s)), 0)
    spans = (quotable[first:] or sentences(text, 0, min(len(text), 4 * max_chars)))[:2]
    if not spans:
        return ""
    end = spans[0].end
    same_paragraph = len(spans) > 1 and "\n" not in text[spans[0].end : spans[1].start]
    if same_paragraph and spans[1].end - spans[0].start <= max_chars and spans[0].end - spans[0].start < 160:
        end = spans[1].end
    if end - spans[0].start > max_chars:  # one very long sentence: its start, cut between words
        cut = text.rfind(" ", spans[0].start, spans[0].start + max_chars)
        end = cut if cut > spans[0].start else spans[0].start + max_chars
    return text[spans[0].start : end]


_LETTERS = re.compile(r"[^\W\d_]+")


def _can_lead(text: str, span: Span) -> bool:
    """Whether a sentence can open a story. One that shares its line with the next does ("Dekalb, Ill. — Mike
    Glass threw …"); a line of its own needs three words or more (Chinese and Japanese have no spaces to count),
    and must not be wholly in parentheses, nor a headline without a full stop ("What Does Stadia Offer?")."""
    line = text[span.start : span.end]
    if line != line_of(text, span).strip() or CJK_RUN.search(line):
        return True
    if line.startswith("(") and line.endswith(")"):
        return False
    return len(_LETTERS.findall(line)) >= 3 and not (headline_style(line) and not line.endswith("."))
