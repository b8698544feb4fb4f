//! A plain static file server on loopback: correct MIME types, no rewrites, optionally under a sub-path.
//!
//! It is what a reader's own static host does, so the tests exercise the bundle the way it will be hosted: text, JSON,
//! SVG and wasm go out gzip-compressed to clients that accept it, as every production static host sends them.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};

/// A server running on a background thread.
pub struct Running {
    pub port: u16,
}

fn mime_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Maps a request path to a file below `dir`, refusing anything outside the mount or the folder.
fn resolve(dir: &Path, mount: &str, request_path: &str) -> Option<PathBuf> {
    let path = request_path.split(['?', '#']).next().unwrap_or("");
    let relative = path.strip_prefix(mount)?;
    let decoded = percent_decode(relative)?;
    let mut file = dir.to_path_buf();
    for component in Path::new(&decoded).components() {
        match component {
            Component::Normal(part) => file.push(part),
            Component::CurDir => {}
            _ => return None,
        }
    }
    if file.is_dir() {
        file.push("index.html");
    }
    Some(file)
}

/// How the server answers, besides the files themselves.
#[derive(Clone, Copy, Default)]
pub struct Options {
    /// Adds `Access-Control-Allow-Origin: *`, which a host page on another origin needs to load the script embed.
    pub cors: bool,
}

fn respond(mut stream: TcpStream, dir: &Path, mount: &str, options: Options) {
    let mut request_line = String::new();
    let mut reader = BufReader::new(&stream);
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    // Of the headers, only Accept-Encoding matters.
    let mut header = String::new();
    let mut accepts_gzip = false;
    while reader
        .read_line(&mut header)
        .map(|n| n > 2)
        .unwrap_or(false)
    {
        accepts_gzip |= accepts_gzip_header(&header);
        header.clear();
    }
    let mut parts = request_line.split_whitespace();
    let method = parts.next().unwrap_or("");
    let target = parts.next().unwrap_or("/");
    let file = resolve(dir, mount, target).filter(|f| f.is_file());
    let (status, body, content_type) = match (method, file) {
        ("GET" | "HEAD", Some(file)) => match std::fs::read(&file) {
            Ok(body) => ("200 OK", body, mime_type(&file)),
            Err(_) => (
                "500 Internal Server Error",
                b"cannot read file".to_vec(),
                "text/plain",
            ),
        },
        ("GET" | "HEAD", None) => ("404 Not Found", b"not found".to_vec(), "text/plain"),
        _ => (
            "405 Method Not Allowed",
            b"method not allowed".to_vec(),
            "text/plain",
        ),
    };
    let gzip = accepts_gzip && status == "200 OK" && compressible(content_type);
    let (body, encoding) = if gzip {
        (
            gzip_bytes(&body),
            "Content-Encoding: gzip\r\nVary: Accept-Encoding\r\n",
        )
    } else {
        (body, "")
    };
    let cors = if options.cors {
        "Access-Control-Allow-Origin: *\r\n"
    } else {
        ""
    };
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\n{encoding}{cors}Connection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(head.as_bytes());
    if method != "HEAD" {
        let _ = stream.write_all(&body);
    }
}

/// True for an `Accept-Encoding` header that lists gzip (any quality but 0).
fn accepts_gzip_header(header: &str) -> bool {
    let Some((name, value)) = header.split_once(':') else {
        return false;
    };
    name.trim().eq_ignore_ascii_case("accept-encoding")
        && value.split(',').any(|coding| {
            let mut parts = coding.split(';').map(str::trim);
            parts.next().is_some_and(|c| c.eq_ignore_ascii_case("gzip"))
                && parts.all(|p| p.replace(' ', "") != "q=0")
        })
}

/// Text, JSON, SVG and wasm shrink well; images already compressed do not.
fn compressible(content_type: &str) -> bool {
    content_type.starts_with("text/")
        || content_type.starts_with("application/json")
        || content_type.starts_with("application/wasm")
        || content_type.starts_with("image/svg+xml")
}

/// Compresses a response body as static hosts do (gzip at the usual level 6: quick enough to do per request).
fn gzip_bytes(body: &[u8]) -> Vec<u8> {
    use flate2::{write::GzEncoder, Compression};
    let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
    encoder
        .write_all(body)
        .and_then(|()| encoder.finish())
        .expect("compressing into memory cannot fail")
}

fn normalise_mount(mount: &str) -> String {
    let trimmed = mount.trim_matches('/');
    if trimmed.is_empty() {
        "/".to_string()
    } else {
        format!("/{trimmed}/")
    }
}

fn accept_loop(listener: TcpListener, dir: PathBuf, mount: String, options: Options) {
    for stream in listener.incoming().flatten() {
        let dir = dir.clone();
        let mount = mount.clone();
        std::thread::spawn(move || respond(stream, &dir, &mount, options));
    }
}

/// Starts serving `dir` under `mount` on 127.0.0.1 (`port` 0 picks a free one) on a background thread.
pub fn spawn(dir: &Path, mount: &str, port: u16) -> Result<Running, String> {
    let listener = TcpListener::bind(("127.0.0.1", port))
        .map_err(|e| format!("cannot listen on port {port}: {e}"))?;
    let port = listener.local_addr().map_err(|e| e.to_string())?.port();
    let (dir, mount) = (dir.to_path_buf(), normalise_mount(mount));
    std::thread::spawn(move || accept_loop(listener, dir, mount, Options::default()));
    Ok(Running { port })
}

/// Serves `dir` under `mount` until the process is stopped (`port` 0 picks a free one; the first line printed
/// gives the address, which the end-to-end tests read).
pub fn serve_forever(dir: &Path, mount: &str, port: u16, options: Options) -> Result<(), String> {
    if !dir.join("index.html").is_file() {
        return Err(format!("{} has no index.html", dir.display()));
    }
    let listener = TcpListener::bind(("127.0.0.1", port))
        .map_err(|e| format!("cannot listen on port {port}: {e}"))?;
    let port = listener.local_addr().map_err(|e| e.to_string())?.port();
    let mount = normalise_mount(mount);
    println!("Summit Fruits is served at http://127.0.0.1:{port}{mount} (Ctrl-C to stop)");
    accept_loop(listener, dir.to_path_buf(), mount, options);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_map_to_files_below_the_folder_only() {
        let dir = Path::new("/srv/app");
        assert_eq!(
            resolve(dir, "/", "/app.js?v=1"),
            Some(PathBuf::from("/srv/app/app.js"))
        );
        assert_eq!(
            resolve(dir, "/tools/summit/", "/tools/summit/a%20b.css"),
            Some(PathBuf::from("/srv/app/a b.css"))
        );
        assert_eq!(resolve(dir, "/tools/summit/", "/other/app.js"), None);
        assert_eq!(resolve(dir, "/", "/../etc/passwd"), None);
        assert_eq!(resolve(dir, "/", "/%2e%2e/etc/passwd"), None);
    }

    #[test]
    fn gzip_is_used_only_when_accepted() {
        assert!(accepts_gzip_header(
            "Accept-Encoding: gzip, deflate, br\r\n"
        ));
        assert!(accepts_gzip_header("accept-encoding: br;q=1.0, GZIP;q=0.5"));
        assert!(!accepts_gzip_header("Accept-Encoding: gzip;q=0\r\n"));
        assert!(!accepts_gzip_header("Accept-Encoding: br, identity"));
        assert!(!accepts_gzip_header("Accept: text/html, gzip"));
        assert!(compressible("application/wasm") && compressible("text/html; charset=utf-8"));
        assert!(!compressible("image/png"));
    }

    #[test]
    fn gzip_bodies_decompress_to_the_file() {
        use flate2::read::GzDecoder;
        use std::io::Read;
        let body = b"<p>Summit Fruits</p>".repeat(100);
        let mut out = Vec::new();
        GzDecoder::new(&gzip_bytes(&body)[..])
            .read_to_end(&mut out)
            .unwrap();
        assert_eq!(out, body);
    }

    #[test]
    fn mounts_are_normalised() {
        assert_eq!(normalise_mount(""), "/");
        assert_eq!(normalise_mount("tools/summit"), "/tools/summit/");
        assert_eq!(normalise_mount("/tools/summit/"), "/tools/summit/");
    }

    #[test]
    fn wasm_has_its_mime_type() {
        assert_eq!(mime_type(Path::new("x_bg.wasm")), "application/wasm");
    }
}
