//! Chart geometry for SVG charts drawn by the apps (no chart library): linear scales, "nice"
//! axis ticks, path data for lines (with gaps where a value is missing) and steps, and labels
//! spread so they do not overlap. Pure functions of numbers, so they are unit tested; the pages
//! only place what these compute.

/// Maps a domain interval linearly onto a range of pixels (the range may run backwards, as a
/// y axis does).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scale {
    d0: f64,
    d1: f64,
    r0: f64,
    r1: f64,
}

impl Scale {
    /// `domain` onto `range`. An empty domain (both ends equal) maps everything to the range's
    /// middle rather than dividing by zero.
    pub fn linear(domain: (f64, f64), range: (f64, f64)) -> Scale {
        Scale {
            d0: domain.0,
            d1: domain.1,
            r0: range.0,
            r1: range.1,
        }
    }

    /// The pixel of `x` (outside the domain: extrapolated).
    pub fn map(&self, x: f64) -> f64 {
        let span = self.d1 - self.d0;
        if span == 0.0 || !span.is_finite() {
            return (self.r0 + self.r1) / 2.0;
        }
        self.r0 + (x - self.d0) / span * (self.r1 - self.r0)
    }
}

/// Round axis ticks covering `[min, max]`: steps of 1, 2 or 5 times a power of ten, at most
/// about `count` of them, the first at or below `min` and the last at or above `max`.
pub fn ticks(min: f64, max: f64, count: usize) -> Vec<f64> {
    if !min.is_finite() || !max.is_finite() || count == 0 {
        return Vec::new();
    }
    let (lo, hi) = if min <= max { (min, max) } else { (max, min) };
    if lo == hi {
        return vec![lo];
    }
    let raw = (hi - lo) / count as f64;
    let power = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * power)
        .find(|s| (hi - lo) / s <= count as f64)
        .unwrap_or(10.0 * power);
    let first = (lo / step).floor() * step;
    let mut out = Vec::new();
    let mut i = 0.0;
    loop {
        let t = first + i * step;
        // Rounded to the step's precision, so 0.1 + 0.2 reads as 0.3.
        let t = (t / step).round() * step;
        out.push(t);
        if t >= hi || out.len() > count + 2 {
            break;
        }
        i += 1.0;
    }
    out
}

fn fmt(x: f64) -> String {
    let r = (x * 10.0).round() / 10.0;
    if r == r.trunc() {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
    }
}

/// SVG path data through `points`: `M x y L x y …` (empty for no points), coordinates to a
/// tenth of a pixel.
pub fn line_path(points: &[(f64, f64)]) -> String {
    points
        .iter()
        .enumerate()
        .map(|(i, (x, y))| format!("{}{} {}", if i == 0 { "M" } else { "L" }, fmt(*x), fmt(*y)))
        .collect::<Vec<_>>()
        .join(" ")
}

/// SVG path data through the points that are there: each run of points a line of its own
/// (`M … L …`), a missing one a gap. A point alone between gaps is no line and is left out:
/// the caller marks every point with a dot.
pub fn gapped_path(points: &[Option<(f64, f64)>]) -> String {
    points
        .split(Option::is_none)
        .filter(|run| run.len() > 1)
        .map(|run| line_path(&run.iter().flatten().copied().collect::<Vec<_>>()))
        .collect::<Vec<_>>()
        .join(" ")
}

/// SVG path data of a step line: horizontal to each next x, then vertical to its y (a total
/// that jumps at given moments, as planned people do at each wave's start).
pub fn step_path(points: &[(f64, f64)]) -> String {
    let mut stepped: Vec<(f64, f64)> = Vec::with_capacity(points.len() * 2);
    for (i, p) in points.iter().enumerate() {
        if i > 0 {
            stepped.push((p.0, points[i - 1].1));
        }
        stepped.push(*p);
    }
    line_path(&stepped)
}

/// Label positions near `wanted` (pixels along one axis, in any order) and at least `gap`
/// apart, within `[lo, hi]` where there is room: labels of lines that end close together
/// are moved apart, in their order, rather than drawn over each other. Returned in the order
/// given.
pub fn spread(wanted: &[f64], gap: f64, (lo, hi): (f64, f64)) -> Vec<f64> {
    let mut order: Vec<usize> = (0..wanted.len()).collect();
    order.sort_by(|&a, &b| wanted[a].total_cmp(&wanted[b]));
    let mut placed: Vec<f64> = order.iter().map(|&i| wanted[i].clamp(lo, hi)).collect();
    // Down from the top, then back up from the bottom where that pushed a label past it.
    for i in 1..placed.len() {
        placed[i] = placed[i].max(placed[i - 1] + gap);
    }
    if let Some(last) = placed.last_mut() {
        *last = last.min(hi);
    }
    for i in (0..placed.len().saturating_sub(1)).rev() {
        placed[i] = placed[i].min(placed[i + 1] - gap);
    }
    let mut out = vec![0.0; wanted.len()];
    for (slot, &i) in order.iter().enumerate() {
        out[i] = placed[slot];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    // Run by wasm-bindgen-test: these crates build for wasm32 only, where `#[test]` is not run.
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn a_scale_maps_the_domain_ends_to_the_range_ends_even_backwards() {
        let y = Scale::linear((0.0, 100.0), (200.0, 0.0));
        assert_eq!(y.map(0.0), 200.0);
        assert_eq!(y.map(100.0), 0.0);
        assert_eq!(y.map(25.0), 150.0);
        let flat = Scale::linear((5.0, 5.0), (0.0, 10.0));
        assert_eq!(flat.map(5.0), 5.0, "an empty domain sits in the middle");
    }

    #[wasm_bindgen_test]
    fn ticks_are_round_numbers_that_cover_the_data() {
        assert_eq!(
            ticks(0.0, 100.0, 5),
            vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]
        );
        assert_eq!(ticks(0.0, 1.6, 4), vec![0.0, 0.5, 1.0, 1.5, 2.0]);
        assert_eq!(ticks(3.0, 3.0, 5), vec![3.0]);
        let t = ticks(13.0, 987.0, 5);
        assert!(t[0] <= 13.0 && *t.last().unwrap() >= 987.0, "{t:?}");
        assert!(t.len() <= 7, "{t:?}");
        assert!(
            t.windows(2).all(|w| (w[1] - w[0] - 200.0).abs() < 1e-9),
            "{t:?}"
        );
        assert!(ticks(f64::NAN, 1.0, 5).is_empty());
    }

    #[wasm_bindgen_test]
    fn paths_go_through_every_point_and_steps_turn_square() {
        assert_eq!(line_path(&[]), "");
        assert_eq!(line_path(&[(0.0, 10.0), (5.25, 2.0)]), "M0 10 L5.3 2");
        assert_eq!(
            step_path(&[(0.0, 10.0), (5.0, 20.0), (8.0, 30.0)]),
            "M0 10 L5 10 L5 20 L8 20 L8 30"
        );
    }

    #[wasm_bindgen_test]
    fn a_missing_value_breaks_the_line() {
        let p = |x: f64| Some((x, 1.0));
        assert_eq!(
            gapped_path(&[p(0.0), p(1.0), None, p(3.0), p(4.0)]),
            "M0 1 L1 1 M3 1 L4 1"
        );
        assert_eq!(
            gapped_path(&[None, p(1.0), None]),
            "",
            "a lone point is no line"
        );
        assert_eq!(gapped_path(&[None, None]), "");
        assert_eq!(
            gapped_path(&[p(0.0), p(2.0)]),
            line_path(&[(0.0, 1.0), (2.0, 1.0)])
        );
    }

    #[wasm_bindgen_test]
    fn labels_close_together_move_apart_in_their_order_and_stay_in_bounds() {
        assert_eq!(spread(&[], 14.0, (0.0, 100.0)), Vec::<f64>::new());
        assert_eq!(spread(&[50.0, 10.0], 14.0, (0.0, 100.0)), [50.0, 10.0]);
        assert_eq!(spread(&[40.0, 45.0], 14.0, (0.0, 100.0)), [40.0, 54.0]);
        // Order kept whatever the input order; near the bottom they move up instead.
        assert_eq!(
            spread(&[100.0, 98.0, 20.0], 14.0, (0.0, 100.0)),
            [100.0, 86.0, 20.0]
        );
    }
}
