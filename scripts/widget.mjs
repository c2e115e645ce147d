// Builds the embeddable widget into www/widget/ (beside www/widget/pkg, which
// scripts/build.sh makes first):
//   widget/customer-metrics.js → www/widget/customer-metrics.js  (the loader)
//   widget/host.css + www/tokens.css + www/calc.css → www/widget/widget.css (one
//                                 stylesheet: the widget's own rules, then the tokens and
//                                 the calculator styles it shares with the page)
//   widget/embed-resize.js     → www/widget/embed-resize.js     (for iframe hosts)
//   www/js/{dom,format,charts}.js, www/js/kit/dates.js, www/js/calc/**
//                                 → www/widget/lib/  (the page's own calculator
//                                 code and the kit's DOM-free dates, which the widget shares)
//   www/widget/pkg/customer_metrics.js             (the wasm-bindgen glue, in place)
// Each file is minified on its own with esbuild (whitespace, syntax, local names;
// imports stay imports: nothing is bundled), because every reader of a blog
// downloads them (size budget: scripts/size.mjs). Without esbuild (no npm
// packages installed) the files are copied as they are: the widget works, only
// larger. The page itself (www/js, www/app.js) is served unminified.

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const out = path.join(repo, "www/widget");

let esbuild = null;
try {
  esbuild = await import("esbuild");
} catch {
  console.log("widget: esbuild is not installed (npm ci): copying the widget's files unminified");
}

// The widget's stylesheet, joined in this order (the cascade follows it).
const STYLESHEET = ["widget/host.css", "www/tokens.css", "www/calc.css"];

/** Minifies `source` (a path, or an array of paths joined into one file) into `target`. */
async function minify(source, target, loader) {
  const text = [source].flat().map((f) => fs.readFileSync(f, "utf8")).join("\n");
  let code = text;
  if (esbuild) {
    const result = await esbuild.transform(text, {
      loader,
      minify: true,
      target: loader === "css" ? "chrome100" : "es2022",
      legalComments: "none",
      charset: "utf8",
    });
    code = result.code;
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, code);
  return { source, target, from: Buffer.byteLength(text), to: Buffer.byteLength(code) };
}

const walk = (dir) =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));

// A fresh lib/: a module removed from www/js/calc must not linger.
fs.rmSync(path.join(out, "lib"), { recursive: true, force: true });

const jobs = [
  [path.join(repo, "widget/customer-metrics.js"), path.join(out, "customer-metrics.js"), "js"],
  [path.join(repo, "widget/embed-resize.js"), path.join(out, "embed-resize.js"), "js"],
  [STYLESHEET.map((f) => path.join(repo, f)), path.join(out, "widget.css"), "css"],
];
const shared = ["dom.js", "format.js", "charts.js", "kit/dates.js", ...walk(path.join(repo, "www/js/calc")).map((f) => path.relative(path.join(repo, "www/js"), f))];
for (const file of shared.filter((f) => f.endsWith(".js"))) {
  jobs.push([path.join(repo, "www/js", file), path.join(out, "lib", file), "js"]);
}
const glue = path.join(out, "pkg/customer_metrics.js");
if (fs.existsSync(glue)) jobs.push([glue, glue, "js"]);

let from = 0;
let to = 0;
for (const [source, target, loader] of jobs) {
  const r = await minify(source, target, loader);
  from += r.from;
  to += r.to;
}
console.log(`widget: ${jobs.length} files into www/widget/ (${from} → ${to} bytes${esbuild ? ", minified" : ""})`);
