import gzip
import json
import os

from relata.errors import InputError, MalformedInputError, TooLargeError
from relata.ingest import RawDocument, read_inputs

ARTICLE = "Kenya and Tanzania signed a border trade agreement in Arusha on Monday, officials said.\n"


def _split(items):
    docs = [i for i in items if isinstance(i, RawDocument)]
    errors = [i for i in items if isinstance(i, InputError)]
    return docs, errors


def test_directory_recursion_glob_and_missing(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text(ARTICLE)
    (tmp_path / "a" / "b").mkdir()
    (tmp_path / "a" / "b" / "two.txt").write_text(ARTICLE.replace("Monday", "Friday"))
    docs, errors = _split(list(read_inputs([str(tmp_path / "a"), str(tmp_path / "missing.txt")])))
    assert [os.path.basename(d.source) for d in docs] == ["one.txt", "two.txt"]
    assert len(errors) == 1 and "missing.txt" in str(errors[0]) and "no such file" in errors[0].reason
    docs, errors = _split(list(read_inputs([str(tmp_path / "a" / "**" / "*.txt")])))
    assert len(docs) == 2 and not errors


def test_symlink_loop_ends(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "x.txt").write_text(ARTICLE)
    os.symlink(tmp_path / "d", tmp_path / "d" / "loop")
    docs, errors = _split(list(read_inputs([str(tmp_path / "d")])))
    assert len(docs) == 1 and not errors


def test_jsonl_malformed_line_reported_with_number_others_kept(tmp_path):
    lines = [
        json.dumps({"title": "One", "url": "https://example.org/1", "published": "2024-02-01", "text": ARTICLE}),
        '{"title": "broken", "text": ',
        json.dumps({"headline": "Three", "date": "March 3, 2024", "body": ARTICLE}),
        json.dumps({"title": "No body"}),
    ]
    path = tmp_path / "wire.jsonl"
    path.write_text("\n".join(lines) + "\n")
    docs, errors = _split(list(read_inputs([str(path)])))
    assert [d.title for d in docs] == ["One", "Three"]
    assert docs[0].source == "https://example.org/1" and docs[0].published == "2024-02-01"
    assert docs[1].source == f"{path}:3" and docs[1].published == "March 3, 2024"
    assert isinstance(errors[0], MalformedInputError) and errors[0].line == 2
    assert str(errors[0]).startswith(f"{path}:2: ")
    assert errors[1].line == 4


def test_rss_and_gzip(tmp_path):
    rss = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Example Wire</title>
    <item><title>Trade &amp; talks</title><link>https://example.org/t</link>
    <pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate><description><![CDATA[<p>{ARTICLE}</p>]]></description></item>
    </channel></rss>"""
    (tmp_path / "feed.xml").write_text(rss)
    (tmp_path / "story.txt.gz").write_bytes(gzip.compress(ARTICLE.encode()))
    docs, errors = _split(list(read_inputs([str(tmp_path)])))
    assert not errors
    feed = next(d for d in docs if d.url)
    assert (feed.title, feed.outlet, feed.published, feed.kind) == ("Trade & talks", "Example Wire", "2024-03-05", "html")
    gz = next(d for d in docs if d.source.endswith(".gz"))
    assert gz.body == ARTICLE and gz.kind == "text"


def test_html_sniffed_despite_txt_extension(tmp_path):
    page = "<!DOCTYPE html><html><head><title>T</title></head><body><p>" + ARTICLE + "</p></body></html>"
    (tmp_path / "page.txt").write_text(page)
    (docs, _) = _split(list(read_inputs([str(tmp_path / "page.txt")])))
    assert docs[0].kind == "html"


def test_max_bytes(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text(ARTICLE * 100)
    items = list(read_inputs([str(path)], max_bytes=500))
    assert isinstance(items[0], TooLargeError) and "big.txt" in str(items[0])
