//! Encrypted files that lopdf 0.47 opens wrongly or not at all, read the way the standard says.
//!
//! lopdf decrypts while loading, with the empty user password. Two kinds of real files come
//! back unusable (both in the pdf.js corpus):
//!
//! * **Crypt filters behind references** (`issue7665.pdf`): `/CF 7 0 R`, or `/StdCF 8 0 R`
//!   inside it. lopdf's `Document::get_crypt_filters` reads `/CF` and each filter with
//!   `as_dict()` without dereferencing, so it finds no filters, and
//!   `EncryptionState::filter_named` then falls back to RC4 for the `/StmF` and `/StrF` names
//!   it cannot find. AES-256 data "decrypted" with RC4 is noise: every stream and string of the
//!   file is lost. ISO 32000 allows any dictionary value to be an indirect reference
//!   (§7.3.10), so these files are valid.
//! * **Only attachments encrypted** (`encrypted-attachment.pdf`): `/StmF /Identity /StrF
//!   /Identity` and a real crypt filter only under `/EFF` (embedded files). The page content
//!   and strings are not encrypted at all (§7.6.5: Identity passes data through unchanged), so
//!   the pages are readable without the password that only the attachment needs; lopdf
//!   refuses the whole file because the empty password does not authenticate. poppler reads
//!   these pages; we do too.
//!
//! Both are recovered by loading the file a second time with its `/Encrypt` reference hidden
//! from lopdf (so nothing is decrypted while loading), then decrypting here with lopdf's own
//! key derivation and ciphers once the crypt filters are dereferenced — or not decrypting, for
//! Identity. Everything else that needs a password stays [`ExtractError::Encrypted`].

use lopdf::encryption::decrypt_object;
use lopdf::{Dictionary, Document, EncryptionState, LoadOptions, Object, ObjectId, ObjectStream};
use regex::bytes::Regex;
use std::sync::LazyLock;

use crate::{ExtractError, Limits};

/// The trailer key lopdf decrypts by.
const ENCRYPT_KEY: &[u8] = b"/Encrypt";

/// What `/Encrypt` is renamed to in the bytes for the second load: a key lopdf ignores, of the
/// same length so that every byte offset (the cross-reference table) stays valid.
const HIDDEN_ENCRYPT_KEY: &[u8] = b"/Xncrypt";

/// The name of the always-available pass-through crypt filter.
const IDENTITY: &[u8] = b"Identity";

/// `/Encrypt N G R`: a trailer's (or cross-reference stream's) reference to the encryption
/// dictionary.
static ENCRYPT_REFERENCE: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"(?-u)/Encrypt\s*\d{1,10}\s+\d{1,5}\s+R").ok());

/// How lopdf's first load of a file went, as far as encryption is concerned.
pub(crate) enum Verdict {
    /// Not encrypted, or decrypted correctly by lopdf: use the document as loaded.
    Loaded,
    /// Decrypted with the wrong crypt filter: load and decrypt again here.
    MisDecrypted,
    /// Not decrypted, but its pages and strings are not encrypted either: load again as plain.
    OnlyAttachmentsEncrypted,
    /// A password is required.
    NeedsPassword,
}

/// Judges lopdf's load of an encrypted (or plain) file.
pub(crate) fn verdict(doc: &Document) -> Verdict {
    if doc.trailer.has(b"Encrypt") {
        // lopdf could not authenticate the empty password.
        return match doc.get_encrypted() {
            Ok(encrypt) if content_unencrypted(encrypt) => Verdict::OnlyAttachmentsEncrypted,
            _ => Verdict::NeedsPassword,
        };
    }
    match &doc.encryption_state {
        Some(state) if lost_crypt_filter(state) => Verdict::MisDecrypted,
        _ => Verdict::Loaded,
    }
}

/// Whether the stream and string filters of a V4/V5 encryption dictionary are both Identity
/// (an absent name means Identity, ISO 32000-1 Table 20).
fn content_unencrypted(encrypt: &Dictionary) -> bool {
    let version = encrypt.get(b"V").and_then(Object::as_i64).unwrap_or(0);
    let identity = |key: &[u8]| encrypt.get(key).map_or(true, |name| name.as_name().ok() == Some(IDENTITY));
    (version == 4 || version == 5) && identity(b"StmF") && identity(b"StrF")
}

/// Whether lopdf's state names a stream or string filter it did not find, so that it
/// substituted RC4 for it.
fn lost_crypt_filter(state: &EncryptionState) -> bool {
    let lost = |name: &[u8]| !name.is_empty() && name != IDENTITY && !state.crypt_filters().contains_key(name);
    state.version() >= 4 && (lost(state.default_stream_filter()) || lost(state.default_string_filter()))
}

/// Loads `bytes` with its encryption hidden from lopdf and, for [`Verdict::MisDecrypted`],
/// decrypts it here with the empty user password. `prepare` runs on the freshly loaded,
/// still encrypted document (stream data recovery must see the raw bytes' layout first).
pub(crate) fn reload(
    bytes: &[u8],
    verdict: &Verdict,
    limits: &Limits,
    prepare: impl FnOnce(&mut Document),
) -> Result<Document, ExtractError> {
    let hidden = hide_encryption(bytes).ok_or(ExtractError::Encrypted)?;
    let options = LoadOptions::with_max_decompressed_size(limits.max_stream_bytes);
    let mut doc = Document::load_mem_with_options(&hidden, options).map_err(|_| ExtractError::Encrypted)?;
    prepare(&mut doc);
    let hidden_key = HIDDEN_ENCRYPT_KEY.get(1..).unwrap_or_default();
    let encrypt_id =
        doc.trailer.remove(hidden_key).and_then(|r| r.as_reference().ok()).ok_or(ExtractError::Encrypted)?;
    if matches!(verdict, Verdict::MisDecrypted) {
        decrypt(&mut doc, encrypt_id, limits)?;
    }
    Ok(doc)
}

/// A copy of `bytes` in which every `/Encrypt N G R` reads `/Xncrypt N G R`; `None` if there
/// is none (the encryption dictionary is direct, which we do not handle).
fn hide_encryption(bytes: &[u8]) -> Option<Vec<u8>> {
    let pattern = ENCRYPT_REFERENCE.as_ref()?;
    let mut hidden = bytes.to_vec();
    let mut found = false;
    for m in pattern.find_iter(bytes) {
        hidden.get_mut(m.start()..m.start() + ENCRYPT_KEY.len())?.copy_from_slice(HIDDEN_ENCRYPT_KEY);
        found = true;
    }
    found.then_some(hidden)
}

/// Decrypts every object of `doc` (loaded without decryption) with the empty user password,
/// after making the crypt filters of the encryption dictionary `encrypt_id` direct.
fn decrypt(doc: &mut Document, encrypt_id: ObjectId, limits: &Limits) -> Result<(), ExtractError> {
    inline_crypt_filters(doc, encrypt_id);
    doc.trailer.set("Encrypt", Object::Reference(encrypt_id));
    doc.authenticate_password("").map_err(|_| ExtractError::Encrypted)?;
    let state = EncryptionState::decode(&*doc, "").map_err(|_| ExtractError::Encrypted)?;
    for (&id, object) in doc.objects.iter_mut() {
        if id != encrypt_id {
            // A damaged object stays as far as it decrypted, as lopdf's own loader keeps it.
            let _ = decrypt_object(&state, id, object);
        }
    }
    add_object_stream_members(doc, limits);
    doc.trailer.remove(b"Encrypt");
    doc.encryption_state = Some(state);
    Ok(())
}

/// Replaces a reference in `/CF`, and in each of its filters, by the dictionary it points to.
fn inline_crypt_filters(doc: &mut Document, encrypt_id: ObjectId) {
    let Ok(encrypt) = doc.get_dictionary(encrypt_id) else { return };
    let Ok(filters) = encrypt.get_deref(b"CF", doc).and_then(Object::as_dict) else { return };
    let mut direct = Dictionary::new();
    for (name, filter) in filters.iter() {
        if let Ok((_, Object::Dictionary(filter))) = doc.dereference(filter) {
            direct.set(name.clone(), Object::Dictionary(filter.clone()));
        }
    }
    if let Ok(encrypt) = doc.get_object_mut(encrypt_id).and_then(Object::as_dict_mut) {
        encrypt.set("CF", Object::Dictionary(direct));
    }
}

/// Adds the objects of object streams, now that these are decrypted (lopdf could not read
/// them while loading). Objects already present are kept.
fn add_object_stream_members(doc: &mut Document, limits: &Limits) {
    let mut members = Vec::new();
    for object in doc.objects.values() {
        let Ok(stream) = object.as_stream() else { continue };
        if stream.dict.has_type(b"ObjStm") {
            if let Ok(parsed) = ObjectStream::new_with_limit(stream, Some(limits.max_stream_bytes)) {
                members.extend(parsed.objects);
            }
        }
        if members.len() > limits.max_objects {
            break; // the object limit fails the file right after
        }
    }
    for (id, object) in members {
        doc.objects.entry(id).or_insert(object);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encryption_references_are_hidden_in_place() {
        let bytes = b"trailer << /Root 1 0 R /Encrypt 12 0 R >>\n<< /Type /XRef /Encrypt\n5 0 R >>";
        let hidden = hide_encryption(bytes).unwrap_or_default();
        assert_eq!(hidden.len(), bytes.len());
        assert_eq!(hidden, b"trailer << /Root 1 0 R /Xncrypt 12 0 R >>\n<< /Type /XRef /Xncrypt\n5 0 R >>");
        // `/EncryptMetadata false` and a direct dictionary are not references.
        assert_eq!(hide_encryption(b"/EncryptMetadata false /Encrypt << /V 4 >>"), None);
    }

    #[test]
    fn identity_stream_and_string_filters_leave_content_unencrypted() {
        let mut encrypt = Dictionary::new();
        encrypt.set("V", 5);
        encrypt.set("StmF", Object::Name(b"Identity".to_vec()));
        encrypt.set("StrF", Object::Name(b"Identity".to_vec()));
        encrypt.set("EFF", Object::Name(b"StdCF".to_vec()));
        assert!(content_unencrypted(&encrypt));
        encrypt.set("StrF", Object::Name(b"StdCF".to_vec()));
        assert!(!content_unencrypted(&encrypt));
        // Before V4 there are no crypt filters: everything is encrypted.
        let mut old = Dictionary::new();
        old.set("V", 2);
        assert!(!content_unencrypted(&old));
    }
}
