//! Tests of the config file: every key, the feed list, errors that name what is wrong.

use super::*;

#[test]
fn missing_file_is_empty_config() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(
        load(&dir.path().join("none.toml")).unwrap(),
        Config::default()
    );
}

#[test]
fn reads_every_key_and_rejects_unknown_ones() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(
        &path,
        "feed = \"http://x/feed.xml\"\nlang = \"en\"\ntimezone = \"Europe/Kyiv\"\n\
         reading_width = 72\ntimeout_secs = 5\nmax_feed_mb = 2\n",
    )
    .unwrap();
    let config = load(&path).unwrap();
    assert_eq!(config.lang, Some(Lang::En));
    assert_eq!(config.reading_width, Some(72));
    std::fs::write(&path, "colour = \"red\"\n").unwrap();
    let err = load(&path).unwrap_err().to_string();
    assert!(err.contains("colour"), "{err}");
}

#[test]
fn a_feed_list_with_global_defaults_and_errors_that_name_the_entry() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(
        &path,
        "refresh_minutes = 15\nkeep_days = 90\n\n[[feed]]\nurl = \"https://monitor.cn.ua/\"\n\n\
         [[feed]]\nurl = \"https://monitor.cn.ua/news_monitoring.xml\"\nname = \"Моніторинг\"\n\
         section = \"Агенція\"\nfull_text = \"always\"\nrefresh_minutes = 60\nmax_articles = 500\n",
    )
    .unwrap();
    let specs = load(&path).unwrap().feed_specs().unwrap();
    assert_eq!(specs.len(), 2);
    assert_eq!(specs[0].refresh, Duration::from_secs(15 * 60));
    assert_eq!(specs[0].retention.keep_days, Some(90));
    assert_eq!(specs[1].name.as_deref(), Some("Моніторинг"));
    assert_eq!(specs[1].section.as_deref(), Some("Агенція"));
    assert_eq!(specs[1].full_text, FullText::Always);
    assert_eq!(specs[1].refresh, Duration::from_secs(3600));
    assert_eq!(specs[1].retention.max_articles, Some(500));
    for (text, want) in [
        (
            "[[feed]]\nurl = \"x\"\ncolour = 1\n",
            "[[feed]] #1: unknown field `colour`",
        ),
        ("[[feed]]\nname = \"no url\"\n", "missing field `url`"),
        (
            "[[feed]]\nurl = \"x\"\nfull_text = \"sometimes\"\n",
            "sometimes",
        ),
        ("feed = 5\n", "expected a URL, or [[feed]] tables"),
        (
            "[[feed]]\nurl = \"a\"\n[[feed]]\nurl = \"a\"\n",
            "a: listed twice",
        ),
        (
            "refresh_minutes = 0\n",
            "refresh_minutes must be at least 1",
        ),
    ] {
        std::fs::write(&path, text).unwrap();
        let err = load(&path).unwrap_err().to_string();
        assert!(err.contains(want), "{text:?}: {err}");
    }
}

#[test]
fn one_feed_as_before_and_no_feed_means_the_agency() {
    let config: Config = toml::from_str("feed = \"http://x/feed.xml\"\n").unwrap();
    let specs = config.feed_specs().unwrap();
    assert_eq!(specs.len(), 1);
    assert_eq!(specs[0].url, "http://x/feed.xml");
    let none = Config::default().feed_specs().unwrap();
    assert_eq!(none[0].url, DEFAULT_FEED);
}

#[test]
fn the_full_text_policy_follows_the_setting() {
    assert!(FullText::Auto.fetches(true));
    assert!(!FullText::Auto.fetches(false));
    assert!(FullText::Always.fetches(false));
    assert!(!FullText::Never.fetches(true));
}
