"""Label normalisation and matching of label text to template rows.

Labels arrive broken over lines, with Word ``[bookmark: …]`` debris, in either punctuation width and
sometimes in traditional characters.  :func:`normalise_label` folds all of that away so that the
row patterns of :mod:`goiar.template` can match stable fragments.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import cache, lru_cache

import regex

__all__ = ["best_match", "normalise_label", "strip_debris"]

_BOOKMARK = regex.compile(r"\[bookmark:[^\]]{0,200}\]", regex.IGNORECASE)
_SPACE = regex.compile(r"[\s\u00a0\u3000\u200b\ufeff]+")

# Traditional → simplified, restricted to the characters of the template's vocabulary (format-notes §6.2).
_TRAD = str.maketrans(
    {
        "規": "规",
        "範": "范",
        "檔": "档",
        "開": "开",
        "審": "审",
        "結": "结",
        "計": "计",
        "訴": "诉",
        "訟": "讼",
        "復": "复",
        "議": "议",
        "維": "维",
        "護": "护",
        "處": "处",
        "術": "术",
        "機": "机",
        "構": "构",
        "織": "织",
        "務": "务",
        "組": "组",
        "國": "国",
        "屬": "属",
        "發": "发",
        "數": "数",
        "廢": "废",
        "條": "条",
        "項": "项",
        "許": "许",
        "強": "强",
        "製": "制",
        "費": "费",
        "採": "采",
        "購": "购",
        "總": "总",
        "額": "额",
        "無": "无",
        "現": "现",
        "據": "据",
        "請": "请",
        "報": "报",
        "關": "关",
        "經": "经",
        "濟": "济",
        "區": "区",
        "鎮": "镇",
        "縣": "县",
        "書": "书",
        "權": "权",
        "險": "险",
        "穩": "稳",
        "類": "类",
        "內": "内",
        "執": "执",
        "詢": "询",
        "補": "补",
        "確": "确",
        "訪": "访",
        "舉": "举",
        "複": "复",
        "決": "决",
        "轉": "转",
        "繼": "继",
        "續": "续",
        "辦": "办",
        "況": "况",
        "與": "与",
        "實": "实",
        "會": "会",
        "業": "业",
        "資": "资",
        "訊": "讯",
        "營": "营",
        "纍": "累",
        "繳": "缴",
        "納": "纳",
        "獲": "获",
        "稱": "称",
        "爲": "为",
        "為": "为",
        "過": "过",
        "單": "单",
        "當": "当",
        "對": "对",
        "這": "这",
        "後": "后",
        "聯": "联",
        "繫": "系",
        "電": "电",
        "話": "话",
        "郵": "邮",
        "編": "编",
        "門": "门",
        "戶": "户",
        "網": "网",
        "長": "长",
        "濫": "滥",
        "於": "于",
        "體": "体",
        "問": "问",
        "題": "题",
        "進": "进",
        "級": "级",
        "並": "并",
        "紀": "纪",
        "應": "应",
        "壹": "一",
    }
)


def strip_debris(text: str) -> str:
    """Remove Word ``[bookmark: _Hlk…]`` debris.

    Example:
        >>> strip_debris("[bookmark: _Hlk66973412]一、本年新收")
        '一、本年新收'
    """
    return _BOOKMARK.sub("", text)


@lru_cache(maxsize=4096)
def normalise_label(text: str) -> str:
    """Fold a label to a canonical form: debris removed, NFKC, no whitespace, simplified characters.

    Full-width punctuation becomes ASCII (``（一）`` → ``(一)``, ``：`` → ``:``), except ``、``.

    Example:
        >>> normalise_label("（二） 部分公开（区分处理的，\\n只计这一情形）")
        '(二)部分公开(区分处理的,只计这一情形)'
        >>> normalise_label("規範性檔案")
        '规范性档案'
    """
    folded = unicodedata.normalize("NFKC", strip_debris(text)).translate(_TRAD)
    return _SPACE.sub("", folded)


@cache
def _compiled(pattern: str) -> regex.Pattern[str]:
    return regex.compile(pattern)


def best_match(label: str, patterns: Iterable[tuple[str, str]]) -> str | None:
    """The key whose pattern matches ``label`` (already normalised) *last*; None when none matches.

    The last match wins because label text accumulates debris and parent labels before the row's own
    label (``三、本年度办理结果(一)予以公开``).  Ties go to the longer match.

    Example:
        >>> best_match("三、本年度办理结果(一)予以公开", [("granted", "予以公开"), ("x", "办理结果")])
        'granted'
    """
    return _best_match(label, tuple(patterns))


@lru_cache(maxsize=4096)
def _best_match(label: str, patterns: tuple[tuple[str, str], ...]) -> str | None:
    """:func:`best_match`, cached on the label and the pattern set (labels repeat across reports)."""
    best: tuple[int, int, str] | None = None
    for key, pattern in patterns:
        matches = list(_compiled(pattern).finditer(label))
        if not matches:
            continue
        found = matches[-1]
        candidate = (found.start(), found.end() - found.start(), key)
        if best is None or candidate[:2] > best[:2]:
            best = candidate
    return best[2] if best is not None else None
