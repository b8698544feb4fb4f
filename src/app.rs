//! The page: header, toolbar, filters and the current view, all driven by the view state in the URL.

use std::rc::Rc;

use yew::prelude::*;

use summit_core::embed_mode::EmbedMode;
use summit_core::results::{Explorer, Results};
use summit_core::state::{View, ViewState};
use summit_core::text;

use gloo::events::{EventListener, EventListenerOptions};
use summit_core::validate::has_web_scheme;

use crate::bundled;
use crate::chosen_data::{
    drags_files, dropped_files, fetch, first_file, forget_requested_url, is_single_file, read_file,
    requested_url, Loaded,
};
use crate::components::active_filters::ActiveFilters;
use crate::components::article_header::ArticleHeader;
use crate::components::data_source_bar::{DataNotice, DataRefused, DataSourceBar};
use crate::components::export_bar::ExportBar;
use crate::components::filter_panel::FilterPanel;
use crate::components::item_detail::ItemDetail;
use crate::components::load_error::LoadError;
use crate::components::result_summary::ResultSummary;
use crate::components::toolbar::Toolbar;
use crate::explorer::{state_href, ExplorerContext, Shared, SharedDataSet};
use crate::frame_embed::{use_frame_helper, FullExplorerLink};
use crate::hindsight_layer::{self, HindsightContext, LayerState};
use crate::ondemand::{self, BundledFile, DataWire};
use crate::url_state::use_url_state;
use crate::views::article_view::ArticleView;
use crate::views::card_list::CardList;
use crate::views::matrix_view::MatrixView;
use crate::views::scorecard_view::{HindsightUnavailable, ScorecardView};
use crate::views::timeline_view::TimelineView;

/// Which data set the explorer shows: the bundled one, one being fetched for `?data=`, or one the reader chose.
#[derive(Clone, PartialEq)]
enum Shown {
    Bundled,
    Fetching(Rc<str>),
    Other(Loaded),
}

/// The data set shown, and a count of changes that remounts the explorer (so the URL state is read against it).
#[derive(Clone, PartialEq)]
struct Source {
    shown: Shown,
    generation: u32,
}

enum SourceAction {
    Loaded(Loaded),
    Back,
}

impl Reducible for Source {
    type Action = SourceAction;

    fn reduce(self: Rc<Self>, action: SourceAction) -> Rc<Self> {
        let shown = match action {
            SourceAction::Loaded(loaded) => Shown::Other(loaded),
            SourceAction::Back => Shown::Bundled,
        };
        Rc::new(Source {
            shown,
            generation: self.generation.wrapping_add(1),
        })
    }
}

/// The whole explorer: on the bundled data set, unless the reader chose another one (file, drop or `?data=`).
#[function_component(App)]
pub fn app() -> Html {
    let source = use_reducer(|| Source {
        shown: requested_url().map_or(Shown::Bundled, |url| {
            Shown::Fetching(text::label_of(&url).into())
        }),
        generation: 0,
    });

    // `?data=<url>`: the only request to another address, and only when the reader asked for it.
    {
        let dispatcher = source.dispatcher();
        use_effect_with((), move |_| {
            if let Some(url) = requested_url() {
                wasm_bindgen_futures::spawn_local(async move {
                    dispatcher.dispatch(SourceAction::Loaded(fetch(&url).await));
                });
            }
        });
    }

    // A file dropped anywhere on the page.
    {
        let dispatcher = source.dispatcher();
        use_effect_with((), move |_| {
            // Not on a host page: its drops are its own, and an embed shows only the bundled data set.
            let listeners = crate::instance::host_page_app_url().is_none().then(|| {
                let document = gloo::utils::document();
                let options = EventListenerOptions::enable_prevent_default();
                let over =
                    EventListener::new_with_options(&document, "dragover", options, |event| {
                        if drags_files(event.as_ref()) {
                            event.prevent_default();
                            // The checker is fetched while the reader is still dragging.
                            ondemand::start_loading();
                        }
                    });
                let dropped =
                    EventListener::new_with_options(&document, "drop", options, move |event| {
                        let Some(file) = first_file(&dropped_files(event.as_ref())) else {
                            return;
                        };
                        event.prevent_default();
                        let dispatcher = dispatcher.clone();
                        wasm_bindgen_futures::spawn_local(async move {
                            let loaded = read_file(file).await;
                            forget_requested_url();
                            dispatcher.dispatch(SourceAction::Loaded(loaded));
                        });
                    });
                (over, dropped)
            });
            move || drop(listeners)
        });
    }

    let on_loaded = {
        let dispatcher = source.dispatcher();
        Callback::from(move |loaded: Loaded| {
            forget_requested_url();
            dispatcher.dispatch(SourceAction::Loaded(loaded));
        })
    };
    let on_back = {
        let dispatcher = source.dispatcher();
        Callback::from(move |_: MouseEvent| {
            forget_requested_url();
            dispatcher.dispatch(SourceAction::Back);
        })
    };
    let bar = html! { <DataSourceBar {on_loaded} /> };
    let key = source.generation.to_string();

    match &source.shown {
        Shown::Bundled => match bundled::data_set() {
            Ok(data_set) => {
                html! { <ExplorerPage {key} data_set={Shared(data_set)} data_bar={bar} /> }
            }
            // The page's one main landmark holds the message and the way to another data set, as it holds the results.
            Err(problems) => html! { <main class="page"><LoadError {problems} />{ bar }</main> },
        },
        Shown::Fetching(label) => html! {
            <main class="page">
                <p class="data-loading" role="status">{ format!("Loading the data set {label}…") }</p>
            </main>
        },
        Shown::Other(Loaded::Accepted {
            data,
            wire,
            warnings,
            label,
        }) => {
            let notice = html! { <DataNotice warnings={warnings.clone()} label={label.clone()} on_back={on_back.clone()} /> };
            let wire = DataWire::Chosen(wire.clone());
            html! { <ExplorerPage {key} data_set={Shared(data.clone())} {wire} data_bar={bar} data_notice={notice} /> }
        }
        Shown::Other(Loaded::Refused { problems, label }) => html! {
            <main class="page data-refused-page" {key}>
                <DataRefused problems={problems.clone()} label={label.clone()} on_back={on_back.clone()} />
                { bar }
            </main>
        },
    }
}

#[derive(Properties, PartialEq)]
pub struct ExplorerPageProps {
    pub data_set: SharedDataSet,
    /// The data set's wire form, for the on-demand module (downloads, the hindsight layer); the bundled one by default.
    #[prop_or_default]
    pub wire: DataWire,
    /// The "Use another data set" bar, shown above the footer (not when embedded).
    #[prop_or_default]
    pub data_bar: Html,
    /// The banner that names another data set and lists its warnings, shown below the header.
    #[prop_or_default]
    pub data_notice: Html,
}

/// The explorer on one data set.
#[function_component(ExplorerPage)]
pub fn explorer_page(props: &ExplorerPageProps) -> Html {
    let explorer = use_memo(props.data_set.clone(), |data| Explorer::new(data.0.clone()));
    use_effect_with((), |_| {
        // A hydrated page has taken over the server's markup: components mounted from now on draw as usual.
        crate::prerender::end_first_render();
        mark_interactive();
    });
    // Before any component draws a link: items of the bundled data set have pages of their own (not in the single file).
    crate::explorer::set_item_pages_exist(crate::share::item_pages_exist(&props.wire));
    let url = use_url_state(props.data_set.clone());
    let state = url.state.clone();
    let navigate = url.navigate.clone();
    // Derived once: the page, a frame (`embed=1`) or a script embed in a host page.
    let mode = EmbedMode::of_state(crate::instance::use_instance().is_script_embed(), &state);
    let script_embed = mode == EmbedMode::Script;
    let results = {
        let explorer = explorer.clone();
        use_memo(
            (state.filters.clone(), state.sort),
            move |(filters, sort)| Results::compute(&explorer, filters, *sort),
        )
    };

    // The hindsight layer is checked (once) only when the reader has switched it on, in the on-demand module. It
    // belongs to the bundled data set: another data set gets its own check against it (which refuses it unless the
    // article is the same).
    let layer = hindsight_layer::use_layer(state.hindsight, props.wire.clone());
    let hindsight_loading = matches!(layer, LayerState::Loading);
    let (hindsight, hindsight_problems) = match layer {
        LayerState::Ready(Ok(hindsight)) => (HindsightContext(Some(hindsight)), None),
        LayerState::Ready(Err(problems)) => (HindsightContext(None), Some(problems)),
        LayerState::Off | LayerState::Loading => (HindsightContext(None), None),
    };

    let open_index = state
        .open_item
        .as_deref()
        .and_then(|id| explorer.item(id))
        .map(|(i, _)| i);
    // Embedded in another page with an iframe: the frame helper tells it the content's height on every change.
    let page_ref = use_node_ref();
    use_frame_helper(page_ref.clone(), mode == EmbedMode::Frame);
    // Whether the filters are unfolded: they fold away only in a one-column layout (see the toolbar).
    let filters_open = use_state(|| false);
    let on_toggle_filters = {
        let filters_open = filters_open.clone();
        Callback::from(move |()| filters_open.set(!*filters_open))
    };

    let shown_view = state.shown_view();
    let view = match shown_view {
        View::Scorecard if hindsight_loading => html! {},
        View::Scorecard => match &hindsight_problems {
            Some(problems) => html! { <HindsightUnavailable problems={problems.clone()} /> },
            None => html! { <ScorecardView state={state.clone()} navigate={navigate.clone()} /> },
        },
        View::Cards => html! {
            <CardList state={state.clone()} shown={results.shown.clone()} terms={results.terms.clone()} navigate={navigate.clone()} start_small={!crate::prerender::is_server_render()} />
        },
        View::Matrix => {
            html! { <MatrixView state={state.clone()} included={results.included.clone()} navigate={navigate.clone()} /> }
        }
        View::Article => {
            html! { <ArticleView state={state.clone()} included={results.included.clone()} navigate={navigate.clone()} /> }
        }
        View::Timeline => {
            html! { <TimelineView state={state.clone()} included={results.included.clone()} navigate={navigate.clone()} /> }
        }
    };

    html! {
        <ContextProvider<ExplorerContext> context={Shared(explorer.clone())}>
        <ContextProvider<DataWire> context={props.wire.clone()}>
        <ContextProvider<HindsightContext> context={hindsight}>
            <div ref={page_ref} class={classes!("page", mode.is_embedded().then_some("embedded"))}>
                <SkipLink />
                if mode.is_embedded() {
                    // A landmark of its own, like every other part of the page (it is printed, the toolbar is not).
                    <nav class="full-explorer-nav" aria-label="Full explorer">
                        <FullExplorerLink state={state.clone()} />
                    </nav>
                } else {
                    <ArticleHeader />
                }
                { props.data_notice.clone() }
                <Toolbar state={state.clone()} navigate={navigate.clone()} hindsight_problems={hindsight_problems.clone()}
                    filters_open={*filters_open} {on_toggle_filters}
                    downloads={html! { <ExportBar shown={results.shown.clone()} /> }} />
                <div class="layout">
                    <FilterPanel state={state.clone()} counts={results.counts.clone()} navigate={navigate.clone()} expanded={*filters_open} />
                    // In a host page the host has the page's one `main`: an embed's results are a named region.
                    <@{if script_embed { "section" } else { "main" }} id="main" class="results" tabindex="-1" aria-label={script_embed.then_some("Results")}
                        aria-busy={hindsight_loading.then_some("true")}>
                        // Every other view opens with a visible h2 of its own; the cards have none, so name them here.
                        if shown_view == View::Cards {
                            <h2 class="visually-hidden">{ shown_view.label() }</h2>
                        }
                        <ResultSummary shown={results.shown.len()} total={explorer.data.items.len()} notices={url.notices.clone()} />
                        <ActiveFilters state={state.clone()} navigate={navigate.clone()} />
                        // The hindsight layer is on its way (the on-demand module may be fetched first).
                        <div class="ondemand-status" role="status">
                            if hindsight_loading {
                                <p class="ondemand-loading">{ "Loading the hindsight layer…" }</p>
                            }
                        </div>
                        // In a one-column layout the downloads are among the toolbar's secondary actions instead.
                        <div class="results-downloads"><ExportBar shown={results.shown.clone()} /></div>
                        { view }
                    </@>
                </div>
                if !mode.is_embedded() {
                    { props.data_bar.clone() }
                    <SiteFooter />
                }
                if let Some(index) = open_index {
                    <ItemDetail {index} state={state.clone()} navigate={navigate.clone()} />
                }
            </div>
        </ContextProvider<HindsightContext>>
        </ContextProvider<DataWire>>
        </ContextProvider<ExplorerContext>>
    }
}

/// The name of the performance mark set once the explorer has drawn its first page and handles input.
pub const INTERACTIVE_MARK: &str = "summit-fruits:interactive";

/// Sets [`INTERACTIVE_MARK`] on the page's performance timeline (`cargo xtask bench` measures up to it). Read through
/// `Reflect`, so a browser without the User Timing API simply gets no mark.
fn mark_interactive() {
    let global = js_sys::global();
    let Ok(performance) = js_sys::Reflect::get(&global, &"performance".into()) else {
        return;
    };
    let Ok(mark) = js_sys::Reflect::get(&performance, &"mark".into()) else {
        return;
    };
    if let Some(mark) = wasm_bindgen::JsCast::dyn_ref::<js_sys::Function>(&mark) {
        let _ = mark.call1(&performance, &INTERACTIVE_MARK.into());
    }
}

/// "Skip to results": the first stop of the Tab order, past the header, the toolbar and the filters, shown when focused.
#[function_component(SkipLink)]
fn skip_link() -> Html {
    let instance = crate::instance::use_instance();
    // The address's fragment holds the view state, so the link moves focus itself rather than changing the fragment.
    let onclick = Callback::from(move |event: MouseEvent| {
        event.prevent_default();
        let main = instance.element_by_id("main");
        if let Some(main) =
            main.and_then(|m| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(m).ok())
        {
            let _ = main.focus();
        }
    });
    html! { <a class="skip-link" href="#main" {onclick}>{ "Skip to results" }</a> }
}

/// A click handler that saves a bundled file, whose text the on-demand module holds, as `file_name` (JSON).
fn save_from_memory(file: BundledFile, file_name: &'static str) -> Callback<MouseEvent> {
    Callback::from(move |_: MouseEvent| {
        wasm_bindgen_futures::spawn_local(async move {
            let saved = match ondemand::module().await {
                Ok(module) => module.save_bundled_file(file, file_name),
                Err(failure) => Err(failure),
            };
            if let Err(reason) = saved {
                web_sys::console::error_1(&format!("Could not save {file_name}: {reason}").into());
            }
        });
    })
}

/// Citation, the open data and where the article comes from.
#[function_component(SiteFooter)]
fn site_footer() -> Html {
    let explorer = crate::explorer::use_explorer();
    let article = &explorer.data.article;
    html! {
        <footer class="site-footer">
            <p>
                { "All quotations are from " }
                // The validator has checked the whole address; a link needs only its scheme checked here.
                if has_web_scheme(&article.url) {
                    <a href={article.url.clone()} rel="noopener">{ format!("“{}”", article.title) }</a>
                } else {
                    { format!("“{}”", article.title) }
                }
                { format!(" by {}. Cite the article as: ", article.author) }
                <cite>{ &article.citation }</cite>
            </p>
            <p>
                { "Open data: " }
                // The single file has no files beside it: it saves the data set and the schema from memory instead.
                if is_single_file() {
                    <button type="button" class="link-button" onclick={save_from_memory(BundledFile::DataSet, "potential-fruits.json")}>{ "the data set (JSON)" }</button>
                    { " · " }
                    <button type="button" class="link-button" onclick={save_from_memory(BundledFile::Schema, "schema.json")}>{ "its JSON Schema" }</button>
                } else {
                    <a href="potential-fruits.json" download="potential-fruits.json">{ "the data set (JSON)" }</a>
                    { " · " }
                    <a href="schema.json" download="schema.json">{ "its JSON Schema" }</a>
                }
                { " · " }
                <a href={state_href(&ViewState::default())}>{ "Start over" }</a>
            </p>
        </footer>
    }
}
