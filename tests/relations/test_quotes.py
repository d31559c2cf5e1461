"""Quotes end to end on sentences written for these tests: kinds, cues, speakers, offsets."""

from __future__ import annotations

import pytest

from relata import nlp
from relata.mentions.entities import extract_entities
from relata.relations.quotes import extract_quotes
from relata.resolve.actors import resolve_actors


def _quotes(text: str):
    parsed = nlp.parse(text)
    actors = resolve_actors(parsed, extract_entities(parsed))
    quotes = extract_quotes(parsed, actors)
    for q in quotes:
        assert text[q.start:q.end] == q.text
    return quotes


def _by_text(quotes, fragment):
    found = [q for q in quotes if fragment in q.text]
    assert found, (fragment, quotes)
    return found[0]


def test_direct_quote_with_trailing_cue():
    q = _by_text(_quotes('"The harvest was the best in a decade," said Maria Gonzalez.'), "harvest")
    assert (q.kind, q.cue, q.speaker_name) == ("direct", "said", "Maria Gonzalez")
    assert q.text == "The harvest was the best in a decade,"


def test_direct_quote_after_colon():
    q = _by_text(_quotes('Peter Olsen told the council: "We cannot wait another year."'), "wait")
    assert (q.kind, q.cue, q.speaker_name) == ("direct", "told", "Peter Olsen")


def test_split_quote_gives_two_quotes_with_one_speaker():
    quotes = _quotes('"The bridge is safe," said Laura Becker, "and it will reopen on Friday."')
    first, second = _by_text(quotes, "bridge"), _by_text(quotes, "reopen")
    assert first.speaker_name == second.speaker_name == "Laura Becker"
    assert first.kind == second.kind == "direct"


def test_partial_quote_inside_reported_speech():
    text = 'Senator Tom Hardy called the new tariffs "a tax on families" during the debate.'
    quotes = _quotes(text)
    partial = [q for q in quotes if q.text == "a tax on families"]
    assert partial and partial[0].kind == "partial"
    assert partial[0].speaker_name == "Tom Hardy"
    reported = [q for q in quotes if q.kind == "indirect"]
    assert reported and "the new tariffs" in reported[0].text


def test_scare_quotes_are_not_quotes():
    quotes = _quotes('The so-called "green deal" was debated for hours in the chamber.')
    assert not [q for q in quotes if q.text == "green deal"]


def test_indirect_speech_with_that_clause():
    text = "Mayor Jennifer Smith said on Monday that the city would hire two hundred teachers."
    q = _by_text(_quotes(text), "teachers")
    assert q.kind == "indirect"
    assert q.text == "the city would hire two hundred teachers"
    assert (q.cue, q.speaker_name) == ("said", "Jennifer Smith")


def test_indirect_speech_with_trailing_cue():
    q = _by_text(_quotes("The talks made real progress, Karl Weber said."), "progress")
    assert (q.kind, q.cue, q.speaker_name) == ("indirect", "said", "Karl Weber")


def test_according_to():
    q = _by_text(_quotes("According to Helen Park, the budget will be cut by a third."), "budget")
    assert q.kind == "indirect"
    assert q.cue == "According to"
    assert q.speaker_name == "Helen Park"


def test_run_of_quotes_keeps_the_speaker():
    text = ('"We will rebuild the port," Omar Haddad said.\n\n'
            '"It will take time, but the money is there and the workers are ready."')
    q = _by_text(_quotes(text), "workers")
    assert q.speaker_name == "Omar Haddad"


def test_transcript_lines():
    text = ("Jane Miller: Welcome back to the programme tonight.\n\n"
            "Q: What happened at the border?\n\n"
            "Jane Miller: Nobody knows yet.")
    quotes = _quotes(text)
    welcome = _by_text(quotes, "Welcome")
    assert (welcome.kind, welcome.cue) == ("direct", ":")
    assert _by_text(quotes, "border").speaker is None


def test_pronoun_speaker_is_never_a_name_string():
    q = _by_text(_quotes('"Nothing has changed," he said.'), "Nothing")
    assert q.speaker_name is None or q.speaker_name.lower() != "he"


@pytest.mark.parametrize("text", ['"', '“”', "'", 'a " b " c "', "«", "Q:", ": x", ""])
def test_degenerate_inputs_do_not_crash(text):
    _quotes(text)


def test_dash_byline_names_the_speaker():
    q = _by_text(_quotes('“The schools need more money.” ― Maria Gonzalez'), "schools")
    assert (q.kind, q.cue, q.speaker_name) == ("direct", "―", "Maria Gonzalez")


def test_speaker_between_the_quote_and_the_cue_wins_over_a_later_name():
    text = ('“There is a severe gap between the White House and the army,” Michael Flynn, a retired '
            'general, said on Fox News’s “Fox and Friends.”')
    q = _by_text(_quotes(text), "severe gap")
    assert q.speaker_name == "Michael Flynn"


def test_quoted_title_in_the_subject_is_not_a_quote():
    text = 'On an episode of "The Morning Show," the senator said taxes would rise next year.'
    assert not [q for q in _quotes(text) if q.text.startswith("The Morning Show")]


def test_many_quotes_take_linear_time():
    """40,000 tokens with 2,000 quotations (an unparsed doc: the extractor's own work only)."""
    import time

    from spacy.tokens import Doc

    from relata.nlp import ParsedDocument, load

    unit = ["“", "We", "will", "rebuild", "the", "port", ",", "”", "Omar", "Haddad", "said", ".",
            "The", "mayor", "said", "the", "budget", "was", "fine", "."]
    words = unit * 2000
    spaces = [w not in ("“", "port") for w in words]
    doc = Doc(load().vocab, words=words, spaces=spaces)
    parsed = ParsedDocument(text=doc.text, doc=doc)
    actors = resolve_actors(parsed, ())
    started = time.perf_counter()
    quotes = extract_quotes(parsed, actors)
    assert time.perf_counter() - started < 10
    assert all(parsed.text[q.start:q.end] == q.text for q in quotes)
    assert len([q for q in quotes if q.kind == "direct"]) == 2000


def test_dash_byline_glued_to_the_closing_mark_with_a_no_break_space():
    text = "Readers wrote in.\n\n“The schools need more money.”―\u00a0Maria Gonzalez\u00a0\n"
    q = _by_text(_quotes(text), "schools")
    assert (q.kind, q.speaker_name) == ("direct", "Maria Gonzalez")


def test_interrupted_reported_speech_keeps_one_speaker_for_both_sides():
    quotes = _quotes("The talks, Maria Lopez said, were productive and would continue next week.")
    left, right = _by_text(quotes, "The talks"), _by_text(quotes, "productive")
    assert left.speaker_name == right.speaker_name == "Maria Lopez"
    assert left.kind == right.kind == "indirect"


def test_reporting_noun_takes_its_possessor_as_speaker():
    q = _by_text(_quotes("Maria Lopez’s claim that the bridge was unsafe was disputed by engineers."),
                 "bridge was unsafe")
    assert (q.cue, q.speaker_name) == ("claim", "Maria Lopez")


def test_reporting_noun_is_not_attributed_to_whoever_rejects_it():
    quotes = _quotes("Maria Lopez rejected the allegation that she had lied to the council.")
    for q in quotes:
        if "she had lied" in q.text and q.cue == "allegation":
            assert q.speaker_name is None


def test_verb_from_the_extended_lexicon():
    q = _by_text(_quotes("Senator Tom Hardy likened the new tariffs to a tax on families."), "tariffs")
    assert (q.cue, q.speaker_name) == ("likened", "Tom Hardy")


def test_hostile_quotation_inputs_do_not_crash():
    body = " ".join(["word"] * 5000)
    for text in (f"“{body}.” said Ana Ruiz.", "“”“”“”\n\n\"\"\"\"", "“a ‘b “c” d’ e” said Ana. “ open",
                 "”" * 50, "― " * 50):
        for q in _quotes(text):
            assert q.speaker_name is None or q.speaker_name.lower() not in {"he", "she", "they"}


def test_a_quote_followed_by_and_x_responded_belongs_to_the_earlier_speaker():
    text = ('President Amara Diallo praised the talks, saying, "Our two nations share many goals," and '
            'President Jonas Berg responded, "Senegal is a reliable partner."')
    from relata.mentions.entities import extract_entities
    from relata.nlp import parse
    from relata.relations.quotes import extract_quotes
    from relata.resolve.actors import resolve_actors

    parsed = parse(text)
    quotes = extract_quotes(parsed, resolve_actors(parsed, extract_entities(parsed)))
    direct = {q.text: q.speaker_name for q in quotes if q.kind == "direct"}
    assert direct["Our two nations share many goals,"] == "Amara Diallo"
    assert direct["Senegal is a reliable partner."] == "Jonas Berg"


def test_an_act_toward_a_thing_is_not_a_quote():
    for text in ("The mayor thanked the firefighters for their courage.",
                 "The two cities agreed to share a water plant next year.",
                 "The council welcomed the new budget on Monday."):
        assert not _quotes(text), text


def test_a_wish_with_an_infinitive_is_reported():
    q = _by_text(_quotes("Governor Lina Okafor would like to hold the vote before the rains."), "vote")
    assert q.speaker_name == "Lina Okafor"


def test_an_attitude_adjective_with_a_clause_reports_its_subject():
    q = _by_text(_quotes("Minister Tomas Ferreira is determined to reopen the port by March."), "port")
    assert q.speaker_name == "Tomas Ferreira" and q.text.startswith("to reopen")
    q = _by_text(_quotes("Maria Lopez, the mayor, was not sure whether the bridge would hold."), "bridge")
    assert q.speaker_name == "Maria Lopez" and q.cue == "sure"
    # without a clause the adjective only describes
    assert not _quotes("Minister Tomas Ferreira is determined and ready.")


def test_a_noun_of_will_reports_its_holders_infinitive():
    q = _by_text(_quotes("President Kofi Mensah's decision to close the border crossing angered traders."), "border")
    assert q.speaker_name == "Kofi Mensah" and q.text.startswith("to close")
    # a decision nobody holds is not reported
    assert not [q for q in _quotes("A decision to close the crossing would hurt traders.") if "crossing" in q.text]
    # inside a phrase the noun names the act as a circumstance
    text = "Ministers met in Accra after Togo's decision to close the border crossing."
    assert not [q for q in _quotes(text) if "border" in q.text]


def test_a_position_on_an_open_question_is_reported():
    q = _by_text(_quotes("Kenya and Uganda spar over whether the island belongs to either country."), "island")
    assert q.text == "the island belongs to either country" and q.speaker_name == "Kenya"
    q = _by_text(_quotes("Senator Ruth Adeyemi pressed the minister on how the dam would be paid for."), "dam")
    assert q.text.startswith("how the dam") and q.speaker_name == "Ruth Adeyemi"
    # a question word that does not open a clause the verb is about reports nothing
    assert not _quotes("The ministers met on Tuesday in Kampala.")


def test_an_apposition_hung_past_the_verb_does_not_swallow_the_content():
    text = ("Most voters expect Ruto to win the vote, the first since the new constitution, in Nakuru "
            "-- 44 percent to 34 percent.")
    assert _by_text(_quotes(text), "Ruto to win").cue == "expect"


def test_according_to_a_name_parsed_as_the_root_keeps_the_name_as_speaker():
    text = ("The campaign asked the moderator to check facts. "
            "According to talk radio host Abel Mwangi, the move reeks of fear and desperation.")
    q = _by_text(_quotes(text), "reeks")
    assert q.text == "the move reeks of fear and desperation" and q.speaker_name == "Abel Mwangi"


def test_an_act_verb_with_a_clause_or_a_predicate_still_reports():
    assert _by_text(_quotes("The two unions agreed that the strike had gone on too long."), "strike").cue == "agreed"
    q = _by_text(_quotes("Minister Paula Reyes welcomed the ruling as a victory for small farmers."), "victory")
    assert (q.cue, q.speaker_name) == ("welcomed", "Paula Reyes")


def test_speech_reported_inside_speech_is_one_quote():
    quotes = _quotes("The agency said it welcomed the new safety rules for ferries.")
    assert [(q.cue, q.text) for q in quotes] == [("said", "it welcomed the new safety rules for ferries")]


def test_two_speakers_joined_by_while_are_two_quotes():
    text = "Norway said it would reopen its embassy in March, while Sweden said it would wait until spring."
    quotes = _quotes(text)
    assert [q.text for q in quotes] == ["it would reopen its embassy in March", "it would wait until spring"]


def test_a_speaker_cited_by_a_source_keeps_the_quote():
    q = _by_text(_quotes("Ana Ruiz said the bridge would reopen in May, according to a city statement."), "bridge")
    assert (q.cue, q.speaker_name) == ("said", "Ana Ruiz")


def test_a_quoted_title_is_not_a_quote():
    quotes = _quotes('The band played "Songs From the Old Harbour Town" at the festival last spring.')
    assert not [q for q in quotes if "Harbour" in q.text]


def test_role_label_turns_take_the_bracketed_name():
    text = ("HOST (Maya Collins): Welcome back. With me is Erik Lindqvist.\n\n"
            "ERIK LINDQVIST: Thank you for having me.\n\n"
            "HOST: Is a return realistic this year?\n\n"
            "ERIK LINDQVIST: Not right now.")
    quotes = _quotes(text)
    assert _by_text(quotes, "Welcome").speaker_name == "Maya Collins"
    assert _by_text(quotes, "realistic").speaker_name == "Maya Collins"
    assert _by_text(quotes, "Not right now").speaker_name == "Erik Lindqvist"


def test_a_quoted_name_that_is_the_subject_of_a_passive_is_no_quote():
    quotes = _quotes("After the congress, “Xi Jinping Thought” was written into the party constitution.")
    assert not any(q.text.startswith("Xi Jinping Thought") for q in quotes)


def test_according_to_officials_who_spoke_is_the_officials_state():
    q = _by_text(_quotes("Egypt sent a delegation to Tel Aviv, according to two Egyptian officials who "
                         "spoke on condition of anonymity."), "delegation")
    assert q.speaker_name == "Egypt"


@pytest.mark.parametrize(
    "text",
    [
        "For more information, call the commission's press office on +260 211 252 640.",
        "Media enquiries: contact Ruth Zulu on (260) 977-123456 or email press@river-commission.org.",
        "Anyone with information should contact the hotline at 0800 555 111, the ministry said.",
    ],
)
def test_contact_lines_are_never_quotes(text):
    assert _quotes(text) == ()


def test_a_quoted_appeal_with_a_number_stays_a_quote():
    q = _by_text(_quotes('"Call 0800 555 111 if you see anything," Sheriff Dana Holt said.'), "Call")
    assert (q.kind, q.speaker_name) == ("direct", "Dana Holt")


def test_transcript_stage_directions_and_social_handles_are_not_speech():
    text = ('"PENCE: We will win in Iowa, and we will win in Ohio too.\n\n'
            '"(CROSSTALK.)\n\n'
            '"Follow Pam Key on Twitter @pamkeyNEN."')
    texts = [q.text for q in _quotes(text)]
    assert not [t for t in texts if "CROSSTALK" in t or "@pamkeyNEN" in t], texts


def test_an_isbn_or_an_article_number_is_never_a_quote():
    quotes = _quotes("The guide is ISBN 978-3-16-148410-0, the publisher said. The ruling, the judge said, "
                     "is Article 21(3).")
    assert not [q for q in quotes if "ISBN" in q.text or "Article 21" in q.text], quotes


def test_he_said_after_the_content_is_not_someone_named_in_it():
    quotes = _quotes("Hakan Demir spoke on Monday. Replacing Erdogan would be much more bitter, he said.")
    assert [(q.cue, q.speaker_name) for q in quotes] == [("said", "Hakan Demir")]


def test_as_someone_put_it_attributes_what_it_hangs_on():
    quotes = _quotes('The main test is a "credible fear of persecution," as one Kenyan judge put it.')
    assert any(q.cue == "put it" and "main test" in q.text for q in quotes)
    assert not _quotes("He put it on the table.")


def test_a_participle_after_said_quotes_for_the_same_speaker_and_is_not_said_content():
    quotes = _quotes('"Farmers cannot wait," Mwangi said, suggesting a few questions, including, '
                     '"Minister, do you really think the rains will come?"')
    assert [(q.cue, q.speaker_name) for q in quotes] == [("said", "Mwangi"), ("suggesting", "Mwangi")]


def test_a_quotation_opening_a_longer_reported_clause_is_partial():
    quotes = _quotes('The auditors claimed "the ministry inflated" the cost of the Kampala bypass.')
    kinds = {(q.kind, q.text) for q in quotes}
    assert ("partial", "the ministry inflated") in kinds
    assert ("indirect", '"the ministry inflated" the cost of the Kampala bypass') in kinds
    # a quotation that is the whole complement stays direct
    assert [q.kind for q in _quotes('"We told them that it was over," she said.')] == ["direct"]


def test_cue_inside_a_quotation_reports_nothing_outside_it():
    text = "“They can say what they like. I would tell them, ‘You are wrong,'” the senator from Mindanao added."
    quotes = _quotes(text)
    assert not any("the senator from Mindanao added" in q.text for q in quotes), quotes
    q = _by_text(quotes, "They can say")
    assert (q.kind, q.cue) == ("direct", "added")
