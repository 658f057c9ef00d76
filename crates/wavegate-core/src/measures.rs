//! The survey measures that survey results and readiness share: the small-group threshold, SUS,
//! NPS and the ADKAR barrier. Each is defined here once, so the planner's survey summary and
//! the readiness report cannot disagree about the same answers.

use crate::stats::z_two_sided;
use serde::{Deserialize, Serialize};

/// Groups smaller than this are never shown on their own (the privacy rule of docs/scoring.md,
/// "Small groups").
pub const MIN_GROUP: usize = 5;

/// Whether a group of `n` people or responses may be shown on its own.
pub fn shown(n: usize) -> bool {
    n >= MIN_GROUP
}

/// Which groups of one attribute to hide, given each group's size in order and the size of the
/// `whole` they are groups of (everyone the breakdown is of, whose total is shown): those of 1
/// to `min_group - 1`, and then, while only one is hidden or the hidden ones add up to fewer
/// than `min_group`, the smallest shown group too (the first on a tie), so that the whole minus
/// the shown groups cannot give a small group away. Empty groups give nothing away.
///
/// The whole's members in none of the groups (people without a value for the attribute) are a
/// group of their own that is never shown: were they 1, the whole minus every group would give
/// that one person's answers, so a group is hidden beside them as beside any small one.
pub fn hidden_groups<K: Copy + PartialEq>(
    whole: usize,
    sizes: &[(K, usize)],
    min_group: usize,
) -> Vec<K> {
    let small: Vec<K> = sizes
        .iter()
        .filter(|(_, n)| (1..min_group).contains(n))
        .map(|(k, _)| *k)
        .collect();
    hidden_beside(whole, sizes, small, min_group)
}

/// [`hidden_groups`] for groups of which `hidden` are hidden already (small, or hidden as part
/// of another breakdown, e.g. iOS users of Finance among Finance's platforms once hidden among
/// iOS's departments): hides more, the smallest shown first, until the whole minus the shown
/// groups gives no hidden one away. Returns every hidden group.
pub fn hidden_beside<K: Copy + PartialEq>(
    whole: usize,
    sizes: &[(K, usize)],
    hidden: Vec<K>,
    min_group: usize,
) -> Vec<K> {
    // `None`: the whole's members in no group, never shown.
    let in_groups: usize = sizes.iter().map(|(_, n)| n).sum();
    let without = whole.saturating_sub(in_groups);
    let sizes: Vec<(Option<K>, usize)> = (sizes.iter().map(|(k, n)| (Some(*k), *n)))
        .chain([(None, without)])
        .collect();
    let mut hidden: Vec<Option<K>> = hidden.into_iter().map(Some).collect();
    if (1..min_group).contains(&without) {
        hidden.push(None);
    }
    hidden.retain(|k| sizes.iter().any(|(s, n)| s == k && *n > 0));
    loop {
        let hidden_people: usize = (sizes.iter())
            .filter(|(k, _)| hidden.contains(k))
            .map(|(_, n)| n)
            .sum();
        if hidden.is_empty() || (hidden.len() >= 2 && hidden_people >= min_group) {
            break;
        }
        let Some((k, _)) = (sizes.iter())
            .filter(|(k, n)| *n > 0 && !hidden.contains(k))
            .min_by_key(|(_, n)| *n)
        else {
            break;
        };
        hidden.push(*k);
    }
    hidden.into_iter().flatten().collect()
}

/// An ADKAR element (Prosci), in the order a person moves through them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Element {
    /// Knows why the change is happening.
    Awareness,
    /// Wants to take part.
    Desire,
    /// Knows how.
    Knowledge,
    /// Can do it in practice.
    Ability,
    /// Keeps doing it.
    Reinforcement,
}

impl Element {
    /// The five elements in order.
    pub const ALL: [Element; 5] = [
        Element::Awareness,
        Element::Desire,
        Element::Knowledge,
        Element::Ability,
        Element::Reinforcement,
    ];

    /// The snake_case id (`awareness`), as in a survey's `adkar.<element>` tag and the report.
    pub fn id(self) -> &'static str {
        match self {
            Element::Awareness => "awareness",
            Element::Desire => "desire",
            Element::Knowledge => "knowledge",
            Element::Ability => "ability",
            Element::Reinforcement => "reinforcement",
        }
    }

    /// The element with that id.
    pub fn parse(id: &str) -> Option<Element> {
        Element::ALL.into_iter().find(|e| e.id() == id)
    }

    /// The question id of the built-in item (`adkar_awareness`, docs/data-formats.md's stable ids).
    pub fn question_id(self) -> &'static str {
        match self {
            Element::Awareness => "adkar_awareness",
            Element::Desire => "adkar_desire",
            Element::Knowledge => "adkar_knowledge",
            Element::Ability => "adkar_ability",
            Element::Reinforcement => "adkar_reinforcement",
        }
    }
}

/// The highest answer on the 5-point agreement scale that still counts as a barrier
/// ("scoring ≤ 3"); 4 and 5 are agreement (the top-2 box).
pub const BARRIER_MAX_SCORE: u8 = 3;

/// Whether a 5-point agreement answer is in the top-2 box (4–5).
pub fn agrees(score: u8) -> bool {
    (BARRIER_MAX_SCORE + 1..=5).contains(&score)
}

/// How many answers of a 5-point distribution (counts of 1…5) are in the top-2 box.
pub fn agreeing(counts: &[u32; 5]) -> u32 {
    (1..=5u8)
        .zip(counts)
        .filter(|(score, _)| agrees(*score))
        .map(|(_, n)| n)
        .sum()
}

/// The top-2-box share of a 5-point distribution; 0 without answers.
pub fn agreeing_share(counts: &[u32; 5]) -> f64 {
    let n: u32 = counts.iter().sum();
    if n == 0 {
        0.0
    } else {
        f64::from(agreeing(counts)) / f64::from(n)
    }
}

/// One respondent's ADKAR barrier.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Barrier {
    /// The first element, in order, scoring ≤ 3.
    At(Element),
    /// Every element scored 4–5.
    None,
    /// An element was left unanswered before any barrier: which one blocks is unknown.
    Incomplete,
}

impl Barrier {
    /// Every outcome, in report order.
    pub const ALL: [Barrier; 7] = [
        Barrier::At(Element::Awareness),
        Barrier::At(Element::Desire),
        Barrier::At(Element::Knowledge),
        Barrier::At(Element::Ability),
        Barrier::At(Element::Reinforcement),
        Barrier::None,
        Barrier::Incomplete,
    ];

    /// The id used in summaries and reports: the element's id, `none` or `incomplete`.
    pub fn id(self) -> &'static str {
        match self {
            Barrier::At(e) => e.id(),
            Barrier::None => "none",
            Barrier::Incomplete => "incomplete",
        }
    }

    /// Position in [`Barrier::ALL`].
    pub fn index(self) -> usize {
        match self {
            Barrier::At(e) => e as usize,
            Barrier::None => 5,
            Barrier::Incomplete => 6,
        }
    }
}

/// The barrier of one respondent's five answers (1–5, in element order). An answer outside the
/// scale counts as unanswered.
pub fn adkar_barrier(scores: [Option<u8>; 5]) -> Barrier {
    for (element, score) in Element::ALL.into_iter().zip(scores) {
        match score.filter(|s| (1..=5).contains(s)) {
            None => return Barrier::Incomplete,
            Some(s) if s <= BARRIER_MAX_SCORE => return Barrier::At(element),
            Some(_) => {}
        }
    }
    Barrier::None
}

/// Number of System Usability Scale items.
pub const SUS_ITEMS: usize = 10;
/// SUS points per raw unit: the raw sum (0–40) times 2.5 gives 0–100.
pub const SUS_POINTS_PER_RAW: f64 = 2.5;
/// The SUS benchmark: 68 is an average system.
pub const SUS_AVERAGE: f64 = 68.0;

/// The raw SUS sum (0–40) of the ten item answers (1–5, in item order): odd items count
/// `score − 1`, even items `5 − score`. `None` unless all ten are answered on the scale.
pub fn sus_raw(items: [Option<u8>; SUS_ITEMS]) -> Option<u32> {
    let mut total = 0u32;
    for (i, item) in items.iter().enumerate() {
        let v = u32::from(item.filter(|v| (1..=5).contains(v))?);
        total += if i % 2 == 0 { v - 1 } else { 5 - v };
    }
    Some(total)
}

/// The SUS score (0–100) of the ten item answers, when all are answered on the scale.
pub fn sus_score(items: [Option<u8>; SUS_ITEMS]) -> Option<f64> {
    sus_raw(items).map(|raw| f64::from(raw) * SUS_POINTS_PER_RAW)
}

/// Where a 0–10 recommendation answer puts a person.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NpsGroup {
    /// 9–10.
    Promoter,
    /// 7–8.
    Passive,
    /// 0–6.
    Detractor,
}

/// The NPS group of an answer on the 0–10 scale; `None` off the scale.
pub fn nps_group(score: u8) -> Option<NpsGroup> {
    match score {
        0..=6 => Some(NpsGroup::Detractor),
        7..=8 => Some(NpsGroup::Passive),
        9..=10 => Some(NpsGroup::Promoter),
        _ => None,
    }
}

/// A Net Promoter Score with its adjusted-Wald interval, both on the −100…100 scale.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Nps {
    /// % promoters (9–10) minus % detractors (0–6), as observed.
    pub score: f64,
    /// Adjusted-Wald interval (Rocks 2016): ¾ promoter and ¾ detractor added, n + 3.
    pub interval: [f64; 2],
    /// Number of ratings.
    pub n: u64,
}

/// The NPS of the given counts with its interval at two-sided `level`; `None` without ratings.
/// The adjusted-Wald recipe adds ¾ promoter, ¾ detractor and 1½ passive, then takes a normal
/// interval on the difference of the two shares, clamped to −100…100.
pub fn nps(promoters: u64, passives: u64, detractors: u64, level: f64) -> Option<Nps> {
    let n = promoters + passives + detractors;
    if n == 0 {
        return None;
    }
    let score = 100.0 * (promoters as f64 - detractors as f64) / n as f64;
    let n_adj = n as f64 + 3.0;
    let pro = (promoters as f64 + 0.75) / n_adj;
    let det = (detractors as f64 + 0.75) / n_adj;
    let adjusted = pro - det;
    let se = ((pro + det - adjusted * adjusted) / n_adj).max(0.0).sqrt();
    let half = z_two_sided(level) * se;
    let bound = |x: f64| (100.0 * x).clamp(-100.0, 100.0);
    Some(Nps {
        score,
        interval: [bound(adjusted - half), bound(adjusted + half)],
        n,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_lone_small_group_takes_the_next_smallest_with_it() {
        let sizes = [("iOS", 10), ("Windows", 6), ("Android", 6), ("macOS", 2)];
        assert_eq!(hidden_groups(24, &sizes, MIN_GROUP), ["macOS", "Windows"]);
        let two_small = [("a", 3), ("b", 4), ("c", 9)];
        assert_eq!(hidden_groups(16, &two_small, MIN_GROUP), ["a", "b"]);
        assert_eq!(hidden_groups(2, &[("only", 2)], MIN_GROUP), ["only"]);
        assert!(hidden_groups(12, &[("a", 5), ("b", 7)], MIN_GROUP).is_empty());
    }

    #[test]
    fn small_groups_that_together_stay_under_five_take_the_next_smallest_with_them() {
        // 1 + 2 hidden: the total minus the shown groups would say 3 people answered there.
        let sizes = [
            ("HR", 1),
            ("Legal", 2),
            ("IT", 12),
            ("Sales", 10),
            ("Ops", 0),
        ];
        assert_eq!(
            hidden_groups(25, &sizes, MIN_GROUP),
            ["HR", "Legal", "Sales"]
        );
        // Two hidden groups of 5 or more between them need nothing more.
        assert_eq!(
            hidden_groups(14, &[("a", 2), ("b", 3), ("c", 9)], MIN_GROUP),
            ["a", "b"]
        );
        assert!(hidden_groups(7, &[("a", 0), ("b", 7)], MIN_GROUP).is_empty());
    }

    #[test]
    fn the_people_without_a_value_count_as_a_group_that_is_never_shown() {
        // Eleven answered: 5 in Finance, 5 in Sales, one without a department. Showing both
        // departments beside the total would give that one person's answers by subtraction.
        let sizes = [("Finance", 5), ("Sales", 5)];
        assert_eq!(hidden_groups(11, &sizes, MIN_GROUP), ["Finance"]);
        // Five or more without a value are a crowd: both departments can be shown.
        assert!(hidden_groups(15, &sizes, MIN_GROUP).is_empty());
        // Beside a small group, those without a value may be what is hidden with it.
        let sizes = [("macOS", 2), ("iOS", 10), ("Windows", 12)];
        assert_eq!(hidden_groups(30, &sizes, MIN_GROUP), ["macOS"]);
        assert_eq!(
            hidden_groups(24, &sizes, MIN_GROUP),
            ["macOS", "iOS"],
            "nobody without a value: the next smallest goes"
        );
        // Two without a value and one small group: hidden together they are still under 5.
        let sizes = [("HR", 1), ("IT", 12), ("Sales", 10)];
        assert_eq!(hidden_groups(25, &sizes, MIN_GROUP), ["HR", "Sales"]);
    }

    use super::*;

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol
    }

    #[test]
    fn sus_scores_match_hand_computed_figures() {
        let s = |v: [u8; 10]| sus_score(v.map(Some));
        assert_eq!(s([5, 1, 5, 1, 5, 1, 5, 1, 5, 1]), Some(100.0));
        assert_eq!(s([1, 5, 1, 5, 1, 5, 1, 5, 1, 5]), Some(0.0));
        assert_eq!(s([3; 10]), Some(50.0));
        assert_eq!(s([4, 2, 4, 1, 4, 2, 5, 2, 4, 2]), Some(80.0));
    }

    #[test]
    fn sus_needs_all_ten_items_on_the_scale() {
        let mut items = [Some(3); 10];
        items[9] = None;
        assert_eq!(sus_raw(items), None);
        items[9] = Some(6);
        assert_eq!(
            sus_raw(items),
            None,
            "an answer off the 1–5 scale is not scored"
        );
    }

    #[test]
    fn barrier_is_the_first_element_at_three_or_below() {
        let b = |v: [Option<u8>; 5]| adkar_barrier(v);
        assert_eq!(
            b([Some(5), Some(3), Some(1), None, None]),
            Barrier::At(Element::Desire)
        );
        assert_eq!(b([Some(4); 5]), Barrier::None);
        assert_eq!(
            b([Some(2), None, None, None, None]),
            Barrier::At(Element::Awareness)
        );
    }

    #[test]
    fn an_unanswered_element_before_any_barrier_leaves_it_unknown() {
        // Desire is unknown: it may well be the barrier, so Knowledge cannot be named.
        assert_eq!(
            adkar_barrier([Some(5), None, Some(2), Some(4), Some(4)]),
            Barrier::Incomplete
        );
    }

    #[test]
    fn nps_adjusted_wald_matches_the_published_recipe() {
        // 50 promoters, 30 passives, 20 detractors: NPS 30; adjusted p_pro = 50.75/103,
        // p_det = 20.75/103, se = sqrt((p_pro + p_det − d²)/103), 90% z = 1.6449.
        let r = nps(50, 30, 20, 0.90).unwrap();
        assert!(close(r.score, 30.0, 1e-9));
        let pro: f64 = 50.75 / 103.0;
        let det = 20.75 / 103.0;
        let d = pro - det;
        let se = ((pro + det - d * d) / 103.0).sqrt();
        assert!(close(r.interval[0], 100.0 * (d - 1.644_854 * se), 1e-3));
        assert!(close(r.interval[1], 100.0 * (d + 1.644_854 * se), 1e-3));
        assert_eq!(nps(0, 0, 0, 0.9), None);
    }

    #[test]
    fn nps_matches_hand_computed_figures() {
        // 5 promoters, 2 passives, 3 detractors of 10: (5 − 3) / 10 = +20. Adjusted Wald:
        // n' = 13, p' = 5.75/13, d' = 3.75/13 → [−22.98, 53.75] at 90%.
        let r = nps(5, 2, 3, 0.90).unwrap();
        assert_eq!(r.score, 20.0);
        assert!(close(r.interval[0], -22.98, 0.01) && close(r.interval[1], 53.75, 0.01));
        // 8 promoters, 2 passives: +80, and the interval [34.47, 88.61] stays below 100.
        let r = nps(8, 2, 0, 0.90).unwrap();
        assert!(close(r.interval[0], 34.47, 0.01) && close(r.interval[1], 88.61, 0.01));
    }

    #[test]
    fn nps_interval_stays_on_the_scale() {
        let all = nps(3, 0, 0, 0.999).unwrap();
        assert!(all.interval[1] <= 100.0 && all.interval[0] >= -100.0);
        let none = nps(0, 0, 3, 0.999).unwrap();
        assert!(none.interval[0] >= -100.0 && none.interval[1] <= 100.0);
    }

    #[test]
    fn nps_groups_follow_the_standard_cut_points() {
        assert_eq!(nps_group(6), Some(NpsGroup::Detractor));
        assert_eq!(nps_group(7), Some(NpsGroup::Passive));
        assert_eq!(nps_group(9), Some(NpsGroup::Promoter));
        assert_eq!(nps_group(11), None);
    }
}
