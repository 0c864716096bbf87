//! The size of the PNG export. The browser draws the SVG on a canvas (the
//! app's `exports.rs`); a canvas past the browser's limits draws nothing and
//! says nothing, so the picture is scaled to stay within them.
//!
//! Measured in headless Chromium 156: a canvas takes at most 65,535 px a
//! side and 2^28 pixels (16,384 × 16,384); beyond either `toBlob` gives
//! null. Firefox is published to stop at 32,767 px a side and 11,180 ×
//! 11,180 pixels. The limits here are below all of these, and keep the
//! canvas's memory to 256 MB.

#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

/// The scale a PNG is drawn at when it fits: sharp on a high-density screen.
pub const PNG_SCALE: f64 = 2.0;
/// The longest side of a PNG, in pixels.
pub const PNG_MAX_SIDE: u32 = 16_384;
/// The most pixels in a PNG (8,192 × 8,192).
pub const PNG_MAX_AREA: u64 = 1 << 26;

/// A picture's widest and tallest (a diagram is never near it): keeps the
/// arithmetic finite for any input.
const LARGEST: f64 = 1e9;

/// How a picture of `width` × `height` is drawn as a PNG: at `scale`, on a
/// canvas of `px_width` × `px_height` pixels (at least 1 × 1).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PngSize {
    pub scale: f64,
    pub px_width: u32,
    pub px_height: u32,
}

/// The PNG of a picture of `width` × `height`: at 2×, or at the largest
/// scale that keeps both sides within `PNG_MAX_SIDE` and the area within
/// `PNG_MAX_AREA` once the sides are rounded up to whole pixels. Sizes that
/// are not finite or not positive count as 0; the scale is never 0 or NaN.
pub fn png_size(width: f64, height: f64) -> PngSize {
    let side = |x: f64| if x.is_finite() && x > 0.0 { x.min(LARGEST) } else { 0.0 };
    let (w, h) = (side(width), side(height));
    let max_side = f64::from(PNG_MAX_SIDE);
    // A side rounded up (and at least 1) is less than w·s + 1, so the area
    // is within budget when (w·s + 1)(h·s + 1) ≤ area: s is at most the
    // positive root of w·h·s² + (w + h)·s − (area − 1), written so that
    // w = h = 0 gives ∞ rather than 0 / 0.
    let budget = PNG_MAX_AREA as f64 - 1.0;
    let by_area = 2.0 * budget / ((w + h) + ((w + h) * (w + h) + 4.0 * w * h * budget).sqrt());
    let scale = PNG_SCALE.min(max_side / w).min(max_side / h).min(by_area);
    let scale = if scale.is_finite() && scale > 0.0 { scale } else { PNG_SCALE };
    let px = |x: f64| (x * scale).ceil().clamp(1.0, max_side) as u32;
    PngSize { scale, px_width: px(w), px_height: px(h) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn within_limits(width: f64, height: f64) -> PngSize {
        let p = png_size(width, height);
        assert!(p.scale.is_finite() && p.scale > 0.0 && p.scale <= PNG_SCALE, "{width} × {height}: scale {}", p.scale);
        assert!((1..=PNG_MAX_SIDE).contains(&p.px_width), "{width} × {height}: {p:?}");
        assert!((1..=PNG_MAX_SIDE).contains(&p.px_height), "{width} × {height}: {p:?}");
        assert!(u64::from(p.px_width) * u64::from(p.px_height) <= PNG_MAX_AREA, "{width} × {height}: {p:?}");
        p
    }

    #[test]
    fn a_picture_that_fits_is_drawn_at_twice_its_size() {
        let p = within_limits(1200.0, 700.5);
        assert_eq!(p, PngSize { scale: 2.0, px_width: 2400, px_height: 1401 });
        // The largest side that fits at 2× exactly.
        assert_eq!(within_limits(8192.0, 100.0).px_width, 16_384);
        assert_eq!(within_limits(8192.0, 100.0).scale, 2.0);
    }

    #[test]
    fn a_long_picture_is_scaled_to_the_longest_side() {
        // The 300-stage chain of the e2e test: 66,912 × 344, its title band included.
        let p = within_limits(66_912.0, 344.0);
        assert_eq!(p.px_width, PNG_MAX_SIDE);
        assert!((p.scale - 16_384.0 / 66_912.0).abs() < 1e-12);
        assert_eq!(p.px_height, 85);
        let tall = within_limits(300.0, 200_000.0);
        assert_eq!(tall.px_height, PNG_MAX_SIDE);
    }

    #[test]
    fn a_big_picture_is_scaled_to_the_area() {
        // 2× would be 32,000 × 24,000: the area decides, not the sides.
        let p = within_limits(16_000.0, 12_000.0);
        assert!(p.scale < 1.0);
        // As large as the budget allows: one more pixel a side would not fit.
        let more = u64::from(p.px_width + 1) * u64::from(p.px_height + 1);
        assert!(more > PNG_MAX_AREA, "{p:?}");
        // In proportion, to the pixel.
        let ratio = f64::from(p.px_width) / f64::from(p.px_height);
        assert!((ratio - 16_000.0 / 12_000.0).abs() < 2.0 / f64::from(p.px_height));
    }

    #[test]
    fn empty_tiny_and_broken_sizes_still_give_a_canvas() {
        for (w, h) in [
            (0.0, 0.0),
            (0.0, 500.0),
            (1e-9, 1e-9),
            (0.3, 0.3),
            (-5.0, 10.0),
            (f64::NAN, 10.0),
            (f64::INFINITY, f64::INFINITY),
            (1e300, 1e300),
        ] {
            within_limits(w, h);
        }
        assert_eq!(png_size(0.0, 0.0), PngSize { scale: 2.0, px_width: 1, px_height: 1 });
    }

    #[test]
    fn every_size_stays_within_the_limits() {
        // Sizes across the range, square to very long, and at the edges.
        let mut sizes =
            vec![(8192.0, 8192.0), (8192.5, 4096.0), (16_384.0, 4096.0), (65_535.0, 1.0), (11_585.0, 11_585.0)];
        let mut x: u64 = 0x9e37_79b9;
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let w = (x % 200_000) as f64 + (x >> 40) as f64 / 16_777_216.0;
            let h = ((x >> 20) % 60_000) as f64 + 0.5;
            sizes.push((w, h));
        }
        for (w, h) in sizes {
            within_limits(w, h);
        }
    }
}
