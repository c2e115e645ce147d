// The strings of the "Prediksi CLV" (Predict) part (js/predict.js), in Indonesian
// and English, merged into the page's dictionary like js/sales-i18n.js. The API's
// warnings are English sentences: the ones this page knows are matched by
// `predictWarnings` (pattern → text) and said in the page's language; others are
// shown as they are. Errors are translated by their `code` (`errorsPredict`).

import { STRINGS } from "../i18n.js";

const n = (count, one, many) => (count === 1 ? one : many);

export const PREDICT_STRINGS = {
  id: {
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
    predictWarnings: [
      [/^(\d+) customers first bought after the calibration end \((\d{4}-\d\d-\d\d)\)/, (m, f) => `${f.int(m[1])} pelanggan baru membeli pertama kali setelah akhir kalibrasi (${f.date(m[2])}), jadi tidak ikut dalam model.`],
      [/^(\d+) refunds fell on days without a purchase/, (m, f) => `${f.int(m[1])} pengembalian dana jatuh di hari tanpa pembelian oleh pelanggan yang sama dan tidak dipakai.`],
      [/^(\d+) purchase days after the holdout end \((\d{4}-\d\d-\d\d)\)/, (m, f) => `${f.int(m[1])} hari pembelian setelah akhir holdout (${f.date(m[2])}) tidak dipakai.`],
      [/^(\d+) purchase days after the calibration end \((\d{4}-\d\d-\d\d)\)/, (m, f) => `${f.int(m[1])} hari pembelian setelah akhir kalibrasi (${f.date(m[2])}) tidak dipakai. Isi akhir holdout untuk memakainya sebagai uji model.`],
      [/^(\d+) repeat buyers with no positive mean spend/, (m, f) => `${f.int(m[1])} pembeli ulang tanpa belanja positif tidak ikut dalam model belanja; mereka diberi rata-rata belanja semua pelanggan.`],
      [/^Spend per purchase and purchase frequency are correlated \(ρ = (-?[\d.]+)\)/, (m, f) => `Belanja per pembelian dan frekuensi pembelian saling berkaitan (ρ = ${f.num(Number(m[1]), 2)}); model Gamma-Gamma menganggap keduanya tidak berkaitan, jadi tebakan belanjanya kurang dapat dipercaya.`],
      [/^The fitted q = ([\d.]+) is at most 1/, (m, f) => `q = ${f.num(Number(m[1]), 4)} tidak lebih dari 1: model belanja tidak punya rata-rata yang terhingga, jadi belanja pelanggan tanpa pembelian ulang tidak bisa ditebak.`],
      [/^Only (\d+) repeat buyers: the spend estimates are rough/, (m, f) => `Hanya ${f.int(m[1])} pembeli ulang: tebakan belanja masih kasar; lihat galat bakunya.`],
      [/^Only (\d+) customers: the estimates are rough/, (m, f) => `Hanya ${f.int(m[1])} pelanggan: tebakan masih kasar; lihat galat bakunya.`],
      [/^The spend likelihood is flat at the optimum/, () => "Data tidak cukup menentukan parameter model belanja, jadi galat bakunya tidak ada."],
      [/^The likelihood is flat at the optimum/, () => "Data tidak cukup menentukan parameter BG/NBD, jadi galat bakunya tidak ada."],
    ],
  },

  en: {
    "nav.predict": "Predicted CLV",
    "sales.nav.predict": "Predicted CLV ↓",
    "predict.title": "Predicted CLV per customer",
    "predict.intro":
      "From the same log as “Analyse my sales”: the BG/NBD and Gamma-Gamma models estimate who is still active, how often each customer will buy again and what that is worth over the coming months. All computed in this browser.",
    "predict.noData": "No data yet. Paste or open a sales log in “Analyse my sales” above; the prediction uses the same log, with no second paste.",
    "predict.noDataLink": "To Analyse my sales ↑",
    "predict.waiting": "Waiting for the sales analysis to finish…",
    "predict.source": (p) => `Using the log of “Analyse my sales”: ${p.customers} customers, sales from ${p.from} to ${p.to}.`,
    "predict.newData": "The data changed. Press “Predict” to predict from the new data.",

    "predict.options": "Prediction settings",
    "predict.unit": "Time unit of the model",
    "predict.unit.weeks": "Weeks",
    "predict.unit.days": "Days",
    "predict.calibrationEnd": "Calibration end",
    "predict.calibrationHelp": (p) =>
      `Purchases up to this date are used to fit the model. Default: the last date in the data${p.date ? ` (${p.date})` : ""}.`,
    "predict.holdoutEnd": "Holdout end (optional)",
    "predict.holdoutHelp":
      "To test the model: purchases after the calibration end up to this date are compared with the model's prediction. Leave empty if not needed.",
    "predict.suggest": "Set up a model test (⅔ of the data to calibrate)",
    "predict.suggestHelp": (p) => `Calibration end ${p.cal}, holdout end ${p.end}.`,
    "predict.horizon": "Horizon (months)",
    "predict.horizonHelp": "How many months ahead to predict. Default 12.",
    "predict.discount": "Monthly discount rate (%)",
    "predict.discountHelp": "Money that comes later is worth less than money today. Default 1%.",
    "predict.run": "Predict",
    "predict.badHorizon": "The horizon must be a whole number of months from 1 to 1,200.",
    "predict.badDiscount": "The monthly discount rate must be between 0 and 100%.",

    "predict.stage": (p) => `Fitting the BG/NBD and Gamma-Gamma models to ${p.customers} customers…`,
    "predict.stageSending": "Preparing the prediction…",
    "predict.done": (p) => `Prediction done in ${p.seconds} s.`,

    "predict.summary": (p) =>
      `Over the next ${p.h} months: about ${p.purchases} purchases and a total CLV of ${p.total} (${p.mean} per customer on average). ${p.active} of ${p.n} customers (${p.activePct}) are probably still active.`,
    "predict.t.customers": "Customers in the model",
    "predict.t.customersHelp": (p) => `who bought by ${p.date}`,
    "predict.t.repeat": "Repeat buyers",
    "predict.t.repeatHelp": "bought again on another day",
    "predict.t.purchases": (p) => `Expected purchases (${p.h} mo)`,
    "predict.t.total": (p) => `Total CLV (${p.h} mo)`,
    "predict.t.mean": "Mean CLV per customer",
    "predict.t.active": "Probably still active",
    "predict.t.activeHelp": "P(alive) 50% or more (BG/NBD always counts one-time buyers as active)",
    "predict.warningsTitle": "Notes from the model",
    "predict.nav": "Parts of the prediction",
    "predict.nav.customers": "Customer ranking",
    "predict.nav.compare": "Against the simple formula",
    "predict.nav.model": "How the model works",
    "predict.nav.alive": "P(alive) map",
    "predict.nav.holdout": "Model test",

    "predict.custTitle": "Customers by predicted CLV",
    "predict.custIntro": (p) =>
      `P(alive) = the chance the customer still buys from you. CLV = the spend expected over the next ${p.h} months, discounted ${p.d} a month. Look after the customers at the top first; customers with many repeat purchases but a low P(alive) are worth winning back.`,
    "predict.custCaption": "Customers ranked by predicted CLV, with P(alive), expected purchases and spend",
    "predict.c.rank": "Rank",
    "predict.c.customer": "Customer",
    "predict.c.pAlive": "P(alive)",
    "predict.c.frequency": "Repeat purchases",
    "predict.c.expectedPurchases": (p) => `Expected purchases (${p.h} mo)`,
    "predict.c.spendPerPurchase": "Spend per purchase (expected)",
    "predict.c.clv": (p) => `CLV (${p.h} mo)`,
    "predict.filter": "Show",
    "predict.filter.all": "All customers",
    "predict.filter.active": (p) => `Probably still active, P ≥ 50% (${p.n})`,
    "predict.filter.gone": (p) => `Probably gone, P < 50% (${p.n})`,
    "predict.download": "Download CSV (all customers)",
    "predict.csvName": "predicted-clv.csv",
    "predict.csv": (p) => [
      "Rank",
      "Customer",
      "P(alive) (%)",
      "Repeat purchases",
      `Recency (${p.unit})`,
      `Customer age T (${p.unit})`,
      `Mean spend of repeat purchases (${p.cur || "Rp"})`,
      `Expected purchases (${p.h} mo)`,
      `Spend per purchase, expected (${p.cur || "Rp"})`,
      `CLV ${p.h} mo (${p.cur || "Rp"})`,
    ],

    "predict.compareTitle": "Against the simple-formula CLV",
    "predict.cmp.model": (p) => `Model CLV, mean (next ${p.h} mo)`,
    "predict.cmp.simple": (p) => `Simple-formula CLV (lifespan ${p.years} years)`,
    "predict.cmp.simpleH": (p) => `Simple formula over ${p.h} mo only`,
    "predict.cmp.simpleHHelp": (p) => `${p.yearly} a year × ${p.h}/12, undiscounted`,
    "predict.cmp.name": (p) => `Comparison: model CLV ${p.model}, simple formula ${p.simple}, simple formula over ${p.h} months ${p.simpleH}.`,
    "predict.cmp.why": (p) =>
      `Why do they differ? The simple formula (average order value × purchases a year × lifespan) assumes every customer stays ${p.years} years — a number nobody really knows${p.measured ? "; here it is measured from the data and only a lower bound" : ""}. The model needs no lifespan: it predicts from each customer's own history — how often and how recently they bought — over the next ${p.h} months only, and discounts later money ${p.d} a month.`,
    "predict.cmp.calibration": (p) => `The simple formula uses all the data; the model only the purchases up to ${p.date}.`,
    "predict.cmp.use": "Use the model's CLV to choose the customers worth looking after and to budget the coming months; the simple formula is a rough picture only.",
    "predict.cmp.none": "The simple-formula CLV is not available for this data (see the CLV part of “Analyse my sales”).",

    "predict.modelTitle": "How the model works",
    "predict.explainBg": (p) =>
      `BG/NBD estimates how many times a customer will buy again and the chance they are still active, P(alive). It looks at only three things in each customer's history: how many times they bought again (frequency), when they last bought (recency) and how long they have been a customer (T), in ${p.unit}. A customer who used to buy often but has not been seen for a long time has probably gone.`,
    "predict.explainGg":
      "Gamma-Gamma estimates the value of their purchases: the customer's own mean spend, pulled towards the mean of all customers while they have few purchases. It is fitted on the customers who bought again.",
    "predict.explainClv": (p) =>
      `CLV = expected purchases × expected spend per purchase, month by month over ${p.h} months, each month discounted ${p.d}.`,
    "predict.paramsCaption": "The model's parameters fitted to the data, with standard errors",
    "predict.p.param": "Parameter",
    "predict.p.value": "Value",
    "predict.p.se": "Std. error",
    "predict.p.bg": "BG/NBD — purchases and the chance of being active",
    "predict.p.gg": "Gamma-Gamma — spend per purchase",
    "predict.m.r": "shape of how purchase rates vary between customers",
    "predict.m.alpha": (p) => `scale of the purchase rates (in ${p.unit})`,
    "predict.m.a": "shape of the chance of dropping out after a purchase",
    "predict.m.b": "with a: the larger b, the smaller the chance of dropping out",
    "predict.m.p": "shape of a customer's spend per purchase",
    "predict.m.q": "shape of how mean spend varies between customers",
    "predict.m.v": "scale of the mean spend between customers",
    "predict.derivedTitle": "Read together",
    "predict.d.rate": (p) => `An active customer buys ${p.rate} times a ${p.unit1} on average (r/α), about ${p.year} times a year.`,
    "predict.d.drop": (p) => `After each purchase, ${p.pct} of customers drop out on average (a/(a+b)).`,
    "predict.d.spend": (p) => `Mean spend per purchase over all customers: ${p.spend} (p·v/(q−1)).`,
    "predict.d.spendNone": "q ≤ 1: the spend model has no finite mean.",
    "predict.seNote": "A standard error small against its value = a parameter well determined by the data.",
    "predict.seNone": "No standard errors: the data do not determine the parameters well enough.",
    "predict.ll": (p) => `Log-likelihood: BG/NBD ${p.bg}; Gamma-Gamma ${p.gg}.`,

    "predict.aliveTitle": "P(alive) map: frequency × recency",
    "predict.aliveChart": "P(alive) by repeat purchases and recency",
    "predict.aliveIntro": (p) =>
      `The chance of still being active for a customer known for ${p.t} ${p.unit} (the longest in the data), by repeat purchases (rows) and recency — the time from the first to the last purchase (columns). Bottom left: bought often but not seen for long — probably gone. Row 0 is always 100%: the model lets customers drop out only after a repeat purchase, so one-time buyers count as active (their expected purchases stay small).`,
    "predict.aliveName": (p) =>
      `Heat map of P(alive) by frequency 0 to ${p.maxF} and recency 0 to ${p.t} ${p.unit}. One-time buyers (frequency 0) ${p.f0}; frequency ${p.fm} with recency ${p.t}: ${p.top}, with recency 0: ${p.bottom}. Every number is in the table below it.`,
    "predict.aliveFreq": "Repeat purchases (frequency)",
    "predict.aliveRec": (p) => `Recency (${p.unit})`,
    "predict.aliveCell": (p) => `Frequency ${p.f}, recency ${p.r} ${p.unit}: P(alive) ${p.p}`,
    "predict.aliveFreqHead": "Frequency \\ recency",
    "predict.aliveLegend": "Colour: P(alive), darker = more likely still active",
    "predict.aliveBin": (p) => (p.hi === null ? `≥ ${p.lo}` : p.lo === "0" ? `< ${p.hi}` : `${p.lo}–${p.hi}`),
    "predict.aliveScroll": "Scroll sideways to see every column.",

    "predict.holdoutTitle": "Model test: calibration vs holdout",
    "predict.holdoutChart": "Mean purchases in the test period: actual and predicted",
    "predict.holdoutNone":
      "No test yet. Fill in “Holdout end” (or press “Set up a model test”) to see how well the model predicts purchases that already happened.",
    "predict.holdoutIntro": (p) =>
      `The model was fitted on the purchases up to ${p.cal}, then predicted the purchases of ${p.from} – ${p.end} (${p.duration} ${p.unit}). Bars = mean purchases per customer in the test period, grouped by their repeat purchases in the calibration period.`,
    "predict.holdoutName": (p) =>
      `Bar chart of the model test: mean purchases in the test period, actual and predicted, for customers with 0 to 7 or more repeat purchases in the calibration period. Total actual ${p.actual}, predicted ${p.predicted}.`,
    "predict.hoX": "Repeat purchases in the calibration period",
    "predict.hoY": "Mean purchases, test",
    "predict.hoActual": "Actual",
    "predict.hoPredicted": "Model's prediction",
    "predict.hoGroup": (p) => (p.last ? `${p.k}+` : `${p.k}`),
    "predict.hoCustomers": (p) => `n = ${p.n}`,
    "predict.hoCols": ["Repeat purchases (calibration)", "Customers", "Actual (mean)", "Predicted (mean)"],
    "predict.hoTotalActual": "Purchases in the test period (actual)",
    "predict.hoTotalPredicted": "Model's prediction",
    "predict.hoDiff": "Prediction off by",
    "predict.hoDiffHelp": (p) => (p.over ? "the model predicts more" : "the model predicts fewer"),
    "predict.unit.weeksPlural": "weeks",
    "predict.unit.daysPlural": "days",
    "predict.unit.weeksOne": "week",
    "predict.unit.daysOne": "day",

    errorsPredict: {
      tooFewCustomers: (p) =>
        `Too few customers for the model${p.got ? ` (${p.got}` : ""}${p.min ? `; at least ${p.min} are needed)` : p.got ? ")" : ""}. Choose a later calibration end, or collect more data.`,
      tooFewRepeatBuyers: (p) =>
        `Too few customers bought again${p.got ? ` (${p.got}` : ""}${p.min ? `; at least ${p.min} are needed)` : p.got ? ")" : ""}. Without repeat purchases the model cannot tell when customers lapse. Choose a later calibration end, or collect data for longer.`,
      fitDidNotConverge: () =>
        "The model could not be fitted to this data: the purchases do not follow the pattern the model describes (e.g. no customer ever lapses, or all buy at the same pace). Try another time unit or another calibration end.",
      invalidDate: (p) => `${p.field} is not a valid date.`,
      holdoutEndNotAfterCalibrationEnd: () =>
        "The holdout end must come after the calibration end. To test the model, choose an earlier calibration end (or press “Set up a model test”).",
      noCustomersInCalibration: () => "No purchase by the calibration end. Choose a later date.",
      horizonNotPositive: () => "The horizon must be at least 1 month.",
      horizonTooLong: () => "The horizon can be at most 1,200 months (100 years).",
      discountRateOutOfRange: () => "The monthly discount rate must be between 0 and 100%.",
      noMeanSpend: () =>
        "The spend model has no finite mean (q ≤ 1), so customers' spend cannot be predicted. Spend per purchase varies too much in this data.",
      noTransactions: () => "The log holds no purchase.",
      noPurchases: () => "There is no purchase in the data (only refunds).",
      emptyText: () => "No sales log yet. Paste or open one in “Analyse my sales”.",
      noData: () => "No sales log yet. Paste or open one in “Analyse my sales”.",
      missingColumn: () => "No customer, date or amount column was found. Set the columns' roles in “Analyse my sales”.",
      noUsableRows: () => "No row could be used.",
      notInteger: (p) => `${p.field} must be a whole number.`,
      negative: (p) => `${p.field} cannot be negative.`,
      notANumber: (p) => `${p.field} must be a number.`,
      workerFailed: () => "The prediction cannot run in this browser. Reload the page or try a newer browser.",
      internal: () => "Something went wrong inside the prediction. Change a setting or reload the page.",
    },
    fieldsPredict: {
      calibrationEnd: "The calibration end",
      holdoutEnd: "The holdout end",
      horizonMonths: "The horizon",
      monthlyDiscountRate: "The monthly discount rate",
    },
    // English warnings are shown as the API words them, with the page's numbers and dates.
    predictWarnings: [
      [/^(\d+) customers first bought after the calibration end \((\d{4}-\d\d-\d\d)\)/, (m, f) => `${f.int(m[1])} ${n(Number(m[1]), "customer", "customers")} first bought after the calibration end (${f.date(m[2])}) and are not in the model.`],
      [/^(\d+) refunds fell on days without a purchase/, (m, f) => `${f.int(m[1])} ${n(Number(m[1]), "refund", "refunds")} fell on days without a purchase by the same customer and were not used.`],
      [/^(\d+) purchase days after the holdout end \((\d{4}-\d\d-\d\d)\)/, (m, f) => `${f.int(m[1])} purchase ${n(Number(m[1]), "day", "days")} after the holdout end (${f.date(m[2])}) were not used.`],
      [/^(\d+) purchase days after the calibration end \((\d{4}-\d\d-\d\d)\)/, (m, f) => `${f.int(m[1])} purchase ${n(Number(m[1]), "day", "days")} after the calibration end (${f.date(m[2])}) were not used. Set a holdout end to use them to test the model.`],
    ],
  },
};

// Merged into the page's dictionary (missing keys only: the shared file wins).
for (const [lang, strings] of Object.entries(PREDICT_STRINGS)) {
  const table = STRINGS[lang];
  if (!table) continue;
  for (const [key, value] of Object.entries(strings)) if (!(key in table)) table[key] = value;
}
