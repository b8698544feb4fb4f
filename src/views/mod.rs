//! The explorer's views, one per tab of the toolbar: the cards, the feasibility matrix, the annotated article, the
//! timeline and the hindsight scorecard. Each draws the whole results area for its view; the small pieces they share
//! are in [`crate::components`]. All but the cards are drawn by the on-demand module, through [`drawn_view`]; the
//! matrix keeps its toolbar here.

pub mod article_view;
pub mod card_list;
pub mod drawn_view;
pub mod matrix_view;
pub mod scorecard_view;
pub mod timeline_view;
