"""Bytes to text: byte-order marks first, then strict UTF-8, then charset-normalizer's guess."""

from __future__ import annotations

import codecs
import gzip
import zlib

from charset_normalizer import from_bytes

from relata.errors import BinaryInputError, DecodingError, EmptyInputError, TooLargeError

GZIP_MAGIC = b"\x1f\x8b"
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Magic numbers of common binary formats met in scraped folders.
_BINARY_MAGIC = (
    b"%PDF", b"PK\x03\x04", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"\x7fELF", b"BZh",
    b"\xfd7zXZ", b"Rar!", b"7z\xbc\xaf", b"OggS", b"ID3", b"RIFF", b"\x00asm", b"SQLite format 3",
)
_WESTERN_LOOKALIKES = {
    "cp1250", "cp1257", "cp775", "cp850", "cp437", "cp858", "latin_1", "iso8859_2", "iso8859_15",
    "iso8859_13", "iso8859_4", "mac_roman", "mac_latin2", "cp1254", "iso8859_9",
}
_CONTROL = set(range(0, 32)) - {9, 10, 12, 13}


def gunzip(source: str, data: bytes, max_bytes: int) -> bytes:
    """Decompress gzip data, refusing output over ``max_bytes`` (a gzip bomb stays bounded)."""
    decomp = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = decomp.decompress(data, max_bytes + 1)
    except zlib.error as exc:
        raise DecodingError(source, f"corrupt gzip data ({exc})") from None
    if len(out) > max_bytes:
        raise TooLargeError(source, f"larger than {max_bytes} bytes once decompressed")
    return out


def decode(source: str, data: bytes) -> str:
    """The text of ``data``; raises a specific :class:`InputError` when there is none."""
    if not data.strip():
        raise EmptyInputError(source, "empty file" if not data else "only whitespace")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _check_text(source, data[len(bom):].decode(encoding))
            except UnicodeDecodeError as exc:
                raise DecodingError(source, f"invalid {encoding} after its byte-order mark ({exc.reason})") from None
    if data.startswith(_BINARY_MAGIC) or data.startswith(GZIP_MAGIC):
        raise BinaryInputError(source, "binary file (not text)")
    utf16 = _bomless_utf16(data)
    if utf16:
        return _check_text(source, data.decode(utf16))
    if b"\x00" in data[:4096]:
        raise BinaryInputError(source, "binary file (contains NUL bytes)")
    try:
        return _check_text(source, data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    matches = from_bytes(data[:200_000])
    best = matches.best()
    if best is None or best.encoding is None:
        raise DecodingError(source, "cannot decode: not UTF-8 and no other encoding fits")
    encoding = best.encoding
    # Short Latin texts fit several single-byte code pages equally well; on the web, Windows-1252
    # is by far the most common of them (HTML5 even reads latin-1 labels as it).
    if encoding in _WESTERN_LOOKALIKES and any(m.encoding == "cp1252" for m in matches):
        encoding = "cp1252"
    try:
        return _check_text(source, data.decode(encoding))
    except (UnicodeDecodeError, LookupError):
        raise DecodingError(source, f"cannot decode as {encoding}") from None


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM shows as NUL in every other byte for Latin text."""
    sample = data[:2000]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0) / (len(sample) / 2)
    odd = sample[1::2].count(0) / (len(sample) / 2)
    if odd > 0.4 and even < 0.05:
        return "utf-16-le"
    if even > 0.4 and odd < 0.05:
        return "utf-16-be"
    return None


def _check_text(source: str, text: str) -> str:
    if not text.strip():
        raise EmptyInputError(source, "only whitespace")
    sample = text[:4096]
    controls = sum(1 for ch in sample if ord(ch) in _CONTROL)
    if controls > max(8, len(sample) // 50):
        raise BinaryInputError(source, "binary file (too many control characters)")
    return text


__all__ = ["decode", "gunzip", "GZIP_MAGIC", "gzip"]
