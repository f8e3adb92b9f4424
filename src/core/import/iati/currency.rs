//! Amounts in the dataset currency: the exchange-rate table (`--rate`, a rates CSV), conversion,
//! and reading IATI's decimal values (UNHCR's `unhcr:value-USD` is used when the dataset is in USD).

use super::activity::{Activity, Transaction};
use super::Importer;

/// One exchange rate: 1 unit of `currency` = `to_dataset_currency` units of the dataset currency.
#[derive(Clone, Debug, PartialEq)]
pub struct Rate {
    /// ISO 4217 code, upper case.
    pub currency: String,
    /// Units of the dataset currency for 1 unit of `currency`.
    pub to_dataset_currency: f64,
}

/// A rate table as CSV: a header, then `currency,rate` rows (1 unit of currency = rate units of
/// the dataset currency). Lines starting with `#` are comments (use them for source and date).
pub fn parse_rates(text: &str) -> Result<Vec<Rate>, String> {
    let mut reader = ::csv::ReaderBuilder::new().comment(Some(b'#')).trim(::csv::Trim::All).from_reader(text.as_bytes());
    let mut out = Vec::new();
    for (i, row) in reader.records().enumerate() {
        let row = row.map_err(|e| format!("rate table row {}: {e}", i + 1))?;
        let currency = row.get(0).unwrap_or("").to_ascii_uppercase();
        let rate: f64 = row.get(1).unwrap_or("").parse().map_err(|_| format!("rate table row {}: {:?} is not a number", i + 1, row.get(1).unwrap_or("")))?;
        if currency.len() != 3 || !(rate.is_finite() && rate > 0.0) {
            return Err(format!("rate table row {}: expected a three-letter currency and a positive rate", i + 1));
        }
        out.push(Rate { currency, to_dataset_currency: rate });
    }
    Ok(out)
}

/// A non-negative decimal number, as IATI writes them.
pub(super) fn parse_amount(text: &str) -> Result<f64, String> {
    let text = text.trim();
    match text.parse::<f64>() {
        Ok(v) if v.is_finite() && v >= 0.0 => Ok(v),
        Ok(v) if v.is_finite() => Err(format!("is negative ({text}): a reduction of an earlier transaction, which a dataset cannot hold")),
        _ => Err(format!("{text:?} is not a number")),
    }
}

/// A transaction's value: negative values are reductions and decommitments, netted later against
/// the same activity's earlier transactions (`netting.rs`).
pub(super) fn parse_signed_amount(text: &str) -> Result<f64, String> {
    match text.trim().parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(v),
        _ => Err(format!("{:?} is not a number", text.trim())),
    }
}

impl Importer<'_> {
    /// An amount in `currency` on `day` → the dataset currency: by a fixed `--rate`, else by the
    /// rate table on the latest day on or before `day`; recorded in the conversion log.
    pub(super) fn convert(&mut self, amount: f64, currency: &str, day: &str) -> Result<f64, String> {
        let target = self.options.metadata.currency.trim().to_string();
        let currency = currency.trim().to_uppercase();
        if currency.eq_ignore_ascii_case(&target) {
            return Ok(amount);
        }
        if let Some(r) = self.options.rates.iter().find(|r| r.currency.trim().eq_ignore_ascii_case(&currency)) {
            self.conversions.record(&currency, "--rate", day);
            return Ok(amount * r.to_dataset_currency);
        }
        let Some(table) = self.options.rate_table.clone() else {
            return Err(format!("no exchange rate from {currency} to {target}: give --ecb-rates (make rates) or --rate {currency}=RATE"));
        };
        let (rate, used) = table.rate(&currency, &target, day)?;
        self.conversions.record(&currency, &table.source, used);
        Ok(amount * rate)
    }

    /// A transaction's value in the dataset currency: UNHCR's own `value-USD` when the dataset is
    /// in USD, else `<value>` in its currency (or the activity's default) converted.
    pub(super) fn amount(&mut self, a: &Activity, t: &Transaction, day: &str) -> Result<f64, String> {
        if !t.value_present {
            return Err("no <value> element".into());
        }
        let text = t.value.as_deref().unwrap_or("");
        if text.is_empty() {
            let extra: Vec<String> = t.value_attrs.iter().filter(|(k, _)| k != "currency" && k != "value-date").map(|(k, v)| format!("{k}={v:?}")).collect();
            return Err(if extra.is_empty() {
                "<value> is empty: the amount must be its text".into()
            } else {
                format!("<value> is empty: the amount must be its text, not an attribute ({})", extra.join(", "))
            });
        }
        let value = parse_signed_amount(text).map_err(|e| format!("<value> {e}"))?;
        if self.options.metadata.currency.trim() == "USD" {
            if let Some(usd) = &t.value_usd {
                return parse_signed_amount(usd).map_err(|e| format!("<unhcr:value-USD> {e}"));
            }
        }
        let currency =
            t.currency.clone().or_else(|| a.default_currency.clone()).ok_or("no currency: <value> has no @currency and the activity no @default-currency")?;
        // IATI converts at the value date; the transaction date stands in when there is none.
        let value_day = t.value_date.as_deref().and_then(|d| d.get(..10)).filter(|d| d.len() == 10 && d.as_bytes()[4] == b'-').unwrap_or(day).to_string();
        self.convert(value, &currency, &value_day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates() {
        let rates = parse_rates("# ECB reference rates, 2023-12-29\ncurrency,rate\nEUR,1.105\ncad, 0.7561\n").unwrap();
        assert_eq!(rates, vec![Rate { currency: "EUR".into(), to_dataset_currency: 1.105 }, Rate { currency: "CAD".into(), to_dataset_currency: 0.7561 }]);
        assert!(parse_rates("currency,rate\nEUR,abc\n").is_err());
        assert!(parse_rates("currency,rate\nEUR,-1\n").is_err());
    }
}
