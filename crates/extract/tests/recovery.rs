//! Files that once read as empty or unreadable although their text is there: form fields and
//! text boxes without appearance streams, documents made only of page furniture, a content
//! stream without `/Length`, and encryption lopdf 0.47 gets wrong. Each gives its exact text;
//! files that need a real password still say so.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use kommunsk_extract::{extract_bytes, extract_path, ExtractError, ExtractedPdf, Limits};
use lopdf::encryption::crypt_filters::{Aes256CryptFilter, CryptFilter};
use lopdf::{dictionary, Document, EncryptionState, EncryptionVersion, Object, Permissions, Stream};

use crate::util;

fn pdfjs(name: &str) -> PathBuf {
    util::shared().join("corpora/pdfjs").join(name)
}

fn extract(path: &std::path::Path) -> ExtractedPdf {
    match extract_path(path, &Limits::default()) {
        Ok(pdf) => pdf,
        Err(e) => panic!("{}: {e}", path.display()),
    }
}

/// The body text of a pdf.js corpus file, pages joined by form feeds.
fn body(name: &str) -> String {
    extract(&pdfjs(name)).body_text()
}

#[test]
fn text_field_without_appearance_shows_its_value() {
    // /FT /Tx, /V (tx annotation), no /AP, /NeedAppearances true.
    assert_eq!(body("annotation-tx.pdf"), "tx annotation");
}

#[test]
fn comb_fields_without_appearances_show_their_values() {
    // Two text fields, "8" and the comb field "8888", one above the other.
    assert_eq!(body("bug2055455.pdf"), "8\n8888");
}

#[test]
fn text_box_without_appearance_shows_its_contents() {
    // A /FreeText annotation whose /Contents is UTF-16: poppler loses the Polish letters.
    assert_eq!(body("bug1865341.pdf"), "Załącznik");
}

#[test]
fn pages_holding_only_page_numbers_keep_them_as_body() {
    let pdf = extract(&pdfjs("issue15367.pdf"));
    assert_eq!(pdf.body_text(), "Page 1\u{c}Page 2\u{c}Page 3");
    assert!(pdf.pages.iter().all(|p| p.furniture.is_empty()));
    assert_eq!(body("issue18408_reduced.pdf"), "Page 1\u{c}Page 2");
}

#[test]
fn content_stream_without_length_with_operators_inside_its_tj_array() {
    assert_eq!(body("operator-in-TJ-array.pdf"), "Grandes Clientèles, Financements et Marchés");
}

#[test]
fn indirect_crypt_filter_dictionary_is_followed() {
    // AES-256 (R6), empty user password, `/CF 7 0 R` holding `/StdCF 8 0 R`.
    let pdf = extract(&pdfjs("issue7665.pdf"));
    assert!(pdf.was_encrypted);
    assert_eq!(pdf.body_text(), "Issue 7665");
}

#[test]
fn file_whose_only_encrypted_data_is_an_attachment_is_read() {
    // /StmF and /StrF are Identity; the password ("000000") guards the embedded file only.
    let pdf = extract(&pdfjs("encrypted-attachment.pdf"));
    assert!(pdf.was_encrypted);
    assert_eq!(pdf.body_text(), "Example");
}

#[test]
fn pypdf_password_sample_still_needs_its_password() {
    let path =
        util::shared().join("corpora/pypdf-samples/005-libreoffice-writer-password/libreoffice-writer-password.pdf");
    let err = extract_path(&path, &Limits::default()).err();
    assert_eq!(err.map(|e| e.to_string()).as_deref(), Some("password-protected (a user password is required)"));
}

/// A one-page PDF showing `text`, encrypted by lopdf with AES-256 (revision 6) and
/// `user_password`, its crypt filters moved into objects of their own when `indirect_filters`.
fn aes256_pdf(text: &str, user_password: &str, indirect_filters: bool) -> Vec<u8> {
    let mut doc = Document::with_version("1.7");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica", "Encoding" => "WinAnsiEncoding",
    });
    let content = format!("BT /F1 12 Tf 72 700 Td ({text}) Tj ET");
    let content_id = doc.add_object(Stream::new(dictionary! {}, content.into_bytes()));
    let page_id = doc.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => pages_id,
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        "Contents" => content_id,
        "Resources" => dictionary! { "Font" => dictionary! { "F1" => font_id } },
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => vec![page_id.into()], "Count" => 1 }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);

    let aes256: Arc<dyn CryptFilter> = Arc::new(Aes256CryptFilter);
    let key = [0x5a_u8; 32];
    let version = EncryptionVersion::V5 {
        encrypt_metadata: true,
        crypt_filters: BTreeMap::from([(b"StdCF".to_vec(), aes256)]),
        file_encryption_key: &key,
        stream_filter: b"StdCF".to_vec(),
        string_filter: b"StdCF".to_vec(),
        owner_password: "ejer",
        user_password,
        permissions: Permissions::all(),
    };
    let state = EncryptionState::try_from(version).unwrap_or_else(|e| panic!("state: {e}"));
    doc.encrypt(&state).unwrap_or_else(|e| panic!("encrypt: {e}"));
    if indirect_filters {
        let encrypt_id = doc.trailer.get(b"Encrypt").and_then(Object::as_reference).unwrap_or_else(|e| panic!("{e}"));
        let mut filters = doc
            .get_dictionary(encrypt_id)
            .and_then(|d| d.get(b"CF"))
            .and_then(Object::as_dict)
            .cloned()
            .unwrap_or_default();
        let std_cf = filters.get(b"StdCF").cloned().unwrap_or(Object::Null);
        let std_cf_id = doc.add_object(std_cf);
        filters.set("StdCF", std_cf_id);
        let filters_id = doc.add_object(filters);
        if let Ok(encrypt) = doc.get_object_mut(encrypt_id).and_then(Object::as_dict_mut) {
            encrypt.set("CF", filters_id);
        }
    }
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap_or_else(|e| panic!("save: {e}"));
    bytes
}

#[test]
fn aes256_with_empty_user_password_is_read_with_direct_or_indirect_filters() {
    for indirect in [false, true] {
        let pdf = extract_bytes(&aes256_pdf("Budget 2026", "", indirect), &Limits::default())
            .unwrap_or_else(|e| panic!("indirect filters {indirect}: {e}"));
        assert!(pdf.was_encrypted);
        assert_eq!(pdf.body_text(), "Budget 2026", "indirect filters {indirect}");
    }
}

#[test]
fn aes256_with_a_user_password_is_password_protected() {
    for indirect in [false, true] {
        let err = extract_bytes(&aes256_pdf("Hemmeligt", "kode", indirect), &Limits::default()).err();
        assert!(matches!(err, Some(ExtractError::Encrypted)), "indirect filters {indirect}: {err:?}");
    }
}

#[test]
fn lopdf_alone_still_loses_indirect_crypt_filters() {
    // The upstream bug `decrypt` works around: with `/CF` indirect, lopdf 0.47 finds no crypt
    // filters and decrypts AES-256 data with RC4. When this starts failing, lopdf has fixed it.
    let doc = Document::load_mem(&aes256_pdf("Budget 2026", "", true)).unwrap_or_else(|e| panic!("{e}"));
    let state = doc.encryption_state.as_ref().unwrap_or_else(|| panic!("not decrypted"));
    assert!(state.crypt_filters().is_empty());
    let direct = Document::load_mem(&aes256_pdf("Budget 2026", "", false)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(direct.encryption_state.as_ref().map(|s| s.crypt_filters().len()), Some(1));
}
