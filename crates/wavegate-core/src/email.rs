//! What counts as an e-mail address where Wavegate stores one: a planner's sign-in name and a
//! roster's `email` (the Intune UPN that devices and tickets are joined on).

/// The longest address (RFC 5321's path limit less the angle brackets).
pub const MAX_EMAIL: usize = 254;

/// Whether `s` reads as `local@domain`: one `@` with something on both sides, no spaces or
/// control characters, at most [`MAX_EMAIL`] bytes. Deliberately no stricter: UPNs carry
/// internal domains (`anna@corp.local`) and mail systems accept more than any pattern admits;
/// what matters is that a name, a placeholder such as `n/a` or two addresses in one cell are
/// caught, since none of them can match a device's primary user.
pub fn is_address(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    s.len() <= MAX_EMAIL
        && !local.is_empty()
        && !domain.is_empty()
        && !domain.contains('@')
        && !has_space_control_or_list_mark(s)
}

/// Whether `s` holds white space, a control character, `,` or `;`: byte by byte for an ASCII
/// address, as nearly every one is (decoding characters was a fifth of reading a roster).
fn has_space_control_or_list_mark(s: &str) -> bool {
    if s.is_ascii() {
        return s
            .bytes()
            .any(|b| b.is_ascii_whitespace() || b.is_ascii_control() || b == b',' || b == b';');
    }
    s.chars()
        .any(|c| c.is_whitespace() || c.is_control() || c == ',' || c == ';')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_and_upns_pass_and_names_placeholders_and_lists_do_not() {
        for ok in [
            "anna@example.org",
            "Anna.de.Vries@corp.local",
            "x+y@d",
            "jürgen@example.de",
        ] {
            assert!(is_address(ok), "{ok}");
        }
        for bad in [
            "",
            "n/a",
            "Anna de Vries",
            "@example.org",
            "anna@",
            "anna@@example.org",
            "a@b@c",
            "anna @example.org",
            "anna@example.org; bob@example.org",
            "anna@example.org,bob@example.org",
            "anna@exa\u{0}mple.org",
            "anna\t@example.org",
            "anna@exa\u{b}mple.org",
            // Non-breaking and other Unicode spaces, as a name pasted from a web page has.
            "anna\u{a0}@example.org",
            "jürgen\u{2009}@example.de",
            "jürgen@example.de;bob@example.org",
        ] {
            assert!(!is_address(bad), "{bad:?}");
        }
        assert!(!is_address(&format!("{}@example.org", "a".repeat(250))));
    }
}
