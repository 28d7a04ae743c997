//! JSON Feed before feed-rs: the small departures from the spec that feed-rs refuses a whole
//! feed over are evened out (a `http://` version URL, a missing feed title, numeric item ids).
//! Text in, text out; anything that is not a JSON object is passed on for feed-rs to refuse.

use serde_json::Value;

/// `text` with the departures fixed (unchanged when there are none or it is no object).
pub fn normalise(text: &str) -> String {
    let Ok(Value::Object(mut feed)) = serde_json::from_str::<Value>(text) else {
        return text.to_string();
    };
    let mut changed = false;
    if let Some(Value::String(version)) = feed.get_mut("version")
        && let Some(rest) = version.strip_prefix("http://jsonfeed.org/")
    {
        *version = format!("https://jsonfeed.org/{rest}");
        changed = true;
    }
    if !feed.contains_key("title") && feed.contains_key("items") {
        feed.insert("title".into(), Value::String(String::new()));
        changed = true;
    }
    if let Some(Value::Array(items)) = feed.get_mut("items") {
        for item in items.iter_mut().filter_map(Value::as_object_mut) {
            if let Some(id @ Value::Number(_)) = item.get_mut("id") {
                *id = Value::String(id.to_string());
                changed = true;
            }
        }
    }
    if !changed {
        return text.to_string();
    }
    serde_json::to_string(&Value::Object(feed)).unwrap_or_else(|_| text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_title_and_ids() {
        let fixed = normalise(
            r#"{"version":"http://jsonfeed.org/version/1","items":[{"id":7,"title":"a"}]}"#,
        );
        let v: Value = serde_json::from_str(&fixed).unwrap();
        assert_eq!(v["version"], "https://jsonfeed.org/version/1");
        assert_eq!(v["title"], "");
        assert_eq!(v["items"][0]["id"], "7");
        let fine = r#"{"version":"https://jsonfeed.org/version/1.1","title":"t","items":[]}"#;
        assert_eq!(normalise(fine), fine);
        assert_eq!(normalise("[1]"), "[1]");
    }
}
