"""The bad-input battery: every hostile input gives a one-line error naming it, or a correct record;
the run goes on; the exit status says whether anything failed; no traceback reaches the user."""

from __future__ import annotations

import codecs
import json
import os
import subprocess
import sys
import time

import pytest
from typer.testing import CliRunner

from relata.cli import app
from relata.errors import UnreadableInputError
from relata.ingest import RawDocument, read_inputs

runner = CliRunner()
GOOD = "Ghana and Togo agreed on Tuesday to reopen their border, the Ghanaian government said.\n"
CHINESE = "中国外交部发言人周二表示，双方将继续加强经贸合作，推动两国关系发展。俄罗斯总统普京将于下月访问北京。\n" * 4
# The same news in traditional characters, for Big5.
TRADITIONAL = "中國外交部發言人週二表示，雙方將繼續加強經貿合作，推動兩國關係發展。俄羅斯總統普京將於下月訪問北京。\n" * 4


def _extract(*paths, extra=()):
    result = runner.invoke(app, ["extract", *map(str, paths), *extra])
    records = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    errors = [line for line in result.stderr.splitlines() if line.strip()]
    assert "Traceback" not in result.stderr
    return result.exit_code, records, errors


def _one_error_line(errors, path, word):
    matching = [e for e in errors if e.startswith(f"relata: {path}")]
    assert len(matching) == 1, errors
    assert word in matching[0].lower(), matching[0]


@pytest.mark.parametrize(
    "name, data, word",
    [
        ("image.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "binary"),
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n\t \r\n ", "whitespace"),
        ("nul.txt", b"Officials met\x00\x00\x00 in Accra" * 20, "binary"),
        ("archive.zip", b"PK\x03\x04" + bytes(100), "binary"),
        ("script.html", b"<html><head><script>var a=1;</script><style>p{}</style></head><body>"
                        b"<script>alert(1)</script></body></html>", "no article text"),
    ],
)
def test_refused_with_one_line_and_others_processed(tmp_path, name, data, word):
    bad = tmp_path / name
    bad.write_bytes(data)
    good = tmp_path / "good.txt"
    good.write_text(GOOD)
    code, records, errors = _extract(bad, good)
    assert code == 1
    assert [r["source"] for r in records] == [str(good)]
    _one_error_line(errors, bad, word)


@pytest.mark.parametrize(
    "data",
    [
        codecs.BOM_UTF16_LE + GOOD.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + GOOD.encode("utf-16-be"),
        GOOD.replace("Ghana", "Ghâna").encode("cp1252"),
        GOOD.replace("\n", "\r\n").encode() + b"Second line.\rThird line.\n",
        GOOD.encode()[:40] + b"\xff\xfe\xfd" + GOOD.encode()[40:],
    ],
    ids=["utf16le", "utf16be", "cp1252", "mixed-newlines", "invalid-utf8"],
)
def test_decodable_inputs_give_records(tmp_path, data, record_validator):
    path = tmp_path / "in.txt"
    path.write_bytes(data)
    code, records, errors = _extract(path)
    assert code == 0 and not errors and len(records) == 1
    record_validator(records[0])
    assert "\r" not in records[0]["text"] and "agreed on Tuesday" in records[0]["text"]


@pytest.mark.parametrize("encoding", ["gb18030", "big5"])
def test_chinese_encodings(tmp_path, encoding):
    text = CHINESE if encoding == "gb18030" else TRADITIONAL
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    code, records, errors = _extract(path)
    assert code == 0 and records[0]["language"] == "zh"
    assert records[0]["text"].split("\n")[0] == text.split("\n")[0]
    assert records[0]["warnings"]


def test_huge_file_refused_fast_by_max_bytes(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        block = (GOOD * 1000).encode()
        while handle.tell() < 50 * 1024 * 1024:
            handle.write(block)
    started = time.perf_counter()
    code, records, errors = _extract(path)
    assert time.perf_counter() - started < 10
    assert code == 1 and not records
    _one_error_line(errors, path, "max-bytes")


def test_malformed_and_nested_html_do_not_crash(tmp_path):
    nested = tmp_path / "nested.html"
    nested.write_text("<html><body>" + "<div>" * 20000 + "<p>" + GOOD + "</p>" + "</div>" * 20000 + "</body></html>")
    broken = tmp_path / "broken.html"
    broken.write_text("<html><body><p>" + GOOD + "<p><b><i>Talks continue on Friday.</p></table></span><div")
    code, records, errors = _extract(nested, broken)
    assert code == 0, errors
    assert all("agreed on Tuesday" in r["text"] for r in records) and len(records) == 2


def test_jsonl_bad_line_in_the_middle(tmp_path):
    path = tmp_path / "wire.jsonl"
    path.write_text(
        json.dumps({"title": "A", "text": GOOD}) + "\n{not json\n" + json.dumps({"title": "B", "text": GOOD + " More."}) + "\n"
    )
    code, records, errors = _extract(path)
    assert code == 1 and [r["title"] for r in records] == ["A", "B"]
    assert errors == [f"relata: {path}:2: malformed JSON line (Expecting property name enclosed in double quotes)"]


def test_rss_with_odd_entities(tmp_path):
    path = tmp_path / "feed.xml"
    path.write_text(
        """<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Wire &amp; Co</title>
        <item><title>Talks &#8220;resume&#8221; &nbsp;in Accra</title><link>https://example.org/a?x=1&amp;y=2</link>
        <description>&lt;p&gt;""" + GOOD + """ The ministers&#x2019; statement followed.&lt;/p&gt;</description></item>
        </channel></rss>"""
    )
    code, records, errors = _extract(path)
    assert code == 0 and len(records) == 1, errors
    assert records[0]["title"].startswith("Talks “resume”")
    assert "ministers’ statement" in records[0]["text"]


def test_symlink_loop(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.txt").write_text(GOOD)
    os.symlink(tmp_path / "d", tmp_path / "d" / "loop")
    code, records, errors = _extract(tmp_path / "d")
    assert code == 0 and len(records) == 1


def test_unreadable_file(tmp_path, monkeypatch):
    path = tmp_path / "secret.txt"
    path.write_text(GOOD)
    real_open = open

    def guarded_open(file, *args, **kwargs):
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied")
        return real_open(file, *args, **kwargs)

    # As root, file modes do not stop reading; simulate what a user without access meets.
    monkeypatch.setattr("builtins.open", guarded_open)
    items = list(read_inputs([str(path)]))
    assert isinstance(items[0], UnreadableInputError) and items[0].reason == "permission denied"


def test_file_disappearing_mid_run(tmp_path):
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(GOOD)
    second.write_text(GOOD + " Again.")
    items = read_inputs([str(tmp_path)])
    assert isinstance(next(items), RawDocument)
    second.unlink()
    rest = list(items)
    assert len(rest) == 1 and isinstance(rest[0], UnreadableInputError) and "removed" in rest[0].reason


@pytest.mark.slow
def test_long_line_without_punctuation_stays_linear(tmp_path):
    words = "ministers met officials from several countries to discuss trade and water rights "
    small, big = tmp_path / "small.txt", tmp_path / "big.txt"
    small.write_text((words * 4000)[:250_000])
    big.write_text((words * 16000)[:1_000_000])
    timings = []
    for path in (small, big):
        started = time.perf_counter()
        code, records, _ = _extract(path)
        timings.append(time.perf_counter() - started)
        assert code == 0 and len(records) == 1
    # Four times the text may take about four times as long, never sixteen (quadratic).
    assert timings[1] < 8 * timings[0] + 2, timings


def test_internal_error_is_one_line_without_traceback(tmp_path):
    # A real subprocess: main() turns an unexpected exception into one line unless --debug.
    env = {**os.environ, "RELATA_TEST_CRASH": "1"}
    code = (
        "import sys, relata.cli as c, relata.cli.corpus_commands as cc\n"
        "def boom(*a, **k): raise RuntimeError('boom')\n"
        "cc.__dict__['json'] = type('J', (), {'dumps': staticmethod(boom)})\n"
        "sys.argv = ['relata'] + sys.argv[1:]\n"
        "c.main()\n"
    )
    path = tmp_path / "a.txt"
    path.write_text(GOOD)
    plain = subprocess.run([sys.executable, "-c", code, "extract", str(path)], capture_output=True, text=True, env=env)
    assert plain.returncode == 1 and "Traceback" not in plain.stderr
    assert "relata: internal error: RuntimeError: boom" in plain.stderr
    debug = subprocess.run([sys.executable, "-c", code, "--debug", "extract", str(path)], capture_output=True,
                           text=True, env=env)
    assert debug.returncode != 0 and "Traceback" in debug.stderr
