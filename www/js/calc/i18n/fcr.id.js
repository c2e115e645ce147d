// Strings of the FCR calculator, in Indonesian.

export default {
    "fcr.group.channel": "Kanal (kolom “Kanal” / “Channel”)",
    "fcr.group.agent": "Agen (kolom “Agen” / “Agent”)",
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
      "Tempel dari Excel / Google Sheets atau buka ekspor tiket aplikasi CS apa adanya (Zendesk, Freshdesk, Jira, chat). Perlu kolom ya/tidak (mis. “Selesai di kontak pertama”), jumlah balasan agen, atau jumlah kontak (1 = selesai di kontak pertama).",
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
};
