//! Reads a data set the reader chose, a picked or dropped file or the response to `?data=`, held to the default size
//! limit before or while it is read, and checks it with [`crate::check_data_set`]: every outcome, a refusal for a
//! failed request or an unreadable body included, comes back as the wire form of a `DataSetOutcome`.

use js_sys::{Promise, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use summit_core::text::mib;
use summit_core::validate::{Limits, Problem};
use summit_core::wire::{self, DataSetOutcome};

/// Refuses a data set of `bytes` bytes before it is read when it is over the limit of the default [`Limits`].
pub fn size_problem(bytes: u64) -> Option<Problem> {
    let limit = Limits::default().max_bytes as u64;
    (bytes > limit).then(|| {
        Problem::error(
            "$",
            format!(
                "the file is {bytes} bytes ({}), over the limit of {limit} bytes ({}); it was not read",
                mib(bytes),
                mib(limit)
            ),
        )
    })
}

/// The wire form of a data set refused for the one reason `problem`.
fn refused(problem: Problem) -> Vec<u8> {
    wire::encode::<DataSetOutcome>(&Err(vec![problem]))
}

fn refused_because(message: impl Into<String>) -> Vec<u8> {
    refused(Problem::error("$", message))
}

/// Reads a `Blob` (a picked or dropped `File` is one) as UTF-8 text after checking its size, and checks it.
pub async fn read_file(file: web_sys::Blob) -> Vec<u8> {
    if let Some(problem) = size_problem(file.size() as u64) {
        return refused(problem);
    }
    match JsFuture::from(file.text()).await.map(|t| t.as_string()) {
        Ok(Some(text)) => crate::check_data_set(&text),
        _ => refused_because("the file could not be read as text"),
    }
}

/// Waits for `response`, the promise of the `fetch` of a `?data=` address that the app started (so that the request
/// and this module travel at the same time), reads its body up to the size limit, and checks it.
pub async fn read_response(response: Promise) -> Vec<u8> {
    let response: web_sys::Response = match JsFuture::from(response).await {
        Ok(response) => response.unchecked_into(),
        Err(error) => {
            return refused_because(format!(
                "the data set could not be fetched ({}); another site must allow it (CORS) and this page's \
                 content security policy must allow the connection",
                error_text(&error)
            ))
        }
    };
    if !response.ok() {
        return refused_because(format!(
            "the server answered {} {} instead of the data set",
            response.status(),
            response.status_text()
        ));
    }
    let announced = response
        .headers()
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|n| n.trim().parse::<u64>().ok());
    if let Some(problem) = announced.and_then(size_problem) {
        return refused(problem);
    }
    // `Content-Length` may be missing (a chunked body) or count compressed bytes, so the limit is held on the decoded
    // bytes as they arrive.
    let Some(body) = response.body() else {
        return crate::check_data_set("");
    };
    match read_limited(&body, Limits::default().max_bytes).await {
        Ok(bytes) => crate::check_data_set(&decode_utf8(&bytes)),
        Err(BodyError::OverLimit(limit)) => refused_because(format!(
            "the data set is over the limit of {limit} bytes ({}); it was read no further",
            mib(limit as u64)
        )),
        Err(BodyError::Unreadable) => {
            refused_because("the data set could not be read from the response")
        }
    }
}

/// A rejection's reason as the console names it: "TypeError: Failed to fetch".
fn error_text(error: &JsValue) -> String {
    match error.dyn_ref::<js_sys::Error>() {
        Some(error) => format!("{}: {}", error.name(), error.message()),
        None => error
            .as_string()
            .unwrap_or_else(|| "an unexpected error".to_string()),
    }
}

/// Why a response body was not read to its end.
enum BodyError {
    /// More than this many bytes arrived; the stream was cancelled there.
    OverLimit(usize),
    /// The stream failed (a dropped connection, a broken compressed body).
    Unreadable,
}

/// Reads `body` chunk by chunk, cancelling it as soon as it holds more than `limit` bytes, so neither a body without a
/// `Content-Length` nor a compressed one that grows when decoded is ever held whole.
async fn read_limited(body: &web_sys::ReadableStream, limit: usize) -> Result<Vec<u8>, BodyError> {
    let reader: web_sys::ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let mut bytes = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read())
            .await
            .map_err(|_| BodyError::Unreadable)?;
        let done = Reflect::get(&chunk, &JsValue::from_str("done"))
            .ok()
            .and_then(|d| d.as_bool())
            .unwrap_or(true);
        if done {
            return Ok(bytes);
        }
        let value = Reflect::get(&chunk, &JsValue::from_str("value"))
            .map_err(|_| BodyError::Unreadable)?
            .dyn_into::<Uint8Array>()
            .map_err(|_| BodyError::Unreadable)?;
        let len = value.length() as usize;
        if bytes.len() + len > limit {
            // Tells the server to stop sending; what it answers no longer matters.
            let _ = reader.cancel();
            return Err(BodyError::OverLimit(limit));
        }
        let start = bytes.len();
        bytes.resize(start + len, 0);
        value.copy_to(&mut bytes[start..]);
    }
}

/// The body as text, as `Response.text()` reads it: UTF-8 with a leading byte order mark dropped and invalid bytes
/// replaced.
fn decode_utf8(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    String::from_utf8_lossy(bytes).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_sets_over_sixteen_mib_are_refused_before_reading() {
        assert!(size_problem(16 * 1024 * 1024).is_none());
        let problem = size_problem(16 * 1024 * 1024 + 1).expect("refused");
        assert_eq!(problem.path, "$");
        assert!(
            problem.message.contains(
                "the file is 16777217 bytes (16.0 MiB), over the limit of 16777216 bytes"
            ),
            "{}",
            problem.message
        );
    }

    #[test]
    fn a_refusal_is_a_data_set_outcome_with_its_one_problem() {
        let outcome = wire::decode::<DataSetOutcome>(&refused_because("no")).unwrap();
        assert_eq!(outcome, Err(vec![Problem::error("$", "no")]));
    }

    #[test]
    fn bodies_are_read_as_response_text_reads_them() {
        assert_eq!(decode_utf8(b"\xEF\xBB\xBF{}"), "{}");
        assert_eq!(decode_utf8(b"{\xFF}"), "{\u{FFFD}}");
        // Only a leading mark is dropped.
        assert_eq!(decode_utf8(b" \xEF\xBB\xBF"), " \u{FEFF}");
    }
}
