//! docs/scoring.md step 6: the ordered decision rules, first match wins.

use super::metric::{Dimension, MetricId};
use super::report::{Confidence, DecisionKind, GateKind, Rule};

/// What the decision rules look at (docs/scoring.md step 6). Public so the rules can be tested on
/// their own, e.g. that adding a gate never makes the decision less strict.
#[derive(Clone, Debug, PartialEq)]
pub struct DecisionInputs {
    /// Every gate that fired for the wave, or in a segment it cannot be confined to, with
    /// whether its failure is confined to the segments held (the rest does not fail it).
    pub gates: Vec<(GateKind, bool)>,
    /// Some segments are held back: their failure is confined to them.
    pub segments_held: bool,
    /// Dimensions that fail for the people who would go (the wave, or the rest of it once the
    /// held segments are left out).
    pub failing_dimensions: Vec<Dimension>,
    /// Confidence about those people.
    pub confidence: Confidence,
    /// Their conservative readiness; `None` when it is not a number.
    pub readiness: Option<f64>,
    /// Critical metrics insufficient, or warning with their interval straddling the target.
    pub undecided: Vec<MetricId>,
    /// Some metric warns or fails, or a barrier exists (rule 5; an action on its own is none).
    pub needs_actions: bool,
    /// Everything passes with high confidence and no gate or barrier.
    pub all_pass: bool,
    /// ...and it did at the earlier evaluations back to one at least seven days before.
    pub all_pass_before: bool,
}

/// The first matching rule of docs/scoring.md step 6.
pub fn decide(i: &DecisionInputs) -> (DecisionKind, Rule) {
    let unconfined = |effect: DecisionKind| {
        i.gates
            .iter()
            .any(|(g, confined)| g.effect() == effect && !confined)
    };
    if unconfined(DecisionKind::Delay) {
        return (DecisionKind::Delay, Rule::DesireGate);
    }
    if i.failing_dimensions.len() >= 2 && i.confidence != Confidence::Low {
        return (DecisionKind::Delay, Rule::FailingDimensions);
    }
    if unconfined(DecisionKind::Hold) {
        return (DecisionKind::Hold, Rule::HoldGate);
    }
    if !i.failing_dimensions.is_empty() {
        return (DecisionKind::Hold, Rule::FailingDimension);
    }
    if i.segments_held {
        return (DecisionKind::Split, Rule::Split);
    }
    if i.gates.iter().any(|(g, _)| *g == GateKind::Evidence) {
        return (DecisionKind::ExtendPilot, Rule::EvidenceGate);
    }
    if !i.undecided.is_empty() {
        return (DecisionKind::ExtendPilot, Rule::CriticalUndecided);
    }
    // After the pilot-extending rules, as docs/scoring.md orders them: a conservative readiness low
    // for want of evidence is a reason to gather it, not to hold ("a gate fired by uncertainty
    // alone is not a HOLD"); below 60 with the evidence in, nothing else may proceed.
    if i.readiness.is_some_and(|r| r < 60.0) {
        return (DecisionKind::Hold, Rule::LowReadiness);
    }
    if i.needs_actions {
        return (DecisionKind::ProceedWithActions, Rule::WarningsOrBarrier);
    }
    if i.all_pass && i.all_pass_before {
        return (DecisionKind::Expand, Rule::AllPassTwice);
    }
    (DecisionKind::Proceed, Rule::NothingFired)
}
