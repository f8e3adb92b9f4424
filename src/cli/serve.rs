//! `alianzas serve`: a small static file server for the built site.

use std::path::Path;

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

/// A static file server for the built site (tiny_http), GET and HEAD only, never outside `dir`.
pub(super) fn serve(dir: &Path, address: &str, port: u16) -> Result<(), String> {
    let root = dir.canonicalize().map_err(|e| format!("{}: {e}", dir.display()))?;
    let server = tiny_http::Server::http((address, port)).map_err(|e| format!("cannot listen on {address}:{port}: {e}"))?;
    let bound = server.server_addr().to_ip().map(|a| a.to_string()).unwrap_or_default();
    println!("Serving {} at http://{bound}/ (Ctrl+C to stop)", root.display());
    use std::io::Write;
    let _ = std::io::stdout().flush();
    for request in server.incoming_requests() {
        let path = request.url().split(['?', '#']).next().unwrap_or("/").to_string();
        let decoded = form_urlencoded::parse(format!("p={}", path.replace('+', "%2B")).as_bytes()).next().map(|(_, v)| v.into_owned()).unwrap_or_default();
        let mut file = root.join(decoded.trim_start_matches('/'));
        if file.is_dir() {
            file = file.join("index.html");
        }
        let allowed = matches!(request.method(), tiny_http::Method::Get | tiny_http::Method::Head);
        let response = match file.canonicalize() {
            Ok(f) if allowed && f.starts_with(&root) && f.is_file() => match std::fs::read(&f) {
                Ok(body) => {
                    let header = tiny_http::Header::from_bytes("Content-Type", content_type(&f)).expect("static header");
                    request.respond(tiny_http::Response::from_data(body).with_header(header))
                }
                Err(_) => request.respond(tiny_http::Response::from_string("cannot read").with_status_code(500)),
            },
            _ if !allowed => request.respond(tiny_http::Response::from_string("method not allowed").with_status_code(405)),
            _ => request.respond(tiny_http::Response::from_string("not found").with_status_code(404)),
        };
        let _ = response;
    }
    Ok(())
}
