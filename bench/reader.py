"""An experiment, not part of briefbot: can a reader trained on the library's own text tell a near miss
("How many passengers does the Boeing 777X seat?" next to an article on the 787-9) from an answer?

Declining such questions needs a model that reads the passage (an extractive-QA or cross-encoder model that
can say "no answer"). None ships its weights on PyPI and no QA training data is reachable offline, so this
script makes its own, without any question label: for a sentence of an article holding a number or a name, a
question-like query of its other words ("How many … ?"); the positive passage is the sentence with its
neighbours, the negative the same neighbours without the sentence (same subject, the detail missing: a near
miss by construction). all-MiniLM-L6-v2's transformer, with a linear head on [CLS], learns to tell them apart.
Then every dev question is scored on the passage around its first quote.

    .venv/bin/python bench/reader.py [--epochs 2]      # about 10 minutes on 2 cores

Prints the reader's held-out accuracy on its own task, and on the dev questions: the AUC of answerable over
unanswerable, and how many unanswerable questions each threshold declines while under 5 % of answerable ones
are wrongly declined. Asserts nothing; writes nothing.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import torch

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from index import Library, SentenceTransformerEmbedder, layout, words  # noqa: E402
from index.models import Article  # noqa: E402

CORPUS = ROOT.parent / "shared/corpus/news"
_NUMBER = re.compile(r"\b\d[\d,.]*(?:\s*(?:percent|million|billion|%))?")
_NAME = re.compile(r"(?<!^)(?<![.!?]\s)\b([A-Z][a-z]+(?:\s+[A-Z][a-z]+)*)")
_WORD = re.compile(r"\w+")


def pairs(articles: list[Article], rng: random.Random) -> list[dict]:
    """(query, passage, answerable) made from the articles' own sentences."""
    rows = []
    for article in articles:
        if article.lang not in (None, "en"):
            continue
        spans, _, headings = layout.sentence_bags(article.text)
        text = [article.text[s.start : s.end] for s in spans]
        usable = [i for i, t in enumerate(text) if not headings[i] and 10 <= len(t.split()) <= 45]
        rng.shuffle(usable)
        for i in usable[:8]:
            number, names = _NUMBER.search(text[i]), _NAME.findall(text[i])
            if number and (rng.random() < 0.5 or not names):
                answer, wh = number.group(0), rng.choice(["How many", "How much", "What number"])
            elif names:
                answer, wh = rng.choice(names), rng.choice(["Who", "Which", "What"])
            else:
                continue
            words = [w for w in _WORD.findall(text[i].replace(answer, " "))
                     if w.lower() not in words.STOPWORDS and len(w) > 1]
            if len(words) < 3:
                continue
            kept = [w for w in words if rng.random() < 0.7]  # questions share only part of the answer's words
            title_words = [w for w in _WORD.findall(article.title) if w.lower() not in words.STOPWORDS]
            if title_words and rng.random() < 0.5:
                kept.insert(rng.randrange(len(kept) + 1), rng.choice(title_words))
            query = f"{wh} {' '.join(kept[:12])}?"
            with_it = " ".join(text[max(0, i - 2) : i + 3])
            without = " ".join([t for j, t in enumerate(text[max(0, i - 3) : i + 4], max(0, i - 3)) if j != i][:5])
            rows.append({"q": query, "p": f"{article.title}. {with_it}", "y": 1, "article": article.url})
            rows.append({"q": query, "p": f"{article.title}. {without}", "y": 0, "article": article.url})
    rng.shuffle(rows)
    return rows


class Reader(torch.nn.Module):
    def __init__(self, embedder: SentenceTransformerEmbedder):
        super().__init__()
        transformer = embedder.model[0]
        self.tokenizer, self.encoder = transformer.tokenizer, transformer.auto_model
        self.head = torch.nn.Linear(self.encoder.config.hidden_size, 1)

    def forward(self, queries: list[str], passages: list[str]) -> torch.Tensor:
        inputs = self.tokenizer(queries, passages, truncation="only_second", max_length=256, padding=True,
                                return_tensors="pt")
        return self.head(self.encoder(**inputs).last_hidden_state[:, 0]).squeeze(-1)

    @torch.no_grad()
    def scores(self, queries: list[str], passages: list[str]) -> list[float]:
        self.eval()
        out = [s for i in range(0, len(queries), 32) for s in self(queries[i : i + 32], passages[i : i + 32]).tolist()]
        self.train()
        return out


def auc(positives: list[float], negatives: list[float]) -> float:
    return float(np.mean([(p > n) + 0.5 * (p == n) for p in positives for n in negatives]))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=2)
    args = parser.parse_args()
    torch.manual_seed(0)
    rng = random.Random(7)
    records = [json.loads(line) for line in (CORPUS / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    articles = [Article(url=r["url"], title=r["title"], text=r["text"], lang=r.get("lang")) for r in records]
    rows = pairs(articles, rng)
    held_out = {a.url for a in rng.sample(articles, len(articles) // 8)}
    train = [r for r in rows if r["article"] not in held_out]
    test = [r for r in rows if r["article"] in held_out]
    reader = Reader(SentenceTransformerEmbedder())  # its own copy of the model: training changes it
    optimiser = torch.optim.AdamW(reader.parameters(), lr=3e-5, weight_decay=0.01)
    start = time.perf_counter()
    for epoch in range(args.epochs):
        rng.shuffle(train)
        for i in range(0, len(train), 16):
            batch = train[i : i + 16]
            loss = torch.nn.functional.binary_cross_entropy_with_logits(
                reader([r["q"] for r in batch], [r["p"] for r in batch]), torch.tensor([float(r["y"]) for r in batch]))
            loss.backward()
            optimiser.step()
            optimiser.zero_grad()
        scores = list(zip(reader.scores([r["q"] for r in test], [r["p"] for r in test]), test, strict=True))
        held = auc([s for s, r in scores if r["y"]], [s for s, r in scores if not r["y"]])
        print(f"epoch {epoch + 1}: {len(train)} training pairs; held-out articles' pairs ({len(test)}): AUC "
              f"{held:.3f} ({time.perf_counter() - start:.0f} s)", flush=True)

    questions = [json.loads(line) for line in (CORPUS / "dev_questions.jsonl").read_text(encoding="utf-8").splitlines()]
    scored = []
    with tempfile.TemporaryDirectory() as tmp, Library(Path(tmp), SentenceTransformerEmbedder()) as library:
        list(library.ingest([str(CORPUS / "articles.jsonl")]))
        for q in questions:
            answer = library.ask(q["question"])
            if not answer.quotes:
                continue
            quote = answer.quotes[0]
            spans, _, _ = layout.sentence_bags(quote.article.text)
            i = max([k for k, s in enumerate(spans) if s.start <= quote.start] or [0])
            window = " ".join(quote.article.text[s.start : s.end] for s in spans[max(0, i - 2) : i + 3])
            scored.append((q["kind"] == "unanswerable", q["question"], f"{quote.article.title}. {window}"))
    values = reader.scores([q for _, q, _ in scored], [p for _, _, p in scored])
    unanswerable = [v for v, (u, _, _) in zip(values, scored, strict=True) if u]
    answerable = [v for v, (u, _, _) in zip(values, scored, strict=True) if not u]
    print(f"dev questions: AUC answerable over unanswerable {auc(answerable, unanswerable):.3f} "
          f"({len(answerable)} answerable, {len(unanswerable)} unanswerable)")
    for threshold in sorted(answerable)[:6]:
        print(f"  decline below {threshold:.2f}: wrongly declined {np.mean([a < threshold for a in answerable]):.3f}, "
              f"unanswerable declined {np.mean([u < threshold for u in unanswerable]):.2f}")
    print(f"  answerable scores, 5th/25th/50th percentile: {np.percentile(answerable, [5, 25, 50]).round(2).tolist()}; "
          f"unanswerable: {sorted(round(u, 2) for u in unanswerable)}")


if __name__ == "__main__":
    main()
