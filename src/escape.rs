//! Escaping for whatever a participant types, in the two formats the app writes: markdown
//! (the exported files) and HTML (the live preview and the SVG drawings).
//!
//! Markdown:
//! The rule: text shows exactly as typed once rendered, and can never create structure
//! (headings, lists, tables, code, HTML, links, math). Every character with a markdown
//! meaning is backslash-escaped, line starts that would open a block are neutralised, and
//! line breaks are kept as hard breaks. One exception, on purpose: a paragraph typed as
//! steps or bullets, every line one, is that list (`block`), its items' text escaped.
//! GitHub's renderer and pulldown-cmark agree on all of these escapes (CommonMark allows a
//! backslash before any ASCII punctuation).

use std::borrow::Cow;

/// Whether the ASCII byte `b` is escaped wherever it appears: `$` because GitHub renders
/// `$…$` as math, `|` because it splits table cells, `<` because it opens HTML, the rest
/// because they open emphasis, code, links, headings or strikethrough. (`&` is escaped only
/// where it could start an entity, see [`escape_chars`].)
fn always_escaped(b: u8) -> bool {
    matches!(b, b'\\' | b'`' | b'*' | b'_' | b'[' | b']' | b'<' | b'>' | b'#' | b'|' | b'~' | b'$' | b'!')
}

/// One line of text, safe anywhere inline (list items, table cells).
/// Newlines are folded into spaces; use [`block`] or [`cell`] to keep them.
pub fn inline(text: &str) -> String {
    escape_line(&fold_lines(text))
}

/// Text for a heading: like [`inline`], but a heading line cannot open a block, so `1.`
/// and a leading `-` stay as they are.
pub fn heading(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    escape_chars(&fold_lines(text), &mut out);
    out
}

fn fold_lines(text: &str) -> Cow<'_, str> {
    if !text.contains(['\r', '\n']) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.split(['\r', '\n']).filter(|l| !l.is_empty()).collect::<Vec<_>>().join(" "))
}

/// `\r\n` and lone `\r` (both line endings in CommonMark) as `\n`, copying only if needed.
fn normalize_newlines(text: &str) -> Cow<'_, str> {
    if text.contains('\r') {
        Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cow::Borrowed(text)
    }
}

/// Free text as markdown paragraphs: blank lines separate paragraphs, single line breaks
/// are kept (as hard breaks), leading indentation is kept visible. A paragraph whose every
/// line is a step (`1. `, `2) `) or a bullet (`- `, `* `) is written as that list, each
/// item's text escaped: the one structure typed text makes, as the participant meant it.
pub fn block(text: &str) -> String {
    let text = normalize_newlines(text);
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    // What goes before the next line: nothing at the start, a hard break inside a
    // paragraph, a line break inside a list, a blank line after either.
    let mut separator = "";
    let mut list = false;
    let mut rest: &str = &text;
    loop {
        let end = rest.find('\n').unwrap_or(rest.len());
        let line = rest[..end].trim_end();
        if line.trim().is_empty() {
            if !out.is_empty() {
                separator = "\n\n";
            }
        } else {
            if separator != "\\\n" {
                // A paragraph (or a list's next line): a list when each of its lines is an item,
                // all steps (markers of two bytes or more: `1.`) or all bullets.
                let kind = |line: &str| list_item(line.trim_end()).map(|(marker, _)| marker.len() > 1);
                let first = kind(line);
                list =
                    first.is_some() && rest.split('\n').take_while(|l| !l.trim().is_empty()).all(|l| kind(l) == first);
            }
            out.push_str(separator);
            match list_item(line).filter(|_| list) {
                Some((marker, item)) => {
                    out.push_str(marker);
                    out.push(' ');
                    out.push_str(&escape_line(item));
                }
                None => push_with_indent(line, &mut out),
            }
            separator = if list { "\n" } else { "\\\n" };
        }
        if end == rest.len() {
            return out;
        }
        rest = &rest[end + 1..];
    }
}

/// A line that is a list item as typed, unindented: its marker (`1.`, `2)`, `-`, `*`) and
/// its text.
fn list_item(line: &str) -> Option<(&str, &str)> {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let marker_end = match line.as_bytes().get(digits)? {
        b'.' | b')' if (1..=9).contains(&digits) => digits + 1,
        b'-' | b'*' if digits == 0 => 1,
        _ => return None,
    };
    let item = line[marker_end..].strip_prefix([' ', '\t'])?.trim_start();
    (!item.is_empty()).then(|| (&line[..marker_end], item))
}

/// Text for a table cell: escaped like [`inline`], but line breaks become `<br>` (which
/// GitHub and our preview both render inside tables; participants' own `<` is escaped, so
/// every `<br>` in a document is ours).
pub fn cell(text: &str) -> String {
    let text = normalize_newlines(text);
    let mut out = String::with_capacity(text.len() + 8);
    for line in text.split('\n').map(str::trim).filter(|l| !l.is_empty()) {
        if !out.is_empty() {
            out.push_str("<br>");
        }
        out.push_str(&escape_line(line));
    }
    out
}

/// A fenced code block whose fence is longer than any run of backticks inside, so the
/// content can never close it early.
pub fn code_block(language: &str, code: &str) -> String {
    let longest_run = code.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat((longest_run + 1).max(3));
    format!("{fence}{language}\n{}\n{fence}", code.trim_end_matches('\n'))
}

/// Appends a line with its indentation kept as non-breaking spaces (four leading spaces
/// would otherwise start a code block).
fn push_with_indent(line: &str, out: &mut String) {
    let body = line.trim_start();
    let indent: usize = line[..line.len() - body.len()].chars().map(|c| if c == '\t' { 4 } else { 1 }).sum();
    for _ in 0..indent {
        out.push_str("&#160;");
    }
    out.push_str(&escape_line(body));
}

/// Escapes one line with no leading white space.
fn escape_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    escape_chars(line, &mut out);
    neutralise_block_start(out)
}

/// Appends `line` with a backslash before every character that has a markdown meaning.
/// Works on bytes: every such character is ASCII, and an ASCII byte is never part of a
/// multi-byte UTF-8 character, so each split falls on a character boundary.
fn escape_chars(line: &str, out: &mut String) {
    let bytes = line.as_bytes();
    let mut copied = 0;
    for (i, &b) in bytes.iter().enumerate() {
        // `&amp;`, `&#60;`: an ampersand followed by a name or `#` could form an entity.
        let starts_entity = b == b'&' && bytes.get(i + 1).is_some_and(|n| n.is_ascii_alphanumeric() || *n == b'#');
        if always_escaped(b) || starts_entity {
            out.push_str(&line[copied..i]);
            out.push('\\');
            copied = i;
        }
    }
    out.push_str(&line[copied..]);
}

/// A line starting with `-`, `+`, `=` (lists, rules, setext headings) or `1. `/`1) `
/// (ordered lists) would open a block: escape that one character.
fn neutralise_block_start(line: String) -> String {
    if line.starts_with(['-', '+', '=']) {
        return format!("\\{line}");
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &line[digits..];
    let opens_list = rest.starts_with(['.', ')']) && rest[1..].chars().next().is_none_or(char::is_whitespace);
    if digits > 0 && digits <= 9 && opens_list {
        return format!("{}\\{}", &line[..digits], &line[digits..]);
    }
    line
}

/// Escapes the five characters that matter in HTML text and attribute values.
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn structure_characters_are_escaped() {
        assert_eq!(inline("# Not a heading"), r"\# Not a heading");
        assert_eq!(inline("a | b"), r"a \| b");
        assert_eq!(inline("<script>alert(1)</script>"), r"\<script\>alert(1)\</script\>");
        assert_eq!(inline("`code` and *bold* and $5"), r"\`code\` and \*bold\* and \$5");
        assert_eq!(inline("[link](javascript:x)"), r"\[link\](javascript:x)");
        assert_eq!(inline("AT&T and &amp; and &#60;"), r"AT\&T and \&amp; and \&\#60;");
        assert_eq!(inline("Deployment & Operations"), "Deployment & Operations");
    }

    #[test]
    fn headings_keep_numbering_readable() {
        assert_eq!(heading("1. Scenario"), "1. Scenario");
        assert_eq!(heading("# x | y"), r"\# x \| y");
    }

    #[test]
    fn block_starts_are_neutralised() {
        assert_eq!(inline("- item"), r"\- item");
        assert_eq!(inline("---"), r"\---");
        assert_eq!(inline("1. first"), r"1\. first");
        assert_eq!(inline("2024) year"), r"2024\) year");
        assert_eq!(inline("1.5 million"), "1.5 million");
        assert_eq!(inline("== x"), r"\== x");
    }

    #[test]
    fn blocks_keep_lines_paragraphs_and_indentation() {
        assert_eq!(block("one\ntwo\n\n\nthree"), "one\\\ntwo\n\nthree");
        assert_eq!(block("    indented"), "&#160;&#160;&#160;&#160;indented");
        assert_eq!(block("\r\n  \r\n"), "");
        // A lone carriage return ends a line in CommonMark: it must not open a heading.
        assert_eq!(block("a\r# b\r\nc"), "a\\\n\\# b\\\nc");
        // Steps and bullets typed as such are lists; a paragraph with other lines is not.
        assert_eq!(block("1. Sign *off*.\n2) Nominate\n\nthen"), "1. Sign \\*off\\*.\n2) Nominate\n\nthen");
        assert_eq!(block("- a\n* b"), "- a\n* b");
        assert_eq!(block("1. a\n- b"), "1\\. a\\\n\\- b");
        assert_eq!(block("1. a\nnot a step"), "1\\. a\\\nnot a step");
        assert_eq!(block("- # x"), "- \\# x");
        assert_eq!(block("-1 degrees\n1.5 million"), "\\-1 degrees\\\n1.5 million");
        assert_eq!(cell("a\rb"), "a<br>b");
        assert_eq!(inline("a\r- b"), "a - b");
    }

    #[test]
    fn cells_keep_line_breaks_as_br() {
        assert_eq!(cell("a\nb | c\n"), r"a<br>b \| c");
        assert_eq!(cell("<br>"), r"\<br\>");
    }

    #[test]
    fn code_fences_outgrow_their_content() {
        assert_eq!(code_block("json", "{}"), "```json\n{}\n```");
        assert_eq!(code_block("", "a ```` b"), "`````\na ```` b\n`````");
    }

    #[test]
    fn html_covers_attribute_quotes() {
        assert_eq!(html(r#"a"b'c&d"#), "a&quot;b&#39;c&amp;d");
    }
}
