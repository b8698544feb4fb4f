//! The data set bundled into the app: checked by the full validator at build time (`build.rs`), which writes it in
//! the wire form; here it is only decoded, once, on first use. No JSON is parsed and nothing is validated at start.

use std::rc::Rc;

use summit_core::model::DataSet;
use summit_core::validate::Problem;
use summit_core::wire;

/// The bundled data set in the wire form, as `build.rs` wrote it from `data/potential-fruits.json`: without the
/// article's text (`article.sections` is empty), which only the on-demand module shows; that module holds it whole.
pub const DATA_SET_WIRE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/potential-fruits.wire"));

thread_local! {
    static BUNDLED: Result<Rc<DataSet>, Rc<Vec<Problem>>> = wire::decode::<DataSet>(wire_bytes())
        .map(Rc::new)
        // Only a build that mixed up its files gets here: the page then says what went wrong instead of going blank.
        .map_err(|e| Rc::new(vec![Problem::error("$", format!("the bundled data set could not be read ({e})"))]));
}

/// On the server (the `prerender` binary), a data set to draw instead of the bundled one, in the wire form: set once,
/// before the first render, and read by every renderer thread.
#[cfg(feature = "ssr")]
static ON_SERVER: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();

/// Makes the server draw the data set in `json` instead of the bundled one, checked by the full validator (the server
/// is native, where the validator costs nothing); fails when it is refused or when one was chosen already.
#[cfg(feature = "ssr")]
pub fn draw_on_server(json: &str) -> Result<(), String> {
    use summit_core::validate::{parse_and_validate, Limits};
    let (data, _warnings) = parse_and_validate(json, &Limits::default()).map_err(|problems| {
        let first = problems.first().map_or_else(String::new, |p| {
            format!(", first at {}: {}", p.path, p.message)
        });
        format!(
            "the data set to draw is refused ({} problems{first})",
            problems.len()
        )
    })?;
    // In the form build.rs writes (without the text only the on-demand module shows), so that the bundled data set
    // drawn this way has the fingerprint of the app's own copy, and the browser takes the page over.
    ON_SERVER
        .set(wire::encode(&data.without_module_only_text()))
        .map_err(|_| "the data set to draw is chosen once".to_string())
}

/// The wire bytes of the data set this build draws: the bundled one, or on the server the one chosen instead.
pub fn wire_bytes() -> &'static [u8] {
    #[cfg(feature = "ssr")]
    if let Some(bytes) = ON_SERVER.get() {
        return bytes;
    }
    DATA_SET_WIRE
}

/// The bundled data set, or the problem that kept it from loading.
pub fn data_set() -> Result<Rc<DataSet>, Rc<Vec<Problem>>> {
    BUNDLED.with(Clone::clone)
}
