"""The words of questions and texts: tokens with light stems, stopwords, IDF weights, and how much of a
question's weight a text holds. Pure functions, shared by retrieval and quote selection."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

from .chunking import CJK, CJK_RUN, character_pairs

# A word: a number with its decimal point or thousands separators ("4.8" and "2,300" are one word each), a
# run of Chinese or Japanese characters (counted in pairs, see `_words`), or a run of other word characters.
TOKEN = re.compile(rf"\d+(?:[.,]\d+)+|[{CJK}]+|[^\W{CJK}]+", re.UNICODE)


def _words(text: str) -> list[str]:
    """The words of a text as written, CJK runs as their character pairs (as the keyword index has them)."""
    out = []
    for word in TOKEN.findall(text):
        out.extend(character_pairs(word) if CJK_RUN.fullmatch(word) else [word])
    return out


STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before being below
    between both but by can could did do does doing down during each few for from further had has have having
    he her here hers herself him himself his how i if in into is it its itself just me more most my myself no
    nor not now of off on once only or other our ours ourselves out over own same she should so some such than
    that the their theirs them themselves then there these they this those through to too under until up very
    was we were what when where which while who whom why will with would you your yours yourself yourselves
    said says say according did does told tell new one two many much who whose whom what which whats""".split()
)


def tokens(text: str, countries: bool = True) -> list[str]:
    """The stems of a text's words, a country's other forms read as its name (`countries=False`: as written)."""
    return [_stem(t) for t in _words((as_country_names(text) if countries else text).lower())]


# A country is written by its name, its people's adjective or a short form ("America", "American officials",
# "the US", "the United States"): each is read as its name, so that a question on "the American bill" meets
# "the US Senate" and one on "Chinese goods" meets "goods from China". Only forms that are no other English
# word (not "Polish", "Turkey", "English"); a short form in capitals is read so only as written ("US", not "us").
_COUNTRY_FORMS = {
    "America": "American Americans United_States", "Britain": "British Briton Britons United_Kingdom",
    "China": "Chinese", "Russia": "Russian Russians", "France": "French", "Germany": "German Germans",
    "Japan": "Japanese", "India": "Indian Indians", "Israel": "Israeli Israelis", "Iran": "Iranian Iranians",
    "Iraq": "Iraqi Iraqis", "Ukraine": "Ukrainian Ukrainians", "Mexico": "Mexican Mexicans",
    "Canada": "Canadian Canadians", "Australia": "Australian Australians", "Italy": "Italian Italians",
    "Spain": "Spanish Spaniard Spaniards", "Brazil": "Brazilian Brazilians", "Korea": "Korean Koreans",
    "Pakistan": "Pakistani Pakistanis", "Afghanistan": "Afghan Afghans", "Syria": "Syrian Syrians",
    "Egypt": "Egyptian Egyptians", "Sweden": "Swedish Swede Swedes", "Europe": "European Europeans",
    "Africa": "African Africans", "Nepal": "Nepalese Nepali Nepalis", "Scotland": "Scottish",
    "Ireland": "Irish", "Palestine": "Palestinian Palestinians", "Venezuela": "Venezuelan Venezuelans",
    "Greece": "Greek Greeks", "Netherlands": "Dutch", "Switzerland": "Swiss", "Norway": "Norwegian Norwegians",
    "Nigeria": "Nigerian Nigerians", "Kenya": "Kenyan Kenyans", "Argentina": "Argentine Argentinian Argentinians",
    "Vietnam": "Vietnamese", "Taiwan": "Taiwanese", "Cuba": "Cuban Cubans", "Lebanon": "Lebanese",
    "Libya": "Libyan Libyans", "Yemen": "Yemeni Yemenis", "Sudan": "Sudanese",
    "Austria": "Austrian Austrians", "Belgium": "Belgian Belgians", "Denmark": "Danish Dane Danes",
    "Finland": "Finnish", "Portugal": "Portuguese", "Hungary": "Hungarian Hungarians",
    "Romania": "Romanian Romanians", "Bulgaria": "Bulgarian Bulgarians", "Serbia": "Serbian Serbians Serb Serbs",
    "Croatia": "Croatian Croatians Croat Croats", "Indonesia": "Indonesian Indonesians",
    "Philippines": "Filipino Filipinos Philippine", "Thailand": "Thai Thais", "Malaysia": "Malaysian Malaysians",
    "Bolivia": "Bolivian Bolivians", "Chile": "Chilean Chileans", "Colombia": "Colombian Colombians",
    "Peru": "Peruvian Peruvians", "Ethiopia": "Ethiopian Ethiopians", "Somalia": "Somali Somalis",
    "Zimbabwe": "Zimbabwean Zimbabweans", "Bangladesh": "Bangladeshi Bangladeshis", "Qatar": "Qatari Qataris",
    "Morocco": "Moroccan Moroccans", "Algeria": "Algerian Algerians", "Ghana": "Ghanaian Ghanaians",
    "Uganda": "Ugandan Ugandans", "Ecuador": "Ecuadorean Ecuadorian Ecuadoreans Ecuadorians",
    "Jamaica": "Jamaican Jamaicans", "Haiti": "Haitian Haitians", "Wales": "Welsh", "Mongolia": "Mongolian Mongolians",
    "Kazakhstan": "Kazakh Kazakhs", "Singapore": "Singaporean Singaporeans", "Iceland": "Icelandic",
}
_COUNTRY_SHORT_FORMS = {"America": "U.S.A. U.S. USA US", "Britain": "U.K. UK"}


def _country_pattern(forms: dict[str, str], case: bool) -> tuple[re.Pattern, dict[str, str]]:
    """A pattern for the forms (space-separated, "_" for a space inside one), and {form as matched: name};
    `case`: match them only as written, else in any case (the map's keys are then lower-cased)."""
    name_of = {form.replace("_", " "): name for name, written in forms.items() for form in written.split()}
    alternatives = "|".join(re.escape(f) for f in sorted(name_of, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w.])(?:{alternatives})(?!\w)", 0 if case else re.IGNORECASE)
    return pattern, name_of if case else {f.lower(): name for f, name in name_of.items()}


_COUNTRY_WORDS, _COUNTRY_OF_WORD = _country_pattern(_COUNTRY_FORMS, case=False)
COUNTRIES = frozenset(_COUNTRY_FORMS)  # each by the name its other forms are read as
_COUNTRY_SHORT, _COUNTRY_OF_SHORT = _country_pattern(_COUNTRY_SHORT_FORMS, case=True)


def is_people_of_country(word: str) -> bool:
    """Whether a word is a country's people's adjective or noun ("Australian", "European"): before a name it
    says where someone is from ("Australian Lynton Crosby"), and before a noun it makes no name of someone
    ("the European Union")."""
    return word.lower() in _COUNTRY_OF_WORD and word.lower() != _COUNTRY_OF_WORD[word.lower()].lower()


def as_country_names(text: str) -> str:
    """The text with each other form of a country's name written as its name ("the US" -> "the America"), in
    lower case where the form was ("chinese goods" -> "china goods", so that a question typed without capitals
    gains none)."""
    def name(m: re.Match) -> str:
        found = _COUNTRY_OF_WORD[m.group().lower()]
        return found if m.group()[0].isupper() else found.lower()

    text = _COUNTRY_SHORT.sub(lambda m: _COUNTRY_OF_SHORT[m.group()], text)
    return _COUNTRY_WORDS.sub(name, text)


# The word after "how" that names the quantity asked for ("How far …?", "How fast …?"): the kind of answer,
# which an answer gives by a number and units ("300 miles", "60 mph"), not by the word itself. Not those that
# English writes after the figure, where they do help find the answer: "55-year-old", "6 feet tall",
# "1,900-mile-wide", "10 metres deep" or "high", "two hours long".
HOW_DEGREE = frozenset("far fast big large heavy hot cold warm often soon late early".split())
# Likewise the word that says which time of a thing a "when" question asks for ("When is the next debate?"):
# the answer gives it by its date ("Wednesday's debate"), and a sentence on "next year" is no nearer to it.
WHICH_TIME = frozenset("next last upcoming previous".split())
_WHEN = re.compile(r"\s*(?:when|since when|until when)\b", re.IGNORECASE)


# How a question asks for a story itself rather than a detail of it ("What happened with WeWork?", "Any updates
# on the strike?", "Tell me about …"): the words of that opening are the kind of question, not its subject
# (`answer_types.asks_overview`), as "latest" or "updates" written in an article ("will update this post") is
# no nearer to the story.
OVERVIEW = re.compile(
    r"\s*(?:what(?:'s|’s|s|\s+is|\s+has)?\s+(?:happen(?:ed|ing)|going\s+on|up\s+with|new\s+(?:with|on|about|in)|"
    r"the\s+(?:latest|story|news|deal))\b|"
    r"tell\s+me\s+(?:about|more)|any\s+news|(?:the\s+)?(?:latest\s+)?news\s+(?:on|about)|(?:an\s+|any\s+)?updates?\s+on|"
    r"summari[sz]e|give\s+me\s+(?:the|an)\s+(?:summary|overview|gist)|what\s+is\s+the\s+story)", re.IGNORECASE)


def content_words(question: str) -> list[str]:
    """The words of a question that carry its meaning, lower-cased, in order. A stopword counts when it is
    capitalised after the question's first word: it is then a name or a label ("the More button", "The Who"),
    unless most words are capitalised ("What Is The Latest On The Strike?"). The degree word of "how far",
    "how long", … does not count (see HOW_DEGREE), nor an opening that asks for the story itself
    (`OVERVIEW`: "any updates on …")."""
    found = []
    opening = OVERVIEW.match(question)
    raw_words = _words(as_country_names(question[opening.end() :] if opening else question))
    title_case = _title_case(raw_words, question)
    when = bool(_WHEN.match(question))
    for i, raw in enumerate(raw_words):
        word = raw.lower()
        named = i > 0 and raw[0].isupper() and not title_case
        asked_degree = i > 0 and raw_words[i - 1].lower() == "how" and word in HOW_DEGREE \
            or when and word in WHICH_TIME and not named
        if (word not in STOPWORDS or named) and (len(word) > 1 or word.isdigit()) and not asked_degree:
            found.append(word)
    return found


def _title_case(raw_words: list[str], text: str) -> bool:
    """Whether the question is written in title case ("What Is the Latest On the Strike?"): capitals then name
    nothing. Most of its words are capitalised, a small word among them ("Is", "On"), which no name needs
    after the first word but a few ("The Who"); a short question about a name is not ("Who painted the Mona
    Lisa?"), nor one that leaves a word other than a small one uncapitalised ("Who wrote We Are The World?":
    its capitals mark a song's title)."""
    compound = {w for m in _hyphened_names(text) for w in m.group().split("-")}  # "Take-Two" is a name
    small_capital = any(w[0].isupper() and w.lower() in STOPWORDS and w not in compound for w in raw_words[1:])
    return small_capital and sum(w[0].isupper() for w in raw_words) > len(raw_words) / 2 \
        and not any(map(_lower_case_word, text.split()[1:]))


def _hyphened_names(text: str) -> list[re.Match]:
    """The names of capitalised words joined by hyphens, a small word among them ("Take-Two", "Jack-In-The-Box"):
    the small word names nothing by itself. Without one, each word may be a name of its own ("the Trump-Zelensky
    call")."""
    return [m for m in _HYPHENED.finditer(text) if any(w.lower() in STOPWORDS for w in m.group().split("-"))]


_HYPHENED = re.compile(r"\b[A-Z][^\W_]*(?:-[A-Z][^\W_]*)+\b")


def _lower_case_word(word: str) -> bool:
    """Whether a word (as spaces part them) is written without capitals and is no small word: "wrote", not
    "the", "eBay", "Self-driving" or "Xi's"."""
    word = word.strip("\"“”'‘’()[],.;:!?¿¡«»")
    return word[:1].isalpha() and word.islower() and word.lower() not in STOPWORDS


_ACRONYM = re.compile(r"[A-Z]{2,5}s?")
# A model or code written in capitals and digits ("Boeing 777X", "Airbus A380", "MH17", "G20"): as particular
# as a name, whatever its first character. Not a quarter or a half of a year ("Q3", "H1"), which articles
# write in words as often, nor an amount after a currency sign ("$5M").
_DESIGNATION = re.compile(r"(?=[A-Z]*\d)(?=\d*[A-Z])[A-Z\d]{2,}")
_PERIOD = re.compile(r"[QH]\d")
_CURRENCY_SIGNS = frozenset("$£€¥₹₦")


def designations(text: str, lower: bool = False) -> list[str]:
    """The models' designations a text writes ("777X", "A380", "RAV4"; not "Q3" nor "$5M"), and codes of
    figures joined by a hyphen ("787-9"). With `lower` (a question typed without capitals), letters and
    figures joined as a model's are too ("777x", "a350", "rav4"), but for an ordinal, a decade, a time or a
    unit ("19th", "1990s", "10am", "4k", "1080p")."""
    found = [m.group() for m in TOKEN.finditer(text)
             if (_DESIGNATION.fullmatch(m.group()) or lower and _LOWER_DESIGNATION.fullmatch(m.group()))
             and not _PERIOD.fullmatch(m.group().upper()) and text[m.start() - 1 : m.start()] not in _CURRENCY_SIGNS]
    found = [w[:-1] if lower and w.endswith("s") and w[-2].isdigit() else w for w in found]  # "a350s"
    return found + _HYPHENATED_CODE.findall(text)


_HYPHENATED_CODE = re.compile(r"(?<![\w.,-])\d+-\d+[A-Za-z]?(?![\w-])")
_LOWER_DESIGNATION = re.compile(r"(?![\d]+(?:st|nd|rd|th|s|am|pm|k|m|p|g|b)$)(?:[a-z]{1,4}\d{1,4}[a-z]?|\d{2,4}[a-z])")


def names(question: str) -> list[str]:
    """The names in a question: its capitalised words after the first (the first too in a few words typed as
    into a search box, "Peter Kim"), those next to each other as one name ("What did Ilya Ponomarev say about
    the Wagner Group's mutiny?" -> Ilya Ponomarev, Wagner Group); none
    when most of its words are capitalised (a question in title case says nothing by its capitals), but for
    a model's designation ("Boeing 777X"). An acronym is left out: an article may spell it out ("CBO", "the
    Congressional Budget Office")."""
    found = list(TOKEN.finditer(question))
    title_case = _title_case([m.group() for m in found], question)
    hyphened = _hyphened_names(question)
    first = 0 if is_keywords(question) else 1  # "Peter Kim", typed as into a search box, opens with a name
    phrases: list[list[re.Match]] = []
    for i, m in enumerate(found):
        word = m.group()
        if _PERIOD.fullmatch(word):
            continue
        designation = (_DESIGNATION.fullmatch(word) is not None
                       and question[m.start() - 1 : m.start()] not in _CURRENCY_SIGNS)
        in_hyphened = any(h.start() <= m.start() < h.end() for h in hyphened)
        named = i >= first and not title_case and word[0].isupper() and (
            word.lower() not in STOPWORDS or _opens_a_name(found, i, question) or in_hyphened)
        if not (designation or named and not _ACRONYM.fullmatch(word)):
            continue
        gap = question[found[i - 1].end() : m.start()] if i else ""
        # Next to each other, or one name across an apostrophe after an initial ("O'Sullivan", "D'Angelo"), or
        # a hyphen ("Take-Two").
        joined = not gap.strip() or gap in ("'", "’") and len(found[i - 1].group()) == 1 or gap == "-" and in_hyphened
        if phrases and phrases[-1][-1] is found[i - 1] and joined:
            phrases[-1].append(m)
        else:
            phrases.append([m])
    return list(dict.fromkeys(question[p[0].start() : p[-1].end()] for p in phrases))


def _opens_a_name(found: list[re.Match], i: int, question: str) -> bool:
    """Whether the capitalised common word found[i] opens the name written next to it ("the New York Fed",
    "New Zealand's prime minister"), as inside a sentence only a name's words are capitalised. Not an article:
    "The" of "The Beverly Hillbillies" tells no more than "the" before any name."""
    if found[i].group().lower() in ("the", "a", "an") or i + 1 >= len(found) \
            or question[found[i].end() : found[i + 1].start()] != " ":
        return False
    following = found[i + 1].group()
    return following[0].isupper() and following.lower() not in STOPWORDS and not _ACRONYM.fullmatch(following)


def content_terms(question: str) -> dict[str, str]:
    """The words of a question that carry its meaning: {stem: the word as written}, in order."""
    terms: dict[str, str] = {}
    for word in content_words(question):
        terms.setdefault(_stem(word), word)
    return terms


def idf_weights(terms: dict[str, str], document_frequency: dict[str, int], total: int) -> dict[str, float]:
    """{stem: BM25's IDF of the word}, floored at a small positive value so that common words count a little.
    Pairs of CJK characters weigh alike, as unseen words: many a question's pairs straddle two words and occur
    nowhere, so their IDF would say more about word edges than about what the question asks."""
    weights = {}
    for stem, word in terms.items():
        df = 0 if CJK_RUN.fullmatch(word) else document_frequency.get(word, 0)
        weights[stem] = max(0.05, math.log(1 + (total - df + 0.5) / (df + 0.5)))
    return weights


def coverage(text: str, weights: dict[str, float]) -> float:
    """Share of the question's IDF weight whose words occur in `text` (0..1)."""
    return bag_coverage(set(tokens(text)), weights)


def bag_coverage(present: set[str], weights: dict[str, float]) -> float:
    total = sum(weights.values())
    return sum(w for t, w in weights.items() if t in present) / total if total else 0.0


# Words that English questions are made of, and those of the other languages the library is likely to hold,
# which a question in them writes as often (German "Was hat Merkel gesagt?" shares "was" with English).
_ENGLISH_QUESTION_WORDS = frozenset(
    "what who whom whose which when where why how did does do is are was were will would can could should has "
    "have had the of about tell any there this that with and from".split())
_OTHER_QUESTION_WORDS = frozenset(
    # German, French, Spanish, Italian, Portuguese, Dutch, Czech
    "was wer wie wo warum wann welche welcher der die das ist hat und ein eine den dem des nicht mit von "
    "qui que quoi où quand pourquoi comment quel quelle est le la les des du un une et "
    "qué quién quiénes cuándo dónde cómo por el los las del es y una "
    "chi che cosa dove perché il lo gli di è "
    "quem quando onde porque os do da não "
    "wat wie waar waarom het een en van "
    "co kdo kdy kde jak proč je na se".split())


def is_english(question: str) -> bool:
    """Whether a question reads as English: it holds more of the words English questions are made of than of
    those of other languages' questions, or it is a few words typed as into a search box ("WeWork", "hong
    kong protests": `is_keywords`)."""
    found = TOKEN.findall(question.lower())
    english = sum(w in _ENGLISH_QUESTION_WORDS for w in found)
    return english > sum(w in _OTHER_QUESTION_WORDS for w in found) or is_keywords(question)


def is_keywords(question: str) -> bool:
    """Whether the question is a few words with no question to them, as people type into a search box
    ("WeWork", "plague", "Europa water"): up to four words of Latin letters and digits, none a stopword."""
    found = TOKEN.findall(question)
    return (0 < len(found) <= 4 and "?" not in question and all(w.isascii() and w.isalnum() for w in found)
            and not any(w.lower() in STOPWORDS for w in found))


def _unaccented(word: str) -> str:
    """The word without its accents if it is written in Latin letters (other scripts' marks are letters' parts)."""
    bare = "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))
    return bare if bare.isascii() else word


@lru_cache(maxsize=1 << 16)  # a few thousand distinct words a day; each ask stems every candidate's words
def _stem(word: str) -> str:
    """A light English suffix stripper: enough for 'tariffs' to meet 'tariff', 'charged' 'charge', 'qualified'
    'qualifying' and 'faces' 'face' (a final e is dropped once the suffix is gone, as Porter's stemmer does),
    and for a noun of "-ability" to meet its adjective ("vulnerability": vulnerable), one of "-ance" its verb
    ("attendance": attend), and British spellings
    their American ones ("colour": color, "centre": center). A Latin letter's accent is dropped, as people type
    without it and the keyword index compares without it ("Maori": Māori, "Zurich": Zürich)."""
    if not word.isascii():
        word = _unaccented(word)
    if len(word) <= 3 or not word.isascii():
        return word
    for noun, adjective in (("abilities", "able"), ("ability", "able"), ("ibilities", "ible"), ("ibility", "ible")):
        if word.endswith(noun) and len(word) - len(noun) >= 3:  # "vulnerability" is what is "vulnerable"
            word = word[: -len(noun)] + adjective
            break
    # a noun of "-ation" meets its verb, of "-ate" or not ("investigation": investigate, "information": inform),
    # as in Porter's stemmer; not where little would be left ("nation", "station", "creation")
    for suffix in ("ations", "ation", "ating", "ated", "ates", "ate"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    if len(word) > 4:
        for suffix, keep in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""),
                             ("ly", "")):
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                word = word[: -len(suffix)] + keep
                break
    word = word[:-1] if word.endswith("e") and len(word) > 3 else word
    # a noun of "-ance" meets its verb ("attendance": attended, "insurance": insured), as in Porter's stemmer;
    # not where little would be left ("balance", "distance", "advance")
    if word.endswith("anc") and len(word) - 3 >= 5:
        word = word[:-3]
    # British spellings read as American ones: "colour" is "color", "centre" (stemmed "centr") is "center",
    # "programme" (stemmed "programm") is "program"
    if len(word) >= 6 and word.endswith("amm"):
        return word[:-1]
    if len(word) >= 5 and word.endswith("our"):
        return word[:-3] + "or"
    return word[:-2] + "ter" if len(word) >= 4 and word.endswith("tr") else word


# --- names in a question typed without capitals ----------------------------------------------------------
# "who is the ceo of nvidia?" names Nvidia as "Who is the CEO of Nvidia?" does, but says it by no capital. A
# truecaser restores capitals from how a language writes each word; what matters here is only whether a word
# is an ordinary one. A word is taken for a possible name when Webster's Second (the `web2` list of the
# english-words package, which writes proper nouns with their capital) does not list it in lower case, nor its
# stem by the usual English inflections. The library then says which of those it holds (`Store.unseen`).

_INFLECTIONS = (("ies", "y"), ("ied", "y"), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("d", ""),
                ("es", ""), ("s", ""), ("ly", ""), ("er", ""), ("er", "e"), ("est", ""), ("est", "e"),
                ("ise", "ize"), ("ised", "ize"), ("ising", "ize"), ("isation", "ization"))


@lru_cache(maxsize=1)
def _word_lists() -> tuple[frozenset[str], frozenset[str]]:
    """web2's entries as written (a common word in lower case, a name with its capital), and its names in
    lower case; read once (0.1 s, 8 MB), when the bot starts or a question first needs them."""
    from english_words import get_english_words_set

    entries = frozenset(get_english_words_set(["web2"]))
    return entries, frozenset(w.lower() for w in entries if w[:1].isupper())


def _dictionary() -> frozenset[str]:
    return _word_lists()[0]


def is_ordinary_word(word: str) -> bool:
    """Whether the dictionary lists `word` (lower case) as a common word, itself or by an inflection:
    "hauling" (haul), "planned" (plan), "nationalise" (nationalize); not "nvidia", "wagner"."""
    dictionary = _dictionary()
    if word in dictionary:
        return True
    for suffix, base in _INFLECTIONS:
        stem = word[: -len(suffix)]
        if not word.endswith(suffix) or len(stem) < 3 or suffix == "d" and not stem.endswith(("e", "ear", "ai")):
            continue  # "-d" follows an e ("used") or makes "heard", "paid", "said"; not "coverd"
        if stem + base in dictionary:
            return True
        if not base and suffix[0] in "aeiou" and len(stem) >= 4 and stem[-1] == stem[-2] and stem[:-1] in dictionary:
            return True  # a consonant doubled before a vowel: "planned", "stabbed"; not "brotherrs"
    return False


def is_listed_name(word: str) -> bool:
    """Whether the dictionary lists `word` with a capital, as a name ("Stella", "Peter"), a small word aside."""
    return word.lower() not in STOPWORDS and word.lower() in _word_lists()[1]


def capitals_say_nothing(question: str) -> bool:
    """Whether a question is typed in title case or in capitals throughout ("Who Is Martin Indyk?", "WHO IS
    MARTIN INDYK?"), so that its capitals tell its names no better than a question typed without any."""
    return _title_case(TOKEN.findall(question), question)


def typed_without_capitals(question: str) -> bool:
    """Whether no word after the first is capitalised ("who is the ceo of nvidia?", "Who is the ceo of
    nvidia?"), so that the question's capitals say nothing about its names."""
    return not any(w[0].isupper() for w in TOKEN.findall(question)[1:])


def uncapitalised_names(question: str, joins: Callable[[str], bool] | None = None) -> list[str]:
    """The words of a question typed without capitals that may be names: those the dictionary does not list
    as common words (`is_ordinary_word`), next to each other as one name ("what did boris johnson promise?"
    -> boris johnson), across an apostrophe after an initial too ("ronnie o'sullivan"); numbers and words of
    one or two letters are left out. A word the dictionary lists as a name as well as a common word ("martin",
    "south") joins such a name next to it where `joins` says so (the library writes it as a name): "how old
    is martin taylor?" -> martin taylor; not "win" in "did trump win kentucky?"."""
    if not typed_without_capitals(question):
        return []
    content = set(content_words(question))
    words: list[tuple[str, bool, bool]] = []  # (as written, a possible name, a name the dictionary lists)
    for initial, word in _with_initials(question):
        usable = word.lower() in content and word.isalpha() and len(word) > 2 and word.isascii()
        words.append(((initial + word).lower(), usable and not is_ordinary_word(word.lower()),
                      usable and joins is not None and is_listed_name(word)))
    phrases: list[str] = []
    run: list[tuple[str, bool]] = []
    for i, (written, possible, listed) in enumerate([*words, ("", False, False)]):
        beside = any(words[j][1] for j in (i - 1, i + 1) if 0 <= j < len(words)) or any(p for _, p in run)
        if possible or listed and beside and joins(written):
            run.append((written, possible))
            continue
        if any(p for _, p in run):
            phrases.append(" ".join(w for w, _ in run))
        run = []
    return list(dict.fromkeys(phrases))


def _with_initials(text: str) -> list[tuple[str, str]]:
    """The words of a text, each with the initial an apostrophe joins to it, if any: ("o'", "sullivan")."""
    out: list[tuple[str, str]] = []
    previous = None
    for m in TOKEN.finditer(text):
        gap = text[previous.end() : m.start()] if previous else ""
        if previous and len(previous.group()) == 1 and gap in ("'", "’"):
            out[-1] = (previous.group() + gap, m.group())  # the initial is no word of its own
        else:
            out.append(("", m.group()))
        previous = m
    return out


def load_dictionaries() -> None:
    """Read the word lists now, not when the first question needs them."""
    _word_lists()


MAX_SLIP_LETTERS = 30  # longer than any word a dictionary lists: no slip of the keys to look up (a pasted hash)


def unusual_words(question: str) -> list[str]:
    """The words of four to thirty letters that the dictionary lists neither as a common word nor, written with
    a capital, as a name ("Greta", "Emily" are names it lists; "greta" may be "great" mistyped, but not
    beside another name, "greta thunberg"): names it does not know, and words mistyped ("emplyees"), which
    the library may hold one slip away (`Store.spelled_as`)."""
    found = TOKEN.findall(question)
    listed_names = _word_lists()[1]

    def unknown(word: str) -> bool:
        return word.isalpha() and not is_ordinary_word(word.lower())

    out = []
    for i, word in enumerate(found):
        if not 4 <= len(word) <= MAX_SLIP_LETTERS or not unknown(word) or word.lower() in listed_names and (
                word[0].isupper() or any(unknown(found[j]) for j in (i - 1, i + 1) if 0 <= j < len(found))):
            continue
        out.append(word)
    return list(dict.fromkeys(out))


def one_edit_away(word: str) -> set[str]:
    """The words one slip of the keys from `word`: a letter left out, one too many, two swapped, or a key next
    to the right one hit (on a QWERTY keyboard): "emplyees", "Tesnnis", "Mratin", "chamce". A letter for
    another further off is no slip: "Wagner" is not read as "Warner"."""
    letters = set("abcdefghijklmnopqrstuvwxyz") | set(word)
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    edits = {a + b[1:] for a, b in splits if b}
    edits |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    edits |= {a + c + b for a, b in splits for c in letters}
    edits |= {a + c + b[1:] for a, b in splits if b for c in _NEXT_KEYS.get(b[0], "")}
    edits.discard(word)
    return edits


_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")  # each row set off to the right of the one above


def _next_keys(r: int, c: int) -> str:
    """The keys around row r, column c: either side, the two above it and the two below it."""
    around = [(r, c - 1), (r, c + 1), (r - 1, c), (r - 1, c + 1), (r + 1, c - 1), (r + 1, c)]
    return "".join(_ROWS[i][j] for i, j in around if 0 <= i < len(_ROWS) and 0 <= j < len(_ROWS[i]))


_NEXT_KEYS = {key: _next_keys(r, c) for r, row in enumerate(_ROWS) for c, key in enumerate(row)}
