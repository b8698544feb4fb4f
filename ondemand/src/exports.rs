//! The module's JavaScript interface: each function of the crate under the same name, taking and giving strings,
//! byte arrays (`Uint8Array`) and numbers only. A failed export is a thrown string.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub fn check_data_set(json: &str) -> Vec<u8> {
    crate::check_data_set(json)
}

/// `json` undefined: the bundled layer.
#[wasm_bindgen]
pub fn check_hindsight(data_set: &[u8], json: Option<String>) -> Vec<u8> {
    crate::check_hindsight(data_set, json.as_deref())
}

#[wasm_bindgen]
pub fn export_csv(data_set: &[u8], shown: &[u32]) -> Result<String, JsValue> {
    crate::export_csv(data_set, shown).map_err(JsValue::from)
}

#[wasm_bindgen]
pub fn export_json(data_set: &[u8], shown: &[u32]) -> Result<String, JsValue> {
    crate::export_json(data_set, shown).map_err(JsValue::from)
}

#[wasm_bindgen]
pub fn bundled_data_set_json() -> String {
    crate::DATA_SET_JSON.to_string()
}

#[wasm_bindgen]
pub fn schema_json() -> String {
    crate::SCHEMA_JSON.to_string()
}
