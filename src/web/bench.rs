//! `?bench=1` only: `window.alianzasBench`, for `make bench` (tests/bench/bench.mjs) to time the
//! core's aggregation inside the page beside the same loop in plain JavaScript over the same
//! columns (typed-array copies of the store's). Nothing is exposed without the parameter.

use crate::core::analysis::query::{self, Filter, Measure};
use crate::core::analysis::store::{Dim, Store};
use std::sync::Arc;
use wasm_bindgen::prelude::*;

pub fn expose(store: Arc<Store>) {
    let Some(window) = web_sys::window() else { return };
    if !window.location().search().unwrap_or_default().split(['?', '&']).any(|p| p == "bench=1") {
        return;
    }
    let hook = js_sys::Object::new();
    let set = |key: &str, value: &JsValue| {
        let _ = js_sys::Reflect::set(&hook, &JsValue::from_str(key), value);
    };
    set("donor", &js_sys::Uint32Array::from(store.column(Dim::Donor)).into());
    set("status", &js_sys::Uint32Array::from(store.column(Dim::Status)).into());
    set("amount", &js_sys::Float64Array::from(&store.amount[..]).into());
    set("contribution", &js_sys::Uint32Array::from(&store.row_contribution[..]).into());
    let ids = js_sys::Array::new();
    for id in &store.dict(Dim::Donor).ids {
        ids.push(&JsValue::from_str(id));
    }
    set("donorIds", &ids.into());
    // Money by donor under "funding" (committed + disbursed), every row selected: one run, timed
    // inside the page; returns [milliseconds, total, groups] so the JavaScript loop can be checked.
    let all = query::select(&store, &Filter::default());
    let aggregate = Closure::<dyn Fn() -> js_sys::Array>::new(move || {
        let performance = web_sys::window().and_then(|w| w.performance());
        let now = || performance.as_ref().map_or(0.0, |p| p.now());
        let start = now();
        let g = query::group_by(&store, &all, Dim::Donor, Measure::Funding, None);
        let ms = now() - start;
        [ms, g.total, g.groups.len() as f64].iter().map(|&v| JsValue::from_f64(v)).collect()
    });
    set("aggregate", aggregate.as_ref());
    aggregate.forget();
    let _ = js_sys::Reflect::set(&window, &JsValue::from_str("alianzasBench"), &hook);
}
