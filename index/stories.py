"""Recognising the same article twice: exact copies (a hash of the normalised text) and near-identical
copies under another URL (SimHash over word shingles to find candidates, Jaccard overlap to confirm)."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

_WORD = re.compile(r"\w+", re.UNICODE)
NEAR_DUPLICATE_JACCARD = 0.9  # share of distinct 5-word shingles in common; updated versions of a story stay apart
_SIMHASH_CANDIDATE_BITS = 12  # loose on purpose: Jaccard decides


def text_hash(text: str) -> str:
    """Identical for texts that differ only in case, spacing and punctuation."""
    return hashlib.sha256(" ".join(_WORD.findall(text.lower())).encode()).hexdigest()


def shingles(text: str, size: int = 5) -> set[int]:
    words = _WORD.findall(text.lower())
    grams = (" ".join(words[i : i + size]) for i in range(max(1, len(words) - size + 1)))
    return {int.from_bytes(hashlib.blake2b(g.encode(), digest_size=8).digest(), "big") for g in grams}


def simhash(text: str) -> int:
    """A 64-bit fingerprint whose Hamming distance tracks how much two texts share."""
    weights = [0] * 64
    for value in shingles(text, 3):
        for bit in range(64):
            weights[bit] += 1 if value >> bit & 1 else -1
    return sum(1 << bit for bit in range(64) if weights[bit] > 0)


def jaccard(a: set[int], b: set[int]) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


def near_duplicate(text: str, fingerprint: int, candidates: Iterable[tuple[int, int]], load_text) -> int | None:
    """The id of a stored article that is a near-identical copy of `text`, or None.

    `candidates` are (id, simhash) pairs; `load_text(id)` returns a candidate's text for the exact check.
    """
    mine = None
    for article_id, other in candidates:
        if (fingerprint ^ other).bit_count() > _SIMHASH_CANDIDATE_BITS:
            continue
        mine = mine if mine is not None else shingles(text)
        if jaccard(mine, shingles(load_text(article_id))) >= NEAR_DUPLICATE_JACCARD:
            return article_id
    return None
