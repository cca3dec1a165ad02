#!/usr/bin/env python3
"""Compiles Adobe's predefined CMaps into the blob kommunsk embeds.

Reads the Adobe CMap resources shipped by poppler-data (BSD-3-Clause, Adobe) and writes
crates/extract/src/fonts/predefined/cmaps.bin: the encoding CMaps (code -> CID) of the Adobe CJK
character collections and, per collection, CID -> Unicode. See README.md next to this file
for the format and how to regenerate.

Usage: gen_predefined_cmaps.py [CMAP_DIR] [OUT_FILE]
"""

import os
import re
import sys
import zlib

DEFAULT_CMAP_DIR = "/usr/share/poppler/cMap"
DEFAULT_OUT = os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "..", "src", "extract", "fonts", "predefined", "cmaps.bin"
)

MAGIC = b"KCMAP"
# Code forms: how a CMap's codes become lookup keys (RAW: the code; the others: its Unicode
# code point, kept under CODE_POINT_LEN).
RAW, UTF16, UTF8, UTF32 = 0, 1, 2, 3
CODE_POINT_LEN = 4
UNICODE_FAMILIES = ["JIS", "GB", "CNS", "KS", "AKR", "Hojo"]
VERSION = 1

# Collection directory -> ordering name, in the order the blob lists them (Rust indexes by it).
COLLECTIONS = [("Adobe-Japan1", "Japan1"), ("Adobe-GB1", "GB1"), ("Adobe-CNS1", "CNS1"),
               ("Adobe-Korea1", "Korea1"), ("Adobe-KR", "KR"), ("Adobe-Japan2", "Japan2")]

# Unicode CMaps inverted (in this order) for CIDs that Adobe-<Ordering>-UCS2 leaves out.
UNICODE_CMAP_PREFIX = {"Japan1": "Adobe-Japan1/UniJIS-UTF32", "GB1": "Adobe-GB1/UniGB-UTF32",
                       "CNS1": "Adobe-CNS1/UniCNS-UTF32", "Korea1": "Adobe-Korea1/UniKS-UTF32",
                       "KR": "Adobe-KR/UniAKR-UTF32", "Japan2": "Adobe-Japan1/UniHojo-UTF32"}

TOKEN = re.compile(rb"<([0-9A-Fa-f]*)>|/([^\s/<>\[\]()]+)|(-?\d+)|([A-Za-z]+)|(\[)|(\])|\(([^()]*)\)")


def tokens(data):
    """(kind, value) tokens of a CMap program, comments dropped."""
    data = re.sub(rb"%[^\n]*", b"", data)
    for m in TOKEN.finditer(data):
        if m.group(1) is not None:
            yield ("hex", bytes.fromhex(m.group(1).decode()))
        elif m.group(2) is not None:
            yield ("name", m.group(2).decode())
        elif m.group(3) is not None:
            yield ("int", int(m.group(3)))
        elif m.group(4) is not None:
            yield ("word", m.group(4).decode())
        elif m.group(5) is not None:
            yield ("[", None)
        elif m.group(7) is not None:
            yield ("str", m.group(7).decode())
        else:
            yield ("]", None)


def code(b):
    return int.from_bytes(b, "big")


def parse(path, read_bf=False):
    """A CMap file as a dict: name, wmode, usecmap, codespace, cids and, with `read_bf`,
    bf (code -> text; only CID -> UTF-16 maps are read that way)."""
    toks = list(tokens(open(path, "rb").read()))
    cm = {"name": None, "wmode": 0, "usecmap": None, "codespace": [], "cids": [], "bf": {}, "type": None,
          "has_bf": False, "ordering": None}
    i = 0
    section = None
    while i < len(toks):
        kind, val = toks[i]
        if kind == "word" and val.startswith("begin") and val != "begincmap" and val != "begin":
            section = val[5:]
            cm["has_bf"] |= section in ("bfchar", "bfrange")
            i += 1
            continue
        if kind == "word" and section and val == "end" + section:
            section = None
            i += 1
            continue
        if section == "codespacerange":
            lo, hi = toks[i][1], toks[i + 1][1]
            cm["codespace"].append((lo, hi))
            i += 2
        elif section == "cidrange":
            lo, hi, cid = toks[i][1], toks[i + 1][1], toks[i + 2][1]
            assert len(lo) == len(hi)
            cm["cids"].append((len(lo), code(lo), code(hi), cid))
            i += 3
        elif section == "cidchar":
            src, cid = toks[i][1], toks[i + 1][1]
            cm["cids"].append((len(src), code(src), code(src), cid))
            i += 2
        elif section in ("bfchar", "bfrange") and not read_bf:
            i += 1
        elif section == "bfchar":
            src, dst = toks[i][1], toks[i + 1][1]
            cm["bf"][code(src)] = dst.decode("utf-16-be")
            i += 2
        elif section == "bfrange":
            lo, hi = code(toks[i][1]), code(toks[i + 1][1])
            if toks[i + 2][0] == "[":
                j = i + 3
                c = lo
                while toks[j][0] != "]":
                    cm["bf"][c] = toks[j][1].decode("utf-16-be")
                    c += 1
                    j += 1
                i = j + 1
            else:
                dst = toks[i + 2][1].decode("utf-16-be")
                for c in range(lo, hi + 1):
                    cm["bf"][c] = dst[:-1] + chr(ord(dst[-1]) + c - lo)
                i += 3
        elif section is not None:
            i += 1  # notdef sections: not kept
        else:
            if kind == "word" and val == "usecmap" and i > 0 and toks[i - 1][0] == "name":
                cm["usecmap"] = toks[i - 1][1]
            if kind == "name" and i + 1 < len(toks):
                nxt = toks[i + 1]
                if val == "CMapName" and nxt[0] == "name":
                    cm["name"] = nxt[1]
                elif val == "WMode" and nxt[0] == "int":
                    cm["wmode"] = nxt[1]
                elif val == "Ordering" and nxt[0] == "str":
                    cm["ordering"] = nxt[1]
                elif val == "CMapType" and nxt[0] == "int":
                    cm["type"] = nxt[1]
            i += 1
    return cm


def varint(n):
    assert n >= 0
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def zigzag(n):
    return varint(n * 2 if n >= 0 else -n * 2 - 1)


def string(s):
    b = s.encode()
    return varint(len(b)) + b


def is_encoding_cmap(name, cm):
    """Code -> CID CMaps a PDF may name in /Encoding (not the vendor CID/Host/Mac tables)."""
    if cm["type"] != 1 or cm["has_bf"] or not (cm["cids"] or cm["usecmap"]):
        return False
    if name.startswith("Adobe-"):
        return re.fullmatch(r"Adobe-[A-Za-z0-9]+-\d+", name) is not None
    return True


def unicode_form(name):
    """The code form of a Unicode CMap (its codes are Unicode text), or RAW."""
    m = re.fullmatch(r"Uni[A-Za-z0-9]+-(UCS2|UTF16|UTF8|UTF32)(-HW)?-[HV]", name)
    return {None: RAW, "UCS2": UTF16, "UTF16": UTF16, "UTF8": UTF8, "UTF32": UTF32}[m and m.group(1)]


def family_root(name):
    """The UTF-32 CMap a Unicode CMap is stored as a difference from (itself for a root)."""
    for family in UNICODE_FAMILIES:
        if name.startswith("Uni" + family):
            return f"Uni{family}-UTF32-H"
    raise ValueError(name)


def code_point_entries(cm, form):
    """A Unicode CMap's mappings as {code point: CID}; RAW CMaps as {(len, code): CID}."""
    out = {}
    for n, lo, hi, cid in cm["cids"]:
        for c in range(lo, hi + 1):
            if form == RAW:
                out[(n, c)] = cid + c - lo
                continue
            raw = c.to_bytes(n, "big")
            try:
                text = raw.decode({UTF16: "utf-16-be", UTF8: "utf-8", UTF32: "utf-32-be"}[form])
            except UnicodeDecodeError:
                continue  # lone surrogates and overlong forms: no real text has them
            if len(text) == 1:
                out[(CODE_POINT_LEN, ord(text))] = cid + c - lo
    return out


def ranges_of(entries):
    """{(len, code): CID} as sorted (len, lo, hi, first CID) runs."""
    out = []
    for (n, c), cid in sorted(entries.items()):
        last = out[-1] if out else None
        if last and last[0] == n and c == last[2] + 1 and cid == last[3] + (c - last[1]):
            last[2] = c
        else:
            out.append([n, c, c, cid])
    return out


def stored_cmaps(cmaps):
    """name -> (flags, parent, codespace, {(len, code): CID}) as the blob stores them: Unicode
    CMaps in code-point space, each family's non-root members as differences from its root."""
    resolved = {}

    def full(name):
        if name not in resolved:
            cm = cmaps[name]
            entries = dict(full(cm["usecmap"])) if cm["usecmap"] else {}
            entries.update(code_point_entries(cm, unicode_form(name)))
            resolved[name] = entries
        return resolved[name]

    out = {}
    for name, cm in cmaps.items():
        form = unicode_form(name)
        own = code_point_entries(cm, form)
        parent = cm["usecmap"]
        if form != RAW and parent is None and family_root(name) != name:
            # Codes the root maps differently are kept; codes only the root maps are not
            # removed (the family member then maps a few more code points than Adobe's file).
            parent = family_root(name)
            base = full(parent)
            own = {k: v for k, v in own.items() if base.get(k) != v}
        if parent is not None:
            assert (unicode_form(parent) == RAW) == (form == RAW), (name, parent)
        flags = (1 if cm["wmode"] == 1 else 0) | form << 1
        out[name] = (flags, parent, cm["codespace"], own, cm["ordering"])
    return out


def encode_cmap(name, stored, names, orderings):
    flags, parent, codespace, entries, ordering = stored
    body = bytearray([flags])
    body += varint(orderings.index(ordering) + 1 if ordering in orderings else 0)
    body += varint(names.index(parent) + 1 if parent else 0)
    body += varint(len(codespace))
    for lo, hi in codespace:
        body += bytes([len(lo)]) + lo + hi
    groups = {}
    for n, lo, hi, cid in ranges_of(entries):
        groups.setdefault(n, []).append((lo, hi, cid))
    body += varint(len(groups))
    for n in sorted(groups):
        body += bytes([n]) + varint(len(groups[n]))
        next_code, next_cid = 0, 0
        for lo, hi, cid in groups[n]:
            body += varint(lo - next_code) + varint(hi - lo) + zigzag(cid - next_cid)
            next_code, next_cid = hi + 1, cid + hi - lo + 1
    return string(name) + varint(len(body)) + body


def cid_to_text(cmap_dir, directory, ordering):
    """CID -> text: Adobe-<Ordering>-UCS2 first (Adobe's own choice where several code points
    share a glyph), then the inverted Unicode CMaps for the CIDs it leaves out."""
    table = {}
    ucs2_path = os.path.join(cmap_dir, directory, f"Adobe-{ordering}-UCS2")
    if os.path.exists(ucs2_path):
        ucs2 = parse(ucs2_path, read_bf=True)
        table = {cid: text for cid, text in ucs2["bf"].items() if cid != 0 and text != "\ufffd"}
    prefix = os.path.join(cmap_dir, UNICODE_CMAP_PREFIX[ordering])
    for suffix in ("-H", "-V"):
        path = prefix + suffix
        if not os.path.exists(path):
            continue  # Adobe-KR has no vertical Unicode CMap
        inverse = {}
        for _, lo, hi, cid in parse(path)["cids"]:
            for cp in range(lo, hi + 1):
                c = cid + cp - lo
                # Several code points may share a CID (compatibility ideographs): keep the lowest.
                if c != 0 and (c not in inverse or cp < inverse[c]):
                    inverse[c] = cp
        for c, cp in inverse.items():
            table.setdefault(c, chr(cp))
    return table


def encode_collection(ordering, table):
    singles = sorted((cid, ord(t)) for cid, t in table.items() if len(t) == 1)
    multis = sorted((cid, t) for cid, t in table.items() if len(t) > 1)
    runs = []
    for cid, cp in singles:
        if runs and cid == runs[-1][1] + 1 and cp == runs[-1][2] + (cid - runs[-1][0]):
            runs[-1][1] = cid
        else:
            runs.append([cid, cid, cp])
    body = bytearray(varint(len(runs)))
    next_cid, next_cp = 0, 0
    for lo, hi, cp in runs:
        body += varint(lo - next_cid) + varint(hi - lo) + zigzag(cp - next_cp)
        next_cid, next_cp = hi + 1, cp + hi - lo + 1
    body += varint(len(multis))
    next_cid = 0
    for cid, text in multis:
        body += varint(cid - next_cid) + varint(len(text))
        for ch in text:
            body += varint(ord(ch))
        next_cid = cid + 1
    return string(ordering) + varint(len(body)) + body, len(runs), len(multis)


def main():
    cmap_dir = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_CMAP_DIR
    out_path = sys.argv[2] if len(sys.argv) > 2 else DEFAULT_OUT
    raw = bytearray(MAGIC + bytes([VERSION]))

    raw += varint(len(COLLECTIONS))
    for directory, ordering in COLLECTIONS:
        record, runs, multis = encode_collection(ordering, cid_to_text(cmap_dir, directory, ordering))
        print(f"{ordering}: {runs} runs, {multis} multi-character CIDs, {len(record)} bytes", file=sys.stderr)
        raw += record

    cmaps = {}
    for directory, _ in COLLECTIONS:
        folder = os.path.join(cmap_dir, directory)
        for name in sorted(os.listdir(folder)):
            cm = parse(os.path.join(folder, name))
            if is_encoding_cmap(name, cm):
                assert cm["name"] == name, (name, cm["name"])
                cmaps[name] = cm
    # Drop CMaps that extend one left out (code -> Unicode maps), until none does.
    while True:
        kept = {n: cm for n, cm in cmaps.items() if cm["usecmap"] is None or cm["usecmap"] in cmaps}
        if len(kept) == len(cmaps):
            break
        cmaps = kept
    stored = stored_cmaps(cmaps)
    names = sorted(stored)
    orderings = [ordering for _, ordering in COLLECTIONS]
    raw += varint(len(names))
    for name in names:
        raw += encode_cmap(name, stored[name], names, orderings)

    packed = zlib.compress(bytes(raw), 9)
    os.makedirs(os.path.dirname(out_path), exist_ok=True)
    with open(out_path, "wb") as f:
        f.write(packed)
    print(f"{len(cmaps)} CMaps; {len(raw)} bytes raw, {len(packed)} bytes deflated -> {out_path}", file=sys.stderr)


if __name__ == "__main__":
    main()
