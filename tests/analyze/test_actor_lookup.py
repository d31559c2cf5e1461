"""Resolving what a user types to the store's actors, and listing them."""

from __future__ import annotations

import pytest
from tests.analyze.test_dyad import build_fixture_store

from relata.analyze.actor_lookup import ActorDirectory, ActorInfo, list_actors, normalize
from relata.errors import UnknownActorError


@pytest.fixture(scope="module")
def directory(tmp_path_factory):
    con = build_fixture_store(tmp_path_factory.mktemp("lookup") / "s.duckdb")
    yield ActorDirectory.load(con)
    con.close()


def actor(actor_id: str, name: str, kind: str = "person", country: str | None = None,
          aliases: tuple[str, ...] = ()) -> ActorInfo:
    return ActorInfo(actor_id, name, kind, country, documents=1, mentions=1, events=0, aliases=aliases)


@pytest.mark.parametrize(("text", "expected"), [
    ("Vladimir-Putin", "vladimir putin"),
    ("  U.S. ", "us"),
    ("Erdoğan", "erdogan"),
    ("People's Republic", "peoples republic"),
])
def test_normalize(text, expected):
    assert normalize(text) == expected


@pytest.mark.parametrize("query", ["Putin", "vladimir-putin", "VLADIMIR PUTIN", "Vladimir Putin"])
def test_names_aliases_and_ids_find_a_person(directory, query):
    selection = directory.resolve(query)
    assert selection.member_ids == ("vladimir-putin",)
    assert selection.how == "exact" and selection.label == "Vladimir Putin"


@pytest.mark.parametrize("query", ["China", "CHN", "chn", "Beijing", "People's Republic of China"])
def test_a_state_covers_its_people(directory, query):
    selection = directory.resolve(query)
    assert selection.member_ids[0] == "CHN"
    assert set(selection.member_ids) == {"CHN", "xi-jinping", "wang-yi"}
    assert set(selection.expanded) == {"xi-jinping", "wang-yi"}


def test_a_person_does_not_widen(directory):
    assert directory.resolve("Xi").member_ids == ("xi-jinping",)


@pytest.mark.parametrize(("query", "expected"), [
    ("Vladimir Poutine", "vladimir-putin"),   # French transliteration
    ("Sergei Lavrov", "sergey-lavrov"),       # another romanisation
    ("Jinping Xi", "xi-jinping"),             # family name last
    ("Rusia", "RUS"),
])
def test_near_misses_are_accepted(directory, query, expected):
    selection = directory.resolve(query)
    assert selection.how == "fuzzy" and selection.matched[0].id == expected


def test_unknown_name_lists_close_matches(directory):
    with pytest.raises(UnknownActorError) as caught:
        directory.resolve("Lavroff")
    assert "'Lavroff'" in str(caught.value) and "Sergey Lavrov (sergey-lavrov)" in str(caught.value)
    with pytest.raises(UnknownActorError, match="relata actors"):
        directory.resolve("Zzyzx")


def test_pronoun_aliases_are_not_names(directory):
    assert "he" not in directory.get("xi-jinping").aliases
    with pytest.raises(UnknownActorError):
        directory.resolve("he")


def test_every_id_sharing_a_name_is_matched():
    # The resolver gave one person two ids in different documents: both are that person.
    duplicated = ActorDirectory([actor("putin", "Putin"), actor("vladimir-putin", "Vladimir Putin", aliases=("Putin",)),
                                 actor("vladimir-v-putin", "Vladimir V. Putin")])
    assert set(duplicated.resolve("Putin").member_ids) == {"putin", "vladimir-putin"}


def test_empty_store_says_so():
    with pytest.raises(UnknownActorError, match="no actors"):
        ActorDirectory([]).resolve("China")


def test_list_actors_by_mentions_then_documents(tmp_path):
    con = build_fixture_store(tmp_path / "s.duckdb")
    listed = list_actors(con)
    assert {a.id for a in listed} == {"CHN", "RUS", "USA", "xi-jinping", "vladimir-putin", "wang-yi",
                                      "sergey-lavrov"}
    keys = [(-a.mentions, -a.documents, a.id) for a in listed]
    assert keys == sorted(keys)
    by_id = {a.id: a for a in listed}
    # Events where the actor is source or target: doc-1 (2), doc-2, doc-3, doc-4 (one each).
    assert by_id["vladimir-putin"].events == 5 and by_id["vladimir-putin"].country == "RUS"
    assert by_id["CHN"].documents == 5  # doc-1, 2, 5, 6, 7
    assert len(list_actors(con, limit=2)) == 2
