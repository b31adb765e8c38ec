"""Ask latency over the dev questions with the corpus loaded and the model warm: p50, p95, mean; and how long
the answers are as a reader sees them (the rendered Telegram reply's visible characters), with how many quotes
hold a second excerpt.

    .venv/bin/python bench/ask.py [--pytorch] [ARTICLES.jsonl QUESTIONS.jsonl]

--pytorch runs the model with PyTorch only (the runtime before ONNX Runtime), for a ratio.

Prints figures; asserts nothing.
"""

from __future__ import annotations

import html
import json
import re
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot import render  # noqa: E402
from index import Library, SentenceTransformerEmbedder  # noqa: E402


def visible_length(html_text: str) -> int:
    """Characters a reader sees of a Telegram HTML message: tags dropped, entities decoded."""
    return len(html.unescape(re.sub(r"<[^>]+>", "", html_text)))


def main() -> None:
    corpus = ROOT.parent / "shared/corpus/news"
    pytorch = "--pytorch" in sys.argv
    args = [a for a in sys.argv[1:] if a != "--pytorch"]
    articles = Path(args[0]) if len(args) > 1 else corpus / "articles.jsonl"
    questions_file = Path(args[1]) if len(args) > 1 else corpus / "dev_questions.jsonl"
    questions = [json.loads(line)["question"] for line in questions_file.read_text(encoding="utf-8").splitlines()]
    embedder = SentenceTransformerEmbedder(onnx=not pytorch)
    with tempfile.TemporaryDirectory() as tmp, Library(Path(tmp), embedder) as library:
        list(library.ingest([str(articles)]))
        for question in questions[:5]:  # warm-up
            library.ask(question)
        timings = measure(library, questions)
        # The same questions with filters typed in: one that keeps most articles, one that keeps few.
        filtered = {f: measure(library, [f"{q} {f}" for q in questions]) for f in ("since:2019-11-01", "source:bbc")}
        stats = library.stats()
        answers = [library.ask(question) for question in questions]
    print(f"runtime: {'PyTorch' if pytorch else 'ONNX Runtime'}")
    print(f"library: {stats['articles']} articles, {stats['passages']} passages; {len(timings)} asks")
    print(f"ask latency: p50 {timings[len(timings) // 2]:.1f} ms, p95 {timings[int(len(timings) * 0.95)]:.1f} ms, "
          f"mean {statistics.mean(timings):.1f} ms")
    for name, series in filtered.items():
        print(f"with {name}: p50 {series[len(series) // 2]:.1f} ms, p95 {series[int(len(series) * 0.95)]:.1f} ms "
              f"(p50 ratio to unfiltered {series[len(series) // 2] / timings[len(timings) // 2]:.2f})")
    shown = [a for a in answers if a.answered]
    lengths = sorted(sum(visible_length(r.html) for r in render.answer_replies(a)) for a in shown)
    quotes = [q for a in shown for q in a.quotes]
    print(f"answers: {len(shown)} of {len(answers)}; visible characters p50 {statistics.median(lengths):.0f}, "
          f"max {lengths[-1]}; {sum(bool(q.also) for q in quotes)} of {len(quotes)} quotes hold a second excerpt; "
          f"{sum(len(render.answer_replies(a)) > 1 for a in shown)} answers need more than one message")
    print(f"peak memory (RSS): {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


def measure(library: Library, questions: list[str], rounds: int = 3) -> list[float]:
    """Milliseconds per ask, sorted."""
    timings = []
    for _ in range(rounds):
        for question in questions:
            start = time.perf_counter()
            library.ask(question)
            timings.append((time.perf_counter() - start) * 1000)
    return sorted(timings)


if __name__ == "__main__":
    main()
