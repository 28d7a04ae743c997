#!/usr/bin/env python3
"""Builds chmon's built-in zstd dictionary (assets/zstd-uk-news-1.dict) from our own fixtures:
the article bodies of the demo feed and the agency feed fixtures, and the paragraphs of the
agency-style and Ukrainian pages of the extraction corpus. Never from the benchmark's generated
feeds. Owns only this build step; needs the `zstd` command-line tool (apt-get install -y zstd).

The dictionary a cache was written with must stay readable forever: never rebuild this file in
place. A new dictionary gets a new file, a new dictionary id and a new blob tag in store/codec.

Usage: make_dict.py [OUT]   (default: assets/zstd-uk-news-1.dict next to this script's repo)
"""

import glob
import html
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DICT_ID = 0x63686D31  # "chm1"
MAX_SIZE = 16384
BODY = re.compile(r"<(yandex:full-text|content:encoded|description)>(.*?)</\1>", re.S)
PARAGRAPH = re.compile(r"<p[ >].*?</p>", re.S)


def feed_bodies():
    feeds = [os.path.join(ROOT, "assets/demo-feed.xml")]
    feeds += sorted(glob.glob(os.path.join(ROOT, "tests/fixtures/feed/agency*.xml")))
    for path in feeds:
        text = open(path, "rb").read().decode("cp1251", "replace")
        for _, body in BODY.findall(text):
            body = body.replace("<![CDATA[", "").replace("]]>", "")
            yield html.unescape(body) if "&lt;" in body else body


def page_paragraphs():
    pattern = os.path.join(ROOT, "tests/fixtures/extract/pages/{}*.html")
    pages = sorted(glob.glob(pattern.format("agency")) + glob.glob(pattern.format("uk")))
    for path in pages:
        text = open(path, "rb").read().decode("utf-8", "replace")
        paragraphs = PARAGRAPH.findall(text)
        yield from (p for p in paragraphs if len(p) > 300)
        joined = "".join(paragraphs)
        yield from (joined[i:i + 2000] for i in range(0, len(joined), 2000))


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "assets/zstd-uk-news-1.dict")
    with tempfile.TemporaryDirectory() as samples:
        count = 0
        for sample in [*feed_bodies(), *page_paragraphs()]:
            if len(sample) > 300:
                with open(os.path.join(samples, f"{count:04}.html"), "w", encoding="utf-8") as f:
                    f.write(sample)
                count += 1
        files = sorted(glob.glob(os.path.join(samples, "*.html")))
        subprocess.run(["zstd", "-q", "--train", *files, "-o", out, f"--maxdict={MAX_SIZE}",
                        f"--dictID={DICT_ID}"], check=True)
    print(f"{out}: {os.path.getsize(out)} bytes from {count} samples")


if __name__ == "__main__":
    main()
