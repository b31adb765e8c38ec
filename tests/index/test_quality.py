"""The real model over the real corpus: the quality floor of the library issue, and verbatim quotes."""

import itertools
from collections import Counter

import numpy as np

from index import Outcome
from index.extract import canonical_url


def test_the_real_model_encodes_meaning(real_embedder):
    vectors = real_embedder.encode(["The central bank raised interest rates.",
                                    "Borrowing costs were increased by the monetary authority.",
                                    "The striker scored twice in the final."])
    assert vectors.shape == (3, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2] + 0.2


def test_the_corpus_goes_in_with_its_exact_duplicates_recognised(corpus_library, corpus_articles):
    library, results = corpus_library
    counts = Counter(r.outcome for r in results)
    distinct_texts = len({a["text"] for a in corpus_articles})
    assert counts[Outcome.REJECTED] == 0
    assert counts[Outcome.ADDED] == distinct_texts
    assert counts[Outcome.DUPLICATE] == len(corpus_articles) - distinct_texts
    stats = library.stats()
    assert stats["passages"] == stats["vectors"]


def test_factoid_questions_are_answered_from_an_acceptable_article(corpus_library, corpus_articles, dev_questions):
    library, _ = corpus_library
    urls = {a["id"]: canonical_url(a["url"]) for a in corpus_articles}
    factoids = [q for q in dev_questions if q["kind"] == "factoid"]
    hits = 0
    for q in factoids:
        answer = library.ask(q["question"])
        acceptable = {urls[i] for i in q["acceptable_article_ids"]}
        # An article stored once stands for the identical copies recognised as its duplicates.
        sources = [set(library.store.urls(quote.article.id)) for quote in answer.quotes]
        hits += any(acceptable & s for s in sources)
    rate = hits / len(factoids)
    print(f"\nfactoid source hit (an acceptable article among the quotes): {rate:.3f} of {len(factoids)}")
    assert rate >= 0.95


def test_every_quote_is_verbatim_from_its_article(corpus_library, dev_questions):
    library, _ = corpus_library
    quotes = excerpts = 0
    for q in dev_questions:
        for quote in library.ask(q["question"]).quotes:
            stored = library.store.articles([quote.article.id])[quote.article.id]
            assert stored.text[quote.start : quote.end] == quote.text
            for excerpt in quote.excerpts:
                assert stored.text[excerpt.start : excerpt.end] == excerpt.text
            assert [e.start for e in quote.excerpts] == sorted({e.start for e in quote.excerpts})
            assert all(a.end <= b.start for a, b in itertools.pairwise(quote.excerpts))  # never overlapping
            assert quote.link.split("#:~:text=")[0] == stored.url.split("#")[0]
            assert quote.link.count("text=") == len(quote.excerpts)
            quotes += 1
            excerpts += len(quote.also)
    assert quotes > len(dev_questions) and excerpts > 0


def test_questions_asked_at_once_are_encoded_together_with_the_same_results(real_embedder):
    from concurrent.futures import ThreadPoolExecutor

    questions = [f"What happened to the {topic} market this week?" for topic in
                 ("oil", "housing", "bond", "stock", "art", "car", "labour", "crypto")]
    alone = np.vstack([real_embedder._encode([q]) for q in questions])
    with ThreadPoolExecutor(8) as pool:
        together = np.vstack(list(pool.map(real_embedder.encode_query, questions)))
    assert np.allclose((alone * together).sum(axis=1), 1.0, atol=1e-3)
