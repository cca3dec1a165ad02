#!/usr/bin/env bash
# OCR benchmark (issue 12): kommunsk's OCR against `ocrmypdf -l dan --sidecar` on scanned
# versions of ../shared/fixtures at 300 and 200 dpi, scored with the fixtures' score.py.
#   tools/bench/ocr/run.sh [OUT_DIR]        (from the repository root, after cargo build --release)
# Needs tesseract-ocr tesseract-ocr-dan poppler-utils imagemagick img2pdf ocrmypdf
# python3-levenshtein. Both tools run with their defaults on all cores, one file after another.
set -euo pipefail
cd "$(dirname "$0")/../../.."
fixtures=$(realpath ../shared/fixtures)
out=${1:-target/bench-ocr}
bin=$(realpath target/release/kommunsk)
mkdir -p "$out"
for dpi in 300 200; do
    scans="$out/scans-$dpi"
    [ -d "$scans" ] || tools/bench/ocr/make-scans.sh "$fixtures" "$scans" "$dpi"
    for tool in kommunsk ocrmypdf; do
        texts="$out/$tool-$dpi"
        rm -rf "$texts" && mkdir -p "$texts"
        start=$(date +%s.%N)
        for pdf in "$scans"/*.pdf; do
            name=$(basename "$pdf" .pdf)
            if [ "$tool" = kommunsk ]; then
                "$bin" extract "$pdf" > "$texts/$name.txt"
            else
                ocrmypdf -q -l dan --output-type none --sidecar "$texts/$name.txt" "$pdf" - > /dev/null
            fi
        done
        end=$(date +%s.%N)
        seconds=$(echo "$end - $start" | bc)
        score=$("${PYTHON:-python3}" "$fixtures/score.py" --all "$fixtures/manifest.csv" "$texts" | tail -1)
        echo "$dpi dpi  $tool  ${seconds} s  $score"
        "${PYTHON:-python3}" "$fixtures/score.py" --all "$fixtures/manifest.csv" "$texts" > "$out/$tool-$dpi.scores"
    done
done
