//! Summit Fruits' pure core: the data model, its validation and every computation the explorer draws.
//!
//! Nothing here imports `yew` or `web_sys`; it compiles and is tested on the host with plain `cargo test`.

pub mod action;
pub mod cite;
pub mod dates;
pub mod embed;
pub mod embed_mode;
pub mod export;
pub mod glyphs;
pub mod hindsight;
pub mod keyed;
pub mod matrix;
pub mod matrix_layout;
pub mod model;
pub mod paging;
pub mod passages;
pub mod query;
pub mod results;
pub mod scorecard;
pub mod state;
pub mod text;
pub mod url;
pub mod validate;
pub mod wire;
