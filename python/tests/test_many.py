"""extract_many(): equal to extract() one by one, on any number of threads."""

import threading

import zhfacts

from conftest import ARTICLES, XWLB, corpus_slice

TEXTS = [
    "全市1.3萬名包保幹部基本完成任務，合格率穩定在98%以上。",
    "今年上半年，全市进口4.3亿元，增长12.6%。",
    "",
    "全市１．３万名包保干部",
    "9月21号下午5点~9月22号上午5点",
] + [path.read_text(encoding="utf-8") for path in sorted(ARTICLES.glob("*.txt"))]


def documents():
    if XWLB.exists():
        return [(d["text"], d.get("published")) for d in corpus_slice(XWLB, 60)]
    return [(text, "2024-03-15T19:00:00") for text in TEXTS]


def test_extract_many_equals_extract_on_1_2_and_5_threads(extractor):
    expected = [extractor.extract(text) for text in TEXTS]
    assert sum(len(r["facts"]) for r in expected) > 100
    for threads in (1, 2, 5, None):
        assert extractor.extract_many(TEXTS, threads=threads) == expected


def test_extract_many_with_published_ids_and_titles(extractor):
    pairs = documents()
    texts = [text for text, _ in pairs]
    published = [time for _, time in pairs]
    ids = [f"doc-{i}" for i in range(len(texts))]
    titles = [None] * len(texts)
    titles[0] = "题目"
    expected = [
        extractor.extract(text, time, id=id, title=title)
        for text, time, id, title in zip(texts, published, ids, titles)
    ]
    got = extractor.extract_many(texts, published, threads=2, ids=ids, titles=titles)
    assert got == expected
    assert got[0]["meta"]["title"] == "题目"
    assert [r["id"] for r in got] == ids


def test_one_published_time_for_every_text(extractor):
    reports = extractor.extract_many(["今天", "上半年"], published="2023-09-27", threads=2)
    assert [r["facts"][0]["value"] for r in reports] == [
        {"start": "2023-09-27T00:00:00", "end": "2023-09-28T00:00:00"},
        {"start": "2023-01-01T00:00:00", "end": "2023-07-01T00:00:00"},
    ]


def test_empty_batch(extractor):
    assert extractor.extract_many([]) == []
    assert extractor.extract_many(iter(["增长12.6%"]))[0]["facts"][0]["value"] == {"number": 12.6}


def test_extract_many_from_several_python_threads_at_once():
    extractor = zhfacts.Extractor()
    texts = [text for text, _ in documents()]
    expected = extractor.extract_many(texts, threads=1)
    results = {}
    errors = []
    start = threading.Barrier(4)

    def work(name):
        try:
            start.wait()
            for _ in range(2):
                results.setdefault(name, []).append(extractor.extract_many(texts, threads=2))
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)

    workers = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert errors == []
    assert sorted(results) == [0, 1, 2, 3]
    for runs in results.values():
        assert runs == [expected, expected]
