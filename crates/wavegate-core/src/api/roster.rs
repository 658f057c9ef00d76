//! `GET …/roster/groups`: the groups of the roster a planner can choose from (to invite, assign
//! a module or plan a message), each split attribute's values with their sizes per wave.

use serde::{Deserialize, Serialize};

/// How many people a group holds, as it may be shown: the count from
/// [`crate::measures::MIN_GROUP`] people up, none below it (the group is still there, marked
/// "fewer than 5"), and 0 for nobody.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupSize {
    /// The number of people; `None` when the group is suppressed.
    pub people: Option<u64>,
    /// 1 to 4 people: too few to give the number.
    pub suppressed: bool,
}

impl GroupSize {
    /// The size of a group of `n` people, suppressed under [`crate::measures::MIN_GROUP`].
    pub fn of(n: u64) -> GroupSize {
        let shown = n == 0 || n >= crate::measures::MIN_GROUP as u64;
        GroupSize {
            people: shown.then_some(n),
            suppressed: !shown,
        }
    }

    /// Nobody is in the group.
    pub fn is_empty(self) -> bool {
        self.people == Some(0)
    }
}

/// The people of one wave.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WaveGroup {
    /// The wave's id.
    pub wave: String,
    /// Its people on the roster.
    pub size: GroupSize,
}

/// One value of a split attribute and its people.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValueGroup {
    /// The value as the roster spells it.
    pub value: String,
    /// Its people per wave, in the order of [`RosterGroups::waves`] (the program's).
    pub per_wave: Vec<GroupSize>,
    /// Its people in all waves.
    pub total: GroupSize,
}

/// One split attribute of the program and the values the roster gives it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttributeGroups {
    /// The attribute (the roster's header key, `platform`).
    pub attribute: String,
    /// Its values, most people first, then by value, groups under the minimum last by value
    /// alone; empty when the roster has no such column.
    pub values: Vec<ValueGroup>,
}

/// The groups a planner can choose from in the program's current roster.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RosterGroups {
    /// Every wave of the program, in its order, with its people.
    pub waves: Vec<WaveGroup>,
    /// The people on the roster.
    pub total: GroupSize,
    /// Every split attribute of the program, in its order.
    pub attributes: Vec<AttributeGroups>,
}

impl RosterGroups {
    /// The values of `attribute`, if it is a split attribute.
    pub fn values_of(&self, attribute: &str) -> Option<&[ValueGroup]> {
        (self.attributes.iter())
            .find(|a| a.attribute == attribute)
            .map(|a| a.values.as_slice())
    }

    /// The size of a group: the wave `wave` (`None`: every wave), and, when `segment` is
    /// `Some((attribute, value))`, only the people with that value. `None` when the wave or
    /// the value is unknown.
    pub fn size(&self, wave: Option<&str>, segment: Option<(&str, &str)>) -> Option<GroupSize> {
        let wave_index = match wave {
            None => None,
            Some(w) => Some(self.waves.iter().position(|g| g.wave == w)?),
        };
        match segment {
            None => Some(match wave_index {
                None => self.total,
                Some(i) => self.waves[i].size,
            }),
            Some((attribute, value)) => {
                let v = self
                    .values_of(attribute)?
                    .iter()
                    .find(|v| v.value == value)?;
                Some(v.in_wave(wave_index))
            }
        }
    }
}

/// How many people a chosen group holds, as far as the roster's groups tell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Holds {
    /// The group's size.
    Size(GroupSize),
    /// At most this many (the smallest of several attributes' values: the groups give no
    /// combinations).
    AtMost(u64),
    /// A wave or value the roster does not have.
    NotOnRoster,
}

impl RosterGroups {
    /// The group of `wave` (`None`: every wave) and the chosen `(attribute, value)` pairs: its
    /// size for one pair or none, and for several the smallest of theirs, where nobody or a
    /// group under the minimum bounds the combination.
    pub fn holds(&self, wave: Option<&str>, segment: &[(String, String)]) -> Holds {
        let sizes: Option<Vec<GroupSize>> = if segment.is_empty() {
            self.size(wave, None).map(|s| vec![s])
        } else {
            (segment.iter())
                .map(|(a, v)| self.size(wave, Some((a, v))))
                .collect()
        };
        let Some(sizes) = sizes else {
            return Holds::NotOnRoster;
        };
        if let [one] = sizes.as_slice() {
            return Holds::Size(*one);
        }
        match sizes.iter().find(|s| s.people.is_none_or(|n| n == 0)) {
            Some(small) => Holds::Size(*small),
            None => Holds::AtMost(sizes.iter().filter_map(|s| s.people).min().unwrap_or(0)),
        }
    }
}

impl ValueGroup {
    /// Its people in the wave at `wave` of [`RosterGroups::waves`], or in all waves (`None`).
    pub fn in_wave(&self, wave: Option<usize>) -> GroupSize {
        match wave {
            None => self.total,
            Some(i) => self.per_wave.get(i).copied().unwrap_or(GroupSize::of(0)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_size_is_given_from_five_up_and_for_nobody_but_never_for_one_to_four() {
        for n in 1..5 {
            assert_eq!(
                GroupSize::of(n),
                GroupSize {
                    people: None,
                    suppressed: true
                }
            );
        }
        assert_eq!(GroupSize::of(5).people, Some(5));
        assert!(GroupSize::of(0).is_empty() && !GroupSize::of(0).suppressed);
        assert_eq!(
            serde_json::to_string(&GroupSize::of(3)).unwrap(),
            r#"{"people":null,"suppressed":true}"#
        );
    }

    #[test]
    fn several_attributes_hold_at_most_their_smallest_value_and_a_small_one_bounds_them() {
        let s = GroupSize::of;
        let value = |v: &str, per_wave: Vec<GroupSize>, total| ValueGroup {
            value: v.into(),
            per_wave,
            total,
        };
        let groups = RosterGroups {
            waves: vec![WaveGroup {
                wave: "pilot".into(),
                size: s(40),
            }],
            total: s(40),
            attributes: vec![
                AttributeGroups {
                    attribute: "platform".into(),
                    values: vec![
                        value("iOS", vec![s(12)], s(12)),
                        value("macOS", vec![s(3)], s(3)),
                    ],
                },
                AttributeGroups {
                    attribute: "department".into(),
                    values: vec![value("HR", vec![s(9)], s(9))],
                },
            ],
        };
        let pair = |a: &str, v: &str| (a.to_string(), v.to_string());
        assert_eq!(groups.holds(None, &[]), Holds::Size(s(40)));
        assert_eq!(
            groups.holds(Some("pilot"), &[pair("platform", "iOS")]),
            Holds::Size(s(12))
        );
        assert_eq!(
            groups.holds(None, &[pair("platform", "iOS"), pair("department", "HR")]),
            Holds::AtMost(9)
        );
        assert_eq!(
            groups.holds(None, &[pair("platform", "macOS"), pair("department", "HR")]),
            Holds::Size(s(3)),
            "a group under 5 in one attribute keeps the combination without a number"
        );
        assert_eq!(groups.holds(Some("wave-9"), &[]), Holds::NotOnRoster);
        assert_eq!(
            groups.holds(None, &[pair("platform", "Linux")]),
            Holds::NotOnRoster
        );
    }
}
