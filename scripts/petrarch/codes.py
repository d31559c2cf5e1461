"""CAMEO actor codes -> ISO 3166 country, sectors and other parts.

A CAMEO actor code is a string of three-letter parts (CAMEO codebook, ch. 3): first a country,
region or non-state class (``RUS``, ``MEA``, ``IGO``, ``NGO``, ``IMG``, ``MNC``), then role codes
(``GOV``, ``MIL``, ``REB``, ...), religions (``MUS``... in later positions only, ``CHR``,
``JEW``), organisations (``UNO``, ``NAT``, ``WBK``) or, after ``NGO``/``MNC``/``INT``, the country
a body is based in (``MNCUSA``).

The Phoenix dictionaries write countries with ISO 3166-1 alpha-3 codes except for the codes in
``CAMEO_TO_ISO`` below (written to ``cameo_country_codes.tsv`` with the kind of every first part).
"""

from __future__ import annotations

from dataclasses import dataclass

# Role ("sector") codes of the CAMEO codebook, plus PPL (people), used by the agents file.
STATE_SECTORS = ("GOV", "MIL", "COP", "JUD", "LEG", "SPY")
SECTORS = frozenset(STATE_SECTORS + (
    "OPP", "REB", "INS", "SEP", "UAF", "PTY", "AGR", "BUS", "CRM", "CVL", "DEV", "EDU", "ELI",
    "ENV", "HLH", "HRI", "LAB", "MED", "REF", "REL", "MOD", "RAD", "PPL", "SET", "PKO",
    "IGO", "NGO", "NGM", "MNC", "IMG", "UIS",
))
# First parts that are not a state: regions, and classes of non-state actor.
REGIONS = frozenset({"AFR", "ASA", "BLK", "CAS", "CAU", "CFR", "CRB", "EAF", "EEU", "EIN", "EUR",
                     "LAM", "MDT", "MEA", "NAF", "NMR", "PGS", "SAF", "SAM", "SAS", "SCN", "SEA",
                     "WAF", "WEU", "WST"})
NON_STATE = frozenset({"IGO", "NGO", "NGM", "IMG", "MNC", "INT", "UIS", "ELI", "MED",
                       "BUD", "HIN", "MOS", "CHR", "JEW", "BAH"})
# Former ISO 3166-1 alpha-3 codes, kept as they are: the states no longer exist.
FORMER_ISO = {"SUN": "Soviet Union", "YUG": "Yugoslavia", "CSK": "Czechoslovakia",
              "DDR": "German Democratic Republic", "SCG": "Serbia and Montenegro"}
# CAMEO country codes that differ from ISO 3166-1 alpha-3.
CAMEO_TO_ISO = {
    "KSV": ("XKX", "Kosovo: CAMEO KSV; XKX as in Relata's countries table (EU/IMF user code)"),
    "TMP": ("TLS", "East Timor: CAMEO TMP, ISO TLS"),
    "ANG": ("AGO", "Angola: old CAMEO ANG (UNITA), ISO AGO"),
    "FRY": ("YUG", "Federal Republic of Yugoslavia 1992-2003: ISO used YUG for it"),
    "SRP": ("BIH", "Republika Srpska: an entity of Bosnia and Herzegovina"),
    "KRJ": ("HRV", "Republic of Serbian Krajina 1991-1995: on Croatia's territory"),
}
# First parts followed by the country a body or sub-unit belongs to (USRARM: the Armenian SSR).
PREFIXES_BEFORE_COUNTRY = {"USR": "Soviet republic: the country is the republic's code that follows",
                           "FRN": "French territory: the country is the territory's code that follows"}
UNKNOWN = {"KNT": "Kinakuta, TABARI's fictional test country: no country",
           "KKL": "a coder's initials (kkl) where the country should be: no country",
           "---": "CAMEO's null code: not an actor"}


@dataclass(frozen=True)
class ActorCode:
    country: str  # ISO alpha-3 (or former ISO code), "" when none
    sector: str  # the first role part that is a sector, "" when none
    sectors: tuple[str, ...]
    other: tuple[str, ...]  # parts that are neither country nor sector: regions, organisations, religions


def first_part_kind(part: str, iso: frozenset[str]) -> tuple[str, str, str]:
    """(kind, ISO code or "", note) of a code's first three letters."""
    if part in CAMEO_TO_ISO:
        return "mapped", *CAMEO_TO_ISO[part]
    if part in FORMER_ISO:
        return "former_iso", part, f"former ISO 3166-1 code: {FORMER_ISO[part]}"
    if part in iso:
        return "iso", part, ""
    if part in PREFIXES_BEFORE_COUNTRY:
        return "prefix", "", PREFIXES_BEFORE_COUNTRY[part]
    if part in REGIONS:
        return "region", "", "a region, not a state"
    if part in NON_STATE:
        return "non_state", "", "a class of non-state actor" if part in SECTORS or part == "INT" else "a religion or sector in first place"
    if part in UNKNOWN:
        return "unknown", "", UNKNOWN[part]
    raise ValueError(f"CAMEO actor code part {part!r} is not known: add it to scripts/petrarch/codes.py")


def split_code(code: str, iso: frozenset[str]) -> ActorCode:
    parts = [code[i:i + 3] for i in range(0, len(code), 3)]
    if not parts or code == "---":
        return ActorCode("", "", (), ())
    kind, country, _ = first_part_kind(parts[0], iso)
    rest = parts[1:]
    other: list[str] = []
    sectors: list[str] = []
    if kind in ("region", "non_state", "unknown", "prefix") and parts[0] in SECTORS:
        sectors.append(parts[0])
    elif kind in ("region", "non_state", "unknown", "prefix"):
        other.append(parts[0])
    for part in rest:
        if not country and kind in ("prefix", "non_state") and (part in iso or part in CAMEO_TO_ISO):
            country = CAMEO_TO_ISO.get(part, (part,))[0]
        elif part in SECTORS:
            sectors.append(part)
        else:
            other.append(part)
    return ActorCode(country, sectors[0] if sectors else "", tuple(sectors), tuple(other))
