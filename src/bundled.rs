//! The data set bundled into the app at build time, parsed once on first use.

use std::rc::Rc;

use summit_core::model::DataSet;
use summit_core::validate::{parse_data_set, Limits, Problem};

/// The bundled data set's JSON, the same file that is published beside the app.
pub const DATA_SET_JSON: &str = include_str!("../data/potential-fruits.json");

thread_local! {
    static BUNDLED: Result<Rc<DataSet>, Rc<Vec<Problem>>> =
        parse_data_set(json(), &Limits::default()).map(Rc::new).map_err(Rc::new);
}

/// On the server (the `prerender` binary), a data set to draw instead of the bundled one: set once, before the first
/// render, and read by every renderer thread.
#[cfg(feature = "ssr")]
static ON_SERVER: std::sync::OnceLock<String> = std::sync::OnceLock::new();

/// Makes the server draw the data set in `json` instead of the bundled one; fails when it was set already.
#[cfg(feature = "ssr")]
pub fn draw_on_server(json: String) -> Result<(), String> {
    ON_SERVER
        .set(json)
        .map_err(|_| "the data set to draw is chosen once".to_string())
}

fn json() -> &'static str {
    #[cfg(feature = "ssr")]
    if let Some(json) = ON_SERVER.get() {
        return json;
    }
    DATA_SET_JSON
}

/// The bundled data set, or the problems that kept it from loading.
pub fn data_set() -> Result<Rc<DataSet>, Rc<Vec<Problem>>> {
    BUNDLED.with(Clone::clone)
}
