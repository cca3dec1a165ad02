#!/usr/bin/env python3
"""Writes the crafted variants in this folder (run from here; deterministic).

Object-stream bombs: the payload of ../fuzz-regressions/objstm-repeated-offsets.pdf (2,000
objects whose offsets all point at one 2 MB body) behind filters and dictionary spellings that a
byte-pattern check misses. Glyph floods: many small strings instead of one big one.
"""
import binascii
import zlib

BOMB = open("objstm_hexname.pdf", "rb").read()
start = BOMB.index(b"stream", BOMB.index(b"6 0 obj")) + 7
PAYLOAD = zlib.decompressobj().decompress(BOMB[start:BOMB.index(b"endstream", start)])


def pdf(objects, trailer_extra=b""):
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, trailer_extra, xref)
    return bytes(out)


def stream(dictionary, data):
    return b"<< /Length %d %s >>\nstream\n" % (len(data), dictionary) + data + b"\nendstream"


PAGE = [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
    stream(b"", b"BT /F1 24 Tf 72 700 Td (Bomb page) Tj ET"),
    b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
]


def objstm(dictionary, data):
    return pdf(PAGE + [stream(b"/Type /ObjStm /N 2000 /First 14000 " + dictionary, data)])


flate = zlib.compress(PAYLOAD, 9)
variants = {
    "objstm_double_flate.pdf": objstm(b"/Filter [/FlateDecode /FlateDecode]", zlib.compress(flate, 9)),
    "objstm_hex_flate.pdf": objstm(b"/Filter [/ASCIIHexDecode /FlateDecode]", binascii.hexlify(flate) + b">"),
    "objstm_decodeparms.pdf": objstm(b"/Filter /FlateDecode /DecodeParms << /Predictor 1 /Columns 1 >>", flate),
    "objstm_padding.pdf": pdf(PAGE + [
        b"<< /Length %d /Type\r\n   \t %% padding\n  /ObjStm /N 2000 /First 14000 /Filter /FlateDecode >>\nstream\n" % len(flate)
        + flate + b"\nendstream"]),
}

# 6,000 strings of 10,000 glyphs: 60 million glyphs in a 60 KB file.
many = b"BT /F1 1 Tf " + b"(" + b"x" * 10_000 + b") Tj " * 1 + b"".join([b"(" + b"x" * 10_000 + b") Tj "] * 5_999) + b"ET"
variants["glyphs_many_tj.pdf"] = pdf(PAGE[:3] + [stream(b"/Filter /FlateDecode", zlib.compress(many, 9))] + PAGE[4:])

# A /Length no integer type holds: the data up to `endstream` is the stream.
content = b"BT /F1 24 Tf 72 700 Td (Length page) Tj ET"
variants["length_u64max.pdf"] = pdf(PAGE[:3] + [
    b"<< /Length 18446744073709551615 >>\nstream\n" + content + b"\nendstream"] + PAGE[4:])

# A page tree that lists one page three times: three pages, as readers show it.
variants["page_tree_repeats.pdf"] = pdf(
    [PAGE[0], b"<< /Type /Pages /Kids [3 0 R 3 0 R 3 0 R] /Count 3 >>"] + PAGE[2:])

for name, data in variants.items():
    open(name, "wb").write(data)
    print(name, len(data))
