"""``relata spark``: the same records as ``relata ingest``, computed by a PySpark job and written
as Parquet tables with the store's columns. Needs the optional extra: ``pip install 'relata[spark]'``.

pyspark is imported only when the job runs, so ``relata`` works without it.
"""

from relata.spark.job import JobResult, run

__all__ = ["JobResult", "run"]
