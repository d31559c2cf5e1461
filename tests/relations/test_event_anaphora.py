"""Roles from what an event's words refer back to, and acts promised on a condition, on our own
sentences (relations/event_anaphora.py, relations/event_modality.py)."""

from __future__ import annotations

from tests.relations.test_events import events_of


def coded(text: str) -> set[tuple[str, str | None, str | None]]:
    return {(e.type, e.source, e.target) for e in events_of(text)[0]}


def test_a_response_targets_whoever_made_the_claim_it_answers():
    assert ("REJECT", "PER", "ECU") in coded(
        "Ecuador accused Peru of moving troops to the border. Lima rejected the charge on Friday.")
    assert ("REJECT", "NOR", "RUS") in coded(
        "Russia demanded that Norway close its ports to the fleet. Oslo dismissed the demand.")


def test_a_retaliation_targets_the_attacker_of_the_responders_side():
    assert ("ASSAULT", "AZE", "ARM") in coded(
        "Armenian artillery shelled Azerbaijani positions near Lachin. "
        "Azerbaijan retaliated for the attack with drone strikes.")


def test_an_answer_to_someone_else_is_not_taken():
    # the demand was aimed at Chile, so Peru's rejection does not answer it
    found = coded("Bolivia demanded that Chile open its ports. Peru rejected the plan to build a pipeline.")
    assert not any(t == "REJECT" and target == "BOL" for t, _, target in found)


def test_a_pair_phrase_is_the_pair_named_before():
    found = coded("Kenya and Tanzania resumed border talks on Monday. "
                  "The two countries agreed to reopen the Namanga crossing.")
    assert ("AGREE", "KEN", "TZA") in found or ("AGREE", "TZA", "KEN") in found
    praised = coded("Iran restored ties with Saudi Arabia. The UN Secretary-General praised both governments.")
    assert {("SUPPORT", "un", "IRN"), ("SUPPORT", "un", "SAU")} <= praised


def test_an_act_promised_on_a_condition_is_a_threat():
    assert ("THREATEN", "LTU", "BLR") in coded(
        "Lithuania said it would close its border with Belarus if the flow of migrants continued.")
    # a request made on a condition threatens whom the requested act would hit
    assert ("THREATEN", "POL", "BLR") in coded(
        "The Polish foreign minister said Poland would ask NATO to consider sanctions against Belarus "
        "unless the crossings stopped.")
    assert not any(t == "REQUEST" for t, _, _ in coded(
        "Poland would ask NATO to consider sanctions against Belarus unless the crossings stopped."))


def test_a_pair_inside_the_act_offered_or_as_the_object():
    text = ("Ecuador recalled its ambassador from Peru. Brazil offered to mediate between the two "
            "neighbours and invited both foreign ministers to Brasilia.")
    found = coded(text)
    assert {("AGREE", "BRA", "ECU"), ("AGREE", "BRA", "PER")} <= found
    assert not any(source == "BRA" and target == "BRA" for _, source, target in found)


def test_a_protest_opposes_what_its_purpose_names_not_its_place():
    events, actors = events_of("Hungarian police arrested six Romanian drivers on Monday. "
                               "Romanian truckers blocked the road to Oradea on Tuesday to protest the arrests.")
    found = {(e.type, actors.get(e.source).country, e.target) for e in events if e.source}
    assert ("PROTEST", "ROU", "HUN") in found  # the Romanian truckers (ROU, LAB) against Hungary


def test_a_joint_operation_is_cooperation_between_the_two():
    found = coded("Kenyan and Ugandan police carried out a joint operation against cattle raiders.")
    assert ("COOPERATE", "KEN", "UGA") in found or ("COOPERATE", "UGA", "KEN") in found


def test_nominal_events_take_their_object_and_agent_like_verbs():
    assert ("SANCTION", "RUS", "EST") in coded("Russia announced the recall of its ambassador from Estonia.")
    assert ("SANCTION", "NOR", "RUS") in coded(
        "The expulsion of four Russian diplomats by Norway was announced on Monday.")


def test_violating_airspace_is_coercion_not_rejection():
    assert ("COERCE", "TUR", "GRC") in coded("Turkish jets violated Greek airspace on Tuesday.")


def test_fighting_between_two_is_coded_and_a_cause_is_its_own_event():
    found = coded("Uzbekistan closed its border with Kyrgyzstan because of fighting between Tajiks and Kyrgyz.")
    assert ("COERCE", "UZB", "KGZ") in found
    assert ("ASSAULT", "TJK", "KGZ") in found
    assert not any(t == "COERCE" and target == "TJK" for t, _, target in found)


def test_the_two_countries_are_the_two_named_together_and_visit_together():
    found = coded("Mali and Burkina Faso warned Niger's neighbours against an intervention. "
                  "The two countries sent a joint delegation to Niamey on Monday.")
    assert {("CONSULT", "MLI", "NER"), ("CONSULT", "BFA", "NER")} <= found
    assert ("CONSULT", "MLI", "BFA") not in found


def test_sharing_a_border_is_no_event():
    assert not any(t == "COOPERATE" for t, _, _ in coded("Algeria, which shares a long border with Niger, "
                                                         "opposed any military action."))


def test_phrasings_of_the_baltic_sort():
    found = coded("Lithuania handed over evidence against two Belarusian border officers to the court. "
                  "Warsaw summoned the Belarusian envoy and demanded an explanation. "
                  "Latvia and Estonia announced joint patrols along their borders with Belarus.")
    assert ("ACCUSE", "LTU", "BLR") in found
    assert ("REQUEST", "POL", "BLR") in found
    assert ("COOPERATE", "LVA", "EST") in found or ("COOPERATE", "EST", "LVA") in found
    assert ("CONSULT", "DEU", "LTU") in coded("Chancellor Friedrich Merz of Germany held a phone call with "
                                              "Lithuanian President Gitanas Nauseda.")


def test_a_retaliation_answers_its_cause_not_the_target_of_its_means():
    found = coded("The European Union imposed tariffs on Belarusian fertiliser. "
                  "Minsk retaliated for the tariffs by halting transit of Lithuanian goods.")
    assert any(source == "BLR" and target == "eu" for _, source, target in found)


def test_a_headline_parsed_as_one_noun_phrase_keeps_its_parties():
    assert ("CONSULT", "KEN", "TZA") in coded("Kenya and Tanzania resume border talks after long pause")


def test_retaliation_by_a_description_comes_from_the_side_that_was_hit():
    assert ("SANCTION", "NER", "BEN") in coded(
        "Beninese customs officers seized two trucks carrying Nigerien crude oil. "
        "The junta retaliated for the seizure by suspending all flights to Cotonou.")
    assert ("ASSAULT", "NER", "BEN") in coded(
        "Beninese customs officers seized two trucks carrying Nigerien crude oil. "
        "The junta retaliated for the seizure on Friday.")


def test_the_regional_body_is_the_intergovernmental_organisation_named_before():
    assert ("THREATEN", "ecowas", "NER") in coded(
        "ECOWAS walked out of negotiations with Niger on Monday. "
        "The regional body had threatened to impose fresh sanctions on Niger.")


def test_a_quoted_predicate_accuses_whoever_did_the_act():
    assert ("ACCUSE", "BEN", "NER") in coded(
        'Niger ordered the closure of its border with Benin. Benin called the closure "an act of economic aggression".')


def test_a_retaliation_is_the_act_its_by_phrase_names():
    found = coded("Beninese customs officers seized two Nigerien trucks. "
                  "Niger retaliated for the seizure by suspending all flights to Cotonou.")
    assert ("SANCTION", "NER", "BEN") in found and ("ASSAULT", "NER", "BEN") not in found
    # with no act named, the retaliation is coded as itself
    assert ("ASSAULT", "AZE", "ARM") in coded(
        "Armenian artillery shelled Azerbaijani positions. Azerbaijan retaliated for the attack with drone strikes.")


def test_the_incident_refers_back_to_the_attack_even_from_a_light_verbs_noun():
    assert ("ACCUSE", "PHL", "CHN") in coded(
        "Chinese coast guard vessels rammed two Philippine supply boats. Manila condemned the incident.")
    assert ("ACCUSE", "PHL", "CHN") in coded(
        "Chinese coast guard vessels rammed two Philippine supply boats. "
        "Manila lodged a diplomatic protest over the incident.")


def test_rejecting_the_protest_answers_a_diplomatic_protest():
    assert ("REJECT", "CHN", "PHL") in coded(
        "Chinese coast guard vessels rammed two Philippine supply boats. "
        "Manila lodged a diplomatic protest over the incident. Beijing rejected the protest.")


def test_dismissing_the_objection_answers_whoever_objected():
    assert ("REJECT", "CHN", "IND") in coded("India objected to a new Chinese map. Beijing dismissed the objection.")


def test_dropping_its_own_objections_answers_nobody_else():
    found = coded("China said it firmly opposes the sanctions. "
                  "Hungary dropped its objections after Ukraine removed a Hungarian bank from its list.")
    assert not any(t == "CONCEDE" and target == "CHN" for t, _, target in found)


def test_the_move_refers_back_to_the_last_act_against_the_speaker():
    assert ("ACCUSE", "EST", "RUS") in coded("Russia expelled two Estonian diplomats. Estonia condemned the move.")


def test_extradition_is_cooperation_with_the_receiving_state():
    assert ("COOPERATE", "MDA", "ROU") in coded("Moldova extradited two Russian citizens to Romania.")


def test_both_camps_of_one_state_are_that_state_not_the_speakers():
    found = coded(
        "Zambia's opposition leader Hakainde Hichilema rejected the count. Zambian President Edgar Lungu said he had won. "
        "Britain and Norway urged both camps to settle the dispute in court.")
    assert {("REQUEST", "GBR", "ZMB"), ("REQUEST", "NOR", "ZMB")} <= found


def test_a_rally_in_two_towns_is_one_protest_addressed_to_the_state():
    events = [e for e in events_of(
        "Opposition leader Hakainde Hichilema rejected the result. "
        "Hundreds of his supporters protested in Ndola and parts of Lusaka on Tuesday.")[0] if e.type == "PROTEST"]
    assert [e.target for e in events] == ["ZMB"]
    assert events[0].location is not None and events[0].location.country == "ZMB"


def test_condemning_the_named_act_answers_its_doer_not_the_phrase_after_it():
    found = coded("Eritrean troops shelled three Ethiopian border villages on Monday. "
                  "Ethiopia condemned the shelling as an attack on the Afar community.")
    assert ("ACCUSE", "ETH", "ERI") in found
    found = coded("Eritrean troops shelled three Ethiopian border villages on Monday. "
                  "The African Union criticised the timing of the shelling.")
    assert any(t == "ACCUSE" and target == "ERI" for t, _, target in found)


def test_a_protest_lodged_with_an_international_body_accuses_the_doer_of_the_act():
    found = coded("Eritrean troops shelled three Ethiopian border villages on Monday. "
                  "Ethiopia lodged a formal protest with the African Union.")
    assert ("ACCUSE", "ETH", "ERI") in found


def test_both_leaders_are_the_two_states_officials_named_last():
    found = coded("Guyanese President Irfaan Ali warned Caracas. Venezuelan President Nicolas Maduro ordered new "
                  "maps. The United States held flight exercises with the Guyanese military. "
                  "Brazil urged both leaders to avoid escalation.")
    assert {("REQUEST", "BRA", "GUY"), ("REQUEST", "BRA", "VEN")} <= found
    assert ("REQUEST", "BRA", "USA") not in found


def test_condemning_the_exercises_names_both_who_held_them():
    found = coded("The United States held flight exercises with the Guyanese military on Thursday. "
                  "Venezuela condemned the exercises as a provocation.")
    assert {("ACCUSE", "VEN", "USA"), ("ACCUSE", "VEN", "GUY")} <= found


def test_a_counterpart_holds_the_same_office_and_the_two_are_the_pair():
    found = coded("Peruvian Foreign Minister Elmer Schialer spoke by phone with his Bolivian counterpart, "
                  "Celinda Sosa, and the two agreed to form a working group on customs delays.")
    assert ("CONSULT", "PER", "BOL") in found
    assert ("AGREE", "PER", "BOL") in found or ("AGREE", "BOL", "PER") in found


def test_a_demand_for_a_release_is_addressed_to_the_detainer():
    assert ("REQUEST", "GBR", "IRN") in coded(
        "Iran seized a British-flagged tanker in the Strait of Hormuz. London demanded its immediate release.")
    assert ("REQUEST", "JPN", "CHN") in coded("China detained two Japanese businessmen. Tokyo called for their release.")


def test_an_offer_to_host_a_meeting_between_the_two_governments_is_made_to_both():
    found = coded("Peru accused Bolivia of meddling. Brazil offered to host a meeting between the two "
                  "governments in Brasilia.")
    assert {("AGREE", "BRA", "PER"), ("AGREE", "BRA", "BOL")} <= found


def test_a_definite_ing_form_of_an_event_verb_refers_back_to_that_event():
    assert ("ACCUSE", "MYS", "BRN") in coded(
        "Bruneian gunboats opened fire on a Malaysian trawler on Sunday. Kuala Lumpur condemned the shooting.")
    assert ("ACCUSE", "GEO", "RUS") in coded("Russian forces shelled a Georgian village. Tbilisi condemned the shelling.")


def test_a_charge_rejected_in_an_appositive_clause_leaves_the_charge_its_own_event():
    # the small model makes ", a charge Rabat rejected" the root and the accusation its complement
    found = coded("Algeria's Ministry of National Defence said the group had been stopped. It accused Moroccan "
                  "authorities of using civilians to probe the border, a charge Rabat rejected within hours.")
    assert {("ACCUSE", "DZA", "MAR"), ("REJECT", "MAR", "DZA")} <= found


def test_between_them_is_the_pair_named_before():
    found = coded("The UN urged Morocco and Algeria to show restraint. "
                  "Mauritania offered on Thursday to host talks between them.")
    assert {("AGREE", "MRT", "MAR"), ("AGREE", "MRT", "DZA")} <= found


def test_answering_with_fire_targets_whoever_last_acted_against_the_side():
    assert ("ASSAULT", "PAK", "AFG") in coded("Afghan border guards opened fire on a Pakistani post on Sunday. "
                                              "Pakistani troops answered with mortar and machine-gun fire.")
    assert ("ASSAULT", "AZE", "ARM") in coded("Armenian forces shelled Azerbaijani positions. "
                                              "Azerbaijan responded with artillery fire.")


def test_the_pair_as_the_offered_act_s_object_wins_over_a_capital_as_venue():
    found = coded("Sudan and South Sudan traded accusations. Thabo Mbeki offered to host both delegations "
                  "in Addis Ababa.")
    assert {(t, s, x) for t, s, x in found if t == "AGREE"} == {
        ("AGREE", "thabo-mbeki", "SDN"), ("AGREE", "thabo-mbeki", "SSD")}


def test_a_denial_of_any_involvement_or_of_allegations_answers_the_accuser():
    assert ("REJECT", "BLR", "LTU") in coded("Lithuania accused Minsk of tolerating the smuggling gangs. "
                                             "Minsk denied any involvement in the balloon launches.")
    assert ("REJECT", "PAK", "IND") in coded("India accused Pakistan of sheltering militants. "
                                             "Pakistan rejected allegations of meddling.")
    # a bare "measures" names no step taken before
    found = coded("Armenia accused Baku of shelling Sotk. Baku said its troops had taken retaliatory measures.")
    assert not any(t == "COERCE" for t, _, _ in found)


def test_a_release_asked_for_or_done_without_naming_the_held_points_to_the_detention():
    found = coded("Russian border guards detained four Georgian farmers on Monday. "
                  "The EU mission called for the fourth farmer to be freed without delay.")
    assert ("REQUEST", "eu", "RUS") in found
    assert not any(t == "RETREAT" for t, _, _ in found)  # the release asked for is no release
    found = coded("Russian border guards detained four Georgian farmers on Monday. "
                  "Russian forces released three of the men on Tuesday.")
    assert ("RETREAT", "RUS", "georgian-farmers") in found


def test_a_deployment_with_no_one_named_is_against_the_side_it_is_at_odds_with():
    found = coded("Chad expelled Sudan's military attache and deployed additional troops to the eastern border.")
    assert ("MOBILIZE", "TCD", "SDN") in found
    found = coded("Kuwait accused Iraq of violating the waterway deal. Kuwait rushed reinforcements to the area.")
    assert ("MOBILIZE", "KWT", "IRQ") in found


def test_people_of_the_pair_are_the_pair():
    found = coded("China and Vietnam traded accusations. Deputy foreign ministers from the two countries held "
                  "talks in Beijing last week. The coast guards of the two neighbours carried out a joint patrol.")
    assert ("CONSULT", "CHN", "VNM") in found or ("CONSULT", "VNM", "CHN") in found
    assert ("COOPERATE", "CHN", "VNM") in found or ("COOPERATE", "VNM", "CHN") in found


def test_a_judgement_answers_the_act_done_to_the_judge_s_side_first():
    found = coded("Jordanian warplanes bombed hideouts in southern Syria on Tuesday, a day after armed traffickers "
                  "ambushed a Jordanian border patrol. Syria's foreign ministry condemned the strikes.")
    assert ("ACCUSE", "SYR", "JOR") in found
