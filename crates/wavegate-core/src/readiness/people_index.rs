//! Finding people by id or email as the roster wrote them, ignoring ASCII case, without a
//! lowercased copy of each key: keys are found by hash, and a match is confirmed on the text.

use std::collections::HashMap;

/// A string hashed without regard to ASCII case.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Caseless<'a>(pub(crate) &'a str);

impl std::hash::Hash for Caseless<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        // Eight bytes at a time, lowercased in the word: lowercasing byte by byte into a buffer
        // was a tenth of joining 100,000 people.
        let bytes = self.0.as_bytes();
        let mut words = bytes.chunks_exact(8);
        for word in &mut words {
            let mut w = [0u8; 8];
            w.copy_from_slice(word);
            state.write_u64(ascii_lowercase(u64::from_le_bytes(w)));
        }
        let mut last = [0u8; 8];
        last[..words.remainder().len()].copy_from_slice(words.remainder());
        state.write_u64(ascii_lowercase(u64::from_le_bytes(last)));
        state.write_usize(bytes.len());
    }
}

/// The eight bytes of `w` with ASCII `A`–`Z` lowercased and every other byte as it was.
fn ascii_lowercase(w: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    let ascii = !w & HIGH;
    let low7 = w & (ONES * 0x7f);
    // The high bit of each byte: set when the byte is at least `A`, and when it is past `Z`.
    let from_a = low7 + ONES * (0x80 - u64::from(b'A'));
    let past_z = low7 + ONES * (0x80 - u64::from(b'Z') - 1);
    let upper = from_a & !past_z & ascii;
    w | (upper >> 2)
}

/// Hashes a `u64` that is a hash already: passes it through.
#[derive(Default)]
pub(crate) struct PassThrough(u64);

impl std::hash::Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// The roster's ids and emails, person by person, as the index reads them.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Names<'a> {
    pub ids: &'a [String],
    pub emails: &'a [Option<String>],
}

/// People by id or email, matched ignoring ASCII case, without a lowercased copy of each key:
/// keys are found by hash, and a hash match is confirmed on the roster's own text.
#[derive(Clone, Debug)]
pub(crate) struct PeopleIndex {
    state: foldhash::fast::RandomState,
    heads: HashMap<u64, u32, std::hash::BuildHasherDefault<PassThrough>>,
    next: Vec<u32>,
    /// Per key: the person times two, plus one when the key is their email.
    entries: Vec<u32>,
    /// How many people the roster had, to tell an index of another roster.
    pub(crate) people: usize,
}

impl PeopleIndex {
    /// The index of a roster's ids and emails; emails win over ids when the same text is both.
    pub(crate) fn of(roster: Names<'_>) -> PeopleIndex {
        use std::hash::BuildHasher;
        let n = roster.ids.len();
        let mut index = PeopleIndex {
            state: foldhash::fast::RandomState::default(),
            heads: HashMap::with_capacity_and_hasher(n * 2, Default::default()),
            next: Vec::with_capacity(n * 2),
            entries: Vec::with_capacity(n * 2),
            people: n,
        };
        let ids = roster
            .ids
            .iter()
            .enumerate()
            .map(|(p, id)| (id.as_str(), p * 2));
        let emails = (roster.emails.iter().enumerate())
            .filter_map(|(p, e)| e.as_deref().map(|e| (e, p * 2 + 1)));
        for (key, entry) in ids.chain(emails) {
            // A later key shadows an earlier one that is equal ignoring case.
            let h = index.state.hash_one(Caseless(key));
            let i = index.entries.len() as u32;
            index.entries.push(entry as u32);
            index
                .next
                .push(index.heads.insert(h, i).unwrap_or(u32::MAX));
        }
        index
    }

    pub(crate) fn get(&self, roster: Names<'_>, key: &str) -> Option<u32> {
        use std::hash::BuildHasher;
        let mut i = *self.heads.get(&self.state.hash_one(Caseless(key)))?;
        while i != u32::MAX {
            let entry = self.entries[i as usize];
            let person = entry / 2;
            let text = if entry.is_multiple_of(2) {
                roster.ids.get(person as usize).map(String::as_str)
            } else {
                roster
                    .emails
                    .get(person as usize)
                    .and_then(|e| e.as_deref())
            };
            if text.is_some_and(|t| t.eq_ignore_ascii_case(key)) {
                return Some(person);
            }
            i = self.next[i as usize];
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::readiness::data::Roster;

    #[test]
    fn words_are_lowercased_exactly_like_bytes() {
        let all: Vec<u8> = (0..=255u8).collect();
        for chunk in all.chunks(8) {
            let mut w = [0u8; 8];
            w.copy_from_slice(chunk);
            let lowered = ascii_lowercase(u64::from_le_bytes(w)).to_le_bytes();
            assert_eq!(lowered.to_vec(), chunk.to_ascii_lowercase(), "{chunk:?}");
        }
    }

    #[test]
    fn keys_differing_only_in_ascii_case_hash_alike_and_others_apart() {
        use std::hash::BuildHasher;
        let state = foldhash::fast::RandomState::default();
        let h = |s: &str| state.hash_one(Caseless(s));
        assert_eq!(
            h("Lars.Meijer@Contoso.EXAMPLE"),
            h("lars.meijer@contoso.example")
        );
        assert_ne!(h("a@b"), h("a`b"));
        assert_ne!(h("café"), h("cafÉ"));
        assert_ne!(h("abc"), h("abc\0"));
        let mut roster = Roster::default();
        roster.push("E0001", None, 0, &[]);
        roster.push("E0002", Some("Jo.de.Vries@example.nl"), 0, &[]);
        let index = PeopleIndex::of(roster.names());
        assert_eq!(index.get(roster.names(), "e0001"), Some(0));
        assert_eq!(index.get(roster.names(), "JO.DE.VRIES@EXAMPLE.NL"), Some(1));
        assert_eq!(index.get(roster.names(), "E00010"), None);
    }
}
