//! docs/scoring.md step 4 for one segment: the ADKAR elements of a group, the per-person barrier
//! shares and the group's barrier.

use super::metric::{Element, MetricId, Posterior, State};
use super::program::Program;
use super::report::Source;
use super::segment_eval::{Groups, MetricEval, group, pick, too_small};
use super::tally::person_share;
use crate::measures;
use crate::stats::BetaPosterior;

/// An ADKAR element is the group's barrier when P(share below target) reaches this.
pub const BARRIER_PROBABILITY: f64 = 0.60;

/// One ADKAR element of a group.
#[derive(Clone, Debug)]
pub(crate) struct ElementEval {
    pub element: Element,
    pub n: u32,
    pub share: f64,
    pub p_below: f64,
    pub behaviour_n: Option<u32>,
}

/// ADKAR of a group.
#[derive(Clone, Debug)]
pub(crate) struct AdkarEval {
    pub respondents: u32,
    pub barrier: Option<Element>,
    /// Share of respondents per outcome, in `measures::Barrier::ALL` order.
    pub individual: [f64; 7],
    pub elements: Vec<ElementEval>,
    pub source: Source,
}

/// docs/scoring.md step 4. Knowledge and Ability fold in behaviour at half weight: first-attempt
/// quiz passes, and enrolling without a rollout ticket.
pub(super) fn adkar(
    program: &Program,
    g: &Groups<'_>,
    metrics: &[MetricEval],
) -> Option<AdkarEval> {
    let min_n = program.spec(MetricId::AdkarDesire).min_n;
    let (source, i) = pick(g, min_n, |t| u64::from(t.adkar_respondents));
    let t = group(g, i);
    if too_small(u64::from(t.adkar_respondents)) {
        return None;
    }
    let mut elements = Vec::new();
    let mut barrier = None;
    for e in Element::ALL {
        let m = metrics.iter().find(|m| m.id == e.metric())?;
        let spec = program.spec(e.metric());
        // Half a pseudo-observation per person: both behaviours count people (a person's
        // share of quizzes passed at the first attempt; enrolled without a ticket).
        let behaviour = match e {
            Element::Knowledge => Some(person_share(t.quiz)),
            Element::Ability => {
                let c = g.rolled.ability;
                Some((c.ok as f64, c.n as f64))
            }
            _ => None,
        };
        // Behaviour of fewer than 5 people is left out like any such group's evidence: the
        // answers' distribution is shown, so the combined share would give it away.
        let behaviour = behaviour.filter(|&(_, n)| !too_small(n as u64));
        let base = match m.posterior {
            Some(Posterior::Beta(b)) => b,
            _ => BetaPosterior::jeffreys(0.0, 0.0),
        };
        let combined = match behaviour {
            Some((ok, n)) => BetaPosterior {
                a: base.a + 0.5 * ok,
                b: base.b + 0.5 * (n - ok),
            },
            None => base,
        };
        let p_below = combined.cdf(spec.pass);
        let n = u32::try_from(m.n).unwrap_or(u32::MAX);
        // Fewer answers than min_n name a barrier only when the element fails outright (step
        // 2: a clear failure counts even on small n), so a group held on it gets its action.
        let enough = f64::from(n) >= spec.min_n || m.state == State::Fail;
        if barrier.is_none() && enough && p_below >= BARRIER_PROBABILITY {
            barrier = Some(e);
        }
        elements.push(ElementEval {
            element: e,
            n,
            share: combined.mean(),
            p_below,
            behaviour_n: behaviour.map(|(_, n)| n as u32),
        });
    }
    let total = f64::from(t.adkar_respondents);
    let mut individual = [0.0; measures::Barrier::ALL.len()];
    for (k, v) in individual.iter_mut().enumerate() {
        *v = f64::from(t.barriers[k]) / total;
    }
    Some(AdkarEval {
        respondents: t.adkar_respondents,
        barrier,
        individual,
        elements,
        source,
    })
}
