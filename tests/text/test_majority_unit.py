"""One display unit for a column of figures (rag.text.numbers.majority_unit), shared by answers, charts and
the summary overview."""

from __future__ import annotations

from rag.text.numbers import majority_unit


def test_the_most_frequent_unit_wins() -> None:
    assert majority_unit(["CNY", "m2", "CNY"]) == "CNY"
    assert majority_unit(iter(["m2", "m2", "CNY"])) == "m2"


def test_a_tie_goes_to_the_first_unit_seen_whatever_the_hash_seed() -> None:
    assert majority_unit(["m2", "CNY"]) == "m2"
    assert majority_unit(["CNY", "m2", "m2", "CNY"]) == "CNY"


def test_no_figures_no_unit() -> None:
    assert majority_unit([]) == ""


def test_dan_is_a_weight() -> None:
    from rag.text.numbers import normalize

    assert normalize(100, "担") == (5.0, "t")


def test_jin_with_a_scale_word() -> None:
    from rag.text.numbers import normalize, scan_quantities

    assert [(q.value, q.unit) for q in scan_quantities("粮食总产达到1.6亿斤")] == [(1.6, "亿斤")]
    assert normalize(2, "万斤") == (10.0, "t")
    assert normalize(1.52, "万吨")[1] == normalize(3180, "万斤")[1] == "t"  # weights compare across units
