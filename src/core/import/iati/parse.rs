//! Reading the XML: a stream of `quick_xml` events, one `<iati-activity>` held at a time (never a
//! DOM), each element's attributes and text filed into `Activity`; a complete activity goes to
//! `Importer::activity`. Malformed XML stops the import with the line where it went wrong.

use super::activity::{Activity, Budget, IndicatorRaw, LocationRaw, Narrative, Org, RecipientRaw, ResultRaw, Transaction};
use super::{Importer, Sector, UNHCR_NS};
use crate::core::format::validate::is_iso_date;
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::{NsReader, XmlVersion};
use std::io::{self, BufRead, Read};

/// Counts the lines the XML reader consumes, so events can be located by line.
struct Lines<R> {
    inner: R,
    line: usize,
}

impl<R: BufRead> Read for Lines<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.line += buf[..n].iter().filter(|&&b| b == b'\n').count();
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Lines<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.inner.fill_buf()
    }

    fn consume(&mut self, amt: usize) {
        if let Ok(buf) = self.inner.fill_buf() {
            self.line += buf[..amt.min(buf.len())].iter().filter(|&&b| b == b'\n').count();
        }
        self.inner.consume(amt);
    }
}

/// The namespace of an element: IATI's (none), UNHCR's extensions, or another.
#[derive(Clone, Copy, PartialEq)]
enum Ns {
    Iati,
    Unhcr,
    Other,
}

/// Which organisation element is open.
#[derive(Clone, Copy, PartialEq)]
enum OrgSlot {
    Reporting,
    Funding,
    Provider,
}

/// An element's attributes, values normalised and trimmed.
fn attributes(e: &BytesStart) -> Result<Vec<(String, String)>, String> {
    let mut out = Vec::new();
    for a in e.attributes() {
        let a = a.map_err(|err| format!("bad attribute: {err}"))?;
        let value = a.normalized_value(XmlVersion::Implicit1_0).map_err(|err| format!("bad attribute value: {err}"))?;
        out.push((a.key.as_ref().to_string(), value.trim().to_string()));
    }
    Ok(out)
}

/// An attribute's value, if present and not empty.
fn get(attrs: &[(String, String)], name: &str) -> Option<String> {
    attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()).filter(|v| !v.is_empty())
}

impl Importer<'_> {
    /// Streams the document; returns the date of `iati-activities/@generated-datetime`.
    pub(super) fn read<R: BufRead>(&mut self, reader: R) -> Result<Option<String>, String> {
        let mut xml = NsReader::from_reader(Lines { inner: reader, line: 1 });
        let mut buf = Vec::new();
        let mut stack: Vec<(Ns, String)> = Vec::new();
        let mut text = String::new();
        let mut generated = None;
        let mut act: Option<Activity> = None;
        let mut tx: Option<Transaction> = None;
        let mut budget: Option<Budget> = None;
        let mut org: Option<(OrgSlot, Org)> = None;
        let mut narrative_lang = false;
        let mut in_value_usd = false;
        let mut root_seen = false;

        loop {
            buf.clear();
            let (ns, event) = match xml.read_resolved_event_into(&mut buf) {
                Ok((ns, event)) => {
                    let ns = match ns {
                        ResolveResult::Unbound => Ns::Iati,
                        ResolveResult::Bound(n) if n.0 == UNHCR_NS => Ns::Unhcr,
                        _ => Ns::Other,
                    };
                    (ns, event)
                }
                Err(e) => {
                    let line = xml.get_mut().line;
                    return Err(format!("{}: not well-formed XML near line {line} (byte {}): {e}", self.name, xml.error_position()));
                }
            };
            let line = xml.get_mut().line;
            let name = self.name;
            let at = |what: String| format!("{name}: {what} (line {line})");
            match event {
                Event::Start(ref e) | Event::Empty(ref e) => {
                    let empty = matches!(event, Event::Empty(_));
                    let local = e.local_name().as_ref().to_string();
                    let attrs = attributes(e).map_err(|m| at(format!("<{local}>: {m}")))?;
                    text.clear();
                    let parent = stack.last().filter(|(n, _)| *n == Ns::Iati).map(|(_, l)| l.as_str()).unwrap_or("");
                    if stack.is_empty() {
                        if ns != Ns::Iati || local != "iati-activities" {
                            return Err(at(format!("the root element is <{local}>, not <iati-activities>: is this an IATI activity file?")));
                        }
                        root_seen = true;
                        generated = get(&attrs, "generated-datetime").filter(|d| is_iso_date(d.get(..10).unwrap_or(""))).map(|d| d[..10].to_string());
                    } else if ns == Ns::Unhcr {
                        in_value_usd = local == "value-USD" && parent == "transaction" && tx.is_some();
                    } else if ns == Ns::Iati {
                        match (parent, local.as_str()) {
                            ("iati-activities", "iati-activity") => {
                                act = Some(Activity { default_currency: get(&attrs, "default-currency"), ..Default::default() });
                            }
                            (_, "narrative") => narrative_lang = get(&attrs, "xml:lang").is_some(),
                            ("iati-activity", _) if act.is_some() => {
                                let a = act.as_mut().unwrap();
                                match local.as_str() {
                                    "reporting-org" => org = Some((OrgSlot::Reporting, org_of(&attrs))),
                                    "participating-org" if get(&attrs, "role").as_deref() == Some("1") => org = Some((OrgSlot::Funding, org_of(&attrs))),
                                    "recipient-country" | "recipient-region" => a.recipients.push(recipient_of(&local, &attrs)),
                                    "sector" => a.sectors.push(sector_of(&attrs)),
                                    "collaboration-type" => a.collaboration_type = get(&attrs, "code"),
                                    "default-aid-type" => a
                                        .default_aid_types
                                        .push((get(&attrs, "vocabulary").unwrap_or_else(|| "1".into()), get(&attrs, "code").unwrap_or_default())),
                                    "budget" => budget = Some(Budget { budget_type: get(&attrs, "type"), status: get(&attrs, "status"), ..Default::default() }),
                                    "transaction" => tx = Some(Transaction { index: a.transactions.len() + 1, line, ..Default::default() }),
                                    "result" => a.results.push(ResultRaw { result_type: get(&attrs, "type"), ..Default::default() }),
                                    "location" => a.locations.push(LocationRaw { reference: get(&attrs, "ref"), ..Default::default() }),
                                    _ => {}
                                }
                            }
                            // Results: each indicator keeps its baseline and its last period's
                            // target and actual (the latest a publisher reports).
                            ("location", "feature-designation" | "exactness") => {
                                if let Some(l) = act.as_mut().and_then(|a| a.locations.last_mut()) {
                                    match local.as_str() {
                                        "exactness" => l.exactness = get(&attrs, "code"),
                                        _ => l.feature_designation = get(&attrs, "code"),
                                    }
                                }
                            }
                            ("result", "indicator") => {
                                if let Some(r) = act.as_mut().and_then(|a| a.results.last_mut()) {
                                    r.indicators.push(IndicatorRaw {
                                        measure: get(&attrs, "measure"),
                                        ascending: get(&attrs, "ascending"),
                                        ..Default::default()
                                    });
                                }
                            }
                            ("indicator" | "period" | "baseline" | "target" | "actual", _) if stack.iter().any(|(_, l)| l == "result") => {
                                if let Some(i) = act.as_mut().and_then(|a| a.results.last_mut()).and_then(|r| r.indicators.last_mut()) {
                                    match (parent, local.as_str()) {
                                        ("indicator", "baseline") => {
                                            i.baseline = get(&attrs, "value");
                                            i.baseline_year = get(&attrs, "year");
                                        }
                                        ("indicator", "period") => {
                                            (i.start, i.end, i.target, i.actual, i.population) = (None, None, None, None, None);
                                        }
                                        ("period", "period-start") => i.start = get(&attrs, "iso-date"),
                                        ("period", "period-end") => i.end = get(&attrs, "iso-date"),
                                        ("period", "target") => i.target = get(&attrs, "value"),
                                        ("period", "actual") => i.actual = get(&attrs, "value"),
                                        // Who the figures are about: the target's population type, else the actual's.
                                        ("target" | "actual", "dimension")
                                            if i.population.is_none() && get(&attrs, "name").is_some_and(|n| n.eq_ignore_ascii_case("Population Type")) =>
                                        {
                                            i.population = get(&attrs, "value");
                                        }
                                        _ => {}
                                    }
                                }
                            }
                            ("budget", _) if budget.is_some() => {
                                let b = budget.as_mut().unwrap();
                                match local.as_str() {
                                    "period-start" => b.start = get(&attrs, "iso-date"),
                                    "period-end" => b.end = get(&attrs, "iso-date"),
                                    "value" => b.currency = get(&attrs, "currency"),
                                    _ => {}
                                }
                            }
                            ("transaction", _) if tx.is_some() => {
                                let t = tx.as_mut().unwrap();
                                match local.as_str() {
                                    "transaction-type" => {
                                        t.type_present = true;
                                        t.type_code = get(&attrs, "code");
                                    }
                                    "transaction-date" => t.date = get(&attrs, "iso-date"),
                                    "value" => {
                                        t.value_present = true;
                                        t.currency = get(&attrs, "currency");
                                        t.value_date = get(&attrs, "value-date");
                                        t.value_attrs = attrs.clone();
                                    }
                                    "provider-org" => org = Some((OrgSlot::Provider, org_of(&attrs))),
                                    "recipient-country" | "recipient-region" => t.recipients.push(recipient_of(&local, &attrs)),
                                    "sector" => t.sectors.push(sector_of(&attrs)),
                                    "aid-type" => {
                                        t.aid_types.push((get(&attrs, "vocabulary").unwrap_or_else(|| "1".into()), get(&attrs, "code").unwrap_or_default()))
                                    }
                                    _ => {}
                                }
                            }
                            _ => {}
                        }
                    }
                    if empty {
                        self.end(ns, &local, &stack, "", false, &mut act, &mut tx, &mut budget, &mut org, &mut in_value_usd);
                    } else {
                        stack.push((ns, local));
                    }
                }
                Event::End(_) => {
                    let Some((ns, local)) = stack.pop() else {
                        return Err(at("a closing tag with no opening tag".into()));
                    };
                    let t = std::mem::take(&mut text);
                    self.end(ns, &local, &stack, &t, narrative_lang, &mut act, &mut tx, &mut budget, &mut org, &mut in_value_usd);
                }
                Event::Text(t) => text.push_str(&t.xml10_content()),
                Event::CData(t) => text.push_str(&t.xml10_content()),
                Event::GeneralRef(r) => match r.resolve_char_ref() {
                    Ok(Some(c)) => text.push(c),
                    Ok(None) => {
                        let name = r.xml10_content();
                        match resolve_predefined_entity(&name) {
                            Some(s) => text.push_str(s),
                            None => return Err(at(format!("unknown entity &{name};"))),
                        }
                    }
                    Err(e) => return Err(at(format!("bad character reference: {e}"))),
                },
                Event::Eof => {
                    if let Some((_, open)) = stack.last() {
                        return Err(at(format!("the file ends inside <{open}>: it is truncated")));
                    }
                    if !root_seen {
                        return Err(at("no <iati-activities> element: is this an IATI activity file?".into()));
                    }
                    break;
                }
                _ => {}
            }
        }
        Ok(generated)
    }

    /// An element closes (or an empty element was read): file its text where it belongs.
    #[allow(clippy::too_many_arguments)]
    fn end(
        &mut self,
        ns: Ns,
        local: &str,
        stack: &[(Ns, String)],
        text: &str,
        narrative_lang: bool,
        act: &mut Option<Activity>,
        tx: &mut Option<Transaction>,
        budget: &mut Option<Budget>,
        org: &mut Option<(OrgSlot, Org)>,
        in_value_usd: &mut bool,
    ) {
        let parent = stack.last().filter(|(n, _)| *n == Ns::Iati).map(|(_, l)| l.as_str()).unwrap_or("");
        if ns == Ns::Unhcr {
            if *in_value_usd && local == "value-USD" {
                if let Some(t) = tx.as_mut() {
                    t.value_usd = Some(text.trim().to_string());
                }
                *in_value_usd = false;
            }
            return;
        }
        if ns != Ns::Iati {
            return;
        }
        match (parent, local) {
            ("iati-activity", "iati-identifier") => {
                if let Some(a) = act.as_mut() {
                    a.id = Some(text.trim().to_string()).filter(|s| !s.is_empty());
                }
            }
            (_, "narrative") => {
                let grand = stack.len().checked_sub(2).and_then(|i| stack.get(i)).map(|(_, l)| l.as_str()).unwrap_or("");
                let text = text.to_string();
                match parent {
                    "reporting-org" | "participating-org" | "provider-org" => {
                        if let Some((_, o)) = org.as_mut() {
                            o.name.offer(text, narrative_lang);
                        }
                    }
                    "title" if grand == "iati-activity" => {
                        if let Some(a) = act.as_mut() {
                            a.title.offer(text, narrative_lang);
                        }
                    }
                    "name" if grand == "location" => {
                        if let Some(l) = act.as_mut().and_then(|a| a.locations.last_mut()) {
                            l.name.offer(text, narrative_lang);
                        }
                    }
                    "title" if grand == "result" => {
                        if let Some(r) = act.as_mut().and_then(|a| a.results.last_mut()) {
                            r.title.offer(text, narrative_lang);
                        }
                    }
                    "title" if grand == "indicator" => {
                        if let Some(i) = act.as_mut().and_then(|a| a.results.last_mut()).and_then(|r| r.indicators.last_mut()) {
                            i.title.offer(text, narrative_lang);
                        }
                    }
                    "description" if grand == "iati-activity" => {
                        if let Some(a) = act.as_mut() {
                            a.description.offer(text, narrative_lang);
                        }
                    }
                    "description" if grand == "transaction" => {
                        if let Some(t) = tx.as_mut() {
                            t.description.offer(text, narrative_lang);
                        }
                    }
                    "sector" => {
                        let sectors = match (grand, tx.as_mut(), act.as_mut()) {
                            ("transaction", Some(t), _) => Some(&mut t.sectors),
                            ("iati-activity", None, Some(a)) => Some(&mut a.sectors),
                            _ => None,
                        };
                        if let Some(s) = sectors.and_then(|s| s.last_mut()) {
                            if s.narrative.is_none() && !text.trim().is_empty() {
                                s.narrative = Some(text.trim().to_string());
                            }
                        }
                    }
                    _ => {}
                }
            }
            ("transaction", "value") => {
                if let Some(t) = tx.as_mut() {
                    t.value = Some(text.trim().to_string());
                }
            }
            ("point", "pos") if stack.iter().any(|(_, l)| l == "location") => {
                if let Some(l) = act.as_mut().and_then(|a| a.locations.last_mut()) {
                    l.pos = Some(text.trim().to_string());
                }
            }
            ("budget", "value") => {
                if let Some(b) = budget.as_mut() {
                    b.value = Some(text.trim().to_string());
                }
            }
            (_, "reporting-org" | "participating-org" | "provider-org") => {
                if let Some((slot, o)) = org.take() {
                    match (slot, act.as_mut(), tx.as_mut()) {
                        (OrgSlot::Provider, _, Some(t)) => t.provider = Some(o),
                        (OrgSlot::Reporting, Some(a), None) => a.reporting_org = Some(o),
                        (OrgSlot::Funding, Some(a), None) => a.funding_orgs.push(o),
                        _ => {}
                    }
                }
            }
            ("iati-activity", "budget") => {
                if let (Some(a), Some(b)) = (act.as_mut(), budget.take()) {
                    a.budgets.push(b);
                }
            }
            ("iati-activity", "transaction") => {
                if let (Some(a), Some(t)) = (act.as_mut(), tx.take()) {
                    a.transactions.push(t);
                }
            }
            ("iati-activities", "iati-activity") => {
                if let Some(a) = act.take() {
                    self.activity(a);
                }
            }
            _ => {}
        }
    }
}

/// An organisation element's attributes; its name comes from its narratives.
fn org_of(attrs: &[(String, String)]) -> Org {
    Org { reference: get(attrs, "ref"), org_type: get(attrs, "type"), name: Narrative::default() }
}

/// A recipient-country or recipient-region element.
fn recipient_of(element: &str, attrs: &[(String, String)]) -> RecipientRaw {
    RecipientRaw {
        element: if element == "recipient-country" { "recipient-country" } else { "recipient-region" },
        code: get(attrs, "code"),
        vocabulary: get(attrs, "vocabulary"),
        percentage: get(attrs, "percentage"),
    }
}

/// A sector element (vocabulary 1, OECD DAC 5-digit, when none is given).
fn sector_of(attrs: &[(String, String)]) -> Sector {
    Sector {
        vocabulary: get(attrs, "vocabulary").unwrap_or_else(|| "1".into()),
        code: get(attrs, "code").unwrap_or_default(),
        percentage: get(attrs, "percentage"),
        narrative: None,
    }
}
