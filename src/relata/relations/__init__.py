"""Relations: who said and did what to whom, from mentions and resolved actors.

The last extraction stage; it imports ``mentions`` and ``resolve``, never the other way round.
Signatures (the pipeline calls them in this order, after ``relata.resolve.actors.resolve_actors``):

- ``quotes.extract_quotes(parsed, actors) -> tuple[Quote, ...]``
- ``events.extract_events(parsed, actors, times, quotes) -> tuple[Event, ...]``
- ``claims.extract_claims(parsed, actors, times, quotes) -> tuple[Claim, ...]``
"""
