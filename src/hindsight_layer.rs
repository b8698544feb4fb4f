//! The hindsight layer bundled into the app (`data/hindsight.json`): parsed and validated against the data set only
//! when the reader first turns the layer on, then shared with the components through [`HindsightContext`].

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use summit_core::model::{DataSet, Hindsight};
use summit_core::validate::{parse_and_validate_hindsight, Limits, Problem};

/// The bundled hindsight file's JSON, the same file that is published beside the app.
pub const BUNDLED_JSON: &str = include_str!("../data/hindsight.json");

/// The hindsight layer, or the problems that kept it from loading.
pub type Loaded = Result<Rc<Hindsight>, Rc<Vec<Problem>>>;

thread_local! {
    /// Filled on first use, so a reader who never turns the layer on never pays for it.
    static BUNDLED: RefCell<Option<Loaded>> = const { RefCell::new(None) };
}

/// Parses and validates hindsight JSON against a data set. Any error refuses the whole layer;
/// warnings alone do not.
pub fn load(json: &str, data: &DataSet) -> Loaded {
    parse_and_validate_hindsight(json, data, &Limits::default())
        .map(|(hindsight, _warnings)| Rc::new(hindsight))
        .map_err(Rc::new)
}

/// The bundled hindsight layer, checked against the bundled data set; parsed on the first call only.
pub fn bundled(data: &DataSet) -> Loaded {
    BUNDLED.with(|cell| {
        cell.borrow_mut()
            .get_or_insert_with(|| load(BUNDLED_JSON, data))
            .clone()
    })
}

/// The hindsight layer as components see it: `Some` only while the reader has it switched on and it loaded.
/// Cheap to clone and compared by identity.
#[derive(Clone, Default)]
pub struct HindsightContext(pub Option<Rc<Hindsight>>);

impl PartialEq for HindsightContext {
    fn eq(&self, other: &Self) -> bool {
        match (&self.0, &other.0) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        }
    }
}

/// The hindsight layer, when it is on; `None` when it is off, failed to load, or no provider is above.
#[hook]
pub fn use_hindsight() -> Option<Rc<Hindsight>> {
    use_context::<HindsightContext>().and_then(|c| c.0)
}
