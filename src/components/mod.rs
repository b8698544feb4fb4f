//! The explorer's small components, one per file, that the views and the page are made of; each only draws what the
//! core computed. The views themselves (cards, matrix, article, timeline, scorecard) are in [`crate::views`].

pub mod active_filters;
pub mod article_header;
pub mod category_icon;
pub mod cite_share;
pub mod data_source_bar;
pub mod dialog_button;
pub mod export_bar;
pub mod feasibility_meter;
pub mod filter_panel;
pub mod highlighted_text;
pub mod hindsight_panel;
pub mod item_card;
pub mod item_detail;
pub mod load_error;
pub mod problem_list;
pub mod reading_note;
pub mod result_summary;
pub mod toolbar;
