"""The FAISS file is a cache of SQLite: rebuilt when missing, unreadable or out of step, saved atomically."""

import json

import numpy as np

from index import Library, vector_check


def fill(library, tmp_path, n=3):
    lines = [json.dumps({"url": f"https://news.test/{i}", "title": f"Story {i}",
                         "text": f"Story number {i} tells of harbour works and ferry lines. " * 12}) for i in range(n)]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    list(library.ingest([str(path)]))


def test_index_matches_store_and_survives_reopening(tmp_path, embedder):
    with Library(tmp_path / "d", embedder) as library:
        fill(library, tmp_path)
        ids = np.sort(library.vectors.ids())
    with Library(tmp_path / "d", embedder) as library:
        assert np.array_equal(np.sort(library.vectors.ids()), ids)
        assert vector_check(library)


def test_missing_unreadable_or_stale_index_is_rebuilt_from_sqlite(tmp_path, embedder):
    with Library(tmp_path / "d", embedder) as library:
        fill(library, tmp_path)
        query = library.embedder.encode_query("harbour works")
        expected = library.vectors.search(query, 5)
    faiss_file = tmp_path / "d" / "passages.faiss"

    faiss_file.unlink()
    with Library(tmp_path / "d", embedder) as library:
        assert vector_check(library) and library.vectors.search(query, 5) == expected

    faiss_file.write_bytes(b"garbage")
    with Library(tmp_path / "d", embedder) as library:
        assert vector_check(library) and library.vectors.search(query, 5) == expected

    with Library(tmp_path / "d", embedder) as library:  # stale: an id the store no longer has
        library.vectors.remove([int(library.vectors.ids()[0])])
        library.vectors.save()
    with Library(tmp_path / "d", embedder) as library:
        assert vector_check(library) and library.vectors.search(query, 5) == expected
    assert not (tmp_path / "d" / "passages.tmp").exists()


def test_a_library_built_with_another_model_is_refused(tmp_path, embedder):
    import pytest

    from index import StoreError

    Library(tmp_path / "d", embedder).close()

    class Other:
        name, dim = "other-model", embedder.dim
        encode = embedder.encode

    with pytest.raises(StoreError, match="built with the model"):
        Library(tmp_path / "d", Other())
