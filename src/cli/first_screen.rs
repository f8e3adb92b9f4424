//! `alianzas first-screen`: what the default view's first screen says (title, source line,
//! takeaway, headline figures, and the top bar's words around them) in every language, for the
//! build to bake into `index.html` (web-js/prerender.mjs). Numbers and country names are left as
//! tokens, `\u{E000}kind:value\u{E001}`: the build writes them with `Intl`, as the browser does, so
//! the page does not change its words when the app takes over.

use crate::core::analysis::query::Filter;
use crate::core::charts::{first_screen, spec};
use crate::core::format::catalog::Catalog;
use crate::core::locale::i18n::{text, Msg};
use crate::core::locale::lang::Lang;
use crate::core::locale::numbers::Locale;
use serde_json::json;
use std::path::Path;

fn token(kind: &str, value: impl std::fmt::Display) -> String {
    format!("\u{E000}{kind}:{value}\u{E001}")
}

/// Writes tokens where the browser's `Intl` writes numbers and country names.
struct TokenLocale {
    lang: Lang,
}

impl Locale for TokenLocale {
    fn lang(&self) -> Lang {
        self.lang
    }
    fn money(&self, amount: f64) -> String {
        token("money", amount)
    }
    fn percent(&self, ratio: f64) -> String {
        token("percent", ratio)
    }
    fn count(&self, n: f64) -> String {
        token("count", n)
    }
    fn country_name(&self, iso2: &str) -> Option<String> {
        Some(token("region", iso2))
    }
}

pub(super) fn first_screen(catalog_path: &Path) -> Result<(), String> {
    let catalog: Catalog = serde_json::from_str(&super::read(catalog_path)?).map_err(|e| format!("{}: {e}", catalog_path.display()))?;
    let entry = catalog.default_entry().ok_or_else(|| format!("{}: no datasets", catalog_path.display()))?;
    let file = catalog_path.parent().unwrap_or(Path::new(".")).join(&entry.file);
    let store = super::load_store(&file)?;
    crate::core::locale::i18n::set_count_format(|_, n| token("count", n));
    let m = &store.metadata;
    let languages: serde_json::Map<String, serde_json::Value> = Lang::ALL
        .into_iter()
        .map(|lang| {
            let locale = TokenLocale { lang };
            let view = spec::build_view(&store, &Filter::default(), &locale);
            // The catalog's translation where it describes this very file.
            let (title, _, translated) = if entry.dataset_version == m.dataset_version { entry.texts(lang) } else { (m.title.as_str(), None, false) };
            let value = json!({
                "title": title,
                "title_translated": translated,
                "source_line": format!("{} · {} · {}", m.publisher, m.data_as_of, m.licence),
                "takeaway": first_screen::takeaway(&view),
                "figures": first_screen::figures(&view.headline, &locale),
                // The top bar and the "About this data" line as the app writes them, so that the
                // title below them does not move when the app takes over.
                "tagline": Msg::AppTagline.get(lang),
                "about": Msg::AboutData.get(lang),
                "catalog_link": text::CatalogLink { count: catalog.datasets.len() }.format(lang),
                "settings": Msg::Settings.get(lang),
                "endonym": lang.endonym(),
            });
            (lang.code().to_string(), value)
        })
        .collect();
    let out = json!({ "dataset": entry.id, "currency": m.currency, "languages": languages });
    println!("{}", serde_json::to_string_pretty(&out).map_err(|e| e.to_string())?);
    Ok(())
}
