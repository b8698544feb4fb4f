//! The page header: the article's title, author, outlet, date and a link to the original.

use yew::prelude::*;

use summit_core::dates::format_iso_date;

use crate::explorer::use_explorer;

/// Names the article of the explored data set and links to the original.
#[function_component(ArticleHeader)]
pub fn article_header() -> Html {
    let explorer = use_explorer();
    let article = &explorer.data.article;
    html! {
        <header class="site-header">
            <p class="site-name">{ "Summit Fruits" }</p>
            <h1 class="article-title">{ &article.title }</h1>
            <p class="byline">
                <span class="author">{ &article.author }</span>
                { ", " }
                <cite class="outlet">{ &article.outlet }</cite>
                { ", " }
                <time datetime={article.published.clone()}>{ format_iso_date(&article.published) }</time>
                { " · " }
                <a class="original-link" href={article.url.clone()} rel="noopener">{ "Read the original" }</a>
            </p>
            <p class="tagline">
                { "What the 16 June 2021 Geneva summit could achieve, as the article judged it twelve days before: every prospect and risk, in the article's own words." }
            </p>
        </header>
    }
}
