//! A plain static file server on loopback: correct MIME types, no rewrites, optionally under a sub-path.
//!
//! It is what a reader's own static host does, so the tests exercise the bundle the way it will be hosted: text, JSON,
//! SVG and wasm go out gzip-compressed to clients that accept it, as every production static host sends them.
//!
//! It serves only what is inside its folder and only to this machine: a symbolic link that leads out of the folder
//! is not followed, a request whose `Host` is not a loopback name is refused (so a web page cannot reach it through
//! a rebound DNS name), a request line or header longer than 8 KiB is refused, a connection that has not sent its
//! whole request within 10 seconds is closed, and every answer says `X-Content-Type-Options: nosniff`.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{IpAddr, TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::time::{Duration, Instant};

/// The longest request line or header line read; a longer one is refused (414 or 431).
const MAX_LINE_BYTES: usize = 8 * 1024;
/// The most header lines read; more are refused (431).
const MAX_HEADERS: usize = 100;
/// A connection must send its whole request (line and headers) within this time, or it is closed.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);

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

/// A request path's percent-escapes decoded; `None` when one is malformed (`%` without two hex digits) or the result
/// is not UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let malformed = bytes.iter().enumerate().any(|(i, &b)| {
        b == b'%'
            && !bytes
                .get(i + 1..i + 3)
                .is_some_and(|hex| hex.iter().all(u8::is_ascii_hexdigit))
    });
    if malformed {
        return None;
    }
    percent_encoding::percent_decode_str(text)
        .decode_utf8()
        .ok()
        .map(|decoded| decoded.into_owned())
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

/// `file` if it exists and, with every symbolic link followed, is still inside `root` (which is canonical).
fn confined(root: &Path, file: &Path) -> Option<PathBuf> {
    let real = file.canonicalize().ok()?;
    (real.starts_with(root) && real.is_file()).then_some(real)
}

/// True for a `Host` header value that names this machine: `localhost` or a loopback address, with or without a port.
fn is_loopback_host(host: &str) -> bool {
    let host = host.trim();
    let name = if let Some(rest) = host.strip_prefix('[') {
        // [::1] or [::1]:8080
        match rest.split_once(']') {
            Some((address, "")) => address,
            Some((address, port)) if port.strip_prefix(':').is_some_and(valid_port) => address,
            _ => return false,
        }
    } else {
        match host.rsplit_once(':') {
            Some((name, port)) if valid_port(port) => name,
            Some(_) => return false,
            None => host,
        }
    };
    name.eq_ignore_ascii_case("localhost")
        || name
            .parse::<IpAddr>()
            .is_ok_and(|address| address.is_loopback())
}

/// A port after a host name's colon: one to five digits.
fn valid_port(digits: &str) -> bool {
    !digits.is_empty() && digits.len() <= 5 && digits.bytes().all(|b| b.is_ascii_digit())
}

/// How the server answers, besides the files themselves.
#[derive(Clone, Copy, Default)]
pub struct Options {
    /// Adds `Access-Control-Allow-Origin: *`, which a host page on another origin needs to load the script embed.
    pub cors: bool,
}

/// What one server serves, and how.
#[derive(Clone)]
struct Site {
    /// The folder, canonical (symbolic links resolved), so that files can be checked to be inside it.
    root: PathBuf,
    mount: String,
    options: Options,
    /// How long a connection may take to send its request.
    timeout: Duration,
}

/// Reads from a connection until a deadline: each read may wait only for the time left, so a client that trickles
/// a byte at a time cannot hold the connection open any longer than one that sends nothing.
struct Deadline<'a> {
    stream: &'a TcpStream,
    until: Instant,
}

impl Read for Deadline<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let left = self.until.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(std::io::ErrorKind::TimedOut.into());
        }
        self.stream.set_read_timeout(Some(left))?;
        let mut stream = self.stream;
        stream.read(buf)
    }
}

/// Why a request's head was not read.
#[derive(Debug, PartialEq)]
enum HeadError {
    /// A line over [`MAX_LINE_BYTES`] (the request line when `first`).
    LineTooLong { first: bool },
    /// More than [`MAX_HEADERS`] header lines.
    TooManyHeaders,
    /// The connection closed, failed or timed out before the head was complete: nothing to answer.
    Gone,
}

/// The request line and header lines of a request, each line bounded, up to the blank line.
fn read_head(reader: &mut impl BufRead) -> Result<(String, Vec<String>), HeadError> {
    let request_line = read_line(reader, true)?;
    let mut headers = Vec::new();
    loop {
        let line = read_line(reader, false)?;
        if line.trim_end_matches(['\r', '\n']).is_empty() {
            return Ok((request_line, headers));
        }
        if headers.len() == MAX_HEADERS {
            return Err(HeadError::TooManyHeaders);
        }
        headers.push(line);
    }
}

/// One line of at most [`MAX_LINE_BYTES`], its line break included.
fn read_line(reader: &mut impl BufRead, first: bool) -> Result<String, HeadError> {
    let mut line = Vec::new();
    let read = reader
        .by_ref()
        .take(MAX_LINE_BYTES as u64 + 1)
        .read_until(b'\n', &mut line)
        .map_err(|_| HeadError::Gone)?;
    if line.len() > MAX_LINE_BYTES {
        return Err(HeadError::LineTooLong { first });
    }
    if read == 0 || !line.ends_with(b"\n") {
        return Err(HeadError::Gone);
    }
    String::from_utf8(line).map_err(|_| HeadError::Gone)
}

fn respond(stream: TcpStream, site: &Site) {
    let _ = stream.set_write_timeout(Some(site.timeout));
    let mut reader = BufReader::new(Deadline {
        stream: &stream,
        until: Instant::now() + site.timeout,
    });
    let (status, body, content_type, method, accepts_gzip) = match read_head(&mut reader) {
        Err(HeadError::Gone) => return,
        Err(HeadError::LineTooLong { first: true }) => {
            refusal("414 URI Too Long", "the request line is too long")
        }
        Err(HeadError::LineTooLong { first: false } | HeadError::TooManyHeaders) => refusal(
            "431 Request Header Fields Too Large",
            "the request's headers are too large",
        ),
        Ok((request_line, headers)) => answer(site, &request_line, &headers),
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
    let cors = if site.options.cors {
        "Access-Control-Allow-Origin: *\r\n"
    } else {
        ""
    };
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\nX-Content-Type-Options: nosniff\r\n{encoding}{cors}Connection: close\r\n\r\n",
        body.len()
    );
    let mut stream = &stream;
    let _ = stream.write_all(head.as_bytes());
    if method != "HEAD" {
        let _ = stream.write_all(&body);
    }
}

/// A status, its body, its type, the request's method and whether the client accepts gzip.
type Answer = (&'static str, Vec<u8>, &'static str, String, bool);

fn refusal(status: &'static str, why: &str) -> Answer {
    (
        status,
        why.as_bytes().to_vec(),
        "text/plain; charset=utf-8",
        String::new(),
        false,
    )
}

/// The answer to a request whose head was read whole.
fn answer(site: &Site, request_line: &str, headers: &[String]) -> Answer {
    let header = |name: &str| {
        headers.iter().find_map(|line| {
            let (key, value) = line.split_once(':')?;
            key.trim().eq_ignore_ascii_case(name).then(|| value.trim())
        })
    };
    match header("host") {
        Some(host) if is_loopback_host(host) => {}
        Some(_) => {
            return refusal(
                "421 Misdirected Request",
                "this server answers only requests for localhost, 127.0.0.1 or [::1]",
            )
        }
        None => return refusal("400 Bad Request", "the request has no Host header"),
    }
    let accepts_gzip = headers.iter().any(|h| accepts_gzip_header(h));
    let mut parts = request_line.split_whitespace();
    let method = parts.next().unwrap_or("").to_string();
    let target = parts.next().unwrap_or("/");
    // The type follows the name asked for; the bytes come from where it really is, if that is inside the folder.
    let file = resolve(&site.root, &site.mount, target)
        .and_then(|asked| Some((confined(&site.root, &asked)?, mime_type(&asked))));
    let (status, body, content_type) = match (method.as_str(), file) {
        ("GET" | "HEAD", Some((file, mime))) => match std::fs::read(&file) {
            Ok(body) => ("200 OK", body, mime),
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
    (status, body, content_type, method, accepts_gzip)
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

fn accept_loop(listener: TcpListener, site: Site) {
    for stream in listener.incoming().flatten() {
        let site = site.clone();
        std::thread::spawn(move || respond(stream, &site));
    }
}

/// Binds 127.0.0.1:`port` and describes the site, with `dir` made canonical.
fn bind(
    dir: &Path,
    mount: &str,
    port: u16,
    options: Options,
    timeout: Duration,
) -> Result<(TcpListener, u16, Site), String> {
    let root = dir
        .canonicalize()
        .map_err(|e| format!("cannot serve {}: {e}", dir.display()))?;
    let listener = TcpListener::bind(("127.0.0.1", port))
        .map_err(|e| format!("cannot listen on port {port}: {e}"))?;
    let port = listener.local_addr().map_err(|e| e.to_string())?.port();
    let site = Site {
        root,
        mount: normalise_mount(mount),
        options,
        timeout,
    };
    Ok((listener, port, site))
}

/// Starts serving `dir` under `mount` on 127.0.0.1 (`port` 0 picks a free one) on a background thread.
pub fn spawn(dir: &Path, mount: &str, port: u16) -> Result<Running, String> {
    spawn_with(dir, mount, port, Options::default(), REQUEST_TIMEOUT)
}

fn spawn_with(
    dir: &Path,
    mount: &str,
    port: u16,
    options: Options,
    timeout: Duration,
) -> Result<Running, String> {
    let (listener, port, site) = bind(dir, mount, port, options, timeout)?;
    std::thread::spawn(move || accept_loop(listener, site));
    Ok(Running { port })
}

/// Serves `dir` under `mount` until the process is stopped (`port` 0 picks a free one; the first line printed
/// gives the address, which the end-to-end tests read).
pub fn serve_forever(dir: &Path, mount: &str, port: u16, options: Options) -> Result<(), String> {
    if !dir.join("index.html").is_file() {
        return Err(format!("{} has no index.html", dir.display()));
    }
    let (listener, port, site) = bind(dir, mount, port, options, REQUEST_TIMEOUT)?;
    println!(
        "Summit Fruits is served at http://127.0.0.1:{port}{} (Ctrl-C to stop)",
        site.mount
    );
    accept_loop(listener, site);
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
        assert_eq!(resolve(dir, "/", "/a%zz.js"), None);
        assert_eq!(resolve(dir, "/", "/a%2.js"), None);
        assert_eq!(resolve(dir, "/", "/a%ff.js"), None);
        assert_eq!(
            resolve(dir, "/", "/%C3%A9t%c3%a9.css"),
            Some(PathBuf::from("/srv/app/été.css"))
        );
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

    /// A fresh folder under the system's temporary folder, removed when dropped.
    struct TempDir(PathBuf);

    impl TempDir {
        fn new(name: &str) -> TempDir {
            let dir = std::env::temp_dir().join(format!(
                "summit-serve-{name}-{}-{:?}",
                std::process::id(),
                std::thread::current().id()
            ));
            let _ = std::fs::remove_dir_all(&dir);
            std::fs::create_dir_all(&dir).unwrap();
            TempDir(dir)
        }
    }

    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    /// A served folder with an index page, and a folder beside it with a secret that must stay unserved.
    fn site(name: &str, timeout: Duration) -> (TempDir, u16) {
        let temp = TempDir::new(name);
        let root = temp.0.join("site");
        let outside = temp.0.join("outside");
        std::fs::create_dir_all(root.join("sub")).unwrap();
        std::fs::create_dir_all(&outside).unwrap();
        std::fs::write(root.join("index.html"), "<p>index</p>").unwrap();
        std::fs::write(root.join("sub/page.txt"), "inside").unwrap();
        std::fs::write(outside.join("secret.txt"), "secret").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::symlink;
            symlink(outside.join("secret.txt"), root.join("leak.txt")).unwrap();
            symlink(&outside, root.join("leakdir")).unwrap();
            symlink("sub/page.txt", root.join("alias.txt")).unwrap();
            symlink("../../outside/secret.txt", root.join("sub/up.txt")).unwrap();
        }
        let server = spawn_with(&root, "/", 0, Options::default(), timeout).unwrap();
        (temp, server.port)
    }

    /// Sends `request` as it is and returns everything the server answered before it closed the connection.
    fn exchange(port: u16, request: &[u8]) -> String {
        let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
        // A safety net for the test run only: a server that never closes fails the read here.
        stream
            .set_read_timeout(Some(Duration::from_secs(60)))
            .unwrap();
        stream.write_all(request).unwrap();
        let mut answer = Vec::new();
        stream
            .read_to_end(&mut answer)
            .expect("the server closes the connection");
        String::from_utf8_lossy(&answer).into_owned()
    }

    fn get(port: u16, path: &str, host: &str) -> String {
        exchange(
            port,
            format!("GET {path} HTTP/1.1\r\nHost: {host}\r\n\r\n").as_bytes(),
        )
    }

    fn status(answer: &str) -> &str {
        answer.lines().next().unwrap_or("")
    }

    #[cfg(unix)]
    #[test]
    fn symbolic_links_out_of_the_folder_are_not_followed() {
        let (_temp, port) = site("links", REQUEST_TIMEOUT);
        let host = format!("127.0.0.1:{port}");
        let cases = [
            ("/index.html", "HTTP/1.1 200 OK"),
            ("/sub/page.txt", "HTTP/1.1 200 OK"),
            // A link that stays inside is followed.
            ("/alias.txt", "HTTP/1.1 200 OK"),
            ("/leak.txt", "HTTP/1.1 404 Not Found"),
            ("/leakdir/secret.txt", "HTTP/1.1 404 Not Found"),
            ("/sub/up.txt", "HTTP/1.1 404 Not Found"),
        ];
        for (path, expected) in cases {
            let answer = get(port, path, &host);
            assert_eq!(status(&answer), expected, "{path}");
            assert!(!answer.contains("secret"), "{path} leaked the file outside");
        }
        assert!(get(port, "/alias.txt", &host).ends_with("inside"));
    }

    #[test]
    fn only_loopback_host_names_are_answered() {
        let cases = [
            ("127.0.0.1", true),
            ("127.0.0.1:8080", true),
            ("127.1.2.3:80", true),
            ("localhost", true),
            ("LOCALHOST:4173", true),
            ("[::1]", true),
            ("[::1]:8080", true),
            // An IPv6 address must be in brackets.
            ("::1", false),
            ("[::1]8080", false),
            ("example.org", false),
            ("example.org:8080", false),
            ("localhost.example.org", false),
            ("127.0.0.1.nip.io", false),
            ("10.0.0.1:8080", false),
            ("[::2]:8080", false),
            ("127.0.0.1:", false),
            ("127.0.0.1:80x", false),
            ("127.0.0.1:123456", false),
            ("[::1]x", false),
            ("", false),
        ];
        for (host, expected) in cases {
            assert_eq!(is_loopback_host(host), expected, "{host:?}");
        }

        let (_temp, port) = site("hosts", REQUEST_TIMEOUT);
        let ok = get(port, "/", &format!("localhost:{port}"));
        assert_eq!(status(&ok), "HTTP/1.1 200 OK");
        let rebound = get(port, "/", "attacker.example");
        assert_eq!(status(&rebound), "HTTP/1.1 421 Misdirected Request");
        assert!(!rebound.contains("index"));
        let none = exchange(port, b"GET / HTTP/1.1\r\n\r\n");
        assert_eq!(status(&none), "HTTP/1.1 400 Bad Request");
    }

    #[test]
    fn every_answer_says_nosniff() {
        let (_temp, port) = site("nosniff", REQUEST_TIMEOUT);
        let host = format!("127.0.0.1:{port}");
        for path in ["/", "/no-such-file", "/sub/page.txt"] {
            let answer = get(port, path, &host);
            let head = answer.split("\r\n\r\n").next().unwrap();
            assert!(
                head.lines().any(|l| l == "X-Content-Type-Options: nosniff"),
                "{path}: {head}"
            );
        }
        let refused = get(port, "/", "example.org");
        assert!(refused.contains("\r\nX-Content-Type-Options: nosniff\r\n"));
    }

    #[test]
    fn request_lines_and_headers_are_bounded() {
        let (_temp, port) = site("bounds", REQUEST_TIMEOUT);
        let host = format!("127.0.0.1:{port}");
        let long_path = format!("/{}", "a".repeat(MAX_LINE_BYTES));
        assert_eq!(
            status(&get(port, &long_path, &host)),
            "HTTP/1.1 414 URI Too Long"
        );
        // Just within the limit is an ordinary (missing) file.
        let near = format!("/{}", "a".repeat(MAX_LINE_BYTES - 40));
        assert_eq!(status(&get(port, &near, &host)), "HTTP/1.1 404 Not Found");

        let long_header = format!(
            "GET / HTTP/1.1\r\nHost: {host}\r\nX-Filler: {}\r\n\r\n",
            "b".repeat(MAX_LINE_BYTES)
        );
        assert_eq!(
            status(&exchange(port, long_header.as_bytes())),
            "HTTP/1.1 431 Request Header Fields Too Large"
        );
        let many = format!(
            "GET / HTTP/1.1\r\nHost: {host}\r\n{}\r\n",
            "X-Filler: b\r\n".repeat(MAX_HEADERS + 1)
        );
        assert_eq!(
            status(&exchange(port, many.as_bytes())),
            "HTTP/1.1 431 Request Header Fields Too Large"
        );
        let enough = format!(
            "GET / HTTP/1.1\r\nHost: {host}\r\n{}\r\n",
            "X-Filler: b\r\n".repeat(MAX_HEADERS - 1)
        );
        assert_eq!(
            status(&exchange(port, enough.as_bytes())),
            "HTTP/1.1 200 OK"
        );
    }

    #[test]
    fn idle_and_trickling_connections_are_closed() {
        let (_temp, port) = site("idle", Duration::from_millis(300));
        // Nothing sent: the server closes the connection without an answer.
        assert_eq!(exchange(port, b""), "");
        // Half a request, then silence.
        assert_eq!(exchange(port, b"GET / HTTP/1.1\r\nHo"), "");
        // A byte at a time, each within the timeout, never finishing the line: closed at the deadline all the same.
        let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(60)))
            .unwrap();
        let mut closed = false;
        for _ in 0..200 {
            if stream.write_all(b"a").is_err() {
                closed = true;
                break;
            }
            let mut byte = [0u8; 1];
            stream
                .set_read_timeout(Some(Duration::from_millis(100)))
                .unwrap();
            match stream.read(&mut byte) {
                Ok(0) => {
                    closed = true;
                    break;
                }
                Ok(_) => panic!("no answer was due"),
                Err(e)
                    if e.kind() == std::io::ErrorKind::WouldBlock
                        || e.kind() == std::io::ErrorKind::TimedOut => {}
                Err(_) => {
                    closed = true;
                    break;
                }
            }
        }
        assert!(closed, "a trickling client was never cut off");
        // A whole request in time is answered as usual.
        assert_eq!(
            status(&get(port, "/", &format!("127.0.0.1:{port}"))),
            "HTTP/1.1 200 OK"
        );
    }

    #[test]
    fn wasm_has_its_mime_type() {
        assert_eq!(mime_type(Path::new("x_bg.wasm")), "application/wasm");
    }
}
