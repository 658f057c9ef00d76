//! Phone numbers and e-mail addresses in a helpdesk text, found so an app can make them links
//! (`tel:`, `mailto:`): on a phone, a number one tap away is help; one to copy by hand is not.
//! The text is the planner's own words; everything that is neither stays plain text.

/// A piece of a helpdesk text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    /// Plain text.
    Text(String),
    /// An e-mail address.
    Email(String),
    /// A phone number as written, and the number to dial (`+` and digits only).
    Phone { shown: String, dial: String },
}

/// The fewest and most digits a phone number has (a local number with its area code; E.164's
/// limit).
const PHONE_DIGITS: std::ops::RangeInclusive<usize> = 8..=15;

/// `text` cut into plain text, e-mail addresses and phone numbers, in order; joined, the pieces
/// give `text` back.
pub fn pieces(text: &str) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut plain = String::new();
    let mut rest = text;
    // A number or address starts a word: at the start, or after a space or an opening mark,
    // never inside "2.1.12345678" or "ABC12345678".
    let mut at_word_start = true;
    while let Some(c) = rest.chars().next() {
        let found = if at_word_start {
            phone_at(rest).or_else(|| email_at(rest))
        } else {
            None
        };
        match found {
            Some((piece, len)) => {
                if !plain.is_empty() {
                    out.push(Piece::Text(std::mem::take(&mut plain)));
                }
                out.push(piece);
                rest = &rest[len..];
                at_word_start = false;
            }
            None => {
                plain.push(c);
                rest = &rest[c.len_utf8()..];
                at_word_start = c.is_ascii_whitespace() || c == '\u{a0}' || "(<:;,".contains(c);
            }
        }
    }
    if !plain.is_empty() {
        out.push(Piece::Text(plain));
    }
    out
}

/// `text` as HTML: escaped (line breaks kept as such), its phone numbers and e-mail addresses as `tel:` and `mailto:`
/// links (an address holds only `[A-Za-z0-9._%+-@]` and a number to dial only `+` and digits, so
/// neither needs escaping in the link).
pub fn to_html(text: &str) -> String {
    use crate::escape::html_text;
    pieces(text)
        .into_iter()
        .map(|p| match p {
            // Line breaks stay line breaks (html_text shows control characters as text).
            Piece::Text(t) => (t.split('\n'))
                .map(|l| html_text(l.trim_end_matches('\r')))
                .collect::<Vec<_>>()
                .join("\n"),
            Piece::Email(e) => format!("<a href=\"mailto:{e}\">{e}</a>"),
            Piece::Phone { shown, dial } => {
                format!("<a href=\"tel:{dial}\">{}</a>", html_text(&shown))
            }
        })
        .collect()
}

/// A phone number at the start of `s` (digits, optionally a leading `+`, single spaces or
/// hyphens between them), with its length in bytes.
fn phone_at(s: &str) -> Option<(Piece, usize)> {
    let start_digit = s.strip_prefix('+').unwrap_or(s).chars().next()?;
    if !start_digit.is_ascii_digit() {
        return None;
    }
    let mut end = 0;
    let mut digits = 0;
    let mut prev_sep = false;
    for (i, c) in s.char_indices() {
        if c.is_ascii_digit() {
            digits += 1;
            prev_sep = false;
            end = i + 1;
        } else if c == '+' && i == 0 {
            end = 1;
        } else if (c == ' ' || c == '-') && !prev_sep && i > 0 {
            prev_sep = true;
        } else {
            break;
        }
    }
    let shown = &s[..end];
    // Glued to a word or a further number ("0100abc", "12.5"): not a phone number.
    let glued = |c: char| {
        // Any letter, not only ASCII, without Unicode's tables (which would weigh on the
        // respondent's download): a character beyond ASCII is taken as one.
        c.is_ascii_alphanumeric()
            || !c.is_ascii()
            || (c == '.' && s[end + 1..].starts_with(|d: char| d.is_ascii_digit()))
    };
    if !PHONE_DIGITS.contains(&digits) || s[end..].chars().next().is_some_and(glued) {
        return None;
    }
    let dial: String = shown
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect();
    Some((
        Piece::Phone {
            shown: shown.to_string(),
            dial,
        },
        end,
    ))
}

/// An e-mail address at the start of `s` (`local@domain.tld`), with its length in bytes; a
/// full stop or comma after it ends a sentence, not the address.
fn email_at(s: &str) -> Option<(Piece, usize)> {
    let len = s
        .find(|c: char| !(c.is_ascii_alphanumeric() || "._%+-@".contains(c)))
        .unwrap_or(s.len());
    let candidate = s[..len].trim_end_matches(['.', '-']);
    let (local, domain) = candidate.split_once('@')?;
    let labels: Vec<&str> = domain.split('.').collect();
    let valid = !local.is_empty()
        && !domain.contains('@')
        && labels.len() >= 2
        && labels.iter().all(|l| !l.is_empty())
        && labels
            .last()
            .is_some_and(|tld| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic()));
    valid.then(|| (Piece::Email(candidate.to_string()), candidate.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phone(shown: &str, dial: &str) -> Piece {
        Piece::Phone {
            shown: shown.into(),
            dial: dial.into(),
        }
    }

    #[test]
    fn a_helpdesk_text_gives_its_number_and_address_as_links() {
        let text =
            "Bel de helpdesk op 020 555 0100 (werkdagen 8–18 uur) of mail helpdesk@demo.invalid.";
        assert_eq!(
            pieces(text),
            vec![
                Piece::Text("Bel de helpdesk op ".into()),
                phone("020 555 0100", "0205550100"),
                Piece::Text(" (werkdagen 8–18 uur) of mail ".into()),
                Piece::Email("helpdesk@demo.invalid".into()),
                Piece::Text(".".into()),
            ]
        );
        assert_eq!(
            pieces("Call +31 20-555-0100, ext. 12"),
            vec![
                Piece::Text("Call ".into()),
                phone("+31 20-555-0100", "+31205550100"),
                Piece::Text(", ext. 12".into()),
            ]
        );
    }

    #[test]
    fn dates_times_and_short_numbers_stay_text() {
        for text in [
            "Open van 08:00 tot 17:00 uur",
            "Sinds 1 december 2026",
            "Kamer 12, toestel 345",
            "Versie 2.1.12345678",
            "ABC12345678",
            "geen@adres",
            "a@b.c",
        ] {
            assert_eq!(pieces(text), vec![Piece::Text(text.into())], "{text}");
        }
    }

    #[test]
    fn as_html_the_text_is_escaped_and_the_contacts_are_links() {
        assert_eq!(
            to_html("<b>Bel</b> 020 555 0100 of mail a.b@example.org"),
            "&lt;b&gt;Bel&lt;/b&gt; <a href=\"tel:0205550100\">020 555 0100</a> of mail \
             <a href=\"mailto:a.b@example.org\">a.b@example.org</a>"
        );
    }

    #[test]
    fn the_pieces_give_the_text_back() {
        let text = "Mail it@example.org of bel 0800-1234567; daarna: help@x.nl, ok";
        let joined: String = pieces(text)
            .into_iter()
            .map(|p| match p {
                Piece::Text(t) | Piece::Email(t) => t,
                Piece::Phone { shown, .. } => shown,
            })
            .collect();
        assert_eq!(joined, text);
    }
}
