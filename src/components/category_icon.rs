//! A small icon per category, so a category is never told by colour alone; the matrix (drawn by the on-demand module)
//! uses the same shapes.

use yew::prelude::*;

use summit_core::glyphs::category_shape;
use summit_core::model::Category;

/// A decorative icon; the category's name is always written beside it. A plain function rather than a component, since
/// every card, mark and row draws one and it has no state.
pub fn category_icon(category: Category) -> Html {
    html! {
        <svg class={classes!("category-icon", format!("cat-{}", category.id()))} viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
            <path d={category_shape(category)} />
        </svg>
    }
}
