"""Accuracy evaluation of Relata's extractors (``make eval``).

Each module ``evaluation/<area>.py`` exposes ``evaluate(shared_dev: Path | None) -> list[Score]``;
``python -m evaluation`` runs them all and prints one table. Gold sets under ``../shared/dev``
are read in place (never copied); when that folder is absent, those rows are skipped with a note.
"""
