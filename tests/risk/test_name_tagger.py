"""The learned person-name tagger (names.crfsuite of the shipped bundle). All names are invented."""

from __future__ import annotations

import threading
import time

import pytest

from classifier.bundle import default_model_dir
from classifier.risk.name_tagger import MAX_PIECE, NameSpan, NameTagger, char_features


@pytest.fixture(scope="module")
def tagger() -> NameTagger:
    return NameTagger.load(default_model_dir() / "names.crfsuite")


def names(tagger: NameTagger, text: str, windows=None) -> list[str]:
    return [text[s.start:s.end] for s in tagger.spans(text, windows)]


@pytest.mark.parametrize("text, expected", [
    # an explicit cue with a rare or a compound surname
    ("姓名：禚永福，性别：男", ["禚永福"]),
    ("申请人：亓秀芝，住城南街道", ["亓秀芝"]),
    ("户主：欧阳海波　家庭人口：4人", ["欧阳海波"]),
    ("申请人：呼延春芳", ["呼延春芳"]),
    # no cue word: a recipient next to an amount, an illness, a belief
    ("经研究，同意给予蒋玉梅医疗救助金2500元。", ["蒋玉梅"]),
    ("唐建军因患肝硬化长期住院，家庭生活困难。", ["唐建军"]),
    ("经核实，彭立新信仰基督教。", ["彭立新"]),
    ("刑满释放人员宗德胜回村后由司法所落实帮教。", ["宗德胜"]),
    ("患者庹金花于2023年3月入院治疗。", ["庹金花"]),
    # every name of a list, whatever the separator
    ("于海燕 高志明 罗桂珍", ["于海燕", "高志明", "罗桂珍"]),
    ("拟公示名单：曹国庆、邹丽华、上官文静、钱永刚。", ["曹国庆", "邹丽华", "上官文静", "钱永刚"]),
    # a name padded with a full-width or a half-width space: the span covers the padded name
    ("胡　敏同志任县民政局副局长。", ["胡　敏"]),
    ("户主陆 军，家庭成员3人", ["陆 军"]),
])
def test_forms_are_tagged(tagger, text, expected):
    assert names(tagger, text) == expected


@pytest.mark.parametrize("table", [
    "姓名|身份证号|住址\n邵春林|3301**********2215|青石镇枫林村\n司马慧敏|4401**********1024|白马乡河西村",
    "姓名｜身份证号｜住址\n邵春林｜3301**********2215｜青石镇枫林村\n司马慧敏｜4401**********1024｜白马乡河西村",
    "姓名\t身份证号\t住址\n邵春林\t3301**********2215\t青石镇枫林村\n司马慧敏\t4401**********1024\t白马乡河西村",
])
def test_table_rows(tagger, table):
    assert names(tagger, table) == ["邵春林", "司马慧敏"]


@pytest.mark.parametrize("text", [
    "张家港市高新区王府井大街改造工程已完工。",
    "白血病患儿救助工作纳入常委会重点督办事项。",
    "县林业局、石油公司和马鞍山经开区联合开展安全生产检查。",
    "全县共发放临时救助金320万元，惠及困难群众1800人次。",
    "请各乡镇于5月10日前报送高速公路沿线环境整治方案。",
])
def test_non_names_are_not_tagged(tagger, text):
    assert names(tagger, text) == []


def test_spans_are_scored(tagger):
    spans = tagger.spans("同意给予蒋玉梅医疗救助金2500元。")
    assert len(spans) == 1 and isinstance(spans[0], NameSpan)
    assert 0.5 < spans[0].score <= 1.0


def test_windows_restrict_tagging_and_offsets_are_into_the_text(tagger):
    first = "一、同意给予蒋玉梅医疗救助金2500元。"
    second = "二、唐建军因患肝硬化长期住院。"
    text = first + second
    everything = names(tagger, text)
    assert everything == ["蒋玉梅", "唐建军"]
    only_second = tagger.spans(text, [(len(first), len(text))])
    assert [text[s.start:s.end] for s in only_second] == ["唐建军"]
    assert only_second[0].start == text.index("唐建军")
    # overlapping and out-of-range windows: each name once, offsets still into the text
    spans = tagger.spans(text, [(0, len(first)), (3, 12), (len(first), len(text) + 50), (40, 20)])
    assert [text[s.start:s.end] for s in spans] == ["蒋玉梅", "唐建军"]
    assert tagger.spans(text, []) == []


def test_long_text_is_cut_into_pieces_without_losing_offsets(tagger):
    sentence = "经研究，同意给予蒋玉梅医疗救助金2500元。"
    text = sentence * (3 * MAX_PIECE // len(sentence) + 2)
    spans = tagger.spans(text)
    assert len(spans) == text.count("蒋玉梅")
    assert all(text[s.start:s.end] == "蒋玉梅" for s in spans)


def test_empty_and_odd_input(tagger):
    assert tagger.spans("") == []
    assert tagger.spans("\n\n\t 　") == []
    assert isinstance(tagger.spans("\0\ud800🙂abc"), list)


def test_features_are_one_row_per_character():
    text = "姓名：欧阳 海波\n123"
    features = char_features(text)
    assert len(features) == len(text)
    assert "c=欧" in features[3] and "s=--2" in features[3]


def test_threads_share_one_tagger(tagger):
    texts = [f"经研究，同意给予{n}医疗救助金{i}00元。" for i, n in enumerate(["蒋玉梅", "唐建军", "彭立新", "曹国庆"] * 5)]
    expected = [names(tagger, t) for t in texts]
    results: dict[int, list] = {}
    errors: list[BaseException] = []

    def work(k: int) -> None:
        try:
            out = []
            for _ in range(20):
                out.append([names(tagger, t) for t in texts])
            results[k] = out
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert all(run == expected for out in results.values() for run in out)


def test_missing_or_bad_model_file_is_a_model_error(tmp_path):
    from classifier.errors import ModelError

    with pytest.raises(ModelError) as missing:
        NameTagger.load(tmp_path / "none.crfsuite")
    assert missing.value.code == "model_not_found"
    bad = tmp_path / "bad.crfsuite"
    bad.write_bytes(b"not a model")
    with pytest.raises(ModelError) as invalid:
        NameTagger.load(bad)
    assert invalid.value.code == "model_invalid"


@pytest.mark.parametrize("unit", ["王李张刘陈杨黄赵", " \u3000", "欧阳海波"])
def test_linear_time_on_adversarial_text(tagger, unit):
    """About 1 MB in all: surname characters, spaces, one repeated name; 8x the text, ~8x the time."""
    small = unit * (40_000 // len(unit))
    large = unit * (320_000 // len(unit))
    tagger.spans(small[:1000])
    t0 = time.perf_counter()
    tagger.spans(small)
    t_small = max(time.perf_counter() - t0, 1e-3)
    t0 = time.perf_counter()
    tagger.spans(large)
    t_large = time.perf_counter() - t0
    assert t_large < 24 * t_small + 0.5, (unit, t_small, t_large)  # quadratic would be ~64x


def test_model_with_other_labels_is_refused(tmp_path):
    import pycrfsuite

    from classifier.errors import ModelError

    trainer = pycrfsuite.Trainer(verbose=False)
    trainer.append(char_features("张三"), ["PER", "PER"])
    trainer.append(char_features("你好"), ["X", "X"])
    path = tmp_path / "other.crfsuite"
    trainer.train(str(path))
    with pytest.raises(ModelError) as exc:
        NameTagger.load(path)
    assert exc.value.code == "incompatible_model"


@pytest.mark.parametrize("text", ["经查，邓某某于2024年5月在该村非法倾倒垃圾。", "当事人韩某因盗窃罪被追究刑事责任。"])
def test_already_de_identified_names_are_left_alone(tagger, text):
    assert names(tagger, text) == []


@pytest.mark.parametrize("text", ["申请人冯*，因病申请临时救助。", "来访群众郑先生咨询低保政策。", "经与刘女士电话沟通，其同意延期。"])
def test_masked_names_and_forms_of_address_are_left_alone(tagger, text):
    assert names(tagger, text) == []
