//! What changed in a file edited by hand: its text against the file rendered again from the
//! answers embedded in it, line by line (a longest common subsequence of the lines, after
//! the common start and end are set aside).

/// One line of the comparison.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Line {
    /// In both, shown as context around a change.
    Same(String),
    /// Only in the file as exported.
    Removed(String),
    /// Only in the file as handed in.
    Added(String),
    /// Unchanged lines left out between two changes.
    Skipped(usize),
}

/// Past this many differing lines on each side the middle is shown as replaced whole: the
/// table it needs grows with the product of the two.
const MAX_COMPARED: usize = 3000;

/// The changes from `exported` to `handed_in`, with `context` unchanged lines around each;
/// empty when the texts have the same lines.
pub fn changes(exported: &str, handed_in: &str, context: usize) -> Vec<Line> {
    let (a, b): (Vec<&str>, Vec<&str>) = (exported.lines().collect(), handed_in.lines().collect());
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..].iter().rev().zip(b[prefix..].iter().rev()).take_while(|(x, y)| x == y).count();
    let (middle_a, middle_b) = (&a[prefix..a.len() - suffix], &b[prefix..b.len() - suffix]);
    if middle_a.is_empty() && middle_b.is_empty() {
        return Vec::new();
    }
    // Every line, marked: the common start, the middle compared, the common end.
    let mut all: Vec<Line> = a[..prefix].iter().map(|l| Line::Same((*l).to_owned())).collect();
    all.extend(compare(middle_a, middle_b));
    all.extend(a[a.len() - suffix..].iter().map(|l| Line::Same((*l).to_owned())));
    with_context(all, context)
}

/// The middle, line by line.
fn compare(a: &[&str], b: &[&str]) -> Vec<Line> {
    let removed = |l: &&str| Line::Removed((*l).to_owned());
    let added = |l: &&str| Line::Added((*l).to_owned());
    if a.len() > MAX_COMPARED || b.len() > MAX_COMPARED {
        return a.iter().map(removed).chain(b.iter().map(added)).collect();
    }
    // lengths[i][j]: the longest common subsequence of a[i..] and b[j..].
    let width = b.len() + 1;
    let mut lengths = vec![0u32; (a.len() + 1) * width];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lengths[i * width + j] = if a[i] == b[j] {
                lengths[(i + 1) * width + j + 1] + 1
            } else {
                lengths[(i + 1) * width + j].max(lengths[i * width + j + 1])
            };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() && j < b.len() {
        if a[i] == b[j] {
            out.push(Line::Same(a[i].to_owned()));
            (i, j) = (i + 1, j + 1);
        } else if lengths[(i + 1) * width + j] >= lengths[i * width + j + 1] {
            out.push(removed(&a[i]));
            i += 1;
        } else {
            out.push(added(&b[j]));
            j += 1;
        }
    }
    out.extend(a[i..].iter().map(removed));
    out.extend(b[j..].iter().map(added));
    out
}

/// Keeps `context` unchanged lines around each change and counts the others.
fn with_context(all: Vec<Line>, context: usize) -> Vec<Line> {
    let changed: Vec<usize> =
        all.iter().enumerate().filter(|(_, l)| !matches!(l, Line::Same(_))).map(|(i, _)| i).collect();
    let near = |i: usize| changed.iter().any(|c| c.abs_diff(i) <= context);
    let mut out = Vec::new();
    let mut skipped = 0;
    for (i, line) in all.into_iter().enumerate() {
        if matches!(line, Line::Same(_)) && !near(i) {
            skipped += 1;
            continue;
        }
        if skipped > 0 {
            out.push(Line::Skipped(skipped));
            skipped = 0;
        }
        out.push(line);
    }
    if skipped > 0 {
        out.push(Line::Skipped(skipped));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changed_lines_come_with_their_context_and_the_rest_is_counted() {
        let exported = "# Title\na\nb\nc\nd\ne\nf\ng\n";
        let handed_in = "# Title\na\nb\nC, rewritten\nd\ne\nf\ng\nadded at the end\n";
        assert_eq!(
            changes(exported, handed_in, 1),
            [
                Line::Skipped(2),
                Line::Same("b".into()),
                Line::Removed("c".into()),
                Line::Added("C, rewritten".into()),
                Line::Same("d".into()),
                Line::Skipped(2),
                Line::Same("g".into()),
                Line::Added("added at the end".into()),
            ]
        );
        assert_eq!(changes(exported, exported, 3), []);
        assert_eq!(changes("a\nb\n", "b\n", 0), [Line::Removed("a".into()), Line::Skipped(1)]);
    }
}
