"""Hybrid retrieval (pure, given the retrievers' results): the rankings fused, and whether to answer.

1. Dense (FAISS, cosine) and keyword (FTS5, BM25) rankings of passages are fused by reciprocal rank.
2. `quotes.select_quotes` picks the sentences to quote from the articles found.
3. The library declines when the best passage is not close in meaning and its sentence does not hold every
   word of the question (where the model cannot judge, a third of the question's weight is enough); it then
   offers the nearest headlines instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .models import Passage
from .words import content_words, is_english

if TYPE_CHECKING:
    from .quotes import ScoredQuote


@dataclass(frozen=True, slots=True)
class SearchConfig:
    """Knobs of retrieval; each default is explained where it is used."""

    dense_k: int = 50          # passages taken from each retriever before fusion
    keyword_k: int = 50
    rrf_k: int = 60            # the constant of reciprocal rank fusion (Cormack et al. 2009)
    candidate_passages: int = 8  # passages whose sentences are scored for quotes
    max_quotes: int = 3
    more_quotes: int = 6       # further passages kept for a reader who asks for more
    # Declining: the best quote's passage must be close in meaning; where the model cannot judge (see
    # `is_answer`), the quote must hold at least a third of the question's weight. These decline questions the
    # library has no article on; they barely separate near misses from answers (see the quality issue).
    min_cosine: float = 0.35
    min_coverage: float = 0.34
    # Or the quote itself must be: a passage of 120 words on much else may hold one sentence that says it all
    # ("Clegg now works for Facebook."). The bar is above the quotes of the general-knowledge questions the
    # passage bar declines (bench/offtopic_questions.jsonl: at most 0.45).
    min_quote_cosine: float = 0.5
    # A further quote must come from another article and score at least this share of the first.
    further_quote_ratio: float = 0.6


@dataclass(frozen=True, slots=True)
class Candidate:
    """A passage after fusion, with what the retrievers said about it."""

    passage: Passage
    fused: float
    cosine: float  # 0 when the dense retriever did not return it


def keyword_query(question: str) -> str:
    """An FTS5 MATCH expression: any of the question's content words (BM25 ranks those with more first)."""
    return " OR ".join(f'"{w}"' for w in sorted(set(content_words(question))))


Ranking = Sequence[tuple[int, float]]


def fuse(dense: Ranking, keyword: Ranking, rrf_k: int) -> list[tuple[int, float]]:
    """Reciprocal rank fusion: each list adds 1/(k + rank) for the passages it holds."""
    scores: dict[int, float] = {}
    for ranking in (dense, keyword):
        for rank, (pid, _) in enumerate(ranking, start=1):
            scores[pid] = scores.get(pid, 0.0) + 1.0 / (rrf_k + rank)
    return sorted(scores.items(), key=lambda item: -item[1])


def firsts_within(fused: list[tuple[int, float]], rankings: Sequence[Ranking], n: int) -> list[tuple[int, float]]:
    """The fused ranking with each retriever's first passage moved up to the end of the first `n`, if fusion put
    it below: the passage a retriever ranks first is always read. "Who is John Shanks?": the one passage that
    names him is the keyword index's first, yet passages on other Johns, found by both retrievers, fill the
    first eight."""
    firsts = {ranking[0][0] for ranking in rankings if ranking}
    late = [item for item in fused[n:] if item[0] in firsts]
    if not late:
        return fused
    head = fused[: n - len(late)]
    return head + late + [item for item in fused[len(head):] if item not in late]


def is_answer(quote: ScoredQuote, config: SearchConfig, question: str = "", dense: bool = True) -> bool:
    """Whether the best quote is good enough to show rather than decline. Meaning decides: its passage must be
    close to the question, unless the quoted sentence holds every word of the question. Part of the words may
    stand in only where the embedding model cannot judge: when it was not asked (keyword retrieval) or the
    question is not English (all-MiniLM-L6-v2 is an English model). One shared word ("What is the capital of
    Australia?" against an article that names Australia) is no answer; "How do I ask a question in a group?"
    against the sentence that says how to ask in a group is, however long the passage around it."""
    if quote.cosine >= config.min_cosine or quote.coverage >= ALL_WORDS:
        return True
    return (not dense or not is_english(question)) and quote.coverage >= config.min_coverage


def far_in_meaning(quote: ScoredQuote, config: SearchConfig, question: str = "", dense: bool = True) -> bool:
    """Whether a quote shown after the first is far from the question in meaning, which the first quote must not
    be either (`is_answer`): its passage under the cosine bar and its sentence without every word of the
    question. A further quote is chosen by its words and its rank among the passages found, relative to the
    first; an article found only for a word or two ("Google is betting on streaming" after the quote on
    IBM's Cell chip) is not kept by them. Judged only where the model can judge: with dense retrieval and
    an English question."""
    return dense and is_english(question) and not is_answer(quote, config, question, dense)


def closest_first(quotes: Sequence[ScoredQuote], config: SearchConfig, question: str = "",
                  dense: bool = True) -> list[ScoredQuote]:
    """The quotes, with the first that is close in meaning first, when the first is not (`is_answer`) and
    another one is: the articles are ordered by their words and their passages' rank as much as by meaning,
    and the library then does hold an answer ("What did Scott Sullivan admit in court?": the first article's
    passage at cosine 0.338, the second's 0.386). Judged only where the model can judge: with dense retrieval,
    an English question and an English article ("What language is spoken in Brazil?" comes close to a
    Portuguese article on football). The quotes far in meaning are left out then; otherwise the quotes are
    returned as they are."""
    if not quotes or not dense or not is_english(question) or is_answer(quotes[0], config, question, dense):
        return list(quotes)
    close = [q for q in quotes[1:] if q.article.in_english and is_answer(q, config, question, dense)]
    return close or list(quotes)


ALL_WORDS = 0.999  # coverage of a sentence that holds every content word of the question (up to rounding)
