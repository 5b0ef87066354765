"""Reader-facing formatting helpers (helpers.text.readable)."""
from __future__ import annotations

from helpers.tidy.load import load_table


def test_name_list_in_each_language():
    """The 2016 units as a reader's list: semicolons in English, 顿号 in Chinese, in table order."""
    from helpers.text.readable import name_list

    units = load_table("units_2016")
    routine = units[units["inspection_type"] == "routine"]
    assert name_list(routine, "zh") == "、".join(routine["name_zh"])
    assert name_list(routine, "en").split("; ") == list(routine["name_en"])
    assert "市中心医院" in name_list(routine, "zh")
