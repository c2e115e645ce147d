// Strings of the goals and the CAC fields of the quick calculators (js/goals.js), in Indonesian.

export default {
    "goal.title": "Target",
    "goal.target": (p) => `Target ${p.metric} (opsional)`,
    "goal.help": "Berapa yang dibutuhkan untuk mencapainya, dari angka Anda sendiri.",
    "goal.reached": (p) => `Target ${p.target} sudah tercapai (${p.metric} ${p.current}).`,
    "goal.none": "tidak mungkin dengan jumlah yang ada",
    "goal.nps": (p) =>
      `NPS ${p.current} → ${p.target} dengan ${p.n} jawaban: ${p.more} pasif lagi menjadi promotor, atau ${p.fewer} detraktor lebih sedikit (menjadi pasif), atau ${p.both} detraktor menjadi promotor; atau ${p.fresh} jawaban promotor baru.`,
    "goal.crr": (p) => `CRR ${p.current} → ${p.target}: pertahankan ${p.more} pelanggan lagi dari ${p.start} (pertahankan ${p.needed}; paling banyak ${p.lost} boleh pergi).`,
    "goal.csat": (p) => `CSAT ${p.current} → ${p.target}: ${p.more} jawaban lagi harus puas (dari ${p.total}), atau ${p.fresh} jawaban puas baru.`,
    "goal.fcr": (p) => `FCR ${p.current} → ${p.target}: ${p.more} tiket lagi selesai di kontak pertama (dari ${p.total}), atau ${p.fresh} tiket baru yang selesai di kontak pertama.`,
    "goal.ces": (p) => `CES ${p.current} → ${p.target}: jawaban perlu ${p.points} poin lagi (misalnya ${p.points} jawaban satu langkah lebih mudah), atau ${p.fresh} jawaban baru di skor termudah.`,
    "goal.error": (p) => `Target harus antara ${p.min} dan ${p.max}.`,
    "cac.title": "Biaya akuisisi (CAC) — opsional",
    "cac.spend": "Biaya pemasaran periode ini (Rp)",
    "cac.new": "Pelanggan baru periode ini",
    "cac.keep": "Biaya mempertahankan satu pelanggan (Rp, opsional)",
    "cac.result": (p) => `CAC ${p.cac}; LTV : CAC = ${p.ratio} : 1. ${p.ok ? "Memenuhi aturan minimal 3 : 1." : "Di bawah aturan minimal 3 : 1."}${p.payback ? ` Balik modal dalam ${p.payback} bulan.` : ""}`,
    "cac.keepVsWin": (p) => `Mendapatkan pelanggan baru (${p.cac}) ${p.ratio} kali lebih mahal daripada mempertahankan satu (${p.keep}): hemat ${p.saving} per pelanggan yang bertahan.`,
    "cac.missing": "Isi biaya pemasaran dan jumlah pelanggan baru.",
    "cac.noNew": "Jumlah pelanggan baru harus 1 atau lebih.",
};
