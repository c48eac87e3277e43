"""Typed, normalized facts with exact byte offsets from Chinese news text.

Numbers, ordinals, counts, percentages, money, times, durations,
organisations, places and persons, read from Simplified or Traditional
script, full-width digits and pinyin-annotated text alike.

- :class:`Extractor` reads articles and returns reports: plain dicts of
  exactly the JSON shape of the ``zhfacts`` command, so ``json.dumps`` of a
  report is the command's line for the same document.
- :func:`normalize` gives the canonical text the extractor matches on, with
  a map back to the original.

>>> import zhfacts
>>> extractor = zhfacts.Extractor()
>>> fact = extractor.extract("全市1.3萬名包保幹部")["facts"][0]
>>> fact["kind"], fact["text"], fact["value"]
('count', '1.3萬名', {'number': 13000, 'unit': '名'})

Offsets (``start``, ``end``) are UTF-8 **bytes** of the text given, as in
the command's reports; slice with ``text.encode()[start:end].decode()``.
"""

from __future__ import annotations

import datetime as _datetime
import json as _json
import threading as _threading

from . import _native

__all__ = ["KINDS", "Extractor", "normalize", "shared_extractor"]

#: The kind names, in report order.
KINDS = (
    "number",
    "ordinal",
    "count",
    "percent",
    "money",
    "time",
    "duration",
    "org",
    "place",
    "person",
)


class Extractor:
    """Reads Chinese news text and returns its facts.

    Building one is the expensive step: it loads jieba's embedded dictionary
    and the word lists, 0.09 s measured (release wheel, one core of a
    2-core x86-64 machine; 0.2 s with the machine busy), where extracting a
    news article takes about 0.3 ms. Build it once and reuse it; one
    extractor is safe to share between threads.

    :param kinds: kind names to report (see :data:`KINDS`); default all.
    :param reference_time: the reference for relative times (今天, 上半年)
        in documents that give no time of their own: an ISO 8601 ``str``
        (``"2023-09-27"``, ``"2023-09-27T20:53:51"``), a
        :class:`datetime.date` or a naive :class:`datetime.datetime`.
    :param region: the region of every document (``"CN"``, ``"HK"``,
        ``"MO"``, ``"TW"``, ``"SG"``, ``"MY"``, or a name such as
        ``"Hong Kong"``); default: read from each article's evidence. It
        gives bare 元 its currency and fiscal years their months.
    :param words: extra dictionary words: each a ``str``, or a
        ``(word, kind)`` pair whose kind is ``"org"``, ``"place"``,
        ``"person"`` or ``None``; a word with a kind is a fact of that kind
        wherever it stands as a word.
    :raises TypeError: an argument of the wrong type.
    :raises ValueError: an unknown kind, no kind at all, an invalid
        reference time, an empty word or one with white space, a word kind
        that is not a name kind, or an unknown region.

    >>> extractor = Extractor(kinds=["org"], words=[("字节跳动", "org")])
    >>> [f["text"] for f in extractor.extract("字节跳动公布了新的计划")["facts"]]
    ['字节跳动']
    >>> Extractor(kinds=["金额"])
    Traceback (most recent call last):
    ...
    ValueError: unknown kind "金额" (known: number, ordinal, count, percent, money, time, duration, org, place, person)
    """

    __slots__ = ("_native",)

    def __init__(self, kinds=None, reference_time=None, region=None, words=None):
        if region is not None and not isinstance(region, str):
            raise TypeError(f"region must be a str, not {type(region).__name__}")
        self._native = _native.Extractor(
            None if kinds is None else _kind_names(kinds),
            _iso_time(reference_time, "reference_time"),
            [] if words is None else _word_pairs(words),
            region,
        )

    def extract(self, text, published=None, *, id=None, title=None):
        """The report of one document, as a dict.

        :param text: the article.
        :param published: its publication time, the reference for relative
            times (same forms as ``reference_time``); without it, the time
            the article's header states, else the extractor's
            ``reference_time``.
        :param id: copied into the report as ``"id"`` (absent when ``None``).
        :param title: the headline, copied into ``meta.title`` as the
            command does with a JSONL line's ``title``.
        :returns: ``{"id"?, "meta", "facts": [{"kind", "start", "end",
            "text", "value", "rule", "about"?}]}``; ``start`` and ``end`` are
            UTF-8 byte offsets into ``text``.
        :raises TypeError: an argument of the wrong type.
        :raises ValueError: an invalid ``published`` time.

        >>> extractor = Extractor()
        >>> text = "今年上半年，全市進口４.３億元，增長12.6%。"
        >>> report = extractor.extract(text, published="2023-09-27")
        >>> [(f["kind"], f["text"]) for f in report["facts"]]
        [('time', '今年上半年'), ('money', '４.３億元'), ('percent', '12.6%')]
        >>> report["facts"][0]["value"]
        {'start': '2023-01-01T00:00:00', 'end': '2023-07-01T00:00:00'}
        >>> money = report["facts"][1]
        >>> money["value"]
        {'amount': 430000000, 'currency': 'CNY'}
        >>> text.encode()[money["start"]:money["end"]].decode()
        '４.３億元'
        """
        _check_str(text, "text")
        _check_optional_str(id, "id")
        _check_optional_str(title, "title")
        line = self._native.extract_json(
            text, _iso_time(published, "published"), id, title
        )
        return _json.loads(line)

    def extract_many(self, texts, published=None, threads=None, *, ids=None, titles=None):
        """The reports of many documents, in input order.

        Releases the GIL and runs on ``threads`` threads (default: one a
        core); the result equals calling :meth:`extract` on each text.

        :param texts: a list (or any iterable) of ``str``.
        :param published: ``None``, one time for every text, or a list of
            times (or ``None``) with one entry per text.
        :param threads: a positive ``int``, or ``None`` for one a core.
        :param ids: ``None`` or a list of ``str`` (or ``None``), one per text.
        :param titles: ``None`` or a list of ``str`` (or ``None``), one per
            text.
        :raises TypeError: an argument of the wrong type.
        :raises ValueError: an invalid time, ``threads < 1``, or lists of
            different lengths.

        >>> extractor = Extractor(kinds=["percent"])
        >>> reports = extractor.extract_many(["增长12.6%", "合格率穩定在98%以上"], threads=2)
        >>> [r["facts"][0]["value"] for r in reports]
        [{'number': 12.6}, {'number': 98, 'bound': 'min'}]
        """
        if isinstance(texts, (str, bytes)):
            raise TypeError("texts must be a list of str, not a single str")
        texts = list(texts)
        for index, text in enumerate(texts):
            _check_str(text, f"texts[{index}]")
        count = len(texts)
        if published is None or isinstance(published, (str, _datetime.date)):
            times = [_iso_time(published, "published")] * count
        else:
            times = [
                _iso_time(time, f"published[{index}]")
                for index, time in enumerate(_per_text(published, count, "published"))
            ]
        if threads is not None and (isinstance(threads, bool) or not isinstance(threads, int)):
            raise TypeError(f"threads must be an int or None, not {type(threads).__name__}")
        if threads is not None and threads < 1:
            raise ValueError(f"threads must be at least 1, not {threads}")
        lines = self._native.extract_many_json(
            texts,
            times,
            _optional_strs(ids, count, "ids"),
            _optional_strs(titles, count, "titles"),
            threads,
        )
        return [_json.loads(line) for line in lines]


_SHARED = {}
_SHARED_LOCK = _threading.Lock()


def shared_extractor(kinds=None, reference_time=None, words=None):
    """This process's one :class:`Extractor` for these options.

    Built on the first call, then returned again: for worker processes
    (Spark executors, multiprocessing pools) that run many tasks and should
    pay for building an extractor once, not once a task. Same arguments as
    :class:`Extractor`.

    >>> shared_extractor(kinds=["count"]) is shared_extractor(kinds=["count"])
    True
    """
    key = (
        None if kinds is None else tuple(_kind_names(kinds)),
        _iso_time(reference_time, "reference_time"),
        None if words is None else tuple(_word_pairs(words)),
    )
    with _SHARED_LOCK:
        extractor = _SHARED.get(key)
        if extractor is None:
            extractor = Extractor(kinds, reference_time, None, words)
            _SHARED[key] = extractor
        return extractor


def normalize(text):
    """The canonical text the extractor matches on, with offsets back.

    Traditional characters become Simplified, full-width ASCII half-width
    (the Chinese punctuation ``！（），：；？`` stays), and pinyin written
    after a character (``項(xiàng)``) is dropped.

    :returns: ``(normalized, offsets)``. ``offsets`` holds, for each
        character of ``normalized`` and one past its end, the **character**
        (str index) offset in ``text``, so ``text[offsets[i]:offsets[j]]``
        is the original of ``normalized[i:j]``. Dropped text belongs to the
        character before it.

    >>> normalized, offsets = normalize("發(fā)力六項(xiàng)，增長１２．５％")
    >>> normalized
    '发力六项，增长12.5%'
    >>> original = "發(fā)力六項(xiàng)，增長１２．５％"
    >>> original[offsets[2]:offsets[4]]
    '六項(xiàng)'
    """
    _check_str(text, "text")
    return _native.normalize(text)


def _check_str(value, name):
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, not {type(value).__name__}")


def _check_optional_str(value, name):
    if value is not None:
        _check_str(value, name)


def _kind_names(kinds):
    if isinstance(kinds, (str, bytes)):
        raise TypeError(f"kinds must be a list of kind names such as ['count'], not {kinds!r}")
    names = list(kinds)
    for index, name in enumerate(names):
        _check_str(name, f"kinds[{index}]")
    return names


def _word_pairs(words):
    if isinstance(words, (str, bytes)):
        raise TypeError("words must be a list of str or (word, kind) pairs, not a single str")
    pairs = []
    for index, entry in enumerate(words):
        if isinstance(entry, str):
            pairs.append((entry, None))
            continue
        if not isinstance(entry, (tuple, list)) or len(entry) != 2:
            raise TypeError(
                f"words[{index}] must be a str or a (word, kind) pair, not {entry!r}"
            )
        word, kind = entry
        _check_str(word, f"words[{index}][0]")
        _check_optional_str(kind, f"words[{index}][1]")
        pairs.append((word, kind))
    return pairs


def _iso_time(value, name):
    """An ISO 8601 string for the native side; the native side checks it."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, _datetime.datetime):
        if value.tzinfo is not None:
            raise ValueError(f"{name}: give a naive local time, not one with a time zone")
        return value.strftime("%Y-%m-%dT%H:%M:%S")
    if isinstance(value, _datetime.date):
        return value.isoformat()
    raise TypeError(f"{name} must be a str, a date or a datetime, not {type(value).__name__}")


def _per_text(values, count, name):
    if isinstance(values, (str, bytes)):
        raise TypeError(f"{name} must be a list, not a str")
    values = list(values)
    if len(values) != count:
        raise ValueError(f"{name} has {len(values)} entries for {count} texts")
    return values


def _optional_strs(values, count, name):
    if values is None:
        return [None] * count
    values = _per_text(values, count, name)
    for index, value in enumerate(values):
        _check_optional_str(value, f"{name}[{index}]")
    return values
