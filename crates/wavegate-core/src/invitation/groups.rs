//! The groups of the roster a planner can choose from when inviting, assigning a module or
//! planning a message: for every split attribute of the program, the values the roster has,
//! each with its people per wave and in all, counted in one pass over the people. Sizes under
//! [`crate::measures::MIN_GROUP`] are never given; such a value is still listed, marked as
//! suppressed, since the planner needs to know it exists.

use crate::api::{AttributeGroups, GroupSize, RosterGroups, ValueGroup, WaveGroup};
use crate::readiness::data::{Attribute, NO_VALUE, Roster};
use crate::readiness::program::Program;
use std::cmp::Reverse;

/// The groups of `roster` under `program`: its waves in the program's order, its split
/// attributes in the program's order, and each attribute's values most people first, then by
/// value (groups under the minimum last, by value alone). A person whose wave is not the program's is counted nowhere.
pub fn roster_groups(roster: &Roster, program: &Program) -> RosterGroups {
    let waves = program.waves.len();
    let attributes: Vec<Option<&Attribute>> = (program.split_attributes.iter())
        .map(|name| roster.attribute(name))
        .collect();
    // Per attribute, per value × wave: people.
    let mut counts: Vec<Vec<u64>> = (attributes.iter())
        .map(|a| vec![0; a.map_or(0, |a| a.values.len()) * waves])
        .collect();
    let mut per_wave = vec![0u64; waves];
    for (person, &wave) in roster.waves.iter().enumerate() {
        let wave = usize::from(wave);
        if wave >= waves {
            continue;
        }
        per_wave[wave] += 1;
        for (attribute, cells) in attributes.iter().zip(counts.iter_mut()) {
            let code = attribute.and_then(|a| a.codes.get(person)).copied();
            if let Some(code) = code.filter(|&c| c != NO_VALUE)
                && let Some(cell) = cells.get_mut(code as usize * waves + wave)
            {
                *cell += 1;
            }
        }
    }
    let attributes = (program.split_attributes.iter())
        .zip(attributes)
        .zip(counts)
        .map(|((name, attribute), cells)| AttributeGroups {
            attribute: name.clone(),
            values: attribute.map_or_else(Vec::new, |a| values(a, &cells, waves)),
        })
        .collect();
    RosterGroups {
        waves: (program.waves.iter())
            .zip(&per_wave)
            .map(|(w, &n)| WaveGroup {
                wave: w.id.clone(),
                size: GroupSize::of(n),
            })
            .collect(),
        total: GroupSize::of(per_wave.iter().sum()),
        attributes,
    }
}

/// The values of `attribute` with people, from its cells (value × wave), in the order shown.
fn values(attribute: &Attribute, cells: &[u64], waves: usize) -> Vec<ValueGroup> {
    let mut counted: Vec<(&str, &[u64], u64)> = (attribute.values.iter())
        .enumerate()
        .map(|(code, value)| {
            let row = cells.get(code * waves..(code + 1) * waves).unwrap_or(&[]);
            (value.as_str(), row, row.iter().sum())
        })
        .filter(|(_, _, total)| *total > 0)
        .collect();
    // Groups under the minimum all sort as one size, after the shown ones and by value: an
    // order by their true sizes would tell which of them is larger.
    counted.sort_by_key(|&(value, _, total)| (Reverse(GroupSize::of(total).people), value));
    counted
        .into_iter()
        .map(|(value, row, total)| ValueGroup {
            value: value.to_string(),
            per_wave: row.iter().map(|&n| GroupSize::of(n)).collect(),
            total: GroupSize::of(total),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::upload::{FileKind, Parsed, parse_upload};

    fn program() -> Program {
        Program::parse(
            "name = \"t\"\nsplit_attributes = [\"platform\", \"department\", \"region\"]\n[[wave]]\nid = \"pilot\"\nstart = \"2027-01-11\"\nend = \"2027-01-29\"\n[[wave]]\nid = \"wave-1\"\nstart = \"2027-02-08\"\nend = \"2027-02-26\"\n",
        )
        .unwrap()
    }

    /// `rows` of (wave, platform, department), in the order given.
    fn roster(rows: &[(&str, &str, &str)]) -> Roster {
        let mut text = String::from("person_id,email,wave,platform,department\n");
        for (i, (wave, platform, department)) in rows.iter().enumerate() {
            text.push_str(&format!("p{i},p{i}@x.org,{wave},{platform},{department}\n"));
        }
        match parse_upload(FileKind::Roster, text.as_bytes(), &program()).unwrap() {
            Parsed::Roster(r) => r,
            _ => unreachable!(),
        }
    }

    fn people(
        rows: &mut Vec<(&'static str, &'static str, &'static str)>,
        n: usize,
        row: (&'static str, &'static str, &'static str),
    ) {
        rows.extend(std::iter::repeat_n(row, n));
    }

    fn sample() -> Vec<(&'static str, &'static str, &'static str)> {
        let mut rows = Vec::new();
        people(&mut rows, 6, ("pilot", "iOS", "Sales"));
        people(&mut rows, 3, ("pilot", "Android", "Sales"));
        people(&mut rows, 8, ("wave-1", "Windows", "HR"));
        people(&mut rows, 2, ("wave-1", "iOS", ""));
        people(&mut rows, 4, ("wave-1", "Android", "HR"));
        rows
    }

    fn shown(n: u64) -> GroupSize {
        GroupSize::of(n)
    }

    const FEWER: GroupSize = GroupSize {
        people: None,
        suppressed: true,
    };

    #[test]
    fn every_split_attribute_lists_its_values_with_people_per_wave_and_in_all() {
        let groups = roster_groups(&roster(&sample()), &program());
        assert_eq!(
            groups.waves,
            vec![
                WaveGroup {
                    wave: "pilot".into(),
                    size: shown(9)
                },
                WaveGroup {
                    wave: "wave-1".into(),
                    size: shown(14)
                },
            ]
        );
        assert_eq!(groups.total, shown(23));
        let names: Vec<&str> = groups
            .attributes
            .iter()
            .map(|a| a.attribute.as_str())
            .collect();
        assert_eq!(names, ["platform", "department", "region"]);
        let platform = groups.values_of("platform").unwrap();
        let rows: Vec<(&str, Vec<GroupSize>, GroupSize)> = platform
            .iter()
            .map(|v| (v.value.as_str(), v.per_wave.clone(), v.total))
            .collect();
        assert_eq!(
            rows,
            vec![
                ("Windows", vec![shown(0), shown(8)], shown(8)),
                ("iOS", vec![shown(6), FEWER], shown(8)),
                ("Android", vec![FEWER, FEWER], shown(7)),
            ]
        );
        // People without a department are in no value of it.
        let department = groups.values_of("department").unwrap();
        assert_eq!(
            department
                .iter()
                .map(|v| (v.value.as_str(), v.total))
                .collect::<Vec<_>>(),
            vec![("HR", shown(12)), ("Sales", shown(9))]
        );
        // A split attribute the roster has no column for: listed, without values.
        assert_eq!(groups.values_of("region"), Some(&[][..]));
        assert_eq!(groups.values_of("shoe_size"), None);
    }

    #[test]
    fn a_value_of_fewer_than_five_is_listed_without_its_count_anywhere() {
        let mut rows = sample();
        people(&mut rows, 3, ("wave-1", "Linux", "HR"));
        let groups = roster_groups(&roster(&rows), &program());
        let linux = (groups.values_of("platform").unwrap().iter())
            .find(|v| v.value == "Linux")
            .unwrap();
        assert_eq!(linux.total, FEWER);
        assert_eq!(linux.per_wave, vec![shown(0), FEWER]);
        let json = serde_json::to_string(&groups).unwrap();
        for n in 1..5 {
            for end in [",", "}"] {
                let given = format!("\"people\":{n}{end}");
                assert!(!json.contains(&given), "{given} in {json}");
            }
        }
        assert_eq!(
            groups.size(Some("wave-1"), Some(("platform", "Linux"))),
            Some(FEWER)
        );
        assert_eq!(
            groups.size(Some("pilot"), Some(("platform", "Linux"))),
            Some(shown(0))
        );
    }

    #[test]
    fn values_come_most_people_first_then_by_value_whatever_the_row_order() {
        let mut rows = sample();
        people(&mut rows, 1, ("pilot", "Windows", "Sales"));
        // Windows 9, iOS 8, Android 7; a tie of 8 between iOS and macOS goes by value.
        people(&mut rows, 8, ("pilot", "macOS", "Sales"));
        let order = |rows: &[(&str, &str, &str)]| -> Vec<String> {
            roster_groups(&roster(rows), &program())
                .values_of("platform")
                .unwrap()
                .iter()
                .map(|v| v.value.clone())
                .collect()
        };
        assert_eq!(order(&rows), ["Windows", "iOS", "macOS", "Android"]);
        let mut reversed = rows.clone();
        reversed.reverse();
        assert_eq!(order(&reversed), order(&rows));
        // Two small groups (4 and 1) come after the shown ones by value, not by their sizes.
        people(&mut rows, 4, ("pilot", "Linux", "Sales"));
        people(&mut rows, 1, ("pilot", "ChromeOS", "Sales"));
        assert_eq!(
            order(&rows),
            ["Windows", "iOS", "macOS", "Android", "ChromeOS", "Linux"]
        );
    }

    #[test]
    fn the_size_of_a_chosen_group_is_read_from_its_wave_and_value() {
        let groups = roster_groups(&roster(&sample()), &program());
        assert_eq!(groups.size(None, None), Some(shown(23)));
        assert_eq!(groups.size(Some("wave-1"), None), Some(shown(14)));
        assert_eq!(
            groups.size(Some("pilot"), Some(("platform", "iOS"))),
            Some(shown(6))
        );
        assert_eq!(groups.size(None, Some(("platform", "iOS"))), Some(shown(8)));
        assert_eq!(groups.size(Some("wave-9"), None), None);
        assert_eq!(groups.size(None, Some(("platform", "ios"))), None);
    }

    #[test]
    fn an_empty_roster_has_every_wave_and_attribute_and_nobody() {
        let groups = roster_groups(&Roster::default(), &program());
        assert_eq!(groups.waves.len(), 2);
        assert!(groups.total.is_empty());
        assert!(groups.attributes.iter().all(|a| a.values.is_empty()));
    }
}
