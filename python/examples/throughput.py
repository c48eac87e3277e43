"""Throughput of zhfacts' extract_many beside JioNLP's time and money extraction.

    python throughput.py ../../../shared/corpora/xwlb-2022-2026.jsonl --jionlp 1000

Prints the time to build an Extractor, zhfacts on the whole corpus with 1
and 2 threads, and, when JioNLP is installed, both on the first N articles
(``jionlp.ner.extract_time`` + ``jionlp.ner.extract_money``, one thread, as
JioNLP has no batch API), in one run. Each result is checked, not only
timed: the fact counts are printed.
"""

import argparse
import datetime
import json
import time

import zhfacts


def load(path):
    with open(path, encoding="utf-8") as lines:
        return [json.loads(line) for line in lines]


def megabytes(documents):
    return sum(len(d["text"].encode()) for d in documents) / 1e6


def line(name, documents, seconds, facts):
    size = megabytes(documents)
    print(
        f"{name:<34} {len(documents):>6} docs {size:>7.2f} MB {seconds:>8.2f} s "
        f"{size / seconds:>7.2f} MB/s {len(documents) / seconds:>8.0f} docs/s {facts:>8} facts"
    )


def run_zhfacts(extractor, documents, threads):
    started = time.perf_counter()
    reports = extractor.extract_many(
        [d["text"] for d in documents], [d.get("published") for d in documents], threads
    )
    seconds = time.perf_counter() - started
    return seconds, sum(len(r["facts"]) for r in reports)


def run_jionlp(documents):
    import jionlp

    jionlp.ner.extract_time("今天", time_base=time.time())  # loads its tables
    started = time.perf_counter()
    found = 0
    for document in documents:
        published = document.get("published")
        base = (
            datetime.datetime.fromisoformat(published).timestamp() if published else time.time()
        )
        found += len(jionlp.ner.extract_time(document["text"], time_base=base))
        found += len(jionlp.ner.extract_money(document["text"]))
    return time.perf_counter() - started, found


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus")
    parser.add_argument("--jionlp", type=int, default=0, help="articles for the comparison")
    arguments = parser.parse_args()
    documents = load(arguments.corpus)

    started = time.perf_counter()
    extractor = zhfacts.Extractor()
    print(f"Extractor() built in {time.perf_counter() - started:.3f} s")
    for threads in (1, 2):
        line(f"zhfacts extract_many, {threads} thread(s)", documents, *run_zhfacts(
            extractor, documents, threads
        ))
    if arguments.jionlp:
        sample = documents[: arguments.jionlp]
        money_time = zhfacts.Extractor(kinds=["time", "money"])
        line("zhfacts time+money, 1 thread", sample, *run_zhfacts(money_time, sample, 1))
        line("zhfacts all kinds, 1 thread", sample, *run_zhfacts(extractor, sample, 1))
        line("jionlp extract_time+extract_money", sample, *run_jionlp(sample))


if __name__ == "__main__":
    main()
