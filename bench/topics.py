"""Digest topics over the shared corpus: which stories a chat subscribed to a topic gets, against our labels.

    .venv/bin/python bench/topics.py [ARTICLES.jsonl]

A story is on a topic when one of its headlines matches the topic's pattern below (our labels, written from
reading the corpus's headlines; rough, and only headlines). For each topic, precision and recall of the stories
kept by closeness in meaning (or a topic word in a headline, as the digest does) under a fixed bar (0.25, the
rule before) and under the library-relative bar (`stories.topic_bar`: the library's mean closeness to the topic
plus 1.5, 2 or 2.5 standard deviations; the digest uses 2).

Prints figures; asserts nothing.
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from index import Library, SentenceTransformerEmbedder, words  # noqa: E402
from index.service import MAX_DIGEST_ARTICLES  # noqa: E402
from index.stories import mean_direction  # noqa: E402

LABELS = {
    "space": r"NASA|astronaut|Space Review|Universe|Europa|water vapor on distant moon|Titan|telescope|spacecraft|"
             r"rocket|lunar|moon",
    "health": r"health|flu|[Pp]lague|[Dd]uvet|Superbug|pain drug|[Cc]annabis|Patientenakte|[Pp]eanut|[Dd]iet [Pp]ills|"
              r"[Mm]eth|epidemic|[Aa]llergy|[Ll]ung|hospital|disease",
    "football": r"college football|Browns|Gerrard|Mourinho|Benitez|Chelsea|Kepa|Adriano|Man Utd|Euro 2020|West Ham|"
                r"Arsenal|Liverpool|Reyes|Reds|Tottenham|UEFA|soccer",
    "tennis": r"[Tt]ennis|Davis Cup|Nadal|Hewitt|Capriati|Ferrero|Roddick|Federer|Henman|Melbourne|Australian Open",
    "music": r"[Mm]usic|album|song|Doobie|Taylor Swift|AMA|Fatboy|MP3|singer|Band Aid|Morrison|record label|Grammy",
}


def main() -> None:
    articles_file = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared/corpus/news/articles.jsonl"
    embedder = SentenceTransformerEmbedder()
    with tempfile.TemporaryDirectory() as tmp, Library(Path(tmp), embedder) as library:
        list(library.ingest([str(articles_file)]))
        articles = library.store.articles_added_since("1970-01-01T00:00:00+00:00", MAX_DIGEST_ARTICLES)
        ids = tuple(a.id for a in articles)
        vectors, groups = library._grouped(ids)
        reference = library._directions(tuple(library.store.newest_ids(MAX_DIGEST_ARTICLES)))
        print(f"{len(articles)} articles, {len(groups)} stories")
        for topic, pattern in LABELS.items():
            on_topic = np.array([any(re.search(pattern, articles[i].title) for i in g) for g in groups])
            query = embedder.encode_query(topic)
            closeness = np.array([float(mean_direction(vectors[g]) @ query) for g in groups])
            named = np.array([bool(set(words.tokens(topic)) & set(words.tokens(" ".join(articles[i].title
                                                                                           for i in g))))
                              for g in groups])
            spread = reference @ query
            bars = {"fixed 0.25": 0.25} | {f"mean+{k}sd": float(spread.mean() + k * spread.std())
                                            for k in (1.5, 2.0, 2.5)}
            line = f"{topic:9} {on_topic.sum():2} on topic"
            for name, bar in bars.items():
                kept = (closeness >= bar) | named
                hits = int((kept & on_topic).sum())
                line += (f" | {name} ({bar:.3f}): kept {kept.sum():2}, precision {hits / max(1, kept.sum()):.2f}, "
                         f"recall {hits / on_topic.sum():.2f}")
            print(line)


if __name__ == "__main__":
    main()
