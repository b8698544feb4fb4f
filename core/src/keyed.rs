//! [`keyed_enum!`](crate::keyed_enum): a field-less enum whose variants each have an id (in the URL, the data set, CSS
//! class names) and optionally a label, written once in one table; the macro writes `ALL`, `id`, `from_id` and `label`.

/// Declares a field-less enum from a table of its variants with their ids (and, for every variant or none, a label),
/// and writes for it:
///
/// - `pub const ALL: [Self; N]`: every variant, in the table's order;
/// - `pub fn id(self) -> &'static str` and `pub fn from_id(id: &str) -> Option<Self>`, its inverse;
/// - `pub fn label(self) -> &'static str`, when the table gives labels.
///
/// ```
/// summit_core::keyed_enum! {
///     /// A colour.
///     #[derive(Debug, Clone, Copy, PartialEq, Eq)]
///     pub enum Colour {
///         Red = ("red", "Red"),
///         /// A doc comment or an attribute may precede a variant.
///         DarkBlue = ("dark-blue", "Dark blue"),
///     }
/// }
/// assert_eq!(Colour::ALL, [Colour::Red, Colour::DarkBlue]);
/// assert_eq!(Colour::DarkBlue.id(), "dark-blue");
/// assert_eq!(Colour::from_id("red"), Some(Colour::Red));
/// assert_eq!(Colour::DarkBlue.label(), "Dark blue");
/// ```
///
/// A type that serde also reads keeps its `#[serde(rename_all = …)]`; a test checks that each id is its serde name.
#[macro_export]
macro_rules! keyed_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$variant_meta:meta])* $variant:ident = ($id:literal, $label:literal) ),+ $(,)?
        }
    ) => {
        $crate::keyed_enum! {
            $(#[$meta])*
            $vis enum $name {
                $( $(#[$variant_meta])* $variant = $id ),+
            }
        }

        impl $name {
            /// The label the page shows for it.
            pub fn label(self) -> &'static str {
                match self {
                    $( $name::$variant => $label ),+
                }
            }
        }
    };
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$variant_meta:meta])* $variant:ident = $id:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        $vis enum $name {
            $( $(#[$variant_meta])* $variant ),+
        }

        impl $name {
            /// Every variant, in the order of its declaration.
            pub const ALL: [$name; [$(stringify!($variant)),+].len()] = [$($name::$variant),+];

            /// Its id, as the URL, the data set and the page's class names write it.
            pub fn id(self) -> &'static str {
                match self {
                    $( $name::$variant => $id ),+
                }
            }

            /// The variant with this id, if there is one.
            pub fn from_id(id: &str) -> Option<$name> {
                $name::ALL.into_iter().find(|v| v.id() == id)
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use crate::model::{Category, Verdict};
    use crate::state::{MatrixRows, SortOrder, View};

    /// Each id reads back to its variant, and no two variants share one.
    fn check_ids<T: Copy + PartialEq + std::fmt::Debug>(
        all: &[T],
        id: fn(T) -> &'static str,
        from_id: fn(&str) -> Option<T>,
    ) {
        for (i, &v) in all.iter().enumerate() {
            assert_eq!(from_id(id(v)), Some(v));
            assert!(all[..i].iter().all(|&w| id(w) != id(v)), "{v:?}");
        }
        assert_eq!(from_id(""), None);
        assert_eq!(from_id("no-such-id"), None);
    }

    #[test]
    fn ids_read_back() {
        check_ids(&View::ALL, View::id, View::from_id);
        check_ids(&SortOrder::ALL, SortOrder::id, SortOrder::from_id);
        check_ids(&MatrixRows::ALL, MatrixRows::id, MatrixRows::from_id);
        check_ids(&Category::ALL, Category::id, Category::from_id);
        check_ids(&Verdict::ALL, Verdict::id, Verdict::from_id);
    }

    #[test]
    fn category_and_verdict_ids_are_serde_names() {
        for c in Category::ALL {
            assert_eq!(serde_json::to_value(c).unwrap(), c.id());
            assert_eq!(
                serde_json::from_value::<Category>(serde_json::json!(c.id())).unwrap(),
                c
            );
        }
        for v in Verdict::ALL {
            assert_eq!(serde_json::to_value(v).unwrap(), v.id());
            assert_eq!(
                serde_json::from_value::<Verdict>(serde_json::json!(v.id())).unwrap(),
                v
            );
        }
    }

    #[test]
    fn the_tables_keep_their_ids_and_labels() {
        assert_eq!(
            View::ALL.map(View::id),
            ["cards", "matrix", "article", "timeline", "scorecard"]
        );
        assert_eq!(View::Scorecard.label(), "Scorecard");
        assert_eq!(
            SortOrder::ALL.map(SortOrder::id),
            ["article", "feasibility-desc", "feasibility-asc", "title"]
        );
        assert_eq!(SortOrder::Title.label(), "Title (A–Z)");
        assert_eq!(
            MatrixRows::ALL.map(MatrixRows::id),
            ["domain", "category", "actor"]
        );
        assert_eq!(MatrixRows::Actor.label(), "Actor");
        assert_eq!(
            Category::ALL.map(Category::id),
            ["low-hanging", "high-hanging", "unilateral", "risk"]
        );
        assert_eq!(
            Verdict::ALL.map(Verdict::id),
            ["borne-out", "partly", "not-borne-out", "overtaken"]
        );
        assert_eq!(Verdict::Overtaken.label(), "Overtaken by events");
        assert_eq!(View::default(), View::Cards);
        assert_eq!(SortOrder::default(), SortOrder::Article);
        assert_eq!(MatrixRows::default(), MatrixRows::Domain);
    }
}
