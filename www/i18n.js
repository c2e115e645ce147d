// Every string the page shows, in Indonesian (default) and English.
// Plain strings may hold {placeholders}; functions receive a parameter object.
// Band labels are looked up by `band.key`, errors by `error.code`, skipped rows
// by their `code`; unknown codes fall back to the API's English text.

export const LANGUAGES = ["id", "en"];
export const DEFAULT_LANGUAGE = "id";

const plural = (n, one, many) => (n === 1 ? one : many);

export const STRINGS = {
  id: {
    "page.title": "Kalkulator Retensi Pelanggan",
    "page.description":
      "Hitung retensi, CLV, NPS, CES, CSAT dan FCR usaha Anda. Semua dihitung di browser Anda.",
    skipLink: "Langsung ke kalkulator",
    "app.title": "Kalkulator Retensi Pelanggan",
    "app.lead":
      "Enam ukuran kesetiaan pelanggan untuk usaha kecil: isi angka Anda atau tempel data dari Excel / Google Sheets, hasilnya langsung muncul.",
    "app.privacy": "Data Anda tidak pernah meninggalkan browser ini",
    "app.privacyDetail":
      "Semua perhitungan berjalan di perangkat Anda. Tidak ada yang dikirim atau disimpan, kecuali pilihan bahasa.",
    "lang.button": "English",
    "lang.buttonLabel": "Switch to English",
    "nav.label": "Kalkulator",
    "nav.crr": "Retensi (CRR)",
    "nav.clv": "Nilai pelanggan (CLV)",
    "nav.nps": "NPS",
    "nav.ces": "Kemudahan (CES)",
    "nav.csat": "Kepuasan (CSAT)",
    "nav.fcr": "Kontak pertama (FCR)",
    "status.loading": "Memuat kalkulator…",
    "status.failed":
      "Kalkulator tidak dapat dimuat. Muat ulang halaman; jika masih gagal, coba browser lain yang lebih baru.",
    "footer.text":
      "Rumus, pita penilaian dan patokan mengikuti panduan retensi pelanggan untuk usaha kecil. Patokan industri hanyalah kisaran kasar dari berbagai sumber.",
    "footer.privacy":
      "Privasi: perhitungan memakai WebAssembly di browser Anda; halaman ini tidak mengirim data ke mana pun dan hanya mengingat pilihan bahasa.",

    // Shared result parts
    "common.formula": "Rumus dengan angka Anda",
    "common.next": "Langkah berikutnya",
    "common.benchmark": "Patokan",
    "common.caveat": "Catatan",
    "common.showNumbers": "Lihat angka grafik",
    "common.score": "Skor",
    "common.count": "Jumlah",
    "common.percent": "Persen",
    "common.group": "Kelompok",
    "common.optional": "opsional",
    "common.band": "Penilaian",
    "common.pasteOrList":
      "Tempel kolom dari Excel / Google Sheets (dengan atau tanpa judul kolom), atau ketik skor dipisah koma, mis. 9, 10, 7.",
    "rows.summary": (p) => `${p.used} jawaban dipakai, ${p.skipped} dilewati`,
    "rows.column": "Kolom skor yang dibaca: {name}",
    "rows.columnN": "kolom {n}",
    "rows.skippedTitle": "Baris yang dilewati",
    "rows.row": "Baris {row}",
    "rows.item": "Skor ke-{row}",
    "rows.more": (p) => `… dan ${p.n} baris lain`,
    "rows.listNote": "Dibaca sebagai daftar skor: nomor = urutan skor.",
    "rows.summaryTickets": (p) => `${p.used} tiket dipakai, ${p.skipped} dilewati`,
    "rows.columnTickets": "Kolom penentu yang dibaca: {name}",

    // Data input (paste box, file, preview)
    "data.open": "Buka file CSV…",
    "data.drop": "atau tarik file CSV / TSV ke kotak ini. File dibaca di browser ini, tidak diunggah.",
    "data.dropHere": "Lepaskan file di sini",
    "data.fileRead": (p) => `File “${p.name}” dibaca (${p.size}).`,
    "data.fileReadLatin": (p) =>
      `File “${p.name}” dibaca (${p.size}) sebagai Windows-1252, karena isinya bukan UTF-8.`,
    "data.fileTooBig": (p) => `File “${p.name}” terlalu besar (${p.size}); paling besar ${p.max}.`,
    "data.fileNotText": (p) =>
      `“${p.name}” bukan file teks. Dari Excel, simpan dulu sebagai CSV (File › Simpan Sebagai › CSV UTF-8), lalu buka file CSV-nya.`,
    "data.fileFailed": (p) => `File “${p.name}” tidak dapat dibaca.`,
    "data.reading": "Membaca data…",
    "data.locale": "Format angka dan tanggal",
    "data.localeAuto": "Otomatis",
    "data.localeId": "Indonesia (1.234,5 · hari/bulan)",
    "data.localeEn": "Inggris (1,234.5 · bulan/hari)",
    "data.localeHelp": "Dipakai bila datanya sendiri tidak menentukan, mis. 01/02/2025 atau 1.500.",
    "data.decisionsTitle": "Cara data Anda dibaca",
    "data.shape": (p) => `${p.rows} baris data, ${p.cols} kolom`,
    "data.delimiter.tab": "pemisah kolom: tab",
    "data.delimiter.semicolon": "pemisah kolom: titik koma",
    "data.delimiter.comma": "pemisah kolom: koma",
    "data.delimiter.spaces": "pemisah kolom: spasi",
    "data.delimiter.none": "satu kolom (tanpa pemisah kolom)",
    "data.header": "baris pertama = judul kolom",
    "data.noHeader": "tanpa judul kolom: kolom diberi nomor",
    "data.dayFirst": "hari/bulan/tahun",
    "data.monthFirst": "bulan/hari/tahun",
    "data.dateOrder": (p) => `Tanggal di kolom “${p.column}” dibaca sebagai ${p.order} (${p.by})`,
    "data.amount": (p) =>
      `“${p.thousands}” dibaca sebagai pemisah ribuan, “${p.decimal}” sebagai desimal di kolom “${p.column}” (${p.by})`,
    "data.by.values": "dari nilai-nilainya",
    "data.by.locale": "sesuai format yang dipilih",
    "data.by.default": "bawaan Indonesia, karena nilainya tidak menentukan",
    "data.checkLocale": "Kalau keliru, ganti “Format angka dan tanggal” di atas.",
    "data.read": (p) => `Kolom yang dipakai: ${p.columns}`,
    "data.roleAs": (p) => `“${p.column}” sebagai ${p.role}`,
    "data.rolesHelp": "Kolom terbaca salah? Ganti perannya di judul kolom pratinjau.",
    "data.previewCaption": (p) =>
      p.shownN < p.rowsN
        ? `Pratinjau: ${p.shown} baris pertama dari ${p.rows}, seperti yang dibaca`
        : `Pratinjau: ${p.rows} baris, seperti yang dibaca`,
    "data.previewRow": "Baris",
    "data.roleOf": "peran kolom",
    "data.roleNone": "(tidak dipakai)",
    "data.empty": "kosong atau tidak terbaca",
    "data.yes": "ya",
    "data.no": "tidak",
    "data.kind.empty": "kosong",
    "data.kind.date": "tanggal",
    "data.kind.amount": "nominal",
    "data.kind.number": "angka",
    "data.kind.yesNo": "ya/tidak",
    "data.kind.text": "teks",
    "data.pickScore": "Belum ada kolom skor: pilih “Skor” di judul salah satu kolom pada pratinjau.",
    "data.pickTicket":
      "Belum ada kolom penentu: pilih “Selesai di kontak pertama” atau “Jumlah kontak” di judul kolom pada pratinjau.",
    "data.stillRead": (p) =>
      `Kolom “${p.name}” tetap dibaca: kalkulator selalu memakai kolom ya/tidak bila ada. Hapus kolom itu dari data bila tidak ingin dipakai.`,
    roles: {
      customer: "Pelanggan",
      date: "Tanggal",
      amount: "Nominal (Rp)",
      orderId: "No. pesanan",
      score: "Skor",
      resolved: "Selesai di kontak pertama (ya/tidak)",
      contacts: "Jumlah kontak",
      group: "Kelompok",
    },
    rolesShort: {
      customer: "pelanggan",
      date: "tanggal",
      amount: "nominal",
      orderId: "no. pesanan",
      score: "skor",
      resolved: "selesai ya/tidak",
      contacts: "jumlah kontak",
      group: "kelompok",
    },

    // CRR
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
      "Retensi di atas 100 %: E − N lebih besar dari S. Ini hanya mungkin bila pelanggan lama yang sempat berhenti kembali membeli. Periksa lagi angkanya.",
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

    // CLV
    "clv.title": "Nilai Seumur Hidup Pelanggan (CLV)",
    "clv.intro":
      "Berapa nilai satu pelanggan selama ia berbelanja di tempat Anda: nilai belanja × frekuensi × lama menjadi pelanggan.",
    "clv.aov": "Rata-rata nilai belanja per transaksi (Rp)",
    "clv.freq": "Jumlah pembelian per tahun",
    "clv.freqHelp": "Mis. 5 kali seminggu = 260 per tahun.",
    "clv.years": "Lama menjadi pelanggan (tahun)",
    "clv.margin": "Margin kotor (%)",
    "clv.marginHelp": "Opsional. Isi untuk CLV berbasis laba.",
    "clv.hint": "Isi nilai belanja, frekuensi dan lama menjadi pelanggan untuk melihat CLV.",
    "clv.figureRevenue": "CLV (pendapatan)",
    "clv.figureProfit": "CLV (laba kotor)",
    "clv.yearly": "Nilai per tahun",
    "clv.revenue": "CLV pendapatan",
    "clv.profit": "CLV laba kotor",
    "clv.maxCac": "Biaya akuisisi maksimal (CLV ÷ 3)",
    "clv.budget": "Anggaran retensi per pelanggan (10–15 %)",
    "clv.rules":
      "Aturan praktis: rasio CLV : biaya akuisisi (CAC) minimal 3 : 1, jadi biaya untuk mendapatkan satu pelanggan sebaiknya paling banyak sekitar 33 % dari CLV. Anggaran retensi 10–15 % dari CLV per pelanggan masih wajar.",
    "clv.caveat":
      "Rumus sederhana ini menganggap pelanggan terus membeli dengan pola yang sama. Sumber mendefinisikan CLV sebagai laba: isi margin kotor agar aturan praktis dihitung dari laba, bukan omzet.",
    "clv.next": (p) =>
      `Jangan keluarkan lebih dari ${p.max} untuk mendapatkan satu pelanggan baru, dan sisihkan ${p.low}–${p.high} per pelanggan untuk menjaganya (pesan terima kasih, poin loyalitas, layanan purnajual).`,

    // NPS
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

    // CES
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

    // CSAT
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

    // FCR
    "fcr.title": "Penyelesaian di Kontak Pertama (FCR)",
    "fcr.intro": "Berapa persen tiket layanan pelanggan yang selesai pada kontak pertama.",
    "fcr.resolved": "Tiket selesai di kontak pertama",
    "fcr.total": "Total tiket",
    "fcr.hint": "Isi jumlah tiket yang selesai di kontak pertama dan total tiket.",
    "fcr.source": "Sumber data",
    "fcr.sourceCounts": "Jumlah tiket",
    "fcr.sourceText": "Tempel log tiket",
    "fcr.text": "Log tiket (satu baris per tiket)",
    "fcr.textHelp":
      "Tempel dari Excel / Google Sheets atau buka CSV dari aplikasi CS. Perlu kolom ya/tidak (mis. “Selesai di kontak pertama”) atau jumlah kontak (1 = selesai di kontak pertama).",
    "fcr.hintText": "Tempel log tiket Anda, atau buka file CSV-nya.",
    "fcr.groupBy": "Kelompokkan menurut",
    "fcr.groupNone": "(tidak dikelompokkan)",
    "fcr.groupsTitle": (p) => `FCR per ${p.name}`,
    "fcr.groupsCaption": (p) => `FCR per ${p.name}, kelompok terbesar dulu`,
    "fcr.colTickets": "Tiket",
    "fcr.colResolved": "Selesai di kontak pertama",
    "fcr.figure": "FCR",
    "fcr.scale":
      "SQM Group: 70–79 % baik secara umum; 80 % ke atas kelas dunia. Per industri: ritel ≈ 76 %, jasa keuangan ≈ 70 %, asuransi ≈ 75 %, telekomunikasi ≈ 56 %.",
    "fcr.caveat":
      "Hasilnya bergantung pada definisi “selesai di kontak pertama”; pakai definisi dan periode yang sama setiap kali mengukur.",
    "fcr.next.belowAverage":
      "Beri tim CS panduan jawaban dan wewenang untuk menyelesaikan masalah umum saat itu juga; catat alasan tiket yang perlu dihubungi ulang.",
    "fcr.next.good":
      "Cari 2–3 alasan tiket yang paling sering butuh kontak kedua dan siapkan jawaban bakunya.",
    "fcr.next.worldClass":
      "Pertahankan, dan pastikan kecepatan tidak mengorbankan kepuasan (cek CSAT).",

    bands: {
      poor: "Buruk",
      average: "Rata-rata",
      good: "Baik",
      excellent: "Sangat baik",
      crisis: "Krisis",
      needsImprovement: "Perlu perbaikan",
      great: "Sangat bagus",
      worldClass: "Kelas dunia",
      belowAverage: "Di bawah rata-rata",
      meetsBenchmark: "Mencapai patokan",
      belowBenchmark: "Di bawah patokan",
    },

    fields: {
      startCustomers: "Pelanggan di awal periode (S)",
      endCustomers: "Pelanggan di akhir periode (E)",
      newCustomers: "Pelanggan baru (N)",
      averageOrderValue: "Rata-rata nilai belanja",
      purchasesPerYear: "Jumlah pembelian per tahun",
      lifespanYears: "Lama menjadi pelanggan",
      grossMarginPercent: "Margin kotor",
      promoters: "Promotor",
      passives: "Pasif",
      detractors: "Pencela",
      scores: "Skor",
      text: "Teks yang ditempel",
      scaleMin: "Skala",
      scaleMax: "Skala",
      highIsEasy: "Arah skala",
      resolvedFirstContact: "Tiket selesai di kontak pertama",
      totalTickets: "Total tiket",
      columns: "Kolom",
      groupBy: "Kelompokkan menurut",
      locale: "Format angka dan tanggal",
    },

    errors: {
      invalidInput: () => "Masukan tidak dapat dibaca.",
      unknownField: (p) => `Kolom masukan tidak dikenal: ${p.field}.`,
      missingField: (p) => `${p.field} wajib diisi.`,
      wrongType: (p) => `${p.field} berjenis salah.`,
      notANumber: (p) => `${p.field} harus berupa angka.`,
      negative: (p) => `${p.field} tidak boleh negatif.`,
      notInteger: (p) => `${p.field} harus bilangan bulat (tanpa koma).`,
      startNotPositive: () =>
        "Pelanggan di awal periode (S) harus lebih dari 0: retensi diukur terhadap pelanggan yang Anda miliki di awal.",
      newExceedsEnd: () =>
        "Pelanggan baru (N) tidak boleh lebih banyak dari pelanggan di akhir periode (E): pelanggan baru sudah termasuk dalam E.",
      marginOutOfRange: () => "Margin kotor harus antara 0 dan 100 %.",
      noResponses: () => "Belum ada jawaban: isi paling sedikit satu promotor, pasif atau pencela.",
      emptyScores: () => "Daftar skor kosong: masukkan paling sedikit satu jawaban.",
      scoreNotInteger: (p) =>
        p.row ? `Skor di baris ${p.row} bukan bilangan bulat.` : "Ada skor yang bukan bilangan bulat.",
      scoreOutOfRange: (p) =>
        p.row ? `Skor di baris ${p.row} di luar 0–10.` : "Ada skor di luar 0–10.",
      scoreOffScale: (p) =>
        p.row ? `Skor di baris ${p.row} tidak ada pada skala yang dipilih.` : "Ada skor di luar skala yang dipilih.",
      invalidScale: () => "Skala ini tidak didukung: pilih 1–5, 1–7 atau 1–10.",
      conflictingInputs: () => "Pakai salah satu saja: daftar skor, teks yang ditempel, atau jumlah per kelompok.",
      missingInput: () => "Belum ada data: tempel jawaban atau isi angkanya.",
      emptyText: () => "Teks yang ditempel kosong: tempel satu kolom jawaban.",
      noScoreColumn: () =>
        "Tidak ditemukan kolom skor: tempel satu kolom angka, atau beri judul kolom seperti “Skor”.",
      ambiguousScoreColumn: () =>
        "Ada beberapa kolom berisi angka, jadi kolom skornya tidak jelas. Pilih “Skor” di judul kolom yang benar pada pratinjau, atau beri judul kolom “Skor”.",
      unknownColumn: (p) =>
        p.field ? `Kolom untuk “${p.field}” tidak ada di data yang ditempel.` : "Kolom yang disebut tidak ada di data yang ditempel.",
      missingColumn: (p) =>
        `Tidak ditemukan kolom ${p.field || "yang diperlukan"}. Beri judul kolom, atau pilih perannya di judul kolom pada pratinjau.`,
      columnMappedTwice: () =>
        "Satu kolom dipilih untuk dua peran sekaligus. Pilih peran lain untuk salah satunya.",
      noUsableRows: () => "Tidak ada baris yang berisi skor yang bisa dipakai. Lihat baris yang dilewati di bawah.",
      invalidOption: (p) => `Pilihan ${p.field} tidak valid.`,
      totalNotPositive: () => "Total tiket harus lebih dari 0.",
      resolvedExceedsTotal: () =>
        "Tiket yang selesai di kontak pertama tidak boleh lebih banyak dari total tiket.",
      tooLarge: (p) =>
        p.field ? `${p.field} terlalu besar untuk dihitung.` : "Angkanya terlalu besar untuk dihitung.",
      noResolvedColumn: () =>
        "Tidak ada kolom yang menyatakan apakah tiket selesai di kontak pertama (ya/tidak) atau jumlah kontaknya.",
      internal: () => "Terjadi kesalahan internal. Coba ubah angkanya atau muat ulang halaman.",
      unknown: () => "Terjadi kesalahan.",
    },

    skip: {
      emptyValue: (p) => (p.kind === "ticket" ? "tidak ada ya/tidak atau jumlah kontak" : "tidak ada skor"),
      notANumber: () => "bukan angka",
      scoreNotInteger: () => "skor bukan bilangan bulat",
      scoreOutOfRange: () => "skor di luar 0–10",
      scoreOffScale: (p) => `skor di luar skala ${p.scale}`,
      unreadableRow: () => "baris tidak dapat dibaca",
      invalidYesNo: () => "bukan ya atau tidak",
      invalidContacts: () => "jumlah kontak tidak valid",
      invalidDate: () => "tanggal tidak valid",
      invalidAmount: () => "nominal tidak terbaca",
      missingCustomer: () => "tidak ada nama pelanggan",
    },
  },

  en: {
    "page.title": "Customer Retention Calculator",
    "page.description":
      "Work out your business's retention, CLV, NPS, CES, CSAT and FCR. Everything is calculated in your browser.",
    skipLink: "Skip to the calculators",
    "app.title": "Customer Retention Calculator",
    "app.lead":
      "Six customer-loyalty measures for small businesses: type your numbers or paste data from Excel / Google Sheets and see the result at once.",
    "app.privacy": "Your data never leaves this browser",
    "app.privacyDetail":
      "All calculations run on your device. Nothing is sent or stored, except your language choice.",
    "lang.button": "Bahasa Indonesia",
    "lang.buttonLabel": "Ganti ke Bahasa Indonesia",
    "nav.label": "Calculators",
    "nav.crr": "Retention (CRR)",
    "nav.clv": "Customer value (CLV)",
    "nav.nps": "NPS",
    "nav.ces": "Effort (CES)",
    "nav.csat": "Satisfaction (CSAT)",
    "nav.fcr": "First contact (FCR)",
    "status.loading": "Loading the calculators…",
    "status.failed":
      "The calculators could not be loaded. Reload the page; if it still fails, try a newer browser.",
    "footer.text":
      "Formulas, bands and benchmarks follow customer-retention guides for small businesses. Industry benchmarks are rough ranges from several sources.",
    "footer.privacy":
      "Privacy: the calculations use WebAssembly in your browser; this page sends your data nowhere and remembers only your language choice.",

    "common.formula": "The formula with your numbers",
    "common.next": "What to do next",
    "common.benchmark": "Benchmark",
    "common.caveat": "Note",
    "common.showNumbers": "Show the chart's numbers",
    "common.score": "Score",
    "common.count": "Count",
    "common.percent": "Percent",
    "common.group": "Group",
    "common.optional": "optional",
    "common.band": "Rating",
    "common.pasteOrList":
      "Paste a column from Excel / Google Sheets (with or without a header), or type scores separated by commas, e.g. 9, 10, 7.",
    "rows.summary": (p) =>
      `${p.used} ${plural(p.usedN, "response", "responses")} used, ${p.skipped} skipped`,
    "rows.column": "Score column read: {name}",
    "rows.columnN": "column {n}",
    "rows.skippedTitle": "Skipped rows",
    "rows.row": "Row {row}",
    "rows.item": "Score #{row}",
    "rows.more": (p) => `… and ${p.n} more ${plural(p.nN, "row", "rows")}`,
    "rows.listNote": "Read as a list of scores: numbers are positions in the list.",
    "rows.summaryTickets": (p) =>
      `${p.used} ${plural(p.usedN, "ticket", "tickets")} used, ${p.skipped} skipped`,
    "rows.columnTickets": "Deciding column read: {name}",

    "data.open": "Open a CSV file…",
    "data.drop": "or drop a CSV / TSV file on the box. The file is read in this browser, never uploaded.",
    "data.dropHere": "Drop the file here",
    "data.fileRead": (p) => `Read “${p.name}” (${p.size}).`,
    "data.fileReadLatin": (p) => `Read “${p.name}” (${p.size}) as Windows-1252, as it is not UTF-8.`,
    "data.fileTooBig": (p) => `“${p.name}” is too large (${p.size}); the limit is ${p.max}.`,
    "data.fileNotText": (p) =>
      `“${p.name}” is not a text file. From Excel, save it as CSV first (File › Save As › CSV UTF-8), then open the CSV file.`,
    "data.fileFailed": (p) => `“${p.name}” could not be read.`,
    "data.reading": "Reading the data…",
    "data.locale": "Number and date format",
    "data.localeAuto": "Automatic",
    "data.localeId": "Indonesian (1.234,5 · day/month)",
    "data.localeEn": "English (1,234.5 · month/day)",
    "data.localeHelp": "Used where the data itself does not decide, e.g. 01/02/2025 or 1.500.",
    "data.decisionsTitle": "How your data was read",
    "data.shape": (p) =>
      `${p.rows} data ${plural(p.rowsN, "row", "rows")}, ${p.cols} ${plural(p.colsN, "column", "columns")}`,
    "data.delimiter.tab": "separator: tab",
    "data.delimiter.semicolon": "separator: semicolon",
    "data.delimiter.comma": "separator: comma",
    "data.delimiter.spaces": "separator: spaces",
    "data.delimiter.none": "a single column (no separator)",
    "data.header": "first row is a header",
    "data.noHeader": "no header row: columns are numbered",
    "data.dayFirst": "day/month/year",
    "data.monthFirst": "month/day/year",
    "data.dateOrder": (p) => `dates in “${p.column}” read as ${p.order} (${p.by})`,
    "data.amount": (p) =>
      `“${p.thousands}” read as thousands separator, “${p.decimal}” as decimal mark in “${p.column}” (${p.by})`,
    "data.by.values": "decided from the values",
    "data.by.locale": "decided by the chosen format",
    "data.by.default": "the Indonesian default, as the values do not decide it",
    "data.checkLocale": "If that is wrong, change “Number and date format” above.",
    "data.read": (p) => `Columns used: ${p.columns}`,
    "data.roleAs": (p) => `“${p.column}” as ${p.role}`,
    "data.rolesHelp": "A column read wrongly? Change its role in the preview's column header.",
    "data.previewCaption": (p) =>
      p.shownN < p.rowsN
        ? `Preview: the first ${p.shown} of ${p.rows} rows, as read`
        : `Preview: ${p.rows} ${plural(p.rowsN, "row", "rows")}, as read`,
    "data.previewRow": "Row",
    "data.roleOf": "column role",
    "data.roleNone": "(none)",
    "data.empty": "empty or unreadable",
    "data.yes": "yes",
    "data.no": "no",
    "data.kind.empty": "empty",
    "data.kind.date": "date",
    "data.kind.amount": "amount",
    "data.kind.number": "number",
    "data.kind.yesNo": "yes/no",
    "data.kind.text": "text",
    "data.pickScore": "No score column yet: choose “Score” in one of the preview's column headers.",
    "data.pickTicket":
      "No deciding column yet: choose “Resolved at first contact” or “Number of contacts” in a column header of the preview.",
    "data.stillRead": (p) =>
      `“${p.name}” is still read: the calculator always uses a yes/no column when there is one. Remove that column from the data if it should not count.`,
    roles: {
      customer: "Customer",
      date: "Date",
      amount: "Amount (Rp)",
      orderId: "Order ID",
      score: "Score",
      resolved: "Resolved at first contact (yes/no)",
      contacts: "Number of contacts",
      group: "Group",
    },
    rolesShort: {
      customer: "customer",
      date: "date",
      amount: "amount",
      orderId: "order ID",
      score: "score",
      resolved: "resolved yes/no",
      contacts: "number of contacts",
      group: "group",
    },

    "crr.title": "Customer Retention Rate (CRR)",
    "crr.intro":
      "The share of the customers you had at the start of a period who are still buying at its end. New customers do not count.",
    "crr.start": "Customers at the start of the period (S)",
    "crr.end": "Customers at the end of the period (E)",
    "crr.new": "New customers during the period (N)",
    "crr.newHelp": "New customers are part of E.",
    "crr.hint": "Fill in all three numbers (S, E and N) to see your retention.",
    "crr.figure": "Retention",
    "crr.churn": "Churn (customers lost)",
    "crr.retained": "Retained (E − N)",
    "crr.lost": "Lost (S − retained)",
    "crr.above100":
      "Retention above 100%: E − N is larger than S. That is possible only when lapsed customers came back. Check the numbers.",
    "crr.scale":
      "Scale used (general sources): below 60% poor · 60–75% average · 75–85% good · above 85% excellent.",
    "crr.scaleAlt":
      "Another source's scale: below 70% poor · 70–80% average · 80–90% good · 90% and above world class.",
    "crr.industriesTitle": "Yearly industry averages (as quoted by the sources)",
    "crr.otherSource": "another source: {range}",
    "crr.caveat":
      "The sources disagree with each other (e.g. SaaS 35% vs 85–95%, e-commerce 38%), so treat these as rough ranges, never as a single truth. They are yearly figures: compare periods of the same length.",
    "crr.next.poor":
      "Find out why customers leave: ask a few who stopped buying, then fix the problem mentioned most often.",
    "crr.next.average":
      "Reach out to customers who are buying less often (e.g. 30–60 days without a purchase) with a personal message or a limited-time offer.",
    "crr.next.good":
      "Keep it up: start a simple loyalty programme (points, a discount on the next purchase) and measure again each period the same way.",
    "crr.next.excellent":
      "Very good. Ask loyal customers to recommend you (a referral programme), and make sure new customers are not counted as returning ones.",
    industries: {
      media: "Media & entertainment",
      banking: "Banking",
      insurance: "Insurance",
      ecommerce: "E-commerce",
      saas: "SaaS",
      retail: "Retail",
      telecom: "Telecom",
      healthcare: "Healthcare",
      travel: "Travel & hospitality",
      financial: "Financial services",
    },

    "clv.title": "Customer Lifetime Value (CLV)",
    "clv.intro":
      "What one customer is worth over the time they buy from you: order value × purchase frequency × years as a customer.",
    "clv.aov": "Average order value (Rp)",
    "clv.freq": "Purchases per year",
    "clv.freqHelp": "E.g. 5 times a week = 260 a year.",
    "clv.years": "Customer lifespan (years)",
    "clv.margin": "Gross margin (%)",
    "clv.marginHelp": "Optional. Fill in for a profit-based CLV.",
    "clv.hint": "Fill in the order value, frequency and lifespan to see the CLV.",
    "clv.figureRevenue": "CLV (revenue)",
    "clv.figureProfit": "CLV (gross profit)",
    "clv.yearly": "Value per year",
    "clv.revenue": "Revenue CLV",
    "clv.profit": "Gross-profit CLV",
    "clv.maxCac": "Maximum acquisition cost (CLV ÷ 3)",
    "clv.budget": "Retention budget per customer (10–15%)",
    "clv.rules":
      "Rules of thumb: CLV to customer acquisition cost (CAC) should be at least 3 : 1, so winning one customer should cost at most about 33% of the CLV. A retention budget of 10–15% of the CLV per customer is reasonable.",
    "clv.caveat":
      "This simple formula assumes customers keep buying the same way. The sources define CLV as profit: fill in the gross margin so that the rules of thumb are based on profit, not revenue.",
    "clv.next": (p) =>
      `Spend no more than ${p.max} to win one new customer, and set aside ${p.low}–${p.high} per customer to keep them (thank-you messages, loyalty points, after-sales service).`,

    "nps.title": "Net Promoter Score (NPS)",
    "nps.intro":
      "“How likely are you to recommend us to a friend?” (0–10). NPS = % promoters − % detractors.",
    "nps.source": "Data source",
    "nps.sourceCounts": "Counts per group",
    "nps.sourceText": "Paste survey answers",
    "nps.promoters": "Promoters (9–\u206010)",
    "nps.passives": "Passives (7–\u20608)",
    "nps.detractors": "Detractors (0–\u20606)",
    "nps.text": "Survey answers (scores 0–10)",
    "nps.hintCounts": "Fill in at least one count of promoters, passives or detractors.",
    "nps.hintText": "Paste your survey answers, or type the scores (0–10) separated by commas.",
    "nps.moeNote": (p) =>
      `95% margin of error: ±${p.moe} points, so the true NPS is most likely between ${p.low} and ${p.high}.`,
    "nps.group.promoters": "Promoters",
    "nps.group.passives": "Passives",
    "nps.group.detractors": "Detractors",
    "nps.chartTitle": "Distribution of NPS scores",
    "nps.chartGroupsTitle": "Count per NPS group",
    "nps.chartLabel": (p) =>
      `Distribution of NPS scores from ${p.n} responses: ${p.detail}. NPS ${p.nps} ± ${p.moe}.`,
    "nps.moeFormula": "95% margin of error (p = promoter share, d = detractor share, n = responses)",
    "nps.scale":
      "Bands: below 0 crisis · 0–30 needs improvement · 30–50 good · 50–70 great · 70 and above world class. Target often quoted: above 50.",
    "nps.caveat": (p) =>
      `With ${p.n} responses the margin of error is ±${p.moe} points: a change smaller than that may not be real. NPS varies a lot between industries and countries; compare above all with your own score over time.`,
    "nps.next.crisis":
      "There are more detractors than promoters: contact detractors one by one, listen to their complaints, and fix the problem mentioned most often.",
    "nps.next.needsImprovement":
      "Read the detractors' reasons, fix the top one or two complaints, then measure again with the same question.",
    "nps.next.good":
      "Turn passives into promoters: ask the people who gave 7–8 what is missing for a 9–10.",
    "nps.next.great":
      "Invite promoters to write a review or recommend a friend through a referral programme.",
    "nps.next.worldClass":
      "Keep the quality up, thank your promoters, and involve them in reviews and referrals.",

    "ces.title": "Customer Effort Score (CES)",
    "ces.intro":
      "“How easy was it to …?” The mean score and the share of “easy” answers on the scale you use.",
    "ces.text": "CES survey answers",
    "ces.scale": "Scale",
    "ces.highIsEasy": "A high score means easy",
    "ces.highIsEasyHelp": "Untick if a high score means hard in your survey.",
    "ces.hint": "Paste the CES answers or type the scores separated by commas.",
    "ces.figure": "Mean CES",
    "ces.of": "out of {max}",
    "ces.easyShare": "Easy answers",
    "ces.easyRange": "easy = scores {range}",
    "ces.directionHigh": "high score = easy",
    "ces.directionLow": "low score = easy",
    "ces.meanFormula": "Mean",
    "ces.easyFormula": "Easy answers ({range})",
    "ces.easyLegend": "Easy ({range})",
    "ces.otherLegend": "Other",
    "ces.chartTitle": "Distribution of CES scores",
    "ces.chartLabel": (p) => `Distribution of CES scores from ${p.n} responses on a 1–${p.max} scale: ${p.detail}.`,
    "ces.scaleNote":
      "Benchmark quoted by the sources: more than 80% “easy” answers (top box: 4–5 on 1–5, 5–7 on 1–7, 8–10 on 1–10; mirrored when a high score means hard).",
    "ces.caveat": "A mean CES can only be compared with surveys that use the same scale and direction.",
    "ces.next.meetsBenchmark":
      "Most customers find it easy. Look for the steps the others still find hard and simplify them.",
    "ces.next.belowBenchmark":
      "Find where customers struggle (e.g. payment, delivery, reaching support) and cut the steps they have to take.",

    "csat.title": "Customer Satisfaction (CSAT)",
    "csat.intro": "“How satisfied are you with …?” The share of satisfied customers.",
    "csat.text": "CSAT survey answers",
    "csat.scale": "Scale",
    "csat.scale5": "1–5 (stars)",
    "csat.scale10": "1–10",
    "csat.hint": "Paste the CSAT answers or type the scores separated by commas.",
    "csat.figure": "CSAT",
    "csat.mean": "Mean score",
    "csat.topBox": "satisfied = scores {range}",
    "csat.formula": "Satisfied answers ({range})",
    "csat.satisfiedLegend": "Satisfied ({range})",
    "csat.otherLegend": "Other",
    "csat.chartTitle": "Distribution of CSAT scores",
    "csat.chartLabel": (p) => `Distribution of CSAT scores from ${p.n} responses on a 1–${p.max} scale: ${p.detail}.`,
    "csat.scaleNote":
      "Target: 80% satisfied customers or more. On a 1–5 scale scores 4–5 count as satisfied; on a 1–10 scale scores 9–10.",
    "csat.caveat":
      "CSAT measures satisfaction with one interaction, not loyalty; look at NPS and retention too.",
    "csat.next.meetsBenchmark":
      "Target reached. Read the comments of the unsatisfied customers to find the next improvement.",
    "csat.next.belowBenchmark":
      "Contact the customers who gave low scores, look for repeated complaints, and fix the most frequent one first.",

    "fcr.title": "First Contact Resolution (FCR)",
    "fcr.intro": "The share of customer-service tickets solved in the first contact.",
    "fcr.resolved": "Tickets resolved at first contact",
    "fcr.total": "Total tickets",
    "fcr.hint": "Fill in the tickets resolved at first contact and the total number of tickets.",
    "fcr.source": "Data source",
    "fcr.sourceCounts": "Ticket counts",
    "fcr.sourceText": "Paste a ticket log",
    "fcr.text": "Ticket log (one row per ticket)",
    "fcr.textHelp":
      "Paste from Excel / Google Sheets or open a CSV from your helpdesk. It needs a yes/no column (e.g. “Resolved at first contact”) or a number of contacts (1 = resolved at first contact).",
    "fcr.hintText": "Paste your ticket log, or open its CSV file.",
    "fcr.groupBy": "Group by",
    "fcr.groupNone": "(none)",
    "fcr.groupsTitle": (p) => `FCR by ${p.name}`,
    "fcr.groupsCaption": (p) => `FCR by ${p.name}, largest group first`,
    "fcr.colTickets": "Tickets",
    "fcr.colResolved": "Resolved at first contact",
    "fcr.figure": "FCR",
    "fcr.scale":
      "SQM Group: 70–79% is good overall; 80% and above is world class. By industry: retail ≈ 76%, financial services ≈ 70%, insurance ≈ 75%, telecom ≈ 56%.",
    "fcr.caveat":
      "The result depends on how “resolved at first contact” is defined; use the same definition and period every time you measure.",
    "fcr.next.belowAverage":
      "Give your support team answer guides and the authority to solve common problems on the spot; record why tickets need a second contact.",
    "fcr.next.good":
      "Find the 2–3 ticket reasons that most often need a second contact and prepare standard answers for them.",
    "fcr.next.worldClass":
      "Keep it up, and make sure speed does not cost satisfaction (check CSAT).",

    bands: {
      poor: "Poor",
      average: "Average",
      good: "Good",
      excellent: "Excellent",
      crisis: "Crisis",
      needsImprovement: "Needs improvement",
      great: "Great",
      worldClass: "World class",
      belowAverage: "Below average",
      meetsBenchmark: "Meets the benchmark",
      belowBenchmark: "Below the benchmark",
    },

    fields: {
      startCustomers: "Customers at the start (S)",
      endCustomers: "Customers at the end (E)",
      newCustomers: "New customers (N)",
      averageOrderValue: "Average order value",
      purchasesPerYear: "Purchases per year",
      lifespanYears: "Customer lifespan",
      grossMarginPercent: "Gross margin",
      promoters: "Promoters",
      passives: "Passives",
      detractors: "Detractors",
      scores: "Scores",
      text: "Pasted text",
      scaleMin: "Scale",
      scaleMax: "Scale",
      highIsEasy: "Scale direction",
      resolvedFirstContact: "Tickets resolved at first contact",
      totalTickets: "Total tickets",
      columns: "Columns",
      groupBy: "Group by",
      locale: "Number and date format",
    },

    errors: {
      invalidInput: () => "The input could not be read.",
      unknownField: (p) => `Unknown input field: ${p.field}.`,
      missingField: (p) => `${p.field} is required.`,
      wrongType: (p) => `${p.field} has the wrong type.`,
      notANumber: (p) => `${p.field} must be a number.`,
      negative: (p) => `${p.field} cannot be negative.`,
      notInteger: (p) => `${p.field} must be a whole number.`,
      startNotPositive: () =>
        "Customers at the start (S) must be more than 0: retention is measured against the customers you had at the start.",
      newExceedsEnd: () =>
        "New customers (N) cannot be more than the customers at the end (E): new customers are part of E.",
      marginOutOfRange: () => "The gross margin must be between 0 and 100%.",
      noResponses: () => "There are no responses yet: enter at least one promoter, passive or detractor.",
      emptyScores: () => "The list of scores is empty: enter at least one answer.",
      scoreNotInteger: (p) =>
        p.row ? `The score in row ${p.row} is not a whole number.` : "A score is not a whole number.",
      scoreOutOfRange: (p) =>
        p.row ? `The score in row ${p.row} is outside 0–10.` : "A score is outside 0–10.",
      scoreOffScale: (p) =>
        p.row ? `The score in row ${p.row} is not on the chosen scale.` : "A score is not on the chosen scale.",
      invalidScale: () => "This scale is not supported: choose 1–5, 1–7 or 1–10.",
      conflictingInputs: () => "Use only one of: a list of scores, pasted text, or counts per group.",
      missingInput: () => "No data yet: paste the answers or fill in the numbers.",
      emptyText: () => "The pasted text is empty: paste a column of answers.",
      noScoreColumn: () =>
        "No score column was found: paste a column of numbers, or give it a header such as “Score”.",
      ambiguousScoreColumn: () =>
        "Several columns hold numbers, so the score column is unclear. Choose “Score” in the right column's header in the preview, or give it the header “Score”.",
      unknownColumn: (p) =>
        p.field ? `The column for “${p.field}” is not in the pasted data.` : "The named column is not in the pasted data.",
      missingColumn: (p) =>
        `No ${p.field || "needed"} column was found. Give it a header, or choose its role in the preview's column header.`,
      columnMappedTwice: () => "One column was chosen for two roles at once. Choose another role for one of them.",
      noUsableRows: () => "No row holds a usable score. See the skipped rows below.",
      invalidOption: (p) => `The option ${p.field} is not valid.`,
      totalNotPositive: () => "Total tickets must be more than 0.",
      resolvedExceedsTotal: () => "Tickets resolved at first contact cannot be more than the total tickets.",
      tooLarge: (p) => (p.field ? `${p.field} is too large to compute.` : "The numbers are too large to compute."),
      noResolvedColumn: () =>
        "No column says whether each ticket was resolved at first contact (yes/no) or how many contacts it took.",
      internal: () => "Something went wrong inside the calculator. Change the numbers or reload the page.",
      unknown: () => "Something went wrong.",
    },

    skip: {
      emptyValue: (p) => (p.kind === "ticket" ? "no yes/no and no number of contacts" : "no score"),
      notANumber: () => "not a number",
      scoreNotInteger: () => "score is not a whole number",
      scoreOutOfRange: () => "score outside 0–10",
      scoreOffScale: (p) => `score not on the ${p.scale} scale`,
      unreadableRow: () => "the row could not be read",
      invalidYesNo: () => "not yes or no",
      invalidContacts: () => "not a valid number of contacts",
      invalidDate: () => "not a valid date",
      invalidAmount: () => "not an amount",
      missingCustomer: () => "no customer name",
    },
  },
};

/** Yearly CRR averages quoted in METRICS.md §1: [low, high] ranges, alt = another source. */
export const CRR_INDUSTRIES = [
  { key: "media", range: [84] },
  { key: "banking", range: [75] },
  { key: "insurance", range: [83] },
  { key: "ecommerce", range: [38] },
  { key: "saas", range: [35], alt: [85, 95] },
  { key: "retail", range: [63] },
  { key: "telecom", range: [78] },
  { key: "healthcare", range: [55] },
  { key: "travel", range: [55, 70] },
  { key: "financial", range: [80, 90] },
];

function fill(template, params) {
  return template.replace(/\{(\w+)\}/g, (m, name) =>
    params && params[name] !== undefined ? String(params[name]) : m,
  );
}

/** The string `key` in `lang` (falling back to Indonesian, then to the key itself). */
export function translate(lang, key, params) {
  const table = STRINGS[lang] || STRINGS[DEFAULT_LANGUAGE];
  let value = table[key];
  if (value === undefined) value = STRINGS[DEFAULT_LANGUAGE][key];
  if (value === undefined) return key;
  return typeof value === "function" ? value(params || {}) : fill(value, params);
}

/** A band's label, by its stable key; the API's English label if the key is new. */
export function bandLabel(lang, band) {
  const labels = STRINGS[lang].bands;
  return labels[band.key] || band.label || band.key;
}

/** The translated text of an API error; unknown codes fall back to its English message. */
export function errorText(lang, error) {
  const table = STRINGS[lang];
  const fn = error && table.errors[error.code];
  if (!fn) {
    if (error && typeof error.message === "string" && error.message) return error.message;
    return table.errors.unknown();
  }
  let field = error.field ? table.fields[error.field] || error.field : "";
  const role = error.field && /^columns\.(\w+)$/.exec(error.field);
  if (role) field = table.roles[role[1]] || role[1];
  return fn({ field, row: error.row, code: error.code });
}

/** The reason a row was skipped, without the row number; English reason if the code is new. */
export function skipReason(lang, entry, params) {
  const fn = STRINGS[lang].skip[entry.code];
  return fn ? fn(params || {}) : entry.reason;
}
