"""The kind of answer a question asks for steers the choice of sentence inside an article."""

import json
import signal
from dataclasses import replace

import pytest

from index.answer_types import (
    AnswerType,
    age_by_name,
    ages_of_others,
    asked,
    asks_overview,
    asks_several,
    asks_time_ahead,
    asks_time_foreseen,
    asks_time_past,
    counter_asked,
    counts_of_others,
    gives_time_ahead,
    gives_time_past,
    holds,
    holds_measure,
    is_time,
    measure_asked,
    money_period,
    money_role,
    names_someone,
    notes_out,
    own_times_out,
    parts,
    person_asked,
    speaker_asked,
    speakers,
    speech_topic,
    thing_asked,
    topic_head,
)
from index.chunking import Span, sentences
from index.layout import heads_of
from index.models import Article
from index.quotes import (
    ScoredQuote,
    _continuing,
    lacking_birth_or_death,
    lacking_deed,
    lacking_measure,
    lacking_time,
    measure_in_sentence,
    other_model,
    paragraph_holds_all,
    select_quotes,
    title_beside_owner,
    unwritten_name,
    workplace_beside_name,
)
from index.words import content_terms, idf_weights


@pytest.mark.parametrize(("question", "kind"), [
    ("How many passengers does the jet seat?", AnswerType.QUANTITY),
    ("How much did the repairs cost?", AnswerType.QUANTITY),
    ("What is the order worth at list prices?", AnswerType.QUANTITY),
    ("When did he join the band?", AnswerType.TIME),
    ("How soon must the infection be treated?", AnswerType.TIME),  # "within 24 hours"
    ("In which year did the museum open?", AnswerType.TIME),
    ("Who is mediating between the president and the generals?", AnswerType.NAME),
    ("Which company is building the spacecraft?", AnswerType.NAME),
    ("Which five companies did the agency add to the programme?", AnswerType.NAME),
    ("Which painkiller is the regulator ruling on?", AnswerType.NAME),  # "which …?" asks for a thing named
    ("Which year did the museum open?", AnswerType.TIME),
    ("What new rules apply from Monday?", None),
    ("Where did the prince say he was that night?", AnswerType.NAME),
    ("Why did the photographer wrap the baby in a flag?", AnswerType.REASON),
    ("What did the minister say about the strike?", AnswerType.SPEECH),  # what someone said
    ("What did the coach tell reporters after the game?", AnswerType.SPEECH),
    ("Where was the Fort Worth girl found?", AnswerType.NAME),  # a place named Worth is not a price
    ("What criminal charge do the sprinters face?", None),  # nor is a charge in court
    ("¿Cuánto cuesta el billete?", None),  # English rules only: other languages are left as they were
])
def test_the_question_tells_the_kind_of_answer(question, kind):
    assert asked(question) is kind


@pytest.mark.parametrize(("question", "overview"), [
    ("What happened with the investigation?", True),
    ("Whats going on with the strike", True),
    ("Tell me about the bridge", True),
    ("Any news on the trade talks?", True),
    ("What's the latest on the strike?", True),
    ("What's new with the phone?", True),
    ("What new rules apply from Monday?", False),  # a detail of the story
    ("What did the mayor say about the bridge?", False),
])
def test_a_question_may_ask_for_the_story_itself(question, overview):
    assert asks_overview(question) is overview


def test_a_sentence_holds_an_answer_of_the_kind_asked():
    assert holds(AnswerType.QUANTITY, "The bar charges Rs 299 for fifteen minutes.", "")
    assert holds(AnswerType.QUANTITY, "Three hundred people came.", "")
    assert not holds(AnswerType.QUANTITY, "The bar opened in a mall.", "")
    assert holds(AnswerType.TIME, "He joined in 1975.", "")
    assert holds(AnswerType.TIME, "The talks resume on Monday.", "")
    assert not holds(AnswerType.TIME, "The talks resume soon.", "")
    walkout = "When is the walkout?"  # a time to come: not one past, which dates another event
    assert not holds(AnswerType.TIME, "The union warned last week of further walkouts.", walkout)
    assert holds(AnswerType.TIME, "Members are balloted on a 23 March walkout.", walkout)
    assert holds(AnswerType.TIME, "The union warned last week of further walkouts.", "When did the union warn?")
    grabbed = "What time did he grab her?"  # a time of day, not a month
    assert holds(AnswerType.TIME, "He grabbed her at 6:38 p.m. on Saturday.", grabbed)
    assert not holds(AnswerType.TIME, "After a trial in September, he was convicted.", grabbed)
    why = "Why does the rental service cost more?"
    assert asked(why) is AnswerType.REASON  # a reason, not an amount
    assert holds(AnswerType.REASON, "The price is higher because labels charge more.", why)
    assert holds(AnswerType.REASON, "It was delayed due to engine problems.", why)
    assert not holds(AnswerType.REASON, "The service is due to launch in the UK next month.", why)  # a time
    assert not holds(AnswerType.REASON, "Just because it costs more does not mean it is better.", why)
    defined = "What is a minority ethnic led company?"  # what a thing is, asked by its name alone
    assert asked(defined) is AnswerType.DEFINITION and asked("What are tuft cells?") is AnswerType.DEFINITION
    assert asked("What is the Chargers' record?") is None and asked("What is the capital of France?") is None
    assert holds(AnswerType.DEFINITION, "A minority ethnic led company is defined as one in which …", defined)
    assert not holds(AnswerType.DEFINITION, "About 10% of companies in the UK are minority ethnic led.", defined)
    assert holds(AnswerType.DEFINITION, "One Home Depot refers to investments in stores.", "What is One Home Depot?")
    assert asked("What time signature did she choose?") is None and asked("What time does it open?") is AnswerType.TIME
    cheaper = "How much cheaper are the drugs in Africa?"  # "one of" picks someone out, counting nothing
    assert not holds(AnswerType.QUANTITY, "One of the largest drug makers cut its prices in Africa.", cheaper)
    assert holds(AnswerType.QUANTITY, "The drugs are thirty times cheaper in Africa.", cheaper)
    assert holds(AnswerType.QUANTITY, "One person died.", "How many people died?")
    years = "In which years did the coach win the cup?"  # a year asked for: not any time
    assert asked(years) is AnswerType.TIME
    assert holds(AnswerType.TIME, "He won it with Porto in 2004 and with Inter in 2010.", years)
    assert holds(AnswerType.TIME, "As of 29 November 2018, the lights are on.", years)
    assert not holds(AnswerType.TIME, "He was sacked last night after five years in charge.", years)
    # a name counts only when the question does not already hold it, and not for a capital opening a sentence
    question = "Who is mediating between President Okafor and the generals?"
    assert holds(AnswerType.NAME, "Talks are led by Bishop Ada Nwosu.", question)
    assert not holds(AnswerType.NAME, "President Okafor met the generals.", question)
    assert not holds(AnswerType.NAME, "Talks went on all night.", question)
    assert not holds(AnswerType.NAME, "“Talks went on all night,” an aide said.", question)  # opens a quotation
    assert not holds(AnswerType.NAME, "An aide said: “Talks went on all night.”", question)
    assert not holds(AnswerType.NAME, "Talks went on until Monday.", question)  # a day is a time, not a name
    assert not holds(AnswerType.NAME, "Talks resume in March.", question)
    assert not holds(None, "Anything at all, 42.", "")
    assert holds(AnswerType.SPEECH, "“We will reopen it by spring,” the mayor said.", "")
    assert holds(AnswerType.SPEECH, "The mayor told reporters the bridge would reopen.", "")
    assert not holds(AnswerType.SPEECH, "The mayor visited the bridge on Monday.", "")
    # a verb of saying in any of its forms
    assert holds(AnswerType.SPEECH, "The coach backed his winger, saying he always finds a way to score.", "")
    assert holds(AnswerType.SPEECH, "The mayor explained the delay to the council.", "")


@pytest.mark.parametrize(("question", "measure"), [
    ("How much is the manager being paid?", "the amount of money"),
    ("What did the cosmetics group pay for its stake?", "the amount of money"),  # the clause's verb is "pay"
    ("What will the new phone cost?", "the amount of money"),
    ("What did the company buy?", None),  # a thing, not a sum
    ("What was the ticket price?", "the amount of money"),
    ("How far can the car go on one charge?", "the distance"),
    ("How far did farm exports fall last year?", "the size of the change"),  # "to $9.1 billion, down from …"
    ("How old is the skipper's schooner?", "the age"),
    ("What was the final score of the game?", "the score"),
    ("How fast is the new supercomputer?", "the speed"),
    ("What is the top speed of the new sedan?", "the speed"),  # the measure's noun after "what is the"
    ("What's the range of the drone?", "the distance"),
    ("What is the Model 3's range?", "the distance"),  # or after whose it is
    ("What is Marie Yovanovitch's salary?", "the amount of money"),
    ("What's the tablet's battery life?", "the duration"),  # how long a charge lasts
    ("What did Bill Shorten's office say?", None),
    ("How fast have the chain's papers been cutting staff?", None),  # a rate of change: "twice the rate"
    ("How fast is the economy growing?", None),
    ("What driving range does the new electric car have?", "the distance"),
    ("What age range was used to measure employment?", "the age"),  # a range of ages, not a distance
    ("What temperature range can the battery stand?", "the temperature"),
    ("What percentage of voters backed the plan?", "the percentage"),
    ("What gas mileage does the sedan get?", "the fuel economy"),
    ("What dose of the drug was used?", "the dose"),
    ("How hot does the keyboard get?", "the temperature"),
    ("How heavy a load can the lander carry?", "the weight"),
    ("How much power does the engine make?", "the power"),
    ("How much power does the mayor have?", None),  # not an engine's
    ("How long did the strike last?", "the duration"),  # a verb that lasts
    ("How long had the professors been held?", "the duration"),
    ("How long is the bridge?", None),  # a length, or of the cruise a time: not said
    ("How long is the keeper's contract with Chelsea?", "the duration"),  # a thing that lasts
    ("How many hours does it take to finish the game?", "the duration"),  # a number of units of time
    ("How many years in prison was he sentenced to?", "the duration"),
    ("What is the population of Xilingol?", "the population"),
    ("What's the population of the region?", "the population"),
    ("What share of the population voted?", "the percentage"),  # a share, not a population
    ("What market share does the carmaker have?", "the percentage"),
    ("What share price did the firm list at?", "the amount of money"),
    ("What was the country's GDP growth in the September quarter?", "the percentage"),  # a rate told as a share
    ("What is the unemployment rate in Spain?", "the percentage"),
    ("What is the exchange rate of the euro?", None),  # a price of money, not a share
    ("What is driving growth in the region?", None),  # what causes it
    ("What was the sprinter's time in the 100m final?", "the time"),  # a race's time
    ("What time did she run in the 800m?", "the time"),
    ("What time did the match kick off?", None),  # a time of day
    ("What did Bill Shorten write about press freedom?", None),  # a man's name, not a bill
    ("what did bill shorten write about press freedom?", None),  # a noun after "did" is the verb's subject
    ("What does the fee cover?", None),
    ("What kept the price of oil above $50 a barrel?", None),  # what did it, not a price
    ("What sets Uber's surge prices?", None),  # a verb in -s, then what it acts on
    ("What fees does the bank charge?", "the amount of money"),  # a noun in -s, then its verb
    ("What was the budget of the campaign?", "the amount of money"),
    # a count asks for a number of the thing counted, up to its plural noun
    ("How many employees did the company have?", "the number of employees"),
    ("How many US troops remain in the country?", "the number of US troops"),
    ("How many mobile phone owners did Ericsson interview?", "the number of mobile phone owners"),
    ("How many people died?", "the number of people"),
    ("How many gas leaks does the utility record?", "the number of gas leaks"),  # "gas" is no plural
    ("How many people's surveys did they read?", "the number of people's surveys"),
    # typed without capitals, a name (not in the dictionary) or an acronym still says whose, not what
    ("how many russian soldiers did its fighters kill?", "the number of russian soldiers"),
    ("how many us troops remain in the country?", "the number of us troops"),
    ("How many of them were there?", None),  # nothing named to count
    ("How many miles of cable does the utility maintain?", "the distance"),  # a unit: "90,000 miles", "10km"
    ("How many Gizmondo units were sold?", "the number of Gizmondo units"),  # a thing counted, not a dose
    ("How many frames per second does the game run at?", None),  # a rate: "60fps"
    ("How many years did he serve?", "the duration"),  # a span of time, not a count: "a decade" will do
    ("How long had the nurse worked at the jail?", "the duration"),  # a verb of its own lasts
    ("How long was the coach banned after the final?", "the duration"),
    ("How long was the chat with the founder?", "the duration"),  # a thing that lasts
    ("How long after exposure can symptoms begin?", "the duration"),
    ("How long is the novel?", None),  # pages, or hours of reading
    ("How many times did they meet?", None),  # how often: "twice"
    ("How often did he sing the theme, according to his daughter?", "the frequency"),  # "at least once a day"
    # "how much" with no verb of money in its clause asks for no unit
    ("How much had the shares risen by noon, and where did they close after the new offer?", None),
    ("What did the minister say about the cost of the campaign?", None),
    ("How much are the senators demanding from the police chief?", "the amount of money"),
    ("How much in imported goods do the new tariffs cover?", "the amount of money"),
    ("How much prize money did she win?", "the amount of money"),  # "$360 billion in goods"
    ("How much severance will laid-off employees get?", "the amount of money"),  # a sum by its noun
    ("How much aid will the commission recommend?", "the amount of money"),
    ("How much extra cash does the chancellor have?", "the amount of money"),  # a word before the noun of money
    ("How much was Bloom & Sons fined?", "the amount of money"),  # "&" is a word between "how much" and its verb
    ("How much do tickets for the band's 50th anniversary tour cost?", "the amount of money"),  # a long subject
    ("How much is the new console?", "the amount of money"),  # a thing and no verb: its price
    ("How much is the Boeing 777X?", "the amount of money"),  # "Boeing" is a name, not a participle
    ("How expensive is the new console?", "the amount of money"),  # how dear: a price too
    ("How cheap do the makers want solar panels to get by 2030?", "the amount of money"),
    ("How much is left?", None),
    ("How much cheaper are the drugs sold in Africa than in Europe?", "the size of the difference"),  # "30 times"
    ("How much water is escaping from the moon?", None),
    # a picture's resolution ("1080p", "4K"), but not one a body votes on
    ("At what resolution does the game run in the browser?", "the resolution"),
    ("What resolution do Chromecast users get?", "the resolution"),
    ("What resolution did the Senate pass on Monday?", None),
])
def test_the_question_tells_the_measure_asked_for(question, measure):
    found = measure_asked(question)
    assert (found.name if found else None) == measure


def test_a_sentence_gives_a_measure_by_its_units():
    money, distance, score, age = (measure_asked(q) for q in (
        "How much did it cost?", "How far can it go?", "What was the score?", "How old is he?"))
    assert holds_measure(money, "The repairs cost 4.2 million euros.")
    assert holds_measure(money, "Tickets are £12 each.")
    assert holds_measure(money, "They seek the sum of N500m only.") and holds_measure(money, "It costs ₦2,000.")
    assert not holds_measure(money, "Nurses wear N95 masks.")  # a mask's name, not naira
    assert not holds_measure(money, "He signed until the end of the 2022/23 season.")  # a number, not money
    assert holds_measure(distance, "The wagon will go 300 miles on a single charge.")
    assert not holds_measure(distance, "It can reach 60 mph in five seconds.")
    assert not holds_measure(distance, "I'm not sure, he said.")  # the m of I'm is no metre
    assert holds_measure(score, "Nadal beat Khachanov 6-3, 7-6.")
    assert not holds_measure(score, "The game was on 2019-11-14 in Cleveland.")  # a date is no score
    assert not holds_measure(score, "The rematch moves from a 4:25 kickoff to a 1 p.m. start.")  # nor a time
    assert holds_measure(age, "The 55-year-old is the third resident to catch it.")
    assert holds_measure(age, "Martin Taylor, 43, fell ill.")
    assert holds_measure(age, "It counted workers between the ages of 25 and 54.")  # an age range
    often = measure_asked("How often does the festival take place?")
    for sentence in ("It is held every four years.", "He sang it at least once a day.", "They meet weekly.",
                     "The trains run three times a day."):
        assert holds_measure(often, sentence)
    assert not holds_measure(often, "The festival took place in 2019 for the first time.")
    share = measure_asked("What share of the state's voters is black?")
    assert holds_measure(share, "Black voters make up roughly two-thirds of its electorate.")  # a plural fraction
    assert holds_measure(share, "Three-quarters of them voted.") and holds_measure(share, "A quarter of them did.")
    assert not holds_measure(share, "Earnings improved in the September quarter.")  # a time of the year
    race = measure_asked("What was her time in the 800m?")
    assert holds_measure(race, "She set a personal best of one minute, 46.68 seconds.")
    assert holds_measure(race, "He clocked 1:46.68 in the heats.") and holds_measure(race, "She won in 10.83sec.")
    assert not holds_measure(race, "She set a world-leading mark for 1,000m.")  # a distance's number, no time
    assert holds_measure(age, "Most 18-year-olds voted.")
    troops, cities = measure_asked("How many US troops remain there?"), measure_asked("How many cities joined?")
    assert holds_measure(troops, "Roughly 13,000 US troops are still there.")
    assert holds_measure(troops, "One troop carrier was hit.")  # singular or plural
    sessions = measure_asked("How many straight sessions had the index risen?")
    assert holds_measure(sessions, "The index gained 0.02%, eking out its seventh straight session of gains.")
    assert not holds_measure(sessions, "It was the index's seventh session at a record.")  # an ordinal alone
    resolution = measure_asked("What resolution does the game run at?")
    assert holds_measure(resolution, "Browser players get an unstable 1080p at 60fps.")
    assert holds_measure(resolution, "Chromecast users enjoy a solid 30fps with 4K output.")
    assert not holds_measure(resolution, "It runs at an ideal 60fps in the Chrome browser.")
    assert not holds_measure(troops, "The US invaded in 2001.")  # a number, but not of troops
    assert not holds_measure(troops, "US troops are still there.")  # troops, but no number
    assert holds_measure(cities, "Eleven cities signed up.") and holds_measure(cities, "One city signed up.")
    crowd = measure_asked("How many people attended the tie?")  # a crowd is people
    assert holds_measure(crowd, "Neymar was among the more than 12,000 in attendance.")
    died = measure_asked("How many people died of overdoses last year?")  # people are counted, not deaths
    assert holds_measure(died, "Some 70,000 people died.") and not holds_measure(died, "Twelve died in 2016.")
    duration, population = measure_asked("How long did it last?"), measure_asked("What is the population?")
    assert holds_measure(duration, "The strike lasted two-and-a-half years.")
    assert holds_measure(duration, "It took a decade.") and holds_measure(duration, "held since 2016")
    assert not holds_measure(duration, "It goes on sale in the next few weeks for £229.")  # no number of weeks
    assert not holds_measure(duration, "The 23-year-old flew to London.")  # an age
    assert not holds_measure(duration, "That matters, since it's the only way to play.")  # "since" gives a reason
    # a count of those something befell is of them: another fate is another count
    arrested = measure_asked("How many people were arrested in the clashes at the plant?")
    assert holds_measure(arrested, "Police detained 40 people overnight.")
    assert not holds_measure(arrested, "Three people have died in the clashes.")
    injured = measure_asked("How many people did the gunman injure?")  # asked in the active voice too
    assert not holds_measure(injured, "The gunman killed two people.")
    died = measure_asked("How many people have died of the virus in the state?")
    assert holds_measure(died, "Officials are reporting a 6th fatality linked to the virus.")  # six deaths
    assert not holds_measure(died, "The victim was one of two people who caught the virus.")
    assert not holds_measure(measure_asked("How many horses have died of the virus?"),
                             "Officials are reporting a 6th fatality linked to the virus.")  # a person's death
    assert holds_measure(duration, "She has led the club since then.")
    assert holds_measure(population, "Xilingol, a city of about 1.1 million, lies north.")
    assert holds_measure(population, "The region has a population of 1.1 million.")
    assert not holds_measure(population, "A total of 28 people were put under quarantine.")  # people, not residents
    # every number word counts ("thirteen different finishes"); a torque is no weight
    assert holds_measure(measure_asked("How many finishes will the car come in?"), "It comes in thirteen finishes.")
    weight = measure_asked("How much does the car weigh?")
    assert holds_measure(weight, "It weighs 5,500 pounds.") and not holds_measure(weight, "It has 414 lb-ft of torque.")
    # a word of how often tells which are counted, not what: monthly businesses are no users
    monthly = measure_asked("How many monthly users does the app have?")
    assert holds_measure(monthly, "The app has 90 million monthly users.")
    assert not holds_measure(monthly, "There are 140 million monthly active businesses on its platforms.")
    # what befell them is asked in the clause that counts them, not in one that sets the time
    vacancies = measure_asked("How many staff vacancies were there at the jail when the inmate killed himself?")
    assert holds_measure(vacancies, "There were more than 30 staff vacancies at the facility, the union said.")
    killed = measure_asked("How many people were killed when the bridge collapsed?")
    assert not holds_measure(killed, "Police detained 40 people when the bridge collapsed.")
    russians = measure_asked("how many russian soldiers did they kill?")
    assert holds_measure(russians, "They killed 40 soldiers.")
    assert not holds_measure(russians, "Fighters crossed into two Russian regions.")  # whose, not what, counted
    stores = measure_asked("How many stores does the chain operate?")
    assert holds_measure(stores, "It operates 2,200 stores.") and holds_measure(stores, "Hundreds of stores shut.")
    assert not holds_measure(stores, "Comparable-store sales will grow 3.5%.")  # a share is not a count
    assert not holds_measure(stores, "Sales at its stores rose 4 per cent, or $53 million.")  # nor a sum
    assert not holds_measure(stores, "Twice as many stores opened as closed.")  # nor a proportion
    assert not holds_measure(stores, "Correction added Nov. 18: the stores were named.")  # nor a date's day
    assert not holds_measure(stores, "On 18 November the stores shut.")
    living = measure_asked("How many people live in the camp?")
    assert holds_measure(living, "The population in the camp is estimated at around 40,000.")  # a population
    assert not holds_measure(measure_asked("How many people died in the camp?"), "Its population is 40,000.")
    italians = measure_asked("How many Italians were killed in the attack?")  # a people counted by its name
    assert italians.name == "the number of Italians"
    assert measure_asked("how many italians were killed?").name == "the number of italians"  # typed so too
    assert holds_measure(italians, "Four Italians were among the dead.")
    assert not holds_measure(italians, "Gunmen killed 19 people, including tourists from Italy.")


def test_a_number_counts_the_words_written_right_after_it():
    cells = measure_asked("How many tuft cells does the lung contain?")
    assert not holds_measure(cells, "Biologists found at least one explanation for what tuft cells do.")
    assert holds_measure(cells, "The lung holds about 300 tuft cells per square millimetre.")
    assert holds_measure(cells, "Of the cells they counted, 12 were tuft cells.")  # the number stands alone
    teams = measure_asked("How many teams have qualified?")
    assert not holds_measure(teams, "The final four spots go to the playoffs, whose teams are not yet known.")
    assert holds_measure(teams, "Twenty teams have booked their spots.")
    assert holds_measure(teams, "Four more teams will join the field of 20.")  # words before the noun
    assert holds_measure(teams, "They beat 123 of the teams.") and holds_measure(teams, "The teams: all 24.")
    moons = measure_asked("How many moons does Jupiter have?")
    assert not holds_measure(moons, "The probe will study the moon on dozens of flybys.")  # it counts flybys
    assert holds_measure(moons, "Dozens of moons circle it.") and holds_measure(moons, "Four of its moons are big.")
    subscribers = measure_asked("How many paid subscribers does the service have?")
    assert not holds_measure(subscribers, "He expects between four to six services, if subscribers stay.")  # a range
    assert holds_measure(subscribers, "It has between four and six million subscribers.")
    ipods = measure_asked("How many iPods has Apple sold?")
    assert not holds_measure(ipods, "You do not need an iPod to create one.")  # "one" standing for a thing
    assert holds_measure(ipods, "Of the iPods it made, 22 million were sold.")
    suvs = measure_asked("How many e-tron SUVs has Audi sold?")  # an acronym in the plural is what is counted
    assert suvs.name == "the number of e-tron SUVs" and holds_measure(suvs, "Audi sold 5,000 SUVs.")
    assert measure_asked("How many MPs backed the bill?").name == "the number of MPs"


def test_by_how_much_asks_for_a_change_in_any_unit():
    change = measure_asked("By how much might the Fed raise interest rates?")  # not money, for "raise"
    assert change.name == "the size of the change"
    assert holds_measure(change, "It would increase rates by a quarter of a percentage point.")
    assert holds_measure(change, "Pollution has shaved 3.2 years from their lives.")
    assert not holds_measure(change, "The Fed would increase interest rates soon.")


def test_a_gift_or_a_loan_asks_for_money():
    for question in ("How much did the donor give away? How much did he donate to the campaign?",
                     "How much did China lend to Russia?", "How much did the club borrow?"):
        assert measure_asked(question).name == "the amount of money"
    for question in ("How much did Blue Gene/L cost to build?", "How much did the Disney+ glitches cost Disney?",
                     "How much did AT&T pay for it?",  # a name of other signs than letters is a word too
                     "How much did Gaiman, McDougal and Rigney offer for the estate?"):  # names listed with commas
        assert measure_asked(question).name == "the amount of money"


def test_a_sum_is_not_given_by_a_quote_whose_only_numbers_are_years_or_no_one():
    first = ("No one had had contact with the family since the summer of 2007, when his friends unsuccessfully "
             "tried to purchase the writer's literary estate.")
    text = first + "\n\nHis early paperbacks sell for $200 each, and his father paid a $3,000 library fine."
    article = Article(url="https://news.test/a", title="A lost writer", text=text, lang="en")
    quote = ScoredQuote(article, Span(0, len(first)), 1.0, coverage=0.8, cosine=0.5)
    question = "How much did his friends offer for the writer's literary estate?"
    assert lacking_measure(quote, question).name == "the amount of money"  # another's sums further on
    assert not holds(AnswerType.QUANTITY, "No one came.", "How many came?")
    assert holds(AnswerType.QUANTITY, "One came.", "How many came?")


def test_a_net_worth_or_a_fortune_is_a_sum_of_money():
    for question in ("What is Scooter Braun's net worth?", "What is his fortune?"):
        assert measure_asked(question).name == "the amount of money"
    assert measure_asked("What is the Fortune 500?") is None  # the magazine, written with its capital


def ask_one_article(library, tmp_path, title: str, text: str, question: str, answered: bool = True):
    """A library of one article, asked one question; the answer must be declined or not, as said."""
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps({"url": "https://news.test/one", "title": title, "source": "Desk", "text": text}),
                    encoding="utf-8")
    list(library.ingest([str(path)]))
    answer = library.ask(question)
    assert answer.answered is answered
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


def test_what_someone_said_is_quoted_from_the_sentence_that_reports_it(library, tmp_path):
    text = ("Mayor Ada Nwosu visited the closed bridge on Monday.\n\n"
            "Engineers have inspected the bridge since the flood in March, and the council has set aside money "
            "for the work.\n\n"
            "“The repairs will take the whole winter, and nobody should cross it before then,” Nwosu told the "
            "crowd gathered at the bridge.")
    answer = ask_one_article(library, tmp_path, "Mayor visits flooded bridge", text,
                             "What did Nwosu say about the bridge?")
    assert answer.quotes[0].text.startswith("“The repairs will take the whole winter")


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


def test_an_age_written_by_another_name_is_not_the_age_asked_for():
    star = "The film won a prize for its director, Tunis-born Karim Haddad, and the 18-year-old actress Lena Moreau."
    assert ages_of_others(star, ["Karim Haddad"])  # hers, not his; "Tunis-born" tells no age
    assert not ages_of_others(star, ["Lena Moreau"])
    assert ages_of_others("Mr Sullivan, 42, has pleaded guilty.", ["Bernard Ebbers"])
    assert not ages_of_others("Mr Ebbers, 63, denies it.", ["Bernard Ebbers"])
    assert not ages_of_others("The former star, 42, was voted off.", ["James Van Der Beek"])  # by no name: maybe his


def test_an_age_written_by_the_name_asked_about_is_theirs(library, tmp_path):
    assert age_by_name("Mr Ebbers, 63, denies it.", ["Bernard Ebbers"])
    assert age_by_name("There is little affection for 52-year-old Grace, a former typist.", ["Grace Mugabe"])
    assert not age_by_name("The 93 year-old wants to finish his term.", ["Grace Mugabe"])  # anyone's
    text = ("President Tomas Weller and his wife Grace are under house arrest, and insist the 93 year-old finishes "
            "his term, a source said. The army says the family is safe. There is little public affection for "
            "52-year-old Grace, a former typist who rose fast through the party's ranks.")
    answer = ask_one_article(library, tmp_path, "Weller under house arrest", text, "How old is Grace Weller?")
    assert "52-year-old Grace" in answer.quotes[0].text


def test_a_count_written_by_another_name_is_not_the_count_asked_for():
    points = measure_asked("How many points did Marta Reyes score against Leeds?")
    names = ["Marta Reyes", "Leeds"]
    assert counts_of_others("Reyes won, and Tomas Okafor scored 34 points in the victory over Leeds.", names, points)
    assert counts_of_others("Ines Okafor had four points, 10 assists and five rebounds.", names, points)  # a list
    assert not counts_of_others("Reyes finished with 25 points, 11 rebounds and 10 assists.", names, points)
    assert not counts_of_others("The team scored 34 points.", names, points)  # by no name: maybe hers
    assert not counts_of_others("Fans in Bradford counted 34 points.", names, points)  # a place, not someone
    assert not counts_of_others("Police arrested 34 people and counted 34 points.", names, points)  # a common word
    assert not counts_of_others("Two-year-old flaw exposes thousands of points.", names, points)  # no name
    assert not counts_of_others("Tomas Okafor scored two goals.", names, points)  # no count of points at all
    # whose count is asked: someone named as the one who has or did what is counted
    assert counter_asked("How many points did Marta Reyes score against Leeds?") == ["Marta Reyes"]
    assert counter_asked("How many prisoners were freed by the Afghan government?") == []  # no one's own
    assert counter_asked("how many points did marta reyes score?") == []  # no name told by capitals


def test_a_sum_asked_for_is_said_by_its_verb_or_noun():
    paid = money_role("How much did the publisher pay for the rival chain?")
    assert paid.search("It bought the chain for $1.1bn.") and paid.search("The deal was worth $1.1bn.")
    assert not paid.search("It expects to wring $300 million in synergies from the merger.")
    severance = money_role("How much severance will the laid-off employees get?")
    assert not severance.search("The firm had its valuation slashed from $47 billion to $8 billion.")
    assert severance.search("Each will get severance of $10,000.")
    earns = money_role("How much does the striker earn at his club?")
    assert not earns.search("The club put a price tag of £40m on him.")
    assert earns.search("He is on £100,000 a week.") and earns.search("His salary is £5m.")
    assert not earns.search("Each must post $100,000 bond within a week.")  # a week that is no pay's period
    salary = money_role("What is the executive's salary?")  # a price is no one's salary, nor a profit
    assert not salary.search("The $6.99-a-month service has 10 million users.")
    assert not money_role("How much profit did the airline make?").search("The order is valued at $8.8 billion.")
    assert money_role("How much is the order worth?").search("The order is valued at $8.8 billion.")  # a value
    # a worth is also the sum written before what it is of, not a sum before something else
    worth = money_role("How much is the club's shirt deal with the airline worth?")
    assert worth.search("He said the club's £100m deal with the airline was an eye-opener.")
    assert not worth.search("The club paid £30m for a striker, and the deal was signed on Monday.")
    headset = money_role("How much does the Orbix headset cost?")  # a price too, before its thing
    assert headset.search("The $1,000 Orbix headset, by contrast, has a sharper screen.")
    assert not headset.search("The $1,000 Vela, by contrast, has a sharper screen than the Orbix headset.")
    gown = money_role("How much is the actress's Oscar dress worth?")  # a name or two may stand between
    assert gown.search("$150K Pearl Oscar Dress ... STOLEN!!!!")
    assert not gown.search("She paid $150K for a pearl necklace to wear with the dress.")
    cost = money_role("How much does the smartwatch cost?")
    assert cost.search("The smartwatch is $195 apiece.") and cost.search("Aluminium fell to $1,737 a tonne.")
    assert money_role("How much is the new console?") is None  # no verb or noun says what the sum is
    assert money_role("How much money did the single raise?") is not None


def test_a_sum_asked_for_by_the_time_it_pays_for_is_written_with_that_time():
    weekly = money_period("How much will the club pay its new goalkeeper a week?")
    assert weekly.search("He will earn £150,000-a-week.") and weekly.search("He is paid weekly: £150,000.")
    assert not weekly.search("The club paid a £71.6m fee for him.")
    yearly = money_period("How much does an annual subscription cost?")
    assert yearly.search("It costs $69.99 a year.") and yearly.search("The annual plan is $69.99.")
    assert not yearly.search("It costs $6.99-a-month.")
    assert money_period("How much does the subscription cost?") is None


def test_a_question_for_a_time_to_come_is_given_a_time_not_the_day_it_was_said():
    assert asks_time_ahead("When will the troops leave?") and asks_time_ahead("When is the Budget?")
    assert not asks_time_ahead("When is label approval needed?")  # the circumstances
    assert not asks_time_ahead("When did the troops leave?")
    question = "When will the troops leave?"
    assert not gives_time_ahead("The troops will leave, the minister said on Tuesday.", question)
    assert not gives_time_ahead("Talks on the troops leaving began last week.", question)
    assert gives_time_ahead("The troops will leave by March 2021, the minister said on Tuesday.", question)
    assert not gives_time_ahead("The troops have been there for 18 years, after years of debate.", question)
    assert gives_time_ahead("The troops will leave in two years.", question)  # a span counted from now
    assert gives_time_ahead("The troops will leave this year.", question)


def test_a_time_that_dates_a_past_event_is_no_time_to_come():
    question = "When will the museum reopen?"
    # what happened, by a verb's past form, unless the sentence looks ahead
    assert not gives_time_ahead("Gunmen stormed the museum on Wednesday afternoon. It is a major draw.", question)
    assert not gives_time_ahead("The museum has no plans to reopen its wing, which closed in 1989.", question)
    assert gives_time_ahead("The museum, which was closed on Wednesday, reopens on Friday.", question)
    assert gives_time_ahead("Officials said the museum is expected to reopen in March.", question)
    assert gives_time_ahead("He insisted he is focused on the museum, which reopens on 17 January.", question)
    assert gives_time_ahead("The ministry said the museum opens in March.", question)  # reported, not past
    # a past verb that says what a thing is dates that thing, not the clause
    assert gives_time_ahead("First up, in March, is the wing that housed the collection.", question)
    assert not gives_time_ahead("On Friday the firm that bought the museum closed it.", question)
    # a year before the article's
    written = "In the summer of 1898, a chemist made a discovery that would light the museum."
    assert not gives_time_ahead(written, question, "2019-04-30")
    assert gives_time_ahead(written, question) and gives_time_ahead(written, question, "1897-12-01")
    # an opening phrase that sets the scene has the tense of the clause after it
    assert not gives_time_ahead("Following a trial in September, a jury convicted him.", question)
    assert gives_time_ahead("Then, on Friday, the museum will reopen.", question)
    # "but" begins a clause with a tense of its own
    assert gives_time_ahead("The drug was withdrawn last year but the maker will return it in May.", question)


def test_someone_never_given_the_office_asked_is_not_the_one_asked_for(library, tmp_path):
    from index.answer_types import office_unwritten

    assert office_unwritten("the chief executive", "Marco Villa, the company's chief operating officer, said so.")
    assert not office_unwritten("the chief executive", "Michael Sims, CEO and founder of the firm, said so.")
    assert office_unwritten("the president", "Ann Lee, vice president of sales, said so.")
    assert not office_unwritten("the president", "Mike Prettejohn, Netcraft president, said so.")
    assert not office_unwritten("Ubisoft's senior vice president", "Chris Early, senior vp partnerships, said so.")
    assert office_unwritten("the coach", "Anthony Beauvillier added his seventh for the Islanders.")  # a player
    assert not office_unwritten("the chair", "Sir Archy Kirkwood, who chairs the committee, said so.")
    assert not office_unwritten("the governor", "Republican Gov. Eric Holcomb said so.")  # the title's abbreviation
    assert office_unwritten("the prime minister", "They met Eric Holcomb at 3 pm.")  # by its capitals only
    assert office_unwritten("the editor", "Michael Reed, the CEO of the paper's parent, said so.")
    assert office_unwritten("Ally Brooke's dance partner", "Judges Len Goodman and Bruno Tonioli voted.")
    assert not office_unwritten("Mourinho's assistant", "His assistant, Joao Sacramento, joins him.")
    assert not office_unwritten("the head", "Marco Villa said so.")  # no office of the list: not judged
    assert person_asked("Who is mediating between President Okafor and the generals?") is None  # a name's title
    text = ("Orbix is best known for small satellites, built at its plant in Ohio for customers around the world. "
            "Orbix's chief operating officer, Marco Villa, said the executive team will now build lunar landers. "
            "NASA picked the firm on Monday to bid for deliveries to the moon.")
    answer = ask_one_article(library, tmp_path, "NASA adds lunar firms", text, "Who is Orbix's chief executive?",
                             answered=False)
    assert answer.lacking == "the name of Orbix's chief executive"


def test_an_office_given_to_another_organisation_by_name_is_not_the_one_asked_for():
    from index.answer_types import office_of_another

    question = "Who is the CEO of Alden Capital?"
    assert office_of_another("the CEO", "Michael Reed, the CEO of New Media Investment Group, said so.", question)
    assert not office_of_another("the CEO", "Heath Freeman, the CEO of Alden Capital, said so.", question)
    assert not office_of_another("the CEO", "The chief executive, Heath Freeman, said so.", question)  # whose?
    # where before whose ("… chief executive of the London-based website Full Fact")
    assert not office_of_another("the chief executive", "Will Moy, chief executive of the London-based website "
                                 "Full Fact, said so.", "Who is the chief executive of Full Fact?")
    # whose office the question writes before it too
    assert not office_of_another("Amnesty International's country director", "Lotfi Azzouz, Tunisia country "
                                 "director for Amnesty International, said so.",
                                 "Who is Amnesty International's country director for Tunisia?")


def test_the_sentence_giving_the_office_to_a_name_beside_it_holds_the_name_asked_for():
    asked = "Who is the Lord Chancellor?"
    assert holds(AnswerType.NAME, "But he told MPs the Lord Chancellor, Lord Falconer, was insisting.", asked)
    assert not holds(AnswerType.NAME, "The lord chancellor would not go against Lord Woolf's wishes.", asked)
    partner = "Who was John M. Ford's partner?"  # the office, then what they are, then the name
    assert holds(AnswerType.NAME, "At issue was Ford's partner, the writer and jewelry designer Elise Matthesen.",
                 partner)
    assert holds(AnswerType.NAME, "Zeev Sharon is the CEO of Hotelied.", "Who is the chief executive of Hotelied?")
    # a deputy's or a former holder's office is another office, unless that is what is asked
    asked = "Who is the city's commissioner of water?"
    assert not holds(AnswerType.NAME, "It worried Tasos Georgelis, deputy commissioner for water.", asked)
    assert holds(AnswerType.NAME, "It worried Tasos Georgelis, deputy commissioner for water.",
                 "Who is the city's deputy commissioner for water?")
    assert not holds(AnswerType.NAME, "Former chief executive Ann Lee left.", "Who is the chief executive of Orbix?")
    # a minister asked with a portfolio is that portfolio's
    minister = "Who is the city's environment minister?"
    assert not holds(AnswerType.NAME, "The city's Chief Minister Arun Mehta said so.", minister)
    assert holds(AnswerType.NAME, "Environment Minister Priya Rao said so.", minister)


def test_a_team_report_naming_only_players_does_not_say_who_coaches_the_team(library, tmp_path):
    text = ("The Harbour Hawks beat the Lake Lions 5-4 in overtime on Tuesday night to stretch their unbeaten run. "
            "Anton Berglund scored twice for the Hawks, and Milo Varga stopped 27 shots.")
    answer = ask_one_article(library, tmp_path, "Hawks beat Lions", text, "Who coaches the Harbour Hawks?",
                             answered=False)
    assert answer.lacking == "the name of the coach"


def test_a_country_names_no_company_airline_or_brand():
    airline = "Which airline did her husband book?"
    assert not holds(AnswerType.NAME, "He bought tickets to India, a trip from the USA.", airline)
    assert holds(AnswerType.NAME, "He flew Air India to Delhi.", airline)
    assert not holds(AnswerType.NAME, "Her bag had the colours of the Nigerian flag.", "Which brand made her bag?")
    assert holds(AnswerType.NAME, "They flew to India.", "Which country did they visit?")


def test_what_something_is_called_is_answered_by_the_name_it_is_given():
    question = "What is Adam Curry's podcast called?"
    assert asked(question) is AnswerType.CALLED and asked("What was the condition named?") is AnswerType.CALLED
    assert asked("What is the process called in which the brain decides?") is AnswerType.CALLED
    assert holds(AnswerType.CALLED, "He makes a daily podcast called The Daily Source Code.", question)
    assert holds(AnswerType.CALLED, 'The result is a work in progress called "ipodder".', question)
    assert holds(AnswerType.CALLED, 'It bears the name of "bounded evidence accumulation."', question)
    # the question's own word is no name given
    assert not holds(AnswerType.CALLED, 'It is called "podcasting" and Adam Curry is its voice.', question)
    assert not holds(AnswerType.CALLED, "Adam Curry makes a daily podcast.", question)
    assert not holds(AnswerType.CALLED, "a podcast called - and more", question)  # no word after the verb


def test_the_sentence_giving_the_name_asked_for_is_quoted(library, tmp_path):
    text = ('It is called "podcasting", and its strongest proponent is the former MTV host Adam Curry. Anyone '
            "with a microphone can make one.\n\nEvery day Adam Curry records a podcast called The Daily Source "
            "Code from his home.")
    answer = ask_one_article(library, tmp_path, "The rise of DIY radio", text, "What is Adam Curry's podcast called?")
    assert "The Daily Source Code" in answer.quotes[0].text


def test_a_number_that_labels_a_noun_counts_nothing():
    count = measure_asked("How many tuft cells are there in the human lung?")
    assert not holds_measure(count, "He found a group of cells called group 2 innate lymphoid cells (ILC2s).")
    assert not holds_measure(count, "The cells trigger so-called type 2 immune responses in the lung.")
    assert holds_measure(count, "He found 2 tuft cells in the lung.")
    # "How many more …?" asks for a difference, which a ratio gives
    more = measure_asked("How many more tuft cells did Howitt find than previously reported?")
    assert more.name == "the size of the difference"
    assert holds_measure(more, "Howitt found 18 times the number of tuft cells previously reported.")


def test_the_day_an_editors_note_was_added_dates_nothing_it_tells():
    question = "When will Herbert publish his study of tuft cells?"
    note = _quote_of("Correction added Nov. 18, 2019: The caption below the photograph of Herbert was wrong.")
    assert lacking_time(note, question)
    assert not lacking_time(_quote_of("Herbert will publish his study on Nov. 18, 2019."), question)
    assert "3:45" not in notes_out("Updated at 3:45 p.m. ET: adds comment.")
    ahead = "The update will ship on Dec. 3: Apple said so."
    assert notes_out(ahead) == ahead


def test_where_someone_works_is_told_by_what_they_are_and_where_beside_their_name():
    text = ("“People just kind of ignored them,” said Ada Quell, a molecular microbiologist at Washington "
            "University in St. Louis.")
    article = Article(url="https://news.test/a", title="Tuft cells", text=text, lang="en")
    quote = ScoredQuote(article, Span(0, len(text)), 1.0, coverage=0.5, cosine=0.3, sentence=Span(0, len(text)))
    assert workplace_beside_name(quote, "Where does Ada Quell work?", ["Ada Quell"])
    assert workplace_beside_name(quote, "Which university does Ada Quell work for?", ["Ada Quell"])
    assert not workplace_beside_name(quote, "Where does Ada Quell live?", ["Ada Quell"])  # not asked
    # a place of work is no place of study ("both professors at the American University of Kabul")
    assert not workplace_beside_name(quote, "Which university did Ada Quell study at?", ["Ada Quell"])
    bare = Article(url="https://news.test/b", title="Tuft cells", text="“Ignored,” said Ada Quell.", lang="en")
    assert not workplace_beside_name(ScoredQuote(bare, Span(0, 26), 1.0, 0.5, 0.3, sentence=Span(0, 26)),
                                     "Where does Ada Quell work?", ["Ada Quell"])


def test_the_name_of_someones_work_is_told_by_its_kind_right_before_its_title():
    text = "As early retiree Ada Quell wrote on his blog Think, Save, Retire, \"Sacrifice is necessary.\""
    article = Article(url="https://news.test/a", title="Retire early", text=text, lang="en")
    quote = ScoredQuote(article, Span(0, len(text)), 1.0, coverage=0.5, cosine=0.0, sentence=Span(0, len(text)))
    assert title_beside_owner(quote, "What is Ada Quell's blog called?")
    assert title_beside_owner(quote, "What is the name of Ada Quell's blog?")
    assert not title_beside_owner(quote, "What is Ada Quell's podcast called?")  # another kind of work
    assert not title_beside_owner(quote, "What is Bo Lind's blog called?")  # another's


def test_a_few_short_hours_is_a_duration():
    duration = measure_asked("How long did it take to write the song?")
    assert holds_measure(duration, "The song went from a dream to a demo in just a few short hours.")
    assert holds_measure(duration, "It took a couple of weeks.")
    assert not holds_measure(duration, "A few short songs came first.")


def test_a_time_ahead_does_not_date_a_past_event():
    question = "When did the band last tour with its old singer?"
    assert asks_time_past(question) and asks_time_past("When was the museum built?")
    # "In which year …?" asks for a year, and one of the past: the quote must write one
    year = "In which year did the band win the Brit Award?"
    assert asks_time_past(year) and asks_time_past("What year was the museum built?")
    assert lacking_time(_quote_of("The band had won the Brit Award and many others since."), year)
    assert not lacking_time(_quote_of("The band won the Brit Award in 1998."), year)
    assert not asks_time_past("When will the band tour?") and not asks_time_past("When is the tour?")
    # what comes round again is answered by any time it came ("November marked the beginning of the season")
    assert asks_time_ahead("When does the tour begin?") and not asks_time_ahead("When does the season begin?")
    foreseen = "When did the band promise it would tour again?"  # the time promised, past or to come
    assert not asks_time_past(foreseen) and asks_time_foreseen(foreseen) and not asks_time_foreseen(question)
    promise = _quote_of("The band is under fire for its vow that it would tour again in March.")
    assert not lacking_time(promise, foreseen) and lacking_time(_quote_of("The band vowed to tour again."), foreseen)
    assert not gives_time_past("The band will unite with its old singer for a 2020 tour.", question)
    assert not gives_time_past("The band plans a tour with its old singer next year.", question)
    assert gives_time_past("The band last toured with its old singer in 2009.", question)
    # "due to" someone: owed them, not ahead ("due to launch" is)
    assert gives_time_past("In a statement released November 5, the day the bids were due to NASA, it said it bid.",
                           "When did the firm submit its bid?")
    assert not gives_time_past("The probe, due to launch on November 5, is ready.", "When did the probe launch?")
    # a relative clause told in the past has its own tense
    assert gives_time_past("The firm will offer its lander that the company unveiled in May.",
                           "When did the firm unveil its lander?")
    assert not gives_time_past("The firm will offer a lander that can land in May.", "When did the firm land?")
    # "as soon as" joins a clause of any tense
    assert gives_time_past("\"I opposed the hold as soon as I learned about it on July 18,\" he said.",
                           "When did he learn about the hold?")
    assert gives_time_past("The drug was withdrawn last year but the maker said it would return.", question)
    assert not gives_time_past("The bill will be debated this week. Then, on Friday, the chiefs will speak.", question)
    # a span of time by itself dates nothing; counted back from the day written, it does
    assert not gives_time_past("The band plays a daily, 40 minute show with its old singer.", question)
    assert gives_time_past("The band toured with its old singer two years ago.", question)
    assert gives_time_past("The band toured with its old singer last year.", question)
    assert not holds(AnswerType.TIME, "It plays a 40 minute show.", question)
    assert holds(AnswerType.TIME, "It played a 40 minute show.", "How long is the show?")
    written = "The band toured with its old singer in the summer of 2021."  # after the article's year
    assert not gives_time_past(written, question, "2019-11-18") and gives_time_past(written, question, "2022-01-01")


FORMAT = ("Film studio Acme said it will release its films on the new disc format, backing Orbix over its rival. "
          "The studio has not said which players it will support, a spokesman said on Tuesday.")
TRANSFER = ("The club has paid the £71.6m fee to sign the goalkeeper from Bilbao, a world record for the position. "
            "The goalkeeper signed a seven-year contract and had his medical on Wednesday morning.")
SALE = ("The publisher agreed to merge with its rival chain on Tuesday. Its chief executive expects to wring "
        "$300 million in synergies from the combination, though staff fear more layoffs at the papers.")
# (title, text, question, what the quote lacks, (words of the text, the same words giving it), what is quoted then)
LACKING = [
    pytest.param("Acme backs Orbix discs", FORMAT, "When will Acme release its films on the new disc format?",
                 "the date", ("over its rival.", "over its rival, from March 2026."), "March 2026",
                 id="a time to come, not the day it was said"),
    pytest.param("Record goalkeeper signing", TRANSFER, "How much will the club pay the goalkeeper a week?",
                 "the amount of money", ("morning.", "morning; he will earn £150,000 a week."), "£150,000 a week",
                 id="a sum for the time asked, not a fee"),
    pytest.param("Newspaper chains merge", SALE, "How much did the publisher pay to merge with its rival chain?",
                 "the amount of money", ("on Tuesday.", "on Tuesday, paying $1.1 billion for it."), "$1.1 billion",
                 id="the sum asked for, not synergies"),
]


@pytest.mark.parametrize(("title", "text", "question", "lacking", "edit", "quoted"), LACKING)
def test_a_quote_without_what_is_asked_is_declined_saying_so(library, tmp_path, title, text, question, lacking,
                                                              edit, quoted):
    assert ask_one_article(library, tmp_path, title, text, question, answered=False).lacking == lacking


@pytest.mark.parametrize(("title", "text", "question", "lacking", "edit", "quoted"), LACKING)
def test_a_quote_with_what_is_asked_is_answered(library, tmp_path, title, text, question, lacking, edit, quoted):
    assert quoted in ask_one_article(library, tmp_path, title, text.replace(*edit), question).quotes[0].text


GAME = ("The Browns beat the Steelers on Thursday night in Cleveland. Late in the game, Myles Garrett ripped off "
        "Mason Rudolph's helmet and hit him with it. The league suspended Garrett for the rest of the season.")


def test_a_question_for_a_measure_the_article_never_gives_is_declined_saying_so(library, tmp_path):
    answer = ask_one_article(library, tmp_path, "Garrett suspended", GAME,
                             "What was the final score of the Browns game in which Garrett hit Rudolph?",
                             answered=False)
    assert answer.lacking == "the score" and answer.related[0].url == "https://news.test/one"


def test_a_question_for_a_measure_the_article_gives_quotes_it(library, tmp_path):
    text = GAME + " The Browns won 21-7, their first win over Pittsburgh in two years."
    answer = ask_one_article(library, tmp_path, "Garrett suspended", text,
                             "What was the final score of the Browns game in which Garrett hit Rudolph?")
    assert any("21-7" in e.text for q in answer.quotes for e in q.excerpts)


def test_a_question_that_asks_something_else_too_is_answered_in_part(library, tmp_path):
    answer = ask_one_article(library, tmp_path, "Garrett suspended", GAME,
                             "What was the final score, and how long is Garrett suspended for?")
    assert "rest of the season" in answer.quotes[0].text + " ".join(e.text for e in answer.quotes[0].also)


@pytest.mark.parametrize(("question", "person"), [
    ("What is the name of the hunter who caught the plague?", "the hunter"),
    ("Who is the chief executive of the ferry firm?", "the chief executive"),
    ("Who is Real Madrid's sporting director?", "Real Madrid's sporting director"),
    ("who was the first woman to win the prize?", "the first woman"),
    ("Which trade expert said the tariffs must go?", "the trade expert"),  # "which" and a noun of people
    ("Which judge will hear the case?", "the judge"),
    ("What is the name of the radio DJ who tricked him?", "the radio DJ"),
    ("Who was the bishop who tried to talk to the protesters?", "the bishop"),
    ("What were the names of the service members killed in the crash?", "the service members"),
    ("Which colleague did the executive instruct?", "the colleague"),
    ("What is the name of the passenger killed on the train?", "the passenger"),  # who travels, shops, visits
    ("What is the name of the police sergeant who was fired?", "the police sergeant"),  # a rank
    ("Who is the EU's foreign policy chief?", "the EU's foreign policy chief"),
    ("Who heads the committee?", "the head"),  # asked by the verb of the office
    ("Who led the report on poverty?", "the leader"),
    ("Who is the club's general manager?", "the club's general manager"),  # an office, not an army's general
    ("Who is the general who led the coup?", "the general"),
    ("Which hospital treated Kevin King after his release?", None),  # a surname, not a monarch
    ("Which museum did the attackers storm?", None),  # the attackers are not what is asked
    ("Which company is building the spacecraft?", None),
    ("What is the name of the drug?", None),  # a thing: its name may be one word ("Vioxx")
    ("Who won the match?", None),  # a team or a player, asked by what happened, not by what they are
    ("Which voice assistant do the earbuds have?", None),  # a thing: Alexa
    ("Who is the assistant coach?", "the assistant"),
    ("What is the name of Prince Andrew's publicist?", "Prince Andrew's publicist"),  # someone's own people
    ("What is the name of the baby in the photo?", "the baby"),
    ("Who is the singer's fiancée?", "the singer's fiancée"),
    ("Who is Warner Brothers?", None),  # a company: only a brother, in the singular, is someone
])
def test_a_question_may_ask_for_someone_by_what_they_are(question, person):
    assert person_asked(question) == person


def test_a_text_names_someone_by_two_capitalised_words_or_a_title():
    question = "What is the name of the hunter who caught the plague in China?"
    assert names_someone("Lewis Ward, research director of gaming at IDC, said so.", question)
    assert names_someone("“It was misleading,” Will Moy, chief executive of Full Fact, said.", question)
    assert names_someone("The son of Richard von Weizsäcker was stabbed.", question)
    # one word in brackets after what they are; not an agency's credit in capitals
    assert names_someone("The four meet a high-strung ship captain (Greez) on the way.", question)
    assert not names_someone("The four meet a high-strung ship captain (AP) on the way.", question)
    assert names_someone("He met Mr Smith on Monday.", question)
    assert not names_someone("A HUNTER who ate a wild rabbit in China has the plague.", question)
    assert not names_someone("The Spaniard believed it. In China, On Monday it spread.", question)
    assert not names_someone("The hunter from Inner Mongolia was named.", "Which hunter from Inner Mongolia?")
    assert not names_someone("A bishop spoke to Hong Kong’s lawmakers.", "Who was the bishop in Hong Kong?")
    # a number opening a sentence is no name, and a word joined by a hyphen is one word ("Washington-based")
    assert not names_someone("One Washington-based trade expert said so.", question)
    assert names_someone("One expert, Derek Scissors, said so.", question)
    # a given name of two syllables joined by a hyphen is a name, not a description ("Hau-yip", not "-based")
    assert names_someone("Cheuk Hau-yip, the commander of the district, said so.", question)
    assert not names_someone("One Kremlin-backed, Australian-born trade expert said so.", question)


def test_a_place_or_a_body_or_a_word_opening_a_sentence_names_no_one():
    question = "Which judge rejected Flint's bid to delay his hearing?"
    assert not names_someone("Last month, a judge rejected it at Westminster Magistrate's Court in London.", question)
    assert not names_someone("He fought extradition to the United States. He met the Ecuadorean Embassy.", question)
    assert not names_someone("Following Flint’s arrest, a lawyer asked for more time.", question)
    assert not names_someone("Australian-born Flint faces a charge. Balmond Studio made the lights.", question)
    assert names_someone("Following Mark Reed's arrest, a lawyer asked for more time.", question)
    assert names_someone("Prime Minister Ada Quell said so.", question)


def test_the_one_the_question_names_or_a_people_or_a_creed_is_not_someone_else_named():
    question = "Which judge rejected Flint's bid to delay his hearing?"
    assert not names_someone("Ivor Flint denies it.", question)  # the question's Flint, written in full
    assert not names_someone("Lawyers across the European Union, and of National Socialism, spoke.", question)
    assert names_someone("Australian Lynton Crosby spoke.", question)
    assert names_someone("Flint's judge, Ada Quell, spoke.", question)
    # a name ending in the question's is its person, with a title before it ("President Ivor Flint"), unless
    # the question asks for kin, who share the surname
    doctor = "Which doctor examined Flint on Saturday?"
    assert not names_someone("President Ivor Flint made a trip to the hospital.", doctor)
    assert names_someone("Dr Ada Quell examined him.", doctor)
    assert names_someone("President Ivor Flint and First Lady Ada Flint arrived.", "Who is Flint's wife?")


def test_a_name_before_the_quote_is_not_the_one_asked_for(library, tmp_path):
    text = ("The old hall will become a library, the council said on Tuesday.\n\n"
            "\"The hall's future use should send a signal,\" council leader Ola Brede said in a statement.\n\n"
            "Architects from across the region will be invited to submit plans for its redesign this month.")
    answer = ask_one_article(library, tmp_path, "Hall to become library", text,
                             "Which architect will redesign the old hall?", answered=False)
    assert answer.lacking == "the name of the architect"


def test_a_name_that_opens_the_sentence_before_a_quote_naming_no_one_is_its_subject(library, tmp_path):
    """"What is the name of the photographer who wrapped a newborn in the American flag?" was declined: "Vanessa
    Hicks said she had no idea …" stood before the quoted "The photo … showed a newborn infant wrapped in …"."""
    text = ("A photographer and Navy veteran is fighting back after a photo she posted started a backlash.\n\n"
            "Mara Quell said she had no idea her picture would be controversial. The picture, from a family's "
            "newborn shoot, showed a newborn wrapped in a flag held by his father.\n\n"
            "Comments poured in for days, and the picture spread on social media.")
    answer = ask_one_article(library, tmp_path, "Veteran wraps baby in flag", text,
                             "What is the name of the photographer who wrapped a newborn in a flag?")
    assert "Mara Quell" in answer.quotes[0].text


# The name of someone asked for by their office stands in the sentence after the one naming the office.
OFFICE = ("The Attorney General of Ruritania is investigating Flexdesk, according to two people familiar with the "
          "matter, adding to the office-sharing firm's mounting problems.\n\n"
          "The company confirmed on Monday that it had been contacted by the office of Mara Quell.\n\n"
          "Flexdesk's founder, who stepped down in September, declined to comment on the inquiry.")


def test_the_name_of_someone_asked_for_by_their_office_is_shown_from_the_next_sentence(library, tmp_path):
    answer = ask_one_article(library, tmp_path, "Flexdesk inquiry", OFFICE,
                             "Who is the Ruritania attorney general investigating Flexdesk?")
    assert "Mara Quell" in " ".join(excerpt.text for excerpt in answer.quotes[0].excerpts)


def test_someone_the_quote_leaves_unidentified_is_not_named_by_the_next_sentence(library, tmp_path):
    text = ("One Washington-based trade expert said the president would have to remove every tariff to reach "
            "$50 billion in farm purchases.\n\nTrade Representative Robert Lamm said a small deal was not a good deal.")
    answer = ask_one_article(library, tmp_path, "Farm purchases", text,
                             "Which trade expert said the president would have to remove every tariff to reach $50 "
                             "billion in farm purchases?", answered=False)
    assert answer.lacking == "the name of the trade expert"


HUNT = ("A hunter who killed and ate a wild rabbit has caught the bubonic plague, health officials in northern China "
        "said on Sunday. The man was put in quarantine with 28 of his contacts, and the hospital said he is stable.")


def test_a_question_for_someone_the_quote_never_names_is_declined_saying_so(library, tmp_path):
    answer = ask_one_article(library, tmp_path, "Plague case", HUNT,
                             "What is the name of the hunter who caught the plague after eating a rabbit?",
                             answered=False)
    assert answer.lacking == "the name of the hunter"


def test_a_question_for_someone_the_quote_names_is_answered(library, tmp_path):
    text = HUNT.replace("A hunter who", "Batu Erdene, a hunter who")
    answer = ask_one_article(library, tmp_path, "Plague case", text,
                             "What is the name of the hunter who caught the plague after eating a rabbit?")
    assert "Batu Erdene" in answer.quotes[0].text


@pytest.mark.parametrize(("question", "thing"), [
    ("Which hospital treated the hunter?", "the hospital"),
    ("In which Rio beach did he play?", "the Rio beach"),
    ("What company makes the roof?", "the company"),
    ("Which base did the helicopter fly from?", "the base"),
    ("Which constituency is the candidate standing in?", "the constituency"),
    ("What is the name of the political party he leads?", "the political party"),  # its name asked outright
    ("Which party is the candidate standing for?", "the party"),
    ("Which company's shares fell?", None),  # whose shares: the shares are asked about
    ("What is the company doing?", None),
    ("Which judge will hear the case?", None),  # someone, asked by `person_asked`
    ("Which theatre in Kampala was to stage the play?", "the theatre"),
    ("Which court will hear the legal action?", "the court"),
    ("Which station did the train leave?", "the station"),
    ("What is the name of Leif Dahl's early retirement blog?", "the early retirement blog"),  # whose: a name
    ("Which podcast does the couple host?", "the podcast"),
    ("What will big banks do about the upstarts?", None),  # "will" is the question's verb, not a kind of bank
    ("Which bank has bought a neo-bank?", "the bank"),
])
def test_a_question_may_ask_for_a_thing_known_by_its_name(question, thing):
    assert thing_asked(question) == thing


TREATED = ("A hunter who caught the bubonic plague after eating a wild rabbit is being treated in hospital, health "
           "officials said on Sunday. The hospital said the hunter is stable and his contacts are in quarantine.")
WHICH_HOSPITAL = "Which hospital is treating the hunter who caught the bubonic plague?"


def test_a_question_for_a_thing_the_quote_never_names_is_declined_saying_so(library, tmp_path):
    answer = ask_one_article(library, tmp_path, "Plague case", TREATED, WHICH_HOSPITAL, answered=False)
    assert answer.lacking == "the name of the hospital"


def test_a_question_for_a_thing_the_quote_names_is_answered(library, tmp_path):
    text = TREATED.replace("in hospital", "at Ulanqab Central Hospital")
    answer = ask_one_article(library, tmp_path, "Plague case", text, WHICH_HOSPITAL)
    assert "Ulanqab Central Hospital" in answer.quotes[0].text


@pytest.mark.parametrize("place", ["university", "school"])
def test_a_place_whose_name_says_what_it_is_is_not_named_by_another_place(library, tmp_path, place):
    text = TREATED.replace("in hospital", "at Ulanqab Central Hospital, near Xilingol")
    answer = ask_one_article(library, tmp_path, "Plague case", text,
                             f"Which {place} did the hunter who caught the bubonic plague attend?", answered=False)
    assert answer.lacking == f"the name of the {place}"


def test_a_theatre_is_not_named_by_the_city_it_stands_in(library, tmp_path):
    text = ("The city council has banned the comedy Night Fishing, which a touring company was due to stage in "
            "the capital, Kampala, this weekend. The company said it would appeal against the ban, which it called "
            "an attack on free speech, and that ticket holders would be refunded.")
    question = "Which theatre in Kampala was the touring company due to stage the comedy Night Fishing in?"
    answer = ask_one_article(library, tmp_path, "Comedy banned", text, question, answered=False)
    assert answer.lacking == "the name of the theatre"


def test_a_place_whose_name_says_what_it_is_answers_when_the_quote_writes_it(library, tmp_path):
    text = TREATED.replace("in hospital", "at the University of Ulanqab's hospital")
    ask_one_article(library, tmp_path, "Plague case", text,
                    "Which universities are treating the hunter who caught the bubonic plague?")


@pytest.mark.parametrize(("question", "several"), [
    ("How far away is Europa and how big is it?", True),
    ("Who were the two hostages freed by the Taliban, and where did they work?", True),
    ("What was the final score of the game in which Garrett hit Rudolph?", False),
    ("How much is the manager being paid and since when?", True),
    ("How much did the deal cost?", False),
])
def test_a_question_may_ask_several_things(question, several):
    assert asks_several(question) is several
    assert len(parts(question)) == (2 if several else 1)


def test_an_article_in_another_language_is_not_judged_by_english_units(library, tmp_path):
    path = tmp_path / "fr.jsonl"
    path.write_text(json.dumps({"url": "https://news.test/fr", "title": "Le skipper du Bassi", "lang": "fr",
                                "text": "Le skipper Wade Bassi a soixante ans. Son bateau a cent six ans, "
                                        "dit-il, et il navigue encore chaque été vers l'Alaska."}), encoding="utf-8")
    list(library.ingest([str(path)]))
    assert library.ask("How old is skipper Wade Bassi's boat?").lacking == ""


ROUNDUP = ("Carmakers showed new electric models at the motor show this week.\n\n"
           "NORDIC ARROW ESTATE\n\n"
           "Nordic Motors showed the Arrow Estate, a low electric station car with a glass roof and seats for five.\n\n"
           "The company says the car will be able to go 280 miles on a single battery charge. "
           "It goes on sale next year.\n\n"
           "KESTREL PICKUP\n\n"
           "The Kestrel pickup will go 190 to 250 miles per charge, depending on its battery. "
           "It will start at $52,000.")


def test_a_quote_that_names_the_subject_but_not_the_measure_adds_the_sentence_that_gives_it(library, tmp_path):
    others = tmp_path / "others.jsonl"  # where "go" and "charge" are common words, as in any library
    rows = [("Phone makers race to charge faster", "New phones charge in twenty minutes. Buyers go for battery life."),
            ("Court hears fraud charge", "The charge against the banker will go to trial in May, the court said.")]
    others.write_text("\n".join(json.dumps({"url": f"https://news.test/{i}", "title": title, "text": text})
                                 for i, (title, text) in enumerate(rows)), encoding="utf-8")
    list(library.ingest([str(others)]))
    path = tmp_path / "roundup.jsonl"
    path.write_text(json.dumps({"url": "https://news.test/roundup", "title": "Electric cars at the motor show",
                                "text": ROUNDUP}), encoding="utf-8")
    list(library.ingest([str(path)]))
    first = library.ask("How far can the Nordic Motors Arrow Estate go on one charge?").quotes[0]
    shown = " … ".join(e.text for e in first.excerpts)
    assert "Arrow Estate" in shown and "280 miles" in shown
    assert "190 to 250" not in shown  # the other car's range, under another subhead


def test_the_next_sentence_on_the_subject_gives_the_measure_without_the_questions_words(library, tmp_path):
    text = ("Another giant to enter the race is the Kestrel supercomputer at the national weather centre in Reading. "
            "It will model storms and floods. The Linux machine, built by a firm in Bristol with parts from three "
            "countries and cooled by water pumped from the river beside it, was reported to have reached a top speed "
            "of 42 teraflops in October.")
    answer = ask_one_article(library, tmp_path, "New supercomputers", text, "How fast is the Kestrel supercomputer?")
    assert "42 teraflops" in " ".join(e.text for e in answer.quotes[0].excerpts)


def test_a_lead_of_one_sentence_goes_on_in_the_next_paragraph():
    text = ("Headlines for Tuesday are here.\n\nTom Ashdown-Reeve has been voted off the dance show.\n\n"
            "The former soap star, 42, lost a tight vote. He thanked the band.\n\nThe final is next month.")
    article = Article(url="https://news.test/one", title="Dance show", text=text)
    spans = sentences(text)
    lead = next(i for i, s in enumerate(spans) if text[s.start : s.end].startswith("Tom"))
    quote = ScoredQuote(article, spans[lead], 1.0, coverage=0.8, cosine=0.5)
    assert lead + 1 in _continuing(quote, spans, [lead])  # "The former soap star, 42, …"
    assert lead + 2 not in _continuing(quote, spans, [lead])
    within = ScoredQuote(article, spans[lead + 1], 1.0, coverage=0.8, cosine=0.5)  # not a paragraph alone
    assert lead + 3 not in _continuing(within, spans, [lead + 1])


def test_a_measure_under_another_subhead_does_not_answer_for_this_subject(library, tmp_path):
    text = ROUNDUP.replace("It goes on sale next year.", "Its price was not announced.").replace(
        "It will start at $52,000.", "The Kestrel pickup will start at $52,000.")
    declined = ask_one_article(library, tmp_path, "Electric cars at the motor show", text,
                               "What is the price of the Nordic Motors Arrow Estate?", answered=False)
    assert declined.lacking == "the amount of money"  # the round-up gives only the Kestrel's
    answered = library.ask("What is the price of the Kestrel pickup?")
    assert answered.answered and "$52,000" in " ".join(e.text for e in answered.quotes[0].excerpts)


GADGETS = ("Our picks of the year's best gadgets, from speakers to watches, are below.\n\n"
           "Kestrel Speaker One for $300\n\n"
           "The Kestrel Speaker One fills a room with sound and plays all day on one charge. It pairs with any "
           "phone in seconds.\n\n"
           "Kestrel Speaker One Max for $450\n\n"
           "The bigger model adds a subwoofer and a handle. It is heavy, but it sounds rich.\n\n"
           "Orla Watch for $199\n\n"
           "The Orla Watch looks like a plain watch but counts steps and tracks sleep.")


def test_a_round_ups_subhead_gives_the_price_its_section_does_not(library, tmp_path):
    answer = ask_one_article(library, tmp_path, "Best gadgets of the year", GADGETS,
                             "How much does the Kestrel Speaker One cost, the speaker that fills a room with sound?")
    excerpts = [e.text for e in answer.quotes[0].excerpts]
    assert "Kestrel Speaker One for $300" in excerpts and "fills a room" in " ".join(excerpts)


def test_a_round_ups_subhead_with_the_price_answers_however_far_its_section_is_in_meaning(library, tmp_path):
    # a section that never says what it costs, far in meaning from so short a question
    text = GADGETS.replace("The Orla Watch looks like a plain watch but counts steps and tracks sleep.",
                           "Orla's designers took their cue from railway clocks of the 1950s, with a brass face.")
    answer = ask_one_article(library, tmp_path, "Best gadgets of the year", text, "How much is the Orla Watch?")
    assert "Orla Watch for $199" in [e.text for e in answer.quotes[0].excerpts]


def test_a_subhead_on_another_model_gives_no_price_of_the_one_asked_about(library, tmp_path):
    text = GADGETS.replace("Kestrel Speaker One Max for $450", "The bigger one").replace(
        "The bigger model adds", "The Kestrel Speaker One Max adds")
    answer = ask_one_article(library, tmp_path, "Best gadgets of the year", text.replace(
        "Kestrel Speaker One for $300", "Kestrel Speaker One Mini for $300"),
        "How much does the Kestrel Speaker One cost, the speaker that fills a room with sound?", answered=False)
    assert answer.lacking == "the amount of money"  # $300 is the Mini's


def test_the_subheads_above_a_section():
    headings = [False, True, True, False, False, True, False]
    assert heads_of(headings, 3) == [1, 2] and heads_of(headings, 4) == [1, 2]
    assert heads_of(headings, 6) == [5] and heads_of(headings, 0) == []


TRIAL = ("Speaking at the fraud trial of the former telecoms boss Bernard Ebbers, his finance chief said he lied to "
         "the board to cover a hole in the accounts of the collapsed carrier. The carrier had overstated its accounts "
         "by billions over three years, prosecutors told the jury in Manhattan. Mr Ebbers, 63, has always insisted "
         "that he was unaware of any hidden shortfalls in the carrier's finances. The trial is now in its third week.")


def test_an_age_written_after_the_name_answers_however_far_the_passage_is_in_meaning(library, tmp_path):
    # the passage is far from so short a question (under the bar without the age beside the name)
    answer = ask_one_article(library, tmp_path, "Finance chief admits lying", TRIAL, "How old is Bernard Ebbers?")
    assert "Mr Ebbers, 63," in " ".join(e.text for e in answer.quotes[0].excerpts)


def test_a_question_for_an_age_the_article_gives_only_of_another_is_declined(library, tmp_path):
    text = ("Director Karim Haddad has won the national cinema award for his small film about teenagers in a city "
            "suburb. Karim Haddad shared the prize with the 18-year-old actress Lena Moreau, who had never acted.")
    answer = ask_one_article(library, tmp_path, "Karim Haddad wins award", text,
                             "How old is Karim Haddad, director of the small film that won the cinema award?",
                             answered=False)
    assert answer.lacking == "the age"


MAYOR = ("Ken Barlow, the city's mayor, has refused to apologise to a reporter who approached him at a party held "
         "in the town hall last week, saying his words were only a joke. Councillors asked him to say sorry. "
         "Mr Barlow was approached by reporter Tom Finch after the party. Mr Barlow has been mayor for six years. "
         "Mr Barlow will stand again in May.")


def test_a_first_name_counts_as_written_where_the_surname_is(library, tmp_path):
    # "Ken" is written once, in the lead: rare inside the article, it pointed at the lead, not at the answer
    answer = ask_one_article(library, tmp_path, "Mayor refuses to apologise", MAYOR,
                             "Which reporter approached Ken Barlow after the party?")
    assert answer.quotes[0].text.startswith("Mr Barlow was approached by reporter Tom Finch")


def test_one_of_a_kind_is_named_right_after_what_it_is(library, tmp_path):
    # "Which developer …?" by "indie developer Harbor Lights' Glimmer": news names a maker by what it is
    text = ("The streaming service launched on Tuesday with twenty-two games from large publishers. Notably, only "
            "one title at launch is exclusive to the service, indie developer Harbor Lights' Glimmer, while most "
            "of the other games have been on the market for months on other platforms.\n\nReviewers found the "
            "picture sharp on a fast home connection but noticed lag over hotel wifi.")
    answer = ask_one_article(library, tmp_path, "A streaming service launches", text, "Which developer made Glimmer?")
    assert "Harbor Lights" in answer.quotes[0].text


def test_the_reviewer_and_the_outlet_asked_about_are_the_articles_own(library, tmp_path, monkeypatch):
    # a review writes "I", not "the reviewer", and never its outlet's name (the article's outlet here: "Desk"):
    # its sentence holds the whole question, and so answers however far its passage in meaning
    from index import quotes
    from index.search import ALL_WORDS

    chosen = []

    def select(*args, **kwargs):
        selected = select_quotes(*args, **kwargs)
        chosen.extend(selected[0])
        return selected

    monkeypatch.setattr(quotes, "select_quotes", select)
    text = ("The game follows a young knight forced into hiding after the fall of the old order. Its story leans "
            "on the films, but a glance at their plots is enough.\n\nI visited Korvath first, a late-game "
            "planet. Got a key item just by exploring, before realising most paths were blocked.\n\nThe map is "
            "a lifesaver, colour-coded so you know which doors need an item.")
    answer = ask_one_article(library, tmp_path, "Knight's Fall review", text,
                             "Which planet did the Desk reviewer visit first?")
    assert "Korvath" in answer.quotes[0].text and chosen[0].coverage >= ALL_WORDS


def test_someone_asked_about_in_full_is_held_by_their_surname(library, tmp_path):
    # The answer names the guard by surname only: it holds the whole question, so it answers however short the
    # question is and however far its passage in meaning.
    text = ("Two prison officers were charged on Tuesday with falsifying records. Prosecutors said Tova Noel and "
            "Michael Thomas, assigned to the special housing unit, appeared to sleep for two hours. Roughly 14 "
            "friends of the two attended the hearing in court.\n\nDefense attorneys said the two were prepared to "
            "fight the charges. \"It is our hope that we will reach an agreement in this case,\" said Jason Foy, "
            "who represents Noel.")
    answer = ask_one_article(library, tmp_path, "Prison guards charged", text, "Who represents Tova Noel?")
    assert "Jason Foy" in answer.quotes[0].text


CONSOLE = ("The cloud service launched on Tuesday in fourteen countries, with twenty-two titles and a monthly fee. "
           "Reviewers found the picture sharp on a fast home connection but noticed lag over hotel wifi. "
           "\"The groundwork is laid,\" Ortlieb says. \"The creativity coming from the studios will push past what "
           "any box under the television could do.\" The controller connects straight to the servers over wifi.")


def test_someones_words_on_the_question_answer_however_far_the_passage_is_in_meaning(library, tmp_path):
    # "think of" asks for their words too; the passage is far from so short a question (under the bar)
    answer = ask_one_article(library, tmp_path, "A streaming console launches", CONSOLE,
                             "What does Ortlieb think of the creativity of studios?")
    assert "Ortlieb says" in answer.quotes[0].text
    # Their words on something else do not: the topic's noun must be in them.
    assert not library.ask("What did Ortlieb say about the price of the controller?").answered


def test_a_namesakes_measure_does_not_answer_for_the_name_asked_about(library, tmp_path):
    text = ("The Nova Vision headset puts two sharp screens before the eyes. Its passthrough video is the best "
            "yet. The $1,000 Nova Quest, by contrast, shows a grainier picture. Buyers of the Vision with "
            "prescription lenses will pay as much as for a used car.")
    declined = ask_one_article(library, tmp_path, "Nova Vision hands-on", text,
                               "How much is the Nova Vision?", answered=False)
    assert declined.lacking == "the amount of money"  # "$1,000" is the Nova Quest's price
    answered = library.ask("How much is the Nova Quest?")
    assert answered.answered and "$1,000" in answered.quotes[0].text


JET = ("Emirates ordered 30 Boeing 787 jets on Wednesday at the Dubai Airshow. The 787-9 seats 242 to 330 "
       "passengers. The airline also cut its order for the larger Boeing 777X by 30 jets, to 126. Trouble with "
       "the Boeing 777X's engines has delayed the jet.")


def test_a_count_the_article_never_gives_is_declined_saying_so(library, tmp_path):
    answer = ask_one_article(library, tmp_path, "Emirates orders jets", JET,
                             "How many engines does the Boeing 777X have?", answered=False)
    assert answer.lacking == "the number of engines"


def test_anothers_count_is_neither_shown_nor_taken_for_the_one_asked(library, tmp_path):
    # The count is someone else's, far from the quote: it is not added to it, and the quote gives no number.
    text = ("Like Instagram's head, Twitter CEO Jack Dorsey has spoken out about the toxic consequences of "
            "chasing follower counts. Twitter also tested an app that hides likes.\n\n"
            "Instagram business accounts show how many people visit a profile each week.\n\n"
            "Joseph Minga, a friend, recently switched to a professional account. Minga learned that about 100 "
            "people, most of them old school friends and colleagues from the newsroom, view his profile in a typical "
            "week, out of around 1,500 followers he has gathered on the platform since he joined it in 2013.")
    answer = ask_one_article(library, tmp_path, "Chasing likes", text, "How many followers does Jack Dorsey have?",
                             answered=False)
    assert answer.lacking == "the number of followers"
    answered = library.ask("How many followers does Minga have?")
    assert answered.answered and "1,500 followers" in " ".join(
        [answered.quotes[0].text] + [e.text for e in answered.quotes[0].also])


def test_a_subhead_opening_with_a_small_word_of_the_question_does_not_name_its_subject(library, tmp_path):
    text = ("NASA picked more firms to fly payloads to the moon on Monday.\n\nThe newly selected five are:\n\n"
            "Blue Origin will offer the Blue Moon lander, which cuts costs for NASA. The lander is big.\n\n"
            "SpaceX offers Starship. It can carry people.\n\nNASA will spend $2.6 billion on deliveries through 2028.")
    # "five" in "The newly selected five are:" is no price of it
    answer = ask_one_article(library, tmp_path, "NASA adds lunar firms", text,
                             "How much does the Blue Moon lander cost?", answered=False)
    assert answer.lacking == "the amount of money"


def test_a_count_the_article_gives_is_quoted(library, tmp_path):
    answer = ask_one_article(library, tmp_path, "Emirates orders jets", JET,
                             "How many passengers does the Boeing 787-9 seat?")
    assert "242 to 330 passengers" in answer.quotes[0].text + " ".join(e.text for e in answer.quotes[0].also)


def test_a_day_or_a_month_is_a_time_not_a_name():
    assert all(map(is_time, ["Monday", "October", "Dec", "2019"]))
    assert not any(map(is_time, ["Martin", "Indyk", "WeWork", "Mayor"]))


def test_a_datelines_place_is_not_the_name_asked_for():
    question = "Which companies did NASA add to the program?"
    assert not holds(AnswerType.NAME, "WASHINGTON — NASA said it was adding five companies to the program.", question)
    assert holds(AnswerType.NAME, "WASHINGTON — NASA said it was adding Blue Origin and SpaceX.", question)


def test_the_questions_own_country_in_another_form_is_not_the_name_asked_for():
    question = "Which Chinese firms have been hurt most by US tariffs?"
    assert not holds(AnswerType.NAME, "Retaliatory tariffs imposed by China have hurt U.S. farmers.", question)
    assert not holds(AnswerType.NAME, "Prices rise, hurting China’s growth and the United States.", question)
    assert holds(AnswerType.NAME, "Tariffs have hurt China’s Huawei most.", question)


def test_a_year_before_a_comma_counts_nothing():
    roadsters = measure_asked("How many roadsters will go on sale?")
    assert not holds_measure(roadsters, "The roadster will go on sale in summer 2020, the maker said.")
    assert holds_measure(roadsters, "The maker will sell 2,020 roadsters.")


def test_a_fraction_or_a_number_joined_to_a_word_counts_nothing():
    cars = measure_asked("How many ID.3 cars has the maker sold?")  # a model's name may hold a dot
    assert cars.name == "the number of ID.3 cars"
    assert not holds_measure(cars, "Drag is down to 0.24, with air guided over the top of the car.")
    assert not holds_measure(cars, "Making a four-door GT car might seem odd.")
    assert holds_measure(cars, "It has sold 0.5 million cars.") and holds_measure(cars, "Four cars were sold.")
    grammys = measure_asked("How many Grammys has the band won?")
    assert holds_measure(grammys, "The four-time Grammy winning band will tour.")  # but "four-time" counts


def test_people_are_counted_one_person_at_a_time():
    people = measure_asked("How many people were killed in the crash?")
    assert holds_measure(people, "One person was killed in the crash.")
    assert holds_measure(measure_asked("How many children were rescued?"), "One child was rescued.")


def test_a_question_about_one_model_answered_by_another_models_sentence_is_declined(library, tmp_path):
    answer = ask_one_article(library, tmp_path, "Emirates orders jets", JET,
                             "How many passengers does the Boeing 777X seat?", answered=False)
    assert answer.lacking == "that for the 777X"
    # Written otherwise, or a longer designation of the same model, is the same model.
    assert library.ask("How many passengers does the Boeing 787 seat?").answered
    assert library.ask("How many passengers does the 787-9 seat?").answered


COUPE = ("The Vela GT 500 Roadster will go on sale next summer, the maker said. Under the hood is the same "
         "V8 engine as the coupe, which produces 471 horsepower. Its soft top closes in 16 seconds.")


def test_a_count_the_headline_gives_answers_the_question(library, tmp_path):
    text = ("Three people have died during protests against the interim government, after clashes erupted between "
            "police and supporters of the former president near a fuel plant. A doctor said he tried to save one "
            "of the wounded, but failed. Soldiers guarded the plant on Wednesday.")
    answer = ask_one_article(library, tmp_path, "3 protesters killed in clashes near fuel plant", text,
                             "How many protesters were killed in the clashes near the fuel plant?")
    assert answer.lacking == ""


def test_a_number_the_question_writes_does_not_count_what_it_asks(library, tmp_path):
    answer = ask_one_article(library, tmp_path, "Vela unveils roadster", COUPE,
                             "How many Vela GT 500 Roadsters will go on sale next summer?", answered=False)
    assert answer.lacking == "the number of Vela GT 500 Roadsters"


def test_a_sentence_giving_the_measure_with_all_the_questions_words_but_one_answers_it():
    text = ("The crew would sleep in pods. Their pods would be cooled during the projected 180-day Earth-Mars cruise. "
            "The study was led by the agency.")
    article = Article(url="https://news.test/one", title="Sleeping crews", text=text)
    cruise = next(s for s in sentences(text) if "cruise" in text[s.start : s.end])
    quote = ScoredQuote(article, cruise, 1.0, coverage=0.7, cosine=0.2, sentence=cruise)
    # "last" is the one word missing ("how long" asks, and is not looked for)
    assert measure_in_sentence(quote, "How long would the cruise from Earth to Mars last?", ["Earth", "Mars"])
    # two words missing, a name missing, or no duration asked: not judged so
    assert not measure_in_sentence(quote, "How long would the cruise from Earth to Mars last for tourists?",
                                   ["Earth", "Mars"])
    assert not measure_in_sentence(quote, "How long would the cruise from Earth to Venus last?", ["Earth", "Venus"])
    assert not measure_in_sentence(quote, "How many pods would the cruise from Earth to Mars need?",
                                   ["Earth", "Mars"])


def test_a_designation_the_question_writes_with_a_space_is_the_same_model():
    text = "The Vela GT 500 Roadster goes on sale next summer. The GT500 Roadster may reach Asia later."
    article = Article(url="https://news.test/one", title="Vela roadster", text=text)
    quote = ScoredQuote(article, Span(0, len(text)), 1.0, coverage=0.8, cosine=0.5)
    # The quote writes "GT500", the question "GT 500": no other model than the one asked about, though the
    # quote never writes the question's "V8".
    assert other_model(quote, "How much power does the GT 500 Roadster's V8 make?") is None
    assert other_model(quote, "How much power does the GT 600 Roadster's V8 make?") == "V8"


SPEAKER = ("Speaker Dana Whitfield wants to wrap up the hearings before the holidays, before the reports come out "
           "and before the public wonders where the evidence is. The hearings resume on Monday in the House. "
           "Committee members expect two more weeks of testimony from diplomats and officials.")


def test_a_question_for_someones_words_is_declined_by_an_article_that_never_has_them_speak(library, tmp_path):
    answer = ask_one_article(library, tmp_path, "Hearings go on", SPEAKER,
                             "What did Dana Whitfield say about the hearings?", answered=False)
    assert answer.lacking == "anything Dana Whitfield said"
    # Asked without a name, or of what the article does report, it is answered.
    assert library.ask("When do the hearings resume?").answered
    assert speaker_asked("what did dana whitfield say about the hearings?") is None  # no capitals: no name
    # Typed without capitals, the words the library writes as a name are one.
    assert library.ask("what did dana whitfield say about the hearings?").lacking == "anything dana whitfield said"


def test_an_outlet_asked_for_its_words_has_them_in_its_own_article(library, tmp_path):
    # "What does Vox say …?" of Vox's article: its words throughout, as a byline's are its author's
    path = tmp_path / "outlet.jsonl"
    path.write_text(json.dumps({"url": "https://news.test/smog", "title": "The law behind the smog", "source": "Vox",
                                "text": "The smog over the capital comes from burning fields, traffic exhaust and "
                                        "building dust, and it grows worse every winter when the winds drop. "
                                        "Doctors report more children with asthma each year. The solution lies not "
                                        "just in technology but in better governance, as the rules on farming and "
                                        "water that feed the fires were written by the government itself."}),
                    encoding="utf-8")
    list(library.ingest([str(path)]))
    answer = library.ask("What does Vox say the solution to the smog lies in?")
    assert answer.answered and "better governance" in " ".join(e.text for e in answer.quotes[0].excerpts)


def test_a_column_is_the_words_of_the_writer_its_note_names(library, tmp_path):
    # "Dana Whitfield is a regular columnist …" ends the page: the article is her words, as a byline's
    text = SPEAKER + "\n\nDana Whitfield is a regular columnist for the Capitol Weekly."
    answer = ask_one_article(library, tmp_path, "Hearings go on", text,
                             "What did Dana Whitfield say about the hearings?")
    assert answer.lacking == ""


def test_a_name_of_common_words_typed_without_capitals_is_heard_by_them_all(library, tmp_path):
    """"kathleen hawk sawyer" guesses only "kathleen" for a name (the dictionary lists "hawk" and "sawyer"); the
    speaker's other words name her too, so "Hawk Sawyer said …" is her speaking."""
    text = ("The federal prison agency is run by Kathleen Hawk Sawyer. Hawk Sawyer said the prison was short "
            "of guards on the night the inmate died. The prison will be inspected again in the spring by the agency.")
    answer = ask_one_article(library, tmp_path, "Prison chief testifies", text,
                             "What did Kathleen Hawk Sawyer say about the prison?")
    assert answer.lacking == "" and "Hawk Sawyer said" in answer.quotes[0].text
    answer = library.ask("what did kathleen hawk sawyer say about the prison?")
    assert answer.answered and "Hawk Sawyer said" in answer.quotes[0].text


def test_reports_about_someone_are_not_their_words(library, tmp_path):
    # "according to reports" cites the reports; "were said to have" is hearsay about them
    text = SPEAKER.replace("before the holidays,", "before the holidays, according to reports from the Capitol,") \
        + " Whitfield and her deputy were said to have clashed over the schedule."
    answer = ask_one_article(library, tmp_path, "Hearings go on", text,
                             "What did Dana Whitfield say about the hearings?", answered=False)
    assert answer.lacking == "anything Dana Whitfield said"
    assert speakers("The report was late, according to Speaker Dana Whitfield.") == "Speaker Dana Whitfield."


def test_a_question_for_someones_words_is_answered_where_they_are_quoted(library, tmp_path):
    text = SPEAKER + " \"We will finish this by Christmas,\" Whitfield told reporters on Friday."
    answer = ask_one_article(library, tmp_path, "Hearings go on", text,
                             "What did Dana Whitfield say about the hearings?")
    assert answer.lacking == ""
    assert speaker_asked("What did the Browns player say about the fight?") == "the Browns player"
    assert speaker_asked("What does Gref think should happen to Rosneft?") == "Gref"  # what they think: their words
    assert speaker_asked("What does Ward call Google's free tier?") == "Ward"  # what they call it: their words
    assert speaker_asked("Which program did Shotwell say it reminded her of?") == "Shotwell"  # which, not what
    assert speakers("The bank had called the court's decision a landmark judgment.")  # "called" reports words


def test_what_someone_is_asked_to_have_said_it_about_is_the_phrase_after_about():
    topic = speech_topic("What did Kristi Noem say about the cost of the state's campaign?")
    assert topic == "the cost of the state's campaign" and topic_head(topic) == "cost"
    assert topic_head("his rift with Tony Blair") == "rift" and topic_head("the account's rebuttals") == "rebuttals"
    assert topic_head("Netanyahu and the relationship") is None  # a name, read as one by the caller
    assert topic_head("doubling Russia's GDP") == "GDP"  # an acronym is a noun here (names leave acronyms out)
    assert speech_topic("What did Raab tell the BBC about the account's rebuttals?") == "the account's rebuttals"
    assert speech_topic("What did Mark Zuckerberg say about how Facebook chooses what to buy?") is None  # a clause
    assert speech_topic("What did Dana Whitfield say?") is None and speech_topic("What is said about it?") is None


def test_someones_words_on_another_subject_do_not_answer_what_they_said_about_this_one(library, tmp_path):
    text = (SPEAKER + " The hearings have cost the House $2 million so far."
            " \"We will finish this by Christmas,\" Whitfield told reporters on Friday.")
    answer = ask_one_article(library, tmp_path, "Hearings go on", text,
                             "What did Dana Whitfield say about the cost of the hearings?", answered=False)
    assert answer.lacking == "anything Dana Whitfield said about the cost of the hearings"
    # the reporter's sentence beside her words is not hers; a quotation running on from them is
    assert library.ask("What did Dana Whitfield say about the hearings?").answered  # the headline's subject


def test_a_name_in_the_topic_is_met_by_its_last_word_as_articles_shorten_it(library, tmp_path):
    text = ("The inquiry into the hearings went on. Clerk Mason Rudolph kept the record of them."
            " Speaker Dana Whitfield, however, spoke on Monday, saying that Rudolph should be thanked for his work.")
    answer = ask_one_article(library, tmp_path, "Hearings go on", text,
                             "What did Dana Whitfield say about Mason Rudolph?")
    assert answer.lacking == "" and "Rudolph should be thanked" in answer.quotes[0].text


def test_a_quotation_running_on_from_someones_words_is_theirs(library, tmp_path):
    text = (SPEAKER + " The hearings have cost the House $2 million so far."
            " \"We will finish this by Christmas,\" Whitfield told reporters on Friday. \"The cost is worth it.\"")
    answered = ask_one_article(library, tmp_path, "Hearings go on", text,
                               "What did Dana Whitfield say about the cost of the hearings?")
    assert answered.lacking == ""


def test_a_long_question_is_read_in_one_pass_whatever_its_words():
    # The question patterns run on whatever is typed, up to the 1,000 characters a question may have: none may
    # try a long word split in every way (a pattern that did, "how much is" and 990 letters, never returned).
    # The alarm turns such a hang into a failure; it measures no speed.
    def hung(signum, frame):
        raise TimeoutError("a question pattern backtracks without end")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(30)
    try:
        assert measure_asked("how much is " + "a" * 988 + "?").name == "the amount of money"  # a thing's price
        assert measure_asked("how much is " + "a" * 988 + "!") is None
        assert measure_asked("how much is the " + "word " * 190 + "sold?") is None  # a verb: no price
        assert measure_asked("How many " + "x" * 400 + " " + "y" * 400 + "?") is None  # unknown words: whose
        assert speaker_asked("What did " + "a " * 400 + "say?") is None and not asks_overview("a " * 499)
        assert person_asked("Who is the " + "a-" * 490 + "?") is None
        assert not names_someone("A" + "-A" * 5000, "Who is the man?")  # a sentence is read in one pass too
        assert speech_topic("What did Dana say " + "a " * 480 + "about?") is None
        assert topic_head("a " * 499) == "a" and person_asked("Which " + "a-" * 495 + "judge?") is None
        stores = measure_asked("How many stores are there?")
        assert not holds_measure(stores, "Nov " * 240 + "$" + "1," * 200 + " stores")
        assert not ages_of_others("Ab " * 60000 + "is 42-year-old.", ["Bob Smith"])  # a run of capitals
        assert thing_asked("Which " + "a-" * 490 + "hospital?") is None
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def test_a_name_the_quotes_article_never_writes_is_said_to_be_missing():
    text = "The Vela GT 500 Roadster goes on sale next summer in Europe, the maker said on Monday."
    article = Article(url="https://news.test/one", title="Vela roadster", text=text, source="Desk")
    quote = ScoredQuote(article, Span(0, len(text)), 1.0, coverage=0.8, cosine=0.5)
    assert unwritten_name(quote, "When will the Vela roadster go on sale in Japan?", ["Vela", "Japan"]) == "Japan"
    assert unwritten_name(quote, "When will the Vela roadster go on sale in Europe?", ["Vela", "Europe"]) is None
    # names side by side may each be answered by an article of its own; so may the parts of a question that asks
    # several things
    assert unwritten_name(quote, "Which is cheaper, the Vela or the Orbix?", ["Vela", "Orbix"]) is None
    assert unwritten_name(quote, "When does the Vela go on sale, and how fast is the Orbix?", ["Vela", "Orbix"]) is None
    # a name of ordinary words may be said otherwise ("Wall Street" for the stock exchange)
    assert unwritten_name(quote, "How did the Vela launch go down on Wall Street?", ["Vela", "Wall Street"]) is None


def test_a_question_on_a_name_the_answering_article_never_writes_is_declined(library, tmp_path):
    path = tmp_path / "two.jsonl"
    path.write_text("\n".join(json.dumps(a) for a in [
        {"url": "https://news.test/launch", "title": "Vela roadster launches", "source": "Desk",
         "text": "The Vela GT 500 Roadster launches next summer in Europe, its maker said on Monday. The soft-top "
                 "car will cost less than the coupe, and the first deliveries are due in July."},
        {"url": "https://news.test/rice", "title": "Rice harvest up", "source": "Desk",
         "text": "Farmers in Japan brought in a record rice harvest this autumn, the farm ministry said on Friday. "
                 "Good weather through the summer and fewer storms helped the crop, and prices are expected to "
                 "ease in the shops before the end of the year."}]),
        encoding="utf-8")
    assert all(result.article_id for result in library.ingest([str(path)]))
    answer = library.ask("When will the Vela roadster launch in Japan?")
    assert not answer.answered and answer.lacking == "anything on Japan"
    assert library.ask("When will the Vela roadster launch in Europe?").answered


def test_a_time_the_question_writes_is_no_answer_to_it():
    question = "When will the Black Friday price on the earbuds end?"
    shown = "Black Friday pricing is now live at Amazon for $199."
    assert not gives_time_ahead(own_times_out(shown, question), question)
    assert gives_time_ahead(own_times_out(shown + " It ends on Monday.", question), question)


def test_a_span_that_dates_a_thing_is_not_how_long_it_lasted():
    lasted = measure_asked("How long did the fireside chat last?")
    assert holds_measure(lasted, "The chat lasted forty minutes.")
    assert holds_measure(lasted, "Troops will stay for several more years.")
    assert not holds_measure(lasted, "It goes on sale in the next several weeks.")
    assert not holds_measure(lasted, "The singer had surprised the crowd a couple hours earlier.")
    assert not holds_measure(lasted, "Two months after the onset, he could not stand.")
    assert holds_measure(lasted, "He spoke for just over two minutes before bowing his head.")
    assert not holds_measure(lasted, "He would not declare martial law a second time.")  # an ordinal
    assert holds_measure(lasted, "It lasted a second.") and holds_measure(lasted, "It took a second or two.")
    # unless the question asks how long before or after
    after = measure_asked("How many days after the vote is the debate?")
    assert holds_measure(after, "The debate is two days after the vote.")


def test_how_long_something_lasted_is_given_by_the_quote_not_elsewhere_in_its_section(library, tmp_path):
    text = ("Chief executive Ada Nwosu spoke at a fireside chat with the founder of the Quell group on Tuesday.\n\n"
            "Nwosu said the company had been pulled into the enterprise market by its customers.\n\n"
            "Quell has sold its software to hospitals and banks, and its shares rose by a fifth this year.\n\n"
            "The group was founded eleven years ago in a garage in Lagos.")
    ask_one_article(library, tmp_path, "Nwosu on the enterprise", text,
                    "How long was Ada Nwosu's fireside chat with the founder of Quell?", answered=False)



def test_a_question_for_someones_birth_is_declined_by_a_quote_that_never_speaks_of_one():
    text = ("Ada Quell, leader of the opposition Unity Party and the mayor of Lagos until 2019, described the "
            "president's address as very disappointing.")
    article = Article(url="https://news.test/a", title="Opposition leader on the address", text=text, lang="en")
    quote = ScoredQuote(article, Span(0, len(text)), 1.0, coverage=0.8, cosine=0.5)
    assert lacking_birth_or_death(quote, "Where was Ada Quell born?") == "the place of birth"  # not Lagos
    assert lacking_birth_or_death(quote, "When was Ada Quell born?") == "the date of birth"  # nor 2019
    assert lacking_birth_or_death(quote, "In which town was Ada Quell born?") == "the place of birth"
    assert lacking_birth_or_death(quote, "Where does Ada Quell work?") is None  # not asked
    born = text.replace("Ada Quell, leader", "Ada Quell, who was born in Kano, leader")
    article = Article(url="https://news.test/a", title="Opposition leader on the address", text=born, lang="en")
    told = ScoredQuote(article, Span(0, len(born)), 1.0, 0.8, 0.5)
    assert lacking_birth_or_death(told, "Where was Ada Quell born?") is None


def test_a_question_for_someones_death_is_declined_by_a_quote_that_never_tells_one():
    born = _quote_of("Ada Quell was born the first child of two pharmacists in Kano in 1957. In 1997 she said: "
                     "I'm going to die.")  # a death to come tells none
    assert lacking_birth_or_death(born, "When did Ada Quell's father die?") == "the date of death"
    assert lacking_birth_or_death(born, "Where was Ada Quell killed?") == "the place of death"
    assert lacking_birth_or_death(born, "How many people die in Kano each year?") is None  # not asked
    died = _quote_of("Ada Quell's father died in Kano in 2004, two years after she was born.")
    assert lacking_birth_or_death(died, "When did Ada Quell's father die?") is None


def _quote_of(text: str) -> ScoredQuote:
    article = Article(url="https://news.test/a", title="A story", text=text, lang="en")
    return ScoredQuote(article, Span(0, len(text)), 1.0, coverage=0.8, cosine=0.5)


def test_a_question_for_who_did_something_is_declined_by_a_quote_that_never_tells_the_deed():
    controller = _quote_of("The Quell controller connects over Wi-Fi and costs $69, Ada Lind of Quell said.")
    assert lacking_deed(controller, "Who designed the Quell controller?") == "who designed the Quell controller"
    assert lacking_deed(_quote_of("The controller's designer, Bo Lind, chose a matte finish."),
                        "Who designed the Quell controller?") is None  # the doer's noun
    final = "Ivo Flint beat Bo Lind 6-3, 6-4 in the final on Sunday."
    assert lacking_deed(_quote_of(final), "Who won the final?") is None  # a word news writes the deed with
    assert lacking_deed(_quote_of("Reed, who will be the merged company's chairman, spoke."),
                        "Who will chair the merged company?") is None
    assert lacking_deed(_quote_of("Ivo Flint will play Bo Lind in the final on Sunday."), "Who won the final?")
    assert lacking_deed(_quote_of("A complaint was made by the Board of Deputies."),
                        "Who complained about the mayor?") is None  # a noun made from the verb
    assert lacking_deed(_quote_of("Every authorisation means the Ombudsman will receive a copy."),
                        "Who gets a copy of each authorisation?") is None
    assert lacking_deed(_quote_of("The answer was prepared in his office by two officials."),
                        "Who helped prepare the answer?") is None  # the deed after the helper
    assert lacking_deed(controller, "Who is Ada Lind?") is None  # not a deed
    # "found", the past of "find", tells no one founded anything; "founder" and "founded" do
    riders = _quote_of("Riders in Sydney found themselves paying four times the fare.")
    assert lacking_deed(riders, "Who founded Quell?") == "who founded Quell"
    assert lacking_deed(_quote_of("Quell was founded by Ada Lind in 2009."), "Who founded Quell?") is None
    assert lacking_deed(riders, "Who found the bug?") is None  # the irregular verb's own deed
    # the deed's word as a thing the story names, not a deed: "its new design" tells no one designed it
    sedan = _quote_of("The sedan has a new head-turning design and a roomier cabin, Quell said.")
    assert lacking_deed(sedan, "Who designed the Quell sedan?") == "who designed the Quell sedan"
    assert lacking_deed(_quote_of("The sedan was designed in Turin."), "Who designed the Quell sedan?") is None
    assert lacking_deed(_quote_of("The designers of the sedan met in Turin."), "Who designed the Quell sedan?") is None
    assert lacking_deed(_quote_of("In 1898 a Scottish chemist made a discovery that lit the century."),
                        "Who discovered neon?") is None  # the act made by someone
    assert lacking_deed(_quote_of("The drafting of the rules was led by the Mobile Forum."),
                        "Who drafted the rules?") is None  # the act and by whom
    assert lacking_deed(_quote_of("Ida Vane took over from Bo Lind in May."), "Who replaced Bo Lind?") is None
    race = _quote_of("The two leaders battle to win the election on Dec. 12.")
    assert lacking_deed(race, "Who won the debate?")  # a deed to be done tells no one did it
    assert lacking_deed(race, "Who will win the election?") is None  # unless one to be done is asked
    assert lacking_deed(_quote_of("In an email sent by its chairman, staff were told of layoffs."),
                        "Who sent the email about layoffs?") is None  # an irregular past as written
    assert lacking_deed(_quote_of("The dress was stolen from her room. Photos by Ida Vane."),
                        "Who stole the dress?")  # "by" in another sentence names no doer
    assert lacking_deed(_quote_of("Bo Lind left in May; talks over pay went on."), "Who replaced Bo Lind?")


def test_a_quotation_over_several_sentences_holds_its_speaker_named_at_its_close():
    text = ('The index reached a record on Wednesday.\n\n"Markets run ahead of the economy. There are three '
            'positive signs for growth: lower taxes, asset sales and a trade deal. Now we expect more gains," said '
            'Ravi Kumar, director of a brokerage.\n\nOthers are less sure.')
    article = Article(url="https://news.test/a", title="Markets on a high", text=text, lang="en")
    signs = text.index("There are")
    quote = ScoredQuote(article, Span(signs, text.index(" Now we")), 1.0, coverage=0.6, cosine=0.2)
    weights = idf_weights(content_terms("What positive signs for growth does Ravi Kumar see?"), {}, 1)
    assert not paragraph_holds_all(quote, weights)  # "see" is written nowhere
    weights = idf_weights(content_terms("What positive signs for growth does Ravi Kumar expect?"), {}, 1)
    assert paragraph_holds_all(quote, weights)
    assert not paragraph_holds_all(replace(quote, span=Span(0, 40)), weights)  # another paragraph
