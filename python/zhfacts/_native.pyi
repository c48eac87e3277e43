"""The Rust half of zhfacts; use the names in ``zhfacts`` instead."""

from typing import Optional

class Extractor:
    def __init__(
        self,
        kinds: Optional[list[str]] = None,
        reference_time: Optional[str] = None,
        words: list[tuple[str, Optional[str]]] = ...,
        region: Optional[str] = None,
    ) -> None: ...
    def extract_json(
        self,
        text: str,
        published: Optional[str] = None,
        id: Optional[str] = None,
        title: Optional[str] = None,
    ) -> str: ...
    def extract_many_json(
        self,
        texts: list[str],
        published: list[Optional[str]],
        ids: list[Optional[str]],
        titles: list[Optional[str]],
        threads: Optional[int],
    ) -> list[str]: ...

def normalize(text: str) -> tuple[str, list[int]]: ...
