// Strings of the NPS calculator, in Indonesian.

export default {
    "nps.title": "Net Promoter Score (NPS)",
    "nps.intro":
      "“Seberapa besar kemungkinan Anda merekomendasikan kami kepada teman?” (0–10). NPS = % promotor − % pencela.",
    "nps.source": "Sumber data",
    "nps.sourceCounts": "Jumlah per kelompok",
    "nps.sourceText": "Tempel jawaban survei",
    "nps.promoters": "Promotor (9–\u206010)",
    "nps.passives": "Pasif (7–\u20608)",
    "nps.detractors": "Pencela (0–\u20606)",
    "nps.text": "Jawaban survei (skor 0–10)",
    "nps.hintCounts": "Isi paling sedikit satu jumlah promotor, pasif atau pencela.",
    "nps.hintText": "Tempel jawaban survei Anda, atau ketik skornya (0–10) dipisah koma.",
    "nps.moeNote": (p) =>
      `Margin kesalahan 95 %: ±${p.moe} poin, jadi NPS sebenarnya kemungkinan besar antara ${p.low} dan ${p.high}.`,
    "nps.group.promoters": "Promotor",
    "nps.group.passives": "Pasif",
    "nps.group.detractors": "Pencela",
    "nps.chartTitle": "Sebaran skor NPS",
    "nps.chartGroupsTitle": "Jumlah per kelompok NPS",
    "nps.chartLabel": (p) =>
      `Sebaran skor NPS dari ${p.n} jawaban: ${p.detail}. NPS ${p.nps} ± ${p.moe}.`,
    "nps.moeFormula": "Margin kesalahan 95 % (p = porsi promotor, d = porsi pencela, n = jawaban)",
    "nps.scale":
      "Pita: di bawah 0 krisis · 0–30 perlu perbaikan · 30–50 baik · 50–70 sangat bagus · 70 ke atas kelas dunia. Target yang sering dikutip: di atas 50.",
    "nps.caveat": (p) =>
      `Dengan ${p.n} jawaban, margin kesalahan ±${p.moe} poin: perubahan yang lebih kecil dari itu belum tentu nyata. NPS sangat berbeda antar industri dan negara; bandingkan terutama dengan skor Anda sendiri dari waktu ke waktu.`,
    "nps.next.crisis":
      "Pencela lebih banyak dari promotor: hubungi pencela satu per satu, dengarkan keluhannya, dan perbaiki masalah yang paling sering disebut.",
    "nps.next.needsImprovement":
      "Baca alasan para pencela, perbaiki 1–2 keluhan utama, lalu ukur lagi dengan pertanyaan yang sama.",
    "nps.next.good":
      "Ubah pasif menjadi promotor: tanyakan kepada pemberi skor 7–8 apa yang kurang untuk nilai 9–10.",
    "nps.next.great":
      "Ajak promotor menulis ulasan atau merekomendasikan teman lewat program referral.",
    "nps.next.worldClass":
      "Pertahankan kualitasnya, ucapkan terima kasih kepada promotor, dan manfaatkan mereka untuk ulasan dan referral.",
};
