// A generated sales log for the page tests and the page benchmark, of the same
// shape as benches/common/mod.rs: 1 customer per 10 rows, dates over Jan–Jun of
// 2024 and 2025 in two notations, rupiah amounts in three. Self-contained (no
// imports, no closure), so that it can also run inside the page:
//   page.evaluate(`(${generateLog})(1000000)`).

export function generateLog(rows) {
  const months = ["Januari", "Februari", "Maret", "April", "Mei", "Juni"];
  const pad = (n, w) => String(n).padStart(w, "0");
  const parts = ["No. Faktur;Tanggal;Nama Pelanggan;Total\r\n"];
  const customers = Math.max(1, Math.floor(rows / 10));
  let seed = 0x2545f491;
  for (let i = 0; i < rows; i++) {
    // xorshift32
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    const u = seed >>> 0;
    const day = 1 + (u % 28);
    const month = 1 + ((u >>> 5) % 6);
    const year = 2024 + ((u >>> 8) & 1);
    const customer = (u >>> 9) % customers;
    const thousands = 10 + ((Math.imul(u, 2654435761) >>> 0) % 990);
    const amount = i % 7 === 0 ? `${1 + (i % 9)}.${pad(thousands, 3)}` : String(thousands);
    const date = i % 2 === 0 ? `${pad(day, 2)}/${pad(month, 2)}/${year}` : `${day} ${months[month - 1]} ${year}`;
    const total = i % 3 === 0 ? `Rp ${amount}.000` : i % 3 === 1 ? `Rp${amount}.000,00` : `${amount}.000`;
    parts.push(`INV-${i};${date};Pelanggan ${customer};${total}\r\n`);
  }
  return parts.join("");
}
