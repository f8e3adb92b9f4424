//! Numbers, money and country names written the reader's way, by the browser's `Intl`.

use crate::core::charts::spec::Locale;
use crate::core::locale::lang::Lang;
use js_sys::{Array, Intl, Object, Reflect};
use std::cell::OnceCell;
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

/// Each `Intl` object is made on first use: making one loads the language's data and is the
/// costly part (tables and tooltips need the full amounts, a first screen only the short ones).
pub struct WebLocale {
    lang: Lang,
    currency: String,
    money_full: OnceCell<Intl::NumberFormat>,
    money_compact: OnceCell<Intl::NumberFormat>,
    percent: OnceCell<Intl::NumberFormat>,
    names: OnceCell<Option<DisplayNames>>,
    /// Country names asked before: each chart and table asks again on every redraw, and each ask
    /// is a call into JavaScript.
    named: std::cell::RefCell<rustc_hash::FxHashMap<String, Option<String>>>,
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

    /// A shared locale of `lang` for what no currency changes (country names): one already made,
    /// so its cache of names serves, else a new one.
    pub fn of_language(lang: Lang) -> std::rc::Rc<WebLocale> {
        let made = SHARED.with(|cache| cache.borrow().iter().find(|((l, _), _)| *l == lang).map(|(_, l)| l.clone()));
        made.unwrap_or_else(|| WebLocale::shared(lang, "USD"))
    }

    fn new(lang: Lang, currency: &str) -> WebLocale {
        WebLocale {
            lang,
            currency: currency.to_string(),
            money_full: OnceCell::new(),
            money_compact: OnceCell::new(),
            percent: OnceCell::new(),
            names: OnceCell::new(),
            named: Default::default(),
        }
    }

    fn money_format(&self, compact: bool) -> Intl::NumberFormat {
        // The minimum is set, not left to the engine: older ones (and Node, which bakes the first
        // screen) default it to the currency's 2 decimals ("$1.0B", or a RangeError for whole amounts).
        let mut o = vec![
            ("style", "currency".into()),
            ("currency", self.currency.as_str().into()),
            ("currencyDisplay", "symbol".into()),
            ("minimumFractionDigits", 0.into()),
        ];
        if compact {
            o.push(("notation", "compact".into()));
            o.push(("maximumFractionDigits", 1.into()));
        } else {
            o.push(("maximumFractionDigits", 0.into()));
        }
        number_format(self.lang, &o)
    }

    /// Exact amount, for tables and tooltips.
    pub fn money_full(&self, v: f64) -> String {
        self.directed(format(self.money_full.get_or_init(|| self.money_format(false)), v))
    }

    fn directed(&self, amount: String) -> String {
        if self.lang.is_rtl() {
            crate::core::locale::lang::isolate_latin_runs(&amount)
        } else {
            amount
        }
    }
}

/// Makes the reader's messages, number formats and country names while the first dataset downloads, each
/// in a task of its own, so none falls inside the first screen's. The costly part of a first `Intl`
/// object (35-60 ms on a desktop, shared by every language) was paid off the main thread by
/// web-js/intl-warmup.js; what is left here is this language's own data, under a millisecond each.
pub fn warm_up(lang: Lang) {
    let steps: [fn(Lang); 5] = [
        // The language's messages, parsed and formatted once.
        |l| {
            let _ = crate::core::locale::i18n::Msg::AppTagline.get(l);
        },
        |l| drop(WebLocale::shared(l, "USD").money(1.0)),
        |l| drop(count(l, 1.0)),
        |l| drop(WebLocale::shared(l, "USD").percent(0.5)),
        |l| drop(WebLocale::shared(l, "USD").country_name("CO")),
    ];
    for step in steps {
        leptos::prelude::set_timeout(move || step(lang), std::time::Duration::ZERO);
    }
}

/// A count, in the reader's digits and grouping: headline figures, table cells and counts inside
/// translated messages share one formatter per language.
pub fn count(lang: Lang, n: f64) -> String {
    thread_local! {
        static COUNTS: [OnceCell<Intl::NumberFormat>; 4] = const { [const { OnceCell::new() }; 4] };
    }
    COUNTS.with(|formats| format(formats[lang as usize].get_or_init(|| number_format(lang, &[("maximumFractionDigits", 0.into())])), n))
}

/// A value-axis tick in the reader's digits and grouping, with up to two decimals (ticks are
/// already in the chart's unit: "0,5", "100 000").
pub fn tick(lang: Lang, v: f64) -> String {
    thread_local! {
        static TICKS: [OnceCell<Intl::NumberFormat>; 4] = const { [const { OnceCell::new() }; 4] };
    }
    TICKS.with(|formats| format(formats[lang as usize].get_or_init(|| number_format(lang, &[("maximumFractionDigits", 2.into())])), v))
}

impl Locale for WebLocale {
    fn lang(&self) -> Lang {
        self.lang
    }
    fn money(&self, v: f64) -> String {
        self.directed(format(self.money_compact.get_or_init(|| self.money_format(true)), v))
    }
    fn percent(&self, ratio: f64) -> String {
        format(self.percent.get_or_init(|| number_format(self.lang, &[("style", "percent".into()), ("maximumFractionDigits", 1.into())])), ratio)
    }
    fn count(&self, n: f64) -> String {
        count(self.lang, n)
    }
    fn country_name(&self, iso2: &str) -> Option<String> {
        if let Some(name) = self.named.borrow().get(iso2) {
            return name.clone();
        }
        let names = self.names.get_or_init(|| DisplayNames::new(&Array::of1(&self.lang.code().into()), &options(&[("type", "region".into())])).ok());
        let name = names.as_ref().and_then(|n| n.of(iso2).ok()).and_then(|v| v.as_string());
        self.named.borrow_mut().insert(iso2.to_string(), name.clone());
        name
    }
}
