"""Questions with a slip of the keys: each answerable English question of a set, one of its common words of
five letters or more mistyped the way fingers slip (a letter left out, two swapped, a letter doubled, or the
key next to the right one hit), to measure how briefbot answers questions as people type them.

    .venv/bin/python bench/typos.py ../shared/corpus/news/dev_questions.jsonl > /tmp/typos.jsonl
    .venv/bin/briefbot eval --questions /tmp/typos.jsonl --corpus ../shared/corpus/news/articles.jsonl \
        --retrievers hybrid [--lowercase]

The same seed gives the same slips. Words the dictionary does not list (names) are left as written, so that
what is measured is a common word mistyped; the question's `typo` field holds [written, typed].
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from index import words  # noqa: E402


def slip(word: str, rnd: random.Random) -> str:
    """`word` with one slip, never at its first letter (people rarely miss that one)."""
    i = rnd.randrange(1, len(word) - 1)
    near = words._NEXT_KEYS.get(word[i].lower(), word[i])
    kind = rnd.choice(["left out", "swapped", "next key", "one too many"])
    if kind == "left out":
        return word[:i] + word[i + 1:]
    if kind == "swapped":
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if kind == "next key":
        return word[:i] + rnd.choice(near) + word[i + 1:]
    return word[:i] + rnd.choice([near[0], word[i].lower()]) + word[i:]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("questions", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rnd = random.Random(args.seed)
    for line in args.questions.read_text(encoding="utf-8").splitlines():
        question = json.loads(line)
        if question.get("kind") == "unanswerable" or question.get("lang", "en") != "en":
            continue
        text = question["question"]
        content = set(words.content_words(text))
        common = [w for w in words.TOKEN.findall(text) if w.isalpha() and len(w) >= 5 and w.lower() in content
                  and words.is_ordinary_word(w.lower())]
        if common:
            written = rnd.choice(common)
            typed = slip(written, rnd)
            print(json.dumps({**question, "question": text.replace(written, typed, 1), "typo": [written, typed]},
                             ensure_ascii=False))


if __name__ == "__main__":
    main()
