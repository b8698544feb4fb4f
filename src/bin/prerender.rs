//! `prerender [--data FILE] [--items]`: prints the explorer's default view as HTML, drawn by the app's own components
//! with Yew's server renderer, for `cargo xtask postbuild` to write into `index.html`
//! (xtask/src/postbuild/prerender.rs); with `--items`, also each item's page (the default view with the item open),
//! for the item pages the build writes beside it (xtask/src/postbuild/item_pages.rs).
//!
//! Output: the fingerprint of what was drawn on the first line (src/prerender.rs), the default view's markup on the
//! rest; with `--items`, then for each item a record: the byte 0x1E and the item's id on a line, its page's markup on
//! the next. Without `--data` it draws the data set bundled into the app, the only one the browser can hydrate.

use std::process::ExitCode;

/// What the command line asks for.
struct Request {
    data: Option<String>,
    items: bool,
}

fn read_args() -> Result<Request, ExitCode> {
    let mut request = Request {
        data: None,
        items: false,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--items" => request.items = true,
            "--data" => {
                let Some(file) = args.next() else {
                    eprintln!("usage: prerender [--data FILE] [--items] (--data takes a file)");
                    return Err(ExitCode::from(2));
                };
                match std::fs::read_to_string(&file) {
                    Ok(text) => request.data = Some(text),
                    Err(e) => {
                        eprintln!("prerender: cannot read {file}: {e}");
                        return Err(ExitCode::FAILURE);
                    }
                }
            }
            _ => {
                eprintln!("usage: prerender [--data FILE] [--items]");
                return Err(ExitCode::from(2));
            }
        }
    }
    Ok(request)
}

fn main() -> ExitCode {
    let request = match read_args() {
        Ok(request) => request,
        Err(code) => return code,
    };
    let (html, fingerprint) = match summit_fruits::prerender::render_default_view(request.data) {
        Ok(drawn) => drawn,
        Err(message) => {
            eprintln!("prerender: {message}");
            return ExitCode::FAILURE;
        }
    };
    println!("{fingerprint}\n{html}");
    if request.items {
        let Ok(data) = summit_fruits::bundled::data_set() else {
            eprintln!("prerender: the data set drawn has no items to draw pages of");
            return ExitCode::FAILURE;
        };
        for item in &data.items {
            let markup = summit_fruits::prerender::render_item_page(&item.id);
            println!("\u{1e}{}\n{markup}", item.id);
        }
    }
    ExitCode::SUCCESS
}
