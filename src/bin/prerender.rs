//! `prerender [--data FILE]`: prints the explorer's default view as HTML, drawn by the app's own components with
//! Yew's server renderer, for `cargo xtask postbuild` to write into `index.html` (xtask/src/postbuild/prerender.rs).
//!
//! Output: the fingerprint of what was drawn on the first line (src/prerender.rs), the markup on the rest. Without
//! `--data` it draws the data set bundled into the app, the only one the browser can hydrate.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let data = match args.as_slice() {
        [] => None,
        [flag, file] if flag == "--data" => match std::fs::read_to_string(file) {
            Ok(text) => Some(text),
            Err(e) => {
                eprintln!("prerender: cannot read {file}: {e}");
                return ExitCode::FAILURE;
            }
        },
        _ => {
            eprintln!("usage: prerender [--data FILE]");
            return ExitCode::from(2);
        }
    };
    match summit_fruits::prerender::render_default_view(data) {
        Ok((html, fingerprint)) => {
            println!("{fingerprint}\n{html}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("prerender: {message}");
            ExitCode::FAILURE
        }
    }
}
