//! Text that looks like a credential: API keys and tokens by their published formats, and
//! webhook URLs that carry their token. "Never commit secrets" is the guide's key message:
//! the form warns as soon as such text is typed into any answer, and generated workflows
//! hold a `${{ secrets.NAME }}` reference in its place.
//!
//! Hand-written scanning rather than regular expressions: a regex engine would add tens of
//! kilobytes to the download for a dozen fixed prefixes.

/// One kind of credential: what it is, the secret name a workflow should read it from, and
/// how to recognise it.
pub struct Kind {
    pub what: &'static str,
    pub secret: &'static str,
    prefix: &'static str,
    /// Characters after the prefix, at least.
    min_len: usize,
    body: fn(u8) -> bool,
}

fn token_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'-'
}

fn upper_or_digit(b: u8) -> bool {
    b.is_ascii_uppercase() || b.is_ascii_digit()
}

fn url_char(b: u8) -> bool {
    token_char(b) || b == b'/' || b == b'.'
}

pub const KINDS: &[Kind] = &[
    Kind { what: "an OpenAI or Anthropic API key", secret: "AI_API_KEY", prefix: "sk-", min_len: 20, body: token_char },
    Kind { what: "a GitHub token", secret: "GH_TOKEN", prefix: "ghp_", min_len: 30, body: token_char },
    Kind { what: "a GitHub token", secret: "GH_TOKEN", prefix: "gho_", min_len: 30, body: token_char },
    Kind { what: "a GitHub token", secret: "GH_TOKEN", prefix: "ghs_", min_len: 30, body: token_char },
    Kind { what: "a GitHub token", secret: "GH_TOKEN", prefix: "ghu_", min_len: 30, body: token_char },
    Kind { what: "a GitHub token", secret: "GH_TOKEN", prefix: "github_pat_", min_len: 20, body: token_char },
    Kind { what: "an AWS access key", secret: "AWS_ACCESS_KEY_ID", prefix: "AKIA", min_len: 16, body: upper_or_digit },
    Kind { what: "an AWS access key", secret: "AWS_ACCESS_KEY_ID", prefix: "ASIA", min_len: 16, body: upper_or_digit },
    Kind { what: "a Google API key", secret: "GOOGLE_API_KEY", prefix: "AIza", min_len: 30, body: token_char },
    Kind { what: "a Slack token", secret: "SLACK_TOKEN", prefix: "xoxb-", min_len: 10, body: token_char },
    Kind { what: "a Slack token", secret: "SLACK_TOKEN", prefix: "xoxp-", min_len: 10, body: token_char },
    Kind {
        what: "a Slack webhook URL with its token",
        secret: "SLACK_WEBHOOK_URL",
        prefix: "https://hooks.slack.com/services/",
        min_len: 10,
        body: url_char,
    },
    Kind {
        what: "a Discord webhook URL with its token",
        secret: "DISCORD_WEBHOOK_URL",
        prefix: "https://discord.com/api/webhooks/",
        min_len: 10,
        body: url_char,
    },
    Kind {
        what: "a Discord webhook URL with its token",
        secret: "DISCORD_WEBHOOK_URL",
        prefix: "https://discordapp.com/api/webhooks/",
        min_len: 10,
        body: url_char,
    },
];

/// Which bytes start one of the prefixes above: one lookup rules out nearly every word, where
/// trying each kind's prefix at each word was most of the time a review of 100 capstones took.
const PREFIX_STARTS: [bool; 256] = {
    let mut starts = [false; 256];
    let mut kind = 0;
    while kind < KINDS.len() {
        starts[KINDS[kind].prefix.as_bytes()[0] as usize] = true;
        kind += 1;
    }
    starts
};

/// A credential found in a text: where it is (byte range) and what kind it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub kind: &'static Kind,
    /// Not the credential but the note an export left in its place (`removal_note`).
    pub removed: bool,
}

impl PartialEq for Kind {
    fn eq(&self, other: &Kind) -> bool {
        self.prefix == other.prefix
    }
}

impl Eq for Kind {}

impl std::fmt::Debug for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.prefix)
    }
}

/// Every credential in `text`, in order, not overlapping. A prefix counts only at the start
/// of a word (so `task-` is not `sk-`), followed by enough characters of the right kind.
pub fn find(text: &str) -> Vec<Found> {
    scan(text, false)
}

/// What an export writes where it takes a credential out of an answer: the secret it
/// belongs in, never the value. The file keeps the evidence that one was pasted.
pub fn removal_note(secret: &str) -> String {
    format!("[{secret} removed]")
}

/// Credentials and removal notes alike, in order: whatever stands for a secret's value in
/// answers read back from an exported file, or in a file edited from one.
pub fn find_or_removed(text: &str) -> Vec<Found> {
    scan(text, true)
}

/// Only the removal notes: the credentials pasted before an export took them out.
pub fn removed(text: &str) -> Vec<Found> {
    // Only a `[` starts a note, and no credential holds one: the review runs this on every
    // answer of a cohort, and looking at those alone skips a lookup on every byte.
    text.match_indices('[').filter_map(|(at, _)| note_at(text.as_bytes(), at)).collect()
}

/// The removal note `[NAME removed]` that starts at `at`, if one does. Kinds that share a
/// secret share its note; the first names it.
fn note_at(bytes: &[u8], at: usize) -> Option<Found> {
    let rest = bytes[at..].strip_prefix(b"[")?;
    KINDS.iter().find_map(|kind| {
        let after = rest.strip_prefix(kind.secret.as_bytes())?.strip_prefix(b" removed]")?;
        Some(Found { start: at, end: bytes.len() - after.len(), kind, removed: true })
    })
}

/// One pass over `text`, in order (no sorting: a sort is kilobytes of code on a page).
fn scan(text: &str, notes: bool) -> Vec<Found> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        let rest = &bytes[at..];
        let hit = if notes && rest[0] == b'[' {
            note_at(bytes, at)
        } else if PREFIX_STARTS[rest[0] as usize] && (at == 0 || !token_char(bytes[at - 1])) {
            KINDS.iter().find_map(|kind| {
                let body = rest.strip_prefix(kind.prefix.as_bytes())?;
                let body = body.iter().take_while(|b| (kind.body)(**b)).count();
                (body >= kind.min_len).then_some(Found {
                    start: at,
                    end: at + kind.prefix.len() + body,
                    kind,
                    removed: false,
                })
            })
        } else {
            None
        };
        match hit {
            Some(hit) => {
                at = hit.end;
                found.push(hit);
            }
            None => at += 1,
        }
    }
    found
}

/// `text` with each credential replaced by what `reference` makes of its secret's name.
pub fn replace(text: &str, reference: impl FnMut(&str) -> String) -> String {
    replace_found(text, find(text), reference)
}

/// The same for credentials and removal notes: a workflow written from answers read back
/// from a file reads the secret where the note is, as the one written before the export did.
pub fn replace_or_removed(text: &str, reference: impl FnMut(&str) -> String) -> String {
    replace_found(text, find_or_removed(text), reference)
}

fn replace_found(text: &str, found: Vec<Found>, mut reference: impl FnMut(&str) -> String) -> String {
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    for found in found {
        out.push_str(&text[copied..found.start]);
        out.push_str(&reference(found.kind.secret));
        copied = found.end;
    }
    out.push_str(&text[copied..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_formats_are_found_and_ordinary_text_is_not() {
        let kinds = |text: &str| find(text).iter().map(|f| f.kind.secret).collect::<Vec<_>>();
        assert_eq!(kinds("export KEY=sk-proj-abcdefghijklmnopqrstuvwxyz012345"), ["AI_API_KEY"]);
        assert_eq!(kinds("token ghp_0123456789abcdefghijABCDEFGHIJ012345 here"), ["GH_TOKEN"]);
        assert_eq!(kinds("AKIAIOSFODNN7EXAMPLE"), ["AWS_ACCESS_KEY_ID"]);
        assert_eq!(
            kinds("curl https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXXXXXX -d @x"),
            ["SLACK_WEBHOOK_URL"]
        );
        assert_eq!(kinds("https://discord.com/api/webhooks/123456789/abcdefABCDEF-_"), ["DISCORD_WEBHOOK_URL"]);
        for harmless in
            ["task-force", "sk-short", "ask-me-anything-about-the-weather-today", "AKIA", "https://hooks.slack.com/"]
        {
            assert!(find(harmless).is_empty(), "{harmless}");
        }
    }

    #[test]
    fn credentials_are_replaced_by_references() {
        let text = "a sk-abcdefghijklmnopqrstuvwxyz b AKIAIOSFODNN7EXAMPLE";
        assert_eq!(replace(text, |name| format!("${name}")), "a $AI_API_KEY b $AWS_ACCESS_KEY_ID");
        assert_eq!(replace("nothing here", |_| unreachable!()), "nothing here");
    }

    #[test]
    fn a_removal_note_is_found_once_and_read_as_its_secret() {
        let exported = replace("curl -H 'Authorization: ghp_0123456789abcdefghijABCDEFGHIJ012345' x", removal_note);
        assert_eq!(exported, "curl -H 'Authorization: [GH_TOKEN removed]' x");
        assert!(find(&exported).is_empty(), "a note is not a credential");
        let notes = removed(&exported);
        assert_eq!(notes.iter().map(|f| (f.kind.secret, f.removed)).collect::<Vec<_>>(), [("GH_TOKEN", true)]);
        // `removed` looks at brackets alone; it finds what the full scan finds among notes.
        let mixed = format!("[x] {exported} [[AI_API_KEY removed]] sk-abcdefghijklmnopqrstuvwxyz [GH_TOKEN removed");
        let from_scan: Vec<Found> = find_or_removed(&mixed).into_iter().filter(|f| f.removed).collect();
        assert_eq!(removed(&mixed), from_scan);
        assert_eq!(from_scan.len(), 2);
        assert_eq!(
            replace_or_removed(&format!("{exported} sk-abcdefghijklmnopqrstuvwxyz"), |name| format!("${name}")),
            "curl -H 'Authorization: $GH_TOKEN' x $AI_API_KEY"
        );
    }
}
