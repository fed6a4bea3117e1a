"""`reviewkit new`: a commented deal file that teaches the methodology and loads cleanly."""

from __future__ import annotations

import os
import re
import shlex
from pathlib import Path

from reviewkit.errors import RefusedOverwrite, ReviewkitError
from reviewkit.model.files import write_file
from reviewkit.model.playbook import Playbook, load_playbook, tr

_COMMENTS: dict[str, dict[str, str]] = {
    "en": {
        "head": "Deal file for reviewkit (format 1). Fill it in as the deal moves; run\n"
        "#   reviewkit check {file}\n# to see what the current stage still needs, and\n"
        "#   reviewkit render {file}\n# to write the review-meeting pack.",
        "customer": "the customer organisation",
        "owner": "account manager who owns the deal",
        "team": "others on our side, e.g. [Chen Yu (presales)]",
        "stage": "stages: {stages}",
        "status": "open | won | lost | dropped",
        "value": "e.g. {amount: 12000000, currency: CNY}",
        "date": "YYYY-MM-DD",
        "language": "language of the pack: en | zh",
        "confidential": "true marks every pack Confidential (required once a floor price is recorded)",
        "review": "The review meeting this file is prepared for. Hold one when the deal hits an\n"
        "# obstacle, the plan slips, the customer's or a competitor's dynamics reverse, or before the bid.",
        "triggers": "obstacle | plan-slip | dynamics-reversal | pre-bid | regular",
        "background": "Background: collected by asking (open and closed questions), listening and\n"
        "# summarising. Every visit has a purpose.",
        "qualification": "Rate the opportunity to decide where resources go: low | medium | high each.",
        "chain": "The decision chain: the deal is decided by a group, not one person. Choosing the\n"
        "# right people matters more than saying the right words. For each person:\n"
        "#   roles: decision-maker | advisor | gatekeeper | user | procurement | technical\n"
        "#   attitude (the ladder): opposer, non-supporter, acknowledger, supporter, sympathizer, ally\n"
        "#   mindshare (business-based) and heartshare (emotion-based): low | high\n"
        "#   coach: true for the insider who guides us (find the coach first)\n"
        "#   speaks_for_us: true once they have stood up for us inside the customer\n"
        "#   needs: the burning need, PIC: personal, immediate, certain",
        "chain_example": "- name: Wang Qiang\n#   title: CTO\n#   roles: [decision-maker]\n"
        "#   influence: high            # low | medium | high\n#   attitude: acknowledger\n"
        "#   mindshare: high\n#   heartshare: low\n#   coach: false\n#   speaks_for_us: false\n"
        "#   profile: Owl/Analytical (PDP); wants data, not dinners\n"
        "#   competitor_ties: none known\n#   needs: {personal: ..., immediate: ..., certain: ...}",
        "partners": "Integrators and channels: their influence on the decision makers and their ties\n"
        "# to our competitors.",
        "partners_example": "- name: Eastbridge Systems\n#   role: integrator\n#   influence: high\n"
        "#   competitor_ties: none known\n#   decision_maker_attitude: positive   # positive | neutral | negative | unknown",
        "competitors": "Ignoring the competitor is a classic loss: products, strengths, weaknesses, their rep.",
        "competitors_example": "- name: Rivalnet\n#   strengths: [incumbent]\n#   weaknesses: [slow spares]\n"
        "#   sales_rep: {name: ..., style: ..., customer_relationship: ...}\n#   threat: high",
        "dynamics": "What changed, with dates. reversal: true when a trend turns (a meeting trigger).",
        "dynamics_example": "- date: 2026-11-28\n#   party: competitor          # customer | competitor | channel | us\n"
        "#   event: Rivalnet invited the CTO to their reference site\n#   impact: negative           # positive | neutral | negative\n#   reversal: true",
        "assessment": "Our strengths and weaknesses, opportunities and problems, and our unique customer value (UCV).",
        "strategy": "Strategies: relationship (PR), product, commercial. The floor price is secret:\n"
        "# before the bid only one person knows the final price; packs leave it out.",
        "actions": "Next actions: work, owner, time, checkpoint. Every action needs an owner and a due date.",
        "actions_example": "- what: One-to-one meeting with the procurement head\n#   owner: Li Wei\n"
        "#   due: 2026-12-10\n#   checkpoint: she confirms the evaluation weighting\n#   status: open               # open | done | dropped",
        "checklist": "The stage checklist. Answer each question: status yes | partial | no | unknown,\n"
        "# with the evidence. Items marked 'from the data' are answered by the deal data above.",
        "from_data": "from the data: {rule}",
        "outcome": "When the deal is won, lost or dropped: date, winner, reasons, lessons.",
    },
    "zh": {
        "head": "reviewkit 项目文件（格式 1）。随项目推进逐步填写；运行\n"
        "#   reviewkit check {file}\n# 查看当前阶段还缺什么，运行\n"
        "#   reviewkit render {file}\n# 生成项目分析会材料。",
        "customer": "客户单位",
        "owner": "负责此项目的客户经理",
        "team": "我方其他成员，例如 [陈宇（售前）]",
        "stage": "阶段：{stages}",
        "status": "open（进行中）| won（赢单）| lost（丢单）| dropped（放弃）",
        "value": "例如 {amount: 12000000, currency: CNY}",
        "date": "YYYY-MM-DD",
        "language": "分析材料的语言：en | zh",
        "confidential": "true 表示材料标注“机密”（记录商务底线后必须为 true）",
        "review": "本次项目分析会。以下任一情况都应召开：项目遇到障碍、进展受挫；计划不能按时完成；\n"
        "# 客户或竞争对手动态发生逆转；投标前制定商务策略。",
        "triggers": "obstacle（障碍）| plan-slip（计划延误）| dynamics-reversal（动态逆转）| pre-bid（投标前）| regular（例行）",
        "background": "项目背景：通过提问（开放式与封闭式）、倾听和总结收集。每次拜访都要有目的。",
        "qualification": "机会评估（大小、意义、难易、快慢），以合理分配资源：每项 low | medium | high。",
        "chain": "决策链：决定成交的往往不是一个人，而是一群人。选对人，往往比说对话更重要。每个人填写：\n"
        "#   roles 角色：decision-maker 决策者 | advisor 参谋 | gatekeeper 看门人 | user 使用者 | procurement 采购 | technical 技术把关\n"
        "#   attitude 态度：opposer 反对者、non-supporter 不支持者、acknowledger 认可者、supporter 支持者、sympathizer 同情者、ally 同盟者\n"
        "#   mindshare（基于业务）与 heartshare（基于情感）：low | high\n"
        "#   coach: true 表示为我们提供信息的“教练”（首先要建立的关系）\n"
        "#   speaks_for_us: true 表示此人已在客户内部为我司说话\n"
        "#   needs：燃眉之急 PIC —— personal 个人的、immediate 紧急的、certain 值得的",
        "chain_example": "- name: 王强\n#   title: 首席技术官\n#   roles: [decision-maker]\n"
        "#   influence: high            # low | medium | high\n#   attitude: acknowledger\n"
        "#   mindshare: high\n#   heartshare: low\n#   coach: false\n#   speaks_for_us: false\n"
        "#   profile: 猫头鹰型（PDP），重数据，不喜应酬\n"
        "#   competitor_ties: 无\n#   needs: {personal: ..., immediate: ..., certain: ...}",
        "partners": "集成商与渠道：对决策层的影响，以及与竞争对手的关系。",
        "partners_example": "- name: 东桥系统\n#   role: 集成商\n#   influence: high\n"
        "#   competitor_ties: 无\n#   decision_maker_attitude: positive   # positive | neutral | negative | unknown",
        "competitors": "忽视竞争对手是典型的丢单原因：产品、优劣势、对方销售代表。",
        "competitors_example": "- name: 锐网\n#   strengths: [现网设备商]\n#   weaknesses: [备件慢]\n"
        "#   sales_rep: {name: ..., style: ..., customer_relationship: ...}\n#   threat: high",
        "dynamics": "客户、竞争对手、渠道的动态（带日期）。趋势逆转时写 reversal: true（召开分析会的时机）。",
        "dynamics_example": "- date: 2026-11-28\n#   party: competitor          # customer | competitor | channel | us\n"
        "#   event: 锐网邀请CTO参观其样板点\n#   impact: negative           # positive | neutral | negative\n#   reversal: true",
        "assessment": "自身优劣势分析：优势、劣势、机会、问题，以及独到的客户价值（UCV）。",
        "strategy": "策略：公关策略、产品策略、商务策略。商务底线保密：投标前只有一个人知道最终价格；\n"
        "# 分析材料默认不显示底线。",
        "actions": "下一步行动：工作内容、责任人、时间、监控点。每项行动都要有责任人和完成时间。",
        "actions_example": "- what: 单独约见采购部负责人\n#   owner: 李伟\n"
        "#   due: 2026-12-10\n#   checkpoint: 确认服务在评标中的权重\n#   status: open               # open | done | dropped",
        "checklist": "阶段检查清单。逐项回答：status 为 yes | partial | no | unknown，并写明依据（evidence）。\n"
        "# 标有“由数据判断”的项目由上面的项目数据自动判断。",
        "from_data": "由数据判断：{rule}",
        "outcome": "赢单、丢单或放弃后填写：日期、赢单方、原因、教训。",
    },
}


def slug(name: str) -> str:
    """A file name for a deal name: lower-case words joined by '-', any script kept."""
    text = re.sub(r"[^\w]+", "-", name.strip().lower()).strip("-_")
    return text or "deal"


def scaffold(
    name: str,
    *,
    stage: str | None = None,
    lang: str = "en",
    customer: str = "",
    owner: str = "",
    playbook: Playbook | None = None,
    file_name: str = "deal.yaml",
    schema: str = "",
) -> str:
    """The text of a new deal file; `schema` is what its editor modeline points at."""
    from reviewkit.present.render import scaffold_environment

    playbook = playbook or load_playbook()
    stage = stage or playbook.stages[0].key
    playbook.require_stage(stage)
    comments = dict(_COMMENTS[lang])
    shown = shlex.quote(file_name) if file_name.isprintable() else repr(file_name)
    comments["head"] = comments["head"].replace("{file}", shown)
    comments["stage"] = comments["stage"].replace(
        "{stages}", " → ".join(s.key for s in playbook.stages)
    )
    stages = []
    for s in playbook.stages[: playbook.index[stage] + 1]:
        items = [
            {
                "key": item.key,
                "question": tr(item.question, lang),
                "rule": item.rule.describe(lang) if item.rule else None,
            }
            for item in s.items
        ]
        stages.append({"key": s.key, "label": tr(s.label, lang), "entries": items})
    template = scaffold_environment().get_template("deal.yaml.j2")
    return template.render(
        name=name,
        customer=customer,
        owner=owner,
        stage=stage,
        lang=lang,
        c=comments,
        stages=stages,
        from_data=comments["from_data"],
        schema=schema or schema_reference(Path(file_name)),
    )


SCHEMA_NAME = "deal.schema.json"


def schema_reference(deal_path: Path) -> str:
    """Where a new deal file's editor modeline points: the nearest deal.schema.json in its
    folder or above (a team writes one with `reviewkit schema`), else the shipped schema."""
    from reviewkit.model.jsonschema import SHIPPED

    folder = deal_path.absolute().parent
    for candidate in (folder, *folder.parents):
        if (candidate / SCHEMA_NAME).is_file():
            return os.path.relpath(candidate / SCHEMA_NAME, folder).replace(os.sep, "/")
    return SHIPPED.as_uri()


def write_new_deal(path: Path, text: str, *, force: bool) -> None:
    """Write a new deal file; refuse to replace an existing one unless `force`."""
    if path.exists() and not force:
        raise RefusedOverwrite(
            f"{path} already exists; nothing was written",
            hint="choose another name with -o, or pass --force to replace it",
        )
    if path.is_dir():
        raise ReviewkitError(f"{path} is a folder", hint="give a file name with -o")
    write_file(path, text)
