//! Author names for display: `email (Name)` and `Name <email>` become `Name`, a bare address
//! stays, several authors are joined with ", " (each once). Pure string work on what feed-rs
//! parsed (it leaves `(Name)` and `mailto:` in place).

use feed_rs::model::Person;

use crate::text::sanitize::clean_line;

/// The display line for `people` (their names, else their addresses), or `None`.
pub fn line(people: &[Person]) -> Option<String> {
    let mut names: Vec<String> = Vec::new();
    for person in people {
        let raw = person
            .name
            .as_deref()
            .filter(|n| !n.trim().is_empty())
            .or(person.email.as_deref())
            .unwrap_or_default();
        let name = display_name(&clean_line(&crate::text::entities::decode_text(raw)));
        if !name.is_empty() && !names.contains(&name) {
            names.push(name);
        }
    }
    (!names.is_empty()).then(|| names.join(", "))
}

/// One author's name from `email (Name)`, `Name <email>`, `Name (email)`, `(Name)` or a name.
pub fn display_name(raw: &str) -> String {
    let raw = raw.trim();
    let no_mailto = |s: &str| s.trim().trim_start_matches("mailto:").trim().to_string();
    if let Some((before, inner)) = raw.strip_suffix(')').and_then(|r| r.rsplit_once('(')) {
        return pick(before, inner, no_mailto);
    }
    if let Some((before, inner)) = raw.strip_suffix('>').and_then(|r| r.rsplit_once('<')) {
        return pick(before, inner, no_mailto);
    }
    no_mailto(raw)
}

/// Of the part outside and inside the brackets, the one that is not an address.
fn pick(outside: &str, inside: &str, clean: impl Fn(&str) -> String) -> String {
    let (outside, inside) = (clean(outside), clean(inside));
    let is_address = |s: &str| s.contains('@') && !s.contains(' ');
    match (
        outside.is_empty(),
        is_address(&outside),
        is_address(&inside),
    ) {
        (true, _, _) => inside,
        (false, true, false) if !inside.is_empty() => inside,
        _ => outside,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_out_of_addresses() {
        for (raw, want) in [
            ("joe@example.com (Joe Bloggs)", "Joe Bloggs"),
            ("Joe Bloggs <joe@example.com>", "Joe Bloggs"),
            ("Joe Bloggs (joe@example.com)", "Joe Bloggs"),
            ("(Joe Bloggs)", "Joe Bloggs"),
            ("<joe@example.com>", "joe@example.com"),
            ("mailto:joe@example.com", "joe@example.com"),
            ("Олена Коваль", "Олена Коваль"),
            ("Team (Kyiv) news", "Team (Kyiv) news"),
        ] {
            assert_eq!(display_name(raw), want, "{raw}");
        }
    }
}
