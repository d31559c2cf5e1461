"""The record as HTML: a static site (:func:`write_report`) and the templates the web app shares."""

from relata.report.site import ReportSummary, write_report

__all__ = ["ReportSummary", "write_report"]
