//! `alianzas serve`: a small static file server for the built site, serving the precompressed
//! copies `make build` writes (`.br`, `.gz`) with the caching headers a static host should send
//! (docs/embedding.md).

use std::path::{Path, PathBuf};

pub(super) fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "wasm" => "application/wasm",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "md" => "text/markdown; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// How long a reader's browser may keep a file: files whose name carries a content hash (Trunk
/// names the wasm, its JavaScript and the stylesheet `name-<hash>.ext`) never change, so a year;
/// everything else (the page, the service worker, datasets, boundaries) is checked every time.
pub(super) fn cache_control(path: &Path) -> &'static str {
    let name = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    let name = name.strip_suffix("_bg").unwrap_or(name);
    if name.rsplit_once('-').is_some_and(|(_, hash)| is_content_hash(hash)) {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    }
}

/// Trunk writes its 64-bit hash in hex without leading zeros: 16 digits, fewer one time in 16
/// (a name with 15 was once taken for an unhashed file). Fewer than 8 happens once in 2^32.
fn is_content_hash(hash: &str) -> bool {
    (8..=16).contains(&hash.len()) && hash.chars().all(|c| c.is_ascii_hexdigit())
}

/// The precompressed copy to send for a request's `Accept-Encoding`, brotli first: its path and
/// its `Content-Encoding`; `None`: the file as it is.
pub(super) fn encoded(file: &Path, accept_encoding: &str) -> Option<(PathBuf, &'static str)> {
    let accepts = |coding: &str| {
        accept_encoding.split(',').any(|part| {
            let mut fields = part.split(';');
            let name = fields.next().unwrap_or("").trim();
            // "br;q=0" refuses brotli.
            let refused = fields.any(|p| p.trim().strip_prefix("q=").is_some_and(|q| q.trim().parse::<f64>().is_ok_and(|q| q == 0.0)));
            name.eq_ignore_ascii_case(coding) && !refused
        })
    };
    [("br", "br"), ("gzip", "gz")].into_iter().find_map(|(coding, ext)| {
        let mut candidate = file.as_os_str().to_owned();
        candidate.push(format!(".{ext}"));
        let candidate = PathBuf::from(candidate);
        (accepts(coding) && candidate.is_file()).then_some((candidate, coding))
    })
}

/// A static file server for the built site (tiny_http), GET and HEAD only, never outside `dir`.
pub(super) fn serve(dir: &Path, address: &str, port: u16) -> Result<(), String> {
    let root = dir.canonicalize().map_err(|e| format!("{}: {e}", dir.display()))?;
    let server = tiny_http::Server::http((address, port)).map_err(|e| format!("cannot listen on {address}:{port}: {e}"))?;
    let bound = server.server_addr().to_ip().map(|a| a.to_string()).unwrap_or_default();
    println!("Serving {} at http://{bound}/ (Ctrl+C to stop)", root.display());
    use std::io::Write;
    let _ = std::io::stdout().flush();
    let header = |name: &str, value: &str| tiny_http::Header::from_bytes(name, value).expect("static header");
    for request in server.incoming_requests() {
        let path = request.url().split(['?', '#']).next().unwrap_or("/").to_string();
        let decoded = form_urlencoded::parse(format!("p={}", path.replace('+', "%2B")).as_bytes()).next().map(|(_, v)| v.into_owned()).unwrap_or_default();
        let mut file = root.join(decoded.trim_start_matches('/'));
        if file.is_dir() {
            file = file.join("index.html");
        }
        let allowed = matches!(request.method(), tiny_http::Method::Get | tiny_http::Method::Head);
        let accept_encoding = request.headers().iter().find(|h| h.field.equiv("Accept-Encoding")).map(|h| h.value.as_str().to_string()).unwrap_or_default();
        let response = match file.canonicalize() {
            Ok(f) if allowed && f.starts_with(&root) && f.is_file() => {
                let (body_path, coding) = match encoded(&f, &accept_encoding) {
                    Some((p, coding)) => (p, Some(coding)),
                    None => (f.clone(), None),
                };
                // A validator, so "no-cache" files are revalidated for a 304, not sent again.
                let etag = std::fs::metadata(&body_path).ok().map(|m| {
                    let modified = m.modified().ok().and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok()).map_or(0, |d| d.as_secs());
                    format!("\"{:x}-{:x}{}\"", m.len(), modified, coding.map_or(String::new(), |c| format!("-{c}")))
                });
                let if_none_match = request.headers().iter().find(|h| h.field.equiv("If-None-Match")).map(|h| h.value.as_str().to_string());
                if etag.is_some() && if_none_match == etag {
                    let response = tiny_http::Response::empty(304)
                        .with_header(header("ETag", etag.as_deref().unwrap_or_default()))
                        .with_header(header("Cache-Control", cache_control(&f)))
                        .with_header(header("Vary", "Accept-Encoding"));
                    let _ = request.respond(response);
                    continue;
                }
                match std::fs::read(&body_path) {
                    Ok(body) => {
                        let mut response = tiny_http::Response::from_data(body)
                            .with_header(header("Content-Type", content_type(&f)))
                            .with_header(header("Cache-Control", cache_control(&f)))
                            // Caches must keep the brotli, gzip and plain answers apart.
                            .with_header(header("Vary", "Accept-Encoding"));
                        if let Some(coding) = coding {
                            response = response.with_header(header("Content-Encoding", coding));
                        }
                        if let Some(etag) = &etag {
                            response = response.with_header(header("ETag", etag));
                        }
                        request.respond(response)
                    }
                    Err(_) => request.respond(tiny_http::Response::from_string("cannot read").with_status_code(500)),
                }
            }
            _ if !allowed => request.respond(tiny_http::Response::from_string("method not allowed").with_status_code(405)),
            _ => request.respond(tiny_http::Response::from_string("not found").with_status_code(404)),
        };
        let _ = response;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_files_are_kept_a_year_and_the_rest_checked_each_time() {
        assert_eq!(cache_control(Path::new("alianzas-6c2f1e0a9b8d7c6e_bg.wasm")), "public, max-age=31536000, immutable");
        assert_eq!(cache_control(Path::new("alianzas-6c2f1e0a9b8d7c6e.js")), "public, max-age=31536000, immutable");
        assert_eq!(cache_control(Path::new("main-0123456789abcdef.css")), "public, max-age=31536000, immutable");
        // A hash whose first hex digit is 0 is written one digit shorter.
        assert_eq!(cache_control(Path::new("alianzas-c2f1e0a9b8d7c6e_bg.wasm")), "public, max-age=31536000, immutable");
        assert_eq!(cache_control(Path::new("alianzas-c2f1e0a9b8d7c6e.js")), "public, max-age=31536000, immutable");
        for plain in [
            "index.html",
            "sw.js",
            "echarts-more.js",
            "echarts-core.js",
            "data/mine-action.json",
            "echarts.js",
            "geo/admin1-MX.json",
            "data/fts-afghanistan-2020.json",
        ] {
            assert_eq!(cache_control(Path::new(plain)), "no-cache", "{plain}");
        }
    }

    #[test]
    fn the_encoding_follows_accept_encoding_brotli_first() {
        let dir = std::env::temp_dir().join(format!("alianzas-serve-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("a.js");
        for name in ["a.js", "a.js.br", "a.js.gz"] {
            std::fs::write(dir.join(name), name).unwrap();
        }
        assert_eq!(encoded(&file, "gzip, deflate, br").map(|e| e.1), Some("br"));
        assert_eq!(encoded(&file, "gzip").map(|e| e.1), Some("gzip"));
        assert_eq!(encoded(&file, "br;q=0, gzip").map(|e| e.1), Some("gzip"));
        assert_eq!(encoded(&file, ""), None);
        assert_eq!(encoded(&file, "identity"), None);
        std::fs::remove_file(dir.join("a.js.br")).unwrap();
        assert_eq!(encoded(&file, "br, gzip").map(|e| e.1), Some("gzip"), "no .br beside it");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
