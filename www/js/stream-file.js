// A sales-log file too large to hold as one text (issue 16): analysed by the
// module's LogStream in two passes over blocks of the file's bytes, keeping
// only per-customer state (src/wasm.rs `LogStream`, src/api/log.rs
// `AnalyzeStream`). The result is exactly analyzeLog's for the file read as
// js/kit/files.js reads it: strict UTF-8 (a UTF-8 BOM dropped), else the whole
// file as Windows-1252. UTF-16 files (by their BOM) and spreadsheets are not
// streamed. Used by the worker (www/worker.js); DOM-free, so Node tests import it.

import { LogStream } from "../pkg/customer_metrics.js";
import { fileError, looksBinary } from "./kit/files.js";
import { SPREADSHEET_FILE } from "./workbook.js";

/**
 * Text files larger than this are streamed. Below it the whole text is read
 * and kept (one read of the file, a changed option re-analysed without reading
 * it again, predictions on the same text); above it the text and its UTF-8 copy
 * in the module's memory (≈ 3 × the file) would start to weigh on a phone.
 */
export const STREAM_ABOVE = 64 * 1024 * 1024;
/** Bytes read and handed to the module at a time (two blocks are held: the one read, the next being read). */
export const BLOCK_BYTES = 8 * 1024 * 1024;
/** The head of a streamed file read as text where a text is needed (the columns found, when the needed ones are not). */
export const HEAD_BYTES = 1024 * 1024;
/** The largest streamed file that predictions still read whole as text (the page's limit before streaming). */
export const TEXT_MAX_BYTES = 100 * 1024 * 1024;


/** Bytes `a`..`b` of the file; a failed read is "fileFailed" (as js/kit/files.js says it). */
async function bytesOf(file, a, b) {
  try {
    return new Uint8Array(await file.slice(a, b).arrayBuffer());
  } catch (error) {
    throw fileError("fileFailed", String((error && error.message) || error));
  }
}

/** Whether `file` is analysed by streaming: a text file (no spreadsheet, no UTF-16 BOM) larger than `above` bytes. */
export async function streams(file, above = STREAM_ABOVE) {
  const limit = Number.isFinite(above) && above >= 0 ? above : STREAM_ABOVE;
  if (!(file.size > limit) || SPREADSHEET_FILE.test(file.name || "")) return false;
  const head = await bytesOf(file, 0, 2);
  return !((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff));
}

const decoderFor = (latin) => new TextDecoder(latin ? "windows-1252" : "utf-8");

/** Refuses a binary file (a picture, a Word file) from its first 4,096 characters, as readTextFile does. */
async function checkText(file) {
  const head = await bytesOf(file, 0, 4 * 4096);
  // The control characters looksBinary looks for are single bytes in both
  // encodings; a cut UTF-8 character at the end only adds a U+FFFD.
  if (looksBinary(decoderFor(false).decode(head))) throw fileError("fileNotText", "not a text file");
}

/** One pass over the file: `take(bytes)` for each block in order, the next block read meanwhile; `onBytes(end)` after each. */
async function pass(file, blockBytes, take, onBytes) {
  const size = file.size;
  const at = (a) => bytesOf(file, a, Math.min(a + blockBytes, size));
  let next = size > 0 ? at(0) : null;
  for (let a = 0; a < size; a += blockBytes) {
    const bytes = await next;
    next = a + blockBytes < size ? at(a + blockBytes) : null;
    // A rejected read ahead is awaited in the next round; until then it must not count as unhandled.
    next?.catch(() => {});
    take(bytes);
    onBytes(Math.min(a + blockBytes, size));
  }
}

/**
 * analyzeLog of `file` by streaming: { result, latin }. `latin` null tries
 * UTF-8 first and the whole file again as Windows-1252 when it is not UTF-8
 * (true or false: that reading only). `onProgress(done, total)` is called with
 * the bytes of both passes (total = 2 × the file's size), at most every 60 ms.
 * Errors are analyzeLog's (with `code`, and `latin`: the reading that failed),
 * "fileNotText" or "fileFailed".
 */
export async function streamFile(file, options, { latin = null, onProgress = () => {}, blockBytes = BLOCK_BYTES } = {}) {
  await checkText(file);
  const total = 2 * file.size;
  let last = 0;
  const progress = (done) => {
    const now = performance.now();
    if (now - last > 60 || done === total) {
      last = now;
      onProgress(done, total);
    }
  };
  for (const tryLatin of latin === null ? [false, true] : [latin]) {
    onProgress(0, total);
    // The file's size sizes the module's memory of order ids.
    const stream = new LogStream(options, tryLatin, file.size);
    const scan = (bytes) => stream.scan(bytes);
    try {
      await pass(file, blockBytes, scan, progress);
      stream.endScan();
      await pass(file, blockBytes, (bytes) => stream.read(bytes), (end) => progress(file.size + end));
      return { result: stream.finish(), latin: tryLatin };
    } catch (error) {
      if (!(error && error.code === "notUtf8" && !tryLatin && latin === null)) {
        // How far the reading got: an analysis error comes from text read this way.
        if (error && typeof error === "object") error.latin = tryLatin;
        throw error;
      }
      // Not UTF-8: the whole file again, as Windows-1252.
    } finally {
      try {
        stream.free();
      } catch {
        // After a trap inside a call the object still counts as borrowed and
        // cannot be freed: the trap's error is the one to report (the page then
        // replaces the worker, and its module with it).
      }
    }
  }
  throw fileError("internal", "unreachable");
}

/** The file's first HEAD_BYTES as text, read as the stream read it, cut after its last line break. */
export async function headText(file, latin) {
  const bytes = await bytesOf(file, 0, HEAD_BYTES);
  let end = bytes.length;
  if (file.size > HEAD_BYTES) {
    const lf = bytes.lastIndexOf(0x0a);
    if (lf >= 0) end = lf + 1;
  }
  return decoderFor(latin).decode(bytes.subarray(0, end));
}
