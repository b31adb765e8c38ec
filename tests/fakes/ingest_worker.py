"""Run an ingest in a separate process (so a test can kill it): python -m tests.fakes.ingest_worker DATA SOURCE.
Prints one line per result, flushed, as the library reports it."""

import sys
from pathlib import Path

from index import Library
from tests.fakes.embedder import HashingEmbedder

if __name__ == "__main__":
    with Library(Path(sys.argv[1]), HashingEmbedder()) as library:
        for result in library.ingest(sys.argv[2:]):
            print(result.outcome.value, result.source, flush=True)
