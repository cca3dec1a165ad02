//! A small binary encoding for the cache files: little-endian integers and length-prefixed
//! strings behind a magic header. Reading checks every length, so a truncated or foreign file is
//! an error (and the cache entry is rebuilt), never a panic.

use crate::index::DocumentInfo;

/// The file is not what this version of kommunsk writes.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct DecodeError(pub &'static str);

/// Builds one file in memory.
#[derive(Default)]
pub struct Writer {
    pub buf: Vec<u8>,
}

impl Writer {
    pub fn new(magic: &[u8; 8]) -> Writer {
        Writer { buf: magic.to_vec() }
    }

    pub fn u8(&mut self, v: u8) {
        self.buf.push(v);
    }

    pub fn u32(&mut self, v: u32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    pub fn u64(&mut self, v: u64) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    pub fn bytes(&mut self, v: &[u8]) {
        self.u64(v.len() as u64);
        self.buf.extend_from_slice(v);
    }

    pub fn str(&mut self, v: &str) {
        self.bytes(v.as_bytes());
    }

    pub fn opt_str(&mut self, v: Option<&str>) {
        match v {
            Some(s) => {
                self.u8(1);
                self.str(s);
            }
            None => self.u8(0),
        }
    }

    pub fn opt_u16(&mut self, v: Option<u16>) {
        match v {
            Some(n) => {
                self.u8(1);
                self.u32(u32::from(n));
            }
            None => self.u8(0),
        }
    }

    pub fn info(&mut self, info: &DocumentInfo) {
        // Exhaustive on purpose: a new field in DocumentInfo must be added here too.
        let DocumentInfo { code, municipality, region, year, doctype, lang } = info;
        self.opt_u16(*code);
        self.opt_str(municipality.as_deref());
        self.opt_str(region.as_deref());
        self.opt_u16(*year);
        self.str(doctype);
        self.opt_str(lang.as_deref());
    }
}

/// Reads one file, checking every length against what is left.
pub struct Reader<'a> {
    data: &'a [u8],
}

impl<'a> Reader<'a> {
    /// Starts after `magic`, or fails when the file does not begin with it.
    pub fn new(data: &'a [u8], magic: &[u8; 8]) -> Result<Reader<'a>, DecodeError> {
        match data.strip_prefix(magic.as_slice()) {
            Some(rest) => Ok(Reader { data: rest }),
            None => Err(DecodeError("wrong magic or version")),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.data.is_empty()
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], DecodeError> {
        if n > self.data.len() {
            return Err(DecodeError("truncated"));
        }
        let (head, rest) = self.data.split_at(n);
        self.data = rest;
        Ok(head)
    }

    pub fn u8(&mut self) -> Result<u8, DecodeError> {
        Ok(self.take(1)?[0])
    }

    pub fn u32(&mut self) -> Result<u32, DecodeError> {
        let mut b = [0; 4];
        b.copy_from_slice(self.take(4)?);
        Ok(u32::from_le_bytes(b))
    }

    pub fn u64(&mut self) -> Result<u64, DecodeError> {
        let mut b = [0; 8];
        b.copy_from_slice(self.take(8)?);
        Ok(u64::from_le_bytes(b))
    }

    pub fn array<const N: usize>(&mut self) -> Result<[u8; N], DecodeError> {
        let mut b = [0; N];
        b.copy_from_slice(self.take(N)?);
        Ok(b)
    }

    pub fn bytes(&mut self) -> Result<&'a [u8], DecodeError> {
        let n = usize::try_from(self.u64()?).map_err(|_| DecodeError("length overflow"))?;
        self.take(n)
    }

    pub fn str(&mut self) -> Result<String, DecodeError> {
        let bytes = self.bytes()?;
        std::str::from_utf8(bytes).map(str::to_string).map_err(|_| DecodeError("invalid UTF-8"))
    }

    pub fn opt_str(&mut self) -> Result<Option<String>, DecodeError> {
        match self.u8()? {
            0 => Ok(None),
            1 => Ok(Some(self.str()?)),
            _ => Err(DecodeError("bad option tag")),
        }
    }

    pub fn opt_u16(&mut self) -> Result<Option<u16>, DecodeError> {
        match self.u8()? {
            0 => Ok(None),
            1 => u16::try_from(self.u32()?).map(Some).map_err(|_| DecodeError("number out of range")),
            _ => Err(DecodeError("bad option tag")),
        }
    }

    pub fn info(&mut self) -> Result<DocumentInfo, DecodeError> {
        Ok(DocumentInfo {
            code: self.opt_u16()?,
            municipality: self.opt_str()?,
            region: self.opt_str()?,
            year: self.opt_u16()?,
            doctype: self.str()?,
            lang: self.opt_str()?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_truncation() {
        let info = DocumentInfo {
            code: Some(751),
            municipality: Some("Aarhus".into()),
            region: None,
            year: Some(2025),
            doctype: "agreement".into(),
            lang: Some("dan".into()),
        };
        let mut w = Writer::new(b"TESTv001");
        w.info(&info);
        w.u64(7);
        let mut r = Reader::new(&w.buf, b"TESTv001").unwrap();
        assert_eq!(r.info().unwrap(), info);
        assert_eq!(r.u64().unwrap(), 7);
        assert!(r.is_empty());
        let cut = &w.buf[..w.buf.len() - 3];
        let mut r = Reader::new(cut, b"TESTv001").unwrap();
        r.info().unwrap();
        assert!(r.u64().is_err());
        assert!(Reader::new(&w.buf, b"TESTv002").is_err());
    }
}
