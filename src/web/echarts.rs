//! The few ECharts calls we need, bound directly: charming's WasmRenderer has no dispose, no
//! events and always merges options (a removed series would stay on screen).

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    pub type ECharts;

    #[wasm_bindgen(js_namespace = echarts, js_name = init)]
    pub fn init(element: &web_sys::HtmlElement, theme: &JsValue, options: &JsValue) -> ECharts;

    #[wasm_bindgen(method, js_name = setOption)]
    pub fn set_option(this: &ECharts, option: &JsValue, settings: &JsValue);

    #[wasm_bindgen(method)]
    pub fn on(this: &ECharts, event: &str, handler: &js_sys::Function);

    #[wasm_bindgen(method)]
    pub fn resize(this: &ECharts);

    #[wasm_bindgen(method)]
    pub fn dispose(this: &ECharts);
}

/// Is the ECharts script loaded (it is deferred, and may fail on a broken connection)?
pub fn available() -> bool {
    js_sys::Reflect::get(&js_sys::global(), &"echarts".into()).map(|v| !v.is_undefined()).unwrap_or(false)
}

/// A JSON value as a plain JS object (not `Map`s, which ECharts ignores).
pub fn to_js(value: &serde_json::Value) -> JsValue {
    js_sys::JSON::parse(&value.to_string()).unwrap_or(JsValue::NULL)
}
