//! Fetching the catalog and a dataset, and turning them into a store, or into a problem a person
//! can act on.

use crate::core::catalog::{Catalog, Entry};
use crate::core::import::ImportReport;
use crate::core::store::Store;
use crate::core::validate::{self, ValidationError};
use gloo_net::http::Request;
use std::sync::Arc;
use web_sys::RequestCredentials;

/// The catalog of bundled real snapshots, relative to the page so the site works under any sub-path.
pub const CATALOG: &str = "data/catalog.json";

#[derive(Clone, Debug, PartialEq)]
pub enum LoadProblem {
    Http { url: String, status: u16 },
    Network { url: String },
    Invalid { url: String, errors: Vec<ValidationError> },
    UnknownDataset { id: String },
    /// Only http(s) addresses may be loaded.
    NotHttp { url: String },
    TooLarge { url: String, limit_mb: u32 },
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
}

/// `?data=` must be an http(s) address (relative ones resolve against this page).
fn check_external(url: &str) -> Result<(), LoadProblem> {
    let base = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
    match web_sys::Url::new_with_base(url, &base) {
        Ok(u) if u.protocol() == "https:" || u.protocol() == "http:" => Ok(()),
        _ => Err(LoadProblem::NotHttp { url: url.to_string() }),
    }
}

async fn fetch_text(url: &str) -> Result<String, LoadProblem> {
    let response = Request::get(url)
        // Datasets are public: never send cookies or credentials with them.
        .credentials(RequestCredentials::Omit)
        .send()
        .await
        .map_err(|_| LoadProblem::Network { url: url.to_string() })?;
    if !response.ok() {
        return Err(LoadProblem::Http { url: url.to_string(), status: response.status() });
    }
    let too_large = || LoadProblem::TooLarge { url: url.to_string(), limit_mb: MAX_DATASET_MB };
    let limit = MAX_DATASET_MB as u64 * 1024 * 1024;
    if response.headers().get("content-length").and_then(|l| l.parse::<u64>().ok()).is_some_and(|l| l > limit) {
        return Err(too_large());
    }
    let text = response.text().await.map_err(|_| LoadProblem::Network { url: url.to_string() })?;
    if text.len() as u64 > limit {
        return Err(too_large());
    }
    Ok(text)
}

async fn fetch_store(url: &str) -> Result<Store, LoadProblem> {
    let text = fetch_text(url).await?;
    let dataset = validate::parse_dataset(&text).map_err(|errors| LoadProblem::Invalid { url: url.to_string(), errors })?;
    Ok(Store::from_dataset(&dataset))
}

async fn fetch_catalog() -> Result<Catalog, LoadProblem> {
    let text = fetch_text(CATALOG).await?;
    serde_json::from_str(&text).map_err(|e| LoadProblem::Invalid {
        url: CATALOG.to_string(),
        errors: vec![ValidationError {
            pointer: String::new(),
            problem: validate::Problem::NotJson { line: e.line(), column: e.column(), detail: e.to_string() },
        }],
    })
}

async fn load_entry(catalog: Arc<Catalog>, entry: Entry, problem: Option<LoadProblem>) -> Result<Loaded, LoadProblem> {
    // The import report is provenance, not data: the page works without it. It is fetched alongside
    // the dataset, so a slow connection waits one round trip, not two.
    let report = async {
        match &entry.report {
            Some(r) => fetch_text(&format!("data/{r}")).await.ok().and_then(|t| serde_json::from_str(&t).ok()),
            None => None,
        }
    };
    let (store, report) = futures::future::join(fetch_store(&format!("data/{}", entry.file)), report).await;
    Ok(Loaded { store: Arc::new(store?), catalog, entry: Some(entry), report, problem })
}

/// Loads `?data=` when given, else the bundled dataset `?dataset=` names (else the default). When
/// the requested one cannot be shown, says why and shows the default bundled dataset.
pub async fn load(dataset: Option<String>, data: Option<String>) -> Result<Loaded, LoadProblem> {
    if let Some(url) = data {
        // The catalog (for the fallback and the picker) and the external dataset come at once.
        let external = async {
            match check_external(&url) {
                Ok(()) => fetch_store(&url).await,
                Err(problem) => Err(problem),
            }
        };
        let (catalog, fetched) = futures::future::join(fetch_catalog(), external).await;
        let catalog = Arc::new(catalog?);
        let default = catalog.default_entry().cloned().ok_or(LoadProblem::UnknownDataset { id: catalog.default.clone() })?;
        return match fetched {
            Ok(store) => Ok(Loaded { store: Arc::new(store), catalog, entry: None, report: None, problem: None }),
            Err(problem) => load_entry(catalog, default, Some(problem)).await,
        };
    }
    let catalog = Arc::new(fetch_catalog().await?);
    let default = catalog.default_entry().cloned().ok_or(LoadProblem::UnknownDataset { id: catalog.default.clone() })?;
    match dataset {
        None => load_entry(catalog, default, None).await,
        Some(id) => match catalog.find(&id).cloned() {
            Some(entry) => load_entry(catalog, entry, None).await,
            None => load_entry(catalog, default, Some(LoadProblem::UnknownDataset { id })).await,
        },
    }
}
