//! Markdown escaping for whatever a participant types.
//!
//! The rule: text shows exactly as typed once rendered, and can never create structure
//! (headings, lists, tables, code, HTML, links, math). Every character with a markdown
//! meaning is backslash-escaped, line starts that would open a block are neutralised, and
//! line breaks are kept as hard breaks. GitHub's renderer and pulldown-cmark agree on all
//! of these escapes (CommonMark allows a backslash before any ASCII punctuation).

/// Characters escaped anywhere in a line. `$` because GitHub renders `$…$` as math; `|`
/// because it splits table cells; `<` because it opens HTML. (`&` is escaped only where it
/// could start an entity, see `escape_chars`.)
const ALWAYS_ESCAPED: &[char] = &['\\', '`', '*', '_', '[', ']', '<', '>', '#', '|', '~', '$', '!'];

/// One line of text, safe anywhere inline (headings, list items, table cells).
/// Newlines are folded into spaces; use [`block`] or [`cell`] to keep them.
pub fn inline(text: &str) -> String {
    escape_line(&fold_lines(text))
}

/// Text for a heading: like [`inline`], but a heading line cannot open a block, so `1.`
/// and a leading `-` stay as they are.
pub fn heading(text: &str) -> String {
    escape_chars(&fold_lines(text))
}

fn fold_lines(text: &str) -> String {
    text.split(['\r', '\n']).filter(|l| !l.is_empty()).collect::<Vec<_>>().join(" ")
}

/// Free text as markdown paragraphs: blank lines separate paragraphs, single line breaks
/// are kept, leading indentation is kept visible.
pub fn block(text: &str) -> String {
    let normalized = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current: Vec<String> = Vec::new();
    for line in normalized.split('\n') {
        if line.trim().is_empty() {
            if !current.is_empty() {
                paragraphs.push(current.join("\\\n"));
                current.clear();
            }
            continue;
        }
        current.push(keep_indent(line.trim_end()));
    }
    if !current.is_empty() {
        paragraphs.push(current.join("\\\n"));
    }
    paragraphs.join("\n\n")
}

/// Text for a table cell: escaped like [`inline`], but line breaks become `<br>` (which
/// GitHub and our preview both render inside tables; participants' own `<` is escaped, so
/// every `<br>` in a document is ours).
pub fn cell(text: &str) -> String {
    let normalized = text.replace("\r\n", "\n").replace('\r', "\n");
    normalized
        .split('\n')
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(escape_line)
        .collect::<Vec<_>>()
        .join("<br>")
}

/// A fenced code block whose fence is longer than any run of backticks inside, so the
/// content can never close it early.
pub fn code_block(language: &str, code: &str) -> String {
    let longest_run = code
        .split(|c| c != '`')
        .map(str::len)
        .max()
        .unwrap_or(0);
    let fence = "`".repeat((longest_run + 1).max(3));
    format!("{fence}{language}\n{}\n{fence}", code.trim_end_matches('\n'))
}

/// Escapes a line and keeps its indentation as non-breaking spaces (four leading spaces
/// would otherwise start a code block).
fn keep_indent(line: &str) -> String {
    let body = line.trim_start();
    let indent: usize = line[..line.len() - body.len()].chars().map(|c| if c == '\t' { 4 } else { 1 }).sum();
    format!("{}{}", "&#160;".repeat(indent), escape_line(body))
}

/// Escapes one line with no leading white space.
fn escape_line(line: &str) -> String {
    neutralise_block_start(escape_chars(line))
}

fn escape_chars(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        // `&amp;`, `&#60;`: an ampersand followed by a name or `#` could form an entity.
        let starts_entity = c == '&' && chars.peek().is_some_and(|next| next.is_ascii_alphanumeric() || *next == '#');
        if ALWAYS_ESCAPED.contains(&c) || starts_entity {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A line starting with `-`, `+`, `=` (lists, rules, setext headings) or `1. `/`1) `
/// (ordered lists) would open a block: escape that one character.
fn neutralise_block_start(line: String) -> String {
    if line.starts_with(['-', '+', '=']) {
        return format!("\\{line}");
    }
    let digits = line.chars().take_while(|c| c.is_ascii_digit()).count();
    let rest = &line[digits..];
    let opens_list = rest.starts_with(['.', ')']) && rest[1..].chars().next().is_none_or(char::is_whitespace);
    if digits > 0 && digits <= 9 && opens_list {
        return format!("{}\\{}", &line[..digits], &line[digits..]);
    }
    line
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
}
