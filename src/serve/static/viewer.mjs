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
  let found = 0;
  for (const item of content.items) {
    if (!item.str) continue;
    const text = item.str.toLowerCase();
    for (const term of terms) {
      for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + term.length)) {
        mark(viewport, item, at, term.length);
        found += 1;
      }
    }
  }
  box.dataset.rendered = String(page.pageNumber);
  box.dataset.marks = String(found);
}

// A box over characters [start, start+length) of a text item, its width shared out evenly.
function mark(viewport, item, start, length) {
  const t = pdfjs.Util.transform(viewport.transform, item.transform);
  const height = Math.hypot(t[2], t[3]);
  const perChar = (item.width * viewport.scale) / Math.max(item.str.length, 1);
  const div = document.createElement("div");
  div.className = "pdf-hit";
  div.style.left = t[4] + start * perChar + "px";
  div.style.top = t[5] - height + "px";
  div.style.width = Math.max(length * perChar, 4) + "px";
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
