// Strings of the CES calculator, in Indonesian.

export default {
    "ces.title": "Customer Effort Score (CES)",
    "ces.intro":
      "“Seberapa mudah … ?” Rata-rata skor dan persentase jawaban “mudah” pada skala yang Anda pakai.",
    "ces.text": "Jawaban survei CES",
    "ces.scale": "Skala",
    "ces.highIsEasy": "Skor tinggi berarti mudah",
    "ces.highIsEasyHelp": "Hapus centang bila di survei Anda skor tinggi berarti sulit.",
    "ces.hint": "Tempel jawaban CES atau ketik skornya dipisah koma.",
    "ces.figure": "CES rata-rata",
    "ces.of": "dari {max}",
    "ces.easyShare": "Jawaban mudah",
    "ces.easyRange": "mudah = skor {range}",
    "ces.directionHigh": "skor tinggi = mudah",
    "ces.directionLow": "skor rendah = mudah",
    "ces.meanFormula": "Rata-rata",
    "ces.easyFormula": "Jawaban mudah ({range})",
    "ces.easyLegend": "Mudah ({range})",
    "ces.otherLegend": "Lainnya",
    "ces.chartTitle": "Sebaran skor CES",
    "ces.chartLabel": (p) => `Sebaran skor CES dari ${p.n} jawaban pada skala 1–${p.max}: ${p.detail}.`,
    "ces.scaleNote":
      "Patokan dari sumber: lebih dari 80 % jawaban “mudah” (kotak atas: 4–5 pada skala 1–5, 5–7 pada 1–7, 8–10 pada 1–10; dibalik bila skor tinggi berarti sulit).",
    "ces.caveat":
      "Rata-rata CES hanya bisa dibandingkan dengan survei yang memakai skala dan arah yang sama.",
    "ces.next.meetsBenchmark":
      "Sebagian besar pelanggan merasa mudah. Cari langkah yang masih dinilai sulit oleh sisanya dan sederhanakan.",
    "ces.next.belowBenchmark":
      "Cari di mana pelanggan kesulitan (mis. pembayaran, pengiriman, menghubungi CS) dan kurangi langkah yang harus mereka lakukan.",
};
