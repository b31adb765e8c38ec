"""Quote selection (pure, given the passages found): which sentences of which articles answer the question.

1. In each article found, every sentence is scored by how much of the question's weight it holds, a word
   weighing its IDF in the library times its IDF among the article's sentences (half for headline words):
   the article's subject found the article, the words rare inside it find the sentence. The best sentence
   becomes a quote together with the neighbour that gives it context. Subheads, captions, bylines, other
   stories' headlines and sentences on a namesake of a name asked about are never quoted.
2. Up to three quotes come from different articles, only while they stay close to the best one. The first
   may add a second excerpt of its article: the sentence that holds what the quote lacks.
3. Each quote links to its article with a text fragment that opens the page at the quote.
Which sentences an article has, and which are subheads or captions, is `layout`'s part.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from urllib.parse import quote as percent_encode

from . import answer_types
from .answer_types import AnswerType
from .chunking import Span, paragraphs
from .layout import (
    author_note,
    heads_of,
    is_question,
    lead_index,
    mostly_tells,
    reports_question,
    section,
    sentence_bags,
    subheads,
    writers,
)
from .models import Article, Passage
from .search import ALL_WORDS, Candidate, SearchConfig
from .words import (
    STOPWORDS,
    TOKEN,
    bag_coverage,
    content_terms,
    coverage,
    designations,
    is_english,
    is_listed_name,
    is_ordinary_word,
    names,
    tokens,
    typed_without_capitals,
)

_ANAPHORA = re.compile(r"^[\"“‘']?(?:he|she|it|they|this|that|these|those|his|her|its|their|but|and|so|however|"
                       r"also|yet|then|there|such|both|the move|the company|the decision)\b", re.IGNORECASE)
MAX_QUOTE_CHARS = 700
OUTSIDE_PASSAGE = 0.5  # a sentence of a found article outside its found passages keeps half their rank
SENTENCE_RANK_WEIGHT = 0.25
BM25_K1, BM25_B = 1.2, 0.75  # Robertson's usual constants, used for sentence length inside an article


@dataclass(frozen=True, slots=True)
class ScoredQuote:
    article: Article
    span: Span
    score: float
    coverage: float
    cosine: float
    also: tuple[Span, ...] = ()  # a further excerpt of the article, holding what the quote lacks
    sentence: Span | None = None  # the sentence chosen, inside `span` (which adds its neighbour)


def _length_factor(length: int, mean_length: float) -> float:
    """BM25's length normalisation, with its usual constants (k1 = 1.2, b = 0.75), for a term found once:
    1 for a sentence of the article's mean length, more for a shorter one, less for a longer one. A long
    lead sentence that names everything in the question no longer beats the short one that answers it."""
    return (BM25_K1 + 1) / (1 + BM25_K1 * (1 - BM25_B + BM25_B * length / mean_length)) if mean_length else 1.0


def _typed_coverage(present: set[str], weights: dict[str, float], kind: AnswerType | None, typed: bool) -> float:
    """Coverage where the kind of answer asked for (a number for "how many") counts as one more word of the
    question, as heavy as its heaviest word: a sentence that holds the words but no answer scores less than
    one that also holds the answer."""
    if kind is None or not weights:
        return bag_coverage(present, weights)
    extra = max(weights.values())
    held = sum(w for t, w in weights.items() if t in present) + (extra if typed else 0.0)
    return held / (sum(weights.values()) + extra)


def _typed(text: str, spans: Sequence[Span], headings: Sequence[bool], kind: AnswerType | None,
           measure: answer_types.Measure | None, question: str) -> tuple[list[bool], bool]:
    """(whether each sentence holds the kind of answer asked for, whether that is the measure asked for). A
    quantity asked for by its units ("how far": miles, kilometres) is held by the sentences that write those
    units, where the article has any; otherwise by any number, as for a count."""
    if kind is None:
        return [False] * len(spans), False
    if measure is not None:
        typed = [not heading and answer_types.holds_measure(measure, text[s.start : s.end])
                 for s, heading in zip(spans, headings, strict=True)]
        if any(typed):
            return typed, True
    return [not heading and answer_types.holds(kind, text[s.start : s.end], question)
            for s, heading in zip(spans, headings, strict=True)], False


def _heading_the_section(text: str, spans: Sequence[Span], headings: Sequence[bool], i: int,
                         question: str) -> list[int]:
    """The subheads above sentence i's section that name what the question does: the name-like words of the
    subhead (capitalised, or a number), from the first the question writes to the first other word, are the
    question's name there, no more and no less. "Amazon Echo Buds for $130" heads no section on the AirPods Pro,
    nor "Apple iPhone 11 Pro Max for $999" one on the iPhone 11, nor "Speaker One for $300" one on the Speaker
    One Max; "Apple" may stand before the name."""
    known = {w.lower() for w in TOKEN.findall(question)}
    asked = [[w.lower() for w in run] for run in _name_runs(TOKEN.findall(question)[1:])]  # not its first word

    def naming(line: str) -> bool:
        words = TOKEN.findall(line)
        at = next((k for k, w in enumerate(words) if _name_like(w) and w.lower() in known
                   and w.lower() not in STOPWORDS), None)  # not "The newly selected five are:"
        if at is None:
            return False
        run = [w.lower() for w in itertools.takewhile(_name_like, words[at:])]
        whole = next((r for r in asked if run[0] in r), run)
        return set(run) <= known and set(whole) <= set(run)

    return [j for j in heads_of(subheads(text), i) if naming(text[spans[j].start : spans[j].end])]


def _name_like(word: str) -> bool:
    return word[0].isupper() or word[0].isdigit() or word[:1] == "i" and word[1:2].isupper()  # "iPhone"


def _name_runs(words: Sequence[str]) -> list[list[str]]:
    """The runs of name-like words among `words` ("the Kestrel Speaker One Max" -> Kestrel Speaker One Max)."""
    runs: list[list[str]] = []
    for k, word in enumerate(words):
        if _name_like(word):
            if k and _name_like(words[k - 1]):
                runs[-1].append(word)
            else:
                runs.append([word])
    return runs


def lacking_measure(quote: ScoredQuote, question: str, names: Sequence[str] = ()) -> answer_types.Measure | None:
    """The measure an English question asks for ("how far": the distance) when the quote's article does not
    give one where the quote stands (no distance in miles, kilometres, …), else None. "Where it stands": the
    quoted sentences' sections, between subheads, as in a round-up each section is about a subject of its own
    (the Sentra's section never gives its mileage; the RAV4's does), and not on a namesake of a name asked about
    ("the $1,000 Meta Quest Pro" gives no price of the Vision Pro). Articles in other languages write their
    units in their own words, so only English (or unlabelled) articles are judged; a question that asks
    something else too ("… and how big is it?") may be answered in part, so it is not judged either."""
    measure = answer_types.measure_asked(question) if is_english(question) else None
    article = quote.article
    if measure is None or answer_types.asks_several(question) or not article.in_english:
        return None
    text = article.text
    spans, _, headings = sentence_bags(text)
    quoted = [i for i, s in enumerate(spans) for part in (quote.span, *quote.also)
              if s.start < part.end and part.start < s.end]
    sections = {section(subheads(text), i) for i in quoted} or {(0, len(spans))}
    heads = [text[spans[j].start : spans[j].end] for first, _ in sections
             for j in _heading_the_section(text, spans, headings, first, question)]
    # the headline, shown with every quote, gives it too ("3 pro-Morales demonstrators killed in clashes …")
    giving = [text[spans[i].start : spans[i].end] for first, last in sections for i in range(first, last)
              if not headings[i]] + heads + [article.title]
    # the quote as shown: its sentences, their context, the second excerpt and the subhead shown with it
    shown = [text[spans[i].start : spans[i].end] for i in quoted if not headings[i]] + heads
    # A span of time is in most sentences of a story ("on Tuesday, two days after …"): one that answers how long
    # something lasted is in the quote as shown, or the headline, not anywhere in its section.
    if measure.name == "the duration":
        giving = shown + [article.title]
    role = answer_types.money_role(question) if measure.name == "the amount of money" else None
    period = answer_types.money_period(question) if measure.name == "the amount of money" else None
    aged = measure.name == "the age"
    counter = answer_types.counter_asked(question)  # whose own count is asked, if anyone's
    # A number the question writes is no answer to it ("How many LC 500 Convertibles …?": not the 500).
    own = re.findall(r"(?<![\w.,])\d[\d,.]*(?!\w)", question)
    if own:
        written = re.compile(rf"(?<![\w.,])(?:{'|'.join(map(re.escape, own))})(?!\w)")
        giving = [written.sub(" ", s) for s in giving]
        shown = [written.sub(" ", s) for s in shown]
    # The quote as shown must hold a number where the measure is one: the section's number may be another's
    # ("How many followers does Jack Dorsey have?" by his words on follower counts, a friend's 1,500 further on).
    # A year is no such number ("… tried to purchase Ford's literary estate in the summer of 2007").
    if measure.needs_number and quoted and not any(
            answer_types.holds(AnswerType.QUANTITY, answer_types.years_out(s), question) for s in shown):
        return measure
    if any(answer_types.holds_measure(measure, s) and not names_another(s, names, question)
           and (role is None or role.search(s)) and (period is None or period.search(s))
           and not (aged and answer_types.ages_of_others(s, names))
           and not answer_types.counts_of_others(s, counter, measure)
           for s in giving):
        return None
    return measure


def measure_in_sentence(quote: ScoredQuote, question: str, names: Sequence[str]) -> bool:
    """Whether an English question for a measure ("How long would the cruise from Earth to Mars last?") meets,
    in the quoted sentence itself, that measure with every word of the question but one, its names all among
    them ("… during their projected 180-day Earth-Mars cruise"): such a sentence answers however far its
    passage is in meaning, as a short question on one figure stays far from the paragraph around it. The words
    that ask for the measure ("how long") are not looked for, and a namesake's figure does not count."""
    measure = answer_types.measure_asked(question) if is_english(question) else None
    if measure is None or quote.sentence is None or not quote.article.in_english:
        return False
    sentence = quote.article.text[quote.sentence.start : quote.sentence.end]
    if not answer_types.holds_measure(measure, sentence) or names_another(sentence, names, question):
        return False
    held = set(tokens(sentence))
    asking = set(tokens(answer_types.quantity_phrase(question)))
    missing = [t for t in content_terms(question) if t not in held and t not in asking]
    named = {t for name in names for t in tokens(name)}
    return len(missing) <= 1 and not named.intersection(missing)


def measure_in_heading(quote: ScoredQuote, question: str) -> bool:
    """Whether an English question for a measure meets it in the subhead of the quote's section, a subhead that
    names what the question does ("How much does the Sonos Move cost?" in a round-up whose section on it is
    headed "Sonos Move for $400"): such a subhead, shown with the quote, answers however far the section's
    passage is in meaning."""
    measure = answer_types.measure_asked(question) if is_english(question) else None
    if measure is None or quote.sentence is None or not quote.article.in_english:
        return False
    text = quote.article.text
    spans, _, headings = sentence_bags(text)
    at = next((i for i, s in enumerate(spans) if s.start == quote.sentence.start), None)
    if at is None:
        return False
    role = answer_types.money_role(question) if measure.name == "the amount of money" else None
    return any(answer_types.holds_measure(measure, head) and (role is None or role.search(head))
               for head in (text[spans[j].start : spans[j].end]
                            for j in _heading_the_section(text, spans, headings, at, question)))


def age_beside_name(quote: ScoredQuote, question: str, names: Sequence[str]) -> bool:
    """Whether an English question for someone's age ("How old is Bernard Ebbers?") meets, in the quote as
    shown, that age written right beside their name, as news writes it (`answer_types.age_by_name`): only
    their own age stands there, not another's in the same sentence ("The former Dawson's Creek star, 42, …
    against singer Ally Brooke")."""
    measure = answer_types.measure_asked(question) if is_english(question) else None
    if measure is None or measure.name != "the age" or not names:
        return False
    return answer_types.age_by_name(_shown_text(quote), names)


def noun_beside_name(quote: ScoredQuote, question: str, names: Sequence[str]) -> bool:
    """Whether an English question for one of a kind ("Which developer made Gylt?") meets a quoted sentence
    that writes every name the question asks about and that kind right before a name the question does not
    write, as news names someone or something by what they are ("… indie developer Tequila Works' Gylt",
    "carmaker Nissan")."""
    found = _WHICH_NOUN.match(question) if is_english(question) and names else None
    if found is None or quote.sentence is None:
        return False
    sentence = quote.article.text[quote.sentence.start : quote.sentence.end]
    if not all(name.lower() in sentence.lower() for name in names):
        return False
    asked = {w.lower() for name in names for w in TOKEN.findall(name)}
    noun = re.escape(found.group(1))
    return any(not {w.lower() for w in TOKEN.findall(m.group(1))} <= asked
               for m in re.finditer(rf"\b{noun}s?\s+((?-i:[A-Z])[\w'’&.-]*(?:\s+(?-i:[A-Z])[\w'’&.-]*)*)", sentence,
                                    re.IGNORECASE))


def workplace_beside_name(quote: ScoredQuote, question: str, names: Sequence[str]) -> bool:
    """Whether an English question for where someone works ("Where does Megan Baldridge work?", "Which think tank
    does Kurinji Selvaraj work for?") meets a quoted sentence that writes their name and, right after it, what
    they are and where, as news introduces someone ("…, said Megan Baldridge, a molecular microbiologist at
    Washington University in St. Louis")."""
    found = _WORKPLACE_Q.match(question) if is_english(question) else None
    person = found.group("person") if found else None
    if person is None or quote.sentence is None or not any(name in person for name in names):
        return False
    sentence = quote.article.text[quote.sentence.start : quote.sentence.end]
    surname = re.escape(person.split()[-1])
    return re.search(rf"\b{surname}\b,\s+(?:an?\s+|the\s+)?(?:[\w'’-]+\s+){{0,5}}?(?:at|of|with|for)\s+(?:the\s+)?"
                     r"(?-i:[A-Z])", sentence) is not None


def title_beside_owner(quote: ScoredQuote, question: str) -> bool:
    """Whether an English question for the name of someone's work ("What is Steve Adcock's blog called?", "What
    is the name of his podcast?") meets a quoted sentence that writes the owner's surname and the kind of work
    right before its title ("Steve Adcock wrote on his blog Think, Save, Retire", "his book “Financial
    Freedom …”"), as news names a work without "called"."""
    found = _TITLE_Q.match(question) if is_english(question) else None
    if found is None or quote.sentence is None:
        return False
    sentence = quote.article.text[quote.sentence.start : quote.sentence.end]
    surname = re.escape(found.group("owner").split()[-1])
    noun = re.escape(found.group("noun"))
    return re.search(rf"\b{surname}\b", sentence) is not None and \
        re.search(rf"\b{noun}\s+[\"“]?\s*(?-i:[A-Z])", sentence, re.IGNORECASE) is not None


_TITLE_Q = re.compile(r"^\s*what\s+(?:is|was)\s+(?:the\s+(?:name|title)\s+of\s+)?"
                      r"(?P<owner>(?-i:[A-Z])[\w.-]*(?:\s+(?-i:[A-Z])[\w.-]*)*)['’]s?\s+(?:new\s+|latest\s+|first\s+)?"
                      r"(?P<noun>book|novel|blog|podcast|album|song|film|movie|show|column|newsletter|company|firm|"
                      r"band|game|app)(?:\s+(?:called|named|titled))?\s*\??\s*$", re.IGNORECASE)


_WORKPLACE_Q = re.compile(r"^\s*(?:where\s+|(?:which|what)\s+(?:[\w-]+\s+){1,2}?)(?:does|did|do)\s+"
                          r"(?P<person>(?-i:[A-Z])[\w'’.-]*(?:\s+(?-i:[A-Z])[\w'’.-]*)*)\s+(?:work|teach|research)"
                          r"(?:\s+(?:for|at|in))?\s*\??\s*$", re.IGNORECASE)


_WHICH_NOUN = re.compile(r"^\s*(?i:which)\s+([a-z]{3,})\b(?!\s+(?:of|is|are|was|were)\b)")


def other_model(quote: ScoredQuote, question: str) -> str | None:
    """The model an English question names by its designation ("How many passengers does the Boeing 777X
    seat?") when the quote (its sentence and the context shown with it; a second excerpt only completes it)
    never writes it but writes another one ("… the 787-9 jet …, seating 242 to 330 passengers"): the quote
    is about another model, a near miss. None otherwise. Written alike with or without spaces, hyphens and
    capitals ("LC500", "LC 500"); a designation that begins another is the same model ("787", "787-9")."""
    if not is_english(question):
        return None
    asked = designations(question, lower=typed_without_capitals(question))
    if not asked:
        return None
    shown = quote.article.text[quote.span.start : quote.span.end]  # the answer, not a further excerpt

    def flat(code: str) -> str:
        return re.sub(r"[\s-]", "", code.lower())

    written = flat(shown)
    if any(flat(a) in written for a in asked):
        return None
    others = [d for d in designations(shown) if flat(d) not in flat(question)  # "LC500": the question's "LC 500"
              and not any(flat(d).startswith(flat(a)) or flat(a).startswith(flat(d)) for a in asked)]
    return asked[0] if others else None


# names asked side by side, as alternatives or together ("Which is bigger, Europa or Titan?"): each may be answered
# by an article of its own
_SIDE_BY_SIDE = r"\s*(?:,|\bor\b|\band\b|\bvs\.?|\bversus\b|&)\s*(?:the\s+)?"


def unwritten_name(quote: ScoredQuote, question: str, names: Sequence[str]) -> str | None:
    """A name an English question asks about that the quote's article never writes, not even in part (in its
    text, title, outlet or byline): "When will Stadia launch in Japan?" is not answered by a review of
    Stadia's launch that names no Japan. Only a name with a word of its own, or one the dictionary lists as a
    name: a name of ordinary words may be said otherwise ("Wall Street" for the New York Stock Exchange). A
    question that asks several things, or about names side by side, may be answered one name per article."""
    if (not is_english(question) or not quote.article.in_english or answer_types.asks_several(question)
            or re.search(r"[?!](?=\s+\S)|\.(?=\s+[A-Z])", question.strip())):
        return None
    asked = [n for n in names if not answer_types.is_time(n) and len(n) > 1]
    if any(re.search(re.escape(a) + _SIDE_BY_SIDE + re.escape(b), question)
           for a, b in itertools.permutations(asked, 2)):
        return None
    for name in asked:
        own = [w for w in TOKEN.findall(name) if not is_ordinary_word(w.lower()) or is_listed_name(w)]
        if own and not _names_partly_written(quote.article, [tokens(name)]):
            return name
    return None


_QUOTATION = re.compile(r"[\"“”]")


def _speech(article: Article, speaker_words: set[str]) -> list[int]:
    """The sentences of an article that report one of those words' owner speaking: the word beside a verb of
    saying or a quotation ("Pelosi said …", "… ," Pelosi told reporters), or after "according to"."""
    spans, bags, _ = sentence_bags(article.text)
    heard = []
    for i, (s, bag) in enumerate(zip(spans, bags, strict=True)):
        said = answer_types.speakers(article.text[s.start : s.end]) if bag & speaker_words else None
        if said is not None and speaker_words.intersection(t for w in TOKEN.findall(said) for t in tokens(w)):
            heard.append(i)
    return heard


def _speaker_words(question: str, names: Sequence[str], article: Article) -> tuple[str, set[str]] | None:
    """Whose words an English question asks for, as asked and as the words that name them, when the quote's
    article is English too, is not by them (its byline or its outlet, "What does Vox say …?" of a Vox
    article: their words throughout) and the question asks nothing else; else None."""
    speaker = answer_types.speaker_asked(question, names) if is_english(question) else None
    if speaker is None or not article.in_english or answer_types.asks_several(question):
        return None
    named = {w.lower() for name in names for w in TOKEN.findall(name)}
    written = TOKEN.findall(speaker)
    words = {t for w in written if w[0].isupper() or w.lower() in named for t in tokens(w)} - STOPWORDS
    # Typed without capitals, a name's words the dictionary lists as common words are not guessed ("kathleen
    # hawk sawyer" names "kathleen"): once one word of the speaker is, their other words (titles aside) name
    # them too, so that "Hawk Sawyer said …" is heard.
    if words and typed_without_capitals(question):
        words |= {t for w in written if w.lower() not in _NO_NAME for t in tokens(w)}
    own = set(tokens(" ".join([article.author or "", article.source or "", *writers(article.text)])))
    return (speaker, words) if words and not words & own else None


# "Where was Grace Mugabe born?", "In which town was Hitler born?", "When was he born?": someone's birth, which
# the answer writes as such ("was born in", "Chicago-born", "a native of", "her birthplace").
_BORN_Q = re.compile(r"^\s*(?P<ask>where|when|in\s+(?:what|which)\s+\w+|what\s+year)\s+(?:was|were)\b.*\bborn\b",
                     re.IGNORECASE)
_BIRTH = re.compile(r"\b(?:born|births?|birthplace|birthday|native|natives|née)\b", re.IGNORECASE)
# "When did John M. Ford's father die?", "Where was he killed?": the time or the place of a death, which the
# answer tells as past ("I'm going to die" tells none)
_DIED_Q = re.compile(r"^\s*(?P<ask>where|when|in\s+(?:what|which)\s+\w+|what\s+year)\s+(?:did|was|were)\b.*"
                     r"\b(?:die|killed)\s*\??\s*$", re.IGNORECASE)
_DEATH = re.compile(r"\b(?:died|deaths?|dead|deceased|killed|passed\s+away|funeral|obituary)\b", re.IGNORECASE)


def lacking_birth_or_death(quote: ScoredQuote, question: str) -> str | None:
    """What an English question asks of someone's birth or death ("the place of birth", "the date of death")
    when the quote, as shown, never speaks of one: a quote that only names them ("Lee Jae-myung, leader of the
    opposition, described …") tells neither where nor when they were born, whatever place or year it gives;
    nor does "John Milo Ford was born … in 1957" tell when his father died."""
    if not is_english(question) or not quote.article.in_english:
        return None
    for asking, told, event in ((_BORN_Q, _BIRTH, "birth"), (_DIED_Q, _DEATH, "death")):
        asked = asking.match(question)
        if asked is not None and not told.search(_shown_text(quote)):
            ask = asked.group("ask").lower()
            return f"the date of {event}" if ask == "when" or ask.endswith("year") else f"the place of {event}"
    return None


# "Who designed the Stadia controller?": someone asked for by what they did, which the answer tells in the same
# verb ("designed by …"), its doer's noun ("designer …") or the words news writes it with ("Who won …?": "beat",
# "victory", "champion"). A verb's past or present form, as the question writes it right after "who".
_WHO_DID = re.compile(r"^\s*who\s+(?:will\s+|would\s+)?(?!(?:is|was|has|does|says|said)\b)"
                      r"(?P<verb>(?-i:[a-z]+(?:ed|s)|won|wrote|led|stole|sold|ran|made|took|built|bought|chose|drove|"
                      r"gave|held|kept|paid|sang|spoke|told|began|beat|shot|hit|struck|caught|taught|brought|sent|"
                      r"met|threw|flew|grew|knew|drew|broke|fought|sought|found|win|write|lead|run|own|play|coach|"
                      r"replace|direct|design|score|host|make|take|build|buy|sell|chair|head|sponsor))"
                      r"(?:\s+(?P<then>[a-z]+))?\b", re.IGNORECASE)
# "Who helped prepare the answer?": the deed is the verb after the helper
_HELPERS = frozenset("helped helps tried tries agreed agrees refused refuses wanted wants planned plans hoped hopes "
                     "offered offers promised promises decided decides".split())
_IRREGULAR = {"won": "win", "wrote": "write", "led": "lead", "stole": "steal", "sold": "sell", "ran": "run",
              "made": "make", "took": "take", "built": "build", "bought": "buy", "chose": "choose", "drove": "drive",
              "gave": "give", "held": "hold", "kept": "keep", "paid": "pay", "sang": "sing", "spoke": "speak",
              "told": "tell", "began": "begin", "shot": "shoot", "struck": "strike", "caught": "catch",
              "taught": "teach", "brought": "bring", "sent": "send", "met": "meet", "threw": "throw", "flew": "fly",
              "grew": "grow", "knew": "know", "drew": "draw", "broke": "break", "fought": "fight", "sought": "seek",
              "found": "find"}
# the words news tells some deeds with, besides the verb's own forms and the nouns made from it; a phrase's words
# joined by "+" ("took+over": "took" and "over" alone tell nothing)
_DEED_WORDS = {
    "win": "won winner victory victorious beat beaten defeat defeated champion champions title triumph prize award "
           "awarded",
    "beat": "defeat defeated victory won win",
    "write": "wrote written writer author authored penned screenplay screenwriter script scripted",
    "score": "scorer goal goals netted touchdown",
    "direct": "director helmed film-maker filmmaker",
    "lead": "led leader head headed chief",
    "head": "chief leader led boss",
    "chair": "chairman chairwoman chairperson",
    "run": "ran head heads chief+executive ceo boss leader founder owner",
    "own": "owner bought acquired purchased stake",
    "find": "found discovered discovery spotted",
    "buy": "bought buyer purchased acquired",
    "sell": "sold seller offers offer deal",
    "replace": "replacement successor succeed succeeded named appointed took+over taking+over",
    "decide": "decision",
    "take": "took taken seized captured",
    "get": "got receive received",
    "host": "presenter presented",
    "make": "made maker manufacturer",
    "play": "played player starred",
}
_DEEDS = {tokens(verb)[0]: {t for word in told.split() if "+" not in word for t in tokens(word)}
          for verb, told in _DEED_WORDS.items()}
_DEED_PHRASES = {tokens(verb)[0]: re.compile("|".join(r"\b" + w.replace("+", r"\s+") + r"\b"
                                                       for w in told.split() if "+" in w), re.IGNORECASE)
                 for verb, told in _DEED_WORDS.items() if "+" in told}


def lacking_deed(quote: ScoredQuote, question: str) -> str | None:
    """What an English question asks when it asks who did something ("who designed the Stadia controller") and
    the quote's article never tells that deed: not in the verb's forms or a noun made from it ("designer",
    "complaint"), nor in the words news writes it with (`_DEED_WORDS`: "Who won …?" by "beat", "champion"). A
    review of the controller that never says who designed it does not answer, nor one that praises its "new
    design" (`_tells_deed`: a noun of the deed tells it only with its doer). The whole article is read, not
    the quote alone: judged on the quote as shown, it declined three answerable questions for each five near
    misses, where the answer stood in another of the article's sentences."""
    found = _WHO_DID.match(question) if is_english(question) else None
    if found is None or not quote.article.in_english or answer_types.asks_several(question):
        return None
    verbs = [found.group("verb").lower()]
    if verbs[0] in _HELPERS and found.group("then"):
        verbs.append(found.group("then").lower())
    told = set(tokens(quote.article.title)).union(*sentence_bags(quote.article.text)[1])  # kept per article
    text = f"{quote.article.title}\n{quote.article.text}"
    for verb in verbs:
        base = _IRREGULAR.get(verb, verb)
        # "gets" is too short for the stemmer's "-s": both readings; an irregular past as written too ("sent by")
        for stem in {tokens(base)[0], tokens(base[:-1] if base.endswith("s") else base)[0], tokens(verb)[0]}:
            phrases = _DEED_PHRASES.get(stem)
            # "found" is the past of "find" as well as the stem of "founded": written bare, it tells only the
            # irregular verb's deed ("Who founded Uber?" is not told by "… found themselves …")
            irregular_past = stem in _IRREGULAR and base != stem
            if told & _DEEDS.get(stem, set()) or phrases is not None and phrases.search(text) \
                    or _tells_deed(text, stem, past=verb != base or verb.endswith("ed"), bare=not irregular_past):
                return None
    asked = question.strip().rstrip("?").strip()
    return asked[0].lower() + asked[1:]


# A word of the deed's stem tells it as a verb ("designed", "designing"), by its doer ("designer", "director",
# "analysts"), or as the bare word or its plural where no determiner makes it a thing ("a new head-turning design"
# is the car's, "Ammar Askar wrote" tells nothing of it); a noun of the act ("discovery", "complaint", "drafting")
# tells it with "by" after it ("A complaint was made by the Board of Deputies").
_DEED_FORM = re.compile(r"[bdgklmnprt]?(?:e?d|ing|e?rs?|ors?|ists?|ants?)")  # "running", "runner"
_BARE_FORM = re.compile(r"e?s?")
_MADE = re.compile(r"\b(?:made|makes?|making)\s+(?:an?\s+|the\s+)?(?:\w+\s+)?$", re.IGNORECASE)  # "made a discovery"
_DETERMINED = re.compile(r"\b(?:a|an|the|its|his|her|their|our|my|your|this|that|these|those|new|whose|[\w]+['’]s)"
                         r"\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
_TO_BE_DONE = re.compile(r"\b(?:to|will|would|could|can|may|might|should|must|shall)\s+$", re.IGNORECASE)
_BY_AFTER = re.compile(r"^[^\w.!?\n]*(?:[\w'’-]+[^\w.!?\n]+){0,8}?by\s", re.IGNORECASE)  # in the same sentence


def _tells_deed(text: str, stem: str, past: bool = False, bare: bool = True) -> bool:
    """Whether a text tells the deed whose verb has this stem (see above); a deed done (`past`) is not told by
    what is to be done ("a battle to win the election" tells no one won it); the stem written bare tells it only
    where `bare`."""
    for found in re.finditer(rf"\b{re.escape(stem)}(\w*)", text, re.IGNORECASE):
        rest, before = found.group(1).lower(), text[max(0, found.start() - 40) : found.start()]
        alone = bare and _BARE_FORM.fullmatch(rest) and not _DETERMINED.search(before) \
            and not (past and _TO_BE_DONE.search(before))
        if _DEED_FORM.fullmatch(rest) or alone \
                or _MADE.search(before) or _BY_AFTER.match(text[found.end() : found.end() + 100]):
            return True
    return False


def lacking_time(quote: ScoredQuote, question: str) -> bool:
    """Whether an English question for a time to come ("When will US troops leave Afghanistan?") is quoted, as
    shown, without any time but past ones and the day a thing was said ("… talks for US troops to begin
    leaving …", "…, the ministry said on Tuesday"): a quote on the subject that gives no date does not answer
    when. A time that holds now is asked so too ("When is the Budget?"), and a time past by a question on the
    past, but any time by one on what was promised ("When did he promise they would leave?"). Not a question for
    the circumstances ("When is approval needed?")."""
    if not is_english(question) or not quote.article.in_english:
        return False
    shown = answer_types.own_times_out(answer_types.notes_out(_shown_text(quote)), question)
    if answer_types.asks_time_past(question):
        return not answer_types.gives_time_past(shown, question, quote.article.published)
    if answer_types.asks_time_foreseen(question):
        return not answer_types.holds(AnswerType.TIME, shown, question)
    if not answer_types.asks_time_ahead(question):
        return False
    return not answer_types.gives_time_ahead(shown, question, quote.article.published)


def unquoted_speaker(quote: ScoredQuote, question: str, names: Sequence[str] = ()) -> str | None:
    """Whose words an English question asks for ("What did Nancy Pelosi say about the hearings?") when the
    quote's article never reports them speaking, else None. Reported speech names its speaker beside a verb of
    saying or a quotation ("Pelosi said …", "… ," Pelosi told reporters); an article that names her otherwise
    ("Pelosi wants to wrap up impeachment …") is about her, not her words, a near miss. One word of the
    speaker as asked will do ("the Browns player": a sentence with "Browns" and "said"), and an article written
    by the speaker is their words throughout (its byline). English articles only, as the verbs are English.
    `names`: the question's names, those typed without capitals included ("nancy pelosi")."""
    article = quote.article
    asked = _speaker_words(question, names, article)
    return None if asked is None or _speech(article, asked[1]) else asked[0]


def _named(speaker: str, names: Sequence[str]) -> bool:
    """Whether a speaker is asked for by their name (capitalised, or a name of the question typed without
    capitals), not by what they are ("the Browns player")."""
    return all(w[0].isupper() or any(w.lower() in n.lower().split() for n in names) for w in TOKEN.findall(speaker))


def unheard_topic(quote: ScoredQuote, question: str, names: Sequence[str] = ()) -> tuple[str, str] | None:
    """Who is asked to have said what about what ("What did Kristi Noem say about the cost of the campaign?":
    "Kristi Noem", "the cost of the campaign") when the quote's article reports them speaking, but never on it:
    neither the topic's own noun ("cost") nor the last word of a name in it is written in their sentences of speech
    or in a quotation either side (their words run on, or are told before whose they are; the reporter's own
    sentence beside them is not their words), nor is the noun in the headline, which puts the whole article on
    its subject. A speaker asked for by what they are ("the Browns player") is not judged, as the article may
    name them; nor a byline's words. The topic is the question's phrase after "about", read only where it is a
    phrase, not a clause."""
    article = quote.article
    asked = _speaker_words(question, names, article)
    topic = answer_types.speech_topic(question) if asked else None
    if asked is None or topic is None:
        return None
    speaker, speaker_words = asked
    if not _named(speaker, names):
        return None
    head = answer_types.topic_head(topic)
    marks = [set(tokens(head))] if head else []
    # A name is met by its last word, as an article shortens a name it has given ("Mason Rudolph": "Rudolph").
    marks += [set(tokens(n.split()[-1])) - STOPWORDS - speaker_words for n in names if n in topic]
    marks = [m for m in marks if m]
    heard = _speech(article, speaker_words)
    if not marks or not heard:
        return None
    spans, bags, _ = sentence_bags(article.text)
    quoting = [j for i in heard for j in (i - 1, i + 1)
               if 0 <= j < len(spans) and _QUOTATION.search(article.text[spans[j].start : spans[j].end])]
    around = set().union(*(bags[j] for j in (*heard, *quoting)))
    # An article whose headline is on the topic has them speak on it ("Hearings go on": "We will finish this by
    # Christmas").
    if head and set(tokens(head)) <= set(tokens(article.title)):
        return None
    return None if any(m <= around for m in marks) else (speaker, topic)


def heard_in_quote(quote: ScoredQuote, question: str, names: Sequence[str] = ()) -> bool:
    """Whether an English question for someone's words ("What does Buser think of the creativity from game
    developers?") meets them speaking in the quoted sentences themselves, on a word of the question besides
    their name and the verb, and on the topic's own noun where one is asked ("about the cost …": "cost"). Such a
    quote answers however far its passage is in meaning: a short question on one remark stays far from the
    paragraph around it. Only a speaker named by a capital or a name of the question is judged, not one asked
    for by what they are ("the Browns player")."""
    article = quote.article
    asked = _speaker_words(question, names, article)
    if asked is None:
        return False
    speaker, speaker_words = asked
    if not _named(speaker, names):
        return False
    spans, bags, _ = sentence_bags(article.text)
    quoted = [i for i, s in enumerate(spans) if quote.span.start <= s.start < quote.span.end]
    if not set(_speech(article, speaker_words)).intersection(quoted):
        return False
    shown = set().union(*(bags[i] for i in quoted))
    topic = answer_types.speech_topic(question)
    head = answer_types.topic_head(topic) if topic else None
    if head and not set(tokens(head)) <= shown:
        return False
    verbs = {t for verb in answer_types.SPEECH_VERBS for t in tokens(verb)}
    return bool((set(content_terms(question)) - speaker_words - verbs) & shown)


def unnamed(quote: ScoredQuote, question: str) -> str | None:
    """Who or what an English question asks for by what they are ("What is the name of the hunter who …?": "the
    hunter"; "Which hospital treated him?": "the hospital") when the quote as shown (its sentence, the context and
    excerpt shown with it) names nobody, or nothing, the question does not ("A HUNTER who killed and ate a wild
    rabbit in China has …"), else None. Only the quote is read: a name elsewhere in the article may be anyone's.
    Someone is named by two words or a title ("Lewis Ward", "Mr Smith"); a thing by one ("Netcraft")."""
    if not is_english(question) or not quote.article.in_english or answer_types.asks_several(question):
        return None
    person = answer_types.person_asked(question)
    thing = None if person else answer_types.thing_asked(question)
    if person is None and thing is None:
        return None
    if person:
        naming = _naming_part(quote, person)
        if not answer_types.names_someone(naming, question) or answer_types.office_unwritten(person, naming) \
                or answer_types.office_of_another(person, naming, question):
            return person
        return None
    shown = _shown_text(quote)
    # A place known by a name that says what it is ("Royal Shrewsbury Hospital", "the University of York") is
    # written with its noun: another place's name does not answer ("Which university did she attend?").
    noun = thing.split()[-1].lower()
    one = noun[:-3] + "y" if noun.endswith("ies") else noun[:-1] if noun.endswith("s") else noun  # "universities"
    if answer_types.named_with_its_noun(noun) and not re.search(rf"\b{re.escape(one)}", shown, re.IGNORECASE):
        return thing
    return None if answer_types.holds(answer_types.AnswerType.NAME, shown, question) else thing


def paragraph_holds_all(quote: ScoredQuote, weights: dict[str, float]) -> bool:
    """Whether the paragraph of the quote's sentence holds every content word of the question: news quotes
    someone over several sentences and names them once ("… There are three positive indicators for growth – ….
    Now, we expect broader markets to outperform," said Sanjiv Bhasin), where the passage around it, on other
    things too, may stay far in meaning from a short question."""
    text = quote.article.text
    paragraph = next((p for p in paragraphs(text) if p.start <= quote.span.start < p.end), None)
    return paragraph is not None and coverage(text[paragraph.start : paragraph.end], weights) >= ALL_WORDS


def _shown_text(quote: ScoredQuote) -> str:
    """The quote as a reader sees it: its span (the sentence and its context) and any further excerpt."""
    return " ".join(quote.article.text[part.start : part.end] for part in (quote.span, *quote.also))


def _naming_part(quote: ScoredQuote, person: str) -> str:
    """What of a quote as shown may name the one asked for by what they are ("the architect"): its sentence and
    what follows it, as a name follows the description it goes with ("… the NYAG, Letitia James"), up to the
    excerpt right after the quote; and any other part that says what they are. A sentence shown before the quote
    for context, or an excerpt further off, names someone else ("Interior Minister Wolfgang Peschorn … said"
    before "Architects … will be invited to submit plans"), unless it opens with a name and no title and the
    quoted sentence names no one: that one is its subject."""
    text, span = quote.article.text, quote.span
    start = quote.sentence.start if quote.sentence is not None else span.start
    head = re.compile(rf"\b{re.escape(person.split()[-1])}", re.IGNORECASE)
    parts = [text[start : span.end]]
    before = text[span.start : start]
    # A sentence before that opens with a name and no title, where the quoted one names no one, is its subject
    # ("Vanessa Hicks said … The photo, from a military family's newborn photo shoot, showed …"); one that opens
    # with an office names its holder, someone else ("Interior Minister Wolfgang Peschorn … said").
    opener = answer_types.opening_name(before)
    subject = opener is not None and not answer_types.names_anyone(parts[0]) \
        and not {w.lower() for w in opener.split()} & _TITLES
    for part in (Span(span.start, start), *quote.also):
        written = text[part.start : part.end]
        if head.search(written) or part.start >= span.end and not text[span.end : part.start].strip() \
                or subject and part.start == span.start:
            parts.append(written)
    return " ".join(parts)


# A year a question names ("the 1998 World Cup"): four digits standing alone, not part of a longer number, a
# decimal or a name such as "COVID-19".
_YEAR = re.compile(r"(?<![\w.,/-])(?:1[89]|20)\d\d(?!\w|[.,]\d)")


def years_asked(question: str) -> list[str]:
    """The years a question names: the time it is about."""
    return list(dict.fromkeys(_YEAR.findall(question)))


def about_the_years(article: Article, years: Sequence[str]) -> bool:
    """Whether an article can be about one of those years: it names it, or it was published then, or its date
    is unknown. A dated article that does not name the year is about another time ("Who won the 1998 World
    Cup final?" is not answered by an article on this year's Davis Cup played "World Cup-style")."""
    named = (re.search(rf"(?<!\d){year}(?!\d)", f"{article.title}\n{article.text}") for year in years)
    return not article.published or article.published.startswith(tuple(years)) or any(named)


@dataclass(frozen=True, slots=True)
class _Asked:
    """What a question asks for, read once: the kind of answer, a measure by its units, a reason, the story."""
    question: str
    kind: AnswerType | None
    measure: answer_types.Measure | None  # "how far": miles, kilometres
    why: bool
    overview: bool
    names: tuple[str, ...] = ()  # the names it asks about, as written
    name_words: frozenset[str] = frozenset()  # the words of those of two words or more (a namesake shares one)
    asks_what_was_asked: bool = False  # "What did X ask …?": a sentence telling a question asked may answer
    person: str | None = None  # "Which judge …?": someone asked for by what they are ("the judge")

    @classmethod
    def read(cls, question: str, named: Sequence[str] = ()) -> _Asked:
        kind = answer_types.asked(question)
        return cls(question, kind, answer_types.measure_asked(question) if kind is AnswerType.QUANTITY else None,
                   answer_types.asks_why(question), answer_types.asks_overview(question), tuple(named),
                   frozenset(t for name in named if len(TOKEN.findall(name)) > 1
                             for t in tokens(name) + tokens(name, countries=False)),
                   _ASKING.search(question) is not None, answer_types.person_asked(question))


_ASKING = re.compile(r"\bask(?:s|ed|ing)?\b", re.IGNORECASE)
_REFERS_BACK = re.compile(r"\b(?:he|she|it|they|him|her|them|his|its|their|hers|theirs)\b", re.IGNORECASE)


def select_quotes(candidates: Sequence[Candidate], articles: dict[int, Article], weights: dict[str, float],
                  config: SearchConfig, question: str = "", named: Sequence[str] | None = None,
                  every_name: bool = True) -> tuple[list[ScoredQuote], list[ScoredQuote]]:
    """(the answer, further passages). The answer: the best quote of each article among the candidates, best
    first, at most `max_quotes`, each a sentence with its context neighbour, only those close enough to the
    first, other outlets first; the first may add a second excerpt of its article (`_completed`). Further
    passages: the other articles' best quotes, in order, for a reader who wants more. `named`: what the
    question names (by default its capitalised names, if it is in English); `every_name`: whether those are
    all its names (words guessed to be names in a question typed without capitals miss the names made of
    common words, "the real deal"), so that the articles that write them all may come first."""
    if not candidates:
        return [], []
    if named is None:
        named = names(question) if is_english(question) else []
    asked = _Asked.read(question, named)
    top_fused = candidates[0].fused
    signal: dict[int, list[tuple[Passage, float]]] = {}  # article -> its found passages and their rank
    cosine: dict[int, float] = {}  # article -> its closest found passage in meaning
    for c in candidates[: config.candidate_passages]:
        signal.setdefault(c.passage.article_id, []).append((c.passage, c.fused / top_fused))  # 1 for the best
        cosine[c.passage.article_id] = max(cosine.get(c.passage.article_id, 0.0), c.cosine)
    best_per_article: dict[int, ScoredQuote] = {}
    readings: dict[int, _Reading] = {}
    for article_id, found in signal.items():
        article = articles.get(article_id)
        read = _read_article(article, found, asked, weights, config) if article is not None else None
        if read is None:
            continue
        (choice, held_share), readings[article_id] = read
        # Across articles, three signals on a 0..1 scale, counted alike: the article's best passage rank, how
        # much of the question its sentence holds, and how close in meaning its closest passage is.
        closeness = cosine.get(article_id, 0.0)
        spans = sentence_bags(article.text)[0]
        sentence = article.text[spans[choice].start : spans[choice].end]
        best_per_article[article_id] = ScoredQuote(
            article, _with_context(article.text, choice, weights, asked.why, readings[article_id].namesakes),
            held_share + max(rank for _, rank in found) + closeness,
            _sentence_coverage(sentence, article, weights, asked.names), closeness,
            sentence=spans[choice])
    # A question that names someone or something (not a day or a month) is about them: where some of the
    # articles write every name of the question, those come first, and a further quote, or a passage kept for
    # "More", must write one of them ("Who is Martin Indyk?" is not answered by "St. Martin's").
    asked_names = [n for n in named if not answer_types.is_time(n)]
    name_words = [tokens(n) for n in asked_names]
    # (a name made only of common words, "Media Council", is only written as one: see `_names_written`)
    common = [len(TOKEN.findall(n)) > 1 and all(is_ordinary_word(w.lower()) for w in TOKEN.findall(n))
              for n in asked_names]
    writes = {i: _names_written(q.article, name_words, common) for i, q in best_per_article.items()}
    every = len(name_words) if every_name and name_words and len(name_words) in writes.values() else None
    elsewhere = {i for i, n in writes.items() if n == 0 and any(writes.values())}  # on another subject
    # A question that asks several things may ask one of them by no name ("Where was the patient from Xilingol
    # treated, and how old was the man who caught the plague?"): an article that writes none may answer that.
    # A part that says "he" or "it" asks about what the other part names ("…, and where does he work?").
    if answer_types.asks_several(question) and any(
            not any(n.lower() in part.lower() for n in named) and not _REFERS_BACK.search(part)
            for part in answer_types.parts(question)):
        elsewhere = set()
    # Where no article found writes a word of any of its names, none is about what it asks ("Who is the chief
    # executive of Edmunds?" by an article on another agency's chief): nothing found answers it.
    elif name_words and not any(_names_partly_written(q.article, name_words) for q in best_per_article.values()):
        return [], []

    def order(q: ScoredQuote) -> tuple:
        return (every is not None and writes[q.article.id] < every, q.article.id in elsewhere, -q.score)

    ranked = _other_outlets_first(sorted(best_per_article.values(), key=order), config.further_quote_ratio)
    if asks_for_recent(question):
        ranked = _newest_first(ranked, config.further_quote_ratio, group=lambda q: order(q)[:2])
    chosen: list[ScoredQuote] = []
    further: list[ScoredQuote] = []
    closed = False  # once a quote is not close enough, the answer takes no more
    for quote in ranked:
        if any(_same_words(quote, other) for other in chosen + further):
            continue  # the same story syndicated: one copy is enough
        close = not chosen or quote.score >= config.further_quote_ratio * chosen[0].score
        if close and not closed and len(chosen) < config.max_quotes and not (chosen and quote.article.id in elsewhere):
            chosen.append(quote)
            continue
        closed = closed or not close or len(chosen) >= config.max_quotes
        if len(further) < config.more_quotes and quote.article.id not in elsewhere:  # "More" stays on the names
            further.append(quote)
    if chosen:  # the answer's own article gets what its quote lacks, if another sentence of it holds that
        chosen[0] = _completed(chosen[0], readings[chosen[0].article.id], weights, config.further_quote_ratio,
                               name_words)
    return chosen, further


_WRITING_Q = re.compile(r"\b(?:write|writes|wrote|written|author|authored|books?|novels?)\b", re.IGNORECASE)
_WHO_IS = re.compile(r"\s*who\s+(?:is|was)\s+(?:[\w.'’-]+\s+){0,3}[\w.'’-]+\s*\?*\s*$", re.IGNORECASE)


def _read_article(article: Article, found: list[tuple[Passage, float]], asked: _Asked, weights: dict[str, float],
                  config: SearchConfig) -> tuple[tuple[int, float], _Reading] | None:
    """The sentence of one article that answers best, and how much of the question (weighed inside the article)
    it holds, with how every sentence held it (`_Reading`); None when no sentence may answer. `found`: the
    article's passages among the candidates, with their fused rank (1 for the best passage of all)."""
    local = _within_article(weights, article, asked.names)
    best_signal = max(rank for _, rank in found)
    spans, bags, headings = sentence_bags(article.text)
    mean_length = sum(len(b) for b in bags) / max(1, len(bags))
    best: tuple[float, float, int] | None = None
    # What someone said is told by English verbs of saying; another language's article is not judged so.
    english = article.in_english
    kind = None if asked.kind is AnswerType.SPEECH and not english else asked.kind
    typed, measured = _typed(article.text, spans, headings, kind, asked.measure, asked.question)
    if measured and english and asked.measure.name == "the age" and asked.names:
        # someone's age written by their name is theirs; another age in the article may be anyone's ("the 93
        # year-old finishes his term" against "52-year-old Grace" for "How old is Grace Mugabe?")
        beside = [t and answer_types.age_by_name(article.text[s.start : s.end], asked.names)
                  for t, s in zip(typed, spans, strict=True)]
        typed = beside if any(beside) else typed
    counter = answer_types.counter_asked(asked.question) if measured and english else []
    if counter:  # a count written as someone else's is no answer ("Anthony Davis scored 34 points")
        typed = [t and not answer_types.counts_of_others(article.text[s.start : s.end], counter, asked.measure)
                 for t, s in zip(typed, spans, strict=True)]
    # the writer's note tells what the writer is and has written, which may be asked by their name
    writer_asked = _WRITING_Q.search(asked.question) is not None and any(
        name.split()[-1].lower() in writer.lower().split() for writer in writers(article.text) for name in asked.names)
    namesakes: list[int] = []  # sentences on another one of the same name
    held: list[float | None] = [None] * len(spans)  # how much of the question each sentence holds
    shown: list[float | None] = [None] * len(spans)  # the same, with the sentence it leans on, if any
    for i, span in enumerate(spans):
        rank = max((r for p, r in found if p.start <= span.start < p.end), default=best_signal * OUTSIDE_PASSAGE)
        text = article.text[span.start : span.end]
        if headings[i] or is_question(text) and not (asked.asks_what_was_asked and reports_question(text)
                                                       or mostly_tells(text)):
            continue  # a subhead or a caption names a subject, a question asks (unless what was asked is asked,
            # or the sentence mostly tells: "… Swift has a new record deal …, and Carlyle will wonder: “…?”")
        if author_note(article.text, span) and not _WHO_IS.match(asked.question) and not writer_asked:
            continue  # "Sarah Archer is the author of …" ends the page; it answers "Who is Sarah Archer?", or a
            # question about her ("Which book did Sarah Archer write?"), only
        if english and bags[i] & asked.name_words \
                and names_another(text, asked.names, asked.question):
            namesakes.append(i)  # "the $1,000 Meta Quest Pro" tells nothing of the Vision Pro asked about
            continue
        # Inside an article the words choose the sentence; the passage's rank only breaks near-ties.
        held[i] = _typed_coverage(bags[i], local, kind, typed[i]) * _length_factor(len(bags[i]), mean_length)
        shown[i] = held[i]
        if _leans_on_previous(article.text, spans, i):
            shown[i] = _typed_coverage(bags[i] | bags[i - 1], local, kind, typed[i] or typed[i - 1]) \
                * _length_factor(len(bags[i]), mean_length)
        # A why-question's answer gives the event and its cause, which takes words: a long sentence is not held
        # back for its length there ("… as revenue fell short, sending shares lower …").
        choice = (_typed_coverage(bags[i], local, kind, typed[i]) if asked.why else held[i]) \
            + SENTENCE_RANK_WEIGHT * rank
        if best is None or choice > best[0]:
            # (across articles, a sentence that says what the thing asked is counts as holding one word more: "One
            # Home Depot refers to …" over a sentence that only names it; not a number or a name, which most
            # sentences hold, measured worse)
            best = (choice, _typed_coverage(bags[i], local, kind if kind is AnswerType.DEFINITION else None,
                                            typed[i]), i)
    if best is None:
        return None
    _, held_share, chosen = best
    # A question for the story itself ("What happened with …?") is answered by its lead, which news writes to
    # sum the story up, where the lead holds enough of the question to be about what was asked: 60 % of what
    # the best sentence holds, the ratio a further quote must reach against the first.
    lead = lead_index(article.text) if asked.overview else None
    if lead is not None and held[lead] is not None \
            and bag_coverage(bags[lead], local) >= config.further_quote_ratio * held_share > 0:
        held_share, chosen = bag_coverage(bags[lead], local), lead
    # A round-up may give a product's price only in the subhead above its section ("Sonos Move for $400").
    first, last = section(subheads(article.text), chosen)
    headed = None
    if asked.measure is not None and english and not (measured and any(typed[first:last])):
        headed = next((j for j in reversed(_heading_the_section(article.text, spans, headings, chosen,
                                                             asked.question))
                       if answer_types.holds_measure(asked.measure, article.text[spans[j].start : spans[j].end])),
                      None)
    return (chosen, held_share), _Reading(held, shown, typed, measured, local, chosen, frozenset(namesakes),
                                          headed, asked.person if english else None)


# Words before a name that say what someone is, not who: "Mr Blair" is Tony Blair, "Cherie Blair" is not.
_TITLES = frozenset("""mr mrs ms miss mx dr sir dame lord lady president prime minister senator sen rep governor gov
    king queen prince princess judge justice chancellor secretary general gen col capt chief coach professor prof
    pope saint st mayor ceo chairman chairwoman director ambassador archbishop bishop rev father""".split())
_NO_NAME = _TITLES | STOPWORDS


_COMPARING = frozenset("than unlike versus vs compared".split())  # a word up to three before a namesake


def names_another(sentence: str, asked_names: Sequence[str], question: str) -> bool:
    """Whether a sentence writes a namesake of a name the question asks about, not the name: a word of the name
    right next to a capitalised word where the name has another ("the $1,000 Meta Quest Pro" for the Vision
    Pro, "Cherie Blair" for Tony Blair, "North Korea" for South Korea), while the sentence lacks a word of the
    name. A title ("Mr Blair") is no other name, nor a word the question writes itself; the sentence's first
    word is capitalised as the first, so it says nothing unless the dictionary lists it as a name ("Stella Kim
    reported from Seoul" for Peter Kim; not "Yesterday Kim said"). A namesake the sentence compares with is no
    sign that it is about the namesake ("… two seconds faster than the current RAV4 Hybrid" is on the RAV4
    Prime)."""
    found = list(TOKEN.finditer(sentence))
    lowered = [_bare(m.group()) for m in found]
    asked = {_bare(w) for w in TOKEN.findall(question)}
    flat = re.sub(r"[\s-]", "", sentence.lower())
    for name in asked_names:
        parts = [_bare(w) for w in TOKEN.findall(name)]
        if len(parts) < 2 or all(p in lowered for p in parts) or re.sub(r"[\s-]", "", name.lower()) in flat:
            continue  # the name itself, however spaced ("LC 500" for "LC500")
        for j, word in enumerate(lowered):
            if word not in parts or word in _TITLES:
                continue  # a title shared is no namesake: "Lord Falconer" for Lord Woolf
            k = parts.index(word)
            for step in (-1, 1):
                if not (0 <= k + step < len(parts) and 0 <= j + step < len(found)):
                    continue
                if j + step == 0 and not is_listed_name(found[0].group()):
                    continue
                left, right = sorted((found[j], found[j + step]), key=lambda m: m.start())
                other = found[j + step].group()
                first = min(j, j + step)
                compared = _COMPARING.intersection(lowered[max(0, first - 3) : first])
                if sentence[left.end() : right.start()] in (" ", "'", "’") and other[0].isupper() \
                        and other.lower() not in _NO_NAME and lowered[j + step] not in asked \
                        and not _one_root(lowered[j + step], parts[k + step]) and not compared:
                    return True
    return False


def _one_root(word: str, part: str) -> bool:
    """Whether a word beside a name's word is the name's other word in another form: a place and its people
    ("South Dakotans" for South Dakota, "South Dakota's" for South Dakotans), whichever the question writes."""
    short, long = sorted((word, part), key=len)
    return long.startswith(short) and len(short) >= 4


@lru_cache(maxsize=1 << 16)
def _bare(word: str) -> str:
    """A word's stem without a plural's s, to tell a name's word whatever its inflection ("the Stanley Cup" for
    "Stanley Cups")."""
    stem = tokens(word)[0]
    return stem[:-1] if stem.endswith("s") and len(stem) > 3 else stem


def _names_written(article: Article, names: list[list[str]], common: Sequence[bool] = ()) -> int:
    """How many of the names the article writes, each word of them (inflections aside), in its text, title,
    outlet or byline ("What did Al Jazeera report …?" is asked of Al Jazeera's articles, which need not name
    it); an article not in English writes them all (it may write them in its own language: "Français" for
    French). A name made only of common words (`common`: "Media Council", "White House") is written where its
    words stand together in one sentence (or the title, outlet or byline), a word between them at most: "the
    RSPCA and local councils" and "media organisations" do not write it. A name with a word of its own may be
    written apart ("Nissan's new Sentra", "Google's … Stadia")."""
    if not names:
        return 0
    if not article.in_english:
        return len(names)
    written = _words_written(article)
    spans = sentence_bags(article.text)[0]
    found = [i for i, name in enumerate(names) if all(word in written for word in name)]
    strict = [i for i in found if i < len(common) and common[i]]
    if not strict:
        return len(found)
    lines = [tokens(line) for line in [article.source or "", article.author or "", article.title or ""]
             + [article.text[sp.start : sp.end] for sp in spans]]
    return len(found) - sum(not any(_in_order(line, names[i]) for line in lines) for i in strict)


def _names_partly_written(article: Article, names: list[list[str]]) -> bool:
    """Whether the article writes a word of one of the names (a title or a small word aside: "Mr", "the"), in
    its text, title, outlet or byline; an article in another language may write them in its own words."""
    if not article.in_english:
        return True
    written = _words_written(article)
    # (a name that is only such a word is that word: "King" is Kevin King)
    return any(word in written for name in names for word in ([w for w in name if w not in _NO_NAME] or name))


def _words_written(article: Article) -> set[str]:
    """The words of an article's text (as read, and kept, to choose its sentence), title, outlet and byline."""
    return set(tokens(f"{article.source}\n{article.author or ''}\n{article.title}")).union(
        *sentence_bags(article.text)[1])


def _in_order(words: list[str], name: list[str]) -> bool:
    """Whether `name`'s words stand in `words` in its order, at most one other word between two of them."""
    for i, word in enumerate(words):
        if word != name[0]:
            continue
        at, ok = i, True
        for part in name[1:]:
            following = words[at + 1 : at + 3]
            if part not in following:
                ok = False
                break
            at += 1 + following.index(part)
        if ok:
            return True
    return False


@dataclass(frozen=True, slots=True)
class _Reading:
    """How one article's sentences held the question: what choosing a second excerpt needs."""

    held: list[float | None]  # each sentence's score (None for subheads and captions)
    shown: list[float | None]  # the same, counting the words of the sentence it leans on (shown with it)
    typed: list[bool]         # whether it holds the kind of answer asked for
    measured: bool            # whether `typed` marks the measure asked for ("how far": miles), not any number
    weights: dict[str, float]  # the question's weights inside this article
    best: int                 # the quoted sentence
    namesakes: frozenset[int]  # sentences on a namesake of a name asked about, neither quoted nor shown as context
    headed: int | None = None  # the subhead above the quote's section that alone gives the measure asked for
    person: str | None = None  # who is asked for by what they are ("the judge"); `typed` then marks a name


def _completed(quote: ScoredQuote, reading: _Reading, question_weights: dict[str, float],
               ratio: float, names: Sequence[Sequence[str]] = ()) -> ScoredQuote:
    """The quote with a second excerpt of its article, as search engines' snippets join fragments: the best
    sentence that holds part of the question the quote lacks (a word, or the kind of answer asked for) and is
    close enough to the quoted sentence to be shown with it (the same ratio as a further quote). Its neighbour
    comes with it as for any quote; when it touches the quote in the same paragraph the two are one excerpt.
    A sentence that leans on the one before ("Its shareholders will not receive …") is judged with it, as it is
    shown with it. Where the question asks for a measure the quote does not give ("How far can the ID. Space
    Vizzion go on one charge?" quoted by the sentence that names the car), a sentence that gives it and holds a
    word of the question, or goes on with the quote's subject ("The Linux-based machine … reached a top speed
    of 42.7 teraflops" after the quote on the Columbia supercomputer), is added whatever its score, as without
    it the quote cannot answer; it must stand
    under the quote's subhead, as in a round-up each section is about a subject of its own (the RAV4's
    mileage does not complete a quote on the Sentra). Of the sentences that may complete the quote, those that
    go on with its subject come first, as a snippet's fragments read as one story: the sentence next to the
    quote in its paragraph, or, in English, one that names someone or something the quote names ("Shotwell
    said Starship lunar lander missions could begin in 2022." completes a quote on Shotwell's Starship, not
    "SNC would be able to start lunar lander missions in 2022, he said."). Likewise where the question asks for
    someone by what they are and the quote names nobody ("The New York State Attorney General is investigating
    WeWork …"), the sentence next to it that names someone ("… contacted by the office of the NYAG, Letitia
    James.") is added, unless the quote speaks of someone it leaves unidentified ("One … trade expert said")."""
    text, (spans, bags, _) = quote.article.text, sentence_bags(quote.article.text)
    shown, bar = reading.shown, ratio * (reading.held[reading.best] or 0.0)
    inside = [i for i, s in enumerate(spans) if s.start >= quote.span.start and s.end <= quote.span.end]
    have = set().union(*(bags[i] for i in inside))
    has_type = any(reading.typed[i] for i in inside)
    candidates = [i for i, h in enumerate(shown) if h is not None and h > 0 and i not in inside and i != reading.best]
    choice: int | None = None
    same_subject = _continuing(quote, spans, inside)

    def rank(i: int) -> tuple:
        return (i in same_subject, shown[i] or 0.0)

    for i in candidates:
        adds = any(t in bags[i] and t not in have for t in reading.weights) or (reading.typed[i] and not has_type)
        if shown[i] >= bar and adds and (choice is None or rank(i) > rank(choice)):
            choice = i
    if reading.person and not has_type and not _unidentified(text[quote.span.start : quote.span.end], reading.person):
        # someone's name, in the sentence next to the quote: a name further off may be anyone's
        giving = [i for i in _continuing(quote, spans, inside, by_name=False) if i in candidates and reading.typed[i]]
        if giving:
            choice = max(giving, key=lambda i: shown[i] or 0.0)
    if reading.measured and not has_type:
        own = range(*section(subheads(text), reading.best))
        # a word of the question will do, but where it names someone or something, a word of their name: "He
        # learned … out of around 1,500 followers" is another's count on "How many followers does Jack Dorsey have?"
        told = {t for name in names for t in name} - _NO_NAME if names else set(reading.weights)
        giving = [i for i in candidates if i in own and reading.typed[i]
                  and (any(t in bags[i] for t in told) or i in same_subject)]
        if giving:
            choice = max(giving, key=lambda i: shown[i] or 0.0)
        elif choice is not None and reading.typed[choice] and choice not in own:
            choice = None  # another subject's measure
    if reading.headed is not None and not (reading.measured and has_type):
        return replace(quote, also=(spans[reading.headed],))
    if choice is None:
        return quote
    extra = _with_context(text, choice, question_weights, namesakes=reading.namesakes)
    if extra.start < quote.span.end and quote.span.start < extra.end:  # its neighbour is in the quote already
        extra = spans[choice]
    first, second = sorted((quote.span, extra), key=lambda s: s.start)
    between = text[first.end : second.start]
    if not between.strip() and "\n" not in between:
        return replace(quote, span=Span(first.start, second.end))
    return replace(quote, also=(extra,))


def _continuing(quote: ScoredQuote, spans: list[Span], inside: list[int], by_name: bool = True) -> set[int]:
    """The article's sentences that go on with the quote's subject: those next to it in its paragraph, and, in
    an English article and `by_name`, those that write a name the quote writes (capitals mark names in English;
    German capitalises every noun)."""
    text = quote.article.text
    # (a run-on sentence is quoted in part: its own sentence then holds the quote)
    held = inside or [i for i, s in enumerate(spans) if s.start <= quote.span.start < s.end]
    touching = {i for i in ((held[0] - 1, held[-1] + 1) if held else ()) if 0 <= i < len(spans)
                and "\n" not in text[min(spans[i].end, quote.span.end) : max(spans[i].start, quote.span.start)]}
    # A paragraph of one sentence, as a lead often is, goes on in the next paragraph's first sentence ("James
    # Van Der Beek has been eliminated …", then "The former star, 42, was voted off …").
    after = held[-1] + 1 if held else len(spans)
    if after < len(spans) and _alone(text, quote.span) and "\n\n" in text[quote.span.end : spans[after].start] \
            and text[quote.span.end : spans[after].start].count("\n") <= 2:
        touching.add(after)
    if not quote.article.in_english or not by_name:
        return touching
    quoted = _capitalised(text[quote.span.start : quote.span.end])
    return touching | {i for i, s in enumerate(spans) if _capitalised(text[s.start : s.end]) & quoted}


def _unidentified(quoted: str, person: str) -> bool:
    """Whether a quote speaks of the one asked for as of someone it does not identify ("a judge ruled …", "One
    Washington-based trade expert said …"): the name in the next sentence is then someone else's. The definite
    "The New York State Attorney General …" is one known person, whom the next sentence may name."""
    head = re.escape(person.split()[-1])
    return re.search(rf"\b(?:a|an|one|another)\s+(?:[\w'’-]+\s+){{0,3}}?{head}\b", quoted, re.IGNORECASE) is not None


def _alone(text: str, span: Span) -> bool:
    """Whether a span is a paragraph of its own (blank lines, or the text's edge, on both sides)."""
    before, following = text[: span.start], text[span.end :]
    return (not before.strip() or before.rstrip(" \t").endswith("\n")) and \
        (not following.strip() or following.lstrip(" \t").startswith("\n"))


def _capitalised(text: str) -> set[str]:
    """The capitalised words of a text, but for each sentence's first: its names, roughly."""
    found = set()
    for sentence in re.split(r"(?<=[.!?”\"])\s+", text):
        found.update(w for w in TOKEN.findall(sentence)[1:] if w[0].isupper() and w.lower() not in STOPWORDS)
    return found


_RECENT = re.compile(r"\b(?:latest|newest|most recent|recently|currently|right now|today|this week|lately)\b",
                     re.IGNORECASE)


def asks_for_recent(question: str) -> bool:
    """Whether the question asks for the newest state of a story ("What is the latest on the strike?")."""
    return bool(_RECENT.search(question))


def _other_outlets_first(ranked: list[ScoredQuote], ratio: float) -> list[ScoredQuote]:
    """Among the quotes close enough to the best one to be shown with it, each next one from an outlet not yet
    shown while there is one, best first: three outlets on a story tell more than one outlet three times."""
    if not ranked:
        return ranked
    bar = ratio * ranked[0].score
    rest = [q for q in ranked if q.score >= bar]
    order = [rest.pop(0)]
    while rest:
        shown = {q.article.source or q.article.url for q in order}
        pick = next((q for q in rest if (q.article.source or q.article.url) not in shown), rest[0])
        order.append(pick)
        rest.remove(pick)
    return order + [q for q in ranked if q.score < bar]


def _newest_first(ranked: list[ScoredQuote], ratio: float,
                  group: Callable[[ScoredQuote], tuple] = lambda q: ()) -> list[ScoredQuote]:
    """Among the quotes close enough to the best one to be shown with it, the most recently published first
    (undated ones after the dated), within their `group`: an article that writes the names asked about stays
    before one that does not, however new ("Fatboy Slim's latest album" is not the Doobie Brothers')."""
    if not ranked:
        return ranked
    bar = ratio * ranked[0].score
    close = [q for q in ranked if q.score >= bar]
    close.sort(key=lambda q: q.article.published or "", reverse=True)
    close.sort(key=group)  # stable: the newest first within each group
    return close + [q for q in ranked if q.score < bar]


def _surnames(names: Sequence[str]) -> dict[str, str]:
    """The first word of each name of two words -> its last ("tova" -> "noel"), as tokens."""
    surname = {}
    for name in names:
        parts = [tokens(w) for w in name.split()]
        if len(parts) == 2 and all(len(p) == 1 for p in parts):
            surname[parts[0][0]] = parts[1][0]
    return surname


_WRITER = frozenset(t for w in ("reviewer", "writer", "author", "columnist", "critic") for t in tokens(w))


def _sentence_coverage(sentence: str, article: Article, weights: dict[str, float], names: Sequence[str]) -> float:
    """How much of the question a sentence holds, weighed across the library. A name of two words asked about
    is held by its surname alone in an article that writes the whole name: news names someone in full once,
    then by surname ("Tova Noel and Michael Thomas …" and later "…, said Jason Foy, who represents Noel."). The
    article's outlet and its writer, asked about as such ("Which planet did the VG247 reviewer visit first?"),
    are held by every sentence of it: the reviewer writes "I", not their title."""
    present = set(tokens(sentence)) | set(tokens(article.source or "")) | _WRITER
    for first, last in _surnames(names).items():
        whole = rf"\b{re.escape(first)}\s+{re.escape(last)}\b"
        if last in present and first not in present and re.search(whole, article.text, re.IGNORECASE):
            present.add(first)
    return bag_coverage(present, weights)


def _within_article(weights: dict[str, float], article: Article, names: Sequence[str] = ()) -> dict[str, float]:
    """The question's weights for choosing a sentence inside one article: each word's IDF in the library
    times its IDF among the article's sentences. The article's subject (a name in every paragraph, the
    headline's words) found the article; the words rare inside it point at the sentence that answers. A first
    name of a name of two words (`names`) counts as written wherever its last is: news names its subject by
    surname after the first mention ("Mr Livingstone"), so "Ken" rare inside the article points nowhere."""
    _, bags, _ = sentence_bags(article.text)
    in_title = set(tokens(article.title))
    total = len(bags)
    local = {}
    surname = _surnames(names)
    for term, weight in weights.items():
        count = sum(term in bag or surname.get(term, "") in bag for bag in bags)
        local[term] = weight * math.log(1 + (total - count + 0.5) / (count + 0.5)) * (0.5 if term in in_title else 1)
    return local


def text_fragment_link(url: str, *texts: str) -> str:
    """The URL with a text fragment (`#:~:text=start,end`) that opens the page scrolled to the quote; with
    several excerpts, one `text=` directive each (the browser marks them all and scrolls to the first)."""
    directives = []
    for text in texts:
        words = text.split()
        if len(words) <= 8:
            directives.append(_fragment_part(" ".join(words)))
        elif words:
            directives.append(f"{_fragment_part(' '.join(words[:4]))},{_fragment_part(' '.join(words[-4:]))}")
    if not url.startswith(("http://", "https://")) or not any(directives):
        return url
    return f"{url.split('#', 1)[0]}#:~:" + "&".join(f"text={d}" for d in directives if d)


def _fragment_part(text: str) -> str:
    return percent_encode(text, safe="").replace("-", "%2D")


def _leans_on_previous(text: str, spans: Sequence[Span], i: int) -> bool:
    """Whether sentence i reads only with the one before it, in the same paragraph: it opens with a pronoun or
    a connective ("Its shareholders will not …", "But …"), or is a short line ("Holmes testified.")."""
    if i == 0 or "\n" in text[spans[i - 1].end : spans[i].start]:
        return False
    sentence = text[spans[i].start : spans[i].end]
    return bool(_ANAPHORA.match(sentence)) or len(sentence.split()) < 8


def _with_context(text: str, i: int, weights: dict[str, float], why: bool = False,
                  namesakes: frozenset[int] = frozenset()) -> Span:
    """The sentence with one neighbour: the one before when the sentence leans on it (a pronoun, a
    connective, a short line) or holds more of the question, otherwise the one after. The neighbour shares the
    sentence's paragraph; a sentence that is a paragraph of its own (many outlets write a sentence a paragraph)
    takes it from the paragraph next to it, if that is not a subhead or a caption and holds a word of the
    question the sentence does not: for "Why has Okafor withdrawn from the 2025 Lakeside Open?", "Okafor has
    withdrawn from the Lakeside Open because of injury." / "Organisers of the 2025 event said she has a problem
    with her right shoulder.". For a why-question the next paragraph is taken whatever its words, as news
    gives the reason after the event and in words of its own (`answer_types.asks_why`). A sentence on a
    namesake of what was asked (`namesakes`: "The $1,000 Meta Quest Pro, by contrast, …" beside a sentence on
    the Vision Pro) is no context for it."""
    spans, bags, headings = sentence_bags(text)
    span = spans[i]
    joined_before = i > 0 and "\n" not in text[spans[i - 1].end : span.start]
    joined_after = i + 1 < len(spans) and "\n" not in text[span.end : spans[i + 1].start]
    alone = not joined_before and not joined_after

    def beside(j: int, gap: str) -> Span | None:
        if not 0 <= j < len(spans) or headings[j] or j in namesakes:
            return None
        if "\n" not in gap:
            return spans[j]
        if not alone or gap.count("\n") > 2 or j > i and is_question(text[spans[j].start : spans[j].end]):
            return None  # a question in the next paragraph opens what follows ("How big an impact …?")
        adds_a_word = any(term in bags[j] and term not in bags[i] for term in weights)
        return spans[j] if adds_a_word or (why and j == i + 1) else None

    prev = beside(i - 1, text[spans[i - 1].end : span.start] if i > 0 else "")
    nxt = beside(i + 1, text[span.end : spans[i + 1].start] if i + 1 < len(spans) else "")
    if prev and (_leans_on_previous(text, spans, i) or nxt is None
                 or bag_coverage(bags[i - 1], weights) > bag_coverage(bags[i + 1], weights)):
        joined = Span(prev.start, span.end)
    elif nxt:
        joined = Span(span.start, nxt.end)
    else:
        joined = span
    # A question the article asks right after the sentence is answered by the one after it ("… with Uber Money.
    # The headline feature? Real-time earnings for drivers …"): the quote goes on to the answer.
    if nxt and joined.end == nxt.end and is_question(text[nxt.start : nxt.end]) and i + 2 < len(spans) \
            and not headings[i + 2] \
            and "\n" not in text[nxt.end : spans[i + 2].start]:
        joined = Span(joined.start, spans[i + 2].end)
    if joined.end - joined.start <= MAX_QUOTE_CHARS:
        return joined
    if span.end - span.start <= MAX_QUOTE_CHARS:
        return span
    # A "sentence" longer than a quote should be (a run-on line, a list): its start, cut between words.
    cut = text.rfind(" ", span.start, span.start + MAX_QUOTE_CHARS)
    return Span(span.start, cut if cut > span.start else span.start + MAX_QUOTE_CHARS)


def _same_words(a: ScoredQuote, b: ScoredQuote) -> bool:
    """Whether two quotes' chosen sentences are (nearly) the same words: a story syndicated, or the same
    quotation in two outlets. The sentences are compared, not their neighbours, which differ more often."""
    sa, sb = a.sentence or a.span, b.sentence or b.span
    wa = set(TOKEN.findall(a.article.text[sa.start : sa.end].lower()))
    wb = set(TOKEN.findall(b.article.text[sb.start : sb.end].lower()))
    return len(wa & wb) >= 0.8 * min(len(wa), len(wb))
