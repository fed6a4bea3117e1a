"""Every sentence reviewkit says about a user's file, in English and Simplified Chinese.

Wording is data: one entry per problem kind or finding, each a (message, hint) pair per
language, filled with `str.format` fields. `msg()` is the only way to read it.
"""

from __future__ import annotations

import re

_M: dict[str, dict[str, tuple[str, str]]] = {
    # -- reading YAML ---------------------------------------------------------------
    "empty": {
        "en": ("the file is empty", "start from `reviewkit new NAME`"),
        "zh": ("文件是空的", "可以用 `reviewkit new 名称` 生成一个模板"),
    },
    "multiple-documents": {
        "en": (
            "a second YAML document ('---') starts here; a deal file holds one deal",
            "remove the '---' line, or split the deals into separate files",
        ),
        "zh": (
            "此处开始了第二个 YAML 文档（'---'）；一个文件只能记录一个项目",
            "删除 '---' 这一行，或把各项目分到不同文件",
        ),
    },
    "alias": {
        "en": (
            "YAML anchors and aliases (&name, *name) are not accepted in deal files",
            "write the value out in full where it is used",
        ),
        "zh": ("项目文件中不接受 YAML 锚点和别名（&名称、*名称）", "请在每处直接写出完整的值"),
    },
    "explicit-tag": {
        "en": (
            "YAML tags such as '{tag}' are not accepted in deal files",
            "remove the tag; quote the value if it must stay text",
        ),
        "zh": ("项目文件中不接受 YAML 标签（如 '{tag}'）", "删除标签；如需保持为文本，请加引号"),
    },
    "complex-key": {
        "en": ("a key must be a plain word, not a list or mapping", "write `key: value`"),
        "zh": ("键必须是简单的词，不能是列表或映射", "请写成 `键: 值`"),
    },
    "duplicate-key": {
        "en": (
            "duplicate key '{key}' (first defined on line {first}); the second one would "
            "silently replace the first",
            "keep one of them, or merge their contents",
        ),
        "zh": (
            "重复的键 '{key}'（第 {first} 行已定义）；后一个会悄悄覆盖前一个",
            "只保留一个，或合并两处内容",
        ),
    },
    "too-deep": {
        "en": (
            "nesting deeper than {limit} levels; a deal file needs far fewer",
            "check the indentation, or flatten the structure",
        ),
        "zh": ("嵌套超过 {limit} 层；项目文件远不需要这么深", "请检查缩进，或简化结构"),
    },
    "too-large": {
        "en": (
            "the file is {size} bytes; reviewkit reads files up to {limit} bytes",
            "split it, or move long notes out of the deal file",
        ),
        "zh": (
            "文件大小为 {size} 字节；reviewkit 最多读取 {limit} 字节",
            "请拆分文件，或把冗长的备注移出项目文件",
        ),
    },
    "not-a-file": {
        "en": (
            "not a regular file (a pipe, device or socket); reviewkit reads only files",
            "give the path of a deal file saved on disk",
        ),
        "zh": (
            "不是普通文件（而是管道、设备或套接字）；reviewkit 只读取文件",
            "请给出保存在磁盘上的项目文件路径",
        ),
    },
    "too-many": {
        "en": (
            "{where} has {count:,} entries; reviewkit accepts up to {limit:,}",
            "a real deal stays far below this; move old entries to another file",
        ),
        "zh": (
            "{where} 有 {count:,} 项；reviewkit 最多接受 {limit:,} 项",
            "真实项目远达不到这个数量；请把旧条目移到其他文件",
        ),
    },
    "too-long": {
        "en": (
            "{where} is {count:,} characters long; reviewkit accepts up to {limit:,}",
            "a note this long belongs in a document of its own; link to it instead",
        ),
        "zh": (
            "{where} 长 {count:,} 个字符；reviewkit 最多接受 {limit:,} 个",
            "这么长的内容应单独成文；请改为给出链接",
        ),
    },
    "yaml-tab": {
        "en": (
            "a tab character; YAML indents with spaces only",
            "replace the tab with spaces (set your editor to insert spaces)",
        ),
        "zh": (
            "出现了制表符（Tab）；YAML 只能用空格缩进",
            "把 Tab 换成空格（可在编辑器中设置用空格缩进）",
        ),
    },
    "yaml-reserved": {
        "en": ("'{char}' cannot start a value in YAML", 'put the value in quotes: "..."'),
        "zh": ("YAML 中值不能以 '{char}' 开头", '请给这个值加上引号："..."'),
    },
    "yaml-colon": {
        "en": (
            "unexpected ':' — a line is indented wrongly, or a value contains ': '",
            "check this line's indentation against the lines above; "
            "quote a value that contains ': '",
        ),
        "zh": (
            "意外的 ':' —— 这一行缩进有误，或者值中含有 ': '",
            "对照上面几行检查缩进；值中含有 ': ' 时请加引号",
        ),
    },
    "yaml-indent": {
        "en": (
            "the indentation does not match the lines above ({detail})",
            "indent keys of the same mapping, and items of the same list, by the same "
            "number of spaces",
        ),
        "zh": (
            "缩进与上面几行不一致（{detail}）",
            "同一映射中的键、同一列表中的项，缩进空格数必须相同",
        ),
    },
    "yaml-quote": {
        "en": ("a quoted value is not closed ({detail})", "add the closing quote"),
        "zh": ("引号没有闭合（{detail}）", "请补上结尾的引号"),
    },
    "yaml-control": {
        "en": (
            "a control character ({detail}) that YAML does not allow",
            "delete it; it is usually pasted in by accident",
        ),
        "zh": ("出现了 YAML 不允许的控制字符（{detail}）", "请删除它；通常是粘贴时带进来的"),
    },
    "yaml-syntax": {
        "en": ("not valid YAML: {detail}", "check the quoting and indentation around this line"),
        "zh": ("不是有效的 YAML：{detail}", "请检查这一行附近的引号和缩进"),
    },
    # -- deal format ----------------------------------------------------------------
    "not-mapping": {
        "en": (
            "expected a mapping of keys at the top of the file (`reviewkit: 1`, `deal:` …)",
            "start from `reviewkit new NAME`",
        ),
        "zh": (
            "文件顶层应为键值映射（`reviewkit: 1`、`deal:` …）",
            "可以用 `reviewkit new 名称` 生成模板",
        ),
    },
    "unknown-key": {
        "en": ("unknown key '{key}' in {where}{suggestion}", "the keys here are: {known}"),
        "zh": ("{where} 中有未知的键 '{key}'{suggestion}", "此处可用的键：{known}"),
    },
    "unknown-item": {
        "en": (
            "'{key}' is not an item of stage '{stage}'{suggestion}",
            "the items of '{stage}' are: {known}",
        ),
        "zh": ("'{key}' 不是阶段 '{stage}' 的检查项{suggestion}", "'{stage}' 的检查项有：{known}"),
    },
    "item-of-other-stage": {
        "en": (
            "'{key}' is an item of stage '{other}', not of '{stage}'",
            "move it under `checklist: {other}:`",
        ),
        "zh": (
            "'{key}' 是阶段 '{other}' 的检查项，不属于 '{stage}'",
            "请把它移到 `checklist: {other}:` 下",
        ),
    },
    "did-you-mean": {"en": ("; did you mean '{name}'?", ""), "zh": ("；是不是 '{name}'？", "")},
    "missing-key": {
        "en": ("'{key}' is required in {where}", "add `{key}: {example}`"),
        "zh": ("{where} 中缺少必填的 '{key}'", "请添加 `{key}: {example}`"),
    },
    "wrong-type": {
        "en": ("{key}: expected {expected}, found {found}", "write it as `{example}`"),
        "zh": ("{key}：应为{expected}，实际是{found}", "请写成 `{example}`"),
    },
    "bad-enum": {
        "en": (
            "{key}: '{value}' is not one of the allowed values{suggestion}",
            "allowed: {allowed}",
        ),
        "zh": ("{key}：'{value}' 不是允许的取值{suggestion}", "允许的取值：{allowed}"),
    },
    "unknown-stage": {
        "en": (
            "deal.stage: '{value}' is not a stage of the playbook{suggestion}",
            "the playbook's stages are: {allowed}",
        ),
        "zh": ("{key}：'{value}' 不是方法论中的阶段{suggestion}", "可用的阶段：{allowed}"),
    },
    "bad-date": {
        "en": ("{key}: '{value}' is not a date", "write dates as YYYY-MM-DD, e.g. 2027-03-31"),
        "zh": ("{key}：'{value}' 不是日期", "日期格式为 YYYY-MM-DD，例如 2027-03-31"),
    },
    "impossible-date": {
        "en": ("{key}: {value} does not exist ({reason})", "check the day and month"),
        "zh": ("{key}：{value} 这个日期不存在（{reason}）", "请检查月份和日期"),
    },
    "bad-number": {
        "en": ("{key}: '{value}' is not a number", "write digits without quotes, e.g. 12000000"),
        "zh": ("{key}：'{value}' 不是数字", "请写不带引号的数字，例如 12000000"),
    },
    "bad-money": {
        "en": ("{key}: {detail}", "write money as {{amount: 12000000, currency: CNY}}"),
        "zh": ("{key}：{detail}", "金额格式为 {{amount: 12000000, currency: CNY}}"),
    },
    "version-too-new": {
        "en": (
            "this file is deal format {found}; this reviewkit reads format {supported}",
            "upgrade reviewkit: pip install --upgrade reviewkit",
        ),
        "zh": (
            "此文件为第 {found} 版格式；当前 reviewkit 只支持第 {supported} 版",
            "请升级 reviewkit：pip install --upgrade reviewkit",
        ),
    },
    # -- playbook files -------------------------------------------------------------
    "rule-shape": {
        "en": (
            "{key}: a rule is a mapping with one of the keys {ops}",
            "e.g. `rule: {{count: decision_chain, where: {{coach: true}}}}`",
        ),
        "zh": (
            "{key}：规则应为映射，且只含以下之一：{ops}",
            "例如 `rule: {{count: decision_chain, where: {{coach: true}}}}`",
        ),
    },
    "rule-unknown-op": {
        "en": ("{key}: unknown rule form '{op}'{suggestion}", "the rule forms are: {ops}"),
        "zh": ("{key}：未知的规则形式 '{op}'{suggestion}", "可用的规则形式：{ops}"),
    },
    "rule-bad-path": {
        "en": (
            "{key}: '{value}' is not a key path of the deal file{suggestion}",
            "write a dotted path of deal format 1, e.g. strategy.commercial.floor",
        ),
        "zh": (
            "{key}：'{value}' 不是项目文件中的键路径{suggestion}",
            "请写项目文件格式中的点分路径，例如 strategy.commercial.floor",
        ),
    },
    "rule-not-list": {
        "en": (
            "{key}: '{value}' is not a list in the deal file",
            "count and every take a list: {lists}",
        ),
        "zh": ("{key}：'{value}' 在项目文件中不是列表", "count 和 every 只能用于列表：{lists}"),
    },
    "duplicate-name": {
        "en": ("{key}: '{value}' is used twice; keys must be unique", "rename one of them"),
        "zh": ("{key}：'{value}' 重复使用；键必须唯一", "请给其中一个改名"),
    },
    "bad-name": {
        "en": (
            "{key}: '{value}' is not a valid key",
            "use lower-case letters, digits and '-', e.g. coach-developed",
        ),
        "zh": ("{key}：'{value}' 不是有效的键", "请使用小写字母、数字和 '-'，例如 coach-developed"),
    },
    "bad-reference": {
        "en": (
            "{key}: '{value}' is not a stage of this playbook{suggestion}",
            "the stages are: {allowed}",
        ),
        "zh": ("{key}：'{value}' 不是本方法论中的阶段{suggestion}", "可用的阶段：{allowed}"),
    },
    "bad-weight": {
        "en": ("{key}: {value} is not between 0 and 1", "a weight is a win probability, e.g. 0.35"),
        "zh": ("{key}：{value} 不在 0 到 1 之间", "权重是赢单概率，例如 0.35"),
    },
    "playbook-version": {
        "en": (
            "this playbook is format {found}; this reviewkit reads playbook format {supported}",
            "upgrade reviewkit: pip install --upgrade reviewkit",
        ),
        "zh": (
            "此方法论文件为第 {found} 版格式；当前 reviewkit 只支持第 {supported} 版",
            "请升级 reviewkit：pip install --upgrade reviewkit",
        ),
    },
    "no-stages": {
        "en": ("a playbook needs at least one stage", "list the stages under `stages:`"),
        "zh": ("方法论至少需要一个阶段", "请在 `stages:` 下列出各阶段"),
    },
    "rule-empty-value": {
        "en": (
            "{key}: this test has no value",
            "write the value to compare with, e.g. `coach: true`",
        ),
        "zh": ("{key}：此条件没有取值", "请写出要比较的值，例如 `coach: true`"),
    },
    "rule-extra-key": {
        "en": (
            "{key}: '{extra}' does not apply to a '{op}' rule",
            "remove it; {op} takes: {takes}",
        ),
        "zh": ("{key}：'{extra}' 不适用于 '{op}' 规则", "请删除；{op} 可用：{takes}"),
    },
    "rule-min": {
        "en": ("{key}: min must be at least 1", "write min: 1 or more, or drop the rule"),
        "zh": ("{key}：min 至少为 1", "请写 min: 1 或更大，或删除此规则"),
    },
    "rule-path-in-list": {
        "en": (
            "{key}: '{value}' goes inside the list '{list}'",
            "use count or every for list entries, e.g. {{every: {list}, where: {{{field}: {{present: true}}}}}}",
        ),
        "zh": (
            "{key}：'{value}' 位于列表 '{list}' 之内",
            "列表中的项请用 count 或 every，例如 {{every: {list}, where: {{{field}: {{present: true}}}}}}",
        ),
    },
    # -- config files -----------------------------------------------------------------
    "not-mapping-config": {
        "en": (
            "expected a mapping of settings at the top of reviewkit.yaml",
            "see the README for the keys",
        ),
        "zh": ("reviewkit.yaml 顶层应为设置项映射", "可用的键见 README"),
    },
    "config-version": {
        "en": (
            "reviewkit-config: {found} is not a config version this reviewkit reads",
            "write `reviewkit-config: 1`, or upgrade reviewkit",
        ),
        "zh": (
            "reviewkit-config: {found} 不是当前 reviewkit 支持的配置版本",
            "请写 `reviewkit-config: 1`，或升级 reviewkit",
        ),
    },
    "bad-threshold": {
        "en": ("thresholds.{key}: {value} must be at least 1", "write a whole number of 1 or more"),
        "zh": ("thresholds.{key}：{value} 至少应为 1", "请写不小于 1 的整数"),
    },
    "missing-playbook": {
        "en": (
            "playbook: '{value}' does not exist ({where})",
            "paths are relative to this reviewkit.yaml",
        ),
        "zh": ("playbook：'{value}' 不存在（{where}）", "路径相对于此 reviewkit.yaml"),
    },
    "bad-version": {
        "en": ("reviewkit: '{value}' is not a format version", "write `reviewkit: 1`"),
        "zh": ("reviewkit：'{value}' 不是有效的格式版本号", "请写 `reviewkit: 1`"),
    },
    # -- findings of `check` ----------------------------------------------------------
    "checklist-rule": {
        "en": ("{stage_label} › {item_label}: not met — {needs}", ""),
        "zh": ("{stage_label} › {item_label}：未满足 —— {needs}", ""),
    },
    "checklist-claimed": {
        "en": (
            "{stage_label} › {item_label}: answered yes, but the deal data does not show it — {needs}",
            "",
        ),
        "zh": ("{stage_label} › {item_label}：回答为“是”，但项目数据并不支持 —— {needs}", ""),
    },
    "checklist-no": {
        "en": ("{stage_label} › {item_label}: answered no{evidence}", ""),
        "zh": ("{stage_label} › {item_label}：回答为“否”{evidence}", ""),
    },
    "checklist-partial": {
        "en": ("{stage_label} › {item_label}: only partly met{evidence}", ""),
        "zh": ("{stage_label} › {item_label}：仅部分满足{evidence}", ""),
    },
    "checklist-unknown": {
        "en": ("{stage_label} › {item_label}: not known yet{evidence}", ""),
        "zh": ("{stage_label} › {item_label}：情况尚不清楚{evidence}", ""),
    },
    "checklist-unanswered": {
        "en": (
            "{stage_label} › {item_label}: not answered — {question} "
            "(answer it under checklist: {stage_key}: {item_key}:)",
            "",
        ),
        "zh": (
            "{stage_label} › {item_label}：尚未回答 —— {question}"
            "（请在 checklist: {stage_key}: {item_key}: 下作答）",
            "",
        ),
    },
    "gate": {
        "en": ("{stage_label} gate not passed: {label} — {needs}", ""),
        "zh": ("{stage_label} 阶段关口未通过：{label} —— {needs}", ""),
    },
    "action-overdue": {
        "en": ("action “{what}” ({owner}) was due {due}, {days} day(s) ago, and is still open", ""),
        "zh": ("行动“{what}”（{owner}）应于 {due} 完成，已逾期 {days} 天，仍未完成", ""),
    },
    "action-incomplete": {
        "en": ("action “{what}” has no {missing}: nobody will be asked about it", ""),
        "zh": ("行动“{what}”缺少{missing}：无法跟踪落实", ""),
    },
    "close-date-passed": {
        "en": (
            "expected close {date} passed {days} day(s) ago and the deal is still open — "
            "update deal.expected_close or deal.status",
            "",
        ),
        "zh": (
            "预计成交日期 {date} 已过去 {days} 天，项目仍为进行中 —— "
            "请更新 deal.expected_close 或 deal.status",
            "",
        ),
    },
    "no-decision-maker": {
        "en": (
            "nobody in the decision chain has the decision-maker role — "
            "who signs? add `roles: [decision-maker]` to that person",
            "",
        ),
        "zh": (
            "决策链中没有人是决策者 —— 最终由谁拍板？请给此人加上 `roles: [decision-maker]`",
            "",
        ),
    },
    "single-threaded": {
        "en": (
            "only {count} in the decision chain (fewer than {minimum}): the deal hangs on too few relationships",
            "",
        ),
        "zh": ("决策链中只有 {count} 人（少于 {minimum} 人）：项目系于过少的关系", ""),
    },
    "review-stale": {
        "en": (
            "last reviewed on {date}, {days} days ago (more than {limit}): hold a review meeting",
            "",
        ),
        "zh": ("上次分析会在 {date}，已过去 {days} 天（超过 {limit} 天）：应召开分析会", ""),
    },
    "unused-suppression": {
        "en": ("this suppression of '{slug}' matches no finding: remove it", ""),
        "zh": ("此处对 '{slug}' 的屏蔽没有匹配任何问题：请删除", ""),
    },
    "chain-empty": {
        "en": (
            "nobody is in the decision chain yet: who decides, who advises, who guards the door?",
            "",
        ),
        "zh": ("决策链尚无人：谁决策、谁参谋、谁把门？", ""),
    },
    "competitor-ties": {
        "en": ("{name} ({influence} influence, {attitude}) has ties to a competitor: “{ties}”", ""),
        "zh": ("{name}（影响力{influence}，{attitude}）与竞争对手有关系：“{ties}”", ""),
    },
    "partner-competitor-ties": {
        "en": (
            "partner {name} ({influence} influence on the decision makers) has ties to a "
            "competitor: “{ties}”",
            "",
        ),
        "zh": ("合作伙伴 {name}（对决策层影响力{influence}）与竞争对手有关系：“{ties}”", ""),
    },
    "attitude-unknown": {
        "en": ("{name} has high influence but their attitude towards us is unknown", ""),
        "zh": ("{name} 影响力高，但对我方的态度未知", ""),
    },
    "floor-not-confidential": {
        "en": (
            "a floor price is recorded but the deal is not marked confidential — "
            "add `confidential: true` under deal",
            "",
        ),
        "zh": ("记录了商务底线，但项目未标记为机密 —— 请在 deal 下添加 `confidential: true`", ""),
    },
    "floor-in-text": {
        "en": (
            "the floor price appears in the text of {where}; packs redact it, "
            "but the figure should not be written there",
            "",
        ),
        "zh": (
            "{where} 的文字中出现了商务底线金额；分析材料会将其遮盖，但不应在此处写出该数字",
            "",
        ),
    },
    "meeting-trigger": {
        "en": ("review meeting called for: {trigger} — {why}", ""),
        "zh": ("应召开项目分析会：{trigger} —— {why}", ""),
    },
    "trigger-declared": {
        "en": ("listed in review.triggers", ""),
        "zh": ("已列在 review.triggers 中", ""),
    },
    "trigger-overdue": {
        "en": ("{count} open action(s) overdue", ""),
        "zh": ("{count} 项行动已逾期", ""),
    },
    "trigger-reversal": {
        "en": ("reversal on {date}: {event}", ""),
        "zh": ("{date} 出现逆转：{event}", ""),
    },
    "trigger-stage": {
        "en": ("the deal is in the {stage} stage", ""),
        "zh": ("项目处于“{stage}”阶段", ""),
    },
    "outcome-missing": {
        "en": ("the deal is {status} but its outcome (date, winner, reasons) is not recorded", ""),
        "zh": ("项目已{status}，但未记录结果（日期、赢单方、原因）", ""),
    },
}

# Words used inside the messages above.
WORDS: dict[str, dict[str, str]] = {
    "text": {"en": "text", "zh": "文本"},
    "a list": {"en": "a list", "zh": "列表"},
    "a mapping": {"en": "a mapping of keys", "zh": "键值映射"},
    "true or false": {"en": "true or false", "zh": "true 或 false"},
    "a number": {"en": "a number", "zh": "数字"},
    "a date": {"en": "a date", "zh": "日期"},
    "a list item": {"en": "a list", "zh": "列表"},
    "text value": {"en": "text '{v}'", "zh": "文本 '{v}'"},
    "quoted": {"en": "quoted text '{v}'", "zh": "带引号的文本 '{v}'"},
    "the top of the file": {"en": "the top of the file", "zh": "文件顶层"},
    "amount missing": {"en": "the amount is missing", "zh": "缺少 amount（金额）"},
    "amount negative": {"en": "amount {v} is negative", "zh": "amount {v} 为负数"},
    "owner": {"en": "owner", "zh": "负责人"},
    "due date": {"en": "due date", "zh": "完成日期"},
    "owner and due date": {"en": "owner and no due date", "zh": "负责人和完成日期"},
    "no owner": {"en": "no owner", "zh": "无负责人"},
    "currency missing": {"en": "the currency is missing", "zh": "缺少 currency（币种）"},
    "currency unknown": {
        "en": "'{v}' is not an ISO 4217 currency code{s}",
        "zh": "'{v}' 不是 ISO 4217 币种代码{s}",
    },
}


_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def clip(text: object, limit: int = 100) -> str:
    """User text quoted in a one-line message: whitespace collapsed, control characters
    (which could drive a terminal) shown as �, long text shortened."""
    flat = _CONTROL.sub("\ufffd", " ".join(str(text).split()))
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def msg(lang: str, kind: str, **args: object) -> tuple[str, str]:
    """The (message, hint) for a problem `kind` in `lang`, with its fields filled in."""
    entry = _M[kind]
    message, hint = entry.get(lang) or entry["en"]
    return message.format(**args), hint.format(**args)


def word(lang: str, key: str, **args: object) -> str:
    """A word or phrase used inside messages."""
    entry = WORDS[key]
    return (entry.get(lang) or entry["en"]).format(**args)
