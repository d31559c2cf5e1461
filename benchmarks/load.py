"""``python -m benchmarks.load``: a bounded load test of ``relata serve`` on loopback.

Starts a real ``relata serve`` process on a free port of 127.0.0.1 over a store (by default one
ingested from ``examples/`` into a temporary folder), sends ``--requests`` requests from
``--concurrency`` httpx async workers, and stops. The mix is the JSON API and the HTML pages with
real ids, names and filters taken from the store, and about a quarter of hostile requests:
malformed and oversized parameters (bad ints, negative and huge limits, 10 kB strings), unknown
ids, odd unicode and path traversal, each of which must get a 4xx.

Prints requests/s, p50/p95/p99 latency and the error count; an error is a transport failure or a
status other than the one expected (any 5xx, a 4xx for a good request, a 2xx for a bad one).
Exit status 1 when there was any error. The numbers depend on the machine and on what else runs.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlencode

import httpx

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
DEFAULT_REQUESTS = 2000
DEFAULT_CONCURRENCY = 16
BAD_SHARE = 0.25
BIG = "x" * 10_000
ODD = ["\u202eevil\u202c", "\u200b\u200d", "\U0001f4a9" * 20, "e\u0301" * 30, "\ufffd", "Ω≈ç√∫"]
OK = frozenset({200})
CLIENT_ERROR = frozenset(range(400, 500))


@dataclass(frozen=True)
class Probe:
    """One request and the statuses that count as right for it."""

    kind: str  # "api", "page" or "bad"
    path: str  # already encoded: sent as is
    expect: frozenset[int] = OK


@dataclass
class Result:
    requests: int = 0
    concurrency: int = 0
    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)
    statuses: Counter = field(default_factory=Counter)
    bad_statuses: Counter = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)
    by_path: dict[str, list[float]] = field(default_factory=dict)

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def percentile(self, p: float) -> float:
        """Latency in milliseconds at percentile ``p`` (nearest rank)."""
        ordered = sorted(self.latencies)
        if not ordered:
            return 0.0
        rank = max(1, round(p / 100 * len(ordered)))
        return ordered[min(rank, len(ordered)) - 1] * 1000

    def slowest(self, n: int = 5) -> list[tuple[str, float]]:
        medians = {path: sorted(times)[len(times) // 2] * 1000 for path, times in self.by_path.items()}
        return sorted(medians.items(), key=lambda item: -item[1])[:n]

    def summary(self) -> str:
        lines = [
            f"{self.requests} requests, {self.concurrency} concurrent, in {self.seconds:.1f} s: "
            f"{self.per_second:.0f} requests/s",
            f"latency p50 {self.percentile(50):.1f} ms, p95 {self.percentile(95):.1f} ms, "
            f"p99 {self.percentile(99):.1f} ms",
            "statuses: " + ", ".join(f"{s}: {n}" for s, n in sorted(self.statuses.items())),
            "bad requests answered: " + ", ".join(f"{s}: {n}" for s, n in sorted(self.bad_statuses.items())),
            "slowest (median ms): " + ", ".join(f"{path} {ms:.0f}" for path, ms in self.slowest()),
            f"errors: {len(self.errors)}",
        ]
        lines += [f"  {e}" for e in self.errors[:20]]
        return "\n".join(lines)


def _q(path: str, **params) -> str:
    return f"{path}?{urlencode(params)}" if params else path


def _seg(value: str) -> str:
    return quote(value, safe="")


def good_probes(sample: dict) -> list[Probe]:
    """Requests that must succeed, built from what the store holds."""
    ids, actors, dyads = sample["ids"], sample["actors"], sample["dyads"]
    probes = [Probe("api", p) for p in (
        _q("/api/documents", limit=20), _q("/api/documents", q="minister"), _q("/api/documents", date_from="2024"),
        _q("/api/actors"), _q("/api/quotes", limit=10), _q("/api/events"), _q("/api/claims"), _q("/api/dyads"),
        _q("/api/corroboration/claims"), _q("/api/corroboration/quotes"), _q("/api/events", type="CONSULT"),
        _q("/api/documents", offset=1_000_000_000), _q("/api/documents", q=ODD[0]),
        _q("/api/quotes", q="\U0001f4a9"), "/api/openapi.json", "/api/quotes?q=%FF%FE",
        _q("/api/documents", q="%_\\"), _q("/api/events", q="'; DROP TABLE documents; --"),
        _q("/api/claims", date_from="2024-02-30"),
    )]
    probes += [Probe("page", p) for p in (
        "/", "/documents", _q("/documents", limit=5, offset=5), "/actors", "/dyads", "/events", "/quotes",
        "/claims", _q("/search", q="trade"), "/search", "/search?q=%ED%A0%80", "/docs", "/static/relata.css",
        _q("/events", type="ACCUSE", date_from="2024-01"),
    )]
    for document_id in ids[:8]:
        probes += [Probe("api", f"/api/documents/{_seg(document_id)}"), Probe("page", f"/documents/{_seg(document_id)}")]
    for name in actors[:6]:
        probes += [Probe("api", _q("/api/events", actor=name)), Probe("api", _q("/api/actors", q=name)),
                   Probe("page", _q("/quotes", actor=name))]
    for a, b in dyads[:6]:
        probes += [Probe("api", _q(f"/api/dyads/{_seg(a)}/{_seg(b)}", by="year")),
                   Probe("page", f"/dyads/{_seg(a)}/{_seg(b)}")]
    return probes


def bad_probes() -> list[Probe]:
    """Malformed, oversized, unknown or hostile requests: each must get a 4xx, never a 5xx."""
    four = CLIENT_ERROR
    paths = [
        _q("/api/documents", limit="abc"), _q("/api/documents", limit=-5), _q("/api/documents", limit=0),
        _q("/api/documents", limit="9" * 30), _q("/api/documents", limit=501), _q("/api/documents", limit="1.5"),
        _q("/api/documents", offset=-1), _q("/api/documents", offset="1e9999"),
        _q("/api/documents", offset=1_000_000_001), _q("/api/quotes", limit="NaN"),
        _q("/api/documents", q=BIG), _q("/api/actors", q=BIG), _q("/api/events", actor=BIG),
        _q("/search", q=BIG), _q("/documents", outlet=BIG),
        "/api/documents/no-such-document", f"/api/documents/{'y' * 10_000}", "/documents/no-such-document",
        _q("/api/events", type="NUKE"), _q("/api/events", date_from="2024-13"),
        _q("/api/events", date_to="99999"), _q("/events", date_from="yesterday"),
        _q("/api/dyads/China/Russia", by="week"), "/api/dyads/Atlantis/Nowhere", "/dyads/Atlantis/Nowhere",
        _q("/api/events", actor="Atlantis Republic"), _q("/api/quotes", q="a\x00b"),
        "/api/documents/%00", "/documents/%00%01", "/api/documents/%ED%A0%80",
        "/api/events?actor=%ED%A0%80", "/api/nothing-here", "/nothing-here",
        "/static/..%2F..%2Fpyproject.toml", "/static/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/api/documents/..%2F..%2F..%2Fetc%2Fpasswd", "/documents/%2e%2e%2fsecret",
        "/static/%2Fetc%2Fpasswd", "/static/plotly.min.js%00.css",
    ]
    paths += [f"/api/documents/{_seg(odd)}" for odd in ODD]
    # Not the bidi-wrapped "evil": actor lookup drops format characters, so it may name a real actor.
    paths += [_q("/api/events", actor=odd) for odd in ODD[1:]]
    return [Probe("bad", p, four) for p in paths]


def plan(sample: dict, requests: int, seed: int = 7) -> list[Probe]:
    """``requests`` probes: every bad one at least once, then a seeded mix."""
    rng = random.Random(seed)
    good, bad = good_probes(sample), bad_probes()
    chosen = list(bad)
    while len(chosen) < requests:
        chosen.append(rng.choice(bad) if rng.random() < BAD_SHARE else rng.choice(good))
    chosen = chosen[:requests]
    rng.shuffle(chosen)
    return chosen


def sample_store(base: str) -> dict:
    """Ids, actor names and dyads to ask for, read through the API itself."""
    with httpx.Client(base_url=base, timeout=60) as client:
        ids = [d["id"] for d in client.get("/api/documents", params={"limit": 500}).json()["items"]]
        actors = [a["name"] for a in client.get("/api/actors", params={"limit": 20}).json()["items"]]
        dyads = [(d["a"], d["b"]) for d in client.get("/api/dyads", params={"limit": 20}).json()["items"]]
    return {"ids": ids, "actors": actors, "dyads": dyads}


async def _fire(base: str, probes: list[Probe], concurrency: int) -> Result:
    result = Result(concurrency=concurrency)
    queue: asyncio.Queue[Probe] = asyncio.Queue()
    for probe in probes:
        queue.put_nowait(probe)
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)

    async def worker(client: httpx.AsyncClient) -> None:
        while True:
            try:
                probe = queue.get_nowait()
            except asyncio.QueueEmpty:
                return
            started = time.perf_counter()
            try:
                response = await client.get(probe.path)
            except httpx.HTTPError as exc:
                result.errors.append(f"{probe.path[:120]}: {type(exc).__name__}: {exc}")
                continue
            elapsed = time.perf_counter() - started
            result.latencies.append(elapsed)
            result.by_path.setdefault(probe.path.split("?")[0][:60], []).append(elapsed)
            result.statuses[response.status_code] += 1
            if probe.kind == "bad":
                result.bad_statuses[response.status_code] += 1
            if response.status_code not in probe.expect:
                result.errors.append(f"{probe.path[:120]}: {response.status_code} {response.text[:160]!r}")

    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as client:
        started = time.perf_counter()
        await asyncio.gather(*(worker(client) for _ in range(concurrency)))
        result.seconds = time.perf_counter() - started
    result.requests = len(probes)
    return result


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """``relata serve`` in a child process on 127.0.0.1; its log goes to a file (a full pipe would
    stall it)."""

    def __init__(self, db: Path, log: Path):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = log
        with log.open("w") as handle:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "relata", "serve", "--db", str(db), "--host", "127.0.0.1",
                 "--port", str(self.port)],
                stdout=subprocess.DEVNULL, stderr=handle, cwd=ROOT)

    def wait_ready(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"relata serve exited ({self.proc.returncode}): {self.log.read_text()[-2000:]}")
            try:
                if httpx.get(self.base + "/api/openapi.json", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"relata serve did not answer within {timeout:g} s")

    def stop(self) -> int:
        self.proc.terminate()
        try:
            return self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            return self.proc.wait(timeout=20)

    def __enter__(self) -> Server:
        self.wait_ready()
        return self

    def __exit__(self, *_exc) -> None:
        self.stop()


def ingest_examples(db: Path) -> None:
    """The store a newcomer gets from ``relata ingest examples`` (some inputs are refused on purpose)."""
    done = subprocess.run([sys.executable, "-m", "relata", "ingest", str(EXAMPLES), "--db", str(db), "-q"],
                          capture_output=True, text=True, cwd=ROOT)
    if done.returncode not in (0, 1) or not db.exists():
        raise RuntimeError(f"relata ingest failed ({done.returncode}): {done.stderr[-2000:]}")


def run(db: Path, requests: int = DEFAULT_REQUESTS, concurrency: int = DEFAULT_CONCURRENCY,
        log: Path | None = None) -> Result:
    """Serve ``db`` and send the load; the server's log ends up in ``log``."""
    with tempfile.TemporaryDirectory(prefix="relata-load-") as tmp:
        log = log or Path(tmp) / "serve.log"
        with Server(db, log) as server:
            probes = plan(sample_store(server.base), requests)
            # A thread of its own: the caller may already run an event loop (pytest with Playwright).
            with ThreadPoolExecutor(1) as pool:
                result = pool.submit(asyncio.run, _fire(server.base, probes, concurrency)).result()
            alive = server.proc.poll() is None
        if not alive:
            result.errors.append(f"the server died during the run: {log.read_text()[-2000:]}")
        if "Traceback" in log.read_text():
            result.errors.append(f"the server logged a traceback: {log.read_text()[-2000:]}")
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.load", description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=DEFAULT_REQUESTS, help=f"default {DEFAULT_REQUESTS}")
    parser.add_argument("--concurrency", type=int, default=DEFAULT_CONCURRENCY,
                        help=f"requests in flight (default {DEFAULT_CONCURRENCY})")
    parser.add_argument("--db", type=Path, help="an existing store (default: ingest examples/ into a temp folder)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="relata-load-") as tmp:
        db = args.db
        if db is None:
            db = Path(tmp) / "examples.duckdb"
            print(f"ingesting {EXAMPLES.name}/ ...", file=sys.stderr)
            ingest_examples(db)
        result = run(db, args.requests, args.concurrency)
    print(result.summary())
    return 1 if result.errors else 0


if __name__ == "__main__":
    sys.exit(main())
