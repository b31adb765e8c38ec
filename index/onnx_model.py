"""The embedding model run by ONNX Runtime instead of PyTorch: the same vectors, less time per call.

Measured on a 2-core AMD EPYC (AVX2, no bf16): one question in 9.6 ms instead of 27.7 ms; the corpus's
passages at 19.1 a second instead of 14.5 (bench/ingest.py); every vector within 1e-6 cosine of
sentence-transformers' (tests/index/test_onnx_model.py). PyTorch spends most of a short input's time between
its kernels.

No ONNX file ships with the model's package, so one is exported from the installed weights on first use
(torch.onnx, about 10 s) and kept in a cache folder under the weights' SHA-256: other weights, another file.
The export is checked against PyTorch on a few texts before it is kept, and written under a temporary name
then renamed, so a crash leaves no half-written model behind. Questions need neither torch nor
sentence-transformers once the file exists: the tokenizer is the model's own tokenizer.json.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
import warnings
from collections.abc import Sequence
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)

# Texts both runtimes encode before an export is kept: short and long, padded together in one batch.
_PROBES = ["What did the central bank decide?",
           "Rates rose by a quarter point on Tuesday, the third increase this year, as prices kept climbing "
           "faster than wages in most of the country's regions.",
           "Ça coûte 12 € ; 東京 2020"]
_MIN_PROBE_COSINE = 0.9999
_INPUTS = ("input_ids", "attention_mask", "token_type_ids")


def default_cache_dir() -> Path:
    """$XDG_CACHE_HOME/briefbot, else ~/.cache/briefbot."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "briefbot"


class OnnxModel:
    """A sentence-transformers folder (BERT, mean pooling, normalised) under ONNX Runtime."""

    def __init__(self, name: str, model_dir: Path, cache_dir: Path, batch_chars: int = 6000):
        import onnxruntime

        # A batch holds about 6,000 characters, padded: 8 passages of ~120 words, the size measured fastest for
        # them on 2 cores (4: 21/s, 8: 24/s, 16: 19/s, 32: 14/s), or dozens of questions asked at once.
        self.batch_chars = batch_chars
        self.tokenizer = _tokenizer(model_dir)
        path = exported(name, model_dir, cache_dir)
        options = onnxruntime.SessionOptions()
        options.log_severity_level = 3  # errors only
        # ONNX Runtime's threads spin while waiting for work by default: on two cores shared with the bot's
        # other threads that cost 20 % of the answers a second under load (bench/load.py), and nothing alone.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        try:
            self.session = onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
        except Exception:  # a damaged cache file (a full disk, an edit): made again once
            log.warning("the cached ONNX model %s could not be loaded; exporting it again", path)
            path.unlink(missing_ok=True)
            path = exported(name, model_dir, cache_dir)
            self.session = onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Normalised float32 vectors, one row per text. Texts of like length are batched together, so
        short ones are not padded to the longest of all."""
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]), reverse=True)
        out = np.empty((len(texts), 0), dtype=np.float32)
        for rows in _batches(order, [len(t) for t in texts], self.batch_chars):
            vectors = _run(self.session, self.tokenizer, [texts[i] for i in rows])
            if out.shape[1] == 0:
                out = np.empty((len(texts), vectors.shape[1]), dtype=np.float32)
            out[rows] = vectors
        return out


def _batches(order: list[int], lengths: list[int], budget: int) -> list[list[int]]:
    """`order` (longest first) cut into runs whose padded size, count times the first's length, stays within
    `budget`; at least one text each."""
    batches: list[list[int]] = []
    for i in order:
        if batches and (len(batches[-1]) + 1) * max(1, lengths[batches[-1][0]]) <= budget:
            batches[-1].append(i)
        else:
            batches.append([i])
    return batches


def exported(name: str, model_dir: Path, cache_dir: Path) -> Path:
    """The ONNX file of the weights in `model_dir`, exported into `cache_dir` unless it is there already."""
    weights = model_dir / "model.safetensors"
    digest = hashlib.sha256(weights.read_bytes()).hexdigest()[:16]
    target = cache_dir / f"{name}-{digest}.onnx"
    if target.exists():
        return target
    cache_dir.mkdir(parents=True, exist_ok=True)
    log.info("preparing the embedding model for ONNX Runtime, once (about 10 s): %s", target)
    fd, partial = tempfile.mkstemp(dir=cache_dir, prefix=target.name, suffix=".part")
    os.close(fd)
    try:
        with warnings.catch_warnings():  # the tracer's notes on BERT's Python branches, fixed by the check
            warnings.simplefilter("ignore")
            _export_checked(model_dir, Path(partial))
        os.chmod(partial, 0o644)  # an ordinary cache file, not mkstemp's owner-only one
        os.replace(partial, target)
    finally:
        Path(partial).unlink(missing_ok=True)
    return target


def _export_checked(model_dir: Path, path: Path) -> None:
    """Export the BERT inside the sentence-transformers model, then require the ONNX pipeline (tokenizer,
    graph, pooling) to give sentence-transformers' own vectors for the probes."""
    import onnxruntime
    import torch
    from sentence_transformers import SentenceTransformer

    reference = SentenceTransformer(str(model_dir), device="cpu")
    bert = reference[0].auto_model.eval()
    tokenizer = _tokenizer(model_dir)
    batch = _batch(tokenizer, _PROBES)

    class Hidden(torch.nn.Module):  # positional inputs in, the last hidden state out
        def __init__(self):
            super().__init__()
            self.bert = bert

        def forward(self, input_ids, attention_mask, token_type_ids):
            return self.bert(input_ids=input_ids, attention_mask=attention_mask,
                             token_type_ids=token_type_ids).last_hidden_state

    axes = {name: {0: "batch", 1: "tokens"} for name in (*_INPUTS, "hidden")}
    with torch.inference_mode():
        torch.onnx.export(Hidden(), tuple(torch.from_numpy(batch[name]) for name in _INPUTS), str(path),
                          input_names=list(_INPUTS), output_names=["hidden"], dynamic_axes=axes,
                          opset_version=17, dynamo=False)
    expected = reference.encode(_PROBES, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False)
    session = onnxruntime.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    cosine = float(np.min(np.sum(_run(session, tokenizer, _PROBES) * expected, axis=1)))
    if cosine < _MIN_PROBE_COSINE:
        raise RuntimeError(f"the exported model disagrees with sentence-transformers (cosine {cosine:.6f})")


def _tokenizer(model_dir: Path):
    """The model's tokenizer, truncating where sentence-transformers does and padding to the batch's longest
    (tokenizer.json itself says 128 tokens and a fixed padding)."""
    from tokenizers import Tokenizer

    config = json.loads((model_dir / "sentence_bert_config.json").read_text(encoding="utf-8"))
    tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
    tokenizer.enable_truncation(config["max_seq_length"])
    tokenizer.enable_padding()
    return tokenizer


def _batch(tokenizer, texts: Sequence[str]) -> dict[str, np.ndarray]:
    encodings = tokenizer.encode_batch(list(texts))
    return {"input_ids": np.array([e.ids for e in encodings], dtype=np.int64),
            "attention_mask": np.array([e.attention_mask for e in encodings], dtype=np.int64),
            "token_type_ids": np.array([e.type_ids for e in encodings], dtype=np.int64)}


def _run(session, tokenizer, texts: Sequence[str]) -> np.ndarray:
    batch = _batch(tokenizer, texts)
    hidden = session.run(None, batch)[0]
    return _pool(hidden, batch["attention_mask"])


def _pool(hidden: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Mean of the real tokens' states, L2-normalised: what the model's Pooling and Normalize modules do."""
    weights = mask[..., None].astype(np.float32)
    pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
    norms = np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
    return (pooled / norms).astype(np.float32)
