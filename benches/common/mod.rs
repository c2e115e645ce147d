//! The generated logs the benchmarks share.

/// A deterministic log: 1 customer per 10 rows, dates over 18 months.
#[allow(dead_code)]
pub fn generate(rows: usize) -> String {
    let months = ["Januari", "Februari", "Maret", "April", "Mei", "Juni"];
    let mut out = String::with_capacity(rows * 42);
    out.push_str("No. Faktur;Tanggal;Nama Pelanggan;Total\r\n");
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    for i in 0..rows {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let day = 1 + (seed % 28) as usize;
        let month = 1 + (seed >> 8) as usize % 6;
        let year = 2024 + (seed >> 16) as usize % 2;
        let customer = (seed >> 24) as usize % (rows / 10).max(1);
        // Thousands of rupiah, and now and then millions: `1.250.000`.
        let thousands = 10 + (seed >> 40) as usize % 990;
        let amount = if i % 7 == 0 {
            format!("{}.{thousands:03}", 1 + i % 9)
        } else {
            thousands.to_string()
        };
        let date = if i % 2 == 0 {
            format!("{day:02}/{month:02}/{year}")
        } else {
            format!("{day} {} {year}", months[month - 1])
        };
        let total = match i % 3 {
            0 => format!("Rp {}.000", amount),
            1 => format!("Rp{}.000,00", amount),
            _ => format!("{}.000", amount),
        };
        out.push_str(&format!("INV-{i};{date};Pelanggan {customer};{total}\r\n"));
    }
    out
}
