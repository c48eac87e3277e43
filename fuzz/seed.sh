#!/usr/bin/env bash
# Builds the seed corpora of the fuzz targets (fuzz/corpus/<target>/) from
# the texts of testdata/*.toml and the sample articles, one file each; the
# reader's are JSONL: those texts as lines, the first lines of each corpus
# in ../shared/corpora (when it is there), and lines that are no document.
#
#   fuzz/seed.sh && RUSTC_BOOTSTRAP=1 cargo fuzz run extract -- -max_total_time=600
set -euo pipefail
cd "$(dirname "$0")/.."
python3 - <<'PY'
import glob, hashlib, json, os, tomllib
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

lines = []
for i, text in enumerate(texts):
    document = {"id": f"t{i}", "text": text}
    if i % 3 == 1:
        document["published"] = "2024-03-0%dT08:30:00" % (1 + i % 9)
    if i % 5 == 2:
        document["region"] = ["HK", "TW", "mainland", "Macau", "MY"][i % 5]
    lines.append(json.dumps(document, ensure_ascii=i % 2 == 0))
for path in sorted(glob.glob("../shared/corpora/*.jsonl")):
    with open(path, "rb") as f:
        lines.extend(f.readline().decode("utf-8").rstrip("\n") for _ in range(20))
seeds = [line + "\n" for line in lines]
seeds += [
    '{"text": "今天"}\r\n\n   \n{"id": 7, "text": "明天"}\n',
    '\ufeff{"id": "bom", "text": "增长5%"}\n',
    '{not json\n[1, 2]\n{"id": "x"}\n{"text": 5}\n',
    '{"text": "a", "published": "soon", "region": "Mars"}\n',
    '{"text": "b", "published": 20240301, "region": ["HK"]}\n',
    '{"text": "\\ud800 lone surrogate"}\n',
    '{"text": "c", "text": 1}\n{"id": null, "text": "d"}',
]
folder = os.path.join("fuzz", "corpus", "reader")
os.makedirs(folder, exist_ok=True)
for seed in seeds:
    data = seed.encode("utf-8")
    with open(os.path.join(folder, hashlib.sha1(data).hexdigest()), "wb") as f:
        f.write(data)
with open(os.path.join(folder, "invalid-utf8"), "wb") as f:
    f.write(b'{"text": "ok"}\n{"text": "\xe4\xb8"}\n{"text": "\xff"}\n')
print(f"{len(seeds) + 1} seeds in fuzz/corpus/reader")
PY
