"""The person recognizer: finders (stage 1) hand mentions to the engine; the decision reports them.

Stage 1 — :meth:`PersonNameRecognizer.find_persons` runs the finders (one idea each: ``roles``,
``age``, ``lists``, ``profiles``, ``context``, ``tagger``) and returns immutable
:class:`~.mention.PersonMention` s; the engine hands them to the attribute recognizers of stage 2
as ``doc.persons`` (a read-only index). Stage 2 — an attribute result names the persons it is
about (``Result.about``). After every stage, :meth:`finish` decides each mention once
(:class:`~.decision.PersonDecision`) and reports the private ones and every other occurrence of
their names.
"""

from __future__ import annotations

import ahocorasick_rs

from .. import budget
from ..base import Recognizer
from ..names import PLACE_LAST, with_lined_up
from ..second_reading import Place
from ..wordlists import words
from . import age, context, identity, lists, profiles, roles, tagger
from .cues import REPORTERS, PersonCues
from .decision import MINOR_NAME, NOT_PRIVATE, PersonDecision
from .mention import Mentions, PersonMention

UNDER_AGE = frozenset(words("persons.recognizer.UNDER_AGE"))
CHILDREN = frozenset(words("persons.recognizer.CHILDREN"))
NOT_A_CHILD = frozenset(("tagger",))
"""Readings too weak to make a child of a name on their own (the model's spans)."""
REPORTED_BY_NAME = frozenset(words("persons.recognizer.REPORTED_BY_NAME"))
BIRTH_LABELS = frozenset(words("persons.recognizer.BIRTH_LABELS"))
"""A birth date's label, or 出生 after it: a child's where the document is dated less than eighteen years later."""


class PersonNameRecognizer(Recognizer):
    TYPE = "person_name"
    ACTION = "review"
    LABEL = "私人姓名"
    STAGE = 1
    TRIGGERS = tuple(dict.fromkeys((*sorted(REPORTERS), "岁", *sorted(UNDER_AGE), *sorted(CHILDREN), *sorted(REPORTED_BY_NAME),
                                    *sorted(BIRTH_LABELS))))
    """The words this recognizer reads around itself (its role words come from the lexicon's lists)."""
    TRIGGER_LISTS = ("sensitive_roles", "kin_roles", "neutral_roles", "party_cues", "minor_cues")

    def __init__(self, lexicon, settings, name_tagger=None, second_reading=None):
        super().__init__(lexicon, settings)
        self.cues = PersonCues(lexicon)
        self.decision = PersonDecision(self.cues)
        self.name_tagger = name_tagger
        self.second_reading = second_reading  # decides again the names the rules decide (second_reading.py)
        self.work_per_char = budget.MODEL_UNITS_PER_CHAR if name_tagger is not None else 0
        self.cue_words = frozenset(self.TRIGGERS) | self.cues.roles | self.cues.minor_cues

    def words(self):
        w = super().words()
        w["list:penalty_cues"] = self.lexicon.words("penalty_cues")
        w["list:family_case_words"] = self.lexicon.words("family_case_words")
        w["list:labour_case_words"] = self.lexicon.words("labour_case_words")
        w["list:dispute_case_words"] = self.lexicon.words("dispute_case_words")
        w["list:official_cues"] = self.cues.official
        w["list:list_triggers"] = self.cues.list_triggers
        w["list:honour_words"] = self.cues.honour_words
        w["list:reply_words"] = self.lexicon.words("reply_words")
        w["list:name_leads"] = self.cues.name_leads
        w[context.PETITION] = self.lexicon.words("petition_acts")
        return w

    def work(self, fld, title=None):
        """The name model's characters: the most it can be asked about in ``fld`` (``tagger.reach``)."""
        if self.name_tagger is None:
            return ()
        return [(a, (b - a) * budget.MODEL_CHAR_WEIGHT) for a, b in tagger.reach(self.cues, fld, title)]

    # ---- stage 1: mentions -----------------------------------------------------------------------
    def analyze_trigger(self, doc, fld, hit):
        if hit.term in CHILDREN:
            span = age.child_of_family(fld, hit)
            if span:
                yield self.result(fld, span[0], span[1], 0.75, "家庭中的未成年子女", type="minor", label="未成年人",
                                  mask=False, value=False)
            return
        if hit.term in UNDER_AGE:
            span = age.under_age(self.cues, fld, hit)
            if span:
                yield self.result(fld, span[0], span[1], 0.75, "未满十八周岁", type="minor", label="未成年人", mask=False)
            return
        if hit.term in BIRTH_LABELS:
            for a, b in age.child_birth_dates(fld, hit, doc.title if fld is doc.body else None):
                yield self.result(fld, a, b, 0.75, "未成年人的出生日期", type="minor", label="未成年人", mask=False,
                                  value=False)

    def find_persons(self, doc) -> tuple[PersonMention, ...]:
        cues = self.cues
        mentions = Mentions(cues.reader.plausible)
        tag = f"trigger:{self.TYPE}"
        for fld in doc.fields:
            starts = None  # role_starts(fld), once per field and only if a role word needs it
            for hit in fld.tagged(tag):
                if hit.term == "岁":
                    age.by_age(cues, fld, hit, mentions)
                elif hit.term in REPORTED_BY_NAME:
                    roles.reporter_before(cues, fld, hit, mentions)
                elif hit.term not in UNDER_AGE and hit.term not in BIRTH_LABELS:
                    if starts is None:
                        starts = roles.role_starts(fld, self.cue_words)
                    roles.after_role(cues, doc, fld, hit, mentions, self.cue_words, starts)
        lists.list_items(cues, doc, mentions)
        for fld in doc.fields:
            # any table's name column (private if linked, or when the table pays its rows a benefit)
            lists.table_names(cues, fld, mentions, "table", doc.title.text)
        context.in_private_sentences(cues, doc, mentions)
        context.before_brackets(cues, doc, mentions)
        context.item_subjects(cues, doc, mentions)
        context.households(cues, doc, mentions)
        for fld in doc.fields:
            profiles.addressee(cues, fld, mentions, doc.title.text)
            profiles.named_you(cues, fld, mentions, doc.title.text)
            profiles.profiles(cues, fld, mentions)
        profiles.title_subject(cues, doc, mentions)
        identity.beside_identifiers(cues, doc, mentions)
        if self.name_tagger is not None:
            tagger.tagged_names(self.name_tagger, cues, doc, mentions)
        context.enumerated(cues, doc, mentions)
        context.masked_tails(doc, mentions)
        context.cut_short(doc, mentions)
        context.repeats(cues, doc, mentions)
        return tuple(mentions)

    # ---- after stage 2: one decision per mention -------------------------------------------------
    def finish(self, doc, results):
        if not len(doc.persons):
            return []
        ctx = self.decision.context(doc, results)
        out = []
        private: dict[str, object] = {}
        seen = set()
        # a name read twice (by role and by age) counts with its strongest reading
        ordered = sorted(doc.persons, key=lambda p: (not p.minor, not p.whistleblower, not p.sensitive, p.masked))
        decide = self.decision.decide
        readings = budget.person_readings(len(doc.title.text) + len(doc.body.text)) if self.second_reading else 0
        for p in ordered:
            place = (p.field, p.start, p.end)
            if place in seen:
                continue
            seen.add(place)
            d = decide(doc, p, ctx)
            if readings and not p.masked and (d.type == "person_name" or not d.private):
                readings -= 1  # (bounded: past the allowance the rules' decision stands)
                d = self._read_again(doc, p, d, ctx)
            if d.type == "minor" and p.cue == "repeat":
                d = MINOR_NAME  # a child named again: a private name (the age or grade was stated where it was read)
            fld, title = (doc.title, None) if p.field == "title" else (doc.body, doc.title)
            said = age.minor_statements(fld, p, title) if not p.masked and d.ground == "privacy" else []
            if not d.private:
                honour_notice = ctx[2]
                if not said or honour_notice or p.cue in NOT_A_CHILD or self.cues.official_before(fld, p.start):
                    continue
                d = MINOR_NAME  # "女儿邬某某（县一中高一（7）班学生）": what follows the name says it is a child
            if said:
                # a named child: the name is a private name; with the age or grade it says who the child is
                if d.type == "minor":
                    d = MINOR_NAME
                a, b = p.name_span or (p.start, p.end)
                out.append(self.result(fld, a, b, d.score, d.detail, type=d.type, ground=d.ground, label=d.label,
                                       learned=d.learned))
                # one minor finding from the first statement to the last, the name inside it
                x, y = min(a, *(x for x, _ in said)), max(b, *(y for _, y in said))
                if not age.states_age(fld.text, x, y):
                    continue  # "初一（3）班｜陈子涵": a pupil by grade alone; the private name says it
                if fld.text[y:y + 1] in ("）", ")") and ("（" in fld.text[b:y] or "(" in fld.text[b:y]):
                    y += 1  # "陈思琪（9岁）": the bracket closes with the statement
                out.append(self.result(fld, x, y, 0.8, "可识别的未成年人", type="minor", label="未成年人", mask=False,
                                       value=False))
            else:
                if d.type == "minor" and p.name_span is None and not p.masked:
                    d = MINOR_NAME  # "学生陈某轩、何某航": the second child's name; the statement stands before the first
                out.append(self.result(fld, p.start, p.end, d.score, d.detail, type=d.type, ground=d.ground,
                                       label=d.label, mask=not p.masked, learned=d.learned))
            if not p.masked and len(p.name_text) >= 2:
                # a child named again is a private name (the age or grade is stated where it was read)
                private.setdefault(p.name_text, MINOR_NAME if d.type == "minor" else d)
        out.extend(self._other_occurrences(doc, private, {(r.field, r.start) for r in out}))
        return out

    def _read_again(self, doc, p, d, ctx):
        """The second reading of a decided name: a private name it is sure is none is withdrawn, a name the
        rules leave is reported where it reads a private person (the reason asks a person to confirm)."""
        model = self.second_reading
        prob = model.read(self.TYPE, doc, doc.get(p.field), Place(p.start, p.end, p.cue or "-"), d.private,
                          self.decision.features(doc, p, d, ctx))
        if prob is None:
            return d
        if d.private and prob < model.drop_below:
            return NOT_PRIVATE
        if not d.private and prob >= model.threshold:
            return self.decision.learned(prob)
        return d

    def _other_occurrences(self, doc, private, taken):
        """Every other occurrence of a private name is private too, written lined up or not ("江涛", "江  涛"; one
        automaton pass per field)."""
        if not private:
            return []
        forms = with_lined_up(private)
        words = list(forms)
        automaton = ahocorasick_rs.AhoCorasick(words, matchkind=ahocorasick_rs.MATCHKIND_LEFTMOST_LONGEST)
        out = []
        for fld in doc.fields:
            for index, k, end in automaton.find_matches_as_indexes(fld.text):
                if ((fld.name, k) in taken or self.cues.official_before(fld, k) or fld.text[end:end + 1] in PLACE_LAST
                        or (self.cues.official_after(fld, end) and not fld.text.startswith("同志", end))):
                    continue  # (a private person addressed as 同志 is still that person: "关于某某同志来信的答复";
                    # a name before 市, 县, 村… is a place's: "金华市")
                taken.add((fld.name, k))
                d = forms[words[index]]
                out.append(self.result(fld, k, end, 0.7, "同一人再次出现", type=d.type, ground=d.ground, label=d.label,
                                       learned=d.learned))
        return out
