//! The explorer's components, one per file; each only draws what the core computed.

pub mod active_filters;
pub mod article_header;
pub mod article_view;
pub mod card_list;
pub mod category_icon;
pub mod data_source_bar;
pub mod embed_dialog;
pub mod export_bar;
pub mod feasibility_meter;
pub mod filter_panel;
pub mod highlighted_text;
pub mod hindsight_panel;
pub mod item_card;
pub mod item_detail;
pub mod load_error;
pub mod matrix_view;
pub mod reading_note;
pub mod result_summary;
pub mod scorecard_view;
pub mod timeline_view;
pub mod toolbar;
