//! Who was asked to answer a survey: the denominator of the response rate.
//!
//! Without `invitations.csv` everyone rolled out counts as asked. With it, a person counts from
//! the first link that reached them: their personal link, or an anonymous link made for their
//! wave and segment. A wave no link reached by then, whose people answered all the same (a
//! survey sent with another tool, its answers imported), counts as asked in full; one nobody
//! asked and nobody answered from counts no one, so a survey sent to the pilot alone no longer
//! makes every later wave look silent.
//!
//! Only links whose answers can count are read: an anonymous link without a known wave places
//! its answers nowhere (they are reported unmatched), so it reaches no one here either.

use super::data::{DataSet, NO_VALUE, Roster, ScoredResponse, SurveyInvitation};
use super::program::Program;
use chrono::NaiveDateTime;
use std::collections::HashMap;

/// When each person and each wave was first asked, and when each wave first answered.
#[derive(Clone, Debug)]
pub(crate) struct Asked {
    /// Per person: when the first link reached them ([`NaiveDateTime::MAX`]: never).
    person: Vec<NaiveDateTime>,
    /// Per wave: when the first link reached anyone in it.
    wave_invited: Vec<NaiveDateTime>,
    /// Per wave: the first scored answer from it (a person of the wave, or an anonymous
    /// response carrying the wave).
    wave_answered: Vec<NaiveDateTime>,
}

/// An anonymous link's segment: its wave, then (split position, value code) pairs.
type Segment = (u16, Vec<(usize, u32)>);

impl Asked {
    /// Reads the links of `data`'s `invitations.csv` against its roster; `None` without the
    /// file.
    pub(crate) fn of(data: &DataSet, program: &Program) -> Option<Asked> {
        let invitations = data.inputs.invitations.as_deref()?;
        let roster = &data.roster;
        let never = NaiveDateTime::MAX;
        let waves = program.waves.len();
        let mut person: Vec<NaiveDateTime> = (0..roster.len())
            .map(|p| {
                data.invitations_by_person
                    .of(p)
                    .iter()
                    .map(|&i| invitations[i as usize].invited_at)
                    .min()
                    .unwrap_or(never)
            })
            .collect();
        // The segments of anonymous links, each with its earliest link, grouped by which split
        // attributes they name: one look-up per person per group.
        let split: Vec<usize> = program
            .split_attributes
            .iter()
            .filter_map(|name| roster.by_name.get(name.as_str()).copied())
            .collect();
        let mut shapes: HashMap<Vec<usize>, HashMap<Segment, NaiveDateTime>> = HashMap::new();
        for inv in invitations.iter().filter(|i| i.person_id.is_none()) {
            if let Some(segment) = segment_of(program, roster, &split, inv) {
                let shape = segment.1.iter().map(|(a, _)| *a).collect();
                let first = shapes
                    .entry(shape)
                    .or_default()
                    .entry(segment)
                    .or_insert(never);
                *first = (*first).min(inv.invited_at);
            }
        }
        let mut key: Segment = (0, Vec::new());
        for (p, slot) in person.iter_mut().enumerate() {
            for (shape, segments) in &shapes {
                key.0 = roster.waves[p];
                key.1.clear();
                key.1
                    .extend(shape.iter().map(|&a| (a, roster.attributes[a].codes[p])));
                if let Some(&at) = segments.get(&key) {
                    *slot = (*slot).min(at);
                }
            }
        }
        let mut wave_invited = vec![never; waves];
        for (p, &at) in person.iter().enumerate() {
            if let Some(w) = wave_invited.get_mut(usize::from(roster.waves[p])) {
                *w = (*w).min(at);
            }
        }
        let responses = data.inputs.responses.as_deref().unwrap_or_default();
        let mut wave_answered = vec![never; waves];
        let mut answered = |w: usize, r: &ScoredResponse| {
            if let Some(slot) = wave_answered.get_mut(w)
                && r.answers.any()
            {
                *slot = (*slot).min(r.submitted_at);
            }
        };
        for p in 0..roster.len() {
            for &r in data.responses_by_person.of(p) {
                answered(usize::from(roster.waves[p]), &responses[r as usize]);
            }
        }
        for (r, w, _) in &data.anonymous {
            answered(usize::from(*w), &responses[*r as usize]);
        }
        Some(Asked {
            person,
            wave_invited,
            wave_answered,
        })
    }

    /// Whether person `p` of wave `w` had been asked by `cutoff`; `answered`: they had answered
    /// by then (whoever answered was evidently asked).
    pub(crate) fn asked(&self, p: usize, w: usize, cutoff: NaiveDateTime, answered: bool) -> bool {
        let reached =
            |times: &[NaiveDateTime], i: usize| times.get(i).is_some_and(|&t| t <= cutoff);
        if reached(&self.wave_invited, w) {
            reached(&self.person, p) || answered
        } else {
            reached(&self.wave_answered, w)
        }
    }
}

/// The segment of an anonymous link: its wave and the split attributes it names. `None` when
/// its answers could count for no one (no wave the program knows) or it names a value nobody
/// on the roster has. Other attributes are passed over, as the answers' are.
fn segment_of(
    program: &Program,
    roster: &Roster,
    split: &[usize],
    inv: &SurveyInvitation,
) -> Option<Segment> {
    let wave = inv
        .attributes
        .iter()
        .find(|(k, _)| k == "wave")
        .and_then(|(_, v)| program.wave_index(v))?;
    let mut named = Vec::new();
    for (k, v) in &inv.attributes {
        let Some(&a) = roster.by_name.get(k.as_str()) else {
            continue;
        };
        if !split.contains(&a) {
            continue;
        }
        let code = roster.attributes[a].lookup(v)?;
        debug_assert_ne!(code, NO_VALUE);
        named.push((a, code));
    }
    named.sort_unstable();
    named.dedup();
    Some((wave as u16, named))
}
