"""Ingest throughput next to the raw model.encode rate on the same passages, and peak memory.

    .venv/bin/python bench/ingest.py [--pytorch] [ARTICLES.jsonl]

--pytorch runs the model with PyTorch only (the runtime before ONNX Runtime), for a ratio.

Prints figures; asserts nothing. Default input: ../shared/corpus/news/articles.jsonl.
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from index import Library, Outcome, SentenceTransformerEmbedder  # noqa: E402
from index.chunking import passages  # noqa: E402
from index.service import embedding_input  # noqa: E402
from index.sources import expand  # noqa: E402


def main() -> None:
    pytorch = "--pytorch" in sys.argv
    args = [a for a in sys.argv[1:] if a != "--pytorch"]
    source = Path(args[0]) if args else ROOT.parent / "shared/corpus/news/articles.jsonl"
    embedder = SentenceTransformerEmbedder(onnx=not pytorch)
    print(f"runtime: {'PyTorch' if pytorch else 'ONNX Runtime'}{' (bf16 batches: PyTorch)' if embedder.bf16 else ''}")
    embedder.encode(["warm up the model"] * 8)

    articles = [item for _, item in expand(str(source)) if not isinstance(item, Exception)]
    inputs = [embedding_input(a, s.start, s.end) for a in articles for s in passages(a.text)]
    start = time.perf_counter()
    embedder.encode(inputs)
    raw = time.perf_counter() - start

    with tempfile.TemporaryDirectory() as tmp, Library(Path(tmp), embedder) as library:
        start = time.perf_counter()
        results = list(library.ingest([str(source)]))
        pipeline = time.perf_counter() - start
        stored = library.stats()["passages"]
    added = sum(r.outcome is Outcome.ADDED for r in results)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"input: {source} ({len(articles)} articles, {len(inputs)} passages; bf16={embedder.bf16})")
    print(f"raw model.encode:  {len(inputs) / raw:7.1f} passages/s ({raw:.1f} s)")
    print(f"ingest pipeline:   {stored / pipeline:7.1f} passages/s ({pipeline:.1f} s, {added} articles added)")
    print(f"pipeline / raw:    {(stored / pipeline) / (len(inputs) / raw):7.2f}")
    print(f"peak memory (RSS): {peak:7.0f} MiB")


if __name__ == "__main__":
    main()
