//! The bar above the views: the view switcher, the hindsight switch, copy link, cite, share, embed and the theme; in a
//! one-column layout also the buttons that unfold the filters and the secondary actions.

use std::rc::Rc;
use summit_core::text::count_noun;

use yew::prelude::*;

use summit_core::action::Action;
use summit_core::embed::{LOADER_META, SCRIPT_EMBED_META};
use summit_core::state::{View, ViewState};
use summit_core::validate::Problem;

use crate::clipboard::{use_copy, CopyStatus};
use crate::components::cite_share::CiteShare;
use crate::components::dialog_button::{DialogButton, OpenDialog};
use crate::explorer::{link_click, push_on, state_href, Navigate};
use crate::ondemand::DataWire;
use crate::theme::{apply_theme, saved_theme, Theme};

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub state: Rc<ViewState>,
    pub navigate: Navigate,
    /// Why the hindsight layer could not be loaded, when it is switched on but failed.
    #[prop_or_default]
    pub hindsight_problems: Option<Rc<Vec<Problem>>>,
    /// Whether the filters are unfolded (they fold away only in a one-column layout).
    #[prop_or_default]
    pub filters_open: bool,
    /// Folds or unfolds the filters.
    #[prop_or_default]
    pub on_toggle_filters: Callback<()>,
    /// The download buttons, which join the secondary actions in a one-column layout (above the results otherwise).
    #[prop_or_default]
    pub downloads: Html,
}

/// View links, the hindsight switch, copy link, embed (not when embedded) and theme, in a landmark of their own.
///
/// In a one-column layout (the stylesheet decides by the explorer's own width) a row of two buttons follows the view
/// links: "Filters and sort", with the number of active filters, unfolds the filter panel, and "More" the
/// secondary actions (the hindsight switch, copy link, embed, theme and the downloads), so that the results start
/// on the first screen of a phone.
#[function_component(Toolbar)]
pub fn toolbar(props: &ToolbarProps) -> Html {
    // What copying the link did; a refusal keeps the link, to show it for copying by hand.
    let copy = use_copy::<String>();
    let more_open = use_state(|| false);
    let more_button = use_node_ref();
    let embedded = crate::instance::use_instance().is_script_embed();
    // The server cannot know the saved theme: a hydrating first render draws the server's choice, and the saved one
    // follows at once.
    let theme = use_state(|| {
        if embedded || crate::prerender::is_server_render() {
            Theme::System
        } else {
            saved_theme()
        }
    });
    {
        let theme = theme.clone();
        use_effect_with((), move |_| {
            if !embedded && *theme != saved_theme() {
                theme.set(saved_theme());
            }
        });
    }
    // The Cite and Embed dialogs are drawn here, outside the secondary actions, which fold away (and fold on Escape).
    let cite_host = use_node_ref();
    let explorer = crate::explorer::use_explorer();
    let view_title = summit_core::cite::view_title(
        &explorer.data.article.title,
        props.state.shown_view().label(),
    );

    let on_copy = {
        let copy = copy.clone();
        Callback::from(move |_: MouseEvent| {
            let href = gloo::utils::window().location().href().unwrap_or_default();
            copy.copy(href.clone(), href, || {});
        })
    };
    let on_theme = {
        let theme = theme.clone();
        Callback::from(move |event: Event| {
            let select: web_sys::HtmlSelectElement = event.target_unchecked_into();
            let chosen = Theme::from_id(&select.value()).unwrap_or(Theme::System);
            apply_theme(chosen);
            theme.set(chosen);
        })
    };

    let open_embed = {
        let (state, wire, instance) = (
            props.state.clone(),
            use_context::<DataWire>().unwrap_or_default(),
            crate::instance::use_instance(),
        );
        Callback::from(move |open: OpenDialog| {
            let href = gloo::utils::window().location().href().unwrap_or_default();
            let published = |meta: &str| {
                instance
                    .query_selector(&format!("meta[name=\"{meta}\"]"))
                    .and_then(|element| element.get_attribute("content"))
            };
            open.module.open_embed_dialog(
                &open.container,
                &open.opener,
                wire.bytes(),
                &href,
                &summit_core::url::to_fragment(&state),
                (
                    published(LOADER_META).as_deref(),
                    published(SCRIPT_EMBED_META).as_deref(),
                ),
            )
        })
    };

    let on_hindsight = push_on::<MouseEvent>(
        &props.navigate,
        props
            .state
            .apply(Action::SetHindsight(!props.state.hindsight)),
    );
    let hindsight_on = props.state.hindsight;

    let on_filters = {
        let toggle = props.on_toggle_filters.clone();
        Callback::from(move |_: MouseEvent| toggle.emit(()))
    };
    // "Filters and sort 2 active": the number shows as a badge, the word for screen readers.
    let active = props.state.filters.active_count();
    let on_more = {
        let more_open = more_open.clone();
        Callback::from(move |_: MouseEvent| more_open.set(!*more_open))
    };
    // Escape folds the secondary actions again and puts focus back on their button.
    let on_actions_key = {
        let more_open = more_open.clone();
        let more_button = more_button.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() != "Escape" || !*more_open {
                return;
            }
            event.prevent_default();
            more_open.set(false);
            if let Some(button) = more_button.cast::<web_sys::HtmlElement>() {
                let _ = button.focus();
            }
        })
    };

    let views = View::ALL
        .into_iter()
        .filter(|v| *v != View::Scorecard || props.state.hindsight);
    html! {
        <section class="toolbar" aria-label="Views and tools">
            <nav class="view-nav" aria-label="Views">
                <ul>
                    { for views.map(|view| {
                        let target = props.state.apply(Action::ShowView(view));
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
            <div class="toolbar-folds">
                <button type="button" class="fold-button filters-toggle" aria-expanded={props.filters_open.to_string()}
                    aria-controls="filters-panel" onclick={on_filters}>
                    <span class="fold-label">
                        { "Filters and sort" }
                        if active > 0 {
                            { " " }
                            <span class="fold-count">{ active }<span class="visually-hidden">{ " active" }</span></span>
                        }
                    </span>
                    <span class="fold-icon" aria-hidden="true">{ if props.filters_open { "▴" } else { "▾" } }</span>
                </button>
                <button type="button" class="fold-button more-toggle" aria-expanded={more_open.to_string()}
                    aria-controls="toolbar-actions" ref={more_button} onclick={on_more}>
                    <span>{ "More" }</span>
                    <span class="fold-icon" aria-hidden="true">{ if *more_open { "▴" } else { "▾" } }</span>
                </button>
            </div>
            <div id="toolbar-actions" class={classes!("toolbar-actions", more_open.then_some("open"))} onkeydown={on_actions_key}>
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
                }
                <CiteShare state={props.state.clone()} label="Cite" share_title={view_title} host={cite_host.clone()} />
                if !embedded {
                    if !props.state.embed {
                        <DialogButton label="Embed" what="the embed code" host={cite_host.clone()} open={open_embed} />
                    }
                    <div class="field field-inline">
                        <label for="theme">{ "Theme" }</label>
                        <select id="theme" onchange={on_theme}>
                            { for Theme::ALL.iter().map(|t| html! { <option value={t.id()} selected={*t == *theme}>{ t.label() }</option> }) }
                        </select>
                    </div>
                }
                <div class="menu-downloads">{ props.downloads.clone() }</div>
            </div>
            <div class="hindsight-status" role="status">
                if let (true, Some(problems)) = (hindsight_on, &props.hindsight_problems) {
                    <p class="hindsight-load-error">
                        { format!(
                            "Hindsight could not be loaded, so none of it is shown: the file data/hindsight.json has {}{}",
                            count_noun(problems.len(), "problem", "problems"),
                            problems.iter().find(|p| p.is_error()).or(problems.first()).map_or_else(|| ".".to_string(), |p| format!(", first at {}: {}", p.path, p.message)),
                        ) }
                    </p>
                }
            </div>
            <div class="copy-status" role="status" aria-live="polite">
                { match copy.status() {
                    CopyStatus::Idle => html! {},
                    CopyStatus::Copied(_) => html! { <p>{ "Link copied. It opens exactly this view." }</p> },
                    CopyStatus::Refused(href) => html! {
                        <p>
                            <label for="copy-fallback">{ "Copying is not allowed here. Copy the link by hand:" }</label>
                            <input id="copy-fallback" type="text" readonly=true value={href.clone()} />
                        </p>
                    },
                } }
            </div>
            <div class="cite-host" ref={cite_host}></div>
        </section>
    }
}
