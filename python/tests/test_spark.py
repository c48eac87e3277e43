"""The Spark job in local mode gives the command's facts, row for row."""

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import time
import warnings
from pathlib import Path

import pytest

from conftest import ARTICLES, XWLB, corpus_slice

JOB = Path(__file__).resolve().parents[1] / "examples" / "spark_job.py"
SLICE = 200


def _missing():
    """What the Spark test lacks on this machine, or None."""
    if importlib.util.find_spec("pyspark") is None:
        return "PySpark is not installed"
    for name in ("pandas", "pyarrow"):
        if importlib.util.find_spec(name) is None:
            return f"{name} is not installed"
    java_home = os.environ.get("JAVA_HOME")
    if shutil.which("java") is None and not (java_home and Path(java_home, "bin", "java").exists()):
        return "Java is not installed"
    return None


@pytest.fixture(scope="module")
def spark_ready():
    missing = _missing()
    if missing:
        message = f"SPARK TEST SKIPPED: {missing}; the Spark job was NOT tested"
        if os.environ.get("ZHFACTS_REQUIRE_SPARK"):
            pytest.fail(message + " (ZHFACTS_REQUIRE_SPARK is set)")
        print(f"\n{'!' * 72}\n{message}\n{'!' * 72}", file=sys.stderr)
        warnings.warn(message)
        pytest.skip(message)


def documents():
    if XWLB.exists():
        return corpus_slice(XWLB, SLICE)
    return [
        {"id": p.stem, "text": p.read_text(encoding="utf-8"), "published": "2024-03-15"}
        for p in sorted(ARTICLES.glob("*.txt"))
    ]


def command_rows(lines):
    """The command's reports flattened as the job's table, read independently."""
    rows = []
    for line in lines:
        report = json.loads(line)
        facts = report["facts"]
        for fact in facts:
            about = fact.get("about", {})
            rows.append(
                {
                    "id": report["id"],
                    "kind": fact["kind"],
                    "start": fact["start"],
                    "end": fact["end"],
                    "text": fact["text"],
                    "value": fact["value"],
                    "rule": fact["rule"],
                    "direction": about.get("direction"),
                    "period": facts[about["period"]]["text"] if "period" in about else None,
                    "place": facts[about["place"]]["text"] if "place" in about else None,
                }
            )
    return rows


def test_spark_job_rows_equal_the_command(spark_ready, command, tmp_path):
    import pandas

    corpus = tmp_path / "slice.jsonl"
    docs = documents()
    corpus.write_text(
        "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8"
    )
    output = tmp_path / "facts.parquet"
    environment = dict(os.environ, PYSPARK_PYTHON=sys.executable, PYSPARK_DRIVER_PYTHON=sys.executable)
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, str(JOB), "--master", "local[2]", str(corpus), str(output)],
        env=environment,
        capture_output=True,
        text=True,
        timeout=600,
    )
    elapsed = time.perf_counter() - started
    assert done.returncode == 0, done.stderr[-4000:]
    print(f"\nSpark job on {len(docs)} articles, local[2]: {elapsed:.1f} s wall")

    table = pandas.read_parquet(output)
    assert list(table.columns) == [
        "id", "kind", "start", "end", "text", "value", "rule", "direction", "period", "place"
    ]
    table = table.sort_values(["id", "start"], kind="stable").reset_index(drop=True)
    got = [
        {
            **{k: (None if pandas.isna(v) else v) for k, v in row.items()},
            "start": int(row["start"]),
            "end": int(row["end"]),
            "value": json.loads(row["value"]),
        }
        for row in table.to_dict("records")
    ]
    expected = sorted(command_rows(command(corpus)), key=lambda r: (r["id"], r["start"]))
    assert len(got) == len(expected)
    assert len(expected) > 5 * len(docs)
    assert got == expected
    assert {r["id"] for r in got} <= {d["id"] for d in docs}
    assert any(r["place"] for r in got) and any(r["period"] for r in got)
