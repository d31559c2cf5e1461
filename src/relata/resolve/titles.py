"""Title phrases: what ``Pakistani foreign office spokeswoman`` or ``China's top leader`` says
about the person it describes (role, country, organisation, gender), and who holds a role.

Title words come from the dictionary's ``titles.tsv``; generic roles (``leader``) that stand for
several offices from ``data/people/generic_roles.tsv``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Span, Token

from relata.mentions.dictionary import ActorDictionary
from relata.mentions.tables import data_path, read_table, split_list
from relata.nlp import sentence_of
from relata.records import Actor
from relata.resolve.phoenix import STATE_SECTORS, agent_code

# Tokens that may stand between a name and the title words before it.
_PREMODIFIER_POS = {"ADJ", "NOUN", "PROPN", "PART", "NUM"}
_PREMODIFIER_MAX = 8
_TITLE_PREPS = {"of", "for"}


@dataclass(frozen=True, slots=True)
class Description:
    role: str | None
    country: str | None
    organization: str | None
    gender: str | None


@cache
def _generic_roles() -> dict[str, frozenset[str]]:
    return {
        r["role"]: frozenset(split_list(r.get("specific_roles")))
        for r in read_table(data_path("people", "generic_roles.tsv"))
    }


def roles_match(wanted: str, held: str) -> bool:
    """``leader`` matches ``president``; ``president`` matches ``president``."""
    if wanted == held:
        return True
    generic = _generic_roles()
    return held in generic.get(wanted, ()) or wanted in generic.get(held, ())


def describe(
    tokens: Sequence[Token], actor_of: Callable[[Token], Actor | None], dictionary: ActorDictionary
) -> Description | None:
    """What the title words among ``tokens`` say; ``None`` when they name no role and no country."""
    words = [t for t in tokens if actor_of(t) is None or actor_of(t).kind != "person"]
    lowered = [t.lower_ for t in words]
    found = []  # (end, length, entry): the title nearest the head noun, then the longest, wins
    first_words = dictionary.title_first_words
    for i in range(len(lowered)):
        word = lowered[i]
        if word.lower() not in first_words and word.split() == [word]:
            continue  # no title starts with this word (a space token would leave the next one first)
        for j in range(i + 1, min(len(lowered), i + max(dictionary.max_title_words, 1)) + 1):
            entry = dictionary.title(" ".join(lowered[i:j]))
            if entry:
                found.append((j, j - i, entry))
    best = max(found, key=lambda f: (f[0], f[1])) if found else None
    entry = best[2] if best else None
    # "State" in "Secretary of State" is part of the title, not an organisation
    in_title = {words[k].i for k in range(best[0] - best[1], best[0])} if best else set()
    role, gender = (entry.role, entry.gender) if entry else (None, None)
    country = organization = None
    inside = {t.i for t in tokens}
    heads = {t.i for t in tokens if t.head.i not in inside or t.head.i == t.i}
    swallowed: set[str] = set()  # unknown organisations that are really a state word + title
    for t in tokens:
        actor = actor_of(t)
        state = _state_word(t, dictionary) if actor is None or actor.kind != "person" else None
        if state is not None and actor is not None and actor.kind != "state":
            swallowed.add(actor.id)
        actor = state or actor
        if actor is None or actor.kind == "person" or actor.id in swallowed or (
                t.i in in_title and actor.kind != "state"):
            continue
        if actor.kind == "state" and country is None and (role or _names_nationality(t, heads, dictionary)):
            country = actor.country
        elif actor.kind in {"organization", "group"} and organization is None:
            organization = actor.id
            country = country or actor.country
    if role is None and country is None and organization is None:
        return None
    return Description(role, country, organization, gender)


def _state_word(token: Token, dictionary: ActorDictionary) -> Actor | None:
    """The state a single word names (``British``), even when the tagger swallowed it into an
    unknown organisation (``British Defence`` tagged ORG in ``British Defence Secretary X``)."""
    if not token.is_title:
        return None
    for form in dictionary.lookup(token.text):
        if form.actor.kind == "state" and form.form in {"name", "demonym"}:
            return Actor(form.actor.id, form.actor.name, "state", form.actor.id)
    return None


def _names_nationality(token: Token, heads: set[int], dictionary: ActorDictionary) -> bool:
    """``a Russian diplomat`` or ``Russia's envoy`` say whose someone is; ``China`` in ``China
    expert`` or ``Russian`` in ``Russian affairs specialist`` only say what they work on."""
    doc = token.doc
    possessive = token.i + 1 < len(doc) and doc[token.i + 1].tag_ == "POS"
    # "his Kazakh counterpart Murat Nurtleu": a demonym the tagger swallowed into a name
    demonym = token.ent_type_ == "NORP" or token.pos_ == "ADJ" or any(
        f.form == "demonym" and f.actor.kind == "state" for f in dictionary.lookup(token.text))
    return (possessive or demonym) and (token.head.i in heads or token.i in heads)


def premodifiers(doc, start: int) -> list[Token]:
    """The title words right before a name: ``Pakistani foreign office spokeswoman`` in
    ``... Pakistani foreign office spokeswoman Mumtaz Zahra Baloch``; stops at punctuation, verbs,
    determiners and prepositions other than the ``of``/``for`` of a capitalised title
    (``U.S. Secretary of State``)."""
    out: list[Token] = []
    i = start - 1
    sentence_start = sentence_of(doc[start]).start if start < len(doc) else 0
    while i >= sentence_start and len(out) < _PREMODIFIER_MAX:
        t = doc[i]
        # "Secretary of State", "Minister for Interior": a title may hold "of"/"for" between nouns
        inner = (t.lower_ in _TITLE_PREPS and out and i > sentence_start
                 and doc[i - 1].pos_ in {"NOUN", "PROPN"} and doc[i - 1].is_title)
        # "Jordan's visiting King", "outgoing Prime Minister": a participle modifying the title
        participle = t.tag_ in {"VBG", "VBN"} and t.dep_ == "amod"
        if t.pos_ not in _PREMODIFIER_POS and t.tag_ != "POS" and not inner and not participle:
            break
        if t.is_space or "\n" in t.whitespace_:
            break
        out.append(t)
        i -= 1
    return out[::-1]


def apposition(head: Token, name: Span | None = None) -> list[Token]:
    """The noun phrase in apposition to a name: ``China's top leader`` in
    ``China's top leader, Xi Jinping,`` or ``Xi Jinping, China's top leader,``."""
    inside = set(range(name.start, name.end)) if name is not None else {head.i}
    partner = None
    if head.dep_ == "appos" and head.head.i not in inside:
        partner = head.head
    else:
        partner = next((c for c in head.children if c.dep_ == "appos" and c.i not in inside), None)
    if partner is None or partner.pos_ not in {"NOUN", "PROPN"}:
        return []
    own = {t.i for t in head.subtree} if partner.i == head.head.i else set()
    words = [partner]
    for child in partner.children:
        # premodifiers ("the Russian ambassador"), and "for"/"of" + a name ("spokesperson for the
        # State Department"), but not "professor of Russian studies" or "expert on China"
        if child.i < partner.i or (
            child.dep_ == "prep"
            and child.lower_ in {"for", "of"}
            and any(c.pos_ == "PROPN" or _state_organ(c) for c in child.children)
        ):
            words.extend(child.subtree)
    return sorted(
        (t for t in words if t.i not in own and t.i not in inside and not t.is_punct),
        key=lambda t: t.i,
    )[:12]


def _state_organ(noun: Token) -> bool:
    """``Rwanda's foreign ministry`` in "a spokesman for Rwanda's foreign ministry": a state body
    (Phoenix's agents table) whose phrase says whose it is."""
    code = agent_code(noun.lower_)
    return code is not None and code.sector in STATE_SECTORS and any(
        c.dep_ in {"poss", "amod", "compound"} and c.i < noun.i for c in noun.children)
