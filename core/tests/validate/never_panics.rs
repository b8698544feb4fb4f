//! Never panics: random edits of the bundled data set and random JSON values.

use super::*;

/// One byte-level edit: replace, insert or delete at a position.
#[derive(Debug, Clone)]
enum Edit {
    Replace(prop::sample::Index, u8),
    Insert(prop::sample::Index, u8),
    Delete(prop::sample::Index),
}

fn edit_strategy() -> impl Strategy<Value = Edit> {
    // Favour the bytes that matter to JSON's structure.
    let byte = prop_oneof![
        any::<u8>(),
        prop::sample::select(b"{}[]\",:\\0123456789-etrnul \n".to_vec()),
    ];
    prop_oneof![
        (any::<prop::sample::Index>(), byte.clone()).prop_map(|(i, b)| Edit::Replace(i, b)),
        (any::<prop::sample::Index>(), byte).prop_map(|(i, b)| Edit::Insert(i, b)),
        any::<prop::sample::Index>().prop_map(Edit::Delete),
    ]
}

fn apply(bytes: &mut Vec<u8>, edit: &Edit) {
    match edit {
        Edit::Replace(i, b) if !bytes.is_empty() => {
            let at = i.index(bytes.len());
            bytes[at] = *b;
        }
        Edit::Insert(i, b) => {
            let at = i.index(bytes.len() + 1);
            bytes.insert(at, *b);
        }
        Edit::Delete(i) if !bytes.is_empty() => {
            let at = i.index(bytes.len());
            bytes.remove(at);
        }
        _ => {}
    }
}

/// A small JSON value to drop into a data set.
fn leaf_strategy() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        (0u64..12).prop_map(|n| json!(n)),
        ".{0,40}".prop_map(Value::String),
        "[a-z-]{0,12}".prop_map(Value::String),
        Just(json!([])),
        Just(json!({})),
    ]
}

/// Every path (as keys and indices) to a node of `v`.
fn all_paths(v: &Value, prefix: &mut Vec<Value>, out: &mut Vec<Vec<Value>>) {
    out.push(prefix.clone());
    match v {
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                prefix.push(json!(i));
                all_paths(x, prefix, out);
                prefix.pop();
            }
        }
        Value::Object(o) => {
            for (k, x) in o {
                prefix.push(json!(k));
                all_paths(x, prefix, out);
                prefix.pop();
            }
        }
        _ => {}
    }
}

fn node_mut<'a>(v: &'a mut Value, path: &[Value]) -> &'a mut Value {
    path.iter().fold(v, |node, step| match step {
        Value::Number(n) => &mut node[n.as_u64().unwrap() as usize],
        Value::String(k) => &mut node[k.as_str()],
        _ => unreachable!(),
    })
}

/// The bundled data set cut to three items (two of them related), the sections they quote and the events that quote those sections
/// and name only those items: still realistic (real paragraphs, quotations, people, related links, events) but about a
/// quarter of the size, so that 10,000 byte-level mutations of it run in reasonable time in a debug build.
fn small_bundled_json() -> &'static str {
    static SMALL: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    SMALL.get_or_init(|| {
        let mut v: Value = serde_json::from_str(BUNDLED).unwrap();
        let all = v["items"].as_array().unwrap();
        // The first item, the first item it names as related (so that a related link stays), and the second item.
        let related = all
            .iter()
            .position(|i| i["id"] == all[0]["related"][0])
            .unwrap();
        let mut items: Vec<Value> = [0, related, 1].iter().map(|&i| all[i].clone()).collect();
        let ids: Vec<Value> = items.iter().map(|i| i["id"].clone()).collect();
        let mut sections: Vec<Value> = Vec::new();
        for item in &mut items {
            item["related"]
                .as_array_mut()
                .unwrap()
                .retain(|r| ids.contains(r));
            for q in item["evidence"].as_array().unwrap() {
                if !sections.contains(&q["section"]) {
                    sections.push(q["section"].clone());
                }
            }
        }
        v["items"] = Value::Array(items);
        v["article"]["sections"]
            .as_array_mut()
            .unwrap()
            .retain(|s| sections.contains(&s["id"]));
        let events = v["events"].as_array_mut().unwrap();
        events.retain(|e| {
            sections.contains(&e["section"])
                && e["items"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .all(|i| ids.contains(i))
        });
        // The article's focus event goes with its event.
        let focus_kept = v["events"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["id"] == v["article"]["focus_event"]);
        if !focus_kept {
            v["article"].as_object_mut().unwrap().remove("focus_event");
        }
        serde_json::to_string_pretty(&v).unwrap()
    })
}

#[test]
fn the_small_bundled_data_set_is_valid_and_realistic() {
    let json = small_bundled_json();
    let (data, _warnings) = parse_and_validate(json, &Limits::default()).unwrap_or_else(|p| {
        panic!(
            "{}",
            p.iter()
                .map(|p| p.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        )
    });
    assert_eq!(data.items.len(), 3);
    assert!(!data.article.sections.is_empty() && !data.events.is_empty());
    assert!(data
        .items
        .iter()
        .any(|i| !i.related.is_empty() && !i.people.is_empty()));
    assert!(json.len() < BUNDLED.len() / 2, "{} bytes", json.len());
    println!(
        "the small data set: {} bytes, {} sections, {} events",
        json.len(),
        data.article.sections.len(),
        data.events.len()
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(10_000))]

    #[test]
    fn parse_never_panics_on_arbitrary_strings(s in any::<String>()) {
        let _ = parse_data_set(&s, &Limits::default());
        let _ = parse_hindsight(&s, &Limits::default());
    }

    #[test]
    fn parse_never_panics_on_json_like_strings(s in "[\\[\\]{}\",:0-9a-z\\\\ \n.eE+-]{0,300}") {
        let _ = parse_and_validate(&s, &Limits::default());
        let _ = parse_hindsight(&s, &Limits { max_depth: 3, ..Limits::default() });
    }

    /// Byte-level mutations of the bundled data set cut to three items (see `small_bundled_json`).
    #[test]
    fn parse_never_panics_on_mutations_of_the_bundled_json(edits in prop::collection::vec(edit_strategy(), 1..6)) {
        let mut bytes = small_bundled_json().as_bytes().to_vec();
        for edit in &edits {
            apply(&mut bytes, edit);
        }
        let text = String::from_utf8_lossy(&bytes);
        if let Ok((_, warnings)) = parse_and_validate(&text, &Limits::default()) {
            prop_assert!(warnings.iter().all(|w| !w.is_error()));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// The whole bundled file, mutated: fewer cases, since each parses and validates 80 KB in a debug build.
    #[test]
    fn parse_never_panics_on_mutations_of_the_whole_bundled_json(edits in prop::collection::vec(edit_strategy(), 1..6)) {
        let mut bytes = BUNDLED.as_bytes().to_vec();
        for edit in &edits {
            apply(&mut bytes, edit);
        }
        let text = String::from_utf8_lossy(&bytes);
        let _ = parse_and_validate(&text, &Limits::default());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    /// Structure-level mutations reach the validator itself: any node replaced by any small value.
    #[test]
    fn validate_never_panics_on_value_mutations(picks in prop::collection::vec((any::<prop::sample::Index>(), leaf_strategy()), 1..4)) {
        let data = data_of(&fixture());
        for (mut v, is_hindsight) in [(fixture(), false), (fixture_hindsight(), true)] {
            for (index, leaf) in &picks {
                let mut paths = Vec::new();
                all_paths(&v, &mut Vec::new(), &mut paths);
                let path = &paths[index.index(paths.len())];
                *node_mut(&mut v, path) = leaf.clone();
            }
            let text = v.to_string();
            if is_hindsight {
                let _ = parse_and_validate_hindsight(&text, &data, &Limits::default());
            } else {
                let _ = parse_and_validate(&text, &Limits::default());
            }
        }
    }
}
