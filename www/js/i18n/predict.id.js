// Strings of "Predict" (js/predict/), in Indonesian. The API's notices are
// translated by their `code` and `params` (`predictNotices`), errors by their `code`
// (`errorsPredict`). Merged into the
// page's dictionary by js/predict-i18n.js.

export default {
    "nav.predict": "Prediksi CLV",
    "sales.nav.predict": "Prediksi CLV ↓",
    "predict.title": "Prediksi CLV per pelanggan",
    "predict.intro":
      "Dari log yang sama di “Analisis penjualan”: model BG/NBD dan Gamma-Gamma menebak siapa yang masih aktif, berapa kali ia akan membeli lagi dan berapa nilainya dalam beberapa bulan ke depan. Semua dihitung di browser ini.",
    "predict.noData": "Belum ada data. Tempel atau buka log penjualan di bagian Analisis penjualan di atas; prediksi memakai log yang sama, tanpa menempel lagi.",
    "predict.noDataLink": "Ke Analisis penjualan ↑",
    "predict.waiting": "Menunggu analisis penjualan selesai…",
    "predict.source": (p) => `Memakai log dari Analisis penjualan: ${p.customers} pelanggan, transaksi ${p.from} – ${p.to}.`,
    "predict.newData": "Data berubah. Tekan “Hitung prediksi” untuk menghitung dengan data yang baru.",

    // options
    "predict.options": "Pengaturan prediksi",
    "predict.unit": "Satuan waktu model",
    "predict.unit.weeks": "Minggu",
    "predict.unit.days": "Hari",
    "predict.calibrationEnd": "Akhir kalibrasi",
    "predict.calibrationHelp": (p) =>
      `Pembelian sampai tanggal ini dipakai untuk menyesuaikan model. Bawaan: tanggal terakhir di data${p.date ? ` (${p.date})` : ""}.`,
    "predict.holdoutEnd": "Akhir holdout (opsional)",
    "predict.holdoutHelp":
      "Untuk menguji model: pembelian setelah akhir kalibrasi sampai tanggal ini dibandingkan dengan tebakan model. Kosongkan bila tidak perlu.",
    "predict.suggest": "Siapkan uji model (⅔ data untuk kalibrasi)",
    "predict.suggestHelp": (p) => `Akhir kalibrasi ${p.cal}, akhir holdout ${p.end}.`,
    "predict.horizon": "Horizon (bulan)",
    "predict.horizonHelp": "Berapa bulan ke depan yang ditebak. Bawaan 12.",
    "predict.discount": "Diskon per bulan (%)",
    "predict.discountHelp": "Uang yang datang nanti bernilai lebih kecil dari uang hari ini. Bawaan 1\u00a0%.",
    "predict.run": "Hitung prediksi",
    "predict.badHorizon": "Horizon harus bilangan bulat 1 sampai 1.200 bulan.",
    "predict.badDiscount": "Diskon per bulan harus antara 0 dan 100\u00a0%.",

    // progress
    "predict.stage": (p) => `Menyesuaikan model BG/NBD dan Gamma-Gamma pada ${p.customers} pelanggan…`,
    "predict.stageSending": "Menyiapkan prediksi…",
    "predict.done": (p) => `Prediksi selesai dalam ${p.seconds} detik.`,

    // results
    "predict.summary": (p) =>
      `Dalam ${p.h} bulan ke depan: sekitar ${p.purchases} pembelian dan CLV total ${p.total} (rata-rata ${p.mean} per pelanggan). ${p.active} dari ${p.n} pelanggan (${p.activePct}) kemungkinan masih aktif.`,
    "predict.t.customers": "Pelanggan dalam model",
    "predict.t.customersHelp": (p) => `yang membeli sampai ${p.date}`,
    "predict.t.repeat": "Pembeli ulang",
    "predict.t.repeatHelp": "membeli lagi di hari lain",
    "predict.t.purchases": (p) => `Pembelian yang diharapkan (${p.h} bln)`,
    "predict.t.total": (p) => `CLV total (${p.h} bln)`,
    "predict.t.mean": "CLV rata-rata per pelanggan",
    "predict.t.active": "Kemungkinan masih aktif",
    "predict.t.activeHelp": "P(aktif) 50\u00a0% atau lebih (pembeli sekali selalu dihitung aktif oleh BG/NBD)",
    "predict.warningsTitle": "Catatan dari model",
    "predict.nav": "Bagian prediksi",
    "predict.nav.customers": "Peringkat pelanggan",
    "predict.nav.compare": "Dibanding rumus sederhana",
    "predict.nav.model": "Cara kerja model",
    "predict.nav.alive": "Peta P(aktif)",
    "predict.nav.holdout": "Uji model",

    // ranked customers
    "predict.custTitle": "Pelanggan menurut CLV yang diprediksi",
    "predict.custIntro": (p) =>
      `P(aktif) = peluang pelanggan masih berbelanja di tempat Anda. CLV = nilai belanja yang diharapkan dalam ${p.h} bulan ke depan, didiskon ${p.d} per bulan. Rawat dulu pelanggan di urutan atas; pelanggan dengan pembelian ulang banyak tetapi P(aktif) rendah layak disapa kembali.`,
    "predict.custCaption": "Pelanggan diurutkan menurut CLV yang diprediksi, dengan P(aktif), pembelian dan belanja yang diharapkan",
    "predict.c.rank": "Peringkat",
    "predict.c.customer": "Pelanggan",
    "predict.c.pAlive": "P(aktif)",
    "predict.c.frequency": "Pembelian ulang",
    "predict.c.expectedPurchases": (p) => `Pembelian diharapkan (${p.h} bln)`,
    "predict.c.spendPerPurchase": "Belanja per pembelian (tebakan)",
    "predict.c.clv": (p) => `CLV (${p.h} bln)`,
    "predict.filter": "Tampilkan",
    "predict.filter.all": "Semua pelanggan",
    "predict.filter.active": (p) => `Kemungkinan masih aktif, P ≥ 50\u00a0% (${p.n})`,
    "predict.filter.gone": (p) => `Mungkin sudah pergi, P < 50\u00a0% (${p.n})`,
    "predict.download": "Unduh CSV (semua pelanggan)",
    "predict.csvName": "prediksi-clv.csv",
    "predict.csv": (p) => [
      "Peringkat",
      "Pelanggan",
      "P(aktif) (%)",
      "Pembelian ulang",
      `Recency (${p.unit})`,
      `Umur pelanggan T (${p.unit})`,
      `Rata-rata belanja pembelian ulang (${p.cur || "Rp"})`,
      `Pembelian diharapkan (${p.h} bln)`,
      `Belanja per pembelian, tebakan (${p.cur || "Rp"})`,
      `CLV ${p.h} bln (${p.cur || "Rp"})`,
      `Pembelian diharapkan, batas bawah 90 %`,
      `Pembelian diharapkan, batas atas 90 %`,
      `CLV, batas bawah 90 % (${p.cur || "Rp"})`,
      `CLV, batas atas 90 % (${p.cur || "Rp"})`,
      "Pembelian ulang di holdout, nyata",
      "Pembelian ulang di holdout, tebakan",
    ],

    // comparison
    "predict.compareTitle": "Dibanding CLV rumus sederhana",
    "predict.cmp.model": (p) => `CLV model, rata-rata (${p.h} bln ke depan)`,
    "predict.cmp.simple": (p) => `CLV rumus sederhana (umur ${p.years} tahun)`,
    "predict.cmp.simpleH": (p) => `Rumus sederhana untuk ${p.h} bln saja`,
    "predict.cmp.simpleHHelp": (p) => `${p.yearly} per tahun × ${p.h}/12, tanpa diskon`,
    "predict.cmp.name": (p) => `Perbandingan: CLV model ${p.model}, rumus sederhana ${p.simple}, rumus sederhana untuk ${p.h} bulan ${p.simpleH}.`,
    "predict.cmp.why": (p) =>
      `Mengapa berbeda? Rumus sederhana (rata-rata nilai pesanan × pembelian per tahun × umur) menganggap setiap pelanggan bertahan ${p.years} tahun — angka yang sebenarnya tidak diketahui siapa pun${p.measured ? "; di sini umur itu diukur dari data dan hanya batas bawah" : ""}. Model tidak butuh umur: ia menebak dari riwayat setiap pelanggan sendiri — seberapa sering dan kapan terakhir ia membeli — hanya untuk ${p.h} bulan ke depan, dan mendiskon uang yang datang belakangan ${p.d} per bulan.`,
    "predict.cmp.calibration": (p) => `Rumus sederhana memakai seluruh data; model hanya pembelian sampai ${p.date}.`,
    "predict.cmp.use": "Pakai CLV model untuk memilih pelanggan yang layak dirawat dan untuk anggaran beberapa bulan ke depan; rumus sederhana hanya gambaran kasar.",
    "predict.cmp.none": "CLV rumus sederhana tidak tersedia untuk data ini (lihat bagian CLV di Analisis penjualan).",

    // model
    "predict.modelTitle": "Cara kerja model",
    "predict.explainBg": (p) =>
      `BG/NBD menebak berapa kali pelanggan akan membeli lagi dan peluang ia masih aktif, P(aktif). Ia hanya melihat tiga hal di riwayat setiap pelanggan: berapa kali ia membeli ulang (frekuensi), kapan pembelian terakhirnya (recency) dan sudah berapa lama ia menjadi pelanggan (T), dalam ${p.unit}. Pelanggan yang biasanya sering membeli tetapi lama tidak muncul kemungkinan sudah pergi.`,
    "predict.explainGg":
      "Gamma-Gamma menebak nilai belanjanya per pembelian: rata-rata belanja pelanggan itu sendiri, ditarik ke rata-rata semua pelanggan bila pembeliannya masih sedikit. Ia dihitung dari pelanggan yang pernah membeli ulang.",
    "predict.explainClv": (p) =>
      `CLV = pembelian yang diharapkan × belanja per pembelian yang diharapkan, bulan demi bulan selama ${p.h} bulan, setiap bulan didiskon ${p.d}.`,
    "predict.paramsCaption": "Parameter model yang disesuaikan dengan data, dengan galat baku",
    "predict.p.param": "Parameter",
    "predict.p.value": "Nilai",
    "predict.p.se": "Galat baku",
    "predict.p.bg": "BG/NBD — pembelian dan peluang aktif",
    "predict.p.gg": "Gamma-Gamma — belanja per pembelian",
    "predict.m.r": "bentuk sebaran kecepatan membeli antar pelanggan",
    "predict.m.alpha": (p) => `skala kecepatan membeli (dalam ${p.unit})`,
    "predict.m.a": "bentuk sebaran peluang berhenti setelah sebuah pembelian",
    "predict.m.b": "bersama a: makin besar b, makin kecil peluang berhenti",
    "predict.m.p": "bentuk sebaran belanja per pembelian seorang pelanggan",
    "predict.m.q": "bentuk sebaran rata-rata belanja antar pelanggan",
    "predict.m.v": "skala rata-rata belanja antar pelanggan",
    "predict.derivedTitle": "Dibaca bersama",
    "predict.d.rate": (p) => `Pelanggan yang masih aktif membeli rata-rata ${p.rate} kali per ${p.unit1} (r/α), sekitar ${p.year} kali per tahun.`,
    "predict.d.drop": (p) => `Setelah setiap pembelian, rata-rata ${p.pct} pelanggan berhenti (a/(a+b)).`,
    "predict.d.spend": (p) => `Rata-rata belanja per pembelian di semua pelanggan: ${p.spend} (p·v/(q−1)).`,
    "predict.d.spendNone": "q ≤ 1: model belanja tidak punya rata-rata yang terhingga.",
    "predict.seNote": "Galat baku kecil dibanding nilainya = parameter ditentukan dengan baik oleh data.",
    "predict.seNone": "Galat baku tidak tersedia: data tidak cukup menentukan parameternya.",
    "predict.ll": (p) => `Log-likelihood: BG/NBD ${p.bg}; Gamma-Gamma ${p.gg}.`,

    // heat map
    "predict.aliveTitle": "Peta P(aktif): frekuensi × recency",
    "predict.aliveChart": "P(aktif) per jumlah pembelian ulang dan recency",
    "predict.aliveIntro": (p) =>
      `Peluang masih aktif untuk pelanggan yang sudah dikenal ${p.t} ${p.unit} (yang terlama di data), menurut jumlah pembelian ulang (baris) dan recency — waktu dari pembelian pertama ke pembelian terakhir (kolom). Kiri bawah: sering membeli tetapi lama tidak muncul — kemungkinan sudah pergi. Baris 0 selalu 100\u00a0%: model menganggap pelanggan hanya bisa berhenti setelah membeli ulang, jadi pembeli sekali dihitung masih aktif (tebakan pembelian mereka tetap kecil).`,
    "predict.aliveName": (p) =>
      `Peta panas P(aktif) menurut frekuensi 0 sampai ${p.maxF} dan recency 0 sampai ${p.t} ${p.unit}. Pembeli sekali (frekuensi 0) ${p.f0}; frekuensi ${p.fm} dengan recency ${p.t}: ${p.top}, dengan recency 0: ${p.bottom}. Angka lengkap ada di tabel di bawahnya.`,
    "predict.aliveFreq": "Pembelian ulang (frekuensi)",
    "predict.aliveRec": (p) => `Recency (${p.unit})`,
    "predict.aliveCell": (p) => `Frekuensi ${p.f}, recency ${p.r} ${p.unit}: P(aktif) ${p.p}`,
    "predict.aliveFreqHead": "Frekuensi \\ recency",
    "predict.aliveLegend": "Warna: P(aktif), makin gelap makin mungkin masih aktif",
    "predict.aliveBin": (p) => (p.hi === null ? `≥ ${p.lo}` : p.lo === "0" ? `< ${p.hi}` : `${p.lo}–${p.hi}`),
    "predict.aliveScroll": "Geser ke samping untuk melihat semua kolom.",

    // holdout
    "predict.holdoutTitle": "Uji model: kalibrasi vs holdout",
    "predict.holdoutChart": "Rata-rata pembelian di periode uji: aktual dan tebakan",
    "predict.holdoutNone":
      "Belum ada uji. Isi “Akhir holdout” (atau tekan “Siapkan uji model”) untuk melihat seberapa tepat model menebak pembelian yang sudah terjadi.",
    "predict.holdoutIntro": (p) =>
      `Model disesuaikan dengan pembelian sampai ${p.cal}, lalu menebak pembelian ${p.from} – ${p.end} (${p.duration} ${p.unit}). Batang = rata-rata pembelian per pelanggan di periode uji, dikelompokkan menurut pembelian ulangnya di periode kalibrasi.`,
    "predict.holdoutName": (p) =>
      `Grafik batang uji model: rata-rata pembelian di periode uji, aktual dan tebakan model, untuk pelanggan dengan 0 sampai 7 atau lebih pembelian ulang di periode kalibrasi. Total aktual ${p.actual}, tebakan ${p.predicted}.`,
    "predict.hoX": "Pembelian ulang di periode kalibrasi",
    "predict.hoY": "Rata-rata pembelian, uji",
    "predict.hoActual": "Aktual",
    "predict.hoPredicted": "Tebakan model",
    "predict.hoGroup": (p) => (p.last ? `${p.k}+` : `${p.k}`),
    "predict.hoCustomers": (p) => `n = ${p.n}`,
    "predict.hoCols": ["Pembelian ulang (kalibrasi)", "Pelanggan", "Aktual (rata-rata)", "Tebakan model (rata-rata)"],
    "predict.hoTotalActual": "Pembelian di periode uji (aktual)",
    "predict.hoTotalPredicted": "Tebakan model",
    "predict.hoDiff": "Selisih tebakan",
    "predict.hoDiffHelp": (p) => (p.over ? "model menebak lebih banyak" : "model menebak lebih sedikit"),
    "predict.unit.weeksPlural": "minggu",
    "predict.unit.daysPlural": "hari",
    "predict.unit.weeksOne": "minggu",
    "predict.unit.daysOne": "hari",

    // issue #15: intervals, holdout errors, diagnostics
    "predict.c.epRange": "Pembelian, interval 90\u00a0%",
    "predict.c.clvRange": "CLV, interval 90\u00a0%",
    "predict.c.holdout": "Holdout: nyata / tebakan",
    "predict.nav.diagnostics": "Diagnostik model",
    "predict.diagTitle": "Diagnostik model",
    "predict.diagIntro":
      "Grafik standar untuk menilai model (seperti di lifetimes): apakah model mengikuti pembelian ulang dari minggu ke minggu, berapa pembelian yang diharapkan per frekuensi dan recency, dan seberapa beragam pelanggan menurut model. Perbandingan per frekuensi kalibrasi ada di “Uji model”.",
    "predict.t.purchasesRange": (p) => `Pembelian diharapkan (${p.h} bln), interval 90\u00a0%`,
    "predict.t.totalRange": (p) => `Total CLV (${p.h} bln), interval 90\u00a0%`,
    "predict.t.rangeHelp": (p) => `dari galat baku parameter, ${p.draws} tarikan`,
    "predict.p.interval": "Interval 90\u00a0%",
    "predict.intervalNote": (p) =>
      `Interval 90\u00a0% berasal dari galat baku parameter: ${p.draws} set parameter ditarik secara acak (benih tetap) dan tebakan tiap pelanggan dihitung ulang. Interval ini menunjukkan ketidakpastian model, bukan berapa yang pasti dibeli seorang pelanggan.`,
    "predict.intervalNone": "Tanpa interval: data tidak cukup menentukan parameter (tidak ada galat baku).",
    "predict.penaltyNote": (p) =>
      `Data ini tidak cukup untuk menyesuaikan model tanpa bantuan, jadi dipakai penalti kecil (${p.penalty}) yang menahan parameter bentuk di dekat 1. Lihat peringatan di atas.`,
    "predict.hoWords": (p) => `Model menebak ${p.predicted} pembelian ulang di periode uji; nyatanya ${p.actual}: ${p.pct}.`,
    "predict.hoWordsSpend": (p) => `Model menebak belanja ${p.predicted} di periode uji; nyatanya ${p.actual}: ${p.pct}.`,
    "predict.hoErrCaption": "Galat tebakan per pelanggan di periode uji",
    "predict.hoErrMeasure": "Ukuran",
    "predict.hoErrPurchases": "Pembelian",
    "predict.hoErrSpend": "Belanja",
    "predict.hoMae": "Rata-rata selisih per pelanggan (MAE)",
    "predict.hoRmse": "Akar rata-rata kuadrat selisih (RMSE)",
    "predict.hoCorr": "Korelasi tebakan dan nyata",
    "predict.hoPct": "Selisih total",
    "predict.trNone": "Grafik pelacakan butuh log penjualan (bukan tabel ringkasan).",
    "predict.trTitle": "Pelacakan: pembelian ulang kumulatif per minggu",
    "predict.trName": (p) => `Pembelian ulang kumulatif ${p.from} – ${p.to}: nyata ${p.actual}, model ${p.model}.`,
    "predict.trActual": "Nyata",
    "predict.trModel": "Model",
    "predict.trMark": "akhir kalibrasi",
    "predict.trX": "Minggu sejak pembelian pertama yang paling awal",
    "predict.trY": "Pembelian ulang kumulatif",
    "predict.trCols": ["Akhir minggu", "Nyata", "Model", "Periode"],
    "predict.trCal": "kalibrasi",
    "predict.trHold": "holdout",
    "predict.expIntro": (p) =>
      `Pembelian ulang yang diharapkan dalam ${p.h} bulan ke depan untuk pelanggan yang sudah ${p.t} ${p.unit} menjadi pelanggan, menurut jumlah pembelian ulang dan recency-nya.`,
    "predict.expTitle": (p) => `Pembelian diharapkan (${p.h} bln) per frekuensi dan recency`,
    "predict.expName": (p) =>
      `Peta pembelian diharapkan dalam ${p.h} bulan: pelanggan dengan ${p.fm} pembelian ulang diharapkan membeli ${p.top} kali bila terakhir membeli baru-baru ini, ${p.bottom} kali bila sudah lama.`,
    "predict.expCell": (p) => `Frekuensi ${p.f}, recency ${p.r} ${p.unit}: ${p.v} pembelian diharapkan`,
    "predict.expLegend": "Warna: pembelian diharapkan, makin gelap makin banyak",
    "predict.het.intro":
      "Keragaman pelanggan menurut model: seberapa sering pelanggan membeli selama masih aktif (λ) dan seberapa besar peluang ia berhenti setelah tiap pembelian (p).",
    "predict.het.lambdaTitle": "Sebaran laju pembelian λ (Gamma r, α)",
    "predict.het.pTitle": "Sebaran peluang berhenti p (Beta a, b)",
    "predict.het.lambdaName": (p) => `Sebaran laju pembelian per ${p.unit1}; rata-rata ${p.mean}.`,
    "predict.het.pName": (p) => `Sebaran peluang berhenti setelah pembelian; rata-rata ${p.mean}.`,
    "predict.het.lambdaLabel": (p) => `Kepadatan λ (pembelian per ${p.unit1})`,
    "predict.het.pLabel": () => "Kepadatan p",
    "predict.het.lambdaX": (p) => `Pembelian per ${p.unit1} (λ)`,
    "predict.het.pX": "Peluang berhenti setelah pembelian (p)",
    "predict.het.y": "Kepadatan",

    errorsPredict: {
      tooFewCustomers: (p) =>
        `Terlalu sedikit pelanggan untuk model${p.got ? ` (${p.got}` : ""}${p.min ? `; perlu paling sedikit ${p.min})` : p.got ? ")" : ""}. Pilih akhir kalibrasi yang lebih akhir, atau kumpulkan data lebih banyak.`,
      tooFewRepeatBuyers: (p) =>
        `Terlalu sedikit pelanggan yang membeli lagi${p.got ? ` (${p.got}` : ""}${p.min ? `; perlu paling sedikit ${p.min})` : p.got ? ")" : ""}. Tanpa pembelian ulang, model tidak bisa menebak kapan pelanggan berhenti. Pilih akhir kalibrasi yang lebih akhir, atau kumpulkan data lebih lama.`,
      fitDidNotConverge: () =>
        "Model tidak bisa disesuaikan dengan data ini: pola pembeliannya tidak seperti yang digambarkan model (misalnya tidak ada pelanggan yang berhenti, atau semua membeli dengan irama yang sama). Coba satuan waktu lain atau akhir kalibrasi lain.",
      invalidDate: (p) => `${p.field} bukan tanggal yang valid.`,
      holdoutEndNotAfterCalibrationEnd: () =>
        "Akhir holdout harus setelah akhir kalibrasi. Untuk menguji model, pilih akhir kalibrasi yang lebih awal (atau tekan “Siapkan uji model”).",
      noCustomersInCalibration: () => "Tidak ada pembelian sampai akhir kalibrasi. Pilih tanggal yang lebih akhir.",
      horizonNotPositive: () => "Horizon harus paling sedikit 1 bulan.",
      horizonTooLong: () => "Horizon paling lama 1.200 bulan (100 tahun).",
      discountRateOutOfRange: () => "Diskon per bulan harus antara 0 dan 100\u00a0%.",
      noMeanSpend: () =>
        "Model belanja tidak punya rata-rata yang terhingga (q ≤ 1), jadi belanja pelanggan tidak bisa ditebak. Belanja per pembelian di data ini terlalu beragam.",
      noTransactions: () => "Log tidak berisi pembelian.",
      noPurchases: () => "Tidak ada pembelian di data (hanya pengembalian).",
      emptyText: () => "Belum ada log penjualan. Tempel atau buka log di Analisis penjualan.",
      fileTooBigToPredict: () =>
        "File ini terlalu besar untuk diprediksi di peramban (paling besar 100 MB). Pakai baris perintah: customer-metrics predict FILE.",
      noData: () => "Belum ada log penjualan. Tempel atau buka log di Analisis penjualan.",
      missingColumn: () => "Kolom pelanggan, tanggal atau jumlah tidak ditemukan. Atur peran kolom di Analisis penjualan.",
      noUsableRows: () => "Tidak ada baris yang bisa dipakai.",
      notInteger: (p) => `${p.field} harus bilangan bulat.`,
      negative: (p) => `${p.field} tidak boleh negatif.`,
      notANumber: (p) => `${p.field} harus berupa angka.`,
      workerFailed: () => "Prediksi tidak dapat dijalankan di browser ini. Muat ulang halaman atau coba browser lain yang lebih baru.",
      internal: () => "Terjadi kesalahan di dalam prediksi. Ubah pengaturan atau muat ulang halaman.",
    },
    fieldsPredict: {
      calibrationEnd: "Akhir kalibrasi",
      holdoutEnd: "Akhir holdout",
      horizonMonths: "Horizon",
      monthlyDiscountRate: "Diskon per bulan",
    },
    // The model's notices, by code (README "Codes"), from their params (js/predict/state.js noticeText).
    predictNotices: {
      lateFirstPurchases: (p) => `${p.customers} pelanggan baru membeli pertama kali setelah akhir kalibrasi (${p.calibrationEnd}), jadi tidak ikut dalam model.`,
      loneRefunds: (p) => `${p.refunds} pengembalian dana jatuh di hari tanpa pembelian oleh pelanggan yang sama dan tidak dipakai.`,
      purchasesAfterHoldout: (p) => `${p.days} hari pembelian setelah akhir holdout (${p.holdoutEnd}) tidak dipakai.`,
      purchasesAfterCalibration: (p) => `${p.days} hari pembelian setelah akhir kalibrasi (${p.calibrationEnd}) tidak dipakai. Isi akhir holdout untuk memakainya sebagai uji model.`,
      spendLeftOut: (p) => `${p.customers} pembeli ulang tanpa belanja positif tidak ikut dalam model belanja; mereka diberi rata-rata belanja semua pelanggan.`,
      spendFrequencyCorrelated: (p) => `Belanja per pembelian dan frekuensi pembelian saling berkaitan (ρ = ${p.correlation}); model Gamma-Gamma menganggap keduanya tidak berkaitan, jadi tebakan belanjanya kurang dapat dipercaya.`,
      qAtMostOne: (p) => `q = ${p.q} tidak lebih dari 1: model belanja tidak punya rata-rata yang terhingga, jadi belanja pelanggan tanpa pembelian ulang tidak bisa ditebak.`,
      fewRepeatBuyers: (p) => `Hanya ${p.customers} pembeli ulang: tebakan belanja masih kasar; lihat galat bakunya.`,
      fewCustomers: (p) => `Hanya ${p.customers} pelanggan: tebakan masih kasar; lihat galat bakunya.`,
      spendFlatLikelihood: () => "Data tidak cukup menentukan parameter model belanja, jadi galat bakunya tidak ada.",
      flatLikelihood: () => "Data tidak cukup menentukan parameter BG/NBD, jadi galat bakunya tidak ada.",
      parameterAtBound: (p) =>
        `Data hampir tidak menentukan parameter ${p.parametersN}: tanpa penalti nilainya akan lari ke 0 atau tak hingga (data terlalu sedikit menunjukkan kapan pelanggan membeli lagi atau berhenti). Penalti (${p.penalizer}) menahannya, jadi tebakan yang bergantung padanya hanyalah perkiraan hati-hati.`,
      shortHistory: (p) =>
        `Riwayatnya pendek: pelanggan paling lama baru teramati ${p.weeks} minggu (kurang dari ${p.min} minggu). Belum cukup waktu untuk melihat pelanggan berhenti, jadi tebakan banyak bersandar pada asumsi model.`,
      fewRepeatBuyersShare: (p) =>
        `Hanya ${p.repeatBuyers} dari ${p.customers} pelanggan (${p.percent} %) yang membeli lagi (kurang dari ${p.min} %): sedikit sekali bahan untuk mempelajari pembelian ulang dan kapan pelanggan berhenti, jadi tebakannya kasar.`,
      spendFromMean: (p) =>
        `Hanya ${p.customers} pembeli ulang yang punya nilai belanja, terlalu sedikit (kurang dari ${p.min}) untuk model belanja Gamma-Gamma. Belanja per pembelian tiap pelanggan adalah rata-rata ${p.meanSpend} dicampur dengan rata-rata pelanggan itu sendiri menurut jumlah pembelian ulangnya.`,
    },
};
