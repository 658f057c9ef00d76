//! The response id: the key a client makes once per draft so that every resend is the same submission.
//!
//! It becomes a primary key and a CSV cell, so it is restricted to a few safe characters.

use std::ops::RangeInclusive;

/// How long a response id may be, in characters.
pub const LENGTH: RangeInclusive<usize> = 8..=64;

/// Whether a client-made response id is acceptable: 8 to 64 ASCII letters, digits, `-` or `_`.
pub fn is_valid_response_id(id: &str) -> bool {
    LENGTH.contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The response id made from 128 random bits: 32 lowercase hex digits.
pub fn response_id_from_bytes(bytes: &[u8; 16]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_eight_to_sixty_four_safe_characters() {
        assert!(is_valid_response_id("0123456789abcdef0123456789abcdef"));
        assert!(is_valid_response_id("demo-response_0001"));
        assert!(is_valid_response_id(&"a".repeat(64)));
        assert!(!is_valid_response_id("short"));
        assert!(!is_valid_response_id(&"a".repeat(65)));
        assert!(!is_valid_response_id("=cmd|' /C calc'!A0xx"));
        assert!(!is_valid_response_id("ünïcode-id"));
    }

    #[test]
    fn ids_made_from_random_bytes_follow_the_rule() {
        let id = response_id_from_bytes(&[0xab; 16]);
        assert_eq!(id, "ab".repeat(16));
        assert!(is_valid_response_id(&id));
        assert!(is_valid_response_id(&response_id_from_bytes(&[0; 16])));
    }
}
