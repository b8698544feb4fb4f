//! The dependency policy check: `cargo deny` over the whole workspace with the rules in deny.toml.
//!
//! Licences, bans (duplicate versions only warn) and sources (crates.io only) need nothing but Cargo.lock and the
//! local registry cache, so they run offline. The advisory check needs the RustSec database from GitHub, which
//! the build machines cannot fetch; where the network is open, run `cargo deny check advisories` by hand.

use crate::{run, tools};

/// Runs `cargo deny --offline --workspace check licenses bans sources`, installing cargo-deny first when needed.
///
/// `--workspace` makes every member a root of the graph (the root manifest is also a package, so without it only
/// the app's own dependencies would be checked, not those of `core` and `xtask`).
pub fn check() -> Result<(), String> {
    tools::ensure_cargo_deny()?;
    println!("\n== dependencies: cargo deny (licences, bans, sources; offline)");
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
