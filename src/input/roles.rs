//! Column roles and the header names (Indonesian and English) that reveal them.

/// What a column means to the calculators. The API keys are `key()`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    Customer,
    Date,
    Amount,
    OrderId,
    Score,
    Resolved,
    Contacts,
    Group,
    /// An order's status (`Status Pesanan`, `Financial Status`, `Lunas`/`Void`).
    Status,
    /// The amount refunded on an order (`Refunded Amount`, `Order Refund Amount`).
    Refunded,
    /// A customer's engagement figure (e-mail opens, visits, logins): only
    /// when mapped (`columns.engagement`), never guessed from a header.
    Engagement,
}

pub const ALL: [Role; 11] = [
    Role::Customer,
    Role::Date,
    Role::Amount,
    Role::OrderId,
    Role::Score,
    Role::Resolved,
    Role::Contacts,
    Role::Group,
    Role::Status,
    Role::Refunded,
    Role::Engagement,
];

/// Header words by role, most specific roles first: the first role with a
/// matching word wins, so "Jumlah kontak" is `contacts`, not `amount`, and
/// "Selesai di kontak pertama" is `resolved`. Words of five letters or more
/// match anywhere in the header ("merekomendasikan" contains "rekomend");
/// shorter ones must be whole words ("tgl", "nps").
const WORDS: &[(Role, &[&str])] = &[
    (
        Role::Resolved,
        &[
            "selesai",
            "resolved",
            "terselesaikan",
            "kontak pertama",
            "first contact",
            "fcr",
            "solved",
        ],
    ),
    (
        Role::Contacts,
        &[
            "jumlah kontak",
            "contacts",
            "kontak",
            "number of contacts",
            "interaksi",
            "interactions",
        ],
    ),
    (
        Role::OrderId,
        &[
            "faktur",
            "invoice",
            "pesanan",
            "order",
            "nota",
            "struk",
            "receipt",
            "id transaksi",
            "transaction id",
            "no transaksi",
            "kode transaksi",
            "resi",
        ],
    ),
    (
        Role::Customer,
        &[
            "pelanggan",
            "customer",
            "nama",
            "name",
            "klien",
            "client",
            "pembeli",
            "buyer",
            "konsumen",
            "member",
            "anggota",
        ],
    ),
    (
        Role::Date,
        &[
            "tanggal",
            "tgl",
            "date",
            "waktu",
            "timestamp",
            "time",
            "tanggal transaksi",
            "hari",
        ],
    ),
    (
        Role::Amount,
        &[
            "jumlah",
            "total",
            "nominal",
            "amount",
            "harga",
            "price",
            "revenue",
            "penjualan",
            "sales",
            "omzet",
            "omset",
            "bayar",
            "spend",
            "belanja",
            "rupiah",
            "idr",
            "subtotal",
        ],
    ),
    (
        Role::Score,
        &[
            "skor",
            "score",
            "nilai",
            "rating",
            "rekomend",
            "recommend",
            "kemungkinan",
            "likely",
            "nps",
            "ces",
            "csat",
            "kepuasan",
            "satisf",
            "kemudahan",
            "effort",
            "bintang",
            "stars",
        ],
    ),
    (
        Role::Group,
        &[
            "kanal", "channel", "agen", "agent", "cabang", "branch", "kategori", "category", "tim",
            "team", "petugas", "cs", "toko", "store", "grup", "group", "segmen", "segment",
        ],
    ),
];

impl Role {
    pub fn key(self) -> &'static str {
        match self {
            Role::Customer => "customer",
            Role::Date => "date",
            Role::Amount => "amount",
            Role::OrderId => "orderId",
            Role::Score => "score",
            Role::Resolved => "resolved",
            Role::Contacts => "contacts",
            Role::Group => "group",
            Role::Status => "status",
            Role::Refunded => "refunded",
            Role::Engagement => "engagement",
        }
    }

    pub fn from_key(key: &str) -> Option<Role> {
        ALL.into_iter().find(|r| r.key() == key)
    }
}

/// Lower-case, with every run of non-alphanumeric characters made one space.
pub fn normalize(header: &str) -> String {
    let mut out = String::with_capacity(header.len());
    for c in header.trim().chars().map(|c| c.to_ascii_lowercase()) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    }
    out.trim().to_string()
}

pub fn matches(normal: &str, word: &str) -> bool {
    if word.len() >= 5 {
        normal.contains(word)
    } else {
        normal.split(' ').any(|w| w == word) || (word.contains(' ') && normal.contains(word))
    }
}

/// The role a header name suggests, if any.
pub fn role_of_header(header: &str) -> Option<Role> {
    let normal = normalize(header);
    if normal.is_empty() {
        return None;
    }
    WORDS
        .iter()
        .find(|(_, words)| words.iter().any(|w| matches(&normal, w)))
        .map(|(role, _)| *role)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_of_the_sample_files() {
        assert_eq!(role_of_header("No. Faktur"), Some(Role::OrderId));
        assert_eq!(role_of_header("Tanggal"), Some(Role::Date));
        assert_eq!(role_of_header("Nama Pelanggan"), Some(Role::Customer));
        assert_eq!(role_of_header("Total"), Some(Role::Amount));
        assert_eq!(role_of_header("Timestamp"), Some(Role::Date));
        assert_eq!(
            role_of_header(
                "Seberapa besar kemungkinan Anda merekomendasikan toko kami kepada teman? (0-10)"
            ),
            Some(Role::Score)
        );
        assert_eq!(
            role_of_header("Skor CES (1-7, 7 = sangat mudah)"),
            Some(Role::Score)
        );
        assert_eq!(role_of_header("Kanal"), Some(Role::Group));
        assert_eq!(role_of_header("Agen"), Some(Role::Group));
        assert_eq!(
            role_of_header("Selesai di kontak pertama"),
            Some(Role::Resolved)
        );
        assert_eq!(role_of_header("Jumlah kontak"), Some(Role::Contacts));
        assert_eq!(role_of_header("Catatan"), None);
        assert_eq!(role_of_header("Alasan"), None);
        assert_eq!(role_of_header("tgl"), Some(Role::Date));
    }
}
