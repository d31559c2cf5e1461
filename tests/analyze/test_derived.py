"""Derived tables kept up to date round by round equal a full rebuild: a store built in batches
(with changed and replaced documents among them) and one built at once hold the same event
groups, claim and quote groups, members and band keys, row for row."""

import random
import shutil
from pathlib import Path

import pytest

from relata.analyze.derived import FULL, UP_TO_DATE, UPDATED, rebuild_derived, update_derived
from relata.corpus import ingest
from relata.records import Actor, Claim, DocumentRecord, Event, Quote
from relata.store import open_store, write_record

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "corroboration"
DERIVED = ("event_groups", "claim_groups", "claim_group_members", "quote_groups", "quote_group_members",
           "corroboration_bands")


def tables(con) -> dict[str, list]:
    return {name: con.execute(f"SELECT * FROM {name} ORDER BY ALL").fetchall() for name in DERIVED}


def test_real_articles_in_batches_with_a_changed_one_equal_one_run(tmp_path):
    pytest.importorskip("datasketch")
    articles = sorted(FIXTURES.glob("*.txt")) + sorted((ROOT / "examples").glob("*.txt"))
    folder = tmp_path / "in"
    folder.mkdir()
    for path in articles:
        shutil.copy(path, folder / path.name)
    inputs = sorted(str(p) for p in folder.iterdir())
    batched = open_store(tmp_path / "batched.duckdb")
    first, rest = inputs[:len(inputs) // 2], inputs[len(inputs) // 2:]
    list(ingest(batched, first))
    assert update_derived(batched, lsh_min_items=2).how == FULL  # never built: built whole
    changed = Path(first[0])
    changed.write_text(changed.read_text().replace("2023", "2022", 1) + "\nOfficials said trade fell 3%.\n")
    for start in range(0, len(rest), 3):
        outcomes = list(ingest(batched, rest[start:start + 3] + ([str(changed)] if start == 0 else [])))
        assert {o.status for o in outcomes} <= {"added", "replaced", "unchanged"}
        update = update_derived(batched, lsh_min_items=2, full_share=1.0)
        assert update.how == UPDATED and update.documents >= 1 and not update.corroboration_rebuilt
    assert update_derived(batched, lsh_min_items=2).how == UP_TO_DATE
    at_once = open_store(tmp_path / "at_once.duckdb")
    list(ingest(at_once, inputs))
    counts = rebuild_derived(at_once, lsh_min_items=2)
    assert counts.claim_groups and counts.quote_groups and counts.event_groups
    assert tables(batched) == tables(at_once)
    assert update_derived(batched, lsh_min_items=2).counts == counts


WORDS = ("trade sanctions border rail winter growth demand politics level distance minister talks budget "
         "energy exports harbour freight reserves currency ceasefire summit").split()
ACTORS = ("USA", "CHN", "RUS", "IND")
MEASURES = ("trade between China and Russia", "China's exports to Russia", "bilateral trade",
            "the defence budget", "wheat exports")


def synthetic(rng: random.Random, doc: str, sentences: list[str]) -> DocumentRecord:
    """A record with planted events, claims and quotes that other records repeat or contradict."""
    text, quotes, claims, events = "", [], [], []
    for _ in range(rng.randint(0, 3)):
        words = rng.choice(sentences)
        if rng.random() < 0.3:  # reworded or trimmed
            words = words.replace(words.split()[2], rng.choice(WORDS), 1) if rng.random() < 0.5 \
                else " ".join(words.split()[:rng.randint(5, 9)])
        start = len(text)
        text += words + ". "
        quotes.append(Quote(start, start + len(words), words, rng.choice(("direct", "partial", "indirect")),
                            "x", "X", "said"))
    for _ in range(rng.randint(0, 3)):
        value = rng.choice((240e9, 110.9e9, 26.3, 7.0, 1200.0)) * rng.choice((1, 1, 1.01, 1.2))
        phrase = f"{value:g}"
        start = len(text)
        text += phrase + ". "
        claims.append(Claim(start, start + len(phrase), phrase, value, rng.choice(("USD", "percent")),
                            rng.choice(("exact", "about", "more_than")), rng.choice(MEASURES + (None,)),
                            rng.choice(("2023", "2024", None)), rng.random() < 0.2))
    for _ in range(rng.randint(0, 3)):
        source, target = rng.sample(ACTORS, 2)
        trigger = "met"
        start = len(text)
        text += trigger + ". "
        day = rng.randint(1, 20)
        events.append(Event(start, start + len(trigger), trigger, rng.choice(("CONSULT", "ACCUSE")), None, 1.0,
                            source if rng.random() < 0.9 else None, target,
                            rng.choice((f"2024-03-{day:02d}", "2024-03", None)), None))
    actors = tuple(Actor(code, code, "state", code) for code in ACTORS)
    published = rng.choice((f"2024-03-{rng.randint(1, 28):02d}", "2024-03", None))
    return DocumentRecord(id=doc, source=f"{doc}.txt", title=None, author=None, outlet=f"Outlet {doc[-1]}",
                          published=published, language="en", text=text + doc, actors=actors,
                          quotes=tuple(quotes), claims=tuple(claims), events=tuple(events))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_rounds_of_added_and_replaced_documents_equal_one_run(tmp_path, seed):
    """Rounds of new documents and of documents replaced under the same source (their old
    version removed), updated after each round, against the final documents written at once."""
    pytest.importorskip("datasketch")
    rng = random.Random(seed)
    sentences = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 12))) for _ in range(40)]
    batched = open_store(tmp_path / "batched.duckdb")
    current: dict[str, DocumentRecord] = {}  # source -> record
    version, hows = 0, []
    for _ in range(8):
        for _ in range(rng.randint(3, 12)):
            version += 1
            if current and rng.random() < 0.3:  # a changed document under a known source
                source = rng.choice(sorted(current))
            else:
                source = f"s{version}"
            record = synthetic(rng, f"d{version:04d}", sentences)
            write_record(batched, record, source, record.id)
            current[source] = record
        update = update_derived(batched, lsh_min_items=3, full_share=1.0)
        hows.append(update.how + (" (corroboration rebuilt)" if update.corroboration_rebuilt else ""))
    # Built whole the first time, then updated (unless a round touched more documents than stored).
    assert hows[0] == FULL and hows[1:].count(UPDATED) >= 5, hows
    at_once = open_store(tmp_path / "at_once.duckdb")
    for source, record in current.items():
        write_record(at_once, record, source, record.id)
    rebuild_derived(at_once, lsh_min_items=3)
    built, expected = tables(batched), tables(at_once)
    assert expected["claim_groups"] and expected["quote_groups"] and expected["event_groups"]
    for name in DERIVED:
        assert built[name] == expected[name], name


def test_derive_full_and_a_store_without_tracking_rebuild_everything(tmp_path):
    rng = random.Random(5)
    sentences = [" ".join(rng.choice(WORDS) for _ in range(8)) for _ in range(10)]
    con = open_store(tmp_path / "store.duckdb")
    for n in range(6):
        record = synthetic(rng, f"d{n}", sentences)
        write_record(con, record, record.source, record.id)
    assert update_derived(con).how == FULL
    assert update_derived(con).how == UP_TO_DATE
    assert update_derived(con, full=True).how == FULL
    con.execute("DELETE FROM store_info WHERE key = 'derived.tracking'")
    record = synthetic(rng, "d9", sentences)
    write_record(con, record, record.source, record.id)
    assert update_derived(con).how == FULL
