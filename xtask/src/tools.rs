//! Installs the tools the build and the tests need, each only when it is missing or at the wrong version.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{root, run, run_with_env};

pub const TRUNK_VERSION: &str = "0.21.14";
/// Must equal the `wasm-bindgen` crate pinned in Cargo.toml and `[tools]` in Trunk.toml.
pub const WASM_BINDGEN_VERSION: &str = "0.2.130";
/// cargo-deny for the licence, ban and source checks (`xtask/src/deny.rs`, rules in deny.toml).
pub const CARGO_DENY_VERSION: &str = "0.20.2";
pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

fn cargo_bin() -> PathBuf {
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(std::env::var_os("HOME").unwrap_or_default()).join(".cargo")
        });
    cargo_home.join("bin")
}

/// PATH with the project's npm tools and cargo's install folder in front.
pub fn tool_path() -> String {
    let mut parts = vec![root().join("node_modules/.bin"), cargo_bin()];
    parts.extend(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    ));
    std::env::join_paths(parts)
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The first line a program prints for `--version`, or `None` when it cannot be run.
fn version_of(program: &str) -> Option<String> {
    let output = Command::new(program)
        .arg("--version")
        .env("PATH", tool_path())
        .output()
        .ok()?;
    output.status.success().then(|| {
        String::from_utf8_lossy(&output.stdout)
            .lines()
            .next()
            .unwrap_or("")
            .to_string()
    })
}

fn ensure_wasm_target() -> Result<(), String> {
    let output = Command::new("rustup")
        .args(["target", "list", "--installed"])
        .output()
        .map_err(|e| format!("rustup is needed: {e}"))?;
    if String::from_utf8_lossy(&output.stdout)
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        return Ok(());
    }
    run("rustup", &["target", "add", "wasm32-unknown-unknown"])
}

fn ensure_cargo_tool(program: &str, expected: &str, install: &[&str]) -> Result<(), String> {
    let found = version_of(program);
    if found.as_deref() == Some(expected) {
        return Ok(());
    }
    println!("{program}: found {found:?}, need {expected:?}; installing (a few minutes, once)");
    run("cargo", install)
}

/// Installs `node_modules` from the committed lock file when it is missing or older than the lock file.
fn ensure_npm_packages() -> Result<(), String> {
    let lock = root().join("package-lock.json");
    let installed = root().join("node_modules/.package-lock.json");
    let modified = |p: &PathBuf| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    match (modified(&lock), modified(&installed)) {
        (Some(lock_time), Some(installed_time)) if installed_time >= lock_time => Ok(()),
        _ => run_with_env(
            "npm",
            &["ci", "--no-audit", "--no-fund"],
            &[("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")],
        ),
    }
}

/// What `trunk build --release --offline` needs: the wasm target, Trunk, the wasm-bindgen CLI and wasm-opt.
pub fn ensure_build_tools() -> Result<(), String> {
    ensure_wasm_target()?;
    ensure_cargo_tool(
        "trunk",
        &format!("trunk {TRUNK_VERSION}"),
        &["install", "trunk", "--version", TRUNK_VERSION, "--locked"],
    )?;
    ensure_wasm_bindgen_cli(None)?;
    ensure_npm_packages()
}

/// The lock file the wasm-bindgen CLI is built from, kept in the repository: the crate's published `Cargo.lock`
/// with only `webpki-roots` moved from 1.0.11, which crates.io no longer serves, to 1.0.10 (`cargo update -p
/// webpki-roots --precise 1.0.10`). Every other crate, and every checksum, is the published one.
const WASM_BINDGEN_LOCK: &str = "xtask/locks/wasm-bindgen-cli-0.2.130.Cargo.lock";

/// Whether a tool was installed or was already there at the right version.
#[derive(Debug, PartialEq, Eq)]
pub enum Install {
    Installed,
    AlreadyThere,
}

/// The wasm-bindgen CLI at [`WASM_BINDGEN_VERSION`] (with `wasm-bindgen-test-runner`), built with `--locked` from
/// the crate's source and the repository's lock file, so that every machine builds the same CLI, which writes the
/// JS that ships to every reader. Into cargo's own bin folder, or `install_root` (`cargo install --root`).
pub fn ensure_wasm_bindgen_cli(install_root: Option<&Path>) -> Result<Install, String> {
    let program = match install_root {
        Some(root) => root.join("bin").join("wasm-bindgen"),
        None => PathBuf::from("wasm-bindgen"),
    };
    let expected = format!("wasm-bindgen {WASM_BINDGEN_VERSION}");
    let found = version_of(&program.to_string_lossy());
    if found.as_deref() == Some(expected.as_str()) {
        return Ok(Install::AlreadyThere);
    }
    println!(
        "wasm-bindgen: found {found:?}, need {expected:?}; installing from {WASM_BINDGEN_LOCK} (a few minutes, once)"
    );
    let source = crate_source("wasm-bindgen-cli", WASM_BINDGEN_VERSION)?;
    let build = root()
        .join("target")
        .join("tool-sources")
        .join(format!("wasm-bindgen-cli-{WASM_BINDGEN_VERSION}"));
    let _ = std::fs::remove_dir_all(&build);
    copy_dir(&source, &build)?;
    // Its own workspace, not a member of ours (it sits below our workspace's root).
    let manifest = build.join("Cargo.toml");
    let mut toml =
        std::fs::read_to_string(&manifest).map_err(|e| format!("{}: {e}", manifest.display()))?;
    toml.push_str("\n[workspace]\n");
    std::fs::write(&manifest, toml).map_err(|e| format!("{}: {e}", manifest.display()))?;
    std::fs::copy(root().join(WASM_BINDGEN_LOCK), build.join("Cargo.lock"))
        .map_err(|e| format!("cannot copy {WASM_BINDGEN_LOCK}: {e}"))?;
    let path = build.to_string_lossy().into_owned();
    let mut args = vec!["install", "--path", &path, "--locked", "--force"];
    let install_root = install_root.map(|r| r.to_string_lossy().into_owned());
    if let Some(root) = &install_root {
        args.extend(["--root", root.as_str()]);
    }
    run("cargo", &args)?;
    match version_of(&program.to_string_lossy()) {
        Some(version) if version == expected => Ok(Install::Installed),
        other => Err(format!(
            "after installing, {} reports {other:?}, not {expected:?}",
            program.display()
        )),
    }
}

/// The unpacked source of a crate from crates.io, through cargo itself: `cargo metadata` on a throwaway package that
/// depends on exactly that version downloads and unpacks it into cargo's registry, and says where.
fn crate_source(name: &str, version: &str) -> Result<PathBuf, String> {
    let fetcher = root()
        .join("target")
        .join("tool-sources")
        .join(format!("fetch-{name}"));
    std::fs::create_dir_all(fetcher.join("src"))
        .map_err(|e| format!("{}: {e}", fetcher.display()))?;
    let manifest = fetcher.join("Cargo.toml");
    std::fs::write(
        &manifest,
        format!(
            "[package]\nname = \"fetch-{name}\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
             [dependencies]\n{name} = \"={version}\"\n\n[workspace]\n"
        ),
    )
    .and_then(|()| std::fs::write(fetcher.join("src").join("lib.rs"), ""))
    .map_err(|e| format!("{}: {e}", fetcher.display()))?;
    let output = Command::new("cargo")
        .args(["metadata", "--format-version", "1", "--manifest-path"])
        .arg(&manifest)
        .output()
        .map_err(|e| format!("could not start cargo: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "cargo could not fetch {name} {version}: {}",
            String::from_utf8_lossy(&output.stderr).trim()
        ));
    }
    let metadata: serde_json::Value = serde_json::from_slice(&output.stdout)
        .map_err(|e| format!("cargo metadata printed no JSON: {e}"))?;
    metadata["packages"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|p| p["name"] == name && p["version"] == version)
        .and_then(|p| p["manifest_path"].as_str())
        .and_then(|m| Path::new(m).parent())
        .map(Path::to_path_buf)
        .ok_or_else(|| format!("cargo metadata does not list {name} {version}"))
}

/// Copies the folder `from` to `to`, recursively (a crate's source: plain files and folders).
fn copy_dir(from: &Path, to: &Path) -> Result<(), String> {
    std::fs::create_dir_all(to).map_err(|e| format!("{}: {e}", to.display()))?;
    let entries = std::fs::read_dir(from).map_err(|e| format!("{}: {e}", from.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| format!("{}: {e}", from.display()))?;
        let target = to.join(entry.file_name());
        if entry.file_type().map_err(|e| e.to_string())?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), &target)
                .map_err(|e| format!("{}: {e}", target.display()))?;
        }
    }
    Ok(())
}

/// What the browser tests need on top of the build tools: Debian's Chromium and ChromeDriver.
pub fn ensure_test_tools() -> Result<(), String> {
    if std::path::Path::new(CHROMIUM).exists() && std::path::Path::new(CHROMEDRIVER).exists() {
        return Ok(());
    }
    println!("Chromium and ChromeDriver are missing; installing Debian's packages (about a minute, once)");
    run("apt-get", &["update"])?;
    run_with_env(
        "apt-get",
        &[
            "install",
            "-y",
            "--no-install-recommends",
            "chromium",
            "chromium-driver",
        ],
        &[("DEBIAN_FRONTEND", "noninteractive")],
    )
}

/// cargo-deny at [`CARGO_DENY_VERSION`], installed from crates.io only when it is missing or at another version.
pub fn ensure_cargo_deny() -> Result<(), String> {
    ensure_cargo_tool(
        "cargo-deny",
        &format!("cargo-deny {CARGO_DENY_VERSION}"),
        &[
            "install",
            "cargo-deny",
            "--version",
            CARGO_DENY_VERSION,
            "--locked",
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The version of package `name` in a Cargo.lock's text.
    fn locked_version<'a>(lock: &'a str, name: &str) -> Vec<&'a str> {
        let heading = format!("name = \"{name}\"\n");
        lock.split("[[package]]\n")
            .filter(|block| block.starts_with(&heading))
            .filter_map(|block| block.lines().nth(1)?.strip_prefix("version = \""))
            .map(|v| v.trim_end_matches('"'))
            .collect()
    }

    #[test]
    fn the_kept_lock_file_builds_the_cli_that_matches_the_app() {
        let lock = std::fs::read_to_string(root().join(WASM_BINDGEN_LOCK)).unwrap();
        assert_eq!(
            locked_version(&lock, "wasm-bindgen-cli"),
            [WASM_BINDGEN_VERSION]
        );
        // The CLI's own wasm-bindgen crates must be the version the app pins, or the JS it writes does not match.
        assert_eq!(
            locked_version(&lock, "wasm-bindgen"),
            [WASM_BINDGEN_VERSION]
        );
        let app_lock = std::fs::read_to_string(root().join("Cargo.lock")).unwrap();
        assert_eq!(
            locked_version(&app_lock, "wasm-bindgen"),
            [WASM_BINDGEN_VERSION]
        );
        // Every package from crates.io carries its checksum, which cargo checks on download.
        for block in lock.split("[[package]]\n").skip(1) {
            if block.contains("source = \"registry+") {
                assert!(block.contains("checksum = \""), "no checksum in {block}");
            }
        }
        // The one crate moved from the published lock: crates.io no longer serves webpki-roots 1.0.11.
        assert_eq!(locked_version(&lock, "webpki-roots"), ["1.0.10"]);
    }

    /// Builds the CLI into a temporary root (minutes: run by hand with `cargo test -p xtask -- --ignored`), then
    /// checks that a second call finds it and installs nothing.
    #[test]
    #[ignore]
    fn the_cli_installs_from_the_kept_lock_file_into_a_fresh_root() {
        let install_root =
            std::env::temp_dir().join(format!("summit-wasm-bindgen-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&install_root);
        let started = std::time::Instant::now();
        assert_eq!(
            ensure_wasm_bindgen_cli(Some(&install_root)),
            Ok(Install::Installed)
        );
        println!("installed in {:?}", started.elapsed());
        assert!(install_root
            .join("bin")
            .join("wasm-bindgen-test-runner")
            .is_file());
        assert_eq!(
            ensure_wasm_bindgen_cli(Some(&install_root)),
            Ok(Install::AlreadyThere)
        );
        let _ = std::fs::remove_dir_all(&install_root);
    }
}
