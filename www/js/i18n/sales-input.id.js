// Strings of "Analyse my sales" (js/sales/), in Indonesian: the input, progress and "how your data was read" (layout, orders, statuses, notices, columns).
// Merged into the page's dictionary by js/sales-i18n.js.

export default {
    "nav.sales": "Analisis penjualan",
    "sales.title": "Analisis penjualan",
    "sales.intro":
      "Tempel atau buka log penjualan Anda (pelanggan, tanggal, jumlah; nomor faktur boleh ada) dan lihat sekaligus segmen RFM, retensi, kohort, CLV dan siklus hidup setiap pelanggan.",
    "sales.text": "Log penjualan",
    "sales.textHelp":
      "Satu baris per transaksi, dengan judul kolom: pelanggan, tanggal, jumlah (dan nomor faktur bila ada). Tempel dari Excel / Google Sheets atau buka file CSV.",
    "sales.open": "Buka file CSV / Excel…",
    "sales.drop":
      "atau tarik file CSV, Excel (.xlsx, .xls) atau ODS ke kotak ini. File dibaca di browser ini, tidak diunggah.",
    "sales.dropHere": "Lepaskan file di sini",
    "sales.clear": "Kosongkan",
    "sales.fileUsed": (p) =>
      `Dianalisis: file “${p.name}” (${p.size})${p.latin ? ", dibaca sebagai Windows-1252 karena isinya bukan UTF-8" : ""}. Tempel teks di kotak untuk menggantinya.`,
    "sales.fileTooBig": (p) => `File “${p.name}” terlalu besar (${p.size}); paling besar ${p.max}.`,
    "sales.fileNotText": (p) =>
      `“${p.name}” bukan file teks. Dari Excel, simpan dulu sebagai CSV (File › Simpan Sebagai › CSV UTF-8), lalu buka file CSV-nya.`,
    "sales.fileFailed": (p) => `File “${p.name}” tidak dapat dibaca.`,
    "sales.sheetUsed": (p) =>
      `Lembar “${p.sheet}” dibaca dari file “${p.name}” (${p.size}) dan dianalisis. Tempel teks di kotak untuk menggantinya.`,
    "sales.locale": "Format angka dan tanggal",
    "sales.localeAuto": "Otomatis (dari isinya)",
    "sales.localeId": "Indonesia (1.234,5 · hari/bulan)",
    "sales.localeEn": "Inggris (1,234.5 · bulan/hari)",
    "sales.start": "Tempel log penjualan atau buka file CSV untuk mulai.",

    // progress
    "sales.progressLabel": "Kemajuan analisis",
    "sales.stage.reading": (p) => `Langkah 1 dari 3: membaca file… ${p.pct}`,
    "sales.stage.sending": "Langkah 1 dari 3: menyiapkan data…",
    "sales.stage.analysing": (p) =>
      p.lines ? `Langkah 2 dari 3: menganalisis ±${p.lines} baris…` : "Langkah 2 dari 3: menganalisis…",
    "sales.stage.drawing": "Langkah 3 dari 3: menggambar hasil…",
    "sales.stage.streaming": (p) => `Langkah 1–2 dari 3: membaca dan menganalisis file besar sepotong demi sepotong… ${p.pct}`,
    "sales.cancel": "Batalkan",
    "sales.cancelled": "Analisis dibatalkan. Ubah data atau pengaturan untuk mulai lagi.",
    "sales.done": (p) => `Analisis selesai dalam ${p.seconds} detik.`,
    "sales.busyNote": "Halaman tetap bisa dipakai selama analisis berjalan.",

    // data read
    "sales.dataTitle": "Data yang dibaca",
    "sales.rows": (p) => `${p.used} baris dipakai, ${p.skipped} dilewati`,
    "sales.span": (p) => `${p.customers} pelanggan · transaksi ${p.from} – ${p.to}`,
    "sales.skippedTitle": "Baris yang dilewati",
    "sales.row": "Baris {row}",
    "sales.moreRows": (p) => `… dan ${p.n} baris lain`,
    "sales.columnsTitle": "Kolom yang terdeteksi",
    "sales.columnsCaption": "Kolom data, peran dan cara membacanya",
    "sales.columnsHelp":
      "Peran kolom salah terbaca? Pilih peran yang benar; analisis diulang otomatis.",
    "sales.col.name": "Kolom",
    "sales.col.role": "Peran",
    "sales.col.kind": "Isi",
    "sales.col.notation": "Cara membaca",
    "sales.roleOf": (p) => `Peran kolom ${p.name}`,
    "sales.role.none": "(tidak dipakai)",
    "sales.role.customer": "Pelanggan",
    "sales.role.date": "Tanggal",
    "sales.role.amount": "Jumlah",
    "sales.role.status": "Status pesanan",
    "sales.role.engagement": "Keterlibatan",
    "sales.role.refunded": "Dana dikembalikan",
    "sales.role.orderId": "No. faktur / pesanan",
    "sales.kind.text": "teks",
    "sales.kind.date": "tanggal",
    "sales.kind.amount": "jumlah uang",
    "sales.kind.number": "angka",
    "sales.kind.yesNo": "ya/tidak",
    "sales.kind.empty": "kosong",
    "sales.kind.time": "jam",
    "sales.notation.dayFirst": "tanggal dibaca hari/bulan/tahun",
    "sales.notation.monthFirst": "tanggal dibaca bulan/hari/tahun",
    "sales.notation.amount": (p) => `“${p.thousands}” pemisah ribuan, “${p.decimal}” desimal`,
    "sales.by.values": "ditentukan dari isinya",
    "sales.by.locale": "dari pilihan format",
    "sales.by.default": "bawaan, karena isinya tidak menentukan: periksa!",
    "sales.resetColumns": "Kembalikan deteksi otomatis",

    // how the file was read (store exports)
    "sales.currency": "Mata uang",
    "sales.currencyAuto": (p) => (p.symbol ? `Otomatis (terdeteksi: ${p.symbol})` : "Otomatis (dari isinya)"),
    "sales.readTitle": "Cara file Anda dibaca",
    "sales.layout": (p) => `Dikenali: ${p.name}`,
    "sales.layouts": {
      shopee: "ekspor pesanan Shopee",
      tokopedia: "ekspor pesanan Tokopedia",
      tiktokShop: "ekspor pesanan TikTok Shop",
      lazada: "ekspor pesanan Lazada",
      shopify: "ekspor pesanan Shopify",
      woocommerce: "ekspor pesanan WooCommerce",
      pos: "laporan penjualan kasir (POS)",
    },
    "sales.header": (p) =>
      p.titles
        ? `Judul di baris ${p.titles} dilewati; header di baris ${p.row}`
        : `Header di baris ${p.row}`,
    "sales.noHeader": "Tidak ada baris header: semua baris dibaca sebagai data",
    "sales.orders": (p) =>
      p.extraN
        ? `${p.orders} pesanan dari ${p.lines} baris (${p.extra} baris produk tambahan dari pesanan yang sama)`
        : `${p.orders} pesanan dari ${p.lines} baris`,
    "sales.amountLevel": {
      order: "jumlah pesanan dibaca sekali per pesanan",
      firstLine: "jumlah pesanan dibaca dari baris pertama setiap pesanan",
      line: "jumlah setiap baris produk dijumlahkan per pesanan",
      row: "",
    },
    "sales.guests": (p) =>
      `${p.orders} penjualan tanpa nama pelanggan (tamu, ${p.revenue}) dihitung dalam pendapatan, tidak sebagai pelanggan`,
    "sales.revenue": (p) => `Pendapatan bersih: ${p.revenue} (${p.currency}, ${p.by})`,
    "sales.refunded": (p) => `pengembalian sebagian ${p.amount} sudah dikurangkan`,
    "sales.currencyBy": {
      values: "terdeteksi dari isinya",
      header: "dari judul kolom",
      column: "dari kolom mata uang",
      option: "pilihan Anda",
      layout: "dari jenis ekspornya (toko Indonesia)",
      default: "bawaan, karena file tidak menyebutnya: periksa!",
    },
    "sales.noticesTitle": "Perlu diperiksa",
    "sales.statusTitle": "Status pesanan",
    "sales.statusCaption": "Status pesanan di file: baris, pesanan, pendapatan, dan apakah dihitung",
    "sales.statusHelp": "Centang = dihitung dalam analisis. Ubah centang untuk menghitung ulang.",
    "sales.st.status": "Status",
    "sales.st.rows": "Baris",
    "sales.st.orders": "Pesanan",
    "sales.st.revenue": "Pendapatan",
    "sales.st.counted": "Dihitung",
    "sales.st.countedBox": "dihitung",
    "sales.st.empty": "(kosong)",
    "sales.categories": {
      completed: "selesai",
      shipped: "dikirim",
      processing: "diproses",
      pending: "menunggu",
      unpaid: "belum dibayar",
      cancelled: "dibatalkan",
      failed: "gagal",
      returned: "dikembalikan",
      partiallyRefunded: "dikembalikan sebagian",
      unknown: "tidak dikenal",
    },
    "sales.st.override": {
      cancelled: "dibatalkan",
      returnGranted: "pengembalian disetujui",
      refundedInFull: "dana dikembalikan penuh",
    },
    "sales.moreColumns": (p) => `Tampilkan ${p.n} kolom lain`,
    "sales.fewerColumns": (p) => `Sembunyikan ${p.n} kolom lain`,
    "sales.savedUsed": "Pemetaan kolom yang Anda simpan dipakai",
    "sales.savedNew": "Pemetaan kolom ini disimpan di browser ini (hanya nama kolom dan perannya) untuk file berikutnya dengan kolom yang sama",
    "sales.forget": "Lupakan",
    "sales.forgotten": "Pemetaan kolom yang disimpan sudah dihapus.",
    "sales.titleCount": (p) => `${p.n} baris di atasnya`,
    "sales.tone.bad": "Penting",
    "sales.tone.warn": "Periksa",
    "sales.tone.info": "Catatan",
    "sales.notices": {
      manyOrdersPerCustomer: (p) =>
        `Sebagian besar pelanggan punya ${p.median} pesanan atau lebih: periksa apakah kolom pelanggan berisi pembeli, bukan produk atau toko.`,
      dominantCustomer: (p) => `Satu pelanggan, “${p.customer}”, memegang ${p.percent} pendapatan: periksa apakah kolom pelanggan benar.`,
      unknownStatus: (p) =>
        `Status “${p.statuses}” tidak dikenal; pesanannya dihitung. Hapus centangnya di daftar status bila itu bukan penjualan.`,
      guestSales: (p) =>
        `${p.orders} penjualan tanpa pelanggan (pembeli langsung atau tamu) dihitung dalam pendapatan (${p.revenue}), tidak sebagai pelanggan.`,
      multiLineOrders: (p) => `${p.orders} pesanan tersebar di ${p.lines} baris: setiap pesanan dihitung sekali.`,
      customerLooksLikeOrderId: (p) => `Kolom pelanggan “${p.column}” berisi nilai yang mirip nomor pesanan: periksa pemetaan kolom.`,
      customerLooksLikeDate: (p) => `Kolom pelanggan “${p.column}” berisi tanggal atau jam: periksa pemetaan kolom.`,
      customerSameAsColumn: (p) => `Kolom pelanggan “${p.column}” berisi nilai yang sama dengan “${p.other}”, yang bukan kolom pembeli: periksa pemetaan kolom.`,
      rfmQuintileForCurrency: (p) =>
        `Jumlahnya dalam ${p.currency}, sedangkan batas skor M bawaan dalam rupiah: pelanggan diberi skor dengan kuintil.`,
      rfmQuintileForSpending: (p) =>
        `Median belanja pelanggan ${p.median}, jauh dari batas skor M bawaan: pelanggan diberi skor dengan kuintil.`,
      healthWithoutEngagement: (p) =>
        `Tidak ada kolom keterlibatan: skor kesehatan dihitung dari recency, frequency dan monetary (${p.points} poin) lalu diskalakan ke 100.`,
      churnWeightsRedistributed: (p) =>
        `Data tidak memuat ${p.missing}: bobotnya (${p.weight}) dibagikan ke bagian lain risiko churn secara proporsional.`,
      surveyUnmatched: (p) =>
        `${p.matched} dari ${p.respondents} responden survei cocok dengan pelanggan di log; jawaban responden lainnya tidak dipakai.`,
      churnJump: (p) =>
        `Churn ${p.period} melonjak ke ${p.churnRate}, setidaknya 1,5 kali median ${p.periods} bulan sebelumnya (${p.median}). Lihat siapa yang berhenti membeli.`,
    },
};
