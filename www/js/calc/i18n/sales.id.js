// Strings of the sales-log calculator, in Indonesian.

export default {
    "sales.title": "Analisis penjualan",
    "sales.intro":
      "Tempel atau buka log penjualan (pelanggan, tanggal, jumlah; nomor faktur boleh ada): retensi, pembeli ulang, CLV, segmen RFM dan siklus pelanggan.",
    "log.text": "Log penjualan",
    "log.textHelp":
      "Satu baris per transaksi, dengan judul kolom: pelanggan, tanggal, jumlah (dan nomor faktur bila ada). Tempel dari Excel / Google Sheets atau buka file CSV.",
    "log.hint": "Tempel log penjualan Anda, atau buka file CSV-nya.",
    "log.retention": "Retensi bulan terakhir",
    "log.customers": "Pelanggan",
    "log.period": "Periode data",
    "log.month": (p) => `Bulan yang diukur (${p.from} – ${p.to})`,
    "log.repeat": "Pembeli ulang",
    "log.value": "Rata-rata nilai per pelanggan",
    "log.clv": "Perkiraan CLV",
    "log.pareto": (p) => `Porsi pendapatan ${p.n} pelanggan teratas (20 %)`,
    "log.segments": "Segmen RFM",
    "log.segment": "Segmen",
    "log.count": "Pelanggan",
    "log.revenue": "Pendapatan",
    "log.action": "Langkah",
    "log.stages": "Siklus pelanggan",
    "log.stage": "Tahap",
    "log.rule": "Aturan",
    "log.top": (p) => `${p.n} pelanggan dengan belanja terbesar`,
    "log.customer": "Pelanggan",
    "log.orders": "Pesanan",
    "log.spent": "Total belanja",
    "log.last": "Pembelian terakhir",
    "log.fileTop": "pelanggan-teratas",
    "log.more":
      "Ringkasan. Analisis lengkap (kohort, tabel semua pelanggan, pilihan periode dan ambang RFM) ada di halaman customer-metrics.",
};
