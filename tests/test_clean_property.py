"""Property: clean_text never crashes and never invents text."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimgraph.clean.mojibake import fix_text
from claimgraph.clean.text import clean_text

_PIECES = [
    "The council said 40 people left.", "Sign up for our newsletter", "Subscribe", "||", "By Ana Ruiz",
    "Author: Ana Ruiz", "Ana Ruiz is a reporter for Example.com.", "\u00e2\u20ac\u201d", "\u00a0", "\u2026.",
    "Getty Images", "Page 1 2 3 4 5 Next", "We Recommend", "Donate", "\u201cQuote,\u201d she said.", "$25 $18",
]
_line = st.one_of(st.sampled_from(_PIECES), st.text(max_size=80))
_doc = st.lists(_line, max_size=30).map(lambda xs: "\n".join(xs))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_doc)
def test_clean_text_never_crashes_and_never_invents(text):
    r = clean_text(text)
    source_lines = set(fix_text(text).split("\n"))
    for line in r.text.split("\n"):
        if line:
            assert line in source_lines
    assert r.published is None or len(r.published) == 10


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_fix_text_is_idempotent_on_its_output_lines(text):
    once = fix_text(text)
    assert fix_text(once).count("\n") == once.count("\n")
