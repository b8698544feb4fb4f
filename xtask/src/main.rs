//! `cargo xtask`: the project's commands. Each installs the tools it needs when they are missing or at the wrong version.

mod bench;
mod cli;
mod deny;
mod html;
mod postbuild;
mod schema;
mod serve;
mod single_file;
mod size;
mod synthetic;
mod tools;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use cli::Command as Task;

fn main() -> ExitCode {
    let task = match cli::parse(std::env::args_os().skip(1)) {
        Ok(task) => task,
        Err(message) => {
            eprint!("xtask: {message}\n\n{}", cli::USAGE);
            return ExitCode::from(2);
        }
    };
    let result = match task {
        Task::Serve { port } => cmd_serve(port),
        Task::Test => cmd_test(),
        Task::Build {
            single_file,
            site_url,
        } => cmd_build(single_file, site_url.as_deref()),
        Task::Static {
            dir,
            port,
            mount,
            cors,
        } => serve::serve_forever(&dir, &mount, port, serve::Options { cors }),
        Task::Schema { check } => schema::run(check),
        Task::Validate { file } => cmd_validate(&file),
        Task::Bench(options) => bench::run(&options),
        Task::Setup => tools::ensure_build_tools().and_then(|()| tools::ensure_test_tools()),
        Task::Postbuild => cmd_postbuild(),
        Task::Prerender { dir, data } => postbuild::prerender::write(
            &postbuild::Staging::new(&dir),
            &data.unwrap_or_else(bundled_data_set),
            postbuild::prerender::Pages::DefaultView,
        )
        .map(|drawn| {
            println!(
                "prerender: wrote {} items into {}",
                drawn.data.items.len(),
                dir.join("index.html").display()
            )
        }),
        Task::Help => {
            print!("{}", cli::USAGE);
            Ok(())
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

fn build_release() -> Result<(), String> {
    build_release_for(None)
}

/// The release build; with the site's address, the post-build step writes absolute share tags, the sitemap and
/// robots.txt (xtask/src/postbuild/item_pages.rs). The address reaches it through Trunk in an environment variable.
fn build_release_for(site_url: Option<&postbuild::item_pages::SiteUrl>) -> Result<(), String> {
    let site_url = site_url.map(ToString::to_string).unwrap_or_default();
    run_with_env(
        "trunk",
        &["build", "--release", "--offline"],
        &[(postbuild::item_pages::SITE_URL_VARIABLE, &site_url)],
    )
}

/// The site address the tests build with: the share tags and the sitemap are then complete, as published.
pub const TEST_SITE_URL: &str = "https://summit-fruits.example/tools/summit/";

fn cmd_build(single_file: bool, site_url: Option<&str>) -> Result<(), String> {
    let site_url = site_url
        .map(postbuild::item_pages::SiteUrl::parse)
        .transpose()?;
    tools::ensure_build_tools()?;
    build_release_for(site_url.as_ref())?;
    if single_file {
        build_single_file()?;
    }
    Ok(())
}

/// The article's own data set, which the page is prerendered from.
fn bundled_data_set() -> PathBuf {
    root().join("data/potential-fruits.json")
}

/// The post-build steps on Trunk's staging folder, with Trunk's public URL (`./` unless Trunk says otherwise).
fn cmd_postbuild() -> Result<(), String> {
    let base = std::env::var("TRUNK_PUBLIC_URL").unwrap_or_else(|_| "./".to_string());
    postbuild::run(&postbuild::Staging::from_env()?, &bundled_data_set(), &base)
}

/// Writes `dist-single/summit-fruits.html` from the release bundle in `dist/`.
fn build_single_file() -> Result<(), String> {
    single_file::write(&root().join("dist"), &root().join(single_file::OUT_DIR)).map(|_| ())
}

fn cmd_serve(port: u16) -> Result<(), String> {
    tools::ensure_build_tools()?;
    build_release()?;
    serve::serve_forever(&root().join("dist"), "/", port, serve::Options::default())
}

fn cmd_validate(path: &Path) -> Result<(), String> {
    use summit_core::validate::{parse_and_validate, Limits};
    let file = path.display();
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {file}: {e}"))?;
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
            // The app is checked for the one target it runs on; the core, the on-demand module's functions and the
            // tools for the host.
            run(
                "cargo",
                &[
                    "clippy",
                    "-p",
                    "summit-core",
                    "-p",
                    "summit-ondemand",
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
            // The app's server side (the prerender binary and the code only it compiles), on the host.
            run(
                "cargo",
                &[
                    "clippy",
                    "-p",
                    "summit-fruits",
                    "--features",
                    "ssr",
                    "--lib",
                    "--bins",
                    "--",
                    "-D",
                    "warnings",
                ],
            )?;
            schema::run(true)?;
            deny::check()
        },
    )?;

    summary.step("layer 1 (native cargo test): passed", || {
        println!("\n== layer 1: native tests of the core, the on-demand module and the tools");
        run(
            "cargo",
            &[
                "test",
                "-p",
                "summit-core",
                "-p",
                "summit-ondemand",
                "-p",
                "xtask",
            ],
        )?;
        // The app's own native tests (the prerender's address and fingerprint rules), with its server renderer.
        run(
            "cargo",
            &["test", "-p", "summit-fruits", "--features", "ssr", "--lib"],
        )
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
        build_release_for(Some(&postbuild::item_pages::SiteUrl::parse(TEST_SITE_URL)?))?;
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
