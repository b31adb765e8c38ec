""""Who is …?" questions about the people a corpus names in one article only, for `briefbot eval`: the short
question people ask about a name they read, whose answer is the one article that writes it (`--bare`: the
name alone, as typed into a search box).

    .venv/bin/python bench/who.py [--bare] ../shared/corpus/news/articles.jsonl > /tmp/who.jsonl
    .venv/bin/briefbot eval --questions /tmp/who.jsonl --corpus ../shared/corpus/news/articles.jsonl \
        --retrievers hybrid

A person is two capitalised words written before "said", "says", "told", "wrote" or a comma, inside a
sentence ("… chairman, CEO and president Craig Menear said …"), in an English article, and written in no
other article. Up to 100 of them, in an order fixed by the seed. Each question is a factoid whose acceptable article
is that one (no answer passage: hit@1, hit@3 and wrongly declined are what it measures).
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections import defaultdict
from pathlib import Path

PERSON = re.compile(r"(?<=[a-z,] )([A-Z][a-z]{2,} [A-Z][a-z]{2,})(?= (?:said|says|told|wrote|,))")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("articles", type=Path)
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--limit", type=int, default=100)
    parser.add_argument("--bare", action="store_true", help="the name alone, as typed into a search box")
    args = parser.parse_args()
    articles = [json.loads(line) for line in args.articles.read_text(encoding="utf-8").splitlines()]
    people = {name for a in articles if a.get("lang", "en").startswith("en") for name in PERSON.findall(a["text"])}
    written = defaultdict(set)
    for article in articles:
        for name in people:
            if name in f"{article.get('title', '')}\n{article['text']}":
                written[name].add(article["id"])
    once = sorted(name for name, ids in written.items() if len(ids) == 1)
    random.Random(args.seed).shuffle(once)
    for name in once[: args.limit]:
        (article_id,) = written[name]
        question = name if args.bare else f"Who is {name}?"
        print(json.dumps({"qid": f"who-{article_id}-{name.replace(' ', '-')}", "question": question,
                          "kind": "factoid", "acceptable_article_ids": [article_id]}))


if __name__ == "__main__":
    main()
