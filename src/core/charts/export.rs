//! What people take away: a chart's table and the filtered contributions as CSV or JSON, with file
//! names that say what they hold. Cells that a spreadsheet would run as a formula are neutralised.

use crate::core::analysis::query::{Filter, Measure, Selection};
use crate::core::analysis::store::{Dim, Store};
use crate::core::charts::spec::{Cell, Column, ColumnKind, Table};
use crate::core::locale::i18n::Msg;
use crate::core::locale::lang::Lang;
use serde_json::json;

/// A CSV field, quoted, and prefixed with ' when it starts like a formula (= + - @, tab, CR), so
/// a hostile dataset cannot run code in the reader's spreadsheet.
pub fn csv_field(text: &str) -> String {
    let neutral = match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_string(),
    };
    format!("\"{}\"", neutral.replace('"', "\"\""))
}

/// A figure for machines: no thousands separators, at most two decimals (money is counted in cents;
/// shares of an amount split between obligations would otherwise show float noise such as
/// 132087420.99999997).
fn number(v: f64) -> String {
    let cents = (v * 100.0).round() / 100.0;
    if cents.fract() == 0.0 && cents.abs() < 1e15 {
        format!("{cents:.0}")
    } else {
        let s = format!("{cents:.2}");
        s.trim_end_matches('0').to_string()
    }
}

/// A money column's header names its currency: "Funding (USD)".
fn header(column: &Column, currency: &str) -> String {
    match column.kind {
        ColumnKind::Money => format!("{} ({currency})", column.label),
        _ => column.label.clone(),
    }
}

/// A chart's table as CSV: its columns in the reader's language, money in `currency`.
pub fn table_csv(table: &Table, currency: &str) -> String {
    let mut out = table.columns.iter().map(|c| csv_field(&header(c, currency))).collect::<Vec<_>>().join(",");
    out.push('\n');
    for row in table.rows.iter().chain(table.footer.iter()) {
        let cells: Vec<String> = row
            .iter()
            .map(|c| match c {
                Cell::Text(t) => csv_field(t),
                Cell::Number(v) => number(*v),
            })
            .collect();
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    out
}

const ROW_FIELDS: [&str; 16] = [
    "contribution",
    "donor_id",
    "donor",
    "donor_type",
    "recipient",
    "region",
    "year",
    "obligation",
    "model",
    "kind",
    "status",
    "model_rule",
    "model_evidence",
    "obligation_rule",
    "obligation_evidence",
    "amount",
];

fn row_values(store: &Store, r: usize) -> [String; 16] {
    let code = |dim: Dim| store.dict(dim).ids[store.column(dim)[r] as usize].clone();
    let donor = &store.donors[store.column(Dim::Donor)[r] as usize];
    let derivation = store.derivations[store.row_contribution[r] as usize];
    let text = |i: usize| store.rule_texts.ids.get(derivation[i] as usize).cloned().unwrap_or_default();
    [
        store.contribution_ids[store.row_contribution[r] as usize].to_string(),
        code(Dim::Donor),
        donor.name.clone(),
        donor.donor_type.clone(),
        code(Dim::Recipient),
        code(Dim::Region),
        code(Dim::Year),
        code(Dim::Obligation),
        code(Dim::Model),
        code(Dim::Kind),
        code(Dim::Status),
        text(0),
        text(1),
        text(2),
        text(3),
        number(store.amount[r]),
    ]
}

/// The column headers of the contributions CSV in a reader's language.
fn row_headers(lang: Lang, currency: &str) -> [String; 16] {
    let m = |msg: Msg| msg.get(lang).to_string();
    [
        m(Msg::CsvContribution),
        m(Msg::CsvDonorId),
        m(Msg::DimDonor),
        m(Msg::CsvDonorType),
        m(Msg::DimRecipient),
        m(Msg::DimRegion),
        m(Msg::DimYear),
        m(Msg::DimObligation),
        m(Msg::DimModel),
        m(Msg::DimKind),
        m(Msg::DimStatus),
        m(Msg::CsvModelRule),
        m(Msg::CsvModelEvidence),
        m(Msg::CsvObligationRule),
        m(Msg::CsvObligationEvidence),
        format!("{} ({currency})", Msg::Amount.get(lang)),
    ]
}

/// The filtered contributions, one line per (contribution, obligation) with its share of the
/// amount, all stages (the stage column says which). Headers in `lang`; values are the dataset's
/// codes, so the file can be joined back to the dataset.
pub fn rows_csv(store: &Store, sel: &Selection, lang: Lang) -> String {
    let mut out = row_headers(lang, &store.metadata.currency).iter().map(|h| csv_field(h)).collect::<Vec<_>>().join(",");
    out.push('\n');
    for &r in &sel.rows {
        let v = row_values(store, r as usize);
        let last = v.len() - 1;
        let cells: Vec<String> = v.iter().enumerate().map(|(i, x)| if i == last || i == 6 { x.clone() } else { csv_field(x) }).collect();
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    out
}

/// The filtered contributions as JSON: the same rows and values as `rows_csv`, with the dataset's
/// citation and the filter, described as in file names.
pub fn rows_json(store: &Store, sel: &Selection, filter: &Filter) -> String {
    let m = &store.metadata;
    let rows: Vec<serde_json::Value> = sel
        .rows
        .iter()
        .map(|&r| {
            let v = row_values(store, r as usize);
            let mut o = serde_json::Map::new();
            for (k, x) in ROW_FIELDS.iter().zip(v) {
                let value = match *k {
                    "amount" => json!(x.parse::<f64>().unwrap_or(0.0)),
                    "year" => json!(x.parse::<i32>().unwrap_or(0)),
                    _ => json!(x),
                };
                o.insert(k.to_string(), value);
            }
            serde_json::Value::Object(o)
        })
        .collect();
    let doc = json!({
        "dataset": m.id, "title": m.title, "publisher": m.publisher, "licence": m.licence, "source_url": m.source_url,
        "data_as_of": m.data_as_of, "dataset_version": m.dataset_version, "currency": m.currency,
        "filter": filter_slug(filter), "rows": rows,
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

/// A short, file-name-safe description of a filter: "all", or "obligation-mine-action_from-2019".
pub fn filter_slug(filter: &Filter) -> String {
    let mut parts = Vec::new();
    if let Some(y) = filter.year_from {
        parts.push(format!("from-{y}"));
    }
    if let Some(y) = filter.year_to {
        parts.push(format!("to-{y}"));
    }
    for (dim, values) in &filter.selected {
        parts.push(format!("{}-{}", dim.id(), values.join("+")));
    }
    if filter.measure != Measure::Funding {
        parts.push(filter.measure.id().to_string());
    }
    let s: String = if parts.is_empty() { "all".into() } else { parts.join("_") };
    s.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '+' { c } else { '-' }).take(120).collect()
}

/// "unhcr-mirps-2023_donors_all_2026-11-22.csv"
pub fn file_name(dataset: &str, what: &str, filter: &Filter, date: &str, extension: &str) -> String {
    let safe = |s: &str| s.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '-' }).collect::<String>();
    format!("{}_{}_{}_{}.{extension}", safe(dataset), safe(what), filter_slug(filter), safe(date))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_and_quotes_escaped() {
        assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_field("+1"), "\"'+1\"");
        assert_eq!(csv_field("@SUM(A1)"), "\"'@SUM(A1)\"");
        assert_eq!(csv_field("-2"), "\"'-2\"");
        assert_eq!(csv_field("Norway"), "\"Norway\"");
    }

    #[test]
    fn figures_are_rounded_to_cents() {
        assert_eq!(number(132087420.99999997), "132087421");
        assert_eq!(number(0.1 + 0.2), "0.3");
        assert_eq!(number(12.5), "12.5");
        assert_eq!(number(-3.456), "-3.46");
    }

    #[test]
    fn money_headers_name_the_currency() {
        let t = Table {
            columns: vec![Column { label: "Donante".into(), kind: ColumnKind::Text }, Column { label: "Financiación".into(), kind: ColumnKind::Money }],
            rows: vec![vec![Cell::Text("Alemania".into()), Cell::Number(132087420.99999997)]],
            footer: None,
        };
        assert_eq!(table_csv(&t, "USD"), "\"Donante\",\"Financiación (USD)\"\n\"Alemania\",132087421\n");
    }

    #[test]
    fn file_names_say_what_they_hold() {
        let mut f = Filter::default();
        assert_eq!(file_name("mine-action", "donors", &f, "2026-11-22", "csv"), "mine-action_donors_all_2026-11-22.csv");
        f.toggle(Dim::Obligation, "clearance");
        f.year_from = Some(2019);
        assert_eq!(filter_slug(&f), "from-2019_obligation-clearance");
    }
}
