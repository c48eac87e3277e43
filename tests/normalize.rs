//! Normalization on the forms web text comes in, with offsets back to the original.

use zhfacts::{normalize, Span};

const SEED: &str = include_str!("../testdata/articles/weifang-quality-2023.txt");

#[test]
fn the_seed_headline_reads_simplified_without_pinyin() {
    let normalized = normalize(SEED);
    let first_line = normalized.text().lines().next().unwrap();
    assert_eq!(first_line, "发力六项行动!潍坊质量品牌建设捷报频传");
}

#[test]
fn annotated_words_of_the_seed() {
    for (original, expected) in [
        ("發(fā)力", "发力"),
        ("六項(xiàng)行動(dòng)", "六项行动"),
        ("建設(shè)捷報(bào)頻傳", "建设捷报频传"),
        ("發(fā)布時(shí)間", "发布时间"),
        ("新聞網(wǎng)", "新闻网"),
        ("檢(jiǎn)測(cè)機(jī)構(gòu)", "检测机构"),
        ("責(zé)任編輯", "责任编辑"),
        ("綠(lǜ)色", "绿色"),
    ] {
        assert_eq!(normalize(original).text(), expected, "{original}");
    }
}

#[test]
fn ordinary_brackets_stay() {
    for text in [
        "（记者 王明）",
        "实质GDP(GDP)",
        "(2023)",
        "（含）",
        "山东(济南)",
        "增长(a)",
    ] {
        assert_eq!(normalize(text).text(), text, "{text}");
    }
}

#[test]
fn full_width_ascii_becomes_half_width_and_chinese_punctuation_stays() {
    assert_eq!(normalize("１２．５％").text(), "12.5%");
    assert_eq!(normalize("Ａ股，ＧＤＰ！").text(), "A股，GDP！");
    assert_eq!(normalize("中国　经济").text(), "中国 经济");
    // A full-width comma groups thousands between full-width digits only.
    assert_eq!(normalize("９，９９９").text(), "9,999");
    assert_eq!(normalize("共９，增长").text(), "共9，增长");
}

#[test]
fn every_fact_of_the_seed_slices_the_original() {
    let extractor = zhfacts::Extractor::new();
    let report = extractor.extract(SEED);
    assert!(report.facts.len() >= 35, "{} facts", report.facts.len());
    for fact in &report.facts {
        assert_eq!(&SEED[fact.span], fact.text);
    }
    let six = report
        .facts
        .iter()
        .find(|f| f.text.starts_with("六項"))
        .unwrap();
    assert_eq!(six.text, "六項(xiàng)");
    assert_eq!(six.span, Span::new(11, 25));
}

#[test]
fn no_fact_comes_out_of_the_seed_footer() {
    let extractor = zhfacts::Extractor::new();
    let report = extractor.extract(SEED);
    let footer = SEED
        .find("責(zé)任編輯")
        .expect("the seed has an editor line");
    let after: Vec<&str> = report
        .facts
        .iter()
        .filter(|f| f.span.start > footer)
        .map(|f| f.text.as_str())
        .collect();
    assert!(after.is_empty(), "facts in the footer: {after:?}");
    // The footer holds a licence number, phone numbers and years; none is a fact.
    assert!(SEED[footer..].contains("0536-8196500"));
}
