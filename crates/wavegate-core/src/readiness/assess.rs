//! docs/scoring.md steps 1–4 for every segment of the next wave at one date: the tallies, the
//! small groups kept out of sight, each reportable segment's evaluation, and the helpdesk
//! forecast.

use super::data::DataSet;
use super::engine::{Groups, Present, SegmentEval, evaluate_segment, too_small};
use super::helpdesk::{Forecast, forecast};
use super::program::Program;
use super::report::{Segment, Source, Suppressed, SuppressionReason};
use super::tally::{Key, Rest, Tallies, gather};
use crate::jobs::Runner;
use crate::measures;
use chrono::NaiveDate;

/// One reportable segment of the next wave with its evaluation.
pub(super) struct Seg {
    /// The segment as the report names it (`{"wave": id}` for the wave).
    pub(super) segment: Segment,
    /// Who is in it; empty for the wave.
    pub(super) key: Key,
    /// The enclosing segment (index into `segs`); `None` for the wave.
    pub(super) parent: Option<usize>,
    /// People of the next wave in it.
    pub(super) people: u32,
    /// Whether its rolled-out group is hidden (under 5, or hidden beside one): nothing drawn
    /// from it may be shown under its name, such as its part of the helpdesk forecast.
    pub(super) rolled_hidden: bool,
    /// Its tallies (index into `Tallies::segments`).
    pub(super) tally: usize,
    pub(super) eval: SegmentEval,
}

/// docs/scoring.md steps 1–4 for every segment of the next wave at one date.
pub(super) struct Assessment {
    /// The wave first, then every reportable segment, parents before children.
    pub(super) segs: Vec<Seg>,
    pub(super) suppressed: Vec<Suppressed>,
    pub(super) tallies: Tallies,
    /// The roster attributes the program splits along, in program order.
    pub(super) split: Vec<usize>,
    /// Every roster attribute's name (index as in `Roster::attributes`).
    pub(super) attribute_names: Vec<String>,
    pub(super) forecast: Option<Forecast>,
    pub(super) planned: u32,
    pub(super) next_people: u32,
    /// Index of the next wave in the program.
    pub(super) wave_index: usize,
    pub(super) present: Present,
}

impl Assessment {
    /// The attribute a segment splits its parent along (its key's last); `None` for the wave.
    pub(super) fn attribute(&self, si: usize) -> Option<usize> {
        self.segs[si].key.last().map(|&(a, _)| a)
    }

    /// The segments with the same parent, split along the same attribute, other than `si`.
    pub(super) fn siblings(&self, si: usize) -> Vec<usize> {
        let (parent, attribute) = (self.segs[si].parent, self.attribute(si));
        (0..self.segs.len())
            .filter(|&o| o != si && self.segs[o].parent == parent && self.attribute(o) == attribute)
            .collect()
    }

    /// The segments one attribute narrower than `si`, whichever attribute (iOS users in APAC
    /// are within iOS and within APAC).
    pub(super) fn children(&self, si: usize) -> Vec<usize> {
        let key = &self.segs[si].key;
        (0..self.segs.len())
            .filter(|&o| self.segs[o].key.len() == key.len() + 1 && self.within(o, si))
            .collect()
    }

    /// The attribute a segment adds to `outer`, when it is one attribute narrower.
    pub(super) fn attribute_beyond(&self, inner: usize, outer: usize) -> Option<usize> {
        let outer_key = &self.segs[outer].key;
        let mut extra = self.segs[inner]
            .key
            .iter()
            .filter(|k| !outer_key.contains(k));
        match (extra.next(), extra.next()) {
            (Some(&(attribute, _)), None) => Some(attribute),
            _ => None,
        }
    }

    /// Whether everyone in segment `inner` is in segment `outer`: `outer`'s key is part of
    /// `inner`'s.
    pub(super) fn within(&self, inner: usize, outer: usize) -> bool {
        let keys = (&self.segs[inner].key, &self.segs[outer].key);
        keys.1.iter().all(|k| keys.0.contains(k))
    }

    /// Whether two segments can share people: no attribute has a different value in each.
    pub(super) fn may_overlap(&self, x: usize, y: usize) -> bool {
        let (kx, ky) = (&self.segs[x].key, &self.segs[y].key);
        kx.iter()
            .all(|(a, v)| ky.iter().all(|(b, w)| a != b || v == w))
    }

    /// Everyone in segment `within` except the members of `excluded`.
    pub(super) fn rest(&self, within: usize, excluded: &[usize]) -> Rest {
        let keys: Vec<Key> = excluded.iter().map(|&s| self.segs[s].key.clone()).collect();
        self.tallies.rest(&self.segs[within].key, &keys)
    }

    /// Evaluates a group of people that is not a segment of its own ("the rest"), with the
    /// wave as the parent it shrinks toward.
    pub(super) fn evaluate_rest(&self, program: &Program, rest: &Rest) -> SegmentEval {
        let wave = self.tallies.wave();
        let groups = Groups {
            rolled: &rest.groups[0],
            next: &rest.groups[1],
            parent: Some([&wave[0], &wave[1]]),
            hidden: [false, false],
        };
        evaluate_segment(
            program,
            self.present,
            &groups,
            &self.tallies.topic_modules,
            &self.tallies.topic_names,
        )
    }

    /// The forecast for the people of a [`Rest`] at the size they would go with.
    pub(super) fn forecast_of(
        &self,
        program: &Program,
        rest: &Rest,
        size: u32,
    ) -> Option<Forecast> {
        forecast(
            &self.tallies,
            &self.split,
            program.helpdesk_capacity_per_day,
            size,
            &rest.mix,
        )
    }
}

pub(super) fn present(data: &DataSet) -> Present {
    let i = &data.inputs;
    Present {
        devices: i.has_devices(),
        failures: i.failures.is_some(),
        tickets: i.tickets.is_some(),
        responses: i.has_responses(),
        training: i.training.is_some(),
        invitations: i.invitations.is_some(),
    }
}

/// The segment as the report names it: attribute → value.
fn name(data: &DataSet, key: &Key) -> Segment {
    key.iter()
        .map(|&(a, code)| {
            let attribute = &data.roster.attributes[a];
            (
                attribute.name.clone(),
                attribute.values[code as usize].clone(),
            )
        })
        .collect()
}

/// Which groups of which tallied segments may be shown, and why not.
///
/// A group (rolled-out or next-wave people of a segment) under 5 people is never shown. Where
/// exactly one sibling is hidden, or the hidden ones add up to fewer than 5, the next smallest
/// sibling is hidden too, so the parent minus the shown siblings cannot give the hidden one
/// away (`measures::hidden_beside`, the rule every result shares). A nested segment is a
/// sibling in every breakdown it belongs to: Finance's iOS users are among Finance's platforms
/// and among iOS's departments, whichever of the two the tally nests it in, so the rule runs
/// over both until nothing more is hidden. A segment within a hidden one is hidden as well.
/// The parent's people without a value for the attribute count as a sibling never shown.
fn visibility(tallies: &Tallies) -> Vec<[Option<SuppressionReason>; 2]> {
    let segments = &tallies.segments;
    let people = |i: usize, g: usize| segments[i].groups[g].people;
    let mut hidden: Vec<[Option<SuppressionReason>; 2]> = (0..segments.len())
        .map(|i| {
            [0, 1].map(|g| {
                let n = people(i, g);
                (n > 0 && too_small(u64::from(n))).then_some(SuppressionReason::Small)
            })
        })
        .collect();
    let sets = breakdowns(segments);
    // Indexing by group: `hidden` is changed for other segments while one is read.
    #[allow(clippy::needless_range_loop)]
    for g in 0..2 {
        loop {
            let mut changed = false;
            for (parent, members) in &sets {
                if hidden[*parent][g].is_some() {
                    for &m in members {
                        changed |= hidden[m][g].is_none();
                        hidden[m][g].get_or_insert(SuppressionReason::WithinSuppressed);
                    }
                    continue;
                }
                let sizes: Vec<(usize, usize)> = (members.iter())
                    .map(|&m| (m, people(m, g) as usize))
                    .collect();
                let already = members
                    .iter()
                    .copied()
                    .filter(|&m| hidden[m][g].is_some())
                    .collect();
                for m in measures::hidden_beside(
                    people(*parent, g) as usize,
                    &sizes,
                    already,
                    measures::MIN_GROUP,
                ) {
                    changed |= hidden[m][g].is_none();
                    hidden[m][g].get_or_insert(SuppressionReason::Complementary);
                }
            }
            if !changed {
                break;
            }
        }
    }
    hidden
}

/// Every breakdown of a tallied segment into the segments one level down: per parent (index
/// into `segments`) and attribute, its members. A segment of depth d belongs to d breakdowns,
/// one per attribute left out, when the segment without it is tallied. Parents come first.
fn breakdowns(segments: &[crate::readiness::tally::SegmentTally]) -> Vec<(usize, Vec<usize>)> {
    let sorted = |key: &[(usize, u32)]| {
        let mut k = key.to_vec();
        k.sort_unstable();
        k
    };
    let by_key: std::collections::HashMap<Vec<(usize, u32)>, usize> = segments
        .iter()
        .enumerate()
        .map(|(i, s)| (sorted(&s.key), i))
        .collect();
    let mut sets: Vec<((usize, usize), Vec<usize>)> = Vec::new();
    for (i, s) in segments.iter().enumerate().skip(1) {
        let key = sorted(&s.key);
        for left_out in 0..key.len() {
            let mut parent_key = key.clone();
            let (attribute, _) = parent_key.remove(left_out);
            let Some(&parent) = by_key.get(&parent_key) else {
                continue;
            };
            match sets.iter_mut().find(|(k, _)| *k == (parent, attribute)) {
                Some(set) => set.1.push(i),
                None => sets.push(((parent, attribute), vec![i])),
            }
        }
    }
    sets.sort_by_key(|(k, _)| *k);
    sets.into_iter().map(|((p, _), m)| (p, m)).collect()
}

pub(super) fn assess(
    data: &DataSet,
    program: &Program,
    at: NaiveDate,
    next: usize,
    runner: &impl Runner,
) -> Assessment {
    let tallies = gather(data, program, at, next, runner);
    let split = tallies.split.clone();
    let present = present(data);
    let wave = &program.waves[next];
    let hidden = visibility(&tallies);
    let empty = tallies.empty().clone();
    let mut suppressed = Vec::new();
    let mut segs: Vec<Seg> = Vec::new();
    // Index in `segs` of each tallied segment that is reported.
    let mut reported: Vec<Option<usize>> = vec![None; tallies.segments.len()];
    for (i, s) in tallies.segments.iter().enumerate() {
        let segment = if i == 0 {
            Segment::from([("wave".to_string(), wave.id.clone())])
        } else {
            name(data, &s.key)
        };
        for (g, group) in [Source::RolledOut, Source::NextWave]
            .into_iter()
            .enumerate()
        {
            // A group of nobody is no group: listing it ("next wave: 0") only adds noise.
            let people = s.groups[g].people;
            if let Some(reason) = hidden[i][g]
                && people > 0
                && (reason != SuppressionReason::WithinSuppressed || too_small(u64::from(people)))
            {
                suppressed.push(Suppressed {
                    segment: segment.clone(),
                    n: s.groups[g].people,
                    group,
                    reason,
                });
            }
        }
        // A segment is reported when the next wave has people in it who may be shown; the
        // wave always is.
        let shown = i == 0 || (hidden[i][1].is_none() && s.groups[1].people > 0);
        let parent = s.parent.and_then(|p| reported[p]);
        if !shown || (i > 0 && parent.is_none()) {
            continue;
        }
        let is_hidden = [hidden[i][0].is_some(), hidden[i][1].is_some()];
        let parent_groups = s.parent.map(|p| {
            let pg = &tallies.segments[p].groups;
            [&pg[0], &pg[1]]
        });
        let groups = Groups {
            rolled: if is_hidden[0] { &empty } else { &s.groups[0] },
            next: if is_hidden[1] { &empty } else { &s.groups[1] },
            parent: parent_groups,
            hidden: is_hidden,
        };
        let eval = evaluate_segment(
            program,
            present,
            &groups,
            &tallies.topic_modules,
            &tallies.topic_names,
        );
        reported[i] = Some(segs.len());
        segs.push(Seg {
            segment,
            key: s.key.clone(),
            parent,
            people: s.groups[1].people,
            rolled_hidden: is_hidden[0],
            tally: i,
            eval,
        });
    }
    let next_people = tallies.wave()[1].people;
    let planned = wave.planned_size.unwrap_or(next_people);
    let forecast = forecast(
        &tallies,
        &split,
        program.helpdesk_capacity_per_day,
        planned,
        &tallies.mix,
    );
    Assessment {
        segs,
        suppressed,
        tallies,
        split,
        attribute_names: data
            .roster
            .attributes
            .iter()
            .map(|x| x.name.clone())
            .collect(),
        forecast,
        planned,
        next_people,
        wave_index: next,
        present,
    }
}
