"""Roles an event's own clause leaves open or names wrongly, filled from what its words refer to:
an earlier event (``rejected the charge``, ``condemned the raids as an attack on ...``), a pair named
before (``the two countries``), an act a noun sums up (``..., a step Kosovo called a provocation``),
and the accused behind an international body a complaint is taken to. The reference resolution
itself is :mod:`relata.relations.event_anaphora`; this module applies it to a trigger's roles."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Token

from relata.nlp import has_child
from relata.relations.event_actors import Roles, subject_actors
from relata.relations.event_anaphora import (
    RETALIATION_TYPES,
    PriorEvent,
    aimed_at,
    answers_a_cause,
    antecedent_target,
    own_ids,
    pair_antecedents,
    pair_phrase,
    parties_of_referred,
    referred_type,
    responds,
    retaliating_side,
    side_ids,
)
from relata.relations.event_modality import is_infinitival_advcl
from relata.relations.event_partners import MAX_PAIRS
from relata.relations.event_patterns import PatternMatch, for_clause, match_verb
from relata.relations.event_words import GO_BETWEEN_VERBS
from relata.relations.phrase_actors import np_actors
from relata.resolve.actors import DocumentActors

# Types that judge an act (condemn, criticise, welcome, praise): they answer its doer, whoever it was done to.
JUDGEMENTS = frozenset({"ACCUSE", "SUPPORT"})
# Conjunctions that open the clause a complaint answers: "complained to the UN after X struck".
CAUSE_MARKS = frozenset({"after", "because", "since", "as", "when"})


_TO_FORUM = frozenset({"take", "bring", "refer"})


def accused_not_forum(roles: Roles, type_: str, match: PatternMatch, actors: DocumentActors, nominal: bool,
                       prior: Sequence[PriorEvent]) -> Roles:
    """``Mexico filed a complaint at the WTO after the United States raised tariffs``: an
    international body or court a complaint is taken to is where it is heard; the accused is who
    did what the complaint answers (the subject of its ``after``/``because`` clause), else the doer
    of the latest act done to the complainant's side (``Kosovo raided ... Serbia lodged a protest
    with the EU``). So for a threat to take a dispute to such a body."""
    # "threatened to take the dispute to Mercosur's tribunal": a threat of going to a forum
    forum_threat = type_ == "THREATEN" and any(c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() in _TO_FORUM
                                               for c in match.head.children)
    if (type_ != "ACCUSE" and not forum_threat) or nominal or not roles.targets or not all(
            a.sector in ("IGO", "JUD") or (a.kind == "organization" and a.country is None) for a in roles.targets):
        return roles
    for clause in match.head.children:
        if clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CAUSE_MARKS for c in clause.children):
            subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            found = [a for a in np_actors(subject, actors) if a not in roles.sources]
            if found:
                return replace(roles, targets=tuple(found[:MAX_PAIRS]))
    doer = _latest_doer_against(roles.sources, prior, match.head.idx, actors)
    return replace(roles, targets=(doer,)) if doer is not None else roles


def _implied_target(match: PatternMatch, roles: Roles, prior: Sequence[PriorEvent], actors: DocumentActors):
    """The target of an act whose clause names none, from the story's earlier acts, or ``None``."""
    position, sources = match.head.idx, roles.sources
    found = None
    if match.type == "MOBILIZE":
        # "deployed additional troops to the eastern border": against the side it is at odds with
        found = _latest_other_party(sources, prior, position, actors)
    elif match.type == "RETREAT" and match.mode == "release":
        found = _held_by(sources, prior, position, actors)  # "released three of the men"
    elif match.type == "REQUEST":
        found = _holder_asked_to_free(match.head, sources, prior, actors)  # "called for the farmer to be freed"
    if found is None and match.type in RETALIATION_TYPES and responds(match.head) and any(
            c.dep_ == "prep" and c.lower_ == "with" for c in match.head.children):
        # "Pakistani troops answered with mortar fire": whoever last acted against them
        found = _latest_doer_against(sources, prior, position, actors)
    return found


_HOSTILE = frozenset({"ASSAULT", "COERCE", "SANCTION", "THREATEN", "ACCUSE", "MOBILIZE", "REJECT", "PROTEST"})


def _latest_other_party(sources, prior: Sequence[PriorEvent], position: int, actors: DocumentActors):
    """The state on the other side of the latest hostile act before ``position`` that the side of
    ``sources`` did or suffered, or ``None``."""
    own, own_states = side_ids(sources, actors)
    for event in reversed(prior):
        if event.type not in _HOSTILE or event.position >= position:
            continue
        ends = (event.source, event.target)
        if not any(e in own or e in own_states for e in ends if e):
            continue
        other = next((e for e in ends if e and e not in own and e not in own_states), None)
        actor = actors.get(other) if other else None
        if actor is not None and actor.kind == "state":
            return actor
    return None


def _pair_of_subject(subject: Token | None) -> Token | None:
    """The pair phrase a subject is or belongs to: ``the two leaders``, ``deputy foreign ministers
    from the two countries``, ``the coast guards of the two neighbours``; ``None`` otherwise."""
    if subject is None or pair_phrase(subject):
        return subject
    return next((p for c in subject.children if c.dep_ == "prep" and c.lower_ in ("of", "from")
                 for p in c.children if p.dep_ == "pobj" and pair_phrase(p)), None)


def _held_by(sources, prior: Sequence[PriorEvent], position: int, actors: DocumentActors):
    """The target of the latest detention by the side of ``sources`` before ``position``, or ``None``."""
    own, own_states = side_ids(sources, actors)
    for event in reversed(prior):
        if event.type == "COERCE" and event.position < position and event.target and (
                event.source in own or event.source in own_states):
            return actors.get(event.target)
    return None


def _holder_asked_to_free(verb: Token, sources, prior: Sequence[PriorEvent], actors: DocumentActors):
    """The doer of the latest detention when what is asked is a release told without its doer
    (``called for the farmer to be freed``, ``urged that the men be released``), or ``None``."""
    clauses = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp")] + [c for c in (for_clause(verb),) if c]
    if not any(has_child(c, "auxpass", "nsubjpass") and not has_child(c, "agent")
               and (row := match_verb(c)) is not None and row.type == "RETREAT" for c in clauses):
        return None
    own = own_ids(sources, actors)
    for event in reversed(prior):
        if event.type == "COERCE" and event.position < verb.idx and event.source and event.source not in own:
            return actors.get(event.source)
    return None


def _latest_doer_against(sources, prior: Sequence[PriorEvent], position: int, actors: DocumentActors):
    """The doer of the latest act before ``position`` done to the side of ``sources``, or ``None``."""
    own, own_states = side_ids(sources, actors)
    for event in reversed(prior):
        if event.position < position and event.target and aimed_at(event.target, own, own_states, actors) \
                and event.source and event.source not in own:
            doer = actors.get(event.source)
            if doer is not None:
                return doer
    return None


def referred_roles(roles: Roles, match: PatternMatch, actors: DocumentActors, prior, nominal: bool) -> Roles:
    """Roles the clause leaves open, from what its words refer back to (``rejected the charge``,
    ``the two countries agreed``): :mod:`relata.relations.event_anaphora`."""
    if not nominal:
        retaliating = retaliating_side(match.head, match.type, roles, prior, actors)
        if retaliating is not None:
            roles = replace(roles, sources=(retaliating,))
        if not roles.targets and roles.sources and (implied := _implied_target(match, roles, prior, actors)):
            roles = replace(roles, targets=(implied,))
    subject_pair = _pair_of_subject(roles.subject)
    if subject_pair is not None:
        # "the two leaders agreed": the pair named before, not whichever leader the words resolve to
        pair = pair_antecedents(subject_pair, prior, actors)
        if len(pair) >= 2 or not roles.sources:
            roles = replace(roles, sources=tuple(pair))
    heads = [match.head] + ([match.noun] if match.noun is not None else [])
    direct = [c for h in heads for c in h.children if c.dep_ in ("dobj", "dative")]
    # "host talks between the two sides in Suva": the pair are the parties, whatever else is named
    between = [p for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "between"
               for p in c.children if p.dep_ == "pobj"]
    # "offered to host both delegations in Addis Ababa": the offered act's object is the pair,
    # whatever the place (a capital is its state) gave
    offered = [o for c in match.head.children if c.dep_ == "xcomp" or is_infinitival_advcl(c)
               for o in c.children if o.dep_ == "dobj"]
    pair = next((o for o in direct + between + offered if pair_phrase(o)), None)
    own = own_ids(roles.sources, actors)
    if pair is None and all(a.kind == "location" or a.id in own for a in roles.targets):
        # "mediate between the two neighbours", also in the act offered ("offered to mediate ...");
        # a place found instead ("... in Brasilia") is where, not whom
        clauses = heads + [c for c in match.head.children if c.dep_ == "xcomp" or is_infinitival_advcl(c)]
        # "offered to host a meeting between the two governments": also the offered act's object
        clauses += [o for h in clauses[len(heads):] for o in h.children if o.dep_ == "dobj"]
        objects = [p for h in clauses for c in h.children if c.dep_ == "prep"
                   for p in c.children if p.dep_ == "pobj"]
        pair = next((o for o in objects if pair_phrase(o)), None)
    if pair is not None:  # "invited both foreign ministers to Santiago": the pair, not the place
        exclude = frozenset(own)
        found = [a for a in pair_antecedents(pair, prior, actors, exclude) if a not in roles.sources]
        return replace(roles, targets=tuple(found)) if found else roles
    if not roles.targets and _mediates(match.head):
        # "SADC has offered to mediate": between the pair the story is about
        found = [a for a in pair_antecedents(match.head, prior, actors, frozenset(own)) if a not in roles.sources]
        if len(found) == 2:
            return replace(roles, targets=tuple(found))
    placed = all(a.kind == "location" or a.country is None for a in roles.targets)
    # "demanded the release of the fishermen": its own people are what a demand is for, not whom it is of
    own_side = match.type == "REQUEST" and roles.targets and all(
        a.id in own or (a.country is not None and a.country in {actors.coded_as(s).id for s in roles.sources})
        for a in roles.targets)
    if roles.targets and not own_side and not (match.type == "PROTEST" and placed) and not (
            not nominal and (answers_a_cause(match.head) or _bare_reference_object(match.head))):
        return roles  # a protest's place ("blocked the highway to Puno") yields to what it opposes
    if not nominal:
        answering_words = [match.head] + ([match.noun] if match.noun is not None else [])  # "a protest over the incident"
        for verb in answering_words + [c for c in match.head.children if is_infinitival_advcl(c)]:
            # "blocked the highway to protest the arrests": the arrests answered
            answered = antecedent_target(verb, roles.sources, prior, actors, judged=match.type in JUDGEMENTS)
            if answered is not None and answered not in roles.sources:
                return replace(roles, targets=(answered,))
        if not roles.targets:
            parties = parties_of_referred(match.head, roles.sources, prior, actors)
            if parties:
                return replace(roles, targets=tuple(parties))
        summed_up = next((c for c in match.head.children if c.dep_ == "ccomp" and summarised_clause(c)), None)
        if summed_up is None and match.head.dep_ == "advcl" and match.head.head.i < match.head.i \
                and _summary_subject(match.head) is not None:
            summed_up = match.head.head  # the same, parsed as "put ..., [a step X called]" (advcl)
        if not roles.targets and summed_up is not None:
            # "X put the army on alert, a step Kosovo called a provocation": the step is X's
            doers = [a for a in subject_actors(summed_up, actors) if a not in roles.sources]
            if doers:
                return replace(roles, targets=tuple(doers))
    return roles


def _mediates(head: Token) -> bool:
    """``mediated``, ``offered to mediate``: a go-between's act, which has two parties."""
    return head.lemma_.lower() in GO_BETWEEN_VERBS or any(
        c.dep_ == "xcomp" and c.lemma_.lower() in GO_BETWEEN_VERBS and not has_child(c, "dobj")
        for c in head.children)


def _bare_reference_object(verb: Token) -> bool:
    """``condemned the raids as an attack on the Serb community``: a definite object naming an
    earlier act, with no phrase of its own saying whom, is answered to that act's doer, not to
    whoever the rest of the clause names."""
    for c in (c for c in verb.children if c.dep_ == "dobj"):
        preps = [p for p in c.children if p.dep_ == "prep"]
        if not preps and referred_type(c) is not None:
            return True
        # "criticised the timing of the raids"
        if [p.lower_ for p in preps] == ["of"] and any(
                o.dep_ == "pobj" and referred_type(o) is not None for o in preps[0].children):
            return True
    return False


def summarised_clause(clause: Token) -> bool:
    """``Pakistan deported 800,000 Afghans, a campaign the Taliban condemned``: the small model can
    make the relative clause of the noun summing up the act (``, a campaign``, ``, a step``) the
    root and the act its complement; the act is its own event."""
    summary = _summary_subject(clause.head)
    return clause.i < clause.head.i and summary is not None and summary.i > clause.i


def _summary_subject(verb: Token) -> Token | None:
    """The subject of ``verb`` when it is a noun summing up an act just told (``, a step``)."""
    doc = verb.doc
    # (", a charge Rabat rejected": the model may make the noun a compound of the relative clause's subject)
    return next((c for c in verb.children if c.dep_ == "nsubj" and c.left_edge.i > 0
                 and (c.pos_ == "NOUN" or c.pos_ == "PROPN" and any(
                     d.dep_ == "compound" and d.pos_ == "NOUN" for d in c.children))
                 and doc[c.left_edge.i - 1].text == ","
                 and any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in c.children)), None)
