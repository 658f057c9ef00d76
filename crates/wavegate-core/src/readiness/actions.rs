//! Actions (docs/scoring.md step 6, "actions are added independently"): what to do about each weak
//! metric or barrier, and for which group.
//!
//! An action targets the segments where its metric warns or fails. It targets the whole wave
//! only when no segment explains the problem (the rest of the wave without them would still
//! show it); a segment where the metric fails outright is always named, on its own or in the
//! wave's action, and so is one that warns on what the wave is clear of when it stands out
//! from the rest of the wave (`standing_out`). A target narrows to the parts of it where the
//! problem is (iOS users in one region), when the rest of it is clear: the remedy goes to the
//! people who need it.

use super::assess::Assessment;
use super::engine::{MetricEval, SegmentEval};
use super::gates::{
    SPLIT_FDR, at_least_split_difference, clearly_worse, expand_likert, fails_on, worse_by,
};
use super::helpdesk::Forecast;
use super::metric::{Element, MetricId, State};
use super::program::Program;
use super::report::{ActionKind, ActionReason, Source, reminds_to_finish};
use super::tally::Tally;
use crate::measures;
use crate::stats::{benjamini_hochberg, fisher_exact, mann_whitney_u};

/// Helpdesk preparation is advised when the forecast reaches this share of capacity.
pub const HELPDESK_PREPARATION_SHARE: f64 = 0.80;

/// An action before rendering.
#[derive(Clone, Debug)]
pub(super) struct ActionEval {
    pub(super) kind: ActionKind,
    /// The target (index into `segs`; 0 is the whole wave).
    pub(super) seg: usize,
    pub(super) reason: ActionReason,
    pub(super) metric: Option<MetricId>,
    pub(super) items: Vec<String>,
    pub(super) msg: ActionMsg,
    /// For a whole-wave action: the segments in it where the metric fails outright.
    pub(super) failing_within: Vec<usize>,
}

#[derive(Clone, Debug)]
pub(super) enum ActionMsg {
    Barrier(Element, f64, f64, u32),
    Metric,
    Topic(String),
    Helpdesk(f64, f64),
    ResponseRate(f64, f64),
}

/// A problem an action addresses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Problem {
    /// Enrollment fails or warns.
    Enrollment,
    /// The weakest quiz topic.
    WeakTopic,
    /// Too few finished the training they were given.
    UnfinishedTraining,
    /// Too few pass their quizzes at the first attempt.
    QuizGap,
    /// The group's ADKAR barrier.
    Barrier(Element),
    /// People are not reached: they do not answer or do not start training.
    Reach,
}

/// In the order actions are listed; the first reason for an action kind, remedy and target wins
/// (a reminder to finish training, [`reminds_to_finish`], stands beside learning more, so one
/// never hides the other for the same group).
const PROBLEMS: [Problem; 10] = [
    Problem::Enrollment,
    Problem::WeakTopic,
    Problem::UnfinishedTraining,
    Problem::QuizGap,
    Problem::Barrier(Element::Awareness),
    Problem::Barrier(Element::Desire),
    Problem::Barrier(Element::Knowledge),
    Problem::Barrier(Element::Ability),
    Problem::Barrier(Element::Reinforcement),
    Problem::Reach,
];

/// The metric when it warns or fails on evidence that may be shown.
fn weak(m: Option<&MetricEval>) -> Option<&MetricEval> {
    m.filter(|m| m.weighted() && !m.suppressed && matches!(m.state, State::Warn | State::Fail))
}

impl Problem {
    fn kind(self) -> ActionKind {
        match self {
            Problem::Enrollment => ActionKind::AssistedEnrollment,
            Problem::WeakTopic | Problem::UnfinishedTraining | Problem::QuizGap => {
                ActionKind::TargetedTraining
            }
            Problem::Reach => ActionKind::TargetedCommunication,
            Problem::Barrier(e) => match e {
                Element::Awareness => ActionKind::TargetedCommunication,
                Element::Desire => ActionKind::ManagerConversations,
                Element::Knowledge => ActionKind::TargetedTraining,
                Element::Ability => ActionKind::AssistedEnrollment,
                Element::Reinforcement => ActionKind::PostEnrollmentFollowup,
            },
        }
    }

    fn reason(self) -> ActionReason {
        match self {
            Problem::Enrollment => ActionReason::EnrollmentFailures,
            Problem::WeakTopic => ActionReason::WeakTopic,
            Problem::UnfinishedTraining | Problem::QuizGap => ActionReason::KnowledgeGap,
            Problem::Barrier(_) => ActionReason::AdkarBarrier,
            Problem::Reach => ActionReason::LowReach,
        }
    }

    /// The metrics that may show the problem, the first listed first.
    fn metrics(self) -> &'static [MetricId] {
        match self {
            Problem::Enrollment => &[
                MetricId::EnrollmentFirstAttempt,
                MetricId::EnrollmentCompletion,
            ],
            Problem::WeakTopic => &[MetricId::WeakestTopic],
            Problem::UnfinishedTraining => &[MetricId::TrainingCompletion],
            Problem::QuizGap => &[MetricId::QuizFirstAttempt],
            Problem::Reach => &[MetricId::ResponseRate, MetricId::TrainingStarted],
            Problem::Barrier(el) => el.metric_slice(),
        }
    }

    /// The metric that shows the problem in a group, when it does.
    fn shown(self, e: &SegmentEval) -> Option<&MetricEval> {
        let mut weak_ones = self.metrics().iter().filter_map(|&id| weak(e.metric(id)));
        match self {
            // The first listed that is weak.
            Problem::Enrollment
            | Problem::WeakTopic
            | Problem::UnfinishedTraining
            | Problem::QuizGap => weak_ones.next(),
            // The one least likely to pass.
            Problem::Reach => weak_ones.min_by(|x, y| {
                let p = |m: &MetricEval| m.class.map_or(0.0, |c| c.p_pass);
                p(x).total_cmp(&p(y))
            }),
            Problem::Barrier(el) => e
                .adkar
                .as_ref()
                .filter(|ad| ad.barrier == Some(el))
                .and_then(|_| weak_ones.next()),
        }
    }
}

/// The tallies of a segment: [rolled-out, next wave].
fn groups_of(a: &Assessment, seg: usize) -> &[Tally; 2] {
    &a.tallies.segments[a.segs[seg].tally].groups
}

/// Whether a metric of `e` is clear of a problem: it passes, or warns with little chance of
/// being below its fail threshold.
fn clear(e: &SegmentEval, id: MetricId, gamma: f64) -> bool {
    e.metric(id).is_some_and(|m| {
        !m.suppressed
            && (m.state == State::Pass
                || (m.state == State::Warn && m.class.is_some_and(|c| c.p_fail <= 1.0 - gamma)))
    })
}

/// Whether a group is clear of a problem: its metric is ([`clear`]), and for a barrier the
/// group's barrier is another element or none.
fn clear_of(program: &Program, e: &SegmentEval, problem: Problem, metric: MetricId) -> bool {
    let barrier_gone = match problem {
        Problem::Barrier(el) => e.adkar.as_ref().is_none_or(|ad| ad.barrier != Some(el)),
        _ => true,
    };
    clear(e, metric, program.confidence) && barrier_gone
}

/// The segments one attribute narrower than `within` (the wave, or a segment) that explain a
/// problem it shows: along one attribute, those where it fails outright, else those where it
/// shows at all if they hold at most half of `within`'s people (a warning most of it shows is
/// its own: three regions of four asked one by one is the whole group asked three times), when
/// the rest of `within` without them is clear of it. The fewest people win. `tested`: only
/// parts clearly worse than the rest of `within` (the test that confines a failure), so that a
/// few answers do not narrow a remedy away from people who need it.
fn explain(
    program: &Program,
    a: &Assessment,
    problem: Problem,
    within: usize,
    tested: bool,
) -> Option<Vec<usize>> {
    let half = a.segs[within].people / 2;
    let metric = problem.shown(&a.segs[within].eval)?.id;
    let parts = a.children(within);
    let mut attributes: Vec<usize> = parts
        .iter()
        .filter_map(|&s| a.attribute_beyond(s, within))
        .collect();
    attributes.sort_unstable();
    attributes.dedup();
    let mut best: Option<(u32, Vec<usize>)> = None;
    for attribute in attributes {
        let along: Vec<usize> = parts
            .iter()
            .copied()
            .filter(|&s| a.attribute_beyond(s, within) == Some(attribute))
            .collect();
        let shown = |s: usize| problem.shown(&a.segs[s].eval);
        let failing: Vec<usize> = along
            .iter()
            .copied()
            .filter(|&s| shown(s).is_some_and(|m| fails_on(&a.segs[s].eval, m)))
            .collect();
        let showing: Vec<usize> = along
            .iter()
            .copied()
            .filter(|&s| shown(s).is_some())
            .collect();
        for (candidate, diffuse) in [(failing, false), (showing, true)] {
            let people: u32 = candidate.iter().map(|&s| a.segs[s].people).sum();
            if candidate.is_empty() || candidate.len() == along.len() || (diffuse && people > half)
            {
                continue;
            }
            let rest = a.evaluate_rest(program, &a.rest(within, &candidate));
            if !clear_of(program, &rest, problem, metric) {
                continue;
            }
            let parts_metrics: Vec<&MetricEval> = (candidate.iter())
                .filter_map(|&s| a.segs[s].eval.metric(metric))
                .collect();
            if tested
                && !rest
                    .metric(metric)
                    .is_some_and(|r| clearly_worse(metric, &parts_metrics, r))
            {
                continue;
            }
            if best.as_ref().is_none_or(|(p, _)| people < *p) {
                best = Some((people, candidate));
            }
            break;
        }
    }
    best.map(|(_, segs)| segs)
}

/// The parts of segment `seg` where its problem is, as narrow as the evidence allows: iOS users
/// in one region rather than every iOS user, when the other iOS users are clear of it and
/// clearly better.
fn narrowest(program: &Program, a: &Assessment, problem: Problem, seg: usize) -> Vec<usize> {
    match explain(program, a, problem, seg, true) {
        Some(parts) => parts
            .into_iter()
            .flat_map(|p| narrowest(program, a, problem, p))
            .collect(),
        None => vec![seg],
    }
}

/// Segments whose barrier stands out from the rest of the wave (Mann–Whitney U on the element's
/// answers, Benjamini–Hochberg over every segment barrier): with a dozen segments, some cross
/// the barrier line by chance alone.
fn distinct_barriers(a: &Assessment) -> Vec<usize> {
    let mut tests: Vec<(usize, f64, f64)> = Vec::new();
    for (si, seg) in a.segs.iter().enumerate().skip(1) {
        let Some(ad) = &seg.eval.adkar else { continue };
        let Some(b) = ad.barrier else { continue };
        let src = usize::from(ad.source == Source::NextWave);
        let mine = groups_of(a, si)[src].adkar[b as usize];
        let wave = a.tallies.wave()[src].adkar[b as usize];
        let rest: [u32; 5] = std::array::from_fn(|i| wave[i].saturating_sub(mine[i]));
        let p = mann_whitney_u(&expand_likert(&mine), &expand_likert(&rest)).map_or(1.0, |r| r.p);
        let diff = measures::agreeing_share(&rest) - measures::agreeing_share(&mine);
        tests.push((si, diff, p));
    }
    standing_apart(&tests)
}

/// Of segments tested against the rest of the wave, as (segment, how much worse, p-value),
/// those that stand apart: Benjamini–Hochberg over all of them, q < 0.10, and at least 10
/// points worse (the test that confines a failure).
fn standing_apart(tests: &[(usize, f64, f64)]) -> Vec<usize> {
    let q = benjamini_hochberg(&tests.iter().map(|t| t.2).collect::<Vec<_>>());
    tests
        .iter()
        .zip(&q)
        .filter(|((_, diff, _), q)| **q < SPLIT_FDR && at_least_split_difference(*diff))
        .map(|((si, _, _), _)| *si)
        .collect()
}

/// Whether a segment has the problem outright: it fails on its metric (the metric fails, or
/// pulls down a dimension that fails: [`fails_on`]), or (a barrier) it stands out.
fn outright(a: &Assessment, problem: Problem, si: usize, distinct: &[usize]) -> bool {
    let e = &a.segs[si].eval;
    match problem {
        Problem::Barrier(_) => distinct.contains(&si) && problem.shown(e).is_some(),
        _ => problem.shown(e).is_some_and(|m| fails_on(e, m)),
    }
}

/// Segments that warn on a problem the wave as a whole is clear of, and stand out from the
/// rest of the wave: at least 10 points worse, and significantly so (Benjamini–Hochberg over
/// every segment with the metric, q < 0.10; those that do not warn count with p = 1, a valid
/// if larger p-value). The wave's figure hides their problem; a warning that does not stand out
/// is the chance low of a small group, and sends no one help. A response rate that stands out
/// has its re-survey ([`resurveys`]): no second action for the same silence.
fn standing_out(program: &Program, a: &Assessment, problem: Problem) -> Vec<usize> {
    let mut tests: Vec<(usize, f64, f64)> = Vec::new();
    for si in 1..a.segs.len() {
        let e = &a.segs[si].eval;
        let warning = problem
            .shown(e)
            .filter(|m| m.state == State::Warn && m.id != MetricId::ResponseRate);
        let Some(m) = warning else {
            if problem
                .metrics()
                .iter()
                .any(|&id| e.metric(id).is_some_and(|m| m.weighted() && !m.suppressed))
            {
                tests.push((si, 0.0, 1.0));
            }
            continue;
        };
        let rest = a.evaluate_rest(program, &a.rest(0, &[si]));
        let (diff, p) = rest
            .metric(m.id)
            .and_then(|r| worse_by(m.id, &[m], r))
            .unwrap_or((0.0, 1.0));
        tests.push((si, diff, p));
    }
    standing_apart(&tests)
}

/// Keeps only segments not within another one of the list.
fn outermost(a: &Assessment, segs: &[usize]) -> Vec<usize> {
    segs.iter()
        .copied()
        .filter(|&s| !segs.iter().any(|&o| o != s && a.within(s, o)))
        .collect()
}

/// Re-survey where a segment answers far less than the wave: silence is not assent. Like with
/// like (both rates from the same group, rolled out or next wave); at least 10 points below the
/// wave and significantly so against the rest of it (Fisher exact, Benjamini–Hochberg over the
/// candidates), so a small segment's chance low does not send a survey; and not again inside a
/// segment already asked.
fn resurveys(a: &Assessment) -> Vec<ActionEval> {
    let wave = &a.segs[0].eval;
    let Some(wave_metric) = wave.metric(MetricId::ResponseRate) else {
        return Vec::new();
    };
    let (Some(wave_rate), Some((wave_ok, wave_n))) = (wave.response_rate, wave_metric.count) else {
        return Vec::new();
    };
    let mut candidates: Vec<(usize, f64, f64)> = Vec::new();
    for (si, seg) in a.segs.iter().enumerate().skip(1) {
        let e = &seg.eval;
        let Some(m) = e.metric(MetricId::ResponseRate) else {
            continue;
        };
        if m.source != wave_metric.source || m.suppressed {
            continue;
        }
        let (Some(rate), Some((ok, n))) = (e.response_rate, m.count) else {
            continue;
        };
        if !at_least_split_difference(wave_rate - rate) {
            continue;
        }
        let (rest_ok, rest_n) = (wave_ok - ok, wave_n - n);
        let p = fisher_exact(
            ok.round() as u64,
            (n - ok).round() as u64,
            rest_ok.max(0.0).round() as u64,
            (rest_n - rest_ok).max(0.0).round() as u64,
        );
        candidates.push((si, p, rate));
    }
    let q = benjamini_hochberg(&candidates.iter().map(|c| c.1).collect::<Vec<_>>());
    let asked: Vec<usize> = candidates
        .iter()
        .zip(&q)
        .filter(|(_, q)| **q < SPLIT_FDR)
        .map(|(c, _)| c.0)
        .collect();
    let asked = outermost(a, &asked);
    candidates
        .into_iter()
        .filter(|c| asked.contains(&c.0))
        .map(|(si, _, rate)| ActionEval {
            kind: ActionKind::Resurvey,
            seg: si,
            reason: ActionReason::LowResponse,
            metric: Some(MetricId::ResponseRate),
            items: Vec::new(),
            msg: ActionMsg::ResponseRate(rate, wave_rate),
            failing_within: Vec::new(),
        })
        .collect()
}

pub(super) fn top_names(counts: &[u32], names: &[String], k: usize) -> Vec<String> {
    let mut order: Vec<usize> = (0..counts.len()).filter(|&i| counts[i] > 0).collect();
    order.sort_by(|&a, &b| counts[b].cmp(&counts[a]).then(a.cmp(&b)));
    order
        .into_iter()
        .take(k)
        .filter_map(|i| names.get(i).filter(|n| !n.is_empty()).cloned())
        .collect()
}

fn action(
    a: &Assessment,
    problem: Problem,
    seg: usize,
    failing_within: Vec<usize>,
) -> Option<ActionEval> {
    let e = &a.segs[seg].eval;
    let m = problem.shown(e)?;
    let (items, msg) = match problem {
        Problem::Enrollment => (
            top_names(&groups_of(a, seg)[0].reasons, &a.tallies.reason_names, 3),
            ActionMsg::Metric,
        ),
        Problem::WeakTopic => (
            m.detail.modules.clone(),
            ActionMsg::Topic(m.detail.topic.clone().unwrap_or_default()),
        ),
        // Too few through their training: the modules most of the group has left unfinished.
        Problem::UnfinishedTraining => {
            let g = usize::from(m.source == Source::NextWave);
            (
                top_names(&groups_of(a, seg)[g].unfinished, &a.tallies.module_names, 3),
                ActionMsg::Metric,
            )
        }
        Problem::QuizGap | Problem::Reach => (Vec::new(), ActionMsg::Metric),
        Problem::Barrier(el) => {
            let x = e
                .adkar
                .as_ref()?
                .elements
                .iter()
                .find(|x| x.element == el)?;
            (Vec::new(), ActionMsg::Barrier(el, x.share, x.p_below, x.n))
        }
    };
    Some(ActionEval {
        kind: problem.kind(),
        seg,
        reason: problem.reason(),
        metric: Some(m.id),
        items,
        msg,
        failing_within,
    })
}

/// Every action, targeted.
/// The actions for the assessed wave; `forecast` is the helpdesk forecast of the people who go
/// ahead (the wave, or what is left of it after a split): the helpdesk prepares for them.
pub(super) fn actions(
    program: &Program,
    a: &Assessment,
    forecast: Option<&Forecast>,
) -> Vec<ActionEval> {
    let mut out: Vec<ActionEval> = Vec::new();
    let distinct = distinct_barriers(a);
    for problem in PROBLEMS {
        let mut outright_segs: Vec<usize> = (1..a.segs.len())
            .filter(|&s| outright(a, problem, s, &distinct))
            .collect();
        let wave_shows = problem.shown(&a.segs[0].eval).is_some();
        // A barrier stands out by its own test (`distinct_barriers`).
        if !wave_shows && !matches!(problem, Problem::Barrier(_)) {
            outright_segs.extend(standing_out(program, a, problem));
        }
        let mut targets: Vec<(usize, Vec<usize>)> = Vec::new();
        if wave_shows {
            match explain(program, a, problem, 0, false) {
                Some(segs) => targets.extend(
                    segs.into_iter()
                        .flat_map(|s| narrowest(program, a, problem, s))
                        .map(|s| (s, Vec::new())),
                ),
                None => targets.push((0, outermost(a, &outright_segs))),
            }
        }
        let named = |s: usize, targets: &[(usize, Vec<usize>)]| {
            targets.iter().any(|(t, within)| {
                (*t != 0 && a.within(s, *t)) || within.iter().any(|&w| a.within(s, w))
            })
        };
        // A group whose problem is that of the targeted groups it shares people with (a
        // department failing its enrollments through its iOS users): the rest of it is clear,
        // and a second action would send the same help to people who do not need it.
        let explained = |s: usize, targets: &[(usize, Vec<usize>)]| {
            let overlapping: Vec<usize> = (targets.iter())
                .map(|&(t, _)| t)
                .filter(|&t| t != 0 && a.may_overlap(s, t))
                .collect();
            let Some(metric) = problem.shown(&a.segs[s].eval).map(|m| m.id) else {
                return false;
            };
            !overlapping.is_empty()
                && clear_of(
                    program,
                    &a.evaluate_rest(program, &a.rest(s, &overlapping)),
                    problem,
                    metric,
                )
        };
        for s in outermost(a, &outright_segs) {
            if !named(s, &targets) && !explained(s, &targets) {
                // The parts of it where the problem is, when the rest of it is clear.
                for part in narrowest(program, a, problem, s) {
                    if !targets.iter().any(|(t, _)| *t == part) {
                        targets.push((part, Vec::new()));
                    }
                }
            }
        }
        out.extend(
            targets
                .into_iter()
                .filter_map(|(seg, within)| action(a, problem, seg, within)),
        );
    }
    out.extend(resurveys(a));
    if let (Some(f), Some(cap)) = (forecast, program.helpdesk_capacity_per_day)
        && f.q90_day > HELPDESK_PREPARATION_SHARE * cap
    {
        out.push(ActionEval {
            kind: ActionKind::HelpdeskPreparation,
            seg: 0,
            reason: ActionReason::HelpdeskLoad,
            metric: Some(MetricId::TicketRate),
            items: top_names(
                &a.tallies.wave()[0].categories,
                &a.tallies.category_names,
                3,
            ),
            msg: ActionMsg::Helpdesk(f.q90_day, cap),
            failing_within: Vec::new(),
        });
    }
    // One action of a kind and remedy per target: the first reason listed is the more specific.
    let mut seen: Vec<(ActionKind, bool, usize)> = Vec::new();
    out.retain(|x| {
        let key = (x.kind, reminds_to_finish(x.kind, x.metric), x.seg);
        if seen.contains(&key) {
            return false;
        }
        seen.push(key);
        true
    });
    out
}
