//! The shape of the source tree, checked (issue 17): what a newcomer can rely on without
//! reading everything. Each rule says why it exists; the numbers are limits, not targets.
//!
//! - no source file over 700 lines (one concern a file);
//! - words are written in the `messages` modules: outside them, at most 20 places choose
//!   between Italian and English (`lang.pick(…)`, `match lang`);
//! - no `inline_js`: JavaScript lives in real `.js` files that wasm-bindgen includes, and
//!   TypeScript declarations in real `.d.ts` files (`include_str!` in each
//!   `typescript_custom_section`);
//! - nothing leaked (`Box::leak`, `String::leak`): profiles loaded by a portal are owned, so
//!   loading has no cap; the one exception is the interner of their notes' codes;
//! - no import cycle between modules (a module and its own ancestors aside: a parent
//!   declaring and re-exporting its children is how Rust modules are built).

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every `.rs` file of `src/`, with its module path (`cf::fast`) and its text.
pub(crate) fn sources() -> Vec<(String, PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let rel = path.strip_prefix(&root).unwrap().with_extension("");
            let mut parts: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
                parts.pop();
            }
            let module = parts.join("::");
            let text = fs::read_to_string(&path).unwrap();
            (module, path, text)
        })
        .collect()
}

/// The code of a file without its `#[cfg(test)] mod tests { … }` (unit tests may spell
/// out both languages to compare them) and without comments.
pub(crate) fn code_of(text: &str) -> String {
    let text = match text.find("#[cfg(test)]\nmod tests") {
        Some(at) => &text[..at],
        None => text,
    };
    text.lines()
        .filter(|l| {
            let t = l.trim_start();
            !t.starts_with("//")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn no_source_file_is_over_700_lines() {
    let long: Vec<String> = sources()
        .iter()
        .filter(|(_, _, text)| text.lines().count() > 700)
        .map(|(_, path, text)| format!("{} ({} lines)", path.display(), text.lines().count()))
        .collect();
    assert!(long.is_empty(), "split by concern: {long:#?}");
}

#[test]
fn words_are_chosen_by_language_in_the_messages_modules() {
    let mut outside = Vec::new();
    for (module, path, text) in sources() {
        if module.ends_with("messages") || module.contains("messages::") {
            continue;
        }
        let code = code_of(&text);
        for (n, line) in code.lines().enumerate() {
            let sites = line.matches("lang.pick(").count()
                + line.matches("lang().pick(").count()
                + line.matches("match lang").count()
                + line.matches("match self.lang").count()
                + line.matches("match cfg.lang").count();
            if sites > 0 {
                outside.push(format!("{}:{}", path.display(), n + 1));
            }
        }
    }
    assert!(
        outside.len() <= 20,
        "{} places outside the messages modules choose words by language (at most 20): {outside:#?}",
        outside.len()
    );
}

#[test]
fn no_inline_javascript_and_no_leaked_memory() {
    for (_, path, text) in sources() {
        let code = code_of(&text);
        assert!(
            !code.contains("inline_js"),
            "{}: JavaScript belongs in a .js file (wasm_bindgen(module = …))",
            path.display()
        );
        for (at, _) in code.match_indices("typescript_custom_section)]") {
            let item = code[at..].lines().nth(1).unwrap_or("");
            assert!(
                item.contains("include_str!("),
                "{}: TypeScript belongs in a .d.ts file, included with include_str!: {item}",
                path.display()
            );
        }
        // Nothing leaked, but the codes of a portal profile's notes: a finding's code is a
        // `&'static str` programs match on, so `registry::note_code` keeps each distinct code
        // once for the page (bounded by the portal's vocabulary of codes, not its loads).
        let leaks = code.matches("::leak(").count() + code.matches(".leak()").count();
        let allowed = usize::from(path.ends_with("catalog/profile/registry.rs"));
        assert!(
            leaks <= allowed,
            "{}: own the data instead of leaking it",
            path.display()
        );
    }
}

/// The modules a file refers to: `crate::a::b` paths and `super::` paths, resolved to the
/// longest module path that exists.
fn references(module: &str, code: &str, modules: &BTreeSet<String>) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let here: Vec<&str> = if module.is_empty() {
        Vec::new()
    } else {
        module.split("::").collect()
    };
    // The module `super` names: the parent (of `cf::fast` in `cf/fast.rs` as of `cf` in
    // `cf/mod.rs`).
    let parent: Vec<&str> = here[..here.len().saturating_sub(1)].to_vec();
    let bytes = code.as_bytes();
    for start in ["crate::", "super::"] {
        let mut from = 0;
        while let Some(at) = code[from..].find(start) {
            let at = from + at;
            from = at + start.len();
            // A path segment, not part of a longer identifier (`my_crate::`).
            if at > 0 && (bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_') {
                continue;
            }
            let mut path: Vec<String> = if start == "crate::" {
                Vec::new()
            } else {
                parent.iter().map(|s| s.to_string()).collect()
            };
            for seg in code[from..].split("::") {
                let ident: String = seg
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                if ident == "super" {
                    path.pop();
                    continue;
                }
                if ident.is_empty() {
                    break;
                }
                let whole = ident.len() == seg.len();
                path.push(ident);
                if !whole {
                    break;
                }
            }
            // The longest prefix that is a module.
            while !path.is_empty() && !modules.contains(&path.join("::")) {
                path.pop();
            }
            if !path.is_empty() {
                out.insert(path.join("::"));
            }
        }
    }
    out.remove(module);
    out
}

fn is_ancestor(a: &str, b: &str) -> bool {
    a.is_empty() || b.starts_with(&format!("{a}::"))
}

#[test]
fn no_import_cycle_between_modules() {
    let files = sources();
    let modules: BTreeSet<String> = files.iter().map(|(m, _, _)| m.clone()).collect();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (module, _, text) in &files {
        let refs = references(module, &code_of(text), &modules);
        let edges = refs
            .into_iter()
            .filter(|r| !is_ancestor(r, module) && !is_ancestor(module, r))
            .collect();
        graph.insert(module.clone(), edges);
    }
    // A cycle is a strongly connected component of more than one module (Tarjan).
    let mut tarjan = Tarjan {
        graph: &graph,
        counter: 0,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        cycles: Vec::new(),
    };
    for v in graph.keys() {
        if !tarjan.index.contains_key(v) {
            tarjan.visit(v);
        }
    }
    let cycles = tarjan.cycles;
    assert!(
        cycles.is_empty(),
        "modules that import each other in a circle (move the shared piece down): {cycles:#?}"
    );
}

/// Tarjan's strongly connected components over the module graph.
struct Tarjan<'a> {
    graph: &'a BTreeMap<String, BTreeSet<String>>,
    counter: usize,
    index: BTreeMap<String, usize>,
    low: BTreeMap<String, usize>,
    stack: Vec<String>,
    on_stack: BTreeSet<String>,
    cycles: Vec<Vec<String>>,
}

impl Tarjan<'_> {
    fn visit(&mut self, v: &str) {
        self.index.insert(v.to_string(), self.counter);
        self.low.insert(v.to_string(), self.counter);
        self.counter += 1;
        self.stack.push(v.to_string());
        self.on_stack.insert(v.to_string());
        let graph = self.graph;
        for w in graph.get(v).into_iter().flatten() {
            if !self.index.contains_key(w) {
                self.visit(w);
                let lw = self.low[w];
                let lv = self.low.get_mut(v).unwrap();
                *lv = (*lv).min(lw);
            } else if self.on_stack.contains(w) {
                let iw = self.index[w];
                let lv = self.low.get_mut(v).unwrap();
                *lv = (*lv).min(iw);
            }
        }
        if self.low[v] == self.index[v] {
            let mut component = Vec::new();
            while let Some(w) = self.stack.pop() {
                self.on_stack.remove(&w);
                let done = w == v;
                component.push(w);
                if done {
                    break;
                }
            }
            if component.len() > 1 {
                component.sort();
                self.cycles.push(component);
            }
        }
    }
}
