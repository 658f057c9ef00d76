//! The response rate of a survey: the share of its invitations that were answered.

pub use crate::api::GroupRate;

impl crate::api::SurveyOverview {
    /// The share of invitations answered, in whole percent; `None` for an anonymous survey or
    /// before any invitation (see [`response_rate`]).
    pub fn response_rate(&self) -> Option<u64> {
        response_rate(self.responses, self.invitations, self.anonymous)
    }
}

/// Responses per invitation in whole percent, rounded half up; `None` for an anonymous survey
/// (one link answered many times has no rate) or before any invitation.
pub fn response_rate(responses: u64, invitations: u64, anonymous: bool) -> Option<u64> {
    if anonymous || invitations == 0 {
        return None;
    }
    Some((responses.saturating_mul(100) + invitations / 2) / invitations)
}

#[cfg(test)]
mod tests {
    use super::response_rate;

    #[test]
    fn the_rate_is_whole_percent_rounded_half_up() {
        assert_eq!(response_rate(8, 12, false), Some(67));
        assert_eq!(response_rate(1, 3, false), Some(33));
        assert_eq!(response_rate(1, 8, false), Some(13));
        assert_eq!(response_rate(0, 5, false), Some(0));
        assert_eq!(response_rate(5, 5, false), Some(100));
    }

    #[test]
    fn there_is_no_rate_without_invitations_or_for_an_anonymous_survey() {
        assert_eq!(response_rate(0, 0, false), None);
        assert_eq!(response_rate(7, 1, true), None);
    }
}

/// Response rates of a personal survey per value of each attribute the links carry, from each
/// personal link's attributes and whether it was answered. Groups under
/// [`crate::measures::MIN_GROUP`] people are suppressed, and when exactly one group of an
/// attribute is, the next smallest is too. No person is ever named. Attributes and their values
/// are in alphabetical order, but a wave's rows follow `waves`, the program's wave ids: `wave-10`
/// after `wave-9`, not after `wave-1` ([`crate::wave_order`]).
pub fn rates_by_group<'a, S: AsRef<str>>(
    links: impl IntoIterator<Item = (&'a crate::survey::Attributes, bool)>,
    waves: &[S],
) -> Vec<GroupRate> {
    use std::collections::BTreeMap;
    let mut groups: BTreeMap<&str, BTreeMap<&str, (u64, u64)>> = BTreeMap::new();
    // Every personal link: the survey's total is shown, so those without a value count too.
    let mut whole = 0usize;
    for (attributes, answered) in links {
        whole += 1;
        for (name, value) in attributes {
            let g = groups.entry(name).or_default().entry(value).or_default();
            g.0 += 1;
            g.1 += u64::from(answered);
        }
    }
    let mut out = Vec::new();
    for (attribute, values) in groups {
        let sizes: Vec<(&str, usize)> = values
            .iter()
            .map(|(v, (n, _))| (*v, usize::try_from(*n).unwrap_or(usize::MAX)))
            .collect();
        let hidden = crate::measures::hidden_groups(whole, &sizes, crate::measures::MIN_GROUP);
        for (value, (invited, responded)) in values {
            let suppressed = hidden.contains(&value);
            out.push(GroupRate {
                attribute: attribute.to_string(),
                value: value.to_string(),
                invited: (!suppressed).then_some(invited),
                responded: (!suppressed).then_some(responded),
                rate: if suppressed {
                    None
                } else {
                    response_rate(responded, invited, false)
                },
                suppressed,
            });
        }
    }
    crate::wave_order::sort_groups(&mut out, waves, |g| (&g.attribute, &g.value));
    out
}

#[cfg(test)]
mod group_tests {
    use super::*;
    use crate::survey::Attributes;

    fn a(pairs: &[(&str, &str)]) -> Attributes {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn groups_under_five_are_suppressed_with_a_neighbour_when_alone() {
        let mut links = Vec::new();
        for i in 0..10 {
            links.push((a(&[("wave", "pilot"), ("platform", "iOS")]), i < 4));
        }
        for i in 0..6 {
            links.push((a(&[("wave", "pilot"), ("platform", "Windows")]), i < 3));
        }
        for _ in 0..2 {
            links.push((a(&[("wave", "pilot"), ("platform", "macOS")]), true));
        }
        let rates = rates_by_group(links.iter().map(|(a, r)| (a, *r)), &["pilot"]);
        let row = |attr: &str, value: &str| {
            rates
                .iter()
                .find(|g| g.attribute == attr && g.value == value)
                .unwrap()
                .clone()
        };
        let pilot = row("wave", "pilot");
        assert_eq!(
            (pilot.invited, pilot.responded, pilot.rate),
            (Some(18), Some(9), Some(50))
        );
        assert!(row("platform", "macOS").suppressed);
        let windows = row("platform", "Windows");
        assert!(windows.suppressed, "the next smallest goes too");
        assert_eq!((windows.invited, windows.rate), (None, None));
        assert_eq!(row("platform", "iOS").rate, Some(40));
    }

    #[test]
    fn wave_rows_follow_the_programs_waves_not_the_alphabet() {
        let waves = ["pilot", "wave-2", "wave-10", "early"];
        let mut links = Vec::new();
        for wave in ["wave-10", "early", "pilot", "wave-2", "gone"] {
            for _ in 0..5 {
                links.push(a(&[("wave", wave), ("platform", "iOS")]));
            }
        }
        let rates = rates_by_group(links.iter().map(|a| (a, true)), &waves);
        let rows: Vec<(&str, &str)> = rates
            .iter()
            .map(|g| (g.attribute.as_str(), g.value.as_str()))
            .collect();
        assert_eq!(
            rows,
            [
                ("platform", "iOS"),
                ("wave", "pilot"),
                ("wave", "wave-2"),
                ("wave", "wave-10"),
                ("wave", "early"),
                // A wave the program no longer has comes last.
                ("wave", "gone"),
            ]
        );
    }
}
