//! `src/types.d.ts` (the JS API's typings) names exactly the input fields the
//! Rust declares in `api::fields`, nested objects (`columns`, `thresholds`)
//! included, both ways. The typings are read by a small parser of the
//! TypeScript they use: interfaces (with `extends`), type aliases, object
//! types, unions, `Partial<…>`, mapped types over a union of strings.

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
                while toks[j] != Tok::Punct('{') {
                    if toks[j] != Tok::Punct(',') {
                        ty.push(toks[j].clone());
                        ty.push(Tok::Punct('&'));
                    }
                    j += 1;
                }
            }
            let end = matching(toks, j);
            ty.extend_from_slice(&toks[j..=end]);
            out.insert(name.clone(), ty);
            i = end + 1;
        } else if word(&toks[i], "type") && toks.get(i + 2) == Some(&Tok::Punct('=')) {
            let Tok::Word(name) = &toks[i + 1] else {
                panic!("type without a name")
            };
            let mut j = i + 3;
            let mut depth = 0;
            while !(depth == 0 && toks[j] == Tok::Punct(';')) {
                match toks[j] {
                    Tok::Punct('{' | '(' | '[' | '<') => depth += 1,
                    Tok::Punct('}' | ')' | ']' | '>') => depth -= 1,
                    _ => {}
                }
                j += 1;
            }
            out.insert(name.clone(), toks[i + 3..j].to_vec());
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
