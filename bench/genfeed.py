#!/usr/bin/env python3
"""Synthetic agency-style RSS feeds for the benchmark. Owns only feed generation: no IO but the output file.

Usage: genfeed.py COUNT OUT.xml [--seed N] [--encoding windows-1251|utf-8] [--meta OUT.json]

The feed imitates «Чернігівський монітор»: RSS 2.0, items in the agency's order (title, link,
description = a one-sentence lead, category, pubDate with the Kyiv offset +0200/+0300, then the body),
no <guid> (the link is the identity). The body (1-3 KB of UTF-8 HTML with <p>, <a>, <img>, named and
numeric entities, an emoji as &#128314;) sits in <content:encoded> inside CDATA, where both chmon and
newsboat read it. Item i depends only on (seed, i), so a smaller feed is a prefix of a larger one.
--meta writes what the TUI rows poll for: the newest title and the marker "№<id>" that only the
newest item's body holds (one word, so no terminal wrap can split it).
"""

import argparse
import datetime as dt
import json
import random
import sys
from xml.sax.saxutils import escape

PLACES = [
    "у Чернігові", "на Ніжинщині", "у Прилуках", "в Новгороді-Сіверському", "на Корюківщині",
    "у Бахмачі", "в Козельці", "у Мені", "в Острі", "у Семенівці", "в Городні", "у Сновську",
    "у Носівці", "в Ічні", "у Борзні", "у Сосниці", "на Прилуччині", "у Варві", "в Олишівці",
]
PREDICATES = [
    "відремонтували міст через Десну", "відкрили укриття в ліцеї №3", "перекрили водогін на вулиці Шевченка",
    "облаштували пункт незламності біля ринку", "запустили нову лінію тролейбуса",
    "ухвалили бюджет громади на наступний рік", "запровадили тимчасові правила руху вантажівок",
    "збудували дитячий майданчик у сквері", "відновили підстанцію після удару дронів",
    "знешкодили вибухонебезпечні предмети в лісі", "змінили графік подачі світла",
    "затримали шахраїв, які продавали «гуманітарку»", "розпочали реконструкцію стадіону імені Гагаріна",
    "оновили поліклініку на Бобровиці", "передали фермерам зерносховище",
    "показали колекцію козацьких старожитностей", "створили мобільну бригаду медиків",
    "провели ярмарок вихідного дня", "нагородили рятувальників за порятунок дітей",
    "евакуювали мешканців прикордонних сіл", "обговорили перейменування вулиць",
]
AFTER = [
    "після тривалої перерви", "за кошти міжнародних партнерів", "вперше за десять років",
    "попри тривоги", "до кінця тижня", "за рішенням сесії", "після звернень мешканців",
    "у рамках програми відновлення", "на прохання громади", "за підтримки волонтерів",
]
TAILS = ["", "", ": подробиці", " — фото", " — відео", " (оновлено)", ": що відомо", " — коментар"]
SECTIONS = ["society", "politics", "economy", "incidents", "culture", "sport", "region"]
CATEGORIES = ["Суспільство", "Політика", "Економіка", "Події", "Культура", "Спорт", "Регіон",
              "Стиль", "Происшествия"]
OPENERS = [
    "Про це повідомили в пресслужбі обласної військової адміністрації",
    "Роботи тривали кілька тижнів і завершилися раніше запланованого строку",
    "Інформацію підтвердили в міській раді та в управлінні капітального будівництва",
    "Напередодні депутати погодили виділення коштів із резервного фонду",
    "Як розповіли кореспонденту агенції мешканці, проблема існувала кілька років",
    "Слідчі встановлюють усіх причетних і перевіряють інші епізоди",
    "У громаді наголошують, що рішення ухвалювали після громадських слухань",
    "Фахівці обстежили об’єкт і склали перелік першочергових робіт",
]
SENTENCES = [
    "За словами начальника управління, кошти передбачені в бюджеті на поточний рік.",
    "Мешканців просять стежити за офіційними повідомленнями та не поширювати чутки.",
    "Підрядник має завершити роботи до початку опалювального сезону.",
    "Рятувальники нагадують: під час повітряної тривоги слід перебувати в укритті.",
    "Раніше аналогічні роботи провели в сусідніх громадах області.",
    "Місцеві підприємці кажуть, що чекали на це рішення понад рік.",
    "Поліцейські відкрили кримінальне провадження, триває досудове розслідування.",
    "Детальніше про порядок подання заяв можна дізнатися в ЦНАПі або в застосунку «Дія».",
    "У відомстві додали, що остаточні результати оприлюднять після перевірки.",
    "Волонтери вже збирають кошти на обладнання для місцевої лікарні.",
]
QUOTES = [
    "Ми робимо все, щоб люди мали світло, тепло і воду",
    "Жодне рішення не ухвалюватимемо без громади",
    "Це важливий крок для відновлення Чернігівщини",
]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
NEWEST_UTC = dt.datetime(2026, 11, 20, 16, 5, 0, tzinfo=dt.timezone.utc)
FIRST_ID = 4_200_000


def last_sunday(year, month):
    """The last Sunday of a month (the EU/Ukrainian DST switch days)."""
    day = dt.date(year, month + 1, 1) - dt.timedelta(days=1)
    return day - dt.timedelta(days=(day.weekday() + 1) % 7)


def kyiv_offset_hours(utc):
    """+3 in summer time (last Sunday of March 01:00 UTC to last Sunday of October 01:00 UTC), else +2."""
    start = dt.datetime.combine(last_sunday(utc.year, 3), dt.time(1), dt.timezone.utc)
    end = dt.datetime.combine(last_sunday(utc.year, 10), dt.time(1), dt.timezone.utc)
    return 3 if start <= utc < end else 2


def rfc822(utc):
    hours = kyiv_offset_hours(utc)
    t = utc + dt.timedelta(hours=hours)
    return "%s, %02d %s %d %02d:%02d:%02d +0%d00" % (
        DAYS[t.weekday()], t.day, MONTHS[t.month - 1], t.year, t.hour, t.minute, t.second, hours)


def upper_first(text):
    return text[:1].upper() + text[1:]


def title(rng):
    """A Cyrillic headline of 60-120 characters."""
    text = "%s %s" % (upper_first(rng.choice(PLACES)), rng.choice(PREDICATES))
    goal = rng.randint(60, 120)
    for extra in rng.sample(AFTER, 3):
        if len(text) + 1 + len(extra) <= goal:
            text += " " + extra
    while len(text) < 60:
        text += " " + rng.choice(AFTER)
    tail = rng.choice(TAILS)
    if len(text) + len(tail) <= 120:
        text += tail
    return text if len(text) <= 120 else text[:119].rstrip() + "…"


def paragraph(rng, item_id, n):
    """One <p> of the body; alternates quotes, links and plain prose."""
    words = [rng.choice(SENTENCES) for _ in range(rng.randint(2, 4))]
    if n % 2 == 1:
        words.append("&laquo;%s&raquo;,&nbsp;&mdash; наголосив посадовець." % rng.choice(QUOTES))
    if n % 3 == 2:
        words.append('<a href="/ua/%s/%d">Читайте також</a> &amp; <a href="https://t.me/monitor_cn">'
                     "наш Telegram</a> &#128314;." % (rng.choice(SECTIONS), item_id - rng.randint(1, 900)))
    return "<p>" + " ".join(words) + "</p>"


def body(rng, item_id, opener):
    """1-3 KB (UTF-8) of HTML; starts with `opener` so a TUI row can poll for it."""
    goal = rng.randint(1024, 3072)
    parts = ["<p>%s.</p>" % opener,
             '<p><img src="/i/news/%d.jpg" alt="Фото: Чернігівський монітор" width="600"></p>' % item_id]
    size = sum(len(p.encode()) for p in parts)
    n = 0
    while size < goal:
        p = paragraph(rng, item_id, n)
        if size + len(p.encode()) > 3072:
            break
        parts.append(p)
        size += len(p.encode())
        n += 1
    return "".join(parts)


def item(seed, i):
    """(title, link, lead, category, body, opener) of item i (0 = newest)."""
    rng = random.Random(seed * 7919 + i)
    item_id = FIRST_ID - i
    head = title(rng)
    lead = "%s %s." % (upper_first(rng.choice(PLACES)), rng.choice(PREDICATES))
    opener = "%s (матеріал №%d)" % (rng.choice(OPENERS), item_id)
    link = "http://monitor.cn.ua/ua/%s/%d" % (rng.choice(SECTIONS), item_id)
    return head, link, lead, rng.choice(CATEGORIES), body(rng, item_id, opener), opener


def build(count, seed, encoding):
    """The whole feed as text (to be encoded with `encoding`), and the meta for the TUI rows."""
    out = ['<?xml version="1.0" encoding="%s"?>\n' % encoding,
           '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"'
           ' xmlns:yandex="http://news.yandex.ru">\n<channel>\n',
           "<title>Інформ-агенція «Чернігівський монітор»: Публикации</title>\n",
           "<link>http://monitor.cn.ua/</link>\n<description>Новини Чернігівщини</description>\n",
           "<image><url>http://monitor.cn.ua/i/sm-logo.png</url><title>Чернігівський монітор</title>"
           "<link>http://monitor.cn.ua/</link></image>\n"]
    when = NEWEST_UTC
    dates = random.Random(seed)
    meta = {}
    for i in range(count):
        head, link, lead, category, html, opener = item(seed, i)
        if i == 0:
            meta = {"title": head, "marker": "№%d" % FIRST_ID, "count": count}
        out.append("<item>\n<title>%s</title>\n<link>%s</link>\n<description>%s</description>\n"
                   "<category>%s</category>\n<pubDate>%s</pubDate>\n<yandex:genre>article</yandex:genre>\n"
                   "<content:encoded><![CDATA[%s]]></content:encoded>\n</item>\n"
                   % (escape(head), link, escape(lead), category, rfc822(when), html))
        when -= dt.timedelta(minutes=dates.randint(3, 25), seconds=dates.choice([0, 0, 17, 41]))
    out.append("</channel>\n</rss>\n")
    return "".join(out), meta


def main(argv):
    ap = argparse.ArgumentParser(description="Deterministic agency-style RSS feed generator")
    ap.add_argument("count", type=int)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=1251)
    ap.add_argument("--encoding", default="windows-1251")
    ap.add_argument("--meta", help="write the newest title and body opener as JSON here")
    a = ap.parse_args(argv)
    text, meta = build(a.count, a.seed, a.encoding)
    with open(a.out, "wb") as f:
        f.write(text.encode(a.encoding, errors="xmlcharrefreplace"))
    if a.meta:
        with open(a.meta, "w", encoding="utf-8") as f:
            json.dump(meta, f, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
