"""Sentences and passages: offsets into the text, sentence boundaries, the model's budget."""

from index.chunking import paragraphs, passages, sentences, word_count


def texts(text, spans):
    return [text[s.start : s.end] for s in spans]


def test_sentences_keep_abbreviations_initials_and_numbers_together():
    text = ('Mr. Smith went to Washington, D.C. on Monday. He said: "It is fine." Then U.S. officials left. '
            "The price was 3.5 million dollars! Really? J. K. Rowling agreed.")
    assert texts(text, sentences(text)) == [
        "Mr. Smith went to Washington, D.C. on Monday.", 'He said: "It is fine."', "Then U.S. officials left.",
        "The price was 3.5 million dollars!", "Really?", "J. K. Rowling agreed.",
    ]


def test_a_closing_quote_followed_by_lower_case_continues_the_sentence():
    text = "“Obviously, the state starts to crumble,” he said. Nobody came."
    assert texts(text, sentences(text)) == ["“Obviously, the state starts to crumble,” he said.", "Nobody came."]


def test_a_dateline_and_the_attribution_of_a_quoted_question_stay_in_the_sentence():
    text = ("ST. JOSEPH, Mich. (AP) — Health authorities report a sixth death. Dekalb, Ill. — Glass threw twice. "
            "“So he’s going to do the investigation?” Holmes testified. “Why?” Nobody answered.")
    assert texts(text, sentences(text)) == [
        "ST. JOSEPH, Mich. (AP) — Health authorities report a sixth death.", "Dekalb, Ill. — Glass threw twice.",
        "“So he’s going to do the investigation?” Holmes testified.", "“Why?”", "Nobody answered.",
    ]


def test_a_name_with_a_full_stop_inside_stays_in_its_sentence():
    # "ID." ends no sentence when the rest of the name closes the line; a sentence that goes on in lower case
    # after capitals, or a credit without a full stop, is still a sentence of its own.
    text = "VW showed a wagon called the ID. Space Vizzion Concept.\nThey moved to the US. Then they left.\n" \
           "More than 300 people were deported to the US. PTI"
    assert texts(text, sentences(text)) == [
        "VW showed a wagon called the ID. Space Vizzion Concept.", "They moved to the US.", "Then they left.",
        "More than 300 people were deported to the US.", "PTI",
    ]


def test_sentences_never_cross_a_line_break():
    text = "A headline without a stop\nThe body starts here. It goes on."
    assert texts(text, sentences(text)) == ["A headline without a stop", "The body starts here.", "It goes on."]


def test_paragraphs_are_blocks_between_blank_lines():
    text = "One.\n\n  Two, indented.  \n\n\nThree."
    assert texts(text, paragraphs(text)) == ["One.", "Two, indented.", "Three."]


def test_passages_cover_every_sentence_in_order_within_the_budget():
    sentence = "The council voted on the new budget for the city schools today. "
    text = "\n\n".join(sentence * 7 for _ in range(10)).strip()
    spans = passages(text, target_words=120, max_words=170)
    assert len(spans) > 1
    assert all(word_count(text[s.start : s.end]) <= 170 for s in spans)
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:], strict=False))
    covered = "".join(text[s.start : s.end] for s in spans)
    assert word_count(covered) == word_count(text)
    # Every passage starts and ends on a sentence boundary.
    starts = {s.start for s in sentences(text)}
    ends = {s.end for s in sentences(text)}
    assert all(s.start in starts and s.end in ends for s in spans)


def test_a_sentence_longer_than_the_budget_is_cut_between_words():
    text = " ".join(f"word{i}" for i in range(400))
    spans = passages(text, target_words=120, max_words=170)
    assert [word_count(text[s.start : s.end]) for s in spans] == [170, 170, 60]
    assert " ".join(text[s.start : s.end] for s in spans) == text


def test_a_short_tail_joins_the_previous_passage():
    text = ("Alpha beta gamma delta epsilon zeta eta theta. " * 15) + "Short end."
    spans = passages(text, target_words=120, max_words=170)
    assert text[spans[-1].start : spans[-1].end].endswith("Short end.")
    assert word_count(text[spans[-1].start : spans[-1].end]) > 3


def test_chinese_and_japanese_sentences_end_without_a_space():
    text = "市政府周一宣布，新地铁线将于明年开通。这条线路连接机场和市中心！他说：「好。」然后走了。"
    assert [text[s.start : s.end] for s in sentences(text)] == [
        "市政府周一宣布，新地铁线将于明年开通。", "这条线路连接机场和市中心！", "他说：「好。」", "然后走了。"]
