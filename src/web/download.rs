//! Saving a file the browser made, with no server involved.

use wasm_bindgen::JsCast;

fn click_link(name: &str, href: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Ok(a) = document.create_element("a") else { return };
    let _ = a.set_attribute("href", href);
    let _ = a.set_attribute("download", name);
    if let Ok(a) = a.dyn_into::<web_sys::HtmlElement>() {
        a.click();
    }
}

/// Saves text as a file.
pub fn text(name: &str, mime: &str, content: &str) {
    let parts = js_sys::Array::of1(&content.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    click_link(name, &url);
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Saves a CSV file, starting with a UTF-8 byte-order mark so that spreadsheet programs (Excel)
/// read accents and Arabic right.
pub fn csv(name: &str, content: &str) {
    text(name, "text/csv;charset=utf-8", &format!("\u{feff}{content}"));
}

/// Saves a `data:` URL (e.g. an image from ECharts) as a file.
pub fn data_url(name: &str, url: &str) {
    click_link(name, url);
}

/// Today as YYYY-MM-DD, for file names.
pub fn today() -> String {
    let iso: String = js_sys::Date::new_0().to_iso_string().into();
    iso.chars().take(10).collect()
}
