// Draws one page of the document with pdf.js and marks the words the server highlighted in the
// page's extracted text (data-terms) wherever the PDF's own text has them.
import * as pdfjs from "/static/pdfjs/pdf.min.mjs";

pdfjs.GlobalWorkerOptions.workerSrc = "/static/pdfjs/pdf.worker.min.mjs";

const box = document.getElementById("viewer");
const pageNumber = Number(box.dataset.page) || 1;
const terms = JSON.parse(box.dataset.terms || "[]").filter((t) => t.length > 0);
const canvas = box.querySelector("canvas");
const marks = box.querySelector(".marks");

async function show() {
  const pdf = await pdfjs.getDocument({ url: box.dataset.pdf, isEvalSupported: false }).promise;
  const page = await pdf.getPage(Math.min(pageNumber, pdf.numPages));
  const width = box.clientWidth || 800;
  const scale = width / page.getViewport({ scale: 1 }).width;
  const viewport = page.getViewport({ scale });
  const ratio = window.devicePixelRatio || 1;
  canvas.width = Math.floor(viewport.width * ratio);
  canvas.height = Math.floor(viewport.height * ratio);
  canvas.style.width = viewport.width + "px";
  canvas.style.height = viewport.height + "px";
  marks.style.width = viewport.width + "px";
  marks.style.height = viewport.height + "px";
  await page.render({
    canvas,
    canvasContext: canvas.getContext("2d"),
    viewport,
    transform: ratio === 1 ? null : [ratio, 0, 0, ratio, 0, 0],
  }).promise;
  const content = await page.getTextContent();
  const found = highlight(viewport, content.items, content.styles || {});
  box.dataset.rendered = String(page.pageNumber);
  box.dataset.marks = String(found);
}

// The page's text runs joined into one string (directly: a word may be split across runs; a
// line break where pdf.js ends a line), each character remembering its run, so a word is
// found across run boundaries and boxed run by run. Returns how many occurrences were marked.
function highlight(viewport, items, styles) {
  let text = "";
  const owner = [];
  const offset = [];
  items.forEach((item, index) => {
    if (!item.str) return;
    for (let i = 0; i < item.str.length; i++) {
      owner.push(index);
      offset.push(i);
    }
    text += item.str;
    if (item.hasEOL) {
      text += "\n";
      owner.push(-1);
      offset.push(-1);
    }
  });
  const lower = text.toLowerCase();
  let found = 0;
  for (const term of terms) {
    for (let at = lower.indexOf(term); at >= 0; at = lower.indexOf(term, at + term.length)) {
      // Whole words only, as the server marks them in the page text ("kultur" is not marked
      // inside "kulturhuse").
      if (wordChar(lower[at - 1]) || wordChar(lower[at + term.length])) continue;
      found += 1;
      // One box per run the occurrence spans.
      let start = at;
      while (start < at + term.length) {
        const run = owner[start];
        let end = start;
        while (end < at + term.length && owner[end] === run) end++;
        if (run >= 0) mark(viewport, items[run], offset[start], end - start, styles);
        start = end;
      }
    }
  }
  return found;
}

function wordChar(c) {
  return c !== undefined && /[\p{L}\p{N}]/u.test(c);
}

// Measures text in the run's font family, to place a box within a run by the widths of its
// letters rather than an even share ("ii" is narrower than "mm").
const measure = document.createElement("canvas").getContext("2d");

// A box over characters [start, start+length) of a text run.
function mark(viewport, item, start, length, styles) {
  const t = pdfjs.Util.transform(viewport.transform, item.transform);
  const height = Math.hypot(t[2], t[3]);
  const runWidth = item.width * viewport.scale;
  const family = (styles[item.fontName] && styles[item.fontName].fontFamily) || "sans-serif";
  measure.font = `100px ${family}`;
  const whole = measure.measureText(item.str).width;
  const width = (s) => (whole > 0 ? (measure.measureText(s).width / whole) * runWidth : 0);
  let left = width(item.str.slice(0, start));
  let wide = width(item.str.slice(start, start + length));
  if (whole <= 0) {
    const perChar = runWidth / Math.max(item.str.length, 1);
    left = start * perChar;
    wide = length * perChar;
  }
  const div = document.createElement("div");
  div.className = "pdf-hit";
  div.style.left = t[4] + left + "px";
  div.style.top = t[5] - height + "px";
  div.style.width = Math.max(wide, 4) + "px";
  div.style.height = height * 1.15 + "px";
  marks.appendChild(div);
}

show().catch((err) => {
  box.dataset.error = String(err);
  const p = document.createElement("p");
  p.className = "error";
  p.textContent = String(err);
  box.appendChild(p);
});
