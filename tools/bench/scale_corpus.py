#!/usr/bin/env python3
"""Builds an N× copy of the sample corpus whose every page has text of its own.

    python scale_corpus.py N OUT [--year-only YEAR --as YEAR2]

Copy k (0 ≤ k < N) of corpus/<year>/<file>.pdf goes to OUT/<year>/kopi-<k>/<file>.pdf, so each
municipality and year has N documents (as agendas, minutes and appendices would). Copy 0 is the
original bytes; every other copy gets, on each page, one extra line of invented words (letters
b d f g p r t v and a e o u only, so no topic pattern can match them) drawn from (k, file, page):
page texts, file hashes and term dictionaries then grow as with real, distinct documents,
instead of repeating the same texts (which any text-keyed cache would see through).

`--year-only 2025 --as 2026` writes only that year's copy 0 re-stamped as a new year, for the
"next year's documents arrive" measurement. Needs pikepdf (pip install pikepdf).
"""

from __future__ import annotations

import hashlib
import multiprocessing
import shutil
import sys
from pathlib import Path

import pikepdf

ROOT = Path(__file__).resolve().parent.parent.parent
CORPUS = ROOT / "corpus"
CONSONANTS = "bdfgprtv"
VOWELS = "aeou"


def words(seed: str, count: int) -> str:
    digest = hashlib.blake2b(seed.encode(), digest_size=32).digest()
    out = []
    for i in range(count):
        syllables = 2 + digest[i] % 3
        out.append("".join(CONSONANTS[digest[(i * 5 + j) % 32] % 8] + VOWELS[digest[(i * 7 + j + 3) % 32] % 4]
                           for j in range(syllables)))
    return " ".join(out)


def stamp(job: tuple[str, str, str]) -> None:
    source, dest, seed = job
    Path(dest).parent.mkdir(parents=True, exist_ok=True)
    with pikepdf.open(source) as pdf:
        font = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                                                    BaseFont=pikepdf.Name.Helvetica))
        for number, page in enumerate(pdf.pages, start=1):
            resources = page.obj.get("/Resources")
            if resources is None:
                resources = page.obj.Resources = pikepdf.Dictionary()
            if "/Font" not in resources:
                resources.Font = pikepdf.Dictionary()
            resources.Font.KmskStamp = font
            text = words(f"{seed}/{number}", 6)
            content = f"q BT /KmskStamp 7 Tf 1 0 0 1 40 14 Tm ({text}) Tj ET Q".encode()
            page.contents_add(pikepdf.Stream(pdf, content), prepend=False)
        pdf.save(dest)


def main(argv: list[str]) -> int:
    scale, out = int(argv[1]), Path(argv[2])
    only = None
    if "--year-only" in argv:
        only = (argv[argv.index("--year-only") + 1], argv[argv.index("--as") + 1])
    shutil.rmtree(out, ignore_errors=True)
    jobs = []
    for year in sorted(p for p in CORPUS.iterdir() if p.is_dir() and p.name.isdigit()):
        if only and year.name != only[0]:
            continue
        for pdf in sorted(year.glob("*.pdf")):
            for k in range(scale):
                if only:
                    dest = out / only[1] / pdf.name
                    seed = f"year {only[1]}/{pdf.name}"
                else:
                    dest = out / year.name / f"kopi-{k}" / pdf.name
                    seed = f"{k}/{year.name}/{pdf.name}"
                if k == 0 and not only:
                    dest.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copy2(pdf, dest)
                else:
                    jobs.append((str(pdf), str(dest), seed))
    with multiprocessing.Pool(2) as pool:
        for i, _ in enumerate(pool.imap_unordered(stamp, jobs, chunksize=16)):
            if i % 2000 == 0:
                print(f"{i}/{len(jobs)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
