"""Bad arguments raise TypeError or ValueError with a clear message."""

import datetime

import pytest

import zhfacts


@pytest.mark.parametrize(
    "arguments, message",
    [
        ({"kinds": "count"}, "kinds must be a list"),
        ({"kinds": [3]}, r"kinds\[0\] must be a str, not int"),
        ({"kinds": 7}, "not iterable"),
        ({"reference_time": 20230927}, "reference_time must be a str, a date or a datetime"),
        ({"words": "字节跳动"}, "words must be a list"),
        ({"words": [("字节跳动", "org", "extra")]}, r"words\[0\] must be a str or a \(word, kind\) pair"),
        ({"words": [(1, "org")]}, r"words\[0\]\[0\] must be a str"),
    ],
)
def test_extractor_type_errors(arguments, message):
    with pytest.raises(TypeError, match=message):
        zhfacts.Extractor(**arguments)


@pytest.mark.parametrize(
    "arguments, message",
    [
        ({"kinds": ["金额"]}, 'unknown kind "金额"'),
        ({"kinds": []}, "no kind selected"),
        ({"reference_time": "2023-13-01"}, "^reference_time: "),
        ({"reference_time": "yesterday"}, "^reference_time: "),
        (
            {"reference_time": datetime.datetime(2023, 1, 1, tzinfo=datetime.timezone.utc)},
            "naive local time",
        ),
        ({"region": "Mars"}, "unknown region"),
        ({"words": [""]}, "empty or holds white space"),
        ({"words": ["两 个"]}, "empty or holds white space"),
        ({"words": [("质检中心", "money")]}, "is not a kind of name"),
        ({"words": [("质检中心", "公司")]}, 'unknown kind "公司"'),
    ],
)
def test_extractor_value_errors(arguments, message):
    with pytest.raises(ValueError, match=message):
        zhfacts.Extractor(**arguments)


def test_extract_errors(extractor):
    with pytest.raises(TypeError, match="text must be a str, not bytes"):
        extractor.extract("增长12.6%".encode())
    with pytest.raises(TypeError, match="text must be a str, not NoneType"):
        extractor.extract(None)
    with pytest.raises(TypeError, match="id must be a str, not int"):
        extractor.extract("增长12.6%", id=1)
    with pytest.raises(ValueError, match="^published: "):
        extractor.extract("今天", published="2023-02-30")
    with pytest.raises(TypeError, match="published must be"):
        extractor.extract("今天", published=1.5)


def test_extract_many_errors(extractor):
    with pytest.raises(TypeError, match="texts must be a list of str, not a single str"):
        extractor.extract_many("增长12.6%")
    with pytest.raises(TypeError, match=r"texts\[1\] must be a str, not int"):
        extractor.extract_many(["增长12.6%", 5])
    with pytest.raises(ValueError, match="threads must be at least 1, not 0"):
        extractor.extract_many(["增长12.6%"], threads=0)
    with pytest.raises(TypeError, match="threads must be an int or None, not float"):
        extractor.extract_many(["增长12.6%"], threads=2.0)
    with pytest.raises(TypeError, match="threads must be an int or None, not bool"):
        extractor.extract_many(["增长12.6%"], threads=True)
    with pytest.raises(ValueError, match="published has 1 entries for 2 texts"):
        extractor.extract_many(["今天", "明天"], published=["2023-09-27"])
    with pytest.raises(ValueError, match=r"^published: "):
        extractor.extract_many(["今天", "明天"], published=[None, "2023-9-x"])
    with pytest.raises(ValueError, match="ids has 3 entries for 2 texts"):
        extractor.extract_many(["今天", "明天"], ids=["a", "b", "c"])
    with pytest.raises(TypeError, match=r"titles\[0\] must be a str"):
        extractor.extract_many(["今天"], titles=[b"x"])


def test_normalize_errors():
    with pytest.raises(TypeError, match="text must be a str, not list"):
        zhfacts.normalize(["發"])
