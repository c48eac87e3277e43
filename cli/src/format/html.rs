//! `--format html`: one self-contained page for the run, each article's
//! text with its facts marked in place.
//!
//! The page is written as the run goes: [`head`] first, an [`article`] a
//! document in input order, and [`tail`] last, with the legend (counts per
//! kind, which are known only then; CSS shows it at the top) and the
//! script. Nothing is fetched: the style and the script are in the page.
//!
//! A fact is a `<mark>` with its kind, its value as JSON, the value as read
//! (`data-show`), its rule, offsets, subject and direction, and the element
//! ids of its period and place (`data-period`, `data-place`); the script
//! shows them on hover, focus or tap and highlights the linked facts.
//! Every text and attribute from the article or the report is escaped, so
//! no article content (`<script>`, quotes) can change the page.

use super::{value::describe, Rendered};
use crate::diagnostics::FactCounts;
use std::fmt::Write as _;
use zhfacts::{Fact, Kind};

const STYLE: &str = include_str!("page.css");
const SCRIPT: &str = include_str!("page.js");

/// The page up to the first article.
pub fn head() -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"zh\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"zhfacts {}\">\n\
         <title>zhfacts</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n<main>\n",
        env!("CARGO_PKG_VERSION")
    )
}

/// The rest of the page after the last article: the legend (articles,
/// facts, and a button a kind that hides or shows its marks), the box that
/// shows a fact, and the script.
pub fn tail(documents: u64, facts: &FactCounts) -> String {
    let mut out = String::from("</main>\n<nav id=\"legend\" aria-label=\"kinds of fact\">\n");
    let _ = writeln!(
        out,
        "<span class=\"total\">{} · {}</span>",
        counted(documents, "article"),
        counted(facts.total(), "fact")
    );
    for (kind, count) in Kind::ALL.iter().zip(facts.0) {
        if count > 0 {
            let _ = writeln!(
                out,
                "<button type=\"button\" class=\"key k-{kind}\" data-kind=\"{kind}\" \
                 aria-pressed=\"true\">{kind} <b>{count}</b></button>"
            );
        }
    }
    out.push_str(
        "<button type=\"button\" id=\"labels\" aria-pressed=\"false\">labels</button>\n</nav>\n\
         <div id=\"tip\" role=\"tooltip\" hidden></div>\n<script>\n",
    );
    out.push_str(SCRIPT);
    out.push_str("</script>\n</body>\n</html>\n");
    out
}

fn counted(n: u64, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

/// One document as an `<article>`: its title and metadata, then its text
/// with a `<mark>` a fact.
pub fn article(document: &Rendered<'_>) -> String {
    let report = document.report;
    let key = document.key;
    let text = document.text;
    let id = report.id.as_deref().unwrap_or("");
    let mut out = String::with_capacity(text.len() * 2 + 512 * report.facts.len());
    let _ = write!(
        out,
        "<article id=\"{key}\" data-id=\"{}\">\n<header>\n<h2>{}</h2>\n",
        escape(id),
        escape(report.meta.title.as_deref().unwrap_or(id))
    );
    let mut about = Vec::new();
    if report.meta.title.is_some() {
        about.push(format!("<span class=\"id\">{}</span>", escape(id)));
    }
    if let Some(source) = &report.meta.source {
        about.push(escape(source));
    }
    if let Some(published) = report.meta.published {
        about.push(format!("<time>{published}</time>"));
    }
    if let Some(region) = report.meta.region {
        about.push(region.to_string());
    }
    if !report.meta.authors.is_empty() {
        about.push(escape(&report.meta.authors.join("、")));
    }
    if let Some(editor) = &report.meta.editor {
        about.push(format!("责任编辑 {}", escape(editor)));
    }
    about.push(counted(report.facts.len() as u64, "fact"));
    let _ = write!(
        out,
        "<p class=\"about\">{}</p>\n</header>\n<div class=\"text\">",
        about.join(" · ")
    );
    let mut cursor = 0;
    for (index, fact) in report.facts.iter().enumerate() {
        let start = fact.span.start.saturating_sub(document.offset);
        let end = fact.span.end.saturating_sub(document.offset);
        // Reports keep facts sorted, flat and on character boundaries; a
        // fact that is not is left unmarked rather than breaking the text.
        // (`get` is `None` for a fact before the cursor, too.)
        let (Some(before), Some(marked)) = (text.get(cursor..start), text.get(start..end)) else {
            continue;
        };
        out.push_str(&escape(before));
        mark(&mut out, key, index, fact, marked);
        cursor = end;
    }
    out.push_str(&escape(text.get(cursor..).unwrap_or("")));
    out.push_str("</div>\n</article>\n");
    out
}

/// The `<mark>` of fact `index`, around `marked`, its text in the article.
fn mark(out: &mut String, key: &str, index: usize, fact: &Fact, marked: &str) {
    let kind = fact.kind();
    let json = serde_json::to_string(&fact.value).unwrap_or_default();
    let _ = write!(
        out,
        "<mark id=\"{key}-f{index}\" class=\"k-{kind}\" tabindex=\"0\" data-kind=\"{kind}\" \
         data-value=\"{}\" data-show=\"{}\" data-rule=\"{}\" data-start=\"{}\" data-end=\"{}\"",
        escape(&json),
        escape(&describe(fact)),
        escape(&fact.rule),
        fact.span.start,
        fact.span.end
    );
    if let Some(about) = &fact.about {
        if let Some(period) = about.period {
            let _ = write!(out, " data-period=\"{key}-f{period}\"");
        }
        if let Some(place) = about.place {
            let _ = write!(out, " data-place=\"{key}-f{place}\"");
        }
        if let Some(subject) = &about.subject {
            let _ = write!(out, " data-subject=\"{}\"", escape(subject));
        }
        if let Some(direction) = about.direction {
            let direction = serde_json::to_value(direction).unwrap_or_default();
            if let Some(direction) = direction.as_str() {
                let _ = write!(out, " data-direction=\"{}\"", escape(direction));
            }
        }
    }
    let _ = write!(out, ">{}</mark>", escape(marked));
}

/// `text` safe in HTML text and in a quoted attribute.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // The HTML parser drops NUL; say so instead of losing a byte
            // silently (offsets are the report's, not the page's).
            '\0' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use zhfacts::{Document, Extractor};

    fn page_of(text: &str, id: &str) -> String {
        let report = Extractor::new().extract_document(&Document::new(text).with_id(id));
        let rendered = Rendered {
            report: &report,
            text,
            offset: 0,
            key: "d0-0",
        };
        article(&rendered)
    }

    #[test]
    fn facts_are_marked_in_place_with_their_links() {
        let html = page_of("2023年上半年，潍坊市万元GDP能耗下降3.1%", "w1");
        assert!(
            html.contains("<mark id=\"d0-0-f0\" class=\"k-time\""),
            "{html}"
        );
        let percent = html.find("data-kind=\"percent\"").unwrap();
        let percent = &html[percent..];
        assert!(percent.contains("data-value=\"{&quot;number&quot;:3.1}\""));
        assert!(percent.contains("data-period=\"d0-0-f0\""));
        assert!(percent.contains("data-place=\"d0-0-f1\""));
        assert!(percent.contains("data-direction=\"down\""));
        assert!(percent.contains(">3.1%</mark>"));
        assert!(html.contains("能耗下降<mark"), "{html}");
    }

    #[test]
    fn article_content_cannot_break_the_page() {
        let html = page_of("<script>alert()</script>增长12.6%\"'&", "\"><b>x");
        assert!(!html.contains("<script>"), "{html}");
        assert!(!html.contains("<b>"), "{html}");
        assert!(html.contains("&lt;script&gt;alert()&lt;/script&gt;"));
        assert!(html.contains("&quot;&#39;&amp;</div>"), "{html}");
    }

    #[test]
    fn the_legend_counts_each_kind_found() {
        let mut facts = FactCounts::default();
        facts.add(Kind::Percent);
        facts.add(Kind::Percent);
        let tail = tail(1, &facts);
        assert!(tail.contains("1 article · 2 facts"));
        assert!(tail.contains("data-kind=\"percent\" aria-pressed=\"true\">percent <b>2</b>"));
        assert!(!tail.contains("data-kind=\"money\""));
        assert!(tail.ends_with("</html>\n"));
    }
}
