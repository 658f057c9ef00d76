//! Making text from input files safe to show: on a terminal ([`terminal_text`],
//! [`terminal_lines`]) and in Markdown that a viewer may render as HTML ([`markdown_text`]).
//!
//! Roster values, department names, ticket categories, failure reasons, module and topic names
//! and the program's name come from files anyone could have edited. On a terminal, an escape
//! sequence in such a value can recolour, retitle or clear the screen, or forge a line of the
//! report; a bidirectional override makes text read differently from what it is ("Trojan
//! Source"). In Markdown, a value can become a link (`[x](javascript:…)`), an image or raw HTML.
//! Every place where input text reaches a person goes through one of these functions.

use std::borrow::Cow;
use std::fmt::Write;

/// Whether `c` must not reach a terminal as is: C0 controls (tab and newline included), DEL,
/// C1 controls, and the bidirectional embeddings, overrides and isolates (U+202A–U+202E,
/// U+2066–U+2069), which reorder what a reader sees.
pub fn is_unsafe(c: char) -> bool {
    matches!(
        c,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
    )
}

/// Writes `c` visibly: `\n`, `\r`, `\t`, or `\u{1b}` (the notation of Rust and JSON readers).
fn push_visible(out: &mut String, c: char) {
    match c {
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        _ => {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        }
    }
}

/// Rewrites the characters for which `escape` holds, or borrows `s` when there are none (the
/// common case: a report is mostly plain text).
fn escape_where(s: &str, escape: impl Fn(char) -> bool) -> Cow<'_, str> {
    let Some(first) = s.find(&escape) else {
        return Cow::Borrowed(s);
    };
    let mut out = String::with_capacity(s.len() + 8);
    out.push_str(&s[..first]);
    for c in s[first..].chars() {
        if escape(c) {
            push_visible(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// One line of input text for a terminal: every control and bidi character, newlines and tabs
/// too, is shown as an escape (`\u{1b}`, `\n`), so a value can neither drive the terminal nor
/// start a line that looks like part of the report.
pub fn terminal_text(s: &str) -> Cow<'_, str> {
    escape_where(s, is_unsafe)
}

/// Text of several lines for a terminal: like [`terminal_text`], but newlines and tabs stay, for
/// output whose layout is ours (a whole rendered report, where every value was already escaped
/// with [`terminal_text`]).
pub fn terminal_lines(s: &str) -> Cow<'_, str> {
    escape_where(s, |c| c != '\n' && c != '\t' && is_unsafe(c))
}

/// JSON text for a terminal, with the same meaning: DEL, C1 controls and bidi characters (which
/// JSON writers leave as they are inside strings) become `\u` escapes, which every JSON reader
/// turns back into the same characters. C0 controls are escaped by the writer already, so a raw
/// line break in JSON text is layout and stays.
pub fn json_text(s: &str) -> Cow<'_, str> {
    let escape = |c: char| c >= '\u{7f}' && is_unsafe(c);
    let Some(first) = s.find(escape) else {
        return Cow::Borrowed(s);
    };
    let mut out = String::with_capacity(s.len() + 8);
    out.push_str(&s[..first]);
    for c in s[first..].chars() {
        if escape(c) {
            let _ = write!(out, "\\u{:04x}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Input text placed inline in Markdown (a sentence, a list item, a table cell), so that it
/// renders as the very same text and never as markup.
///
/// HTML's special characters become entities (`<script>` stays text in viewers that render
/// HTML), and every character Markdown could read as syntax is backslash-escaped: links and
/// images (`[`, `]`: without a bracket, `(`, `)` and `!` are plain text, so they stay as written
/// and the report reads cleanly), emphasis and code (`*`, `_`, `` ` ``, `~`), tables (`|`),
/// headings (`#`), attribute lists (`{`, `}`) and the backslash itself. A value that starts like
/// a list item or a setext underline (`-`, `+`, `=`, `1.`) is escaped there too. Line breaks
/// become spaces (a value cannot end a table row or start a block) and other control and bidi
/// characters are shown as escapes, as on the terminal.
///
/// Viewers also turn bare addresses into links (GitHub's autolinks, markdown-it's linkify), so
/// a roster value `https://phish.example` would be a link in a stakeholder's report. The
/// punctuation that makes text an address is escaped where it joins two words: a `:` after a
/// letter and before a non-space (`https:`, `mailto:`), a `.` between a letter or digit and a
/// letter (`phish.example`, not `0.85`), and an `@` between two of them. Escaped, each is a
/// text node of its own, which no autolinker joins across, and it still reads the same.
pub fn markdown_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    let mut at_start = true;
    let mut leading_digits = false;
    let mut previous: Option<char> = None;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied();
        let joins = |before: fn(char) -> bool, after: fn(char) -> bool| {
            previous.is_some_and(before) && next.is_some_and(after)
        };
        let address_punctuation = match c {
            ':' => joins(|p| p.is_ascii_alphabetic(), |n| !n.is_whitespace()),
            '.' => joins(|p| p.is_ascii_alphanumeric(), |n| n.is_ascii_alphabetic()),
            '@' => joins(|p| p.is_ascii_alphanumeric(), |n| n.is_ascii_alphanumeric()),
            _ => false,
        };
        previous = Some(c);
        match c {
            c if address_punctuation => {
                out.push('\\');
                out.push(c);
            }
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\n' | '\r' | '\t' => out.push(' '),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '#' | '~' | '{' | '}' => {
                out.push('\\');
                out.push(c);
            }
            '-' | '+' | '=' if at_start => {
                out.push('\\');
                out.push(c);
            }
            '.' if leading_digits => out.push_str("\\."),
            c if is_unsafe(c) => {
                // Shown as on the terminal; the escape's own `\`, `{` and `}` escaped in turn.
                let mut visible = String::new();
                push_visible(&mut visible, c);
                out.push_str(&markdown_text(&visible));
            }
            c => out.push(c),
        }
        let blank = c == ' ' && at_start;
        leading_digits = c.is_ascii_digit() && (at_start || leading_digits);
        at_start = blank;
    }
    out
}

/// Input text placed in HTML (element content or a quoted attribute value): `&`, `<`, `>`, `"`
/// and `'` become entities, and control and bidi characters are shown as escapes, as on the
/// terminal, so a value can neither become markup nor reorder what a reader sees.
pub fn html_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match html_entity(c) {
            Some(entity) => out.push_str(entity),
            None if is_unsafe(c) => push_visible(&mut out, c),
            None => out.push(c),
        }
    }
    out
}

/// The entity a character needs in HTML element content or a quoted attribute value, if any:
/// `&`, `<`, `>`, `"` and `'`.
pub fn html_entity(c: char) -> Option<&'static str> {
    match c {
        '&' => Some("&amp;"),
        '<' => Some("&lt;"),
        '>' => Some("&gt;"),
        '"' => Some("&quot;"),
        '\'' => Some("&#39;"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_text_shows_escape_sequences_instead_of_running_them() {
        assert_eq!(
            terminal_text("Finance\u{1b}[2J\u{1b}]0;pwned\u{7}"),
            "Finance\\u{1b}[2J\\u{1b}]0;pwned\\u{7}"
        );
        assert_eq!(terminal_text("a\nGO\tb\r"), "a\\nGO\\tb\\r");
        assert_eq!(terminal_text("\u{9b}31m \u{7f}"), "\\u{9b}31m \\u{7f}");
    }

    #[test]
    fn terminal_text_shows_bidi_overrides() {
        assert_eq!(
            terminal_text("HR\u{202e}gnp.exe\u{2066}x\u{2069}"),
            "HR\\u{202e}gnp.exe\\u{2066}x\\u{2069}"
        );
    }

    #[test]
    fn plain_and_international_text_is_left_alone() {
        for s in ["Financiën", "São Paulo – Zürich", "北京", "שלום", "🙂", ""] {
            assert!(matches!(terminal_text(s), Cow::Borrowed(_)), "{s}");
            assert_eq!(terminal_lines(s), s);
        }
    }

    #[test]
    fn terminal_lines_keep_the_layout_but_not_the_escapes() {
        assert_eq!(
            terminal_lines("line 1\n\tline 2\u{1b}[31m\r\n"),
            "line 1\n\tline 2\\u{1b}[31m\\r\n"
        );
    }

    #[test]
    fn json_text_escapes_what_json_writers_leave_and_means_the_same() {
        let value = "HR\u{202e}x\u{9b}31m\u{7f}\u{1b}[2J\nend";
        let json =
            serde_json::to_string_pretty(&serde_json::json!({ "department": value })).unwrap();
        let shown = json_text(&json);
        assert!(!shown.chars().any(|c| c != '\n' && is_unsafe(c)), "{shown}");
        assert!(
            shown.contains("\\u202e") && shown.contains("\\u009b"),
            "{shown}"
        );
        let back: serde_json::Value = serde_json::from_str(&shown).unwrap();
        assert_eq!(back["department"], value);
    }

    #[test]
    fn markdown_links_images_and_html_stay_text() {
        assert_eq!(
            markdown_text("[x](javascript:alert(1))"),
            "\\[x\\](javascript\\:alert(1))"
        );
        assert_eq!(
            markdown_text("![i](http://x/a.png)"),
            "!\\[i\\](http\\://x/a\\.png)"
        );
        assert_eq!(
            markdown_text("<script>alert(\"x\")</script>"),
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"
        );
        assert_eq!(markdown_text("&#x3C;img&gt;"), "&amp;\\#x3C;img&amp;gt;");
    }

    #[test]
    fn markdown_emphasis_code_and_tables_stay_text() {
        assert_eq!(
            markdown_text("**bold** _it_ `code` ~~s~~ a|b"),
            "\\*\\*bold\\*\\* \\_it\\_ \\`code\\` \\~\\~s\\~\\~ a\\|b"
        );
        assert_eq!(markdown_text("a\\|b"), "a\\\\\\|b");
    }

    #[test]
    fn markdown_block_starts_are_escaped_only_where_they_start_a_block() {
        assert_eq!(markdown_text("# Title"), "\\# Title");
        assert_eq!(markdown_text("- item"), "\\- item");
        assert_eq!(markdown_text("  + item"), "  \\+ item");
        assert_eq!(markdown_text("==="), "\\===");
        assert_eq!(markdown_text("1. first"), "1\\. first");
        assert_eq!(markdown_text("2027-01-11 0.85 a-b"), "2027-01-11 0.85 a-b");
        assert_eq!(markdown_text("line\nbreak\r\n| x"), "line break  \\| x");
    }

    #[test]
    fn markdown_shows_control_and_bidi_characters_as_escapes() {
        assert_eq!(markdown_text("a\u{1b}[31m"), "a\\\\u\\{1b\\}\\[31m");
        assert_eq!(markdown_text("\u{202e}x"), "\\\\u\\{202e\\}x");
    }

    #[test]
    fn markdown_addresses_are_not_turned_into_links() {
        assert_eq!(
            markdown_text("https://phish.example/login"),
            "https\\://phish\\.example/login"
        );
        assert_eq!(markdown_text("www.phish.nl"), "www\\.phish\\.nl");
        assert_eq!(
            markdown_text("mailto:it@phish.example"),
            "mailto\\:it\\@phish\\.example"
        );
        // What only looks like it stays as written.
        assert_eq!(
            markdown_text("Wave 2: 0.85 at 10:30, v1.2"),
            "Wave 2: 0.85 at 10:30, v1.2"
        );
    }

    #[test]
    fn markdown_leaves_plain_text_as_it_was() {
        assert_eq!(
            markdown_text("Financiën, São Paulo: 85%"),
            "Financiën, São Paulo: 85%"
        );
    }

    #[test]
    fn html_text_is_never_markup() {
        assert_eq!(
            html_text("<script>alert('x')</script> & \"y\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;y&quot;"
        );
        assert_eq!(html_text("a\u{202e}b\nc"), "a\\u{202e}b\\nc");
    }
}
