"""The Python API: :func:`~relata.library.extract.extract` one document,
:class:`~relata.library.store.Store` for a corpus (see the README's "From Python").

``import relata`` exposes them at the top level (``relata.extract``, ``relata.Store``); the
modules here import the pipeline, DuckDB and Arrow only when first used, so that ``import relata``
and the command line start fast.
"""
