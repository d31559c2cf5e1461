"""Who a noun phrase names, for the event coder: the actor the phrase itself names (``Putin``,
``it`` by the resolver's coreference), else the actor of its modifiers (``Hungarian officials`` ->
Hungary, ``Chile's president`` -> Chile, ``the president of France`` -> France); every actor of a
coordinated phrase (``Hungarian and Romanian officials``, ``officials from India and Pakistan``).
Words that say where, not who, are left out: a city naming an event (``the Minsk agreement``), the
place words of a war (``the Ukrainian war``), a stance (``pro-Kyiv forces``). A people or an actor
with no country of its own is coded by the place its phrase gives (``the Albanians of southern
Serbia`` -> SRB), as CAMEO codes them."""

from __future__ import annotations

from spacy.tokens import Token

from relata.mentions.datelines import is_dateline_place
from relata.mentions.dictionary import load_dictionary
from relata.records import Actor
from relata.relations.event_modality import role_of
from relata.relations.event_patterns import match_noun
from relata.relations.event_subjects import RELATIVE_PRONOUNS
from relata.resolve.actors import DocumentActors

MODIFIER_DEPS = ("poss", "compound", "amod", "nmod", "npadvmod", "nummod")  # nummod: "Turkish F-16 jets"
PHRASE_PREPS = ("of", "from", "in", "throughout", "across")  # "the president of France", "students throughout Indonesia"
ETHNIC_WORDS = frozenset({"ethnic"})
STANCE_PREFIXES = frozenset({"anti", "pro"})
THEATRE = "theatre"  # a cue role, see data/event_cues.tsv


def phrase_actors(token: Token | None, actors: DocumentActors, depth: int = 0) -> list[Actor]:
    """The actors a noun phrase headed by ``token`` refers to (several when coordinated)."""
    if token is None or depth > 3:
        return []
    found = _head_actor(token, actors, depth)
    out = [found] if found else []
    for child in token.children:
        # "Serbian President Aleksandar Vucic and Kosovo Prime Minister Albin Kurti": the small
        # model hangs the first name, with its "and", on the second as a modifier
        if child.dep_ == "nmod" and child.i < token.i and any(c.dep_ == "cc" for c in child.children):
            first = _head_actor(child, actors, depth)
            if first is not None and first not in out:
                out.insert(0, first)
    # "President Samuel Okoro and ... Juma Salim" parsed as an apposition whose name has the conjunct
    names = [token] + [c for c in token.children if c.dep_ == "appos"]
    for conj in (c for name in names for c in name.conjuncts):
        # "support for Russia and its war in Ukraine": the war's place is not a second target
        if conj.i > token.i and role_of(conj) != THEATRE:
            a = _head_actor(conj, actors, depth)
            if a is not None and a not in out:
                out.append(a)
    return out


def _head_actor(token: Token, actors: DocumentActors, depth: int) -> Actor | None:
    found = _own_actor(token, actors, depth)
    if found is not None and _people_or_unplaced(token, found):
        return _placed(token, actors, depth) or found
    return found


def _own_actor(token: Token, actors: DocumentActors, depth: int) -> Actor | None:
    direct = actors.resolve(token, role_nouns=True)
    if direct is not None and not _ethnic_people(token, direct):
        return direct
    if token.lower_ in RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
        return _head_actor(token.head.head, actors, depth + 1)
    named = _name_right_before(token, actors)
    if named is not None:
        return named  # "NAIROBI - Al-Shabaab militants": the parser hangs the name on the dateline
    children = [c for c in token.children if not is_dateline_place(c)]  # "NAIROBI - ...": where, not whose
    theatre = role_of(token) == THEATRE
    event_noun = token.pos_ == "NOUN" and match_noun(token) is not None
    for dep in MODIFIER_DEPS:
        for child in children:
            # a war is named after its place ("the Ukrainian war"), not its parties; "US-led" names one
            if theatre and dep != "poss" and child.lower_ != "led":
                continue
            if child.dep_ == dep and child.i < token.i and not _stance(child):
                found = actors.resolve(child) or _modifier_actor(child, actors)
                if found is not None and event_noun and where_not_who(child, found, token):
                    continue  # "tore up the Minsk agreement": where it was made, not a party
                if found is not None:
                    return found
    for child in children:
        if child.dep_ == "appos":
            found = _head_actor(child, actors, depth + 1)
            if found is not None:
                return found
    for child in children:
        if child.dep_ == "prep" and child.lower_ in PHRASE_PREPS and not theatre:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    found = _head_actor(pobj, actors, depth + 1)
                    if found is not None:
                        return found
    return None


def _name_right_before(token: Token, actors: DocumentActors) -> Actor | None:
    """An organisation or group named right before a noun that the parser did not attach to it."""
    if token.i == 0 or token.pos_ != "NOUN":
        return None
    before = token.doc[token.i - 1]
    if before.head.i == token.i or before.pos_ != "PROPN":
        return None  # attached: the modifier loop reads it
    actor = actors.resolve(before)
    return actor if actor is not None and actor.kind in ("organization", "group") else None


def where_not_who(token: Token, actor: Actor, event_noun: Token) -> bool:
    """A modifier of an event noun that says where it happened, not who acted: a city or a state's
    capital (``the Minsk agreement``, ``an Astana meeting``), or any place word or demonym of a
    noun named after its theatre (``the Ukrainian war``)."""
    if token.dep_ == "poss":
        return False
    if role_of(event_noun) == THEATRE or actor.kind == "location":
        return True
    return actor.kind == "state" and load_dictionary().city_of_state(token.text)


def _people_or_unplaced(token: Token, actor: Actor) -> bool:
    """A people named by its plural demonym (``the Albanians of southern Serbia``) or an actor with no
    country (``a Christian missionary from Calgary``): CAMEO codes such a group where the phrase
    puts it, so a place after it decides its country."""
    if actor.kind == "group" and _ethnic_modifier(token):
        return True  # "ethnic Albanian guerrillas operating in Macedonia"
    if actor.sector == "IGO":
        return False  # "the European Union's monitoring mission in Armenia": where it works, not whose
    if actor.kind == "state":
        return token.tag_ in ("NNPS", "NNS") and any(
            f.form == "demonym" and f.actor.id == actor.id for f in load_dictionary().lookup(token.text))
    return actor.country is None


def _ethnic_modifier(token: Token) -> bool:
    """``ethnic Albanian guerrillas``: ``ethnic`` on the noun or on its demonym."""
    mods = [c for c in token.children if c.dep_ == "amod"]
    return any(m.lower_ in ETHNIC_WORDS or any(g.lower_ in ETHNIC_WORDS for g in m.children) for m in mods)


def _placed(token: Token, actors: DocumentActors, depth: int) -> Actor | None:
    """The place (or state) of an ``of``/``in``/``from`` phrase after ``token`` (or after a participle
    on it: ``guerrillas operating in Macedonia``), if it has a country."""
    preps = [c for c in token.children if c.dep_ == "prep"]
    preps += [p for c in token.children if c.dep_ == "acl" and c.tag_ == "VBG" for p in c.children
              if p.dep_ == "prep" and p.lower_ == "in"]
    for child in preps:
        if child.lower_ in PHRASE_PREPS:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    found = _head_actor(pobj, actors, depth + 1)
                    if found is not None and found.country and found.kind in ("state", "location"):
                        return found
    return None


def _stance(token: Token) -> bool:
    """``an anti-Syria journalist``, ``pro-Kyiv forces``: the state a stance is about, not the
    phrase's own actor."""
    doc = token.doc
    return token.i >= 2 and doc[token.i - 1].text == "-" and doc[token.i - 2].lower_ in STANCE_PREFIXES


def _ethnic_people(token: Token, actor: Actor) -> bool:
    """``ethnic Albanians``: a people, not the state its name also names; such a group is coded
    by where the phrase puts it (``ethnic Albanians in south Serbia``), else by nothing."""
    return actor.kind == "state" and any(c.dep_ == "amod" and c.lower_ in ETHNIC_WORDS for c in token.children)


def _modifier_actor(token: Token, actors: DocumentActors) -> Actor | None:
    """``Hungarian and Romanian``: the first conjunct is the modifier, others follow via conjuncts."""
    for child in token.children:
        if child.dep_ in ("compound", "poss", "npadvmod", "amod") and child.i < token.i:  # "Vietnamese-led"
            found = actors.resolve(child)
            if found is not None:
                return found
    return None


def modifier_conjunct_actors(token: Token, actors: DocumentActors) -> list[Actor]:
    """Actors of coordinated modifiers: ``Hungarian and Romanian officials`` -> both."""
    out: list[Actor] = []
    for child in token.children:
        if child.dep_ in MODIFIER_DEPS and child.i < token.i and not _stance(child):
            for t in (child, *child.conjuncts):
                a = actors.resolve(t)
                if a is not None and a not in out and not where_not_who(t, a, token):
                    out.append(a)
            if out:
                return out
    return out


def _prep_conjunct_actors(token: Token, actors: DocumentActors) -> list[Actor]:
    """``officials from India and Pakistan``: every actor of a coordinated ``from``/``of`` object."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in ("from", "of"):
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.conjuncts:
                    found = [a for t in (pobj, *pobj.conjuncts) if (a := actors.resolve(t)) is not None]
                    return list(dict.fromkeys(found))
    return []


def np_actors(token: Token | None, actors: DocumentActors) -> list[Actor]:
    if token is None:
        return []
    out = phrase_actors(token, actors)
    if len(out) <= 1 and actors.resolve(token) is None:
        more = modifier_conjunct_actors(token, actors)
        if len(more) > len(out):
            return more
        more = _prep_conjunct_actors(token, actors) if role_of(token) != THEATRE else []
        if len(more) > len(out):
            return more
    return out
