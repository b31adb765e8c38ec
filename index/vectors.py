"""The FAISS index of passage vectors: inner product over normalised vectors (cosine), ids = passage ids.

SQLite holds every vector, so this file is a cache: it is saved atomically (write, fsync, rename) and
rebuilt from the store whenever it is missing, unreadable or holds other ids than the store.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Sequence
from pathlib import Path

import faiss
import numpy as np

from .store import Store

log = logging.getLogger(__name__)


class VectorIndex:
    """A FAISS IndexIDMap2 over IndexFlatIP; thread-safe."""

    def __init__(self, path: Path, dim: int):
        self.path = path
        self.dim = dim
        self._index = self._empty()
        self._lock = threading.Lock()
        self._dirty = False

    def _empty(self) -> faiss.IndexIDMap2:
        return faiss.IndexIDMap2(faiss.IndexFlatIP(self.dim))

    @property
    def size(self) -> int:
        return self._index.ntotal

    def ids(self) -> np.ndarray:
        with self._lock:
            return faiss.vector_to_array(self._index.id_map).astype(np.int64)

    def load_or_rebuild(self, store: Store) -> str:
        """Load the saved index if it matches the store's passages exactly; else rebuild it from the store.
        Returns what was done, for the log."""
        expected = store.passage_ids()
        if self.path.exists():
            try:
                index = faiss.read_index(str(self.path))
                if index.d == self.dim and np.array_equal(
                        np.sort(faiss.vector_to_array(index.id_map).astype(np.int64)), expected):
                    self._index = index
                    return "loaded"
                log.warning("vector index %s does not match the library; rebuilding it", self.path)
            except (RuntimeError, AttributeError):
                log.warning("vector index %s is unreadable; rebuilding it", self.path)
        self._index = self._empty()
        for ids, vectors in store.iter_vectors():
            self._index.add_with_ids(vectors, ids)
        self._dirty = True
        self.save()
        return "rebuilt"

    def add(self, ids: np.ndarray | list[int], vectors: np.ndarray) -> None:
        if len(ids) == 0:
            return
        with self._lock:
            self._index.add_with_ids(np.ascontiguousarray(vectors, dtype=np.float32), np.asarray(ids, dtype=np.int64))
            self._dirty = True

    def remove(self, ids: list[int]) -> None:
        if not ids:
            return
        with self._lock:
            self._index.remove_ids(np.asarray(ids, dtype=np.int64))
            self._dirty = True

    def search(self, query: np.ndarray, k: int, within: Sequence[int] | None = None) -> list[tuple[int, float]]:
        """(passage id, cosine) of the k nearest passages, best first; `within`: only these passages."""
        if self.size == 0 or within is not None and len(within) == 0:
            return []
        params = None if within is None else faiss.SearchParameters(
            sel=faiss.IDSelectorBatch(np.asarray(within, dtype=np.int64)))
        with self._lock:
            scores, ids = self._index.search(np.asarray(query, dtype=np.float32).reshape(1, -1), min(k, self.size),
                                             params=params)
        return [(int(i), float(s)) for i, s in zip(ids[0], scores[0], strict=True) if i >= 0]

    def save(self) -> None:
        """Write to a temporary file, flush it to disk, then rename over the old one."""
        with self._lock:
            if not self._dirty and self.path.exists():
                return
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_suffix(".tmp")
            faiss.write_index(self._index, str(tmp))
            with open(tmp, "rb") as f:
                os.fsync(f.fileno())
            os.replace(tmp, self.path)
            self._dirty = False
