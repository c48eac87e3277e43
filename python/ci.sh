#!/usr/bin/env bash
# Python CI: builds the wheel with maturin, installs it into a fresh virtual
# environment, and runs the Python tests, the Spark test among them.
# Called from .ci/run; needs python3 (3.9+), cargo, and Java 17 for Spark.
set -euo pipefail
cd "$(dirname "$0")"
here=$(pwd)
python=${PYTHON:-python3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if ! command -v java >/dev/null; then
  apt-get update -qq && apt-get install -y -qq openjdk-17-jre-headless
fi

echo "== python: fresh venv"
if ! "$python" -m venv "$work/venv" 2>/dev/null; then
  apt-get update -qq && apt-get install -y -qq python3-venv
  "$python" -m venv "$work/venv"
fi
venv_python="$work/venv/bin/python"
"$venv_python" -m pip install --quiet --upgrade pip
"$venv_python" -m pip install --quiet "maturin>=1.9.4,<2" pytest pyspark pandas pyarrow

echo "== python: wheel"
"$work/venv/bin/maturin" build --release --quiet --out "$work/dist"
"$venv_python" -m pip install --quiet "$work"/dist/zhfacts-*.whl

echo "== python: the command, for the comparison tests"
cargo build --release --quiet -p zhfacts-cli

echo "== python: tests (Spark in local mode included)"
# Run from outside the source tree so the installed wheel is what is tested.
cd "$work"
ZHFACTS_BIN="$here/../target/release/zhfacts" ZHFACTS_REQUIRE_SPARK=1 \
  "$venv_python" -m pytest -q -rs "$here/tests"
