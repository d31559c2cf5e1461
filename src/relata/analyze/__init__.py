"""Cross-document analysis over the store: actor lookup, event groups, dyads, corroboration."""
