"""Answer quality, measured: ask every question of a set and score the answers against the passages that
answer them (the format of ../shared/corpus/news/dev_questions.jsonl; a passage may be given by its place in
its article's text instead, see `with_passages`). Articles are matched by URL.

Per kind of question (factoid, paraphrase, multi, unanswerable) and overall:
- hit@1 / hit@3: an acceptable article is the source of the first quote / of one of the first three;
- quote hit: a quote (one of its excerpts) overlaps the answer passage in its article (it locates the
  answer, not only the article);
- both quoted (multi): each of the two articles is among the quotes;
- declined: the share of unanswerable questions declined, and of answerable ones wrongly declined;
- latency p50 / p95 of `ask`.
"""

from __future__ import annotations

import re
import statistics
import time
from collections import defaultdict
from collections.abc import Iterable

from .extract import canonical_url
from .models import Answer
from .service import Library

KINDS = ("factoid", "paraphrase", "multi", "unanswerable")


def evaluate(library: Library, questions: list[dict], articles: dict[str, str],
             retrievers: Iterable[str] = ("keyword", "dense", "hybrid"),
             misses: dict[str, list[tuple[dict, Answer, str]]] | None = None) -> dict:
    """{retriever: {group: {metric: value}}}; `articles` maps corpus article ids to URLs. `misses`, if given,
    receives {retriever: [(question, answer, what was missed)]}."""
    report = {}
    for retriever in retrievers:
        rows: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
        for question in questions:
            start = time.perf_counter()
            answer = library.ask(question["question"], retriever=retriever)
            elapsed = (time.perf_counter() - start) * 1000
            scores = score(library, question, answer, articles)
            missed = missed_by(scores)
            if misses is not None and missed:
                misses.setdefault(retriever, []).append((question, answer, missed))
            groups = [question["kind"], "all"]
            if question.get("lang", "en") != "en":
                groups.append("non-English")
            for group in groups:
                for metric, value in scores.items():
                    rows[group][metric].append(value)
                rows[group]["latency"].append(elapsed)
        report[retriever] = {group: summarise(values) for group, values in rows.items()}
    return report


def with_passages(questions: list[dict], texts: dict[str, str]) -> list[dict]:
    """The questions, each that gives its answer passage by where it stands in its article's text
    ("answer_span": [start, end] in the text of "article_id", so that a question file need not copy the
    publishers' text) with that passage as "answer_passage". `texts`: corpus article id -> text."""
    return [{**q, "answer_passage": texts[q["article_id"]][slice(*q["answer_span"])]}
            if "answer_span" in q and q.get("article_id") in texts else q for q in questions]


def score(library: Library, question: dict, answer: Answer, articles: dict[str, str]) -> dict[str, float]:
    kind = question["kind"]
    if kind == "unanswerable":
        return {"declined": float(not answer.answered)}
    quoted = [set(library.store.urls(q.article.id)) for q in answer.quotes]
    result = {"wrongly_declined": float(not answer.answered)}
    if kind == "multi":
        groups = [{canonical_url(articles[i]) for i in group} for group in question["acceptable_article_ids"]]
        result["both_quoted"] = float(all(any(g & urls for urls in quoted) for g in groups))
        return result
    acceptable = {canonical_url(articles[i]) for i in question["acceptable_article_ids"]}
    result["hit@1"] = float(bool(quoted) and bool(acceptable & quoted[0]))
    result["hit@3"] = float(any(acceptable & urls for urls in quoted[:3]))
    passage = question.get("answer_passage")
    if not passage:  # a question written without reading its article: which passage answers is not known
        return result
    located = False
    for quote in answer.quotes:
        if not acceptable & set(library.store.urls(quote.article.id)):
            continue
        # the passage wherever the article writes it (a name and its role may be written twice, word for word)
        places = [m.start() for m in re.finditer(re.escape(passage), quote.article.text)]
        if any(e.start < at + len(passage) and at < e.end for at in places for e in quote.excerpts):
            located = True
    result["quote_hit"] = float(located)
    return result


def missed_by(scores: dict[str, float]) -> str:
    """What an answer got wrong, in words ("" when nothing): the first failed measure."""
    for metric, words in (("wrongly_declined", "declined though answerable"), ("declined", "not declined"),
                          ("both_quoted", "not both articles quoted"), ("hit@3", "no acceptable article quoted"),
                          ("quote_hit", "no quote holds the answer"),
                          ("hit@1", "an acceptable article quoted, but not first")):
        if metric in scores and scores[metric] == (1.0 if metric == "wrongly_declined" else 0.0):
            return words
    return ""


def misses_text(misses: list[tuple[dict, Answer, str]]) -> str:
    """One block per missed question: what was missed, the question, and the first quote shown."""
    lines = []
    for question, answer, missed in misses:
        lines.append(f"{question.get('qid', '-')} {question['kind']}: {missed}\n  asked:  {question['question']}")
        if answer.quotes:
            first = answer.quotes[0]
            shown = " … ".join(e.text for e in first.excerpts)
            lines.append(f"  quoted: {shown[:240]}{'…' if len(shown) > 240 else ''} ({first.article.source})")
    return "\n".join(lines)


def summarise(values: dict[str, list[float]]) -> dict[str, float]:
    out = {}
    for metric, series in values.items():
        if metric == "latency":
            ordered = sorted(series)
            out["latency_p50"] = round(statistics.median(ordered), 1)
            out["latency_p95"] = round(ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))], 1)
            out["questions"] = len(series)
        else:
            out[metric] = round(sum(series) / len(series), 3)
    return out


COLUMNS = [("hit@1", "hit@1"), ("hit@3", "hit@3"), ("quote_hit", "quote"), ("both_quoted", "both"),
           ("declined", "declined"), ("wrongly_declined", "wrong-decl"), ("latency_p50", "p50 ms"),
           ("latency_p95", "p95 ms"), ("questions", "n")]


def table(report: dict) -> str:
    """The report as a text table: a row per retriever and group of questions."""
    header = f"{'retriever':<9} {'questions':<13}" + "".join(f"{title:>11}" for _, title in COLUMNS)
    lines = [header, "-" * len(header)]
    for retriever, groups in report.items():
        for group in (*KINDS, "non-English", "all"):
            if group not in groups:
                continue
            cells = [groups[group].get(key) for key, _ in COLUMNS]
            lines.append(f"{retriever:<9} {group:<13}" + "".join(
                f"{'':>11}" if v is None else f"{v:>11g}" for v in cells))
        lines.append("")
    return "\n".join(lines).rstrip()
