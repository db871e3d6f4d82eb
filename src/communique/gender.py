"""Whether a named person is a man or a woman, as far as the name itself says.

Shared by the actor stage (which person a "he" or "she" stands for) and the quote stage
(who a "she said" speaker is): "'We will work with Macron,' she said" after Boris Johnson and
Theresa May is May. A name says so through an honorific before it ("Mrs.", "Sir", "Queen"), a
title word made of "-woman" or "-man" ("Congresswoman", "spokesman"), or a given name that
is a woman's or a man's in the countries the news is about. Given names used for both
("Jean", "Andrea", "Kim", "Robin", "Jordan"), and names written family name first (Chinese,
Korean, Vietnamese, Hungarian), say nothing: the answer is then ``None``, and no pronoun is
kept from the person.

The lists are ours: common given names, chosen for the people in international and
American political news.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import Literal

Gender = Literal["f", "m"]

# Pronouns that say the gender of whom they stand for.
FEMININE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
MASCULINE_PRONOUNS = frozenset({"he", "him", "his", "himself"})

_FEMININE_HONORIFICS = frozenset(
    {
        "mrs", "ms", "miss", "madam", "madame", "mme", "lady", "queen", "princess", "dame",
        "sister", "baroness", "duchess", "countess", "empress", "begum",
    }
)  # fmt: skip
_MASCULINE_HONORIFICS = frozenset(
    {
        "mr", "sir", "lord", "king", "prince", "emir", "ayatollah", "pope", "father", "brother",
        "baron", "duke", "emperor", "sultan", "mullah",
    }
)  # fmt: skip
# Title words that contain "man" without naming one ("human", "German", "Roman", "Oman").
_NOT_MAN_WORDS = frozenset({"human", "german", "roman", "oman", "ottoman", "shaman", "talisman"})

_FEMININE_WORDS = """
    abigail ada adriana agnes aisha alexandra alice alicia alison allison amal amanda amber
    amelia amy ana anastasia angela angelina angelique anita ann anna anne annalena annette
    antonia april audrey ayaan barbara beatrice benazir betsy betty beverly brenda bridget
    brittany camilla candace carla carly carmen carol caroline carolyn carrie catherine cathy
    cecilia chantal charlotte chelsea cheryl chloe christa christina christine chrystia cindy
    claire clara claudia colleen condoleezza corinne cristina cynthia daisy danielle daphne
    deborah debbie debra denise diana diane dianne dilma dina dolores donna doris dorothy edith
    eileen elaine eleanor elena elisabeth elise elizabeth ella ellen elsa elvira emily emma
    erica erika erin esther eva evelyn federica fatima fiona florence frances francesca
    gabriela gabrielle gail gina giorgia gloria grace greta gretchen hannah harriet heather
    heidi helen helena helle hillary holly ilhan ingrid irene iris isabel isabella isabelle
    ivanka jacinda jacqueline jane janet janice jeanne jeanine jennifer jenny jessica jill joan
    joanna joanne jodi joyce judith judy julia julie juliet justine kaja kamala karen kate
    katherine kathleen kathryn kathy katie katrina kayleigh kellyanne kimberly kirsten kirstjen
    kristalina kristen kristi kristin kyrsten laura lauren laurie leah leila lena leticia linda
    lisa liz liza lois loretta lori louise lucia lucy lydia lynn madeleine magdalena maggie
    margaret margrethe margot maria mariana marianne marie marine marina marisa marissa
    marjorie martha mary maryam maxine megan meghan megyn melania melanie melinda melissa mette
    mia michelle miriam molly monica nadia nadine nancy naomi natalia natalie natasha nicole
    nikki nina nora olga olivia pamela patricia patty paula pauline penny phyllis priti rachel
    rashida rebecca regina renee rita roberta rosa rose rosemary ruth sabine sahra sally
    samantha sandra sanna sara sarah segolene serena shannon sharon sheila shirley sigrid
    silvia simone sonia sophia sophie stacey stephanie susan susana susanne suzanne svetlana
    sylvia tamara tammy tanya teresa theresa tiffany tina tulsi ulrike ursula valentina valerie
    vanessa vera veronica victoria viktoria violet virginia wendy whitney yulia yvonne zoe
    zeynep zainab yingluck megawati nikol dalia kersti samia kolinda zuzana maia salome erna
    beata ewa viorica iveta jadranka jutta katrin johanna ingrida evika laimdota sushma nirmala
    hina retno yoriko makiko marise nanaia delcy ngozi amina nkosazana naledi lindiwe tzipi
    golda khaleda chandrika sirimavo corazon leni paetongtarn sanae xiomara micheline roza
    natalya tatiana tatyana valentyna iryna oksana ludmila lyudmila olena kateryna marta
    agnieszka
"""
_MASCULINE_WORDS = """
    aaron abdel abdul abdullah abraham adam adel adrian ahmad ahmed alan albert alberto
    alejandro alexander alexandre alexei alexey alfred ali allen alvaro andrew andrei andrej
    andres andrzej angus anthony antonio antony anwar arnold arthur ashraf ayman barack barry
    bashar ben benjamin benny bernard bernie beto bill billy bob bobby bola boris boyko brad
    bradley brendan brett brian bruce bruno bryan byron carl carlos cesar chad charles charlie
    christian christopher chuck clarence clint cory craig cyril dale dan daniel danny dave
    david dean dennis derek devin dick dmitry dmitri don donald doug douglas duncan dwight ed
    eddie edward edwin elijah elliott emmanuel emmerson enrique eric erik ernest ernesto evan
    evo fabio faisal felipe fernando francis francisco franco frank franz fred frederick fumio
    gabriel gary gavin gene geoffrey george gerald gerhard giuseppe glenn gordon greg gregory
    guido gustavo guy hamad hamid hank hans harold harry hassan hector heiko helmut henry
    herbert hosni howard hugh hugo hussein ian ibrahim igor ilham imran isaac ismail ivan jack
    jacob jake james jamal jared jason javier jay jeb jeff jeffrey jens jeremy jerome jerry
    jesse jim jimmy joe joel john johnny jon jonathan jorge jose joseph josh joshua juan julian
    justin keith ken kenneth kevin khalid kirk klaus kurt kyle lamar larry lars lawrence leo
    leon leonard lloyd louis luis luiz luke mahmoud malcolm manuel marco marcus mario mark
    martin marty matt matteo matthew mauricio max michael miguel mike mikhail mitch mitt
    mohamed mohammad mohammed muhammad narendra nathan neil nelson nicholas nick nicolas
    nikolai noah norman olaf oliver omar oscar osama owen patrick paul pedro peter petro phil
    philip philippe pierre rafael ralph ramzan randy raul ray raymond recep reince rex richard
    rick ricky rob robert rodrigo roger roman ron ronald roy rudy rupert russell ryan salman
    sam samuel scott sean sebastian serge sergei sergey shinzo silvio stefan stephen steve
    steven stuart tayyip ted thomas tim timothy todd tom tommy tony valdis victor viktor
    vincent vladimir volodymyr walter warren wayne william willie yasser yoshihide yuri zach
    zachary rishi keir jair abiy uhuru yoweri michel abu francois amadou zoran abdoulaye
    ricardo irakli moussa guillermo nikola anatoliy valeriy julio khalifa konstantinos mustafa
    eduardo edouard elias andre dimitar pavlo emil georgi andriy leonid fuad khaled abel taro
    youssef yitzhak alain abdelaziz petr marc amir moshe sylvestre giorgi mikheil felix nasser
    jacques pascal roberto rashid nicolae nabil oleksandr abbas fayez samir marcel valeriu
    santiago najib zurab nawaf kazuo tsutomu jaime pavel vitaliy riyad askar dinesh janez
    lansana nouri vuk petar bronislaw jerzy ismet salahuddin edgar vaclav yahya gediminas
    youssouf saleh haitham federico herve andrii mostafa wladyslaw andris yusuf danilo carlo
    eduard ajit armen stanislav dmytro mirko ivica ghulam pervez celso akbar fouad marcelo
    filip ion hamza ilir edi hashim jean-luc jean-pierre jean-claude jean-marc jean-yves
    mahathir ehud ariel yair naftali avigdor gideon hamdok salva riek raila
"""

FEMININE_NAMES = frozenset(_FEMININE_WORDS.split())
MASCULINE_NAMES = frozenset(_MASCULINE_WORDS.split())


def name_gender(name: str, before: Sequence[str] = ()) -> Gender | None:
    """The gender a person's name says, or ``None`` when it says none.

    Args:
        name: The name as written or as the knowledge base spells it ("Theresa May",
            "Mrs. May", "Congresswoman Ilhan Omar").
        before: The words written right before the name, nearest last ("spokeswoman" in
            "White House spokeswoman Sarah Sanders").
    """
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    words = [w.lower().strip(".") for w in re.findall(r"[\w.'-]+", plain)]  # "Nicolás": nicolas
    for word in words[:-1]:  # "Mrs. May", "Sir Keir Starmer"
        if word in _FEMININE_HONORIFICS:
            return "f"
        if word in _MASCULINE_HONORIFICS:
            return "m"
    first = words[0] if len(words) > 1 else ""  # a surname alone says nothing ("May")
    if first in FEMININE_NAMES:
        return "f"
    if first in MASCULINE_NAMES:
        return "m"
    return _title_before(before)


def _title_before(before: Sequence[str]) -> Gender | None:
    """The gender a title written right before a name says ("White House spokeswoman", "Mrs."
    before "May"): the words back from the name while they are part of its title (a title word
    or capitalised), not a word of the clause before it ("met the Queen and Trump", "a
    spokeswoman said Trump": neither says Trump is a woman)."""
    for written in reversed(before[-3:]):
        found = _title_gender(written.lower().strip("."))
        if found is not None:
            return found
        if not written[:1].isupper():
            return None
    return None


def _title_gender(word: str) -> Gender | None:
    if word in _FEMININE_HONORIFICS or (word.endswith("woman") and len(word) > 5):
        return "f"
    if word in _MASCULINE_HONORIFICS:
        return "m"
    if word.endswith("man") and len(word) > 3 and word not in _NOT_MAN_WORDS:
        return "m"  # "spokesman", "Congressman", "chairman"
    return None


def agrees(pronoun: str, gender: Gender | None) -> bool:
    """Whether ``pronoun`` may stand for a person of ``gender`` (an unknown one: always)."""
    word = pronoun.lower()
    if gender == "m":
        return word not in FEMININE_PRONOUNS
    if gender == "f":
        return word not in MASCULINE_PRONOUNS
    return True
