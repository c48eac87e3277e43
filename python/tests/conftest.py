"""Shared fixtures: one extractor, the repository's paths, the command."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

import zhfacts

REPO = Path(__file__).resolve().parents[2]
ARTICLES = REPO / "testdata" / "articles"
XWLB = REPO.parent / "shared" / "corpora" / "xwlb-2022-2026.jsonl"


@pytest.fixture(scope="session")
def extractor():
    return zhfacts.Extractor()


def _command_path():
    given = os.environ.get("ZHFACTS_BIN")
    if given:
        return Path(given)
    for profile in ("release", "debug"):
        path = REPO / "target" / profile / "zhfacts"
        if path.exists():
            return path
    if shutil.which("cargo") is None:
        pytest.fail("the zhfacts command is not built and cargo is missing; set ZHFACTS_BIN")
    subprocess.run(
        ["cargo", "build", "--release", "--quiet", "-p", "zhfacts-cli"], cwd=REPO, check=True
    )
    return REPO / "target" / "release" / "zhfacts"


@pytest.fixture(scope="session")
def command():
    """Runs the zhfacts command on files and returns its report lines."""
    path = _command_path()

    def run(*files):
        done = subprocess.run(
            [str(path), *map(str, files)], capture_output=True, check=True, text=True
        )
        return done.stdout.splitlines()

    return run


def corpus_slice(path, count):
    """The first `count` documents of a JSONL corpus, as dicts."""
    documents = []
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            documents.append(json.loads(line))
            if len(documents) == count:
                break
    return documents


def command_line(report):
    """A report dict written as the command writes it."""
    return json.dumps(report, ensure_ascii=False, separators=(",", ":"))
