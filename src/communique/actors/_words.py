"""The words the actor finder reads: sector labels, group heads, the sectors a document's
focus anchors, equipment that acts for its military, and the like (``mentions.py``)."""

from __future__ import annotations

SECTOR_NAMES = {"GOV": "government", "MIL": "military", "LEG": "legislature", "JUD": "judiciary"}
# What a sector holds, so that the sector word before it names its owner: "rebel positions",
# "a police station", "government buildings" (an attack on them is an attack on the owner).
HELD_HEADS = frozenset(
    {"position", "base", "station", "checkpoint", "post", "outpost", "building",
     "headquarters", "convoy", "barracks", "vehicle", "patrol", "stronghold"}
)  # fmt: skip
# Government nouns a leader's name can qualify: "the Trump administration", "the Assad
# regime", "the Maduro government" are the leader's country's government.
LED_BODIES = frozenset({"administration", "government", "regime", "cabinet", "junta"})
# Group heads that are people of whatever sector modifies them ("rebel leaders" are rebels,
# "military officials" the military), unlike a party or bloc, which has its own.
PEOPLE_OF = frozenset(
    {"group", "leader", "member", "official", "figure", "supporter", "activist", "fighter",
     "representative", "spokesman", "spokeswoman", "officer", "chief", "council", "command",
     "leadership", "source", "commander"}
)  # fmt: skip
# The code of actors named together and read as their members ("All urged Trump …", "the
# two leaders"), and the start of their key.
GROUP_CODE = "GRP"
GROUP_PREFIX = f"{GROUP_CODE.lower()}/"
# Bodies a legislature or a government forms, named by its sector word: "a Senate committee",
# "congressional committees", "a government panel" (their other modifiers are their subject:
# "the Intelligence Committee" is no spy agency).
BODIES_OF = frozenset({"committee", "subcommittee", "panel"})
BODY_SECTORS = frozenset({"LEG", "GOV"})


def people_of(head: str, sector: str | None) -> bool:
    """Whether the noun ``head`` (a lemma) after a sector word names that sector's people or
    one of its bodies ("rebel leaders", "a Senate committee")."""
    return head in PEOPLE_OF or (head in BODIES_OF and sector in BODY_SECTORS)


# Nouns that make a sector modifier an actor: "opposition groups", "rebel leaders" (the
# people of a sector, and the bodies a sector word names: "rebel factions", "army force").
GROUP_HEADS = PEOPLE_OF | {
    "force", "movement", "faction", "politician", "lawmaker", "party", "coalition", "camp", "bloc"
}  # fmt: skip
# Titles that hold the sector of the body they belong to ("a member of the Chamber of
# Deputies" is a legislator, "a member of the army" a soldier).
MEMBERS_OF = frozenset({"member", "members"})
# Ethnic and religious communities whose armed men are no state's forces ("Kurdish forces",
# "Moslem forces", "Tamil fighters"): rebels, as CAMEO codes them (lower-cased lemmas).
COMMUNITIES = frozenset(
    {"kurdish", "moslem", "muslim", "shiite", "shia", "sunni", "tamil", "pashtun", "baloch",
     "tuareg", "hutu", "tutsi", "druze", "alawite", "christian", "maoist", "islamist",
     "jihadist", "tribal"}
)  # fmt: skip
# Entity labels that may hide a person's name ("Stoltenberg" is often tagged ORG).
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# A capital after these prepositions is where something happened, not who did it.
LOCATION_PREPOSITIONS = frozenset({"in", "at", "near", "outside", "around", "inside", "across"})
# Arriving somewhere is visiting it: "arrived in Moscow" visits Russia's government.
ARRIVALS = frozenset({"arrive", "arrival", "land"})
# Prepositions that say where people or things are ("protesters in Hong Kong", "troops based
# in Syria"): the place after them is where, not who.
WHERE_PREPOSITIONS = frozenset({"in", "inside", "across", "throughout", "at"})


# Sectors an article's focus country anchors: its institutions and its people, and armed men
# nobody has named (ICEWS too codes "Unidentified Gunmen" by the country they act in).
FOCUS_SECTORS = frozenset(
    {"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "OPP", "PTY", "REB", "INS", "CVL", "LAB", "EDU"}
    | {"UAF"}
)
# Sectors the place where their people are anchors ("officials in Pyongyang", "protesters in
# Caracas"); not soldiers and spies, who are often abroad ("troops in Syria"). Those of
# STAYING_SECTORS also where they act ("prisoners rioted at a jail in Kampala"); officials
# travel ("the two leaders discussed nuclear proliferation in North Korea").
LOCATED_SECTORS = (FOCUS_SECTORS - {"MIL", "SPY"}) | {"CRM"}
STAYING_SECTORS = frozenset({"CVL", "CRM", "EDU", "LAB", "OPP", "COP"})
# Territories with a code of their own, and the state they belong to: their police and people
# are theirs in a story about them ("riot police" in a story about Hong Kong and Beijing).
TERRITORIES = {"HKG": "CHN", "MAC": "CHN", "PRI": "USA", "GUM": "USA", "GRL": "DNK"}
# Words that make a newspaper, agency or broadcaster the state's: CAMEO codes state media as
# the government's (GOVMED).
STATE_MARKERS = frozenset({"official", "state", "semi-official", "government", "regime"})
# Verbs by which people leave the country they are coded with ("refugees fleeing Syria").
FLEEING = frozenset({"flee", "escape"})
# Speakers a sentence's one country does not anchor ("officials said Iran fired missiles").
UNANCHORED_SPEAKERS = frozenset({"official", "source", "spokesman", "spokeswoman", "spokesperson"})
# Those who speak for someone named after "for" ("a spokesman for President Putin").
SPEAKERS_FOR = frozenset({"spokesman", "spokeswoman", "spokesperson", "aide", "adviser", "advisor"})
# Nouns that speak for the organisation named after "for", "of" or "from" ("a spokesman for
# the Taliban", "officials of the World Health Organization").
VOICES = SPEAKERS_FOR | {"official", "officials", "representative", "representatives"}
# Words English-language news uses, unqualified, for one state's body: "the administration"
# is the American executive unless a leader's name says whose ("the Duterte administration")
# or the article is about a state whose press says it of its own (OWN_ADMINISTRATIONS).
US_USAGE = {"administration": "USA"}
# States whose English-language press also calls their own executive "the administration".
OWN_ADMINISTRATIONS = frozenset({"PHL", "KOR", "TWN"})
# "The House", alone, is the US House of Representatives, unless the story is about a state
# whose press calls a chamber of its own parliament so (the Commons, the Lok Sabha, the Diet).
OWN_HOUSES = frozenset(
    {"GBR", "IRL", "CAN", "AUS", "NZL", "IND", "PAK", "PHL", "JPN", "MYS", "NGA", "LBR", "JAM"}
)
# "The Senate", alone, is the US Senate unless the story is about another state whose
# parliament has a chamber called so in English.
OWN_SENATES = frozenset(
    {"CAN", "AUS", "FRA", "ITA", "ESP", "BEL", "NLD", "IRL", "POL", "CZE", "ROU", "PHL", "MEX",
     "BRA", "ARG", "CHL", "COL", "URY", "PRY", "BOL", "DOM", "HTI", "NGA", "KEN", "LBR", "PAK",
     "MYS", "THA", "KHM", "JOR", "EGY", "ZWE", "CMR", "GAB", "COD", "BDI", "RWA", "MDG", "TTO",
     "JAM", "BHS", "BLZ", "BRB", "KAZ", "UZB"}
)  # fmt: skip
# Offices a state does not have, so that an unknown holder is not the article's focus state
# ("Vice Premier Zhao Lin" in a story about Washington): the US federal government has no
# ministers, premier, chancellor or monarch (its ministers are secretaries).
OFFICES_ABSENT = {
    "USA": (
        frozenset({"minister", "premier", "chancellor", "king", "queen", "emir", "sultan"}),
        frozenset({"crown prince", "supreme leader"}),
    )
}
# The sectors of a state's own bodies (what coordinated nouns share a country across; wider
# than coref's STATE_SECTORS, the offices an officeholder's "her government" can mean).
STATE_BODIES = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
# Points of the compass, which a gazetteer may know as towns ("South") but news means as regions.
COMPASS_POINTS = frozenset(
    {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"}
)
# Parts of a divided state, alone after "the", in an article that names one of the parts
# (the part's code, the codes that must be named): "the North" and "the South" about the
# Koreas, "the mainland" (China) about Hong Kong, Macao or Taiwan.
STATE_PARTS = {
    "North": ("PRK", frozenset({"PRK", "KOR"})),
    "South": ("KOR", frozenset({"PRK", "KOR"})),
    "mainland": ("CHN", frozenset({"HKG", "MAC", "TWN"})),
}
# Countries whose names put the family name first: "Kim Jong Un" is later "Kim".
FAMILY_NAME_FIRST = frozenset({"CHN", "KOR", "PRK", "TWN", "HKG", "MAC"})
# Common Chinese and Korean family names as English-language news spells them: a name that
# starts with one ("Liu He", "Chung Eui-yong") is later called by it, also when we do not know
# the person's country. Kim and Lee are also Western given names ("Kim Darroch").
# fmt: off
FAMILY_NAMES = frozenset({
    "Bai", "Cai", "Cao", "Chan", "Chen", "Cheng", "Cheung", "Chiang", "Chou", "Chu", "Cui",
    "Dai", "Deng", "Ding", "Dong", "Du", "Fan", "Feng", "Fu", "Gao", "Geng", "Gu", "Guo",
    "Han", "Hao", "He", "Ho", "Hou", "Hsieh", "Hu", "Hua", "Huang", "Jia", "Jiang", "Jin",
    "Kong", "Kuo", "Lai", "Lam", "Leung", "Li", "Liang", "Lin", "Liu", "Lu", "Luo", "Ma",
    "Mao", "Meng", "Pan", "Peng", "Qian", "Qin", "Ren", "Shen", "Shi", "Song", "Su", "Sun",
    "Tang", "Tian", "Tsai", "Wan", "Wang", "Wei", "Wen", "Wong", "Wu", "Xi", "Xia", "Xiao",
    "Xie", "Xu", "Xue", "Yan", "Yang", "Yao", "Ye", "Yu", "Yuan", "Zeng", "Zhang", "Zhao",
    "Zheng", "Zhong", "Zhou", "Zhu", "Ahn", "Bae", "Baek", "Cho", "Choe", "Choi", "Chung",
    "Hong", "Hwang", "Jang", "Jeon", "Jung", "Kang", "Kim", "Kwon", "Lee", "Lim", "Moon",
    "Nam", "Noh", "Oh", "Pak", "Park", "Ri", "Ryu", "Seo", "Shin", "Yoo", "Yoon"
})
# fmt: on
# Family names that also open Western names, read first only in a family-name-first country.
WESTERN_GIVEN_NAMES = frozenset({"Kim", "Lee"})
# Officials who usually deal with other countries: "met the envoy" names no focus country.
FOREIGN_FACING = frozenset(
    {
        "envoy",
        "ambassador",
        "diplomat",
        "delegation",
        "embassy",
        "consulate",
        "consul",
        "negotiator",
    }
)
# Who speaks or acts for the person or body that owns them: "the prime minister's office
# said", "the army's chief", "the rebels' leader" (the owner's sector, not the noun's own).
SPEAKS_FOR_OWNER = frozenset(
    {
        "office", "staff", "aide", "aides", "chief", "head", "leader", "leadership",
        "spokesman", "spokeswoman", "spokesperson",
    }
)  # fmt: skip
# People who act for an organisation named before them: "EU leaders", "UN inspectors".
ENVOYS = frozenset(
    {
        "leader", "leaders", "official", "officials", "minister", "ministers", "diplomat",
        "diplomats", "envoy", "envoys", "delegate", "delegates", "delegation", "negotiator",
        "negotiators", "representative", "representatives", "spokesman", "spokeswoman",
        "spokesperson", "chief", "monitors", "inspectors", "observers", "members",
        "general", "secretary-general",
    }
)  # fmt: skip
# "X-backed rebels" are backed by X, not X's own: the country does not compose with the noun.
BACKERS = frozenset(
    {"backed", "sponsored", "supported", "funded", "financed", "armed", "trained", "allied",
     "aligned", "friendly", "leaning", "inspired"}
)  # fmt: skip
# What "X-led" leads: "the Saudi-led coalition" is Saudi Arabia's military effort.
LED_GROUPS = frozenset({"coalition", "forces", "alliance", "troops", "operation", "campaign"})
# Sectors of people who live, are held or sit in a place: "protesters in Hong Kong" are Hong
# Kong's, "prisoners in Syria" Syria's, "police in Karachi" Pakistan's, "lawmakers in Japan"
# Japan's (officials and troops in a place are as often another country's).
RESIDENT_SECTORS = frozenset(
    {"CVL", "OPP", "REF", "LAB", "EDU", "HLH", "REL", "AGR", "MED", "CRM", "COP", "LEG", "PTY"}
)
# Sectors of armed groups outside a state's forces, whose fighters a group's name may precede.
ARMED_SECTORS = frozenset({"REB", "INS", "UAF"})
# Verbs by which a state or armed group moves forces of its own in or out ("deployed its
# troops to Abyei", "the militia withdrew its fighters"): where they go is acted on
# (places), and the forces moved are the mover's own (coref).
FORCE_MOVING_VERBS = frozenset(
    {"deploy", "redeploy", "send", "dispatch", "station", "withdraw", "pull", "evacuate",
     "reinforce", "strengthen", "intensify", "mass", "mobilize", "mobilise"}
)  # fmt: skip
# Sectors of people a country sends: "officials from the U.S.", "lawmakers from Japan".
SENT_FROM_SECTORS = frozenset({"GOV", "LEG", "JUD", "SPY", "ELI"})
# Weapons whose acts are their country's military's: "Israeli helicopters shelled".
EQUIPMENT = frozenset(
    {
        "aircraft",
        "airplane",
        "helicopter",
        "tank",
        "jet",
        "drone",
        "bomber",
        "warplane",
        "gunship",
        "warship",
        "bulldozer",
        "artillery",
        "missile",
        "submarine",
        "frigate",
        "destroyer",
    }
)
# "X-based", "X-born": the place X locates something; it acts for no one.
PLACE_COMPOUNDS = frozenset({"based", "born", "headquartered", "registered", "bound"})
# Knowledge-base matches that name a place a body can be based in or located at.
PLACE_KINDS = frozenset({"country", "capital", "metonym"})
# Where a body is based gives its country ("a Beirut-based newspaper", "a charity based in
# London"); only for bodies that are where they are based, not for a state's own organs.
BASED = frozenset({"based", "headquartered", "registered"})
# Armed and criminal groups too: "Pakistan-based militants" are PAKREB.
BASED_SECTORS = frozenset(
    {"MED", "NGO", "BUS", "EDU", "HRI", "LAB", "REL", "HLH", "PTY", "OPP", "REB", "INS", "UAF",
     "RAD", "CRM"}
)  # fmt: skip
# One-word bodies whose word also ends the names of many others ("Congress": the African
# National Congress, the World Uyghur Congress), and the party words that only describe it.
NAME_ENDINGS = frozenset({"congress"})
# The party each names, as the metonym table spells it (an actor id of its own).
PARTY_ADJECTIVES = {
    "Democratic": "Democrats",
    "Democrat": "Democrats",
    "Republican": "Republicans",
    "GOP": "Republicans",
}
# Meetings and accords a capital names as their venue ("the Helsinki summit", "the Minsk
# agreements", "the Astana talks"): the capital is a place there, not its government.
VENUE_EVENTS = frozenset(
    {"summit", "talk", "talks", "meeting", "conference", "agreement", "accord", "accords",
     "process", "format", "declaration", "protocol", "forum", "negotiation", "round"}
)  # fmt: skip


def office_absent(role: str, country: str) -> bool:
    """Whether ``country`` has no office called ``role`` ("Foreign Minister" in the US)."""
    words, phrases = OFFICES_ABSENT.get(country, (frozenset(), frozenset()))
    lowered = role.lower()
    return bool(words.intersection(lowered.split())) or any(p in lowered for p in phrases)


# Words that begin a family name of more than one word ("Abdul Mahdi", "bin Salman", "van
# der Bellen"): the person is later called by all of it.
SURNAME_PARTICLES = frozenset(
    {"Abdul", "Abdel", "Abd", "Abu", "al", "Al", "el", "El", "bin", "ibn", "van", "Van", "von"}
    | {"der", "den", "de", "De", "da", "Da", "di", "Di", "del", "Del", "dos", "das", "du", "Du"}
)
