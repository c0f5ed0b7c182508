//! Writes a document as HTML for the live preview.
//!
//! Safe by construction: every piece of text is HTML-escaped and the only tags are the
//! ones written here. No markdown or HTML is ever parsed, so nothing a participant types
//! (or an imported file carries) can become markup, a link or a script.

use std::fmt::Write;

use super::document::{Block, Inline};
use crate::escape::html as escape;

pub fn to_html(blocks: &[Block]) -> String {
    let mut html = String::with_capacity(4096);
    for block in blocks {
        write_block(&mut html, block);
    }
    html
}

fn write_block(html: &mut String, block: &Block) {
    match block {
        Block::Heading { level, text } => {
            let _ = write!(html, "<h{level}>{}</h{level}>", escape(text));
        }
        Block::Paragraph(spans) => {
            html.push_str("<p>");
            spans.iter().for_each(|span| write_inline(html, span));
            html.push_str("</p>");
        }
        // `pre-wrap` (in the stylesheet) shows line breaks and indentation as typed.
        Block::Typed(text) => {
            let normalized = text.replace("\r\n", "\n");
            for paragraph in normalized.split("\n\n").map(|p| p.trim_matches('\n')).filter(|p| !p.trim().is_empty()) {
                let _ = write!(html, "<p class=\"typed\">{}</p>", escape(paragraph.trim_end()));
            }
        }
        Block::List(items) => {
            html.push_str("<ul>");
            for spans in items {
                html.push_str("<li>");
                spans.iter().for_each(|span| write_inline(html, span));
                html.push_str("</li>");
            }
            html.push_str("</ul>");
        }
        Block::Checklist(items) => {
            html.push_str("<ul class=\"checklist\">");
            for (done, text) in items {
                let (mark, state) = if *done { ("☑", "Met") } else { ("☐", "Not met") };
                let _ = write!(
                    html,
                    "<li><span aria-hidden=\"true\">{mark}</span> <span class=\"visually-hidden\">{state}: </span>{}</li>",
                    escape(text)
                );
            }
            html.push_str("</ul>");
        }
        Block::Table { header, rows } => {
            html.push_str("<table><thead><tr>");
            for cell in header {
                let _ = write!(html, "<th scope=\"col\">{}</th>", escape(cell));
            }
            html.push_str("</tr></thead><tbody>");
            for row in rows {
                html.push_str("<tr>");
                for cell in row {
                    html.push_str("<td>");
                    write_inline(html, cell);
                    html.push_str("</td>");
                }
                html.push_str("</tr>");
            }
            html.push_str("</tbody></table>");
        }
        Block::Code { code, .. } => {
            let _ = write!(html, "<pre><code>{}</code></pre>", escape(code));
        }
        // Written by `diagram::Layout::svg`, which escapes every text it draws.
        Block::Diagram { svg, .. } => {
            let _ = write!(html, "<figure class=\"diagram\">{svg}</figure>");
        }
        #[cfg(feature = "client-documents")]
        Block::FrontMatter(entries) => {
            html.push_str("<dl class=\"front-matter\">");
            for (key, value) in entries {
                let _ = write!(html, "<dt>{}</dt><dd>{}</dd>", escape(key), escape(value));
            }
            html.push_str("</dl>");
        }
        #[cfg(feature = "client-documents")]
        Block::Definitions(items) => {
            html.push_str("<p class=\"definitions\">");
            for (index, spans) in items.iter().enumerate() {
                if index > 0 {
                    html.push_str("<br>");
                }
                spans.iter().for_each(|span| write_inline(html, span));
            }
            html.push_str("</p>");
        }
    }
}

fn write_inline(html: &mut String, span: &Inline) {
    match span {
        // Table cells keep the participant's line breaks.
        Inline::Text(text) => html.push_str(&escape(text).replace('\n', "<br>")),
        Inline::Strong(text) => {
            let _ = write!(html, "<strong>{}</strong>", escape(text));
        }
        Inline::Emphasis(text) => {
            let _ = write!(html, "<em>{}</em>", escape(text));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_always_escaped() {
        let blocks = vec![
            Block::Heading { level: 2, text: "<script>alert(1)</script>".into() },
            Block::Typed("<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1))".into()),
            Block::Table { header: vec!["<b>".into()], rows: vec![vec![Inline::Text("a\n<i>b".into())]] },
            Block::Code { language: "json", code: "</code><script>".into() },
        ];
        let html = to_html(&blocks);
        assert!(
            !html.contains("<script") && !html.contains("<img") && !html.contains("<b>") && !html.contains("<i>"),
            "{html}"
        );
        assert!(!html.contains("href"), "{html}");
        assert!(html.contains("a<br>&lt;i&gt;b"), "{html}");
        assert_eq!(html.matches("<p class=\"typed\">").count(), 2);
    }
}
