"""Build the person-name model (``names.crfsuite``) of a model bundle.

Training data: the PER annotations of Universal NER Simplified Chinese GSD (train split, see
``corpus.py``) plus invented government-style sentences (``generate.py``, training templates only).
Features: :func:`classifier.risk.name_tagger.char_features`, the same function the tagger serves with.
The learner is crfsuite's L-BFGS CRF (chosen over crfsuite's averaged perceptron by measurement; see
``bench/names.py`` and ``training/SOURCES.md``). The build is deterministic: same data, same seed,
same bytes.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from importlib import metadata
from pathlib import Path
from typing import Iterable

from classifier.bundle import NAME_MODEL, register_section, sha256_file
from classifier.risk.name_tagger import NameTagger, char_features

from . import corpus
from .generate import gov_examples

MODEL_FILE = "names.crfsuite"
GOV_TRAIN = 10000
"""Invented gov-style training sentences (next to the corpus's 3,997 sentences)."""
GOV_HELDOUT = 2000
HELDOUT_SEED = 1_000_003
PARAMS = {"c1": 0.05, "c2": 0.01, "max_iterations": 150, "feature.possible_transitions": True}

Example = tuple[str, list[tuple[int, int]]]


def labels_of(text: str, spans: Iterable[tuple[int, int]]) -> list[str]:
    """B, then I1 I2 I3 (I3 for the fourth character on): the labels carry the position in the name,
    so the CRF's transitions learn how long names are (two names joined by one character split)."""
    tags = ["O"] * len(text)
    for a, b in spans:
        tags[a] = "B"
        for i in range(a + 1, b):
            tags[i] = "I%d" % min(i - a, 3)
    return tags


def training_examples(seed: int = 0, n_gov: int = GOV_TRAIN) -> list[Example]:
    """Corpus train split followed by ``n_gov`` invented sentences (fixed order: reproducible)."""
    return corpus.load("train") + gov_examples(n_gov, seed)


def data_hash(examples: list[Example]) -> str:
    digest = hashlib.sha256()
    for text, spans in examples:
        digest.update(json.dumps([text, spans], ensure_ascii=False).encode("utf-8"))
        digest.update(b"\n")
    return digest.hexdigest()


def fit(examples: list[Example], path: Path, algorithm: str = "lbfgs", params: dict | None = None) -> float:
    """Train a crfsuite model on ``examples`` into ``path``; returns seconds taken."""
    import pycrfsuite

    start = time.perf_counter()
    trainer = pycrfsuite.Trainer(algorithm=algorithm, verbose=False)
    for text, spans in examples:
        trainer.append(char_features(text), labels_of(text, spans))
    if params is None:
        params = PARAMS if algorithm == "lbfgs" else {"max_iterations": 30, "feature.possible_transitions": True}
    trainer.set_params(params)
    trainer.train(str(path))
    return time.perf_counter() - start


def evaluate(tagger: NameTagger, examples: list[Example]) -> dict:
    """Entity-level precision / recall / F1 of exact person-name spans."""
    tp = fp = fn = 0
    for text, spans in examples:
        gold = {tuple(s) for s in spans}
        found = {(s.start, s.end) for s in tagger.spans(text)}
        tp += len(gold & found)
        fp += len(found - gold)
        fn += len(gold - found)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "gold": tp + fn, "found": tp + fp}


def train_name_model(out_dir: Path, seed: int = 0, n_gov: int = GOV_TRAIN,
                     examples: list[Example] | None = None) -> dict:
    """Write ``names.crfsuite`` into the bundle folder ``out_dir``; return its manifest entry.

    ``examples`` replaces the default training set (tests build small models this way). The entry
    holds the file name, sha256, bytes, the training-data hash, metrics on the corpus test split and
    on the held-out gov-style sentences, and the sources.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    if examples is None:
        examples = training_examples(seed, n_gov)
    fd, tmp = tempfile.mkstemp(prefix=".names-", suffix=".crfsuite", dir=out_dir)
    os.close(fd)
    try:
        seconds = fit(examples, Path(tmp))
        target = out_dir / MODEL_FILE
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    tagger = NameTagger.load(target)
    metrics = {
        "corpus_test": evaluate(tagger, corpus.load("test")),
        "gov_heldout": evaluate(tagger, gov_examples(GOV_HELDOUT, HELDOUT_SEED, heldout=True)),
    }
    return {
        "file": MODEL_FILE,
        "sha256": sha256_file(target),
        "bytes": target.stat().st_size,
        "training_data_sha256": data_hash(examples),
        "training_sentences": len(examples),
        "seed": seed,
        "algorithm": "crfsuite lbfgs CRF",
        "params": PARAMS,
        "python_crfsuite": metadata.version("python-crfsuite"),
        "feature_data_sha256": feature_data_hashes(),
        "seconds": round(seconds, 1),
        "metrics": metrics,
        "sources": ["UNER_Chinese-GSDSIMP (Universal NER v1, CC BY-SA 4.0), PER spans of the train split",
                    f"{n_gov} invented gov-style sentences from training/names/templates.txt"],
    }


def feature_data_hashes() -> dict[str, str]:
    """Hashes of the word lists the features read (a changed list changes what the model sees)."""
    from importlib import resources

    root = resources.files("classifier.risk").joinpath("data")
    return {name: hashlib.sha256(root.joinpath(name).read_bytes()).hexdigest()
            for name in ("surnames.txt", "common_words.txt")}


def register(out_dir: Path, entry: dict) -> dict:
    """Record the name model in ``out_dir/manifest.json`` (``files`` and ``name_model``); other entries stay."""
    return register_section(out_dir, NAME_MODEL, entry)
