//! Summit Fruits, the browser app: Yew components that draw what `summit_core` computes.
//!
//! The modules here are thin: `data` reads the bundled data set once, `app` holds the page,
//! and `components` draws pieces of it. Every decision about what to show is made in the core.

pub mod app;
pub mod components;
pub mod data;
pub mod explorer;
pub mod hindsight_data;
pub mod theme;
pub mod url_state;

/// Mounts the explorer into the page's `#app` element (or the body when there is none).
pub fn start() {
    theme::apply_theme(theme::saved_theme());
    let document = gloo::utils::document();
    match document.get_element_by_id("app") {
        Some(root) => {
            yew::Renderer::<app::App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<app::App>::new().render();
        }
    }
}
