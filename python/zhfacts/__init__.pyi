"""Typed, normalized facts with exact byte offsets from Chinese news text."""

import datetime
from typing import Any, Iterable, Literal, Optional, Sequence, Tuple, Union

KindName = Literal[
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
]
NameKind = Literal["org", "place", "person"]
#: An ISO 8601 string (``"2023-09-27T20:53:51"``), a date or a naive datetime.
TimeLike = Union[str, datetime.date, datetime.datetime]
#: A report: ``{"id"?, "meta", "facts"}``, the command's JSON shape.
Report = dict[str, Any]

KINDS: Tuple[KindName, ...]

class Extractor:
    """Reads Chinese news text and returns its facts; build once, share."""

    def __init__(
        self,
        kinds: Optional[Iterable[KindName]] = None,
        reference_time: Optional[TimeLike] = None,
        region: Optional[str] = None,
        words: Optional[Iterable[Union[str, Tuple[str, Optional[NameKind]]]]] = None,
    ) -> None: ...
    def extract(
        self,
        text: str,
        published: Optional[TimeLike] = None,
        *,
        id: Optional[str] = None,
        title: Optional[str] = None,
    ) -> Report:
        """The report of one document; offsets are UTF-8 bytes of ``text``."""
        ...
    def extract_many(
        self,
        texts: Iterable[str],
        published: Union[None, TimeLike, Sequence[Optional[TimeLike]]] = None,
        threads: Optional[int] = None,
        *,
        ids: Optional[Sequence[Optional[str]]] = None,
        titles: Optional[Sequence[Optional[str]]] = None,
    ) -> list[Report]:
        """The reports of many documents in input order, on threads without the GIL."""
        ...

def shared_extractor(
    kinds: Optional[Iterable[KindName]] = None,
    reference_time: Optional[TimeLike] = None,
    words: Optional[Iterable[Union[str, Tuple[str, Optional[NameKind]]]]] = None,
) -> Extractor:
    """This process's one extractor for these options, built on first use."""
    ...

def normalize(text: str) -> Tuple[str, list[int]]:
    """The normalized text and, per character and one past the end, its str index in ``text``."""
    ...
