"""Attribution: who says what, through whom.

``find_attributions(doc)`` finds, in one parsed article:

- reported speech and thought: a cue verb (say, tell, admit, warn, believe, reveal, ...) with its
  speaker (subject, "by" agent, the subject it shares with a governing verb, or the noun a
  relative clause hangs on) and its content (clausal complement, to-infinitive, noun-phrase
  object, "called for ..." phrase); a cue set inside its clause ("The test, officials said,
  was ...") takes the rest of the clause; the parser's common misattachments are repaired;
- "according to X", nominal cues ("X's claim that ...", "criticism of Y by X"), stance
  adjectives ("X is skeptical of Y"), "X: ..." headline and transcript labels, and reports with
  nobody named ("allegations of fraud", "he allegedly ...", "is expected to ...");
- reports inserted with "as" ("X, as one adviser pointed out, is ...", "As the report notes,
  ...", "..., as the mayor said."), read off the surface since the parser has no reading for them;
- findings credited to a poll with "in" ("In the latest poll, X led Y", "X did well in online
  polls");
- direct quotes (straight, curly, '' and single marks; multi-sentence and block quotes over
  paragraphs; pull quotes credited "― Name") with the cue before, after or between the parts
  of a quote, and partial inline quotes;
- continuations: a quote right after an attribution with no cue of its own, the paragraph after
  "X said:", and the sentence after a main-clause cue that announces something ("X admits the
  part it played. <the details>");
- nesting: inside a passage relayed from an outlet (a line ending in ":" that names it, then
  paragraphs opening with an ellipsis) the outlet goes into ``via`` and "we/us" mean the outlet.
  A report inside another's content is folded into the outer one, except a paraphrase at the
  end of a paraphrase ("..., though she noted ..."), which ends the outer content.

Claims in the article's own voice ("I assume ...", unattributed sentences) are not attributions.
``kind`` is direct | partial | reported | according_to | continuation. Every offset is a
character offset into ``doc.text``. The passes are linear in the number of tokens (look-ups go
through one ``TokenIndex`` built per document), so long articles stay cheap.

Modules, in the order the passes run: ``quotes`` (quote scanner, characters only), ``tokens``
(the per-document index), ``candidates`` with ``content`` and ``syntax`` (cue finders and the
grammar they share), ``insertions`` ("as X said"), ``acts`` (stance-taking acts, judgements and polls), ``authors`` (who
speaks through a document: "issued a paper welcoming ..."), ``link`` (quotes and their cues),
``continuations``, ``relays``, ``nesting`` (which nested reports stand on their own) and ``assemble`` (folding, speakers,
records). ``words`` holds the extractor's own word lists.
"""

from .assemble import find_attributions
from .quotes import find_quotes, paragraphs

__all__ = ["find_attributions", "find_quotes", "paragraphs"]
