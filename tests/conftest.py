"""Shared fixtures: a library on a temporary folder with the fake embedder, the real model, the corpus."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from index import Library, SentenceTransformerEmbedder
from tests.fakes.embedder import HashingEmbedder

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "news"


def corpus_path() -> Path:
    """The shared news corpus; skipped where it is absent (a user's clone), a failure in CI."""
    if not (CORPUS / "articles.jsonl").exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"the shared corpus is missing at {CORPUS}; CI must have ../shared beside the repo")
        pytest.skip(f"the shared news corpus is not at {CORPUS} (it is not part of the repository)")
    return CORPUS


@pytest.fixture
def corpus() -> Path:
    return corpus_path()


@pytest.fixture(scope="session")
def corpus_articles() -> list[dict]:
    with open(corpus_path() / "articles.jsonl", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


@pytest.fixture(scope="session")
def dev_questions() -> list[dict]:
    with open(corpus_path() / "dev_questions.jsonl", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


@pytest.fixture
def embedder() -> HashingEmbedder:
    return HashingEmbedder()


@pytest.fixture
def library(tmp_path, embedder):
    with Library(tmp_path / "data", embedder) as lib:
        yield lib


@pytest.fixture(scope="session", autouse=True)
def model_cache(tmp_path_factory) -> Path:
    """ONNX Runtime's copy of the model is made once a run (~12 s), in a temporary folder rather than the
    user's ~/.cache, for every embedder the tests make (BRIEFBOT_MODEL_CACHE_DIR)."""
    folder = tmp_path_factory.mktemp("model-cache")
    previous = os.environ.get("BRIEFBOT_MODEL_CACHE_DIR")
    os.environ["BRIEFBOT_MODEL_CACHE_DIR"] = str(folder)
    yield folder
    if previous is None:
        os.environ.pop("BRIEFBOT_MODEL_CACHE_DIR", None)
    else:
        os.environ["BRIEFBOT_MODEL_CACHE_DIR"] = previous


@pytest.fixture(scope="session")
def real_embedder(model_cache) -> SentenceTransformerEmbedder:
    return SentenceTransformerEmbedder(cache_dir=model_cache)


@pytest.fixture(scope="session")
def corpus_data(tmp_path_factory, real_embedder):
    """(data folder, ingest results): the whole shared corpus ingested with the real model, once a run (~20 s).
    Tests that change a library copy the folder first."""
    data = tmp_path_factory.mktemp("corpus") / "data"
    with Library(data, real_embedder) as lib:
        results = list(lib.ingest([str(corpus_path() / "articles.jsonl")]))
    return data, results


@pytest.fixture(scope="session")
def corpus_library(corpus_data, real_embedder):
    """(library, ingest results) over the corpus folder, for tests that only read."""
    data, results = corpus_data
    lib = Library(data, real_embedder)
    yield lib, results
    lib.close()
