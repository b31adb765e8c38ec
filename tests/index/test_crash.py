"""Killing the process in the middle of a large ingest loses nothing committed and leaves no half article."""

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

from index import Library, vector_check
from tests.fakes.embedder import HashingEmbedder

ROOT = Path(__file__).resolve().parents[2]
N = 3000


def run_worker(data: Path, source: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "tests.fakes.ingest_worker", str(data), str(source)],
                            cwd=ROOT, stdout=subprocess.PIPE, text=True)


def test_kill_mid_ingest_then_run_again(tmp_path):
    source = tmp_path / "big.jsonl"
    with open(source, "w", encoding="utf-8") as f:
        for i in range(N):
            text = " ".join(f"Article {i} sentence {j} is on topic {i * 7 % 101} and place {j}." for j in range(40))
            f.write(json.dumps({"url": f"https://news.test/{i}", "title": f"Story {i}", "text": text}) + "\n")
    data = tmp_path / "data"

    worker = run_worker(data, source)
    reported = []
    for line in worker.stdout:  # the pipe fills and blocks the worker long before it could finish
        reported.append(line.split()[1])
        if len(reported) == 200:
            os.kill(worker.pid, signal.SIGKILL)
            break
    worker.wait()
    worker.stdout.close()
    assert worker.returncode == -signal.SIGKILL

    with Library(data, HashingEmbedder()) as library:
        assert vector_check(library)  # every passage in SQLite is in FAISS and nothing else is
        stored = library.stats()["articles"]
        assert 200 <= stored < N
        for label in reported:  # everything reported as added is there, whole
            number = int(label.rsplit(":", 1)[1]) - 1
            article = library.store.find_by_url(f"https://news.test/{number}")
            assert article is not None and article.text.endswith(f"place {39}.")
            passages = library.store.article_passages(article.id)
            assert passages and passages[-1].end == len(article.text)

    worker = run_worker(data, source)
    with worker.stdout:
        outcomes = [line.split()[0] for line in worker.stdout]
    assert worker.wait() == 0
    assert outcomes.count("duplicate") == stored and outcomes.count("added") == N - stored
    with Library(data, HashingEmbedder()) as library:
        assert library.stats()["articles"] == N and vector_check(library)
