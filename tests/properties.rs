//! Invariants on arbitrary input: extraction never panics, every span lies
//! on character boundaries of the original text and slices to the fact's
//! text, facts are sorted and disjoint, normalization is idempotent.

use proptest::prelude::*;
use std::sync::LazyLock;
use zhfacts::{normalize, Extractor, Span};

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(Extractor::new);

/// Text built from the pieces news is made of, mixed with arbitrary characters.
fn newsy_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "一",
        "二",
        "两",
        "兩",
        "十",
        "百",
        "千",
        "万",
        "萬",
        "亿",
        "零",
        "〇",
        "○",
        "点",
        "點",
        "负",
        "第",
        "个",
        "個",
        "项",
        "(xiàng)",
        "（fā）",
        "(GDP)",
        "%",
        "％",
        "‰",
        "百分之",
        "分之",
        "成",
        "个百分点",
        "余",
        "多",
        "约",
        "近",
        "超过",
        "以上",
        "以下",
        "至",
        "-",
        "—",
        "~",
        ".",
        ",",
        "，",
        "。",
        "\n",
        " ",
        "　",
        "1",
        "2",
        "3",
        "0",
        "１",
        "２",
        "．",
        "年",
        "月",
        "日",
        "号",
        "时",
        "元",
        "美元",
        "万吨",
        "公斤/公顷",
        "半",
        "又",
        "/",
        "：",
        ":",
        "“",
        "”",
        "濰坊",
        "質量",
        "两岸",
        "一心一意",
        "十分",
        "ICP备",
        "责任编辑:",
        "来源:",
        "記者",
        "a",
        "Z",
        "é",
        "🙂",
        "\u{0301}",
    ]);
    prop::collection::vec(
        prop_oneof![
            4 => pieces.prop_map(str::to_string),
            1 => any::<char>().prop_map(|c| c.to_string()),
        ],
        0..40,
    )
    .prop_map(|parts| parts.concat())
}

fn check_report(text: &str) -> Result<(), TestCaseError> {
    let report = EXTRACTOR.extract(text);
    let mut previous: Option<Span> = None;
    for fact in &report.facts {
        let span = fact.span;
        prop_assert!(
            span.start < span.end && span.end <= text.len(),
            "{span:?} in {text:?}"
        );
        prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        prop_assert_eq!(&text[span], fact.text.as_str());
        if let Some(previous) = previous {
            prop_assert!(
                previous.end <= span.start,
                "{previous:?} overlaps {span:?} in {text:?}"
            );
        }
        previous = Some(span);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn extraction_keeps_spans_exact_on_newsy_text(text in newsy_text()) {
        check_report(&text)?;
    }

    #[test]
    fn extraction_keeps_spans_exact_on_any_text(text in any::<String>()) {
        check_report(&text)?;
    }

    #[test]
    fn normalization_is_idempotent_and_maps_to_boundaries(text in newsy_text()) {
        let once = normalize(&text);
        let twice = normalize(once.text());
        prop_assert_eq!(once.text(), twice.text());
        prop_assert!(twice.is_identity());
        let norm = once.text();
        let mut last = 0;
        for (offset, _) in norm.char_indices().chain(std::iter::once((norm.len(), ' '))) {
            let original = once.offset_to_original(offset);
            prop_assert!(text.is_char_boundary(original), "{offset} -> {original} in {text:?}");
            prop_assert!(original >= last, "offsets go backwards in {text:?}");
            last = original;
        }
        prop_assert_eq!(once.offset_to_original(norm.len()), text.len());
    }

    #[test]
    fn every_normalized_character_maps_back_to_what_it_came_from(text in newsy_text()) {
        let normalized = normalize(&text);
        let norm = normalized.text();
        for (offset, c) in norm.char_indices() {
            let span = normalized.to_original(Span::new(offset, offset + c.len_utf8()));
            let original = &text[span];
            // The original piece normalizes back to the character (a pinyin
            // annotation after it is dropped, a full-width form folded),
            // but for the one fold that reads the neighbours: `，` between
            // full-width digits groups thousands (１，１ is 1,1).
            let again = normalize(original);
            let grouping_comma = c == ',' && original == "，";
            prop_assert!(
                again.text().starts_with(c) || grouping_comma,
                "{c:?} at {offset} maps to {original:?} in {text:?}"
            );
        }
    }
}
