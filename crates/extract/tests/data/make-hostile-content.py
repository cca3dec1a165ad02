#!/usr/bin/env python3
"""Writes hostile-content.pdf: content-stream syntax that strict parsers give up on, and
annotation appearances.

Page 1 (one line per case, in this order):
  * a bare `-` between strings in a TJ array (pdf.js bug 1953099) — read as 0;
  * operators inside a TJ array (pdf.js operator-in-TJ-array.pdf) — items, not operators;
  * numbers written `.5`, `-.5`, `5.`, `--5`;
  * a literal string with escapes and nested parentheses, and a hex string with odd digits;
  * an inline image whose binary data holds "EI" (only the image's size tells its end);
  * an inline image with a filter whose data holds "EI" followed by binary bytes;
  * marked content with an inline /ActualText dictionary;
  * stray `)`, `}`, `>` and `]` before the last line.
Page 2: a FreeText annotation and a filled-in text field (both with appearance streams), a
hidden text field and a Link annotation; only the first two are visible text.

Run from this folder: python3 make-hostile-content.py
"""

PAGE1 = rb"""BT /F1 12 Tf 72 740 Td [(Tal)-(let)] TJ ET
BT /F1 12 Tf 72 720 Td [(Grandes) 0.0 Tc -250 (Client\350les,) 0.0 Tc -250 (Financements)] TJ ET
BT /F1 12 Tf 72 700 Td .5 Tc -.5 Tc 5. Tw --5 Ts 0 Tc 0 Tw 0 Ts (Tal: 5 og .5) Tj ET
BT /F1 12 Tf 72 680 Td (\(parentes \(indlejret\)\) og \\ skr\345streg ) Tj <48656A2> Tj ET
q 40 0 0 10 72 650 cm BI /W 4 /H 1 /CS /G /BPC 8 ID EI \nEI Q
BT /F1 12 Tf 72 660 Td (efter billedet) Tj ET
q 40 0 0 10 72 630 cm BI /W 9 /H 9 /CS /RGB /BPC 8 /F /Fl ID x\x9c EI \x80\x81\x82\x00\xff \x01
EI Q
BT /F1 12 Tf 72 640 Td (efter det pakkede billede) Tj ET
/Span <</ActualText <FEFF0032003000320036>>> BDC BT /F1 12 Tf 72 620 Td (tyve-seksogtyve) Tj ET EMC
) } > ] BT /F1 12 Tf 72 600 Td (sidste linje) Tj ET
"""

FREETEXT_AP = b"BT /F1 10 Tf 2 4 Td (Bem\346rkning: bel\370b i 1.000 kr.) Tj ET"
FIELD_AP = b"/Tx BMC q BT /F1 10 Tf 2 4 Td (12.500) Tj ET Q EMC"
HIDDEN_AP = b"BT /F1 10 Tf 2 4 Td (skjult felt) Tj ET"


def stream(dictionary: bytes, data: bytes) -> bytes:
    return b"<<" + dictionary + b" /Length %d>>\nstream\n" % len(data) + data + b"\nendstream"


FONT_RES = b"/Resources <</Font <</F1 5 0 R>>>>"
objects = {
    1: b"<</Type /Catalog /Pages 2 0 R>>",
    2: b"<</Type /Pages /Kids [3 0 R 6 0 R] /Count 2>>",
    3: b"<</Type /Page /Parent 2 0 R /MediaBox [0 0 400 800] " + FONT_RES + b" /Contents 4 0 R>>",
    4: stream(b"", PAGE1),
    5: b"<</Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding>>",
    6: b"<</Type /Page /Parent 2 0 R /MediaBox [0 0 400 800] " + FONT_RES
    + b" /Contents 7 0 R /Annots [8 0 R 10 0 R 12 0 R 14 0 R]>>",
    7: stream(b"", b"BT /F1 12 Tf 72 740 Td (Side med felter) Tj ET"),
    8: b"<</Type /Annot /Subtype /FreeText /Rect [72 700 322 718] /DA (/F1 10 Tf) /AP <</N 9 0 R>>>>",
    9: stream(b"/Type /XObject /Subtype /Form /BBox [0 0 250 18] " + FONT_RES, FREETEXT_AP),
    10: b"<</Type /Annot /Subtype /Widget /FT /Tx /T (beloeb) /V (12.500) /Rect [72 660 172 678] /AP <</N 11 0 R>>>>",
    11: stream(b"/Type /XObject /Subtype /Form /BBox [0 0 100 18] " + FONT_RES, FIELD_AP),
    12: b"<</Type /Annot /Subtype /Widget /FT /Tx /F 2 /Rect [72 620 172 638] /AP <</N 13 0 R>>>>",
    13: stream(b"/Type /XObject /Subtype /Form /BBox [0 0 100 18] " + FONT_RES, HIDDEN_AP),
    14: b"<</Type /Annot /Subtype /Link /Rect [72 580 172 598] /A <</S /URI /URI (https://kk.dk)>>>>",
}

out = bytearray(b"%PDF-1.7\n%\xe6\xf8\xe5\n")
offsets = {}
for number in sorted(objects):
    offsets[number] = len(out)
    out += b"%d 0 obj\n" % number + objects[number] + b"\nendobj\n"
xref = len(out)
out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
for number in sorted(objects):
    out += b"%010d 00000 n \n" % offsets[number]
out += b"trailer\n<</Size %d /Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
with open("hostile-content.pdf", "wb") as f:
    f.write(out)
