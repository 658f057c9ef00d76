//! The ids and titles of built-ins (surveys, modules) in one table per kind: each built-in takes
//! its title from its table, and a pick list reads the table without building any of them (a
//! browser bundle that built them to show their titles would carry every question and lesson).

use crate::i18n::Text;

/// A built-in's id, Dutch title and English title.
pub(crate) type Titled = (&'static str, &'static str, &'static str);

/// The ids of `table`, in its order.
pub(crate) const fn ids<const N: usize>(table: &[Titled; N]) -> [&'static str; N] {
    let mut ids = [""; N];
    let mut i = 0;
    while i < N {
        ids[i] = table[i].0;
        i += 1;
    }
    ids
}

/// Every id of `table` with its title, in its order.
pub(crate) fn catalogue(table: &[Titled]) -> Vec<(String, Text)> {
    table
        .iter()
        .map(|(id, nl, en)| (id.to_string(), Text::new(*nl, *en)))
        .collect()
}

/// The title of `id` in `table`; the id itself for one the table lacks (each kind's test holds
/// its built-ins' titles equal to its table, so none does).
pub(crate) fn title(table: &[Titled], id: &str) -> Text {
    table
        .iter()
        .find(|(i, ..)| *i == id)
        .map_or_else(|| Text::new(id, id), |(_, nl, en)| Text::new(*nl, *en))
}
