//! The response id: the key a client makes once per draft so that every resend is the same submission.
//!
//! It becomes a primary key and a CSV cell, so it is restricted to a few safe characters; in
//! exports it is made unique across links ([`exported_response_ids`]).

use super::model::{Answers, Response};
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

/// Whether `response`, sent under an id already stored through its link, is that submission
/// again: a resend after a lost connection (acknowledged again, nothing changes) rather than
/// other answers under the same id, such as a second device sending the draft it shared after
/// the first one sent it (refused: the first answers count). The same version with the same
/// answers (as stored: free text without invisible characters) is the same submission; the
/// language the survey was read in does not change what was answered.
pub fn is_resend(stored_version: u32, stored_answers: &Answers, response: &Response) -> bool {
    stored_version == response.survey_version && *stored_answers == response.answers
}

/// The ids responses are exported under, in the order given as (client id, link) pairs.
///
/// A client chooses its response id, and ids are unique per link only: two people's clients,
/// or a hostile one copying another's id, can send the same id through different links. In an
/// export, in readiness and in merges with imported files each response must keep its own id,
/// or one person's response would stand in for another's. So an id that came through more than
/// one link gets `.` and a digest of its link on each of those responses. `.` never occurs in a
/// client's id, so the result cannot collide with one, and it is the same in every export.
pub fn exported_response_ids(responses: &[(&str, &str)]) -> Vec<String> {
    let mut links_per_id: std::collections::HashMap<&str, &str> = Default::default();
    let mut shared: std::collections::HashSet<&str> = Default::default();
    for &(id, link) in responses {
        match links_per_id.entry(id) {
            std::collections::hash_map::Entry::Vacant(v) => {
                v.insert(link);
            }
            std::collections::hash_map::Entry::Occupied(o) => {
                if *o.get() != link {
                    shared.insert(id);
                }
            }
        }
    }
    responses
        .iter()
        .map(|&(id, link)| {
            if shared.contains(id) {
                format!("{id}.{}", link_digest(link))
            } else {
                id.to_string()
            }
        })
        .collect()
}

/// Eight hex digits of the SHA-1 of a link's key: enough to tell apart the few links that share
/// an id, and no way back to the link.
fn link_digest(link: &str) -> String {
    use sha1::{Digest, Sha1};
    Sha1::digest(link.as_bytes())
        .iter()
        .take(4)
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_same_answers_to_the_same_version_are_a_resend() {
        use crate::i18n::Lang;
        use crate::survey::Answer;
        let answers = |nps: i32| Answers::from([("nps".to_string(), Answer::Scale(nps))]);
        let sent = |nps: i32, version: u32, language: Lang| Response {
            id: "0123456789abcdef".into(),
            survey_id: "pilot".into(),
            survey_version: version,
            language,
            answers: answers(nps),
        };
        let stored = answers(8);
        assert!(is_resend(1, &stored, &sent(8, 1, Lang::Nl)));
        assert!(
            is_resend(1, &stored, &sent(8, 1, Lang::En)),
            "read in the other language"
        );
        assert!(
            !is_resend(1, &stored, &sent(3, 1, Lang::Nl)),
            "other answers"
        );
        assert!(
            !is_resend(1, &stored, &sent(8, 2, Lang::Nl)),
            "another version"
        );
        assert!(!is_resend(1, &Answers::new(), &sent(8, 1, Lang::Nl)));
    }

    #[test]
    fn an_id_sent_through_two_links_gets_one_id_per_response() {
        let ids = exported_response_ids(&[
            ("samepers-0001", "link-a"),
            ("own-id-00001", "link-a"),
            ("samepers-0001", "link-b"),
            ("samepers-0001", "link-a"),
        ]);
        assert_eq!(ids[1], "own-id-00001", "an id used once keeps its name");
        assert_ne!(ids[0], ids[2], "two people, two ids");
        assert_eq!(ids[0], ids[3], "the same link, the same id");
        assert!(ids[0].starts_with("samepers-0001."));
        assert!(!is_valid_response_id(&ids[0]), "no client can choose it");
        assert_eq!(
            exported_response_ids(&[("samepers-0001", "link-b"), ("samepers-0001", "link-a")]),
            vec![ids[2].clone(), ids[0].clone()],
            "the same in every export, whatever the order"
        );
    }

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
