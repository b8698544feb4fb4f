//! The data set bundled into the app at build time, parsed once on first use.

use std::rc::Rc;

use summit_core::model::DataSet;
use summit_core::validate::{parse_data_set, Limits, Problem};

/// The bundled data set's JSON, the same file that is published beside the app.
pub const DATA_SET_JSON: &str = include_str!("../data/potential-fruits.json");

thread_local! {
    static BUNDLED: Result<Rc<DataSet>, Rc<Vec<Problem>>> =
        parse_data_set(DATA_SET_JSON, &Limits::default()).map(Rc::new).map_err(Rc::new);
}

/// The bundled data set, or the problems that kept it from loading.
pub fn data_set() -> Result<Rc<DataSet>, Rc<Vec<Problem>>> {
    BUNDLED.with(Clone::clone)
}
