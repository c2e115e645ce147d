//! `src/types.d.ts` (the JS API's typings) names exactly the input fields the
//! Rust declares in `api::fields`, nested objects (`columns`, `thresholds`)
//! included, both ways. The typings are read by a small parser of the
//! TypeScript they use: interfaces (with `extends`), type aliases, object
//! types, unions, `Partial<…>`, mapped types over a union of strings,
//! generic aliases (`Part<T>`), `Record<…>` and index signatures. The result
//! interfaces are checked too, against serialized results (below).

use customer_metrics::api::fields::{self, Fields};
use std::collections::{BTreeMap, BTreeSet};

const TYPES: &str = include_str!("../src/types.d.ts");

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Word(String),
    Str(String),
    Punct(char),
}

fn tokens(src: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    let chars: Vec<char> = src.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            i += 2;
            while i + 1 < chars.len() && !(chars[i] == '*' && chars[i + 1] == '/') {
                i += 1;
            }
            i += 2;
        } else if c == '"' {
            let start = i + 1;
            i = start;
            while chars[i] != '"' {
                i += 1;
            }
            out.push(Tok::Str(chars[start..i].iter().collect()));
            i += 1;
        } else if c.is_alphanumeric() || c == '_' || c == '$' || c == '.' {
            let start = i;
            while i < chars.len()
                && (chars[i].is_alphanumeric() || matches!(chars[i], '_' | '$' | '.'))
            {
                i += 1;
            }
            out.push(Tok::Word(chars[start..i].iter().collect()));
        } else if c.is_whitespace() {
            i += 1;
        } else {
            out.push(Tok::Punct(c));
            i += 1;
        }
    }
    out
}

/// The declarations of the file: name → tokens of its type (an interface
/// as `{ … }` preceded by its `extends` names as `& Name`).
fn declarations(toks: &[Tok]) -> BTreeMap<String, Vec<Tok>> {
    let mut out = BTreeMap::new();
    let word = |t: &Tok, w: &str| matches!(t, Tok::Word(x) if x == w);
    let mut i = 0;
    while i < toks.len() {
        if word(&toks[i], "interface") {
            let Tok::Word(name) = &toks[i + 1] else {
                panic!("interface without a name")
            };
            let mut ty = Vec::new();
            let mut j = i + 2;
            if word(&toks[j], "extends") {
                j += 1;
                let start = j;
                while toks[j] != Tok::Punct('{') {
                    j += 1;
                }
                for base in split(&toks[start..j], ',') {
                    ty.extend_from_slice(base);
                    ty.push(Tok::Punct('&'));
                }
            }
            let end = matching(toks, j);
            ty.extend_from_slice(&toks[j..=end]);
            out.insert(name.clone(), ty);
            i = end + 1;
        } else if word(&toks[i], "type") && matches!(toks.get(i + 2), Some(Tok::Punct('=' | '<'))) {
            let Tok::Word(name) = &toks[i + 1] else {
                panic!("type without a name")
            };
            // `type Name<T, …> = …` is stored under `Name<T, …>`.
            let mut name = name.clone();
            let mut j = i + 2;
            if toks[j] == Tok::Punct('<') {
                let end = matching(toks, j);
                let params: Vec<String> = toks[j + 1..end]
                    .iter()
                    .filter_map(|t| match t {
                        Tok::Word(w) => Some(w.clone()),
                        _ => None,
                    })
                    .collect();
                name = format!("{name}<{}>", params.join(","));
                j = end + 1;
            }
            let start = j + 1;
            j = start;
            let mut depth = 0;
            while !(depth == 0 && toks[j] == Tok::Punct(';')) {
                match toks[j] {
                    Tok::Punct('{' | '(' | '[' | '<') => depth += 1,
                    Tok::Punct('}' | ')' | ']' | '>') => depth -= 1,
                    _ => {}
                }
                j += 1;
            }
            out.insert(name, toks[start..j].to_vec());
            i = j + 1;
        } else {
            i += 1;
        }
    }
    out
}

/// The index of the bracket closing the one at `open`.
fn matching(toks: &[Tok], open: usize) -> usize {
    let mut depth = 0;
    for (k, t) in toks.iter().enumerate().skip(open) {
        match t {
            Tok::Punct('{' | '(' | '[' | '<') => depth += 1,
            Tok::Punct('}' | ')' | ']' | '>') => {
                depth -= 1;
                if depth == 0 {
                    return k;
                }
            }
            _ => {}
        }
    }
    panic!("unbalanced brackets")
}

/// The fields of an object type: each with the fields of its own type
/// when that is an object type too (else `None`).
type Shape = BTreeMap<String, Option<BTreeSet<String>>>;

struct Types(BTreeMap<String, Vec<Tok>>);

impl Types {
    /// The parts of a type split at `|` and `&` at depth 0.
    fn parts<'t>(&self, ty: &'t [Tok]) -> Vec<&'t [Tok]> {
        let mut parts = Vec::new();
        let (mut depth, mut start) = (0, 0);
        for (k, t) in ty.iter().enumerate() {
            match t {
                Tok::Punct('{' | '(' | '[' | '<') => depth += 1,
                Tok::Punct('}' | ')' | ']' | '>') => depth -= 1,
                Tok::Punct('|' | '&') if depth == 0 => {
                    parts.push(&ty[start..k]);
                    start = k + 1;
                }
                _ => {}
            }
        }
        parts.push(&ty[start..]);
        parts.into_iter().filter(|p| !p.is_empty()).collect()
    }

    /// The string literals of a union of them (such as `Role`).
    fn strings(&self, ty: &[Tok]) -> Vec<String> {
        self.parts(ty)
            .into_iter()
            .flat_map(|p| match p {
                [Tok::Str(s)] => vec![s.clone()],
                [Tok::Word(name)] => self.strings(&self.0[name]),
                other => panic!("not a union of strings: {other:?}"),
            })
            .collect()
    }

    /// The fields of `ty`, or `None` when it is not an object type.
    fn shape(&self, ty: &[Tok]) -> Option<Shape> {
        let mut out: Option<Shape> = None;
        for part in self.parts(ty) {
            let shape = match part {
                [Tok::Punct('{'), .., Tok::Punct('}')] => {
                    Some(self.members(&part[1..part.len() - 1]))
                }
                [Tok::Word(w), Tok::Punct('<'), inner @ .., Tok::Punct('>')] if w == "Partial" => {
                    self.shape(inner)
                }
                [Tok::Word(name)] => self.0.get(name).and_then(|t| self.shape(t)),
                _ => None,
            };
            if let Some(shape) = shape {
                out.get_or_insert_with(Shape::new).extend(shape);
            }
        }
        out
    }

    fn members(&self, body: &[Tok]) -> Shape {
        let mut out = Shape::new();
        let mut k = 0;
        while k < body.len() {
            // name ?: type ;   or   [ key in Union ] ?: type ;
            let mut end = k;
            let mut depth = 0;
            while end < body.len() && !(depth == 0 && body[end] == Tok::Punct(';')) {
                match body[end] {
                    Tok::Punct('{' | '(' | '[' | '<') => depth += 1,
                    Tok::Punct('}' | ')' | ']' | '>') => depth -= 1,
                    _ => {}
                }
                end += 1;
            }
            let member = &body[k..end];
            k = end + 1;
            let colon = member
                .iter()
                .position(|t| *t == Tok::Punct(':'))
                .expect("a member has a type");
            let names = match &member[..colon] {
                [Tok::Word(n)] | [Tok::Word(n), Tok::Punct('?')] => vec![n.clone()],
                [Tok::Punct('['), Tok::Word(_), Tok::Word(i), union @ .., Tok::Punct(']')]
                | [Tok::Punct('['), Tok::Word(_), Tok::Word(i), union @ .., Tok::Punct(']'), Tok::Punct('?')]
                    if i == "in" =>
                {
                    self.strings(union)
                }
                other => panic!("an open or unreadable member: {other:?}"),
            };
            let nested = self
                .shape(&member[colon + 1..])
                .map(|s| s.into_keys().collect::<BTreeSet<_>>());
            for n in names {
                out.insert(n, nested.clone());
            }
        }
        out
    }
}

/// The TypeScript name of a function's input.
fn interface(f: &Fields) -> String {
    match f.function {
        "readWorkbook" => "ReadWorkbookOptions".to_string(),
        name => format!("{}{}Input", name[..1].to_uppercase(), &name[1..]),
    }
}

#[test]
fn the_typings_name_exactly_the_fields_the_rust_declares() {
    let types = Types(declarations(&tokens(TYPES)));
    let mut problems = Vec::new();
    for f in fields::ALL {
        let name = interface(f);
        let Some(shape) = types.0.get(&name).and_then(|t| types.shape(t)) else {
            problems.push(format!("types.d.ts has no object type {name}"));
            continue;
        };
        let ts: BTreeSet<&str> = shape.keys().map(String::as_str).collect();
        let rust: BTreeSet<&str> = f.names.iter().copied().collect();
        for missing in rust.difference(&ts) {
            problems.push(format!(
                "{name} lacks {missing} ({}() takes it)",
                f.function
            ));
        }
        for extra in ts.difference(&rust) {
            problems.push(format!(
                "{name} has {extra}, which {}() does not take",
                f.function
            ));
        }
        for (field, nested) in &shape {
            let keys: BTreeSet<String> = f.object(field).iter().map(|k| k.to_string()).collect();
            let holds_object = f.objects.iter().any(|(o, _)| o == field);
            match nested {
                Some(ts_keys) if holds_object && *ts_keys != keys => problems.push(format!(
                    "{name}.{field} has {ts_keys:?}; {}() takes {keys:?}",
                    f.function
                )),
                Some(_) if !holds_object && rust.contains(field.as_str()) => {
                    problems.push(format!(
                        "{name}.{field} is an object type; {}() reads no object there",
                        f.function
                    ))
                }
                None if holds_object => problems.push(format!(
                    "{name}.{field} is not an object type; {}() takes {keys:?}",
                    f.function
                )),
                _ => {}
            }
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

/// The parser itself, on a hand-written declaration of each form it reads.
#[test]
fn the_parser_reads_each_form() {
    let src = r#"
        /** a */ export type R = "x" | "y";
        export interface A { a: number; /* c */ b?: { p?: string; q: number }; }
        export interface B extends A { c?: Partial<A>; d?: { [r in R]?: string | number }; }
        export type U = | { e: number } | { f: string[] };
    "#;
    let types = Types(declarations(&tokens(src)));
    let shape = |n: &str| types.shape(&types.0[n]).unwrap();
    let set = |v: &[&str]| Some(v.iter().map(|s| s.to_string()).collect::<BTreeSet<_>>());
    let b = shape("B");
    assert_eq!(b.keys().collect::<Vec<_>>(), ["a", "b", "c", "d"]);
    assert_eq!(b["a"], None);
    assert_eq!(b["b"], set(&["p", "q"]));
    assert_eq!(b["c"], set(&["a", "b"]));
    assert_eq!(b["d"], set(&["x", "y"]));
    assert_eq!(shape("U").keys().collect::<Vec<_>>(), ["e", "f"]);
}

// ---------------------------------------------------------------------------
// Results: each function's result, computed by the Rust on a small input and
// serialized with serde_json (as the binding does: `None` as null, maps as
// objects), is checked against its interface in types.d.ts, recursively and
// both ways: every field the Rust writes is declared, every field declared
// without `?` is written, and values have the declared kind (number, string,
// boolean, null, a list, one of the string literals). Lists are checked item
// by item; a union passes when one of its alternatives does.

use serde_json::{json, Value as Json};

/// A member of an object type: its name (`None` for an index signature
/// `[key: string]: T`, which takes any name), whether it is optional, its type.
struct Member {
    name: Option<String>,
    optional: bool,
    ty: Vec<Tok>,
}

/// `ty` split at `sep` at depth 0, empty parts dropped.
fn split(ty: &[Tok], sep: char) -> Vec<&[Tok]> {
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (k, t) in ty.iter().enumerate() {
        match t {
            Tok::Punct('{' | '(' | '[' | '<') => depth += 1,
            Tok::Punct('}' | ')' | ']' | '>') => depth -= 1,
            Tok::Punct(c) if *c == sep && depth == 0 => {
                parts.push(&ty[start..k]);
                start = k + 1;
            }
            _ => {}
        }
    }
    parts.push(&ty[start..]);
    parts.into_iter().filter(|p| !p.is_empty()).collect()
}

/// `tokens` with each word of `from` replaced by the tokens of `to`.
fn substitute(tokens: &[Tok], from: &[String], to: &[&[Tok]]) -> Vec<Tok> {
    let mut out = Vec::new();
    for t in tokens {
        match t {
            Tok::Word(w) if from.contains(w) => {
                let k = from.iter().position(|f| f == w).unwrap();
                out.push(Tok::Punct('('));
                out.extend_from_slice(to[k]);
                out.push(Tok::Punct(')'));
            }
            other => out.push(other.clone()),
        }
    }
    out
}

impl Types {
    /// The declaration of `name` applied to `args` (`Part<RfmOutput>`).
    fn generic(&self, name: &str, args: &[Tok]) -> Option<Vec<Tok>> {
        let args = split(args, ',');
        let (key, body) = self.0.iter().find(|(k, _)| {
            k.strip_prefix(name)
                .is_some_and(|rest| rest.starts_with('<') && rest.split(',').count() == args.len())
        })?;
        let params: Vec<String> = key[name.len() + 1..key.len() - 1]
            .split(',')
            .map(str::to_string)
            .collect();
        Some(substitute(body, &params, &args))
    }

    /// The members of an object type (an intersection of object types
    /// included), or `None` when `ty` is not one.
    fn object(&self, ty: &[Tok]) -> Option<Vec<Member>> {
        let parts = split(ty, '&');
        if parts.len() > 1 {
            let mut all = Vec::new();
            for p in parts {
                all.extend(self.object(p)?);
            }
            return Some(all);
        }
        match ty {
            [Tok::Punct('('), inner @ .., Tok::Punct(')')] if matching(ty, 0) == ty.len() - 1 => {
                self.object(inner)
            }
            [Tok::Punct('{'), body @ .., Tok::Punct('}')] if matching(ty, 0) == ty.len() - 1 => {
                Some(self.object_members(body))
            }
            [Tok::Word(w), Tok::Punct('<'), inner @ .., Tok::Punct('>')] if w == "Partial" => {
                let mut m = self.object(inner)?;
                m.iter_mut().for_each(|m| m.optional = true);
                Some(m)
            }
            [Tok::Word(w), Tok::Punct('<'), args @ .., Tok::Punct('>')] if w == "Record" => {
                let kv = split(args, ',');
                Some(vec![Member {
                    name: None,
                    optional: true,
                    ty: kv[1].to_vec(),
                }])
            }
            // The built-in Error's own fields.
            [Tok::Word(w)] if w == "Error" => Some(
                self.object_members(&tokens("message: string; name?: string; stack?: string;")),
            ),
            [Tok::Word(name)] => self.0.get(name).and_then(|t| self.object(t)),
            [Tok::Word(name), Tok::Punct('<'), args @ .., Tok::Punct('>')] => {
                self.object(&self.generic(name, args)?)
            }
            _ => None,
        }
    }

    fn object_members(&self, body: &[Tok]) -> Vec<Member> {
        let mut out = Vec::new();
        for member in split(body, ';') {
            let colon = member
                .iter()
                .position(|t| *t == Tok::Punct(':'))
                .expect("a member has a type");
            let optional = member[..colon].last() == Some(&Tok::Punct('?'));
            match &member[..colon] {
                [Tok::Word(n)] | [Tok::Word(n), Tok::Punct('?')] => out.push(Member {
                    name: Some(n.clone()),
                    optional,
                    ty: member[colon + 1..].to_vec(),
                }),
                // `[key: string]: T`: the colon found is the key's.
                [Tok::Punct('['), Tok::Word(_)] => {
                    let close = member.iter().position(|t| *t == Tok::Punct(']')).unwrap();
                    out.push(Member {
                        name: None,
                        optional: true,
                        ty: member[close + 2..].to_vec(),
                    });
                }
                [Tok::Punct('['), Tok::Word(_), Tok::Word(i), union @ .., Tok::Punct(']')]
                | [Tok::Punct('['), Tok::Word(_), Tok::Word(i), union @ .., Tok::Punct(']'), Tok::Punct('?')]
                    if i == "in" =>
                {
                    for n in self.strings(union) {
                        out.push(Member {
                            name: Some(n),
                            optional,
                            ty: member[colon + 1..].to_vec(),
                        });
                    }
                }
                other => panic!("an unreadable member: {other:?}"),
            }
        }
        out
    }

    /// What does not fit `ty` in `v` (at `path`), one line each.
    fn check(&self, ty: &[Tok], v: &Json, path: &str, out: &mut Vec<String>) {
        let alternatives = split(ty, '|');
        if alternatives.len() > 1 {
            let mut best: Option<Vec<String>> = None;
            for alt in alternatives {
                let mut p = Vec::new();
                self.check(alt, v, path, &mut p);
                if p.is_empty() {
                    return;
                }
                if best.as_ref().is_none_or(|b| p.len() < b.len()) {
                    best = Some(p);
                }
            }
            out.extend(best.unwrap_or_default());
            return;
        }
        if let Some(members) = self.object(ty) {
            return self.check_object(&members, v, path, out);
        }
        let kind = |ok: bool, what: &str, out: &mut Vec<String>| {
            if !ok {
                out.push(format!("{path}: {v} is not {what}"));
            }
        };
        let n = ty.len();
        match ty {
            [Tok::Punct('('), inner @ .., Tok::Punct(')')] if matching(ty, 0) == n - 1 => {
                self.check(inner, v, path, out)
            }
            [item @ .., Tok::Punct('['), Tok::Punct(']')] => match v {
                Json::Array(items) => {
                    for x in items {
                        self.check(item, x, &format!("{path}[]"), out);
                    }
                }
                _ => kind(false, "a list", out),
            },
            [Tok::Punct('['), inner @ .., Tok::Punct(']')] => {
                let items = split(inner, ',');
                match v {
                    Json::Array(xs) if xs.len() == items.len() => {
                        for (i, (t, x)) in items.iter().zip(xs).enumerate() {
                            self.check(t, x, &format!("{path}[{i}]"), out);
                        }
                    }
                    _ => kind(false, &format!("a tuple of {}", items.len()), out),
                }
            }
            [Tok::Str(s)] => kind(v.as_str() == Some(s), &format!("\"{s}\""), out),
            [Tok::Word(w)] if w == "number" => kind(v.is_number(), "a number", out),
            [Tok::Word(w)] if w == "string" => kind(v.is_string(), "a string", out),
            [Tok::Word(w)] if w == "boolean" => kind(v.is_boolean(), "a boolean", out),
            [Tok::Word(w)] if w == "null" => kind(v.is_null(), "null", out),
            // A literal number (`scaleMin?: 1`).
            [Tok::Word(w)] if w.parse::<f64>().is_ok() => {
                kind(v.as_f64() == w.parse().ok(), w, out)
            }
            [Tok::Word(name)] if self.0.contains_key(name) => {
                self.check(&self.0[name], v, path, out)
            }
            [Tok::Word(name), Tok::Punct('<'), args @ .., Tok::Punct('>')]
                if self.generic(name, args).is_some() =>
            {
                self.check(&self.generic(name, args).unwrap(), v, path, out)
            }
            other => out.push(format!(
                "{path}: types.d.ts has a type the test cannot read: {other:?}"
            )),
        }
    }

    fn check_object(&self, members: &[Member], v: &Json, path: &str, out: &mut Vec<String>) {
        let Json::Object(fields) = v else {
            out.push(format!("{path}: {v} is not an object"));
            return;
        };
        let open = members.iter().find(|m| m.name.is_none());
        for (key, x) in fields {
            let at = format!("{path}.{key}");
            match members.iter().find(|m| m.name.as_deref() == Some(key)) {
                Some(m) => self.check(&m.ty, x, &at, out),
                None => match open {
                    Some(m) => self.check(&m.ty, x, &at, out),
                    None => out.push(format!("{at} is in the result but not in types.d.ts")),
                },
            }
        }
        for m in members {
            if let Some(name) = &m.name {
                if !m.optional && !fields.contains_key(name) {
                    out.push(format!(
                        "{path}.{name} is in types.d.ts but not in the result"
                    ));
                }
            }
        }
    }
}

fn input(v: Json) -> customer_metrics::api::Value {
    serde_json::from_value(v).unwrap()
}

fn shared(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data")
        .join(name);
    std::fs::read_to_string(path).unwrap()
}

/// A small log by hand: three customers over three months, one repeat buyer
/// each month, a status column (with a cancelled order) and a guest sale.
const LOG: &str = "\
customer;date;amount;status
Ani;2025-01-05;100.000;Selesai
Budi;2025-01-20;50.000;Selesai
Ani;2025-02-03;80.000;Selesai
Citra;2025-02-14;120.000;Dibatalkan
Citra;2025-02-15;120.000;Selesai
Budi;2025-03-01;60.000;Selesai
Ani;2025-03-09;90.000;Selesai
;2025-03-10;10.000;Selesai
";

/// Every function's result (by its TS name), serialized, with the
/// interface it must fit. Several inputs where a function's results differ
/// in shape (counts / scores / text; with and without a holdout).
fn results() -> Vec<(&'static str, &'static str, Json)> {
    use customer_metrics::api;
    let j = |r: &dyn erased::Ser| r.json();
    let log = |extra: Json| {
        let mut o = json!({ "text": LOG });
        if let (Json::Object(o), Json::Object(e)) = (&mut o, extra) {
            o.extend(e);
        }
        input(o)
    };
    let shop = shared("transaksi_toko.csv");
    let ces_text = shared("survei_ces.txt");
    let nps_text = shared("survei_nps.tsv");
    let tickets = shared("tiket_cs.csv");
    let workbook = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/xlsx/shopee-orders.xlsx"),
    )
    .unwrap();
    vec![
        ("crr", "CrrResult", j(&api::crr(&input(json!({"startCustomers": 80, "endCustomers": 100, "newCustomers": 0}))).unwrap())),
        ("crr", "CrrResult", j(&api::crr(&input(json!({"startCustomers": 100, "endCustomers": 90, "newCustomers": 10}))).unwrap())),
        ("clv", "ClvResult", j(&api::clv(&input(json!({"averageOrderValue": 100, "purchasesPerYear": 4, "lifespanYears": 3, "grossMarginPercent": 40}))).unwrap())),
        ("nps", "NpsResult", j(&api::nps(&input(json!({"scores": [10, 9, 7, 3]}))).unwrap())),
        ("nps", "NpsResult", j(&api::nps(&input(json!({"promoters": 5, "passives": 2, "detractors": 1}))).unwrap())),
        ("nps", "NpsResult", j(&api::nps(&input(json!({"text": nps_text}))).unwrap())),
        ("ces", "CesResult", j(&api::ces(&input(json!({"scores": [1, 5, 7], "scaleMax": 7}))).unwrap())),
        ("ces", "CesResult", j(&api::ces(&input(json!({"text": ces_text, "scaleMax": 7}))).unwrap())),
        ("csat", "CsatResult", j(&api::csat(&input(json!({"scores": [1, 4, 5]}))).unwrap())),
        ("csat", "CsatResult", j(&api::csat(&input(json!({"text": "score\n5\n4\nx\n"}))).unwrap())),
        // Surveys from exports: groups (one of a single answer), words, comments.
        ("nps", "NpsResult", j(&api::nps(&input(json!({"text": "Kanal,Skor,Alasan\nWA,3,lambat\nWA,10,\nEmail,9,\n", "groupBy": "Kanal"}))).unwrap())),
        ("ces", "CesResult", j(&api::ces(&input(json!({"text": "Kanal,Mudah?,Alasan\nWA,Sangat mudah,\nWA,Sulit,antre\nEmail,Agak setuju,\n", "groupBy": "Kanal"}))).unwrap())),
        ("csat", "CsatResult", j(&api::csat(&input(json!({"text": "Cabang;Seberapa puas?;Saran\nA;Sangat puas;\nB;Tidak puas;mahal\n", "groupBy": "Cabang"}))).unwrap())),
        ("fcr", "FcrResult", j(&api::fcr(&input(json!({"resolvedFirstContact": 7, "totalTickets": 10}))).unwrap())),
        ("fcr", "FcrResult", j(&api::fcr(&input(json!({"text": tickets, "groupBy": "channel"}))).unwrap())),
        ("parseTable", "ParsedTable", j(&api::parse_table(&input(json!({"text": LOG}))).unwrap())),
        ("rfm", "RfmResult", j(&api::rfm(&log(json!({}))).unwrap())),
        ("rfm", "RfmResult", j(&api::rfm(&log(json!({"method": "quintile"}))).unwrap())),
        ("retention", "RetentionResult", j(&api::retention(&log(json!({"periodStart": "2025-03-01", "periodEnd": "2025-03-31"}))).unwrap())),
        ("retention", "RetentionResult", j(&api::retention(&log(json!({"periodStart": "2025-03-01", "periodEnd": "2025-03-31", "mode": "activeBase"}))).unwrap())),
        ("cohorts", "CohortsResult", j(&api::cohorts(&log(json!({}))).unwrap())),
        ("clvFromLog", "ClvFromLogResult", j(&api::clv_from_log(&log(json!({"lifespanYears": 2}))).unwrap())),
        ("lifecycle", "LifecycleResult", j(&api::lifecycle(&log(json!({}))).unwrap())),
        ("analyzeLog", "AnalyzeLogResult", j(&api::analyze_log(&log(json!({}))).unwrap())),
        ("analyzeLog", "AnalyzeLogResult", j(&api::analyze_log(&input(json!({"text": shop}))).unwrap())),
        // One part failing: a period with no customers before it.
        ("analyzeLog", "AnalyzeLogResult", j(&api::analyze_log(&log(json!({"periodStart": "2024-01-01", "periodEnd": "2024-01-31"}))).unwrap())),
        ("predictClv", "PredictClvResult", j(&api::predict_clv(&input(json!({"text": shop, "calibrationEnd": "2025-04-30", "holdoutEnd": "2025-06-30"}))).unwrap())),
        ("predictClv", "PredictClvResult", j(&api::predict_clv(&input(json!({"summary": shared("cdnow_customers_summary_with_transactions.csv")}))).unwrap())),
        ("trends", "TrendsResult", j(&api::trends(&log(json!({}))).unwrap())),
        ("trends", "TrendsResult", j(&api::trends(&input(json!({"text": shop, "granularity": "week"}))).unwrap())),
        ("defaults", "Defaults", j(&api::defaults())),
        ("readWorkbook", "Workbook", j(&api::read_workbook(&workbook, &input(json!(null))).unwrap())),
        ("subscriptionRetention", "SubscriptionRetentionResult", j(&api::subscription_retention(&input(json!({"survivors": [1000, 869, 743, 653], "valuePerPeriod": 10}))).unwrap())),
        ("subscriptionRetention", "SubscriptionRetentionResult", j(&api::subscription_retention(&input(json!({"text": "Bulan\tAktif\n0\t1000\n1\t869\nx\n2\t743\n"}))).unwrap())),
        ("subscriptionRetention", "SubscriptionRetentionResult", j(&api::subscription_retention(&input(json!({"renewals": [0, 1, 2, 2, 3], "active": [false, false, true, false, true]}))).unwrap())),
        // Errors: one with a field and params, one with skipped rows.
        ("an error", "CustomerMetricsError", j(&api::crr(&input(json!({"startCustomers": -1, "endCustomers": 1, "newCustomers": 0}))).unwrap_err())),
        ("an error", "CustomerMetricsError", j(&api::nps(&input(json!({"text": "score\nx\ny\n"}))).unwrap_err())),
        ("an error", "CustomerMetricsError", j(&api::rfm(&input(json!({"text": "customer;date;amount\nA;nodate;1\n"}))).unwrap_err())),
    ]
}

/// Serializing through a trait object keeps the list above one line a call.
mod erased {
    pub trait Ser {
        fn json(&self) -> serde_json::Value;
    }
    impl<T: serde::Serialize> Ser for T {
        fn json(&self) -> serde_json::Value {
            serde_json::to_value(self).unwrap()
        }
    }
}

#[test]
fn the_typings_describe_exactly_the_results_the_rust_returns() {
    let types = Types(declarations(&tokens(TYPES)));
    let results = results();
    // The inputs reach the optional and the rarer shapes: a notice, a failed
    // part, an error's params and skipped rows, a holdout.
    let has = |function: &str, pointer: &str| {
        results
            .iter()
            .any(|(f, _, v)| *f == function && v.pointer(pointer).is_some_and(|x| !x.is_null()))
    };
    for (function, pointer) in [
        ("crr", "/notices/0/params"),
        ("analyzeLog", "/retention/error/code"),
        ("analyzeLog", "/rfm/rules/0/conditionParts"),
        ("an error", "/params"),
        ("an error", "/field"),
        ("an error", "/skipped/0"),
        ("predictClv", "/holdout/byFrequency/0"),
        ("fcr", "/groupColumn"),
        ("nps", "/skipped"),
        ("rfm", "/sales/statuses/0"),
    ] {
        assert!(
            has(function, pointer),
            "no {function}() result has {pointer}"
        );
    }
    let mut problems = Vec::new();
    for (function, interface, value) in results {
        let Some(ty) = types.0.get(interface) else {
            problems.push(format!("types.d.ts has no type {interface} ({function})"));
            continue;
        };
        let mut p = Vec::new();
        types.check(ty, &value, interface, &mut p);
        problems.extend(p.into_iter().map(|p| format!("{function}(): {p}")));
    }
    let problems: BTreeSet<String> = problems.into_iter().collect();
    let problems: Vec<String> = problems.into_iter().collect();
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

/// The checker itself, on hand-written types and values.
#[test]
fn the_result_checker_finds_each_kind_of_drift() {
    let src = r#"
        export interface N { code: string; params: { [name: string]: number | string }; }
        export type P<T> = T | { error: { code: string } };
        export interface R extends Partial<N> { a: number; b?: "x" | "y"; c: (number | null)[]; d: [number, number]; n: N[]; p: P<N>; }
    "#;
    let types = Types(declarations(&tokens(src)));
    let problems = |v: Json| {
        let mut p = Vec::new();
        types.check(&types.0["R"], &v, "R", &mut p);
        p
    };
    let good = json!({"a": 1, "c": [1, null], "d": [1, 2], "n": [{"code": "k", "params": {"x": 1, "y": "z"}}], "p": {"error": {"code": "e"}}});
    assert_eq!(problems(good.clone()), Vec::<String>::new());
    let mut extra = good.clone();
    extra["e"] = json!(1);
    assert_eq!(
        problems(extra),
        ["R.e is in the result but not in types.d.ts"]
    );
    let mut missing = good.clone();
    missing.as_object_mut().unwrap().remove("a");
    assert_eq!(
        problems(missing),
        ["R.a is in types.d.ts but not in the result"]
    );
    let mut wrong = good.clone();
    wrong["b"] = json!("z");
    wrong["d"] = json!([1]);
    wrong["n"][0]["params"]["x"] = json!(true);
    wrong["p"] = json!({"code": "k"});
    assert_eq!(
        problems(wrong),
        [
            "R.b: \"z\" is not \"x\"",
            "R.d: [1] is not a tuple of 2",
            "R.n[].params.x: true is not a number",
            "R.p.params is in types.d.ts but not in the result",
        ]
    );
}
