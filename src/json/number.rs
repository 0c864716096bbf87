//! JSON number text to `f64`, correctly rounded, without the standard
//! library's float parser.
//!
//! `str::parse::<f64>` links a 20 KB table of powers of five (its
//! Eisel–Lemire fast path) into the web app: about 17 KB of the gzipped
//! download for the few coordinates a file holds. This reader gives the same
//! bits for every JSON number (a property test compares the two):
//!
//! - up to 19 significant digits and a power of ten up to 22 take the exact
//!   path of Clinger (one rounding, as every such power is exact in `f64`);
//! - anything else is rounded from big-integer arithmetic: the integer
//!   `digits × 10^e`, or the quotient `digits × 2^s / 10^k` to 64 bits plus a
//!   sticky bit, then rounded half to even (subnormals included).

/// The value of a JSON number (`-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`),
/// correctly rounded; infinite when it is too large. `None` for any other text.
pub fn to_f64(text: &str) -> Option<f64> {
    let b = text.as_bytes();
    let (negative, rest) = match b.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, b),
    };
    let d = Decimal::read(rest)?;
    let magnitude = d.value();
    Some(if negative { -magnitude } else { magnitude })
}

/// Significant digits kept: 768 decide any `f64`; the rest only count as
/// "something non-zero follows" (the sticky last digit).
const MAX_DIGITS: usize = 800;

/// `digits × 10^exp`, digits without leading or trailing zeros.
struct Decimal {
    digits: Vec<u8>,
    exp: i64,
}

impl Decimal {
    fn read(b: &[u8]) -> Option<Decimal> {
        let mut digits = Vec::new();
        let mut exp: i64 = 0;
        let mut i = 0;
        let mut dropped_nonzero = false;
        let mut seen_digit = false;
        let mut push = |c: u8, digits: &mut Vec<u8>, exp_shift: i64, exp: &mut i64| {
            if digits.is_empty() && c == b'0' {
                *exp += exp_shift;
                return;
            }
            if digits.len() < MAX_DIGITS {
                digits.push(c - b'0');
                *exp += exp_shift;
            } else {
                dropped_nonzero |= c != b'0';
                *exp += exp_shift + 1;
            }
        };
        while let Some(&c @ b'0'..=b'9') = b.get(i) {
            // An integer digit: every later one multiplies it by ten, which
            // the exponent counts once the digits are read (below).
            push(c, &mut digits, 0, &mut exp);
            seen_digit = true;
            i += 1;
        }
        // `exp` counted dropped integer digits (+1 each); leading zeros and
        // kept integer digits count nothing.
        let int_end = i;
        if !seen_digit || (int_end > 1 && b.first() == Some(&b'0')) {
            return None;
        }
        if b.get(i) == Some(&b'.') {
            i += 1;
            let start = i;
            while let Some(&c @ b'0'..=b'9') = b.get(i) {
                // A fraction digit divides by ten, kept or dropped; a leading
                // zero of the fraction only moves the point.
                push(c, &mut digits, -1, &mut exp);
                i += 1;
            }
            if i == start {
                return None;
            }
        }
        if let Some(b'e' | b'E') = b.get(i) {
            i += 1;
            let negative = match b.get(i) {
                Some(b'-') => {
                    i += 1;
                    true
                }
                Some(b'+') => {
                    i += 1;
                    false
                }
                _ => false,
            };
            let start = i;
            let mut e: i64 = 0;
            while let Some(&c @ b'0'..=b'9') = b.get(i) {
                e = (e * 10 + i64::from(c - b'0')).min(1 << 40);
                i += 1;
            }
            if i == start {
                return None;
            }
            exp += if negative { -e } else { e };
        }
        if i != b.len() {
            return None;
        }
        if dropped_nonzero {
            // Truncation leaves the value strictly between two 800-digit
            // numbers; a final 1 keeps it strictly inside that interval.
            digits.push(1);
            exp -= 1;
        }
        while digits.last() == Some(&0) {
            digits.pop();
            exp += 1;
        }
        Some(Decimal { digits, exp })
    }

    fn value(&self) -> f64 {
        if self.digits.is_empty() {
            return 0.0;
        }
        let n = self.digits.len() as i64;
        // The value lies in [10^(n + exp - 1), 10^(n + exp)).
        if n + self.exp > 310 {
            return f64::INFINITY;
        }
        if n + self.exp < -324 {
            return 0.0;
        }
        if let (true, Some(&p)) = (n <= 19, POW10.get(self.exp.unsigned_abs() as usize)) {
            let m = self.digits.iter().fold(0u64, |m, &d| m * 10 + u64::from(d));
            if m < 1 << 53 {
                return if self.exp < 0 { m as f64 / p } else { m as f64 * p };
            }
        }
        self.slow()
    }

    fn slow(&self) -> f64 {
        let mut n = Big::from_digits(&self.digits);
        if self.exp >= 0 {
            n.mul_pow10(self.exp as u32);
            let (top, e2, sticky) = n.top64();
            return round(top, e2, sticky);
        }
        let k = self.exp.unsigned_abs() as u32;
        let mut den = Big::one();
        den.mul_pow5(k);
        // digits / 10^k = digits / 5^k × 2^-k: shift so that the quotient
        // has 64 or 65 bits.
        let s = 64 + den.bits() as i64 - n.bits() as i64;
        if s > 0 {
            n.shl(s as u32);
        } else {
            den.shl((-s) as u32);
        }
        let (mut q, rest_nonzero) = n.div_small_quotient(&den);
        let mut e2 = -s - i64::from(k);
        let mut sticky = rest_nonzero;
        while q >> 64 != 0 {
            sticky |= q & 1 == 1;
            q >>= 1;
            e2 += 1;
        }
        while q >> 63 == 0 {
            // Cannot happen with the shift above; kept for safety.
            q <<= 1;
            e2 -= 1;
        }
        round(q as u64, e2, sticky)
    }
}

/// The `f64` nearest `m × 2^e2` (plus less than one unit of `m` when
/// `sticky`), ties to even; `m` has its top bit set.
fn round(m: u64, e2: i64, sticky: bool) -> f64 {
    // The leading bit's weight is 2^(e2 + 63); the last kept bit's weight must
    // be at least 2^-1074, and 53 bits are kept for a normal number.
    let drop = (11i64).max(-1074 - e2);
    if drop > 64 {
        return 0.0;
    }
    let drop = drop as u32;
    let (kept, guard, rest) = if drop == 64 {
        (0u64, m >> 63 == 1, m << 1 != 0 || sticky)
    } else {
        (m >> drop, (m >> (drop - 1)) & 1 == 1, m & ((1u64 << (drop - 1)) - 1) != 0 || sticky)
    };
    let kept = if guard && (rest || kept & 1 == 1) { kept + 1 } else { kept };
    let e = e2 + i64::from(drop);
    if kept == 0 {
        return 0.0;
    }
    // kept ≤ 2^53, so `kept as f64` is exact and scaling by a power of two is
    // exact unless it overflows (then infinity is the right answer).
    let (mut x, mut e) = (kept as f64, e);
    while e > 1023 {
        x *= f64::from_bits(0x7FE0_0000_0000_0000); // 2^1023
        e -= 1023;
        if x.is_infinite() {
            return x;
        }
    }
    x * pow2(e)
}

/// 2^e for -1074 ≤ e ≤ 1023.
fn pow2(e: i64) -> f64 {
    if e >= -1022 {
        f64::from_bits(((e + 1023) as u64) << 52)
    } else {
        f64::from_bits(1u64 << (e + 1074).clamp(0, 51))
    }
}

const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
    1e21, 1e22,
];

/// A non-negative big integer, 32-bit limbs, least significant first.
struct Big(Vec<u32>);

impl Big {
    fn one() -> Big {
        Big(vec![1])
    }

    fn from_digits(digits: &[u8]) -> Big {
        let mut b = Big(Vec::with_capacity(digits.len() / 9 + 1));
        for chunk in digits.chunks(9) {
            let mut scale = 1u32;
            let mut add = 0u32;
            for &d in chunk {
                scale *= 10;
                add = add * 10 + u32::from(d);
            }
            b.mul_add(scale, add);
        }
        b
    }

    fn mul_add(&mut self, factor: u32, add: u32) {
        let mut carry = u64::from(add);
        for limb in &mut self.0 {
            let t = u64::from(*limb) * u64::from(factor) + carry;
            *limb = t as u32;
            carry = t >> 32;
        }
        if carry != 0 {
            self.0.push(carry as u32);
        }
    }

    fn mul_pow5(&mut self, mut k: u32) {
        while k >= 13 {
            self.mul_add(1_220_703_125, 0); // 5^13
            k -= 13;
        }
        self.mul_add(5u32.pow(k), 0);
    }

    fn mul_pow10(&mut self, k: u32) {
        self.mul_pow5(k);
        self.shl(k);
    }

    fn bits(&self) -> u32 {
        let top = self.0.iter().rposition(|&l| l != 0).unwrap_or(0);
        let last = self.0.get(top).copied().unwrap_or(0);
        top as u32 * 32 + (32 - last.leading_zeros())
    }

    fn shl(&mut self, s: u32) {
        let (limbs, bits) = ((s / 32) as usize, s % 32);
        if bits != 0 {
            let mut carry = 0u32;
            for limb in &mut self.0 {
                let v = *limb;
                *limb = (v << bits) | carry;
                carry = v >> (32 - bits);
            }
            if carry != 0 {
                self.0.push(carry);
            }
        }
        self.0.splice(0..0, std::iter::repeat_n(0, limbs));
    }

    /// The top 64 bits, the weight of their last bit, and whether any lower
    /// bit is set.
    fn top64(&self) -> (u64, i64, bool) {
        let bits = self.bits();
        let mut m: u64 = 0;
        let mut sticky = false;
        for i in (0..bits).rev() {
            let bit = self.0.get((i / 32) as usize).is_some_and(|l| (l >> (i % 32)) & 1 == 1);
            if bits - i <= 64 {
                m = (m << 1) | u64::from(bit);
            } else {
                sticky |= bit;
            }
        }
        let m = m << 64u32.saturating_sub(bits);
        (m, i64::from(bits) - 64, sticky)
    }

    /// `⌊self / den⌋`, known to fit in 66 bits, and whether a remainder is
    /// left. Restoring long division, one quotient bit at a time.
    fn div_small_quotient(&self, den: &Big) -> (u128, bool) {
        let mut rest = Big(self.0.clone());
        let mut q: u128 = 0;
        for i in (0..66u32).rev() {
            let mut d = Big(den.0.clone());
            d.shl(i);
            if rest.cmp(&d) != std::cmp::Ordering::Less {
                rest.sub(&d);
                q |= 1 << i;
            }
        }
        (q, rest.0.iter().any(|&l| l != 0))
    }

    fn cmp(&self, other: &Big) -> std::cmp::Ordering {
        let len = self.0.len().max(other.0.len());
        for i in (0..len).rev() {
            let (a, b) = (self.0.get(i).copied().unwrap_or(0), other.0.get(i).copied().unwrap_or(0));
            if a != b {
                return a.cmp(&b);
            }
        }
        std::cmp::Ordering::Equal
    }

    /// `self -= other`, with `self ≥ other`.
    fn sub(&mut self, other: &Big) {
        let mut borrow = 0i64;
        for (i, limb) in self.0.iter_mut().enumerate() {
            let t = i64::from(*limb) - i64::from(other.0.get(i).copied().unwrap_or(0)) - borrow;
            *limb = t.rem_euclid(1 << 32) as u32;
            borrow = i64::from(t < 0);
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
mod tests {
    use super::to_f64;
    use proptest::prelude::*;

    fn same(text: &str) {
        let want: f64 = text.parse().unwrap();
        let got = to_f64(text).unwrap_or_else(|| panic!("{text} was refused"));
        assert_eq!(got.to_bits(), want.to_bits(), "{text}: got {got:e}, want {want:e}");
    }

    #[test]
    fn hard_cases_match_the_standard_parser() {
        for t in [
            "0",
            "-0",
            "0.0",
            "1",
            "-1",
            "0.1",
            "0.3",
            "123.5",
            "1e22",
            "1e23",
            "9007199254740993",
            "9007199254740992",
            "9007199254740994",
            "9007199254740995",
            "18014398509481985",
            "2.2250738585072011e-308",
            "2.2250738585072014e-308",
            "2.2250738585072012e-308",
            "4.9406564584124654e-324",
            "2.4703282292062327e-324",
            "2.4703282292062328e-324",
            "2.4703282292062327208828439643e-324",
            "5e-324",
            "1e-324",
            "3e-324",
            "1e-400",
            "1.7976931348623157e308",
            "1.7976931348623158e308",
            "1.7976931348623159e308",
            "1e309",
            "1E400",
            "0.30000000000000004",
            "1.00000000000000011102230246251565404236316680908203125",
            "1.00000000000000011102230246251565404236316680908203124",
            "1.00000000000000011102230246251565404236316680908203126",
            "7.038531e-26",
            "8.98846567431158e307",
            "4503599627370496.5",
            "4503599627370497.5",
            "123456789012345678901234567890",
            "0.000000000000000000000000000000000001234",
            "1e-7",
            "-9999999.999999",
            "0e400",
            "0.000e-400",
            "100000000000000000000000e-2",
        ] {
            same(t);
        }
        let long = format!("0.{}1", "0".repeat(900));
        same(&long);
        let halfway = format!("9007199254740993{}", "0".repeat(850));
        same(&format!("{halfway}e-850"));
        same(&format!("{halfway}1e-851"));
    }

    #[test]
    fn text_that_is_not_a_json_number_is_refused() {
        for t in ["", "-", "01", "1.", ".5", "1e", "1e+", "+1", "inf", "NaN", "1.0.0", "1 ", "0x10", "--1"] {
            assert_eq!(to_f64(t), None, "{t:?}");
        }
    }

    proptest! {
        #[test]
        fn any_json_number_matches_the_standard_parser(
            negative in any::<bool>(),
            int in "(0|[1-9][0-9]{0,30})",
            frac in proptest::option::of("[0-9]{1,30}"),
            exp in proptest::option::of(-350i32..350),
        ) {
            let mut t = String::new();
            if negative { t.push('-'); }
            t.push_str(&int);
            if let Some(f) = frac { t.push('.'); t.push_str(&f); }
            if let Some(e) = exp { t.push_str(&format!("e{e}")); }
            same(&t);
        }

        #[test]
        fn any_double_read_back_from_its_shortest_text_is_itself(bits in any::<u64>()) {
            let x = f64::from_bits(bits);
            prop_assume!(x.is_finite());
            same(&format!("{x:e}"));
            same(&format!("{:.25e}", x));
        }
    }
}
