#!/usr/bin/env bash
# Makes scanned versions of the shared fixtures: every page rasterised at DPI, gray, tilted by a
# slight skew (alternating +0.4° / -0.6°), Gaussian noise, JPEG quality 75, wrapped as an
# image-only PDF with img2pdf. Needs poppler-utils, imagemagick, img2pdf.
#   make-scans.sh FIXTURES_DIR OUT_DIR DPI
set -euo pipefail
fixtures=$1 out=$2 dpi=$3
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tail -n +2 "$fixtures/manifest.csv" | cut -d, -f1 | while read -r pdf; do
    name=$(basename "$pdf" .pdf)
    [ -s "$out/$name.pdf" ] && continue
    rm -f "$work"/*
    pdftoppm -r "$dpi" -gray "$fixtures/$pdf" "$work/p"
    i=0
    for page in "$work"/p-*.pgm; do
        angle=$([ $((i % 2)) -eq 0 ] && echo 0.4 || echo -0.6)
        convert "$page" -background white -rotate "$angle" +repage -attenuate 0.2 +noise Gaussian \
            -quality 75 "${page%.pgm}.jpg"
        i=$((i + 1))
    done
    img2pdf --pagesize A4 "$work"/p-*.jpg -o "$out/$name.pdf.part"
    mv "$out/$name.pdf.part" "$out/$name.pdf"
done
