//! Per-segment counts, gathered in one pass over the people (SCORING.md "Units").
//!
//! Everything here is an integer count, so a tally does not depend on the order of the input
//! rows (floating-point sums would, in their last bits). Quiz topic results are summed in
//! millionths for the same reason.

use super::data::{DataSet, NO_VALUE, TrainingStatus};
use super::program::Program;
use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};
use std::collections::BTreeMap;

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
    /// Per topic id: (sum of results in millionths, attempts).
    pub topics: Vec<(u64, u64)>,
    pub respondents: u32,
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
    fn new(reasons: usize, categories: usize, topics: usize) -> Tally {
        Tally {
            reasons: vec![0; reasons],
            categories: vec![0; categories],
            topics: vec![(0, 0); topics],
            ..Tally::default()
        }
    }

    fn add(&mut self, c: &Contribution) {
        self.people += u32::from(c.person);
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
        for &(t, micro) in &c.topics {
            let slot = &mut self.topics[t as usize];
            slot.0 += u64::from(micro);
            slot.1 += 1;
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

/// One person's (or one anonymous response's) share of a tally; buffers are reused.
#[derive(Default)]
struct Contribution {
    person: bool,
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
    answers: Option<super::data::ScoredAnswers>,
}

impl Contribution {
    fn reset(&mut self) {
        self.person = false;
        self.completion = None;
        self.first_attempt = None;
        self.compliance = Count::default();
        self.tickets = 0;
        self.exposure_minutes = 0;
        self.ability = None;
        self.open_priority = 0;
        self.reasons.clear();
        self.categories.clear();
        self.training = None;
        self.quiz = Count::default();
        self.topics.clear();
        self.answers = None;
    }
}

/// Whether a person's evidence is about the rollout so far or about the next wave.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Group {
    RolledOut,
    Next,
}

/// The tallies of the wave and of each value of each split attribute, for both groups.
#[derive(Clone, Debug)]
pub(crate) struct Tallies {
    pub wave: [Tally; 2],
    /// Per split attribute (in program order, only those on the roster).
    pub attributes: Vec<AttributeTallies>,
    pub topic_names: Vec<String>,
    /// Per topic id: modules that test it.
    pub topic_modules: Vec<Vec<String>>,
    pub reason_names: Vec<String>,
    pub category_names: Vec<String>,
}

/// The tallies of one split attribute.
#[derive(Clone, Debug)]
pub(crate) struct AttributeTallies {
    /// Index into the roster's attributes.
    pub attribute: usize,
    /// Per value code: [rolled-out, next wave].
    pub values: Vec<[Tally; 2]>,
}

pub(crate) fn index(group: Group) -> usize {
    match group {
        Group::RolledOut => 0,
        Group::Next => 1,
    }
}

fn end_of_day(d: NaiveDate) -> NaiveDateTime {
    d.and_time(NaiveTime::from_hms_opt(23, 59, 59).unwrap_or(NaiveTime::MIN))
}

fn minutes(d: Duration) -> u64 {
    u64::try_from(d.num_minutes()).unwrap_or(0)
}

/// Gathers every tally for the next wave `next` as known at the end of day `at`.
pub(crate) fn gather(data: &DataSet, program: &Program, at: NaiveDate, next: usize) -> Tallies {
    let cutoff = end_of_day(at);
    let roster = &data.roster;
    let inputs = &data.inputs;

    // Small vocabularies, sorted so ids (and every ordering derived from them) are stable.
    let mut topics: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for r in inputs.training.iter().flatten() {
        for (t, _) in &r.topics {
            let modules = topics.entry(&**t).or_default();
            if !modules.contains(&&*r.module_id) {
                modules.push(&r.module_id);
            }
        }
    }
    let topic_ids: BTreeMap<&str, u32> = topics
        .keys()
        .enumerate()
        .map(|(i, t)| (*t, i as u32))
        .collect();
    let topic_modules: Vec<Vec<String>> = topics
        .values()
        .map(|m| {
            let mut m: Vec<String> = m.iter().map(|s| s.to_string()).collect();
            m.sort();
            m
        })
        .collect();
    let reason_ids: BTreeMap<&str, u32> = {
        let set: std::collections::BTreeSet<&str> = inputs
            .failures
            .iter()
            .flatten()
            .map(|f| f.reason.as_str())
            .collect();
        set.into_iter()
            .enumerate()
            .map(|(i, r)| (r, i as u32))
            .collect()
    };
    let category_ids: BTreeMap<&str, u32> = {
        let set: std::collections::BTreeSet<&str> = inputs
            .tickets
            .iter()
            .flatten()
            .map(|t| t.category.as_str())
            .collect();
        set.into_iter()
            .enumerate()
            .map(|(i, c)| (c, i as u32))
            .collect()
    };
    let rollout_category: Vec<bool> = category_ids
        .keys()
        .map(|c| {
            program.rollout_ticket_categories.is_empty()
                || program
                    .rollout_ticket_categories
                    .iter()
                    .any(|r| r.eq_ignore_ascii_case(c.trim()))
        })
        .collect();

    let new_tally = || Tally::new(reason_ids.len(), category_ids.len(), topic_ids.len());
    let attributes: Vec<AttributeTallies> = program
        .split_attributes
        .iter()
        .filter_map(|name| roster.attributes.iter().position(|a| &a.name == name))
        .map(|attribute| AttributeTallies {
            attribute,
            values: (0..roster.attributes[attribute].values.len())
                .map(|_| [new_tally(), new_tally()])
                .collect(),
        })
        .collect();
    let mut out = Tallies {
        wave: [new_tally(), new_tally()],
        attributes,
        topic_names: topics.keys().map(|t| t.to_string()).collect(),
        topic_modules,
        reason_names: reason_ids.keys().map(|r| r.to_string()).collect(),
        category_names: category_ids.keys().map(|c| c.to_string()).collect(),
    };

    let have_devices = inputs.devices.is_some();
    let have_failures = inputs.failures.is_some();
    let have_tickets = inputs.tickets.is_some();
    let mut c = Contribution::default();
    for p in 0..roster.len() {
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
            let mut first_enrolled: Option<NaiveDateTime> = None;
            for &d in data.devices_by_person.of(p) {
                let dev = &inputs.devices.as_deref().unwrap_or(&[])[d as usize];
                if dev.enrolled_at > cutoff {
                    continue;
                }
                first_enrolled =
                    Some(first_enrolled.map_or(dev.enrolled_at, |f| f.min(dev.enrolled_at)));
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
                if let Some(&r) = reason_ids.get(fail.reason.as_str()) {
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
            if have_tickets && start <= cutoff {
                c.exposure_minutes = minutes(cutoff - start).min(WINDOW_MINUTES);
                let window_end = start + Duration::minutes(WINDOW_MINUTES as i64);
                for &t in data.tickets_by_person.of(p) {
                    let ticket = &inputs.tickets.as_deref().unwrap_or(&[])[t as usize];
                    if ticket.opened_at < start || ticket.opened_at > cutoff {
                        continue;
                    }
                    let Some(&cat) = category_ids.get(ticket.category.as_str()) else {
                        continue;
                    };
                    if !rollout_category[cat as usize] {
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
        training_of(data, p, cutoff, &topic_ids, &mut c);
        c.answers = latest_answers(data, p, cutoff);
        let g = index(group);
        out.wave[g].add(&c);
        for attr in &mut out.attributes {
            let code = roster.attributes[attr.attribute].codes[p];
            if code != NO_VALUE {
                attr.values[code as usize][g].add(&c);
            }
        }
    }

    // Anonymous responses count for the wave and the segments their link carried.
    let responses = inputs.responses.as_deref().unwrap_or(&[]);
    for (ri, w, codes) in &data.anonymous {
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
        let g = index(group);
        out.wave[g].add(&c);
        for attr in &mut out.attributes {
            let code = codes.get(attr.attribute).copied().unwrap_or(NO_VALUE);
            if code != NO_VALUE {
                attr.values[code as usize][g].add(&c);
            }
        }
    }
    out
}

fn training_of(
    data: &DataSet,
    p: usize,
    cutoff: NaiveDateTime,
    topic_ids: &BTreeMap<&str, u32>,
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
        let known = r.completed_at.is_none_or(|d| d <= cutoff);
        if r.attempts >= 1 && known {
            if let Some(passed) = r.passed {
                c.quiz.add(passed && r.attempts == 1);
            }
            for (topic, share) in &r.topics {
                if let Some(&t) = topic_ids.get(&**topic) {
                    c.topics.push((t, (share * 1_000_000.0).round() as u32));
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
