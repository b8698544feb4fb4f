//! A small reader and editor of the bundle's HTML: start tags and their attributes, comments, whole elements, and
//! edits by byte range.
//!
//! The pages it reads are written by Trunk and by the post-build steps, so it knows only what they write: attribute
//! values in double quotes (or bare attributes without a value), no `>` inside a value. Anything else is an error
//! rather than a guess. Tags inside comments are not tags.

use std::ops::Range;

/// One start tag as it stands in the page: where it is and its attributes.
#[derive(Debug, Clone, PartialEq)]
pub struct Tag {
    /// The byte at which `<` stands.
    pub start: usize,
    /// The byte just after the closing `>`.
    pub end: usize,
    /// Each attribute's lower-case name and its value as written (empty for a bare attribute).
    attributes: Vec<(String, String)>,
}

impl Tag {
    /// The value of attribute `name` (lower case), if the tag has it.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The tag's bytes in the page.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// The byte ranges of every comment (`<!--` to `-->`, or to the end of the page when unclosed), in order.
pub fn comments(html: &str) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(at) = html[from..].find("<!--") {
        let start = from + at;
        let end = html[start + 4..]
            .find("-->")
            .map_or(html.len(), |close| start + 4 + close + 3);
        found.push(start..end);
        from = end;
    }
    found
}

/// Every `<name …>` start tag in `html` outside comments, in order.
pub fn tags(html: &str, name: &str) -> Result<Vec<Tag>, String> {
    let comments = comments(html);
    let opening = format!("<{name}");
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(at) = html[from..].find(&opening) {
        let start = from + at;
        if let Some(comment) = comments.iter().find(|c| c.contains(&start)) {
            from = comment.end;
            continue;
        }
        let rest = &html[start + opening.len()..];
        if !rest.starts_with(|c: char| c.is_whitespace() || c == '>' || c == '/') {
            from = start + opening.len();
            continue;
        }
        let (length, attributes) = read_attributes(rest, name, start)?;
        let end = start + opening.len() + length;
        found.push(Tag {
            start,
            end,
            attributes,
        });
        from = end;
    }
    Ok(found)
}

/// The attributes of a start tag from just after its name; returns how many bytes the tag has left (its `>`
/// included) and the attributes.
fn read_attributes(
    rest: &str,
    name: &str,
    start: usize,
) -> Result<(usize, Vec<(String, String)>), String> {
    let bytes = rest.as_bytes();
    let mut attributes = Vec::new();
    let mut i = 0;
    loop {
        while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            i += 1;
        }
        if i >= bytes.len() {
            return Err(format!("an unclosed <{name}> tag at byte {start}"));
        }
        if bytes[i] == b'>' {
            return Ok((i + 1, attributes));
        }
        let name_start = i;
        while i < bytes.len() && !b" \t\r\n=>/".contains(&bytes[i]) {
            i += 1;
        }
        let attribute = rest[name_start..i].to_ascii_lowercase();
        let mut value = String::new();
        if i < bytes.len() && bytes[i] == b'=' {
            i += 1;
            if bytes.get(i) != Some(&b'"') {
                return Err(format!(
                    "attribute {attribute} of a <{name}> tag is not double-quoted"
                ));
            }
            let close = rest[i + 1..]
                .find('"')
                .ok_or_else(|| format!("an unclosed attribute value in a <{name}> tag"))?;
            value = rest[i + 1..i + 1 + close].to_string();
            i += close + 2;
        }
        attributes.push((attribute, value));
    }
}

/// The end of the element that `tag` opens: the byte just after its `</name>`, if it is closed.
pub fn element_end(html: &str, tag: &Tag, name: &str) -> Option<usize> {
    let close = format!("</{name}>");
    html[tag.end..]
        .find(&close)
        .map(|at| tag.end + at + close.len())
}

/// `html` with each byte range of `edits` (in any order, none overlapping) replaced by its text.
pub fn replace_ranges(html: &str, mut edits: Vec<(Range<usize>, String)>) -> String {
    edits.sort_by_key(|(range, _)| std::cmp::Reverse(range.start));
    let mut out = html.to_string();
    for (range, with) in edits {
        out.replace_range(range, &with);
    }
    out
}

/// `html` with the one occurrence of `needle` replaced by `with` (taken as it is); none or several are an error.
pub fn replace_once(html: &str, needle: &str, with: &str) -> Result<String, String> {
    match html.matches(needle).count() {
        1 => Ok(html.replacen(needle, with, 1)),
        n => Err(format!("expected one {needle} in the page, found {n}")),
    }
}

/// Text escaped for an HTML element or a double-quoted attribute value.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tag_reader_takes_quoted_values_with_slashes_and_bare_attributes() {
        let found = tags(
            r#"<p><link rel="icon" href="./a/b.svg" integrity="sha384-a+b/c="/> <linked> <link async href="x"></p>"#,
            "link",
        )
        .unwrap();
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].get("href"), Some("./a/b.svg"));
        assert_eq!(found[0].get("integrity"), Some("sha384-a+b/c="));
        assert_eq!(found[1].get("async"), Some(""));
        assert!(tags("<link href=x>", "link").is_err());
        assert!(tags("<link href=\"x", "link").is_err());
    }

    #[test]
    fn data_attributes_are_not_taken_for_the_address() {
        let link = &tags(r#"<link data-href="x" href="y.css">"#, "link").unwrap()[0];
        assert_eq!(link.get("href"), Some("y.css"));
        let script = &tags(r#"<script data-src="x">"#, "script").unwrap()[0];
        assert_eq!(script.get("src"), None);
    }

    #[test]
    fn tags_in_comments_are_not_tags() {
        let html = "<!-- a <script> here --><script src=\"a.js\"></script><!-- <script unclosed";
        assert_eq!(comments(html), [0..24, 52..html.len()]);
        let found = tags(html, "script").unwrap();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].range(), 24..43);
        assert_eq!(element_end(html, &found[0], "script"), Some(52));
    }

    #[test]
    fn ranges_are_replaced_in_any_order_and_markers_only_once() {
        assert_eq!(
            replace_ranges(
                "abcdef",
                vec![
                    (0..1, "A".into()),
                    (4..6, String::new()),
                    (2..2, "+".into())
                ]
            ),
            "Ab+cd"
        );
        assert_eq!(replace_once("a<x>b", "<x>", "$&").unwrap(), "a$&b");
        assert!(replace_once("a<x>b<x>", "<x>", "").is_err());
        assert!(replace_once("ab", "<x>", "").is_err());
    }

    #[test]
    fn text_is_escaped_for_elements_and_attributes() {
        assert_eq!(
            escape(r#"<b> & "q" 'a'"#),
            "&lt;b&gt; &amp; &quot;q&quot; 'a'"
        );
    }
}
