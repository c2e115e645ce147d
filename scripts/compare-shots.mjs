// Compares two folders of screenshots (PNG) pixel by pixel, e.g. the e2e
// tests' tests/e2e/screenshots/ before and after a change that should not be
// visible:
//   node scripts/compare-shots.mjs BEFORE-DIR AFTER-DIR
// Prints, per file in BEFORE-DIR, "same", the size change, or how many pixels
// differ (a channel by more than 8 of 255) and their bounding box; exits 1 when
// any differs or is missing. The PNGs are decoded by headless Chromium's canvas
// (playwright-core, as the e2e tests use), so no image library is needed.
import fs from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";

const [before, after] = process.argv.slice(2);
if (!before || !after) {
  console.error("usage: node scripts/compare-shots.mjs BEFORE-DIR AFTER-DIR");
  process.exit(2);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});
const page = await browser.newPage();
const dataUrl = (file) => `data:image/png;base64,${fs.readFileSync(file).toString("base64")}`;

let bad = 0;
for (const name of fs.readdirSync(before).filter((f) => f.endsWith(".png")).sort()) {
  const other = path.join(after, name);
  if (!fs.existsSync(other)) {
    console.log(`${name}: missing in ${after}`);
    bad++;
    continue;
  }
  const r = await page.evaluate(
    async ([a, b]) => {
      const load = (src) =>
        new Promise((resolve, reject) => {
          const img = new Image();
          img.onload = () => resolve(img);
          img.onerror = reject;
          img.src = src;
        });
      const [x, y] = await Promise.all([load(a), load(b)]);
      if (x.width !== y.width || x.height !== y.height) {
        return { size: `${x.width}×${x.height} → ${y.width}×${y.height}` };
      }
      const pixels = (img) => {
        const c = document.createElement("canvas");
        c.width = img.width;
        c.height = img.height;
        const g = c.getContext("2d");
        g.drawImage(img, 0, 0);
        return g.getImageData(0, 0, img.width, img.height).data;
      };
      const p = pixels(x);
      const q = pixels(y);
      let n = 0;
      let box = null;
      for (let i = 0; i < p.length; i += 4) {
        if (Math.abs(p[i] - q[i]) > 8 || Math.abs(p[i + 1] - q[i + 1]) > 8 || Math.abs(p[i + 2] - q[i + 2]) > 8) {
          n++;
          const px = (i / 4) % x.width;
          const py = Math.floor(i / 4 / x.width);
          box = box
            ? [Math.min(box[0], px), Math.min(box[1], py), Math.max(box[2], px), Math.max(box[3], py)]
            : [px, py, px, py];
        }
      }
      return { n, box, total: p.length / 4 };
    },
    [dataUrl(path.join(before, name)), dataUrl(other)],
  );
  if (r.size) {
    console.log(`${name}: size ${r.size}`);
    bad++;
  } else if (r.n) {
    console.log(`${name}: ${r.n} of ${r.total} pixels differ, within x ${r.box[0]}–${r.box[2]}, y ${r.box[1]}–${r.box[3]}`);
    bad++;
  } else {
    console.log(`${name}: same`);
  }
}
await browser.close();
process.exit(bad ? 1 : 0);
