#!/usr/bin/env python3
"""Writes tests/fixtures/xlsx/xlsb-panic.xlsx (committed; python3 alone, no
packages): an .xlsb workbook under an .xlsx name (the page opens .xlsx files;
readWorkbook tells the format by content) whose one cell names shared string 7
of a workbook without shared strings. calamine's .xlsb cell reader indexes its
list of shared strings unchecked: the read panics, which traps the wasm module,
so the page's fresh-reader path (www/js/workbook.js) has a file to be tested
with (tests/e2e/xlsx.test.mjs). Once the .xlsb reader is guarded, the file is
refused instead and the test says so.

Records (MS-XLSB 2.1.4): type and length in 7-bit groups, low first, the high
bit saying another follows; then the data.
"""

import os
import struct
import zipfile

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "fixtures", "xlsx")


def varint(n):
    out = bytearray()
    while True:
        low, n = n & 0x7F, n >> 7
        out.append(low | (0x80 if n else 0))
        if not n:
            return bytes(out)


def record(typ, data=b""):
    head = bytes([typ]) if typ < 0x80 else bytes([(typ & 0x7F) | 0x80, typ >> 7])
    return head + varint(len(data)) + data


def wide(s):
    return struct.pack("<I", len(s)) + s.encode("utf-16-le")


workbook = (
    record(0x009C, struct.pack("<II", 0, 1) + wide("rId1") + wide("Data"))  # BrtBundleSh
    + record(0x0090)  # BrtEndBundleShs
    + record(0x009D)  # BrtCalcProp
)
rels = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.bin"/>'
    b"</Relationships>"
)
sheet = (
    record(0x0081)  # BrtBeginSheet
    + record(0x0094, struct.pack("<IIII", 0, 0, 0, 0))  # BrtWsDim: A1
    + record(0x0091)  # BrtBeginSheetData
    + record(0x0000, struct.pack("<I", 0))  # BrtRowHdr: row 1
    + record(0x0007, struct.pack("<III", 0, 0, 7))  # BrtCellIsst: A1, shared string 7
    + record(0x0092)  # BrtEndSheetData
)
path = os.path.join(OUT, "xlsb-panic.xlsx")
with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
    for name, data in [
        ("xl/workbook.bin", workbook),
        ("xl/_rels/workbook.bin.rels", rels),
        ("xl/worksheets/sheet1.bin", sheet),
    ]:
        info = zipfile.ZipInfo(name, date_time=(2025, 3, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        z.writestr(info, data)
print(f"xlsb-panic.xlsx: {os.path.getsize(path)} bytes")
