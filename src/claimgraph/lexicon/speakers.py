"""Words that tell what kind of source a speaker is (``claimgraph.speakers.kinds``).

Each list holds lower-case head nouns or name words; a speaker's type comes from the first list
(in ``SPEAKER_TYPES`` order) that one of its words is in.
"""

from __future__ import annotations

# The speaker types, in the order they are tested: a "police report" is a study or report before
# it is an agency, an "official" of a ministry is an anonymous official before the ministry.
SPEAKER_TYPES: tuple[str, ...] = ("study", "document", "outlet", "anonymous_official", "witness",
                                  "government", "agency", "organization", "person")

# Readable labels for the UI and exports.
SPEAKER_TYPE_LABELS: dict[str, str] = {
    "person": "person",
    "government": "government or official body",
    "agency": "agency",
    "organization": "company or organisation",
    "outlet": "news outlet",
    "study": "study or report",
    "anonymous_official": "anonymous official",
    "witness": "witness or resident",
    "document": "document or footage",
}

STUDY_WORDS: frozenset[str] = frozenset({
    "study", "studies", "report", "reports", "survey", "surveys", "analysis", "analyses", "poll", "polls",
    "research", "paper", "estimate", "estimates", "census", "audit", "assessment", "projection", "projections",
    "forecast", "model", "review", "tally", "count",
})

DOCUMENT_WORDS: frozenset[str] = frozenset({
    "document", "documents", "footage", "video", "videos", "photo", "photos", "photograph", "image", "images",
    "statement", "letter", "filing", "records", "record", "transcript", "memo", "email", "e-mail", "recording",
    "tape", "cable", "affidavit", "indictment", "complaint", "lawsuit", "tweet", "post", "release", "website",
    "data", "figures", "testimony",
})

# Name words of news outlets; the corpus's own outlets and via-chains are outlets too.
OUTLET_WORDS: frozenset[str] = frozenset({
    "newspaper", "broadcaster", "network", "channel", "magazine", "outlet", "wire", "news", "times", "post",
    "press", "tribune", "herald", "journal", "gazette", "courier", "ledger", "daily", "telegraph", "chronicle",
    "radio", "television", "tv", "broadcasting", "newswire", "newsroom",
})

# Unnamed people who speak for an institution.
OFFICIAL_WORDS: frozenset[str] = frozenset({
    "official", "officials", "source", "sources", "spokesman", "spokeswoman", "spokesperson", "spokespeople",
    "aide", "aides", "authorities", "officer", "officers", "diplomat", "diplomats", "investigator",
    "investigators", "administrator", "administrators", "insider", "insiders", "staffer", "staffers",
    "governor", "mayor", "minister", "chief", "commander", "director", "secretary", "president", "senator",
})

# Unnamed people who speak for themselves.
WITNESS_WORDS: frozenset[str] = frozenset({
    "witness", "witnesses", "eyewitness", "eyewitnesses", "resident", "residents", "neighbour", "neighbours",
    "neighbor", "neighbors", "survivor", "survivors", "driver", "drivers", "bystander", "bystanders",
    "passenger", "passengers", "local", "locals", "villager", "villagers", "parent", "parents", "student",
    "students", "teacher", "teachers", "worker", "workers", "victim", "victims", "relative", "relatives",
    "family", "families", "man", "woman", "men", "women", "people", "person", "shopkeeper", "farmer",
    "farmers", "refugee", "refugees", "engineer", "engineers", "doctor", "doctors", "nurse", "nurses",
    "activist", "activists", "protester", "protesters", "voter", "voters", "owner", "friend", "friends",
})

GOVERNMENT_WORDS: frozenset[str] = frozenset({
    "government", "ministry", "department", "council", "parliament", "congress", "senate", "administration",
    "cabinet", "municipality", "presidency", "legislature", "assembly", "state", "city", "county", "regime",
    "embassy", "consulate", "court", "governorate", "prefecture", "kremlin",
})

AGENCY_WORDS: frozenset[str] = frozenset({
    "agency", "police", "army", "military", "forces", "force", "service", "services", "bureau", "commission",
    "authority", "office", "directorate", "guard", "command", "brigade", "navy", "inspectorate", "regulator",
    "fbi", "cia", "nsa", "coroner",
})

ORGANIZATION_WORDS: frozenset[str] = frozenset({
    "company", "firm", "group", "organisation", "organization", "charity", "union", "association",
    "institute", "center", "centre", "foundation", "party", "coalition", "observatory", "campaign",
    "movement", "corp", "corporation", "inc", "ltd", "llc", "plc", "co", "mining", "bank", "airline",
    "airlines", "university", "hospital", "network", "federation", "league", "club", "church", "school",
    "committee", "board", "fund", "alliance", "society", "council", "operator", "utility",
    "industries", "holdings", "energy", "motors", "partners",
})

# Words that open a description, not a name ("the", "one resident").
DESCRIPTION_OPENERS: frozenset[str] = frozenset({"the", "a", "an", "one", "two", "some", "several", "many",
                                                 "another", "other", "this", "that", "these", "those"})

# Prepositions that put an affiliation after a role ("spokesperson for Hallam Mining").
AFFILIATION_PREPS: frozenset[str] = frozenset({"for", "of", "at", "with", "from", "in"})

# Head nouns of a short definite description that points back to the body last named in the
# article: "the group" -> the Syrian Observatory for Human Rights, "the wire service" -> Reuters.
# Not "the study" or "the report": the body named last is as often the one the study is about.
BODY_ANAPHORS: frozenset[str] = frozenset({
    "group", "organization", "organisation", "company", "firm", "agency", "service", "center", "centre",
    "institute", "charity", "observatory", "monitor", "watchdog", "newspaper", "nonprofit",
})

# A figure "of those" / "of them" counts part of what the sentence before it counted, so it comes
# from the same source: "MSF said 3,600 patients were treated. Of those, 355 died."
PARTITIVE_PRONOUNS: frozenset[str] = frozenset({"those", "them", "these"})

# "the study" / "the report" is the work of whoever was quoted about a study or report just before
# ("In a study released on Monday, the Tax Policy Center concluded ... The study also found").
WORK_NOUNS: frozenset[str] = frozenset({
    "study", "report", "survey", "analysis", "poll", "audit", "review", "assessment", "estimate", "research",
    "investigation", "count", "tally",
})
