//! Small hand-made PDFs for tests, with exact cross-reference tables. Shared by this crate's
//! tests and kommunsk's (`tests/common/mod.rs` includes this file by path).

/// A PDF whose objects 1, 2, … are `bodies` (dictionaries, streams written out with their
/// `stream … endstream`), object 1 the catalog, with an exact cross-reference table.
pub fn pdf_from_objects<S: AsRef<str>>(bodies: &[S]) -> Vec<u8> {
    let mut pdf = String::from("%PDF-1.7\n");
    let mut offsets = Vec::new();
    for (i, body) in bodies.iter().enumerate() {
        offsets.push(pdf.len());
        pdf += &format!("{} 0 obj\n{}\nendobj\n", i + 1, body.as_ref());
    }
    let xref = pdf.len();
    pdf += &format!("xref\n0 {}\n0000000000 65535 f \n", bodies.len() + 1);
    for offset in offsets {
        pdf += &format!("{offset:010} 00000 n \n");
    }
    pdf += &format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", bodies.len() + 1);
    pdf.into_bytes()
}
