//! Shared steps of the component tests: the explorer context over the bundled data set, and mounting.
#![allow(dead_code)]

use std::rc::Rc;

use yew::prelude::*;

use summit_core::state::ViewState;
use summit_fruits::bundled;
use summit_fruits::components::item_card::{item_card, CardOf};
use summit_fruits::explorer::{use_explorer, Explorer, ExplorerContext, Navigate, Shared};
use summit_fruits::hindsight_layer::use_hindsight;

/// The explorer over the bundled data set, as `App` provides it.
pub fn explorer() -> ExplorerContext {
    Shared(Rc::new(Explorer::new(
        bundled::data_set().expect("the bundled data set loads"),
    )))
}

#[derive(Properties, PartialEq)]
pub struct WithExplorerProps {
    pub explorer: ExplorerContext,
    pub children: Html,
}

/// Renders its children inside the explorer context.
#[function_component(WithExplorer)]
pub fn with_explorer(props: &WithExplorerProps) -> Html {
    html! {
        <ContextProvider<ExplorerContext> context={props.explorer.clone()}>
            { props.children.clone() }
        </ContextProvider<ExplorerContext>>
    }
}

#[derive(Properties, PartialEq)]
pub struct CardProps {
    pub index: usize,
    pub open_state: Rc<ViewState>,
    pub terms: Rc<Vec<String>>,
    pub navigate: Navigate,
}

/// One card as the card list draws it, with the explorer and the hindsight layer from context.
#[function_component(Card)]
pub fn card(props: &CardProps) -> Html {
    let explorer = use_explorer();
    let hindsight = use_hindsight();
    item_card(CardOf {
        explorer: &explorer,
        hindsight_on: hindsight.is_some(),
        index: props.index,
        open_state: (*props.open_state).clone(),
        terms: &props.terms,
        navigate: &props.navigate,
    })
}

/// Mounts `content` inside the explorer context into a fresh element and waits until Yew has rendered it.
pub async fn mount(explorer: &ExplorerContext, content: Html) -> web_sys::Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let props = WithExplorerProps {
        explorer: explorer.clone(),
        children: content,
    };
    yew::Renderer::<WithExplorer>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    root
}

/// Lets a turn of the event loop pass (10 ms), then runs Yew's pending renders: for answers that come back through a
/// promise, such as the on-demand module's.
pub async fn pause() {
    let pause = js_sys::Promise::new(&mut |resolve, _| {
        let _ = gloo::utils::window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(pause).await;
    yew::scheduler::flush().await;
}

/// Waits (a bounded while) until `selector` finds an element below `root`: for a view the on-demand module draws.
pub async fn until_drawn(root: &web_sys::Element, selector: &str) {
    for _ in 0..200 {
        if root.query_selector(selector).ok().flatten().is_some() {
            return;
        }
        pause().await;
    }
    panic!("nothing matched {selector} in time");
}

/// The text of every element that matches `selector` below `root`.
pub fn texts(root: &web_sys::Element, selector: &str) -> Vec<String> {
    let nodes = root.query_selector_all(selector).unwrap();
    (0..nodes.length())
        .filter_map(|i| nodes.item(i))
        .map(|n| n.text_content().unwrap_or_default())
        .collect()
}

/// A callback that records every value it is called with, and the list it records into.
pub fn recorder<T: 'static>() -> (std::rc::Rc<std::cell::RefCell<Vec<T>>>, Callback<T>) {
    let seen = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    let callback = {
        let seen = seen.clone();
        Callback::from(move |value: T| seen.borrow_mut().push(value))
    };
    (seen, callback)
}

/// The bundled data set's JSON (the app itself carries only its wire form).
pub const DATA_SET_JSON: &str = summit_ondemand::DATA_SET_JSON;

/// Stands the on-demand module in for the page's loader (`src/ondemand.rs`): the same functions, called through the
/// same JavaScript interface (strings, bytes and numbers), but compiled into the test instead of fetched.
pub fn install_on_demand() {
    use js_sys::{Object, Promise, Reflect, Uint32Array, Uint8Array};
    use wasm_bindgen::prelude::*;

    let module: JsValue = Object::new().into();
    let set = |name: &str, function: &JsValue| {
        Reflect::set(&module, &name.into(), function).unwrap();
    };
    let read_file = Closure::<dyn Fn(web_sys::Blob) -> Promise>::new(|file: web_sys::Blob| {
        wasm_bindgen_futures::future_to_promise(async move {
            Ok(summit_ondemand::exports::read_data_file(file).await.into())
        })
    });
    set("read_data_file", read_file.as_ref());
    read_file.forget();
    let read_response = Closure::<dyn Fn(Promise) -> Promise>::new(|response: Promise| {
        wasm_bindgen_futures::future_to_promise(async move {
            Ok(summit_ondemand::exports::read_data_response(response)
                .await
                .into())
        })
    });
    set("read_data_response", read_response.as_ref());
    read_response.forget();
    let layer = Closure::<dyn Fn(Uint8Array, JsValue) -> Uint8Array>::new(
        |data: Uint8Array, json: JsValue| {
            let json = json.as_string();
            Uint8Array::from(
                summit_ondemand::check_hindsight(&data.to_vec(), json.as_deref()).as_slice(),
            )
        },
    );
    set("check_hindsight", layer.as_ref());
    layer.forget();
    let save = Closure::<dyn Fn(Uint8Array, Uint32Array, String) -> Result<(), JsValue>>::new(
        |data: Uint8Array, shown: Uint32Array, format: String| {
            summit_ondemand::exports::save_items(&data.to_vec(), &shown.to_vec(), &format)
        },
    );
    set("save_items", save.as_ref());
    save.forget();
    type OpenCite = dyn Fn(
        web_sys::Element,
        web_sys::HtmlElement,
        Uint8Array,
        String,
        String,
        Option<String>,
    ) -> Result<(), JsValue>;
    let cite =
        Closure::<OpenCite>::new(|container, opener, data: Uint8Array, view, address, item| {
            summit_ondemand::exports::open_cite_dialog(
                container,
                opener,
                &data.to_vec(),
                view,
                address,
                item,
            )
        });
    set("open_cite_dialog", cite.as_ref());
    cite.forget();
    type OpenEmbed = dyn Fn(
        web_sys::Element,
        web_sys::HtmlElement,
        Uint8Array,
        String,
        String,
        Option<String>,
        Option<String>,
    ) -> Result<(), JsValue>;
    let embed = Closure::<OpenEmbed>::new(
        |container, opener, data: Uint8Array, href, fragment, loader, entry| {
            summit_ondemand::exports::open_embed_dialog(
                container,
                opener,
                &data.to_vec(),
                href,
                fragment,
                loader,
                entry,
            )
        },
    );
    set("open_embed_dialog", embed.as_ref());
    embed.forget();
    type DrawScorecard = dyn Fn(
        web_sys::Element,
        Uint8Array,
        js_sys::Function,
        js_sys::Function,
    ) -> Result<(), JsValue>;
    let scorecard = Closure::<DrawScorecard>::new(|container, data: Uint8Array, href, open| {
        summit_ondemand::exports::draw_scorecard(container, &data.to_vec(), href, open)
    });
    set("draw_scorecard", scorecard.as_ref());
    scorecard.forget();
    type DrawHindsightPanel =
        dyn Fn(web_sys::Element, Uint8Array, String, u8, String, bool) -> Result<(), JsValue>;
    let panel = Closure::<DrawHindsightPanel>::new(
        |section, layer: Uint8Array, item_id, heading_level, id_prefix, embedded| {
            summit_ondemand::exports::draw_hindsight_panel(
                section,
                &layer.to_vec(),
                item_id,
                heading_level,
                id_prefix,
                embedded,
            )
        },
    );
    set("draw_hindsight_panel", panel.as_ref());
    panel.forget();
    type DrawTimeline = dyn Fn(
        web_sys::Element,
        Uint8Array,
        Uint8Array,
        bool,
        bool,
        js_sys::Function,
        js_sys::Function,
    ) -> Result<(), JsValue>;
    let timeline = Closure::<DrawTimeline>::new(
        |container, data: Uint8Array, included: Uint8Array, hindsight, embedded, href, open| {
            summit_ondemand::exports::draw_timeline(
                container,
                &data.to_vec(),
                &included.to_vec(),
                hindsight,
                embedded,
                href,
                open,
            )
        },
    );
    set("draw_timeline", timeline.as_ref());
    timeline.forget();
    type DrawMatrix = dyn Fn(
        web_sys::Element,
        Uint8Array,
        Uint8Array,
        JsValue,
        js_sys::Function,
        js_sys::Function,
    ) -> Result<bool, JsValue>;
    let matrix = Closure::<DrawMatrix>::new(
        |container, data: Uint8Array, included: Uint8Array, shown, href, open| {
            summit_ondemand::exports::draw_matrix(
                container,
                &data.to_vec(),
                &included.to_vec(),
                shown,
                href,
                open,
            )
        },
    );
    set("draw_matrix", matrix.as_ref());
    matrix.forget();
    type DrawArticle = dyn Fn(
        web_sys::Element,
        Uint8Array,
        Uint8Array,
        Option<String>,
        u32,
        bool,
        js_sys::Function,
        js_sys::Function,
    ) -> Result<(), JsValue>;
    let article = Closure::<DrawArticle>::new(
        |container,
         data: Uint8Array,
         included: Uint8Array,
         item,
         evidence,
         embedded,
         href,
         open| {
            summit_ondemand::exports::draw_article(
                container,
                &data.to_vec(),
                &included.to_vec(),
                item,
                evidence,
                embedded,
                href,
                open,
            )
        },
    );
    set("draw_article", article.as_ref());
    article.forget();
    let provider = Closure::<dyn Fn() -> Promise>::new(move || Promise::resolve(&module));
    install_provider(provider.as_ref());
    provider.forget();
}

/// A loader that always fails with `reason`, as a page offline or refused by its integrity check.
/// A JS `File` named `name` holding `json`, as a reader picks or drops one.
pub fn json_file(name: &str, json: &str) -> wasm_bindgen::JsValue {
    let parts = js_sys::Array::of1(&json.into());
    web_sys::File::new_with_str_sequence(&parts, name)
        .unwrap()
        .into()
}

pub fn install_failing_on_demand(reason: &'static str) {
    use wasm_bindgen::prelude::*;
    let provider = Closure::<dyn Fn() -> js_sys::Promise>::new(move || {
        js_sys::Promise::reject(&js_sys::Error::new(reason))
    });
    install_provider(provider.as_ref());
    provider.forget();
}

fn install_provider(provider: &wasm_bindgen::JsValue) {
    let key = js_sys::Symbol::for_(summit_fruits::ondemand::PROVIDER_KEY);
    js_sys::Reflect::set(&js_sys::global(), &key, provider).unwrap();
    summit_fruits::ondemand::forget();
}
