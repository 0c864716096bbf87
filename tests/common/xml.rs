//! A strict little XML well-formedness checker for the tests: elements nest
//! properly, attributes are quoted and unique, every `&` starts a known
//! entity or a character reference, no `<` in text or attribute values.
//! It returns every element with its attributes (values unescaped) and the
//! text, so tests can look for scripts, event attributes and references.

#[derive(Debug, Clone)]
pub struct Element {
    pub name: String,
    pub attrs: Vec<(String, String)>,
}

#[derive(Debug, Default)]
pub struct Doc {
    pub elements: Vec<Element>,
    /// All character data, unescaped, joined with spaces.
    pub text: String,
    /// The character data of `<style>` elements.
    pub style: String,
}

fn unescape(s: &str, at: usize) -> Result<String, String> {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let Some(end) = after.find(';') else { return Err(format!("bare & near byte {at}")) };
        let name = &after[..end];
        let c = match name {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            n if n.starts_with("#x") => {
                u32::from_str_radix(&n[2..], 16).ok().and_then(char::from_u32).ok_or("bad char ref")?
            }
            n if n.starts_with('#') => n[1..].parse::<u32>().ok().and_then(char::from_u32).ok_or("bad char ref")?,
            _ => return Err(format!("unknown entity &{name}; near byte {at}")),
        };
        out.push(c);
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

fn is_name_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | ':')
}

pub fn parse(src: &str) -> Result<Doc, String> {
    let src = src.strip_prefix('\u{feff}').unwrap_or(src);
    let mut doc = Doc::default();
    let mut stack: Vec<String> = Vec::new();
    let mut pos = 0;
    let mut roots = 0;
    while pos < src.len() {
        let rest = &src[pos..];
        if let Some(r) = rest.strip_prefix("<?") {
            let end = r.find("?>").ok_or("unclosed <?")?;
            pos += 2 + end + 2;
        } else if let Some(r) = rest.strip_prefix("<!--") {
            let end = r.find("-->").ok_or("unclosed comment")?;
            pos += 4 + end + 3;
        } else if let Some(r) = rest.strip_prefix("<![CDATA[") {
            let end = r.find("]]>").ok_or("unclosed CDATA")?;
            doc.text.push_str(&r[..end]);
            if stack.last().is_some_and(|n| n == "style") {
                doc.style.push_str(&r[..end]);
            }
            pos += 9 + end + 3;
        } else if rest.starts_with("<!DOCTYPE") {
            if rest[..rest.find('>').ok_or("unclosed doctype")?].contains('[') {
                return Err("internal DTD subset (entity declarations) not allowed".into());
            }
            pos += rest.find('>').ok_or("unclosed doctype")? + 1;
        } else if let Some(r) = rest.strip_prefix("</") {
            let end = r.find('>').ok_or("unclosed end tag")?;
            let name = r[..end].trim();
            match stack.pop() {
                Some(open) if open == name => {}
                other => return Err(format!("</{name}> closes {other:?}")),
            }
            pos += 2 + end + 1;
        } else if let Some(r) = rest.strip_prefix('<') {
            let name: String = r.chars().take_while(|&c| is_name_char(c)).collect();
            if name.is_empty() {
                return Err(format!("bad tag at byte {pos}"));
            }
            if stack.is_empty() {
                roots += 1;
            }
            let mut i = 1 + name.len();
            let mut attrs: Vec<(String, String)> = Vec::new();
            loop {
                let r = &src[pos + i..];
                let trimmed = r.trim_start();
                i += r.len() - trimmed.len();
                if trimmed.starts_with("/>") {
                    i += 2;
                    break;
                }
                if trimmed.starts_with('>') {
                    i += 1;
                    stack.push(name.clone());
                    break;
                }
                let an: String = trimmed.chars().take_while(|&c| is_name_char(c)).collect();
                if an.is_empty() {
                    return Err(format!("bad attribute in <{name}> at byte {}", pos + i));
                }
                i += an.len();
                let r = &src[pos + i..];
                let t = r.trim_start();
                i += r.len() - t.len();
                if !t.starts_with('=') {
                    return Err(format!("attribute {an} without ="));
                }
                i += 1;
                let r = &src[pos + i..];
                let t = r.trim_start();
                i += r.len() - t.len();
                let q = t.chars().next().ok_or("end in attribute")?;
                if q != '"' && q != '\'' {
                    return Err(format!("unquoted attribute {an}"));
                }
                let body = &t[1..];
                let end = body.find(q).ok_or("unclosed attribute")?;
                let raw = &body[..end];
                if raw.contains('<') {
                    return Err(format!("< in attribute {an}"));
                }
                if attrs.iter().any(|(k, _)| *k == an) {
                    return Err(format!("attribute {an} twice"));
                }
                attrs.push((an, unescape(raw, pos + i)?));
                i += 1 + end + 1;
            }
            doc.elements.push(Element { name, attrs });
            pos += i;
        } else {
            let end = rest.find('<').unwrap_or(rest.len());
            let text = &rest[..end];
            if stack.is_empty() && !text.trim().is_empty() {
                return Err("text outside the root element".into());
            }
            if text.contains('>') && text.contains("]]>") {
                return Err("]]> in text".into());
            }
            let t = unescape(text, pos)?;
            if stack.last().is_some_and(|n| n == "style") {
                doc.style.push_str(&t);
            }
            doc.text.push_str(&t);
            doc.text.push(' ');
            pos += end;
        }
    }
    if !stack.is_empty() {
        return Err(format!("unclosed elements {stack:?}"));
    }
    if roots != 1 {
        return Err(format!("{roots} root elements"));
    }
    Ok(doc)
}

/// The rules for an SVG that is safe to open anywhere: no script or
/// foreign content, no event attributes, no reference to anything outside
/// the file. Returns what breaks them.
pub fn unsafe_parts(doc: &Doc) -> Vec<String> {
    let mut bad = Vec::new();
    for e in &doc.elements {
        let local = e.name.rsplit(':').next().unwrap_or(&e.name).to_ascii_lowercase();
        if matches!(local.as_str(), "script" | "foreignobject" | "iframe" | "object" | "embed" | "image" | "use" | "a")
        {
            bad.push(format!("element <{}>", e.name));
        }
        for (k, v) in &e.attrs {
            let key = k.to_ascii_lowercase();
            if key.starts_with("on") {
                bad.push(format!("event attribute {k} on <{}>", e.name));
            }
            if (key == "href" || key.ends_with(":href")) && !v.starts_with('#') {
                bad.push(format!("external reference {k}={v}"));
            }
            if key == "xmlns" || key.starts_with("xmlns:") {
                continue;
            }
            let lower = v.to_ascii_lowercase();
            if lower.contains("javascript:") || lower.contains("data:") {
                bad.push(format!("{k}={v}"));
            }
            if let Some(i) = lower.find("url(") {
                if !lower[i + 4..].trim_start().starts_with('#') {
                    bad.push(format!("external url() in {k}={v}"));
                }
            }
        }
    }
    let text = doc.style.to_ascii_lowercase();
    if text.contains("@import") {
        bad.push("@import in a style sheet".into());
    }
    let mut rest = text.as_str();
    while let Some(i) = rest.find("url(") {
        if !rest[i + 4..].trim_start().starts_with('#') {
            bad.push("external url() in a style sheet".into());
        }
        rest = &rest[i + 4..];
    }
    bad
}
