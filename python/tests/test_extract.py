"""extract(): values, offsets and scripts."""

import datetime
import doctest

import zhfacts

from conftest import ARTICLES


def byte_slice(text, fact):
    return text.encode()[fact["start"] : fact["end"]].decode()


def test_seed_article_count_of_13000_with_unit_and_byte_offsets(extractor):
    text = (ARTICLES / "weifang-quality-2023.txt").read_text(encoding="utf-8")
    report = extractor.extract(text)
    counts = [f for f in report["facts"] if f["text"] == "1.3萬名"]
    assert len(counts) == 1
    count = counts[0]
    assert count["kind"] == "count"
    assert count["value"] == {"number": 13000, "unit": "名"}
    assert (count["start"], count["end"]) == (2535, 2544)
    assert byte_slice(text, count) == "1.3萬名"
    assert count["rule"] == "count.numeral_unit"
    assert report["meta"]["published"] == "2023-09-27T20:53:51"
    assert report["meta"]["source"] == "濰坊新聞網"


def test_seed_article_pinyin_annotation_inside_the_span(extractor):
    text = (ARTICLES / "weifang-quality-2023.txt").read_text(encoding="utf-8")
    first = extractor.extract(text)["facts"][0]
    assert (first["kind"], first["text"], first["start"], first["end"]) == (
        "count",
        "六項(xiàng)",
        11,
        25,
    )


def test_simplified_full_width_and_traditional_give_the_same_values(extractor):
    simplified = "全市1.3万名包保干部，合格率稳定在98%以上。"
    full_width = "全市１．３万名包保干部，合格率稳定在９８％以上。"
    traditional = "全市1.3萬名包保幹部，合格率穩定在98%以上。"
    expected = [
        ("count", {"number": 13000, "unit": "名"}),
        ("percent", {"number": 98, "bound": "min"}),
    ]
    spans = {}
    for name, text in [("s", simplified), ("f", full_width), ("t", traditional)]:
        facts = extractor.extract(text)["facts"]
        assert [(f["kind"], f["value"]) for f in facts] == expected
        for fact in facts:
            assert byte_slice(text, fact) == fact["text"]
        spans[name] = [(f["start"], f["end"]) for f in facts]
    assert spans["s"] == [(6, 15), (48, 57)]
    assert spans["f"] == [(6, 21), (54, 69)]
    assert spans["t"] == spans["s"]
    assert extractor.extract(full_width)["facts"][0]["text"] == "１．３万名"


def test_id_and_title_are_copied_and_id_is_absent_otherwise(extractor):
    plain = extractor.extract("增长12.6%")
    assert "id" not in plain
    assert list(plain) == ["meta", "facts"]
    given = extractor.extract("增长12.6%", id="w1", title="标题")
    assert list(given) == ["id", "meta", "facts"]
    assert given["id"] == "w1"
    assert given["meta"]["title"] == "标题"


def test_published_resolves_relative_times_in_every_accepted_form(extractor):
    text = "今天下午三点开会"
    expected = {"start": "2023-09-27T15:00:00", "end": "2023-09-27T16:00:00"}
    for published in ["2023-09-27", datetime.date(2023, 9, 27), datetime.datetime(2023, 9, 27, 8)]:
        time = extractor.extract(text, published=published)["facts"][0]
        assert (time["kind"], time["text"], time["value"]) == ("time", "今天下午三点", expected)
    assert extractor.extract(text)["facts"][0]["value"] == {}


def test_reference_time_applies_when_the_document_has_none():
    extractor = zhfacts.Extractor(reference_time="2024-03-15T19:00:00")
    time = extractor.extract("今年上半年")["facts"][0]
    assert time["value"] == {"start": "2024-01-01T00:00:00", "end": "2024-07-01T00:00:00"}
    later = extractor.extract("今年上半年", published="2025-01-02")["facts"][0]
    assert later["value"]["start"] == "2025-01-01T00:00:00"


def test_kinds_keep_the_chosen_kinds_and_the_facts_they_link_to():
    extractor = zhfacts.Extractor(kinds=["percent"])
    text = "2023年上半年，潍坊市万元GDP能耗下降3.1%"
    facts = extractor.extract(text)["facts"]
    percent = facts[-1]
    assert (percent["kind"], percent["value"]) == ("percent", {"number": 3.1})
    assert percent["about"]["direction"] == "down"
    assert facts[percent["about"]["period"]]["text"] == "2023年上半年"
    assert facts[percent["about"]["place"]]["text"] == "潍坊市"
    assert {f["kind"] for f in facts} == {"percent", "time", "place"}


def test_words_plain_and_with_a_name_kind():
    text = "鲸鱼智算公布了新的计划"
    assert zhfacts.Extractor().extract(text)["facts"] == []
    named = zhfacts.Extractor(kinds=["org"], words=[("鲸鱼智算", "org")])
    assert [(f["kind"], f["text"]) for f in named.extract(text)["facts"]] == [("org", "鲸鱼智算")]
    traditional = zhfacts.Extractor(words=[("鯨魚智算", "org")]).extract(text)["facts"]
    assert [(f["kind"], f["start"], f["end"]) for f in traditional] == [("org", 0, 12)]
    plain = zhfacts.Extractor(words=["鲸鱼智算", ("抖音", None)])
    assert plain.extract(text)["facts"] == []


def test_normalize_gives_character_offsets_into_the_original():
    original = "發(fā)力六項(xiàng)，增長１２．５％"
    normalized, offsets = zhfacts.normalize(original)
    assert normalized == "发力六项，增长12.5%"
    assert offsets == [0, 5, 6, 7, 15, 16, 17, 18, 19, 20, 21, 22, 23]
    assert len(offsets) == len(normalized) + 1
    assert original[offsets[2] : offsets[4]] == "六項(xiàng)"
    assert original[offsets[7] : offsets[12]] == "１２．５％"
    assert zhfacts.normalize("已是简体") == ("已是简体", [0, 1, 2, 3, 4])
    assert zhfacts.normalize("") == ("", [0])


def test_docstring_examples_hold():
    results = doctest.testmod(zhfacts)
    assert results.attempted >= 15
    assert results.failed == 0


def test_region_gives_bare_yuan_its_currency():
    # Read from the article's evidence, or set on the extractor.
    hk = zhfacts.Extractor().extract("政府今日公布，錄得439億港元盈餘，立法會將討論。")
    assert hk["meta"]["region"] == "HK"
    forced = zhfacts.Extractor(region="Taiwan").extract("他说今天天气很好。")
    assert forced["meta"]["region"] == "TW"
