//! The hindsight layer (`data/hindsight.json`, which lives in the on-demand module): checked against the data set
//! shown only when the reader first turns the layer on, then shared with the components through [`HindsightContext`].

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use summit_core::validate::Problem;

use crate::ondemand::{self, DataWire};

/// The hindsight layer as the app holds it: the wire form of the on-demand module's check, which holds the checked
/// facts. The app only hands it back to that module, which draws a card's hindsight section and the views' marks.
#[derive(Debug, PartialEq)]
pub struct Layer {
    pub wire: Rc<[u8]>,
}

/// The hindsight layer, or the problems that kept it from loading.
pub type Loaded = Result<Rc<Layer>, Rc<Vec<Problem>>>;

thread_local! {
    /// The layer checked against the bundled data set, kept once the module has given it: turning the layer off and
    /// on again costs nothing. A failure to load the module is not kept, so the next try fetches it again.
    static BUNDLED: RefCell<Option<Loaded>> = const { RefCell::new(None) };
}

/// The layer already checked against `data`, if it is kept.
fn kept(data: &DataWire) -> Option<Loaded> {
    (*data == DataWire::Bundled)
        .then(|| BUNDLED.with(|b| b.borrow().clone()))
        .flatten()
}

/// Checks the bundled hindsight layer against the data set `data` in the on-demand module (fetched first if need be).
/// Any error refuses the whole layer; warnings alone do not.
pub async fn load(data: &DataWire) -> Loaded {
    if let Some(kept) = kept(data) {
        return kept;
    }
    let bundled = *data == DataWire::Bundled;
    let checked = match ondemand::module().await {
        Ok(module) => module.check_hindsight(data.bytes()),
        Err(failure) => Err(failure),
    };
    match checked {
        Ok(outcome) => {
            let loaded = outcome
                .map(|wire| Rc::new(Layer { wire }))
                .map_err(Rc::new);
            if bundled {
                BUNDLED.with(|b| *b.borrow_mut() = Some(loaded.clone()));
            }
            loaded
        }
        Err(failure) => Err(Rc::new(vec![Problem::error(
            "$",
            format!(
                "the part of the explorer that holds the hindsight layer could not be loaded ({failure}); check the \
                 connection and switch the layer on again"
            ),
        )])),
    }
}

/// Where the layer stands for the page.
#[derive(Clone, PartialEq)]
pub enum LayerState {
    /// Switched off.
    Off,
    /// Switched on, being checked (the on-demand module may be on its way).
    Loading,
    /// Switched on and loaded, or refused.
    Ready(Loaded),
}

/// The hindsight layer for the data set `data` while `on`: loaded when it is first switched on, again when the data
/// set changes.
#[hook]
pub fn use_layer(on: bool, data: DataWire) -> LayerState {
    let state = use_state(|| LayerState::Off);
    {
        let state = state.clone();
        use_effect_with((on, data), move |(on, data)| {
            // An answer that arrives after the switch or the data set changed is dropped.
            let current = Rc::new(std::cell::Cell::new(true));
            if let (true, Some(kept)) = (*on, kept(data)) {
                state.set(LayerState::Ready(kept));
            } else if *on {
                state.set(LayerState::Loading);
                let data = data.clone();
                let current = current.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let loaded = load(&data).await;
                    if current.get() {
                        state.set(LayerState::Ready(loaded));
                    }
                });
            } else {
                state.set(LayerState::Off);
            }
            move || current.set(false)
        });
    }
    // Before the effect has run, a layer switched on is already loading.
    match (&*state, on) {
        (_, false) => LayerState::Off,
        (LayerState::Off, true) => LayerState::Loading,
        (other, true) => other.clone(),
    }
}

/// The hindsight layer as components see it: `Some` only while the reader has it switched on and it loaded.
/// Cheap to clone and compared by identity.
#[derive(Clone, Default)]
pub struct HindsightContext(pub Option<Rc<Layer>>);

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
pub fn use_hindsight() -> Option<Rc<Layer>> {
    use_context::<HindsightContext>().and_then(|c| c.0)
}
