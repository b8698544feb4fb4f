//! The bar above the views: the view switcher, the hindsight switch, copy link, embed and the theme.

use std::rc::Rc;

use wasm_bindgen_futures::{spawn_local, JsFuture};
use yew::prelude::*;

use summit_core::state::{View, ViewState};
use summit_core::validate::Problem;

use crate::components::embed_dialog::EmbedDialog;
use crate::explorer::{link_click, push_on, state_href, Navigate};
use crate::theme::{apply_theme, saved_theme, Theme};

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub state: Rc<ViewState>,
    pub navigate: Navigate,
    /// Why the hindsight layer could not be loaded, when it is switched on but failed.
    #[prop_or_default]
    pub hindsight_problems: Option<Rc<Vec<Problem>>>,
}

/// What happened when the reader asked to copy the link.
#[derive(Clone, PartialEq)]
enum CopyStatus {
    Idle,
    Copied,
    /// The clipboard is not allowed here (a sandboxed iframe, an insecure page): show the link to copy by hand.
    Refused(String),
}

/// Writes `text` to the clipboard; false when the page may not (no clipboard, or the write was refused).
pub(crate) async fn copy_to_clipboard(text: String) -> bool {
    let navigator = gloo::utils::window().navigator();
    // Insecure pages have no clipboard at all; sandboxed iframes reject the write.
    let has_clipboard =
        js_sys::Reflect::get(&navigator, &"clipboard".into()).is_ok_and(|c| !c.is_undefined());
    if !has_clipboard {
        return false;
    }
    JsFuture::from(navigator.clipboard().write_text(&text))
        .await
        .is_ok()
}

/// View links, the hindsight switch, copy link, embed (not when embedded) and theme.
#[function_component(Toolbar)]
pub fn toolbar(props: &ToolbarProps) -> Html {
    let copy_status = use_state(|| CopyStatus::Idle);
    let embedded = crate::instance::use_instance().is_embedded();
    let theme = use_state(|| {
        if embedded {
            Theme::System
        } else {
            saved_theme()
        }
    });
    let embed_open = use_state(|| false);
    let embed_button = use_node_ref();

    let on_copy = {
        let copy_status = copy_status.clone();
        Callback::from(move |_: MouseEvent| {
            let href = gloo::utils::window().location().href().unwrap_or_default();
            let copy_status = copy_status.clone();
            spawn_local(async move {
                let copied = copy_to_clipboard(href.clone()).await;
                copy_status.set(if copied {
                    CopyStatus::Copied
                } else {
                    CopyStatus::Refused(href)
                });
            });
        })
    };
    let on_theme = {
        let theme = theme.clone();
        Callback::from(move |event: Event| {
            let select: web_sys::HtmlSelectElement = event.target_unchecked_into();
            let chosen = Theme::from_id(&select.value());
            apply_theme(chosen);
            theme.set(chosen);
        })
    };

    let on_embed = {
        let embed_open = embed_open.clone();
        Callback::from(move |_: MouseEvent| embed_open.set(true))
    };
    // Focus goes back to the Embed button when its dialog closes.
    let on_embed_closed = {
        let embed_open = embed_open.clone();
        let embed_button = embed_button.clone();
        Callback::from(move |()| {
            embed_open.set(false);
            if let Some(button) = embed_button.cast::<web_sys::HtmlElement>() {
                let _ = button.focus();
            }
        })
    };

    let on_hindsight = push_on::<MouseEvent>(
        &props.navigate,
        props.state.with_hindsight(!props.state.hindsight),
    );
    let hindsight_on = props.state.hindsight;

    let views = View::ALL
        .into_iter()
        .filter(|v| *v != View::Scorecard || props.state.hindsight);
    html! {
        <div class="toolbar">
            <nav class="view-nav" aria-label="Views">
                <ul>
                    { for views.map(|view| {
                        let target = ViewState { view, open_item: None, passage: None, ..(*props.state).clone() };
                        let current = props.state.view == view;
                        html! {
                            <li>
                                <a href={state_href(&target)} class={classes!("view-link", current.then_some("current"))}
                                    aria-current={current.then_some("page")} onclick={link_click(&props.navigate, target.clone())}>
                                    { view.label() }
                                </a>
                            </li>
                        }
                    }) }
                </ul>
            </nav>
            <div class="toolbar-actions">
                <button type="button" role="switch" class="hindsight-switch" aria-checked={if hindsight_on { "true" } else { "false" }}
                    aria-describedby="hindsight-switch-note" onclick={on_hindsight}>
                    <span class="hindsight-switch-track" aria-hidden="true"><span class="hindsight-switch-thumb"></span></span>
                    <span class="hindsight-switch-label">{ "Hindsight: what happened next" }</span>
                    <span class="hindsight-switch-state" aria-hidden="true">{ if hindsight_on { "On" } else { "Off" } }</span>
                </button>
                <p id="hindsight-switch-note" class="visually-hidden">{ "Adds dated, sourced facts from after the article; none of it is in the article." }</p>
                // An embed's link is "Open in the full explorer", and the host page's theme and storage are not ours.
                if !embedded {
                    <button type="button" class="button" onclick={on_copy}>{ "Copy link" }</button>
                    if !props.state.embed {
                        <button type="button" class="button" aria-haspopup="dialog" ref={embed_button} onclick={on_embed}>{ "Embed" }</button>
                    }
                    <div class="field field-inline">
                        <label for="theme">{ "Theme" }</label>
                        <select id="theme" onchange={on_theme}>
                            { for Theme::ALL.iter().map(|t| html! { <option value={t.id()} selected={*t == *theme}>{ t.label() }</option> }) }
                        </select>
                    </div>
                }
            </div>
            <div class="hindsight-status" role="status">
                if let (true, Some(problems)) = (hindsight_on, &props.hindsight_problems) {
                    <p class="hindsight-load-error">
                        { format!(
                            "Hindsight could not be loaded, so none of it is shown: the file data/hindsight.json has {} problem{}{}",
                            problems.len(),
                            if problems.len() == 1 { "" } else { "s" },
                            problems.iter().find(|p| p.is_error()).or(problems.first()).map_or_else(|| ".".to_string(), |p| format!(", first at {}: {}", p.path, p.message)),
                        ) }
                    </p>
                }
            </div>
            <div class="copy-status" role="status" aria-live="polite">
                { match &*copy_status {
                    CopyStatus::Idle => html! {},
                    CopyStatus::Copied => html! { <p>{ "Link copied. It opens exactly this view." }</p> },
                    CopyStatus::Refused(href) => html! {
                        <p>
                            <label for="copy-fallback">{ "Copying is not allowed here. Copy the link by hand:" }</label>
                            <input id="copy-fallback" type="text" readonly=true value={href.clone()} />
                        </p>
                    },
                } }
            </div>
            if *embed_open {
                <EmbedDialog state={props.state.clone()} on_close={on_embed_closed} />
            }
        </div>
    }
}
