#!/usr/bin/env python3
"""Writes tests/fixtures/exports/*.csv: store exports laid out as each platform's
documented export (headers in its order, a subset of its columns), with invented
customers and the mess real files carry. The figures they should give are
written by hand in tests/exports.rs. Run from the repository root."""
import csv, io, os

OUT = "tests/fixtures/exports"


def write(name, rows, delim=",", pre=None, post=None, bom=False, crlf=False):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delim, lineterminator="\r\n" if crlf else "\n")
    for r in (pre or []) + rows + (post or []):
        w.writerow(r)
    with open(os.path.join(OUT, name), "w", encoding="utf-8", newline="") as f:
        f.write(("\ufeff" if bom else "") + buf.getvalue())


os.makedirs(OUT, exist_ok=True)

# 1. Shopee Seller Centre order export (Indonesian): one row per product line,
# Total Pembayaran repeated on each line of an order.
H = ["No. Pesanan", "Status Pesanan", "Status Pembatalan/ Pengembalian", "No. Resi", "Opsi Pengiriman",
     "Waktu Pesanan Dibuat", "Waktu Pembayaran Dilakukan", "Metode Pembayaran", "SKU Induk", "Nama Produk",
     "Nama Variasi", "Harga Awal", "Harga Setelah Diskon", "Jumlah", "Total Harga Produk", "Total Diskon",
     "Ongkos Kirim Dibayar oleh Pembeli", "Total Pembayaran", "Catatan dari Pembeli", "Username (Pembeli)",
     "Nama Penerima", "No. Telepon", "Kota/Kabupaten", "Provinsi", "Waktu Pesanan Selesai"]


def sh(no, st, ret, when, prod, var, price, qty, line_total, total, user, recv, city):
    return [no, st, ret, "SPX0" + no[-4:], "SPX Standard", when, when, "ShopeePay", "K-" + prod[:3].upper(), prod,
            var, price, price, qty, line_total, "0", "10.000", total, "", user, recv, "******21", city,
            "Jawa Barat", ""]


write("shopee.csv", [H] + [
    sh("240601A1B2C3D4", "Selesai", "", "2024-06-01 10:15", "Kaos Polos Hitam", "L", "50.000", "2", "100.000", "150.000", "budi.s", "Budi Santoso", "Bandung"),
    sh("240601A1B2C3D4", "Selesai", "", "2024-06-01 10:15", "Topi Rajut", "-", "40.000", "1", "40.000", "150.000", "budi.s", "Budi Santoso", "Bandung"),
    sh("240602E5F6G7H8", "Batal", "", "2024-06-02 09:00", "Kaos Polos Putih", "M", "65.000", "1", "65.000", "75.000", "sari_88", "Sari", "Bogor"),
    sh("240603J9K0L1M2", "Selesai", "", "2024-06-03 14:20", "Topi Rajut", "-", "50.000", "1", "50.000", "60.000", "budi.s", "Budi Santoso", "Bandung"),
    sh("240604N3P4Q5R6", "Belum Bayar", "", "2024-06-04 20:05", "Kaos Polos Hitam", "XL", "70.000", "1", "70.000", "80.000", "rina.w", "Rina W", "Depok"),
    sh("240605S7T8U9V0", "Sedang Dikirim", "", "2024-06-05 08:30", "Kaos Polos Hitam", "S", "50.000", "2", "100.000", "210.000", "sari_88", "Sari", "Bogor"),
    sh("240605S7T8U9V0", "Sedang Dikirim", "", "2024-06-05 08:30", "Kaos Polos Putih", "S", "50.000", "1", "50.000", "210.000", "sari_88", "Sari", "Bogor"),
    sh("240605S7T8U9V0", "Sedang Dikirim", "", "2024-06-05 08:30", "Topi Rajut", "-", "50.000", "1", "50.000", "210.000", "sari_88", "Sari", "Bogor"),
    sh("240606W1X2Y3Z4", "Selesai", "Permintaan Disetujui", "2024-06-06 11:11", "Jaket Denim", "L", "80.000", "1", "80.000", "90.000", "tono77", "Tono", "Bekasi"),
    sh("240607A5B6C7D8", "Telah Dikirim", "", "2024-06-07 16:45", "Jaket Denim", "XL", "600.000", "2", "1.200.000", "1.250.000", "rina.w", "Rina W", "Depok"),
    sh("240607A5B6C7D8", "Telah Dikirim", "", "2024-06-07 16:45", "Kaos Polos Hitam", "L", "40.000", "1", "40.000", "1.250.000", "rina.w", "Rina W", "Depok"),
])

# 2. Tokopedia sales report: title lines above the header, an amount per line, a totals row.
H = ["Nomor", "Nomor Invoice", "Tanggal Pembayaran", "Status Terakhir", "Tanggal Pesanan Selesai",
     "Tanggal Pesanan Dibatalkan", "Nama Produk", "Nomor SKU", "Jumlah Produk Dibeli", "Harga Jual (IDR)",
     "Total Penjualan (IDR)", "Nama Pembeli", "No Telp Pembeli", "Nama Penerima", "Kota", "Nama Kurir"]
write("tokopedia.csv", [H] + [
    ["1", "INV/20240601/MPL/0001", "01-06-2024 10:00:00", "Pesanan Selesai", "04-06-2024", "", "Madu Hutan 500g", "MD-500", "2", "50000", "100000", "Andi Wijaya", "08121111", "Andi Wijaya", "Jakarta", "JNE"],
    ["2", "INV/20240601/MPL/0001", "01-06-2024 10:00:00", "Pesanan Selesai", "04-06-2024", "", "Madu Hutan 250g", "MD-250", "1", "50000", "50000", "Andi Wijaya", "08121111", "Andi Wijaya", "Jakarta", "JNE"],
    ["3", "INV/20240602/MPL/0002", "02-06-2024 12:30:00", "Dibatalkan Pembeli", "", "02-06-2024", "Madu Hutan 500g", "MD-500", "1", "70000", "70000", "Citra", "08122222", "Citra", "Medan", "SiCepat"],
    ["4", "INV/20240613/MPL/0003", "13-06-2024 08:00:00", "Pesanan Selesai", "16-06-2024", "", "Madu Klanceng", "MK-100", "1", "200000", "200000", "Andi Wijaya", "08121111", "Andi Wijaya", "Jakarta", "JNE"],
    ["5", "INV/20240620/MPL/0004", "20-06-2024 19:45:00", "Pesanan Selesai", "23-06-2024", "", "Madu Hutan 250g", "MD-250", "1", "45000", "45000", "Dewi", "08123333", "Dewi", "Surabaya", "AnterAja"],
    ["6", "INV/20240620/MPL/0004", "20-06-2024 19:45:00", "Pesanan Selesai", "23-06-2024", "", "Sarang Madu", "SM-01", "1", "45000", "45000", "Dewi", "08123333", "Dewi", "Surabaya", "AnterAja"],
], pre=[["Laporan Penjualan"], ["Toko: Madu Nusantara"], ["Periode: 01-06-2024 - 30-06-2024"], []],
    post=[["Total", "", "", "", "", "", "", "", "", "", "510000"]])

# 3. TikTok Shop order export: English headers, Indonesian values, a description row.
H = ["Order ID", "Order Status", "Order Substatus", "Cancelation/Return Type", "SKU ID", "Seller SKU", "Product Name",
     "Variation", "Quantity", "SKU Unit Original Price", "SKU Subtotal After Discount", "Shipping Fee After Discount",
     "Order Refund Amount", "Order Amount", "Created Time", "Paid Time", "Cancelled Time", "Buyer Message",
     "Buyer Username", "Recipient", "Phone #", "Regency and City", "Payment Method"]
D = ["Platform unique order ID.", "Current order status.", "Order substatus.", "Cancellation or return type.",
     "Platform SKU ID.", "Seller SKU input.", "Platform product name.", "Product variation.", "SKU sold quantity.",
     "SKU unit original price.", "SKU subtotal after discount.", "Shipping fee after discount.", "Order refund amount.",
     "Order amount.", "Order created time.", "Order paid time.", "Order cancelled time.", "Message from the buyer.",
     "Buyer username on the platform.", "Recipient name for delivery.", "Recipient phone number.",
     "Recipient regency and city.", "Payment method used."]


def tt(oid, st, sub, ret, sku, prod, qty, price, subtotal, refund, amount, created, cancelled, user, recv):
    return [oid, st, sub, ret, "17" + sku, "S-" + sku, prod, "Default", qty, price, subtotal, "10000", refund, amount,
            created, created if st != "Belum dibayar" else "", cancelled, "", user, recv, "(+62)812*****99",
            "Kota Bandung", "GoPay"]


write("tiktok_shop.csv", [H, D] + [
    tt("576000000000000001", "Selesai", "Selesai", "", "0001", "Serum Wajah 20ml", "1", "60000", "60000", "0", "120000", "05/06/2024 10:00:00", "", "andi.w", "Andi"),
    tt("576000000000000001", "Selesai", "Selesai", "", "0002", "Toner 100ml", "1", "50000", "50000", "0", "120000", "05/06/2024 10:00:00", "", "andi.w", "Andi"),
    tt("576000000000000002", "Dibatalkan", "Dibatalkan", "Cancel", "0001", "Serum Wajah 20ml", "1", "50000", "40000", "0", "50000", "06/06/2024 11:00:00", "06/06/2024 12:00:00", "citra.l", "Citra"),
    tt("576000000000000003", "Selesai", "Selesai", "Return/Refund", "0003", "Sabun Cuci Muka", "2", "35000", "70000", "20000", "80000", "15/06/2024 09:30:00", "", "andi.w", "Andi"),
    tt("576000000000000004", "Dikirim", "Dalam pengiriman", "", "0002", "Toner 100ml", "1", "35000", "35000", "0", "45000", "20/06/2024 14:00:00", "", "budi_x", "Budi"),
    tt("576000000000000005", "Belum dibayar", "Belum dibayar", "", "0001", "Serum Wajah 20ml", "1", "30000", "20000", "0", "30000", "21/06/2024 16:00:00", "", "dewi.k", "Dewi"),
])

# 4. Shopify orders export (a US shop): order fields on each order's first row only.
H = ["Name", "Email", "Financial Status", "Paid at", "Fulfillment Status", "Fulfilled at", "Accepts Marketing",
     "Currency", "Subtotal", "Shipping", "Taxes", "Total", "Discount Code", "Discount Amount", "Shipping Method",
     "Created at", "Lineitem quantity", "Lineitem name", "Lineitem price", "Lineitem compare at price", "Lineitem sku",
     "Lineitem requires shipping", "Lineitem taxable", "Lineitem fulfillment status", "Billing Name", "Billing City",
     "Billing Country", "Notes", "Cancelled at", "Payment Method", "Refunded Amount", "Vendor", "Id", "Tags",
     "Source", "Lineitem discount"]


def first(name, email, fin, paid, ful, sub, ship, tax, total, created, qty, item, price, billing, cancelled="", refunded="0.00"):
    return [name, email, fin, paid, ful, "", "no", "USD", sub, ship, tax, total, "", "0.00", "Standard", created, qty,
            item, price, "", "SKU-" + item[:3].upper(), "true", "true", "fulfilled", billing, "Austin", "US", "",
            cancelled, "Shopify Payments", refunded, "Acme", name.strip("#") + "000", "", "web", "0.00"]


def more(name, email, created, qty, item, price):
    r = [""] * len(H)
    r[0], r[1], r[15], r[16], r[17], r[18] = name, email, created, qty, item, price
    r[20], r[21], r[22], r[23], r[31], r[35] = "SKU-" + item[:3].upper(), "true", "true", "fulfilled", "Acme", "0.00"
    return r


write("shopify.csv", [H] + [
    first("#1001", "alice@example.com", "paid", "2024-06-01 10:15:00 -0400", "fulfilled", "45.00", "5.50", "5.00", "55.50", "2024-06-01 10:15:00 -0400", "1", "Coffee Beans 1lb", "30.00", "Alice Moore"),
    more("#1001", "alice@example.com", "2024-06-01 10:15:00 -0400", "1", "Ceramic Mug", "15.00"),
    first("#1002", "bob@example.com", "voided", "", "unfulfilled", "20.00", "0.00", "0.00", "20.00", "2024-06-02 09:00:00 -0400", "1", "Tea Sampler", "20.00", "Bob Lee", cancelled="2024-06-02 12:00:00 -0400"),
    first("#1003", "alice@example.com", "partially_refunded", "2024-06-10 08:00:00 -0400", "fulfilled", "35.00", "5.00", "0.00", "40.00", "2024-06-10 08:00:00 -0400", "2", "Coffee Filters", "17.50", "Alice Moore", refunded="10.00"),
    first("#1004", "", "paid", "2024-06-11 13:30:00 -0400", "fulfilled", "15.00", "0.00", "0.00", "15.00", "2024-06-11 13:30:00 -0400", "1", "Gift Card", "15.00", ""),
    first("#1005", "carol@example.com", "refunded", "2024-06-12 17:00:00 -0400", "fulfilled", "25.00", "0.00", "0.00", "25.00", "2024-06-12 17:00:00 -0400", "1", "Ceramic Mug", "25.00", "Carol King", refunded="25.00"),
    first("#1006", "bob@example.com", "pending", "", "unfulfilled", "60.00", "10.00", "0.00", "70.00", "2024-06-12 18:00:00 -0400", "1", "Espresso Machine Descaler", "20.00", "Bob Lee"),
    more("#1006", "bob@example.com", "2024-06-12 18:00:00 -0400", "1", "Coffee Beans 1lb", "20.00"),
    more("#1006", "bob@example.com", "2024-06-12 18:00:00 -0400", "1", "Tea Sampler", "20.00"),
    first("#1007", "carol@example.com", "paid", "2024-06-13 09:45:00 -0400", "fulfilled", "12.25", "0.00", "0.00", "12.25", "2024-06-13 09:45:00 -0400", "1", "Honey Sticks", "12.25", "Carol King"),
])

# 5. WooCommerce Analytics -> Orders -> Download: one row per order.
H = ["Date", "Order #", "Status", "Customer", "Customer type", "Product(s)", "Items sold", "Coupon(s)", "Net sales", "Attribution"]
write("woocommerce_analytics.csv", [H] + [
    ["2024-06-01", "101", "Completed", "Ani Lestari", "new", "Kopi Arabika 250g, Gula Aren", "2", "", "150000", "Organic: Google"],
    ["2024-06-02", "102", "Processing", "Budi Hartono", "new", "Kopi Robusta 250g", "1", "", "80000", "Direct"],
    ["2024-06-03", "103", "Cancelled", "Ani Lestari", "returning", "Kopi Arabika 250g", "1", "", "50000", "Direct"],
    ["2024-06-05", "104", "Refunded", "Citra Dewi", "new", "Gula Aren", "1", "HEMAT10", "60000", "Referral"],
    ["2024-06-20", "105", "Completed", "Ani Lestari", "returning", "Kopi Arabika 1kg", "1", "", "70000", "Direct"],
    ["2024-06-21", "106", "Failed", "Dedi", "new", "Kopi Robusta 250g", "1", "", "40000", "Direct"],
    ["2024-06-22", "107", "On hold", "Budi Hartono", "returning", "Gula Aren", "1", "", "30000", "Direct"],
])

# 6. WooCommerce order export plugin: one row per product, order fields repeated, names split.
H = ["Order Number", "Order Status", "Order Date", "Customer Note", "First Name (Billing)", "Last Name (Billing)",
     "Email (Billing)", "Phone (Billing)", "Payment Method Title", "Order Shipping Amount", "Order Refund Amount",
     "Order Total Amount", "SKU", "Item #", "Item Name", "Quantity", "Item Cost"]
write("woocommerce_orders.csv", [H] + [
    ["5001", "Completed", "2024-06-03 10:00", "", "Eka", "Putri", "eka@example.id", "0811", "Transfer Bank", "15000", "0", "215000", "TH-01", "1", "Teh Hijau", "2", "50000"],
    ["5001", "Completed", "2024-06-03 10:00", "", "Eka", "Putri", "eka@example.id", "0811", "Transfer Bank", "15000", "0", "215000", "TH-02", "2", "Teh Melati", "2", "50000"],
    ["5002", "Cancelled", "2024-06-04 11:00", "Tolong cepat", "Fajar", "Nugroho", "fajar@example.id", "0812", "COD", "15000", "0", "65000", "TH-01", "1", "Teh Hijau", "1", "50000"],
    ["5003", "Completed", "2024-06-18 09:00", "", "Eka", "Putri", "eka@example.id", "0811", "Transfer Bank", "15000", "25000", "115000", "TH-03", "1", "Teh Oolong", "1", "100000"],
    ["5004", "Processing", "2024-06-19 15:00", "", "Gilang", "Ramadhan", "gilang@example.id", "0813", "QRIS", "15000", "0", "65000", "TH-02", "1", "Teh Melati", "1", "50000"],
    ["5005", "Pending payment", "2024-06-20 16:00", "", "Hana", "", "hana@example.id", "0814", "Transfer Bank", "15000", "0", "115000", "TH-03", "1", "Teh Oolong", "1", "100000"],
])

# 7. An Indonesian POS sales report (Moka/Majoo style): title lines, Tanggal + Jam,
# walk-in customers, a void, a refund row, a totals row; ; separated, BOM, CRLF.
H = ["Tanggal", "Jam", "No. Struk", "Outlet", "Pelanggan", "Kasir", "Item", "Jumlah", "Total", "Metode Pembayaran", "Status"]
write("pos.csv", [H] + [
    ["01/06/2024", "08:15", "S-0001", "Kopi Senja", "Umum", "Rina", "Kopi Susu", "2", "Rp 36.000", "Tunai", "Lunas"],
    ["01/06/2024", "09:02", "S-0002", "Kopi Senja", "Budi Santoso", "Rina", "Americano", "1", "Rp 25.000", "QRIS", "Lunas"],
    ["02/06/2024", "10:30", "S-0003", "Kopi Senja", "-", "Joko", "Teh Tarik", "1", "Rp 18.000", "Tunai", "Lunas"],
    ["02/06/2024", "11:00", "S-0004", "Kopi Senja", "Sari", "Joko", "Latte", "2", "Rp 40.000", "Tunai", "Void"],
    ["13/06/2024", "12:00", "S-0005", "Kopi Senja", "Budi Santoso", "Rina", "Kopi Susu", "1", "Rp 30.000", "Tunai", "Lunas"],
    ["14/06/2024", "15:40", "S-0006", "Kopi Senja", "Sari", "Joko", "Croissant", "1", "Rp 22.000", "QRIS", "Lunas"],
    ["15/06/2024", "09:10", "S-0007", "Kopi Senja", "Sari", "Joko", "Croissant", "1", "(Rp 22.000)", "QRIS", "Refund"],
], delim=";", pre=[["Laporan Penjualan"], ["Outlet: Kopi Senja"], ["Periode: 01/06/2024 - 30/06/2024"]],
    post=[["", "", "", "", "Total Juni", "", "", "", "Rp 149.000", "", ""]], bom=True, crlf=True)

# 8. Lazada orders export: one row per item, paidPrice per item.
H = ["orderItemId", "orderType", "deliveryType", "sellerSku", "createTime", "updateTime", "orderNumber",
     "customerName", "customerEmail", "shippingName", "shippingCity", "payMethod", "paidPrice", "unitPrice",
     "sellerDiscountTotal", "shippingFee", "itemName", "variation", "trackingCode", "status", "refundAmount"]
write("lazada.csv", [H] + [
    ["9001", "Normal", "dropship", "SK-1", "05 Jun 2024 10:23", "07 Jun 2024 09:00", "300001", "Eko", "", "Eko P", "Semarang", "COD", "50000", "55000", "-5000", "9000", "Sepatu Lari", "42", "LZ1", "delivered", "0"],
    ["9002", "Normal", "dropship", "SK-2", "05 Jun 2024 10:23", "07 Jun 2024 09:00", "300001", "Eko", "", "Eko P", "Semarang", "COD", "35000", "35000", "0", "0", "Kaos Kaki", "-", "LZ1", "delivered", "0"],
    ["9003", "Normal", "dropship", "SK-1", "06 Jun 2024 12:00", "06 Jun 2024 13:00", "300002", "Fitri", "", "Fitri A", "Solo", "DANA", "20000", "20000", "0", "9000", "Kaos Kaki", "-", "LZ2", "canceled", "0"],
    ["9004", "Normal", "dropship", "SK-3", "18 Jun 2024 08:40", "20 Jun 2024 10:00", "300003", "Eko", "", "Eko P", "Semarang", "COD", "40000", "40000", "0", "9000", "Tali Sepatu", "-", "LZ3", "delivered", "0"],
    ["9005", "Normal", "dropship", "SK-1", "19 Jun 2024 14:00", "25 Jun 2024 10:00", "300004", "Gita", "", "Gita R", "Malang", "DANA", "60000", "60000", "0", "9000", "Sepatu Lari", "40", "LZ4", "returned", "60000"],
    ["9006", "Normal", "dropship", "SK-2", "21 Jun 2024 09:15", "22 Jun 2024 10:00", "300005", "Gita", "", "Gita R", "Malang", "DANA", "25000", "25000", "0", "9000", "Kaos Kaki", "-", "LZ5", "shipped", "0"],
    ["9007", "Normal", "dropship", "SK-2", "21 Jun 2024 09:15", "22 Jun 2024 10:00", "300005", "Gita", "", "Gita R", "Malang", "DANA", "25000", "25000", "0", "0", "Kaos Kaki", "-", "LZ5", "shipped", "0"],
])
