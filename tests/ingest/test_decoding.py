import codecs

import pytest

from relata.errors import BinaryInputError, DecodingError, EmptyInputError, TooLargeError
from relata.ingest.decoding import decode, gunzip

TEXT = "Minister Zoë Müller said the “talks” in Zürich went well — très bien."


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        TEXT.encode("utf-16-le"),
        TEXT.encode("cp1252"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf16le-nobom", "cp1252"],
)
def test_decodes_common_encodings(data):
    assert decode("x.txt", data) == TEXT


def test_decodes_gb18030_chinese():
    text = "中国外交部发言人周二表示，双方将继续加强经贸合作，推动两国关系发展。" * 3
    assert decode("zh.txt", text.encode("gb18030")) == text


@pytest.mark.parametrize("data", [b"", b"   \n\t  \n"])
def test_empty_and_whitespace_are_refused(data):
    with pytest.raises(EmptyInputError) as info:
        decode("empty.txt", data)
    assert "empty.txt" in str(info.value)


@pytest.mark.parametrize(
    "data", [b"\x89PNG\r\n\x1a\n" + bytes(range(256)), b"%PDF-1.7\n...", b"abc\x00\x01\x02def" * 50]
)
def test_binary_is_refused(data):
    with pytest.raises(BinaryInputError):
        decode("blob.bin", data)


def test_invalid_bytes_after_bom_name_the_encoding():
    with pytest.raises(DecodingError, match="utf-8"):
        decode("bad.txt", codecs.BOM_UTF8 + b"ok \xff\xfe\xfa broken")


def test_gzip_output_is_bounded():
    import gzip

    bomb = gzip.compress(b"a" * 200_000)
    assert gunzip("a.gz", bomb, 300_000) == b"a" * 200_000
    with pytest.raises(TooLargeError):
        gunzip("a.gz", bomb, 1000)
