"""PLOVER events: who did what to whom, with intensity, date, place and attribution.

Per sentence: every verb and event noun is looked up in the pattern table
(:mod:`relata.relations.event_patterns`); a trigger inside the complement of another trigger
(``threatened to impose sanctions``, ``agreed to withdraw``, ``condemned the attack``) is coded
only through that other trigger. Each remaining trigger's modality
(:mod:`relata.relations.event_modality`) decides whether and as what it is coded; its source and
target come from :mod:`relata.relations.event_actors`.

Conventions:
- ``source``/``target`` are actor ids at the level PLOVER codes: when the acting or targeted actor
  holds or is described with a state office (a dictionary office holder in the publication year,
  or in office now when the document has no date; a person introduced with a state title such as
  ``Russian President X``, ``Chinese Foreign Minister Y``, ``a spokesperson of the foreign
  ministry``) or is an organ of a state (its ministry, government, army, police), the event's
  source/target is that state's ISO alpha-3 id: ``Putin visited Xi`` is CONSULT RUS -> CHN,
  ``Chile's president thanked Madrid`` CHL -> ESP (:mod:`relata.resolve.agency`). People without
  a state role (scholars, private people, opposition figures) keep their person id, international
  organisations theirs. The person stays in the record's actors and entities, and stays the
  speaker of quotes and the ``attributed_to`` of claims made in speech.
- A place is an actor of kind ``location`` with the ``country`` it lies in (``basrah-irq``,
  :mod:`relata.mentions.places`); as a target it stays that place (``raided Jericho``), and its
  ``country`` says which state was hit. A trigger with no source (or no target) that the text
  nevertheless places (``a bombing near Samarra killed ...``, ``imposed a curfew in Abidjan``) takes
  that place for the missing role: as in CAMEO, an actor the text does not name is coded by where
  it acted. A place that is a state's capital or the state itself gives the state.
- A domestic event keeps its target: ``President Bashir imposed a curfew in Sudan`` is SDN -> SDN
  (CAMEO's ``SDNGOV -> SDN``); only a target that *is* the actor the subject names is dropped, so
  a group coded by its place may address its own state (``the Albanians of southern Serbia
  demand autonomy from Serbian authorities``: SRB -> SRB). A protest with no named target is
  addressed to where it is held (``ethnic Albanians demonstrated in Serbia``: SRB -> SRB).
- Where a meeting is held is its location, not a partner: ``India and Pakistan held talks in
  Geneva`` is CONSULT IND <-> PAK at Geneva (a visit's place, ``arrived in Amman``, is its target).
- A verb of travel (``went to``, ``flew to``, ``arrived in``) is a visit only to another state or a
  place in one: ``Putin went to Beijing`` is CONSULT RUS -> CHN; a trip at home, or ``went to war``,
  is no event.
- Coordinated sources or targets give one event per source/target pair; ``X and Y met`` (or
  ``cooperation between X and Y``) with no other partner named pairs X with Y.
- ``X said X's state and Y should ...`` is a proposal, not a demand: no REQUEST.
- A threat with no object names as its target whoever must meet its condition (``threatened to
  strike unless Israel rescinded the law`` -> target Israel).
- Nominal events (``Putin's visit to Beijing``, ``sanctions on Russia``) are coded only when the
  phrase names at least one actor.
- ``start``/``end`` cover the trigger's clause (its ``xcomp`` chain included, a governing speech
  verb excluded); ``date`` is the first time expression inside that span; ``attributed_to`` is the
  subject of a governing speech/claim verb, an ``according to X`` phrase, or the speaker of the
  quote the trigger sits in, unless that is the source itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Span, Token

from relata.nlp import ParsedDocument, doc_text, has_child, positions_in, token_positions
from relata.records import Event, Location, Quote, TimeExpression
from relata.relations.cameo_match import general_code
from relata.relations.event_actors import (
    CIRCUMSTANCE_PREPS,
    Roles,
    complement_targets,
    condition_targets,
    noun_roles,
    preceding_subject_actors,
    subject_actors,
    verb_roles,
)
from relata.relations.event_anaphora import (
    PriorEvent,
    means_coded,
    responds,
)
from relata.relations.event_modality import (
    ATTEMPT,
    CONTINUE,
    INTENT,
    REFUSE,
    SPEECH,
    Modality,
    asserts_a_fact,
    assess,
    assess_noun,
    charged_act,
    decide,
    generic_relative,
    is_infinitival_advcl,
    role_of,
    same_paragraph,
    unreal_noun,
)
from relata.relations.event_partners import (
    MAX_PAIRS,
    MUTUAL_TYPES,
    partner_pairs,
    state_level,
)
from relata.relations.event_patterns import (
    PatternMatch,
    intensity,
    match_deverbal,
    match_noun,
    match_verb,
    may_name_an_event,
    noun_agent,
)
from relata.relations.event_places import (
    event_place,
    foreign_places_as_states,
    location_of,
    natural_feature,
    stand_in,
)
from relata.relations.event_referred_roles import accused_not_forum, referred_roles, summarised_clause
from relata.relations.event_subjects import main_verb_read_as_participle, quoted_speaker
from relata.relations.party_acts import (
    GATHERING_VERBS,
    by_a_crowd,
    diplomatic_protest,
    foreign_destinations,
    foreign_targets,
    is_travel,
    own_side_speaks,
)
from relata.relations.phrase_actors import np_actors
from relata.resolve.actors import DocumentActors

# Dependencies through which a trigger is the complement (or object) of another word.
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "pcomp", "pobj", "prep", "dobj", "conj", "acomp", "attr",
                             "nsubjpass", "advcl", "acl"})
PASS_THROUGH_ROLES = frozenset({INTENT, ATTEMPT, CONTINUE, REFUSE, SPEECH})
# Role and modality search walks the sentence's tree once per trigger, so cost grows with the
# square of sentence length. News sentences stay far below this; longer "sentences" are text
# without punctuation (a scraped blob), where a parse-based event would be a guess anyway.
MAX_SENTENCE_TOKENS = 300


def extract_events(
    parsed: ParsedDocument,
    actors: DocumentActors,
    times: Sequence[TimeExpression],
    quotes: Sequence[Quote],
) -> tuple[Event, ...]:
    events: list[Event] = []
    prior: list[PriorEvent] = []
    for sent in parsed.doc.sents:
        if len(sent) <= MAX_SENTENCE_TOKENS:
            # an event with nobody named says nothing about who did what to whom
            found = [e for e in _sentence_events(sent, actors, times, quotes, prior) if e.source or e.target]
            events.extend(found)
            prior.extend(PriorEvent(e.type, e.source, e.target, e.start, e.trigger) for e in found)
    return tuple(events)


def overlong_sentences(parsed: ParsedDocument) -> int:
    """How many sentences were too long to code events in (reported as a document warning)."""
    return sum(1 for sent in parsed.doc.sents if len(sent) > MAX_SENTENCE_TOKENS)


def _candidates(sent: Span) -> list[PatternMatch]:
    doc = sent.doc
    verbs: list[PatternMatch] = []
    # only verbs (and a noun read as the root verb) can be verb triggers, only nouns noun triggers
    for i in positions_in(token_positions(doc, pos=("VERB", "AUX", "NOUN")), sent):
        found = match_verb(doc[i])
        if found is not None:
            verbs.append(found)
    used = {t.i for m in verbs for t in m.tokens}
    nouns = []
    for i in positions_in(token_positions(doc, pos=("NOUN", "PROPN")), sent):
        if i in used:
            continue
        token = doc[i]
        if not may_name_an_event(token):
            continue
        found = match_noun(token) or match_deverbal(token)
        if found is not None:
            nouns.append(found)
    return verbs + nouns


def _governed_by_trigger(match: PatternMatch, heads: set[int]) -> bool:
    """Whether the trigger is the complement or object of another trigger (``agreed to withdraw``).
    An event noun or participle that names its doer with ``by`` reports an act of its own, whatever
    governs it (``summoned the envoy to protest the detention of three shepherds by border guards``)."""
    if match.head.pos_ == "NOUN" and match.noun is None and match.type not in MUTUAL_TYPES \
            and noun_agent(match.head) is not None:
        return False  # (a meeting or visit named again is the meeting the clause reports)
    if match.head.dep_ == "acl" and match.head.tag_ == "VBN" and has_child(match.head, "agent"):
        return False  # "restored ties in talks brokered by China": a participle with its own doer
    if match.head.dep_ == "acl" and match.head.tag_ == "VBG" and match.type == "PROTEST":
        return False  # "a blockade by farmers protesting against imports": what its noun's people are doing
    return _governed(match.head, heads)


def _governed(t: Token, heads: set[int], depth: int = 0) -> bool:
    if main_verb_read_as_participle(t):
        return False  # the sentence's own verb, hung on its subject by the parser
    for _ in range(10):
        if t.dep_ not in COMPLEMENT_DEPS or t.head == t or not same_paragraph(t, t.head):
            return False
        if t.dep_ == "ccomp" and _inverted_subordinate(t):
            return False
        if t.dep_ == "pobj" and (t.head.lower_ in CIRCUMSTANCE_PREPS or (
                t.head.lower_ == "of" and t.head.head.lower_ in CIRCUMSTANCE_PREPS)):
            return False  # "closed its borders because of fighting": a cause or time, its own event
        if t.dep_ == "pcomp" and t.head.lower_ == "by" and t.tag_ == "VBG" and responds(t.head.head):
            return False  # "retaliated by suspending all flights": the means is the act
        dep = t.dep_
        prev = t
        t = t.head
        if t.i in heads and dep in ("advcl", "acl") and is_infinitival_advcl(prev) and prev.pos_ in ("VERB", "AUX"):
            return True  # (not "sent warships to waters off Borneo after ...": a noun the model gave "to" as aux)
        if t.i in heads and dep == "advcl" and prev.tag_ == "VBG" and (charged := charged_act(t)) is not None \
                and charged.i < prev.i:
            return True  # "accused X of firing mortar rounds ..., killing two civilians": the act charged
        if t.i in heads:
            # A conjoined or adverbial verb is its own event, unless what it is conjoined to is itself
            # a complement ("agreed to resume visits and to restart a dialogue"); a complement is not.
            if dep == "conj" and t.pos_ in ("VERB", "AUX") and depth < 3:
                return _governed(t, heads - {t.i}, depth + 1)
            return dep not in ("conj", "advcl") or t.pos_ not in ("VERB", "AUX")
        if dep in ("conj", "advcl"):
            continue
        if t.pos_ in ("VERB", "AUX") and role_of(t) not in PASS_THROUGH_ROLES and t.lemma_ != "be":
            return False
    return False


# Conjunctions that open an adverbial clause: such a clause takes no complement before it.
SUBORDINATORS = frozenset({"after", "before", "since", "when", "while", "because", "as", "until", "once",
                           "although", "though", "whereas"})


def _inverted_subordinate(clause: Token) -> bool:
    """``X closed the bridge, hours after drivers were detained``: the small model can make the
    clause after *after* the root and the main clause its complement; that clause is its own event."""
    return clause.i < clause.head.i and any(
        c.dep_ == "mark" and c.lower_ in SUBORDINATORS and c.i > clause.i for c in clause.head.children) \
        or summarised_clause(clause)


def _sentence_events(sent: Span, actors: DocumentActors, times, quotes, prior=()) -> list[Event]:
    matches = _candidates(sent)
    found_targets: dict[int, tuple] = {}  # trigger token -> its targets, for conjoined verbs
    heads = {m.head.i for m in matches if not m.weak}
    heads |= {m.noun.i for m in matches if m.noun is not None}
    produced: list[tuple] = []  # (subject token of a verb trigger, type, its events)
    coded: dict[int, str | None] = {}  # trigger head -> the type it was coded as, if it gave events
    for match in matches:
        if _governed_by_trigger(match, heads - {match.head.i}):
            continue
        nominal = match.head.pos_ in ("NOUN", "PROPN") and match.noun is None and (
            match.head.dep_ != "ROOT" or match.deverbal)
        modality = assess_noun(match.head) if nominal else assess(match.head)
        if match.noun is not None and not nominal and unreal_noun(match.noun) and \
                (named := match_noun(match.noun)) is not None and named.type == match.type:
            # "staged mock attacks": a light verb's act is its noun's, and a mock attack is none
            # ("cancelled a planned visit" is an act of its own)
            modality = replace(modality, hypothetical=True)
        type_ = decide(match.type, modality)
        if type_ is None or type_ == "REQUEST" and not nominal and asserts_a_fact(match.head):
            continue
        if _named_again(match, prior):
            continue
        roles = noun_roles(match.head, actors) if nominal else verb_roles(match, actors)
        roles = _slot_roles(roles, match, actors)
        roles = _not_against_itself(roles, match, actors, nominal)
        roles = _legal_partner(roles, match, actors, nominal)
        roles = referred_roles(roles, match, actors, prior, nominal)
        if type_ == "PROTEST" and not nominal and diplomatic_protest(match, roles, actors):
            type_ = "ACCUSE"  # "Athens protested to Ankara": a formal protest, not a street one
        roles = accused_not_forum(roles, type_, match, actors, nominal, prior)
        roles = _shared_target(roles, match, found_targets)
        if not nominal:
            found_targets[match.head.i] = roles.targets
        if match.weak and not (roles.sources and roles.targets):
            continue
        if nominal and not (roles.sources and roles.targets) and not (
                match.type in MUTUAL_TYPES and len(roles.sources) >= 2):
            continue  # a war, raid or visit named in passing, with one party: background, not a report
        roles = _fill_source(roles, modality, match, actors, type_, quotes)
        if modality.possible and not own_side_speaks(roles, modality, actors):
            continue  # "analysts said Senegal could attack if ...": another's guess, no threat
        if not roles.sources and type_ not in MATERIAL_TYPES and _said_of_a_thing(match, roles):
            continue  # "a defence pact that allows their forces to train ...": a document, no actor, acts
        if generic_relative(match.head):
            continue  # "cut off foreign banks that help Russia's war effort": a kind, not an act
        if is_travel(match):
            roles = replace(roles, targets=foreign_destinations(roles, actors))
            if not roles.targets:
                continue  # a trip home, or "went to war": no visit to another state
        if type_ == "THREATEN" and match.type == "REQUEST" and not nominal:
            # "would ask the EU to consider sanctions against Turkey if ...": the threat is against
            # whom the asked-for act would hit, not the one asked
            inner = complement_targets(match.head, actors, list(roles.sources))
            roles = replace(roles, targets=tuple(inner)) if inner else roles
        if type_ == "THREATEN" and not nominal and not foreign_targets(roles, actors):
            # "threatened to seize Western assets in Russia if the EU confiscates ...": the
            # condition's actor is threatened, not the source's own country
            roles = replace(roles, targets=tuple(condition_targets(match.head, actors, roles.sources)
                                                 or complement_targets(match.head, actors, list(roles.sources), True))
                            or roles.targets)
        mode = match.mode if type_ == match.type else None
        if type_ in ("ASSAULT", "COERCE") and by_a_crowd(roles):
            type_, mode = "PROTEST", "riot"  # "the storming of the embassy by protesters": a riot
        elif type_ == "CONSULT" and match.head.lemma_.lower() in GATHERING_VERBS and by_a_crowd(roles):
            type_, mode = "PROTEST", "demo"  # "demonstrators gathered outside the embassy": no meeting
        found = _events(match, type_, mode, roles, modality, sent, actors, times, quotes, nominal)
        coded[match.head.i] = type_ if found else None
        subject = roles.subject.i if roles.subject is not None and not nominal else None
        produced.append((subject, type_, found, match.head))
    # "the shelling of Kharkiv killed four people": the coded shelling is the event, not its result;
    # "retaliated for the seizure by suspending all flights": the means coded is the retaliation
    out = [e for subject, type_, found, head in produced if (subject is None or coded.get(subject) != type_)
           and not means_coded(head, coded) for e in found]
    out.extend(_reported_demands(sent, heads, actors, times, quotes))
    return out


# Acts done to someone whoever did them: coded with an unknown doer ("a strike that hit Kharkiv").
MATERIAL_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "PROTEST", "SANCTION", "AID"})


def _said_of_a_thing(match: PatternMatch, roles: Roles) -> bool:
    """Whether a relative clause's verb has for its subject the noun it describes, and that noun
    names no actor (``a pact that allows ...``, ``a resolution which demands ...``)."""
    head = match.head
    return head.dep_ == "relcl" and roles.subject is not None and roles.subject.i == head.head.i \
        and roles.subject.pos_ == "NOUN"


def _named_again(match: PatternMatch, prior) -> bool:
    """``The agreement was reached in Addis Ababa`` after ``Kenya and Ethiopia agreed ...``: a
    light verb in the passive whose subject is a definite event noun of an event already coded
    names that event again."""
    noun = match.noun
    if noun is None or noun.dep_ != "nsubjpass":
        return False
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children):
        return False
    return any(e.type == match.type for e in prior)


def _slot_roles(roles: Roles, match: PatternMatch, actors: DocumentActors) -> Roles:
    """A role the clause left open, from the actor a CAMEO pattern's ``$``/``+`` slot names
    (``traded ... from X to Y``)."""
    if not roles.sources and match.source_slot is not None and (found := np_actors(match.source_slot, actors)):
        roles = replace(roles, sources=tuple(found))
    if not roles.targets and match.target_slot is not None and (found := np_actors(match.target_slot, actors)):
        roles = replace(roles, targets=tuple(a for a in found if a not in roles.sources))
    return roles


def _not_against_itself(roles: Roles, match: PatternMatch, actors: DocumentActors, nominal: bool) -> Roles:
    """``The ministry said France had taken a step ... and accused Paris of ...``: a verb the parser
    joined to a reported clause, whose inherited subject would act on itself, belongs to the
    reporting verb; its subject acts."""
    verb = match.head
    if nominal or verb.dep_ != "conj" or verb.head.dep_ not in ("ccomp", "relcl") or not roles.sources \
            or not roles.targets:
        return roles
    own = {actors.coded_as(a).id for a in roles.sources}
    if not all(actors.coded_as(t).id in own for t in roles.targets):
        return roles
    clause = verb.head
    for _ in range(3):  # up through the reported clause (and a relative clause in it) to the reporter
        if clause.dep_ not in ("ccomp", "relcl") or clause.head.i == clause.i:
            break
        clause = clause.head if clause.dep_ == "ccomp" else clause.head.head
        reporters = [a for a in subject_actors(clause, actors) if actors.coded_as(a).id not in own]
        if reporters:
            return replace(roles, sources=tuple(reporters))
    return roles


def _legal_partner(roles: Roles, match: PatternMatch, actors: DocumentActors, nominal: bool) -> Roles:
    """``Moldova extradited two Russian citizens to Romania``: legal cooperation is with the state
    the people are handed to (CAMEO 063), not with the people handed over."""
    if nominal or match.type != "COOPERATE" or match.mode != "legal":
        return roles
    for prep in match.head.children:
        if prep.dep_ == "prep" and prep.lower_ == "to":
            found = [a for p in prep.children if p.dep_ == "pobj" for a in np_actors(p, actors) if a not in roles.sources]
            if found:
                return replace(roles, targets=tuple(found))
    return roles


def _shared_target(roles: Roles, match: PatternMatch, found_targets: dict[int, tuple]) -> Roles:
    """``Warsaw summoned the Belarusian envoy and demanded an explanation``: a verb conjoined to
    another trigger, sharing its subject and naming no target, acts on the same target."""
    head = match.head
    if roles.targets or head.dep_ != "conj" or any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children):
        return roles
    inherited = tuple(a for a in found_targets.get(head.head.i, ()) if a not in roles.sources)
    return replace(roles, targets=inherited) if inherited else roles


def _reported_demands(sent: Span, heads: set[int], actors, times, quotes) -> list[Event]:
    """``X said Y must drop its tariffs``: whatever Y must do, X demands it of Y (REQUEST)."""
    out: list[Event] = []
    doc = sent.doc
    for i in positions_in(token_positions(doc, pos=("VERB", "AUX")), sent):
        verb = doc[i]
        if i in heads or verb.dep_ not in ("ccomp", "conj"):
            continue
        modality = assess(verb)
        if not modality.obligation or modality.speech is None or modality.negated or modality.hypothetical:
            continue
        if any(t.i in heads for t in (modality.speech, verb.head)):
            continue
        aux = [c for c in verb.children if c.dep_ == "aux" and role_of(c) == "obligation"]
        match = PatternMatch(head=verb, tokens=(*aux, verb), type="REQUEST", mode=None)
        roles = verb_roles(match, actors)
        roles = _fill_source(roles, modality, PatternMatch(verb, (verb,), "OBLIGATION", None), actors,
                             "REQUEST", quotes)
        out.extend(_events(match, "REQUEST", None, roles, modality, sent, actors, times, quotes, False))
    return out


def _fill_source(roles: Roles, modality: Modality, match: PatternMatch, actors, type_: str, quotes) -> Roles:
    """A demand voiced by a speaker (``X said Y must ...``): X asks Y. An unresolved ``it``/``they``
    subject takes the nearest state or organisation subject before it in the sentence, else (a
    reported clause: ``Syria says it will withdraw``) the speaker. A first-person subject inside a
    quotation is the quotation's speaker."""
    speaker = subject_actors(modality.speech, actors) if modality.speech is not None else []
    if type_ == "REQUEST" and match.type != "REQUEST" and speaker:
        return Roles(sources=tuple(speaker), targets=roles.sources or roles.targets, subject=roles.subject,
                     passive=roles.passive)
    # A passive without agent ("civilians were killed, police said") names no doer: the speaker
    # is not one.
    if not roles.sources and roles.subject is not None and roles.subject.lower_ in ("it", "they"):
        nearer = preceding_subject_actors(roles.subject, actors)
        if nearer:
            return replace(roles, sources=tuple(nearer))
    if not roles.sources and speaker and not roles.passive and (
            roles.subject is None or roles.subject.pos_ == "PRON"):
        return Roles(sources=tuple(speaker), targets=roles.targets, subject=roles.subject)
    quoted = quoted_speaker(roles.subject, quotes) if not roles.sources and not roles.passive else None
    if quoted is not None and (actor := actors.get(quoted)) is not None:
        return replace(roles, sources=(actor,))
    return roles


def _paragraph_span(token: Token, sent: Span) -> tuple[int, int]:
    """The sentence, cut at blank lines around ``token``."""
    text = doc_text(sent.doc)
    start = text.rfind("\n\n", sent.start_char, token.idx)
    start = sent.start_char if start < 0 else start + 2
    end = text.find("\n\n", token.idx, sent.end_char)
    end = sent.end_char if end < 0 else end
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _clause_span(match: PatternMatch, modality: Modality, sent: Span, nominal: bool) -> tuple[int, int]:
    head = modality.clause_head
    if nominal or head is None or head.dep_ == "ROOT" or not same_paragraph(head, head.head):
        return _paragraph_span(match.head, sent)
    left, right = head.left_edge.i, head.right_edge.i
    doc = sent.doc
    while left < right and (doc[left].dep_ in ("mark", "cc", "punct") or doc[left].is_space):
        left += 1
    after = [t for t in doc[right + 1:sent.end] if not t.is_space]
    if len(after) == 1 and after[0].is_punct and same_paragraph(doc[right], after[0]):
        right = after[0].i  # the sentence's final full stop closes the clause too
    while right > left and doc[right].is_space:
        right -= 1
    return doc[left].idx, doc[right].idx + len(doc[right].text)


def _attribution(match: PatternMatch, modality: Modality, sent: Span, actors, quotes) -> str | None:
    if modality.speech is not None:
        found = subject_actors(modality.speech, actors)
        if found:
            return found[0].id
    for token in sent:
        if token.lower_ == "according":
            for prep in token.children:
                if prep.lower_ == "to":
                    for pobj in prep.children:
                        found = np_actors(pobj, actors)
                        if found:
                            return found[0].id
    at = match.head.idx
    for quote in quotes:
        if quote.start <= at < quote.end and quote.speaker:
            return quote.speaker
    return None


DATE_PATH_DEPS = frozenset({"pobj", "prep", "npadvmod", "tmod", "compound", "amod", "nummod", "appos", "det"})


def _date(match: PatternMatch, modality: Modality, start: int, end: int,
          times: Sequence[TimeExpression]) -> str | None:
    """The value of a time expression inside the clause that modifies the trigger itself
    (``attacked on Monday``), not a noun inside it (``up 20 percent from last year``)."""
    anchors = {match.head.i}
    if modality.clause_head is not None:
        anchors.add(modality.clause_head.i)
    if match.noun is not None:
        anchors.add(match.noun.i)
    doc = match.head.doc
    for t in times:
        if not (start <= t.start and t.end <= end and t.value):
            continue
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None:
            continue
        token = span.root
        for _ in range(6):
            if token.i in anchors:
                return t.value
            if token.dep_ not in DATE_PATH_DEPS or token.head == token:
                break
            token = token.head
        if token.i in anchors:
            return t.value
    return None


def _events(match, type_, mode, roles: Roles, modality, sent, actors, times, quotes, nominal) -> list[Event]:
    start, end = _clause_span(match, modality, sent, nominal)
    if not (start <= match.head.idx < end):
        start, end = _paragraph_span(match.head, sent)
    trigger = match.trigger
    if modality.refused_by is not None and type_ == "REJECT":
        trigger = f"{modality.refused_by.text} {trigger}"
    attributed = _attribution(match, modality, sent, actors, quotes)
    date = _date(match, modality, start, end, times)
    place = event_place(match, actors)
    location = location_of(place)
    value = intensity(type_, mode)
    cameo = (match.cameo if type_ == match.type else None) or general_code(type_, mode)
    pairs = partner_pairs(type_, roles, actors, match)
    if pairs:  # "X and Y met": with each other; "X and Y traded accusations": each to the other
        return [Event(start=start, end=end, trigger=trigger, type=type_, mode=mode, intensity=value,
                      source=a, target=b, date=date, attributed_to=attributed if attributed not in (a, b) else None,
                      location=location, cameo=cameo)
                for a, b in pairs]
    found_sources = roles.sources or stand_in(place)
    # where a meeting was held is not who was met ("leaders meet in Washington"); a visit's is.
    # A protest is addressed to where it is held, even when the place also stands in for the
    # unnamed protesters ("ethnic Albanians demonstrated in Serbia": SRB -> SRB, as CAMEO codes it).
    venue = match.type in MUTUAL_TYPES and match.mode != "visit"
    protest_place = type_ == "PROTEST" and not roles.targets
    found_targets = roles.targets or (stand_in(place) if (roles.sources or protest_place) and not venue else ())
    if not roles.sources and type_ != "PROTEST":
        # "the boats were seized near Karachi": the place stands in for the unnamed doers, so it
        # is not also whom they acted on (a protest is addressed to where it is held: SRB -> SRB)
        found_targets = tuple(t for t in found_targets if t not in found_sources)
    if protest_place and not found_targets and roles.sources and all(
            a.kind == "group" and a.country for a in roles.sources):
        # "The protesters had blocked the road": citizens protest to their own state, as CAMEO codes it
        found_targets = tuple(t for a in roles.sources if (t := actors.get(a.country)) is not None)[:1]
    # a river, sea or shoal in no known state is where, never whom ("digging a canal on the
    # Massacre River", "deployed troops along the Moei River")
    # (the event's own place is dealt with below)
    where = place[1].id if place is not None and place[1] is not None else None
    found_targets = tuple(t for t in found_targets if t.id == where or not natural_feature(t))
    if match.cameo_only and not (found_sources and found_targets):
        return []  # only the CAMEO dictionary knows the verb, and nobody is named: too little to code
    sources = state_level(found_sources, actors) or [None]
    # a place standing in for unnamed doers is not itself the doer: it may also be the target
    avoid = found_sources[:MAX_PAIRS] if roles.sources and not protest_place else ()
    own = avoid
    if roles.subject is not None and not roles.passive and roles.subject.pos_ != "PRON":
        # only actors the subject names themselves: a group coded by its place ("the Albanians
        # of southern Serbia demand autonomy from Serbian authorities") may target that state
        named = {actors.resolve(t) for t in (roles.subject, *roles.subject.conjuncts)}
        own = tuple(a for a in avoid if a in named)
    if place is not None and place[1] is not None and place[1].country is None and place[1].kind == "location":
        # "rammed the boats near Second Thomas Shoal": a place in no state's territory that the
        # event happened at is where, not whom (a place in a state stands for it, as CAMEO codes)
        found_targets = tuple(t for t in found_targets if t.id != place[1].id)
    found_targets, placed = foreign_places_as_states(found_targets, found_sources, actors, type_ == "PROTEST")
    if location is None and placed is not None:
        location = Location(name=placed.name, country=placed.country)
    targets = state_level(found_targets, actors, avoid=avoid, own=own) or [None]
    if type_ == "REQUEST" and len(targets) > 1 and any(t is not None and t in sources for t in targets):
        return []  # "X said X's state and Y should ...": a proposal to act together, not a demand
    out = []
    for source in sources:
        for target in targets:
            out.append(Event(start=start, end=end, trigger=trigger, type=type_, mode=mode, intensity=value,
                             source=source, target=target, date=date,
                             attributed_to=attributed if attributed != source else None,
                             location=location, cameo=cameo))
    return out
