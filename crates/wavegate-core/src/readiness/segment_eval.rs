//! What the engine evaluates for one segment, below both the engine and the ADKAR step: a
//! metric's evaluation, the two groups its evidence comes from (people already rolled out, the
//! next wave), and the small-group rule.

use super::metric::{Classified, MetricId, MetricSpec, Posterior, State};
use super::report::{MetricDetail, Source};
use super::tally::Tally;
use crate::measures;

/// Whether a group of `n` is too small to report on its own (privacy; `measures::MIN_GROUP`).
pub(crate) fn too_small(n: u64) -> bool {
    !measures::shown(usize::try_from(n).unwrap_or(usize::MAX))
}

/// One metric of one segment.
#[derive(Clone, Debug)]
pub(crate) struct MetricEval {
    pub id: MetricId,
    pub spec: MetricSpec,
    pub source: Source,
    pub n: u64,
    /// Raw successes and trials (proportions), for tests and counterfactuals.
    pub count: Option<(f64, f64)>,
    /// Answers 1..5 (Likert metrics), for the Mann–Whitney test.
    pub likert: Option<[u32; 5]>,
    /// Events and exposure in person-fortnights (ticket rate), for the rate test.
    pub events: Option<(u64, f64)>,
    /// Count, mean and variance (SUS), for Welch's test.
    pub moments: Option<(f64, f64, f64)>,
    pub posterior: Option<Posterior>,
    pub class: Option<Classified>,
    pub state: State,
    pub suppressed: bool,
    pub estimate: Option<f64>,
    pub interval: Option<[f64; 2]>,
    pub wilson: Option<[f64; 2]>,
    pub detail: MetricDetail,
}

impl MetricEval {
    pub(super) fn empty(id: MetricId, spec: MetricSpec, source: Source) -> MetricEval {
        MetricEval {
            id,
            spec,
            source,
            n: 0,
            count: None,
            likert: None,
            events: None,
            moments: None,
            posterior: None,
            class: None,
            state: if spec.weight == 0.0 {
                State::Info
            } else {
                State::Insufficient
            },
            suppressed: false,
            estimate: None,
            interval: None,
            wilson: None,
            detail: MetricDetail::default(),
        }
    }

    /// Hides the values (privacy): what remains says only that evidence exists.
    pub(super) fn hide(&mut self) {
        let n = self.n;
        *self = MetricEval::empty(self.id, self.spec, self.source);
        self.n = n;
        self.suppressed = true;
    }

    /// Whether the metric takes part in decisions.
    pub fn weighted(&self) -> bool {
        self.spec.weight > 0.0 && self.state != State::Info
    }

    /// Whether its 80% interval straddles the pass threshold.
    pub fn straddles_pass(&self) -> bool {
        self.interval
            .is_some_and(|[lo, hi]| lo < self.spec.pass && self.spec.pass < hi)
    }
}

/// The segment's two groups and, for a child segment, the wave's (for shrinkage).
pub(crate) struct Groups<'a> {
    pub rolled: &'a Tally,
    pub next: &'a Tally,
    pub parent: Option<[&'a Tally; 2]>,
    /// [rolled-out, next wave]: a group under 5 people whose evidence may not be shown. Its
    /// tally is empty; metrics that would draw on it are suppressed.
    pub hidden: [bool; 2],
}

pub(super) fn pick<'a>(
    g: &Groups<'a>,
    min_n: f64,
    evidence: impl Fn(&Tally) -> u64,
) -> (Source, usize) {
    let (r, x) = (evidence(g.rolled), evidence(g.next));
    if x as f64 >= min_n || x > r {
        (Source::NextWave, 1)
    } else {
        (Source::RolledOut, 0)
    }
}

pub(super) fn group<'a>(g: &Groups<'a>, i: usize) -> &'a Tally {
    if i == 0 { g.rolled } else { g.next }
}

pub(super) fn parent<'a>(g: &Groups<'a>, i: usize) -> Option<&'a Tally> {
    g.parent.map(|p| p[i])
}
