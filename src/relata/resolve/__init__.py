"""Resolution of mentions (names, titles, pronouns) to canonical actors."""
