//! A small icon per category, so a category is never told by colour alone; the matrix uses the same shapes.

use yew::prelude::*;

use summit_core::model::Category;

/// The SVG path of a category's shape in a 16×16 box: a fruit low on the branch, a fruit high up,
/// a one-way arrow, and a warning triangle.
pub fn category_shape(category: Category) -> &'static str {
    match category {
        // A circle (fruit) hanging low.
        Category::LowHanging => "M8 6.5a4 4 0 1 1 0 8a4 4 0 1 1 0-8z",
        // A diamond high up.
        Category::HighHanging => "M8 1.5l4.5 4.5l-4.5 4.5l-4.5-4.5z",
        // A square.
        Category::Unilateral => "M3 3h10v10h-10z",
        // A triangle pointing up.
        Category::Risk => "M8 1.5l6.5 12h-13z",
    }
}

/// A decorative icon; the category's name is always written beside it. A plain function rather than a component, since
/// every card, mark and row draws one and it has no state.
pub fn category_icon(category: Category) -> Html {
    html! {
        <svg class={classes!("category-icon", format!("cat-{}", category.id()))} viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
            <path d={category_shape(category)} />
        </svg>
    }
}
