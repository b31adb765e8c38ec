"""ONNX Runtime runs the model: the same vectors as PyTorch, its file made once, and nothing broken when it
cannot be made."""

import logging
import shutil

import numpy as np
import pytest

from index import SentenceTransformerEmbedder, onnx_model
from index.onnx_model import OnnxModel

TEXTS = ["Who won?",
         "How much is Jose Mourinho being paid at Tottenham?",
         "The central bank raised interest rates by a quarter point on Tuesday, its third increase this year, "
         "as prices kept rising faster than wages. " * 12,  # past the 256-token cut
         "Die Zentralbank hat die Zinsen erhöht.",
         "Le taux directeur passe à 4,5 %.",
         "東京の株価が上がった。"]


@pytest.fixture(scope="module")
def pytorch_vectors():
    return SentenceTransformerEmbedder(onnx=False, bf16=False).encode(TEXTS)


def test_onnx_runtime_gives_pytorchs_vectors_alone_and_in_padded_batches(real_embedder, pytorch_vectors):
    fast = real_embedder.fast
    assert fast is not None
    together = fast.encode(TEXTS)  # one batch of mixed lengths, padded
    alone = np.vstack([fast.encode([text]) for text in TEXTS])
    assert together.dtype == np.float32 and together.shape == (len(TEXTS), 384)
    assert np.min(np.sum(together * pytorch_vectors, axis=1)) > 0.99999
    assert np.min(np.sum(alone * pytorch_vectors, axis=1)) > 0.99999


def test_the_model_file_is_made_once_and_reused(model_cache, real_embedder, monkeypatch):
    assert real_embedder.fast is not None
    files = list(model_cache.glob("all-MiniLM-L6-v2-*.onnx"))
    assert len(files) == 1
    monkeypatch.setattr(onnx_model, "_export_checked", lambda *args: pytest.fail("exported a second time"))
    again = SentenceTransformerEmbedder(cache_dir=model_cache)
    assert again.fast is not None
    assert list(model_cache.glob("*.onnx")) == files and not list(model_cache.glob("*.part"))


def test_a_damaged_model_file_is_made_again(tmp_path, model_cache, real_embedder, monkeypatch):
    good = next(model_cache.glob("all-MiniLM-L6-v2-*.onnx"))
    damaged = tmp_path / good.name
    damaged.write_bytes(good.read_bytes()[:1000])  # as a full disk might have left it
    exports = []

    def export(model_dir, path):  # the real export is tested above; this one copies its result
        exports.append(path)
        shutil.copyfile(good, path)

    monkeypatch.setattr(onnx_model, "_export_checked", export)
    embedder = SentenceTransformerEmbedder(cache_dir=tmp_path)
    vector = embedder.encode_query(TEXTS[1])
    assert len(exports) == 1 and damaged.read_bytes() == good.read_bytes()
    assert float(vector @ real_embedder.encode_query(TEXTS[1])) > 0.99999


def test_a_failed_export_leaves_nothing_behind_and_pytorch_answers(tmp_path, pytorch_vectors, monkeypatch, caplog):
    def export(model_dir, path):
        path.write_bytes(b"half a model")
        raise RuntimeError("the exported model disagrees with sentence-transformers (cosine 0.5)")

    monkeypatch.setattr(onnx_model, "_export_checked", export)
    embedder = SentenceTransformerEmbedder(cache_dir=tmp_path / "cache", bf16=False)
    with caplog.at_level(logging.WARNING):
        vectors = embedder.encode(TEXTS)
    assert embedder.fast is None
    assert "ONNX Runtime is not used (RuntimeError: the exported model disagrees" in caplog.text
    assert list((tmp_path / "cache").iterdir()) == []
    assert np.min(np.sum(vectors * pytorch_vectors, axis=1)) > 0.99999


def test_the_model_file_is_named_by_the_weights_it_was_made_from(tmp_path, monkeypatch):
    model_dir = tmp_path / "model"
    model_dir.mkdir()
    made = []
    monkeypatch.setattr(onnx_model, "_export_checked", lambda source, path: made.append(path.write_bytes(b"x")))
    (model_dir / "model.safetensors").write_bytes(b"weights one")
    first = onnx_model.exported("m", model_dir, tmp_path / "cache")
    assert onnx_model.exported("m", model_dir, tmp_path / "cache") == first and len(made) == 1
    (model_dir / "model.safetensors").write_bytes(b"weights two")
    second = onnx_model.exported("m", model_dir, tmp_path / "cache")
    assert second != first and len(made) == 2


def test_onnx_can_be_turned_off(tmp_path):
    embedder = SentenceTransformerEmbedder(onnx=False, cache_dir=tmp_path)
    assert embedder.fast is None
    assert embedder.encode_query("Who won?").shape == (384,)
    assert list(tmp_path.iterdir()) == []


def test_onnx_model_batches_like_lengths_together(real_embedder):
    fast: OnnxModel = real_embedder.fast
    many = [f"Question number {i} about {'markets ' * (i % 7)}today?" for i in range(21)]
    vectors = fast.encode(many)
    singly = np.vstack([fast.encode([text]) for text in many])
    assert np.min(np.sum(vectors * singly, axis=1)) > 0.99999

