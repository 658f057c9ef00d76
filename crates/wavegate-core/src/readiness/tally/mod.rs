//! Per-segment counts, gathered in one pass over the people (docs/scoring.md "Units").
//!
//! Everything here is an integer count, so a tally does not depend on the order of the input
//! rows (floating-point sums would, in their last bits). Quiz topic results are summed in
//! millionths for the same reason. Reading each person's evidence is `contribution`'s job,
//! rolling the cells up into segments `gather`'s, and adding or taking away tallies `sums`'.

mod contribution;
mod gather;
mod mix;
mod sums;

pub(crate) use gather::gather;
pub(crate) use mix::Mix;

use super::vocabulary::Vocabulary;
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

/// A tally's (sum of people's results in millionths, people) as (successes, people), the
/// successes fractional: a person who passed one of their two quizzes at once counts half.
pub(crate) fn person_share((micro, people): (u64, u64)) -> (f64, f64) {
    (micro as f64 / 1e6, people as f64)
}

/// Successes out of trials.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Count {
    pub ok: u64,
    pub n: u64,
}

impl Count {
    fn add(&mut self, ok: bool) {
        self.n += 1;
        self.ok += u64::from(ok);
    }

    fn merge(&mut self, other: Count) {
        self.ok += other.ok;
        self.n += other.n;
    }

    /// `self` minus `other` (for "the rest of the wave").
    pub(crate) fn minus(self, other: Count) -> Count {
        Count {
            ok: self.ok.saturating_sub(other.ok),
            n: self.n.saturating_sub(other.n),
        }
    }
}

/// Minutes in the 14-day window after enrollment in which tickets count as rollout tickets.
pub(crate) const WINDOW_MINUTES: u64 = 14 * 24 * 60;

/// The counts of one group of people (a segment's rolled-out or next-wave members).
#[derive(Clone, Debug, Default)]
pub(crate) struct Tally {
    pub people: u32,
    pub completion: Count,
    pub first_attempt: Count,
    pub compliance: Count,
    pub tickets: u64,
    pub exposure_minutes: u64,
    /// Enrolled without a rollout ticket (ADKAR Ability behaviour).
    pub ability: Count,
    pub open_priority: u32,
    /// Enrollment failures by reason id.
    pub reasons: Vec<u32>,
    /// Rollout tickets by category id.
    pub categories: Vec<u32>,
    pub assigned: u32,
    pub started: u32,
    pub completed: u32,
    /// (Sum over people of the share of their quizzes passed at the first attempt, in
    /// millionths; people with a quiz result). Per person, not per quiz: docs/scoring.md's min_n
    /// and the small-group rule count people, and someone who took three quizzes is still one
    /// person whose results could be singled out.
    pub quiz: (u64, u64),
    /// Per topic id: (sum over people of their mean result on it, in millionths; people).
    pub topics: Vec<(u64, u64)>,
    /// Per (topic, module) slot (`Tallies::topic_modules`): attempts.
    pub topic_modules: Vec<u32>,
    /// Per module id (`Tallies::module_names`): people assigned it who had not finished it by
    /// the evaluation date.
    pub unfinished: Vec<u32>,
    pub respondents: u32,
    /// People asked to answer a survey (docs/scoring.md "Step 1 in the engine"): the denominator of
    /// the response rate.
    pub asked: u32,
    /// Per ADKAR element, answers 1..=5.
    pub adkar: [[u32; 5]; 5],
    pub adkar_respondents: u32,
    /// Individual barriers, in `measures::Barrier::ALL` order.
    pub barriers: [u32; 7],
    pub enroll: [u32; 5],
    pub sus_n: u64,
    pub sus_sum: u64,
    pub sus_sq: u64,
    pub nps: [u32; 11],
}

impl Tally {
    /// An empty tally with a slot for every reason, category, topic and module the data names.
    pub(super) fn sized_for(vocabulary: &Vocabulary<'_>) -> Tally {
        Tally::new(
            vocabulary.reason_ids.len(),
            vocabulary.category_ids.len(),
            vocabulary.topic_ids.len(),
            vocabulary.topic_modules.iter().map(|m| m.len()).sum(),
            vocabulary.module_ids.len(),
        )
    }

    pub(super) fn new(
        reasons: usize,
        categories: usize,
        topics: usize,
        topic_modules: usize,
        modules: usize,
    ) -> Tally {
        Tally {
            reasons: vec![0; reasons],
            categories: vec![0; categories],
            topics: vec![(0, 0); topics],
            topic_modules: vec![0; topic_modules],
            unfinished: vec![0; modules],
            ..Tally::default()
        }
    }
}

/// Whether a person's evidence is about the rollout so far or about the next wave.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Group {
    RolledOut,
    Next,
}

pub(crate) fn index(group: Group) -> usize {
    match group {
        Group::RolledOut => 0,
        Group::Next => 1,
    }
}

/// A segment's identity: per nesting level, the roster attribute (index into
/// `Roster::attributes`) and its value code, outermost first. Empty for the whole wave.
pub(crate) type Key = Vec<(usize, u32)>;

/// The tallies of one segment.
#[derive(Clone, Debug)]
pub(crate) struct SegmentTally {
    /// Who is in it.
    pub key: Key,
    /// The segment it nests in (index into [`Tallies::segments`]); `None` for the wave.
    pub parent: Option<usize>,
    /// [rolled-out, next wave].
    pub groups: [Tally; 2],
}

/// The tallies of the wave and of every segment of it, for both groups.
#[derive(Clone, Debug)]
pub(crate) struct Tallies {
    /// The wave first, then the segments ordered by key: parents before their children,
    /// siblings by value.
    pub segments: Vec<SegmentTally>,
    /// The next wave's people by value of each split attribute.
    pub mix: Mix,
    /// The roster attributes split along, in program order (the positions of `codes`).
    pub split: Vec<usize>,
    /// The finest cells (group, then a code per split attribute) in key order, so "the rest"
    /// of any set of segments is tallied without reading the data again.
    cells: Vec<(Vec<u32>, Tally)>,
    /// An empty tally of this evaluation's vocabulary.
    empty: Tally,
    pub topic_names: Vec<String>,
    /// Per (topic, module) slot: the topic id and the module, sorted by both.
    pub topic_modules: Vec<(u32, String)>,
    /// Per module id: the module, sorted.
    pub module_names: Vec<String>,
    pub reason_names: Vec<String>,
    pub category_names: Vec<String>,
}

impl Tallies {
    /// The whole wave: [rolled-out, next wave].
    pub fn wave(&self) -> &[Tally; 2] {
        &self.segments[0].groups
    }
}

/// The last second of day `d`: what happened on the evaluation date counts.
pub(crate) fn end_of_day(d: NaiveDate) -> NaiveDateTime {
    d.and_time(NaiveTime::from_hms_opt(23, 59, 59).unwrap_or(NaiveTime::MIN))
}

/// Whether a person (or anonymous response) with these codes per split attribute belongs to
/// the segment `key`.
pub(crate) fn belongs(key: &Key, split: &[usize], codes: &[u32]) -> bool {
    key.iter().all(|&(attribute, code)| {
        split
            .iter()
            .position(|&a| a == attribute)
            .is_some_and(|i| codes[i] == code)
    })
}

/// Everyone in `within` (the wave when empty) except the members of `excluded`: "the rest"
/// once some segments are held back.
#[derive(Clone, Debug)]
pub(crate) struct Rest {
    /// [rolled-out, next wave].
    pub groups: [Tally; 2],
    /// The next wave's people among them.
    pub mix: Mix,
}

impl Tallies {
    /// Everyone in `within` (the wave when empty) except the members of `excluded`.
    pub(crate) fn rest(&self, within: &Key, excluded: &[Key]) -> Rest {
        let mut rest = Rest {
            groups: [self.empty.clone(), self.empty.clone()],
            mix: Mix {
                total: 0,
                by_value: self.mix.by_value.iter().map(|v| vec![0; v.len()]).collect(),
            },
        };
        for (key, cell) in &self.cells {
            let (g, codes) = (key[0] as usize, &key[1..]);
            if belongs(within, &self.split, codes)
                && !excluded.iter().any(|k| belongs(k, &self.split, codes))
            {
                rest.groups[g].merge(cell);
                if g == index(Group::Next) {
                    rest.mix.add(codes, cell.people);
                }
            }
        }
        rest
    }

    /// An empty tally of this evaluation's vocabulary.
    pub(crate) fn empty(&self) -> &Tally {
        &self.empty
    }
}

/// Hashes `u64` words with one multiply each (keys here are small integers, not attacker-chosen
/// strings, so a fast non-cryptographic hash is safe).
#[derive(Default)]
struct FastHash(u64);

impl std::hash::Hasher for FastHash {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
}
