// End to end: survey exports pasted into the page's NPS, CES and CSAT with no column
// mapping (tests/fixtures/surveys/): a Google Forms CSAT with answers in words, blanks
// and a suggestion column; a Typeform NPS with a channel and a "why" column; a CES export
// on the seven-point agree scale. The figures are those worked out by hand in
// tests/surveys.rs (CSAT 50 %, Bandung 60 % ± 42.9; NPS 9.1, Wald ± 53.2, adjusted Wald
// 7.1 ± 45.2; CES 4.25), here as the page writes them in Indonesian. Comments are text.
// Run after scripts/build.sh:  node --test --test-concurrency=1 tests/e2e/surveys.test.mjs

import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { norm, openPage, repo, settled } from "./helpers.mjs";

const fixture = (name) => fs.readFileSync(path.join(repo, "tests/fixtures/surveys", name), "utf8");

describe("survey exports on the page", { timeout: 300_000 }, () => {
  let page;
  let close;
  let problems = [];

  before(async () => {
    ({ page, problems, close } = await openPage());
  });

  after(async () => {
    await close?.();
  });

  const text = async (selector) => {
    await settled(page);
    return norm(await page.locator(selector).first().textContent());
  };
  const texts = async (selector) => {
    await settled(page);
    return (await page.locator(selector).allTextContents()).map(norm);
  };

  it("CSAT from a Google Forms export in words, by branch, with the comments to follow up", async () => {
    await page.locator("#csat-text").fill(fixture("google_forms_csat.csv"));
    assert.equal(await text('[data-testid="csat-value"]'), "50 %");
    assert.equal(await text('[data-testid="csat-rows"]'), "10 jawaban dipakai, 2 dilewati");
    // Skipped rows with their line and reason: the blank answer, the unknown word.
    const skipped = page.locator('[data-testid="csat-skipped"] li');
    assert.deepEqual(await skipped.evaluateAll((els) => els.map((e) => [e.dataset.row, e.dataset.code])), [
      ["5", "emptyValue"],
      ["10", "unknownLabel"],
    ]);
    assert.match((await texts('[data-testid="csat-skipped"] li'))[1], /Baris 10: jawaban berupa kata yang tidak ada di tabel label/);
    // The label mapping.
    const labels = await page
      .locator('[data-testid="csat-labels"] tbody tr')
      .evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent).join(" | ")));
    assert.deepEqual(labels, ["Sangat puas | 5 | 3", "Puas | 4 | 2", "Cukup | 3 | 1", "Netral | 3 | 1", "Tidak puas | 2 | 2", "Sangat Tidak Puas | 1 | 1"]);

    // Group by Cabang.
    await page.selectOption("#csat-group", { label: "Cabang" });
    assert.deepEqual(await texts('[data-testid="csat-groups"] tbody th'), ["Bandung", "Jakarta", "Surabaya"]);
    const bandung = await texts('[data-testid="csat-groups"] tbody tr[data-name="Bandung"] td');
    assert.deepEqual(bandung, ["60 %", "± 42,9", "17,1 – 100", "5"]);
    const jakarta = await texts('[data-testid="csat-groups"] tbody tr[data-name="Jakarta"] td');
    assert.deepEqual(jakarta, ["50 %", "± 49", "1 – 99", "4"]);

    // Comments of the dissatisfied (1–2), as text: the markup in line 13 is not markup.
    const comments = page.locator('[data-testid="csat-comments"] li');
    assert.equal(await comments.count(), 3);
    assert.deepEqual(await comments.evaluateAll((els) => els.map((e) => e.dataset.row)), ["4", "6", "13"]);
    assert.match(await text('[data-testid="csat-comments"] li[data-row="4"]'), /Baris 4 · skor 2 · Bandung “?Antre terlalu lama/);
    const last = page.locator('[data-testid="csat-comments"] li[data-row="13"]');
    assert.equal(await last.locator("b, img").count(), 0, "user text is never markup");
    assert.match(norm(await last.textContent()), /<b>Kasir<\/b> jutek <img src=x onerror=alert\(1\)>/);
  });

  it("NPS from a Typeform export by channel, both intervals, the detractors' reasons", async () => {
    await page.locator("#nps-text").fill(fixture("typeform_nps.csv"));
    assert.ok(await page.locator("#nps-source-text").isChecked());
    assert.equal(await text('[data-testid="nps-value"]'), "9,1");
    assert.match(await text('[data-testid="nps-wald"]'), /: 9,1 ± 53,2 \(.44,1 – 62,3\)$/);
    assert.match(await text('[data-testid="nps-adjusted-wald"]'), /: 7,1 ± 45,2 \(.38,1 – 52,4\)$/);
    await page.selectOption("#nps-group", { label: "channel" });
    assert.deepEqual(await texts('[data-testid="nps-groups"] tbody th'), ["whatsapp", "email", "instagram"]);
    const wa = await texts('[data-testid="nps-groups"] tbody tr[data-name="whatsapp"] td');
    assert.equal(wa[0], "40");
    assert.equal(wa[3], "5");
    const comments = page.locator('[data-testid="nps-comments"] li');
    assert.deepEqual(await comments.evaluateAll((els) => els.map((e) => e.dataset.row)), ["4", "5", "10"]);
    assert.match(await text('[data-testid="nps-comments"] li[data-row="5"]'), /Baris 5 · skor 3 · email “?Wrong item, no refund/);
  });

  it("CES on the seven-point agree scale, words deciding the scale", async () => {
    await page.locator("#ces-text").fill(fixture("ces_agree.csv"));
    assert.equal(await text('[data-testid="ces-value"]'), "4,25");
    assert.equal(await page.inputValue("#ces-scale"), "7");
    const labels = await texts('[data-testid="ces-labels"] tbody th');
    assert.deepEqual(labels, [
      "Strongly agree",
      "Agree",
      "Somewhat agree",
      "Neither agree nor disagree",
      "Somewhat disagree",
      "Disagree",
      "Strongly disagree",
    ]);
    assert.deepEqual(await page.locator('[data-testid="ces-comments"] li').evaluateAll((els) => els.map((e) => e.dataset.score)), ["3", "2", "1"]);
    await page.selectOption("#ces-group", { label: "Channel" });
    assert.deepEqual(await texts('[data-testid="ces-groups"] tbody th'), ["Chat", "Phone", "Email"]);
    const chat = await texts('[data-testid="ces-groups"] tbody tr[data-name="Chat"] td');
    // 14/3 = 4,67; 1,96 × √(31/3) / √3 = 3,64
    assert.deepEqual([chat[0], chat[1], chat[3]], ["4,67", "± 3,64", "3"]);
  });

  it("no console errors", () => {
    assert.deepEqual(problems, []);
  });
});
