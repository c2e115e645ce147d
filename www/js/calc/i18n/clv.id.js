// Strings of the CLV calculator, in Indonesian.

export default {
    "clv.title": "Nilai Seumur Hidup Pelanggan (CLV)",
    "clv.intro":
      "Berapa nilai satu pelanggan selama ia berbelanja di tempat Anda: nilai belanja × frekuensi × lama menjadi pelanggan.",
    "clv.aov": "Rata-rata nilai belanja per transaksi ({cur})",
    "clv.freq": "Jumlah pembelian per tahun",
    "clv.freqHelp": "Mis. 5 kali seminggu = 260 per tahun.",
    "clv.years": "Lama menjadi pelanggan (tahun)",
    "clv.margin": "Margin kotor (%)",
    "clv.marginHelp": "Opsional. Isi untuk CLV berbasis laba.",
    "clv.hint": "Isi nilai belanja, frekuensi dan lama menjadi pelanggan untuk melihat CLV.",
    "clv.figureRevenue": "CLV (pendapatan)",
    "clv.figureProfit": "CLV (laba kotor)",
    "clv.yearly": "Nilai per tahun",
    "clv.revenue": "CLV pendapatan",
    "clv.profit": "CLV laba kotor",
    "clv.maxCac": "Biaya akuisisi maksimal (CLV ÷ 3)",
    "clv.budget": "Anggaran retensi per pelanggan (10–15 %)",
    "clv.rules":
      "Aturan praktis: rasio CLV : biaya akuisisi (CAC) minimal 3 : 1, jadi biaya untuk mendapatkan satu pelanggan sebaiknya paling banyak sekitar 33 % dari CLV. Anggaran retensi 10–15 % dari CLV per pelanggan masih wajar.",
    "clv.caveat":
      "Rumus sederhana ini menganggap pelanggan terus membeli dengan pola yang sama. Sumber mendefinisikan CLV sebagai laba: isi margin kotor agar aturan praktis dihitung dari laba, bukan omzet.",
    "clv.next": (p) =>
      `Jangan keluarkan lebih dari ${p.max} untuk mendapatkan satu pelanggan baru, dan sisihkan ${p.low}–${p.high} per pelanggan untuk menjaganya (pesan terima kasih, poin loyalitas, layanan purnajual).`,
};
