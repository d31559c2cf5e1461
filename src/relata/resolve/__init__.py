"""Resolution: mentions (names, titles, pronouns, role nouns) to canonical actors.

Runs after ``mentions`` and before ``relations``: it imports the former, never the latter.
``actors.resolve_actors(parsed, mentions) -> DocumentActors`` is the entry point.
"""
