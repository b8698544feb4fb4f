//! A data set prepared for exploring (its search index), and what the filters leave of it: the items shown in order, which items pass, the facet counts and the terms to mark.

use std::rc::Rc;

use crate::model::{term_label, Category, DataSet, Item};
use crate::query::{
    facet_counts, filter_items, marked_terms, search_terms, sort_items, FacetCounts, SearchIndex,
};
use crate::state::{Filters, SortOrder};

/// A data set and what is computed from it once: the search index. (Where each quotation sits in the article is the
/// article view's, computed when it is drawn: `crate::passages::locate`.)
pub struct Explorer {
    pub data: Rc<DataSet>,
    pub index: SearchIndex,
}

impl Explorer {
    /// Prepares a data set for exploring.
    pub fn new(data: Rc<DataSet>) -> Self {
        let index = SearchIndex::new(&data);
        Explorer { data, index }
    }

    /// The item with this id, and its position in the data set.
    pub fn item(&self, id: &str) -> Option<(usize, &Item)> {
        self.data
            .items
            .iter()
            .enumerate()
            .find(|(_, item)| item.id == id)
    }

    /// The label of a domain id, or the id itself when the vocabulary lacks it.
    pub fn domain_label<'a>(&'a self, id: &'a str) -> &'a str {
        term_label(&self.data.vocabularies.domains, id)
    }

    /// The label of an actor id, or the id itself when the vocabulary lacks it.
    pub fn actor_label<'a>(&'a self, id: &'a str) -> &'a str {
        term_label(&self.data.vocabularies.actors, id)
    }

    /// The label of a category.
    pub fn category_label(&self, category: Category) -> &str {
        self.data.category_label(category)
    }

    /// The label of a feasibility level, such as "Easy".
    pub fn level_label(&self, level: u8) -> &str {
        self.data.level_label(level)
    }

    /// The highest level on the scale.
    pub fn max_level(&self) -> u8 {
        self.data.max_level()
    }
}

/// What the filters leave, computed once per change of filters or sort. Each part is shared (`Rc`), since the views
/// receive them as props.
#[derive(Debug, PartialEq)]
pub struct Results {
    /// Item indices that pass the filters, in the chosen order.
    pub shown: Rc<Vec<usize>>,
    /// Per item index: whether it passes the filters.
    pub included: Rc<Vec<bool>>,
    /// For each facet option, how many items it would leave.
    pub counts: Rc<FacetCounts>,
    /// The search's terms as the highlighter marks them.
    pub terms: Rc<Vec<String>>,
}

impl Results {
    /// Filters, sorts and counts the explorer's items.
    pub fn compute(explorer: &Explorer, filters: &Filters, sort: SortOrder) -> Results {
        let mut shown = filter_items(&explorer.data, &explorer.index, filters);
        let mut included = vec![false; explorer.data.items.len()];
        for &i in &shown {
            included[i] = true;
        }
        sort_items(&explorer.data, &mut shown, sort);
        Results {
            shown: Rc::new(shown),
            included: Rc::new(included),
            counts: Rc::new(facet_counts(&explorer.data, &explorer.index, filters)),
            terms: Rc::new(marked_terms(&search_terms(&filters.search))),
        }
    }
}
