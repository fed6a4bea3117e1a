"""The enumerations of deal format 1 and how each value reads in English and Chinese."""

from __future__ import annotations

ENUMS: dict[str, dict[str, dict[str, str]]] = {
    "status": {
        "open": {"en": "open", "zh": "进行中"},
        "won": {"en": "won", "zh": "赢单"},
        "lost": {"en": "lost", "zh": "丢单"},
        "dropped": {"en": "dropped", "zh": "放弃"},
    },
    "language": {
        "en": {"en": "English", "zh": "英文"},
        "zh": {"en": "Chinese", "zh": "中文"},
    },
    "trigger": {
        "obstacle": {"en": "obstacle or stall", "zh": "项目遇到障碍、进展受挫"},
        "plan-slip": {"en": "plan slipped", "zh": "计划不能按时完成"},
        "dynamics-reversal": {"en": "dynamics reversed", "zh": "客户或对手动态逆转"},
        "pre-bid": {"en": "before the bid", "zh": "投标前商务策略制定"},
        "regular": {"en": "regular review", "zh": "例行分析会"},
    },
    "level": {
        "low": {"en": "low", "zh": "低"},
        "medium": {"en": "medium", "zh": "中"},
        "high": {"en": "high", "zh": "高"},
    },
    "share": {
        "low": {"en": "low", "zh": "低"},
        "high": {"en": "high", "zh": "高"},
    },
    "role": {
        "decision-maker": {"en": "decision maker", "zh": "决策者"},
        "advisor": {"en": "advisor", "zh": "参谋"},
        "gatekeeper": {"en": "gatekeeper", "zh": "看门人"},
        "user": {"en": "user", "zh": "使用者"},
        "procurement": {"en": "procurement", "zh": "采购"},
        "technical": {"en": "technical", "zh": "技术把关"},
    },
    "attitude": {
        "opposer": {"en": "opposer", "zh": "反对者"},
        "non-supporter": {"en": "non-supporter", "zh": "不支持者"},
        "acknowledger": {"en": "acknowledger", "zh": "认可者"},
        "supporter": {"en": "supporter", "zh": "支持者"},
        "sympathizer": {"en": "sympathizer", "zh": "同情者"},
        "ally": {"en": "ally", "zh": "同盟者"},
        "unknown": {"en": "unknown", "zh": "未知"},
    },
    "stance": {
        "positive": {"en": "positive", "zh": "正面"},
        "neutral": {"en": "neutral", "zh": "中立"},
        "negative": {"en": "negative", "zh": "负面"},
    },
    "dm-stance": {
        "positive": {"en": "positive", "zh": "正面"},
        "neutral": {"en": "neutral", "zh": "中立"},
        "negative": {"en": "negative", "zh": "负面"},
        "unknown": {"en": "unknown", "zh": "未知"},
    },
    "party": {
        "customer": {"en": "customer", "zh": "客户"},
        "competitor": {"en": "competitor", "zh": "竞争对手"},
        "channel": {"en": "channel", "zh": "渠道"},
        "us": {"en": "us", "zh": "我方"},
    },
    "action-status": {
        "open": {"en": "open", "zh": "进行中"},
        "done": {"en": "done", "zh": "已完成"},
        "dropped": {"en": "dropped", "zh": "已取消"},
    },
    "answer": {
        "yes": {"en": "yes", "zh": "是"},
        "partial": {"en": "partial", "zh": "部分"},
        "no": {"en": "no", "zh": "否"},
        "unknown": {"en": "unknown", "zh": "未知"},
    },
}

#: The attitude ladder from most hostile to most friendly; `unknown` stands apart.
ATTITUDE_LADDER = ("opposer", "non-supporter", "acknowledger", "supporter", "sympathizer", "ally")
FRIENDLY = frozenset({"supporter", "sympathizer", "ally"})


def label(enum: str, value: str | None, lang: str) -> str:
    """How `value` of enumeration `enum` reads in `lang`; unknown values read as themselves."""
    if value is None:
        return ""
    entry = ENUMS[enum].get(value)
    if entry is None:
        return value
    return entry.get(lang) or entry["en"]
