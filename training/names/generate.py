"""Government-style sentences with invented person names, for training and for a held-out test.

Sentences come from the templates in ``templates.txt`` (training) and ``heldout_templates.txt``
(evaluation only), filled from ``slots.toml``, plus generated tables (姓名|身份证号|住址 rows with
``|``, ``｜``, tabs or aligned columns). Every name is invented: a surname (common, any of
``classifier/risk/data/surnames.txt``, rare or compound) and one or two given-name characters. A name goes to the training or the held-out side by
a hash of the name, so the held-out sentences use templates *and* names that training never saw.

Each example is ``(text, [(start, end), ...])`` with the spans of the person names. Names already
de-identified (张某, 李某某; slot ``{NM}``) are not names to find: they stay unlabelled, so the
tagger does not hand the review a name that needs no redaction.
"""

from __future__ import annotations

import hashlib
import random
import re
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
SLOT = re.compile(r"\{([A-Z]+)\}")
LIST_SEPARATORS = ["、", "、", "，", "；", " ", "　", "  ", "　　"]
PADS = [" ", "　", "  ", "　"]

Example = tuple[str, list[tuple[int, int]]]


def _read_templates(path: Path) -> tuple[list[str], list[str]]:
    positive, negative = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("- "):
            negative.append(line[2:])
        else:
            positive.append(line)
    return positive, negative


def _is_heldout_name(name: str) -> bool:
    return hashlib.sha1(name.encode("utf-8")).digest()[0] % 5 == 0


class Generator:
    """Draws invented names and fills templates; ``heldout`` selects the evaluation side."""

    def __init__(self, seed: int, heldout: bool = False):
        self.rng = random.Random(seed)
        self.heldout = heldout
        cfg = tomllib.loads((HERE / "slots.toml").read_text(encoding="utf-8"))
        names = cfg["names"]
        self.common = list(names["common_surnames"])
        self.rare = list(names["rare_surnames"])
        from classifier.risk.name_tagger import surnames

        self.every = sorted(surnames()[0])  # every single surname the features know, drawn uniformly
        self.compound = list(names["compound_surnames"])
        self.given = list(dict.fromkeys(names["given_chars"]))
        self.slots = cfg["slots"]
        tpl = HERE / ("heldout_templates.txt" if heldout else "templates.txt")
        self.positive, self.negative = _read_templates(tpl)

    # ---- values ----------------------------------------------------------------------------
    def name(self) -> str:
        r = self.rng
        while True:
            roll = r.random()
            pool = (self.common if roll < 0.5 else self.every if roll < 0.72 else self.rare if roll < 0.86
                    else self.compound)
            surname = r.choice(pool)
            given = r.choice(self.given) + (r.choice(self.given) if r.random() < 0.65 else "")
            name = surname + given
            if _is_heldout_name(name) == self.heldout:
                return name

    def padded(self) -> str:
        """A two-character name with a space between surname and given name (王　芳)."""
        r = self.rng
        while True:
            name = self.name()
            if len(name) == 2:
                return name[0] + r.choice(PADS) + name[1]

    def pseudonym(self) -> str:
        """A name already de-identified (张某, 欧阳某某, 李*, 王*明, 赵××): left unlabelled."""
        r = self.rng
        roll = r.random()
        surname = r.choice(self.common if roll < 0.8 else self.rare if roll < 0.9 else self.compound)
        mask = r.choice(["某", "某某", "某", "*", "**", "＊", "××", "某甲"])
        if mask in ("*", "＊") and r.random() < 0.5:
            return surname + mask + r.choice(self.given)
        return surname + mask

    def honorific(self) -> str:
        """A surname with a form of address (王先生, 李女士, 老张): left unlabelled."""
        r = self.rng
        surname = r.choice(self.common)
        if r.random() < 0.25:
            return r.choice("老小") + surname
        return surname + r.choice(self.slots["address_forms"])

    def value(self, slot: str) -> str:
        r = self.rng
        if slot == "AMT":
            return str(r.choice([r.randint(100, 9999), r.randint(1, 50) * 100, r.randint(10000, 99999)]))
        if slot == "NUM":
            return str(r.randint(1, 30))
        if slot == "AGE":
            return str(r.randint(3, 96))
        if slot == "DATE":
            return f"{r.randint(2015, 2026)}年{r.randint(1, 12)}月{r.randint(1, 28)}日"
        if slot == "PHONE":
            return "1" + r.choice("3456789") + "".join(r.choice("0123456789") for _ in range(9))
        if slot == "ID":
            digits = "".join(r.choice("0123456789") for _ in range(18))
            return digits[:4] + "**********" + digits[14:] if r.random() < 0.5 else digits
        key = {"ILL": "ill", "VIL": "village", "TOWN": "town", "ORG": "org", "TITLE": "title", "REL": "rel",
               "CRIME": "crime", "RELIGION": "religion", "HOSP": "hospital", "AID": "aid", "PROG": "program",
               "TRAP": "trap"}[slot]
        return r.choice(self.slots[key])

    # ---- examples --------------------------------------------------------------------------
    def fill(self, template: str) -> Example:
        out: list[str] = []
        spans: list[tuple[int, int]] = []
        pos = 0
        last = 0
        for m in SLOT.finditer(template):
            out.append(template[last:m.start()])
            pos += m.start() - last
            last = m.end()
            slot = m.group(1)
            if slot in ("N", "NP"):
                text = self.name() if slot == "N" else self.padded()
                spans.append((pos, pos + len(text)))
            elif slot == "NM":
                text = self.pseudonym()  # already de-identified: not a name to find
            elif slot == "NH":
                text = self.honorific()  # surname and a form of address: identifies nobody
            elif slot == "LIST":
                text, sub = self.name_list()
                spans.extend((pos + a, pos + b) for a, b in sub)
            else:
                text = self.value(slot)
            out.append(text)
            pos += len(text)
        out.append(template[last:])
        return "".join(out), spans

    def name_list(self) -> tuple[str, list[tuple[int, int]]]:
        r = self.rng
        sep = r.choice(LIST_SEPARATORS)
        pad = sep.strip() == "" and r.random() < 0.5  # space-separated lists often align two-char names
        parts, spans, pos = [], [], 0
        for i in range(r.randint(2, 8)):
            if i:
                parts.append(sep)
                pos += len(sep)
            name = self.padded() if pad and r.random() < 0.4 else self.name()
            parts.append(name)
            spans.append((pos, pos + len(name)))
            pos += len(name)
        return "".join(parts), spans

    def table(self) -> Example:
        """A small table: header and rows joined by newlines, columns by one separator style."""
        r = self.rng
        if self.heldout:
            columns = r.choice([["户主", "家庭人口", "保障金额"], ["编号", "受助人", "事由"], ["户名", "住址", "联系方式"]])
        else:
            columns = r.choice([["序号", "姓名", "身份证号", "住址"], ["姓名", "性别", "年龄", "病种"],
                                ["序号", "姓名", "村（社区）", "救助金额（元）"], ["姓名", "身份证号码", "联系电话"],
                                ["姓名", "家庭住址", "备注"], ["序号", "申请人", "救助类别", "金额"]])
        style = r.choice(["|", "｜", "\t", "  ", "　", "| |"])
        name_col = next(i for i, c in enumerate(columns) if c in ("姓名", "户主", "受助人", "户名", "申请人"))
        rows, spans = [], []
        text = ""

        def join(cells: list[str]) -> tuple[str, list[int]]:
            starts, buf = [], ""
            if style == "| |":
                buf = "| "
            for i, cell in enumerate(cells):
                if i:
                    buf += " | " if style == "| |" else style
                starts.append(len(buf))
                buf += cell
            if style == "| |":
                buf += " |"
            return buf, starts

        header, _ = join(columns)
        rows.append(header)
        for k in range(r.randint(2, 6)):
            pad_name = style in ("  ", "　") and r.random() < 0.5
            name = self.padded() if pad_name else self.name()
            cells = []
            for c in columns:
                if c in ("序号", "编号"):
                    cells.append(str(k + 1))
                elif c in ("姓名", "户主", "受助人", "户名", "申请人"):
                    cells.append(name)
                elif c.startswith("身份证"):
                    cells.append(self.value("ID"))
                elif c in ("住址", "家庭住址", "村（社区）"):
                    cells.append(self.value("TOWN") + self.value("VIL"))
                elif c in ("性别",):
                    cells.append(r.choice("男女"))
                elif c in ("年龄", "家庭人口"):
                    cells.append(self.value("AGE") if c == "年龄" else self.value("NUM"))
                elif c in ("病种", "事由"):
                    cells.append(self.value("ILL"))
                elif c in ("联系电话", "联系方式"):
                    cells.append(self.value("PHONE"))
                elif c in ("救助类别",):
                    cells.append(self.value("AID"))
                elif c in ("备注",):
                    cells.append(r.choice(["", "监测户", "脱贫户", "低保户", "—"]))
                else:
                    cells.append(self.value("AMT"))
            line, starts = join(cells)
            offset = sum(len(x) + 1 for x in rows)
            spans.append((offset + starts[name_col], offset + starts[name_col] + len(name)))
            rows.append(line)
        text = "\n".join(rows)
        return text, spans

    def examples(self, n: int, table_share: float = 0.15, negative_share: float = 0.25) -> list[Example]:
        out = []
        for _ in range(n):
            roll = self.rng.random()
            if roll < table_share:
                out.append(self.table())
            elif roll < table_share + negative_share:
                out.append(self.fill(self.rng.choice(self.negative)))
            else:
                out.append(self.fill(self.rng.choice(self.positive)))
        return out


def gov_examples(n: int, seed: int, heldout: bool = False) -> list[Example]:
    """``n`` invented gov-style examples (training side, or the held-out side with its own templates)."""
    return Generator(seed, heldout).examples(n)
