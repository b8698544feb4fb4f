//! Installs the tools the build and the tests need, each only when it is missing or at the wrong version.

use std::path::PathBuf;
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
    // No --locked: the CLI's lock file names a crate version the registry no longer serves.
    ensure_cargo_tool(
        "wasm-bindgen",
        &format!("wasm-bindgen {WASM_BINDGEN_VERSION}"),
        &[
            "install",
            "wasm-bindgen-cli",
            "--version",
            WASM_BINDGEN_VERSION,
            "--force",
        ],
    )?;
    ensure_npm_packages()
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
