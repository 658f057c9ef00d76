//! What is wrong with a metric's threshold overrides, number by number, said in the words a
//! planner reads on the program form: which metric, which of its four numbers, and why.
//!
//! `Program::check` refuses a program.toml with any of these (its message keeps the file's keys
//! for whoever edits the file); the planner's form shows them at the very box that holds the
//! number, so it needs to know which box that is and to say it without the file's keys.

use super::{ThresholdOverride, apply};
use crate::i18n::Lang;
use crate::readiness::metric::{Kind, MetricId};
use crate::readiness::text::{capitalise, figure, metric_name};

/// One of the four numbers by which a program overrides a metric's defaults.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Bound {
    /// The fail threshold.
    Fail,
    /// The pass threshold.
    Pass,
    /// The minimum evidence.
    MinN,
    /// The weight in its dimension.
    Weight,
}

impl Bound {
    /// Every bound, in the order the form shows them.
    pub const ALL: [Bound; 4] = [Bound::Fail, Bound::Pass, Bound::MinN, Bound::Weight];

    /// The bound as a sentence names it (`the fail threshold`).
    pub fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Bound::Fail, Lang::Nl) => "de drempel voor onvoldoende",
            (Bound::Fail, Lang::En) => "the fail threshold",
            (Bound::Pass, Lang::Nl) => "de drempel voor voldoende",
            (Bound::Pass, Lang::En) => "the pass threshold",
            (Bound::MinN, Lang::Nl) => "het minimale bewijs",
            (Bound::MinN, Lang::En) => "the minimum evidence",
            (Bound::Weight, Lang::Nl) => "het gewicht",
            (Bound::Weight, Lang::En) => "the weight",
        }
    }

    /// Its value in `o`, when `o` overrides it.
    pub fn of(self, o: &ThresholdOverride) -> Option<f64> {
        match self {
            Bound::Fail => o.fail,
            Bound::Pass => o.pass,
            Bound::MinN => o.min_n,
            Bound::Weight => o.weight,
        }
    }
}

/// Why a metric's overrides do not hold.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Fault {
    /// A number that is none (infinite or not a number).
    NotANumber,
    /// A threshold of a share outside 0 to 1 (this value).
    NotAShare(f64),
    /// A negative minimum evidence or weight.
    Negative,
    /// The fail threshold on the passing side of the pass threshold (these two values).
    Disordered {
        /// The fail threshold in force.
        fail: f64,
        /// The pass threshold in force.
        pass: f64,
    },
}

/// One problem of a metric's overrides, with the numbers the planner typed that cause it.
#[derive(Clone, Debug, PartialEq)]
pub struct ThresholdProblem {
    /// The metric.
    pub metric: MetricId,
    /// What is wrong.
    pub fault: Fault,
    /// The overridden numbers at fault: never a default the planner left alone, which holds by
    /// itself (fail and pass both when both were typed and they disagree).
    pub bounds: Vec<Bound>,
}

impl ThresholdProblem {
    /// The problem as a sentence naming the metric and the number, in `lang`
    /// (`Compliant devices: the fail threshold (0,9) must not be above the pass threshold (0,8);
    /// higher is better`).
    pub fn message(&self, lang: Lang) -> String {
        let nl = lang == Lang::Nl;
        let n = |x: f64| figure(x, lang);
        // The first bound at fault is the one a one-number fault is about.
        let bound = self
            .bounds
            .first()
            .copied()
            .unwrap_or(Bound::Fail)
            .name(lang);
        let problem = match self.fault {
            Fault::NotANumber if nl => format!("{bound} moet een getal zijn"),
            Fault::NotANumber => format!("{bound} must be a number"),
            Fault::NotAShare(v) if nl => format!(
                "{bound} is een aandeel tussen 0 en 1 (zoals {}), niet {}",
                n(0.85),
                n(v)
            ),
            Fault::NotAShare(v) => format!(
                "{bound} is a share between 0 and 1 (such as {}), not {}",
                n(0.85),
                n(v)
            ),
            Fault::Negative if nl => format!("{bound} mag niet negatief zijn"),
            Fault::Negative => format!("{bound} must not be negative"),
            Fault::Disordered { fail, pass } => {
                let (fail_name, pass_name) = (Bound::Fail.name(lang), Bound::Pass.name(lang));
                let (fail, pass) = (n(fail), n(pass));
                match (self.metric.higher_is_better(), nl) {
                    (true, true) => format!(
                        "{fail_name} ({fail}) mag niet boven {pass_name} ({pass}) liggen: hoger is beter"
                    ),
                    (true, false) => format!(
                        "{fail_name} ({fail}) must not be above {pass_name} ({pass}): higher is better"
                    ),
                    (false, true) => format!(
                        "{fail_name} ({fail}) mag niet onder {pass_name} ({pass}) liggen: lager is beter"
                    ),
                    (false, false) => format!(
                        "{fail_name} ({fail}) must not be below {pass_name} ({pass}): lower is better"
                    ),
                }
            }
        };
        format!("{}: {problem}", capitalise(metric_name(self.metric, lang)))
    }
}

/// Every problem of `o` as overrides of `metric`'s defaults; none when they keep the metric
/// meaningful (finite numbers, fail and pass in the metric's direction, a share's thresholds
/// between 0 and 1, no negative evidence or weight).
pub fn threshold_problems(metric: MetricId, o: &ThresholdOverride) -> Vec<ThresholdProblem> {
    let problem = |fault, bounds| ThresholdProblem {
        metric,
        fault,
        bounds,
    };
    let mut found = Vec::new();
    let share = metric.kind() == Kind::Proportion;
    for bound in Bound::ALL {
        let Some(v) = bound.of(o) else { continue };
        let threshold = matches!(bound, Bound::Fail | Bound::Pass);
        if !v.is_finite() {
            found.push(problem(Fault::NotANumber, vec![bound]));
        } else if threshold && share && !(0.0..=1.0).contains(&v) {
            found.push(problem(Fault::NotAShare(v), vec![bound]));
        } else if !threshold && v < 0.0 {
            found.push(problem(Fault::Negative, vec![bound]));
        }
    }
    // Their order means something only when both thresholds are numbers in range.
    if found
        .iter()
        .any(|p| p.bounds.contains(&Bound::Fail) || p.bounds.contains(&Bound::Pass))
    {
        return found;
    }
    let spec = apply(metric.default_spec(), o);
    let ordered = if metric.higher_is_better() {
        spec.fail <= spec.pass
    } else {
        spec.fail >= spec.pass
    };
    if !ordered {
        let typed: Vec<Bound> = [Bound::Fail, Bound::Pass]
            .into_iter()
            .filter(|b| b.of(o).is_some())
            .collect();
        let fault = Fault::Disordered {
            fail: spec.fail,
            pass: spec.pass,
        };
        found.insert(0, problem(fault, typed));
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn only(metric: MetricId, o: ThresholdOverride) -> ThresholdProblem {
        let mut found = threshold_problems(metric, &o);
        assert_eq!(found.len(), 1, "{found:?}");
        found.remove(0)
    }

    #[test]
    fn a_fail_threshold_above_the_default_pass_blames_the_box_typed_in_and_names_the_metric() {
        let p = only(
            MetricId::DeviceCompliance,
            ThresholdOverride {
                fail: Some(0.99),
                ..ThresholdOverride::default()
            },
        );
        assert_eq!(
            p.bounds,
            [Bound::Fail],
            "the pass box was left at its default"
        );
        let en = p.message(Lang::En);
        assert!(
            en.starts_with(
                "Compliant devices: the fail threshold (0.99) must not be above the pass threshold"
            ),
            "{en}"
        );
        let nl = p.message(Lang::Nl);
        assert!(nl.starts_with("Apparaten compliant: de drempel voor onvoldoende (0,99) mag niet boven de drempel voor voldoende"), "{nl}");
        for text in [en, nl] {
            for key in ["device_compliance", "fail =", "pass =", "`"] {
                assert!(!text.contains(key), "{text}");
            }
        }
    }

    #[test]
    fn both_thresholds_typed_and_crossed_blame_both_boxes() {
        let p = only(
            MetricId::DeviceCompliance,
            ThresholdOverride {
                fail: Some(0.9),
                pass: Some(0.8),
                ..ThresholdOverride::default()
            },
        );
        assert_eq!(p.bounds, [Bound::Fail, Bound::Pass]);
    }

    #[test]
    fn each_number_out_of_bounds_is_its_own_problem_at_its_own_box() {
        let found = threshold_problems(
            MetricId::DeviceCompliance,
            &ThresholdOverride {
                pass: Some(95.0),
                weight: Some(-1.0),
                ..ThresholdOverride::default()
            },
        );
        let bounds: Vec<Vec<Bound>> = found.iter().map(|p| p.bounds.clone()).collect();
        assert_eq!(bounds, [vec![Bound::Pass], vec![Bound::Weight]]);
        assert_eq!(
            found[0].message(Lang::En),
            "Compliant devices: the pass threshold is a share between 0 and 1 (such as 0.85), not 95"
        );
        assert_eq!(
            found[1].message(Lang::Nl),
            "Apparaten compliant: het gewicht mag niet negatief zijn"
        );
    }

    #[test]
    fn defaults_and_sound_overrides_have_no_problem() {
        for metric in MetricId::ALL {
            assert!(threshold_problems(metric, &ThresholdOverride::default()).is_empty());
        }
        assert!(
            threshold_problems(
                MetricId::TicketRate,
                &ThresholdOverride {
                    min_n: Some(0.0),
                    ..ThresholdOverride::default()
                }
            )
            .is_empty()
        );
    }
}
