#!/usr/bin/env bash
# OCR benchmark (issue 12): kommunsk's OCR against `ocrmypdf -l dan --sidecar` on scanned
# versions of ../shared/fixtures at 300 and 200 dpi, scored with the fixtures' score.py.
#   tools/bench/ocr/run.sh [OUT_DIR]        (from the repository root, after cargo build --release)
# ONLY=REGEX limits the fixtures (by name); DPIS="300 200" the resolutions; KOMMUNSK the binary.
# Needs tesseract-ocr tesseract-ocr-dan poppler-utils imagemagick img2pdf ocrmypdf, GNU time,
# python3-levenshtein (PYTHON names a python3 that has it). Both tools run with their defaults
# on all cores; files alternate between the tools so both see the same machine load. Wall and
# CPU time (user + sys, children included) are summed over the files; the score is the mean of
# score.py's per-file scores.
set -euo pipefail
cd "$(dirname "$0")/../../.."
fixtures=$(realpath ../shared/fixtures)
out=${1:-target/bench-ocr}
bin=$(realpath "${KOMMUNSK:-target/release/kommunsk}")
py=${PYTHON:-python3}
mkdir -p "$out"
for dpi in ${DPIS:-300 200}; do
    scans="$out/scans-$dpi"
    [ -d "$scans" ] || tools/bench/ocr/make-scans.sh "$fixtures" "$scans" "$dpi"
    for tool in kommunsk ocrmypdf; do rm -rf "$out/$tool-$dpi" && mkdir -p "$out/$tool-$dpi"; done
    : > "$out/times-$dpi.tsv"
    : > "$out/scores-$dpi.tsv"
    tail -n +2 "$fixtures/manifest.csv" | cut -d, -f1,2 | while IFS=, read -r pdf truth; do
        name=$(basename "$pdf" .pdf)
        [[ "$name" =~ ${ONLY:-.} ]] || continue
        scan="$scans/$name.pdf"
        /usr/bin/time -f "$name	kommunsk	%e	%U	%S" -a -o "$out/times-$dpi.tsv" \
            "$bin" extract "$scan" > "$out/kommunsk-$dpi/$name.txt" || echo "kommunsk failed on $name" >&2
        /usr/bin/time -f "$name	ocrmypdf	%e	%U	%S" -a -o "$out/times-$dpi.tsv" \
            ocrmypdf -q -l dan --output-type none --sidecar "$out/ocrmypdf-$dpi/$name.txt" "$scan" - \
            > /dev/null || echo "ocrmypdf failed on $name" >&2
        for tool in kommunsk ocrmypdf; do
            score=$("$py" "$fixtures/score.py" "$fixtures/$truth" "$out/$tool-$dpi/$name.txt")
            printf '%s\t%s\t%s\n' "$name" "$tool" "$score" >> "$out/scores-$dpi.tsv"
        done
    done
    for tool in kommunsk ocrmypdf; do
        awk -F'\t' -v t="$tool" '$2 == t { w += $3; c += $4 + $5 } END { printf "wall %.1f s  cpu %.1f s  ", w, c }' \
            "$out/times-$dpi.tsv"
        awk -F'\t' -v t="$tool" -v d="$dpi" '$2 == t { s += $3; n++ } END { printf "score %.4f (%d files)  %s dpi  %s\n", s / n, n, d, t }' \
            "$out/scores-$dpi.tsv"
    done
done
