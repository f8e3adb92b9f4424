//! Fetching the catalog and a dataset, and turning them into a store, or into a problem a person
//! can act on.

use crate::core::analysis::store::Store;
use crate::core::format::catalog::{Catalog, Entry};
use crate::core::format::validate::{self, ValidationError};
use crate::core::import::ImportReport;
use gloo_net::http::Request;
use std::sync::Arc;
use wasm_bindgen::prelude::*;
use web_sys::AbortSignal;
use web_sys::{RequestCredentials, RequestMode};

/// The catalog of bundled real snapshots, relative to the page so the site works under any sub-path.
pub const CATALOG: &str = "data/catalog.json";

#[derive(Clone, Debug, PartialEq)]
pub enum LoadProblem {
    /// The server answered with an error status (404 has its own variant).
    Http {
        url: String,
        status: u16,
    },
    NotFound {
        url: String,
    },
    /// No answer at all: the address is wrong, the server is down, or the reader is offline.
    Network {
        url: String,
    },
    /// The page's Content-Security-Policy refused the address.
    Blocked {
        url: String,
    },
    /// The server answered, but its answer may not be read from another site (no CORS header).
    Cors {
        url: String,
    },
    /// The file is not JSON at all (`problem` locates the first error).
    NotJson {
        url: String,
        error: ValidationError,
    },
    /// JSON, but not a valid dataset: every problem, located.
    Invalid {
        url: String,
        errors: Vec<ValidationError>,
    },
    UnknownDataset {
        id: String,
    },
    /// Datasets from other sites must come over https.
    NotHttps {
        url: String,
    },
    TooLarge {
        url: String,
        limit_mb: u32,
    },
    /// A newer request replaced this one and aborted its fetches.
    Cancelled,
}

/// The largest dataset the page will download: phones on slow connections must not stall.
pub const MAX_DATASET_MB: u32 = 60;

#[derive(Clone)]
pub struct Loaded {
    pub store: Arc<Store>,
    pub catalog: Arc<Catalog>,
    /// The catalog entry of the shown dataset; None for a dataset from `?data=`.
    pub entry: Option<Entry>,
    pub report: Option<ImportReport>,
    /// Why the requested dataset is not the one shown.
    pub problem: Option<LoadProblem>,
    /// The view of the first screen, computed ahead (`dashboard::first_view`).
    pub first_view: Option<super::dashboard::FirstView>,
}

/// `?data=` must be an https address, or an address on this site (relative ones resolve against
/// this page): plain http from another site could be changed on its way.
fn check_external(url: &str) -> Result<(), LoadProblem> {
    let location = web_sys::window().map(|w| w.location());
    let base = location.as_ref().and_then(|l| l.href().ok()).unwrap_or_default();
    let origin = location.as_ref().and_then(|l| l.origin().ok()).unwrap_or_default();
    match web_sys::Url::new_with_base(url, &base) {
        Ok(u) if u.protocol() == "https:" || (u.protocol() == "http:" && u.origin() == origin) => Ok(()),
        _ => Err(LoadProblem::NotHttps { url: url.to_string() }),
    }
}

/// Records the addresses the page's Content-Security-Policy refuses while a fetch is under way, so
/// a failed fetch can say it was blocked by policy rather than blame the connection.
struct PolicyWatch {
    blocked: std::rc::Rc<std::cell::RefCell<Vec<String>>>,
    listener: wasm_bindgen::closure::Closure<dyn Fn(web_sys::SecurityPolicyViolationEvent)>,
}

impl PolicyWatch {
    fn start() -> PolicyWatch {
        let blocked = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
        let seen = blocked.clone();
        let listener = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::SecurityPolicyViolationEvent)>::new(move |e: web_sys::SecurityPolicyViolationEvent| {
            seen.borrow_mut().push(e.blocked_uri());
        });
        if let Some(d) = web_sys::window().and_then(|w| w.document()) {
            let _ = d.add_event_listener_with_callback("securitypolicyviolation", listener.as_ref().unchecked_ref());
        }
        PolicyWatch { blocked, listener }
    }

    /// Did the policy refuse this address (or its site)?
    fn refused(&self, url: &str) -> bool {
        let site = |u: &str| web_sys::Url::new(u).map(|u| u.origin()).ok();
        self.blocked.borrow().iter().any(|b| b == url || (site(b).is_some() && site(b) == site(url)))
    }
}

impl Drop for PolicyWatch {
    fn drop(&mut self) {
        if let Some(d) = web_sys::window().and_then(|w| w.document()) {
            let _ = d.remove_event_listener_with_callback("securitypolicyviolation", self.listener.as_ref().unchecked_ref());
        }
    }
}

/// Why a fetch got no readable answer: the policy refused it, the server answered without CORS
/// (an opaque request reaches it), or nothing answered at all.
async fn diagnose(url: &str, watch: &PolicyWatch) -> LoadProblem {
    let absolute = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .and_then(|base| web_sys::Url::new_with_base(url, &base).ok())
        .map(|u| u.href())
        .unwrap_or_else(|| url.to_string());
    // The violation event is dispatched asynchronously: give it a turn of the event loop.
    let _ = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&JsValue::NULL)).await;
    if watch.refused(&absolute) {
        return LoadProblem::Blocked { url: url.to_string() };
    }
    let opaque = Request::get(url).mode(RequestMode::NoCors).credentials(RequestCredentials::Omit).send().await;
    if watch.refused(&absolute) {
        LoadProblem::Blocked { url: url.to_string() }
    } else if opaque.is_ok() {
        LoadProblem::Cors { url: url.to_string() }
    } else {
        LoadProblem::Network { url: url.to_string() }
    }
}

/// The body of `url` if the page's loader fetched it while the app was on its way
/// (web-js/loader.mjs): the catalog, and a dataset on this site the URL names. Taken once, so a
/// later load of the same address fetches it anew. None when the loader did not fetch it, or got
/// no usable answer: the app then fetches it itself, and can say why it failed.
async fn early_body(url: &str) -> Option<Vec<u8>> {
    let early = js_sys::Reflect::get(&web_sys::window()?.into(), &JsValue::from_str("alianzasEarly")).ok()?.dyn_into::<js_sys::Object>().ok()?;
    let key = JsValue::from_str(url);
    let pending = js_sys::Reflect::get(&early, &key).ok()?.dyn_into::<js_sys::Promise>().ok()?;
    let _ = js_sys::Reflect::delete_property(&early, &key);
    // A body already here would be read in the task that asked for it: the app's start, the
    // catalog and the dataset would then run as one long task, where answers from the network
    // come each in a task of its own (a phone's total blocking time counts every long task).
    super::next_task().await;
    let body = wasm_bindgen_futures::JsFuture::from(pending).await.ok()?.dyn_into::<js_sys::ArrayBuffer>().ok()?;
    Some(js_sys::Uint8Array::new(&body).to_vec())
}

async fn fetch_text(url: &str, cancel: &AbortSignal) -> Result<String, LoadProblem> {
    let bytes = match early_body(url).await {
        Some(_) if cancel.aborted() => return Err(LoadProblem::Cancelled),
        Some(bytes) => bytes,
        None => fetch_bytes(url, cancel).await?,
    };
    // As `text()` decodes: a byte-order mark dropped, malformed bytes replaced (JSON parsing then
    // says where).
    let mut text = String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    if text.starts_with('\u{FEFF}') {
        text.drain(..'\u{FEFF}'.len_utf8());
    }
    Ok(text)
}

async fn fetch_bytes(url: &str, cancel: &AbortSignal) -> Result<Vec<u8>, LoadProblem> {
    let watch = PolicyWatch::start();
    let response = match Request::get(url)
        // Datasets are public: never send cookies or credentials with them.
        .credentials(RequestCredentials::Omit)
        .abort_signal(Some(cancel))
        .send()
        .await
    {
        Ok(r) => r,
        Err(_) if cancel.aborted() => return Err(LoadProblem::Cancelled),
        Err(_) => return Err(diagnose(url, &watch).await),
    };
    if response.status() == 404 {
        return Err(LoadProblem::NotFound { url: url.to_string() });
    }
    if !response.ok() {
        return Err(LoadProblem::Http { url: url.to_string(), status: response.status() });
    }
    let too_large = || LoadProblem::TooLarge { url: url.to_string(), limit_mb: MAX_DATASET_MB };
    let limit = MAX_DATASET_MB as u64 * 1024 * 1024;
    if response.headers().get("content-length").and_then(|l| l.parse::<u64>().ok()).is_some_and(|l| l > limit) {
        return Err(too_large());
    }
    // Bytes, decoded here: `text()` would make a JavaScript string of the whole file, copied
    // back into the wasm as UTF-8 (a quarter of a second for 48 MB).
    let bytes = response.binary().await.map_err(|_| LoadProblem::Network { url: url.to_string() })?;
    if bytes.len() as u64 > limit {
        return Err(too_large());
    }
    Ok(bytes)
}

async fn fetch_store(url: &str, cancel: &AbortSignal) -> Result<Store, LoadProblem> {
    let text = fetch_text(url, cancel).await?;
    super::mark("dataset-fetched");
    let problem = |errors: Vec<ValidationError>| match errors.as_slice() {
        [error @ ValidationError { problem: validate::Problem::NotJson { .. }, .. }] => LoadProblem::NotJson { url: url.to_string(), error: error.clone() },
        _ => LoadProblem::Invalid { url: url.to_string(), errors },
    };
    // A large dataset in the columnar encoding goes into the store as its columns are, in three
    // tasks too (JSON and structure, content, store): a million records take seconds.
    let columnar = |text: String| async move {
        let doc = validate::parse_columnar_structure(&text).map_err(problem)?;
        drop(text);
        super::mark("dataset-parsed");
        super::next_task().await;
        let errors = validate::check_columnar(&doc);
        if !errors.is_empty() {
            return Err(problem(errors));
        }
        super::mark("dataset-checked");
        super::next_task().await;
        Ok(Store::from_columnar(&doc))
    };
    if crate::core::format::columnar::looks_columnar(&text) {
        return columnar(text).await;
    }
    // As `validate::parse_dataset`, in three tasks (JSON, validation, store) rather than one long
    // one that would keep a slow phone from answering.
    let value = validate::parse_json(&text).map_err(problem)?;
    if validate::is_columnar(&value) {
        drop(value);
        return columnar(text).await;
    }
    drop(text);
    super::next_task().await;
    let dataset = validate::validate_value(&value).map_err(problem)?;
    drop(value);
    super::next_task().await;
    Ok(Store::from_dataset(&dataset))
}

async fn fetch_catalog(cancel: &AbortSignal) -> Result<Catalog, LoadProblem> {
    let text = fetch_text(CATALOG, cancel).await?;
    super::mark("catalog-fetched");
    serde_json::from_str(&text).map_err(|e| LoadProblem::Invalid {
        url: CATALOG.to_string(),
        errors: vec![ValidationError {
            pointer: String::new(),
            problem: validate::Problem::NotJson { line: e.line(), column: e.column(), detail: e.to_string() },
        }],
    })
}

async fn load_entry(catalog: Arc<Catalog>, entry: Entry, problem: Option<LoadProblem>, cancel: &AbortSignal) -> Result<Loaded, LoadProblem> {
    // The import report is provenance, not data: the page works without it. It is fetched alongside
    // the dataset, so a slow connection waits one round trip, not two.
    let report = async {
        match &entry.report {
            Some(r) => fetch_text(&format!("data/{r}"), cancel).await.ok().and_then(|t| serde_json::from_str(&t).ok()),
            None => None,
        }
    };
    let (store, report) = futures::future::join(fetch_store(&format!("data/{}", entry.file), cancel), report).await;
    Ok(Loaded { store: Arc::new(store?), catalog, entry: Some(entry), report, problem, first_view: None })
}

/// The text of a bundled dataset file (`data/<file>`), for comparing two versions.
pub async fn bundled_text(file: &str) -> Option<String> {
    let controller = web_sys::AbortController::new().ok()?;
    fetch_text(&format!("data/{file}"), &controller.signal()).await.ok()
}

/// Loads `?data=` when given, else the bundled dataset `?dataset=` names (else the default). When
/// the requested one cannot be shown, says why and shows the default bundled dataset. `cancel`
/// aborts its fetches when a newer request replaces this one (the reader picked another dataset).
pub async fn load(dataset: Option<String>, data: Option<String>, version: Option<String>, cancel: AbortSignal) -> Result<Loaded, LoadProblem> {
    let cancel = &cancel;
    if let Some(url) = data {
        // The catalog (for the fallback and the picker) and the external dataset come at once.
        let external = async {
            match check_external(&url) {
                Ok(()) => fetch_store(&url, cancel).await,
                Err(problem) => Err(problem),
            }
        };
        let (catalog, fetched) = futures::future::join(fetch_catalog(cancel), external).await;
        let catalog = Arc::new(catalog?);
        let default = catalog.default_entry().cloned().ok_or(LoadProblem::UnknownDataset { id: catalog.default.clone() })?;
        return match fetched {
            Ok(store) => Ok(Loaded { store: Arc::new(store), catalog, entry: None, report: None, problem: None, first_view: None }),
            Err(problem) => load_entry(catalog, default, Some(problem), cancel).await,
        };
    }
    let catalog = Arc::new(fetch_catalog(cancel).await?);
    let default = catalog.default_entry().cloned().ok_or(LoadProblem::UnknownDataset { id: catalog.default.clone() })?;
    match dataset {
        None => load_entry(catalog, default, None, cancel).await,
        Some(id) => match catalog.find(&id).cloned() {
            // An embed pinned to an earlier version the catalog still has shows that version.
            Some(entry) => {
                let pinned = version.as_deref().and_then(|v| entry.at_version(v)).unwrap_or(entry);
                load_entry(catalog, pinned, None, cancel).await
            }
            None => load_entry(catalog, default, Some(LoadProblem::UnknownDataset { id }), cancel).await,
        },
    }
}
