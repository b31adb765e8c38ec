"""A deterministic embedder for tests: hashed bag of words, so texts sharing words are close.

Geometry the tests rely on: the cosine of two texts grows with the words they share (case-blind, a plural
"s" ignored); texts with no word in common are near-orthogonal. It records every input it encoded.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

import numpy as np

_WORD = re.compile(r"\w+")


class HashingEmbedder:
    name = "test-hashing-embedder"
    dim = 64

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.calls.append(list(texts))
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in _WORD.findall(text.lower()):
                word = word[:-1] if len(word) > 3 and word.endswith("s") else word
                digest = hashlib.blake2b(word.encode(), digest_size=8).digest()
                out[row, digest[0] % self.dim] += 1.0 if digest[1] % 2 else -1.0
            norm = np.linalg.norm(out[row])
            if norm:
                out[row] /= norm
        return out

    def encode_query(self, text: str) -> np.ndarray:
        return self.encode([text])[0]

    @property
    def encoded(self) -> int:
        return sum(len(c) for c in self.calls)
