#!/usr/bin/env python3
"""Generates kommunsk's SYNTHETIC sample corpus and its ground truth.

    python3 tools/corpus/generate.py            # regenerate corpus/ (deterministic)
    python3 tools/corpus/generate.py --check-registry   # compare codes with src/identify/registry.rs

Writes corpus/<year>/*.pdf (rendered by LibreOffice, pdfTeX and Chromium, a few re-distilled by
Ghostscript), corpus/2023/manifest.csv, corpus/2025/noter.txt, corpus/truth.json and
corpus/README.md. Mentions in truth.json are counted on the exact body text each document was
given (running headers/footers excluded) with the semantics of queries/topics.toml.
"""

import argparse
import csv
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import compose
import plan
import prose
import render_fodt
import render_html
import render_tex
import topics as topics_mod
from municipalities import BY_CODE, MUNICIPALITIES, neighbours

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"
TOPICS_FILE = ROOT / "queries" / "topics.toml"
SEED = 20250101
MANIFEST_YEAR = 2023
# Real neighbours for the municipalities whose examples appear in the brief and README.
REAL_NEIGHBOURS = {751: (746, 710), 101: (147, 185), 461: (480, 430), 169: (161, 240)}
MAX_REROLLS = 200  # a document is re-drawn when a mention could merge across a block boundary
CHROMIUM = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--disable-background-networking", "--no-pdf-header-footer"]


# ---------------------------------------------------------------------------------------------
# Checks on the prose pools and on each composed document

def check_pools(topics):
    """Every topic sentence mentions exactly its own topic; filler, traps, headings, names none."""
    ctx = {"K": "Aarhus", "KK": "Aarhus Kommune", "Y": 2025, "Y0": 2024, "Y1": 2026,
           "NB": "Skanderborg og Favrskov Kommuner", "A": "2,5"}
    for tid, pool in prose.TOPIC_SENTENCES.items():
        for s in pool + prose.TOPIC_HEADINGS[tid] + [prose.TABLE_ROWS_TOPIC[tid]]:
            got = {k for k, v in topics_mod.count_all(topics, s.format(**ctx)).items() if v}
            assert got == {tid}, f"{tid}: {s!r} mentions {got}"
    neutral = [s for pool in prose.FILLER.values() for s in pool] + prose.TRAPS + prose.CLOSINGS
    neutral += [h for hs in prose.SECTION_NEUTRAL.values() for h in hs]
    neutral += list(prose.EXTRA_SECTIONS) + [s for pool in prose.EXTRA_SECTIONS.values() for s in pool]
    neutral += prose.TABLE_ROWS_NEUTRAL + prose.CONSTRUCTION_ROWS + prose.FEES + prose.BUILDINGS + prose.FIRST_NAMES + prose.LAST_NAMES
    neutral += [f"{p} ({l})" for p, l in prose.PARTIES] + [m.official for m in MUNICIPALITIES]
    for s in neutral:
        got = {k for k, v in topics_mod.count_all(topics, s.format(**ctx)).items() if v}
        assert not got, f"neutral text {s!r} mentions {got}"


def boundary_safe(doc, topics) -> bool:
    """True when no mention can merge with one in the next text unit: then the total is the
    same however the renderer breaks pages (paragraphs themselves never break)."""
    units = compose.body_units(doc)
    counts = [topics_mod.count_all(topics, u) for u in units]
    for i in range(len(units) - 1):
        pair = topics_mod.count_all(topics, units[i] + " " + units[i + 1])
        for tid, n in pair.items():
            if n != counts[i][tid] + counts[i + 1][tid]:
                return False
    return True


def mentions(doc, topics) -> dict:
    return topics_mod.count_all(topics, " ".join(compose.body_units(doc)))


# ---------------------------------------------------------------------------------------------
# File names

def agreement_filename(m, year, style, rng) -> str:
    if style == "slug":
        return f"{m.slug}-budgetaftale-{year}.pdf"
    if style == "code":
        return f"{m.code}-budgetaftale.pdf"
    if style == "official":
        return f"{m.official_ascii.replace(' ', '_')}_Budgetaftale_{year}.pdf"
    if style == "ascii_space":
        return f"{m.ascii} budget {year}.pdf"
    if style == "utf8":
        return f"Budgetaftale {year} - {m.name}.pdf"
    if style == "utf8_forlig":
        return f"{m.name}_budgetforlig_{year}.pdf"
    if style == "compact":
        return f"budget{year}_{m.slug}_endelig.pdf"
    if style == "neutral":
        return rng.choice([f"budgetaftale-endelig-{year}.pdf", f"Budgetaftale_{year}_underskrevet.pdf",
                           "download.pdf", f"dokument_{rng.randint(1000, 9999)}.pdf",
                           f"aftale-om-budget-{year}-{year + 3}.pdf", "Samlet budgetaftale.pdf"])
    raise ValueError(style)


STYLES = ["slug", "code", "official", "ascii_space", "utf8", "utf8_forlig", "compact"]
STYLE_WEIGHTS = [30, 14, 14, 12, 12, 8, 10]
FORCED_STYLE = {(751, 2025): "code", (101, 2025): "official", (169, 2024): "ascii_space",
                (492, 2025): "slug", (825, 2024): "ascii_space", (173, 2025): "slug"}


def unique(name: str, taken: set) -> str:
    stem, n = name[:-4], 1
    while name in taken:
        n += 1
        name = f"{stem} ({n}).pdf"
    taken.add(name)
    return name


# ---------------------------------------------------------------------------------------------
# Building all documents

def build_docs(topics):
    codes = [m.code for m in MUNICIPALITIES]
    present, planned = plan.make_plan(codes, SEED)
    rng = random.Random(SEED + 1)
    docs, manifest = [], []
    for year in plan.YEARS:
        taken = set()
        # Documents named only by the manifest (no municipality in the text) or only by the text.
        pool = [c for c in present[year] if (c, year) not in FORCED_STYLE]
        neutral = set(rng.sample(pool, 7 if year == MANIFEST_YEAR else 4))
        nameless = set(sorted(neutral)[:2]) if year == MANIFEST_YEAR else set()
        in_manifest = set(sorted(neutral)[:4]) if year == MANIFEST_YEAR else set()
        for code in present[year]:
            m = BY_CODE[code]
            style = FORCED_STYLE.get((code, year)) or ("neutral" if code in neutral
                                                       else rng.choices(STYLES, STYLE_WEIGHTS)[0])
            fname = unique(agreement_filename(m, year, style, rng), taken)
            named = code not in nameless
            nb_codes = REAL_NEIGHBOURS.get(code)
            nbs = [BY_CODE[c] for c in nb_codes] if nb_codes else neighbours(m, rng)
            header_trap = rng.random() < 0.08 and "digitalisation" in planned[(code, year)]
            if not named:
                header = f"Budgetaftale {year}"
            elif header_trap:
                header = f"{m.official} · Budgetaftale {year} · Et grønt og digitalt {m.name}"
            else:
                header = rng.choice([f"{m.official} · Budgetaftale {year}", f"Budgetaftale {year} – {m.official}",
                                     f"{m.official} | Budget {year}–{year + 3}"])
            size = rng.choice([2, 3, 3, 4, 4, 5, 6, 7, 8, 9, 10, 10])
            doc = compose.Doc(path=f"{year}/{fname}", code=code, year=year, doctype="agreement", lang="dan",
                              header=header, planned=frozenset(planned[(code, year)]))
            for attempt in range(MAX_REROLLS):
                drng = random.Random(f"{SEED}-{code}-{year}-{attempt}")
                doc.blocks = compose.agreement(m, year, planned[(code, year)], drng, named=named, size=size,
                                               neighbours=nbs, header_trap=header_trap)
                if boundary_safe(doc, topics):
                    break
            else:
                sys.exit(f"no boundary-safe draw for {doc.path}")
            docs.append(doc)
            if code in in_manifest:
                manifest.append((fname, m.name))
    # Non-agreement documents (2025).
    docs.append(compose.Doc(path="2025/bilag-2-odense-budget-2025.pdf", code=461, year=2025, doctype="appendix",
                            lang="dan", header="Odense Kommune · Bilag 2 · Budget 2025",
                            blocks=compose.appendix(BY_CODE[461], 2025, planned[(461, 2025)], random.Random(SEED + 7)),
                            planned=frozenset(planned[(461, 2025)]), producer="libreoffice"))
    docs.append(compose.Doc(path="2025/copenhagen-budget-2025-summary-en.pdf", code=101, year=2025, doctype="other",
                            lang="eng", header="City of Copenhagen · Budget 2025 · Summary",
                            blocks=compose.english_summary(BY_CODE[101], 2025, planned[(101, 2025)]),
                            planned=frozenset(planned[(101, 2025)]), producer="chromium"))
    docs.append(compose.Doc(path="2025/kl-notat-kommunernes-budgetter-2025.pdf", code=None, year=2025,
                            doctype="other", lang="dan", header="KL · Notat · Kommunernes budgetter 2025",
                            blocks=compose.kl_note(2025), producer="pdftex"))
    return docs, manifest, present, planned


def assign_producers(docs):
    rng = random.Random(SEED + 2)
    for doc in docs:
        if doc.producer:
            continue
        r = rng.random()
        doc.producer = "libreoffice" if r < 0.45 else ("pdftex" if r < 0.75 else "chromium")
        doc.two_column = doc.producer == "pdftex" and rng.random() < 0.4
        # Tagged PDF (a structure tree) doubles Chromium's file size: keep it in a few files.
        doc.tagged = doc.producer == "chromium" and rng.random() < 0.15
    lo_2022 = [d for d in docs if d.year == 2022 and d.producer == "libreoffice"]
    for doc in lo_2022[:4]:
        doc.producer = "libreoffice+ghostscript"


# ---------------------------------------------------------------------------------------------
# Rendering

def run(cmd, **kw):
    res = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if res.returncode != 0:
        raise RuntimeError(f"{cmd[0]} failed ({res.returncode}): {res.stderr[-800:]}")
    return res


def render_all(docs, work: Path):
    for sub in ("lo", "tex", "html", "pdf"):
        (work / sub).mkdir(parents=True, exist_ok=True)
    lo_files, jobs, docs_by_stem = [], [], {}
    for i, doc in enumerate(docs):
        stem = f"d{i:04d}"
        docs_by_stem[stem] = doc
        variant = random.Random(f"{SEED}-variant-{doc.path}").randrange(12)
        if doc.producer.startswith("libreoffice"):
            src = work / "lo" / f"{stem}.fodt"
            src.write_text(render_fodt.render(doc, variant), encoding="utf-8")
            lo_files.append(src)
        elif doc.producer == "pdftex":
            src = work / "tex" / f"{stem}.tex"
            src.write_text(render_tex.render(doc, variant), encoding="utf-8")
            jobs.append(("tex", src))
        else:
            src = work / "html" / f"{stem}.html"
            src.write_text(render_html.render(doc, variant), encoding="utf-8")
            jobs.append(("html", src))

    def one(job):
        kind, src = job
        out = work / "pdf" / (src.stem + ".pdf")
        if kind == "tex":
            for _ in range(2):  # second run resolves "Side N af M"
                run(["pdflatex", "-interaction=batchmode", "-halt-on-error", src.name], cwd=src.parent)
            shutil.move(src.with_suffix(".pdf"), out)
        else:
            # Tagged PDF (structure tree) doubles the file size: keep it in a few files only.
            tagging = [] if docs_by_stem[src.stem].tagged else ["--disable-pdf-tagging"]
            run(CHROMIUM + tagging + [f"--user-data-dir={work / 'chrome-profile' / src.stem}",
                                      f"--print-to-pdf={out}", src.as_uri()])
            shutil.rmtree(work / "chrome-profile" / src.stem, ignore_errors=True)

    profile = (work / "lo-profile").as_uri()
    lo = subprocess.Popen(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                           "--outdir", str(work / "pdf")] + [str(f) for f in lo_files],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    with ThreadPoolExecutor(max_workers=2) as pool:
        list(pool.map(one, jobs))
    _, err = lo.communicate()
    if lo.returncode != 0:
        raise RuntimeError(f"soffice failed: {err[-800:]}")

    for i, doc in enumerate(docs):
        pdf = work / "pdf" / f"d{i:04d}.pdf"
        if doc.producer == "libreoffice+ghostscript":
            redistilled = work / "pdf" / f"d{i:04d}-gs.pdf"
            run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=pdfwrite",
                 "-dCompatibilityLevel=1.5", f"-sOutputFile={redistilled}", str(pdf)])
            pdf = redistilled
        if not pdf.exists():
            raise RuntimeError(f"no PDF for {doc.path} ({doc.producer})")
        target = CORPUS / doc.path
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(pdf, target)
        info = run(["pdfinfo", str(target)]).stdout
        doc.pages = int(next(l.split()[-1] for l in info.splitlines() if l.startswith("Pages:")))


# ---------------------------------------------------------------------------------------------
# Truth and README

def producer_label(doc) -> str:
    """Producer plus layout details worth knowing when an extraction goes wrong."""
    return doc.producer + ("-twocolumn" if doc.two_column else "") + ("-tagged" if doc.tagged else "")


def truth(docs, topics):
    documents, unresolved = [], []
    per = defaultdict(lambda: defaultdict(lambda: {"municipalities": set(), "documents": 0, "mentions": 0}))
    of = defaultdict(set)
    for doc in sorted(docs, key=lambda d: d.path):
        counts = mentions(doc, topics)
        documents.append({"path": doc.path, "code": doc.code, "year": doc.year, "doctype": doc.doctype,
                          "lang": doc.lang, "pages": doc.pages, "producer": producer_label(doc),
                          "mentions": counts})
        if doc.code is None:
            unresolved.append({"path": doc.path, "missing": "municipality"})
            continue
        of[doc.year].add(doc.code)
        for tid, n in counts.items():
            cell = per[tid][doc.year]
            if n:
                cell["municipalities"].add(doc.code)
                cell["documents"] += 1
                cell["mentions"] += n
    summary = {}
    for t in topics:
        summary[t.id] = {str(y): {"municipalities": len(per[t.id][y]["municipalities"]), "of": len(of[y]),
                                  "documents": per[t.id][y]["documents"], "mentions": per[t.id][y]["mentions"]}
                         for y in plan.YEARS}
    return {"synthetic": True, "topics_file": "queries/topics.toml", "documents": documents,
            "unresolved": unresolved, "topics": summary}


def check_against_plan(t, docs, planned):
    """Planted rates must come out exactly; extra documents must not add topics."""
    for doc in docs:
        if doc.code is None:
            continue
        got = {k for k, v in mentions(doc, TOPICS).items() if v}
        want = planned[(doc.code, doc.year)]
        if doc.doctype == "agreement":
            assert got == want, f"{doc.path}: planned {sorted(want)} got {sorted(got)}"
        else:
            assert got <= want, f"{doc.path}: extra topics {sorted(got - want)}"
    for tid, per_year in plan.TARGETS.items():
        for y, n in per_year.items():
            assert t["topics"][tid][str(y)]["municipalities"] == n, (tid, y, t["topics"][tid][str(y)])


README_HEAD = """# kommunsk sample corpus — SYNTHETIC

**SYNTHETIC — not real municipal documents.** Every PDF in this folder was written by
`tools/corpus/generate.py` from sentence templates of our own. Names of municipalities, parties
and the general policy context are real; amounts, people, initiatives, dates and wording are
invented. Do not quote these files as what any municipality decided.

## What is here

* `corpus/<year>/*.pdf` — budget agreements (budgetaftaler) for the budget years 2022–2025:
  all 98 municipalities in 2025 and {n2022}/{n2023}/{n2024} in 2022/2023/2024, 3–10 pages each, with
  headings, tables of amounts in mio. kr. by year, lists of parties and signatories, a running
  header ("Aarhus Kommune · Budgetaftale 2025") and footer ("Side 3 af 7") on every page.
* Three extra PDFs in `2025/`: an appendix (`bilag-2-odense-budget-2025.pdf`, doctype
  appendix), an English summary (`copenhagen-budget-2025-summary-en.pdf`, lang eng, doctype
  other) and a general KL note (`kl-notat-kommunernes-budgetter-2025.pdf`) that names no
  municipality: it must be listed as unresolved and left out of all counts.
* `2025/noter.txt` — not a PDF; discovery must skip it.
* `{manifest_year}/manifest.csv` (`file,municipality`) names {n_manifest} files with neutral names; two of
  them never say which municipality they are (header "Budgetaftale {manifest_year}", text says
  "kommunen") and name a neighbouring municipality in passing, so only the manifest is right.
* `truth.json` — the ground truth the tests compare the report with (format below).

File names vary the way real downloads do, in patterns like `aarhus-budgetaftale-2025.pdf`,
`751-budgetaftale.pdf` (official 3-digit code), `Koebenhavns_Kommune_Budgetaftale_2025.pdf`,
`Hoeje-Taastrup budget 2024.pdf`, UTF-8 names (`Budgetaftale 2024 - <navn>.pdf`,
`<navn>_budgetforlig_<år>.pdf`, e.g. with æ/ø/å), and neutral names (`budgetaftale-endelig-2023.pdf`,
`download.pdf`, `dokument_NNNN.pdf`) where the
municipality comes from the text (or the manifest). The year always comes from the folder;
the text also names the signing year (the 2025 agreement was signed in 2024).

## How it was made

    pip install -r tools/corpus/requirements.txt     # pyphen, regex
    python3 tools/corpus/generate.py                 # deterministic (fixed seed), ~{minutes} min

Needs `soffice` + `hyphen-da`, `pdflatex` (babel danish; charter, mathptmx, helvet, lmodern),
`chromium`, `gs`, `pdfinfo`.
Producers ({total} PDFs):

| producer | files | how |
|---|---|---|
{producer_rows}

* LibreOffice: flat ODT (`.fodt`) → `soffice --headless --convert-to pdf`, language da-DK,
  automatic hyphenation (hyphen-da), header/footer with page-number and page-count fields,
  fonts Liberation Serif/Sans, DejaVu, Carlito.
* pdfTeX: `article` with `[T1]fontenc`, babel danish, fancyhdr; {n_twocol} of them two-column; half
  with `\\pdfgentounicode=1` (ToUnicode maps), half relying on glyph names only; f-ligatures.
* Chromium: HTML → `--print-to-pdf`, header/footer from CSS `@page` margin boxes ({n_tagged} files
  tagged, the rest with `--disable-pdf-tagging` to halve their size); soft hyphens
  (U+00AD) from pyphen's Danish dictionary. Chromium keeps every soft hyphen in the text layer
  and draws a taken one as U+2010 at the line end: the extractor must drop U+00AD and rejoin.
* Ghostscript: {n_gs} LibreOffice files re-distilled with `gs -sDEVICE=pdfwrite`. Ghostscript
  10.0 writes the ToUnicode entries of ligature glyphs (Carlito's "ft", "ti", "tt", "fi") with
  the bytes of each UTF-16 unit swapped (`<66007400>` for "ft", which reads as "昀琀"); a
  careful extractor recognises multi-unit entries whose units are all 0xXX00 with XX printable
  ASCII and reads them little-endian.

## Planted topic rates

Municipalities mentioning each topic, of those with an agreement that year (2025 rates follow
the consultancy report in the project's seed material: digitalisering 98, AI 68,
cybersikkerhed 74, beredskab 71, civilsamfund/frivillighed 64, velfærdsteknologi 90, grøn
trepart 98, rekruttering 22 → 78 from 2022 to 2025; the rest are plausible choices):

| topic | 2022 | 2023 | 2024 | 2025 |
|---|---|---|---|---|
{rate_rows}

Mentions per document are counted by the generator on exactly the body text it rendered,
with the semantics of `queries/topics.toml` (see `queries/README.md`); totals are in
`truth.json`.

## Traps planted on purpose

* "e-mail", "E-MAIL: budget@…", "mail", "Detailhandlen", "AIA Byg & Anlæg" — not AI.
* "arbejdsklima", "skoleklima", "læringsklima", "indeklimaet", "Erhvervsklimaet",
  "samarbejdsklima", "Klimaskærmen" — not climate.
* "sikkerhed", "Trafiksikkerheden", "tryghed og sikkerhed", "Retssikkerheden",
  "Forsyningssikkerheden" — not cyber. "Nis Hansen (V)" as a signatory — not NIS2.
* "ufrivillig deltid" — not volunteering; "trepartsaftale om løn" — not the green tripartite;
  "De ældre skolebygninger" — not elderly care; "Vejen frem …" — not Vejen Kommune.
* Neighbouring municipalities named in passing ("i samarbejde med Skanderborg og Favrskov
  Kommuner").
* Topic words in running headers ("… · Et grønt og digitalt Herning") in {n_header_trap} files: never count.
* Words split by automatic hyphenation across lines; inflections and compounds
  (cybersikkerheden, klimatilpasningsplanen, digitaliseringsstrategien, AI-løsninger,
  NIS2-direktivet, "NIS 2"); "kunstig intelligens (AI)" and "Cyber- og informationssikkerhed"
  are one mention each.
* Paragraphs never break across pages or columns, and no mention can merge with one in the
  next paragraph, table cell or list item, so the totals do not depend on page breaks.

## truth.json

    {{"synthetic": true, "topics_file": "queries/topics.toml",
     "documents": [{{"path": "2025/751-budgetaftale.pdf", "code": 751, "year": 2025,
                    "doctype": "agreement", "lang": "dan", "pages": 6, "producer": "pdftex",
                    "mentions": {{"ai": 2, "digitalisation": 4, …}}}}, …],
     "unresolved": [{{"path": "2025/kl-notat-kommunernes-budgetter-2025.pdf", "missing": "municipality"}}],
     "topics": {{"ai": {{"2025": {{"municipalities": 68, "of": 98, "documents": 68, "mentions": …}}, …}}, …}}}}

`producer` (our addition) names the producer and layout: libreoffice, libreoffice+ghostscript,
pdftex, pdftex-twocolumn, chromium, chromium-tagged.
`code` is null for unresolved documents (listed in `documents` too, left out of `topics`).
`of` = municipalities with ≥1 resolved document that year; `municipalities` = how many of those
mention the topic; `documents` = resolved documents with ≥1 mention; `mentions` = all mentions
in resolved documents.

## Counts per year

| year | PDFs | agreements | municipalities | pages |
|---|---|---|---|---|
{year_rows}

Size of `corpus/`: {size_mb:.1f} MB.
"""


def write_readme(docs, t, manifest, minutes):
    producers = Counter(d.producer for d in docs)
    labels = Counter(producer_label(d) for d in docs)
    how = {"libreoffice": "LibreOffice 7.4 (soffice --convert-to pdf)", "pdftex": "pdfTeX 1.40 (TeX Live 2022)",
           "pdftex-twocolumn": "pdfTeX 1.40, two columns", "chromium": "Chromium headless --print-to-pdf",
           "chromium-tagged": "Chromium, tagged PDF (structure tree)",
           "libreoffice+ghostscript": "LibreOffice, then Ghostscript 10 pdfwrite"}
    producer_rows = "\n".join(f"| {p} | {n} | {how[p]} |" for p, n in sorted(labels.items()))
    rate_rows = "\n".join(
        f"| {tid} | " + " | ".join(f"{t['topics'][tid][str(y)]['municipalities']}/{t['topics'][tid][str(y)]['of']}"
                                   for y in plan.YEARS) + " |" for tid in plan.TARGETS)
    year_rows = []
    for y in plan.YEARS:
        ds = [d for d in docs if d.year == y]
        year_rows.append(f"| {y} | {len(ds)} | {sum(d.doctype == 'agreement' for d in ds)} | "
                         f"{len({d.code for d in ds if d.code})} | {sum(d.pages for d in ds)} |")
    size = sum(f.stat().st_size for f in CORPUS.rglob("*") if f.is_file())
    text = README_HEAD.format(
        n2022=plan.PRESENT[2022], n2023=plan.PRESENT[2023], n2024=plan.PRESENT[2024],
        manifest_year=MANIFEST_YEAR, n_manifest=len(manifest), minutes=max(1, round(minutes)),
        total=len(docs), producer_rows=producer_rows, n_twocol=sum(d.two_column for d in docs),
        n_tagged=sum(d.tagged for d in docs),
        n_gs=producers["libreoffice+ghostscript"], rate_rows=rate_rows,
        n_header_trap=sum("grønt og digitalt" in d.header for d in docs),
        year_rows="\n".join(year_rows), size_mb=size / 1e6)
    (CORPUS / "README.md").write_text(text, encoding="utf-8")


NOTES_TXT = """Noter til budgetmappen (SYNTHETIC)

Denne fil er ikke en PDF og skal springes over af kommunsk.
Budgetaftalerne er hentet fra kommunernes hjemmesider i oktober 2024.
"""


def check_registry():
    """Compares the code/name table with the Rust registry; prints mismatches."""
    import re
    path = ROOT / "src" / "identify" / "registry.rs"
    rust = {int(c): (n, o, r) for c, n, o, r in
            re.findall(r'^\s*(\d{3}) "([^"]+)" "([^"]+)" (\w+)', path.read_text(encoding="utf-8"), re.M)}
    problems = []
    for m in MUNICIPALITIES:
        if m.code not in rust:
            problems.append(f"{m.code} {m.name}: missing in registry.rs")
            continue
        n, o, r = rust[m.code]
        region = r.replace("Sjaelland", "Sjælland")
        if (n, o, region) != (m.name, m.official, m.region):
            problems.append(f"{m.code}: generator {(m.name, m.official, m.region)} vs registry {(n, o, region)}")
    problems += [f"{c}: only in registry.rs" for c in rust if c not in BY_CODE]
    print("\n".join(problems) if problems else f"registry.rs agrees on all {len(rust)} municipalities")
    return not problems


TOPICS = topics_mod.load(TOPICS_FILE)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check-registry", action="store_true", help="compare with src/identify/registry.rs and exit")
    ap.add_argument("--keep-work", action="store_true", help="keep the intermediate sources (printed path)")
    args = ap.parse_args()
    if args.check_registry:
        sys.exit(0 if check_registry() else 1)
    started = time.time()
    check_pools(TOPICS)
    docs, manifest, present, planned = build_docs(TOPICS)
    assign_producers(docs)
    for y in plan.YEARS:
        shutil.rmtree(CORPUS / str(y), ignore_errors=True)
    work = Path(tempfile.mkdtemp(prefix="kommunsk-corpus-"))
    render_all(docs, work)
    with open(CORPUS / str(MANIFEST_YEAR) / "manifest.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["file", "municipality"])
        w.writerows(manifest)
    (CORPUS / "2025" / "noter.txt").write_text(NOTES_TXT, encoding="utf-8")
    t = truth(docs, TOPICS)
    check_against_plan(t, docs, planned)
    (CORPUS / "truth.json").write_text(json.dumps(t, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    write_readme(docs, t, manifest, (time.time() - started) / 60)
    bad_pages = [(d.path, d.pages) for d in docs if d.doctype == "agreement" and not 3 <= d.pages <= 10]
    if args.keep_work:
        print(f"sources kept in {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)
    print(f"{len(docs)} PDFs in {time.time() - started:.0f} s; page range "
          f"{min(d.pages for d in docs)}–{max(d.pages for d in docs)}; out of 3–10: {bad_pages}")


if __name__ == "__main__":
    main()
