// The customer lifecycle, in Indonesian: each stage's label and rule, by the `key` of
// lifecycle()'s `stages` (and customers' `stage`); each win-back stage's label and offer,
// by the `key` of its `winBack` (and customers' `winBack`).

export default {
    lifecycleStages: {
      new: { label: "Baru", rule: "Pembelian pertama kurang dari 30 hari lalu" },
      active: { label: "Aktif", rule: "Pembelian terakhir paling lama 90 hari lalu" },
      atRisk: { label: "Berisiko", rule: "Pembelian terakhir 91 sampai 180 hari lalu" },
      churned: { label: "Berhenti", rule: "Pembelian terakhir lebih dari 180 hari lalu" },
    },
    winBackStages: {
      lapsing: { label: "Mulai menjauh", offer: "Kami kangen Anda: diskon sekitar 15 % untuk pesanan berikutnya." },
      atRisk: { label: "Berisiko", offer: "Diskon sekitar 25 % plus hadiah gratis untuk pesanan berikutnya." },
      lost: { label: "Hilang", offer: "Diskon sekitar 40 %, dengan survei singkat: apa yang bisa kami perbaiki?" },
      lastAttempt: { label: "Upaya terakhir", offer: "Penawaran terakhir: diskon sekitar 50 % atau produk gratis." },
    },
};
