//! The live preview: the exported markdown as HTML that is safe to put in the page.
//!
//! pulldown-cmark passes raw HTML through by default. Here every HTML event becomes plain
//! text, except the two things our own renderer writes: `<br>` in table cells and the
//! embedded-answers comment (dropped, as a markdown viewer hides it). Links keep only safe
//! schemes, so nothing in a preview can run script.

use pulldown_cmark::{html, CowStr, Event, Options, Parser, Tag};

pub fn to_safe_html(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_TASKLISTS;
    let events = Parser::new_ext(markdown, options).filter_map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => neutralise_html(raw),
        Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
            Some(Event::Start(Tag::Link { link_type, dest_url: safe_url(dest_url), title, id }))
        }
        Event::Start(Tag::Image { link_type, dest_url, title, id }) => {
            Some(Event::Start(Tag::Image { link_type, dest_url: safe_url(dest_url), title, id }))
        }
        other => Some(other),
    });
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, events);
    out
}

fn neutralise_html(raw: CowStr<'_>) -> Option<Event<'_>> {
    let trimmed = raw.trim();
    if trimmed.eq_ignore_ascii_case("<br>") {
        Some(Event::InlineHtml(raw))
    } else if trimmed.starts_with("<!--") {
        None
    } else {
        Some(Event::Text(raw))
    }
}

fn safe_url(url: CowStr<'_>) -> CowStr<'_> {
    let lower = url.trim().to_ascii_lowercase();
    let has_scheme = lower.split_once(':').is_some_and(|(scheme, _)| !scheme.contains(['/', '?', '#']));
    let allowed = ["http:", "https:", "mailto:"].iter().any(|s| lower.starts_with(s));
    if has_scheme && !allowed {
        CowStr::Borrowed("#")
    } else {
        url
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_html_shows_as_text() {
        let html = to_safe_html("<script>alert(1)</script>\n\nhi <img src=x onerror=alert(1)>");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
    }

    #[test]
    fn our_line_breaks_and_comments_are_handled() {
        let html = to_safe_html("| a |\n|---|\n| x<br>y |\n\n<!-- workbook-answers\n{}\n-->\n");
        assert!(html.contains("x<br>y"), "{html}");
        assert!(!html.contains("workbook-answers"), "{html}");
    }

    #[test]
    fn script_links_are_disarmed() {
        for md in ["[x](javascript:alert(1))", "[x](JavaScript:alert(1))", "[x]( vbscript:x)", "![x](data:text/html,x)"] {
            let html = to_safe_html(md);
            assert!(!html.to_ascii_lowercase().contains("script:") && !html.contains("data:"), "{md} -> {html}");
        }
        assert!(to_safe_html("[x](https://example.com)").contains("href=\"https://example.com\""));
        assert!(to_safe_html("[x](#part)").contains("href=\"#part\""));
    }
}
