//! docs/scoring.md step 5 and the SPLIT test: the gates that fired, the dimensions that fail in a
//! segment, and for each segment finding a test against its siblings (Fisher exact,
//! Mann–Whitney U, an exact rate comparison or Welch's t), with Benjamini–Hochberg over every
//! segment's comparison on the same metric.

use super::assess::Assessment;
use super::engine::{MetricEval, SegmentEval};
use super::metric::{Dimension, Element, Kind, MetricId, State, score};
use super::program::Program;
use super::report::{GateKind, Source, TestMethod};
use crate::measures;
use crate::stats::{benjamini_hochberg, fisher_exact, mann_whitney_u, rate_comparison, welch_t};

/// A split is significant when its Benjamini–Hochberg q-value is below this.
pub const SPLIT_FDR: f64 = 0.10;
/// ...and the siblings are at least this much better (share points, or score points / 100).
pub const SPLIT_MIN_DIFFERENCE: f64 = 0.10;

/// Whether a difference between two shares is "at least 10 percentage points": in floating
/// point 0.9 − 0.8 is 0.0999…98, so 80/100 against 360/400 would otherwise fall short of
/// exactly ten points.
pub fn at_least_split_difference(difference: f64) -> bool {
    difference >= SPLIT_MIN_DIFFERENCE - 1e-9
}

/// The test behind one confinement claim.
#[derive(Clone, Debug)]
pub(super) struct TestEval {
    pub(super) method: TestMethod,
    /// The sibling segments compared against (indices into `segs`).
    pub(super) against: Vec<usize>,
    pub(super) difference: f64,
    pub(super) p: f64,
    pub(super) q: f64,
}

/// What a finding is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Cause {
    /// A gate of docs/scoring.md step 5.
    Gate(GateKind),
    /// A dimension that fails in a segment.
    Dimension(Dimension),
}

/// A gate that fired, or a dimension that fails, in one segment (before rendering).
#[derive(Clone, Debug)]
pub(super) struct Finding {
    pub(super) cause: Cause,
    /// The segment (index into `segs`; 0 is the wave).
    pub(super) seg: usize,
    /// The metric behind it.
    pub(super) metric: Option<MetricId>,
    /// The probability that fired it.
    pub(super) probability: Option<f64>,
    /// Open priority tickets (productivity gate).
    pub(super) open: u32,
    /// For a segment: its test against its siblings.
    pub(super) test: Option<TestEval>,
    /// Whether the failure is confined (the rest may go ahead).
    pub(super) confined: bool,
}

impl Finding {
    pub(super) fn new(
        cause: Cause,
        seg: usize,
        metric: Option<MetricId>,
        probability: Option<f64>,
    ) -> Self {
        Finding {
            cause,
            seg,
            metric,
            probability,
            open: 0,
            test: None,
            confined: false,
        }
    }

    /// The gate, when the finding is one.
    pub(super) fn gate(&self) -> Option<GateKind> {
        match self.cause {
            Cause::Gate(g) => Some(g),
            Cause::Dimension(_) => None,
        }
    }

    /// Whether it holds back at least its scope (a hold or delay, not extend-pilot).
    pub(super) fn holds(&self) -> bool {
        self.gate() != Some(GateKind::Evidence)
    }
}

/// The metric of a dimension that clearly fails (the critical one first, else the lowest
/// score), when one does.
pub(super) fn driver(metrics: &[MetricEval], d: Dimension) -> Option<&MetricEval> {
    metrics
        .iter()
        .filter(|m| m.id.dimension() == d && m.weighted() && m.state == State::Fail)
        .min_by(|a, b| {
            let s = |m: &MetricEval| m.class.map_or(100.0, |c| c.score_conservative);
            b.id.critical()
                .cmp(&a.id.critical())
                .then(s(a).total_cmp(&s(b)))
                .then(a.id.cmp(&b.id))
        })
}

/// The metric that pulls a failing dimension down, and the one it is tested on: its
/// [`driver`] when a metric clearly fails, else the scored metric with the lowest conservative
/// score. A dimension fails on its score band alone only when even the favourable end of its
/// metrics' intervals stays low (a training completion of 0.60 over 200 people, at its fail
/// threshold, merely warns), which is evidence, not the width of a small group's intervals.
pub(super) fn weakest(metrics: &[MetricEval], d: Dimension) -> Option<&MetricEval> {
    driver(metrics, d).or_else(|| {
        metrics
            .iter()
            .filter(|m| m.id.dimension() == d && m.weighted() && m.state != State::Insufficient)
            .filter_map(|m| Some((m, m.class?.score_conservative)))
            .min_by(|(a, x), (b, y)| x.total_cmp(y).then(a.id.cmp(&b.id)))
            .map(|(m, _)| m)
    })
}

/// Whether a group fails on metric `m` of its evaluation `e`: the metric fails, or it is the
/// [`weakest`] of a dimension that fails on its score band.
pub(super) fn fails_on(e: &SegmentEval, m: &MetricEval) -> bool {
    if m.suppressed {
        return false;
    }
    let d = m.id.dimension();
    m.state == State::Fail
        || (e.dim(d).is_some_and(|x| x.state == State::Fail)
            && weakest(&e.metrics, d).is_some_and(|w| w.id == m.id))
}

/// Everything that fired in the segments of an assessment (wave gates included), untested.
pub(super) fn findings(program: &Program, a: &Assessment, started: bool) -> Vec<Finding> {
    let gamma = program.confidence;
    let mut out = Vec::new();
    for (si, seg) in a.segs.iter().enumerate() {
        let e = &seg.eval;
        for (kind, ids) in [
            (
                GateKind::Enrollment,
                &[
                    MetricId::EnrollmentCompletion,
                    MetricId::EnrollmentFirstAttempt,
                ][..],
            ),
            (GateKind::DataProtection, &[MetricId::DeviceCompliance][..]),
        ] {
            for &id in ids {
                if let Some(m) = e.metric(id).filter(|m| m.state == State::Fail) {
                    let p = m.class.map(|c| c.p_fail);
                    out.push(Finding::new(Cause::Gate(kind), si, Some(id), p));
                }
            }
        }
        if let Some(p) = desire_gate(e, gamma) {
            let id = Some(MetricId::AdkarDesire);
            out.push(Finding::new(Cause::Gate(GateKind::Desire), si, id, Some(p)));
        }
        // A failing dimension in a segment is its own finding: it may be confined there even
        // when no gate fired (one department without training), or no metric of it fails.
        if si > 0 {
            for (d, dim) in &e.dims {
                if dim.state == State::Fail
                    && let Some(m) = weakest(&e.metrics, *d)
                    && !out
                        .iter()
                        .any(|f: &Finding| f.seg == si && f.metric == Some(m.id))
                {
                    let p = m.class.map(|c| c.p_fail);
                    out.push(Finding::new(Cause::Dimension(*d), si, Some(m.id), p));
                }
            }
        }
    }
    let open = a.tallies.wave()[0].open_priority;
    if open > 0 {
        let mut f = Finding::new(Cause::Gate(GateKind::Productivity), 0, None, None);
        f.open = open;
        out.push(f);
    }
    let wave = &a.segs[0].eval;
    let rate_decided = wave
        .metric(MetricId::TicketRate)
        .is_some_and(|m| m.state != State::Insufficient);
    if let (Some(f), Some(cap)) = (&a.forecast, program.helpdesk_capacity_per_day)
        && rate_decided
        && f.q90_day > cap
    {
        let p = f.rate.sf(cap * 14.0 / f64::from(f.size.max(1)));
        let id = Some(MetricId::TicketRate);
        out.push(Finding::new(
            Cause::Gate(GateKind::HelpdeskCapacity),
            0,
            id,
            Some(p),
        ));
    }
    // Before anything has rolled out there is nothing to extend: the pilot is how evidence
    // is gathered.
    let decided_critical = wave
        .metrics
        .iter()
        .any(|m| m.id.critical() && m.weighted() && m.state != State::Insufficient);
    if started && !decided_critical {
        out.push(Finding::new(Cause::Gate(GateKind::Evidence), 0, None, None));
    }
    out
}

/// The Desire gate: the group barrier is Desire and P(r_D < T_fail) ≥ γ; gives that probability.
pub(super) fn desire_gate(e: &SegmentEval, gamma: f64) -> Option<f64> {
    let ad = e.adkar.as_ref()?;
    if ad.barrier != Some(Element::Desire) {
        return None;
    }
    let c = e.metric(MetricId::AdkarDesire)?.class?;
    (c.p_fail >= gamma).then_some(c.p_fail)
}

pub(super) fn expand_likert(c: &[u32; 5]) -> Vec<f64> {
    c.iter()
        .enumerate()
        .flat_map(|(i, &k)| std::iter::repeat_n((i + 1) as f64, k as usize))
        .collect()
}

fn add_likert(a: &mut [u32; 5], b: &[u32; 5]) {
    for (x, y) in a.iter_mut().zip(b) {
        *x += y;
    }
}

/// Evidence of one metric pooled over groups, in the form its test needs.
#[derive(Clone, Copy, Debug, Default)]
struct Pooled {
    /// Successes and trials (shares).
    count: (f64, f64),
    /// Answers 1–5 (Likert items).
    likert: [u32; 5],
    /// Events and exposure (rates).
    events: (u64, f64),
    /// n, Σx, Σx² (means), rebuilt from each group's count, mean and variance.
    moments: (f64, f64, f64),
}

impl Pooled {
    fn of<'m>(metrics: impl IntoIterator<Item = &'m MetricEval>) -> Pooled {
        let mut p = Pooled::default();
        for m in metrics {
            if let Some((k, n)) = m.count {
                p.count.0 += k;
                p.count.1 += n;
            }
            if let Some(l) = m.likert {
                add_likert(&mut p.likert, &l);
            }
            if let Some((e, u)) = m.events {
                p.events.0 += e;
                p.events.1 += u;
            }
            if let Some((n, mean, var)) = m.moments {
                p.moments.0 += n;
                p.moments.1 += n * mean;
                p.moments.2 += (n - 1.0) * var + n * mean * mean;
            }
        }
        p
    }

    fn mean_and_variance(&self) -> (f64, f64, f64) {
        let (n, sum, sq) = self.moments;
        let mean = sum / n.max(1.0);
        let var = ((sq - n * mean * mean) / (n - 1.0).max(1.0)).max(0.0);
        (n, mean, var)
    }
}

/// Tests whether `theirs` is better than `mine` on metric `id` (with `spec` for score points):
/// the method, how much better (share points, or score points / 100), and the p-value.
/// `Screen::WorseOnly` asks only whether `mine` is worse: where it is not, p is 1 and no test
/// runs (a larger p-value stays a valid one, and the family's other members need no more).
fn compare(
    id: MetricId,
    spec: &super::metric::MetricSpec,
    likert: bool,
    mine: &Pooled,
    theirs: &Pooled,
    screen: Screen,
) -> Option<(TestMethod, f64, f64)> {
    let untested = |diff: f64| screen == Screen::WorseOnly && diff <= 0.0;
    if likert {
        let diff =
            measures::agreeing_share(&theirs.likert) - measures::agreeing_share(&mine.likert);
        if untested(diff) {
            return Some((TestMethod::MannWhitneyU, diff, 1.0));
        }
        let r = mann_whitney_u(&expand_likert(&mine.likert), &expand_likert(&theirs.likert))?;
        return Some((TestMethod::MannWhitneyU, diff, r.p));
    }
    match id.kind() {
        Kind::Proportion => {
            let ((ok, n), (pok, pn)) = (mine.count, theirs.count);
            if n <= 0.0 || pn <= 0.0 {
                return None;
            }
            let diff = pok / pn - ok / n;
            if untested(diff) {
                return Some((TestMethod::FisherExact, diff, 1.0));
            }
            let p = fisher_exact(
                ok.round() as u64,
                (n - ok).round() as u64,
                pok.round() as u64,
                (pn - pok).round() as u64,
            );
            Some((TestMethod::FisherExact, diff, p))
        }
        Kind::Rate => {
            let ((e1, u1), (e2, u2)) = (mine.events, theirs.events);
            if u1 <= 0.0 || u2 <= 0.0 {
                return None;
            }
            // Lower is better: the others' advantage in score points.
            let per_100 = |e: u64, u: f64| 100.0 * e as f64 / u;
            let diff = (score(spec, per_100(e2, u2)) - score(spec, per_100(e1, u1))) / 100.0;
            if untested(diff) {
                return Some((TestMethod::RateComparison, diff, 1.0));
            }
            Some((
                TestMethod::RateComparison,
                diff,
                rate_comparison(e1, u1, e2, u2),
            ))
        }
        Kind::Mean => {
            let (n1, m1, v1) = mine.mean_and_variance();
            let (n2, m2, v2) = theirs.mean_and_variance();
            if n1 < 2.0 || n2 < 2.0 {
                return None;
            }
            let diff = (score(spec, m2) - score(spec, m1)) / 100.0;
            if untested(diff) {
                return Some((TestMethod::WelchT, diff, 1.0));
            }
            Some((TestMethod::WelchT, diff, welch_t(n1, m1, v1, n2, m2, v2)))
        }
        Kind::Nps => None,
    }
}

/// How much of a comparison is needed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Screen {
    /// The p-value in every case (a finding, whose test the report shows).
    Exact,
    /// Only where the segment does worse (a comparison that only widens the family).
    WorseOnly,
}

/// Whether a group of segments is significantly and substantially worse than another group on
/// a metric (for narrowing a hold to the segments within that explain it).
pub(super) fn clearly_worse(id: MetricId, worse: &[&MetricEval], better: &MetricEval) -> bool {
    worse_by(id, worse, better)
        .is_some_and(|(diff, p)| p < SPLIT_FDR && at_least_split_difference(diff))
}

/// How much better `better` is than the segments `worse` pooled, on metric `id` (share points,
/// or score points / 100), and the p-value of the difference; `None` when they do not compare.
pub(super) fn worse_by(
    id: MetricId,
    worse: &[&MetricEval],
    better: &MetricEval,
) -> Option<(f64, f64)> {
    let first = worse.first()?;
    // Another topic may be the weakest in each, and evidence from earlier waves does not
    // compare with the next wave's own: not comparable.
    if id == MetricId::WeakestTopic || worse.iter().any(|m| m.source != better.source) {
        return None;
    }
    compare(
        id,
        &first.spec,
        first.likert.is_some(),
        &Pooled::of(worse.iter().copied()),
        &Pooled::of([better]),
        Screen::Exact,
    )
    .map(|(_, diff, p)| (diff, p))
}

/// The segment's metric against the pooled siblings that pass or warn on it.
fn test_against_siblings(
    a: &Assessment,
    seg: usize,
    id: MetricId,
    screen: Screen,
) -> Option<TestEval> {
    let own = a.segs[seg].eval.metric(id)?;
    let siblings = a.siblings(seg);
    // Like with like: the same group's evidence (earlier waves or the next wave).
    let in_state = |states: &[State]| -> Vec<usize> {
        (siblings.iter().copied())
            .filter(|&s| {
                a.segs[s].eval.metric(id).is_some_and(|m| {
                    !m.suppressed && m.source == own.source && states.contains(&m.state)
                })
            })
            .collect()
    };
    let against = in_state(&[State::Pass, State::Warn]);
    if against.is_empty() && !own.suppressed {
        // Siblings each too small to judge (or too small to show) may together be enough:
        // three regions of 6, 9 and 18 iOS devices, all enrolled at once, against one of 21
        // where half failed. The rest of the parent segment is then the evidence to compare.
        return test_against_rest(a, seg, own, siblings, screen);
    }
    if against.is_empty() || own.suppressed {
        return None;
    }
    let theirs = Pooled::of(against.iter().filter_map(|&s| a.segs[s].eval.metric(id)));
    let (method, difference, p) = if id == MetricId::WeakestTopic {
        // Each segment's weakest topic may be another one: compare the same topic.
        let (mine, pooled) = topic_counts(a, seg, own, &against)?;
        let mine = Pooled {
            count: mine,
            ..Pooled::default()
        };
        let pooled = Pooled {
            count: pooled,
            ..Pooled::default()
        };
        compare(id, &own.spec, false, &mine, &pooled, screen)?
    } else {
        compare(
            id,
            &own.spec,
            own.likert.is_some(),
            &Pooled::of([own]),
            &theirs,
            screen,
        )?
    };
    Some(TestEval {
        method,
        against,
        difference,
        p,
        q: 1.0,
    })
}

/// A share of the segment against the same share of the rest of its parent segment (the
/// parent's tally without the segment's), when that rest has the evidence a segment needs.
fn test_against_rest(
    a: &Assessment,
    seg: usize,
    own: &MetricEval,
    siblings: Vec<usize>,
    screen: Screen,
) -> Option<TestEval> {
    if own.likert.is_some() || own.events.is_some() || own.moments.is_some() {
        return None;
    }
    let parent = a.segs[seg].parent?;
    let g = usize::from(own.source == Source::NextWave);
    let tally = |s: usize| &a.tallies.segments[a.segs[s].tally].groups[g];
    let rest = tally(parent).minus(tally(seg));
    let count = super::engine::metric_count(own.id, &rest)?;
    if (count.n as f64) < own.spec.min_n {
        return None;
    }
    let theirs = Pooled {
        count: (count.ok as f64, count.n as f64),
        ..Pooled::default()
    };
    let (method, difference, p) = compare(
        own.id,
        &own.spec,
        false,
        &Pooled::of([own]),
        &theirs,
        screen,
    )?;
    Some(TestEval {
        method,
        against: siblings,
        difference,
        p,
        q: 1.0,
    })
}

/// The segment's results on its weakest topic, and the siblings' on that same topic, from the
/// same group (rolled out or next wave): (sum of shares correct, attempts) each.
fn topic_counts(
    a: &Assessment,
    seg: usize,
    own: &MetricEval,
    against: &[usize],
) -> Option<((f64, f64), (f64, f64))> {
    let topic = own.detail.topic.as_deref()?;
    let k = a.tallies.topic_names.iter().position(|t| t == topic)?;
    let g = usize::from(own.source == Source::NextWave);
    let of = |s: usize| {
        let (micro, n) = a.tallies.segments[a.segs[s].tally].groups[g].topics[k];
        (micro as f64 / 1e6, n as f64)
    };
    let mine = of(seg);
    let mut pooled = (0.0, 0.0);
    for &s in against {
        let (x, n) = of(s);
        pooled.0 += x;
        pooled.1 += n;
    }
    Some((mine, pooled))
}

/// Tests every segment finding against its siblings, applies Benjamini–Hochberg within its
/// family, and marks those that differ significantly and by at least 10 points as confined.
///
/// A family is every comparison the engine looked at on one metric (which platform, region,
/// department or pair of them differs on first-attempt enrollment), failing cells or not.
/// Picking the few cells that fail out of hundreds and correcting only over those let chance
/// confine a "failure" (5 of 8 devices compliant, p = 0.014) and split one healthy
/// organisation in three; one family over every metric would bury a real failure (19 iOS
/// users, a third failing, p = 0.005) under the comparisons of unrelated metrics.
pub(super) fn test_findings(a: &Assessment, findings: &mut [Finding]) {
    let mut tested = Vec::new();
    let mut family: Vec<(Family, f64)> = Vec::new();
    for (i, f) in findings.iter_mut().enumerate() {
        let (seg, Some(id)) = (f.seg, f.metric) else {
            continue;
        };
        if seg == 0 || !f.holds() {
            continue;
        }
        if let Some(t) = test_against_siblings(a, seg, id, Screen::Exact) {
            family.push((id, t.p));
            tested.push(i);
            f.test = Some(t);
        }
    }
    family.extend(looked_at(a, findings));
    let q = q_values_by_family(&family);
    for (k, &i) in tested.iter().enumerate() {
        if let Some(t) = &mut findings[i].test {
            t.q = q[k];
            findings[i].confined = t.q < SPLIT_FDR && at_least_split_difference(t.difference);
        }
    }
}

/// The family of a comparison: its metric.
type Family = MetricId;

/// Benjamini–Hochberg q-values, each p-value corrected within its own family (in input order).
fn q_values_by_family(tests: &[(Family, f64)]) -> Vec<f64> {
    let mut q = vec![1.0; tests.len()];
    let mut families: Vec<Family> = tests.iter().map(|(f, _)| *f).collect();
    families.sort_unstable();
    families.dedup();
    for family in families {
        let members: Vec<usize> = (0..tests.len()).filter(|&i| tests[i].0 == family).collect();
        let p: Vec<f64> = members.iter().map(|&i| tests[i].1).collect();
        for (&i, qi) in members.iter().zip(benjamini_hochberg(&p)) {
            q[i] = qi;
        }
    }
    q
}

/// The comparisons looked at beside the findings: every judged metric of every segment that is
/// no finding, against its siblings. They only widen the families.
fn looked_at(a: &Assessment, findings: &[Finding]) -> Vec<(Family, f64)> {
    let mut out = Vec::new();
    for (si, seg) in a.segs.iter().enumerate().skip(1) {
        for m in &seg.eval.metrics {
            let judged = m.weighted() && !m.suppressed && m.state != State::Insufficient;
            let finding = findings
                .iter()
                .any(|f| f.seg == si && f.metric == Some(m.id));
            if judged && !finding {
                let t = test_against_siblings(a, si, m.id, Screen::WorseOnly);
                out.extend(t.map(|t| (m.id, t.p)));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ten_points_in_floating_point_are_ten_points() {
        // 80/100 against 360/400: 0.9 - 0.8 is 0.0999…98 in binary.
        assert!(at_least_split_difference(360.0 / 400.0 - 80.0 / 100.0));
        assert!(at_least_split_difference(0.95 - 0.85));
        assert!(!at_least_split_difference(0.099));
    }
}
