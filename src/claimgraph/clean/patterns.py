"""Regular expressions used by the plain-text cleaner (its word lists live in claimgraph.lexicon).

They describe *generic* web boilerplate (calls to action, navigation, credits, bylines, forum
and shop furniture), never the wording of any one article. Kept in one module so the heuristics
in ``boilerplate.py`` and ``metadata.py`` read as logic, not as walls of regex.
"""

from __future__ import annotations

import re

from claimgraph.lexicon.dates import MONTH_ABBREVIATIONS, MONTH_NAMES

# ---------------------------------------------------------------- characters and tokens

# Space characters ftfy does not touch but which break its mojibake detection when they sit
# right before a mis-decoded sequence ("Raqqa\u00a0â€\u201d").
UNUSUAL_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
ZERO_WIDTH = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
# C0/C1 controls except tab and newline (carriage returns are normalised before this runs).
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# An ellipsis glued to the next sentence: "escape….Has", "caliphate…would", "…." at a line start.
# Only the single-character ellipsis: a glued ASCII "..." is common in forum text and left alone.
GLUED_ELLIPSIS = re.compile(r"(…\.?)(?=[A-Z\u201c])")

WORD = re.compile(r"[^\W_]+(?:['\u2019.-][^\W_]+)*")
LETTER = re.compile(r"[^\W\d_]")
ALNUM = re.compile(r"[^\W_]")
SENTENCE_END = re.compile(r"[.!?…:;][\"'\u201d\u2019)\]]*\s*$")
QUOTE_CHARS = re.compile(r"[\"\u201c\u201d]")
# The reader addressed: "you", "your", "our", "us" (lower case: "US" is a country).
SECOND_PERSON = re.compile(r"\b(?:[Yy]ou|[Yy]our|[Oo]ur|us)\b")
REPORTING = re.compile(r"\b(said|says|say|told|tells|according to|asked|added|wrote|writes)\b", re.I)

# ---------------------------------------------------------------- calls to action / navigation

# A whole short line that is a navigation label or section heading of a page template.
NAV_LINE = re.compile(
    r"""^\W*(?:
        (?:we\s+)?recommend(?:ed)?(?:\s+(?:for\s+you|stories|articles|reading))? |
        (?:the\s+)?latest(?:\s+(?:news|stories|posts|articles|headlines|videos|updates))? |
        related(?:\s+(?:articles?|posts?|stories|story|content|coverage|news|links?|questions|polls|
            topics|videos?|items?|reading|searches|pages))? |
        (?:most\s+)?(?:popular|read|viewed|shared|commented|emailed)(?:\s+(?:stories|articles|posts|now|today))? |
        trending(?:\s+(?:now|stories|topics|articles))? |
        (?:top|more|other|featured|recent|similar|latest)\s+(?:stories|news|posts|articles|headlines|
            videos|topics|items|questions|comments|picks|reads|websites|categories) |
        (?:more\s+from|also\s+on|elsewhere\s+on|around\s+the\s+web|from\s+the\s+web|editor'?s?\s+picks?)
            (?:\s+[^:]{0,40}:.{0,60}|(?:\s+\S+){0,2}) |
        you\s+(?:may|might|will)\s+also\s+(?:like|enjoy|be\s+interested\s+in) |
        (?:read|see|show|load|view)\s+(?:more|all|less|next|previous)(?:\s+\w+){0,3} |
        read\s+next | up\s+next | what\s+to\s+read\s+next | keep\s+reading | continue\s+reading |
        back\s+to\s+(?:top|home|the\s+top|index|list) | (?:skip|jump|go)\s+to\s+(?:main\s+)?(?:content|navigation|post|top|comments) |
        (?:main\s+)?(?:menu|navigation|search|home(?:\s*page)?|sitemap|site\s+map|archives?|categories|
            topics|tags|labels|pages|sections|contents|table\s+of\s+contents|index|about(?:\s+us)?|
            contact(?:\s+us)?|faq|help|feedback|advertisement|advertising|advertise(?:\s+with\s+us)?|
            sponsored(?:\s+content)?|promoted|partner\s+content|newsletters?|podcasts?|videos?|photos?|
            gallery|comments?|reply|share|print|email|e-mail|tweet|pin\s+it|next|previous|prev|more|
            close|open|toggle|loading|subscribe|donate|log\s*in|log\s*out|sign\s*in|sign\s*out|
            sign\s*up|register|join|shop|cart|checkout|account|my\s+account|settings|privacy|terms|
            cookies?|legal|imprint|disclaimer|careers|jobs|events|store|donations?|membership|
            subscriptions?|subscribers?|customer\s+service|group\s+(?:owners|details)|quick\s+links|
            comments\s+\(\d+\)|\d+\s+comments?|no\s+comments|be\s+the\s+first\s+to\s+comment)
    )\W*$""",
    re.I | re.X,
)

# A short line that asks the reader to do something (subscribe, donate, share, log in ...).
CTA_START = re.compile(
    r"""^\W*(?:[^:.!?]{1,40}[:|\u2014]\s*)?(?:
        (?:please\s+)?(?:subscribe|donate|register|log\s*in|login|sign\s*(?:up|in)|join\s+(?:us|now|today|our|the)|
            (?:click|tap)\s+(?:here|below|the|to|on)|download\s+(?:the|our)|get\s+(?:our|the)\s+(?:free\s+)?
            (?:app|newsletter|magazine|daily|weekly|latest|best)|follow\s+(?:us|@|me|our)|like\s+us|
            share\s+(?:this|on|via|the\s+(?:story|article|post)|your\s+(?:thoughts|story))|
            support\s+(?:our|us|independent|local|quality|the\s+(?:site|work)|this)|become\s+a\s+(?:member|subscriber|patron|supporter)|
            give\s+(?:feedback|now|today|us)|shop\s+(?:now|all|the)|buy\s+now|order\s+now|
            (?:leave|post|write|add)\s+a\s+(?:comment|reply|review)|report\s+(?:this|abuse)|
            save\s+(?:big|\d+%|up\s+to)|try\s+(?:it\s+)?(?:free|now)|learn\s+more|find\s+out\s+more|
            (?:listen|watch)\s+(?:now|live|here|on)|view\s+(?:in|all|full|comments|gallery|profile|more)|
            already\s+(?:a\s+subscriber|have\s+an\s+account|registered)|not\s+(?:a\s+subscriber|registered)|
            create\s+(?:an|a\s+new|your)\s+account|forgot\s+(?:your\s+)?password|forget\s+your|
            install\s+\w+\s+(?:as\s+an\s+app|app)|enter\s+your\s+email|send\s+(?:us\s+)?(?:a\s+tip|questions|feedback))
    )\b""",
    re.I | re.X,
)

# Words that mark reader appeals (money, sign-ups) anywhere in a line; they signal boilerplate
# inside repeated blocks and at article tails.
APPEAL = re.compile(
    r"""\b(?:donat(?:e|es|ed|ing|ion|ions)|fundrais\w*|subscribe|subscription|subscribers?\s+only|
        newsletters?|(?:to|in)\s+your\s+inbox(?:es)?|sign(?:ing)?\s+up|signup|membership|paywall|
        tax[-\s]deductible|reader[-\s]supported|support\s+(?:our|us|independent|the\s+work)|
        pitch(?:ing)?\s+in|readers\s+like\s+you|
        become\s+an?\s+(?:member|subscriber|supporter|patron|sustainer)|
        support\s+(?:local|quality|public[-\s]interest|nonprofit)\s+(?:journalism|news|reporting)|
        journalism\s+(?:costs|isn't\s+free|is\s+not\s+free)|keep\s+our\s+newsroom|
        all\s+rights\s+reserved|copyright|\u00a9|privacy\s+policy|cookie\s+policy|terms\s+of\s+(?:use|service)|
        uses\s+cookies|advertis(?:e|ement|ing)\s+(?:with|here|partners?)|affiliate\s+link|
        log\s*in|login|sign\s+in|registered\s+users?|create\s+an\s+account|password|username|
        award-winning\s+magazine)\b""",
    re.I | re.X,
)

# Forum / shop / blog furniture that is noise wherever it appears (whole-line or line-start).
FURNITURE = re.compile(
    r"""^\W*(?:
        posted\s+(?:in|on|by)\b.*\|.* |                    # "Posted in A, B | Leave a comment"
        (?:tags?|labels?|keywords?|categories|filed\s+under|topics?)\s*:.* |
        you\s+(?:cannot|can\s+not|can't|can)\s+(?:post|reply|edit|delete|vote|attach|download)\b
            .*\b(?:forums?|topics?|threads?|polls?|posts?|boards?)\b.* |
        \d[\d,.]*\s+(?:of|out\s+of)\s+\d[\d,.]*\s+(?:people|users|customers|readers)\s+found\b.* |
        was\s+this\s+(?:review|answer|post|article|information)\s+helpful.* |
        rated\s+\d(?:\.\d)?\s+out\s+of.* |
        \d+\s+(?:-|to|–)\s+\d+\s+of\s+\d[\d,]*(?:\s+results?.*)? |  # "1 - 10 of 500"
        page\s*:?\s*\[?\d+\]?(?:\s+(?:\d+|of\s+\d+|>>|»|next|last))*\W* |
        (?:[‹«<]\s*)?(?:prev(?:ious)?|first)\b.*\b(?:next|last)(?:\s*[›»>]+)? |  # pagination bars
        \d+(?:\s+\d+){3,}.* |                            # "1 2 3 4 5 ..."
        (?:see|view)\s+full\s+(?:summary|description|details|profile).* |
        license\s+photo | (?:photo|image)\s+gallery | report\s+this.* |
        (?:next|prev|previous|older|newer)\s+(?:page|chapter|post|article|story|entry|episode|topic|thread|posts|entries)\b.{0,60} |
        .{0,80}\b(?:replies|comments|views|answers)\s*(?:\(\d[\d,]*\)|:\s*\d[\d,]*) |   # "... Replies (0)"
        .{0,80}\bread(?:\s+more)?\s*[»›]+ |                                        # teaser "… read »"
        .{0,400}…\W{0,3}\s*(?:read(?:\s+more)?|more)\s*[»›]+ |   # a cut excerpt of any length: "… read »"
        (?:\d+\s+)?(?:comments?|replies|answers?|responses?|likes?|views?|shares?)\s*(?:\(\d+\))?\s*:?\s*\d*
    )\s*$""",
    re.I | re.X,
)

# Wiki / markup debris: link-only lines, image tags, HTML fragments, diff headers.
_HTML_TAGS = (
    "a|abbr|b|blockquote|br|center|div|em|figcaption|figure|font|h[1-6]|hr|i|iframe|img|li|noscript|ol|p|"
    "script|small|source|span|strong|style|sub|sup|table|tbody|td|th|tr|u|ul|video"
)
MARKUP = re.compile(
    rf"""^\s*(?:\[\[?\s*(?:https?://|image:|file:|category:)|<\s*/?\s*(?:{_HTML_TAGS})\b[^>]*>|\{{\{{|\}}\}}|
        \|?\s*line\s+\d+\s*:\s*\||
        \|\s*[a-z][a-z0-9_ ]{{0,30}}=)    # a wiki template parameter: |birth_place=Dundee
    """,
    re.I | re.X,
)
# The separator row of a Markdown table ("|---|:---:|"), as HTML extractors write tables.
MD_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$")
URL_ONLY = re.compile(r"^\W*(?:https?://|www\.)\S+\W*$", re.I)
COPYRIGHT = re.compile(
    r"(?:\u00a9|\(c\)|\bcopyright\b).{0,80}(?:\d{4}|reserved)|all\s+rights\s+reserved", re.I
)
# Digit runs start only where a run of digits and separators starts, and are taken whole
# (possessive): searching "1.5.1.5..." from every digit in it was quadratic in the run.
PRICE = re.compile(r"(?:[$€£¥]\s?\d[\d,.]*+|(?<![\d,.])\d[\d,.]*+\s?(?:€|EUR|USD|GBP|CHF)\b)")
# Counters of a listing item: "567 Words", "3 Pages", "10,197 members", "0 comments".
COUNTER = re.compile(
    r"\b(?<![\d,.])\d[\d,.]*+\s+(?:words|pages|posts|comments?|members|repl(?:y|ies)|views|likes|followers|shares|"
    r"answers?|reviews|results|items|photos|videos|downloads|subscribers|ratings)\b",
    re.I,
)
# A profile or record field with a figure in its value: "Posts: 334", "Joined: Aug 2002".
FIELD_LINE = re.compile(r"^[\W_]*[A-Z][A-Za-z ]{1,20}:\s*\S.*\d")
COOKIE_NOTICE = re.compile(r"\buses?\s+cookies\b|\bcookie\s+(?:policy|settings|preferences)\b", re.I)

# ---------------------------------------------------------------- credits, bylines, bios

PHOTO_AGENCIES = (
    "AP|AFP|Reuters|Getty(?:\\s+Images)?|EPA|ZUMA|Zuma\\s+Press|DPA|Shutterstock|Alamy|Bloomberg|"
    "Sipa|Xinhua|Anadolu|NurPhoto|Corbis|iStock(?:photo)?|Wikimedia(?:\\s+Commons)?|Flickr|"
    "Pool|Handout|UPI|SOPA\\s+Images|LightRocket|TNS|Tribune\\s+News\\s+Service|Polaris|Redux|"
    "Associated\\s+Press|Agence\\s+France-Presse|PA(?:\\s+Images|\\s+Wire)?|Newscom|WENN|Rex"
)
_NAME = r"[A-Z][\w.'\u2019-]+(?:\s+(?:[A-Z][\w.'\u2019-]+|de|van|von|al|el|da|di|la|le|bin))*"
_PERSON = r"[A-Z][\w.'\u2019-]+(?:\s+[A-Z][\w.'\u2019-]+)+"
PHOTO_CREDIT = re.compile(
    rf"""^\W*(?:
        (?i:photo(?:graph)?s?|image|picture|illustration|video|graphic|credit|source|courtesy|pictured)
            (?i:\s+(?:credit|by|courtesy(?:\s+of)?))?\s*[:/|-].{{0,120}} |
        \(?(?:{PHOTO_AGENCIES})\s+(?:photo|images?|pictures?)\b.{{0,120}} |
        {_PERSON}\s*/\s*(?:{_NAME})(?:\s+via\s+{_NAME})?\)?\W* |     # "Jane Roe/DPA via ZUMA"
        (?:{_NAME}\s+)?via\s+(?:{PHOTO_AGENCIES})\W* |
        (?:{_NAME}\s*[/|]\s*)?(?:{PHOTO_AGENCIES})(?:\s*/\s*{_NAME})?\W*   # "Getty Images", "AFP/Getty"
    )$""",
    re.X,
)
# "(AP Photo/Jane Roe)" or "[Getty Images]" at the end of a caption line.
TRAILING_CREDIT = re.compile(
    rf"[(\[](?:{PHOTO_AGENCIES})(?:\s+(?:photo|images?))?\s*(?:/[^)\]]{{1,60}})?[)\]]\W*$"
)

BYLINE = re.compile(
    rf"""^\W*(?i:
        (?:author|authors|written\s+by|words\s+by|story\s+by|reporting\s+by|posted\s+by|byline)\s*[:\-–—]?\s* |
        by\s*[:\-–—]?\s+
    )(?P<name>{_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*)
    (?P<rest>\s*(?:[,|\-–—]\s*.{{0,80}})?)$""",
    re.X,
)
BIO_VERB = re.compile(
    r"^\s*(?:is|was|has|had|covers|writes|reports|joined|serves|edits|teaches|lives|holds|"
    r"previously|currently|spent|worked|leads|hosts|contributes)\b",
    re.I,
)

# ---------------------------------------------------------------- outlet names, dates

DOMAIN_MENTION = re.compile(
    r"\b(?P<name>[A-Z][A-Za-z0-9-]{1,40}\.(?:com|org|net|co\.uk|news|info|io|us|ca|com\.au|co|tv|fm))\b"
)
MONTHS = "|".join(MONTH_NAMES + MONTH_ABBREVIATIONS)
DATE_MDY = re.compile(
    rf"\b(?P<m>{MONTHS})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b", re.I
)
DATE_DMY = re.compile(
    rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m>{MONTHS})\.?,?\s+(?P<y>(?:19|20)\d\d)\b", re.I
)
DATE_ISO = re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b")
DATE_CUE = re.compile(r"\b(?:published|posted|updated|date|dated|first\s+published)\b", re.I)
