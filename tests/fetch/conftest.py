"""The ``site`` fixture: a web server on 127.0.0.1, port chosen by the system. No fetch test
reaches beyond the loopback address."""

from __future__ import annotations

import threading

import pytest
from tests.fetch.website import Site, SiteServer, handler_for


@pytest.fixture
def site():
    web = Site()
    server = SiteServer(("127.0.0.1", 0), handler_for(web))
    web.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    yield web
    server.shutdown()
    server.server_close()


