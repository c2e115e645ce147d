#!/usr/bin/env python3
"""Writes the spreadsheet fixtures of tests/fixtures/xlsx/ (committed: the
tests need no Python). Run it again after changing it:

    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install openpyxl odfpy xlwt
    /tmp/venv/bin/python scripts/make-xlsx-fixtures.py

The files are reproducible: every zip entry gets the same timestamp and the
documents' own dates are fixed. The values written here are the ones that
tests/workbook.rs and tests/e2e/xlsx.test.mjs expect, written by hand there.
"""

import datetime as dt
import io
import os
import re
import zipfile

import openpyxl
import xlwt
from odf.opendocument import OpenDocumentSpreadsheet
from odf.table import Table, TableCell, TableRow
from odf.text import P

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "fixtures", "xlsx")
FIXED = dt.datetime(2025, 3, 1, 0, 0, 0)


def normalised_zip(data):
    """The same zip with every entry dated FIXED (openpyxl and odfpy write "now")."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            new = zipfile.ZipInfo(info.filename, date_time=FIXED.timetuple()[:6])
            # ODS wants its "mimetype" entry first and stored uncompressed.
            new.compress_type = zipfile.ZIP_STORED if info.filename == "mimetype" else zipfile.ZIP_DEFLATED
            new.external_attr = 0o644 << 16
            data = src.read(info.filename)
            if info.filename in ("docProps/core.xml", "meta.xml"):
                # openpyxl writes the time of saving as "modified", odfpy as the dates of meta.xml
                data = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?", b"2025-03-01T00:00:00", data)
            dst.writestr(new, data)
    return out.getvalue()


def save_xlsx(wb, name):
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    wb.properties.creator = "customer-metrics fixtures"
    buf = io.BytesIO()
    wb.save(buf)
    write(name, normalised_zip(buf.getvalue()))


def write(name, data):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)
    print(f"{name}: {len(data)} bytes")


def shopee():
    """A Shopee-like order export: one "Orders" sheet (header in row 1, order times as
    date-time cells, totals as numbers, a cancelled order without a buyer in row 10)
    and a "Catatan" (notes) sheet."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Orders"
    ws.append(["No. Pesanan", "Status Pesanan", "Waktu Pesanan Dibuat", "Username (Pembeli)", "Nama Produk", "Total Pembayaran"])
    rows = [
        ("250105ABC001", "Selesai", dt.datetime(2025, 1, 5, 9, 15), "budi.s", "Kopi Arabika 250g", 125000),
        ("250112ABC002", "Selesai", dt.datetime(2025, 1, 12, 14, 30), "sari_ayu", "Teh Melati", 45500),
        ("250118ABC003", "Selesai", dt.datetime(2025, 1, 18, 20, 5), "andi99", "Kopi Robusta 1kg", 300000),
        ("250125ABC004", "Selesai", dt.datetime(2025, 1, 25, 11, 0), "dewi.lestari", "Gula Aren", 60000),
        ("250203ABC005", "Selesai", dt.datetime(2025, 2, 3, 8, 45), "budi.s", "Kopi Arabika 250g", 125000),
        ("250210ABC006", "Selesai", dt.datetime(2025, 2, 10, 16, 20), "sari_ayu", "Teh Melati", 91000),
        ("250214ABC007", "Selesai", dt.datetime(2025, 2, 14, 19, 0), "rina_m", "Kopi Gayo", 150000),
        ("250227ABC009", "Batal", dt.datetime(2025, 2, 27, 12, 0), None, "Kopi Gayo", 0),
        ("250228ABC008", "Selesai", dt.datetime(2025, 2, 28, 10, 10), "budi.s", "Gula Aren", 60000),
    ]
    for row in rows:
        ws.append(row)
    for cell in ws["C"][1:]:
        cell.number_format = "yyyy-mm-dd hh:mm:ss"
    notes = wb.create_sheet("Catatan")
    notes.append(["Ekspor pesanan Shopee, Januari–Februari 2025."])
    notes.append(["Pesanan batal tidak punya pembeli."])
    save_xlsx(wb, "shopee-orders.xlsx")


def tokopedia():
    """A Tokopedia-like sales report: two title rows above the header (row 3), an
    empty first sheet, payment dates as date cells."""
    wb = openpyxl.Workbook()
    wb.active.title = "Info"  # empty
    ws = wb.create_sheet("Laporan Penjualan")
    ws.append(["Laporan Penjualan - Toko Kopi Nusantara"])
    ws.append(["Periode: 01-01-2025 s/d 28-02-2025"])
    ws.append(["Nomor Invoice", "Tanggal Pembayaran", "Nama Pembeli", "Nama Produk", "Jumlah Produk", "Total Penjualan (IDR)"])
    ws.append(["INV/20250106/MPL/0001", dt.date(2025, 1, 6), "Budi Santoso", "Kopi Arabika 250g", 2, 250000])
    ws.append(["INV/20250120/MPL/0002", dt.date(2025, 1, 20), "Sari Ayu", "Teh Melati", 1, 45500])
    ws.append(["INV/20250207/MPL/0003", dt.date(2025, 2, 7), "Budi Santoso", "Gula Aren", 3, 180000])
    ws.append(["INV/20250228/MPL/0004", dt.date(2025, 2, 28), "Rina M.", "Kopi Gayo", 1, 150000.5])
    for cell in ws["B"][3:]:
        cell.number_format = "dd/mm/yyyy"
    save_xlsx(wb, "tokopedia-sales.xlsx")


def cells():
    """Every kind of cell, from B2 (row 1 and column A empty), an empty row 3."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Kinds"
    values = [
        "text",
        12.5,
        1250000,
        True,
        dt.date(2025, 1, 31),
        dt.datetime(2025, 1, 31, 14, 5, 9),
        dt.time(8, 30, 0),
        dt.timedelta(hours=37, minutes=30),
        None,  # an error cell, set below
        "tab\there",
        'say "hi"',
        "line1\nline2",
        '"quoted"',
    ]
    for i, v in enumerate(values):
        ws.cell(row=2, column=2 + i, value=v)
    ws["F2"].number_format = "yyyy-mm-dd"
    ws["G2"].number_format = "yyyy-mm-dd hh:mm:ss"
    ws["H2"].number_format = "hh:mm:ss"
    ws["I2"].number_format = "[h]:mm:ss"
    err = ws["J2"]
    err.value = "#N/A"
    err.data_type = "e"
    ws["B4"] = -0.25
    ws["D4"] = "x"
    ws["C5"] = 0.1
    ws["E5"] = 1e21
    save_xlsx(wb, "cells.xlsx")


def nps():
    """A Google Forms answer sheet saved as xlsx: the timestamp as a date-time cell,
    answers 0–10 as numbers."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Form Responses 1"
    ws.append(["Timestamp", "Seberapa besar kemungkinan Anda merekomendasikan Toko Kopi Nusantara kepada teman? (0-10)", "Alasan utama"])
    answers = [
        (dt.datetime(2025, 2, 1, 8, 1, 12), 10, "Kopinya enak"),
        (dt.datetime(2025, 2, 1, 9, 14, 3), 9, "Pengiriman cepat"),
        (dt.datetime(2025, 2, 2, 10, 0, 0), 9, None),
        (dt.datetime(2025, 2, 2, 13, 45, 30), 8, "Harga pas"),
        (dt.datetime(2025, 2, 3, 7, 30, 0), 7, None),
        (dt.datetime(2025, 2, 3, 19, 2, 41), 6, "Kemasan penyok"),
        (dt.datetime(2025, 2, 4, 11, 11, 11), 10, "Ramah"),
        (dt.datetime(2025, 2, 5, 15, 20, 0), 3, "Pesanan terlambat"),
        (dt.datetime(2025, 2, 6, 16, 0, 5), 9, None),
        (dt.datetime(2025, 2, 7, 20, 30, 0), 5, "Biasa saja"),
    ]
    for row in answers:
        ws.append(row)
    for cell in ws["A"][1:]:
        cell.number_format = "m/d/yyyy h:mm:ss"
    save_xlsx(wb, "nps-google-forms.xlsx")


def ods():
    """An OpenDocument spreadsheet (LibreOffice): dates, a time, numbers; a second sheet."""
    doc = OpenDocumentSpreadsheet()

    def cell(value):
        if value is None:
            return TableCell()
        if isinstance(value, dt.date):
            c = TableCell(valuetype="date", datevalue=value.isoformat())
            c.addElement(P(text=value.strftime("%d/%m/%Y")))
            return c
        if isinstance(value, dt.timedelta):
            s = int(value.total_seconds())
            c = TableCell(valuetype="time", timevalue=f"PT{s // 3600:02d}H{s // 60 % 60:02d}M{s % 60:02d}S")
            c.addElement(P(text=f"{s // 3600:02d}:{s // 60 % 60:02d}"))
            return c
        if isinstance(value, (int, float)):
            c = TableCell(valuetype="float", value=value)
            c.addElement(P(text=str(value)))
            return c
        c = TableCell(valuetype="string")
        c.addElement(P(text=value))
        return c

    sheet = Table(name="Pesanan")
    for row in [
        ["Tanggal", "Pelanggan", "Total", "Jam"],
        [dt.date(2025, 1, 6), "Budi", 250000, dt.timedelta(hours=10, minutes=30)],
        [None, None, None, None],
        [dt.date(2025, 2, 7), "Sari", 12.5, None],
    ]:
        tr = TableRow()
        for v in row:
            tr.addElement(cell(v))
        sheet.addElement(tr)
    doc.spreadsheet.addElement(sheet)
    other = Table(name="Lain")
    tr = TableRow()
    tr.addElement(cell("catatan"))
    other.addElement(tr)
    doc.spreadsheet.addElement(other)
    buf = io.BytesIO()
    doc.write(buf)
    write("orders.ods", normalised_zip(buf.getvalue()))


def xls():
    """An Excel 97–2003 file (.xls): a date column and numbers."""
    wb = xlwt.Workbook()
    ws = wb.add_sheet("Penjualan")
    date = xlwt.easyxf(num_format_str="DD/MM/YYYY")
    for c, v in enumerate(["Tanggal", "Pelanggan", "Total"]):
        ws.write(0, c, v)
    for r, (d, who, total) in enumerate([(dt.date(2025, 1, 6), "Budi", 250000), (dt.date(2025, 2, 7), "Sari", 45500.5)], start=1):
        ws.write(r, 0, d, date)
        ws.write(r, 1, who)
        ws.write(r, 2, total)
    buf = io.BytesIO()
    wb.save(buf)
    write("orders.xls", buf.getvalue())


def protected_ods():
    """An ODS whose manifest says its content is encrypted (as a password-protected
    LibreOffice file's does); the content itself is not needed to tell."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        def put(name, text, stored=False):
            info = zipfile.ZipInfo(name, date_time=FIXED.timetuple()[:6])
            info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            z.writestr(info, text)

        put("mimetype", "application/vnd.oasis.opendocument.spreadsheet", stored=True)
        put(
            "META-INF/manifest.xml",
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">\n'
            ' <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>\n'
            ' <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml" manifest:size="1234">\n'
            '  <manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="AAAA">\n'
            '   <manifest:algorithm manifest:algorithm-name="Blowfish CFB" manifest:initialisation-vector="AAAA"/>\n'
            '  </manifest:encryption-data>\n'
            ' </manifest:file-entry>\n'
            '</manifest:manifest>\n',
        )
        put("content.xml", b"\x00encrypted\x00")
    write("protected.ods", out.getvalue())


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    shopee()
    tokopedia()
    cells()
    nps()
    ods()
    xls()
    protected_ods()
