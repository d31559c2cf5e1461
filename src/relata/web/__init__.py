"""The web app (FastAPI): the report's pages with search and filters, and a JSON API."""

from relata.web.app import create_app

__all__ = ["create_app"]
