//! The "After the article, not in it" section that cards and the detail dialog show while the hindsight layer is on,
//! whose content the on-demand module draws (`ondemand/src/hindsight_panel.rs`): that module holds the layer's facts,
//! and the layer is only on once it has loaded.
//!
//! Everything in the section comes from `data/hindsight.json`, never the article: none of it is ever put in a
//! quotation.

use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

use crate::hindsight_layer::use_hindsight;
use crate::ondemand::{self, HindsightPlacement};

#[derive(Properties, PartialEq)]
pub struct HindsightPanelProps {
    pub item_id: AttrValue,
    /// The level of the section's heading: 4 on a card (below its `h3` title), 3 in the detail dialog.
    #[prop_or(4)]
    pub heading_level: u8,
    /// In embed mode: its source links open a new tab.
    pub embedded: bool,
    /// A prefix for element ids, so a card and the open dialog never share one.
    #[prop_or("card")]
    pub id_prefix: &'static str,
    /// The id of the item's title, which completes the section's name ("After the article, not in it" and the
    /// title), so that each card's section is a landmark of its own name.
    #[prop_or_default]
    pub about: Option<AttrValue>,
}

/// What happened to one item after the article, visibly set apart from the article's words: the section, named by its
/// heading and the item's title, whose content the on-demand module draws (its outcome and reason, the dated facts
/// with their sources, any background facts). Drawn again when the item, its place or the layer changes; a module
/// that cannot be had is said in a sentence after the section (the module alone writes inside it).
#[function_component(HindsightPanel)]
pub fn hindsight_panel(props: &HindsightPanelProps) -> Html {
    let section = use_node_ref();
    // The layer's wire form, compared by identity: the section is drawn again only when another layer is loaded.
    let layer = use_hindsight().map(|layer| ByIdentity(layer.wire.clone()));
    let failure = use_state_eq(|| None::<String>);
    let placement = HindsightPlacement {
        heading_level: props.heading_level,
        id_prefix: props.id_prefix,
        embedded: props.embedded,
    };
    {
        let section = section.clone();
        let failure = failure.clone();
        use_effect_with(
            (props.item_id.clone(), placement, layer),
            move |(item_id, placement, layer)| {
                // A drawing that finishes after the section changed again is not reported.
                let current = Rc::new(Cell::new(true));
                let (item_id, placement, layer) =
                    (item_id.clone(), placement.clone(), layer.clone());
                let still_current = current.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let section = section.cast::<web_sys::Element>();
                    let drawn = ondemand::shown_with("the hindsight layer", |module| {
                        match (section, layer) {
                            (Some(section), Some(ByIdentity(layer))) => {
                                module.draw_hindsight_panel(&section, &layer, &item_id, &placement)
                            }
                            _ => Ok(()),
                        }
                    })
                    .await;
                    if still_current.get() {
                        failure.set(drawn.err());
                    }
                });
                move || current.set(false)
            },
        );
    }
    let heading_id = format!("hindsight-{}-{}", props.id_prefix, props.item_id);
    let labelled_by = match &props.about {
        Some(title) => format!("{heading_id} {title}"),
        None => heading_id,
    };
    html! {
        <>
            <section class="hindsight-panel" aria-labelledby={labelled_by} ref={section}></section>
            if let Some(reason) = &*failure {
                <p class="hindsight-load-error">{ reason }</p>
            }
        </>
    }
}

/// Bytes compared by identity, not content.
#[derive(Clone)]
struct ByIdentity(Rc<[u8]>);

impl PartialEq for ByIdentity {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}
