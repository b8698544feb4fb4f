//! The data set bundled into the app: checked by the full validator at build time (`build.rs`), which writes it in
//! the wire form; here it is only decoded, once, on first use. No JSON is parsed and nothing is validated at start.

use std::rc::Rc;

use summit_core::model::DataSet;
use summit_core::validate::Problem;
use summit_core::wire;

/// The bundled data set in the wire form, as `build.rs` wrote it from `data/potential-fruits.json`.
pub const DATA_SET_WIRE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/potential-fruits.wire"));

thread_local! {
    static BUNDLED: Result<Rc<DataSet>, Rc<Vec<Problem>>> = wire::decode::<DataSet>(DATA_SET_WIRE)
        .map(Rc::new)
        // Only a build that mixed up its files gets here: the page then says what went wrong instead of going blank.
        .map_err(|e| Rc::new(vec![Problem::error("$", format!("the bundled data set could not be read ({e})"))]));
}

/// The bundled data set, or the problem that kept it from loading.
pub fn data_set() -> Result<Rc<DataSet>, Rc<Vec<Problem>>> {
    BUNDLED.with(Clone::clone)
}
