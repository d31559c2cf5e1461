"""Reported speech found in the dependency parse (content spans and cues)."""

from __future__ import annotations

from relata import nlp
from relata.relations.reported_speech import find_reports


def _reports(text: str):
    return [(r.cue.text, text[r.start:r.end]) for r in find_reports(nlp.parse(text).doc)]


def _content(found, cue: str) -> str:
    """The content of the first report ``found`` with ``cue``."""
    return next(text for found_cue, text in found if found_cue == cue)


def test_that_clause_without_its_complementizer():
    assert ("told", "the plan would fail") in _reports("Smith told reporters that the plan would fail.")


def test_clause_before_the_cue():
    assert ("said", "The economy is strong") in _reports("The economy is strong, he said.")


def test_according_to():
    assert ("According to", "the bridge collapsed") in _reports("According to officials, the bridge collapsed.")


def test_according_to_parsed_as_the_root_of_its_sentence():
    # the small model reads "reeks" as a noun and hangs the clause on the name; the phrase is the root
    found = _reports("The campaign asked the moderator to check facts. "
                     "According to talk radio host Abel Mwangi, the move reeks of fear and desperation.")
    assert _content(found, "According to") == "the move reeks of fear and desperation"


def test_a_cue_verb_keeps_its_particle():
    assert _reports("The senator pointed out that the talks had failed.")[0][0] == "pointed out"


def test_content_never_crosses_a_paragraph_break():
    text = "The mayor spoke on Monday.\n\nShe said the budget would be cut."
    for _, content in _reports(text):
        assert "\n" not in content


def test_interrupted_reported_speech_reports_both_sides():
    found = _reports("The talks, Maria Lopez said, were productive and would continue next week.")
    assert ("said", "The talks") in found
    assert ("said", "were productive and would continue next week") in found


def test_interrupting_cue_after_an_adverbial_keeps_only_the_clause():
    found = _reports("On Monday, the minister said, the talks collapsed.")
    assert ("said", "the talks collapsed") in found
    assert not [c for _, c in found if c == "On Monday"]


def test_reporting_noun_with_a_that_clause():
    found = _reports("Trump’s claim that thousands of shootings happened in Chicago was rated true.")
    assert ("claim", "thousands of shootings happened in Chicago") in found


def test_relative_clause_on_a_reporting_noun_is_not_content():
    found = _reports("The claim that the senator repeated on Monday was false.")
    assert not [c for cue, c in found if cue == "claim"]


def test_content_never_holds_its_own_speaker():
    text = ("''It has the virtue of being responsible,'' Leonard Burman, director of the Tax "
            "Policy Center and a professor at Syracuse University, said of the plan.")
    for cue, content in _reports(text):
        assert "Burman" not in content, (cue, content)


def test_content_in_another_paragraph_is_not_the_cues():
    text = "The budget is balanced and fair to everyone.\n\nThe minister said so on Monday at the hearing."
    for _, content in _reports(text):
        assert "budget" not in content


def test_as_aside_attributes_the_main_clause():
    found = _reports("As many economists have pointed out, the tax cut will not pay for itself.")
    assert [cue for cue, c in found if c == "the tax cut will not pay for itself" and cue.startswith("pointed")]


def test_complement_the_tagger_read_as_a_noun():
    found = _reports("In a letter, the agency suggested that the visa program end next year.")
    assert [c for cue, c in found if cue == "suggested" and "visa program" in c]


def test_content_runs_to_the_sentence_end_when_the_parser_splits_it():
    text = ("Donald Trump says political correctness has run amok in the military, and “we’re going "
            "to get away from” that if he’s elected president.")
    assert [c for cue, c in _reports(text) if cue == "says" and c.endswith("elected president")]


def test_content_does_not_run_into_the_next_sentence():
    found = _reports("The mayor said the budget was fine. Then she left the building.")
    assert ("said", "the budget was fine") in found


def test_infinitive_parsed_as_an_adverbial_is_what_was_told():
    found = _reports("The mayor tells her supporters at a rally to “go to the polls early” on Tuesday.")
    assert [c for cue, c in found if cue == "tells" and c.startswith("to")]


def test_agentless_passive_infinitive_reports_nobody():
    found = _reports("The amendment is expected to be ratified next month in Rwanda.")
    assert not [c for cue, c in found if cue == "expected"]


def test_that_clause_parsed_as_a_relative_clause_on_the_addressee():
    found = _reports("She told a meeting of farmers that prices would rise sharply next year.")
    assert ("told", "prices would rise sharply next year") in found


def test_content_stops_at_a_semicolon():
    found = _reports("The coach said the team was exhausted; the players left the stadium early.")
    assert ("said", "the team was exhausted") in found


def test_dateline_is_not_content():
    found = _reports("OSLO - The ferry will resume service on Monday, the company said.")
    assert [c for cue, c in found if cue == "said" and c.startswith("The ferry will resume")]
    assert not [c for _, c in found if c.startswith("OSLO")]


def test_participle_after_according_to_is_the_writers_gloss():
    found = _reports("Exports rose 4 percent last year, according to customs figures, making wine the top product.")
    assert [c for cue, c in found if c.startswith("Exports rose")]
    assert not [c for _, c in found if c.startswith("making")]


def test_clause_parsed_as_an_adverbial_is_what_was_said():
    found = _reports("Ortiz said after the summit he would not sign the treaty if it were changed.")
    assert [c for cue, c in found if cue == "said" and c.endswith("he would not sign the treaty if it were changed")]



def test_object_runs_through_a_phrase_to_its_predicate():
    found = _reports("Garcia called his vote in favor of the tax bill a mistake.")
    assert ("called", "his vote in favor of the tax bill a mistake") in found


def test_participle_cue_after_a_comma_starts_a_second_report():
    found = _reports("The senator said he did not believe the charges hurt the party, arguing that "
                     "divisions were a bigger hurdle.")
    said = _content(found, "said")
    assert said == "he did not believe the charges hurt the party"
    assert ("arguing", "divisions were a bigger hurdle") in found


def test_coordinated_clause_with_its_own_speaker_is_not_the_first_content():
    found = _reports("She said fathers would not be eligible for the leave, and the campaign manager "
                     "replied that the plan was fair.")
    said = _content(found, "said")
    assert said == "fathers would not be eligible for the leave"


def test_second_that_clause_stays_in_the_same_report():
    found = _reports("He told reporters that Tehran had put forward two documents and that the other "
                     "side should respond to them.")
    told = _content(found, "told")
    assert told.endswith("the other side should respond to them")


def test_clause_before_a_colon_is_not_the_speakers():
    found = _reports("The revelation set off another round of fireworks on Friday: Republicans said "
                     "they were convinced the department mishandled the case.")
    said = _content(found, "said")
    assert said.startswith("they were convinced")


def test_clause_before_a_fronted_object_is_not_the_content():
    found = _reports("The move was seen as a warning that Russia could use nuclear weapons in a war, "
                     "something Xi Jinping has explicitly opposed.")
    assert not any(cue == "opposed" and content.startswith("The move") for cue, content in found)


def test_participle_cue_after_a_closing_quotation_mark_starts_a_second_report():
    found = _reports('Cheng said "the party will not stop its assistance to Russia," pointing out that '
                     'trade had reached a new high.')
    said = _content(found, "said")
    assert "pointing" not in said


def test_as_clause_with_its_own_object_is_not_an_aside():
    found = _reports("As Clinton talked about bringing communities together, Trump highlighted his "
                     "message of law and order.")
    assert not any(cue == "talked" and "Trump" in content for cue, content in found)
    assert ("talked", "bringing communities together") in found


def test_calling_a_meeting_reports_nothing_but_calling_for_a_ceasefire_does():
    assert _reports("The U.N. called an emergency meeting to discuss the test.") == []
    assert ("called", "a ceasefire in Gaza") in _reports("Turkey called for a ceasefire in Gaza.")
    assert ("called", "the measures illegitimate") in _reports("Russia called the measures illegitimate.")
    assert ("tells", "to go and vote") in _reports("Trump tells his supporters at a rally to go and vote.")


def test_an_object_that_is_only_a_name_reports_nothing():
    for text in ["Governor Ana Ruiz backed Hillary Clinton in the primary.",
                 "Senator Ted Cruz endorsed Donald Trump.",
                 "Militants attacked the USS Cole in 2000."]:
        assert _reports(text) == [], text


def test_an_object_with_what_is_said_about_a_name_stays():
    assert _content(_reports('Cruz called Trump a "pathological liar".'), "called") == 'Trump a "pathological liar"'
    assert _content(_reports("The minister condemned the attack on the embassy."), "condemned") == "the attack on the embassy"


def test_a_second_speech_verb_joined_to_the_content_is_a_second_report():
    found = _reports("The ministry said the border would stay closed and warned truckers to wait.")
    assert _content(found, "said") == "the border would stay closed"
    assert _content(found, "warned") == "to wait"


def test_the_object_of_advise_is_who_is_advised_not_what_is_said():
    assert _reports("Tsedev, an analyst who has advised both governments, left early.") == []
    assert _content(_reports("She advised that the talks be delayed."), "advised") == "the talks be delayed"


def test_plans_tagged_as_a_noun_but_parsed_as_a_verb_is_a_cue():
    found = _reports("The Clinton campaign plans to employ Mr. Obama as much as possible.")
    assert _content(found, "plans") == "to employ Mr. Obama as much as possible"


def test_cues_are_looked_for_only_where_one_can_start_and_none_is_missed():
    from pathlib import Path

    from relata.relations.quote_cues import (
        attitude_cue,
        clause_cue,
        cue_at,
        cue_positions,
        noun_cue,
        question_cue,
    )

    examples = Path(__file__).resolve().parents[2] / "examples"
    for path in sorted(examples.glob("*.txt")):
        doc = nlp.parse(path.read_text(encoding="utf-8", errors="replace")).doc
        candidates = set(cue_positions(doc))
        assert len(candidates) < len(doc)  # punctuation, names, determiners are skipped
        for token in doc:
            cue = cue_at(token) or clause_cue(token) or noun_cue(token) or attitude_cue(token) or question_cue(token)
            if cue is not None:
                assert token.i in candidates, (path.name, token.text)


def test_participle_cue_inside_an_open_quotation_stays_in_the_content():
    for opening, closing in (("“", "”"), ("''", "''"), ('"', '"')):
        text = (f"The retired nurse said she had marched in Accra {opening}for our children, believing "
                f"that the vote would change nothing.{closing}")
        said = _content(_reports(text), "said")
        assert said.startswith("she had marched in Accra") and "believing that the vote" in said, opening


def test_negated_cue_reports_its_open_question():
    found = _reports("Port officials in Mombasa have not said when the cranes would be repaired.")
    assert ("said", "when the cranes would be repaired") in found
    found = _reports("The minister would not explain why the border stayed shut.")
    assert ("explain", "why the border stayed shut") in found


def test_that_clause_after_the_addressee_of_to():
    found = _reports("Her husband can be heard yelling to the officers that his wife was unarmed.")
    assert ("yelling", "his wife was unarmed") in found
    found = _reports("A neighbour was heard shouting to the firefighters that her children were trapped.")
    assert ("shouting", "her children were trapped") in found


def test_relative_clause_with_a_gap_on_the_addressee_is_not_content():
    found = _reports("He told the officers that he saw.")
    assert not any(cue == "told" for cue, _ in found)


def test_concessive_clause_with_its_own_cue_is_a_second_report():
    found = _reports("The governor said the dam was safe, although engineers warned that the spillway "
                     "was cracked.")
    assert ("said", "the dam was safe") in found
    assert ("warned", "the spillway was cracked") in found


def test_that_clause_after_a_bracketed_cue_beats_the_sentence_before_it():
    found = _reports("Both candidates face questions about their health, particularly after video surfaced "
                     "showing the senator stumbling on the steps (his office later disclosed that he has "
                     "malaria).")
    assert ("disclosed", "he has malaria") in found


def test_clause_ending_in_a_colon_before_the_cue_is_not_the_content():
    found = _reports("We have seen this before: Joseph Kony declared war on the north.")
    assert not any(cue == "declared" and content.startswith("We have") for cue, content in found)


def test_conclusion_after_so_is_not_an_attribution_of_the_clause_before():
    found = _reports("The figure is correct but leaves out the seasonal workers, so we rate it Half True.")
    assert not any(cue == "rate" and content.startswith("The figure") for cue, content in found)


def test_cue_with_its_own_that_takes_no_content_before_it():
    found = _reports("But the governor says he is not the problem. The governor continues to insist, most "
                     "recently in an interview with local radio, that he really wants to publish the contracts "
                     "but cannot.")
    assert not any(cue == "wants" and content.startswith("The governor") for cue, content in found)


def test_object_keeps_its_phrase_the_parse_hung_on_the_verb():
    found = _reports("Former crew members described crass behavior by the owner behind the scenes of the "
                     "ferry company.")
    assert _content(found, "described").startswith("crass behavior by the owner")


def test_an_adverbial_clause_alone_is_not_what_was_said():
    found = _reports("He wore a shirt printed with the words ''We are hungry,'' as Kwame Mensah, lying on "
                     "the pavement in Tamale, said before he died.")
    assert not any(content.startswith("before") for _, content in found)


def test_open_question_ends_before_the_writers_adjunct():
    found = _reports("Local councillors weighed in on Monday about whether the ferry should be cancelled, "
                     "even as photographs of the damaged hull circulated widely online.")
    assert _content(found, "weighed") == "the ferry should be cancelled"


def test_content_reaches_the_end_of_a_crossing_apposition():
    found = _reports("Mwangi later said he suspected Otieno was under the influence of alcohol — something "
                     "a neighbour also told a reporter before the police came.")
    assert _content(found, "said").endswith("before the police came")


def test_a_finding_with_nobody_finding_reports_no_object():
    found = _reports("Analysts discussed recent polls, including ones showing the opposition leading in "
                     "Kisumu and Nakuru.")
    assert not any(cue == "showing" for cue, _ in found)
    found = _reports("The auditors found serious flaws in the tender.")
    assert any(cue == "found" for cue, _ in found)


def test_according_to_with_no_words_after_it_reports_nothing():
    found = _reports("According to the state broadcaster, basically.")
    assert not any(cue.lower() == "according to" for cue, _ in found)


def test_a_preposition_left_without_its_object_is_no_content():
    for cue, content in _reports("The footage of an anguished farmer of 60 years pleading for his brother's life "
                                 "came as officials praised the quiet protests."):
        assert content.strip() not in ("for", "of", "about"), (cue, content)


def test_the_attribution_of_a_quotation_is_not_a_complement():
    from relata.relations.reported_speech import _bare_attribution

    doc = nlp.parse("“You winning?” she said, but Kofi was drifting off again, and as the minister went on "
                    "about the market, Ama said yes.").doc
    said = [t for t in doc if t.text == "said"]
    assert _bare_attribution(said[0]) and not _bare_attribution(said[1])
    doc = nlp.parse("She said the market in Kumasi was rigged.").doc
    assert not _bare_attribution(next(t for t in doc if t.text == "said"))
