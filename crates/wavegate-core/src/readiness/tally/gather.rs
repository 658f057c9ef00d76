//! Gathering the tallies of a wave: every person's contribution into the finest cells (in two
//! jobs), then the cells rolled up into the wave and each nested segment.

use super::contribution::{Cells, contributions};
use super::{FastHash, Key, Mix, SegmentTally, Tallies, Tally};
use crate::jobs::{Job, Runner};
use crate::readiness::asked::Asked;
use crate::readiness::data::{DataSet, NO_VALUE};
use crate::readiness::program::{MAX_SEGMENT_DEPTH, Program};
use crate::readiness::vocabulary::Vocabulary;
use chrono::NaiveDate;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

/// The roster attributes the program splits along (indices into `Roster::attributes`), in
/// program order; attributes the roster lacks are left out.
fn split_attributes(data: &DataSet, program: &Program) -> Vec<usize> {
    program
        .split_attributes
        .iter()
        .filter_map(|name| data.roster.attributes.iter().position(|a| &a.name == name))
        .collect()
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
