"""The report equals the zhfacts command's line for the same document."""

import json

import pytest

from conftest import ARTICLES, XWLB, command_line, corpus_slice

ARTICLE_FILES = sorted(ARTICLES.glob("*.txt"))


def test_there_are_articles():
    assert len(ARTICLE_FILES) >= 4


@pytest.mark.parametrize("path", ARTICLE_FILES, ids=lambda p: p.name)
def test_article_equals_the_command_line(extractor, command, path):
    [line] = command(path)
    document_id = json.loads(line)["id"]
    report = extractor.extract(path.read_text(encoding="utf-8"), id=document_id)
    assert command_line(report) == line


@pytest.mark.parametrize("path", ARTICLE_FILES, ids=lambda p: p.name)
def test_article_equals_its_snapshot(extractor, path):
    snapshot = json.loads(path.with_suffix(".report.json").read_text(encoding="utf-8"))
    assert extractor.extract(path.read_text(encoding="utf-8")) == snapshot


def test_corpus_slice_equals_the_command_lines(extractor, command, tmp_path):
    if XWLB.exists():
        documents = corpus_slice(XWLB, 300)
    else:
        # Without ../shared: the articles, as JSONL with a publication time.
        documents = [
            {"id": p.stem, "text": p.read_text(encoding="utf-8"), "published": "2024-03-15"}
            for p in ARTICLE_FILES
        ]
    corpus = tmp_path / "slice.jsonl"
    corpus.write_text(
        "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in documents), encoding="utf-8"
    )
    lines = command(corpus)
    assert len(lines) == len(documents)
    reports = extractor.extract_many(
        [d["text"] for d in documents],
        [d.get("published") for d in documents],
        ids=[d["id"] for d in documents],
        titles=[d.get("title") for d in documents],
    )
    assert [command_line(r) for r in reports] == lines
