//! Downloads made in the page: text becomes a Blob behind an object URL, offered through a
//! temporary `<a download>`; nothing leaves the machine. JSON documents are serialised from the
//! core's serde structs by serde-wasm-bindgen (as plain JSON values) and `JSON.stringify`.

use gloo_file::{Blob, ObjectUrl};
use serde::Serialize;
use wasm_bindgen::JsCast;

/// Offers `text` as a file named `name` of type `mime`. `Err` says why the browser refused.
pub fn offer(name: &str, mime: &str, text: &str) -> Result<(), String> {
    let blob = Blob::new_with_options(text, Some(mime));
    // Revoked when dropped, after the click has started the download.
    let url = ObjectUrl::from(blob);
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| "cannot make a link")?
        .unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    Ok(())
}

/// `value` as indented JSON text: the same document serde_json writes natively (field names,
/// nulls for absent values, numbers as numbers).
pub fn json_text<T: Serialize>(value: &T) -> Result<String, String> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    let js = value
        .serialize(&serializer)
        .map_err(|e| format!("cannot serialise: {e}"))?;
    let text = js_sys::JSON::stringify_with_replacer_and_space(
        &js,
        &wasm_bindgen::JsValue::NULL,
        &wasm_bindgen::JsValue::from_f64(2.0),
    )
    .map_err(|_| "cannot write JSON".to_string())?;
    Ok(text.as_string().unwrap_or_default())
}
