import pytest
from tests.fetch.website import FAST

from relata.fetch.client import Client
from relata.fetch.errors import RobotsDisallowedError
from relata.fetch.robots import RobotsPolicy


def test_forbidden_path_refused_others_allowed_robots_read_once(site):
    site.add("/robots.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    with Client(FAST) as client:
        robots = RobotsPolicy(client)
        robots.check(site.url("/news/story"))
        with pytest.raises(RobotsDisallowedError, match="robots.txt"):
            robots.check(site.url("/private/story"))
        robots.check(site.url("/other"))
    assert len(site.hits("/robots.txt")) == 1


def test_rules_for_relata_by_name(site):
    site.add("/robots.txt", "User-agent: Relata\nDisallow: /\n\nUser-agent: *\nAllow: /\n", content_type="text/plain")
    with Client(FAST) as client, pytest.raises(RobotsDisallowedError):
        RobotsPolicy(client).check(site.url("/news/story"))


def test_missing_robots_allows_everything(site):
    with Client(FAST) as client:
        RobotsPolicy(client).check(site.url("/anything"))  # /robots.txt is a 404


def test_failing_robots_forbids_the_host_for_now(site):
    site.add("/robots.txt", "down", status=503)
    with Client(FAST) as client, pytest.raises(RobotsDisallowedError):
        RobotsPolicy(client).check(site.url("/news/story"))


def test_crawl_delay_slows_the_client(site):
    site.add("/robots.txt", "User-agent: *\nCrawl-delay: 7\n", content_type="text/plain")
    sleeps = []
    with Client(FAST, sleep=sleeps.append, clock=lambda: 0.0) as client:
        robots = RobotsPolicy(client)
        robots.check(site.url("/a"))
        client.get(site.add("/a", "<p>a</p>"))
    assert sleeps == [7.0]  # the wait before /a, right after robots.txt on the same host
