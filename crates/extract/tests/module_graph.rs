//! The extractor's modules, and its stage folders, never import each other in a circle: data
//! flows one way (document → fonts/content → interpreter → layout → furniture → cleanup), and a
//! cycle is where a change in one stage silently reaches back upstream. The graph is read from
//! the source: every `crate::`, `super::` or child-module path outside test code.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Module path ("interpreter::annotations") → the modules its code names.
type Graph = BTreeMap<String, BTreeSet<String>>;

fn source_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            source_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// "interpreter/annotations.rs" → "interpreter::annotations"; "layout/mod.rs" → "layout";
/// "lib.rs" → "".
fn module_of(relative: &Path) -> String {
    let mut parts: Vec<String> = relative.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    let file = parts.pop().unwrap_or_default();
    let stem = file.trim_end_matches(".rs");
    if stem != "mod" && stem != "lib" {
        parts.push(stem.to_string());
    }
    parts.join("::")
}

fn graph() -> Graph {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    source_files(&root, &mut files);
    let modules: BTreeSet<String> =
        files.iter().map(|f| module_of(f.strip_prefix(&root).expect("under src"))).collect();
    let path_re = regex::Regex::new(r"\b(crate|super|[a-z_][a-z0-9_]*)((?:::[a-z_][a-z0-9_]*)+)").expect("regex");
    let mut graph = Graph::new();
    for file in &files {
        let module = module_of(file.strip_prefix(&root).expect("under src"));
        let text = std::fs::read_to_string(file).expect("source file");
        // Test code may reach anywhere; only the product's imports count.
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        let own: Vec<String> = module.split("::").filter(|s| !s.is_empty()).map(str::to_string).collect();
        for line in code.lines().filter(|l| !l.trim_start().starts_with("//")) {
            for caps in path_re.captures_iter(line) {
                let rest: Vec<&str> = caps[2].split("::").filter(|s| !s.is_empty()).collect();
                // Where the path starts: the crate root, the parent module, or (a bare name) this one.
                let candidate: Vec<String> = match &caps[1] {
                    "crate" => Vec::new(),
                    "super" => own[..own.len().saturating_sub(1)].to_vec(),
                    first => own.iter().cloned().chain([first.to_string()]).collect(),
                };
                // The longest prefix of the path that is one of the crate's modules.
                let mut found = None;
                let mut path = candidate;
                if !path.is_empty() && modules.contains(&path.join("::")) {
                    found = Some(path.join("::"));
                }
                for part in &rest {
                    path.push(part.to_string());
                    if modules.contains(&path.join("::")) {
                        found = Some(path.join("::"));
                    }
                }
                if let Some(target) = found.filter(|t| !t.is_empty() && *t != module) {
                    // A module naming its own descendant is not an import back upstream.
                    if !target.starts_with(&format!("{module}::")) || module.is_empty() {
                        graph.entry(module.clone()).or_default().insert(target);
                    }
                }
            }
        }
    }
    graph
}

/// The first circle found, as the modules along it.
fn cycle(graph: &Graph) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &Graph,
        state: &mut BTreeMap<String, u8>,
        stack: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        state.insert(node.to_string(), 1);
        stack.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            match state.get(next.as_str()) {
                Some(1) => {
                    let start = stack.iter().position(|n| n == next).unwrap_or(0);
                    let mut circle = stack[start..].to_vec();
                    circle.push(next.clone());
                    return Some(circle);
                }
                Some(_) => {}
                None => {
                    if let Some(found) = visit(next, graph, state, stack) {
                        return Some(found);
                    }
                }
            }
        }
        stack.pop();
        state.insert(node.to_string(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for node in graph.keys() {
        if !state.contains_key(node) {
            if let Some(found) = visit(node, graph, &mut state, &mut Vec::new()) {
                return Some(found);
            }
        }
    }
    None
}

/// The graph of top-level folders and files: "interpreter::annotations" counts as "interpreter".
fn folders(graph: &Graph) -> Graph {
    let top = |m: &str| m.split("::").next().unwrap_or_default().to_string();
    let mut out = Graph::new();
    for (from, targets) in graph {
        for to in targets {
            if !from.is_empty() && top(from) != top(to) {
                out.entry(top(from)).or_default().insert(top(to));
            }
        }
    }
    out
}

#[test]
fn modules_import_each_other_without_cycles() {
    let graph = graph();
    // The graph is really read: the interpreter hands glyphs to layout through `glyphs`.
    assert!(graph.get("layout").is_some_and(|t| t.contains("glyphs")), "{graph:#?}");
    assert!(
        graph.get("interpreter::annotations").is_some_and(|t| t.contains("interpreter::field_value")),
        "{graph:#?}"
    );
    assert_eq!(cycle(&graph), None);
}

#[test]
fn stage_folders_import_each_other_without_cycles() {
    let folders = folders(&graph());
    assert!(folders.get("interpreter").is_some_and(|t| t.contains("fonts")), "{folders:#?}");
    assert_eq!(cycle(&folders), None, "{folders:#?}");
}

#[test]
fn a_circle_is_found() {
    let graph: Graph = [("a", "b"), ("b", "c"), ("c", "a")]
        .into_iter()
        .map(|(f, t)| (f.to_string(), BTreeSet::from([t.to_string()])))
        .collect();
    assert_eq!(cycle(&graph), Some(vec!["a".into(), "b".into(), "c".into(), "a".into()]));
}
