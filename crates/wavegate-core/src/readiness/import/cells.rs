//! Reading cells the way every importer does: date-times, platform names, repeated ids, and
//! interning a column's few distinct values.

use crate::dates::{SlashOrder, datetime_expected, parse_datetime_in};
use crate::readiness::data::{Caseless, PassThrough};
use crate::tabular::{Cells, Col, Expect, Header, InputError};
use chrono::NaiveDateTime;
use std::collections::HashMap;

/// Reads the date-times of one file, in the order its slash dates are written
/// ([`SlashOrder::of`] its text: `11/29/2026` makes every `03/04/2027` of the file the 4th of
/// March).
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Dates(SlashOrder);

impl Dates {
    pub(super) fn of(text: &str) -> Dates {
        Dates(SlashOrder::of(text))
    }

    /// The date-time in `col`, which must be filled.
    pub(super) fn required<R: Cells>(
        self,
        head: &Header,
        row: &R,
        col: Col,
    ) -> Result<NaiveDateTime, InputError> {
        let v = head.required(row, col)?;
        self.parse(&v)
            .ok_or_else(|| head.cell_error(row, col, self.expected(&v)))
    }

    /// What a cell this refused should have held (see [`datetime_expected`]).
    pub(super) fn expected(self, v: &str) -> Expect {
        datetime_expected(v, self.0)
    }

    /// The date-time in `col`, when the column is there and the cell filled.
    pub(super) fn optional<R: Cells>(
        self,
        head: &Header,
        row: &R,
        col: Option<Col>,
    ) -> Result<Option<NaiveDateTime>, InputError> {
        head.parse_opt_or(row, col, |v| self.parse(v), |v| self.expected(v))
    }

    pub(super) fn parse(self, v: &str) -> Option<NaiveDateTime> {
        parse_datetime_in(v, self.0)
    }
}

/// Canonical spelling of the platforms Wavegate knows; other values are kept as written.
pub fn canonical_platform(value: &str) -> &str {
    if matches!(value, "Windows" | "iOS" | "Android" | "macOS") {
        return value; // the common case, without allocating
    }
    match value
        .to_ascii_lowercase()
        .replace([' ', '_', '-'], "")
        .as_str()
    {
        "windows" | "windows10" | "windows11" | "win" => "Windows",
        "ios" | "ipados" | "iphone" | "ipad" | "iosipados" => "iOS",
        "android" | "androidenterprise" | "androidworkprofile" => "Android",
        "macos" | "mac" | "osx" | "macosx" => "macOS",
        _ => value,
    }
}

/// Finds repeated values (ignoring case) without keeping a lowercased copy of each: a hundred
/// thousand ids are checked by hash, and a hash match is confirmed on the stored value.
#[derive(Default)]
pub(super) struct Repeats {
    state: foldhash::fast::RandomState,
    seen: HashMap<u64, (usize, u64), std::hash::BuildHasherDefault<PassThrough>>,
}

impl Repeats {
    /// Records `value` (stored at `index`, read on `line`); returns the line of an earlier
    /// occurrence. `stored` gives back the value stored at an index.
    pub(super) fn check<'s>(
        &mut self,
        value: &str,
        index: usize,
        line: u64,
        stored: impl Fn(usize) -> &'s str,
    ) -> Option<u64> {
        use std::hash::BuildHasher;
        let h = self.state.hash_one(Caseless(value));
        match self.seen.get(&h) {
            Some(&(i, first)) if stored(i).eq_ignore_ascii_case(value) => Some(first),
            Some(_) => None, // a 64-bit hash collision between different values
            None => {
                self.seen.insert(h, (index, line));
                None
            }
        }
    }
}

/// Interns a column's values: a short list is searched directly (rosters have a handful of
/// platforms and regions), a long one through a hash map.
#[derive(Default)]
pub(super) struct Interner {
    values: Vec<(String, u32)>,
    map: HashMap<String, u32, foldhash::fast::RandomState>,
}

impl Interner {
    pub(super) fn get(&mut self, value: &str, make: impl FnOnce(&str) -> u32) -> u32 {
        if self.map.is_empty() {
            if let Some((_, c)) = self.values.iter().find(|(v, _)| v == value) {
                return *c;
            }
            let c = make(value);
            self.values.push((value.to_string(), c));
            if self.values.len() > 16 {
                self.map = self.values.iter().cloned().collect();
            }
            return c;
        }
        if let Some(&c) = self.map.get(value) {
            return c;
        }
        let c = make(value);
        self.map.insert(value.to_string(), c);
        c
    }
}
