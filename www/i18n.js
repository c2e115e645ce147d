// Every string the page shows, in Indonesian (default) and English: the page's
// own here, the calculators' from js/calc/i18n/ (shared with the widget).
// Plain strings may hold {placeholders}; functions receive a parameter object.
// Band labels are looked up by `band.key`, errors by `error.code`, skipped rows
// by their `code`; unknown codes fall back to the API's English text.

import commonId from "./js/calc/i18n/common.id.js";
import commonEn from "./js/calc/i18n/common.en.js";
import crrId from "./js/calc/i18n/crr.id.js";
import crrEn from "./js/calc/i18n/crr.en.js";
import clvId from "./js/calc/i18n/clv.id.js";
import clvEn from "./js/calc/i18n/clv.en.js";
import npsId from "./js/calc/i18n/nps.id.js";
import npsEn from "./js/calc/i18n/nps.en.js";
import cesId from "./js/calc/i18n/ces.id.js";
import cesEn from "./js/calc/i18n/ces.en.js";
import csatId from "./js/calc/i18n/csat.id.js";
import csatEn from "./js/calc/i18n/csat.en.js";
import fcrId from "./js/calc/i18n/fcr.id.js";
import fcrEn from "./js/calc/i18n/fcr.en.js";
import fcrServiceId from "./js/calc/i18n/fcr-service.id.js";
import fcrServiceEn from "./js/calc/i18n/fcr-service.en.js";
import salesId from "./js/calc/i18n/sales.id.js";
import salesEn from "./js/calc/i18n/sales.en.js";
import segmentsId from "./js/calc/i18n/segments.id.js";
import segmentsEn from "./js/calc/i18n/segments.en.js";
import lifecycleId from "./js/calc/i18n/lifecycle.id.js";
import lifecycleEn from "./js/calc/i18n/lifecycle.en.js";
import subscriptionsId from "./js/calc/i18n/subscriptions.id.js";
import subscriptionsEn from "./js/calc/i18n/subscriptions.en.js";
import * as text from "./js/calc/text.js";
import surveysId from "./js/i18n/surveys.id.js";
import surveysEn from "./js/i18n/surveys.en.js";

// The calculators' strings (shared with the widget, which loads only what it shows).
const CALC_ID = { ...commonId, ...crrId, ...clvId, ...npsId, ...cesId, ...csatId, ...fcrId, ...fcrServiceId, ...salesId, ...segmentsId, ...lifecycleId, ...subscriptionsId };
const CALC_EN = { ...commonEn, ...crrEn, ...clvEn, ...npsEn, ...cesEn, ...csatEn, ...fcrEn, ...fcrServiceEn, ...salesEn, ...segmentsEn, ...lifecycleEn, ...subscriptionsEn };
export const LANGUAGES = ["id", "en"];
export const DEFAULT_LANGUAGE = "id";

const plural = (n, one, many) => (n === 1 ? one : many);

export const STRINGS = {
  id: {
    ...CALC_ID,
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
    "nav.subscriptions": "Langganan",
    "status.loading": "Memuat kalkulator…",
    "status.failed":
      "Kalkulator tidak dapat dimuat. Muat ulang halaman; jika masih gagal, coba browser lain yang lebih baru.",
    "footer.text":
      "Rumus, pita penilaian dan patokan mengikuti panduan retensi pelanggan untuk usaha kecil. Patokan industri hanyalah kisaran kasar dari berbagai sumber.",
    "footer.privacy":
      "Privasi: perhitungan memakai WebAssembly di browser Anda; halaman ini tidak mengirim data ke mana pun dan hanya mengingat pilihan bahasa.",

    // Data input (paste box, file, preview)
    "data.open": "Buka file CSV / Excel…",
    "data.drop":
      "atau tarik file CSV, TSV, Excel (.xlsx, .xls) atau ODS ke kotak ini. File dibaca di browser ini, tidak diunggah.",
    "data.dropHere": "Lepaskan file di sini",
    "data.fileRead": (p) => `File “${p.name}” dibaca (${p.size}).`,
    "data.fileReadLatin": (p) =>
      `File “${p.name}” dibaca (${p.size}) sebagai Windows-1252, karena isinya bukan UTF-8.`,
    "data.fileTooBig": (p) => `File “${p.name}” terlalu besar (${p.size}); paling besar ${p.max}.`,
    "data.fileNotText": (p) =>
      `“${p.name}” bukan file teks. Dari Excel, simpan dulu sebagai CSV (File › Simpan Sebagai › CSV UTF-8), lalu buka file CSV-nya.`,
    "data.fileFailed": (p) => `File “${p.name}” tidak dapat dibaca.`,
    "data.sheet": "Lembar",
    "data.sheetRead": (p) =>
      `Lembar “${p.sheet}” dibaca dari file “${p.name}” (${p.size})${p.empty ? "; lembar ini kosong" : ""}.`,
    "data.spreadsheetOpening": (p) => `Membuka file spreadsheet “${p.name}”…`,
    "data.spreadsheetError.invalidSpreadsheet": (p) =>
      `“${p.name}” tidak dapat dibaca sebagai spreadsheet: filenya rusak, tidak lengkap, atau bukan file Excel / ODS. Buka di Excel dan simpan lagi, atau simpan sebagai CSV.`,
    "data.spreadsheetError.passwordProtected": (p) =>
      `“${p.name}” dilindungi kata sandi. Simpan salinannya tanpa kata sandi, lalu buka salinan itu.`,
    "data.spreadsheetError.tooLarge": (p) =>
      `Lembar di “${p.name}” terlalu besar untuk dibaca di sini. Simpan bagian yang Anda perlukan sebagai CSV.`,
    "data.spreadsheetError.unknownSheet": (p) => `“${p.name}” tidak punya lembar itu lagi; buka filenya sekali lagi.`,
    "data.spreadsheetError.xlsxFailed": (p) =>
      `Pembaca spreadsheet tidak dapat dimuat untuk “${p.name}”. Muat ulang halaman, atau simpan file sebagai CSV.`,
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
  },

  en: {
    ...CALC_EN,
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
    "nav.subscriptions": "Subscriptions",
    "status.loading": "Loading the calculators…",
    "status.failed":
      "The calculators could not be loaded. Reload the page; if it still fails, try a newer browser.",
    "footer.text":
      "Formulas, bands and benchmarks follow customer-retention guides for small businesses. Industry benchmarks are rough ranges from several sources.",
    "footer.privacy":
      "Privacy: the calculations use WebAssembly in your browser; this page sends your data nowhere and remembers only your language choice.",

    "data.open": "Open a CSV / Excel file…",
    "data.drop":
      "or drop a CSV, TSV, Excel (.xlsx, .xls) or ODS file on the box. The file is read in this browser, never uploaded.",
    "data.dropHere": "Drop the file here",
    "data.fileRead": (p) => `Read “${p.name}” (${p.size}).`,
    "data.fileReadLatin": (p) => `Read “${p.name}” (${p.size}) as Windows-1252, as it is not UTF-8.`,
    "data.fileTooBig": (p) => `“${p.name}” is too large (${p.size}); the limit is ${p.max}.`,
    "data.fileNotText": (p) =>
      `“${p.name}” is not a text file. From Excel, save it as CSV first (File › Save As › CSV UTF-8), then open the CSV file.`,
    "data.fileFailed": (p) => `“${p.name}” could not be read.`,
    "data.sheet": "Sheet",
    "data.sheetRead": (p) => `Sheet “${p.sheet}” read from “${p.name}” (${p.size})${p.empty ? "; this sheet is empty" : ""}.`,
    "data.spreadsheetOpening": (p) => `Opening the spreadsheet “${p.name}”…`,
    "data.spreadsheetError.invalidSpreadsheet": (p) =>
      `“${p.name}” could not be read as a spreadsheet: the file is damaged, incomplete, or not an Excel / ODS file. Open it in Excel and save it again, or save it as CSV.`,
    "data.spreadsheetError.passwordProtected": (p) =>
      `“${p.name}” is protected with a password. Save a copy without the password, then open that copy.`,
    "data.spreadsheetError.tooLarge": (p) =>
      `The sheet in “${p.name}” is too large to read here. Save the part you need as CSV.`,
    "data.spreadsheetError.unknownSheet": (p) => `“${p.name}” no longer has that sheet; open the file again.`,
    "data.spreadsheetError.xlsxFailed": (p) =>
      `The spreadsheet reader could not be loaded for “${p.name}”. Reload the page, or save the file as CSV.`,
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
  },
};

// The surveys' extras (js/surveys.js), with their skipped-row reasons beside the calculators'.
for (const [lang, table] of [["id", surveysId], ["en", surveysEn]]) {
  const { skip, ...words } = table;
  Object.assign(STRINGS[lang], words);
  STRINGS[lang].skip = { ...STRINGS[lang].skip, ...skip };
}

/** The string `key` in `lang` (falling back to Indonesian, then to the key itself). */
export function translate(lang, key, params) {
  return text.lookup(STRINGS[lang] || STRINGS[DEFAULT_LANGUAGE], key, params, STRINGS[DEFAULT_LANGUAGE]);
}

/** A band's label, by its stable key; the API's English label if the key is new. */
export const bandLabel = (lang, band) => text.bandLabel(STRINGS[lang], band);

/** The translated text of an API error; unknown codes fall back to its English message. */
export const errorText = (lang, error) => text.errorText(STRINGS[lang], error);

/** The reason a row was skipped, without the row number; English reason if the code is new. */
export const skipReason = (lang, entry, params) => text.skipReason(STRINGS[lang], entry, params);
