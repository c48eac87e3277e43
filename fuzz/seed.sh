#!/usr/bin/env bash
# Builds the seed corpora of the fuzz targets (fuzz/corpus/<target>/) from
# the texts of testdata/*.toml and the sample articles, one file each.
#
#   fuzz/seed.sh && RUSTC_BOOTSTRAP=1 cargo fuzz run extract -- -max_total_time=600
set -euo pipefail
cd "$(dirname "$0")/.."
python3 - <<'PY'
import glob, hashlib, os, tomllib
texts = []
for path in sorted(glob.glob("testdata/*.toml")):
    with open(path, "rb") as f:
        data = tomllib.load(f)
    for section in data.values():
        if isinstance(section, list):
            for entry in section:
                if isinstance(entry, dict):
                    texts.extend(t for t in entry.get("texts", []) if isinstance(t, str))
for path in sorted(glob.glob("testdata/articles/*.txt")):
    article = open(path, encoding="utf-8").read()
    texts.append(article)
    texts.extend(line for line in article.splitlines() if line.strip())
for target in ("extract", "normalize"):
    folder = os.path.join("fuzz", "corpus", target)
    os.makedirs(folder, exist_ok=True)
    for text in texts:
        data = text.encode("utf-8")
        name = hashlib.sha1(data).hexdigest()
        with open(os.path.join(folder, name), "wb") as f:
            f.write(data)
print(f"{len(texts)} seeds in fuzz/corpus/extract and fuzz/corpus/normalize")
PY
