//! Builds the small, valid PDFs the content-stream and CMap fuzz targets wrap their input in:
//! one page using a simple font (`/F1`, Helvetica), a composite font (`/F2`, Identity-H with a
//! ToUnicode CMap) and a Form XObject (`/X1`) that draws text and then itself, so fuzzed
//! operators reach text, fonts, forms and the XObject-cycle guard.

/// A ToUnicode CMap mapping CIDs 1–3 to "A", "B" and "Æ", for when the CMap is not fuzzed.
pub const DEFAULT_TOUNICODE: &[u8] = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n\
/CMapName /Fuzz def 1 begincodespacerange <0000> <FFFF> endcodespacerange\n\
2 beginbfchar <0001> <0041> <0002> <0042> endbfchar\n\
1 beginbfrange <0003> <0003> <00C6> endbfrange\n\
endcmap CMapName currentdict /CMap defineresource pop end end\n";

/// A PDF whose only page runs `content` with `tounicode` as `/F2`'s ToUnicode CMap.
pub fn pdf_with_page(content: &[u8], tounicode: &[u8]) -> Vec<u8> {
    let form = b"BT /F1 10 Tf 1 0 0 1 50 50 Tm (Form) Tj ET /X1 Do";
    let objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R /F2 6 0 R >> /XObject << /X1 8 0 R >> >> /Contents 4 0 R >>".to_vec(),
        stream(b"", content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_vec(),
        b"<< /Type /Font /Subtype /Type0 /BaseFont /Fuzz /Encoding /Identity-H /DescendantFonts [7 0 R] /ToUnicode 9 0 R >>".to_vec(),
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Fuzz /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 600 /W [1 [500 500 700]] >>".to_vec(),
        stream(b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> /XObject << /X1 8 0 R >> >>", form),
        stream(b"", tounicode),
    ];
    let mut pdf = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets = Vec::with_capacity(objects.len());
    for (i, body) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        pdf.extend_from_slice(body);
        pdf.extend_from_slice(b"\nendobj\n");
    }
    let xref = pdf.len();
    pdf.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for offset in offsets {
        pdf.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(
        format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1).as_bytes(),
    );
    pdf
}

/// An uncompressed stream object with `extra` dictionary entries.
fn stream(extra: &[u8], data: &[u8]) -> Vec<u8> {
    let mut out = format!("<< /Length {} ", data.len()).into_bytes();
    out.extend_from_slice(extra);
    out.extend_from_slice(b" >>\nstream\n");
    out.extend_from_slice(data);
    out.extend_from_slice(b"\nendstream");
    out
}
