"""The abstention trade-off: how many unanswerable questions a threshold declines, against how many
answerable ones it wrongly declines, for each signal briefbot could decline on. Draws a PNG.

    .venv/bin/pip install -e ".[bench]"
    .venv/bin/python bench/abstention.py [-o bench/abstention.png]

Signals of the best quote, each swept over its range (decline when the signal is below the threshold):
  cosine    the closest found passage's cosine to the question (dense meaning)
  coverage  the share of the question's IDF weight held by the quoted sentence (words)
  typed     coverage, with the kind of answer asked (a number, a time, a name) counted as a word
  maxsim    meaning word by word: each content word of the question against every word of the quote's article
            in context (MiniLM's token vectors), its closest match; the signal is the weakest word's match, so
            a question asking for something the article never mentions scores low (not drawn, printed only)
A signal that separates the two kinds of question bends its curve towards the top left corner. The cosine is
also drawn against bench/offtopic_questions.jsonl (questions on subjects the library has no article on),
with the product's threshold marked on both cosine curves.
Prints each signal's best operating point under 5 % wrongly declined and its AUC (the chance that an
answerable question scores above an unanswerable one: 0.5 is chance); asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from index import Library, SentenceTransformerEmbedder, answer_types, quotes, words  # noqa: E402

CORPUS = ROOT.parent / "shared/corpus/news"


def signals(library: Library, question: str) -> dict[str, float]:
    candidates = library.candidates(question)
    terms = words.content_terms(question)
    frequencies, total = library.store.document_frequencies(list(terms.values()))
    weights = words.idf_weights(terms, frequencies, total)
    articles = library.store.articles(list({c.passage.article_id for c in candidates[:8]}))
    scored, _ = quotes.select_quotes(candidates, articles, weights, library.config, question)
    if not scored:
        return {"cosine": 0.0, "coverage": 0.0, "typed": 0.0, "maxsim": 0.0}
    best = scored[0]
    sentence = best.article.text[best.span.start : best.span.end]
    kind = answer_types.asked(question)
    typed = quotes._typed_coverage(set(words.tokens(sentence)), weights, kind,
                                   answer_types.holds(kind, sentence, question))
    return {"cosine": best.cosine, "coverage": best.coverage, "typed": typed,
            "maxsim": weakest_word(library.embedder.model, question, best.article)}


def word_vectors(model, texts: list[str]) -> list[tuple[list[str], np.ndarray]]:
    """Each text's words (word pieces joined) and their contextual vectors (mean of the pieces, normalised)."""
    out = []
    for text, tokens in zip(texts, model.encode(texts, output_value="token_embeddings", convert_to_numpy=False,
                                                batch_size=32), strict=True):
        pieces = model.tokenizer.convert_ids_to_tokens(model.tokenizer(text, truncation=True,
                                                                      max_length=256)["input_ids"])
        words, vectors = [], []
        for piece, vector in zip(pieces, tokens[: len(pieces)].numpy(), strict=True):
            if piece in ("[CLS]", "[SEP]"):
                continue
            if piece.startswith("##") and words:
                words[-1] += piece[2:]
                vectors[-1].append(vector)
            else:
                words.append(piece)
                vectors.append([vector])
        means = np.array([np.mean(v, axis=0) for v in vectors]) if vectors else np.zeros((0, 1))
        out.append((words, means / np.maximum(np.linalg.norm(means, axis=1, keepdims=True), 1e-9)))
    return out


def weakest_word(model, question: str, article) -> float:
    """The smallest, over the question's content words, of each one's closest word in the article."""
    (words, vectors), *paragraphs = word_vectors(model, [question, article.title,
                                                          *[p for p in article.text.split("\n\n") if p.strip()]])
    keep = [i for i, w in enumerate(words) if w.isalnum() and len(w) > 1 and w not in words.STOPWORDS]
    if not keep:
        return 1.0
    article_vectors = np.vstack([v for _, v in paragraphs])
    return float((vectors[keep] @ article_vectors.T).max(axis=1).min())


def auc(positives: list[float], negatives: list[float]) -> float:
    """The chance that a positive scores above a negative (ties count half)."""
    pairs = [(p > n) + 0.5 * (p == n) for p in positives for n in negatives]
    return sum(pairs) / len(pairs)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("-o", "--output", type=Path, default=ROOT / "bench" / "abstention.png")
    args = parser.parse_args()
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    questions = [json.loads(line) for line in (CORPUS / "dev_questions.jsonl").read_text(encoding="utf-8").splitlines()]
    with tempfile.TemporaryDirectory() as tmp, Library(Path(tmp), SentenceTransformerEmbedder()) as library:
        list(library.ingest([str(CORPUS / "articles.jsonl")]))
        rows = [(q["kind"] == "unanswerable", signals(library, q["question"])) for q in questions]
        offtopic = [signals(library, json.loads(line)["question"]) for line in
                    (ROOT / "bench" / "offtopic_questions.jsonl").read_text(encoding="utf-8").splitlines()]
        threshold = library.config.min_cosine
    unanswerable = [s for u, s in rows if u]
    answerable = [s for u, s in rows if not u]
    figure, axis = plt.subplots(figsize=(6, 5))
    cosines = sorted({s["cosine"] for _, s in rows} | {s["cosine"] for s in offtopic} | {0.0, 1.01})
    curve = [(sum(s["cosine"] < t for s in answerable) / len(answerable),
              sum(s["cosine"] < t for s in offtopic) / len(offtopic)) for t in cosines]
    axis.plot([p[0] for p in curve], [p[1] for p in curve], label="cosine, off-topic questions", drawstyle="steps-post")
    for negatives, name in ((unanswerable, "unanswerable dev"), (offtopic, "off-topic")):
        at = (sum(s["cosine"] < threshold for s in answerable) / len(answerable),
              sum(s["cosine"] < threshold for s in negatives) / len(negatives))
        axis.plot(*at, marker="o", color="black")
        print(f"cosine < {threshold} (the product's threshold): declines {at[1]:.3f} of {name} questions, "
              f"{at[0]:.3f} of answerable dev questions")
    for name in ("cosine", "coverage", "typed", "maxsim"):
        print(f"{name:9} AUC {auc([s[name] for s in answerable], [s[name] for s in unanswerable]):.2f}")
        if name == "maxsim":
            continue
        thresholds = sorted({s[name] for _, s in rows} | {0.0, 1.01})
        points = [(sum(s[name] < t for s in answerable) / len(answerable),
                   sum(s[name] < t for s in unanswerable) / len(unanswerable), t) for t in thresholds]
        axis.plot([p[0] for p in points], [p[1] for p in points], label=f"{name}, unanswerable dev",
                  drawstyle="steps-post")
        best = max((p for p in points if p[0] <= 0.05), key=lambda p: (p[1], -p[0]))
        print(f"{name:9} best under 5 % wrongly declined: threshold {best[2]:.3f} declines {best[1]:.2f} of "
              f"unanswerable, {best[0]:.3f} of answerable")
    axis.plot([0, 1], [0, 1], color="grey", linestyle=":", label="chance")
    axis.axvline(0.05, color="red", linewidth=0.8, label="5 % wrongly declined")
    axis.set_xlabel(f"answerable questions wrongly declined (of {len(answerable)})")
    axis.set_ylabel(f"declined: unanswerable dev ({len(unanswerable)}) / off-topic ({len(offtopic)})")
    axis.set_title("Declining by a threshold on one signal (dot: cosine 0.35)")
    axis.legend(loc="lower right")
    figure.tight_layout()
    figure.savefig(args.output, dpi=110)
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
