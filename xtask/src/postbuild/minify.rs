//! Smaller text for the default view, first of the post-build steps:
//! - one stylesheet: the stylesheets Trunk linked (static/*.css, in the page's order) minified and joined into
//!   `summit-fruits-HASH.css`, linked once with its integrity hash, so the default view fetches one small file instead
//!   of several; those of the views that the on-demand module draws ([`ON_DEMAND_SHEETS`]) are joined apart into
//!   `summit-ondemand-HASH.css`, which nothing links: it is named with the module's files and fetched with them.
//!   The script embed's scoped stylesheet is made from both afterwards.
//! - the wasm-bindgen JS without its comments, blank lines and indentation (its integrity is added afterwards).
//!
//! Both minifiers are deliberately plain, so that they cannot change what the text means. The stylesheet's drops
//! comments and the white space that cannot matter (around `{`, `}`, `;`, `,`, `>`, after `:` and `(`, before `)`,
//! and a `;` before `}`), and leaves strings, every other token and the order of rules as they are. The script's works
//! line by line: it keeps every line break (so automatic semicolons stay where they were) and every token, and
//! refuses a script with a string or template literal across lines, where a line's white space would be text.

use super::integrity::sha384;
use super::{hashed_name, BuiltApp, Staging};
use crate::html;

/// Both steps; returns a line that names what they did.
pub fn write(staging: &Staging) -> Result<String, String> {
    let css = join_stylesheets(staging)?;
    let app = BuiltApp::find(staging)?;
    let script = staging.read_text(&app.js)?;
    let small = minify_script(&script).map_err(|e| format!("{}: {e}", app.js))?;
    staging.write(&app.js, &small)?;
    Ok(format!(
        "{css}; {} ({} B from {} B)",
        app.js,
        small.len(),
        script.len()
    ))
}

/// The stylesheets (their names in `static/`, without `.css`) of the views that the on-demand module draws: the
/// article, the timeline, the scorecard and the matrix (its drawing; the view's frame is `matrix.css`). They are
/// fetched with that module, not with the page.
pub const ON_DEMAND_SHEETS: [&str; 3] = ["article", "scorecard", "matrix-drawing"];

/// The stem of the on-demand stylesheet's name, `summit-ondemand-HASH.css`.
pub const ON_DEMAND_STYLESHEET: &str = "summit-ondemand";

/// Joins the page's stylesheets into one minified file and links it in their place, and joins those of
/// [`ON_DEMAND_SHEETS`] into a second file that nothing links; returns a line that names what it did. The old files
/// leave the staging folder, since nothing links them any more.
fn join_stylesheets(staging: &Staging) -> Result<String, String> {
    let page = staging.read_text("index.html")?;
    let links: Vec<html::Tag> = html::tags(&page, "link")?
        .into_iter()
        .filter(|link| link.get("rel") == Some("stylesheet"))
        .collect();
    let mut names = Vec::new();
    let (mut css, mut on_demand_css) = (String::new(), String::new());
    let mut raw = 0;
    let mut first_page_link = None;
    let mut edits = Vec::new();
    for link in &links {
        let href = link.get("href").unwrap_or("");
        let name = href.strip_prefix("./").unwrap_or(href);
        if !name.ends_with(".css") || name.contains('/') || name.contains(':') {
            return Err(format!(
                "index.html links the stylesheet {href:?}, not one of the bundle's own"
            ));
        }
        let text = staging.read_text(name)?;
        raw += text.len();
        if is_on_demand(name) {
            on_demand_css.push_str(&minify(&text));
        } else {
            css.push_str(&minify(&text));
            if first_page_link.is_none() {
                first_page_link = Some(link.range());
                names.push(name.to_string());
                continue;
            }
        }
        names.push(name.to_string());
        // The tag and the line break and indentation before it.
        let before = page[..link.start]
            .trim_end_matches([' ', '\t', '\n', '\r'])
            .len();
        edits.push((before..link.end, String::new()));
    }
    let Some(first) = first_page_link else {
        return Err("found no <link rel=\"stylesheet\"> for the page in index.html".into());
    };
    if on_demand_css.is_empty() {
        return Err(format!(
            "index.html links none of the on-demand views' stylesheets ({})",
            ON_DEMAND_SHEETS.join(", ")
        ));
    }
    let joined = hashed_name("summit-fruits", css.as_bytes(), "css");
    staging.write(&joined, &css)?;
    let on_demand = hashed_name(ON_DEMAND_STYLESHEET, on_demand_css.as_bytes(), "css");
    staging.write(&on_demand, &on_demand_css)?;
    let link = format!(
        r#"<link rel="stylesheet" href="./{joined}" crossorigin="anonymous" integrity="{}"/>"#,
        sha384(css.as_bytes())
    );
    edits.push((first, link));
    staging.write("index.html", html::replace_ranges(&page, edits))?;
    for name in &names {
        let path = staging.dir.join(name);
        std::fs::remove_file(&path)
            .map_err(|e| format!("cannot remove {}: {e}", path.display()))?;
    }
    Ok(format!(
        "{joined} ({} B) and {on_demand} ({} B) from {raw} B in {}",
        css.len(),
        on_demand_css.len(),
        names.join(", ")
    ))
}

/// True for a stylesheet of [`ON_DEMAND_SHEETS`] under the name Trunk gave it (`article-HASH.css`), or its own name.
fn is_on_demand(name: &str) -> bool {
    let stem = name.strip_suffix(".css").unwrap_or(name);
    let without_hash = stem.rsplit_once('-').map(|(stem, _hash)| stem);
    ON_DEMAND_SHEETS.contains(&stem) || without_hash.is_some_and(|s| ON_DEMAND_SHEETS.contains(&s))
}

/// Characters around which white space never matters in the page's CSS.
fn tight(c: char) -> bool {
    matches!(c, '{' | '}' | ';' | ',' | '>')
}

/// `css` without comments and without the white space that cannot change its meaning (see the module's comment).
pub fn minify(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut pending_space = false;
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = '\0';
                for d in chars.by_ref() {
                    if last == '*' && d == '/' {
                        break;
                    }
                    last = d;
                }
                // A comment separates like white space does.
                pending_space = true;
            }
            c if c.is_whitespace() => pending_space = true,
            '"' | '\'' => {
                flush_space(&mut out, &mut pending_space, c);
                out.push(c);
                let mut escaped = false;
                for d in chars.by_ref() {
                    out.push(d);
                    if escaped {
                        escaped = false;
                    } else if d == '\\' {
                        escaped = true;
                    } else if d == c {
                        break;
                    }
                }
            }
            _ => {
                if c == '}' && out.ends_with(';') {
                    out.pop();
                }
                flush_space(&mut out, &mut pending_space, c);
                out.push(c);
            }
        }
    }
    out
}

/// Writes the pending white space as one space before `next`, unless it cannot matter there.
fn flush_space(out: &mut String, pending: &mut bool, next: char) {
    if std::mem::take(pending) {
        let after = out.chars().next_back();
        let needless = match after {
            None => true,
            Some(before) => {
                tight(before) || before == ':' || before == '(' || tight(next) || next == ')'
            }
        };
        if !needless {
            out.push(' ');
        }
    }
}

/// `script` without comment lines, blank lines and indentation; an error for a string or template literal across lines.
pub fn minify_script(script: &str) -> Result<String, String> {
    let mut out = String::with_capacity(script.len());
    let mut in_comment = false;
    for (number, line) in script.lines().enumerate() {
        let line = line.trim();
        if in_comment {
            in_comment = !line.contains("*/");
            continue;
        }
        if line.starts_with("/*") {
            // A comment that starts a line, to its end (code after `*/` on the same line is kept).
            match line.find("*/") {
                None => in_comment = true,
                Some(end) if line[end + 2..].trim().is_empty() => {}
                Some(_) => push_line(&mut out, line),
            }
            continue;
        }
        if line.is_empty() || line.starts_with("//") {
            continue;
        }
        if line.matches('`').count() % 2 == 1 || line.ends_with('\\') {
            return Err(format!(
                "line {} continues a string or template literal on the next line, whose white space would be text",
                number + 1
            ));
        }
        push_line(&mut out, line);
    }
    Ok(out)
}

fn push_line(out: &mut String, line: &str) {
    out.push_str(line);
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_and_needless_space_go() {
        assert_eq!(
            minify("/* tokens */\n:root {\n  --a: #fff; /* white */\n  --b: 1px  solid;\n}\n\n.a > .b ,\n.c {\n  color: red;\n}\n"),
            ":root{--a:#fff;--b:1px solid}.a>.b,.c{color:red}"
        );
    }

    #[test]
    fn space_that_means_something_stays() {
        // Descendant combinators, a space before a pseudo-class, calc's operators, media query words, !important.
        assert_eq!(
            minify(".a .b :focus-visible { width: calc(100% - 2rem); margin: 0 auto !important }"),
            ".a .b :focus-visible{width:calc(100% - 2rem);margin:0 auto !important}"
        );
        assert_eq!(
            minify(
                "@media (prefers-color-scheme: dark) and (max-width: 40rem) {\n  .x { y: z }\n}"
            ),
            "@media (prefers-color-scheme:dark) and (max-width:40rem){.x{y:z}}"
        );
        assert_eq!(minify("a{b:c/* x */d}"), "a{b:c d}");
    }

    #[test]
    fn strings_are_left_as_they_are() {
        assert_eq!(
            minify(
                r#"a::before { content: "  /* not a comment */ { ; } \" " ; font-family: 'A  B', serif }"#
            ),
            r#"a::before{content:"  /* not a comment */ { ; } \" ";font-family:'A  B',serif}"#
        );
        assert_eq!(
            minify(r#":root:not([data-theme="light"]) { --x: 1 }"#),
            r#":root:not([data-theme="light"]){--x:1}"#
        );
    }

    #[test]
    fn the_page_links_one_joined_stylesheet_and_the_views_sheet_is_joined_apart() {
        let dir = std::env::temp_dir().join(format!("summit-stylesheet-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let staging = Staging::new(&dir);
        let page = "<head>\n  <link rel=\"icon\" href=\"./i.svg\"/>\n  <link rel=\"stylesheet\" href=\"./a-1.css\" crossorigin=\"anonymous\" integrity=\"sha384-x\"/>\n  <link rel=\"stylesheet\" href=\"./article-3.css\" crossorigin=\"anonymous\" integrity=\"sha384-z\"/>\n  <link rel=\"stylesheet\" href=\"./b-2.css\" crossorigin=\"anonymous\" integrity=\"sha384-y\"/>\n  <link rel=\"stylesheet\" href=\"./scorecard.css\"/>\n</head>";
        staging.write("index.html", page).unwrap();
        staging.write("a-1.css", "a { color: red; }\n").unwrap();
        staging
            .write("b-2.css", "/* b */\nb { color: blue; }\n")
            .unwrap();
        staging
            .write("article-3.css", ".article { margin: 0; }\n")
            .unwrap();
        staging
            .write("scorecard.css", ".scorecard { gap: 1px; }\n")
            .unwrap();
        let said = join_stylesheets(&staging).unwrap();
        let css = "a{color:red}b{color:blue}";
        let name = hashed_name("summit-fruits", css.as_bytes(), "css");
        let views = ".article{margin:0}.scorecard{gap:1px}";
        let views_name = hashed_name(ON_DEMAND_STYLESHEET, views.as_bytes(), "css");
        assert!(
            said.starts_with(&name) && said.contains(&views_name),
            "{said}"
        );
        assert_eq!(staging.read_text(&name).unwrap(), css);
        assert_eq!(staging.read_text(&views_name).unwrap(), views);
        assert_eq!(
            staging.read_text("index.html").unwrap(),
            format!(
                "<head>\n  <link rel=\"icon\" href=\"./i.svg\"/>\n  <link rel=\"stylesheet\" href=\"./{name}\" crossorigin=\"anonymous\" integrity=\"{}\"/>\n</head>",
                sha384(css.as_bytes())
            )
        );
        for old in ["a-1.css", "b-2.css", "article-3.css", "scorecard.css"] {
            assert!(!staging.has(old), "{old} is left");
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn the_views_sheets_are_known_with_or_without_their_hash() {
        for name in [
            "article-3f2a.css",
            "scorecard.css",
            "matrix-drawing-9c1e.css",
            "matrix-drawing.css",
        ] {
            assert!(is_on_demand(name), "{name}");
        }
        for name in [
            "matrix-9c1e.css",
            "matrix.css",
            "style-1.css",
            "drawing-2.css",
        ] {
            assert!(!is_on_demand(name), "{name}");
        }
    }

    #[test]
    fn a_page_without_the_views_sheets_is_refused() {
        let dir =
            std::env::temp_dir().join(format!("summit-stylesheet-none-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let staging = Staging::new(&dir);
        staging
            .write(
                "index.html",
                "<head><link rel=\"stylesheet\" href=\"./a-1.css\"/></head>",
            )
            .unwrap();
        staging.write("a-1.css", "a { color: red; }\n").unwrap();
        let refused = join_stylesheets(&staging).unwrap_err();
        assert!(refused.contains("article, scorecard"), "{refused}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn the_script_keeps_its_lines_and_tokens_without_comments_and_indentation() {
        let script = "/**\n * Docs.\n */\nexport function f(a) {\n    // why\n    const s = '/* not */ // not';\n\n    return `${a}` /* end */;\n}\n/* one */ g();\n";
        assert_eq!(
            minify_script(script).unwrap(),
            "export function f(a) {\nconst s = '/* not */ // not';\nreturn `${a}` /* end */;\n}\n/* one */ g();\n"
        );
        assert!(minify_script("const t = `a\n  b`;\n")
            .unwrap_err()
            .contains("line 1"));
        assert!(minify_script("const s = 'a\\\n  b';\n")
            .unwrap_err()
            .contains("line 1"));
    }
}
