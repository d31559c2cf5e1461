"""Who said it: the source of a cue (its grammatical subject, or the object of ``according to``)
resolved to an actor, and transcript labels matched against the document's actors."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from relata.mentions.datelines import DASHES
from relata.mentions.quote_lexicon import lexicon
from relata.records import Actor
from relata.resolve.actors import DocumentActors

_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
# Dependents of a cue that take their subject from the verb they hang on ("..., adding that").
_BORROWED_SUBJECT = ("advcl", "xcomp", "conj", "pcomp", "dep")
# Prepositions whose gerund shares the subject of the phrase they hang on ("right in saying",
# "responded by saying"); not "for" ("attacked Clinton for saying": the object said it).
_SAME_SUBJECT_PREPOSITIONS = frozenset({"in", "by", "while", "when", "after", "before", "without"})
# Cue words whose source is the object of a preposition, and those prepositions.
_SOURCE_PREPOSITION_CUES = frozenset({"according", "quoted", "cited", "reported", "words"})
_SOURCE_PREPOSITIONS = frozenset({"to", "by", "of", "in"})
# Prepositions naming the occasion of a verb ("spoke at a rally calling for ..."), whose
# participle speaks for the verb's subject.
_OCCASION_PREPOSITIONS = frozenset({"at", "in", "during"})
PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her", "i", "we", "they", "it"})


def subject_of(cue: Token) -> Token | None:
    """The token naming who speaks through ``cue``: its subject, the agent of a passive (never
    the passive's subject: ``was asked`` names who was asked), the object of ``according to``
    (or who made the document it names), or the subject borrowed from the verb a participle
    hangs on."""
    if cue.lower_ in _SOURCE_PREPOSITION_CUES or cue.dep_ == "prep":
        for prep in cue.children:
            # "according to X", "as reported by X", "in the words of X"; not "reported on Monday"
            if prep.dep_ == "prep" and prep.lower_ not in _SOURCE_PREPOSITIONS:
                continue
            for obj in prep.children if prep.dep_ == "prep" else (prep,):
                if obj.dep_ == "pobj":
                    return _document_source(obj)
        if cue.lower_ == "according" and cue.head.i != cue.i and cue.head.pos_ == "PROPN" and cue.head.i > cue.i:
            return cue.head  # "According to X, ..." misparsed with X as the root and the phrase on it
    if _passive(cue):
        # "Quiros was accused of ...", "Asked about it, ...": the subject is the one spoken to or
        # about; the speaker is the agent ("was criticized by X"), if named at all
        agent = next((c for c in cue.children if c.dep_ == "agent"), None)
        return next((o for o in agent.children if o.dep_ == "pobj"), None) if agent is not None else None
    opening = _opening_participle_subject(cue)
    if opening is not None:
        return opening
    if cue.dep_ == "compound" and cue.head.pos_ == "PROPN" and cue.head.i > cue.i:
        return cue.head  # "Said Ellis: ...": the inverted verb read as part of the name
    if cue.tag_ == "VBG" and cue.i > 0 and cue.doc[cue.i - 1].pos_ == "PROPN":
        return cue.doc[cue.i - 1]  # "footage of Clinton asking, ..."
    before = cue.doc[cue.i - 2] if cue.tag_ == "VBG" and cue.i >= 2 and cue.doc[cue.i - 1].text == "," else None
    if before is not None and before.pos_ == "VERB" and lexicon().cue_class(before.lemma_) is not None \
            and cue.head.i != before.i:
        # "..., Sanders said, suggesting questions": whoever said, whatever the parser hung it on
        return subject_of(before)
    if cue.pos_ == "NOUN" and _reporting_noun(cue) and not any(
            c.dep_ in _SUBJECTS for c in cue.children):
        return _noun_source(cue)
    token = cue
    for _ in range(5):
        subjects = [c for c in token.children if c.dep_ in _SUBJECTS]
        if subjects:
            # two subjects come from a misparse ("12:15 p.m. \n Donald Trump says"): the nearest,
            # unless it is the apposition of a name before it ("Ban Ki-moon, the secretary general
            # of the United Nations, vowed")
            nearest = min(subjects, key=lambda c: abs(c.i - token.i))
            named = [c for c in subjects if c.pos_ == "PROPN" and c.ent_type_ == "PERSON" and c.i < nearest.i]
            if nearest.pos_ == "NOUN" and named and nearest.left_edge.i > 0 and (
                    nearest.doc[nearest.left_edge.i - 1].text == ","
                    and nearest.left_edge.i - 1 == named[-1].right_edge.i + 1):
                nearest = named[-1]
            if _across_paragraphs(nearest, token):
                # a headline with no full stop run into the first sentence ("Mongolia and
                # Kazakhstan trade barbs ... \n\n ULAANBAATAR - Mongolia accused"): the subject is
                # the name right before the verb in its own paragraph
                return _name_before_in_paragraph(token)
            return _relative_antecedent(_named_in_apposition(nearest, token))
        said = next((c for c in token.children if c.dep_ == "parataxis" and c.i < token.i
                     and lexicon().cue_class(c.lemma_) is not None), None)
        if token.tag_ == "VBG" and said is not None:
            token = said  # "'...,' Mr. Obama said, not even needing to mention ..." hung on the participle
            continue
        if token.dep_ == "xcomp" and token.tag_ == "VB":
            obj = next((c for c in token.head.children if c.dep_ == "dobj"), None)
            if obj is not None and obj.pos_ in ("PROPN", "NOUN", "PRON"):
                return obj  # "forced Stumpf to admit ...": the one made to speak
        for child in token.children:
            if child.dep_ == "agent":
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        return obj
        if token.dep_ == "acl" and token.head.pos_ == "NOUN" and token.head.lemma_.lower() in lexicon().cue_nouns:
            # "made a remark supporting X": whoever made the remark
            source = _noun_source(token.head)
            if source is not None:
                return source
            if token.head.dep_ == "dobj":
                token = token.head.head
                continue
            return None
        occasion = token.head.head if token.dep_ == "acl" and token.head.dep_ == "pobj" else None
        if occasion is not None and occasion.lower_ in _OCCASION_PREPOSITIONS and occasion.head.pos_ in ("VERB", "AUX"):
            token = occasion.head  # "she said at a news conference announcing ...": whoever held it
            continue
        if token.dep_ == "acl" and token.head.pos_ in ("PROPN", "NOUN", "PRON"):
            return token.head  # "footage of Clinton asking, ..."
        if (token.dep_ == "conj" and token.tag_ in ("VBD", "VBZ") and token.head.dep_ == "ccomp"
                and token.head.head.lemma_.lower() in lexicon().cue_verbs
                and lexicon().cue_class(token.lemma_) is not None):
            # "maintained that the delay was technical and insisted ...": a second cue verb the
            # parse joined to the reported clause is the first cue's speaker's (as its content is)
            token = token.head.head
        elif (token.dep_ in _BORROWED_SUBJECT or token.dep_ == "dobj" and token.tag_ == "VBG") and token.head.i != token.i:
            token = token.head  # "..., adding that", "she recalled thinking, ..."
        elif token.dep_ == "prep" and token.lower_ == "for" and token.i > cue.i - 3:
            # "attacked Clinton for saying ...": the one blamed or praised said it
            return next((c for c in token.head.children if c.dep_ == "dobj"), None)
        elif token.dep_ == "prep" and token.lower_ == "of" and token.head.pos_ in ("ADV", "ADJ") and token.head.dep_ in (
                "advmod", "acomp") and token.head.head.pos_ == "VERB":
            token = token.head.head  # "stopped short of calling ...", "was quick of saying"
        elif token.dep_ == "prep" and token.lower_ in _SAME_SUBJECT_PREPOSITIONS and token.head.i != token.i:
            token = token.head  # "Flynn says Trump was right in saying ...": via the preposition
        elif token.dep_ == "acomp" and token.pos_ == "ADJ" and token.head.i != token.i:
            token = token.head  # "Obama is determined to ...": the copula's subject
        else:
            break
    return _name_before(cue) if cue.tag_ in ("VBD", "VBZ", "VBP") and token.i == cue.i else None


def _across_paragraphs(a: Token, b: Token) -> bool:
    first, last = (a, b) if a.i < b.i else (b, a)
    return any("\n" in t.text or "\n" in t.whitespace_ for t in first.doc[first.i:last.i])


def _name_before_in_paragraph(verb: Token) -> Token | None:
    """The proper noun right before ``verb`` (adverbs skipped), in ``verb``'s paragraph."""
    i = verb.i - 1
    while i >= 0 and verb.doc[i].pos_ == "ADV":
        i -= 1
    if i < 0 or verb.doc[i].pos_ != "PROPN" or _across_paragraphs(verb.doc[i], verb):
        return None
    return verb.doc[i]


def _relative_antecedent(subject: Token) -> Token:
    """``the Chicago Police Department, which reported ...``: a relative pronoun stands for the
    noun its clause hangs on."""
    if subject.lower_ in ("who", "which", "that") and subject.head.dep_ == "relcl" and subject.head.head.pos_ in (
            "PROPN", "NOUN"):
        return subject.head.head
    before = subject.doc[subject.i - 1] if subject.i > 0 else None
    if subject.lower_ in ("who", "which") and before is not None and before.pos_ in ("PROPN", "NOUN"):
        return before  # the parse missed the relative clause: the noun right before "which"
    return subject


def _named_in_apposition(subject: Token, verb: Token) -> Token:
    """``To understand the real Dred Scott, Chief Justice Roberts said, ...``: a person's name the
    parse hangs as apposition on another person's name, right before the verb, is the speaker
    (two different names are not one person); likewise a person the parse hangs on a dateline."""
    for child in subject.children:
        if child.dep_ != "appos" or child.ent_type_ != "PERSON" or child.pos_ != "PROPN":
            continue
        if subject.ent_type_ == "PERSON" and child.i == verb.i - 1:
            return child
        if subject.ent_type_ == "GPE" and subject.i + 1 < child.i and subject.doc[subject.i + 1].text in DASHES:
            return child  # "NAIROBI -- President Ruto, opening ..., said": the dateline is no speaker
    return subject


def _name_before(verb: Token) -> Token | None:
    """A finite cue verb the parse left without a subject (``In Washington, Marc Morial, the
    league's chief, told ...`` read as a list of places): the name right before it, when only
    its own apposition, commas and adverbs stand between, or a participial phrase set off by
    commas (``WASHINGTON -- President Obama, dedicating the museum, said``)."""
    doc = verb.doc
    i = verb.i - 1
    while i >= 0 and (doc[i].is_punct or doc[i].dep_ == "advmod" and doc[i].head.i == verb.i):
        i -= 1
    if i < 0:
        return None
    name = _name_ending_at(doc[i], verb)
    if name is not None:
        return name
    # skip back over ", dedicating ... ," to the word before its opening comma
    comma = i
    while comma > max(0, verb.i - 30) and doc[comma].text != "," and "\n" not in doc[comma].text:
        comma -= 1
    phrase = doc[comma + 1 : i + 1]
    if (doc[comma].text != "," or comma == 0 or not len(phrase) or phrase[0].tag_ not in ("VBG", "VBN")
            or any(t.dep_ in _SUBJECTS for t in phrase)):
        return None
    return _name_ending_at(doc[comma - 1], doc[comma])


def _name_ending_at(last: Token, verb: Token) -> Token | None:
    """The name whose phrase ends at ``last``, when only that phrase, punctuation and adverbs on
    ``verb`` lie between it and ``verb``."""
    doc = verb.doc
    token = last
    # climb from the last word before the verb to the name whose apposition it ends
    while token.dep_ != "appos" and token.head.i != token.i and token.i - 12 <= token.head.i < verb.i:
        token = token.head
    if token.dep_ == "appos":
        name = token.head
    elif last.ent_type_ == "PERSON":
        name = last
    else:
        return None
    if name.pos_ != "PROPN" or name.dep_ in ("compound", "flat"):
        return None
    if name.ent_type_ not in ("PERSON", "ORG", "NORP") and token.dep_ == "appos" and last.ent_type_ == "PERSON":
        name = last  # "WASHINGTON -- President Obama": the dateline heads the person in apposition
        while name.dep_ in ("compound", "flat") and name.head.i <= last.i:
            name = name.head
    between = doc[name.i + 1 : verb.i]
    inside = {t.i for t in name.subtree}
    if all(t.i in inside or t.is_punct or t.dep_ == "advmod" and t.head.i == verb.i for t in between):
        return name
    return None


_RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom", "whose"})


def _document_source(obj: Token) -> Token:
    """``according to a speech Mrs. Clinton delivered``, ``according to a Kremlin statement``:
    whoever made the statement, where the phrase names them."""
    if obj.pos_ != "NOUN":
        return obj
    for child in obj.children:
        if child.dep_ == "poss" or child.dep_ == "compound" and child.pos_ == "PROPN":
            return child
        if child.dep_ == "relcl":
            subject = next((c for c in child.children if c.dep_ in _SUBJECTS), None)
            if subject is not None and (subject.pos_ == "PROPN" or subject.pos_ == "PRON"
                                        and subject.lower_ not in _RELATIVE_PRONOUNS):
                return subject  # not "officials who spoke ...": the relative pronoun is the officials
    return _made_by(obj) or obj


def _made_by(noun: Token) -> Token | None:
    """``a 2023 study by the Asian Development Bank``: the name after ``by`` (directly, or in a
    participle: ``an analysis released by the department``)."""
    for child in noun.children:
        phrases = [child] if child.dep_ == "prep" else [g for g in child.children if g.dep_ == "agent"] \
            if child.dep_ == "acl" else []
        for prep in phrases:
            if prep.lower_ != "by":
                continue
            name = next((o for o in prep.children if o.dep_ == "pobj" and o.pos_ == "PROPN"), None)
            if name is not None:
                return name
    return None


def _opening_participle_subject(cue: Token) -> Token | None:
    """``Bemoaning the "phony system," Trump accused ...``: a participle opening its sentence
    shares the subject of the clause after it, whatever verb the parse hangs it on."""
    doc = cue.doc
    before = doc[cue.i - 1] if cue.i > 0 else None
    starts = before is None or before.is_space or "\n" in before.whitespace_ or before.text in {".", "\n"}
    if cue.tag_ != "VBG" or not starts:
        return None
    for t in doc[cue.right_edge.i + 1 : min(len(doc), cue.right_edge.i + 12)]:
        if t.dep_ in _SUBJECTS and t.pos_ in ("PROPN", "NOUN", "PRON"):
            return t
        if t.is_space or "\n" in t.text:
            break
    return None


def _passive(verb: Token) -> bool:
    """A passive cue verb (``was asked``), or a past participle standing for one (``Asked about
    it, she ...``, ``leaders expected to visit``); not ``has said``."""
    if verb.pos_ not in ("VERB", "AUX") or verb.tag_ != "VBN":
        return False
    children = {c.dep_ for c in verb.children}
    if "nsubjpass" in children or "auxpass" in children:
        return True
    return verb.dep_ in ("advcl", "acl", "amod") and not children & {"nsubj", "aux"}


def _noun_source(noun: Token) -> Token | None:
    """``Trump's claim``: the possessor; ``the ministry issued a statement``: the subject of a
    light verb. ``rejected the claim`` names no source (whoever rejects it did not make it)."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    owner = _owner(noun)
    if owner is not None:
        return owner  # "Trump claims that ..." parsed as one noun phrase: the name's claims
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in lexicon().light_verbs:
        for child in noun.head.children:
            if child.dep_ in _SUBJECTS:
                return child
    return None


def _reporting_noun(noun: Token) -> bool:
    lemma = noun.lemma_.lower()
    return lemma in lexicon().cue_nouns or lemma in lexicon().intent_nouns


def _owner(noun: Token) -> Token | None:
    """The proper-noun modifier of a cue or document noun (``the IMF report``, ``Trump
    claims``): who made it."""
    if not _reporting_noun(noun):
        return None
    compounds = [c for c in noun.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
    return compounds[-1] if len(compounds) == 1 else None


def _core(token: Token) -> Span:
    """The noun phrase headed by ``token`` without its post-modifiers (appositions, clauses)."""
    doc = token.doc
    start = token.i
    for left in reversed(list(token.lefts)):
        if left.dep_ in ("punct", "cc", "prep") or left.is_punct:
            break
        start = left.left_edge.i
    return doc[start:token.i + 1]


def resolve_speaker(token: Token | None, actors: DocumentActors) -> Actor | None:
    """The actor ``token``'s noun phrase refers to, trying the phrase, then its appositions,
    then (for a name the entity recogniser missed) the document's actors by name; ``None`` when
    nothing resolves."""
    if token is None:
        return None
    core = _core(token)
    actor = actors.resolve(core)
    if actor is None and token.pos_ == "NOUN":
        # "a spokesperson for the State Department": the title's complement says whose
        actor = actors.resolve(token)
    if actor is None and token.pos_ == "NOUN" and (owner := _owner(token)) is not None:
        actor = actors.resolve(_core(owner))  # "the IMF report stated": the IMF
    if actor is None and token.pos_ == "NOUN" and (maker := _made_by(token)) is not None:
        actor = actors.resolve(_core(maker))  # "a 2014 study by Harvard found": Harvard
    if actor is not None:
        return actor
    if token.pos_ == "PROPN" or token.is_title and token.dep_ in _SUBJECTS and token.pos_ != "PRON":
        # a name the entity recogniser missed ("Revesz said"), or one the tagger took for a verb
        # ("Trump openly admires ..."): match it against known actors
        words = [t.text for t in core if t.pos_ == "PROPN"] or [token.text]
        actor = match_label(" ".join(words), actors)
        if actor is not None:
            return actor
    for child in token.children:
        if child.dep_ == "appos":
            actor = actors.resolve(_core(child))
            if actor is not None:
                return actor
    return None


def is_pronoun(token: Token | None) -> bool:
    """A personal pronoun standing for someone named before (``he said``), whom a run of quotes
    may name; not ``some``, ``all``, ``those``, ``one``, who are other, unnamed people."""
    return token is not None and token.lower_ in PERSONAL_PRONOUNS


def _name_words(text: str) -> list[str]:
    return [w for w in re.findall(r"[\w’'-]+", text.lower())]


def match_label(label: str, actors: DocumentActors) -> Actor | None:
    """The actor a transcript label names ("Wang Yi", "MR MILLER", "Simone"): a full or partial
    match of the label's words (honorifics dropped) against each actor's name and aliases."""
    honorifics = lexicon().honorifics
    words = [w for w in _name_words(label) if w not in honorifics and w.rstrip(".") not in honorifics]
    if not words:
        return None
    best, best_score = None, 0
    for actor in actors.actors:
        for name in (actor.name, *actor.aliases):
            name_words = _name_words(name)
            if not name_words:
                continue
            if words == name_words:
                score = 3
            elif all(w in name_words for w in words):
                score = 2 if words[-1] == name_words[-1] else 1
            else:
                continue
            if score > best_score or (score == best_score and actor.kind == "person" and best.kind != "person"):
                best, best_score = actor, score
    return best
