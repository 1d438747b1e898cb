"""The segmenter: own jieba instance, user words, rjieba fast path, pickling inside a model."""

from __future__ import annotations

import pickle

import pytest
from sklearn.base import clone

from training.estimators import TextFeatures
from classifier.segment import Segmenter

TEXT = "关于2025年度三公经费统计表的询价公告"


def test_user_words_are_kept_whole_by_both_paths():
    seg = Segmenter(user_words=["三公经费", "询价公告"])
    for cut in (seg.cut_fast, seg.cut_python):
        words = cut(TEXT)
        assert "三公经费" in words and "询价公告" in words


def test_user_words_do_not_leak_into_other_instances():
    Segmenter(user_words=["公经费统"]).cut(TEXT)
    assert "公经费统" not in Segmenter().cut(TEXT)


@pytest.mark.parametrize("fast", [True, False])
def test_pickle_round_trip_keeps_parameters_and_cuts(fast):
    seg = Segmenter(user_words=["三公经费"], fast=fast)
    before = seg.cut(TEXT)
    restored = pickle.loads(pickle.dumps(seg))
    assert restored.get_params() == seg.get_params()
    assert restored._jieba is None and restored._rjieba is None  # heavy state is rebuilt lazily
    assert restored.cut(TEXT) == before


def test_segmenter_is_clonable_inside_an_estimator():
    features = TextFeatures(segmenter=Segmenter(user_words=["三公经费"]))
    cloned = clone(features)
    assert cloned.segmenter is not features.segmenter
    assert cloned.segmenter.user_words == ("三公经费",)


def test_cut_returns_a_list():
    assert isinstance(Segmenter().cut("政府信息公开"), list)


def test_fast_path_agrees_with_jieba_on_typical_titles():
    seg = Segmenter(user_words=["三公经费"])
    titles = ["某县人民政府关于印发实施方案的通知", "2024年政府信息公开工作年度报告", "某街道办事处领导分工"]
    share, n = seg.agreement(titles)
    assert n == 3 and share == 1.0
