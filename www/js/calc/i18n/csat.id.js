// Strings of the CSAT calculator, in Indonesian.

export default {
    "csat.title": "Kepuasan Pelanggan (CSAT)",
    "csat.intro": "“Seberapa puas Anda dengan …?” Persentase pelanggan yang puas.",
    "csat.text": "Jawaban survei CSAT",
    "csat.scale": "Skala",
    "csat.scale5": "1–5 (bintang)",
    "csat.scale10": "1–10",
    "csat.hint": "Tempel jawaban CSAT atau ketik skornya dipisah koma.",
    "csat.figure": "CSAT",
    "csat.mean": "Rata-rata skor",
    "csat.topBox": "puas = skor {range}",
    "csat.formula": "Jawaban puas ({range})",
    "csat.satisfiedLegend": "Puas ({range})",
    "csat.otherLegend": "Lainnya",
    "csat.chartTitle": "Sebaran skor CSAT",
    "csat.chartLabel": (p) => `Sebaran skor CSAT dari ${p.n} jawaban pada skala 1–${p.max}: ${p.detail}.`,
    "csat.scaleNote":
      "Target: 80 % pelanggan puas atau lebih. Pada skala 1–5 yang dihitung puas adalah skor 4–5; pada skala 1–10 skor 9–10.",
    "csat.caveat":
      "CSAT mengukur kepuasan atas satu interaksi, bukan kesetiaan; lihat juga NPS dan retensi.",
    "csat.next.meetsBenchmark":
      "Target tercapai. Baca komentar pelanggan yang tidak puas untuk menemukan perbaikan berikutnya.",
    "csat.next.belowBenchmark":
      "Hubungi pelanggan yang memberi skor rendah, cari keluhan yang berulang, dan perbaiki yang paling sering muncul lebih dulu.",
};
