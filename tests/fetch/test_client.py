import socket

import httpx
import pytest
from tests.fetch.website import FAST

from relata.fetch.client import USER_AGENT, Client, ClientSettings
from relata.fetch.errors import HttpStatusError, NetworkError, ResponseTooLargeError, UnsupportedContentError


def test_sends_relata_user_agent_and_follows_redirects(site):
    site.add("/new", "<html><body><p>moved here</p></body></html>")
    start = site.redirect("/old", site.url("/new"))
    with Client(FAST) as client:
        response = client.get(start)
    assert response.url == start
    assert response.final_url == site.url("/new")
    assert response.body == b"<html><body><p>moved here</p></body></html>"
    assert response.content_type == "text/html" and response.charset == "utf-8"
    assert [r.path for r in site.requests] == ["/old", "/new"]
    assert all(r.headers["User-Agent"] == USER_AGENT for r in site.requests)
    assert USER_AGENT.startswith("Relata/")


def test_conditional_request_answered_304(site):
    url = site.add("/page", "<p>hello</p>")
    with Client(FAST) as client:
        first = client.get(url)
        second = client.get(url, etag=first.etag, last_modified=first.last_modified)
    assert first.status == 200 and first.etag and first.last_modified
    assert second.not_modified and second.body == b""
    assert site.requests[1].headers["If-None-Match"] == first.etag


def test_server_error_is_retried_then_reported(site):
    url = site.add("/broken", "oops", status=500)
    with Client(FAST) as client, pytest.raises(HttpStatusError) as caught:
        client.get(url)
    assert caught.value.status == 500 and "HTTP 500" in caught.value.reason
    assert len(site.hits("/broken")) == 1 + FAST.retries


def test_client_error_is_not_retried(site):
    with Client(FAST) as client, pytest.raises(HttpStatusError) as caught:
        client.get(site.url("/missing"))
    assert caught.value.status == 404
    assert len(site.hits("/missing")) == 1


def test_slow_response_times_out_and_is_retried(site):
    url = site.add("/slow", "<p>late</p>", delay=1.0)
    with Client(ClientSettings(timeout=0.2, retries=1, backoff=0.01, delay=0)) as client:
        with pytest.raises(NetworkError, match="timed out"):
            client.get(url)
    assert len(site.hits("/slow")) == 2


def test_oversized_body_refused_by_its_declared_length(site):
    url = site.add("/huge", b"x" * 1_000_000)
    with Client(FAST) as client, pytest.raises(ResponseTooLargeError, match="1000000 bytes"):
        client.get(url)


def test_oversized_body_without_length_stopped_while_reading(site):
    url = site.add("/huge-stream", b"<p>" + b"y" * 1_000_000, length=False)
    with Client(FAST) as client, pytest.raises(ResponseTooLargeError, match="over the limit"):
        client.get(url)


def test_unwanted_content_type_refused(site):
    url = site.add("/photo.png", b"\x89PNG\r\n\x1a\n", content_type="image/png")
    with Client(FAST) as client, pytest.raises(UnsupportedContentError, match="image/png"):
        client.get(url, content_types=("text/html",))


def test_connection_refused_is_a_network_error():
    with socket.socket() as sock:  # a port on 127.0.0.1 that nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with Client(FAST) as client, pytest.raises(NetworkError, match="cannot connect"):
        client.get(f"http://127.0.0.1:{port}/")


class FakeTime:
    """A clock that only moves when the client sleeps, and the record of those sleeps."""

    def __init__(self):
        self.now = 100.0
        self.sleeps: list[float] = []

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def _mock(handler, settings: ClientSettings, fake: FakeTime) -> Client:
    transport = httpx.MockTransport(handler)
    return Client(settings, transport=transport, sleep=fake.sleep, clock=lambda: fake.now)


def test_unresolvable_host_reported_as_such_after_retries():
    calls = []

    def handler(request):
        calls.append(request.url)
        raise httpx.ConnectError("[Errno -2] Name or service not known")

    fake = FakeTime()
    with _mock(handler, ClientSettings(retries=2, backoff=1.0, delay=0.5), fake) as client:
        with pytest.raises(NetworkError, match="cannot resolve host"):
            client.get("http://no-such-host.invalid/")
    assert len(calls) == 3
    assert fake.sleeps == [1.0, 2.0]  # exponential backoff, longer than the host delay


def test_retry_after_header_lengthens_the_backoff():
    answers = iter([httpx.Response(503, headers={"Retry-After": "5"}), httpx.Response(200, text="ok")])
    fake = FakeTime()
    with _mock(lambda request: next(answers), ClientSettings(retries=2, backoff=1.0), fake) as client:
        assert client.get("http://127.0.0.1/x").body == b"ok"
    assert fake.sleeps == [5.0]


def test_requests_to_one_host_are_spaced_by_the_delay():
    fake = FakeTime()
    with _mock(lambda request: httpx.Response(200, text="ok"), ClientSettings(delay=3.0), fake) as client:
        client.get("http://127.0.0.1/a")
        fake.now += 1.0
        client.get("http://127.0.0.1/b")  # 1 s later: waits the 2 s left
        client.get("http://localhost/c")  # another host: no wait
        client.slow_down("http://127.0.0.1/", 10.0)  # a robots.txt Crawl-delay raises it
        client.get("http://127.0.0.1/d")
    assert fake.sleeps == [2.0, 10.0]
