"""Read the Phoenix agents (role nouns -> sector codes) and discards (phrases that block coding).

Agents, from the file's header and PETRARCH-2's ``PETRreader.read_agent_dictionary``:
``PHRASE {PLURAL} [~CODE] # comment``. ``~GOV`` is added after the actor's country code
(``RUS`` + ``GOV``); ``IGO~`` before it. A regular plural is generated unless ``{...}`` gives the
plural, and ``{}`` says there is none (``POLICE {}``). ``!PERSON! = MAN, MEN, ...`` defines a
substitution marker: ``CONGRESS!PERSON!`` stands for ``CONGRESSMAN``, ``CONGRESSMEN``, ...,
without further plurals. A few nouns end in the legacy TABARI stem ``MINIST``
(``DEFENCE_MINIST``): they are read as ``DEFENCE_!MINIST!``, with the file's own ``!MINIST!`` set.

Plurals here follow the regular English rule on the last word (``plural`` in ``verbs``), except
that none is generated for a last word already ending in a single ``s`` (``ARMED_FORCES``,
``SOLDIERS_AND_THEIR_FAMILIES``) or in a character that is not a letter (``ARMY_LT.``);
PETRARCH's own rule would write ``FAMILIESES``.

Discards: one phrase a line; a leading ``+`` discards the whole story, else the sentence; a final
``_`` asks for a whole-word match, otherwise the phrase is a stem. Matching is case-insensitive.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .actors import plain_words
from .verbs import plural

_MARKER = re.compile(r"!([A-Z]+)!")


@dataclass(frozen=True)
class Agent:
    noun: str  # plain lower-case words: "riot police", "police chiefs"
    code: str  # "GOV", "GOVMED", "IGO" (without the "~")
    placement: str  # "after" the actor code (~GOV) or "before" it (IGO~)
    plural_of: str  # "" for a listed noun, else the noun it is the generated plural of
    line: int


@dataclass(frozen=True)
class Discard:
    phrase: str  # plain lower-case words
    scope: str  # "sentence" or "story"
    whole_word: bool  # the source's final "_": the phrase must end at a word boundary
    line: int


@dataclass
class AgentFile:
    agents: list[Agent] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _agent_plural(noun: str) -> str | None:
    last = noun.rsplit(" ", 1)[-1]
    if not last[-1:].isalpha() or (last.endswith("s") and not last.endswith("ss")):
        return None
    return plural(noun)


def read_agents(path: Path) -> AgentFile:
    result = AgentFile()
    markers: dict[str, list[str]] = {}
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        text = raw.split("#")[0].strip()
        if not text or raw.startswith("<!"):
            continue
        definition = re.fullmatch(r"!([A-Z]+)!\s*=\s*(.+)", text)
        if definition:
            markers[definition.group(1)] = [w.strip() for w in definition.group(2).split(",") if w.strip()]
            continue
        code_match = re.search(r"\[([^\]}]*)[\]}]", text)
        if not code_match:
            result.notes.append(f"{path.name}:{number}: agent without a code, skipped: {text}")
            continue
        raw_code = code_match.group(1).strip()
        placement = "before" if raw_code.endswith("~") else "after"
        code = raw_code.strip("~")
        phrase = text[:code_match.start()]
        plural_text = None
        if "{" in phrase:
            phrase, _, rest = phrase.partition("{")
            plural_text = rest.split("}")[0]
        if re.search(r"(^|_)MINIST\s*$", phrase) and "MINIST" in markers:
            # a legacy TABARI stem (DEFENCE_MINIST): the file's own !MINIST! set spells it out
            phrase = re.sub(r"MINIST\s*$", "!MINIST!", phrase)
        marker = _MARKER.search(phrase)
        if marker:
            fills = markers.get(marker.group(1))
            if fills is None:
                result.notes.append(f"{path.name}:{number}: undefined marker {marker.group(0)}, skipped")
                continue
            for fill in fills:
                noun = plain_words(phrase.replace(marker.group(0), fill))
                result.agents.append(Agent(noun, code, placement, "", number))
            continue
        noun = plain_words(phrase)
        if not noun:
            continue
        result.agents.append(Agent(noun, code, placement, "", number))
        plural_noun = plain_words(plural_text) if plural_text is not None else _agent_plural(noun)
        if plural_noun:
            result.agents.append(Agent(plural_noun, code, placement, noun, number))
    return result


def read_discards(path: Path) -> list[Discard]:
    discards = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        text = raw.split("#")[0].strip()
        if not text or raw.startswith("<!"):
            continue
        scope = "story" if text.startswith("+") else "sentence"
        text = text.lstrip("+").strip()
        whole = text.endswith("_")
        phrase = plain_words(text.rstrip("_"))
        if phrase:
            discards.append(Discard(phrase, scope, whole, number))
    return discards
