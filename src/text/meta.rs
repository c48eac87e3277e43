//! What an article says about itself: headline, source, publication time,
//! authors and editor; and where its site boilerplate is.
//!
//! Header lines as news sites print them:
//! `来源:潍坊新闻网 发布时间:2023-09-27 20:53:51`,
//! `2024-10-03 11:43:15 来源: 新华社 记者 邹多为`; credit lines
//! `全媒体记者: 贺德良/文图 尹宁/视频`, `责任编辑:庞珂`.

use crate::civil::datetime::DateTime;
use crate::report::Meta;
use crate::span::Span;
use crate::text::normalize::{strip_annotations, Normalized};
use regex::Regex;
use std::sync::LazyLock;

/// Lines that only a site footer holds.
const FOOTER_MARKERS: &[&str] = &[
    "ICP备",
    "ICP证",
    "公网安备",
    "备案号",
    "版权所有",
    "Copyright",
    "copyright",
    "©",
    "新闻热线",
    "广告热线",
    "许可证编号",
    "违法和不良信息举报",
];

static SOURCE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"来源\s*[:：]\s*([^\s:：]{2,30}?)(?:\s|$|记者|作者)").unwrap());
static PUBLISHED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|发布时间|发布日期|发稿时间|时间|日期|\s)\s*[:：]?\s*(\d{4})[-/年.](\d{1,2})[-/月.](\d{1,2})日?(?:\s*(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?)?").unwrap()
});
static REPORTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"记者\s*[:：]?\s*((?:\p{Han}{2,4}(?:/\p{Han}{1,3})?[ 　、，,]*)+)").unwrap()
});
static EDITOR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:责任编辑|责编|编辑)\s*[:：]\s*(\p{Han}{2,4})").unwrap());

/// The byte ranges of site boilerplate in the normalized text: lines with
/// footer markers, and the lines after the editor credit that hold no
/// sentence.
pub(crate) fn boilerplate(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut after_editor = false;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let span = Span::new(offset, offset + line.len());
        offset += line.len();
        let is_footer = FOOTER_MARKERS.iter().any(|m| line.contains(m));
        if is_footer || (after_editor && !line.contains('。')) {
            spans.push(span);
        }
        if EDITOR.is_match(line) {
            after_editor = true;
        }
    }
    spans
}

/// Reads the metadata of an article from its first and last lines.
pub(crate) fn read(original: &str, normalized: &Normalized) -> Meta {
    let text = normalized.text();
    let shown = |span: Span| -> String {
        let span = normalized.to_original(span);
        strip_annotations(original.get(span.range()).unwrap_or(""))
            .trim()
            .to_string()
    };
    let lines: Vec<(usize, &str)> = text
        .split('\n')
        .scan(0, |offset, line| {
            let start = *offset;
            *offset += line.len() + 1;
            Some((start, line))
        })
        .filter(|(_, line)| !line.trim().is_empty())
        .collect();
    let mut meta = Meta::default();
    // The headline: a short first line that is not a sentence, a header or
    // the whole text.
    if let Some(&(start, line)) = lines.first() {
        let trimmed = line.trim_end();
        let chars = trimmed.chars().count();
        let ends_sentence = trimmed.ends_with(['。', ':', '：', ',', '，', ';', '；']);
        if lines.len() > 1 && (4..=48).contains(&chars) && !ends_sentence && !SOURCE.is_match(line)
        {
            meta.title = Some(shown(Span::new(start, start + trimmed.len())));
        }
    }
    for &(start, line) in lines.iter().take(4) {
        if let Some(m) = SOURCE.captures(line).and_then(|c| c.get(1)) {
            meta.source
                .get_or_insert_with(|| shown(Span::new(start + m.start(), start + m.end())));
            if meta.published.is_none() {
                meta.published = header_time(line);
            }
            if let Some(names) = REPORTER.captures(line).and_then(|c| c.get(1)) {
                meta.authors = names_in(names.as_str(), start + names.start(), &shown);
            }
        } else if meta.published.is_none() && line.contains("时间") {
            meta.published = header_time(line);
        }
    }
    for &(start, line) in lines.iter().rev().take(8) {
        if meta.source.is_none() && line.chars().count() <= 40 {
            if let Some(m) = SOURCE.captures(line).and_then(|c| c.get(1)) {
                meta.source = Some(shown(Span::new(start + m.start(), start + m.end())));
            }
        }
        if meta.editor.is_none() {
            if let Some(m) = EDITOR.captures(line).and_then(|c| c.get(1)) {
                meta.editor = Some(shown(Span::new(start + m.start(), start + m.end())));
            }
        }
        if meta.authors.is_empty() {
            if let Some(names) = REPORTER.captures(line).and_then(|c| c.get(1)) {
                meta.authors = names_in(names.as_str(), start + names.start(), &shown);
            }
        }
    }
    meta
}

/// The names in a credit run: `贺德良/文图 尹宁/视频` → 贺德良, 尹宁.
fn names_in(run: &str, offset: usize, shown: &dyn Fn(Span) -> String) -> Vec<String> {
    let mut names = Vec::new();
    let mut pos = 0;
    for part in run.split_inclusive([' ', '　', '、', '，', ',']) {
        let name_len = part
            .char_indices()
            .find(|&(_, c)| !crate::text::normalize::is_han(c))
            .map_or(part.len(), |(i, _)| i);
        let name = &part[..name_len];
        let is_role = matches!(
            name,
            "文图" | "文" | "图" | "摄影" | "视频" | "通讯员" | "实习生"
        );
        if (2..=4).contains(&name.chars().count()) && !is_role {
            names.push(shown(Span::new(offset + pos, offset + pos + name_len)));
        }
        pos += part.len();
    }
    names
}

/// A date and time in a header line.
fn header_time(line: &str) -> Option<DateTime> {
    let caps = PUBLISHED.captures(line)?;
    let number = |i: usize| caps.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    DateTime::new(
        number(1)? as i32,
        number(2)?,
        number(3)?,
        number(4).unwrap_or(0),
        number(5).unwrap_or(0),
        number(6).unwrap_or(0),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize::normalize;

    #[test]
    fn reads_a_mainland_header() {
        let text = "领跑全国!前8个月西部地区进出口增长10.1%\n\n2024-10-03 11:43:15 来源: 新华社 记者 邹多为\n\n正文。\n\n责任编辑: 马驰骋";
        let meta = read(text, &normalize(text));
        assert_eq!(
            meta.title.as_deref(),
            Some("领跑全国!前8个月西部地区进出口增长10.1%")
        );
        assert_eq!(meta.source.as_deref(), Some("新华社"));
        assert_eq!(
            meta.published.map(|t| t.to_string()).as_deref(),
            Some("2024-10-03T11:43:15")
        );
        assert_eq!(meta.authors, vec!["邹多为".to_string()]);
        assert_eq!(meta.editor.as_deref(), Some("马驰骋"));
    }

    #[test]
    fn footer_lines_are_boilerplate() {
        let text = "正文。\n责任编辑:庞珂\n网站备案号:鲁ICP备10207392号-1\n新闻热线:0536-8196500";
        let spans = boilerplate(text);
        assert_eq!(spans.len(), 2);
        assert!(text[spans[0].range()].contains("ICP"));
    }
}
