"""The PLOVER pattern table: which verb or noun (with which particle or object) signals which event.

The table lives in ``relata/data/plover_patterns.tsv`` and the intensity table in
``relata/data/goldstein_plover.tsv``; both are read once. :func:`match_verb` and
:func:`match_noun` look one token up; the most specific row wins (object constraint, then
particle/preposition, then the bare lemma). A light verb (``hold``, ``impose``, ``launch``) takes
its type from an event-noun object: ``hold talks`` is CONSULT, ``impose sanctions`` SANCTION.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources

from spacy.tokens import Token

from relata.nlp import has_child
from relata.relations.cameo_match import NO_EVENT, code_for, default_code, match_pattern
from relata.relations.cameo_patterns import verb_words
from relata.relations.event_words import lemma_of, lemmas

VERB, NOUN, LIGHT, DIRECTIVE = "V", "N", "L", "D"
ANY = "-"
ANY_OBJECT = "*"  # an object column of "*": the verb takes an object, whatever it is

# Dependency labels of a verb's objects, and of the modifiers that narrow an event noun.
OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "attr", "oprd"})
NOUN_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
# "$40 million in aid", "a package of aid": the real object sits behind these prepositions.
OBJECT_OF_PREPS = frozenset({"of", "in"})
NOMINAL_DEPS = frozenset({"dobj", "pobj", "nsubj", "nsubjpass", "attr"})


@dataclass(frozen=True)
class Pattern:
    pos: str
    lemma: str
    prep: str
    objects: frozenset[str]
    type: str
    mode: str | None


@dataclass(frozen=True)
class PatternMatch:
    """A trigger: its head token, every token of the trigger, the PLOVER type and mode.

    ``noun`` is the event noun when a light verb took its type from it (``held talks``).
    """

    head: Token
    tokens: tuple[Token, ...]
    type: str
    mode: str | None
    noun: Token | None = None
    # The CAMEO code, and the tokens a CAMEO pattern's source/target slots took (``from $ to +``).
    cameo: str | None = None
    source_slot: Token | None = None
    target_slot: Token | None = None
    # Coded only by the CAMEO block's default (no pattern, no Relata row): weak evidence, so the
    # event needs both actors and does not swallow the events of its complements.
    weak: bool = False
    cameo_only: bool = False  # coded by the CAMEO dictionary, not by Relata's own rows
    deverbal: bool = False  # a noun made from an event verb, with its doer and its object named

    @property
    def trigger(self) -> str:
        return " ".join(t.text for t in sorted(self.tokens, key=lambda t: t.i))


@dataclass(frozen=True)
class PatternTable:
    verbs: dict[str, tuple[Pattern, ...]]
    nouns: dict[str, tuple[Pattern, ...]]
    light: dict[str, tuple[Pattern, ...]]
    directives: dict[str, tuple[Pattern, ...]]
    intensity: dict[tuple[str, str | None], float]

    def intensity_of(self, type_: str, mode: str | None) -> float:
        value = self.intensity.get((type_, mode))
        if value is None:
            value = self.intensity.get((type_, None), 0.0)
        return value


def _rows(name: str) -> list[list[str]]:
    text = resources.files("relata.data").joinpath(name).read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return rows[1:]  # the header row


def _field(value: str) -> str | None:
    value = value.strip()
    return None if value in ("", ANY) else value


@cache
def table() -> PatternTable:
    grouped: dict[str, dict[str, list[Pattern]]] = {VERB: defaultdict(list), NOUN: defaultdict(list),
                                                    LIGHT: defaultdict(list), DIRECTIVE: defaultdict(list)}
    for row in _rows("plover_patterns.tsv"):
        pos, lemma, prep, objects, type_, mode = (row + [ANY] * 6)[:6]
        obj = _field(objects)
        pattern = Pattern(pos=pos.strip(), lemma=lemma.strip().lower(), prep=(_field(prep) or ""),
                          objects=frozenset(obj.split("|")) if obj else frozenset(),
                          type=_field(type_) or "", mode=_field(mode))
        grouped[pattern.pos][pattern.lemma].append(pattern)
    intensity: dict[tuple[str, str | None], float] = {}
    for row in _rows("goldstein_plover.tsv"):
        type_, mode, value = row[:3]
        intensity[(type_.strip(), _field(mode))] = float(value)
    # a row that takes any object comes after the rows naming theirs
    freeze = {k: {lemma: tuple(sorted(ps, key=lambda p: ANY_OBJECT in p.objects)) for lemma, ps in v.items()}
              for k, v in grouped.items()}
    return PatternTable(verbs=freeze[VERB], nouns=freeze[NOUN], light=freeze[LIGHT],
                        directives=freeze[DIRECTIVE], intensity=intensity)




@cache
def _listed_words() -> tuple[frozenset[str], frozenset[str]]:
    """The words some row can code: as a verb (Relata's verb, light-verb and directive rows, the
    CAMEO dictionary's verbs), and as an event noun (noun rows, and the verb rows a deverbal noun
    is read by)."""
    t = table()
    return frozenset(t.verbs) | frozenset(t.light) | frozenset(t.directives) | verb_words(), \
        frozenset(t.nouns) | frozenset(t.verbs)


def may_name_an_event(noun: Token) -> bool:
    """False when :func:`match_noun` and :func:`match_deverbal` both find nothing for ``noun``,
    whose forms no noun or verb row lists: nine nouns in ten (tested before their walks)."""
    words = _listed_words()[1]
    return any(form in words for form in lemmas(noun))


def _lookup(group: dict[str, tuple[Pattern, ...]], token: Token) -> tuple[Pattern, ...]:
    for lemma in lemmas(token):
        found = group.get(lemma)
        if found:
            return found
    return ()


def particles(verb: Token) -> dict[str, Token]:
    """The verb's particles and prepositions by lower-case text (``call on``, ``pull out``); a
    preposition of time is none of them ("called in the envoy on Friday" is no "call on")."""
    found = {c.lower_: c for c in verb.children
             if (c.dep_ in ("prt", "prep", "agent") and not _of_time(c)) or is_separated_particle(c)}
    if "for" not in found and has_child(verb, "advcl") and (clause := for_clause(verb)) is not None:
        found["for"] = clause.doc[clause.left_edge.i]  # "called for the farmer to be freed": "for" as a mark
    return found


def for_clause(verb: Token) -> Token | None:
    """The clause of ``called for [the farmer to be freed]``: the model makes ``for`` the mark of
    the clause, not the verb's preposition (see :func:`particles`); ``None`` without one."""
    return next((c for c in verb.children if c.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ == "for" and m.i == c.left_edge.i for m in c.children)), None)


# adverbs that finish a phrasal verb after its object: "pulled its troops back", "called the talks off"
_SEPARABLE = frozenset({"back", "out", "off", "down", "away", "up"})


def is_separated_particle(token: Token) -> bool:
    """``back`` in "pulled its troops back from the line": the parser calls a particle that follows
    the verb's object an adverb."""
    verb = token.head
    if token.dep_ != "advmod" or token.lower_ not in _SEPARABLE or token.i <= verb.i:
        return False
    # ... also right after the verb, before its object ("turned back three boats")
    return any(c.dep_ == "dobj" and (verb.i < c.i < token.i or token.i == verb.i + 1 < c.i) for c in verb.children)


_TIME_ENTITIES = frozenset({"DATE", "TIME"})


def _of_time(prep: Token) -> bool:
    return prep.dep_ == "prep" and any(p.dep_ == "pobj" and p.ent_type_ in _TIME_ENTITIES for p in prep.children)


# verbs that hold their object in a state: "kept the crossing closed", "left the border shut"
_KEEPING_VERBS = frozenset({"keep", "leave"})


def kept_object(verb: Token) -> Token | None:
    """``kept the crossing with Afghanistan closed``: the small model makes the participle a
    conjunct of *kept* with no object of its own; the object it keeps in that state is its object."""
    if verb.dep_ != "conj" or verb.tag_ not in ("VBD", "VBN") or verb.head.lemma_.lower() not in _KEEPING_VERBS:
        return None
    if has_child(verb, "dobj", "nsubj", "nsubjpass", "cc") or any(
            c.dep_ == "cc" and c.i < verb.i for c in verb.head.children):
        return None
    found = next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i), None)
    return found if found is not None and found.right_edge.i == verb.i - 1 else None


def object_heads(verb: Token) -> list[Token]:
    """The heads of a verb's object: direct object (or passive subject), with its conjuncts."""
    heads = [c for c in verb.children if c.dep_ in OBJECT_DEPS]
    if not heads and (kept := kept_object(verb)) is not None:
        heads = [kept]
    out: list[Token] = []
    for head in heads:
        out.append(head)
        out.extend(head.conjuncts)
    return out


def _object_words(verb: Token, prep: Token | None) -> dict[str, Token]:
    """Lemmas that may satisfy an object constraint, each with the token it came from."""
    words: dict[str, Token] = {}
    heads = object_heads(verb)
    if prep is not None:
        heads += [c for c in prep.children if c.dep_ == "pobj"]
    for head in heads:
        words.setdefault(lemma_of(head), head)
        words.setdefault(head.lower_, head)  # "exchanged data": the lemmatizer's "datum" is no row's word
        for child in head.children:
            if child.dep_ in NOUN_MODIFIER_DEPS or child.dep_ == "nummod":
                # "gave Ukraine 1.5 billion crowns": an amount names money whatever the currency
                words.setdefault(lemma_of(child), head)
            elif child.dep_ == "prep" and child.lower_ in OBJECT_OF_PREPS:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        words.setdefault(lemma_of(pobj), pobj)
            elif child.dep_ == "appos" and prep is None and any(t.is_quote for t in verb.doc[head.i + 1:child.i]):
                # 'called the closure "an act of aggression"': the quotation marks make the predicate
                # an apposition of the object in the parse
                words.setdefault(lemma_of(child), child)
                for pobj in (p for c in child.children if c.dep_ == "prep" and c.lower_ in OBJECT_OF_PREPS
                             for p in c.children if p.dep_ == "pobj"):
                    words.setdefault(lemma_of(pobj), pobj)
    for child in verb.children:
        if child.dep_ == "oprd" and prep is None:
            # "called the arrests a provocation": the predicate names what the act is
            words.setdefault(lemma_of(child), child)
    if not heads and prep is None:
        # "declined to comment": the verb's complement is what it takes ("decline" + "comment")
        for child in verb.children:
            if child.dep_ == "xcomp" and child.pos_ == "VERB":
                words.setdefault(lemma_of(child), child)
    return words


def _noun_patterns(noun: Token) -> Pattern | None:
    candidates = _lookup(table().nouns, noun)
    if not candidates:
        return None
    modifiers = {lemma_of(c) for c in noun.children if c.dep_ in NOUN_MODIFIER_DEPS}
    # a nominalised verb's object: "the recall of its envoy", "the expulsion of two diplomats"
    modifiers |= {lemma_of(p) for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                  for p in c.children if p.dep_ == "pobj"}
    best = None
    for pattern in candidates:
        if pattern.prep and not any(c.dep_ == "prep" and c.lower_ == pattern.prep for c in noun.children):
            continue  # "measures against Tehran": the noun is an event only with its preposition
        if pattern.objects:
            if pattern.objects & modifiers:
                return pattern
        elif best is None:
            best = pattern
    return best


def match_noun(noun: Token) -> PatternMatch | None:
    """The event an event noun names (``visit``, ``sanctions``, ``hunger strike``), or ``None``."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return None
    pattern = _noun_patterns(noun)
    if pattern is None or not pattern.type:
        return None  # not an event noun, or an excluded sense ("a press release")
    tokens = [noun] + [c for c in noun.children if c.dep_ in NOUN_MODIFIER_DEPS and lemma_of(c) in pattern.objects]
    return _coded(PatternMatch(head=noun, tokens=tuple(tokens), type=pattern.type, mode=pattern.mode))


def match_deverbal(noun: Token) -> PatternMatch | None:
    """``the rebels' capture of the base``, ``the storming of the embassy by protesters``: a noun
    made from an event verb (the verb's own word, or its ``-ing`` form) that no noun row lists
    names the verb's event when its phrase says who did it (a possessive or ``by``) and to whom or
    what (``of``). Without both, such nouns are as often results or things (``a capture``)."""
    if noun.pos_ != "NOUN":
        return None
    # The verb row first: a dictionary look-up that most nouns fail, before the walks of the
    # noun's dependents (asked of every noun of every sentence)
    bare = bare_verb_row(noun)
    if bare is None or _noun_patterns(noun) is not None:
        return None
    has_of = bool(_of_objects(noun))
    has_doer = has_child(noun, "poss") or noun_agent(noun) is not None
    if not (has_of and has_doer):
        return None
    return _coded(PatternMatch(head=noun, tokens=(noun,), type=bare.type, mode=bare.mode, deverbal=True))


def bare_verb_row(noun: Token) -> Pattern | None:
    """The verb row, without objects or preposition, of a noun that is the verb's own word or its
    ``-ing`` form (``the shooting`` -> shoot), or ``None``."""
    lower = noun.lower_
    forms = [f for f in lemmas(noun) if f == noun.lemma_.lower() or lower.endswith("ing")]
    return next((p for form in forms for p in table().verbs.get(form, ())
                 if p.type and not p.objects and not p.prep), None)


def _of_objects(noun: Token) -> list[Token]:
    return [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]


def noun_agent(noun: Token) -> Token | None:
    """Who did what an event noun names, by its ``by`` phrase: on the noun, or hung by the parser
    on the noun's ``of`` object (``the storming of its embassy in Tehran by protesters``: an
    embassy is not "by" anyone)."""
    holders = [noun, *_of_objects(noun)]
    for holder in holders:
        for c in holder.children:
            if c.dep_ == "prep" and c.lower_ == "by":
                found = next((p for p in c.children if p.dep_ == "pobj"), None)
                if found is not None:
                    return found
    return None


def _event_noun_candidates(heads: list[Token]) -> list[Token]:
    """An object and the nouns that may carry its event: ``a mediation effort``, ``days of war games``."""
    out: list[Token] = []
    for head in heads:
        out.append(head)
        out.extend(c for c in head.children if c.dep_ == "compound" and c.pos_ == "NOUN")
        for prep in head.children:
            if prep.dep_ == "prep" and (prep.lower_ == "of" or prep.lower_ == "in" and _amount(head)):
                out.extend(p for p in prep.children if p.dep_ == "pobj")  # "€100 million in aid"
    return out


_SCALE_WORDS = frozenset({"thousand", "million", "billion", "trillion"})


def _amount(token: Token) -> bool:
    """An amount of money or things: ``€100 million``, ``$45 million``, ``20,000 tonnes``."""
    return token.pos_ == "NUM" or token.lower_ in _SCALE_WORDS or token.is_currency or any(
        c.dep_ == "nummod" for c in token.children)


def _light_match(verb: Token, preps: dict[str, Token]) -> PatternMatch | None:
    patterns = _lookup(table().light, verb)
    if not patterns:
        return None
    for pattern in patterns:
        if pattern.prep and pattern.prep not in preps:
            continue
        prep = preps.get(pattern.prep) if pattern.prep else None
        heads = object_heads(verb)
        if prep is not None and prep.dep_ != "prt":
            heads += [c for c in prep.children if c.dep_ == "pobj"]
        for head in _event_noun_candidates(heads):
            found = match_noun(head)
            if found is not None:
                extra = (prep,) if prep is not None else ()
                return PatternMatch(head=verb, tokens=(verb, *extra, *found.tokens), type=found.type,
                                    mode=found.mode, noun=head)
    return None


def match_verb(verb: Token) -> PatternMatch | None:
    """The event a verb signals, given its particles and object, or ``None``."""
    if verb.pos_ not in ("VERB", "AUX") and not (verb.pos_ == "NOUN" and verb.dep_ == "ROOT"):
        return None
    if verb.pos_ != "NOUN" and not any(form in _listed_words()[0] for form in lemmas(verb)):
        return None  # no row of any table can code the word ("have", "will", "include")
    if verb.pos_ == "NOUN" and match_deverbal(verb) is not None:
        return None  # "The rebels' capture of the base": a noun phrase, coded by its noun
    if verb.dep_ in NOMINAL_DEPS and has_child(verb, "det"):
        return None  # "the wounded": a participle used as a noun
    if verb.dep_ == "amod" and verb.i < verb.head.i:
        return None  # "a shared currency", "the disputed islands": a participle describing a noun
    directed = _directive_match(verb)
    if directed is not None:
        return directed
    preps = particles(verb)
    patterns = _lookup(table().verbs, verb)
    objects = object_heads(verb)
    # 1. Relata's object-constrained rows
    for pattern in patterns:
        if not pattern.objects or (pattern.prep and pattern.prep not in preps):
            continue
        words = _object_words(verb, preps.get(pattern.prep) if pattern.prep else None)
        hit = next((w for w in words if w in pattern.objects), None)
        if hit is None and ANY_OBJECT in pattern.objects and objects:
            hit = lemma_of(objects[0])  # "returned the containers": any object will do
            words = {hit: objects[0]}
        if hit is not None:
            if not pattern.type:
                return None  # an exclusion row: this sense of the word is no event
            extra = [preps[pattern.prep]] if pattern.prep else []
            return _coded(PatternMatch(head=verb, tokens=(verb, *extra), type=pattern.type, mode=pattern.mode,
                                       noun=words[hit] if words[hit].pos_ == "NOUN" else None))
    # 2. a light verb with an event-noun object
    light = _light_match(verb, preps)
    if light is not None:
        return _coded(light)
    # 3. Relata's rows that need a particle or preposition the verb has
    for pattern in patterns:
        if not pattern.objects and pattern.prep and pattern.prep in preps:
            if not pattern.type:
                return None  # an exclusion row: "led to" (a cause) is no event
            return _coded(PatternMatch(head=verb, tokens=(verb, preps[pattern.prep]), type=pattern.type,
                                       mode=pattern.mode))
    # 4. Relata's bare lemma, else a CAMEO pattern of the verb's dictionary block (``handed over
    # evidence``): where Relata lists a verb, its own rows decide
    cameo = match_pattern(verb)
    bare = next((p for p in patterns if not p.objects and not p.prep), None)
    if cameo is not None and (cameo.type or cameo.cameo == NO_EVENT) and bare is None:
        return _from_cameo(verb, cameo)
    if bare is not None:
        if not bare.type:
            return None  # a bare exclusion row: the verb is no event in any sense the table knows
        return _coded(PatternMatch(head=verb, tokens=(verb,), type=bare.type, mode=bare.mode))
    # 5. the CAMEO block's default code (``blacklisted``: 160, reduce relations), for verbs Relata's
    # table does not know: where it lists a verb, the senses it leaves out are no event ("call")
    default = default_code(verb) if not patterns else None
    if default is not None:
        return PatternMatch(head=verb, tokens=(verb,), type=default.type, mode=default.mode,
                            cameo=default.cameo, weak=True, cameo_only=True)
    return None


def _directive_match(verb: Token) -> PatternMatch | None:
    """A verb that directs someone to do something, whose pair names an act of its own: "ordered
    the ambassador to leave", "gave the diplomats 72 hours to leave", "declared the envoy persona
    non grata" are expulsions. A ``D`` row's ``prep`` column lists what is directed, its object
    column who; both must hang within two steps of the verb."""
    patterns = _lookup(table().directives, verb)
    if not patterns:
        return None
    near = [*verb.children, *(g for c in verb.children for g in c.children)]
    near_lemmas = {lemma_of(t) for t in near} | {t.lower_ for t in near}
    for pattern in patterns:
        if set(pattern.prep.split("|")) & near_lemmas and pattern.objects & near_lemmas:
            return _coded(PatternMatch(head=verb, tokens=(verb,), type=pattern.type, mode=pattern.mode))
    return None


def _from_cameo(verb: Token, cameo) -> PatternMatch | None:
    """A match from a CAMEO pattern; its trigger is the verb with its particles (the pattern's
    nouns are what was done, not the trigger)."""
    if not cameo.type:
        return None  # the dictionary's "no event" for this phrase (---)
    particles = tuple(t for t in cameo.tokens if t.dep_ == "prt" and t.head == verb)
    return PatternMatch(head=verb, tokens=(verb, *particles), type=cameo.type, mode=cameo.mode,
                        noun=_noun_among(cameo.tokens), cameo=cameo.cameo,
                        source_slot=cameo.target if cameo.reverse else cameo.source,
                        target_slot=cameo.source if cameo.reverse else cameo.target, cameo_only=True)


def _noun_among(tokens) -> Token | None:
    """The event noun a pattern named, if any (``expelled diplomats``: no; ``held talks``: talks)."""
    return next((t for t in tokens if t.pos_ == "NOUN" and match_noun(t) is not None), None)


def _coded(match: PatternMatch) -> PatternMatch:
    """``match`` with the CAMEO code of its type: the verb's own where it agrees, else the type's."""
    verb = match.head if match.head.pos_ in ("VERB", "AUX") else None
    return replace(match, cameo=code_for(verb, match.type, match.mode))


def intensity(type_: str, mode: str | None) -> float:
    """The Goldstein-style intensity of a PLOVER type and mode (the type's default if unlisted)."""
    return table().intensity_of(type_, mode)
