//! The loader of the on-demand module (`ondemand/`): the data-set reader and checker, the hindsight layer's check,
//! every download, the matrix, article, scorecard and timeline views, a card's hindsight section, the Cite and Embed
//! dialogs and the bundled files' text live in a second wasm module, fetched the first time a reader needs one of
//! them, and never by a reader who does not.
//!
//! The page's start script provides the module as `globalThis[Symbol.for("summit-fruits:ondemand")]`, a function that
//! returns a promise of its bindings (wasm-bindgen's exports, initialised): on a hosted page `static/boot.js` loads
//! the files that `<meta name="summit-fruits:ondemand">` names, with their integrity; in a host page the script
//! embed's entry loads its own copies likewise; the single file decodes the module from the page itself. This side
//! calls the provider once, shares the promise between every caller, and forgets it after a failure so that the next
//! use tries again. The two modules share no memory: values cross as strings and bytes, in the wire form
//! (`summit_core::wire`).

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Function, Promise, Reflect, Uint32Array, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use summit_core::export::ItemsFormat;
use summit_core::model::DataSet;
use summit_core::validate::Problem;
use summit_core::wire;

/// The global under which the start script provides the module.
pub const PROVIDER_KEY: &str = "summit-fruits:ondemand";

thread_local! {
    /// The provider's promise, once asked for; forgotten when it fails.
    static PENDING: RefCell<Option<Promise>> = const { RefCell::new(None) };
}

/// The on-demand module, loaded and ready.
#[derive(Clone)]
pub struct OnDemand {
    bindings: JsValue,
}

/// A checked data set: accepted with its warnings and its own wire form, or refused with every problem.
pub type DataSetChecked = Result<(DataSet, Vec<Problem>, Vec<u8>), Vec<Problem>>;

/// Where a chosen data set comes from, for the module to read.
pub enum ChosenSource {
    /// A picked or dropped file (a JS `File`).
    File(JsValue),
    /// The promise of the `fetch` of a `?data=` address.
    Response(Promise),
}

/// Why the module or one of its calls failed: a sentence fragment for "… could not be loaded (REASON)".
#[derive(Debug, Clone, PartialEq)]
pub struct Failure(pub String);

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn reason(error: &JsValue) -> Failure {
    let text = error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "an unknown error".to_string());
    Failure(text)
}

/// The provider's promise: the one already asked for, or a new one.
fn pending() -> Result<Promise, Failure> {
    if let Some(promise) = PENDING.with(|p| p.borrow().clone()) {
        return Ok(promise);
    }
    let key = js_sys::Symbol::for_(PROVIDER_KEY);
    let provider = Reflect::get(&js_sys::global(), &key)
        .ok()
        .and_then(|p| p.dyn_into::<Function>().ok())
        .ok_or_else(|| {
            Failure("this page does not say where the module is; it was built without `cargo xtask postbuild`".into())
        })?;
    let promise = provider
        .call0(&JsValue::UNDEFINED)
        .map_err(|e| reason(&e))?
        .dyn_into::<Promise>()
        .map_err(|_| Failure("the page's loader did not return a promise".into()))?;
    PENDING.with(|p| *p.borrow_mut() = Some(promise.clone()));
    Ok(promise)
}

/// Starts fetching the module without waiting for it, when a reader is about to need it (a file dragged over the
/// page, the data-set picker opened, `?data=` being fetched). A failure is kept for the use that follows.
pub fn start_loading() {
    let Ok(promise) = pending() else {
        return;
    };
    // A rejection nobody awaits yet must not reach the console as unhandled; the real use awaits it again.
    ignore_rejection(&promise);
}

/// Catches `promise`'s rejection, so that a promise nobody awaits does not reach the console as unhandled.
pub fn ignore_rejection(promise: &Promise) {
    thread_local! {
        static IGNORE: wasm_bindgen::closure::Closure<dyn FnMut(JsValue)> =
            wasm_bindgen::closure::Closure::new(|_: JsValue| {});
    }
    IGNORE.with(|ignore| {
        let _ = promise.catch(ignore);
    });
}

/// The module, fetched and started on first use; every later call gets the same one.
pub async fn module() -> Result<OnDemand, Failure> {
    let promise = pending()?;
    match JsFuture::from(promise).await {
        Ok(bindings) if bindings.is_object() => Ok(OnDemand { bindings }),
        Ok(_) => {
            forget();
            Err(Failure("the page's loader gave no module".into()))
        }
        Err(error) => {
            forget();
            Err(reason(&error))
        }
    }
}

/// Runs `use_it` with the module, fetched first if need be. A failure comes back as the sentence a status shows,
/// naming `what` ("the citations"): "The citations could not be loaded (…); check the connection and try again." when
/// the module cannot be had, "The citations could not be shown (…)." when `use_it` fails.
pub async fn shown_with<T>(
    what: &str,
    use_it: impl FnOnce(OnDemand) -> Result<T, Failure>,
) -> Result<T, String> {
    let what = summit_core::text::capitalised(what);
    match module().await {
        Ok(module) => use_it(module).map_err(|f| format!("{what} could not be shown ({f}).")),
        Err(f) => Err(format!(
            "{what} could not be loaded ({f}); check the connection and try again."
        )),
    }
}

/// Forgets the module (or its failure), so that the next use asks the provider again.
pub fn forget() {
    PENDING.with(|p| *p.borrow_mut() = None);
}

impl OnDemand {
    fn call(&self, name: &str, args: &[JsValue]) -> Result<JsValue, Failure> {
        let function = Reflect::get(&self.bindings, &JsValue::from_str(name))
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok())
            .ok_or_else(|| Failure(format!("the module has no function {name}")))?;
        let args: js_sys::Array = args.iter().collect();
        function
            .apply(&JsValue::UNDEFINED, &args)
            .map_err(|e| reason(&e))
    }

    /// Calls `name`, which answers with a promise of bytes, and waits for them.
    async fn bytes_later(&self, name: &str, args: &[JsValue]) -> Result<Vec<u8>, Failure> {
        let promise = self
            .call(name, args)?
            .dyn_into::<Promise>()
            .map_err(|_| Failure(format!("{name} gave no promise")))?;
        JsFuture::from(promise)
            .await
            .map_err(|e| reason(&e))?
            .dyn_into::<Uint8Array>()
            .map(|bytes| bytes.to_vec())
            .map_err(|_| Failure(format!("{name} gave no bytes")))
    }

    fn bytes(&self, name: &str, args: &[JsValue]) -> Result<Vec<u8>, Failure> {
        self.call(name, args)?
            .dyn_into::<Uint8Array>()
            .map(|bytes| bytes.to_vec())
            .map_err(|_| Failure(format!("{name} gave no bytes")))
    }

    /// Reads a chosen data set within the size limit and checks it with the default limits: accepted with its
    /// warnings and its own wire form, or refused with every problem (a failed request with the reason).
    pub async fn read_data_set(&self, source: &ChosenSource) -> Result<DataSetChecked, Failure> {
        let (function, argument) = match source {
            ChosenSource::File(file) => ("read_data_file", file.clone()),
            ChosenSource::Response(response) => ("read_data_response", response.into()),
        };
        let bytes = self.bytes_later(function, &[argument]).await?;
        wire::decode_data_set_outcome(&bytes).map_err(|e| Failure(e.to_string()))
    }

    /// Checks the bundled hindsight layer against the data set in `data` (its wire form): the wire form of the check's
    /// outcome, which [`OnDemand::draw_hindsight_panel`] and the views take, or the problems that refused the layer.
    pub fn check_hindsight(&self, data: &[u8]) -> Result<Result<Rc<[u8]>, Vec<Problem>>, Failure> {
        let bytes = self.bytes(
            "check_hindsight",
            &[Uint8Array::from(data).into(), JsValue::UNDEFINED],
        )?;
        match wire::hindsight_refusal(&bytes) {
            Ok(None) => Ok(Ok(Rc::from(bytes))),
            Ok(Some(problems)) => Ok(Err(problems)),
            Err(e) => Err(Failure(e.to_string())),
        }
    }

    /// Writes the items at `shown` in the data set `data` (its wire form) in `format` and saves the file.
    pub fn save_items(
        &self,
        data: &[u8],
        shown: &[usize],
        format: ItemsFormat,
    ) -> Result<(), Failure> {
        let [data, shown] = export_args(data, shown);
        let format = match format {
            ItemsFormat::Csv => "csv",
            ItemsFormat::Json => "json",
        };
        self.call("save_items", &[data, shown, JsValue::from_str(format)])
            .map(drop)
    }

    /// Saves a bundled file whose text the module holds as `file_name`.
    pub fn save_bundled_file(&self, file: BundledFile, file_name: &str) -> Result<(), Failure> {
        let which = match file {
            BundledFile::DataSet => "data-set",
            BundledFile::Schema => "schema",
        };
        self.call(
            "save_bundled_file",
            &[JsValue::from_str(which), JsValue::from_str(file_name)],
        )
        .map(drop)
    }

    /// Opens the Cite dialog inside `container` (an element of this instance's root); focus returns to `opener` when
    /// it closes. `view` is the shown view's id, `view_address` its address; `item` the id of the item whose detail
    /// asked, `None` from the toolbar.
    pub fn open_cite_dialog(
        &self,
        container: &web_sys::Element,
        opener: &web_sys::HtmlElement,
        data: &[u8],
        view: &str,
        view_address: &str,
        item: Option<&str>,
    ) -> Result<(), Failure> {
        self.call(
            "open_cite_dialog",
            &[
                container.into(),
                opener.into(),
                Uint8Array::from(data).into(),
                JsValue::from_str(view),
                JsValue::from_str(view_address),
                item.map_or(JsValue::UNDEFINED, JsValue::from_str),
            ],
        )
        .map(drop)
    }

    /// Opens the Embed dialog inside `container` with the code for the view at `fragment` of the page at `href`;
    /// focus returns to `opener` when it closes. `scripts` are the `content` of the page's `<meta>` elements naming the
    /// content-hashed embed scripts, the loader's and the script embed's entry's, when it has them.
    pub fn open_embed_dialog(
        &self,
        container: &web_sys::Element,
        opener: &web_sys::HtmlElement,
        data: &[u8],
        href: &str,
        fragment: &str,
        scripts: (Option<&str>, Option<&str>),
    ) -> Result<(), Failure> {
        let text = |value: Option<&str>| value.map_or(JsValue::UNDEFINED, JsValue::from_str);
        self.call(
            "open_embed_dialog",
            &[
                container.into(),
                opener.into(),
                Uint8Array::from(data).into(),
                JsValue::from_str(href),
                JsValue::from_str(fragment),
                text(scripts.0),
                text(scripts.1),
            ],
        )
        .map(drop)
    }

    /// Draws what happened to the item `item_id` after the article into `section`, from the checked hindsight layer
    /// in `layer` (the wire form [`OnDemand::check_hindsight`] gave); see [`HindsightPlacement`].
    pub fn draw_hindsight_panel(
        &self,
        section: &web_sys::Element,
        layer: &[u8],
        item_id: &str,
        placement: &HindsightPlacement,
    ) -> Result<(), Failure> {
        self.call(
            "draw_hindsight_panel",
            &[
                section.into(),
                Uint8Array::from(layer).into(),
                JsValue::from_str(item_id),
                JsValue::from(placement.heading_level),
                JsValue::from_str(placement.id_prefix),
                JsValue::from_bool(placement.embedded),
            ],
        )
        .map(drop)
    }

    /// Calls the module's view function `name` with the element to draw into, the data set's wire bytes, `args`
    /// (what the view shows) and the links' two functions, as every `draw_*` export takes them; what it gave back.
    fn draw_view(
        &self,
        name: &str,
        container: &web_sys::Element,
        data: &[u8],
        args: &[JsValue],
        links: &ViewLinks,
    ) -> Result<JsValue, Failure> {
        let mut all = vec![container.into(), Uint8Array::from(data).into()];
        all.extend_from_slice(args);
        all.push(links.href.as_ref().clone());
        all.push(links.open.as_ref().clone());
        self.call(name, &all)
    }

    /// Draws the scorecard of the data set in `data` (its wire form) with the bundled hindsight layer into
    /// `container`; its listed items' links use `links`.
    pub fn draw_scorecard(
        &self,
        container: &web_sys::Element,
        data: &[u8],
        links: &ViewLinks,
    ) -> Result<(), Failure> {
        self.draw_view("draw_scorecard", container, data, &[], links)
            .map(drop)
    }

    /// Draws the timeline of the data set in `data` (its wire form) into `container`: `included` has a byte per item,
    /// 1 where the filters let it through ([`included_bytes`]), `hindsight` whether the layer is on, `embedded` whether links that leave
    /// the explorer open a new tab; its links use `links`.
    pub fn draw_timeline(
        &self,
        container: &web_sys::Element,
        data: &[u8],
        included: &[u8],
        (hindsight, embedded): (bool, bool),
        links: &ViewLinks,
    ) -> Result<(), Failure> {
        let args = [
            Uint8Array::from(included).into(),
            JsValue::from_bool(hindsight),
            JsValue::from_bool(embedded),
        ];
        self.draw_view("draw_timeline", container, data, &args, links)
            .map(drop)
    }

    /// Draws the feasibility matrix of the data set in `data` (its wire form) into `container`, as `shown` says:
    /// `included` has a byte per item, 1 where the filters let it through ([`included_bytes`]); its links use
    /// `links`. True when it drew a mark, false when no item is left to draw.
    pub fn draw_matrix(
        &self,
        container: &web_sys::Element,
        data: &[u8],
        included: &[u8],
        shown: &MatrixShown,
        links: &ViewLinks,
    ) -> Result<bool, Failure> {
        let how = js_sys::Object::new();
        let set = |name: &str, value: JsValue| {
            let _ = Reflect::set(&how, &JsValue::from_str(name), &value);
        };
        set("rows", JsValue::from_str(shown.rows.id()));
        set("hideExcluded", JsValue::from_bool(shown.hide_excluded));
        set("hindsight", JsValue::from_bool(shown.hindsight));
        set("instance", JsValue::from(shown.instance));
        if let Some(item) = shown.open_item {
            set("openItem", JsValue::from_str(item));
        }
        let args = [Uint8Array::from(included).into(), how.into()];
        let drawn = self.draw_view("draw_matrix", container, data, &args, links)?;
        drawn
            .as_bool()
            .ok_or_else(|| Failure("draw_matrix did not say whether it drew a mark".into()))
    }

    /// Draws the article view of the data set in `data` (its wire form) into `container`: `included` has a byte per
    /// item, 1 where the filters let it through ([`included_bytes`]), `passage` is the passage the address names (item id, evidence
    /// index), `embedded` whether the link to the original opens a new tab; its links use `links`.
    pub fn draw_article(
        &self,
        container: &web_sys::Element,
        data: &[u8],
        included: &[u8],
        passage: Option<(&str, usize)>,
        embedded: bool,
        links: &ViewLinks,
    ) -> Result<(), Failure> {
        let args = [
            Uint8Array::from(included).into(),
            passage.map_or(JsValue::UNDEFINED, |(item, _)| JsValue::from_str(item)),
            JsValue::from(passage.map_or(0, |(_, evidence)| evidence as u32)),
            JsValue::from_bool(embedded),
        ];
        self.draw_view("draw_article", container, data, &args, links)
            .map(drop)
    }

    /// Saves the drawn matrix `svg`, titled `title`, as a standalone SVG file or as a PNG at twice its size.
    pub async fn save_matrix(
        &self,
        svg: &web_sys::Element,
        title: &str,
        format: MatrixFormat,
    ) -> Result<(), Failure> {
        let format = match format {
            MatrixFormat::Svg => "svg",
            MatrixFormat::Png => "png",
        };
        let promise = self
            .call(
                "save_matrix",
                &[
                    svg.into(),
                    JsValue::from_str(title),
                    JsValue::from_str(format),
                ],
            )?
            .dyn_into::<Promise>()
            .map_err(|_| Failure("save_matrix gave no promise".into()))?;
        JsFuture::from(promise)
            .await
            .map(drop)
            .map_err(|e| reason(&e))
    }
}

/// A bundled file whose text the module holds, which the single file saves from memory (a hosted bundle links to the
/// file beside the page).
#[derive(Clone, Copy)]
pub enum BundledFile {
    DataSet,
    Schema,
}

/// How the matrix is shown, besides its data set and the filters.
pub struct MatrixShown<'a> {
    pub rows: summit_core::state::MatrixRows,
    /// Whether the items the filters leave out are hidden (else dimmed).
    pub hide_excluded: bool,
    /// Whether the hindsight layer is on.
    pub hindsight: bool,
    /// Tells this matrix's element ids apart from another instance's (`matrix-heading-N`).
    pub instance: u32,
    /// The open item's id: its mark takes the tab stop when no other mark was current.
    pub open_item: Option<&'a str>,
}

/// The matrix's two files.
#[derive(Clone, Copy)]
pub enum MatrixFormat {
    Svg,
    Png,
}

/// Which items the filters let through (by index in the data set) as the module's views take it: a byte per item, 1
/// where it passes.
pub fn included_bytes(included: &[bool]) -> Vec<u8> {
    included.iter().map(|&i| u8::from(i)).collect()
}

/// The functions a view the module draws calls for its links into the explorer: `href(kind, arg)`, the address of
/// the explorer there, and `open(kind, arg)`, which goes there in place (`src/views/drawn_view.rs`). Kept alive by the
/// component that shows the view.
pub struct ViewLinks {
    pub href: wasm_bindgen::closure::Closure<dyn Fn(String, String) -> String>,
    pub open: wasm_bindgen::closure::Closure<dyn Fn(String, String)>,
}

fn export_args(data: &[u8], shown: &[usize]) -> [JsValue; 2] {
    let indices: Vec<u32> = shown
        .iter()
        .filter_map(|&i| u32::try_from(i).ok())
        .collect();
    [
        Uint8Array::from(data).into(),
        Uint32Array::from(indices.as_slice()).into(),
    ]
}

/// Where a hindsight section sits: its heading's level (4 on a card, below its `h3` title; 3 in the detail dialog), the
/// prefix of its element ids (so that a card and the open dialog never share one), and whether its source links open
/// a new tab (in embed mode).
#[derive(Clone, Debug, PartialEq)]
pub struct HindsightPlacement {
    pub heading_level: u8,
    pub id_prefix: &'static str,
    pub embedded: bool,
}

/// Which data set the explorer shows, as the on-demand module takes it: the bundled one (no bytes: the module holds
/// it whole, with the article's text that the app's copy lacks) or one the reader chose (the wire form the checker
/// gave back). Components read it from context; none above means the bundled one.
#[derive(Clone, Debug, Default)]
pub enum DataWire {
    #[default]
    Bundled,
    Chosen(Rc<[u8]>),
}

impl DataWire {
    pub fn bytes(&self) -> &[u8] {
        match self {
            DataWire::Bundled => &[],
            DataWire::Chosen(bytes) => bytes,
        }
    }
}

impl PartialEq for DataWire {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (DataWire::Bundled, DataWire::Bundled) => true,
            (DataWire::Chosen(a), DataWire::Chosen(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }
}
