//! `cargo xtask`: the project's commands. Each installs the tools it needs when they are missing or at the wrong version.

mod bench;
mod deny;
mod schema;
mod serve;
mod single_file;
mod size;
mod synthetic;
mod tools;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

const USAGE: &str = "\
usage: cargo xtask <command>

  serve [--port N]     build the release bundle and serve it on http://127.0.0.1:8080/
  test                 run every check and all three layers of tests
  build [--single-file]
                       build the release bundle into dist/ (and, with --single-file, also
                       dist-single/summit-fruits.html, one file that opens from disk)
  static DIR [--port N] [--mount /sub/path/] [--cors]
                       serve a folder as a plain static server (used by the tests;
                       --port 0 picks a free port, --cors allows other origins)
  schema [--check]     write data/schema.json from the Rust types (or check that it is current)
  validate FILE        check a data set and print every problem with its JSON path
  bench [--loads N] [--interactions N] [--no-lighthouse]
                       build the release bundle, measure its sizes, load times (against a
                       static page), input latency and memory in headless Chromium, and
                       Lighthouse performance; prints a table, writes target/bench/bench.json
  setup                install the tools only
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => cmd_serve(&args[1..]),
        Some("test") => cmd_test(),
        Some("build") => cmd_build(&args[1..]),
        Some("static") => cmd_static(&args[1..]),
        Some("schema") => schema::run(&args[1..]),
        Some("validate") => cmd_validate(&args[1..]),
        Some("bench") => bench::run(&args[1..]),
        Some("setup") => tools::ensure_build_tools().and_then(|()| tools::ensure_test_tools()),
        _ => {
            eprint!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace root (the folder above `xtask/`).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the workspace")
        .to_path_buf()
}

/// Runs a command in the workspace root with the project's tool path, failing with its name when it fails.
pub fn run(program: &str, args: &[&str]) -> Result<(), String> {
    run_with_env(program, args, &[])
}

/// Like [`run`], with extra environment variables.
pub fn run_with_env(program: &str, args: &[&str], env: &[(&str, &str)]) -> Result<(), String> {
    println!("$ {program} {}", args.join(" "));
    let status = Command::new(program)
        .args(args)
        .current_dir(root())
        .env("PATH", tools::tool_path())
        .envs(env.iter().copied())
        .status()
        .map_err(|e| format!("could not start {program}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{program} {}` failed ({status})", args.join(" ")))
    }
}

fn port_option(args: &[String], default: u16) -> Result<u16, String> {
    match args.iter().position(|a| a == "--port") {
        Some(i) => args
            .get(i + 1)
            .and_then(|p| p.parse().ok())
            .ok_or_else(|| "--port takes a number".to_string()),
        None => Ok(default),
    }
}

fn build_release() -> Result<(), String> {
    run("trunk", &["build", "--release", "--offline"])
}

fn cmd_build(args: &[String]) -> Result<(), String> {
    tools::ensure_build_tools()?;
    build_release()?;
    if args.iter().any(|a| a == "--single-file") {
        build_single_file()?;
    }
    Ok(())
}

/// Writes `dist-single/summit-fruits.html` from the release bundle in `dist/`.
fn build_single_file() -> Result<(), String> {
    single_file::write(&root().join("dist"), &root().join(single_file::OUT_DIR)).map(|_| ())
}

fn cmd_serve(args: &[String]) -> Result<(), String> {
    let port = port_option(args, 8080)?;
    tools::ensure_build_tools()?;
    build_release()?;
    serve::serve_forever(&root().join("dist"), "/", port, serve::Options::default())
}

fn cmd_static(args: &[String]) -> Result<(), String> {
    let dir = args.first().ok_or("static takes a folder")?;
    let port = port_option(args, 4173)?;
    let mount = match args.iter().position(|a| a == "--mount") {
        Some(i) => args.get(i + 1).cloned().ok_or("--mount takes a path")?,
        None => "/".to_string(),
    };
    let options = serve::Options {
        cors: args.iter().any(|a| a == "--cors"),
    };
    serve::serve_forever(Path::new(dir), &mount, port, options)
}

fn cmd_validate(args: &[String]) -> Result<(), String> {
    use summit_core::validate::{parse_and_validate, Limits};
    let file = args.first().ok_or("validate takes a file")?;
    let text = std::fs::read_to_string(file).map_err(|e| format!("cannot read {file}: {e}"))?;
    match parse_and_validate(&text, &Limits::default()) {
        Ok((data, warnings)) => {
            for warning in &warnings {
                println!("{warning}");
            }
            println!(
                "{file}: valid: {} items, {} events, {} warnings",
                data.items.len(),
                data.events.len(),
                warnings.len()
            );
            Ok(())
        }
        Err(problems) => {
            for problem in &problems {
                println!("{problem}");
            }
            Err(format!("{file}: {} problems", problems.len()))
        }
    }
}

/// The summary of `cargo xtask test`: one line a step, with the wall time it took.
#[derive(Default)]
struct Summary {
    lines: Vec<String>,
}

impl Summary {
    /// Runs one step of the test command, and records `what` with its time once it has passed.
    fn step<T>(
        &mut self,
        what: &str,
        step: impl FnOnce() -> Result<T, String>,
    ) -> Result<T, String> {
        let started = std::time::Instant::now();
        let result = step()?;
        let elapsed = started.elapsed().as_secs();
        self.lines
            .push(format!("{what} ({}:{:02})", elapsed / 60, elapsed % 60));
        Ok(result)
    }
}

fn cmd_test() -> Result<(), String> {
    let started = std::time::Instant::now();
    let mut summary = Summary::default();
    summary.step("tools: installed or already present", || {
        tools::ensure_build_tools()?;
        tools::ensure_test_tools()
    })?;

    summary.step(
        "style: fmt, clippy (host, wasm), schema and cargo-deny (licences, bans, sources) are clean",
        || {
            println!("\n== style: cargo fmt and clippy (host and wasm)");
            run("cargo", &["fmt", "--all", "--check"])?;
            // The app is checked for the one target it runs on; the core and the tools for the host.
            run(
                "cargo",
                &[
                    "clippy",
                    "-p",
                    "summit-core",
                    "-p",
                    "xtask",
                    "--all-targets",
                    "--",
                    "-D",
                    "warnings",
                ],
            )?;
            run(
                "cargo",
                &[
                    "clippy",
                    "-p",
                    "summit-fruits",
                    "--target",
                    "wasm32-unknown-unknown",
                    "--all-targets",
                    "--",
                    "-D",
                    "warnings",
                ],
            )?;
            schema::run(&["--check".to_string()])?;
            deny::check()
        },
    )?;

    summary.step("layer 1 (native cargo test): passed", || {
        println!("\n== layer 1: native tests of the core and the tools");
        run("cargo", &["test", "-p", "summit-core", "-p", "xtask"])
    })?;

    summary.step("layer 2 (wasm-bindgen-test in Chromium): passed", || {
        println!("\n== layer 2: component tests in headless Chromium");
        run_with_env(
            "cargo",
            &[
                "test",
                "-p",
                "summit-fruits",
                "--target",
                "wasm32-unknown-unknown",
            ],
            &[("CHROMEDRIVER", tools::CHROMEDRIVER)],
        )
    })?;

    println!("\n== layer 3: end-to-end journeys on the release build");
    summary.step("release build and single file", || {
        build_release()?;
        build_single_file()
    })?;
    summary.step("size budget (xtask/src/size.rs): within", || {
        let size_budget = size::check_bundle(&root().join("dist"))?;
        println!("{size_budget}");
        Ok(())
    })?;
    let server = serve::spawn(&root().join("dist"), "/", 0)?;
    let base_url = format!("http://127.0.0.1:{}/", server.port);
    summary.step(
        "layer 3 (Playwright in Chromium, with axe-core): passed",
        || run_with_env("npx", &["playwright", "test"], &[("BASE_URL", &base_url)]),
    )?;

    let lighthouse = summary.step("Lighthouse accessibility audit of each view", || {
        println!("\n== Lighthouse accessibility audit of each view, on the same server");
        run_with_env("node", &["e2e/lighthouse.mjs"], &[("BASE_URL", &base_url)])?;
        // The script's one-line summary, from the report it has just written.
        let report = root().join("target/lighthouse-accessibility.json");
        std::fs::read_to_string(&report)
            .ok()
            .and_then(|text| serde_json::from_str::<serde_json::Value>(&text).ok())
            .and_then(|json| json["summary"].as_str().map(str::to_string))
            .ok_or_else(|| format!("{} has no summary", report.display()))
    })?;

    println!("\n== summary");
    for line in &summary.lines {
        println!("{line}");
    }
    println!("{lighthouse}");
    let elapsed = started.elapsed().as_secs();
    println!("total: {}:{:02}", elapsed / 60, elapsed % 60);
    Ok(())
}
