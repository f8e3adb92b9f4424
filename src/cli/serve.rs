//! `alianzas serve`: a small static file server for the built site, serving the precompressed
//! copies `make build` writes (`.br`, `.gz`) with the caching headers a static host should send
//! (docs/embedding.md).

use http_body_util::Full;
use hyper::body::{Bytes, Incoming};
use hyper::{Method, Request, Response};
use std::path::{Path, PathBuf};
use std::sync::Arc;

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

/// A static file server for the built site, GET and HEAD only, never outside `dir`. Each
/// connection is served on a task of its own (hyper on tokio): a browser opens six or more at once
/// and keeps them open. tiny_http, used before, reads each connection on a thread of a pool that
/// could leave a new connection unread behind those kept open: the page then stalled, three
/// requests never answered (seen when the loader fetched the data with the WebAssembly).
pub(super) fn serve(dir: &Path, address: &str, port: u16) -> Result<(), String> {
    let root = Arc::new(dir.canonicalize().map_err(|e| format!("{}: {e}", dir.display()))?);
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_io().enable_time().build().map_err(|e| format!("cannot start the server: {e}"))?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind((address, port)).await.map_err(|e| format!("cannot listen on {address}:{port}: {e}"))?;
        let bound = listener.local_addr().map(|a| a.to_string()).unwrap_or_default();
        println!("Serving {} at http://{bound}/ (Ctrl+C to stop)", root.display());
        use std::io::Write;
        let _ = std::io::stdout().flush();
        loop {
            let stream = match listener.accept().await {
                Ok((stream, _)) => stream,
                // Out of file descriptors, say: wait for connections to close rather than spin.
                Err(_) => {
                    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                    continue;
                }
            };
            let root = root.clone();
            tokio::spawn(async move {
                let service = hyper::service::service_fn(move |request: Request<Incoming>| {
                    let root = root.clone();
                    async move {
                        // Reading a file blocks (a 40 MB dataset, a slow disk): on the blocking pool,
                        // so the runtime's few workers keep answering the other connections.
                        let answer = tokio::task::spawn_blocking(move || answer(&root, &request)).await;
                        Ok::<_, std::convert::Infallible>(answer.unwrap_or_else(|_| plain(500, "cannot read")))
                    }
                });
                let _ = hyper::server::conn::http1::Builder::new().serve_connection(hyper_util::rt::TokioIo::new(stream), service).await;
            });
        }
    })
}

/// A short answer in plain text.
fn plain(status: u16, body: &'static str) -> Response<Full<Bytes>> {
    Response::builder()
        .status(status)
        .header("Content-Type", "text/plain; charset=utf-8")
        .body(Full::new(Bytes::from_static(body.as_bytes())))
        .expect("a static answer")
}

/// The answer to one request: the file (or its precompressed copy) with its headers, a 304 when
/// the reader's copy is current, or why not. hyper leaves the body out of an answer to HEAD.
fn answer(root: &Path, request: &Request<Incoming>) -> Response<Full<Bytes>> {
    let header = |name: &str| request.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or_default().to_string();
    let path = request.uri().path();
    let decoded = form_urlencoded::parse(format!("p={}", path.replace('+', "%2B")).as_bytes()).next().map(|(_, v)| v.into_owned()).unwrap_or_default();
    let mut file = root.join(decoded.trim_start_matches('/'));
    if file.is_dir() {
        file = file.join("index.html");
    }
    let allowed = matches!(*request.method(), Method::GET | Method::HEAD);
    let f = match file.canonicalize() {
        Ok(f) if allowed && f.starts_with(root) && f.is_file() => f,
        _ if !allowed => return plain(405, "method not allowed"),
        _ => return plain(404, "not found"),
    };
    let (body_path, coding) = match encoded(&f, &header("Accept-Encoding")) {
        Some((p, coding)) => (p, Some(coding)),
        None => (f.clone(), None),
    };
    // A validator, so "no-cache" files are revalidated for a 304, not sent again.
    let etag = std::fs::metadata(&body_path).ok().map(|m| {
        let modified = m.modified().ok().and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok()).map_or(0, |d| d.as_secs());
        format!("\"{:x}-{:x}{}\"", m.len(), modified, coding.map_or(String::new(), |c| format!("-{c}")))
    });
    let answer = Response::builder()
        .header("Cache-Control", cache_control(&f))
        // Caches must keep the brotli, gzip and plain answers apart.
        .header("Vary", "Accept-Encoding");
    let answer = match &etag {
        Some(etag) => answer.header("ETag", etag),
        None => answer,
    };
    if etag.as_deref() == Some(header("If-None-Match").as_str()) {
        return answer.status(304).body(Full::new(Bytes::new())).expect("a 304 answer");
    }
    let Ok(body) = std::fs::read(&body_path) else { return plain(500, "cannot read") };
    let answer = answer.header("Content-Type", content_type(&f));
    let answer = match coding {
        Some(coding) => answer.header("Content-Encoding", coding),
        None => answer,
    };
    answer.body(Full::new(Bytes::from(body))).expect("a file's answer")
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
