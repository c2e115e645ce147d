// Files the user opens or drops: their size as people say it, the one drop zone
// (a box that takes a dropped file) and the one text reader, used by the
// calculators' data input (js/datainput.js) and by the sales worker (worker.js,
// which imports only what touches no DOM). A file is read in this browser and
// never uploaded.

import * as fmt from "../format.js";

/** "850 B", "12 KB", "3,4 MB" in the page language. */
export function fileSize(lang, bytes) {
  if (bytes < 1024) return `${fmt.int(lang, bytes)} B`;
  if (bytes < 1024 * 1024) return `${fmt.num(lang, bytes / 1024, 0)} KB`;
  return `${fmt.num(lang, bytes / (1024 * 1024), 1)} MB`;
}

/** Control characters near the start: a binary file (a picture, a Word file), not text. */
export const looksBinary = (text) => /[\u0000-\u0008\u000E-\u001A]/.test(text.slice(0, 4096));

/** An Error with a `code` ("fileNotText", "fileFailed", …) for the page to word. */
export const fileError = (code, message) => Object.assign(new Error(message), { code });

/**
 * Reads a file as text, in chunks: { text, latin }. The one encoding test: a
 * UTF-16 byte-order mark (Excel's "Unicode text") → UTF-16; else strict UTF-8
 * (a UTF-8 BOM is dropped); else, when any byte is not UTF-8, the whole file as
 * Windows-1252 (older Excel CSV exports), `latin: true`.
 * `onProgress(loaded, total)` is called at the start, at most every 60 ms while
 * reading, and at the end. Errors carry `code`: "fileNotText" (binary content)
 * or "fileFailed" (the browser could not read it).
 */
export async function readTextFile(file, onProgress = () => {}) {
  const total = file.size;
  onProgress(0, total);
  let text;
  let latin = false;
  let reader = null;
  try {
    const head = new Uint8Array(await file.slice(0, 2).arrayBuffer());
    const utf16 = head[0] === 0xff && head[1] === 0xfe ? "utf-16le" : head[0] === 0xfe && head[1] === 0xff ? "utf-16be" : null;
    const decoder = new TextDecoder(utf16 || "utf-8", { fatal: !utf16 });
    reader = file.stream().getReader();
    const parts = [];
    let loaded = 0;
    let last = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      loaded += value.byteLength;
      parts.push(decoder.decode(value, { stream: true }));
      const now = performance.now();
      if (now - last > 60) {
        last = now;
        onProgress(loaded, total);
      }
    }
    parts.push(decoder.decode());
    text = parts.join("");
  } catch (error) {
    if (!(error instanceof TypeError)) throw fileError("fileFailed", String(error && error.message));
    // Not UTF-8: the whole file again, as Windows-1252.
    reader?.cancel().catch(() => {});
    try {
      text = new TextDecoder("windows-1252").decode(await file.arrayBuffer());
    } catch (again) {
      throw fileError("fileFailed", String(again && again.message));
    }
    latin = true;
  }
  onProgress(total, total);
  if (looksBinary(text)) throw fileError("fileNotText", "not a text file");
  return { text, latin };
}

const hasFiles = (event) => Array.from(event.dataTransfer?.types || []).includes("Files");

/**
 * Makes `zone` take a dropped file: `is-dragover` while a file is over it, then
 * `onFile(file)`. Dragged text is left to the browser (it drops into a text box).
 */
export function dropZone(zone, onFile) {
  let depth = 0;
  zone.addEventListener("dragenter", (event) => {
    if (!hasFiles(event)) return;
    depth += 1;
    zone.classList.add("is-dragover");
  });
  zone.addEventListener("dragleave", () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) zone.classList.remove("is-dragover");
  });
  zone.addEventListener("dragover", (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
  });
  zone.addEventListener("drop", (event) => {
    depth = 0;
    zone.classList.remove("is-dragover");
    const file = event.dataTransfer?.files?.[0];
    if (!file) return;
    event.preventDefault();
    onFile(file);
  });
}

/** Keeps a file dropped beside every drop zone from replacing the page. */
export function ignoreStrayDrops(target = window) {
  for (const type of ["dragover", "drop"]) {
    target.addEventListener(type, (event) => {
      if (event.defaultPrevented || !hasFiles(event)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = "none";
    });
  }
}

/** A file input's change: the chosen file to `onFile`, then the input emptied (the same file can be chosen again). */
export function onFileChosen(input, onFile) {
  input.addEventListener("change", () => {
    const file = input.files && input.files[0];
    if (file) onFile(file);
    input.value = "";
  });
}
