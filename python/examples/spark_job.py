"""Extract facts from a corpus of Chinese news with Spark; write a flat facts table.

Reads JSONL (one ``{"id", "text", "published"?}`` a line) or Parquet with
the same columns, extracts in parallel with the ``zhfacts`` package, one
extractor per executor process reused across partitions, and writes
Parquet with one row a fact:

    id, kind, start, end, text, value, rule, direction, period, place

``start``/``end`` are UTF-8 byte offsets into the document's text,
``value`` is the fact's value as JSON, ``direction`` is ``up``/``down``
(or null), and ``period``/``place`` are the text of the time and place
facts the fact is about (or null).

Locally:

    python spark_job.py --master 'local[2]' corpus.jsonl facts.parquet

On a cluster, ship the wheel to the executors inside a packed virtual
environment (the README gives the steps):

    spark-submit --archives zhfacts-env.tar.gz#environment \\
        --conf spark.pyspark.python=./environment/bin/python \\
        spark_job.py hdfs:///news/xwlb.jsonl hdfs:///facts/xwlb
"""

import argparse
import json
import time

# The columns of the output table, in order.
FACTS_SCHEMA = (
    "id string, kind string, start long, end long, text string, value string, "
    "rule string, direction string, period string, place string"
)
FACT_COLUMNS = [field.split()[0] for field in FACTS_SCHEMA.split(", ")]
INPUT_SCHEMA = "id string, text string, published string"


def fact_rows(report):
    """The flat rows of one report, its links resolved to the linked text."""
    facts = report["facts"]
    rows = []
    for fact in facts:
        about = fact.get("about") or {}
        linked = {
            link: facts[about[link]]["text"] if link in about else None
            for link in ("period", "place")
        }
        rows.append(
            (
                report["id"],
                fact["kind"],
                fact["start"],
                fact["end"],
                fact["text"],
                json.dumps(fact["value"], ensure_ascii=False, separators=(",", ":")),
                fact["rule"],
                about.get("direction"),
                linked["period"],
                linked["place"],
            )
        )
    return rows


def _reports(extractor, texts, published, ids, threads):
    """Reports for one batch; a publication time the extractor cannot read
    is left out for that document, as the command does."""
    try:
        return extractor.extract_many(texts, published, threads, ids=ids)
    except ValueError:
        reports = []
        for text, time_, id_ in zip(texts, published, ids):
            try:
                reports.append(extractor.extract(text, time_, id=id_))
            except ValueError:
                reports.append(extractor.extract(text, id=id_))
        return reports


def extract_partition(batches, kinds=None, threads=1):
    """``mapInPandas`` body: pandas batches of documents in, of facts out."""
    import pandas

    import zhfacts

    # One extractor per executor process: zhfacts keeps it between tasks.
    extractor = zhfacts.shared_extractor(kinds=kinds)

    def present(values):
        return [None if pandas.isna(value) else value for value in values]

    for batch in batches:
        ids = [str(value) for value in present(batch["id"])]
        texts = [value or "" for value in present(batch["text"])]
        if "published" in batch:
            published = present(batch["published"])
        else:
            published = [None] * len(texts)
        rows = []
        for report in _reports(extractor, texts, published, ids, threads):
            rows.extend(fact_rows(report))
        yield pandas.DataFrame.from_records(rows, columns=FACT_COLUMNS)


def read_documents(spark, path, data_format=None):
    """The documents at `path` as a DataFrame of id, text and published:
    Parquet when the format says so or the path ends in ``.parquet``,
    else JSONL."""
    if data_format is None:
        data_format = "parquet" if path.rstrip("/").endswith(".parquet") else "json"
    if data_format == "json":
        return spark.read.schema(INPUT_SCHEMA).json(path)
    from pyspark.sql import functions

    frame = spark.read.parquet(path)
    published = (
        frame["published"] if "published" in frame.columns else functions.lit(None)
    ).cast("string")
    return frame.select(
        frame["id"].cast("string").alias("id"), frame["text"], published.alias("published")
    )


def facts_table(documents, kinds=None, threads=1, partitions=None):
    """The flat facts of a DataFrame of documents (id, text, published)."""
    parallelism = documents.sparkSession.sparkContext.defaultParallelism
    wanted = partitions or parallelism
    if partitions or documents.rdd.getNumPartitions() < wanted:
        documents = documents.repartition(wanted)
    return documents.mapInPandas(
        lambda batches: extract_partition(batches, kinds, threads), FACTS_SCHEMA
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input", help="JSONL file or folder, or Parquet")
    parser.add_argument("output", help="Parquet folder to write (replaced)")
    parser.add_argument("--format", choices=["json", "parquet"], help="input format")
    parser.add_argument("--kinds", help="comma-separated kinds (default: all)")
    parser.add_argument("--master", help="Spark master, e.g. local[2] (spark-submit sets it)")
    parser.add_argument("--partitions", type=int, help="partitions to extract in")
    parser.add_argument("--threads", type=int, default=1, help="threads per task (default 1)")
    arguments = parser.parse_args()

    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("zhfacts-facts")
    if arguments.master:
        builder = builder.master(arguments.master)
    spark = builder.config("spark.sql.execution.arrow.pyspark.enabled", "true").getOrCreate()
    started = time.perf_counter()
    kinds = arguments.kinds.split(",") if arguments.kinds else None
    documents = read_documents(spark, arguments.input, arguments.format)
    facts = facts_table(documents, kinds, arguments.threads, arguments.partitions)
    facts.write.mode("overwrite").parquet(arguments.output)
    elapsed = time.perf_counter() - started
    print(f"zhfacts: facts of {arguments.input} written to {arguments.output} in {elapsed:.1f} s")
    spark.stop()


if __name__ == "__main__":
    main()
