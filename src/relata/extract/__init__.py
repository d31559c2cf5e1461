"""Extractors: pure functions of a parsed document (and of what earlier stages found).

Signatures (the pipeline calls them in this order):

- ``entities.extract_entities(parsed) -> tuple[EntityMention, ...]``
- ``relata.resolve.actors.resolve_actors(parsed, mentions) -> DocumentActors``
- ``times.extract_times(parsed) -> tuple[TimeExpression, ...]``
- ``quotes.extract_quotes(parsed, actors) -> tuple[Quote, ...]``
- ``events.extract_events(parsed, actors, times, quotes) -> tuple[Event, ...]``
- ``claims.extract_claims(parsed, actors, times, quotes) -> tuple[Claim, ...]``
"""
