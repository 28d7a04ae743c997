//! Deterministic synthetic inputs for the micro-benchmarks: an agency-style RSS feed and a long
//! article. Owns test data only; must not read files or touch chmon's modules.

/// xorshift64*: a tiny deterministic generator (quality is irrelevant here, repeatability is not).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) as usize % n
    }

    pub fn pick<'a>(&mut self, words: &[&'a str]) -> &'a str {
        words[self.below(words.len())]
    }
}

const PLACES: &[&str] = &[
    "У Чернігові",
    "На Ніжинщині",
    "У Прилуках",
    "У Новгороді-Сіверському",
    "У Козельці",
    "У Мені",
    "У Бахмачі",
    "У Сновську",
];
const EVENTS: &[&str] = &[
    "відремонтували міст через Десну",
    "відкрили укриття в гімназії",
    "відновили подачу світла після обстрілу",
    "затримали шахраїв, які продавали «гуманітарку»",
    "ухвалили бюджет громади на наступний рік",
    "запустили новий маршрут тролейбуса",
    "евакуювали мешканців прикордонних сіл",
];
const AFTER: &[&str] = &[
    "за кошти партнерів",
    "вперше за десять років",
    "після звернень мешканців",
    "попри повітряні тривоги",
    "за рішенням сесії міськради",
];
const SENTENCES: &[&str] = &[
    "Про це повідомили в пресслужбі обласної військової адміністрації.",
    "Роботи тривали кілька тижнів і завершилися раніше строку.",
    "Мешканців просять стежити за офіційними повідомленнями.",
    "Рятувальники нагадують: під час тривоги слід перебувати в укритті.",
    "Детальніше про порядок подання заяв — у ЦНАПі або в застосунку «Дія».",
    "Поліцейські відкрили кримінальне провадження, триває розслідування.",
];

/// A headline of 60–120 characters.
fn title(rng: &mut Rng) -> String {
    let mut t = format!("{} {}", rng.pick(PLACES), rng.pick(EVENTS));
    while t.chars().count() < 60 {
        t.push(' ');
        t.push_str(rng.pick(AFTER));
    }
    t.chars().take(120).collect()
}

/// One paragraph with entities, and every third one with a link and an emoji reference.
fn paragraph(rng: &mut Rng, id: usize, n: usize) -> String {
    let mut p = String::from("<p>");
    for _ in 0..2 + rng.below(3) {
        p.push_str(rng.pick(SENTENCES));
        p.push(' ');
    }
    if n % 2 == 1 {
        p.push_str(
            "&laquo;Це важливий крок для громади&raquo;,&nbsp;&mdash; наголосив посадовець.",
        );
    }
    if n % 3 == 2 {
        let to = id.saturating_sub(1 + rng.below(900));
        p.push_str(&format!(
            " <a href=\"/ua/society/{to}\">Читайте також</a> &amp; &#128314;"
        ));
    }
    p.push_str("</p>");
    p
}

/// HTML of at least `min` bytes (UTF-8), image near the top.
pub fn body(rng: &mut Rng, id: usize, min: usize) -> String {
    let mut html =
        format!("<p>Матеріал №{id}.</p><p><img src=\"/i/news/{id}.jpg\" alt=\"Фото\"></p>");
    let mut n = 0;
    while html.len() < min {
        html.push_str(&paragraph(rng, id, n));
        n += 1;
    }
    html
}

/// RFC 822 date `minutes_back` before 20 Nov 2026 18:00 Kyiv winter time (+0200).
fn rfc822(minutes_back: usize) -> String {
    use chrono::{Duration, FixedOffset, TimeZone};
    let kyiv = FixedOffset::east_opt(2 * 3600).expect("a valid offset");
    let newest = kyiv.with_ymd_and_hms(2026, 11, 20, 18, 0, 0).unwrap();
    (newest - Duration::minutes(minutes_back as i64)).to_rfc2822()
}

/// An RSS 2.0 feed of `count` items in the agency's order (no guid), as UTF-8 text.
pub fn feed(count: usize, seed: u64) -> String {
    let mut rng = Rng::new(seed);
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"windows-1251\"?>\n<rss version=\"2.0\" \
         xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">\n<channel>\n\
         <title>Інформ-агенція «Чернігівський монітор»: Публикации</title>\n\
         <link>http://monitor.cn.ua/</link>\n",
    );
    for i in 0..count {
        let id = 4_200_000 - i;
        let min = 1024 + rng.below(2048);
        out.push_str(&format!(
            "<item>\n<title>{}</title>\n<link>http://monitor.cn.ua/ua/society/{id}</link>\n\
             <description>{} {}.</description>\n<category>Суспільство</category>\n\
             <pubDate>{}</pubDate>\n<content:encoded><![CDATA[{}]]></content:encoded>\n</item>\n",
            title(&mut rng),
            rng.pick(PLACES),
            rng.pick(EVENTS),
            rfc822(i * 7),
            body(&mut rng, id, min)
        ));
    }
    out.push_str("</channel>\n</rss>\n");
    out
}

/// Encodes to windows-1251; characters it lacks (the emoji) become `&#NNN;` references.
pub fn to_cp1251(text: &str) -> Vec<u8> {
    let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(text);
    bytes.into_owned()
}
