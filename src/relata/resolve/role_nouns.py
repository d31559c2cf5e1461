"""Role nouns without a name: ``police``, ``the army``, ``rebels``, ``protesters``, ``the junta``,
``the coast guard``, ``security forces``, ``the defence minister``, ``the opposition``.

CAMEO codes such a phrase by a country and a sector (``Thai police`` -> THA + COP). The sector is
the Phoenix agents table's (``data/petrarch/agents.tsv``, through
:func:`relata.resolve.phoenix.agent_code`; a few nouns it lacks are Relata's own,
``data/people/role_nouns.tsv``). The country is the first of:

1. the phrase: a state, demonym, people or located place modifying the noun (``Venezuela's
   National Guard``, ``Thai police``, ``Tamil refugees``) or after it (``police in Kisumu``,
   ``the army of Chad``). A phrase naming another actor without a country (``UN peacekeepers``)
   or one that is no place decides too: no country;
2. a place of the noun's own clause (``Police fired tear gas in Nairobi``);
3. the sentence, when it names exactly one country, by a state, a place or an official
   (``Egyptian police dispersed demonstrators``: the demonstrators are Egyptian);
4. the dateline (``NAIROBI -``), when the sentence names no country (with two or more, the noun
   is left without one: ``a joint operation of Colombian and Venezuelan police against fuel
   smugglers``);
5. the story, when it names exactly one country.

A state's own agents as the object of an act of that state (``Thailand deployed additional
troops``) are its instrument, not a party: no actor. A country the noun's own clause names as the other party (``Militants fired rockets into
Israel``) is never the noun's own. A title some named person of the document holds (``the
president`` after two presidents met) takes no country from levels 3-5: the descriptions resolver
declined to choose between them. Without a country the noun stays unresolved, as before.

Each role noun with a country becomes an actor whose id is the demonym and the noun
(``kenyan-police``), the same in every document: kind ``organization`` for a body (``the army``,
``the junta``) and for a state's own agents (``police``, ``troops``: its bodies, not groups),
``group`` for other plurals (``rebels``), ``person`` for any other singular (``the defence
minister``, ``an Australian writer``); with its sector. One with a
state sector (GOV, MIL, COP, JUD, LEG, SPY) acts for its state (:mod:`relata.resolve.agency`).
Role nouns that title a name (``President X``, ``X, a police officer``) are the name's, those
that count actors named before (``the two ministers``, ``both armies``) or belong to a pronoun's
referent (``its troops``) are the event coder's to resolve, and a
description the resolver already refers to someone (``the minister`` after a named minister)
keeps that referent (:mod:`relata.resolve.descriptions` goes first).
"""

from __future__ import annotations

from functools import cache, lru_cache

from spacy.tokens import Token

from relata.mentions.names import name_key, slug
from relata.mentions.places import find_place
from relata.mentions.tables import data_path, read_table
from relata.nlp import doc_text, sentence_of, token_positions
from relata.records import Actor
from relata.resolve.agency import acting_state, organ_words
from relata.resolve.coordinates import dateline_place
from relata.resolve.ethnic_groups import country_of_people
from relata.resolve.index import DocumentIndex
from relata.resolve.phoenix import STATE_SECTORS, agent_code
from relata.resolve.titles import roles_match

# Generic people nouns ("people", "men") name no role.
_NO_ROLE_SECTORS = frozenset({"PPL"})
_MEMBER_NOUNS = frozenset({"officer", "official", "member", "agent", "personnel", "staff", "employee"})
_MODIFIER_DEPS = frozenset({"amod", "compound", "poss", "nmod", "npadvmod"})
_PHRASE_PREPS = frozenset({"of", "in", "from", "across", "throughout", "inside", "at", "near"})
_CLAUSE_PLACE_PREPS = frozenset({"in", "across", "throughout", "inside", "at", "near", "outside", "around", "off"})
# The arguments by which a clause names the other party of its subject or object.
_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "attr"})
_NAME_LINKS = frozenset({"compound", "appos", "flat", "nmod"})
_MAX_NOUN_WORDS = 3
_UNDECIDED = object()


@cache
def _own_nouns() -> dict[str, tuple[str, str]]:
    """noun -> (sector or "", reach), Relata's own rows (``data/people/role_nouns.tsv``)."""
    return {name_key(r["noun"]): (r.get("sector") or "", r.get("reach") or "story")
            for r in read_table(data_path("people", "role_nouns.tsv")) if r.get("noun")}


@cache
def _body_nouns() -> frozenset[str]:
    """Singular nouns that name a body, not a person: Relata's rows marked so, a state's organs
    (:func:`relata.resolve.agency.organ_words`) and the institution nouns."""
    own = {name_key(r["noun"]) for r in read_table(data_path("people", "role_nouns.tsv")) if r.get("body") == "1"}
    institutions = {r["noun"] for r in read_table(data_path("people", "institution_nouns.tsv"))}
    return frozenset(own | institutions | organ_words())


def _reaches_story(index: DocumentIndex, words: list[Token]) -> bool:
    """Whether the dateline or the story may give the noun its country: not for a title
    (``the ambassador``) nor a noun Relata's table keeps to its sentence (``diplomats``)."""
    text = " ".join(t.lower_ for t in words)
    lemma = " ".join([*(t.lower_ for t in words[:-1]), words[-1].lemma_.lower()])
    if index.dictionary.title(text) is not None or index.dictionary.title(lemma) is not None:
        return False
    own = _own_nouns().get(name_key(text)) or _own_nouns().get(name_key(lemma))
    return own is None or own[1] != "sentence"


@lru_cache(maxsize=50_000)
def role_sector(words: str) -> str | None:
    """The sector of a role noun (``riot police`` -> COP), Relata's own table first; ``None`` for
    a noun neither table lists or that names no role (``people``). Asked for every noun of every
    document and every compound ending on it (a corpus repeats its nouns): kept per process."""
    key = name_key(words)
    sector = _own_nouns().get(key, ("", ""))[0]
    if not sector:
        found = agent_code(key)
        sector = found.sector if found is not None else None
    return sector if sector and sector not in _NO_ROLE_SECTORS else None


def state_title(words: list[str]) -> str | None:
    """The longest role noun of a state sector ending title words (``army chief``, ``chief
    justice``, ``police chief`` before a name), or ``None``."""
    for start in range(max(0, len(words) - _MAX_NOUN_WORDS), len(words)):
        noun = " ".join(words[start:])
        if role_sector(noun) in STATE_SECTORS:
            return noun
    return None


def _noun_words(token: Token) -> tuple[list[Token], str] | None:
    """The words of the role noun headed by ``token`` with the compounds before it (``interior
    ministry``, ``coast guard``) and the sector of the longest of them the tables list (``riot
    police``; ``ministry`` for ``interior ministry``), or of ``minister of defence``."""
    compounds: list[Token] = []
    i = token.i - 1
    while i >= 0 and len(compounds) < _MAX_NOUN_WORDS - 1 and token.doc[i].dep_ == "compound" \
            and token.doc[i].head.i in {token.i, *(c.i for c in compounds)}:
        compounds.insert(0, token.doc[i])
        i -= 1
    words = [*compounds, token]
    for start in range(len(words)):
        sector = role_sector(" ".join(t.text for t in words[start:]))
        if sector is not None:
            return words, sector
    if compounds and token.lemma_.lower() in _MEMBER_NOUNS:
        # "coast guard officers", "border police personnel": members of the body before them
        for start in range(len(compounds)):
            sector = role_sector(" ".join(t.text for t in compounds[start:]))
            if sector is not None:
                return words, sector
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    sector = role_sector(f"{token.text} of {pobj.text}")
                    if sector is not None:
                        return [token, prep, pobj], sector
    return None


def _titles_a_name(index: DocumentIndex, token: Token) -> bool:
    """``President`` in ``President X``, ``spokesman`` in ``the spokesman, X,`` or ``X, a police
    officer``: the noun belongs to a named person."""
    def person(t: Token) -> bool:
        position = index.mention_at(t.i)
        return position is not None and index.mentions[position].label == "PERSON"

    if token.dep_ in _NAME_LINKS and person(token.head):
        return True
    if any(c.dep_ == "appos" and person(c) for c in token.children):
        return True
    return token.i + 1 < len(token.doc) and person(token.doc[token.i + 1])


def _refers_back(token: Token) -> bool:
    """``the two ministers``, ``both governments``: people or bodies named before, counted."""
    children = list(token.children)
    definite = any(c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in children)
    counted = any(c.dep_ == "nummod" for c in children)
    return (definite and counted) or any(c.lower_ == "both" for c in children)


def _owned_by_pronoun(token: Token) -> bool:
    """``its troops``, ``their supporters``: the agents of whoever the pronoun stands for, which
    the event coder finds through the pronoun, not a country of their own."""
    return any(c.dep_ == "poss" and c.pos_ == "PRON" for c in token.children)


def _country_of_token(index: DocumentIndex, token: Token):
    """The country a word of the phrase gives: a state, a located place, a people; ``None`` when
    it names an actor without a country; ``_UNDECIDED`` when it names none."""
    actor = index.actor_of(token)
    if actor is not None:
        if actor.kind == "state":
            return actor.id
        if actor.kind == "location":
            return actor.country
        # a place the recogniser took for an organisation ("police in Kisumu"); any other
        # actor owns the phrase ("Hamas militants", "Djindjic's coalition"): the event coder's
        place = find_place(actor.name) if actor.kind == "organization" else None
        return place.country if place is not None and place.country else None
    people = country_of_people(token.text)
    if people is not None:
        return people
    if token.is_title:
        states = {f.actor.id for f in index.dictionary.lookup(token.text)
                  if f.actor.kind == "state" and f.form in ("name", "demonym")}
        if len(states) == 1:
            return states.pop()
        if token.pos_ == "PROPN":
            place = find_place(token.text)
            if place is not None and place.country:
                return place.country
    return _UNDECIDED


def _phrase_country(index: DocumentIndex, token: Token, words: list[Token]):
    """The country the phrase's own words give; ``None`` for several (``Colombian and Venezuelan
    police``, ``troops from Chad and Niger``: one actor per country, the event coder's to list)."""
    inside = {t.i for t in words}
    for word in words[:-1]:  # "European Union governments": a known actor within the noun's words
        actor = index.actor_of(word)
        if actor is not None and actor.kind == "state":
            return actor.id
        if actor is not None and actor.kind == "location" and actor.country:
            return actor.country
        if actor is not None and actor.id in index.dictionary.actors and actor.kind != "location":
            return None  # "Hamas militants", "European Union governments": that actor's own
    for child in token.children:
        if child.dep_ in _MODIFIER_DEPS and child.i < token.i and child.i not in inside:
            found = _country_of_token(index, child)
            if found is not _UNDECIDED:
                return None if child.conjuncts else found
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in _PHRASE_PREPS and child.i not in inside:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    found = _country_of_token(index, pobj)
                    if found is not _UNDECIDED:
                        return None if pobj.conjuncts else found
    return _UNDECIDED


def _clause_head(token: Token) -> Token:
    head = token
    for _ in range(4):
        if head.pos_ in ("VERB", "AUX") or head.dep_ == "ROOT":
            break
        head = head.head
    return head


def _clause_place(index: DocumentIndex, verb: Token) -> str | None:
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in _CLAUSE_PLACE_PREPS:
            for pobj in prep.children:
                actor = index.actor_of(pobj) if pobj.dep_ == "pobj" else None
                if actor is not None and actor.kind in ("state", "location") and actor.country:
                    return actor.country
    return None


# A state's missions abroad: a crowd at one is there to address that state (the event coder's too)
MISSION_NOUNS = frozenset({"embassy", "consulate", "mission", "legation"})

# "Hundreds of truck drivers": an amount of people, whose clause is theirs
AMOUNT_WORDS = frozenset({"hundreds", "thousands", "dozens", "scores", "tens", "millions"})


def _other_parties(index: DocumentIndex, token: Token, verb: Token) -> set[str]:
    """Countries the noun's clause names as the other party: a state (or place) that is an
    argument of the clause other than the noun itself (``Militants fired rockets into Israel``),
    any country in what the noun acts on as a subject (``Militants attacked Israeli soldiers``),
    and in the objects of an action the noun is told to take (``urged the security forces to
    protect ethnic Uzbek neighbourhoods``), and in what a participle on the noun acts on (``farmers
    protesting against Ukrainian imports``). Where it happened (``in Osh``) is no party."""
    own = {t.i for t in token.subtree}
    found: set[str] = set()

    def countries_in(tokens) -> set[str]:
        out = set()
        for t in tokens:
            actor = index.actor_of(t) if t.i not in own else None
            if actor is not None and actor.kind in ("state", "location") and actor.country:
                out.add(actor.country)
        return out

    def arguments(head: Token) -> list[Token]:
        out = []
        for child in head.children:
            if child.dep_ in _ARGUMENT_DEPS:
                out.append(child)
            elif child.dep_ in ("prep", "agent") and child.lower_ not in _CLAUSE_PLACE_PREPS:
                out.extend(p for p in child.children if p.dep_ == "pobj")
        return [a for a in out if a.i not in own]

    top = token
    while top.dep_ == "pobj" and top.head.lower_ == "of" and top.head.head.i != top.head.i \
            and top.head.head.lower_ in AMOUNT_WORDS:
        top = top.head.head  # "Hundreds of truck drivers blocked ...": the drivers are the subject
    subject = top.dep_ in ("nsubj", "nsubjpass")
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in _CLAUSE_PLACE_PREPS):
        # "rallied outside the Chinese embassy": an embassy's state is whom they go to, not theirs
        for pobj in (p for p in prep.children if p.dep_ == "pobj" and p.lemma_.lower() in MISSION_NOUNS):
            found |= countries_in(c for c in pobj.subtree if c.i < pobj.i)
    for argument in arguments(verb):
        found |= countries_in(argument.subtree if subject and argument.dep_ != "nsubj" else [argument])
    if subject:
        # "..., demanding curbs on Ukrainian grain": what the subject does next acts on others too
        for action in (c for c in verb.children if c.dep_ in ("advcl", "xcomp")
                       and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)):
            for argument in arguments(action):
                found |= countries_in(argument.subtree)
    if token.dep_ in ("dobj", "dative"):
        for action in (c for c in verb.children if c.dep_ == "xcomp"):
            for argument in arguments(action):
                found |= countries_in(argument.subtree)
    for action in (c for c in token.children if c.dep_ == "acl" and c.tag_ == "VBG"):
        # "farmers protesting against Ukrainian imports": what the noun's people act on is another's
        own -= {t.i for t in action.subtree}
        for argument in arguments(action):
            found |= countries_in(argument.subtree)
    return found


def _clause_tokens(token: Token) -> set[int]:
    """The token indices of the clause the noun stands in, with the clauses it governs or that
    govern it as a purpose or complement (``police opened fire to disperse demonstrators``), but
    not coordinated or inserted clauses (``..., diplomats said, but capitals remain opposed to
    sanctions on Russian fuel``)."""
    head = _clause_head(token)
    while head.dep_ in ("xcomp", "advcl", "ccomp", "acl", "relcl", "pcomp") and head.head.i != head.i:
        head = head.head
    cut = [c for c in head.children if c.dep_ in ("conj", "parataxis", "cc")]
    if head.dep_ == "parataxis" or token in head.subtree:
        inside = {t.i for t in head.subtree}
        for c in cut:
            inside -= {t.i for t in c.subtree}
        return inside
    sent = sentence_of(token)
    return set(range(sent.start, sent.end))


def _sentence_countries(index: DocumentIndex, token: Token) -> set[str]:
    """The countries the noun's clause names (:func:`_clause_tokens`): states, located places, and
    the states officials act for (``Kibaki said the army would withdraw``: Kenya's army)."""
    sent = sentence_of(token)
    clause = _clause_tokens(token)
    found = set()
    for position in index.positions_within(sent.start, sent.end):
        if index.spans[position].root.i not in clause:
            continue
        actor = index.actors.get(index.mentions[position].actor or "")
        if actor is None:
            continue
        if actor.kind in ("state", "location") and actor.country:
            found.add(actor.country)
        elif actor.kind in ("person", "organization"):  # an official, or a state organ ("the U.S. Navy said")
            state = acting_state(index, actor)
            if state is not None:
                found.add(state)
    return found


def dateline_country(index: DocumentIndex, text: str) -> str | None:
    """The country of the story's dateline (``NAIROBI -`` -> KEN, ``MAE SOT, Thailand -`` -> THA):
    its region or place as a state's name, capital or demonym in the dictionary, else a place of
    the mentions' gazetteer; the coordinates gazetteer is not loaded for it (a second a process)."""
    found = dateline_place(text)
    if found is None:
        return None
    for words in (found[1], found[0]):
        if not words:
            continue
        states = {f.actor.id for f in index.dictionary.lookup(words) if f.actor.kind == "state"}
        if len(states) == 1:
            return states.pop()
        place = find_place(words.title()) or find_place(words)
        if place is not None and place.country:
            return place.country
    return None


def office_place(index: DocumentIndex, token: Token) -> str | None:
    """Where a named official whose state the text leaves untold serves: a place of the name's own
    clause (``In Dodoma, chief government spokesman X dismissed ...``), else ``None``. Not the
    dateline: wire copy datelined in one capital quotes the other side's officials by title alone
    (``BOGOTA - ... Interior Minister Diosdado Cabello accused Colombian authorities``)."""
    return _clause_place(index, _clause_head(token))


def story_country(index: DocumentIndex) -> str | None:
    """The one country the document names (states and located places), else ``None``."""
    found = {a.country for a in index.actors.values() if a.kind in ("state", "location") and a.country}
    return found.pop() if len(found) == 1 else None


def _role_held(index: DocumentIndex, words: list[Token]) -> bool:
    """Whether a person of the document holds the title ``words`` name (``the president`` in a
    story of two presidents): the descriptions resolver declined to choose, the context must not."""
    title = index.dictionary.title(" ".join(t.lower_ for t in words)) or index.dictionary.title(
        " ".join([*(t.lower_ for t in words[:-1]), words[-1].lemma_.lower()]))  # "the ministers"
    if title is None:
        return False
    return any(roles_match(title.role, fact.role)
               for actor in index.actors.values() if actor.kind == "person"
               for fact in index.person_roles(actor.id))


def country_of(index: DocumentIndex, token: Token, words: list[Token], dateline: str | None,
               story: str | None) -> str | None:
    """The country of the role noun headed by ``token`` (module docstring), or ``None``."""
    found = _phrase_country(index, token, words)
    if found is not _UNDECIDED:
        return found
    verb = _clause_head(token)
    others = _other_parties(index, token, verb)
    place = _clause_place(index, verb)
    if place is not None and place not in others:
        return place
    if _role_held(index, words):
        return None
    sentence = _sentence_countries(index, token) - others
    if len(sentence) == 1:
        return sentence.pop()
    if sentence or not _reaches_story(index, words):
        return None  # two countries or more: whose the noun is, the sentence does not say
    for country in (dateline, story):
        if country is not None and country not in others:
            return country
    return None


@cache
def _demonyms(dictionary) -> dict[str, str]:
    out: dict[str, str] = {}
    for form in dictionary.forms:
        if form.form == "demonym" and form.actor.kind == "state":
            out.setdefault(form.actor.id, form.text)  # the first listed: the adjective
    return out


def _actor(index: DocumentIndex, token: Token, words: list[Token], sector: str, country: str) -> Actor:
    # "Danish web sites": the country word is the demonym of the name, not part of the noun
    words = [t for t in words if t is words[-1] or _country_of_token(index, t) is _UNDECIDED]
    text = " ".join(t.text if t.pos_ == "PROPN" else t.lower_ for t in words)
    demonym = _demonyms(index.dictionary).get(country)
    known = index.dictionary.actors.get(country)
    name = f"{demonym} {text}" if demonym else f"{text} of {known.name if known else country}"
    plural = token.tag_ in ("NNS", "NNPS") or token.lower_ in _body_nouns() and token.lower_.endswith("s")
    if plural:
        # "rebels", "protesters"; a state's own agents are its bodies ("troops", "police")
        kind = "organization" if sector in STATE_SECTORS else "group"
    elif token.lemma_.lower() in _body_nouns() or token.lower_ in _body_nouns():
        kind = "organization"  # "the army", "the junta", "the coast guard"
    else:
        kind = "person"  # "the defence minister", "an Australian writer", "a soldier"
    return Actor(slug(name), name, kind, country, (), sector)


def find_role_nouns(index: DocumentIndex) -> dict[int, Actor]:
    """Head token -> actor, for every role noun without a name that the text gives a country."""
    story = story_country(index)
    dateline = dateline_country(index, doc_text(index.doc))
    found: dict[int, Actor] = {}
    named: dict[int, Actor] = {}  # "M23 rebels": the body a name gives a role noun, for "the rebels" later
    for token in map(index.doc.__getitem__, token_positions(index.doc, pos=("NOUN", "PROPN"))):
        if token.dep_ == "compound" or token.i in index.groups:
            continue
        position = index.mention_at(token.i)
        if position is not None and index.mentions[position].actor:
            continue
        noun = _noun_words(token)
        if noun is None or _titles_a_name(index, token) or _owned_by_pronoun(token) or _refers_back(token):
            continue
        words, sector = noun
        body = _named_body(index, token)
        if body is not None:
            named[token.i] = body
            continue  # "Al-Shabaab militants", "Hamas fighters": the name says who they are
        earlier = _named_before(index, token, {**found, **named})
        if earlier is not None:
            found[token.i] = earlier  # "14 Colombian truck drivers ... any of the drivers": the same
            continue
        country = _body_country(index, words, found) or country_of(index, token, words, dateline, story)
        if country is not None:
            found[token.i] = _actor(index, token, words, sector, country)
    return {i: actor for i, actor in found.items()
            if not (actor.sector in STATE_SECTORS and _instrument_of(index, index.doc[i], actor.country, found))}


def _body_country(index: DocumentIndex, words: list[Token], found: dict[int, Actor]) -> str | None:
    """``coast guard officers`` after ``the Mauritanian coast guard``: members of a body named
    before are of its country."""
    if len(words) < 2:
        return None
    body = " ".join(t.lower_ for t in words[:-1])
    for i in sorted(found, reverse=True):
        if i < words[0].i and (earlier := _noun_words(index.doc[i])) is not None \
                and " ".join(t.lower_ for t in earlier[0]) == body:
            return found[i].country
    return None


def _named_body(index: DocumentIndex, token: Token) -> Actor | None:
    """The organisation or group the resolver knows that a name before the noun gives (a modifier,
    or the name right before it, which a dateline can make the parser hang elsewhere), or ``None``."""
    before = [token.doc[token.i - 1]] if token.i > 0 else []
    modifiers = [c for c in token.children if c.i < token.i and c.dep_ in ("compound", "nmod", "amod")]
    return next((actor for t in [*before, *modifiers]
                 if (actor := index.actor_of(t)) is not None and actor.kind in ("organization", "group")), None)


def _named_before(index: DocumentIndex, token: Token, found: dict[int, Actor]) -> Actor | None:
    """The group an earlier phrase named with the same noun, the nearest if several, for a definite
    plural without a country of its own (``the drivers`` after ``14 Colombian truck drivers``), or
    ``None``."""
    if token.tag_ not in ("NNS", "NNPS") or not any(c.dep_ == "det" and c.lower_ in ("the", "these", "those")
                                                      for c in token.children):
        return None
    if _phrase_country(index, token, [token]) is not _UNDECIDED:
        return None  # "the Venezuelan drivers": the phrase says whose
    lemma = token.lemma_.lower()
    earlier = [actor for i, actor in sorted(found.items()) if i < token.i and index.doc[i].lemma_.lower() == lemma
               and actor.kind in ("group", "organization")]
    return earlier[-1] if earlier else None


def _instrument_of(index: DocumentIndex, token: Token, country: str, role_actors: dict[int, Actor]) -> bool:
    """``Thailand deployed additional troops``, ``the minister in Abidjan ordered troops to ...``,
    ``Moscow declined to send soldiers``: a state's own agents as the object of an act of that
    state are its instrument, not a party to it."""
    if token.dep_ not in ("dobj", "dative", "pobj"):
        return False
    verb = _clause_head(token)
    for _ in range(3):  # "declined to send soldiers": the subject of the verb "send" depends on
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects or verb.dep_ not in ("xcomp", "advcl") or verb.head.i == verb.i:
            break
        verb = verb.head
    for subject in subjects:
        actor = index.actor_of(subject) or role_actors.get(subject.i)
        if actor is None:
            continue
        state = actor.country if actor.sector in STATE_SECTORS else acting_state(index, actor)
        if state == country:
            return True
    return False
