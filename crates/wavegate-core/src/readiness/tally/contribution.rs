//! One person's (or one anonymous response's) share of the tallies: their enrollment, tickets,
//! training and answers as known at the evaluation date, added to the finest cell they fall in.

use super::{Count, FastHash, Group, Mix, Tally, WINDOW_MINUTES, end_of_day, index};
use crate::readiness::asked::Asked;
use crate::readiness::data::{DataSet, NO_VALUE, ScoredAnswers, TrainingStatus};
use crate::readiness::program::Program;
use crate::readiness::vocabulary::Vocabulary;
use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

const MILLION: u64 = 1_000_000;

/// A mean of `n` results summed in millionths, rounded half up, so tallies stay integers.
fn mean_micro(sum: u64, n: u64) -> u64 {
    (2 * sum + n) / (2 * n)
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
    /// Their quizzes, one per module with a result: passed at the first attempt or not.
    quiz: Count,
    /// (topic id, result in millionths), one per module that asked about the topic.
    topics: Vec<(u32, u32)>,
    topic_modules: Vec<u32>,
    /// Modules of the person's not finished by the cutoff, each once.
    unfinished: Vec<u32>,
    answers: Option<ScoredAnswers>,
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

impl Tally {
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
        if c.quiz.n > 0 {
            self.quiz.0 += mean_micro(c.quiz.ok * MILLION, c.quiz.n);
            self.quiz.1 += 1;
        }
        // One mean per topic per person, however many of their modules asked about it.
        for (i, &(t, _)) in c.topics.iter().enumerate() {
            if c.topics[..i].iter().any(|&(seen, _)| seen == t) {
                continue;
            }
            let (sum, n) = c.topics[i..]
                .iter()
                .filter(|&&(u, _)| u == t)
                .fold((0, 0), |(sum, n), &(_, micro)| {
                    (sum + u64::from(micro), n + 1)
                });
            let slot = &mut self.topics[t as usize];
            slot.0 += mean_micro(sum, n);
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

fn minutes(d: Duration) -> u64 {
    u64::try_from(d.num_minutes()).unwrap_or(0)
}

/// Finest cells: each key is a group (rolled-out 0, next wave 1) followed by a value code per
/// split attribute; its tally sums the contributions of everyone with exactly that key.
pub(super) type Cells = HashMap<Vec<u32>, Tally, BuildHasherDefault<FastHash>>;

/// Adds the contributions of the people in `people` (and, with `anonymous`, of every anonymous
/// response) of the waves up to `next` to their finest cells, and the next wave's people to
/// the mix. `asked`: who was asked to answer, when `invitations.csv` says (else everyone).
pub(super) fn contributions(
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
                }
                if first_enrolled.is_some() {
                    c.ability = Some(c.tickets == 0);
                }
            }
            // A blocker is a blocker whenever it was raised in the wave: before the first
            // enrollment attempt, or by someone who cannot enroll at all (the typical one),
            // not only within the exposure window the rate counts.
            if have_tickets {
                let wave_start = wave.start.and_time(NaiveTime::MIN);
                for &t in data.tickets_by_person.of(p) {
                    let ticket = &inputs.tickets.as_deref().unwrap_or(&[])[t as usize];
                    if ticket.opened_at < wave_start || ticket.opened_at > cutoff {
                        continue;
                    }
                    let rollout = vocabulary
                        .category_ids
                        .get(ticket.category.as_str())
                        .is_some_and(|&cat| vocabulary.rollout_category[cat as usize]);
                    let resolved_by_cutoff = match ticket.resolved_at {
                        Some(r) => r <= cutoff,
                        None => ticket.closed,
                    };
                    if rollout && ticket.priority.is_some_and(|p| p <= 2) && !resolved_by_cutoff {
                        c.open_priority += 1;
                    }
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
                    c.topics.push((t, (share * MILLION as f64).round() as u32));
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
fn latest_answers(data: &DataSet, p: usize, cutoff: NaiveDateTime) -> Option<ScoredAnswers> {
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
