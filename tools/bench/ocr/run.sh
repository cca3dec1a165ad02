#!/usr/bin/env bash
# OCR benchmark (issue 12): kommunsk's OCR against `ocrmypdf -l dan --sidecar` on scanned
# versions of ../shared/fixtures at 300 and 200 dpi, scored with the fixtures' score.py.
#   tools/bench/ocr/run.sh [OUT_DIR]        (from the repository root, after cargo build --release)
# Needs tesseract-ocr tesseract-ocr-dan poppler-utils imagemagick img2pdf ocrmypdf
# python3-levenshtein (PYTHON names a python3 that has it). Both tools run with their defaults
# on all cores; files alternate between the tools so both see the same machine load.
set -euo pipefail
cd "$(dirname "$0")/../../.."
fixtures=$(realpath ../shared/fixtures)
out=${1:-target/bench-ocr}
bin=$(realpath target/release/kommunsk)
py=${PYTHON:-python3}
mkdir -p "$out"
now() { date +%s.%N; }
for dpi in ${DPIS:-300 200}; do
    scans="$out/scans-$dpi"
    [ -d "$scans" ] || tools/bench/ocr/make-scans.sh "$fixtures" "$scans" "$dpi"
    rm -rf "$out/kommunsk-$dpi" "$out/ocrmypdf-$dpi"
    mkdir -p "$out/kommunsk-$dpi" "$out/ocrmypdf-$dpi"
    t_k=0 t_o=0
    for pdf in "$scans"/*.pdf; do
        name=$(basename "$pdf" .pdf)
        a=$(now)
        "$bin" extract "$pdf" > "$out/kommunsk-$dpi/$name.txt"
        b=$(now)
        ocrmypdf -q -l dan --output-type none --sidecar "$out/ocrmypdf-$dpi/$name.txt" "$pdf" - > /dev/null
        c=$(now)
        t_k=$(echo "$t_k + $b - $a" | bc)
        t_o=$(echo "$t_o + $c - $b" | bc)
        echo "$dpi $name kommunsk $(echo "$b - $a" | bc) s, ocrmypdf $(echo "$c - $b" | bc) s" >&2
    done
    for tool in kommunsk ocrmypdf; do
        "$py" "$fixtures/score.py" --all "$fixtures/manifest.csv" "$out/$tool-$dpi" > "$out/$tool-$dpi.scores"
    done
    echo "$dpi dpi  kommunsk ${t_k} s  $(tail -1 "$out/kommunsk-$dpi.scores")"
    echo "$dpi dpi  ocrmypdf ${t_o} s  $(tail -1 "$out/ocrmypdf-$dpi.scores")"
done
