// Strings of the CRR calculator, in Indonesian.

export default {
    "crr.title": "Tingkat Retensi Pelanggan (CRR)",
    "crr.intro":
      "Berapa persen pelanggan di awal periode yang masih membeli di akhir periode. Pelanggan baru tidak dihitung.",
    "crr.start": "Pelanggan di awal periode (S)",
    "crr.end": "Pelanggan di akhir periode (E)",
    "crr.new": "Pelanggan baru selama periode (N)",
    "crr.newHelp": "Pelanggan baru sudah termasuk dalam E.",
    "crr.hint": "Isi ketiga angka (S, E dan N) untuk melihat retensi Anda.",
    "crr.figure": "Retensi",
    "crr.churn": "Churn (pelanggan hilang)",
    "crr.retained": "Bertahan (E − N)",
    "crr.lost": "Hilang (S − bertahan)",
    "crr.above100":
      "Retensi di atas 100 %: E − N lebih besar dari S, yang hanya terjadi bila pelanggan lama yang sempat berhenti kembali membeli. Jadi ini bukan retensi yang sangat baik: dari S, E dan N tidak bisa diketahui berapa pelanggan S yang bertahan. Hitung pelanggan S yang membeli lagi (retensi ketat) dan pantau angka itu.",
    "crr.scale":
      "Skala yang dipakai (sumber umum): di bawah 60 % buruk · 60–75 % rata-rata · 75–85 % baik · di atas 85 % sangat baik.",
    "crr.scaleAlt":
      "Skala lain dari sumber berbeda: di bawah 70 % buruk · 70–80 % rata-rata · 80–90 % baik · 90 % ke atas kelas dunia.",
    "crr.industriesTitle": "Rata-rata industri per tahun (menurut sumber)",
    "crr.otherSource": "sumber lain: {range}",
    "crr.caveat":
      "Sumber-sumber saling tidak sepakat (misalnya SaaS 35 % vs 85–95 %, e-commerce 38 %), jadi anggap angka ini kisaran kasar, bukan satu kebenaran. Angkanya tahunan: bandingkan dengan periode yang sama panjangnya.",
    "crr.next.poor":
      "Cari tahu kenapa pelanggan pergi: tanyakan langsung ke beberapa pelanggan yang berhenti membeli, lalu perbaiki masalah yang paling sering disebut.",
    "crr.next.average":
      "Hubungi pelanggan yang mulai jarang membeli (mis. 30–60 hari tanpa transaksi) dengan pesan pribadi atau penawaran terbatas.",
    "crr.next.good":
      "Pertahankan: buat program loyalitas sederhana (poin, diskon pembelian berikutnya) dan hitung ulang setiap periode dengan cara yang sama.",
    "crr.next.unknown":
      "Cari tahu berapa pelanggan awal periode yang membeli lagi di periode ini (dari catatan penjualan: Analisis penjualan memberikannya sebagai retensi ketat).",
    "crr.next.excellent":
      "Bagus sekali. Ajak pelanggan setia merekomendasikan usaha Anda (program referral), dan pastikan pelanggan baru tidak ikut terhitung sebagai pelanggan lama.",
    industries: {
      media: "Media & hiburan",
      banking: "Perbankan",
      insurance: "Asuransi",
      ecommerce: "E-commerce",
      saas: "SaaS",
      retail: "Ritel",
      telecom: "Telekomunikasi",
      healthcare: "Kesehatan",
      travel: "Perjalanan & perhotelan",
      financial: "Jasa keuangan",
    },
};
