//! Store exports pasted with no column mapping (tests/fixtures/exports, made by
//! scripts/make-export-fixtures.py from each platform's documented headers).
//! Every expected figure below was worked out by hand from the fixture's rows;
//! the arithmetic is in the comments.
#![cfg(feature = "analytics")]

use customer_metrics::api::{self, log::Part, Value};

fn fixture(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/exports")
        .join(name);
    std::fs::read_to_string(path).unwrap()
}

fn done<T: std::fmt::Debug>(p: &Part<T>) -> &T {
    match p {
        Part::Done(v) => v,
        Part::Failed { error } => panic!("{error:?}"),
    }
}

/// What a reading should give: layout, rows/used, skipped (line, code),
/// orders, revenue, customers, repeat customers, currency.
struct Expect {
    layout: &'static str,
    rows: usize,
    skipped: &'static [(usize, &'static str)],
    orders: usize,
    revenue: f64,
    customers: usize,
    repeat_customers: u64,
    currency: &'static str,
}

fn check(name: &str, e: Expect) -> api::log::FromLog<api::log::Analysis> {
    let r = api::analyze_log(&Value::object([("text", fixture(name))]))
        .unwrap_or_else(|err| panic!("{name}: {err:?}"));
    let input = &r.input;
    assert_eq!(input.layout, Some(e.layout), "{name}: layout");
    let skipped: Vec<(usize, &str)> = input
        .skipped
        .iter()
        .map(|s| (s.row, s.code.as_str()))
        .collect();
    assert_eq!(skipped, e.skipped, "{name}: skipped");
    assert_eq!(
        (input.rows, input.used),
        (e.rows, e.rows - e.skipped.len()),
        "{name}: rows, used"
    );
    assert_eq!(input.sales.orders, e.orders, "{name}: orders");
    assert!(
        (input.sales.revenue - e.revenue).abs() < 1e-9,
        "{name}: revenue {} != {}",
        input.sales.revenue,
        e.revenue
    );
    assert_eq!(r.result.customers, e.customers, "{name}: customers");
    let repeat = done(&r.result.repeat);
    assert_eq!(
        (repeat.customers, repeat.repeat_customers),
        (e.customers as u64, e.repeat_customers),
        "{name}: repeat customers"
    );
    assert_eq!(input.currency.code, e.currency, "{name}: currency");
    r
}

fn status(r: &api::log::FromLog<api::log::Analysis>, s: &str) -> (usize, usize, f64, bool) {
    let st = r
        .input
        .sales
        .statuses
        .iter()
        .find(|x| x.status == s)
        .unwrap_or_else(|| panic!("no status {s:?} in {:?}", r.input.sales.statuses));
    (st.rows, st.orders, st.revenue, st.counted)
}

#[test]
fn shopee_order_export() {
    // Counted: 240601A1 Selesai 150.000 (2 lines, the total repeated: once),
    // 240603J9 Selesai 60.000, 240605S7 Sedang Dikirim 210.000 (3 lines),
    // 240607A5 Telah Dikirim 1.250.000 (2 lines) = 1.670.000 in 4 orders.
    // Not counted: Batal (line 4), Belum Bayar (line 6), a Selesai order with
    // its return granted (line 10). Buyers: budi.s (2 orders), sari_88, rina.w.
    let r = check(
        "shopee.csv",
        Expect {
            layout: "shopee",
            rows: 11,
            skipped: &[
                (4, "statusNotCounted"),
                (6, "statusNotCounted"),
                (10, "statusNotCounted"),
            ],
            orders: 4,
            revenue: 1_670_000.0,
            customers: 3,
            repeat_customers: 1,
            currency: "IDR",
        },
    );
    assert_eq!((r.input.sales.lines, r.input.sales.line_item_rows), (8, 4));
    // Indonesian headers, amounts without a mark: the rupiah, from the layout.
    assert_eq!(r.input.currency.decided_by, "layout");
    assert_eq!(status(&r, "Selesai"), (3, 2, 210_000.0, true));
    assert_eq!(status(&r, "Batal"), (1, 1, 75_000.0, false));
    assert_eq!(status(&r, "Sedang Dikirim"), (3, 1, 210_000.0, true));
    assert_eq!(
        status(&r, "Selesai (return granted)"),
        (1, 1, 90_000.0, false)
    );
    let granted = r
        .input
        .sales
        .statuses
        .iter()
        .find(|s| s.overridden.is_some());
    let granted = granted.unwrap();
    assert_eq!(
        (granted.written.as_deref(), granted.overridden),
        (Some("Selesai"), Some("returnGranted"))
    );
    let customer = r.input.columns.iter().find(|c| c.role == Some("customer"));
    assert_eq!(customer.unwrap().name, "Username (Pembeli)");
    let amount = r.input.columns.iter().find(|c| c.role == Some("amount"));
    assert_eq!(amount.unwrap().name, "Total Pembayaran");
}

#[test]
fn tokopedia_report_with_title_lines_and_a_total() {
    // Header on line 5 under three title lines and a blank one. Amounts per
    // line: INV..0001 = 100000 + 50000, INV..0003 = 200000, INV..0004 = 45000
    // + 45000; 150000 + 200000 + 90000 = 440000. INV..0002 (line 8) was
    // cancelled; line 12 is the report's total.
    let r = check(
        "tokopedia.csv",
        Expect {
            layout: "tokopedia",
            rows: 7,
            skipped: &[(8, "statusNotCounted"), (12, "totalRow")],
            orders: 3,
            revenue: 440_000.0,
            customers: 2,
            repeat_customers: 1,
            currency: "IDR",
        },
    );
    assert_eq!((r.input.title_rows, r.input.header_row), (3, Some(5)));
}

#[test]
fn tiktok_shop_export_with_its_description_row() {
    // Line 2 describes the columns. Counted: ..0001 Selesai 120000 (2 SKUs,
    // Order Amount repeated), ..0003 Selesai 80000 less its refund 20000 =
    // 60000, ..0004 Dikirim 45000: 225000. Dibatalkan (line 5) and Belum
    // dibayar (line 8) are not counted.
    let r = check(
        "tiktok_shop.csv",
        Expect {
            layout: "tiktokShop",
            rows: 7,
            skipped: &[
                (2, "descriptionRow"),
                (5, "statusNotCounted"),
                (8, "statusNotCounted"),
            ],
            orders: 3,
            revenue: 225_000.0,
            customers: 2,
            repeat_customers: 1,
            currency: "IDR",
        },
    );
    assert_eq!(r.input.sales.refunded, 20_000.0);
}

#[test]
fn shopify_export_in_dollars() {
    // Totals on each order's first row only. Counted: #1001 paid 55.50,
    // #1003 partially refunded 40.00 − 10.00 = 30.00, #1004 paid 15.00 by a
    // guest (no e-mail), #1007 paid 12.25: 112.75 in 4 orders. Not counted:
    // #1002 voided (line 4), #1005 refunded (line 7), #1006 pending (lines
    // 8–10). Customers: alice (2 orders), carol (1).
    let r = check(
        "shopify.csv",
        Expect {
            layout: "shopify",
            rows: 10,
            skipped: &[
                (4, "statusNotCounted"),
                (7, "statusNotCounted"),
                (8, "statusNotCounted"),
                (9, "statusNotCounted"),
                (10, "statusNotCounted"),
            ],
            orders: 4,
            revenue: 112.75,
            customers: 2,
            repeat_customers: 1,
            currency: "USD",
        },
    );
    let guests = &r.input.sales.guests;
    assert_eq!((guests.orders, guests.rows, guests.revenue), (1, 1, 15.0));
    assert_eq!(r.input.currency.decided_by, "column");
    // Not rupiah: RFM scores by quintiles instead of the rupiah thresholds.
    assert_eq!(
        done(&r.result.rfm).method,
        customer_metrics::metrics::rfm::RfmMethod::Quintile
    );
}

#[test]
fn woocommerce_analytics_orders() {
    // One row per order. Counted: 101 Completed 150000, 102 Processing 80000,
    // 105 Completed 70000, 107 On hold 30000 = 330000; Ani and Budi both twice.
    check(
        "woocommerce_analytics.csv",
        Expect {
            layout: "woocommerce",
            rows: 7,
            skipped: &[
                (4, "statusNotCounted"),
                (5, "statusNotCounted"),
                (7, "statusNotCounted"),
            ],
            orders: 4,
            revenue: 330_000.0,
            customers: 2,
            repeat_customers: 2,
            currency: "IDR",
        },
    );
}

#[test]
fn woocommerce_order_export_plugin() {
    // Order Total Amount repeated per product: 5001 = 215000 once; 5003 =
    // 115000 − 25000 refunded = 90000; 5004 = 65000; total 370000. 5002
    // Cancelled (line 4) and 5005 Pending payment (line 7) are not counted.
    let r = check(
        "woocommerce_orders.csv",
        Expect {
            layout: "woocommerce",
            rows: 6,
            skipped: &[(4, "statusNotCounted"), (7, "statusNotCounted")],
            orders: 3,
            revenue: 370_000.0,
            customers: 2,
            repeat_customers: 1,
            currency: "IDR",
        },
    );
    assert_eq!(r.input.sales.refunded, 25_000.0);
}

#[test]
fn pos_report_with_walk_ins_void_refund_and_total() {
    // Header on line 4 under three title lines. Counted: S-0001 Umum 36.000
    // and S-0003 "-" 18.000 (walk-ins), S-0002 25.000 and S-0005 30.000 (Budi
    // Santoso), S-0006 22.000 and the refund S-0007 −22.000 (Sari): 109.000 in
    // 6 orders, 54.000 of it from 2 walk-ins. S-0004 Void (line 8); line 12
    // is the report's "Total Juni".
    let r = check(
        "pos.csv",
        Expect {
            layout: "pos",
            rows: 8,
            skipped: &[(8, "statusNotCounted"), (12, "totalRow")],
            orders: 6,
            revenue: 109_000.0,
            customers: 2,
            repeat_customers: 1,
            currency: "IDR",
        },
    );
    let guests = &r.input.sales.guests;
    assert_eq!((guests.orders, guests.revenue), (2, 54_000.0));
    assert_eq!(status(&r, "Lunas"), (5, 5, 131_000.0, true));
    assert_eq!(status(&r, "Refund"), (1, 1, -22_000.0, true));
    let roles: Vec<(&str, Option<&str>)> = r
        .input
        .columns
        .iter()
        .map(|c| (c.name.as_str(), c.role))
        .collect();
    assert!(roles.contains(&("Jam", None)), "{roles:?}");
    assert!(
        roles.contains(&("Pelanggan", Some("customer"))),
        "{roles:?}"
    );
    assert!(roles.contains(&("Total", Some("amount"))), "{roles:?}");
}

#[test]
fn lazada_items_add_up_per_order() {
    // paidPrice per item: 300001 = 50000 + 35000, 300003 = 40000, 300005 =
    // 25000 + 25000; 85000 + 40000 + 50000 = 175000. 300002 canceled (line 4),
    // 300004 returned (line 6).
    check(
        "lazada.csv",
        Expect {
            layout: "lazada",
            rows: 7,
            skipped: &[(4, "statusNotCounted"), (6, "statusNotCounted")],
            orders: 3,
            revenue: 175_000.0,
            customers: 2,
            repeat_customers: 1,
            currency: "IDR",
        },
    );
}

#[test]
fn a_status_can_be_counted_or_left_out() {
    // Counting "Batal" adds its 75.000 and its buyer sari_88's second order;
    // leaving out "Telah Dikirim" removes 1.250.000.
    let text = fixture("shopee.csv");
    let r = api::analyze_log(&Value::object([
        ("text", Value::from(text.as_str())),
        ("countStatuses", Value::List(vec![Value::from("batal")])),
        (
            "excludeStatuses",
            Value::List(vec![Value::from("Telah Dikirim")]),
        ),
    ]))
    .unwrap();
    assert_eq!(r.input.sales.orders, 4);
    assert_eq!(r.input.sales.revenue, 1_670_000.0 + 75_000.0 - 1_250_000.0);
    // A status as listed, with what overrode it, can be counted too: the
    // Selesai order whose return was granted (90.000).
    let r = api::analyze_log(&Value::object([
        ("text", Value::from(text.as_str())),
        (
            "countStatuses",
            Value::List(vec![Value::from("Selesai (return granted)")]),
        ),
    ]))
    .unwrap();
    assert_eq!(
        (r.input.sales.orders, r.input.sales.revenue),
        (5, 1_670_000.0 + 90_000.0)
    );
}

#[test]
fn the_shop_log_reads_as_before() {
    // ../shared/data/transaksi_toko.csv: a hand-kept log, no layout; its
    // three broken rows skipped as before (tests/log_api.rs has the figures).
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/transaksi_toko.csv");
    let text = std::fs::read_to_string(path).unwrap();
    let r = api::analyze_log(&Value::object([("text", text)])).unwrap();
    assert_eq!(r.input.layout, None);
    let codes: Vec<&str> = r.input.skipped.iter().map(|s| s.code.as_str()).collect();
    assert_eq!(codes, ["invalidDate", "missingCustomer", "invalidAmount"]);
    assert_eq!(r.input.sales.guests.orders, 0);
    assert_eq!(r.input.currency.code, "IDR");
}

#[test]
fn a_us_export_reads_order_date_as_a_date_and_month_first() {
    // "Order Date" is the date (not an order number). 01/02 and 03/04 cannot
    // tell day from month; the amounts ($1,250.50: a decimal point) can.
    let text = "Order Date,Customer,Order Total\n01/02/2024,Ann,\"$1,250.50\"\n03/04/2024,Bob,$20.00\n03/05/2024,Ann,$5.00\n";
    let r = api::analyze_log(&Value::object([("text", text)])).unwrap();
    let roles: Vec<Option<&str>> = r.input.columns.iter().map(|c| c.role).collect();
    assert_eq!(roles, [Some("date"), Some("customer"), Some("amount")]);
    assert_eq!(r.result.first_date.as_deref(), Some("2024-01-02"));
    assert_eq!(r.result.last_date.as_deref(), Some("2024-03-05"));
    assert_eq!(r.input.currency.code, "USD");
    // 1250.50 + 20.00 + 5.00
    assert_eq!(r.input.sales.revenue, 1275.5);
}

#[test]
fn excel_serials_and_offsets_in_a_date_column() {
    // 45292 is 2024-01-01 in Excel's 1900 system, 45310,5 is 2024-01-19 at
    // noon; "2024-01-31 23:30:00 +0700" is 31 January where it was written.
    let text = "Tanggal;Pelanggan;Total\n45292;Ani;100000\n2024-01-15 10:00;Budi;50000\n45310,5;Ani;20000\n2024-01-31 23:30:00 +0700;Budi;10000\n";
    let r = api::analyze_log(&Value::object([("text", text)])).unwrap();
    assert_eq!(r.input.used, 4, "{:?}", r.input.skipped);
    let date = r.input.columns.iter().find(|c| c.role == Some("date"));
    assert_eq!(date.unwrap().name, "Tanggal");
    assert_eq!(r.result.first_date.as_deref(), Some("2024-01-01"));
    assert_eq!(r.result.last_date.as_deref(), Some("2024-01-31"));
}

#[test]
fn a_repeated_header_and_a_time_column() {
    // Two exports pasted one under the other: the second header (line 4) is
    // skipped; "Jam" holds times and is neither the customer nor the date.
    let text = "Tanggal;Jam;Pelanggan;Total\n01/06/2024;08:15;Ani;Rp 10.000\n02/06/2024;09:30;Budi;Rp 20.000\nTanggal;Jam;Pelanggan;Total\n03/06/2024;10:45;Ani;Rp 30.000\n";
    let r = api::analyze_log(&Value::object([("text", text)])).unwrap();
    let skipped: Vec<(usize, &str)> = r
        .input
        .skipped
        .iter()
        .map(|s| (s.row, s.code.as_str()))
        .collect();
    assert_eq!(skipped, [(4, "repeatedHeader")]);
    let roles: Vec<Option<&str>> = r.input.columns.iter().map(|c| c.role).collect();
    assert_eq!(
        roles,
        [Some("date"), None, Some("customer"), Some("amount")]
    );
    assert_eq!((r.result.customers, r.input.sales.revenue), (2, 60_000.0));
}

#[test]
fn bad_status_options_are_errors() {
    let e = api::analyze_log(&Value::object([
        (
            "text",
            Value::from("Tanggal;Pelanggan;Total\n01/06/2024;Ani;10000\n"),
        ),
        ("countStatuses", Value::from("Batal")),
    ]))
    .unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.field.as_deref()),
        ("wrongType", Some("countStatuses"))
    );
    let e = api::analyze_log(&Value::object([
        (
            "text",
            Value::from("Tanggal;Pelanggan;Total\n01/06/2024;Ani;10000\n"),
        ),
        ("currency", Value::from("rupee")),
    ]))
    .unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.field.as_deref()),
        ("invalidOption", Some("currency"))
    );
}

#[test]
fn a_total_row_found_by_its_sum() {
    // A POS report whose last row carries the day's date and, in no customer
    // or first column, the word "Total": its amount 75.000 = 10.000 + 25.000
    // + 40.000, the sum of every row above, and it has no customer.
    let text = "No. Struk;Tanggal;Pelanggan;Item;Total\nS-1;01/06/2024;Ani;Kopi;Rp 10.000\nS-2;01/06/2024;Umum;Teh;Rp 25.000\nS-3;01/06/2024;Budi;Roti;Rp 40.000\n;01/06/2024;;TOTAL HARI INI;Rp 75.000\n";
    let r = api::analyze_log(&Value::object([("text", text)])).unwrap();
    let skipped: Vec<(usize, &str)> = r
        .input
        .skipped
        .iter()
        .map(|s| (s.row, s.code.as_str()))
        .collect();
    assert_eq!(skipped, [(5, "totalRow")]);
    assert_eq!(r.input.sales.revenue, 75_000.0);
    assert_eq!(r.input.sales.guests.revenue, 25_000.0);
}

#[test]
fn a_row_with_more_fields_than_the_header_is_skipped() {
    // "2,000,000" unquoted in a comma-separated file splits into three
    // fields: the row is not read as an amount of 2.
    let text = "Nama,Tanggal,Total\nAni,2025-01-02,500000\nCitra,2025-01-03,2,000,000\nBudi,2025-01-04,250000\n";
    let r = api::analyze_log(&Value::object([("text", text)])).unwrap();
    let skipped: Vec<(usize, &str)> = r
        .input
        .skipped
        .iter()
        .map(|s| (s.row, s.code.as_str()))
        .collect();
    assert_eq!(skipped, [(3, "tooManyFields")]);
    assert_eq!(r.input.sales.revenue, 750_000.0);
}

#[test]
fn us_dates_decide_english_amounts() {
    // A POS export in English (Moka-like): 06/13/2024 proves month-first
    // dates, so "35,000" is thirty-five thousand, not 35. Net Sales is the
    // amount (not Gross Sales, Tax or Total Collected); the first receipt has
    // no customer: a walk-in. 35,000 + 70,000 + 35,000 = 140,000.
    let text = "Date,Time,Receipt Number,Outlet,Customer Name,Collected By,Items,Gross Sales,Discounts,Net Sales,Tax,Total Collected,Payment Method,Event Type\n06/01/2024,08:15,R-001,Main,,Ana,Latte x1,\"35,000\",0,\"35,000\",\"3,500\",\"38,500\",Cash,Payment\n06/01/2024,09:00,R-002,Main,Budi,Ana,Mocha x2,\"70,000\",0,\"70,000\",\"7,000\",\"77,000\",QRIS,Payment\n06/13/2024,10:00,R-003,Main,Budi,Ana,Latte x1,\"35,000\",0,\"35,000\",\"3,500\",\"38,500\",QRIS,Payment\n";
    let r = api::analyze_log(&Value::object([("text", text)])).unwrap();
    assert_eq!(r.input.layout, Some("pos"));
    let amount = r.input.columns.iter().find(|c| c.role == Some("amount"));
    assert_eq!(amount.unwrap().name, "Net Sales");
    assert_eq!(r.input.sales.revenue, 140_000.0);
    assert_eq!(r.input.sales.guests.revenue, 35_000.0);
    assert_eq!(r.result.last_date.as_deref(), Some("2024-06-13"));
}

#[test]
fn a_customer_column_that_repeats_the_products_is_flagged() {
    // Mapped by hand onto a column that copies the product names: the
    // figures are given, with a notice naming both columns.
    let text = "Tanggal;Produk;Salinan;Total\n01/06/2024;Kopi;Kopi;10000\n02/06/2024;Teh;Teh;20000\n03/06/2024;Kopi;Kopi;30000\n04/06/2024;Roti;Roti;5000\n";
    let r = api::analyze_log(&Value::object([
        ("text", Value::from(text)),
        (
            "columns",
            Value::object([("customer", Value::from("Salinan"))]),
        ),
    ]))
    .unwrap();
    let notice = r
        .input
        .notices
        .iter()
        .find(|n| n.code == "customerSameAsColumn")
        .unwrap_or_else(|| panic!("{:?}", r.input.notices));
    assert_eq!(
        notice.params.get("other"),
        Some(&customer_metrics::error::Param::Text("Produk".into()))
    );
}
