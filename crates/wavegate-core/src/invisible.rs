//! Characters that change how a text reads without showing themselves: controls other than tab
//! and line breaks; the bidi overrides, embeddings, isolates and marks (ALM, LRM, RLM) that make
//! "evil" display as "live"; and the zero-width space and byte-order mark. Free text a person
//! typed never keeps them (a survey answer is stored without them), and an exported cell never
//! carries them (one could hide a formula trigger behind them).

use std::borrow::Cow;

/// Whether `c` is one of those characters.
pub fn is_invisible(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        || matches!(
            c,
            '\u{202A}'..='\u{202E}'
                | '\u{2066}'..='\u{2069}'
                | '\u{061C}'
                | '\u{200E}'
                | '\u{200F}'
                | '\u{200B}'
                | '\u{FEFF}'
        )
}

/// `text` without them; borrowed when it has none.
pub fn without_invisible(text: &str) -> Cow<'_, str> {
    // Nearly every cell is printable ASCII, which a byte scan settles without decoding
    // characters: an export writes millions of cells through here.
    let printable = |b: u8| matches!(b, b' '..=b'~' | b'\t' | b'\n' | b'\r');
    if !text.bytes().all(printable) && text.chars().any(is_invisible) {
        Cow::Owned(text.chars().filter(|c| !is_invisible(*c)).collect())
    } else {
        Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_changes_the_reading_goes_and_line_breaks_and_tabs_stay() {
        assert_eq!(
            without_invisible("\u{202E}evil\u{202C} a\u{0}b\u{1b}[31m\u{200B}\tc\nd\r\n"),
            "evil ab[31m\tc\nd\r\n"
        );
        assert!(matches!(without_invisible("gewoon"), Cow::Borrowed(_)));
    }

    #[test]
    fn text_beyond_plain_ascii_is_still_read_character_by_character() {
        assert!(matches!(without_invisible("één café ✓"), Cow::Borrowed(_)));
        assert_eq!(without_invisible("a\u{7f}b\u{85}c\u{FEFF}d"), "abcd");
    }
}
