"""`briefbot eval`: the report's figures on the dev questions, the floors they must keep, and the command."""

import json
from pathlib import Path

import pytest

from bot.cli import main
from index.evaluate import evaluate, table


def test_the_hybrid_keeps_its_floors_and_beats_each_retriever_alone(corpus_library, corpus_articles, dev_questions):
    library, _ = corpus_library
    urls = {a["id"]: a["url"] for a in corpus_articles}
    report = evaluate(library, dev_questions, urls)
    print("\n" + table(report))
    hybrid, dense, keyword = report["hybrid"], report["dense"], report["keyword"]
    # Floors below which a change is a regression (the quality issue's targets are higher; see the README).
    assert hybrid["factoid"]["hit@3"] >= 0.95 and hybrid["factoid"]["hit@1"] >= 0.9
    assert hybrid["paraphrase"]["hit@3"] >= 0.85
    assert hybrid["multi"]["both_quoted"] >= 0.85
    assert hybrid["all"]["wrongly_declined"] <= 0.05
    # Measured 0.8 (the target is 0.7): no article on the subject, a measure or a count the nearest article never
    # gives, someone's words never on what they are asked about.
    assert hybrid["unanswerable"]["declined"] >= 0.7
    assert hybrid["all"]["hit@3"] >= max(dense["all"]["hit@3"], keyword["all"]["hit@3"])
    # Measured 0.871 for factoids, the quality issue's target being 0.85 (0.743 before an answer's article could
    # add the excerpt its quote lacks, 0.857 before a sentence alone in its paragraph could take the next one's).
    assert hybrid["factoid"]["quote_hit"] >= 0.85
    assert hybrid["all"]["quote_hit"] >= max(dense["all"]["quote_hit"], keyword["all"]["quote_hit"])
    # Latency is reported but not asserted: speed is measured by bench/ask.py, not by a timed test.


def test_questions_the_library_has_no_article_on_are_declined(corpus_library):
    """39 general-knowledge questions written for this test (bench/offtopic_questions.jsonl), none about the
    corpus's stories: measured 0.85 declined by the hybrid at 8071fcb (0.75 earlier; 0.475 before meaning alone
    decided, see the README), of the 40 the set held until "How many moons does Jupiter have?" was found to be
    answered by the library (Hawaii News Now on Europa: "one of Jupiter's 79 moons"; fresh set 78)."""
    library, _ = corpus_library
    path = Path(__file__).resolve().parents[2] / "bench" / "offtopic_questions.jsonl"
    questions = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    report = evaluate(library, questions, {}, ("hybrid",))
    assert report["hybrid"]["unanswerable"]["declined"] >= 0.7


def test_near_misses_of_our_own_are_declined_and_questions_for_words_said_answered(corpus_library):
    """bench/near_miss_questions*.jsonl: 1,153 questions on covered subjects for a detail no article gives, in
    ninety-six sets written from 2026-12-02 to 2026-12-06 (the last ninety-four from articles drawn at random,
    or from the seventy-third on among those least asked about, each first asked before the rules measured on
    it; the fourteenth, 8 in four other languages, is declined 1 in 8): measured 758 of 1,153 declined (0.657;
    when each set was first asked, 0.125 to 0.818).
    bench/speech_questions.jsonl: 16 answerable "What did X say about Y?", none declined by the speaker's-topic
    rule. The floor guards the rules against a change that quietly undoes one."""
    library, _ = corpus_library
    bench = Path(__file__).resolve().parents[2] / "bench"
    near = [json.loads(line) for path in sorted(bench.glob("near_miss_questions*.jsonl"))
            for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(near) == 1153
    assert evaluate(library, near, {}, ("hybrid",))["hybrid"]["unanswerable"]["declined"] >= 0.6
    said = [json.loads(line) for line in (bench / "speech_questions.jsonl").read_text(encoding="utf-8").splitlines()]
    assert not [q["question"] for q in said if not library.ask(q["question"]).answered]


def test_the_writers_note_answers_what_the_writer_has_written_only(corpus_library):
    """bench/fresh_questions_106.jsonl: CityLab's neon article ends with its writer's note ("Sarah Archer is the
    author of The Midcentury Kitchen."), which was never quoted; a note still answers no other question about
    its writer ("Which smartphone does Bill Thompson use?" is answered in the body of his column)."""
    library, _ = corpus_library
    answer = library.ask("Which book did Sarah Archer write?")
    assert answer.answered and "The Midcentury Kitchen" in answer.quotes[0].text
    other = library.ask("Which smartphone does Bill Thompson use?")
    assert other.answered and "regular commentator" not in other.quotes[0].text


def test_a_quote_without_the_measure_gives_way_to_one_that_gives_it_with_every_word(corpus_library):
    """bench/fresh_questions_78.jsonl: the Europa plumes article came first (a sentence on Jupiter, the moon and
    "dozens of flybys") and the question was declined for lacking the number of moons, which Hawaii News Now's
    article gives in its lead."""
    library, _ = corpus_library
    answer = library.ask("How many moons does Jupiter have?")
    assert answer.answered and "Jupiter’s 79 moons" in answer.quotes[0].text


def test_a_further_quote_is_on_the_question_not_on_one_of_its_words(corpus_library):
    """bench/headline_questions.txt: the Cell chip question had a third quote on Google's Stadia ("Google is
    betting on streaming …"), an article found for "games" and "console", far from the question in meaning."""
    library, _ = corpus_library
    answer = library.ask("When and where will IBM start making the processor for Sony's next games console?")
    sources = [quote.article.source for quote in answer.quotes]
    assert sources == ["BBC News", "BBC News"]
    assert any("start producing the chip in early 2005" in q.text for q in answer.quotes)


def test_a_country_named_by_its_peoples_adjective_is_met_by_its_short_form(corpus_library):
    """bench/body_questions.jsonl: "the American bill" was first answered from an article that writes
    "American" (on Xi's view of the "American-led" order), not from the one on the bill in the "US Senate"."""
    library, _ = corpus_library
    answer = library.ask("What would the American bill on Hong Kong human rights do to officials responsible "
                         "for abuses?")
    assert "economic sanctions and a travel ban" in answer.quotes[0].text


def test_what_someone_asked_is_answered_by_the_sentence_that_tells_the_question(corpus_library):
    """bench/body_questions.jsonl: the sentence that tells Emery's question ends with it quoted, and had been
    passed over as a question; it answers a question about what was asked, not others ("Why does the defence
    say Sullivan is blaming Ebbers?" is not answered by the lawyer's question to him)."""
    library, _ = corpus_library
    answer = library.ask("What did the Snopes writer David Emery ask on Twitter?")
    assert "asking if there were “any un-angry Trump supporters?”" in answer.quotes[0].text
    answer = library.ask("Why does the defence say Sullivan is blaming Ebbers?")
    assert "only to win a lighter sentence" in answer.quotes[0].text


def test_a_close_quote_answers_when_the_first_article_found_is_not_close(corpus_library):
    """bench/body_questions.jsonl: "What did Scott Sullivan admit in court?" was declined, the first article's
    passage at cosine 0.338, the second's 0.386; a Portuguese article close to an English question is no
    answer though, as MiniLM reads English only."""
    library, _ = corpus_library
    answer = library.ask("What did Scott Sullivan admit in court?")
    assert answer.answered and "Sullivan admitted" in answer.quotes[0].text
    assert not library.ask("What language is spoken in Brazil?").answered


@pytest.mark.parametrize(("typed", "floor"), [(str.lower, 0.6), (str.upper, 0.7)], ids=["lower", "capitals"])
def test_questions_typed_without_capitals_are_answered_and_declined_nearly_as_well(corpus_library, corpus_articles,
                                                                                   dev_questions, typed, floor):
    """The dev questions in lower case (`briefbot eval --lowercase`): a name is no longer told by its capital, so
    the words a dictionary does not list stand for names. Measured 0.6 of the unanswerable declined when
    written (0.4 before the dictionary; 0.8 since 2026-12-02), nothing answerable declined, factoid hit@3 as
    written. In capitals throughout, a question is read in lower case, as its capitals mark every word alike:
    measured 0.8 declined (0.5 when capitals were taken to name nothing and nothing was guessed)."""
    library, _ = corpus_library
    urls = {a["id"]: a["url"] for a in corpus_articles}
    retyped = [{**q, "question": typed(q["question"])} for q in dev_questions]
    hybrid = evaluate(library, retyped, urls, ("hybrid",))["hybrid"]
    assert hybrid["unanswerable"]["declined"] >= floor
    assert hybrid["all"]["wrongly_declined"] <= 0.05 and hybrid["factoid"]["hit@3"] >= 0.95


def test_questions_for_a_measure_or_a_count_are_answered_or_declined_as_expected(corpus_library):
    """bench/measure_questions.jsonl: questions of our own for a measure or a count, each marked with what the
    corpus's articles allow (an answer, or a decline for a figure the nearest article never gives)."""
    library, _ = corpus_library
    path = Path(__file__).resolve().parents[2] / "bench" / "measure_questions.jsonl"
    questions = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    wrong = [q["question"] for q in questions if library.ask(q["question"]).answered != (q["expected"] == "answer")]
    assert not wrong


def test_the_eval_command_prints_the_table_for_a_small_set(tmp_path, corpus, dev_questions, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    chosen = [q for q in dev_questions if q["kind"] == "factoid"][:4] + [
        q for q in dev_questions if q["kind"] == "unanswerable"][:2]
    needed = {i for q in chosen for i in (q.get("acceptable_article_ids") or []) if isinstance(i, str)}
    chosen[0] = {k: v for k, v in chosen[0].items() if k != "answer_passage"}  # written without reading: no quote hit
    lines = (corpus / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    articles = [line for line in lines if json.loads(line)["id"] in needed or "bbc-" in json.loads(line)["id"]][:60]
    (tmp_path / "articles.jsonl").write_text("\n".join(articles) + "\n", encoding="utf-8")
    (tmp_path / "questions.jsonl").write_text("\n".join(json.dumps(q) for q in chosen) + "\n", encoding="utf-8")
    assert main(["eval", "--corpus", str(tmp_path / "articles.jsonl"), "--questions",
                 str(tmp_path / "questions.jsonl"), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert set(report) == {"keyword", "dense", "hybrid"}
    assert report["hybrid"]["factoid"]["hit@3"] == 1.0 and report["hybrid"]["all"]["questions"] == 6


def test_an_answer_passage_may_be_given_by_its_place_in_the_article():
    from index.evaluate import with_passages

    texts = {"a1": "First sentence. The answer is here. Last one."}
    questions = [{"question": "Q?", "article_id": "a1", "answer_span": [16, 35]},
                 {"question": "R?", "article_id": "a1", "answer_passage": "Last one."},
                 {"question": "S?", "article_id": "gone", "answer_span": [0, 5]}]
    passages = [q.get("answer_passage") for q in with_passages(questions, texts)]
    assert passages == ["The answer is here.", "Last one.", None]


def test_a_miss_is_named_by_the_first_measure_it_failed():
    from index.evaluate import missed_by

    assert missed_by({"wrongly_declined": 0.0, "hit@1": 1.0, "hit@3": 1.0, "quote_hit": 0.0}) == (
        "no quote holds the answer")
    assert missed_by({"wrongly_declined": 0.0, "hit@1": 0.0, "hit@3": 0.0, "quote_hit": 0.0}) == (
        "no acceptable article quoted")
    assert missed_by({"wrongly_declined": 1.0, "hit@1": 0.0, "hit@3": 0.0, "quote_hit": 0.0}) == (
        "declined though answerable")
    assert missed_by({"declined": 0.0}) == "not declined" and missed_by({"declined": 1.0}) == ""
    assert missed_by({"wrongly_declined": 0.0, "both_quoted": 0.0}) == "not both articles quoted"
    assert missed_by({"wrongly_declined": 0.0, "hit@1": 0.0, "hit@3": 1.0, "quote_hit": 1.0}) == (
        "an acceptable article quoted, but not first")
    assert missed_by({"wrongly_declined": 0.0, "hit@1": 1.0, "hit@3": 1.0, "quote_hit": 1.0}) == ""


def test_a_quote_holds_the_answer_wherever_the_article_writes_its_passage():
    from types import SimpleNamespace

    from index.evaluate import score
    from index.models import Answer, Article, Quote

    text = "Ann Lee, the firm's economist, said it fell. Rain came. \"It is dry,\" said Ann Lee, the firm's economist."
    article = Article(url="https://example.com/a", title="T", text=text, id=1)
    library = SimpleNamespace(store=SimpleNamespace(urls=lambda article_id: ["https://example.com/a"]))
    question = {"kind": "factoid", "acceptable_article_ids": ["a"], "answer_passage": "Ann Lee, the firm's economist"}
    later = text.index('"It is dry')
    for start, end, held in ((later, len(text), 1.0), (45, 55, 0.0)):  # the second writing of it; neither
        quote = Quote(text=text[start:end], article=article, start=start, end=end, score=1.0, link="")
        answer = Answer(question="Who is the firm's economist?", answered=True, quotes=(quote,))
        assert score(library, question, answer, {"a": "https://example.com/a"})["quote_hit"] == held
