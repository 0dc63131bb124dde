"""Context of figures: location, period, actor, attributed_to, qualifier carry."""

import pytest

from sahel_data.extract import extract_document


def figs(text, published="2025-06-30"):
    return {f["text"]: f for f in extract_document("t", text, published)["figures"]}


def test_location_country_city_and_demonym():
    f = figs("In Chad, 300 people were displaced. Gunmen killed 14 traders near Mopti. "
             "The Nigerien army lost 9 soldiers.")
    assert f["300"]["location"] == "TCD"
    assert f["14"]["location"] == "MLI"
    assert f["9"]["location"] == "NER"


def test_several_places_sorted():
    f = figs("Over 2 million people have fled across Niger, Burkina Faso and Mali.")
    assert f["Over 2 million"]["location"] == "BFA;MLI;NER"


def test_there_and_the_region_resolve_to_the_place_before():
    f = figs("The Liptako-Gourma is the worst hit. Armed groups control 40 percent of the land there.")
    assert f["40 percent"]["location"] == "Liptako-Gourma"
    f = figs("Violence spread in the Sahel. In the region, 90 schools shut.")
    assert f["90"]["location"] == "Sahel"


def test_region_names_and_world():
    f = figs("Across West Africa, 1,200 attacks were recorded; worldwide, 8,000.")
    assert f["1,200"]["location"] == "West Africa"
    assert f["8,000"]["location"] == "World"


def test_the_part_not_the_whole_of_a_share():
    f = figs("Niger accounted for 20 percent of the deaths recorded in Africa.")
    assert f["20 percent"]["location"] == "NER"


def test_no_place_gives_null():
    assert figs("Some 50 fighters surrendered.")["Some 50"]["location"] is None


def test_period_from_the_sentence_date():
    f = figs("In 2022, 700 civilians were killed.")
    assert (f["700"]["period_start"], f["700"]["period_end"]) == ("2022", "2022")
    f = figs("Between 2018 and 2021 the army lost 420 men.")
    assert (f["420"]["period_start"], f["420"]["period_end"]) == ("2018", "2021")
    f = figs("Some 3,000 people fled in March 2024.")
    assert f["Some 3,000"]["period_start"] == "2024-03"


def test_period_of_a_date_right_after_the_figure():
    f = figs("Attacks rose from 310 in 2019 to 890 in 2023.")
    assert f["310"]["period_start"] == "2019" and f["890"]["period_start"] == "2023"


def test_respectively_pairs_figures_with_dates():
    f = figs("Chad recorded 120, 150 and 230 incidents in 2021, 2022 and 2023 respectively.")
    assert [f[k]["period_start"] for k in ("120", "150", "230")] == ["2021", "2022", "2023"]


def test_an_aside_between_the_figure_and_its_date_is_skipped():
    f = figs("Mali's defence budget has more than doubled since the 2020 coup, "
             "reaching 652 billion CFA francs ($1.1 billion) in 2025.")
    assert f["652 billion CFA francs"]["period_start"] == "2025"
    assert f["$1.1 billion"]["period_start"] == "2025"  # the aside has no date of its own


def test_the_date_of_an_as_much_as_comparison_is_its_base():
    f = figs("In July a sack of millet cost twice as much as in 2022.")
    assert f["twice"]["period_start"] == "2024-07"  # the July before publication


def test_in_the_2026_budget_gives_the_period():
    f = figs("Spending has risen from 404 billion CFA francs in 2021 to 1,035 billion CFA francs in the 2026 budget.")
    assert f["1,035 billion CFA francs"]["period_start"] == "2026"
    assert f["404 billion CFA francs"]["period_start"] == "2021"


def test_relative_time_gives_no_period():
    f = figs("Over the last three years, 900 wells dried up.")
    assert f["900"]["period_start"] is None


def test_actor_armed_group_and_acting_state():
    f = figs("JNIM claimed 35 attacks. Russia supplied 12 helicopters to the junta.")
    assert f["35"]["actor"] == "jnim"
    assert f["12"]["actor"] == "RUS"


def test_place_only_state_is_not_an_actor():
    f = figs("In Niger, 300 people died.")
    assert f["300"]["actor"] is None and f["300"]["location"] == "NER"


def test_a_list_of_places_after_a_preposition_does_not_act():
    # the verb after the list's last member ("Niger has killed") belongs to "Violence"
    f = figs("Violence in Mali, Burkina Faso and Niger has killed more than 10,000 people.")
    r = f["more than 10,000"]
    assert r["location"] == "BFA;MLI;NER" and r["actor"] is None
    f = figs("Mali and Niger killed 400 civilians in 2024.")
    assert f["400"]["actor"] == "MLI;NER"


def test_a_capital_that_acts_stands_for_its_state():
    f = figs("Paris withdrew its last 1,500 troops from Niger. Moscow sent about 1,000 instructors to Mali.")
    assert (f["1,500"]["actor"], f["1,500"]["location"]) == ("FRA", "NER")
    assert (f["about 1,000"]["actor"], f["about 1,000"]["location"]) == ("RUS", "MLI")
    f = figs("In Bamako, 12 people died. Gunmen killed 9 people near Niamey.")
    assert (f["12"]["actor"], f["12"]["location"]) == (None, "MLI")
    assert (f["9"]["actor"], f["9"]["location"]) == (None, "NER")


def test_where_refugees_come_from_is_the_location_only_when_no_other_place_is_named():
    f = figs("Ghana now hosts about 15,000 refugees from Burkina Faso.")
    assert f["about 15,000"]["location"] == "GHA"
    f = figs("Some 15,000 refugees from Burkina Faso have arrived.")
    assert f["Some 15,000"]["location"] == "BFA"


def test_refugees_origin_by_demonym_and_the_order_of_clauses():
    f = figs("Niger: the total includes 17,800 Nigerian refugees in the Maradi region.")
    assert f["17,800"]["location"] == "NER"
    f = figs("UNHCR counted some 296,000 Malian refugees in neighbouring countries, half of them in Mauritania.")
    assert f["some 296,000"]["location"] == "MLI"
    f = figs("2.3 million people in Chad depended on aid, including some 1.2 million refugees from Sudan.")
    assert f["some 1.2 million"]["location"] == "TCD"


def test_a_table_row_is_a_sentence_about_its_first_cell():
    text = ("| Host country | Refugees | Main origin | Change since Dec 2024 | Last updated |\n"
            "|---|---:|---|---:|---|\n"
            "| Mauritania | 268,900 | Mali | +4.2% | 31 May 2025 |\n"
            "| Benin | 9,850 | Burkina Faso, Niger | +1,240 | 15 May 2025 |\n")
    f = figs(text)
    assert [f[k]["location"] for k in ("268,900", "+4.2%", "9,850", "+1,240")] == ["MRT", "MRT", "BEN", "BEN"]
    assert f["268,900"]["period_start"] == "2025-05-31" and f["9,850"]["period_start"] == "2025-05-15"


def test_people_from_a_country_taken_in_elsewhere():
    f = figs("Côte d'Ivoire and Ghana have taken in tens of thousands of people from Burkina Faso since 2023.")
    assert f["tens of thousands"]["location"] == "CIV;GHA"
    f = figs("Some 300 people from Mali died.")
    assert f["Some 300"]["location"] == "MLI"


def test_the_country_never_points_to_a_foreign_forces_state():
    f = figs("The junta expelled French troops in 2022. Around 1,500 Wagner fighters are believed to be in the country.")
    assert f["Around 1,500"]["location"] is None  # not France


def test_his_country_is_the_speakers_state():
    f = figs("Ghana's representative said that his country hosted nearly 9,000 refugees from Burkina Faso "
             "in the Upper East region.")
    assert f["nearly 9,000"]["location"] == "GHA"
    f = figs("Chad lost 40 soldiers. Malian officials said their country had recruited 5,000 soldiers.")
    assert f["5,000"]["location"] == "MLI"


def test_a_relative_clause_yields_to_the_subject_it_describes():
    f = figs("The Africa Corps, which replaced Wagner in mid-2024, is thought to number 2,000 men in Mali.")
    assert f["2,000"]["actor"] == "africa-corps"
    # with no actor before it, the relative clause's own actor stands
    f = figs("The worst case is Mali, which has seen the largest Russian deployment (Mali hosts 1000+ troops).")
    assert f["1000+"]["actor"] == "RUS"


def test_a_place_the_text_sets_in_a_country_is_learned():
    text = ("Militants attacked an army camp in Sokolo in central Mali on Saturday.\n\n"
            "The camp in Sokolo had been overrun in 2020, when about 20 soldiers were killed. "
            "Gunmen killed 12 civilians in the village of Tamou, Niger. Tamou had lost 4 men in May. "
            "Aid groups counted 300 IDPs in Niger.")
    f = figs(text)
    assert f["about 20"]["location"] == "MLI" and f["4"]["location"] == "NER"
    out = extract_document("t", text, "2025-06-30")
    assert not [m for m in out["mentions"] if m["text"] in ("Sokolo", "Tamou", "IDPs")]  # no gazetteer entity


def test_a_province_and_a_village_set_in_a_learned_province_are_learned():
    text = ("Killings of Civilians in Sourou and Gnagna\n\n"
            "Soldiers executed civilians in four villages of Sourou province, in north-western Burkina Faso. "
            "Among the dead in Sourou were at least 19 children. In Gnagna province, in eastern Burkina Faso, "
            "fighters stopped a convoy near Liptougou, also in Gnagna province. Liptougou had about 200 traders.")
    f = figs(text)
    assert f["at least 19"]["location"] == "BFA" and f["about 200"]["location"] == "BFA"
    # a word the text also writes in lower case is no place ("Killings of Civilians in Sourou")
    assert figs("Killings of Civilians in Sourou province, in Burkina Faso. The civilians numbered 40.")["40"][
        "location"] is None


def test_villages_set_beside_a_known_or_learned_town_are_learned():
    text = ("Kounkoula, a Fulani hamlet of about 600 people, lies some 14 kilometers east of Tougan. "
            "Soldiers killed 41 people in Kounkoula.\n\n"
            "Sagalé and Mourdéni are neighbouring villages north of Kounkoula. Soldiers killed 34 people in Mourdéni.\n\n"
            "In Gnagna province, in eastern Burkina Faso, attacks rose. Tantiaka is a market village south of "
            "Bogandé, the capital of Gnagna province. The convoy carried about 200 traders to the market in Bogandé.")
    f = figs(text)
    assert [f[k]["location"] for k in ("41", "34", "about 200")] == ["BFA"] * 3
    # a name that does not open its sentence is not learned this way
    assert figs("Reporters met The Hamlet crew, a town band near Tougan. It sold 300 copies in Hamlet.")["300"][
        "location"] is None


def test_a_month_before_a_country_is_not_learned_as_a_place():
    text = ("The Malian Air Force took delivery of four drones in January.\n\n"
            "In January, Niger signed a contract worth €82 million with Turkey.")
    assert figs(text)["four"]["location"] == "MLI"


def test_a_country_inside_an_organisations_name_and_a_firms_nationality_are_no_places():
    assert figs("He told Radio France Internationale that 40 soldiers were killed.")["40"]["location"] is None
    assert figs("Niger supplied around 15% of the uranium used by Électricité de France (EDF).")["around 15%"][
        "location"] == "NER"
    f = figs("The French group holds 63.4% of the shares; the Nigerien state holds the remaining 36.6%.")
    assert f["63.4%"]["location"] == "NER"  # the clause names no place: the sentence's
    assert figs("The Chinese company built 300 km of road.")["300 km"]["location"] is None
    # but a country after a sentence-opening word is still a place
    assert figs("In Mali Islamists killed 40 people.")["40"]["location"] == "MLI"


def test_a_demonym_adds_no_place_beside_a_named_one_unless_its_people_speak():
    f = figs("SIPRI records Russian deliveries to Mali of at least ten helicopters since 2022.")
    assert f["at least ten"]["location"] == "MLI"
    g = figs("Nine foreigners were abducted, among them three Chinese employees of a gold mine near Kayes.")
    assert g["three"]["location"] == "MLI"
    h = figs("Nigerien traders say a lorry crossing into Benin now pays up to 350,000 CFA francs.")
    assert h["up to 350,000 CFA francs"]["location"] == "BEN;NER"


def test_those_regions_point_back_to_the_regions_named_before():
    f = figs("The FLA remains active in the Kidal and Timbuktu regions. The FLA claims some 3,000 fighters in those "
             "regions.")
    assert f["some 3,000"]["location"] == "MLI"


@pytest.mark.parametrize("sentence,span,location,actor", [
    ("The same database records Russian deliveries to Mali of at least ten helicopters.", "at least ten", "MLI", "RUS"),
    ("Four years of Russian support have not reversed the trend.", "Four years", None, "RUS"),
    ("In April 2024, Beijing lent Niamey $400 million.", "$400 million", "NER", "CHN"),
    ("ACLED records 41 drone strikes by the Malian, Burkinabè and Nigerien air forces.", "41", "BFA;MLI;NER",
     "BFA;MLI;NER"),
    ("The Malian army said it had lost 18 soldiers.", "18", "MLI", "MLI"),
    ("The Government of Mali announced the recruitment of 8,000 soldiers.", "8,000", "MLI", "MLI"),
    ("Russia has roughly 2,500 Africa Corps personnel in Mali.", "roughly 2,500", "MLI", "RUS;africa-corps"),
    ("France had some 5,100 troops in the Sahel.", "some 5,100", "Sahel", "FRA"),
    ("JNIM and ISIS-Sahel were involved in nearly three-quarters of the fatal events.", "nearly three-quarters", None,
     "iss-sahel;jnim"),
    ("The four were Ansar Dine, Katiba Macina, Al-Mourabitoun and a branch of al Qaeda in the Islamic Maghreb.",
     "four", None, "al-mourabitoun;ansar-dine;aqim;flm"),
    ("JNIM, al Qaeda's most powerful affiliate, has choked off fuel supplies for more than two months.",
     "more than two months", None, "jnim"),
    ("JNIM overran Djibo, killing more than 100 people, two security sources said.", "two", "BFA", None),
    ("Russia was the largest supplier of arms to Mali in 2020–24, accounting for 47% of its imports.", "47%", "MLI",
     "RUS"),
    # a state that sanctions acts on others: an actor, not the figure's place
    ("The UK had sanctioned 14 individuals linked to the Wagner Group since 2023.", "14", None, "GBR;wagner-group"),
    ("The United States has designated 31 individuals and entities linked to JNIM.", "31", None, "USA;jnim"),
])
def test_states_acting_through_support_lists_of_forces_and_governments(sentence, span, location, actor):
    f = figs(sentence)[span]
    assert (f["location"], f["actor"]) == (location, actor)


def test_the_group_points_to_an_armed_group_only_when_one_was_named_lately():
    text = ("JNIM fighters attacked the convoy.\n\nThe junta wants buyers.\n\nPrices fell.\n\n"
            "For Orano, the loss is heavy. The group wrote down €417 million on its assets.")
    assert figs(text)["€417 million"]["actor"] is None
    assert figs("JNIM fighters attacked the convoy. The group killed 12 soldiers.")["12"]["actor"] == "jnim"


@pytest.mark.parametrize("sentence,span,location", [
    ("Some 14,800 people crossed from Burkina Faso into Côte d'Ivoire.", "Some 14,800", "CIV"),
    ("A 1,950km pipeline from Niger's oilfields to the coast of Benin was built.", "1,950km", "BEN;NER"),
    ("| Country | Refugees | Origin |\n|---|---|---|\n| Niger | 282,200 | Nigeria, Mali, Burkina Faso |\n", "282,200",
     "NER"),
])
def test_where_people_go_routes_and_table_rows(sentence, span, location):
    assert figs(sentence)[span]["location"] == location


def test_a_table_row_shares_the_groups_its_cells_name():
    text = ("| Date | Location | Deaths | Injuries | Perpetrator | Notes |\n|---|---|---|---|---|---|\n"
            "| 6 January | Débé | 13 | 7 | JNIM | Ambush on a convoy; 10 of the dead were soldiers. |\n")
    f = figs(text)
    assert [f[k]["actor"] for k in ("13", "7", "10")] == ["jnim", "jnim", "jnim"]


def test_press_conference_turns_go_on_over_paragraphs_up_to_the_next_label():
    text = ("MODERATOR: Welcome. We have 45 minutes in all.\n\n"
            "A (Col. Sidiki Ouédraogo): Thank you. The forces conducted 212 operations.\n\n"
            "In the same period, 17 bases were destroyed.\n\n"
            "Q (Journalist, Burkina 24): And the 146 terrorists?\n\n"
            "A (Col. Sidiki Ouédraogo): Of the 146, 121 were killed.\n\n"
            "A (Lt-Col. Rasmané Tapsoba): We recruited 5,000 volunteers.\n\nMODERATOR: Thank you.")
    f = figs(text)
    assert [f[k]["attributed_to"] for k in ("212", "17", "121", "5,000")] == ["Ouédraogo"] * 3 + ["Tapsoba"]
    assert f["45 minutes"]["attributed_to"] is None and "24" not in f


def test_a_region_inside_a_name_is_no_place():
    assert figs("He told state broadcaster Tele Sahel that 44 soldiers were killed.")["44"]["location"] is None
    assert figs("In Burkina Faso's Sahel region, 40 people died.")["40"]["location"] == "BFA"


def test_a_source_note_naming_several_sources_credits_none():
    block = "| Country | Deaths |\n|---|---|\n| Mali | 120 |\n\n"
    assert figs(block + "Source: ACLED, accessed May 2025.")["120"]["attributed_to"] == "ACLED"
    assert figs(block + "Sources: National authorities; and IMF staff estimates.")["120"]["attributed_to"] is None


def test_a_figure_about_places_in_a_relative_clause_takes_no_actor():
    f = figs("JNIM blockades more than 30 towns, among them Djibo and Arbinda, whose combined population "
             "was about 150,000.")
    assert f["more than 30"]["actor"] == "jnim" and f["about 150,000"]["actor"] is None
    f = figs("JNIM, which has 6,000 fighters, attacked Djibo.")
    assert f["6,000"]["actor"] == "jnim"


def test_more_acting_verbs_and_modals():
    f = figs("Germany alone has frozen €85 million of programmes in Burkina Faso.")
    assert (f["€85 million"]["actor"], f["€85 million"]["location"]) == ("DEU", "BFA")


def test_demonym_forces_are_actors():
    f = figs("Malian and Russian forces lost 18 men near Kidal.")
    assert f["18"]["actor"] == "MLI;RUS"
    assert f["18"]["location"] == "MLI"


def test_group_anaphor():
    f = figs("ISWAP attacked Monguno. The group lost 25 fighters.")
    assert f["25"]["actor"] == "iswap"


def test_military_spending_has_the_state_as_actor():
    f = figs("Military spending reached $900 million in Chad in 2023.")
    assert f["$900 million"]["actor"] == "TCD" and f["$900 million"]["location"] == "TCD"


def test_attribution_named_and_carried_over():
    text = ("According to the Danish Refugee Council, 45,000 people fled Tillaberi. "
            "This is 10 percent more than last year. Meanwhile 60 schools reopened.\n\n"
            "It also said 12 clinics closed.")
    f = figs(text)
    assert f["45,000"]["attributed_to"] == "Danish Refugee Council"
    assert f["10 percent"]["attributed_to"] == "Danish Refugee Council"
    assert f["60"]["attributed_to"] is None
    assert f["12"]["attributed_to"] is None  # a paragraph break stops the credit


def test_attribution_forms():
    f = figs("The army said 40 attackers were killed. UNICEF says 3 million children need help. "
             "Some 800 homes burned, said the Red Cross.")
    assert f["40"]["attributed_to"] == "army"
    assert f["3 million"]["attributed_to"] == "UNICEF"
    assert f["Some 800"]["attributed_to"] == "Red Cross"


def test_a_count_of_the_sources_is_credited_to_them():
    f = figs("Three local officials said 27 people died.")
    assert f["Three"]["attributed_to"] == "local officials"
    assert f["27"]["attributed_to"] == "local officials"
    f = figs("The toll was 40, according to three diplomats.")
    assert f["three"]["attributed_to"] == "diplomats"


def test_per_source_and_markdown_link():
    f = figs("- **Weapons:** Russia supplied 43% of arms imports to sub-Saharan Africa, per [SIPRI](https://x.org).")
    assert f["43%"]["attributed_to"] == "SIPRI"
    assert f["43%"]["location"] == "Sub-Saharan Africa"
    assert f["43%"]["actor"] == "RUS"


def test_blockquote_credit():
    text = "> Attacks in Togo rose to 40 this year.\n>\n> — Sahel Monitor (@monitor) March 2, 2025"
    f = figs(text)
    assert f["40"]["attributed_to"] == "Sahel Monitor"


def test_a_state_that_says_it_lost_is_an_actor_and_a_source():
    f = figs("Benin says it lost 28 soldiers in a single attack by JNIM.")
    assert f["28"]["attributed_to"] == "Benin"
    assert f["28"]["actor"] == "BEN;jnim"


def test_people_demonym_is_no_place():
    f = figs("It asked the French to leave, and some 13 000 peacekeepers were gone by 2023.")
    assert f["some 13 000"]["location"] is None


def test_affiliate_qualifier_is_not_an_actor():
    f = figs("Analysts attribute about 40 per cent of the deaths to the al-Qaeda affiliate JNIM.")
    assert f["about 40 per cent"]["actor"] == "jnim"


def test_foreign_forces_are_actors_not_places():
    f = figs("Russian instructors trained 300 recruits.")
    assert f["300"]["actor"] == "RUS" and f["300"]["location"] is None
    f = figs("Nigerien forces lost 12 men.")
    assert f["12"]["actor"] == "NER" and f["12"]["location"] == "NER"


def test_several_sources_in_one_sentence():
    f = figs("A security source told Reuters that at least 60 people died, while the UN said the toll was in the hundreds.")
    assert f["at least 60"]["attributed_to"] == "security source"
    assert f["hundreds"]["attributed_to"] == "UN"


def test_existential_there_is_not_a_place():
    f = figs("Attacks spread to Benin in 2021. By 2023 there were 120 incidents in Togo.")
    assert f["120"]["location"] == "TGO"


def test_table_rows_and_source_note():
    text = ("| Country | Events | Change |\n|---|---:|---:|\n| Mali | 1,630 | -12% |\n| Niger | 610 | +5% |\n\n"
            "Source: ACLED, accessed 12 January 2024.")
    f = figs(text)
    assert f["1,630"]["location"] == "MLI" and f["610"]["location"] == "NER"
    assert f["-12%"]["value"] == -12 and f["+5%"]["value"] == 5
    assert all(r["attributed_to"] == "ACLED" for r in f.values())


def test_the_group_is_the_group_just_named():
    f = figs("Borno, the birthplace of Boko Haram, counted 1,800 deaths linked to the group and to ISWAP.")
    assert f["1,800"]["actor"] == "boko-haram;iswap"
    assert f["1,800"]["location"] == "NGA"


def test_parallel_figures_keep_their_own_actors():
    f = figs("Of those killed, 41 per cent were attributed to armed groups and 37 per cent to the Malian Armed Forces.")
    assert f["41 per cent"]["actor"] is None
    assert f["37 per cent"]["actor"] == "fama"


def test_perpetrator_named_after_the_figure():
    f = figs("Togo saw 62 events, most of them claimed by JNIM.")
    assert f["62"]["actor"] == "jnim"


@pytest.mark.parametrize("dateline", ["NIAMEY (AFP) — ", "BAMAKO, Feb 12 (Reuters) - ", "MAIDUGURI, Nigeria — "])
def test_a_dateline_does_not_hide_the_subject_that_speaks(dateline):
    f = figs(dateline + "Police said on Monday they had found 14 bodies.")
    assert f["14"]["attributed_to"] == "police"


def test_a_speaker_with_a_relative_clause_is_credited():
    f = figs('"We lost 7 men," a soldier who took part told AFP by phone. '
             'A nurse who treated the wounded said 12 people died.')
    assert f["7"]["attributed_to"] == "soldier" and f["12"]["attributed_to"] == "nurse"
    # "reported" in a relative clause is no credit
    f = figs("My guest is Issa, a journalist who has reported from Mali for about fifteen years.")
    assert f["about fifteen years"]["attributed_to"] is None


def test_he_does_not_continue_a_plural_source():
    f = figs("Two officers told us that he left the army. He was dismissed, they said. "
             "He now runs a page with about 380,000 followers.")
    assert f["about 380,000"]["attributed_to"] is None
    f = figs("The spokesman, Ali Musa, said 40 soldiers died. He added that 12 were missing.")
    assert f["12"]["attributed_to"] == "Ali Musa"


def test_a_title_with_the_name_in_apposition_credits_the_name():
    f = figs("The spokesman, Ali Musa, said 40 soldiers died.")
    assert f["40"]["attributed_to"] == "Ali Musa"
    f = figs("The army spokesman, Colonel Ali Musa, said 40 soldiers died.")
    assert f["40"]["attributed_to"] == "Ali Musa"
    f = figs("The ministry, in a statement, said 40 soldiers died.")
    assert f["40"]["attributed_to"] == "ministry"


def test_a_long_title_in_apposition_and_a_gerund_before_a_report():
    f = figs("Introducing the Secretary-General's report, Amina Ba-Kouyaté, Special Representative of the "
             "Secretary-General for West Africa and the Sahel, said that more than 11,200 people were killed.")
    assert f["more than 11,200"]["attributed_to"] == "Amina Ba-Kouyaté"


def test_a_named_speaker_goes_on_in_the_next_paragraph():
    f = figs("Amina Ba-Kouyaté said that 11,200 people were killed. Attacks had killed 1,850 civilians "
             "in 2025, she said.\n\nShe warned that the appeal sought $4.7 billion this year. "
             "As of 30 April, it was only 11 per cent funded.")
    assert f["1,850"]["attributed_to"] == "Amina Ba-Kouyaté"  # the latest source named before "she said"
    assert f["$4.7 billion"]["attributed_to"] == "Amina Ba-Kouyaté"
    assert f["11 per cent"]["attributed_to"] == "Amina Ba-Kouyaté"
    # an organisation's credit still stops at the paragraph break
    f = figs("ACLED counted 300 attacks.\n\nIt also found 40 massacres.")
    assert f["40"]["attributed_to"] is None


def test_honorifics_rates_and_staff():
    f = figs("Malam Sani Garba, 54, said the abductors demanded N3 million. DSP Hamisu Gwandu said 11 escaped.")
    assert f["N3 million"]["attributed_to"] == "Sani Garba" and f["11"]["attributed_to"] == "Hamisu Gwandu"
    f = figs("Bandits demand N3m ransom per victim.")
    assert f["N3m"]["attributed_to"] is None  # a rate, not a credit
    f = figs("The toll is now 14, per hospital staff in Sévaré.")
    assert f["14"]["attributed_to"] == "hospital staff"


def test_a_subject_that_speaks_after_a_conjunction():
    f = figs("The attack came a week after the Zamfara State Government said it had spent N4.5bn on vans.")
    r = f["N4.5bn"]
    assert (r["attributed_to"], r["location"], r["actor"]) == ("Zamfara State Government", "NGA", None)


def test_a_named_officer_in_apposition_just_before_the_verb():
    f = figs("The commander of the sector, Lieutenant-Colonel Adama Sawadogo, stated that nearly 80% of the "
             "logistics was destroyed. According to concordant intelligence, JNIM carried out at least 5 attacks.")
    assert f["nearly 80%"]["attributed_to"] == "Adama Sawadogo"
    assert f["at least 5"]["attributed_to"] == "concordant intelligence"


def test_a_long_title_before_a_name_credits_the_name():
    f = figs('"JNIM depends on traders," said Under Secretary of the Treasury for Terrorism and Financial '
             'Intelligence Rachel M. Hendricks. "The individuals moved at least $18 million."')
    assert f["at least $18 million"]["attributed_to"] == "Rachel M. Hendricks"
    f = figs("The Ministry of Defence said 40 people died.")
    assert f["40"]["attributed_to"] == "Ministry of Defence"


@pytest.mark.parametrize("sentence,span,source", [
    ("The Africa Corps sent 300 men, according to two European intelligence officials.", "300",
     "European intelligence officials"),
    ("An airport worker who watched from the tarmac counted two armoured vehicles.", "two", "airport worker"),
    ("A leaked planning document seen by this magazine puts the budget at 80 billion roubles.",
     "80 billion roubles", "leaked planning document"),
    ("Hamadi, a teacher who gives only his first name, says a third of the families have left.", "a third", "Hamadi"),
    ("Flight data compiled by the open-source collective Sahel Skies show at least 148 rotations.", "at least 148",
     "Sahel Skies"),
    ("The rebels say they killed 47 Russians.", "47", "rebels"),
    ("A Nigerien colonel who has trained alongside the Russians says 100 instructors stay.", "100", "Nigerien colonel"),
    ("Mali's army said in a statement late on Sunday that 12 soldiers had been killed.", "12", "Mali's army"),
    ('A spokesman for the army, Colonel Souleymane Dembélé, later told ORTM that "fewer than 15" soldiers died.',
     "fewer than 15", "Souleymane Dembélé"),
    ("Human Rights Watch has documented at least 32 mass killings.", "at least 32", "Human Rights Watch"),
    ("Afrobarometer's tenth round, fielded in Mali in 2024, found that 58% of Malians prefer democracy.", "58%",
     "Afrobarometer"),
    ("One woman in Tillabéri, a mother of six, told me she had marched for 3 days.", "3 days", "woman"),
    ("But a leaked planning document puts the budget at 80 billion roubles.", "80 billion roubles",
     "leaked planning document"),
    ("Some 500 people died, according to a UN investigation.", "Some 500", "UN investigation"),
    ("The army spokesman, Colonel-Major Hamidou Sanou, said 12,000 recruits joined.", "12,000", "Hamidou Sanou"),
    ("A local official in Sokolo, who asked not to be named, said 29 soldiers were buried.", "29", "local official"),
    ('Hamadi, a teacher, says a third of the families left. "We were 3,000 before."', "3,000", "Hamadi"),
    ("A woman, 32, who lost 11 relatives, said the soldiers came at dawn.", "11", "woman"),
    ("Ibrahim Sawadogo, 45, a herder from Soro, said 11 relatives died.", "11", "Ibrahim Sawadogo"),
    ("The group, Jama'at Nusrat al-Islam wal-Muslimin (JNIM), said it destroyed six aircraft.", "six",
     "Jama'at Nusrat al-Islam wal-Muslimin"),
    ("The agency, the International Organization for Migration (IOM), said 40 people drowned.", "40",
     "International Organization for Migration"),
    ("In October, ACLED records 684 political violence events.", "684", "ACLED"),
    ("Human Rights Watch identified 41 people killed in Kounkoula.", "41", "Human Rights Watch"),
    ("The Togolese government acknowledged the deaths of four soldiers.", "four", "Togolese government"),
    ("According to traders quoted by local media, fuel cost 1,300 CFA francs a litre.", "1,300 CFA francs", "traders"),
    ("The budget rose to 630 billion CFA francs, according to finance ministry documents.", "630 billion CFA francs",
     "finance ministry documents"),
    ("Satellite imagery shows that at least 130 structures had been burned.", "at least 130", "satellite imagery"),
    ("According to documents seen by Le Monde, Iran offered to buy 300 tonnes of yellowcake.", "300 tonnes",
     "documents"),
    ("The French parliament put Barkhane's cost at roughly €880 million in 2020.", "roughly €880 million",
     "French parliament"),
    ("The army's general staff said its units had neutralized 87 terrorists.", "87", "army's general staff"),
    ("The town has lost about half of its people, according to the mayor's office.", "about half", "mayor's office"),
    ('"Kidal is one town," counters Aminata Coulibaly, a fellow. "JNIM blockades at least 14 towns."', "at least 14",
     "Aminata Coulibaly"),
    ("The observatory estimates 35 percent, although the government insists the figure is above 70 percent.",
     "above 70 percent", "government"),
    ('"They fired," said a 45-year-old herder who survived by hiding. "I counted 23 dead around the tree."', "23",
     "herder"),
    ("Niger's army itself announced that it had neutralised more than 1,200 terrorists.", "more than 1,200",
     "Niger's army"),
    ("Transporters interviewed by the Panel in Mopti reported paying up to 25,000 CFA francs per vehicle.",
     "up to 25,000 CFA francs", "transporters"),
    ("Mali's Ministry of Defence informed the Panel that 1,850 terrorists had been neutralized.", "1,850",
     "Mali's Ministry of Defence"),
    ("The Government of Mali announced the recruitment of 8,000 additional soldiers.", "8,000", None),
    ("- Burkina Faso: more than 2 million internally displaced (CONASUR, March 2023)", "more than 2 million",
     "CONASUR"),
    ("At least 57 men were executed, according to a UN report.", "At least 57", "UN report"),
    ("A Western military attaché said at least 12 soldiers died.", "at least 12", "Western military attaché"),
    ("Col Boubacar Sanogo said 31 attackers were killed.", "31", "Boubacar Sanogo"),
    ("Local officials in Ménaka estimate that the group grew to some 1,200 fighters.", "some 1,200", "local officials"),
    ("Burkinabè officials privately acknowledge that JNIM holds about 40 per cent of the land.", "about 40 per cent",
     "Burkinabè officials"),
    ("About 2,300 people have fled, according to the UN's humanitarian office, OCHA.", "About 2,300", "OCHA"),
    ("Per UNHCR's [latest update](https://data.unhcr.org/x), 3,962,000 people were displaced.", "3,962,000", "UNHCR"),
    ("7. The Chamber further found that at least 19 women were detained.", "at least 19", "chamber"),
    ("Government spokesman Col. Ibrahim Sani Mahamadou, reading a statement on state broadcaster Tele Sahel, said 44 "
     "soldiers were killed.", "44", "Ibrahim Sani Mahamadou"),
    ("In a first statement late Thursday, the government had given a toll of 29 dead.", "29", "government"),
    ("A resident of Tizegorou reached by phone said the attack lasted 3 hours.\n\nHe said villagers buried 12 soldiers.",
     "12", "resident"),
    ("Also briefing, Rashid Okonjo-Baraka, Director of the Coordination Division of the Office for the Coordination of "
     "Humanitarian Affairs (OCHA), said that 2.3 million people in Chad depended on aid.", "2.3 million",
     "Rashid Okonjo-Baraka"),
    ("The representative of Niger rejected what he called selective concern. The armed forces had neutralised more "
     "than 2,600 terrorists in 2024, he said.", "more than 2,600", "representative of Niger"),
    ("Some nights the army says it sees 30 or 40 motorbikes crossing the river.", "30 or 40", "army"),
])
def test_more_ways_of_naming_who_speaks(sentence, span, source):
    assert figs(sentence)[span]["attributed_to"] == source


def test_an_inverted_said_is_not_followed_by_an_opening_quote():
    # 'said the soldiers shot people "like animals"' reports what was said, it names no source
    f = figs('Her neighbour lost 11 relatives and said the soldiers shot people "like animals".')
    assert f["11"]["attributed_to"] is None
    assert figs('"We counted 40 bodies," said the mayor.')["40"]["attributed_to"] == "mayor"


def test_he_or_she_said_after_a_sentence_that_opens_with_a_named_person():
    f = figs('Lucia Moretti, who follows Russian cooperation, cautions against reading too much into headcounts. '
             '"In Mali perhaps a third of the Russians are in combat roles," she says.')
    assert f["perhaps a third"]["attributed_to"] == "Lucia Moretti"
    g = figs("Mali's defence minister, General Moussa Diarra, disputes such estimates. "
             '"In 2021 there were eight regional capitals without an official," he told state television.')
    assert g["eight"]["attributed_to"] == "Moussa Diarra"
    assert figs('Burkina Faso deployed troops. "We lost 40 men," he said.')["40"]["attributed_to"] is None


def test_the_monitor_points_back_to_the_source_named_before():
    f = figs("According to ACLED, more than 8,400 people were killed in 2023. "
             "In the first half of 2024 alone, the monitor recorded 3,800 deaths. Local monitors said 40 people died.")
    assert f["3,800"]["attributed_to"] == "ACLED" and f["40"]["attributed_to"] == "local monitors"


def test_he_said_after_an_unnamed_person_opens_the_paragraph():
    f = figs('A senior Malian official, speaking on condition of anonymity, defended the deal. "The Russians deliver. '
             'Kidal was lost for 11 years," he said.\n\nA resident of Djibo described the siege. '
             '"They killed 12 people last week," she said.')
    assert f["11 years"]["attributed_to"] == "senior Malian official"
    assert f["12"]["attributed_to"] == "resident"
    f = figs('The army said 40 soldiers died.\n\n"We lost 3 vehicles," he said.')
    assert f["3"]["attributed_to"] is None  # no person opened this paragraph


def test_the_same_database_and_a_quotation_over_several_sentences():
    f = figs("Turkey sold 30 drones to Mali, according to SIPRI. China supplied 38% of Niger's arms imports, "
             "the same database shows.")
    assert f["38%"]["attributed_to"] == "SIPRI"
    f = figs('"The paperwork changed," says Arkady Yermolin. "Under Wagner, Bamako paid cash. '
             'Now it is a contract between two states."')
    assert f["two"]["attributed_to"] == "Arkady Yermolin"
    f = figs('"The paperwork changed," says Arkady Yermolin. The contract covers two states.')
    assert f["two"]["attributed_to"] is None  # the quotation has closed


def test_a_place_is_never_a_source():
    f = figs("Police units deployed in Kano and Kaduna states, arrested 40 suspects and freed 12 hostages.")
    assert f["40"]["attributed_to"] is None and f["12"]["attributed_to"] is None


def test_title_and_name_credit_the_person():
    f = figs("Interior ministry spokeswoman Awa Diallo says the toll has risen to 31.")
    assert f["31"]["attributed_to"] == "Awa Diallo"
    f = figs("Minister Ali Musa said 14 soldiers died near the border.")
    assert f["14"]["attributed_to"] == "Ali Musa"


def test_leading_adverbials_are_not_part_of_the_source():
    f = figs("Yesterday the aid agencies said 4,000 people fled. On Monday the army said 23 fighters were killed.")
    assert f["4,000"]["attributed_to"] == "aid agencies"
    assert f["23"]["attributed_to"] == "army"
    f = figs("They rarely publish data. But in 2022 the government reported 700 displaced families.")
    assert f["700"]["attributed_to"] == "government"


def test_told_me_credits_the_teller():
    f = figs("Local people told me the checkpoint took 300 francs per cart.")
    assert f["300 francs"]["attributed_to"] == "local people"


def test_pronoun_subject_takes_its_antecedent_in_the_sentence():
    f = figs("Last year the traders asked for 30 lorries, and they said they got 75 permits within two weeks.")
    assert f["30"]["attributed_to"] == "traders"
    assert f["75"]["attributed_to"] == "traders"


def test_back_pointing_source_keeps_its_qualifier():
    f = figs("A police source said 9 officers were hurt. The source said 60 gunmen took part.")
    assert f["9"]["attributed_to"] == "police source"
    assert f["60"]["attributed_to"] == "police source"


def test_transcript_turn_is_credited_to_its_speaker():
    text = ("HOST: Welcome to the programme.\n\n"
            "MARIAM KONE: We counted 12 burnt granaries. The police said 40 people died.\n\n"
            "HOST: And the markets?\n\n"
            "OUMAR SALL: Prices doubled in 3 weeks.\n\n"
            "MARIAM KONE: Thank you.\n")
    f = figs(text)
    assert f["12"]["attributed_to"] == "Mariam Kone"
    assert f["40"]["attributed_to"] == "police"
    assert f["3 weeks"]["attributed_to"] == "Oumar Sall"


def test_a_single_capitalised_label_is_no_transcript():
    f = figs("UPDATE: 14 people were rescued on Friday.\n\nNOTE: 3 boats are still missing.\n")
    assert all(x["attributed_to"] is None for x in f.values())


def test_a_place_after_a_directional_adjective_is_not_an_actor():
    f = figs("A landslide at a quarry in eastern Chad killed at least 21 miners.")
    assert f["at least 21"]["actor"] is None
    assert f["at least 21"]["location"] == "TCD"
    f = figs("In Mali, at least 48 people died in floods.")
    assert f["at least 48"]["actor"] is None


def test_coordinated_clauses_keep_their_own_actors():
    f = figs("Events linked to JNIM accounted for 54% of deaths and events linked to IS Sahel for 31%.")
    assert f["54%"]["actor"] == "jnim"
    assert f["31%"]["actor"] == "iss-sahel"
    f = figs("JNIM killed 40 soldiers and wounded 30 others.")
    assert f["30"]["actor"] == "jnim"


@pytest.mark.parametrize("text", [
    "KEY FIGURES: 40 schools closed in the district.\n\nNOTE TO EDITORS: 12 teachers were interviewed.\n\n"
    "MEDIA CONTACT: the office opens at 9 am.\n",
    "Key Figures: 40 schools closed in the district.\n\nMedia Contact: 12 teachers were interviewed.\n\n"
    "Key Figures: 9 clinics reopened.\n",
])
def test_headings_with_a_colon_are_no_speakers(text):
    f = figs(text)
    assert f and all(x["attributed_to"] is None for x in f.values())


def test_hearing_turns_with_question_numbers_and_title_case_names():
    text = ("Q12 Chair: Welcome, Minister.\n\n"
            "Amina Diallo: We spent £12 million in Mali last year.\n\n"
            "Q13 John Carter: And in Niger?\n\n"
            "Amina Diallo: About 40% of it.\n\n"
            "John Carter: The ministry reported 300 closed schools.\n")
    f = figs(text)
    assert f["£12 million"]["attributed_to"] == "Amina Diallo"
    assert f["About 40%"]["attributed_to"] == "Amina Diallo"
    assert f["300"]["attributed_to"] == "ministry"


def test_a_trailing_it_said_keeps_the_source_named_before():
    f = figs("Gunmen killed at least 22 soldiers near Banibangou, the defence ministry said on Monday. "
             "Eleven soldiers were wounded and 9 vehicles destroyed, it said.")
    assert f["Eleven"]["attributed_to"] == "defence ministry"
    assert f["9"]["attributed_to"] == "defence ministry"


def test_officials_opening_a_sentence_are_its_source():
    assert figs("Officials say JNIM attacks have killed 41 civilians.")["41"]["attributed_to"] == "officials"


def test_a_figure_after_says_is_not_the_source():
    f = figs("The UN says 33 million people in the Sahel need aid this year.")
    assert f["33 million"]["attributed_to"] == "UN"


def test_a_state_that_will_donate_is_the_actor_not_the_place():
    f = figs("China will donate 2,500 tonnes of rice to Mauritania.")
    assert (f["2,500 tonnes"]["actor"], f["2,500 tonnes"]["location"]) == ("CHN", "MRT")


def test_a_source_after_an_and_a_trailing_it_found():
    f = figs("The drones have flown more than 400 missions since March, an air force officer told me.")
    assert f["more than 400"]["attributed_to"] == "air force officer"
    f = figs("According to ACLED, attacks killed 10,400 people in Mali. "
             "In the Lake Chad Basin, ISWAP abducted at least 1,150 civilians over the same period, it found.")
    assert f["at least 1,150"]["attributed_to"] == "ACLED"


def test_unrelated_regions_are_all_kept_and_a_region_gives_way_to_one_within_it():
    f = figs("Across the Central Sahel and the Lake Chad Basin, 33.2 million people need assistance.")
    assert f["33.2 million"]["location"] == "Central Sahel;Lake Chad Basin"
    f = figs("In the Sahel and the Liptako-Gourma, 40 attacks were recorded.")
    assert f["40"]["location"] == "Liptako-Gourma"


def test_a_state_spending_in_others_is_the_actor_and_they_the_location():
    f = figs("The United Kingdom spent £112 million on programmes across Mali, Burkina Faso and Niger.")
    assert (f["£112 million"]["actor"], f["£112 million"]["location"]) == ("GBR", "BFA;MLI;NER")
    f = figs("Mali spent $500 million on its military in 2023.")
    assert (f["$500 million"]["actor"], f["$500 million"]["location"]) == ("MLI", "MLI")


def test_these_two_countries_point_back_to_the_two_named_before():
    f = figs("Attacks rose in Mali and Niger. More than 5,000 people fled these two countries.")
    assert f["More than 5,000"]["location"] == "MLI;NER"


def test_an_interview_credits_its_one_named_speaker():
    text = ("Q: How many people live here?\n\n"
            "DIALLO: About 66,000. Of our 42 villages, 11 are empty.\n\n"
            "Q: And prices?\n\n"
            "DIALLO: A bag of maize costs 32,000 CFA francs.\n")
    f = figs(text)
    assert f["About 66,000"]["attributed_to"] == "Diallo"
    assert f["32,000 CFA francs"]["attributed_to"] == "Diallo"


def test_a_representative_of_a_state_is_credited_with_the_state():
    f = figs("The representative of France said that France had provided €1.1 billion to the Sahel.")
    assert f["€1.1 billion"]["attributed_to"] == "representative of France"


def test_she_said_points_to_a_person_not_to_a_group_or_place():
    text = ("Amina Ba, the UN envoy, said that 2024 had been the deadliest year. Attacks by JNIM and "
            "Islamic State Sahel Province had killed 1,850 civilians in Mali, she said.")
    assert figs(text)["1,850"]["attributed_to"] == "Amina Ba"


def test_a_figure_in_brackets_after_a_place_belongs_to_that_place():
    f = figs("Deaths were far lower in Benin (210) and Togo (95). Mali (1,200 deaths) and Niger (800) suffered most.")
    assert [f[k]["location"] for k in ("210", "95", "1,200", "800")] == ["BEN", "TGO", "MLI", "NER"]


def test_the_owner_of_a_force_is_its_actor_not_a_place():
    f = figs("In Mali, Russia's Africa Corps killed 40 people.")
    assert (f["40"]["location"], f["40"]["actor"]) == ("MLI", "RUS;africa-corps")


def test_its_before_what_only_a_state_has_points_to_the_state():
    f = figs("Burkina Faso is at war. Its defence budget has grown to 5.2 per cent of GDP.")
    assert f["5.2 per cent"]["location"] == "BFA"
    f = figs("Mali, Burkina Faso and Niger have 72 million people, about 17% of ECOWAS's population, "
             "but only 8% of its GDP.")
    assert f["8%"]["location"] == "BFA;MLI;NER"  # its = ECOWAS's, not a state's


def test_a_share_in_brackets_after_a_supplier_is_the_suppliers_not_a_place():
    f = figs("China (18%) and Türkiye (14%) were the next largest suppliers in 2020–24.")
    assert [(f[k]["location"], f[k]["actor"]) for k in ("18%", "14%")] == [(None, "CHN"), (None, "TUR")]
    table = ("| Recipient | Share | Main supplier | 2nd supplier |\n|---|---|---|---|\n"
             "| Mali | 58% | Russia (62%) | China (12%) |\n")
    f = figs(table)
    assert [(f[k]["location"], f[k]["actor"]) for k in ("58%", "62%", "12%")] == [
        ("MLI", None), ("MLI", "RUS"), ("MLI", "CHN")]
    # without suppliers or donors, the bracket follows a place
    f = figs("Refugees were hosted in Chad (40%) and Niger (30%).")
    assert [(f[k]["location"], f[k]["actor"]) for k in ("40%", "30%")] == [("TCD", None), ("NER", None)]


@pytest.mark.parametrize("text,span,source", [
    # a source note closing a sentence credits its figures
    ("Armed groups carried out 61% of the 1,934 attacks recorded in Mali (Source: ACLED).", "1,934", "ACLED"),
    ("Some 1,200 schools closed in the Kayes region (Source: Ministry of Education).", "Some 1,200",
     "Ministry of Education"),
    ("About 40 attacks were recorded (Source: ACLED, UNHCR).", "About 40", None),
    # whoever carried out the survey, and the same survey after it
    ("A nutrition survey carried out by MSF in Djibo found a rate of 18.4% among children.", "18.4%", "MSF"),
    ("An attack conducted by JNIM killed 12 soldiers.", "12", None),
    # a fronted place before the person a later "she said" points to
    ('In London, Priya Halloran, the Labour MP, called the report damning. "The UK gives Mali £14m a year," '
     "she said.", "£14m", "Priya Halloran"),
])
def test_source_notes_surveys_and_fronted_places_before_a_speaker(text, span, source):
    assert figs(text)[span]["attributed_to"] == source


@pytest.mark.parametrize("sentence,span,location,actor", [
    # a foreign state acting names no place by itself ...
    ("France deployed up to 5,100 troops at its peak.", "up to 5,100", None, "FRA"),
    ("France would contribute a further €45 million to the humanitarian appeal this year.", "€45 million", None, "FRA"),
    # ... an African state acting does, at home; a state's own spending stays its own
    ("Niger expelled 1,200 migrants last month.", "1,200", "NER", "NER"),
    ("Russia spent $109 billion on its military in 2024.", "$109 billion", "RUS", "RUS"),
])
def test_a_foreign_state_acting_names_no_place_by_itself(sentence, span, location, actor):
    f = figs(sentence)[span]
    assert (f["location"], f["actor"]) == (location, actor)


@pytest.mark.parametrize("sentence,span,actor", [
    ("Yet the Burkinabè state controls no more than 40 per cent of its territory.", "no more than 40 per cent", "BFA"),
    ("Nigerien state television said 40 soldiers died.", "40", None),  # the state's media are no actor
    ("Mali raised CFAF 1,180 billion on the regional market in 2025.", "CFAF 1,180 billion", "MLI"),
    ("The toll raised fears; 40 people died in Mali.", "40", None),
    ("Burkina Faso has nationalised five gold mines since 2023.", "five", "BFA"),
    ("Mali's mines ministry says it has since closed more than 1,100 illegal mining sites.", "more than 1,100", "MLI"),
    # a count of the people who told it has no actor, even with a relative clause
    ("JNIM fighters executed 24 passengers, two drivers who were later released told Human Rights Watch.", "two", None),
    ("JNIM charges miners 25,000 CFA francs a month, four traders told WAIN.", "four", None),
])
def test_states_acting_through_their_state_borrowing_and_closures(sentence, span, actor):
    assert figs(sentence)[span]["actor"] == actor


@pytest.mark.parametrize("text,span,source", [
    ("China will donate 2,500 tonnes of rice to Mauritania, the Chinese embassy said on Thursday.", "2,500 tonnes",
     "Chinese embassy"),
    ("More than 100 tanker trucks have been burned, according to Mali's national transport union.", "More than 100",
     "Mali's national transport union"),
    ("The government says it controls about 70% of the territory; independent analysts put the figure closer to 40%.",
     "40%", "independent analysts"),
    ("ACLED data show 40 attacks.", "40", "ACLED"),
    # the author of a poll or a study
    ("The last independent poll I saw, by the polling firm Kalan Research, found 64 percent support for the junta.",
     "64 percent", "Kalan Research"),
    ("A 2024 study of Burkina Faso by Souleymane Ouattara and colleagues found support at around 70%.", "around 70%",
     "Souleymane Ouattara"),
    # "the ministry": the ministry named before in the paragraph
    ("MSF works in support of the Ministry of Health. Coverage fell to 52% in 2024, according to the ministry.", "52%",
     "Ministry of Health"),
    ("Coverage fell to 30%, the ministry said.", "30%", "ministry"),
])
def test_lower_case_sources_authors_of_studies_and_institutions_named_before(text, span, source):
    assert figs(text)[span]["attributed_to"] == source


@pytest.mark.parametrize("text,span,source", [
    ("WHEN CAPTAIN Ibrahim Traoré seized power in September 2022, he set himself a deadline. The jihadists, he said, "
     "would be driven from the country within six months.", "six months", "Ibrahim Traoré"),
    ("Across the water in Chad, Colonel Mahamat Abakar commands the troops. Chadian troops have seized 31 tonnes of "
     "fish since January, he said.", "31 tonnes", "Mahamat Abakar"),
    ('Aminata, a mother of four who fled her village, reached Djibo after a long walk. "Two of my children fell sick '
     'on the way," she said.', "Two", "Aminata"),
    ('Mali, a country of 20 million people, spent heavily. "We lost 40 soldiers," she said.', "40", None),
])
def test_he_said_after_a_sentence_opening_with_a_person_behind_a_fronted_phrase(text, span, source):
    assert figs(text)[span]["attributed_to"] == source


@pytest.mark.parametrize("text,span,source", [
    ("A nurse at the regional hospital in Tillaberi, who asked not to be named, said it had received 23 wounded "
     "soldiers.", "23", "nurse"),
    ("In the Ségou region, 312 schools remain closed, the regional education academy said this Tuesday.", "312",
     "regional education academy"),
    ("Leaked customs records show that one exporter shipped 11.7 tonnes of gold.", "11.7 tonnes",
     "leaked customs records"),
    ("Two couriers told WAIN they had each carried 20 to 30 kilograms at a time.", "20 to 30 kilograms", "couriers"),
    ("A gold buyer who works at two sites near Djibo said he had paid a fee of 500,000 CFA francs.",
     "500,000 CFA francs", "gold buyer"),
    # a lower-case subject named in apposition, and an acronym closing an "according to"
    ("Its national statistics institute, INSEED, puts the output at 0.5 tonnes in 2023.", "0.5 tonnes", "INSEED"),
    ("According to the Commission's early warning system, ECOWARN, attacks claimed more than 6,400 lives.",
     "more than 6,400", "ECOWARN"),
])
def test_sources_with_prepositional_phrases_records_and_names_in_apposition(text, span, source):
    assert figs(text)[span]["attributed_to"] == source


def test_donor_lines_name_the_donor_as_actor_and_no_place():
    text = ("TOP DONORS (US$, as of 14 April 2026)\n- United States: US$ 58.2 million\n"
            "- European Commission (ECHO): US$ 41.5 million\n- Germany: US$ 33.0 million\n\n"
            "APPEAL\n- Chad: US$ 300 million required, 40% funded\n")
    f = figs(text)
    assert [(f[k]["location"], f[k]["actor"]) for k in ("US$ 58.2 million", "US$ 41.5 million", "US$ 33.0 million")] \
        == [(None, "USA"), (None, None), (None, "DEU")]
    assert (f["US$ 300 million"]["location"], f["US$ 300 million"]["actor"]) == ("TCD", None)  # an appeal line


def test_a_demonym_inside_an_organisations_name_is_no_place():
    f = figs("Russia supplied 26 vehicles, according to an African Defence Monitor tally. "
             "The African Development Bank lent $50 million.")
    assert f["26"]["location"] is None and f["26"]["attributed_to"] == "African Defence Monitor tally"
    assert f["$50 million"]["location"] is None


def test_supplier_shares_after_with_and_a_databases_owner():
    f = figs("SIPRI's Arms Transfers Database shows that Russia accounted for 51% of the major arms delivered to Mali, "
             "Burkina Faso and Niger in 2021–25, with Turkey at 17% and China at 14%.")
    assert [(f[k]["location"], f[k]["actor"]) for k in ("51%", "17%", "14%")] == [("BFA;MLI;NER", "RUS"),
                                                                              ("BFA;MLI;NER", "TUR"),
                                                                              ("BFA;MLI;NER", "CHN")]
    assert f["51%"]["attributed_to"] == "SIPRI"


@pytest.mark.parametrize("text,span,location,actor", [
    ("Some 180,000 refugees from Mali and Burkina Faso and 140,000 from Nigeria live in Niger.", "Some 180,000", "NER",
     None),
    ("Industry sources put the value of Mali's drone orders since 2022 at about US$370 million.",
     "about US$370 million", "MLI", "MLI"),
    ("Two of Mali's L-39 Albatros jet trainers have been grounded.", "Two", "MLI", "MLI"),
    ("China supplied 38% of Niger's arms imports.", "38%", "NER", "CHN"),
    ("Russia also handed over six launchers to Niger.", "six", "NER", "RUS"),
    ("Russia has also supplied a system to Niger, two Western diplomats in Niamey told ADM.", "two", "NER", None),
])
def test_origins_in_lists_what_a_state_buys_and_hands_over(text, span, location, actor):
    f = figs(text)[span]
    assert (f["location"], f["actor"]) == (location, actor)


def test_a_place_only_compared_with_is_no_place():
    f = figs("That is roughly twice as many as four years earlier, and more than in any other part of Africa except "
             "Sudan.")
    assert f["roughly twice"]["location"] is None
    f = figs("Donors gave the Sahel roughly a quarter of what they gave the Horn of Africa, and less than a tenth of "
             "what they gave Ukraine.")
    assert f["roughly a quarter"]["location"] == "Sahel" and f["less than a tenth"]["location"] == "Sahel"
    # a figure's own bound is no comparison
    f = figs("The Africa Corps has 2,000 personnel in Mali, fewer than 300 in Burkina Faso and around 100 in Niger.")
    assert f["fewer than 300"]["location"] == "BFA"


def test_a_source_dated_by_its_year_and_a_comparison_base_dated_after_the_figure():
    f = figs("They should fund mediators: a 2024 study by the Timbuktu Institute found that 60 per cent of local "
             "truces held.")
    assert (f["60 per cent"]["period_start"], f["60 per cent"]["period_end"]) == ("2024", "2024")
    f = figs("Burkina Faso's 2026 budget allocates 1,092 billion CFA francs to defence, nearly twice what it "
             "allocated in 2021.")
    assert f["nearly twice"]["period_start"] == "2026"  # 2021 is the base's date


def test_a_foreign_state_with_attaches_in_the_entire_region():
    f = figs("Today the United States has fewer than a dozen defence attachés in the entire Sahel.")["fewer than a dozen"]
    assert (f["location"], f["actor"], f["measure"]) == ("Sahel", "USA", "defence attachés")


def test_parliamentary_labels_with_constituency_party_honorific_and_a_role_with_the_name_in_brackets():
    text = ("Emily Carrow (Hexham Vale) (Lab): I beg to move. Aid fell to £71 million.\n\n"
            "Sir Geoffrey Pinnock (Wealdbridge) (Con): Will she give way? France had 5,100 troops.\n\n"
            "Emily Carrow: I will give way briefly.\n\n"
            "Fiona MacRae (Glen Carron) (SNP): Prices rose by 40%.\n\n"
            "The Parliamentary Under-Secretary of State for Foreign Affairs (Kate Bramall): It is a pleasure.\n\n"
            "Let me be clear: we will provide £96 million this year.\n\n"
            "Sir Geoffrey Pinnock: Is £5 million really enough?\n\n"
            "Kate Bramall: It is one part of a larger effort.\n")
    f = figs(text)
    assert [f[k]["attributed_to"] for k in ("£71 million", "5,100", "40%", "£96 million", "£5 million")] == [
        "Emily Carrow", "Geoffrey Pinnock", "Fiona MacRae", "Kate Bramall", "Geoffrey Pinnock"]


def test_a_list_item_opening_with_its_source():
    f = figs("- The Malian army, in its latest statement, put its losses at 31 soldiers killed.\n"
             "- Incidents recorded: 43 (-14% vs week 08)\n")
    assert f["31"]["attributed_to"] == "Malian army" and f["43"]["attributed_to"] is None


@pytest.mark.parametrize("text,span,source", [
    ("The army posted a toll on X:\n\nTOLL of the attack: 31 soldiers fell, 47 wounded. #FAMa\n"
     "— FAMa-DIRPA (@FAMa_DIRPA) March 9, 2026\n", "47", "FAMa-DIRPA"),
    ("A doctor at the main hospital in Sévaré told the Guardian the morgue had received 64 bodies.", "64", "doctor"),
    ("The representative of France said 40 soldiers died.", "40", "representative of France"),
    ("Several Russian-language Telegram channels close to the Africa Corps said at least four instructors were "
     "wounded.", "at least four", "Russian-language Telegram channels"),
    ("JNIM, al-Qaida's affiliate, has claimed the attack. In a statement, the group said its fighters had killed "
     "more than 100 soldiers.", "more than 100", "JNIM"),
    ("UNICEF said 40 children died. The group said more than 12 schools closed.", "more than 12", "UNICEF"),
])
def test_embedded_posts_placed_persons_affiliated_channels_and_the_group_speaking(text, span, source):
    assert figs(text)[span]["attributed_to"] == source


@pytest.mark.parametrize("text,span,source", [
    ("In a statement read on state television, the army's spokesman, Colonel Ibrahima Sangaré, said 31 soldiers "
     "had been killed.", "31", "Ibrahima Sangaré"),
    ("Army confirms 31 soldiers killed", "31", "army"),
    ("Of those, 38 were soldiers, said the doctor, who asked not to be named.", "38", "doctor"),
    ('Of those, 38 were soldiers, said the doctor.\n\nHe said the hospital was treating more than 90 wounded '
     'people. "We have two surgeons for all of this," he said.', "two", "doctor"),
])
def test_a_spokesman_by_name_headline_verbs_and_he_said_after_a_quote(text, span, source):
    assert figs(text)[span]["attributed_to"] == source


@pytest.mark.parametrize("text,span,source", [
    ("In Burkina Faso alone, ACLED in Burkina Faso recorded 10,270 deaths.", "10,270", "ACLED"),
    ("More than 120 tankers burned, the drivers' union said.", "More than 120", "drivers' union"),
    ("His government says it has recruited more than 15,000 soldiers since 2023.", "more than 15,000", "government"),
])
def test_a_place_after_a_named_source_a_plural_possessive_and_his_government(text, span, source):
    assert figs(text)[span]["attributed_to"] == source


def test_a_currency_named_after_a_country_is_no_place():
    f = figs("Exchange rate: 1 US dollar = about 565 CFA francs.")
    assert f["1 US dollar"]["location"] is None and f["about 565 CFA francs"]["location"] is None


@pytest.mark.parametrize("text,span,source", [
    ("The most widely used count comes from ACLED, a US-based monitor of political violence, which says 4,216 "
     "people were killed in Mali in 2025.", "4,216", "ACLED"),
    ("Human rights groups say Malian troops killed around 500 people in Moura.", "around 500", "human rights groups"),
    ("UNHCR's planning figure is ~2.1 million.", "~2.1 million", "UNHCR"),
    ("But local sources tell me new arrivals are running at 1,500-2,000 a week.", "1,500-2,000", "local sources"),
    ("Local outlet @Ouaga_Direct reported 58 civilians killed in Solenzo.", "58", "@Ouaga_Direct"),
    ("ACLED currently codes 44 fatalities for the event.", "44", "ACLED"),
    ("Schools closed, according to the Education Cluster. In October 2023 the cluster counted 7,900.", "7,900",
     "Education Cluster"),
    ("One in four children were malnourished, according to a nutrition survey by UNICEF. The same survey put the "
     "rate for Mali at 11.2%.", "11.2%", "UNICEF"),
])
def test_sources_in_appositions_handles_planning_figures_and_surveys_by(text, span, source):
    assert figs(text)[span]["attributed_to"] == source


@pytest.mark.parametrize("text,span,source", [
    ("A former detainee, released after 41 days, said he had been held with at least nine of the missing men. "
     "“We were 40 in a room built for ten,” he said.", "40", "former detainee"),
    ('The Malian authorities deny this and say 203 "terrorists" were killed.', "203", "Malian authorities"),
    ("- Killed in political violence in 2025: 4,216 (ACLED)", "4,216", "ACLED"),
    ("The army lost 40 (FAMa) soldiers.", "40", None),
])
def test_detainees_denials_and_an_acronym_in_brackets_after_a_figure(text, span, source):
    assert figs(text)[span]["attributed_to"] == source


def test_a_state_with_an_apposition_before_its_verb_acts():
    f = figs("The United States, long the largest donor, cut its contribution to the three appeals by nearly "
             "two-thirds.")["nearly two-thirds"]
    assert (f["location"], f["actor"]) == (None, "USA")


@pytest.mark.parametrize("text,span,source", [
    ("- Jeune Afrique reports that the blockade is in its seventh month. The magazine says at least 140 tanker "
     "trucks burned.", "at least 140", "Jeune Afrique"),
    ("- Malijet, a Bamako news site, writes that the government has paid arrears. The site adds that 1,200 schools "
     "remain closed.", "1,200", "Malijet"),
    ('Burkina Faso: "at least 60 dead" in Djibo attack, say local sources', "at least 60", "local sources"),
    ("At the checkpoint, a soldier counts the passengers on a bus: forty-two.", "forty-two", None),
])
def test_a_press_reviews_outlets_pointing_back_to_themselves(text, span, source):
    assert figs(text)[span]["attributed_to"] == source


def test_a_chat_messages_stamp_is_a_date_row_that_dates_nothing():
    out = extract_document("t", "[08/03/26, 18:05] Ops: Good evening all.\n[09/03/26, 06:58] Hamza (INSO): 7 soldiers "
                                "KIA.\n", "2026-03-09")
    assert [d["date_start"] for d in out["dates"]] == ["2026-03-08", "2026-03-09"]
    assert out["figures"][0]["period_start"] is None


def test_the_three_countries_after_a_figure_are_all_three():
    f = figs("Violence in Mali, Burkina Faso and Niger rose. ACLED recorded 4,930 violent events in the three countries "
             "in 2025.")
    assert f["4,930"]["location"] == "BFA;MLI;NER"


@pytest.mark.parametrize("text,span,source", [
    ("Political violence in Burkina Faso killed 9,420 people in 2025, according to ACLED. In 2025 that toll was more "
     "than three times the level of 2021.", "more than three times", "ACLED"),
    ("By 2024 JNIM controlled roughly 70 per cent of the region, according to an estimate by the Clingendael "
     "Institute.", "roughly 70 per cent", "Clingendael Institute"),
    ("JNIM, in a statement released through its az-Zallaqa media arm, claimed to have killed 84 soldiers.", "84",
     "JNIM"),
])
def test_a_fronted_year_before_that_toll_an_estimate_by_and_a_statement_in_apposition(text, span, source):
    assert figs(text)[span]["attributed_to"] == source


def test_a_foreign_states_share_is_its_own_and_a_fronted_place_is_no_list():
    f = figs("Over the same period in Mali, France's share fell from 27% to 4%.")
    assert (f["27%"]["location"], f["27%"]["actor"]) == ("MLI", "FRA")
    f = figs("The juntas in Mali, Burkina Faso and Niger, which left ECOWAS, recruited 5,000 soldiers.")
    assert f["5,000"]["actor"] == "BFA;MLI;NER"


def test_a_village_a_demonym_introduces_is_learned():
    f = figs("Survivors say at least 90 civilians were killed in the central Malian village of Ninkoro.\n\n"
             "The soldiers arrived in Ninkoro shortly after dawn, in a column of around 20 vehicles.")
    assert f["around 20"]["location"] == "MLI"


@pytest.mark.parametrize("text,span,source", [
    ("A confidential report by the UN human rights office (OHCHR), dated 26 February, says UN investigators spoke to "
     "61 witnesses.", "61", "UN human rights office"),
    ("Data from ACLED show 40 attacks.", "40", "ACLED"),
    ("ACLED, the conflict-monitoring project, recorded 3,912 fatalities in Mali in 2025.", "3,912", "ACLED"),
    ("The region hosts some 415,000 displaced people, according to OCHA, and the agency says one in three children "
     "is malnourished.", "one in three", "OCHA"),
    ('"Landlocked states that send 80 per cent of their trade through two ports cannot afford it," said Fatoumata '
     'Diarra.', "80 per cent", "Fatoumata Diarra"),
    ("Kaya, Burkina Faso – Salamata Ouédraogo says she left on the morning gunmen on about 40 motorbikes came.",
     "about 40", "Salamata Ouédraogo"),
    ("Wagner reportedly charged Bamako about $10.8 million a month, a figure first published by the US Treasury.",
     "about $10.8 million", "US Treasury"),
])
def test_sources_in_mainstream_prose(text, span, source):
    assert figs(text)[span]["attributed_to"] == source


def test_a_state_acting_through_its_code():
    f = figs("Mali's new code lets the state take up to 30% of new mines, up from 20% under the old one.")
    assert (f["up to 30%"]["location"], f["up to 30%"]["actor"]) == ("MLI", "MLI")
