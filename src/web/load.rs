//! Fetching a dataset and turning it into a store, or into a problem a person can act on.

use crate::core::store::Store;
use crate::core::validate::{self, ValidationError};
use gloo_net::http::Request;
use std::sync::Arc;
use web_sys::RequestCredentials;

/// The bundled real snapshot, relative to the page so the site works under any sub-path.
pub const BUNDLED: &str = "data/fts-afghanistan-2020.json";

#[derive(Clone, Debug, PartialEq)]
pub enum LoadProblem {
    Http { url: String, status: u16 },
    Network { url: String },
    Invalid { url: String, errors: Vec<ValidationError> },
}

#[derive(Clone)]
pub struct Loaded {
    pub store: Arc<Store>,
    /// The URL the shown data came from.
    pub url: String,
    /// Why the requested dataset is not the one shown.
    pub problem: Option<LoadProblem>,
}

async fn fetch_store(url: &str) -> Result<Store, LoadProblem> {
    let response = Request::get(url)
        // A dataset is public: never send cookies or credentials with it.
        .credentials(RequestCredentials::Omit)
        .send()
        .await
        .map_err(|_| LoadProblem::Network { url: url.to_string() })?;
    if !response.ok() {
        return Err(LoadProblem::Http { url: url.to_string(), status: response.status() });
    }
    let text = response.text().await.map_err(|_| LoadProblem::Network { url: url.to_string() })?;
    let dataset = validate::parse_dataset(&text).map_err(|errors| LoadProblem::Invalid { url: url.to_string(), errors })?;
    Ok(Store::from_dataset(&dataset))
}

/// Loads the requested dataset; when it cannot be shown, says why and shows the bundled one.
pub async fn load(requested: Option<String>) -> Result<Loaded, LoadProblem> {
    match requested {
        None => Ok(Loaded { store: Arc::new(fetch_store(BUNDLED).await?), url: BUNDLED.into(), problem: None }),
        Some(url) => match fetch_store(&url).await {
            Ok(store) => Ok(Loaded { store: Arc::new(store), url, problem: None }),
            Err(problem) => {
                let store = fetch_store(BUNDLED).await?;
                Ok(Loaded { store: Arc::new(store), url: BUNDLED.into(), problem: Some(problem) })
            }
        },
    }
}
