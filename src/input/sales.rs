//! Sales logs as stores export them: which column is the buyer, the order,
//! its date, its amount, its status and its refunds; the export layouts of
//! the marketplaces, web shops and POS systems people download; order
//! statuses; walk-in (guest) sales; total rows.
//!
//! Columns are chosen by meaning, not position: each candidate column gets a
//! score from its header (words that rule a role out first, then phrases,
//! then general words) and must hold values that fit. A recognised layout
//! fixes the columns it knows by their exact header; the scores fill in the
//! rest. The user's `columns` mapping always wins (it is applied before).

use super::columns::{Facts, Kind};
use super::currency::{self, Currency};
use super::roles::{matches, normalize, Role};
use super::table::Table;

/// Where the amounts of an order are written when it spans several rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub enum AmountLevel {
    /// The order's total repeated on each of its rows: counted once.
    Order,
    /// The order's total on its first row only (Shopify): counted once.
    FirstLine,
    /// An amount per product line: the lines are added up.
    Line,
    /// One row per order: each row is an order.
    Row,
}

/// A store export layout the reader knows.
pub struct Known {
    pub key: &'static str,
    pub name: &'static str,
    /// Normalized headers that must all be present.
    signature: &'static [&'static str],
    /// Per role, the normalized headers that hold it, preferred first.
    roles: &'static [(Role, &'static [&'static str])],
    /// Normalized headers of a column that, when filled, marks an order cancelled.
    cancelled: &'static [&'static str],
    /// Normalized headers of a return/refund status column.
    returns: &'static [&'static str],
    /// How the amount column is written (None: decided from the values).
    level: Option<AmountLevel>,
    /// Blank buyers are walk-in sales in this layout.
    pub blank_is_guest: bool,
    /// The currency the layout implies (an export with Indonesian headers
    /// comes from an Indonesian shop), when the amounts carry no mark.
    pub currency: Option<Currency>,
}

use Role::{Amount, Customer, Date, OrderId, Refunded, Status};

/// What a layout has unless it says otherwise: no cancelled-at or return
/// column, the amount level decided from the values, no implied currency,
/// and blank buyers are not walk-in sales.
const LAYOUT: Known = Known {
    key: "",
    name: "",
    signature: &[],
    roles: &[],
    cancelled: &[],
    returns: &[],
    level: None,
    blank_is_guest: false,
    currency: None,
};

/// The layouts, most specific first. Headers are compared after
/// [`normalize`] (lower case, every run of other characters one space).
pub const LAYOUTS: &[Known] = &[
    Known {
        key: "shopee",
        name: "Shopee order export",
        signature: &["no pesanan", "status pesanan", "username pembeli"],
        roles: &[
            (Customer, &["username pembeli"]),
            (
                Date,
                &["waktu pesanan dibuat", "waktu pembayaran dilakukan"],
            ),
            (Amount, &["total pembayaran", "dibayar pembeli"]),
            (OrderId, &["no pesanan"]),
            (Status, &["status pesanan"]),
        ],
        returns: &["status pembatalan pengembalian"],
        currency: Some(Currency::Idr),
        ..LAYOUT
    },
    Known {
        key: "shopee",
        name: "Shopee order export",
        signature: &["order id", "order status", "username buyer"],
        roles: &[
            (Customer, &["username buyer"]),
            (Date, &["order creation date", "order paid time"]),
            (Amount, &["grand total", "total amount"]),
            (OrderId, &["order id"]),
            (Status, &["order status"]),
        ],
        returns: &["return refund status"],
        ..LAYOUT
    },
    Known {
        key: "tiktokShop",
        name: "TikTok Shop / Tokopedia order export",
        signature: &["order id", "order status", "buyer username"],
        roles: &[
            (Customer, &["buyer username", "recipient"]),
            (Date, &["created time", "paid time"]),
            (Amount, &["order amount", "sku subtotal after discount"]),
            (OrderId, &["order id"]),
            (Status, &["order status"]),
            (Refunded, &["order refund amount"]),
        ],
        cancelled: &["cancelled time"],
        ..LAYOUT
    },
    Known {
        key: "tokopedia",
        name: "Tokopedia sales report",
        signature: &["nomor invoice", "status terakhir"],
        roles: &[
            (Customer, &["nama pembeli", "no telp pembeli"]),
            (
                Date,
                &["tanggal pembayaran", "tanggal pesanan", "tanggal transaksi"],
            ),
            (Amount, &["total penjualan idr", "total penjualan"]),
            (OrderId, &["nomor invoice"]),
            (Status, &["status terakhir"]),
        ],
        cancelled: &["tanggal pesanan dibatalkan"],
        currency: Some(Currency::Idr),
        ..LAYOUT
    },
    Known {
        key: "lazada",
        name: "Lazada order export",
        signature: &["orderitemid", "ordernumber"],
        roles: &[
            (Customer, &["customername", "customeremail", "shippingname"]),
            (Date, &["createtime"]),
            (Amount, &["paidprice"]),
            (OrderId, &["ordernumber"]),
            (Status, &["status"]),
            (Refunded, &["refundamount"]),
        ],
        level: Some(AmountLevel::Line),
        ..LAYOUT
    },
    Known {
        key: "shopify",
        name: "Shopify orders export",
        signature: &["name", "financial status", "lineitem name"],
        roles: &[
            (Customer, &["email", "billing name", "shipping name"]),
            (Date, &["created at", "paid at"]),
            (Amount, &["total"]),
            (OrderId, &["name"]),
            (Status, &["financial status"]),
            (Refunded, &["refunded amount"]),
        ],
        cancelled: &["cancelled at"],
        blank_is_guest: true,
        ..LAYOUT
    },
    Known {
        key: "woocommerce",
        name: "WooCommerce Analytics orders report",
        signature: &["order", "status", "customer", "net sales"],
        roles: &[
            (Customer, &["customer"]),
            (Date, &["date"]),
            (Amount, &["net sales"]),
            (OrderId, &["order"]),
            (Status, &["status"]),
        ],
        level: Some(AmountLevel::Row),
        blank_is_guest: true,
        ..LAYOUT
    },
    Known {
        key: "woocommerce",
        name: "WooCommerce order export",
        signature: &["order number", "order status", "order date"],
        roles: &[
            (
                Customer,
                &[
                    "email billing",
                    "billing email",
                    "customer email",
                    "customer",
                ],
            ),
            (Date, &["order date"]),
            (
                Amount,
                &[
                    "order total amount",
                    "order total",
                    "order total amount with tax",
                ],
            ),
            (OrderId, &["order number", "order id"]),
            (Status, &["order status"]),
            (Refunded, &["order refund amount", "refund amount"]),
        ],
        blank_is_guest: true,
        ..LAYOUT
    },
    Known {
        key: "woocommerce",
        name: "WooCommerce order export",
        signature: &["order id", "order date", "billing email"],
        roles: &[
            (Customer, &["billing email", "customer email"]),
            (Date, &["order date"]),
            (Amount, &["order total"]),
            (OrderId, &["order number", "order id"]),
            (Status, &["status", "order status"]),
            (
                Refunded,
                &["order refunded", "refunded total", "refund amount"],
            ),
        ],
        blank_is_guest: true,
        ..LAYOUT
    },
];

/// A POS report: a receipt number column with a date (Moka, Majoo, Pawoon,
/// iReap, Olsera and the like). Recognised by its receipt header.
const POS_RECEIPTS: &[&str] = &[
    "no struk",
    "nomor struk",
    "no nota",
    "nomor nota",
    "receipt number",
    "receipt no",
    "no receipt",
    "kode struk",
    "id struk",
];

/// What [`choose`] found besides the roles.
#[derive(Debug, Clone, Default)]
pub struct Choice {
    /// The layout's key (`shopee`, …, `pos`) and English name.
    pub layout: Option<(&'static str, &'static str)>,
    /// A given-name and a family-name column, joined as the customer.
    pub name_parts: Option<(usize, usize)>,
    /// A column that, when filled, marks the order cancelled (`Cancelled at`).
    pub cancelled: Option<usize>,
    /// A return/refund status column (`Status Pembatalan/ Pengembalian`).
    pub returns: Option<usize>,
    /// A column of currency codes (`Currency`).
    pub currency_column: Option<usize>,
    /// The currency a header names (`Total Penjualan (IDR)`).
    pub header_currency: Option<Currency>,
    /// The amount level the layout fixes.
    pub level: Option<AmountLevel>,
    /// Blank buyers are walk-in sales.
    pub blank_is_guest: bool,
    /// The currency the layout implies.
    pub layout_currency: Option<Currency>,
    /// Share of the sampled rows with an empty customer cell.
    pub blank_customers: f64,
    /// How many of the sampled rows have an empty customer cell.
    pub blank_customer_rows: usize,
}

// ------------------------------------------------------------------ scores

/// Header phrases per role with their scores, checked first (a phrase of
/// five letters or more matches anywhere, a shorter one as whole words).
const PHRASES: &[(Role, i32, &[&str])] = &[
    (
        Customer,
        100,
        &[
            "username pembeli",
            "username buyer",
            "buyer username",
            "customer email",
            "billing email",
            "email billing",
            "customeremail",
            "email pelanggan",
            "email pembeli",
            "username",
            "email",
            "e mail",
            "customer id",
            "id pelanggan",
            "kode pelanggan",
            "member id",
            "id member",
        ],
    ),
    (
        Customer,
        90,
        &[
            "nama pembeli",
            "nama pelanggan",
            "nama konsumen",
            "nama member",
            "customer name",
            "customername",
            "buyer name",
            "billing name",
            "billing full name",
            "full name billing",
            "client name",
            "nama customer",
        ],
    ),
    (
        Customer,
        55,
        &[
            "telp pembeli",
            "telepon pembeli",
            "hp pembeli",
            "phone",
            "telepon",
            "no telp",
            "no hp",
            "nomor hp",
            "handphone",
            "whatsapp",
            "nama penerima",
            "recipient",
            "receiver name",
            "shipping name",
            "shippingname",
        ],
    ),
    (
        Date,
        100,
        &[
            "waktu pesanan dibuat",
            "waktu dibuat",
            "waktu pesanan",
            "dibuat pada",
            "order creation date",
            "created at",
            "created time",
            "createtime",
            "order date",
            "date created",
            "tanggal pesanan",
            "tanggal transaksi",
            "transaction date",
            "tanggal order",
            "tanggal pembelian",
            "purchase date",
            "tanggal penjualan",
            "sales date",
            "tanggal faktur",
            "invoice date",
            "tanggal nota",
        ],
    ),
    (
        Date,
        75,
        &[
            "tanggal pembayaran",
            "waktu pembayaran",
            "paid at",
            "paid time",
            "payment date",
            "order paid time",
        ],
    ),
    (
        Amount,
        100,
        &[
            "total pembayaran",
            "grand total",
            "order total amount",
            "order total",
            "order amount",
            "total pesanan",
            "total belanja",
            "total bayar",
            "total penjualan",
            "net sales",
            "penjualan bersih",
            "net total",
            "total amount",
            "total transaksi",
            "nilai transaksi",
            "total harga",
            "total nota",
            "total struk",
        ],
    ),
    (
        Amount,
        85,
        &[
            "total collected",
            "jumlah bayar",
            "dibayar pembeli",
            "paidprice",
            "paid price",
            "sku subtotal after discount",
            "total",
        ],
    ),
    (
        Amount,
        70,
        &[
            "total harga produk",
            "product subtotal",
            "subtotal pesanan",
            "item total",
            "line total",
            "subtotal",
            "gross sales",
            "penjualan kotor",
        ],
    ),
    (
        OrderId,
        100,
        &[
            "no pesanan",
            "nomor pesanan",
            "id pesanan",
            "order id",
            "ordernumber",
            "order number",
            "order no",
            "nomor invoice",
            "no invoice",
            "invoice number",
            "no faktur",
            "nomor faktur",
            "no struk",
            "nomor struk",
            "receipt number",
            "receipt no",
            "no nota",
            "nomor nota",
            "no transaksi",
            "nomor transaksi",
            "id transaksi",
            "kode transaksi",
            "transaction id",
            "kode pesanan",
        ],
    ),
    (
        Status,
        100,
        &[
            "status pesanan",
            "order status",
            "status terakhir",
            "financial status",
            "status transaksi",
            "transaction status",
            "status order",
        ],
    ),
    (
        Status,
        80,
        &["payment status", "status pembayaran", "status"],
    ),
    (
        Status,
        50,
        &["event type", "jenis transaksi", "tipe transaksi"],
    ),
    (
        Refunded,
        100,
        &[
            "refunded amount",
            "order refund amount",
            "refund amount",
            "refundamount",
            "jumlah refund",
            "nilai refund",
            "jumlah pengembalian dana",
            "total refund",
            "refunds",
        ],
    ),
];

/// Words that rule a role out of a header (checked before the phrases above).
const NEVER: &[(Role, &[&str])] = &[
    (
        Customer,
        &[
            "produk",
            "product",
            "item",
            "barang",
            "sku",
            "variasi",
            "variation",
            "varian",
            "variant",
            "catatan",
            "note",
            "notes",
            "remark",
            "pesan",
            "message",
            "alamat",
            "address",
            "kurir",
            "courier",
            "ekspedisi",
            "resi",
            "tracking",
            "pengiriman",
            "shipping",
            "kota",
            "city",
            "provinsi",
            "province",
            "kecamatan",
            "district",
            "zip",
            "kode pos",
            "postcode",
            "outlet",
            "toko",
            "store",
            "shop",
            "cabang",
            "branch",
            "kasir",
            "cashier",
            "staff",
            "employee",
            "karyawan",
            "collected",
            "salesman",
            "sales",
            "agen",
            "agent",
            "status",
            "payment",
            "pembayaran",
            "metode",
            "method",
            "kategori",
            "category",
            "brand",
            "merek",
            "vendor",
            "tag",
            "tags",
            "gudang",
            "warehouse",
            "campaign",
            "voucher",
            "kupon",
            "coupon",
            "diskon",
            "discount",
            "type",
            "tipe",
            "jenis",
            "promo",
            "bank",
            "device",
            "source",
            "channel",
            "kanal",
            "tax",
            "pajak",
            "pesanan",
            "order",
            "invoice",
            "faktur",
            "struk",
            "nota",
            "receipt",
            "transaksi",
            "tanggal",
            "date",
            "waktu",
            "time",
            "jam",
            "total",
            "jumlah",
            "harga",
            "price",
            "amount",
        ],
    ),
    (
        Date,
        &[
            "kirim",
            "dikirim",
            "pengiriman",
            "ship",
            "shipped",
            "shipping",
            "deliver",
            "delivered",
            "selesai",
            "complete",
            "completed",
            "batal",
            "dibatalkan",
            "cancel",
            "cancelled",
            "canceled",
            "update",
            "updated",
            "due",
            "sebelum",
            "rts",
            "sla",
            "expired",
            "return",
            "pengembalian",
            "refund",
            "fulfilled",
            "closed",
            "diterima",
            "pickup",
            "lahir",
            "birth",
            "jam",
        ],
    ),
    (
        Amount,
        &[
            "diskon",
            "discount",
            "ongkos",
            "ongkir",
            "shipping",
            "pengiriman",
            "tax",
            "taxes",
            "pajak",
            "ppn",
            "fee",
            "biaya",
            "voucher",
            "kupon",
            "coupon",
            "cashback",
            "koin",
            "coin",
            "rebate",
            "subsidi",
            "asuransi",
            "insurance",
            "berat",
            "weight",
            "qty",
            "quantity",
            "kuantitas",
            "jumlah produk",
            "jumlah barang",
            "items sold",
            "item sold",
            "refund",
            "refunded",
            "pengembalian",
            "returned",
            "return",
            "harga awal",
            "original price",
            "compare at",
            "estimasi",
            "perkiraan",
            "estimated",
            "outstanding",
            "gratuity",
            "tip",
            "modal",
            "hpp",
            "cost",
            "komisi",
            "commission",
            "harga satuan",
            "unit price",
            "unitprice",
            "before discount",
            "sebelum diskon",
            "potongan",
            "point",
            "poin",
            "saldo",
            "balance",
            "dikurangkan",
            "pengurangan",
            "id",
            "nomor",
            "number",
            "phone",
            "telp",
            "kode",
            "code",
            "zip",
            "postcode",
            "stok",
            "stock",
            "duties",
        ],
    ),
    (
        OrderId,
        &[
            "item",
            "sku",
            "resi",
            "tracking",
            "package",
            "paket",
            "payment",
            "pembayaran",
            "produk",
            "product",
            "tanggal",
            "date",
            "time",
            "waktu",
            "status",
            "type",
            "tipe",
            "catatan",
            "note",
            "customer",
            "pelanggan",
            "pembeli",
            "buyer",
            "total",
            "amount",
            "referensi",
            "reference",
            "jumlah",
            "quantity",
            "source",
            "channel",
            "orderitemid",
            "order item id",
            "itemid",
        ],
    ),
    (
        Status,
        &[
            "substatus",
            "pengiriman",
            "shipping",
            "fulfillment",
            "fulfilment",
            "delivery",
            "pembatalan",
            "pengembalian",
            "return",
            "refund",
            "checked",
            "risk",
            "marketing",
            "gagal",
            "failed",
        ],
    ),
];

/// General words per role, for headers no phrase names.
const GENERAL: &[(Role, i32, &[&str])] = &[
    (
        Customer,
        80,
        &[
            "pelanggan",
            "customer",
            "pembeli",
            "buyer",
            "konsumen",
            "klien",
            "client",
            "member",
            "anggota",
        ],
    ),
    (Customer, 40, &["nama", "name"]),
    (
        Date,
        60,
        &[
            "tanggal",
            "tgl",
            "date",
            "waktu",
            "timestamp",
            "time",
            "hari",
            "day",
        ],
    ),
    (
        Amount,
        80,
        &[
            "nominal",
            "amount",
            "revenue",
            "omzet",
            "omset",
            "pendapatan",
            "spend",
            "belanja",
        ],
    ),
    (
        Amount,
        60,
        &[
            "jumlah",
            "penjualan",
            "sales",
            "bayar",
            "rupiah",
            "idr",
            "nilai",
            "value",
            "income",
            "rp",
        ],
    ),
    (Amount, 40, &["harga jual", "harga", "price"]),
    (
        OrderId,
        85,
        &[
            "invoice", "faktur", "struk", "nota", "receipt", "pesanan", "order",
        ],
    ),
];

fn phrase_score(role: Role, normal: &str) -> Option<i32> {
    PHRASES
        .iter()
        .filter(|(r, _, _)| *r == role)
        .find(|(_, _, words)| words.iter().any(|w| phrase_matches(normal, w)))
        .map(|(_, score, _)| *score)
}

/// A phrase matches a whole header, or runs of whole words inside it.
fn phrase_matches(normal: &str, phrase: &str) -> bool {
    let b = normal.as_bytes();
    normal.match_indices(phrase).any(|(i, _)| {
        let end = i + phrase.len();
        (i == 0 || b[i - 1] == b' ') && (end == b.len() || b[end] == b' ')
    })
}

fn ruled_out(role: Role, normal: &str) -> bool {
    NEVER
        .iter()
        .filter(|(r, _)| *r == role)
        .any(|(_, words)| words.iter().any(|w| phrase_matches(normal, w)))
}

fn general_score(role: Role, normal: &str) -> Option<i32> {
    GENERAL
        .iter()
        .filter(|(r, _, _)| *r == role)
        .find(|(_, _, words)| words.iter().any(|w| matches(normal, w)))
        .map(|(_, score, _)| *score)
}

/// The score a header gives a role: none when a word rules the role out
/// (`Total Diskon` is no amount, `Nama Produk` no customer), else a phrase's,
/// else a general word's.
pub fn header_score(role: Role, header: &str) -> Option<i32> {
    let normal = normalize(header);
    if normal.is_empty() {
        return None;
    }
    if ruled_out(role, &normal) {
        return None;
    }
    phrase_score(role, &normal).or_else(|| general_score(role, &normal))
}

/// Can a column with these facts play `role` in a sales log?
fn values_fit(role: Role, f: &Facts, header_says: bool) -> bool {
    match role {
        Customer => match f.kind {
            Kind::Text => f.share(f.hash_ids) < 0.8 || header_says,
            // Numeric customer ids that repeat (CDNOW), or phone numbers named as such.
            Kind::Number => header_says || !f.all_distinct,
            _ => false,
        },
        Date => {
            f.kind == Kind::Date
                || (header_says && f.share(f.dates + f.serials) >= 0.8 && f.non_empty > 0)
        }
        Amount | Refunded => matches!(f.kind, Kind::Amount | Kind::Number),
        OrderId => matches!(f.kind, Kind::Text | Kind::Number),
        Status => f.kind == Kind::Text || f.kind == Kind::YesNo,
        _ => false,
    }
}

/// The best free column for `role`: the highest header score among those
/// whose values fit (ties: the leftmost).
fn best(
    role: Role,
    table: &Table,
    facts: &[Facts],
    roles: &[Option<Role>],
) -> Option<(usize, i32)> {
    let mut best: Option<(usize, i32)> = None;
    for j in 0..facts.len() {
        if roles[j].is_some() || facts[j].kind == Kind::Empty {
            continue;
        }
        let Some(mut score) = table
            .has_header
            .then(|| header_score(role, &table.headers[j]))
            .flatten()
        else {
            continue;
        };
        if !values_fit(role, &facts[j], true) {
            continue;
        }
        let f = &facts[j];
        match role {
            // Whole numbers up to 10 are quantities, not money.
            Amount if f.small_whole => score -= 50,
            Amount if f.kind == Kind::Amount => score += 5,
            // A generic "Name" holding `#1001` is Shopify's order number.
            Customer if score <= 40 && f.share(f.hash_ids) >= 0.5 => continue,
            _ => {}
        }
        if best.is_none_or(|(_, s)| score > s) {
            best = Some((j, score));
        }
    }
    best
}

/// Finds the column whose normalized header is one of `names`, preferred first.
fn by_name(table: &Table, names: &[&str], roles: &[Option<Role>]) -> Option<usize> {
    if !table.has_header {
        return None;
    }
    let normal: Vec<String> = table.headers.iter().map(|h| normalize(h)).collect();
    names.iter().find_map(|name| {
        normal
            .iter()
            .enumerate()
            .find(|(j, h)| h.as_str() == *name && roles[*j].is_none())
            .map(|(j, _)| j)
    })
}

fn recognise(table: &Table) -> Option<&'static Known> {
    if !table.has_header {
        return None;
    }
    let normal: Vec<String> = table.headers.iter().map(|h| normalize(h)).collect();
    LAYOUTS
        .iter()
        .find(|k| k.signature.iter().all(|s| normal.iter().any(|h| h == s)))
}

/// Given-name and family-name columns (`First Name (Billing)` +
/// `Last Name (Billing)`, `billing_first_name` + `billing_last_name`,
/// `Nama Depan` + `Nama Belakang`).
fn name_parts(table: &Table, roles: &[Option<Role>]) -> Option<(usize, usize)> {
    if !table.has_header {
        return None;
    }
    let normal: Vec<String> = table.headers.iter().map(|h| normalize(h)).collect();
    let find = |words: &[&str]| {
        normal.iter().enumerate().position(|(j, h)| {
            roles[j].is_none()
                && words.iter().any(|w| phrase_matches(h, w))
                && !phrase_matches(h, "shipping")
        })
    };
    let first = find(&["first name", "nama depan", "firstname", "given name"])?;
    let last = find(&[
        "last name",
        "nama belakang",
        "lastname",
        "family name",
        "surname",
    ])?;
    (first != last).then_some((first, last))
}

/// Chooses the sales roles of the columns not mapped by the user.
pub fn choose(
    table: &Table,
    facts: &[Facts],
    sampled: usize,
    roles: &mut [Option<Role>],
) -> Choice {
    let mut choice = Choice::default();
    let known = recognise(table);
    if let Some(k) = known {
        choice.layout = Some((k.key, k.name));
        choice.level = k.level;
        choice.blank_is_guest = k.blank_is_guest;
        choice.layout_currency = k.currency;
        for (role, names) in k.roles {
            if roles.contains(&Some(*role)) {
                continue;
            }
            if let Some(j) = by_name(table, names, roles) {
                if values_fit(*role, &facts[j], true) || facts[j].kind == Kind::Empty {
                    roles[j] = Some(*role);
                }
            }
        }
        choice.cancelled = by_name(table, k.cancelled, roles);
        choice.returns = by_name(table, k.returns, roles);
    } else if table.has_header {
        let normal: Vec<String> = table.headers.iter().map(|h| normalize(h)).collect();
        if normal
            .iter()
            .any(|h| POS_RECEIPTS.iter().any(|p| phrase_matches(h, p)))
        {
            choice.layout = Some(("pos", "POS sales report"));
            choice.blank_is_guest = true;
        }
        choice.cancelled = by_name(
            table,
            &[
                "cancelled at",
                "canceled at",
                "tanggal dibatalkan",
                "cancelled date",
            ],
            roles,
        );
    }
    // The rest by header meaning, most distinctive first.
    for role in [Date, OrderId, Status, Refunded, Amount, Customer] {
        if roles.contains(&Some(role)) {
            continue;
        }
        if let Some((j, _)) = best(role, table, facts, roles) {
            roles[j] = Some(role);
        }
    }
    if !roles.contains(&Some(Customer)) {
        choice.name_parts = name_parts(table, roles);
    }
    // Without a header that says so, by the values (as for any table).
    by_values(facts, roles, choice.name_parts.is_some());
    if table.has_header {
        let normal: Vec<String> = table.headers.iter().map(|h| normalize(h)).collect();
        choice.currency_column = normal.iter().enumerate().position(|(j, h)| {
            roles[j].is_none()
                && matches!(
                    h.as_str(),
                    "currency" | "mata uang" | "order currency" | "kurs"
                )
        });
        let amount = roles.iter().position(|r| *r == Some(Amount));
        choice.header_currency = amount
            .and_then(|j| currency::in_header(&table.headers[j]))
            .or_else(|| table.headers.iter().find_map(|h| currency::in_header(h)));
    }
    if let Some(j) = roles.iter().position(|r| *r == Some(Customer)) {
        if sampled > 0 {
            choice.blank_customer_rows = sampled.saturating_sub(facts[j].non_empty);
            choice.blank_customers = choice.blank_customer_rows as f64 / sampled as f64;
        }
    }
    choice
}

/// Roles still missing, found by values alone (a log without a header row):
/// dates, then money, then the order numbers, then the customer names.
fn by_values(facts: &[Facts], roles: &mut [Option<Role>], has_name_parts: bool) {
    let free =
        |roles: &[Option<Role>], j: usize| roles[j].is_none() && facts[j].kind != Kind::Empty;
    if !roles.contains(&Some(Date)) {
        if let Some(j) = (0..facts.len()).find(|&j| free(roles, j) && facts[j].kind == Kind::Date) {
            roles[j] = Some(Date);
        }
    }
    if !roles.contains(&Some(Amount)) {
        let pick = (0..facts.len())
            .find(|&j| free(roles, j) && facts[j].kind == Kind::Amount)
            .or_else(|| {
                (0..facts.len()).rev().find(|&j| {
                    free(roles, j) && facts[j].kind == Kind::Number && !facts[j].small_whole
                })
            });
        if let Some(j) = pick {
            roles[j] = Some(Amount);
        }
    }
    let texts = (0..facts.len())
        .filter(|&j| free(roles, j) && facts[j].kind == Kind::Text)
        .count();
    if !roles.contains(&Some(OrderId)) && texts >= 2 {
        if let Some(j) = (0..facts.len()).find(|&j| {
            free(roles, j)
                && facts[j].kind == Kind::Text
                && facts[j].all_distinct
                && facts[j].non_empty > 1
        }) {
            roles[j] = Some(OrderId);
        }
    }
    if !roles.contains(&Some(Customer)) && !has_name_parts {
        let pick = (0..facts.len())
            .filter(|&j| {
                free(roles, j)
                    && facts[j].kind == Kind::Text
                    && facts[j].share(facts[j].hash_ids) < 0.8
            })
            .max_by_key(|&j| (facts[j].distinct, std::cmp::Reverse(j)))
            .or_else(|| {
                (0..facts.len()).find(|&j| {
                    free(roles, j) && facts[j].kind == Kind::Number && !facts[j].all_distinct
                })
            });
        if let Some(j) = pick {
            roles[j] = Some(Customer);
        }
    }
}

// ---------------------------------------------------------------- statuses

/// What an order status means for the figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub enum StatusCategory {
    Completed,
    Shipped,
    Processing,
    Pending,
    Unpaid,
    Cancelled,
    Failed,
    Returned,
    PartiallyRefunded,
    Unknown,
}

impl StatusCategory {
    /// Counted as a sale unless the user says otherwise.
    pub fn counted_by_default(self) -> bool {
        matches!(
            self,
            StatusCategory::Completed
                | StatusCategory::Shipped
                | StatusCategory::Processing
                | StatusCategory::PartiallyRefunded
                | StatusCategory::Unknown
        )
    }

    pub fn key(self) -> &'static str {
        match self {
            StatusCategory::Completed => "completed",
            StatusCategory::Shipped => "shipped",
            StatusCategory::Processing => "processing",
            StatusCategory::Pending => "pending",
            StatusCategory::Unpaid => "unpaid",
            StatusCategory::Cancelled => "cancelled",
            StatusCategory::Failed => "failed",
            StatusCategory::Returned => "returned",
            StatusCategory::PartiallyRefunded => "partiallyRefunded",
            StatusCategory::Unknown => "unknown",
        }
    }
}

/// Status words, Indonesian and English, by category. A status matches when
/// its normalized text equals one of them, or (for the words of five letters
/// or more) contains it; the first category in this list wins, so
/// "partially refunded" is not "refunded" and "dibatalkan pembeli" is cancelled.
const STATUS_WORDS: &[(StatusCategory, &[&str])] = &[
    (
        StatusCategory::PartiallyRefunded,
        &[
            "partially refunded",
            "partial refund",
            "refund sebagian",
            "dikembalikan sebagian",
            "sebagian dikembalikan",
        ],
    ),
    (
        StatusCategory::Unpaid,
        &[
            "belum bayar",
            "belum dibayar",
            "belum lunas",
            "unpaid",
            "not paid",
            "awaiting payment",
            "pending payment",
            "menunggu pembayaran",
            "expired",
            "kedaluwarsa",
            "kadaluarsa",
            "kadaluwarsa",
        ],
    ),
    (
        StatusCategory::Cancelled,
        &[
            "batal",
            "dibatalkan",
            "pembatalan",
            "cancelled",
            "canceled",
            "cancel",
            "void",
            "voided",
            "dibatalkan",
        ],
    ),
    (
        StatusCategory::Failed,
        &[
            "failed",
            "gagal",
            "ditolak",
            "rejected",
            "declined",
            "lost by 3pl",
            "damaged by 3pl",
        ],
    ),
    (
        StatusCategory::Returned,
        &[
            "returned",
            "refunded",
            "refund",
            "dikembalikan",
            "pengembalian",
            "retur",
            "return",
            "dana dikembalikan",
            "package returned",
        ],
    ),
    (
        StatusCategory::Processing,
        &[
            "perlu dikirim",
            "akan dikirim",
            "siap dikirim",
            "to ship",
            "awaiting shipment",
            "awaiting fulfillment",
            "ready to ship",
            "processing",
            "diproses",
            "pesanan diproses",
            "sedang diproses",
            "dikemas",
            "packed",
            "confirmed",
            "on hold",
            "authorized",
            "partially paid",
            "menunggu pickup",
            "menunggu kurir",
            "dp",
        ],
    ),
    (
        StatusCategory::Shipped,
        &[
            "sedang dikirim",
            "telah dikirim",
            "dikirim",
            "dalam pengiriman",
            "shipped",
            "shipping",
            "in transit",
            "awaiting collection",
            "out for delivery",
        ],
    ),
    (
        StatusCategory::Completed,
        &[
            "selesai",
            "pesanan selesai",
            "completed",
            "complete",
            "delivered",
            "order received",
            "diterima",
            "pesanan diterima",
            "lunas",
            "paid",
            "sukses",
            "success",
            "successful",
            "berhasil",
            "done",
            "closed",
            "finished",
            "fulfilled",
            "terkirim",
            "sampai",
            "payment",
            "sale",
            "sales",
            "penjualan",
            "settled",
            "captured",
            "ok",
        ],
    ),
    (
        StatusCategory::Pending,
        &["pending", "menunggu", "on hold", "draft", "checkout draft"],
    ),
];

/// A status written as text: its category.
pub fn status_category(status: &str) -> StatusCategory {
    let mut normal = normalize(status);
    if let Some(rest) = normal.strip_prefix("wc ") {
        normal = rest.to_string();
    }
    if normal.is_empty() {
        return StatusCategory::Unknown;
    }
    for (category, words) in STATUS_WORDS {
        if words.iter().any(|w| normal == *w) {
            return *category;
        }
    }
    for (category, words) in STATUS_WORDS {
        if words
            .iter()
            .any(|w| w.len() >= 5 && phrase_matches(&normal, w))
        {
            return *category;
        }
    }
    StatusCategory::Unknown
}

/// A return/refund status that says a return was granted (Shopee's
/// `Permintaan Disetujui`, `Request Approved`).
pub fn return_granted(value: &str) -> bool {
    let normal = normalize(value);
    matches!(
        normal.as_str(),
        "permintaan disetujui"
            | "request approved"
            | "pengembalian dana disetujui"
            | "refund approved"
    )
}

// ------------------------------------------------------------------ guests

/// Placeholders that POS systems and web shops write for a walk-in or guest
/// buyer (normalized): their sales are revenue, not a customer.
const GUESTS: &[&str] = &[
    "umum",
    "pelanggan umum",
    "customer umum",
    "konsumen umum",
    "pembeli umum",
    "walk in",
    "walkin",
    "walk in customer",
    "walk in guest",
    "guest",
    "guest customer",
    "guest checkout",
    "tamu",
    "cash",
    "tunai",
    "cash customer",
    "pelanggan",
    "customer",
    "n a",
    "na",
    "none",
    "no name",
    "noname",
    "tanpa nama",
    "anonymous",
    "anonim",
    "non member",
    "nonmember",
    "bukan member",
    "general",
    "general customer",
    "default",
    "default customer",
    "unknown",
    "0",
];

/// Is this customer cell a walk-in placeholder (or nothing at all)?
pub fn is_guest(cell: &str) -> bool {
    let s = cell.trim();
    if s.is_empty()
        || s.chars()
            .all(|c| matches!(c, '-' | '–' | '—' | '.' | '?' | '*' | '_'))
    {
        return true;
    }
    if s.len() > 24 {
        return false;
    }
    // No placeholder holds a digit but "0"; and only words starting with the
    // cell's first letter can match.
    if s.len() > 1 && s.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let Some(first) = s
        .bytes()
        .find(u8::is_ascii_alphanumeric)
        .map(|b| b.to_ascii_lowercase())
    else {
        return false;
    };
    GUESTS
        .iter()
        .filter(|w| w.as_bytes()[0] == first)
        .any(|w| normalized_eq(s, w))
}

/// `cell` after [`normalize`] (ASCII lower case, every run of other
/// characters one space, trimmed) equals `word`, without building it: the
/// guest check runs on every row.
fn normalized_eq(cell: &str, word: &str) -> bool {
    let mut want = word.bytes();
    let (mut gap, mut started) = (false, false);
    for c in cell.chars() {
        if c.is_alphanumeric() {
            if gap && started && want.next() != Some(b' ') {
                return false;
            }
            gap = false;
            started = true;
            let mut buf = [0u8; 4];
            for b in c.to_ascii_lowercase().encode_utf8(&mut buf).bytes() {
                if want.next() != Some(b) {
                    return false;
                }
            }
        } else {
            gap = true;
        }
    }
    want.next().is_none()
}

/// Does a cell start a total or summary row (`Total`, `Grand Total`,
/// `Subtotal`, `Jumlah`, `Total Juni`, `Summary:`)?
/// `cell` is a cleaned cell (no surrounding spaces), as [`super::table::Record::get`] gives.
pub fn is_total_label(cell: &str) -> bool {
    let s = cell.as_bytes();
    if s.len() > 40
        || !matches!(
            s.first().map(u8::to_ascii_lowercase),
            Some(b't' | b'g' | b'j' | b's' | b'r')
        )
    {
        return false;
    }
    let starts = |p: &str| {
        s.len() >= p.len()
            && s[..p.len()].eq_ignore_ascii_case(p.as_bytes())
            && s.get(p.len()).is_none_or(|c| !c.is_ascii_alphanumeric())
    };
    [
        "total",
        "totals",
        "subtotal",
        "sub total",
        "sub-total",
        "grand total",
        "jumlah",
        "summary",
        "records found",
    ]
    .iter()
    .any(|p| starts(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_scores_prefer_the_buyer() {
        assert_eq!(header_score(Customer, "Username (Pembeli)"), Some(100));
        assert_eq!(header_score(Customer, "Nama Produk"), None);
        assert_eq!(header_score(Customer, "Catatan dari Pembeli"), None);
        assert_eq!(header_score(Customer, "Nama Penerima"), Some(55));
        assert_eq!(header_score(Customer, "Nama"), Some(40));
        assert_eq!(header_score(Customer, "No. Pesanan"), None);
        assert_eq!(header_score(Customer, "Jam"), None);
        assert_eq!(header_score(Date, "Order Date"), Some(100));
        assert_eq!(header_score(OrderId, "Order Date"), None);
        assert_eq!(header_score(Date, "Waktu Pengiriman Diatur"), None);
        assert_eq!(header_score(Amount, "Total Pembayaran"), Some(100));
        assert_eq!(header_score(Amount, "Total Diskon"), None);
        assert_eq!(header_score(Amount, "Harga Awal"), None);
        assert_eq!(header_score(Amount, "Jumlah Produk di Pesan"), None);
        assert_eq!(
            header_score(Amount, "Ongkos Kirim Dibayar oleh Pembeli"),
            None
        );
        assert_eq!(header_score(OrderId, "orderItemId"), None);
        assert_eq!(header_score(OrderId, "Order #"), Some(85));
        assert_eq!(header_score(Status, "Status Pesanan"), Some(100));
        assert_eq!(header_score(Status, "Fulfillment Status"), None);
        assert_eq!(header_score(Refunded, "Refunded Amount"), Some(100));
    }

    #[test]
    fn statuses_by_category() {
        use StatusCategory::*;
        for (s, c) in [
            ("Selesai", Completed),
            ("Batal", Cancelled),
            ("Belum Bayar", Unpaid),
            ("Sedang Dikirim", Shipped),
            ("Perlu Dikirim", Processing),
            ("Pesanan Selesai", Completed),
            ("Dibatalkan Pembeli", Cancelled),
            ("Dibatalkan Sistem", Cancelled),
            ("paid", Completed),
            ("partially_refunded", PartiallyRefunded),
            ("refunded", Returned),
            ("voided", Cancelled),
            ("pending", Pending),
            ("wc-completed", Completed),
            ("Pending payment", Unpaid),
            ("On hold", Processing),
            ("canceled", Cancelled),
            ("ready_to_ship", Processing),
            ("Lunas", Completed),
            ("Void", Cancelled),
            ("Refund", Returned),
            ("Awaiting Collection", Shipped),
            ("In Transit", Shipped),
            ("Belum dibayar", Unpaid),
            ("Zzz", Unknown),
        ] {
            assert_eq!(status_category(s), c, "{s}");
        }
    }

    #[test]
    fn guests_and_totals() {
        for g in [
            "",
            "-",
            "Umum",
            "walk-in",
            "Walk-in Customer",
            "GUEST",
            "Tamu",
            "Pelanggan Umum",
            "n/a",
        ] {
            assert!(is_guest(g), "{g}");
        }
        for c in ["Budi", "Umumah", "Sari Dewi", "Guest House", "Umum 2"] {
            assert!(!is_guest(c), "{c}");
        }
        for t in [
            "Total",
            "TOTAL",
            "Grand Total",
            "Total Juni",
            "Subtotal",
            "Jumlah",
            "Summary:",
            "Sub Total",
        ] {
            assert!(is_total_label(t), "{t}");
        }
        for c in ["Tono", "Siti", "Jumadi", "Rahmat"] {
            assert!(!is_total_label(c), "{c}");
        }
    }
}
