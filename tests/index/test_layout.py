"""An article's layout: which lines are sentences that may be quoted, and the lead a digest opens with."""

import pytest

from index.layout import (
    author_note,
    is_heading,
    is_question,
    lead_sentences,
    mostly_tells,
    quotable_sentences,
    reports_question,
    section,
    sentences,
    subheads,
    writers,
)


def test_a_digest_lead_passes_over_a_caption_or_byline():
    text = ("Photo\n\nStaff Reports\n\nUnited Nations peacekeepers patrolled a refugee camp in Sudan on Monday. "
            "The camp holds about 40,000 people.\n\nThe talks resume next week.")
    assert lead_sentences(text) == ("United Nations peacekeepers patrolled a refugee camp in Sudan on Monday. "
                                    "The camp holds about 40,000 people.")


@pytest.mark.parametrize(("line", "caption"), [
    ("Protesters gathered in Seoul on Thursday.Anthony Wallace / AFP - Getty Images", True),
    ("The leader reacts as he visits the Western Wall on March 18. (Thomas Coex/AFP/Getty Images)", True),
    ("The Moulin Rouge cabaret in Paris Benoit Tessier/Reuters", True),
    ("The senator spoke to reporters outside the Capitol on Tuesday. (AP Photo/Jane Doe)", True),
    ("The talks ended on Monday without a deal, the union said. (Reuters)", False),  # the wire's credit
    ("Getty Images said on Monday it had bought the archive of the photographer.", False),
    # an unended line that points at the picture
    ("Above, the skull of a whale; right, a large-calibre bullet of the type the department uses", True),
    ("Above, the clouds gathered over the bay as the boats came back in for the night.", False),  # a sentence
])
def test_a_line_ending_with_a_photo_credit_is_a_caption(line, caption):
    assert is_heading(line) == caption
    text = f"{line}\n\nThe talks resume next week."
    quotable = [text[s.start : s.end] for s in quotable_sentences(text)]
    assert any(line.startswith(q) for q in quotable) != caption


@pytest.mark.parametrize(("text", "lead"), [
    ("The Latest on a stabbing on a commuter train (all times local):\n\n10 p.m.\n\n"
     "Authorities say the attacker tried to steal a rider's shoes.", "Authorities say the attacker"),  # a time
    ("What Does Stadia Offer?\n\nStadia is Google's attempt to make cloud gaming happen.", "Stadia is Google's"),
    ("(after extra-time - score at 90 mins 1-1)\n\nRiise volleyed Liverpool ahead after 45 seconds.", "Riise"),
    ("Dekalb, Ill. — Mike Glass threw for three touchdowns.\n\nThe win was their third.", "Mike Glass threw"),
    ("Remember the town's long quest for a slogan?\n\nThe town council chose a new slogan on Monday.",
     "The town council chose"),  # a question is the writer's hook, not the story
])
def test_a_digest_lead_passes_over_a_time_stamp_a_headline_or_an_aside(text, lead):
    assert lead_sentences(text).startswith(lead)


@pytest.mark.parametrize(("text", "lead"), [
    ("WASHINGTON (Reuters) - Scientists unveiled a map of Titan.", "Scientists unveiled a map of Titan."),
    ("(Reuters) — The attorney general is investigating WeWork.", "The attorney general is investigating WeWork."),
    ("SANTA FE, N.M. (AP) — A cat missing for five years was found.", "A cat missing for five years was found."),
    ("HANOI, Vietnam (AP) — Mark Esper accused China of coercion.", "Mark Esper accused China of coercion."),
    ("BERLIN -- The agency says astronauts could hibernate.", "The agency says astronauts could hibernate."),
    ("NEW DELHI: Nearly 150 Indians returned home.", "Nearly 150 Indians returned home."),
    ("(CNN) President Trump made a trip to Walter Reed.", "President Trump made a trip to Walter Reed."),
    ("Hong Kong (CNN Business) Trade talks weigh on investors.", "Trade talks weigh on investors."),
    ("HONOLULU, Hawaii (HawaiiNewsNow) - NASA scientists found water.", "NASA scientists found water."),
    # The site's promotion of its other stories is no lead.
    ("Fox News Flash top entertainment headlines for Nov. 19 are here. Check out what's clicking today.\n\n"
     "James Van Der Beek has been eliminated from the show.", "James Van Der Beek has been eliminated from the show."),
    # Not a dateline: a name and an aside between dashes, a score.
    ("Tottenham — who sacked their coach — won on Saturday.", "Tottenham — who sacked their coach — won on Saturday."),
    ("NASA - the space agency - picked five landers.", "NASA - the space agency - picked five landers."),
])
def test_a_digest_lead_leaves_out_the_dateline_and_the_wires_credit(text, lead):
    assert lead_sentences(text) == lead


def test_a_list_item_without_a_full_stop_may_be_quoted_but_not_a_signature():
    text = ("The council met on Monday.\n\n- The bridge reopens on Monday after two years of repairs\n\n"
            "“We did it,” the mayor wrote.\n\n— Mayor Ada Nwosu (@adanwosu) November 18, 2019")
    quotable = [text[s.start : s.end] for s in quotable_sentences(text)]
    assert "- The bridge reopens on Monday after two years of repairs" in quotable
    assert not any(line.startswith("—") for line in quotable)


def test_chinese_sentences_end_with_their_own_full_stop_and_may_be_quoted():
    text = "图注：会议现场\n\n市政府周一宣布，新地铁线将于明年开通。这条线路连接机场和市中心！"
    assert [text[s.start : s.end] for s in quotable_sentences(text)] == [
        "市政府周一宣布，新地铁线将于明年开通。", "这条线路连接机场和市中心！"]


@pytest.mark.parametrize(("line", "heading"), [
    ("Mayor Compares Budget Cuts to a 'Death Sentence'", True),  # another story's headline, quoting
    ('"We were never told"', True),  # a subhead that quotes
    ("(Photo: City Desk)", True),  # a credit
    ("The council will vote again in June. (Reuters)", False),  # a sentence, then its credit
    ("The mayor called the cuts a “death sentence.”", False),
    ("Residents said the cuts were a 'death sentence'.", False),
    ("WHAT SAY YOU, IMPEACHMENT JURY?", True),  # a subhead in capitals, whatever its end
    ("HD THE HOME DEPOT INC. 225.86 -12.99 -5.44%", True),  # a ticker's line
    ("A HUNTER who killed and ate a wild rabbit has the plague.", False),  # a tabloid's opening capitals
    ("Why Neon Is the Ultimate Symbol of the 20th Century", True),  # a headline with a figure inside
    ("What Does Stadia Offer?", True),  # a subhead that asks
    ("How big an impact have the tariffs had overall?", False),  # a question in prose: no subhead by its look
    ("June 9 -- Coral Sky Amphitheatre, West Palm Beach, FL", False),  # a list's item: a date, a dash
    ("4) Blade Runner The Final Cut (4K Ultra HD + Blu-Ray)", False),  # a list's item: opens with a figure
])
def test_a_line_that_ends_a_quotation_without_ending_a_sentence_is_no_sentence(line, heading):
    assert is_heading(line) is heading


@pytest.mark.parametrize("line", [
    "[Read: Why the island's only bridge was closed for a decade]",
    "Related: The council's budget, line by line",
    "Lire aussi : Les critiques du projet de loi",
    "A version of this article appears in print on Page A22 of the New York edition.",
    "Listen to the full interview on the station's website from 7pm.",
    "Read our review-in-progress here.",
    "Be sure to check out our price guide for the latest deals on the new laptop.",
    "Fox News Flash top entertainment and celebrity headlines for Nov. 19 are here.",
])
def test_a_link_to_another_page_or_the_print_editions_note_is_never_quoted(line):
    text = f"The council approved the new budget on Monday.\n\n{line}\n\nThe budget takes effect in April."
    assert line not in [text[s.start : s.end] for s in quotable_sentences(text)]


@pytest.mark.parametrize(("sentence", "reports"), [
    ("Snopes writer David Emery posted to Twitter asking if there were “any un-angry Trump supporters?”", True),
    ("Emery retweeted the story, saying, “Are there un-angry Trump supporters?”", True),
    ("“What is next for the club?”", False),  # a quotation that is the whole sentence asks
    ('He said: "Why?"', False),
    ("How big an impact have the tariffs had?", False),  # asks, quoting nobody
    ("The tariffs had a big impact.", False),
])
def test_a_sentence_that_tells_a_question_asked_ends_with_it_quoted(sentence, reports):
    assert reports_question(sentence) is reports and is_question(sentence) is sentence.rstrip("”\"").endswith("?")


def test_a_sentence_that_tells_more_than_the_question_it_quotes_mostly_tells():
    assert mostly_tells("Moving forward, the singer has a new record deal in place with a big label, and her old "
                        "label will be left to wonder: “what did we do to deserve this?”")
    assert not mostly_tells('The lawyer asked him: "If you believe something is in your interest, you are willing '
                            'and able to lie to accomplish it, isn\'t that right?"')  # mostly the question
    assert not mostly_tells("How big an impact have the tariffs had?")  # quotes nobody


def test_the_headlines_listed_under_read_more_are_never_quoted():
    links = ["Tunisia's Islamists get a sobering lesson in governing", "Tunisia's Bardo museum is home to treasures"]
    text = "Gunmen stormed the museum on Wednesday.\n\nHeba Habib contributed to this report.\n\nRead more:\n\n" \
        + "\n\n".join(links)
    quotable = [text[s.start : s.end] for s in quotable_sentences(text)]
    assert quotable[0] == "Gunmen stormed the museum on Wednesday." and not set(links) & set(quotable)
    # The New York Times labels its links "More about …"; the line after it here had been quoted.
    text = ("Congress has not taken up that idea.\n\nMore about the federal debt and the economy\n\n"
            "The U.S. hasn’t faced this issue for years\n\nUntil recently, rates were low.")
    quotable = [text[s.start : s.end] for s in quotable_sentences(text)]
    assert quotable == ["Congress has not taken up that idea.", "Until recently, rates were low."]
    # SlashGear lists its earlier stories under "Story Timeline"; The Independent its tags under "More about:"
    for label in ("Story Timeline", "More about:"):
        text = (f"The coupe goes on sale in spring.\n\n{label}\n\n2019 Audi e-tron Review: Grading on a Curve\n\n"
                "Audi e-tron GT Concept First Drive: Welcome to the future")
        assert [text[s.start : s.end] for s in quotable_sentences(text)] == ["The coupe goes on sale in spring."]


def test_another_storys_headline_under_a_label_is_never_quoted_but_a_list_of_labelled_lines_is():
    linked = "Internal memo: Federal prison guards falsified records of cell checks and inmate counts"
    text = f"The two guards were charged on Tuesday.\n\n{linked}\n\nThey pleaded not guilty in court."
    assert linked not in [text[s.start : s.end] for s in quotable_sentences(text)]
    listed = ["Path A: Iceland, Bulgaria, Hungary and Romania play for one place",
              "Path B: Bosnia and Herzegovina, Slovakia, Republic of Ireland, Northern Ireland"]
    text = "The play-off draw was made on Friday.\n\n" + "\n\n".join(listed) + "\n\nThe games are in March."
    assert set(listed) <= {text[s.start : s.end] for s in quotable_sentences(text)}


def test_a_subhead_written_as_a_sentence_between_paragraphs_is_never_quoted():
    subhead = "Interest costs make it harder for the government to do other things"
    lost_stop = ("Officials say the repairs on the river bridge will take the whole winter and cost the city "
                 "far more than the council had planned")  # a paragraph whose full stop was lost
    text = (f"The debt has doubled in ten years.\n\n{subhead}\n\nEconomists expect rates to rise.\n\n"
            f"{lost_stop}\n\nThe council meets on Monday.")
    quotable = [text[s.start : s.end] for s in quotable_sentences(text)]
    assert subhead not in quotable and lost_stop in quotable


def test_the_sites_own_words_to_its_reader_are_never_quoted():
    text = ("The council approved the new budget on Monday after a long debate.\n\n"
            "Sign up for our morning newsletter to get the day's stories.\n\n"
            "Email the writer at ada.nwosu@example.test.\n\n"
            "The budget takes effect in April.")
    assert [text[s.start : s.end] for s in quotable_sentences(text)] == [
        "The council approved the new budget on Monday after a long debate.", "The budget takes effect in April."]
    # The rights notice at the page's foot, not a sentence that speaks of copyright.
    text = ("The court said copyright law applies to the photo.\n\nCopyright 2019 Hawaii News Now. All rights "
            "reserved.\n\n© 2019 Associated Press. This material may not be published, broadcast, rewritten, or "
            "redistributed.")
    assert [text[s.start : s.end] for s in quotable_sentences(text)] == [
        "The court said copyright law applies to the photo."]
    # Where the story first appeared, and a call to read the site's newsletter.
    text = ("The neon sign was switched on in 1912.\n\nThis article originally appeared on The Monthly.\n\n"
            "Originally published on Star Science.\n\nKeep up with the City Daily newsletter.\n\n"
            "Originally, the sign was red.")
    assert [text[s.start : s.end] for s in quotable_sentences(text)] == [
        "The neon sign was switched on in 1912.", "Originally, the sign was red."]


@pytest.mark.parametrize("note", [
    "Ana Ruiz is the author of The Salt Road.",
    "Ana Ruiz is a reporter for City Daily covering courts. Follow her on Twitter.",
    "Ana Ruiz is technology correspondent for The Hour.",
    "Ana Ruiz covers the White House. Since joining the paper, she has covered energy.",
])
def test_the_writers_note_is_the_last_paragraph_that_says_what_they_write(note):
    text = "The court ruled on Monday.\n\nAna Ruiz, the judge, is the author of the ruling.\n\n" + note
    found = [text[s.start : s.end] for s in sentences(text) if author_note(text, s)]
    assert " ".join(found) == note  # every sentence of the note, and not the judge's line above it
    assert not any(author_note(note, s) for s in sentences(note))  # a text of one paragraph is no note


def test_the_credits_that_end_an_article_are_of_its_note():
    text = ("The vote failed on Saturday.\n\nPolice reported no injuries.\n\n"
            "Ana Ruiz reported from Lagos, and Ivo Flint from Accra.\n\nAna Ruiz\n\n"
            "Ana Ruiz is a City Daily freelance producer based in Lagos.\n\nAdditional reporting by Ada Quell.\n\n"
            "Bo Lind and Ada Quell contributed.")
    found = [text[s.start : s.end] for s in sentences(text) if author_note(text, s)]
    assert found[0] == "Ana Ruiz reported from Lagos, and Ivo Flint from Accra."
    assert found[-1] == "Bo Lind and Ada Quell contributed."
    story = "The vote failed.\n\nPolice reported no injuries."  # a story's own last line is no credit
    assert not any(author_note(story, s) for s in sentences(story))


def test_a_line_that_ends_with_a_colon_leads_in_only_when_short():
    text = ("Ten candidates meet in Atlanta tonight.\n\nSeven questions heading into the debate, to be carried on "
            "the Nine Network:\n\nTour dates:\n\nThe show opens on Friday. Here are the highlights:\n\nIt ends in May.")
    assert [text[s.start : s.end] for s in quotable_sentences(text)] == [
        "Ten candidates meet in Atlanta tonight.",
        "Seven questions heading into the debate, to be carried on the Nine Network:",
        "The show opens on Friday.", "It ends in May."]
    # a paragraph that leads in to what follows does not open the story
    assert lead_sentences("The Latest on the storm (all times local):\n\nThe storm reached the coast at noon.") == (
        "The storm reached the coast at noon.")


def test_a_short_line_that_gives_a_result_is_quotable_not_a_subhead():
    text = "BOYS SOCCER\n\nViera d. Rockledge 3-1\n\nViera (4-0): K. Hupfer 1 goal.\n\nTeam news"
    assert [text[s.start : s.end] for s in quotable_sentences(text)] == [
        "Viera d. Rockledge 3-1", "Viera (4-0): K. Hupfer 1 goal."]


def test_a_photos_caption_stands_inside_a_section_and_a_subhead_opens_one():
    text = ("The vote failed on Saturday.\n\nProtesters gathered outside. Ezra Ruiz / Getty Images\n\n"
            "The leader, 63, spoke on Sunday.\n\nWHAT COMES NEXT\n\nA new vote is due on Wednesday.")
    spans = sentences(text)
    at = next(i for i, s in enumerate(spans) if text[s.start : s.end].startswith("The leader"))
    first, last = section(subheads(text), at)
    assert text[spans[first].start : spans[first].end] == "The vote failed on Saturday."
    assert text[spans[last].start : spans[last].end] == "WHAT COMES NEXT"


def test_the_writers_note_names_the_writer():
    text = "The court ruled on Monday.\n\nAna Ruiz\n\nAna Ruiz is a columnist for City Daily.\n\nBo Lind contributed."
    assert writers(text) == ["Ana Ruiz"]
    assert writers("The court ruled on Monday.\n\nPolice reported no injuries.") == []

