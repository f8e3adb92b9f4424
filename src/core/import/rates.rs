//! A published table of daily exchange rates — the European Central Bank's euro foreign exchange
//! reference rates (`eurofxref-hist.csv`, every business day since 1999) — to convert an amount by
//! its value date, and a record of which rates converted what.

use crate::core::format::dataset::ExchangeRateUse;
use std::collections::BTreeMap;

/// How many days before a value date a rate may come from (weekends, holidays).
const LOOK_BACK_DAYS: usize = 10;

/// Daily rates: units of each currency per one euro, by date.
#[derive(Debug)]
pub struct RateTable {
    /// Where the table comes from, for the dataset and the report ("ECB euro reference rates, …").
    pub source: String,
    /// Currency codes of the columns.
    currencies: Vec<String>,
    /// (date, one rate per column where the table has one), in ascending date order.
    days: Vec<(String, Vec<Option<f64>>)>,
}

impl RateTable {
    /// Reads the ECB's `eurofxref-hist.csv` layout: `Date,USD,JPY,…` then one row per day,
    /// `N/A` where a currency has no rate.
    pub fn from_ecb_csv(text: &str, source: &str) -> Result<RateTable, String> {
        let mut lines = text.lines();
        let header = lines.next().ok_or("the rate table is empty")?;
        let mut columns = header.split(',').map(str::trim);
        if columns.next() != Some("Date") {
            return Err("the rate table's first column must be Date (the ECB's eurofxref-hist.csv layout)".into());
        }
        let currencies: Vec<String> = columns.filter(|c| !c.is_empty()).map(str::to_uppercase).collect();
        let mut days = Vec::new();
        for (i, line) in lines.enumerate().filter(|(_, l)| !l.trim().is_empty()) {
            let mut cells = line.split(',').map(str::trim);
            let date = cells.next().filter(|d| d.len() == 10).ok_or_else(|| format!("rate table line {}: no date", i + 2))?;
            let rates = currencies.iter().zip(cells.chain(std::iter::repeat(""))).map(|(_, c)| c.parse::<f64>().ok().filter(|r| *r > 0.0)).collect();
            days.push((date.to_string(), rates));
        }
        if days.is_empty() {
            return Err("the rate table has no rows".into());
        }
        days.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(RateTable { source: source.to_string(), currencies, days })
    }

    /// Units of one currency per euro on a table day (the euro itself is 1).
    fn per_euro(&self, day: usize, currency: &str) -> Option<f64> {
        if currency == "EUR" {
            return Some(1.0);
        }
        let column = self.currencies.iter().position(|c| c == currency)?;
        self.days[day].1[column]
    }

    /// How many units of `to` one unit of `from` was worth on the latest table day on or before
    /// `date` (within ten days), and that day. Err says why not, for the report.
    pub fn rate(&self, from: &str, to: &str, date: &str) -> Result<(f64, &str), String> {
        let (from, to) = (from.to_uppercase(), to.to_uppercase());
        for code in [&from, &to] {
            if code != "EUR" && !self.currencies.contains(code) {
                return Err(format!("{code} is not in the {} (it has {} currencies): give --rate {code}=RATE", self.source, self.currencies.len() + 1));
            }
        }
        let after = self.days.partition_point(|(d, _)| d.as_str() <= date);
        if after == 0 {
            return Err(format!("{date} is before the {} begins ({})", self.source, self.days[0].0));
        }
        for day in (after.saturating_sub(LOOK_BACK_DAYS)..after).rev() {
            if let (Some(f), Some(t)) = (self.per_euro(day, &from), self.per_euro(day, &to)) {
                return Ok((t / f, self.days[day].0.as_str()));
            }
        }
        Err(format!("the {} has no {from} to {to} rate in the ten days up to {date}", self.source))
    }
}

/// Which rates converted what, per currency, while an import runs.
#[derive(Default)]
pub struct ConversionLog(BTreeMap<String, ExchangeRateUse>);

impl ConversionLog {
    /// Notes that one amount in `currency` was converted at the rate of `day`.
    pub fn record(&mut self, currency: &str, source: &str, day: &str) {
        let entry = self.0.entry(currency.to_string()).or_insert_with(|| ExchangeRateUse {
            currency: currency.to_string(),
            source: source.to_string(),
            first_day: day.to_string(),
            last_day: day.to_string(),
            amounts: 0,
        });
        entry.amounts += 1;
        if day < entry.first_day.as_str() {
            entry.first_day = day.to_string();
        }
        if day > entry.last_day.as_str() {
            entry.last_day = day.to_string();
        }
    }

    /// One line per currency, for the dataset's metadata and the report.
    pub fn into_uses(self) -> Vec<ExchangeRateUse> {
        self.0.into_values().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TABLE: &str =
        "Date,USD,JPY,GBP,MNT,\n2017-12-15,1.1765,132.6,0.8816,N/A,\n2017-12-14,1.1809,132.93,0.8812,N/A,\n2017-12-18,1.1780,132.8,0.8800,N/A,\n";

    #[test]
    fn a_rate_is_the_latest_day_on_or_before_the_value_date() {
        let t = RateTable::from_ecb_csv(TABLE, "ECB test").unwrap();
        // Saturday 16 December takes Friday 15th's rates.
        let (rate, day) = t.rate("EUR", "USD", "2017-12-16").unwrap();
        assert_eq!((rate, day), (1.1765, "2017-12-15"));
        // Cross rates go through the euro: one pound in dollars on the 14th.
        let (rate, day) = t.rate("GBP", "USD", "2017-12-14").unwrap();
        assert!((rate - 1.1809 / 0.8812).abs() < 1e-12 && day == "2017-12-14");
        assert!(t.rate("USD", "USD", "2017-12-18").is_ok());
        assert!(t.rate("MNT", "USD", "2017-12-18").unwrap_err().contains("no MNT to USD rate"));
        assert!(t.rate("XYZ", "USD", "2017-12-18").unwrap_err().contains("give --rate XYZ=RATE"));
        assert!(t.rate("EUR", "USD", "2017-12-01").unwrap_err().contains("before"));
    }

    #[test]
    fn the_log_counts_amounts_and_the_days_used_per_currency() {
        let mut log = ConversionLog::default();
        log.record("EUR", "ECB", "2017-12-15");
        log.record("EUR", "ECB", "2017-08-31");
        let uses = log.into_uses();
        assert_eq!((uses[0].amounts, uses[0].first_day.as_str(), uses[0].last_day.as_str()), (2, "2017-08-31", "2017-12-15"));
    }
}
