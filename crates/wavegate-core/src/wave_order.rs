//! The one order waves are listed in, wherever a list names them (response rates, survey
//! results, training results, lessons): the program's waves in the program's order, then
//! waves it no longer has (listed before the program changed) by id. Not the alphabet's,
//! which puts `wave-10` before `wave-2` and reads a program of `early`, `main` and `pilot`
//! back to front.

/// The key that sorts the wave `id` among `waves`, the program's wave ids in its order.
pub fn key<'a, S: AsRef<str>>(waves: &[S], id: &'a str) -> (usize, &'a str) {
    match waves.iter().position(|w| w.as_ref() == id) {
        Some(i) => (i, ""),
        None => (waves.len(), id),
    }
}

/// Puts the rows of the `wave` attribute (in any case, as links carry it) in [`key`]'s order
/// among `waves`; `group` gives a row's attribute and value. Every list of groups keeps an
/// attribute's rows together, so each run of wave rows is ordered in its place and every
/// other row stays where it is.
pub fn sort_groups<T, S: AsRef<str>>(
    rows: &mut [T],
    waves: &[S],
    group: impl Fn(&T) -> (&str, &str),
) {
    for run in rows.chunk_by_mut(|a, b| group(a).0 == group(b).0) {
        let is_wave = run
            .first()
            .is_some_and(|r| group(r).0.eq_ignore_ascii_case("wave"));
        if is_wave {
            run.sort_by(|a, b| key(waves, group(a).1).cmp(&key(waves, group(b).1)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const WAVES: [&str; 4] = ["pilot", "wave-2", "wave-10", "early"];

    #[test]
    fn waves_follow_the_program_and_those_it_lost_come_after_by_id() {
        let mut ids = ["gone", "wave-10", "early", "also-gone", "pilot", "wave-2"];
        ids.sort_by_key(|id| key(&WAVES, id));
        assert_eq!(
            ids,
            ["pilot", "wave-2", "wave-10", "early", "also-gone", "gone"]
        );
    }

    #[test]
    fn only_the_wave_rows_move_and_other_attributes_keep_their_order() {
        let mut rows = [
            ("platform", "iOS"),
            ("platform", "Windows"),
            ("Wave", "wave-10"),
            ("Wave", "gone"),
            ("Wave", "early"),
            ("Wave", "pilot"),
            ("Wave", "wave-2"),
            ("zone", "b"),
            ("zone", "a"),
        ];
        sort_groups(&mut rows, &WAVES, |&(a, v)| (a, v));
        assert_eq!(
            rows,
            [
                ("platform", "iOS"),
                ("platform", "Windows"),
                ("Wave", "pilot"),
                ("Wave", "wave-2"),
                ("Wave", "wave-10"),
                ("Wave", "early"),
                ("Wave", "gone"),
                ("zone", "b"),
                ("zone", "a"),
            ]
        );
    }

    #[test]
    fn without_a_program_waves_are_in_order_of_id() {
        let mut rows = [("wave", "wave-2"), ("wave", "pilot")];
        sort_groups(&mut rows, &[] as &[&str], |&(a, v)| (a, v));
        assert_eq!(rows, [("wave", "pilot"), ("wave", "wave-2")]);
    }
}
