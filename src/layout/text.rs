//! Text measurement without a browser: an estimate of how wide a string is
//! in the system sans-serif font, good enough to size cards so that text
//! fits (cards are sized generously; CJK characters count as a full em).

/// Width in pixels of `s` at `font_px`.
pub fn width(s: &str, font_px: f64) -> f64 {
    s.chars().map(char_em).sum::<f64>() * font_px
}

/// Advance widths in em, close to DejaVu Sans (the widest common fallback
/// font), so that estimates err on the side of room to spare.
fn char_em(c: char) -> f64 {
    const LOWER: [f64; 26] = [
        0.613, 0.635, 0.55, 0.635, 0.615, 0.352, 0.635, 0.634, 0.278, 0.278, 0.579, 0.278, 0.974, 0.634, 0.612, 0.635,
        0.635, 0.411, 0.521, 0.392, 0.634, 0.592, 0.818, 0.592, 0.592, 0.525,
    ];
    const UPPER: [f64; 26] = [
        0.684, 0.686, 0.698, 0.77, 0.632, 0.575, 0.775, 0.752, 0.295, 0.295, 0.656, 0.557, 0.863, 0.748, 0.787, 0.603,
        0.787, 0.695, 0.635, 0.611, 0.732, 0.684, 0.989, 0.685, 0.611, 0.685,
    ];
    match c {
        'a'..='z' => LOWER.get((c as u8 - b'a') as usize).copied().unwrap_or(0.7),
        'A'..='Z' => UPPER.get((c as u8 - b'A') as usize).copied().unwrap_or(0.7),
        '0'..='9' => 0.636,
        ' ' => 0.32,
        '.' | ',' | ':' | ';' | '\'' | '|' | '!' => 0.32,
        '(' | ')' | '[' | ']' | '-' | '/' => 0.39,
        '@' | '%' | '&' => 0.9,
        c if is_wide(c) => 1.0,
        _ => 0.7,
    }
}

/// CJK ideographs, kana, hangul, full-width forms and CJK punctuation.
pub fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD)
}

/// Breaks `s` into lines no wider than `max_px`, at spaces where possible
/// and between any two wide (CJK) characters; a single over-long word is
/// broken where it must be. At most `max_lines` lines; the last one ends
/// with "…" when text was cut.
pub fn wrap(s: &str, font_px: f64, max_px: f64, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut line_w = 0.0;
    for token in tokens(s.trim()) {
        let tw = width(&token, font_px);
        let is_space = token == " ";
        if line_w + tw <= max_px || line.is_empty() && !is_space && tw <= max_px {
            if !(is_space && line.is_empty()) {
                line.push_str(&token);
                line_w += tw;
            }
            continue;
        }
        if is_space {
            // A break at a space: the space itself is dropped.
            lines.push(std::mem::take(&mut line).trim_end().to_string());
            line_w = 0.0;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line).trim_end().to_string());
            line_w = 0.0;
        }
        // The token alone is too wide: break it by characters.
        for c in token.chars() {
            let cw = char_em(c) * font_px;
            if line_w + cw > max_px && !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                line_w = 0.0;
            }
            line.push(c);
            line_w += cw;
        }
    }
    if !line.trim().is_empty() {
        lines.push(line.trim_end().to_string());
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            ellipsize(last, font_px, max_px);
        }
    }
    lines
}

/// Cuts `s` so that it plus "…" fits in `max_px`.
pub fn ellipsize(s: &mut String, font_px: f64, max_px: f64) {
    let ell = width("…", font_px);
    while !s.is_empty() && width(s, font_px) + ell > max_px {
        s.pop();
    }
    let trimmed = s.trim_end().len();
    s.truncate(trimmed);
    s.push('…');
}

/// One line, cut with "…" if it does not fit.
pub fn one_line(s: &str, font_px: f64, max_px: f64) -> String {
    let first = s.lines().next().unwrap_or("").trim();
    if width(first, font_px) <= max_px && !s.trim().contains('\n') {
        first.to_string()
    } else if width(first, font_px) <= max_px {
        let mut t = first.to_string();
        t.push('…');
        t
    } else {
        let mut t = first.to_string();
        ellipsize(&mut t, font_px, max_px);
        t
    }
}

/// Words, single spaces, and single wide characters (each a break chance).
fn tokens(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    for c in s.chars() {
        if c.is_whitespace() || is_wide(c) {
            if !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
            out.push(if c.is_whitespace() { " ".to_string() } else { c.to_string() });
        } else {
            word.push(c);
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_spaces_and_between_cjk_characters() {
        let lines = wrap("Heat treatment window for the new alloy", 14.0, 120.0, 5);
        assert!(lines.len() > 1);
        for l in &lines {
            assert!(width(l, 14.0) <= 120.0, "{l}");
        }
        assert_eq!(lines.join(" "), "Heat treatment window for the new alloy");
        let zh = wrap("通用航空发动机用高强铝合金的成分设计", 14.0, 100.0, 5);
        assert!(zh.len() > 1);
        assert_eq!(zh.concat(), "通用航空发动机用高强铝合金的成分设计");
    }

    #[test]
    fn long_words_are_broken_and_excess_lines_get_an_ellipsis() {
        let lines = wrap(&"x".repeat(200), 14.0, 100.0, 2);
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('…'));
        for l in &lines {
            assert!(width(l, 14.0) <= 100.0 + 0.01);
        }
        assert_eq!(one_line("first\nsecond", 12.0, 500.0), "first…");
    }
}
