"""The kind of answer a question asks for steers the choice of sentence inside an article."""

import json

import pytest

from index.answer_types import AnswerType, asked, holds


@pytest.mark.parametrize(("question", "kind"), [
    ("How many passengers does the jet seat?", AnswerType.QUANTITY),
    ("How much did the repairs cost?", AnswerType.QUANTITY),
    ("What is the order worth at list prices?", AnswerType.QUANTITY),
    ("When did he join the band?", AnswerType.TIME),
    ("In which year did the museum open?", AnswerType.TIME),
    ("Who is mediating between the president and the generals?", AnswerType.NAME),
    ("Which company is building the spacecraft?", AnswerType.NAME),
    ("Which five companies did the agency add to the programme?", AnswerType.NAME),
    ("What new rules apply from Monday?", None),
    ("Where did the prince say he was that night?", AnswerType.NAME),
    ("Why did the photographer wrap the baby in a flag?", None),
    ("What did the minister say about the strike?", None),
    ("Where was the Fort Worth girl found?", AnswerType.NAME),  # a place named Worth is not a price
    ("What criminal charge do the sprinters face?", None),  # nor is a charge in court
    ("¿Cuánto cuesta el billete?", None),  # English rules only: other languages are left as they were
])
def test_the_question_tells_the_kind_of_answer(question, kind):
    assert asked(question) is kind


def test_a_sentence_holds_an_answer_of_the_kind_asked():
    assert holds(AnswerType.QUANTITY, "The bar charges Rs 299 for fifteen minutes.", "")
    assert holds(AnswerType.QUANTITY, "Three hundred people came.", "")
    assert not holds(AnswerType.QUANTITY, "The bar opened in a mall.", "")
    assert holds(AnswerType.TIME, "He joined in 1975.", "")
    assert holds(AnswerType.TIME, "The talks resume on Monday.", "")
    assert not holds(AnswerType.TIME, "The talks resume soon.", "")
    # a name counts only when the question does not already hold it, and not for a capital opening a sentence
    question = "Who is mediating between President Okafor and the generals?"
    assert holds(AnswerType.NAME, "Talks are led by Bishop Ada Nwosu.", question)
    assert not holds(AnswerType.NAME, "President Okafor met the generals.", question)
    assert not holds(AnswerType.NAME, "Talks went on all night.", question)
    assert not holds(None, "Anything at all, 42.", "")


def ask_one_article(library, tmp_path, title: str, text: str, question: str):
    """A library of one article, asked one question; the answer must not be declined."""
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps({"url": "https://news.test/one", "title": title, "source": "Desk", "text": text}),
                    encoding="utf-8")
    list(library.ingest([str(path)]))
    answer = library.ask(question)
    assert answer.answered
    return answer


def test_the_sentence_holding_the_amount_is_quoted_rather_than_the_lead(library, tmp_path):
    text = ("The oxygen bar in the city mall offers shoppers pure oxygen to breathe. "
            "The oxygen bar uses an oxygen concentrator and aromatherapy in the city mall. "
            "Shoppers said the oxygen bar felt like a spa. "
            "A visit charges Rs 299 for fifteen minutes. "
            "Doctors doubt that the oxygen helps.")
    answer = ask_one_article(library, tmp_path, "An oxygen bar opens", text,
                             "How much does the oxygen bar in the city mall charge?")
    assert "Rs 299" in answer.quotes[0].text


@pytest.mark.parametrize("subheads", [
    ["Photographer wraps newborn in flag", "Why the newborn photo went viral:"],  # short, or a lead-in line
    ["PHOTOGRAPHER WRAPS NEWBORN ID. FLAG SHOOT"],  # one subhead, though the abbreviation's stop splits it
    ["Photographer Who Wrapped Newborn In The Flag Says Critics Missed The Point"],  # another story's headline
    ["— Navy Times photo desk (@navytimes_photo) November 18, 2019 newborn flag"],  # a tweet's signature
])
def test_a_subhead_or_a_caption_is_not_quoted_however_short(library, tmp_path, subheads):
    text = "\n\n".join([
        "A photo of a baby at a military family's shoot was shared widely this week.", *subheads,
        "She said she wrapped the baby in the flag because his father was serving overseas, and she wanted "
        "to honour that service in the picture she gave the family."])
    answer = ask_one_article(library, tmp_path, "A baby photo shared widely", text,
                             "Why did the photographer wrap the newborn in the flag?")
    quoted = " ".join(e.text for e in answer.quotes[0].excerpts)
    assert "because his father was serving overseas" in quoted
    assert not any(part in quoted for line in subheads for part in line.split(". "))


def test_a_digest_lead_passes_over_a_caption_or_byline():
    from index.quotes import lead_sentences

    text = ("Photo\n\nStaff Reports\n\nUnited Nations peacekeepers patrolled a refugee camp in Sudan on Monday. "
            "The camp holds about 40,000 people.\n\nThe talks resume next week.")
    assert lead_sentences(text) == ("United Nations peacekeepers patrolled a refugee camp in Sudan on Monday. "
                                    "The camp holds about 40,000 people.")


@pytest.mark.parametrize(("text", "lead"), [
    ("The Latest on a stabbing on a commuter train (all times local):\n\n10 p.m.\n\n"
     "Authorities say the attacker tried to steal a rider's shoes.", "Authorities say the attacker"),  # a time
    ("What Does Stadia Offer?\n\nStadia is Google's attempt to make cloud gaming happen.", "Stadia is Google's"),
    ("(after extra-time - score at 90 mins 1-1)\n\nRiise volleyed Liverpool ahead after 45 seconds.", "Riise"),
    ("Dekalb, Ill. — Mike Glass threw for three touchdowns.\n\nThe win was their third.", "Dekalb, Ill. — Mike"),
])
def test_a_digest_lead_passes_over_a_time_stamp_a_headline_or_an_aside(text, lead):
    from index.quotes import lead_sentences

    assert lead_sentences(text).startswith(lead)


def test_a_list_item_without_a_full_stop_may_be_quoted_but_not_a_signature():
    from index.quotes import quotable_sentences

    text = ("The council met on Monday.\n\n- The bridge reopens on Monday after two years of repairs\n\n"
            "“We did it,” the mayor wrote.\n\n— Mayor Ada Nwosu (@adanwosu) November 18, 2019")
    quotable = [text[s.start : s.end] for s in quotable_sentences(text)]
    assert "- The bridge reopens on Monday after two years of repairs" in quotable
    assert not any(line.startswith("—") for line in quotable)


def test_chinese_sentences_end_with_their_own_full_stop_and_may_be_quoted():
    from index.quotes import quotable_sentences

    text = "图注：会议现场\n\n市政府周一宣布，新地铁线将于明年开通。这条线路连接机场和市中心！"
    assert [text[s.start : s.end] for s in quotable_sentences(text)] == [
        "市政府周一宣布，新地铁线将于明年开通。", "这条线路连接机场和市中心！"]
