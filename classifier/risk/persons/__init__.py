"""Persons: who is named, and whether naming them may be published (one idea per module).

- ``mention``    the typed hand-off: immutable mentions and their read-only index;
- ``cues``       the lexicon's person words and the official-in-role tests;
- ``roles``      names after a role word (and the names listed after it), 举报人;
- ``age``        persons given with their age; minors;
- ``lists``      names in a private list or under a table's name column;
- ``profiles``   a name with its holder's profile, a letter's addressee;
- ``context``    names without a role word in a sentence stating something private; repeats;
- ``tagger``     the learned name model, called on those windows only;
- ``decision``   private person in a protected context, or official/company/honoree/masked;
- ``recognizer`` the recognizer that ties them together.
"""

from .mention import PersonIndex, PersonMention
from .recognizer import PersonNameRecognizer
from .tagger import NameTaggerLike

__all__ = ["PersonNameRecognizer", "PersonMention", "PersonIndex", "NameTaggerLike"]
