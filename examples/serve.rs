//! A small static file server for `www/` (std only, no dependency): the page
//! needs only GET of files, with the right MIME type for `.wasm` and our
//! Content-Security-Policy header. Usage: `cargo run --example serve -- www 8080`.
//!
//! The policy (README, "Embedding"): scripts only from this origin, plus
//! WebAssembly compilation; no inline script or style; `connect-src` narrowed to
//! the files the page and the widget fetch (the three wasm modules and the widget's
//! stylesheet) at the server's own two origins (`http://127.0.0.1:PORT` and
//! `http://localhost:PORT`, a fixed list: never built from the request's `Host`
//! header, which a client chooses), so that no script of ours could send data
//! anywhere, not even here.
//! `embed.html` may be framed by any site; the other pages by none but ours.
//! Every file may be loaded from other origins (CORS), as the widget is.
//! With `CM_SERVE_EXTRA=<dir>`, `/_extra/…` serves that folder without any policy
//! (the tests' stand-in for a blogger's page).

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::thread;

/// The files our scripts fetch (everything else arrives as a script, a stylesheet or an image):
/// the three wasm modules (the page's, the widget's, the spreadsheet reader's) and the widget's stylesheet.
const FETCHED: [&str; 4] = [
    "/pkg/customer_metrics_bg.wasm",
    "/widget/pkg/customer_metrics_bg.wasm",
    "/widget/widget.css",
    "/xlsx/pkg/customer_metrics_bg.wasm",
];

/// The Content-Security-Policy of a response: `connect` is the connect-src list,
/// `ancestors` the frame-ancestors list.
fn csp(connect: &str, ancestors: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; \
         connect-src {connect}; worker-src 'self'; frame-src 'self'; frame-ancestors {ancestors}; \
         base-uri 'none'; form-action 'none'; object-src 'none'"
    )
}

fn mime(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "wasm" => "application/wasm",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "csv" | "txt" | "tsv" => "text/plain; charset=utf-8",
        "ts" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// The file a request path names inside `root`, refusing `..` and the like.
fn resolve(root: &Path, target: &str) -> Option<PathBuf> {
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let mut out = root.to_path_buf();
    for c in Path::new(path.trim_start_matches('/')).components() {
        match c {
            Component::Normal(part) => out.push(part),
            Component::CurDir => {}
            _ => return None,
        }
    }
    if out.is_dir() {
        out.push("index.html");
    }
    out.is_file().then_some(out)
}

/// The connect-src list: each fetched file at each of the server's origins
/// (it listens on 127.0.0.1 only, reached as 127.0.0.1 or localhost).
fn connect_list(port: &str) -> String {
    ["127.0.0.1", "localhost"]
        .iter()
        .flat_map(|host| {
            FETCHED
                .iter()
                .map(move |f| format!("http://{host}:{port}{f}"))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn respond(mut stream: TcpStream, root: &Path, connect: &str) -> std::io::Result<()> {
    let mut line = String::new();
    let mut reader = BufReader::new(stream.try_clone()?);
    reader.read_line(&mut line)?;
    // The request headers are read and not used.
    let mut header = String::new();
    while reader.read_line(&mut header)? > 2 {
        header.clear();
    }
    let mut parts = line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let extra = std::env::var_os("CM_SERVE_EXTRA").map(PathBuf::from);
    let (base, rest, policy) = match (path.strip_prefix("/_extra/"), &extra) {
        (Some(rest), Some(dir)) => (dir.as_path(), format!("/{rest}"), false),
        _ => (root, target.to_string(), true),
    };
    let found = if method == "GET" || method == "HEAD" {
        resolve(base, &rest)
    } else {
        None
    };
    let ancestors = if path == "/embed.html" { "*" } else { "'self'" };
    let csp_header = if policy {
        format!("Content-Security-Policy: {}\r\n", csp(connect, ancestors))
    } else {
        String::new()
    };
    let (status, body, kind) = match found.and_then(|p| std::fs::read(&p).ok().map(|b| (p, b))) {
        Some((path, body)) => ("200 OK", body, mime(&path)),
        None => (
            "404 Not Found",
            b"Not found\n".to_vec(),
            "text/plain; charset=utf-8",
        ),
    };
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\n{csp_header}Access-Control-Allow-Origin: *\r\nCross-Origin-Resource-Policy: cross-origin\r\nX-Content-Type-Options: nosniff\r\nReferrer-Policy: no-referrer\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes())?;
    if method != "HEAD" {
        stream.write_all(&body)?;
    }
    stream.flush()
}

fn main() {
    let mut args = std::env::args().skip(1);
    let root = PathBuf::from(args.next().unwrap_or_else(|| "www".into()));
    let port = args.next().unwrap_or_else(|| "8080".into());
    let listener = match TcpListener::bind(format!("127.0.0.1:{port}")) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("serve: cannot listen on port {port}: {e}");
            std::process::exit(1);
        }
    };
    println!(
        "Serving {} on http://localhost:{port}/ (Ctrl-C to stop)",
        root.display()
    );
    let connect = std::sync::Arc::new(connect_list(&port));
    for stream in listener.incoming().flatten() {
        let (root, connect) = (root.clone(), connect.clone());
        thread::spawn(move || {
            let _ = respond(stream, &root, &connect);
        });
    }
}
