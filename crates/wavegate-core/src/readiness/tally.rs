//! Per-segment counts, gathered in one pass over the people (docs/scoring.md "Units").
//!
//! Everything here is an integer count, so a tally does not depend on the order of the input
//! rows (floating-point sums would, in their last bits). Quiz topic results are summed in
//! millionths for the same reason.

use super::asked::Asked;
use super::data::{DataSet, NO_VALUE, TrainingStatus};
use super::program::{MAX_SEGMENT_DEPTH, Program};
use super::vocabulary::Vocabulary;
use crate::jobs::{Job, Runner};
use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

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
    pub quiz: Count,
    /// People with a quiz result among `quiz` (a person may count in it once per module).
    pub quiz_takers: u32,
    /// Per topic id: (sum of results in millionths, attempts).
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

    fn add(&mut self, c: &Contribution) {
        self.people += u32::from(c.person);
        self.asked += u32::from(c.asked);
        if let Some(ok) = c.completion {
            self.completion.add(ok);
        }
        if let Some(ok) = c.first_attempt {
            self.first_attempt.add(ok);
        }
        self.compliance.merge(c.compliance);
        self.tickets += c.tickets;
        self.exposure_minutes += c.exposure_minutes;
        if let Some(ok) = c.ability {
            self.ability.add(ok);
        }
        self.open_priority += c.open_priority;
        for &r in &c.reasons {
            self.reasons[r as usize] += 1;
        }
        for &k in &c.categories {
            self.categories[k as usize] += 1;
        }
        if let Some((started, completed)) = c.training {
            self.assigned += 1;
            self.started += u32::from(started);
            self.completed += u32::from(completed);
        }
        self.quiz.merge(c.quiz);
        self.quiz_takers += u32::from(c.quiz.n > 0);
        for &(t, micro) in &c.topics {
            let slot = &mut self.topics[t as usize];
            slot.0 += u64::from(micro);
            slot.1 += 1;
        }
        for &s in &c.topic_modules {
            self.topic_modules[s as usize] += 1;
        }
        for &m in &c.unfinished {
            self.unfinished[m as usize] += 1;
        }
        if let Some(a) = &c.answers {
            self.respondents += 1;
            let mut any_adkar = false;
            // Answers outside their scale cannot come from the importer; records built in
            // code are held to the same scale rather than trusted.
            for (e, v) in a.adkar.iter().enumerate() {
                if let Some(v) = v.filter(|v| (1..=5).contains(v)) {
                    self.adkar[e][usize::from(v - 1)] += 1;
                    any_adkar = true;
                }
            }
            if any_adkar {
                self.adkar_respondents += 1;
                self.barriers[crate::measures::adkar_barrier(a.adkar).index()] += 1;
            }
            if let Some(v) = a.enroll_experience.filter(|v| (1..=5).contains(v)) {
                self.enroll[usize::from(v - 1)] += 1;
            }
            if let Some(raw) = a.sus_raw() {
                self.sus_n += 1;
                self.sus_sum += u64::from(raw);
                self.sus_sq += u64::from(raw * raw);
            }
            if let Some(v) = a.nps.filter(|v| *v <= 10) {
                self.nps[usize::from(v)] += 1;
            }
        }
    }
}

/// One person's (or one anonymous response's) share of a tally.
#[derive(Clone, Debug, Default)]
pub(crate) struct Contribution {
    person: bool,
    asked: bool,
    completion: Option<bool>,
    first_attempt: Option<bool>,
    compliance: Count,
    tickets: u64,
    exposure_minutes: u64,
    ability: Option<bool>,
    open_priority: u32,
    reasons: Vec<u32>,
    categories: Vec<u32>,
    training: Option<(bool, bool)>,
    quiz: Count,
    topics: Vec<(u32, u32)>,
    topic_modules: Vec<u32>,
    /// Modules of the person's not finished by the cutoff, each once.
    unfinished: Vec<u32>,
    answers: Option<super::data::ScoredAnswers>,
}

impl Contribution {
    /// Empties it for the next person, keeping the lists' room. Every field is named, so a new
    /// one cannot be left carrying the last person's value (an `asked` left over once counted
    /// anonymous responses as people asked, depending on row order).
    fn reset(&mut self) {
        let Contribution {
            person,
            asked,
            completion,
            first_attempt,
            compliance,
            tickets,
            exposure_minutes,
            ability,
            open_priority,
            reasons,
            categories,
            training,
            quiz,
            topics,
            topic_modules,
            unfinished,
            answers,
        } = self;
        *person = false;
        *asked = false;
        *completion = None;
        *first_attempt = None;
        *compliance = Count::default();
        *tickets = 0;
        *exposure_minutes = 0;
        *ability = None;
        *open_priority = 0;
        reasons.clear();
        categories.clear();
        *training = None;
        *quiz = Count::default();
        topics.clear();
        topic_modules.clear();
        unfinished.clear();
        *answers = None;
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

/// How many next-wave people fall in each value of each split attribute.
#[derive(Clone, Debug, Default)]
pub(crate) struct Mix {
    /// People in the group.
    pub total: u32,
    /// Per split position, per value code: people.
    pub by_value: Vec<Vec<u32>>,
}

impl Mix {
    fn new(data: &DataSet, split: &[usize]) -> Mix {
        Mix {
            total: 0,
            by_value: split
                .iter()
                .map(|&a| vec![0; data.roster.attributes[a].values.len()])
                .collect(),
        }
    }

    /// Counts `people` more with these codes.
    fn add(&mut self, codes: &[u32], people: u32) {
        self.total += people;
        for (counts, &code) in self.by_value.iter_mut().zip(codes) {
            if let Some(n) = counts.get_mut(code as usize) {
                *n += people;
            }
        }
    }

    fn merge(&mut self, other: &Mix) {
        self.total += other.total;
        for (mine, theirs) in self.by_value.iter_mut().zip(&other.by_value) {
            for (a, b) in mine.iter_mut().zip(theirs) {
                *a += b;
            }
        }
    }
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

fn minutes(d: Duration) -> u64 {
    u64::try_from(d.num_minutes()).unwrap_or(0)
}

/// The roster attributes the program splits along (indices into `Roster::attributes`), in
/// program order; attributes the roster lacks are left out.
fn split_attributes(data: &DataSet, program: &Program) -> Vec<usize> {
    program
        .split_attributes
        .iter()
        .filter_map(|name| data.roster.attributes.iter().position(|a| &a.name == name))
        .collect()
}

/// Finest cells: each key is a group (rolled-out 0, next wave 1) followed by a value code per
/// split attribute; its tally sums the contributions of everyone with exactly that key.
type Cells = HashMap<Vec<u32>, Tally, BuildHasherDefault<FastHash>>;

/// Adds the contributions of the people in `people` (and, with `anonymous`, of every anonymous
/// response) of the waves up to `next` to their finest cells, and the next wave's people to
/// the mix. `asked`: who was asked to answer, when `invitations.csv` says (else everyone).
fn contributions(
    data: &DataSet,
    program: &Program,
    at: NaiveDate,
    next: usize,
    (vocabulary, split, asked): (&Vocabulary<'_>, &[usize], Option<&Asked>),
    people: std::ops::Range<usize>,
    anonymous: bool,
) -> (Cells, Mix) {
    let mut cells = Cells::default();
    let mut mix = Mix::new(data, split);
    let mut key: Vec<u32> = Vec::with_capacity(split.len() + 1);
    let mut visit = |group: Group, codes: &[u32], c: &Contribution| {
        if group == Group::Next && c.person {
            mix.add(codes, 1);
        }
        key.clear();
        key.push(index(group) as u32);
        key.extend_from_slice(codes);
        match cells.get_mut(&key[..]) {
            Some(tally) => tally.add(c),
            None => {
                let mut tally = Tally::sized_for(vocabulary);
                tally.add(c);
                cells.insert(key.clone(), tally);
            }
        }
    };
    let cutoff = end_of_day(at);
    let roster = &data.roster;
    let inputs = &data.inputs;
    let have_devices = inputs.has_devices();
    let have_failures = inputs.failures.is_some();
    let have_tickets = inputs.tickets.is_some();
    let mut c = Contribution::default();
    let mut codes = vec![NO_VALUE; split.len()];
    for p in people {
        let w = usize::from(roster.waves[p]);
        let group = match w.cmp(&next) {
            std::cmp::Ordering::Less => Group::RolledOut,
            std::cmp::Ordering::Equal => Group::Next,
            std::cmp::Ordering::Greater => continue,
        };
        c.reset();
        c.person = true;
        if group == Group::RolledOut {
            let wave = &program.waves[w];
            let first_enrolled = data.first_enrollment(p, cutoff);
            for dev in data.devices_enrolled_by(p, cutoff) {
                if let Some(ok) = dev.compliance.verdict() {
                    c.compliance.add(ok);
                }
            }
            let mut first_failure: Option<NaiveDateTime> = None;
            for &f in data.failures_by_person.of(p) {
                let fail = &inputs.failures.as_deref().unwrap_or(&[])[f as usize];
                if fail.at > cutoff {
                    continue;
                }
                first_failure = Some(first_failure.map_or(fail.at, |x| x.min(fail.at)));
                if let Some(&r) = vocabulary.reason_ids.get(fail.reason.as_str()) {
                    c.reasons.push(r);
                }
            }
            if have_devices && wave.end <= at {
                c.completion = Some(first_enrolled.is_some_and(|e| e <= end_of_day(wave.end)));
            }
            if have_devices
                && have_failures
                && (first_enrolled.is_some() || first_failure.is_some())
            {
                c.first_attempt = Some(match (first_enrolled, first_failure) {
                    (Some(e), Some(f)) => f >= e,
                    (Some(_), None) => true,
                    _ => false,
                });
            }
            // Exposure starts at the first enrollment attempt (failed attempts bring tickets
            // too), or at the wave's start when the device exports say nothing.
            let start = match (first_enrolled, first_failure) {
                (Some(e), Some(f)) => e.min(f),
                (Some(e), None) | (None, Some(e)) => e,
                (None, None) => wave.start.and_time(NaiveTime::MIN),
            };
            let fortnight = Duration::minutes(WINDOW_MINUTES as i64);
            let (window_end, exposure) = if have_devices || first_failure.is_some() {
                (
                    start + fortnight,
                    minutes(cutoff - start).min(WINDOW_MINUTES),
                )
            } else {
                // Without devices.csv nobody's enrollment is known: each person is taken to
                // have enrolled somewhere in the wave, with their fortnight after it. Their
                // tickets count from the wave's start to a fortnight after its end, for one
                // fortnight of exposure once all of that has passed. (Only the wave's first
                // fortnight counted before: a third wave's tickets came after it, and the rate
                // came out five times too low.)
                let end = end_of_day(wave.end) + fortnight;
                let span = minutes(end - start).max(1);
                let elapsed = minutes(cutoff.min(end) - start);
                (end, WINDOW_MINUTES * elapsed / span)
            };
            // The rate is per enrolled person (docs/scoring.md): when the device exports are
            // there and show no attempt of this person's, they are not enrolled yet, and their
            // days before enrolling would only dilute the rate of those who are (evaluated
            // during a wave, its people yet to enroll halved the rate and doubled the wave
            // size the helpdesk was said to bear).
            let not_yet_enrolled =
                have_devices && first_enrolled.is_none() && first_failure.is_none();
            if have_tickets && start <= cutoff && !not_yet_enrolled {
                c.exposure_minutes = exposure;
                for &t in data.tickets_by_person.of(p) {
                    let ticket = &inputs.tickets.as_deref().unwrap_or(&[])[t as usize];
                    if ticket.opened_at < start || ticket.opened_at > cutoff {
                        continue;
                    }
                    let Some(&cat) = vocabulary.category_ids.get(ticket.category.as_str()) else {
                        continue;
                    };
                    if !vocabulary.rollout_category[cat as usize] {
                        continue;
                    }
                    if ticket.opened_at <= window_end {
                        c.tickets += 1;
                        c.categories.push(cat);
                    }
                    let resolved_by_cutoff = match ticket.resolved_at {
                        Some(r) => r <= cutoff,
                        None => ticket.closed,
                    };
                    if ticket.priority.is_some_and(|p| p <= 2) && !resolved_by_cutoff {
                        c.open_priority += 1;
                    }
                }
                if first_enrolled.is_some() {
                    c.ability = Some(c.tickets == 0);
                }
            }
        }
        training_of(data, p, cutoff, vocabulary, &mut c);
        c.answers = latest_answers(data, p, cutoff);
        c.asked = asked.is_none_or(|a| a.asked(p, w, cutoff, c.answers.is_some()));
        for (slot, &a) in codes.iter_mut().zip(split) {
            *slot = roster.attributes[a].codes[p];
        }
        visit(group, &codes, &c);
    }

    // Anonymous responses count for the wave and the segments their link carried.
    let responses = inputs.responses.as_deref().unwrap_or(&[]);
    let carried_by = if anonymous { &data.anonymous[..] } else { &[] };
    for (ri, w, carried) in carried_by {
        let r = &responses[*ri as usize];
        let w = usize::from(*w);
        if r.submitted_at > cutoff || !r.answers.any() || w > next {
            continue;
        }
        let group = if w < next {
            Group::RolledOut
        } else {
            Group::Next
        };
        c.reset();
        c.answers = Some(r.answers);
        for (slot, &a) in codes.iter_mut().zip(split) {
            *slot = carried.get(a).copied().unwrap_or(NO_VALUE);
        }
        visit(group, &codes, &c);
    }
    (cells, mix)
}

/// A key packed for hashing: up to [`MAX_SEGMENT_DEPTH`] (split position, code) pairs.
type Packed = [u64; MAX_SEGMENT_DEPTH as usize];

fn pack(positions: &[usize], codes: &[u32]) -> Packed {
    let mut out = [u64::MAX; MAX_SEGMENT_DEPTH as usize];
    for (slot, &i) in out.iter_mut().zip(positions) {
        *slot = ((i as u64) << 32) | u64::from(codes[i]);
    }
    out
}

/// Every combination of split positions, in increasing order, of 1 to `depth` positions:
/// the shapes of the segments (platform; region; platform × region; …).
fn shapes(attributes: usize, depth: usize) -> Vec<Vec<usize>> {
    let mut out: Vec<Vec<usize>> = Vec::new();
    let mut frontier: Vec<Vec<usize>> = vec![Vec::new()];
    for _ in 0..depth {
        let mut grown = Vec::new();
        for shape in &frontier {
            let from = shape.last().map_or(0, |&l| l + 1);
            for i in from..attributes {
                let mut s = shape.clone();
                s.push(i);
                grown.push(s);
            }
        }
        out.extend(grown.iter().cloned());
        frontier = grown;
    }
    out
}

/// Gathers every tally for the next wave `next` as known at the end of day `at`: the wave and
/// its segments nested to the program's depth along its split attributes.
pub(crate) fn gather(
    data: &DataSet,
    program: &Program,
    at: NaiveDate,
    next: usize,
    runner: &impl Runner,
) -> Tallies {
    let vocabulary = Vocabulary::of(data, program);
    let split = split_attributes(data, program);
    let shapes = shapes(split.len(), usize::from(program.segment_depth));
    // Reading each person's evidence is most of the work: two halves of the roster as two jobs
    // (always two, whatever the runner, so the result never depends on it), whose cells are
    // then added together.
    let people = data.roster.len();
    let asked = Asked::of(data, program);
    let (vocabulary_ref, split_ref, asked_ref) = (&vocabulary, &split, asked.as_ref());
    let job = |range: std::ops::Range<usize>, anonymous: bool| -> Job<'_, (Cells, Mix)> {
        Box::new(move || {
            contributions(
                data,
                program,
                at,
                next,
                (vocabulary_ref, split_ref, asked_ref),
                range,
                anonymous,
            )
        })
    };
    let jobs = vec![job(0..people / 2, false), job(people / 2..people, true)];
    let mut cells = Cells::default();
    let mut mix = Mix::new(data, &split);
    for (part, part_mix) in runner.run(jobs) {
        mix.merge(&part_mix);
        for (key, tally) in part {
            match cells.get_mut(&key) {
                Some(cell) => cell.merge(&tally),
                None => {
                    cells.insert(key, tally);
                }
            }
        }
    }
    // Sorted, so every later pass over the cells goes in one order whatever the hashing.
    let mut cells: Vec<(Vec<u32>, Tally)> = cells.into_iter().collect();
    cells.sort_by(|a, b| a.0.cmp(&b.0));
    // The cells roll up into the wave and every segment: a few hundred cells, not one
    // addition per person per segment.
    let mut wave = [Tally::sized_for(&vocabulary), Tally::sized_for(&vocabulary)];
    // Segments as cells reveal them; sorted (and their parents found) afterwards.
    let mut found: HashMap<Packed, usize, BuildHasherDefault<FastHash>> = HashMap::default();
    let mut tallies: Vec<(Packed, [Tally; 2])> = Vec::new();
    for (key, cell) in &cells {
        let (g, codes) = (key[0] as usize, &key[1..]);
        wave[g].merge(cell);
        for shape in &shapes {
            if shape.iter().any(|&i| codes[i] == NO_VALUE) {
                continue;
            }
            let packed = pack(shape, codes);
            let slot = *found.entry(packed).or_insert_with(|| {
                tallies.push((
                    packed,
                    [Tally::sized_for(&vocabulary), Tally::sized_for(&vocabulary)],
                ));
                tallies.len() - 1
            });
            tallies[slot].1[g].merge(cell);
        }
    }
    let unpack = |packed: &Packed| -> Key {
        packed
            .iter()
            .take_while(|&&x| x != u64::MAX)
            .map(|&x| (split[(x >> 32) as usize], (x & 0xffff_ffff) as u32))
            .collect()
    };
    // Parents before children, siblings by value: the order every list of the report follows.
    tallies.sort_by_key(|(packed, _)| {
        let depth = packed.iter().take_while(|&&x| x != u64::MAX).count();
        (depth, *packed)
    });
    let mut segments = vec![SegmentTally {
        key: Key::new(),
        parent: None,
        groups: wave,
    }];
    let mut position: HashMap<Packed, usize, BuildHasherDefault<FastHash>> = HashMap::default();
    for (packed, groups) in tallies {
        let depth = packed.iter().take_while(|&&x| x != u64::MAX).count();
        let mut parent_key = packed;
        parent_key[depth - 1] = u64::MAX;
        let parent = if depth == 1 {
            Some(0)
        } else {
            position.get(&parent_key).copied()
        };
        position.insert(packed, segments.len());
        segments.push(SegmentTally {
            key: unpack(&packed),
            parent,
            groups,
        });
    }
    let empty = Tally::sized_for(&vocabulary);
    Tallies {
        segments,
        mix,
        split,
        cells,
        empty,
        topic_names: vocabulary.topic_ids.keys().map(|t| t.to_string()).collect(),
        topic_modules: (vocabulary.topic_modules.iter().enumerate())
            .flat_map(|(t, modules)| modules.keys().map(move |m| (t as u32, m.to_string())))
            .collect(),
        module_names: vocabulary
            .module_ids
            .keys()
            .map(|m| m.to_string())
            .collect(),
        reason_names: vocabulary
            .reason_ids
            .keys()
            .map(|r| r.to_string())
            .collect(),
        category_names: vocabulary
            .category_ids
            .keys()
            .map(|c| c.to_string())
            .collect(),
    }
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

fn training_of(
    data: &DataSet,
    p: usize,
    cutoff: NaiveDateTime,
    vocabulary: &Vocabulary<'_>,
    c: &mut Contribution,
) {
    let records = data.training_by_person.of(p);
    if records.is_empty() {
        return;
    }
    let all = data.inputs.training.as_deref().unwrap_or(&[]);
    let (mut started, mut completed) = (false, true);
    for &i in records {
        let r = &all[i as usize];
        // A completion dated after the evaluation date had not happened yet.
        let done_by_cutoff =
            r.status == TrainingStatus::Completed && r.completed_at.is_none_or(|d| d <= cutoff);
        started |= r.status >= TrainingStatus::Started;
        completed &= done_by_cutoff;
        if let Some(&m) = vocabulary.module_ids.get(&*r.module_id)
            && !done_by_cutoff
            && !c.unfinished.contains(&m)
        {
            c.unfinished.push(m);
        }
        let known = r.completed_at.is_none_or(|d| d <= cutoff);
        if r.attempts >= 1 && known {
            if let Some(passed) = r.passed {
                c.quiz.add(passed && r.attempts == 1);
            }
            for (topic, share) in &r.topics {
                if let Some(&t) = vocabulary.topic_ids.get(&**topic) {
                    c.topics.push((t, (share * 1_000_000.0).round() as u32));
                    if let Some(&s) = vocabulary.topic_modules[t as usize].get(&*r.module_id) {
                        c.topic_modules.push(s);
                    }
                }
            }
        }
    }
    c.training = Some((started, completed));
}

/// A person's latest response with a scored answer, submitted by the cutoff. Ties on the
/// submission time go to the larger response id, so row order never matters.
fn latest_answers(
    data: &DataSet,
    p: usize,
    cutoff: NaiveDateTime,
) -> Option<super::data::ScoredAnswers> {
    let all = data.inputs.responses.as_deref()?;
    data.responses_by_person
        .of(p)
        .iter()
        .map(|&i| &all[i as usize])
        .filter(|r| r.submitted_at <= cutoff && r.answers.any())
        .max_by(|a, b| {
            a.submitted_at
                .cmp(&b.submitted_at)
                .then_with(|| a.id.cmp(&b.id))
        })
        .map(|r| r.answers)
}
