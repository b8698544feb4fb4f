//! Build script of the app: checks the bundled data set with the core's full validator and writes it in the wire form
//! (`summit_core::wire`) to `OUT_DIR`, where `src/bundled.rs` includes it. The app then neither parses JSON nor
//! validates anything when it starts, and a bundled data set with an error fails the build, every problem listed. The
//! app carries it without the article's text, which only the on-demand module shows (it holds the data set whole).

use std::path::PathBuf;

use summit_core::validate::{parse_and_validate, Limits, Problem};
use summit_core::wire;

/// The data set bundled into the app, relative to this package.
const DATA_SET: &str = "data/potential-fruits.json";

/// The file `src/bundled.rs` includes from `OUT_DIR`.
const WIRE_FILE: &str = "potential-fruits.wire";

fn main() {
    println!("cargo::rerun-if-changed={DATA_SET}");
    println!("cargo::rerun-if-changed=build.rs");
    let json = std::fs::read_to_string(DATA_SET)
        .unwrap_or_else(|e| panic!("cannot read the bundled data set {DATA_SET}: {e}"));
    let data = match parse_and_validate(&json, &Limits::default()) {
        Ok((data, warnings)) => {
            for warning in &warnings {
                println!("cargo::warning={DATA_SET}: {}", line(warning));
            }
            data
        }
        Err(problems) => {
            // Cargo shows a failed build script's output: every problem, one a line, and no backtrace.
            let n = problems.len();
            let noun = if n == 1 { "problem" } else { "problems" };
            eprintln!("the bundled data set {DATA_SET} is refused by the validator ({n} {noun}):");
            for problem in &problems {
                eprintln!("  {}", line(problem));
            }
            std::process::exit(1);
        }
    };
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let path = out.join(WIRE_FILE);
    std::fs::write(&path, wire::encode(&data.without_module_only_text()))
        .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
}

/// One problem on one line: its severity, its JSON path and its message.
fn line(problem: &Problem) -> String {
    let severity = if problem.is_error() {
        "error"
    } else {
        "warning"
    };
    format!("{severity} at {}: {}", problem.path, problem.message)
}
