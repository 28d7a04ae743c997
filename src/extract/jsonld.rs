//! JSON-LD (`<script type="application/ld+json">`) as pages use it for stories: objects at the
//! top, in arrays and in `@graph`, of a `…Article`/`BlogPosting` type; their headline, dates and
//! authors. Walks parsed JSON without recursion; knows nothing of HTML.

use serde_json::Value;

use super::meta::line;

/// Story-like JSON-LD objects: at the top, in arrays and in `@graph`.
fn ld_objects(ld: &[Value]) -> Vec<&serde_json::Map<String, Value>> {
    let mut out = Vec::new();
    let mut stack: Vec<&Value> = ld.iter().collect();
    while let Some(v) = stack.pop() {
        match v {
            Value::Array(items) => stack.extend(items.iter().rev()),
            Value::Object(map) => {
                if let Some(graph) = map.get("@graph") {
                    stack.push(graph);
                }
                if is_story_type(map.get("@type")) {
                    out.push(map);
                }
            }
            _ => {}
        }
    }
    out
}

fn is_story_type(t: Option<&Value>) -> bool {
    let story = |s: &str| s.ends_with("Article") || s == "BlogPosting" || s == "Report";
    match t {
        Some(Value::String(s)) => story(s),
        Some(Value::Array(a)) => a.iter().any(|v| v.as_str().is_some_and(story)),
        _ => false,
    }
}

pub(super) fn ld_field(ld: &[Value], keys: &[&str]) -> Option<String> {
    ld_objects(ld).into_iter().find_map(|o| {
        keys.iter()
            .find_map(|k| o.get(*k).and_then(Value::as_str).map(str::to_string))
    })
}

pub(super) fn ld_author(ld: &[Value]) -> Option<String> {
    let name = |v: &Value| match v {
        Value::String(s) => Some(s.clone()),
        Value::Object(o) => o.get("name").and_then(Value::as_str).map(str::to_string),
        _ => None,
    };
    ld_objects(ld).into_iter().find_map(|o| {
        let names: Vec<String> = match o.get("author")? {
            Value::Array(a) => a.iter().filter_map(name).collect(),
            v => name(v).into_iter().collect(),
        };
        let names: Vec<String> = names
            .iter()
            .map(|n| line(n))
            .filter(|n| !n.is_empty())
            .collect();
        (!names.is_empty()).then(|| names.join(", "))
    })
}
