//! Writes the JSON Schemas of the data files from the Rust types, or checks that the committed ones are current.

use crate::root;

/// Each schema file and the type it describes.
fn schemas() -> Result<Vec<(&'static str, String)>, String> {
    let render = |schema: schemars::schema::RootSchema| {
        serde_json::to_string_pretty(&schema)
            .map(|s| s + "\n")
            .map_err(|e| e.to_string())
    };
    Ok(vec![
        (
            "data/schema.json",
            render(schemars::schema_for!(summit_core::model::DataSet))?,
        ),
        (
            "data/hindsight.schema.json",
            render(schemars::schema_for!(summit_core::model::Hindsight))?,
        ),
    ])
}

/// `schema` writes the files; `schema --check` fails when one differs from the types.
pub fn run(check: bool) -> Result<(), String> {
    for (file, fresh) in schemas()? {
        let path = root().join(file);
        if check {
            let committed = std::fs::read_to_string(&path).unwrap_or_default();
            if committed != fresh {
                return Err(format!(
                    "{file} is out of date with the Rust types: run `cargo xtask schema`"
                ));
            }
            println!("{file} matches the Rust types");
        } else {
            std::fs::write(&path, fresh)
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            println!("wrote {file}");
        }
    }
    Ok(())
}
