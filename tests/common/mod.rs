//! Shared steps of the component tests: the explorer context over the bundled data set, and mounting.
#![allow(dead_code)]

use std::rc::Rc;

use yew::prelude::*;

use summit_fruits::bundled;
use summit_fruits::explorer::{Explorer, ExplorerContext, Shared};

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
