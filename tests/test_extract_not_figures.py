"""What is never a figure: years, dates, ordinals, names, codes, clocks, phones,
ages, page furniture."""

from sahel_data.extract import extract_document


def fig_texts(text, published="2025-01-01"):
    return [f["text"] for f in extract_document("t", text, published)["figures"]]


def test_years_and_dates_are_not_figures():
    text = ("In 2024 the talks resumed; on 23 June 2023 a deal was signed. From 2018 to 2022 and "
            "between 2013 to 2017 exports grew. Since 2012, in February 2022 and on Jan 13 nothing changed.")
    assert fig_texts(text) == []


def test_ordinals_and_pronoun_one():
    assert fig_texts("The first convoy and the 5th battalion left; one failed in Dori.") == []


def test_names_codes_and_references():
    text = ("The G5 Sahel, Resolution 2719, Article 5 and COVID-19 rules were discussed, "
            "and a Mi-24 flew over MINUSMA's base.")
    assert fig_texts(text) == []


def test_clock_times_and_phone_numbers():
    assert fig_texts("The attack began at 4:45 a.m. Call +227 20 72 35 00 for help.") == []


def test_ages():
    assert fig_texts('"We lost everything," said Aminata Sow, 34, a trader.') == []
    assert fig_texts("A 60-year-old herder was beaten.") == []


def test_decades_are_skipped():
    assert fig_texts("The drought of the 1980s still shapes the region.") == []


def test_page_furniture_yields_no_figures():
    text = ("How the war spread\n- Awa Traore\n\n- Mar 3\n- 6 min read\n"
            "Share on Facebook · Share on X · Copy link\n"
            "Some 40 schools were closed.\n\n12 Comments\n© 2025 Example Media. All rights reserved.\n\nComments")
    out = extract_document("t", text, "2025-03-10")
    assert [f["text"] for f in out["figures"]] == ["Some 40"]
    # the byline date is a date row; the copyright year is not
    assert [d["text"] for d in out["dates"]] == ["Mar 3"]


def test_count_that_looks_like_a_year():
    f = {x["text"]: x for x in extract_document("t", "More than 2000 troops were sent.", "2025-01-01")["figures"]}
    assert f["More than 2000"]["value"] == 2000


def test_scores_ratios_and_codes():
    assert fig_texts("The match ended 2-1. The ratio was 3:1. Decree No. 2024-017 was signed.") == []


def test_road_numbers():
    assert fig_texts("Trucks on Route Nationale 16 were attacked.") == []


def test_statistics_apparatus_is_not_a_figure():
    text = ("Rainfall shortfalls cut harvests by 9.2% (95% CI 6.0-12.4, p < 0.05); the effect on "
            "herders was 3.1 percentage points (99% confidence interval 1.5-4.7) and not significant "
            "at the 10% level. The survey covered 2,310 farms (n = 2,310).")
    texts = fig_texts(text)
    assert "95%" not in texts and "99%" not in texts and "10%" not in texts
    assert "0.05" not in " ".join(texts)
    assert texts == ["9.2%", "6.0-12.4", "3.1 percentage points", "1.5-4.7", "2,310", "2,310"]


def test_numbers_in_episode_and_season_names():
    assert fig_texts("In Episode 12 of Season 3, Chapter 7 and Part 2 of the series, the host spoke.") == []


def test_phone_numbers_in_several_forms():
    text = ("For help call +223 20 22 45 67, (456) 7890 or 0700 555 1234. Hotline: 90 11 22 33. "
            "Since 2021, 640 families called.")
    assert fig_texts(text) == ["640"]


def test_recording_length_is_metadata_but_prose_durations_are_figures():
    assert fig_texts("[Full interview: 37 minutes.]") == []
    assert fig_texts("Duration: 41 minutes") == []
    assert fig_texts("Length 28 min") == []
    assert fig_texts("The shelling lasted 37 minutes before the patrol withdrew.") == ["37 minutes"]


def test_references_in_lower_case_parliamentary_papers_and_spans_of_them():
    text = ("Members recalled resolution 2417, set out on page 4 of the appeal, under section 3 of the Act. "
            "Oral evidence, HC 412, Questions 88 - 95. Articles 3-7 apply.")
    assert fig_texts(text) == []


def test_hotlines_addresses_and_licence_versions():
    text = ("Residents can call the free line 1014 or dial 117. Write to Rue 10, Dakar. "
            "Text is available under the Creative Commons Licence 4.0.")
    assert fig_texts(text) == []


def test_compound_ordinals_are_not_fractions():
    assert fig_texts("The Thirty-fourth report and the twenty-first session were published.") == []
    assert fig_texts("Two-thirds of schools closed.") == ["Two-thirds"]


def test_the_age_of_a_speaker_named_after_said():
    assert fig_texts('"He had already paid them twice," said Bukar Modu, 38.') == ["twice"]
    assert fig_texts("The toll, officials said, rose to 45.") == ["45"]


def test_the_section_numbers_of_a_table_of_contents():
    text = ("Contents\n1 History\n1.1 Formation\n1.2 Expansion\n2 Attacks\n3 See also\n\n"
            "History\nIn 2015 the group killed 12 soldiers.\n")
    assert fig_texts(text) == ["12"]


def test_a_list_of_counts_is_no_table_of_contents():
    text = "Key figures\n12 Malian soldiers killed\n30 Civilians displaced\n45 Villages burned\n"
    assert fig_texts(text) == ["12", "30", "45"]


def test_an_age_bracket_is_not_a_count():
    text = ("Men over 60 and children under the age of 15 were spared. Some 300 children under five died, "
            "and nearly one in five children under 5 is malnourished.")
    assert fig_texts(text) == ["Some 300", "nearly one in five"]


def test_codes_addresses_unit_names_and_phone_pairs():
    text = ("Call the toll-free number 1010 or 80 00 11 45. Passport 10PC84417 (Niger). Entity: SARL, Secteur 28, "
            "Ouagadougou. The 14th Rapid Intervention Battalion (BIR 14) destroyed 3 bases. See 31 CFR part 594, "
            "Question 1107 and Executive Order (E.O.) 13224.")
    assert fig_texts(text) == ["3"]


def test_a_unit_name_in_running_text_but_not_a_list_of_counts():
    assert fig_texts("The convoy was escorted by BIR 15, the first in 6 weeks.") == ["6 weeks"]
    assert fig_texts("Fatalities by actor: JNIM 312, IS Sahel 120.") == ["312", "120"]
    assert fig_texts("The fee was paid in USD 120, then in EUR 40.") == ["USD 120", "EUR 40"]


def test_a_statistic_in_brackets_stays_a_figure():
    assert fig_texts("Mean household size was 7.4 members (SD 3.1).") == ["7.4", "3.1"]


def test_iso_codes_and_reading_time_in_a_byline():
    assert fig_texts("Entity: Secteur Nord, eur 5 left.") == ["5"]
    assert fig_texts("By Abdulrahman Bello\nJune 4, 2025 | 6:45 am | 4 min read\n\nBandits abducted 43 people.") == ["43"]


def test_every_age_bracket_word():
    text = "Children below 5, adults above 60, people older than 70 and boys younger than 15 were spared."
    assert fig_texts(text) == []


def test_links_to_other_stories_and_a_byline_desk_are_furniture():
    text = ("Gunmen killed 40 soldiers near Gao, security sources said.\n\n"
            "Related Topics\n- Mali's junta extends rule by five years\n- Five things to know about the Sahel\n\n"
            "More on this story\n\n"
            "Russia's 2,000 men in Mali\nPublished 2 days ago\n\n"
            "By Amadou Diallo\nBBC Africa, Bamako\n\n"
            "More than 4 million people have been displaced across the region.")
    out = extract_document("t", text, "2025-01-01")
    assert [f["text"] for f in out["figures"]] == ["40", "More than 4 million"]
    assert out["figures"][1]["location"] == "MLI"  # "the region": Gao, not the desk's "Africa" or the links' "Sahel"


def test_footnote_blocks_and_document_job_numbers():
    text = ("Fighters killed 9 drivers.\n\n__________________\n14 See annex IV for the list.\n"
            "15 The Panel interviewed 46 transporters.\n17 DTM Mali, round 14, published in May 2025.\n\n25-11873 (E)\n")
    assert fig_texts(text) == ["9", "46"]


def test_radio_frequencies_clock_words_and_notes():
    assert fig_texts("You are listening to Radio Horizon, 98.7 FM. It is seven o'clock.") == []
    assert fig_texts("The debate returns next Thursday at seven.") == []
    assert fig_texts("The toll stood at seven.") == ["seven"]
    assert fig_texts("[10] ACLED, as in note 5.") == []


def test_ages_in_comparisons_and_ranges():
    assert fig_texts("They shot those who looked older than 15.") == []
    assert fig_texts("The dead included six boys aged between 12 and 16.") == ["six"]
    assert fig_texts("Time to read 6 min. Lire en français") == []


def test_more_ages_and_reading_times():
    assert fig_texts("Captain Traoré, who is 37, remains popular.") == []
    assert fig_texts("They vaccinated 61,000 children aged between six months and 14 years.") == ["61,000"]
    assert fig_texts("The rate was 18.4% among children aged 6 to 59 months.") == ["18.4%"]
    assert fig_texts("Feb 12th 2026 | OUAGADOUGOU | 6 min read") == []
    assert fig_texts("Two soldiers died in three days.") == ["Two", "three days"]


def test_report_numbers_dotted_clock_times_and_heading_month_ranges():
    assert fig_texts("Africa Report N°318 | 18 September 2025") == []
    assert fig_texts("Thomas Whitcombe in Dakar\nThu 19 Feb 2026 14.32 GMT") == []
    assert fig_texts("IDPS BY COUNTRY AND MONTH, JULY–OCTOBER 2025") == []


def test_bracketed_paragraph_and_charge_lists_and_article_subclauses():
    text = ("He was convicted under article 25(3)(a) of the Rome Statute (counts 1 to 3), of mutilation (count 6) "
            "and of persecution (counts 9, 10 and 13); at least 11 were children (paras 1184-1209).")
    assert fig_texts(text) == ["at least 11"]


def test_social_counters_in_one_line():
    assert fig_texts("Jan 22, 2026\n\n♥ 212 · 💬 37 · ↻ 18\n\nHi all, 40 people died.") == ["40"]


def test_an_operation_code_name():
    assert fig_texts("The operation, code-named Kouka 2, ran in February. During Kouka 2 alone, 58 died.") == ["58"]


def test_calibres_and_quoted_titles_are_not_figures():
    text = ("The aircraft are fitted with 7.62 mm and 12.7 mm door guns. The VN22 is armed with a 30 mm cannon. "
            "Each carrier has a 14.5 mm KPVT heavy machine gun.")
    assert fig_texts(text) == []
    assert fig_texts("Rainfall reached 250 mm in August.") == ["250"]  # a measure, not a calibre
    assert fig_texts('Her memoir, "Forty Days in Ménaka", was published in 2025.') == []
    assert fig_texts('"Forty soldiers died," he said.') == ["Forty"]


def test_references_section_numbers_and_live_blog_stamps_are_not_figures():
    assert fig_texts("In her answer to my written question 41876, the Minister said that 14 projects stopped.") == ["14"]
    assert fig_texts("Cite as: HC Deb 4 March 2026 vol 781 cc213–236WH") == []
    assert fig_texts("Event data come from ACLED, version 2025.03.") == []
    assert fig_texts("2.1 Sample\n\nThe rate was 2.5 per cent.") == ["2.5 per cent"]
    assert fig_texts("Key events\n4m ago\nDeath toll rises to at least 64\n1h ago\nJNIM claims attack") == ["at least 64"]
    assert fig_texts("The attack began 2 hours ago and killed 12.") == ["2 hours", "12"]


def test_thread_numbers_profile_counters_ratings_and_page_numbers_are_not_figures():
    text = ("Joined March 2014 · 2,318 Following · 18.4K Followers\n\n6:42 PM · Apr 1, 2026 · 402K Views\n\n"
            "1/ Headline first. ACLED recorded 1,214 events.\n\n2/ Where? In 3 of the 13 regions.\n\n"
            "💬 212   🔁 1.4K   ❤️ 3.9K   🔖 611\n")
    assert fig_texts(text) == ["1,214", "3", "13"]
    text = ("Ref: SRRA/SAH/2026-014 | Version 2.1\nPage 1 of 3\n\nRating scale: 1 (LOW) to 5 (EXTREME).\n\n"
            "- Mali: Security risk HIGH (4/5); Travel risk level 5 outside Bamako, level 4 in Bamako\n\n"
            "The region was raised from level 4 to level 5 after 12 attacks.")
    assert fig_texts(text) == ["12"]


def test_a_read_more_line_of_links_is_furniture():
    assert fig_texts("Read more: Inside the fuel blockade | The Sahel in 2024, in 12 numbers | Who runs the Africa "
                     "Corps?\n\nAbout 40 people died.") == ["About 40"]


def test_a_charts_axis_and_a_rates_base_are_not_figures():
    text = ("Figure 3: Fatalities by month, 2024–2025\n1,400\n1,200\n1,000\n800\n600\n400\n200\n0\nJan Apr Jul Oct\n\n"
            "There were 12 events per 100,000 people in Soum.")
    assert fig_texts(text) == ["12"]
