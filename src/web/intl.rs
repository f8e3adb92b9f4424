//! Numbers, money and country names written the reader's way, by the browser's `Intl`.

use crate::core::charts::spec::Locale;
use crate::core::locale::lang::Lang;
use js_sys::{Array, Intl, Object, Reflect};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Intl, js_name = DisplayNames)]
    type DisplayNames;

    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "DisplayNames", catch)]
    fn new(locales: &JsValue, options: &JsValue) -> Result<DisplayNames, JsValue>;

    #[wasm_bindgen(method, catch)]
    fn of(this: &DisplayNames, code: &str) -> Result<JsValue, JsValue>;
}

fn options(pairs: &[(&str, JsValue)]) -> Object {
    let o = Object::new();
    for (k, v) in pairs {
        let _ = Reflect::set(&o, &(*k).into(), v);
    }
    o
}

fn number_format(lang: Lang, pairs: &[(&str, JsValue)]) -> Intl::NumberFormat {
    let locales = Array::of1(&lang.code().into());
    Intl::NumberFormat::new(&locales, &options(pairs))
}

fn format(f: &Intl::NumberFormat, v: f64) -> String {
    f.format().call1(&JsValue::NULL, &v.into()).ok().and_then(|s| s.as_string()).unwrap_or_else(|| v.to_string())
}

pub struct WebLocale {
    lang: Lang,
    money_full: Intl::NumberFormat,
    money_compact: Intl::NumberFormat,
    percent: Intl::NumberFormat,
    names: Option<DisplayNames>,
}

/// The locales made so far, by language and currency.
type SharedLocales = Vec<((Lang, String), std::rc::Rc<WebLocale>)>;

thread_local! {
    static SHARED: std::cell::RefCell<SharedLocales> = const { std::cell::RefCell::new(Vec::new()) };
}

impl WebLocale {
    /// One set of `Intl` formatters per language and currency, reused by every chart, table and
    /// filter on each redraw (building them is the costly part).
    pub fn shared(lang: Lang, currency: &str) -> std::rc::Rc<WebLocale> {
        SHARED.with(|cache| {
            let mut cache = cache.borrow_mut();
            if let Some((_, l)) = cache.iter().find(|((l, c), _)| *l == lang && c == currency) {
                return l.clone();
            }
            let l = std::rc::Rc::new(WebLocale::new(lang, currency));
            cache.push(((lang, currency.to_string()), l.clone()));
            l
        })
    }

    fn new(lang: Lang, currency: &str) -> WebLocale {
        let money = |compact: bool| {
            let mut o = vec![("style", "currency".into()), ("currency", currency.into()), ("currencyDisplay", "symbol".into())];
            if compact {
                o.push(("notation", "compact".into()));
                o.push(("maximumFractionDigits", 1.into()));
            } else {
                o.push(("maximumFractionDigits", 0.into()));
            }
            number_format(lang, &o)
        };
        WebLocale {
            lang,
            money_full: money(false),
            money_compact: money(true),
            percent: number_format(lang, &[("style", "percent".into()), ("maximumFractionDigits", 1.into())]),
            names: DisplayNames::new(&Array::of1(&lang.code().into()), &options(&[("type", "region".into())])).ok(),
        }
    }

    /// Exact amount, for tables and tooltips.
    pub fn money_full(&self, v: f64) -> String {
        self.directed(format(&self.money_full, v))
    }

    fn directed(&self, amount: String) -> String {
        if self.lang.is_rtl() {
            crate::core::locale::lang::isolate_latin_runs(&amount)
        } else {
            amount
        }
    }
}

/// A count, in the reader's digits and grouping: headline figures, table cells and counts inside
/// translated messages share one formatter per language.
pub fn count(lang: Lang, n: f64) -> String {
    thread_local! {
        static COUNTS: [Intl::NumberFormat; 4] = Lang::ALL.map(|l| number_format(l, &[("maximumFractionDigits", 0.into())]));
    }
    COUNTS.with(|formats| format(&formats[lang as usize], n))
}

/// A value-axis tick in the reader's digits and grouping, with up to two decimals (ticks are
/// already in the chart's unit: "0,5", "100 000").
pub fn tick(lang: Lang, v: f64) -> String {
    thread_local! {
        static TICKS: [Intl::NumberFormat; 4] = Lang::ALL.map(|l| number_format(l, &[("maximumFractionDigits", 2.into())]));
    }
    TICKS.with(|formats| format(&formats[lang as usize], v))
}

impl Locale for WebLocale {
    fn lang(&self) -> Lang {
        self.lang
    }
    fn money(&self, v: f64) -> String {
        self.directed(format(&self.money_compact, v))
    }
    fn percent(&self, ratio: f64) -> String {
        format(&self.percent, ratio)
    }
    fn count(&self, n: f64) -> String {
        count(self.lang, n)
    }
    fn country_name(&self, iso2: &str) -> Option<String> {
        self.names.as_ref()?.of(iso2).ok()?.as_string()
    }
}
