//! One person, one name: a warning when a name looks like another spelling of a name used before it.

use std::collections::HashMap;

use super::checker::Checker;
use super::values::show;
use crate::model::DataSet;

/// The letters of a name that decide whether two spellings are one person's: lower case, words of letters and digits
/// (a hyphen or apostrophe inside a word kept, as in "al-Assad").
fn name_words(name: &str) -> Vec<String> {
    name.split(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | '(' | ')'))
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// How many opening letters of the first given name two spellings of one person share ("Alexei" and "Alexey").
const GIVEN_NAME_PREFIX: usize = 3;

/// One person, one name: warns when a name looks like another spelling of a name used before it (the same surname and
/// given names that agree in their first letters, the same words in another case, or the surname alone beside a full
/// name), since the explorer would show them as two people. A warning, not an error: two relatives can share a surname
/// and the first letters of their names. Linear in the number of names (one map lookup each).
pub(super) fn check_people(c: &mut Checker<'_>, data: &DataSet) {
    // (surname, given-name opening) → the first name with it; surname → the first full name and the first lone one.
    let mut by_key: HashMap<(String, String), (&str, String)> = HashMap::new();
    let mut full_by_surname: HashMap<String, (&str, String)> = HashMap::new();
    let mut alone: HashMap<String, (&str, String)> = HashMap::new();
    for (i, item) in data.items.iter().enumerate() {
        for (j, person) in item.people.iter().enumerate() {
            let path = format!("$.items[{i}].people[{j}].name");
            let name = person.name.as_str();
            let words = name_words(name);
            let Some(surname) = words.last().cloned() else {
                continue;
            };
            let earlier = if words.len() == 1 {
                let found = full_by_surname.get(&surname).cloned();
                alone.entry(surname).or_insert((name, path.clone()));
                found
            } else {
                let given: String = words[0].chars().take(GIVEN_NAME_PREFIX).collect();
                let found = by_key
                    .get(&(surname.clone(), given.clone()))
                    .filter(|(first, _)| *first != name)
                    .or_else(|| alone.get(&surname))
                    .cloned();
                by_key
                    .entry((surname.clone(), given))
                    .or_insert((name, path.clone()));
                full_by_surname
                    .entry(surname)
                    .or_insert((name, path.clone()));
                found
            };
            if let Some((first, first_path)) = earlier {
                if first != name {
                    c.warn(
                        &path,
                        format!(
                            "the person {} looks like {} (at {first_path}) under another name; give one person one \
                             name and note the other spelling in the role",
                            show(name),
                            show(first)
                        ),
                    );
                }
            }
        }
    }
}
