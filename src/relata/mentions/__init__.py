"""Mentions: what the text names, before anything is resolved.

The first stage after the parse. Pure functions of a parsed document:

- ``entities.extract_entities(parsed) -> tuple[EntityMention, ...]`` (spaCy's NER plus the
  gazetteer in ``dictionary``)
- ``times.extract_times(parsed) -> tuple[TimeExpression, ...]``
- ``quantities`` (numbers, units, currencies) and ``transcript`` (speaker-labelled lines)

The lexicons these need live here, and later stages read them from here: the actor gazetteer
(``dictionary``, ``names``, ``places``, ``gender``, ``tables``), dateline shapes (``datelines``)
and the speech lexicon (``quote_lexicon``). Imports only ``nlp``, ``records`` and ``errors``.
"""
