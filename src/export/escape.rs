//! Escaping user text for each output language, so that no text from a map
//! is ever read as markup, a link, a formula or syntax (PRODUCT.md, "Never").

/// Text for XML/SVG character data and attribute values (either quote).
/// Characters XML 1.0 cannot hold (most control characters, U+FFFE, U+FFFF)
/// are left out.
pub fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 || c == '\u{7f}' || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

/// One line of Markdown text that renders as exactly the characters given:
/// no emphasis, code, link, image, HTML, heading, list, quote, table cell
/// border or autolink can start in it. Line breaks become spaces.
pub fn md(s: &str) -> String {
    let one_line: String = s.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    md_line(one_line.trim())
}

/// Several lines of Markdown text (a background, notes): each line escaped
/// as by [`md`], kept as a hard line break; blank lines separate paragraphs.
pub fn md_block(s: &str) -> String {
    let mut out = String::new();
    let mut blank = false;
    for line in s.lines() {
        let line: String = line.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
        let line = line.trim();
        if line.is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank { "\n\n" } else { "  \n" });
        }
        blank = false;
        out.push_str(&md_line(line));
    }
    out
}

fn md_line(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len() + 8);
    // Block markers at the start of a line: headings, lists, quotes, rules.
    let lead_digits = chars.iter().take_while(|c| c.is_ascii_digit()).count();
    for (i, &c) in chars.iter().enumerate() {
        let at_start = i == 0;
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' | '$' | '@' | '{' | '}' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '#' | '-' | '+' | '=' if at_start => {
                out.push('\\');
                out.push(c);
            }
            '.' | ')' if lead_digits > 0 && i == lead_digits => {
                out.push('\\');
                out.push(c);
            }
            // "http://…" and "www.…" would become links in GitHub-flavoured Markdown.
            ':' if chars.get(i + 1) == Some(&'/') => out.push_str("\\:"),
            '.' if i >= 3 && chars[i - 3..i].iter().collect::<String>().eq_ignore_ascii_case("www") => {
                out.push_str("\\.");
            }
            c => out.push(c),
        }
    }
    out
}

/// The inside of a double-quoted Graphviz DOT string (an id or a label):
/// quotes and backslashes escaped, so no escape sequence (`\N`, `\G`, `\l`…)
/// and no HTML-like label can come from the text. Line breaks become `\n`.
pub fn dot(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 4);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The inside of a double-quoted Mermaid label: every character that
/// Mermaid or its HTML labels could read as syntax or markup is written as
/// a numeric entity code (`#60;`), which Mermaid shows as the character.
pub fn mermaid(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '"' | '#' | '<' | '>' | '&' | '`' | '|' | '%' | ';' | '\\' | '*' | '_' | '[' | ']' | '{' | '}' | '('
            | ')' | '\'' | '~' | '$' | '=' | ':' => {
                out.push('#');
                out.push_str(&(c as u32).to_string());
                out.push(';');
            }
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// One CSV cell (RFC 4180), safe against formula injection: a cell that
/// starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading
/// `'`, so a spreadsheet shows it as text instead of running it.
pub fn csv(s: &str) -> String {
    let guarded = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{s}") } else { s.to_string() };
    if guarded.contains([',', '"', '\n', '\r', ';']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_escapes_markup_and_drops_what_xml_cannot_hold() {
        assert_eq!(xml("<a href=\"x\">&'</a>"), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;");
        assert_eq!(xml("a\u{1}b\u{ffff}"), "ab");
    }

    #[test]
    fn markdown_escapes_everything_that_could_start_markup() {
        assert_eq!(md("<script>alert(1)</script>"), "&lt;script&gt;alert(1)&lt;/script&gt;");
        assert_eq!(md("# not a heading"), "\\# not a heading");
        assert_eq!(md("1. not a list"), "1\\. not a list");
        assert_eq!(md("- x"), "\\- x");
        assert_eq!(md("[link](javascript:alert(1))"), "\\[link\\](javascript:alert(1))");
        assert_eq!(md("**b** _i_ `c` a|b"), "\\*\\*b\\*\\* \\_i\\_ \\`c\\` a\\|b");
        assert_eq!(md("see https://x.org or www.x.org"), "see https\\://x.org or www\\.x.org");
        assert_eq!(md("a\nb"), "a b");
        assert_eq!(md_block("a\nb\n\n# c"), "a  \nb\n\n\\# c");
    }

    #[test]
    fn dot_mermaid_and_csv() {
        assert_eq!(dot("a\"b\\N\nc"), "a\\\"b\\\\N\\nc");
        assert_eq!(mermaid("<b>\"x\"</b>"), "#60;b#62;#34;x#34;#60;/b#62;");
        assert_eq!(csv("=1+2"), "'=1+2");
        assert_eq!(csv("-x"), "'-x");
        assert_eq!(csv("a,\"b\""), "\"a,\"\"b\"\"\"");
        assert_eq!(csv("plain 中文"), "plain 中文");
    }
}
