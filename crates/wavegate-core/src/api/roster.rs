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
    use super::GroupSize;

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
}
