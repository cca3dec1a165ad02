//! The worker protocol: frames of an 8-byte little-endian length followed by that many bytes.
//!
//! A request is two frames, the [`Limits`](crate::extract::Limits) as JSON and the PDF's raw
//! bytes; the reply is one frame, a [`Reply`] as JSON. `ExtractedPdf` is serialized whole, so
//! fields added to it travel without changes here.

use std::io::{self, Read, Write};

use serde::{Deserialize, Serialize};

use crate::extract::{ErrorKind, ExtractError, ExtractedPdf};

/// Largest frame either side accepts: the biggest PDF we would read, or the text of one.
pub const MAX_FRAME_BYTES: u64 = 2 << 30;

/// Most bytes reserved for a frame before any of it arrives; a longer one grows as it is read.
const RESERVED_FRAME_BYTES: u64 = 64 << 20;

/// What a worker answers for one file.
#[derive(Debug, Serialize, Deserialize)]
pub enum Reply {
    Extracted(ExtractedPdf),
    Failed(WireError),
}

/// An [`ExtractError`] on the wire: the variants that own their data are rebuilt as themselves;
/// the others travel as their message.
#[derive(Debug, Serialize, Deserialize)]
pub enum WireError {
    NotPdf {
        start: String,
    },
    Empty,
    Encrypted,
    NoTextLayer {
        pages: usize,
    },
    Corrupt(String),
    Internal(String),
    /// Any other error: its kind's stable name and its message.
    Message {
        kind: String,
        message: String,
    },
}

impl From<&ExtractError> for WireError {
    fn from(err: &ExtractError) -> Self {
        match err {
            ExtractError::NotPdf { start } => WireError::NotPdf { start: start.clone() },
            ExtractError::Empty => WireError::Empty,
            ExtractError::Encrypted => WireError::Encrypted,
            ExtractError::NoTextLayer { pages } => WireError::NoTextLayer { pages: *pages },
            ExtractError::Corrupt(detail) => WireError::Corrupt(detail.clone()),
            ExtractError::Internal(detail) => WireError::Internal(detail.clone()),
            other => WireError::Message { kind: other.kind().as_str().to_string(), message: other.to_string() },
        }
    }
}

impl From<WireError> for ExtractError {
    fn from(err: WireError) -> Self {
        match err {
            WireError::NotPdf { start } => ExtractError::NotPdf { start },
            WireError::Empty => ExtractError::Empty,
            WireError::Encrypted => ExtractError::Encrypted,
            WireError::NoTextLayer { pages } => ExtractError::NoTextLayer { pages },
            WireError::Corrupt(detail) => ExtractError::Corrupt(detail),
            WireError::Internal(detail) => ExtractError::Internal(detail),
            WireError::Message { kind, message } => {
                ExtractError::Relayed { kind: ErrorKind::from_name(&kind).unwrap_or(ErrorKind::Internal), message }
            }
        }
    }
}

pub fn write_frame(out: &mut impl Write, payload: &[u8]) -> io::Result<()> {
    out.write_all(&(payload.len() as u64).to_le_bytes())?;
    out.write_all(payload)?;
    out.flush()
}

/// Writes `value` as a frame of JSON without holding the JSON in memory: it is serialized twice,
/// first only to count its bytes for the length. A worker answers this way so that the text of
/// a large document is not held a second time, as JSON, next to everything else.
pub fn write_json_frame(out: &mut impl Write, value: &impl Serialize) -> io::Result<()> {
    let invalid = |err: serde_json::Error| io::Error::new(io::ErrorKind::InvalidData, err);
    let mut counted = Counted { inner: io::sink(), bytes: 0 };
    serde_json::to_writer(&mut counted, value).map_err(invalid)?;
    let len = counted.bytes;
    out.write_all(&len.to_le_bytes())?;
    let mut counted = Counted { inner: &mut *out, bytes: 0 };
    serde_json::to_writer(&mut counted, value).map_err(invalid)?;
    if counted.bytes != len {
        return Err(io::Error::other("the answer changed while it was written"));
    }
    out.flush()
}

/// A writer that counts the bytes written through it.
struct Counted<W> {
    inner: W,
    bytes: u64,
}

impl<W: Write> Write for Counted<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let written = self.inner.write(buf)?;
        self.bytes += written as u64;
        Ok(written)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Reads one frame; `Ok(None)` at a clean end of input (the other side closed the pipe).
pub fn read_frame(input: &mut impl Read) -> io::Result<Option<Vec<u8>>> {
    let mut len = [0u8; 8];
    match input.read_exact(&mut len) {
        Ok(()) => {}
        Err(err) if err.kind() == io::ErrorKind::UnexpectedEof => return Ok(None),
        Err(err) => return Err(err),
    }
    let len = u64::from_le_bytes(len);
    if len > MAX_FRAME_BYTES {
        return Err(io::Error::new(io::ErrorKind::InvalidData, format!("frame of {len} bytes is over the limit")));
    }
    // Room for the whole frame up front (within reason): a PDF read into a growing buffer
    // would be copied on every doubling, and read in small pieces at first.
    let mut payload = Vec::with_capacity(usize::try_from(len.min(RESERVED_FRAME_BYTES)).unwrap_or(0));
    input.take(len).read_to_end(&mut payload)?;
    if payload.len() as u64 != len {
        return Err(io::Error::new(io::ErrorKind::UnexpectedEof, "frame cut short"));
    }
    Ok(Some(payload))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_round_trip_and_a_short_one_is_an_error() {
        let mut buf = Vec::new();
        write_frame(&mut buf, b"abc").unwrap();
        write_frame(&mut buf, b"").unwrap();
        let mut input = buf.as_slice();
        assert_eq!(read_frame(&mut input).unwrap().as_deref(), Some(&b"abc"[..]));
        assert_eq!(read_frame(&mut input).unwrap().as_deref(), Some(&b""[..]));
        assert_eq!(read_frame(&mut input).unwrap(), None);
        // The length of the first frame, then one of its three bytes.
        let mut input = &buf[..9];
        assert!(read_frame(&mut input).is_err());
    }

    #[test]
    fn a_json_frame_is_the_frame_of_its_json() {
        let reply = WireError::Message { kind: "corrupt".into(), message: "bad \"xref\" æøå".into() };
        let mut streamed = Vec::new();
        write_json_frame(&mut streamed, &reply).unwrap();
        let mut whole = Vec::new();
        write_frame(&mut whole, &serde_json::to_vec(&reply).unwrap()).unwrap();
        assert_eq!(streamed, whole);
    }

    #[test]
    fn errors_keep_their_wording_across_the_wire() {
        let errors = [
            ExtractError::Encrypted,
            ExtractError::NoTextLayer { pages: 3 },
            ExtractError::LimitExceeded { limit: "max_objects", detail: "5 > 3".into() },
        ];
        for err in errors {
            let json = serde_json::to_string(&WireError::from(&err)).unwrap();
            let back: ExtractError = serde_json::from_str::<WireError>(&json).unwrap().into();
            assert_eq!(back.to_string(), err.to_string());
            assert_eq!(back.kind(), err.kind());
        }
    }
}
