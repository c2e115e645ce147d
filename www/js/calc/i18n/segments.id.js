// RFM segments, in Indonesian: the label and the suggested action of each segment, by the
// `key` of rfm()'s `segments` and `rules` (API.md); and the words of a rule's condition
// (`conditionParts` joined by `and`, or `any` when there is no part).

export default {
    rfmSegments: {
      champions: {
        label: "Pelanggan juara",
        action:
          "Beri penghargaan: layanan VIP, akses lebih awal ke produk baru, insentif untuk mengajak teman, ucapan terima kasih pribadi.",
      },
      loyal: {
        label: "Pelanggan setia",
        action:
          "Tawarkan produk bernilai lebih tinggi, minta ulasan, ajak bergabung dengan program loyalitas.",
      },
      potentialLoyalists: {
        label: "Calon pelanggan setia",
        action:
          "Tawarkan keanggotaan atau program loyalitas dan rekomendasi yang sesuai dengan mereka.",
      },
      newCustomers: {
        label: "Pelanggan baru",
        action:
          "Sambut mereka: pesan terima kasih, bantuan memakai produk, penawaran kecil untuk pembelian kedua.",
      },
      promising: {
        label: "Menjanjikan",
        action:
          "Bangun hubungan: gratis ongkir atau diskon kecil untuk pesanan berikutnya.",
      },
      needAttention: {
        label: "Perlu perhatian",
        action:
          "Hubungi dengan penawaran terbatas waktu dan rekomendasi berdasarkan pembelian mereka.",
      },
      aboutToSleep: {
        label: "Mulai pasif",
        action:
          "Bagikan produk terlaris dan diskon untuk menarik minat mereka lagi sebelum berhenti membeli.",
      },
      cantLoseThem: {
        label: "Jangan sampai hilang",
        action:
          "Hubungi secara pribadi (telepon atau pesan WhatsApp) dengan penawaran khusus; tanyakan apa yang kurang.",
      },
      atRisk: {
        label: "Berisiko",
        action:
          "Kampanye win-back: pesan \"kami kangen Anda\", penawaran terbatas waktu, survei masukan.",
      },
      lost: {
        label: "Hilang",
        action:
          "Satu upaya terakhir, atau relakan dengan baik (jangan spam).",
      },
      hibernating: {
        label: "Tidur",
        action:
          "Kirim diskon untuk mengaktifkan kembali.",
      },
    },
    rfmCondition: { and: " dan ", any: "skor berapa pun" },
};
