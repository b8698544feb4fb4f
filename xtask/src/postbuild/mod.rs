//! `cargo xtask postbuild`: finishes the bundle in Trunk's staging folder, after Trunk has written it and before it
//! moves it to `dist/` (Trunk.toml runs it as the `post_build` hook, so a plain `trunk build` is complete too).
//!
//! In order, each rewriting `index.html`: `minify` joins the page's stylesheets into one minified file and trims the
//! wasm-bindgen JS; [`prerender`] writes the default view, drawn by the app's own components
//! with Yew's server renderer, into the page; [`integrity::name_on_demand`] gives the on-demand module's JS and wasm
//! content-hashed names and names them, with their integrity, in the page, and [`integrity::name_frame_helper`] the
//! frame helper likewise; [`script_embed`] writes the script embed's
//! entry and scoped stylesheet and the hashed copies of the embed scripts, and names them in the page; [`integrity`]
//! replaces the start script's tag with integrity-checked preloads. Any surprise (a file missing or there twice, a
//! marker not found) fails the build.

pub mod integrity;
pub mod item_pages;
mod minify;
pub mod prerender;
pub mod preview;
mod script_embed;

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

/// 16 hex digits of the SHA-256 of `parts` one after the other: the part of a file name that changes whenever the
/// content does.
pub fn content_hash(parts: &[&[u8]]) -> String {
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update(part);
    }
    hasher
        .finalize()
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// `stem-HASH.extension`, a name that changes whenever `bytes` do ([`content_hash`]).
pub fn hashed_name(stem: &str, bytes: &[u8], extension: &str) -> String {
    format!("{stem}-{}.{extension}", content_hash(&[bytes]))
}

/// Trunk's staging folder, where the bundle is finished.
pub struct Staging {
    /// The folder itself.
    dir: PathBuf,
}

impl Staging {
    /// The folder Trunk names in `TRUNK_STAGING_DIR` for its hooks.
    pub fn from_env() -> Result<Staging, String> {
        std::env::var_os("TRUNK_STAGING_DIR")
            .map(|dir| Staging { dir: dir.into() })
            .ok_or_else(|| {
                "TRUNK_STAGING_DIR is not set: Trunk runs `cargo xtask postbuild` after a build (Trunk.toml)"
                    .to_string()
            })
    }

    pub fn new(dir: &Path) -> Staging {
        Staging {
            dir: dir.to_path_buf(),
        }
    }

    /// The name of the one file whose name `matches`; none or several fail.
    pub fn one(&self, matches: impl Fn(&str) -> bool, what: &str) -> Result<String, String> {
        let entries = std::fs::read_dir(&self.dir)
            .map_err(|e| format!("cannot list {}: {e}", self.dir.display()))?;
        let mut found = Vec::new();
        for entry in entries {
            let name = entry.map_err(|e| e.to_string())?.file_name();
            let name = name.to_string_lossy();
            if matches(&name) {
                found.push(name.into_owned());
            }
        }
        found.sort();
        match <[String; 1]>::try_from(found) {
            Ok([name]) => Ok(name),
            Err(found) => Err(format!(
                "expected one {what} in {}, found {found:?}",
                self.dir.display()
            )),
        }
    }

    /// Whether the folder holds a file of that name.
    pub fn has(&self, name: &str) -> bool {
        self.dir.join(name).is_file()
    }

    pub fn read(&self, name: &str) -> Result<Vec<u8>, String> {
        std::fs::read(self.dir.join(name))
            .map_err(|e| format!("cannot read {name} in {}: {e}", self.dir.display()))
    }

    pub fn read_text(&self, name: &str) -> Result<String, String> {
        String::from_utf8(self.read(name)?).map_err(|_| format!("{name} is not UTF-8 text"))
    }

    /// Writes a file, and the folders it is in (`items/ID/index.html`).
    pub fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> Result<(), String> {
        let path = self.dir.join(name);
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder)
                .map_err(|e| format!("cannot create {}: {e}", folder.display()))?;
        }
        std::fs::write(&path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
    }

    pub fn rename(&self, from: &str, to: &str) -> Result<(), String> {
        std::fs::rename(self.dir.join(from), self.dir.join(to)).map_err(|e| {
            format!(
                "cannot rename {from} to {to} in {}: {e}",
                self.dir.display()
            )
        })
    }
}

/// The names of the app's wasm-bindgen JS and wasm, which carry content hashes.
pub struct BuiltApp {
    pub js: String,
    pub wasm: String,
}

impl BuiltApp {
    pub fn find(staging: &Staging) -> Result<BuiltApp, String> {
        Ok(BuiltApp {
            js: staging.one(|n| is_app_file(n, ".js"), "wasm-bindgen JS file")?,
            wasm: staging.one(|n| is_app_file(n, "_bg.wasm"), "wasm file")?,
        })
    }
}

/// `summit-fruits{suffix}` or `summit-fruits-HEX{suffix}`: a file Trunk writes for the Rust app.
fn is_app_file(name: &str, suffix: &str) -> bool {
    let Some(hash) = name
        .strip_prefix("summit-fruits")
        .and_then(|rest| rest.strip_suffix(suffix))
    else {
        return false;
    };
    hash.is_empty()
        || hash.strip_prefix('-').is_some_and(|hex| {
            !hex.is_empty()
                && hex
                    .bytes()
                    .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        })
}

/// Every step on the staging folder, the page's cards from the data set in `data`; `base` is the bundle's public URL.
pub fn run(staging: &Staging, data: &Path, base: &str) -> Result<(), String> {
    println!("postbuild: minify: {}", minify::write(staging)?);
    let site = item_pages::SiteUrl::from_env()?;
    let drawn = prerender::write(staging, data, prerender::Pages::WithItems)?;
    println!(
        "postbuild: prerender: wrote {} items into index.html",
        drawn.data.items.len()
    );
    let app = BuiltApp::find(staging)?;
    let on_demand = integrity::name_on_demand(staging, base)?;
    println!(
        "postbuild: on-demand module: {}, {} and {}, named in index.html with their integrity",
        on_demand.js, on_demand.wasm, on_demand.css
    );
    println!(
        "postbuild: frame helper: {}, named in index.html with its integrity",
        integrity::name_frame_helper(staging, base)?
    );
    println!(
        "postbuild: script embed: {}",
        script_embed::write(staging, &app, &on_demand)?
    );
    integrity::write(staging, &app, base)?;
    println!(
        "postbuild: integrity added for {}, {} and boot.js",
        app.js, app.wasm
    );
    let written = item_pages::write(staging, &drawn.data, &drawn, site.as_ref())?;
    println!(
        "postbuild: item pages: wrote {} pages in items/ and the share tags of every page",
        written.pages
    );
    if let Some(left_out) = written.left_out {
        println!("postbuild: item pages: {left_out}");
    }
    let started = std::time::Instant::now();
    let images = preview::write_all(&staging.dir, &drawn.data)?;
    println!(
        "postbuild: preview images: wrote {images} (1200×630 PNG) in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_apps_files_are_told_from_the_embeds() {
        assert!(is_app_file("summit-fruits-b81c9fcf6415e4d.js", ".js"));
        assert!(is_app_file("summit-fruits.js", ".js"));
        assert!(is_app_file("summit-fruits-b81c_bg.wasm", "_bg.wasm"));
        assert!(!is_app_file("summit-fruits-embed.js", ".js"));
        assert!(!is_app_file(
            "summit-fruits-embed-da1116c74bb49e7e.js",
            ".js"
        ));
        assert!(!is_app_file("summit-fruits-.js", ".js"));
        assert!(!is_app_file("summit-fruits-B81C.js", ".js"));
        assert!(!is_app_file("summit-fruits-b81c_bg.wasm", ".js"));
    }
}
