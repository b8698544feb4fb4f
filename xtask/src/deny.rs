//! The dependency policy check: `cargo deny` over the whole workspace with the rules in deny.toml.
//!
//! Licences, bans (duplicate versions only warn) and sources (crates.io only) need nothing but Cargo.lock and the
//! manifests of every crate in it, for every platform (a machine that has only built the project holds its own
//! platform's crates alone), so `cargo fetch` brings those first from crates.io and the check then runs offline. The advisory check needs the RustSec database from GitHub, which
//! the build machines cannot fetch; where the network is open, run `cargo deny check advisories` by hand.

use crate::{run, tools};

/// Runs `cargo deny --offline --workspace check licenses bans sources`, installing cargo-deny first when needed.
///
/// `--workspace` makes every member a root of the graph (the root manifest is also a package, so without it only
/// the app's own dependencies would be checked, not those of `core` and `xtask`).
pub fn check() -> Result<(), String> {
    tools::ensure_cargo_deny()?;
    println!("\n== dependencies: cargo deny (licences, bans, sources; offline)");
    // Without --target, cargo fetch brings every platform's crates, which cargo deny reads the metadata of.
    run("cargo", &["fetch", "--locked"])?;
    run(
        "cargo",
        &[
            "deny",
            "--offline",
            "--workspace",
            "check",
            "licenses",
            "bans",
            "sources",
        ],
    )
}
