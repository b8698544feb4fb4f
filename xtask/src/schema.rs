//! Writes `data/schema.json` from the Rust types, or checks that the committed one is current.

use crate::root;

fn generate() -> Result<String, String> {
    let schema = schemars::schema_for!(summit_core::model::DataSet);
    serde_json::to_string_pretty(&schema).map(|s| s + "\n").map_err(|e| e.to_string())
}

/// `schema` writes the file; `schema --check` fails when it differs from the types.
pub fn run(args: &[String]) -> Result<(), String> {
    let path = root().join("data/schema.json");
    let fresh = generate()?;
    if args.iter().any(|a| a == "--check") {
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        if committed != fresh {
            return Err("data/schema.json is out of date with the Rust types: run `cargo xtask schema`".into());
        }
        println!("data/schema.json matches the Rust types");
        Ok(())
    } else {
        std::fs::write(&path, fresh).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        println!("wrote {}", path.display());
        Ok(())
    }
}
