"""Generate realistic deal files (deal format 1) for benchmarks.

    python bench/generate_deals.py OUT_DIR [--count 1000] [--seed 7]

Writes OUT_DIR/deal-0001.yaml ... : about 70 % English and 30 % Chinese deals across the
seven stages of the default playbook (more in the early ones), mostly open with some won,
lost and dropped deals, each 8-25 KB like the hand-written samples. The text is composed
from word and phrase lists, so the files differ from each other the way real ones do.
The output depends only on the seed. The stage and checklist item keys come from the default
playbook (so reviewkit must be installed); the YAML is written directly.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import textwrap
from pathlib import Path
from typing import Any

from reviewkit.model.dealformat import BASE, FORMAT_VERSION
from reviewkit.model.playbook import load_playbook, tr
from reviewkit.model.schema import Struct

#: The "today" the benchmark checks against (`reviewkit check --today 2026-12-01`).
TODAY = dt.date(2026, 12, 1)

# ---------------------------------------------------------------------------------------
# The default playbook's stages and checklist item keys, as reviewkit reads them.

PLAYBOOK = load_playbook()
STAGES = tuple(stage.key for stage in PLAYBOOK.stages)
ITEMS = {stage.key: tuple(item.key for item in stage.items) for stage in PLAYBOOK.stages}
ZH_STAGES = tuple(tr(stage.label, "zh") for stage in PLAYBOOK.stages)
#: How often each stage is drawn, earliest first: more deals in the early stages.
STAGE_WEIGHTS = (24, 18, 20, 14, 10, 9, 5)
assert len(STAGE_WEIGHTS) == len(STAGES), "one weight per stage of the default playbook"
#: The keys of `review:` in the order of the deal format.
_REVIEW = BASE.fields["review"]
assert isinstance(_REVIEW, Struct)
REVIEW_KEYS = tuple(_REVIEW.fields)
ATTITUDES = ("opposer", "non-supporter", "acknowledger", "supporter", "sympathizer", "ally")

# ---------------------------------------------------------------------------------------
# A small YAML writer: block mappings and sequences, flow mappings and lists, `|` blocks.


class Block(str):
    """Text written as a literal block scalar (`|`), one line per line."""


class Quoted(str):
    """Text always written in double quotes."""


class Flow:
    """A mapping or list written on one line: `{a: 1, b: 2}` or `[a, b]`."""

    def __init__(self, value: dict[str, Any] | list[Any]) -> None:
        self.value = value


_KEYWORDS = frozenset({"", "~", "null", "true", "false", "yes", "no", "on", "off", "y", "n"})
_NUMBER_LIKE = re.compile(r"[-+]?\.?[0-9][0-9a-zA-Z_.:+-]*")
_SPECIAL_START = frozenset("-?:,[]{}#&*!|>'\"%@`")


def needs_quotes(text: str, flow: bool) -> bool:
    """Whether a plain scalar could be misread (as another type, or as YAML syntax)."""
    if text.strip() != text or text.lower() in _KEYWORDS or text[0] in _SPECIAL_START:
        return True
    if ": " in text or text.endswith(":") or " #" in text or "\\" in text:
        return True
    if flow and any(c in text for c in ",[]{}:"):
        return True
    return bool(_NUMBER_LIKE.fullmatch(text)) or not text.isprintable()


def quote(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + escaped.replace("\n", "\\n").replace("\t", "\\t") + '"'


def scalar(value: Any, flow: bool = False) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Flow):
        if isinstance(value.value, dict):
            pairs = (f"{scalar(k, True)}: {scalar(v, True)}" for k, v in value.value.items())
            return "{" + ", ".join(pairs) + "}"
        return "[" + ", ".join(scalar(v, True) for v in value.value) + "]"
    text = str(value)
    if isinstance(value, Quoted) or needs_quotes(text, flow):
        return quote(text)
    return text


def emit_mapping(mapping: dict[str, Any], indent: int, out: list[str], lead: str = "") -> None:
    for index, (key, value) in enumerate(mapping.items()):
        prefix = lead if index == 0 and lead else " " * indent
        name = scalar(key)
        if isinstance(value, dict):
            out.append(f"{prefix}{name}:")
            emit_mapping(value, indent + 2, out)
        elif isinstance(value, list):
            out.append(f"{prefix}{name}:")
            emit_sequence(value, indent + 2, out)
        elif isinstance(value, Block):
            out.append(f"{prefix}{name}: |")
            out.extend(" " * (indent + 2) + line if line else "" for line in value.split("\n"))
        else:
            out.append(f"{prefix}{name}: {scalar(value)}")


def emit_sequence(items: list[Any], indent: int, out: list[str]) -> None:
    for item in items:
        if isinstance(item, dict):
            emit_mapping(item, indent + 2, out, lead=" " * indent + "- ")
        elif isinstance(item, Block):
            out.append(" " * indent + "- |")
            out.extend(" " * (indent + 2) + line if line else "" for line in item.split("\n"))
        else:
            out.append(" " * indent + "- " + scalar(item))


def to_yaml(comments: list[str], document: dict[str, Any]) -> str:
    out = [f"# {line}" for line in comments]
    for index, (key, value) in enumerate(document.items()):
        if index > 0 and isinstance(value, dict | list):
            out.append("")
        emit_mapping({key: value}, 0, out)
    return "\n".join(out) + "\n"


def words(text: str) -> list[str]:
    return text.split()


# ---------------------------------------------------------------------------------------
# Word and phrase lists. `{name}` placeholders are filled per deal (see Deal.fill).

EN_PLACES = words(
    "Northfield Lindhaven Greywater Ashcombe Redmarsh Kingsbridge Eastvale Westmoor Silverlake "
    "Harrowgate Brightwater Oakridge Stonehaven Millbrook Fairhaven Carrowmore Dunmore Elmstead "
    "Hollowford Ironbridge Castleton Riverton Highcliffe Thornbury Wexley Pembury Norwick Calder "
    "Xiling Hexi Longgang Jiangling Baishan Qinghe"
)
ZH_PLACES = words(
    "江淮 蓉西 滨海 青川 云岭 黔南 湘北 闽江 冀中 皖南 松江 临川 汉江 秦川 海西 岭南 桂东 鲁中 "
    "晋北 陇原 赣江 沅州 浙东 苏北 辽南 吉北 蒙西 宁东 楚天 巴渝 西陵 河西 龙岗"
)

EN_FIRST = [
    ("James", "m"), ("Sarah", "f"), ("Tom", "m"), ("Emma", "f"), ("Daniel", "m"),
    ("Priya", "f"), ("Robert", "m"), ("Grace", "f"), ("Lars", "m"), ("Helen", "f"),
    ("Michael", "m"), ("Olivia", "f"), ("David", "m"), ("Sofia", "f"), ("Jonas", "m"),
    ("Elif", "f"), ("Paul", "m"), ("Nadia", "f"), ("Owen", "m"), ("Rachel", "f"),
    ("Angela", "f"), ("Mark", "m"), ("Laura", "f"), ("Peter", "m"), ("Anna", "f"),
    ("Chris", "m"), ("Fiona", "f"), ("Martin", "m"), ("Julia", "f"), ("Samuel", "m"),
    ("Hannah", "f"), ("Victor", "m"), ("Irene", "f"), ("George", "m"), ("Chloe", "f"),
    ("Adrian", "m"), ("Maya", "f"), ("Lucas", "m"), ("Ingrid", "f"), ("Kenji", "m"),
    ("Amir", "m"), ("Leila", "f"), ("Tobias", "m"), ("Clara", "f"), ("Oscar", "m"),
    ("Nina", "f"), ("Ethan", "m"), ("Zoe", "f"), ("Patrick", "m"), ("Rosa", "f"),
]  # fmt: skip
EN_LAST = words(
    "Hale Raman Cho Petersen Okafor Marsh Reilly Costa Price Kim Brooks Ellison Whitfield Berg "
    "Demir Martens Grant Haddad Aalto Bellini Novak Fischer Moreau Lindqvist Turner Walsh Doyle "
    "Hughes Patel Nakamura Silva Kowalski Jensen Romero Schmidt Keller Ward Hayes Foster Murray "
    "Lambert Vance Quinn Sato Haas Olsen Duarte Mercer Blake Fraser O'Neill"
)
PINYIN_LAST = words(
    "Li Wang Zhang Liu Chen Yang Zhao Huang Zhou Wu Xu Sun Ma Zhu Hu Guo He Gao Lin Luo Zheng "
    "Liang Xie Song Tang Deng Han Feng Cao Peng Zeng Xiao Tian Dong Pan Yuan Cai Jiang Yu Du Fang"
)
PINYIN_FIRST = words(
    "Wei Qiang Min Lin Yu Hui Lei Jun Tao Jie Fang Ting Hao Yan Bin Dong Rui Lan Ming Feng "
    "Jianguo Haitao Guodong Jianping Xiaodong Yifan Zhiyuan Lijun Xin Peng Jing Na Kai Liang Chen"
)
ZH_LAST = (
    "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐邓韩冯曹彭曾萧田董潘袁蔡蒋余杜许钱沈傅程"
)
ZH_FIRST = words(
    "伟 强 敏 磊 军 涛 杰 芳 婷 浩 燕 斌 东 锐 兰 明 峰 建国 海涛 国栋 建平 晓东 一帆 志远 丽君 "
    "鑫 鹏 俊 静 娜 立群 文博 晨 雪梅 子豪 永刚 红霞 建华 振宇 思远 佳琪 春生 秀英 德明 宏伟 凯 亮 "
    "欣然 天翔 慧 海燕 玉兰 国强 晓峰 少华 卫东 小川"
)

EN_COMPETITORS = (
    "Kestrel Networks",
    "Orinex",
    "Tideway Systems",
    "Skyvane Networks",
    "Corvid Systems",
    "Meridian Data",
    "Halcyon Technologies",
    "Brightline Networks",
    "Quorra",
    "Vantor Digital",
    "Nordwave",
    "Axion Networks",
    "Peregrine Systems",
    "Strata Networks",
)
ZH_COMPETITORS = (
    "华信通",
    "联拓",
    "科睿达",
    "天擎网络",
    "中驰科技",
    "博远信息",
    "星河数通",
    "云帆智能",
    "恒泰网络",
    "启明数科",
    "北辰网络",
    "海纳云",
)
EN_PARTNERS = (
    "Eastbridge Systems",
    "Harbourline Integration",
    "Harbor Point Systems",
    "Voltaris Rail Systems",
    "Keller & Sons Integration",
    "Northgate Solutions",
    "Bluecrest IT Services",
    "Summit Integration",
    "Redwood Technologies",
    "Clearpath Systems",
    "Granite Digital",
    "Lakeside Integration",
    "Ridgeway Network Services",
    "Fenwick & Hart Systems",
)
ZH_PARTNER_TAILS = (
    "智联",
    "数科",
    "信息技术",
    "系统集成",
    "网络科技",
    "云网",
    "智能工程",
    "通信技术",
)
EN_SERIES = ("KR", "OX", "TX", "SV", "CX", "MD", "HX", "BL", "QR", "VD", "NW", "AX", "PG", "ST")
ZH_SERIES = ("HX", "LT", "KR", "TQ", "ZC", "BY", "XH", "YF", "HT", "QM", "BC", "HN")

SECTORS: list[dict[str, Any]] = [
    {
        "slug": "telecom",
        "en": {
            "orgs": [
                ("{place} Telecom, provincial branch", "{place} Telecom"),
                ("{place} Mobile", "{place} Mobile"),
                ("{place} Broadband Networks", "{place} Broadband"),
            ],
            "projects": [
                (
                    "{short} core network upgrade",
                    "Replace the {n2} core P/PE routers, add 400G links between the two core rings and introduce SRv6 slicing for enterprise private lines.",
                ),
                (
                    "{short} metro aggregation refresh",
                    "Refresh the metro aggregation layer in {n} prefectures with 100G uplinks and segment routing, replacing equipment that reaches end of support in 2027.",
                ),
                (
                    "{short} 5G private network transport",
                    "Transport network for 5G private networks in the industrial parks: slicing, deterministic latency and per-customer SLA reporting.",
                ),
                (
                    "{short} data centre interconnect",
                    "Interconnect the three regional data centres with a 400G optical and IP layer, and migrate the cloud gateways.",
                ),
            ],
            "units": {
                "exec": "CTO",
                "top": "General Manager",
                "it": "Network Planning Dept",
                "ops": "Network Operations Centre",
                "user": "Core Network O&M",
                "proc": "Procurement Centre",
            },
            "kit": ["core routers", "aggregation routers", "optical transport"],
            "business": [
                "About {n2} million mobile and {n} million fixed-broadband subscribers; mobile revenue is flat and growth comes from enterprise private lines.",
                "Headquarters has ordered every branch to have a 5G-SA-ready core by Q4 {y1}.",
                "Enterprise revenue grew {pct}% last year, driven by private lines and cloud connectivity for the {place2} industrial park.",
                "The branch must cut energy per bit by 15% under the group's energy KPI.",
            ],
            "landscape": [
                "Core: {n2} {comp} routers installed in 2017 in two rings; CPU runs at 70-80% at evening peak.",
                "Our edge routers have run at {n} of the {n2} prefectures since 2023.",
                "Two unplanned outages this year, both traced to line-card faults on the installed kit.",
                "Segment routing on the edge only, no SRv6 in the core; network management is split across three tools.",
            ],
            "needs": [
                "Three years of headroom (under 50% CPU at peak)",
                "At most one planned outage window per ring during cutover",
                "SRv6 network slicing for private 5G customers",
                "15% lower power per Gbit by the end of {y1}",
                "Spare parts within 4 hours of every core node",
                "One management platform for core and edge",
                "Per-customer SLA reporting for enterprise lines",
            ],
        },
        "zh": {
            "orgs": [
                ("{place}移动通信有限公司", "{place}移动"),
                ("{place}电信省分公司", "{place}电信"),
                ("{place}广电网络股份有限公司", "{place}广电"),
            ],
            "projects": [
                (
                    "{short}核心网升级改造项目",
                    "替换{n2}台核心P/PE路由器，两个核心环之间新增400G链路，引入SRv6切片承载政企专线。",
                ),
                (
                    "{short}城域汇聚网扩容项目",
                    "{n}个地市城域汇聚层设备更新，上联升级到100G并部署分段路由，替换2027年停止服务的设备。",
                ),
                (
                    "{short}5G专网承载网建设项目",
                    "为工业园区5G专网建设承载网：网络切片、确定性时延和按客户出具的SLA报表。",
                ),
                (
                    "{short}数据中心互联项目",
                    "三个区域数据中心之间建设400G光层和IP层互联，并迁移云网关。",
                ),
            ],
            "units": {
                "exec": "分管网络的副总经理",
                "top": "总经理",
                "it": "网络发展部",
                "ops": "网络运营中心",
                "user": "核心网运维室",
                "proc": "采购中心",
            },
            "kit": ["核心路由器", "汇聚路由器", "光传输设备"],
            "business": [
                "移动用户{n2}00万户、宽带用户{n}00万户，个人业务收入基本持平，增长主要来自政企专线和5G专网。",
                "集团要求各省公司在{y1}年底前完成5G SA核心网改造。",
                "去年政企收入增长{pct}%，主要来自{place2}工业园区的专线和上云业务。",
                "集团能耗考核要求单位比特能耗下降15%。",
            ],
            "landscape": [
                "核心层为{comp}2017年的设备，共{n2}台，分两个环，晚高峰CPU占用70%-80%。",
                "我方边缘路由器自2023年起在{n2}个地市中的{n}个运行。",
                "今年发生两次非计划中断，均为现网设备板卡故障。",
                "仅边缘部署分段路由，核心层没有SRv6；网管分散在三套系统中。",
            ],
            "needs": [
                "三年容量余量（峰值CPU不超过50%）",
                "割接期间每个环最多一次计划中断窗口",
                "为5G专网客户提供SRv6切片",
                "{y1}年底单位比特能耗下降15%",
                "每个核心节点4小时备件到场",
                "核心和边缘统一网管",
                "政企专线按客户出具SLA报表",
            ],
        },
    },
    {
        "slug": "grid",
        "en": {
            "orgs": [
                ("{place} Power Grid Company, dispatch centre", "{place} Grid"),
                ("{place} Electric Power", "{place} Power"),
            ],
            "projects": [
                (
                    "{short} dispatch data centre",
                    "New dispatch data centre: active-active network (spine-leaf, about 240 ports), a compute pool of {n2}0 servers, 2 PB of distributed storage and one operations platform.",
                ),
                (
                    "{short} substation communication network",
                    "IP communication network for {n2}0 substations: industrial switches, encryption at the zone boundaries and central network management.",
                ),
                (
                    "{short} renewable forecasting platform",
                    "Compute and storage platform for renewable power forecasting, four times today's capacity, with a standby site.",
                ),
            ],
            "units": {
                "exec": "Deputy General Manager (dispatch and IT)",
                "top": "General Manager",
                "it": "Information & Communication Company",
                "ops": "Automation Division",
                "user": "Dispatch Control Centre",
                "proc": "Materials Department",
            },
            "kit": ["data-centre switches", "distributed storage", "industrial switches"],
            "business": [
                "Provincial grid company; electricity sales grow about {n}% a year and renewables already make up {n2}% of installed capacity.",
                "Renewable volatility keeps raising dispatch's demands on real-time data and forecasting.",
                "The group requires the new-generation dispatch system in every province by the end of {y1}.",
                "The security rules for power monitoring systems (zoning, vertical encryption) apply to everything dispatch runs.",
            ],
            "landscape": [
                "The dispatch machine room was built in 2014; racks are 92% full and UPS and cooling are at end of life.",
                "The network is {comp} kit from 2014 in a three-tier design with no automated operations.",
                "The centralised storage array had two controller failovers last year that delayed alarms by about six minutes.",
                "Substation links are a mix of SDH and leased lines, managed with {n} different tools.",
            ],
            "needs": [
                "Active-active design: dispatch fails over in under 30 seconds",
                "Compliance with the power monitoring security rules",
                "At least 80% domestically produced components",
                "Four times today's forecasting compute",
                "Automated operations to cut night-shift staffing",
                "Two-hour on-site response for every substation cluster",
            ],
        },
        "zh": {
            "orgs": [
                ("{place}省电力有限公司 调度控制中心", "{place}电力"),
                ("{place}电网公司", "{place}电网"),
            ],
            "projects": [
                (
                    "{short}调度数据中心建设项目",
                    "新建调度数据中心：双活网络（叶脊架构，约240个端口）、{n2}0台服务器的计算资源池、2PB分布式存储和统一运维平台。",
                ),
                (
                    "{short}变电站通信网改造项目",
                    "{n2}0座变电站IP通信网改造：工业交换机、安全分区边界加密和集中网管。",
                ),
                (
                    "{short}新能源功率预测平台",
                    "新能源功率预测计算和存储平台，算力为现有的4倍，并建设备用站点。",
                ),
            ],
            "units": {
                "exec": "分管调度与信息化的副总经理",
                "top": "总经理",
                "it": "信息通信分公司",
                "ops": "自动化处",
                "user": "调度控制中心",
                "proc": "物资部",
            },
            "kit": ["数据中心交换机", "分布式存储", "工业交换机"],
            "business": [
                "省级电网企业，售电量年增约{n}%，新能源装机占比已达{n2}%。",
                "新能源波动大，调度对实时数据和预测计算的要求逐年提高。",
                "国网要求{y1}年底前完成新一代调度技术支持系统的省级部署。",
                "电力监控系统安全防护规定（安全分区、纵向加密）适用于调度的全部系统。",
            ],
            "landscape": [
                "调度主站机房建于2014年，机柜满载率92%，UPS与空调已到寿命期。",
                "网络为{comp}2014年的设备，三层架构，没有自动化运维。",
                "集中式存储去年两次控制器切换，告警延迟约6分钟。",
                "变电站链路为SDH与租用专线混合，网管系统有{n}套。",
            ],
            "needs": [
                "双活架构，单机房故障时业务切换不超过30秒",
                "满足电力监控系统安全防护规定",
                "国产化率不低于80%",
                "预测计算能力为现有的4倍",
                "自动化运维，减少夜间值守人工",
                "每个变电站片区2小时到场",
            ],
        },
    },
    {
        "slug": "hospital",
        "en": {
            "orgs": [
                ("{place} Central Hospital", "{place} Central Hospital"),
                ("{place} University Hospital", "{place} University Hospital"),
                ("{place} Children's Hospital", "{place} Children's Hospital"),
            ],
            "projects": [
                (
                    "{short} new campus network",
                    "Wired, wireless and data-centre network for the new {n2}00-bed campus, including medical IoT (infusion monitoring, asset tracking).",
                ),
                (
                    "{short} clinical network refresh",
                    "Replace the 2016 core and access switches across {n} buildings, full Wi-Fi 6 coverage on the wards and segmentation for medical devices.",
                ),
                (
                    "{short} regional health data platform",
                    "Data platform and network linking the hospital with {n2} community health centres for shared records and remote consultation.",
                ),
            ],
            "units": {
                "exec": "Deputy President (IT and logistics)",
                "top": "President",
                "it": "Information Centre",
                "ops": "Network Section",
                "user": "Nursing Department",
                "proc": "Equipment & Procurement Office",
            },
            "kit": ["campus switches", "Wi-Fi access points", "hyper-converged servers"],
            "business": [
                "Tertiary general hospital with {n2}00 beds and about {n} million outpatient visits a year.",
                "The new campus opens in {y1}; the city health commission rates hospitals on their smart-hospital level.",
                "Inpatient volumes are up {pct}% since 2024 and the wards run at full occupancy in winter.",
                "The hospital is applying for smart-hospital level 4, which needs a reliable network for every clinical system.",
            ],
            "landscape": [
                "Core switches from 2016; ward Wi-Fi does not cover all rooms and drops at shift change.",
                "HIS, PACS and LIS run in a small on-site machine room with no second site.",
                "{comp} kit in the old building; ours in the outpatient wing since 2022.",
                "Medical devices share the office network; there is no segmentation.",
            ],
            "needs": [
                "Seamless Wi-Fi roaming for the nurses' mobile carts",
                "Segmentation of medical devices from office IT",
                "No downtime for HIS and PACS during cutover",
                "Location tracking for {n2}00 pieces of equipment",
                "One management platform the four-person network team can run",
                "Compliance with graded protection level 3",
            ],
        },
        "zh": {
            "orgs": [
                ("{place}市中心医院", "{place}中心医院"),
                ("{place}大学附属医院", "{place}附属医院"),
                ("{place}市妇幼保健院", "{place}妇幼保健院"),
            ],
            "projects": [
                (
                    "{short}新院区网络建设项目",
                    "新院区（{n2}00床）有线网、无线网、机房网络建设，含医疗物联网（输液监测、资产定位）。",
                ),
                (
                    "{short}临床网络改造项目",
                    "更换2016年的核心和接入交换机（{n}栋楼），病房Wi-Fi 6全覆盖，医疗设备网络隔离。",
                ),
                (
                    "{short}区域医疗数据平台",
                    "连接医院与{n2}家社区卫生服务中心的数据平台和网络，用于共享病历和远程会诊。",
                ),
            ],
            "units": {
                "exec": "分管信息化的副院长",
                "top": "院长",
                "it": "信息中心",
                "ops": "网络组",
                "user": "护理部",
                "proc": "设备采购办",
            },
            "kit": ["园区交换机", "无线AP", "超融合服务器"],
            "business": [
                "三级甲等综合医院，编制床位{n2}00张，年门急诊量约{n}00万人次。",
                "新院区计划{y1}年开诊，市卫健委按智慧医院等级考核。",
                "2024年以来住院量增长{pct}%，冬季病房满负荷运转。",
                "医院正在申报智慧医院四级，要求各临床系统网络可靠。",
            ],
            "landscape": [
                "核心交换机为2016年设备，病房无线覆盖不全，交接班时掉线多。",
                "HIS、PACS、LIS都在院内小机房，没有灾备。",
                "老院区是{comp}设备，门诊楼自2022年起使用我方设备。",
                "医疗设备与办公网混用，没有隔离。",
            ],
            "needs": [
                "护士移动推车无线漫游不掉线",
                "医疗设备与办公网隔离",
                "割接期间HIS、PACS不中断",
                "{n2}00台设备的定位管理",
                "四人网络组能运维的统一管理平台",
                "满足等保三级要求",
            ],
        },
    },
    {
        "slug": "transit",
        "en": {
            "orgs": [
                ("{place} Metropolitan Transit", "{place} Metro"),
                ("{place} Airport Authority", "{place} Airport"),
                ("{place} Regional Rail", "{place} Rail"),
            ],
            "projects": [
                (
                    "{short} station Wi-Fi and passenger analytics",
                    "Wi-Fi in all {n2} stations plus passenger-flow analytics and real-time crowding information in the app.",
                ),
                (
                    "{short} operations network renewal",
                    "Renew the operations network for signalling support, CCTV and passenger information on {n} lines, with a second control centre.",
                ),
                (
                    "{short} terminal network",
                    "Network for the new terminal: airline and passenger Wi-Fi, baggage-system links and a separate zone for security screening.",
                ),
            ],
            "units": {
                "exec": "Chief Digital Officer",
                "top": "CEO",
                "it": "IT & Digital",
                "ops": "Operations Control Centre",
                "user": "Station Operations",
                "proc": "Procurement & Contracts",
            },
            "kit": ["station switches", "Wi-Fi access points", "analytics platform"],
            "business": [
                "Municipal operator carrying about {n2}0 thousand passengers on a weekday, back to 97% of 2019 ridership.",
                "The city's 2030 mobility plan asks for 10% more off-peak ridership and real-time crowding information.",
                "The council approved the digital roadmap in {y0}; funding is released against milestones.",
                "Fares cover about {n2}0% of operating cost; the city pays the rest.",
            ],
            "landscape": [
                "Station networks are {comp} switches from 2015; {n} of the stations have no Wi-Fi at all.",
                "CCTV and passenger information share one flat network with the ticket machines.",
                "A third party runs the private LTE for the trains.",
                "One control centre; no second site for the operations network.",
            ],
            "needs": [
                "Wi-Fi in every station and on every platform",
                "Real-time crowding data in the passenger app",
                "Separation of operations and passenger traffic",
                "Installation only in night possessions (01:00-04:30)",
                "Privacy-compliant passenger analytics",
                "A second control centre for the operations network",
            ],
        },
        "zh": {
            "orgs": [
                ("{place}市轨道交通集团", "{place}地铁"),
                ("{place}国际机场", "{place}机场"),
                ("{place}城际铁路公司", "{place}城际"),
            ],
            "projects": [
                (
                    "{short}车站无线网络与客流分析项目",
                    "全部{n2}个车站无线覆盖，建设客流分析和App实时拥挤度信息。",
                ),
                (
                    "{short}运营网络更新项目",
                    "{n}条线路运营网络更新，承载信号辅助、视频监控和乘客信息系统，并建设第二控制中心。",
                ),
                (
                    "{short}航站楼网络项目",
                    "新航站楼网络：航司与旅客Wi-Fi、行李系统链路以及安检区专网。",
                ),
            ],
            "units": {
                "exec": "分管信息化的副总经理",
                "top": "总经理",
                "it": "信息技术部",
                "ops": "运营控制中心",
                "user": "站务中心",
                "proc": "招采部",
            },
            "kit": ["车站交换机", "无线AP", "客流分析平台"],
            "business": [
                "日均客运量约{n2}0万人次，已恢复到2019年的97%。",
                "市里2030年交通规划要求平峰客流提高10%，并实时发布拥挤度信息。",
                "市政府{y0}年批准数字化规划，资金按里程碑拨付。",
                "票款收入覆盖运营成本的{n2}0%左右，其余由市财政补贴。",
            ],
            "landscape": [
                "车站网络为{comp}2015年的交换机，{n}个车站完全没有Wi-Fi。",
                "视频监控、乘客信息和售检票共用一张扁平网络。",
                "列车无线由第三方运营的专网承载。",
                "只有一个控制中心，运营网络没有备用站点。",
            ],
            "needs": [
                "每个车站、每个站台无线覆盖",
                "App实时显示拥挤度",
                "运营与乘客流量隔离",
                "只能在夜间天窗点（01:00-04:30）施工",
                "客流分析符合个人信息保护要求",
                "运营网络建设第二控制中心",
            ],
        },
    },
    {
        "slug": "bank",
        "en": {
            "orgs": [
                ("{place} Commercial Bank", "{place} Bank"),
                ("{place} Rural Credit Union", "{place} Credit Union"),
                ("{place} Securities", "{place} Securities"),
            ],
            "projects": [
                (
                    "{short} branch SD-WAN",
                    "Move {n2}0 branches from MPLS to SD-WAN with dual links, a central security policy and zero-touch deployment.",
                ),
                (
                    "{short} data centre network",
                    "Spine-leaf network for the new main data centre and the disaster-recovery site, with automated provisioning for the private cloud.",
                ),
                (
                    "{short} trading network upgrade",
                    "Low-latency network for the trading floor and the exchange links, with precise time stamping.",
                ),
            ],
            "units": {
                "exec": "CIO",
                "top": "President",
                "it": "IT Department",
                "ops": "Data Centre Operations",
                "user": "Branch Operations",
                "proc": "Central Procurement",
            },
            "kit": ["SD-WAN routers", "data-centre switches", "low-latency switches"],
            "business": [
                "Regional bank with {n2}0 branches; deposits grew {pct}% last year but branch footfall keeps falling.",
                "The regulator's operational-resilience rules require tested recovery within two hours for critical services.",
                "Digital channels carry most transactions; the bank plans to close or merge {n} branches.",
                "The board approved a three-year IT plan centred on private cloud and branch transformation.",
            ],
            "landscape": [
                "Branches are on MPLS from two carriers; a change request takes three weeks.",
                "The main data centre network is {comp} kit from 2016, three-tier; the DR site is a cold standby.",
                "Private cloud pilot on {n} racks, provisioned by hand.",
                "Security policy lives on {n} firewall clusters with no central management.",
            ],
            "needs": [
                "Branch roll-out without on-site engineers",
                "Recovery of critical services within two hours",
                "Central security policy for every branch",
                "Automated provisioning for the private cloud",
                "An audit trail for every network change",
                "Lower WAN cost per branch",
            ],
        },
        "zh": {
            "orgs": [
                ("{place}农村商业银行", "{place}农商行"),
                ("{place}银行股份有限公司", "{place}银行"),
                ("{place}证券股份有限公司", "{place}证券"),
            ],
            "projects": [
                (
                    "{short}网点SD-WAN改造项目",
                    "{n2}0个网点由MPLS专线改为SD-WAN双链路，安全策略集中管理，零接触开局。",
                ),
                (
                    "{short}新数据中心网络项目",
                    "新主数据中心和灾备中心叶脊网络，私有云网络自动化开通。",
                ),
                ("{short}交易网络升级项目", "交易大厅和交易所链路低时延网络，支持精确时间戳。"),
            ],
            "units": {
                "exec": "首席信息官",
                "top": "行长",
                "it": "信息科技部",
                "ops": "数据中心运维部",
                "user": "运营管理部",
                "proc": "集中采购中心",
            },
            "kit": ["SD-WAN路由器", "数据中心交换机", "低时延交换机"],
            "business": [
                "区域性银行，{n2}0个网点；去年存款增长{pct}%，但网点客流持续下降。",
                "监管的业务连续性要求关键业务两小时内恢复并定期演练。",
                "线上渠道已承担大部分交易，计划撤并{n}个网点。",
                "董事会批准了以私有云和网点转型为核心的三年科技规划。",
            ],
            "landscape": [
                "网点使用两家运营商的MPLS专线，变更需要三周。",
                "主数据中心网络为{comp}2016年设备，三层架构，灾备中心为冷备。",
                "私有云试点{n}个机柜，手工开通。",
                "安全策略分散在{n}套防火墙集群上，没有集中管理。",
            ],
            "needs": [
                "网点开通无需工程师上门",
                "关键业务两小时内恢复",
                "全部网点安全策略集中管理",
                "私有云网络自动化开通",
                "每次网络变更可审计",
                "降低单网点广域网成本",
            ],
        },
    },
    {
        "slug": "gov",
        "en": {
            "orgs": [
                ("{place} City Data Bureau", "{place} Data Bureau"),
                ("{place} Tax Service", "{place} Tax Service"),
                ("{place} Public Security Bureau", "{place} Public Security"),
            ],
            "projects": [
                (
                    "{short} e-government cloud network",
                    "Network for the city's e-government cloud: {n2} departments moved onto one platform, with zoning between the internet, government and confidential networks.",
                ),
                (
                    "{short} city operations centre",
                    "Network, video wall and data platform for the city operations centre, connecting the feeds of {n2} departments.",
                ),
                (
                    "{short} county network extension",
                    "Extend the government network to {n2} counties with dual links and central management.",
                ),
            ],
            "units": {
                "exec": "Deputy Director-General",
                "top": "Director-General",
                "it": "Information Centre",
                "ops": "Network Operations Section",
                "user": "E-Government Services Division",
                "proc": "Government Procurement Office",
            },
            "kit": ["core switches", "firewalls", "cloud network"],
            "business": [
                "The bureau consolidates the IT of {n2} city departments under the provincial digital-government plan.",
                "The budget is approved each year by the finance bureau; projects above the threshold need a public tender.",
                "The province ranks its cities on online-service availability every quarter.",
                "As the platform operator the bureau carries the data-security obligations.",
            ],
            "landscape": [
                "Each department runs its own machine room; {n} of them on equipment older than eight years.",
                "The government network core is {comp} kit from 2017.",
                "Internet and government zones are separated by a gateway that is already at capacity.",
                "No central monitoring; faults are reported by phone.",
            ],
            "needs": [
                "Strict zoning between internet, government and confidential networks",
                "Graded protection level 3 compliance",
                "Central monitoring for every department",
                "Domestic products where the catalogue requires them",
                "Migration without interruption to citizen services",
                "Capacity for video feeds from {n2}0 sites",
            ],
        },
        "zh": {
            "orgs": [
                ("{place}市大数据管理局", "{place}大数据局"),
                ("{place}市税务局", "{place}税务"),
                ("{place}市公安局", "{place}公安"),
            ],
            "projects": [
                (
                    "{short}政务云网络项目",
                    "全市政务云网络：{n2}个委办局上云，互联网区、政务外网区和涉密区分区隔离。",
                ),
                (
                    "{short}城市运行中心项目",
                    "城市运行中心网络、大屏和数据平台，汇聚{n2}个部门的数据。",
                ),
                ("{short}区县网络延伸项目", "政务网延伸到{n2}个区县，双链路接入，集中管理。"),
            ],
            "units": {
                "exec": "分管副局长",
                "top": "局长",
                "it": "信息中心",
                "ops": "网络运维科",
                "user": "政务服务处",
                "proc": "政府采购办",
            },
            "kit": ["核心交换机", "防火墙", "云网络"],
            "business": [
                "按照省数字政府规划，局里统筹全市{n2}个委办局的信息化。",
                "预算由财政局按年批复，超过限额的项目须公开招标。",
                "省里每季度对各市网上办事可用率排名。",
                "作为平台运营方，局里承担数据安全方面的法定责任。",
            ],
            "landscape": [
                "各委办局各自有机房，其中{n}个的设备超过8年。",
                "政务外网核心为{comp}2017年设备。",
                "互联网区与政务区之间的网闸已满负荷。",
                "没有集中监控，故障靠电话报修。",
            ],
            "needs": [
                "互联网区、政务外网区、涉密区严格隔离",
                "满足等保三级",
                "对各委办局集中监控",
                "按目录要求采用国产产品",
                "迁移期间群众办事不中断",
                "承载{n2}0个点位的视频接入",
            ],
        },
    },
    {
        "slug": "campus",
        "en": {
            "orgs": [
                ("{place} University", "{place} University"),
                ("{place} Institute of Technology", "{place} Tech"),
            ],
            "projects": [
                (
                    "{short} campus network renewal",
                    "Renew the campus network for {n2} buildings and about {n2} thousand users: Wi-Fi 6 everywhere, identity-based access and a new core.",
                ),
                (
                    "{short} research computing network",
                    "High-speed network for the research computing centre: 100G to the cluster, a science DMZ and links to the national research network.",
                ),
                (
                    "{short} smart campus platform",
                    "Campus IoT and operations platform: energy metering, classroom control and security video on one network.",
                ),
            ],
            "units": {
                "exec": "Vice President (IT)",
                "top": "President",
                "it": "Network & Information Centre",
                "ops": "Network Operations",
                "user": "Academic Affairs Office",
                "proc": "Tendering Office",
            },
            "kit": ["campus switches", "Wi-Fi access points", "100G switches"],
            "business": [
                "Public university with about {n2} thousand students and staff on {n} campuses.",
                "The ministry's evaluation counts digital teaching infrastructure.",
                "Research income grew {pct}%; the new computing centre is a condition of two large grants.",
                "Student complaints about Wi-Fi reached the president's office last term.",
            ],
            "landscape": [
                "Core switches from 2015; Wi-Fi 5 in teaching buildings only; dormitories are on a carrier's network.",
                "{comp} kit in the older buildings, ours in the library and the new labs.",
                "Authentication runs on an old portal that fails at peak times.",
                "The network team of {n} runs everything on a monitoring tool students built.",
            ],
            "needs": [
                "Wi-Fi in dormitories and outdoor areas",
                "Identity-based access for students, staff and guests",
                "100G to the research cluster",
                "Works done in the summer vacation",
                "IPv6 everywhere per the ministry plan",
                "Self-service onboarding for new students each September",
            ],
        },
        "zh": {
            "orgs": [("{place}大学", "{place}大学"), ("{place}理工学院", "{place}理工")],
            "projects": [
                (
                    "{short}校园网改造项目",
                    "{n2}栋楼、约{n2}万用户的校园网改造：Wi-Fi 6全覆盖、基于身份的准入、新建核心。",
                ),
                (
                    "{short}科研计算网络项目",
                    "科研计算中心高速网络：集群100G接入、科研DMZ、连接国家科研网。",
                ),
                (
                    "{short}智慧校园平台项目",
                    "校园物联网和运维平台：能耗计量、教室控制和安防视频统一承载。",
                ),
            ],
            "units": {
                "exec": "分管信息化的副校长",
                "top": "校长",
                "it": "网络与信息中心",
                "ops": "网络运维组",
                "user": "教务处",
                "proc": "招标办",
            },
            "kit": ["园区交换机", "无线AP", "100G交换机"],
            "business": [
                "公办高校，师生约{n2}万人，{n}个校区。",
                "教育部评估把数字化教学基础设施纳入考核。",
                "科研经费增长{pct}%，新计算中心是两项重大课题的前提条件。",
                "上学期学生对无线网络的投诉反映到了校长办公室。",
            ],
            "landscape": [
                "核心交换机为2015年设备；教学楼为Wi-Fi 5，宿舍由运营商覆盖。",
                "老楼为{comp}设备，图书馆和新实验楼为我方设备。",
                "认证系统是老旧门户，高峰期经常失效。",
                "网络组{n}个人，用学生自己开发的监控工具运维。",
            ],
            "needs": [
                "宿舍和室外无线覆盖",
                "学生、教职工、访客按身份准入",
                "科研集群100G接入",
                "暑假期间完成施工",
                "按教育部规划全面支持IPv6",
                "每年九月新生自助入网",
            ],
        },
    },
    {
        "slug": "factory",
        "en": {
            "orgs": [
                ("{place} Automotive Works", "{place} Automotive"),
                ("{place} Steel Group", "{place} Steel"),
                ("{place} Pharmaceutical", "{place} Pharma"),
            ],
            "projects": [
                (
                    "{short} smart factory network",
                    "Industrial network for {n} production lines: deterministic links to the PLCs, private 5G for AGVs and an OT security zone.",
                ),
                (
                    "{short} plant data centre",
                    "Edge data centre at the plant for MES, quality vision and historian data, with a twin at headquarters.",
                ),
                (
                    "{short} OT security programme",
                    "Segmentation and monitoring of the OT network across {n} plants, with an OT security operations centre.",
                ),
            ],
            "units": {
                "exec": "CIO",
                "top": "Chairman",
                "it": "Digital Department",
                "ops": "Plant Engineering",
                "user": "Production Department",
                "proc": "Purchasing Department",
            },
            "kit": ["industrial switches", "edge servers", "OT firewalls"],
            "business": [
                "Output grew {pct}% last year; the group wants a lighthouse factory by {y1}.",
                "Export customers now audit OT security before awarding contracts.",
                "A labour shortage pushes automation: {n2}0 AGVs are planned for the new hall.",
                "Energy cost per unit is the plant manager's main KPI this year.",
            ],
            "landscape": [
                "Each line has its own flat network; the PLCs come from {n} vendors.",
                "Office IT and OT meet at one firewall whose rules nobody reviews.",
                "{comp} switches in the assembly hall; ours in the office buildings.",
                "MES and the historian run on servers under the production office desks.",
            ],
            "needs": [
                "Under 10 ms latency to the PLCs with no loss on failover",
                "Private 5G for the AGVs",
                "An OT security zone with monitoring",
                "Works only during the annual shutdown",
                "Data from every line into the MES in real time",
                "Vendor-independent network management",
            ],
        },
        "zh": {
            "orgs": [
                ("{place}汽车制造有限公司", "{place}汽车"),
                ("{place}钢铁集团", "{place}钢铁"),
                ("{place}制药股份有限公司", "{place}制药"),
            ],
            "projects": [
                (
                    "{short}智能工厂网络项目",
                    "{n}条产线工业网络：PLC确定性链路、AGV用5G专网、OT安全区。",
                ),
                (
                    "{short}厂区边缘数据中心项目",
                    "厂区边缘数据中心，承载MES、质检视觉和实时数据库，总部建设孪生站点。",
                ),
                ("{short}工控安全项目", "{n}个工厂OT网络分区和监测，建设工控安全运营中心。"),
            ],
            "units": {
                "exec": "首席信息官",
                "top": "董事长",
                "it": "数字化部",
                "ops": "设备工程部",
                "user": "生产部",
                "proc": "采购部",
            },
            "kit": ["工业交换机", "边缘服务器", "工控防火墙"],
            "business": [
                "去年产量增长{pct}%，集团要求{y1}年前建成灯塔工厂。",
                "出口客户在下订单前要审核工控安全。",
                "用工短缺推动自动化，新车间计划投用{n2}0台AGV。",
                "今年厂长的首要考核指标是单位能耗。",
            ],
            "landscape": [
                "每条产线各自一张扁平网络，PLC来自{n}家厂商。",
                "办公网和生产网只隔一台防火墙，规则无人审核。",
                "总装车间为{comp}交换机，办公楼为我方设备。",
                "MES和实时数据库服务器放在生产办公室桌下。",
            ],
            "needs": [
                "PLC时延小于10毫秒，切换不丢包",
                "AGV使用5G专网",
                "建设带监测的OT安全区",
                "只能在年度停产检修期间施工",
                "各产线数据实时进入MES",
                "不依赖单一厂商的网络管理",
            ],
        },
    },
]

# Per-language phrase lists. Keys are the same in both languages.
TEXT: dict[str, dict[str, Any]] = {
    "en": {
        "team_roles": [
            "presales",
            "delivery",
            "channel manager",
            "solution architect",
            "service manager",
            "bid manager",
        ],
        "director": [
            "sales director",
            "regional sales director",
            "VP sales",
            "head of key accounts",
        ],
        "pdp": [
            (
                "Tiger/Dominant",
                [
                    "Decisive and results-driven; expects the short version first.",
                    "Territorial about decisions in {his} own area; responds to respect for that authority.",
                    "Impatient with sales talk; wants options and a recommendation, not a pitch.",
                ],
            ),
            (
                "Peacock/Expressive",
                [
                    "Talks freely and likes to be seen as an innovator.",
                    "Promises more than {he} follows through; confirm everything in writing.",
                    "Enjoys a stage: invite {him} to speak at our user conference.",
                ],
            ),
            (
                "Koala/Amiable",
                [
                    "Patient and loyal; avoids conflict in meetings.",
                    "Wants to be valued: credit {him} by name when {his} input shapes our proposal.",
                    "Needs time and reassurance before committing; do not push.",
                ],
            ),
            (
                "Owl/Analytical",
                [
                    "Reads every datasheet; wants numbers, reference data and written risk plans.",
                    "Dislikes being rushed or flattered; bring test results, not a dinner invitation.",
                    "Careful and conservative; fears operational risk above all.",
                ],
            ),
            (
                "Chameleon/Conformist",
                [
                    "Plays strictly by the rules and values audit compliance.",
                    "Adapts to whoever holds power in the room; read {his} signals in private.",
                    "Hard to pin down on anything specific; check every position with a second source.",
                ],
            ),
        ],
        "pdp_form": "{type} (PDP). {text}",
        "pdp_source": [
            "Confirmed by {partner} and by {coach}.",
            "From one short meeting only; to be confirmed.",
            "Former engineer who came up through operations.",
            "Twenty years in the organisation and knows everyone.",
            "Recently promoted and still building authority.",
            "Joined in 2023 from a larger organisation in the same sector.",
        ],
        "circle": [
            "Close to {top_name} (they worked together at headquarters).",
            "Protected by {dm}; competes with {other} over who owns the design.",
            "{dm}'s right hand; on good terms with {other}.",
            "Keeps {other} at arm's length since the 2024 reorganisation.",
            "Reports to the {top}; not seen in any technical circle.",
            "Has {his} own circle of engineers {he} hired; sits in the expert pool for evaluations.",
            "Long-time staff; respected in operations; tension with {other} over scope.",
            "Newer to the organisation; not in {dm}'s inner circle.",
            "Friendly with {other}; they share the programme steering group.",
        ],
        "ties": [
            "University classmate of {rep}, {comp}'s account manager; they play golf most months.",
            "{comp} hosted {his} team at its R&D centre last year. Confirmed separately by {partner} and by {coach}.",
            "Worked at {comp} for five years before joining the customer.",
            "{His} brother-in-law works for {comp}'s local distributor (heard from {partner}; not confirmed).",
            "Old colleague of {rep} from a previous employer; they meet for tea regularly.",
        ],
        "personal": {
            "exec": [
                "Wants a seat on the group's digital task force; needs a clean project on {his} record",
                "{His} contract renewal in {y1} depends on the digital programme",
                "Wants the project to be the showcase in the year-end ranking",
            ],
            "head": [
                "Wants {his} department credited for the design rather than the office of the {exec}",
                "Aims for promotion when the current deputy head retires",
                "Wants the project as evidence for {his} professional title review",
            ],
            "staff": [
                "Promotion to deputy head of {user} (decided in March)",
                "Wants to lead the roll-out on the customer side",
                "Wants training and certification on the new platform",
            ],
            "proc": [
                "A tender without complaints or audit findings",
                "Wants to close the annual procurement plan on time",
            ],
            "gate": ["Wants to be seen as helpful without favouring any vendor"],
            "finance": ["Keep capital spending within the approved envelope"],
        },
        "immediate": [
            "No further outage before the audit in Q1",
            "The spec draft is due by the end of the month",
            "Two outages sit on {his} scorecard",
            "Stop the night call-outs caused by equipment faults",
            "The annual procurement plan must close by year end",
            "Next year's budget is decided in January",
            "The new building opens in spring and needs a network",
            "The board asks for a progress report next month",
        ],
        "certain": {
            "exec": ["Signs the investment decision", "Chairs the investment committee"],
            "spec": [
                "Writes the technical specification",
                "Must defend the spec before the investment committee",
            ],
            "head": [
                "Sits on the evaluation committee",
                "Signs off acceptance for {his} department",
                "Will own the budget line for running the new system",
            ],
            "staff": ["Will run the cutover", "Will operate the network after handover"],
            "proc": ["Runs the tender and the price scoring"],
            "gate": ["Controls the calendar of the {exec}"],
            "finance": ["Approves the payment terms"],
        },
        "interests": [
            "Marathon runner",
            "Golf",
            "Collects aged Pu'er tea",
            "Landscape photography",
            "Football (season ticket)",
            "Sailing",
            "Chess",
            "Calligraphy",
            "Badminton every week",
            "Fishing",
            "Hiking with the family",
            "Cycling",
            "Jazz records",
            "Gardening",
            "Daughter applying to UK universities",
            "Son starts middle school next September",
            "Triathlon",
            "Plays the piano",
            "Bird-watching",
        ],
        "notes": [
            "Has declined a one-to-one meeting since {month_past}.",
            "Asked for our {doc} in writing so {he} can take it to {dm}.",
            "In the meeting on {date} {he} asked detailed questions about {topic}.",
            "Argued for our approach in the internal meeting on {date}, but {his} voice does not reach the investment committee.",
            "Met once, briefly, at the supplier briefing on {date}.",
            "Got us the slot with {dm} at two days' notice.",
            'Said "{saying}" when we last met.',
            "Cancelled the meeting on {date} at short notice; no new date yet.",
            "Visited our reference site at {ref} in {month_past} and asked for the outage statistics.",
        ],
        "sayings": [
            "two vendors is healthy",
            "the price must stand up to an audit",
            "just bring good equipment and service",
            "the technical team decides",
            "show me it running somewhere else first",
            "one vendor end to end is simpler",
        ],
        "docs": [
            "cutover method",
            "reference data",
            "risk matrix",
            "operations plan",
            "training plan",
        ],
        "topics": [
            "migration risk",
            "spare parts",
            "licence costs",
            "the support model",
            "energy consumption",
            "security zoning",
        ],
        "partner_roles": ["integrator", "integrator", "integrator", "channel", "distributor"],
        "partner_background": [
            "Provincial integrator with {n2}0 staff. Holds the customer's O&M contract until {y2} and delivered our {kit} roll-out in 2023.",
            "Out-of-province integrator that opened a local office in 2025. Delivered two {comp} projects in neighbouring provinces.",
            "Local IT integrator with {n2}0 staff; installed the office network on our kit in 2021. Little experience in this domain.",
            "National integrator with a strong public-sector practice and {n} references in the region.",
            "Specialist integrator for this sector with {n} certified engineers on our products.",
        ],
        "partner_extra": [
            "Its general manager knows {dm} from an earlier project.",
            "Holds the maintenance contract of the {ops} until {y2}.",
            "Strong with the {user}; weak with the {it}.",
            "Delivered our {kit} roll-out at {ref} in 2024.",
            "Financially stretched after a delayed payment on another project.",
        ],
        "partner_ties": [
            "Resold {comp} access switches until 2022; no current {comp} contract",
            "{comp} platinum partner and {comp}'s usual bidding vehicle in the region",
            "None known",
            "Also holds a {comp} authorisation; promised in writing to bid only with us",
            "Its deputy general manager worked at {comp} until 2019",
        ],
        "informant_guess": "{it} engineers (suspected)",
        "products": [
            "{series}-{num} {kit} (installed base), software release {rel}",
            "{series} {kit} and management software",
            "{series}-{num} series {kit}",
        ],
        "comp_strengths": [
            "Incumbent; operations staff are trained on it",
            "{other} is a close personal ally",
            "Aggressive pricing on the framework list",
            "Two references in the region",
            "Lowest price in the market",
            "Strong local service team",
            "Full product line from one vendor",
            "Good relationship with procurement",
        ],
        "comp_weaknesses": [
            "Line-card outages this year",
            "Spare parts ship next day from a central depot",
            "Newer features only in pilots in this country",
            "No installed base in the province",
            "Slow response to the last outage",
            "Higher price",
            "Weak local support",
            "Domestic-content share below the requirement",
        ],
        "satisfaction": [
            "Operations unhappy (outages, slow RMA); planning satisfied",
            "No installed base here",
            "Satisfied overall; IT less so",
            "Mixed: good product, poor service",
            "{user} satisfied; {it} neutral",
        ],
        "rep_styles": [
            "Relationship seller; golf, group dinners, factory visits",
            "Price-led",
            "Quiet relationship seller; meets people one by one and accompanies every site visit",
            "Technical seller; brings engineers to every meeting",
            "Aggressive; goes over the heads of the technical team",
        ],
        "rep_relationship": [
            "Strong with {other}, cordial with {dm}, weak with operations",
            "Weak; one meeting with procurement",
            "Close to {other}; accompanies every site visit",
            "Good with the {it}; none with {top_name}",
        ],
        "dynamics": {
            "customer": [
                (
                    '{person} told {partner} the spec will require "field-proven interoperability with the installed base"',
                    "negative",
                ),
                (
                    "In the {user} meeting {coach} presented our {doc}; {person} asked for it in writing",
                    "positive",
                ),
                ("Budget for the project confirmed in next year's plan", "positive"),
                (
                    "Tender timetable moved back by {n} weeks; the investment committee meets later",
                    "neutral",
                ),
                (
                    "{dm} asked for a second reference site before the investment committee",
                    "neutral",
                ),
                (
                    "Tender published; the technical specification keeps the requirement for {need}",
                    "positive",
                ),
                ("{person} moved to another department; the successor is not yet named", "neutral"),
                ("The {proc} asked all bidders for a budgetary quote by {fdate}", "neutral"),
            ],
            "competitor": [
                ("{comp} took {dm} and {person} to its reference site for two days", "negative"),
                ("{comp} offered a free proof of concept on one site", "negative"),
                ("{comp}'s account manager {rep} was replaced by a new rep", "positive"),
                (
                    "{comp2} registered as a bidder; its rumoured price is well below ours",
                    "negative",
                ),
                (
                    "{comp} had a major outage at a neighbouring customer; the local press reported it",
                    "positive",
                ),
            ],
            "channel": [
                ("{partner2} registered as a supplier with the {proc}", "negative"),
                (
                    "{partner} agreed to bid only with us and signed the teaming agreement",
                    "positive",
                ),
                ("{partner}'s general manager met {dm} at the industry forum", "positive"),
                ("{partner} asked for a higher margin before committing resources", "negative"),
            ],
            "us": [
                ("Executive visit by our VP to {dm}", "positive"),
                (
                    "Group dinner for {n} members of the project team after the technical exchange",
                    "neutral",
                ),
                ("Technical exchange on {topic} for the {it}", "positive"),
                ("Proof of concept completed on one site; all test cases passed", "positive"),
                (
                    "Our presales lead on the deal left the company; handed over to {presales}",
                    "negative",
                ),
            ],
        },
        "reversals": [
            (
                'After {comp}\'s reference trip, {dm} told {partner} "one vendor end to end is simpler to operate", reversing {dm_his} earlier support for a two-vendor design.',
                "customer",
                "negative",
            ),
            (
                "The {proc} raised the price weight from 30 to 40 points, reversing the technical-first direction agreed in {month_past}.",
                "customer",
                "negative",
            ),
            (
                "{person} moved from critical to supportive after the proof of concept and now argues for our design in internal meetings.",
                "customer",
                "positive",
            ),
            (
                "{partner} switched to bidding {comp}'s kit after a better margin offer.",
                "channel",
                "negative",
            ),
            (
                "{comp} withdrew from the bid after failing the domestic-content requirement.",
                "competitor",
                "positive",
            ),
            (
                "{dm} cancelled the planned single-source award and ordered an open tender.",
                "customer",
                "neutral",
            ),
        ],
        "actions": [
            (
                "Send {person} the written {doc} with the reference data",
                "{person} forwards it to {dm}",
            ),
            (
                "Invite {dm} (with {coach}) to the {ref} reference site",
                "{dm} confirms dates through {gate}",
            ),
            (
                "Find a channel to {proc_name} and learn {proc_his} view of us",
                "One-to-one meeting held and attitude recorded",
            ),
            ("Executive visit by our VP to {dm}", "Visit held before the spec draft goes out"),
            ("Technical exchange on {topic} for the {it} team", "Engineers from the {it} attend"),
            (
                "Sign the teaming and confidentiality agreement with {partner}",
                "Agreement signed and stamped",
            ),
            (
                "Write the competition analysis for {comp} and {comp2}",
                "Reviewed in the next deal review",
            ),
            ("Proof of concept on one site", "Customer signs the test report"),
            ("Confirm the budget figure with {proc_name}", "Budget confirmed in writing"),
            ("Debrief with {coach} on the evaluation rules", "Scoring weights known"),
            ("Draft the delivery plan with {partner}", "Plan agreed with {person}"),
            (
                "Needs workshop with {user}; read the needs list back",
                "Needs list confirmed by {person}",
            ),
            ("One-to-one lunch with {person}", "{person_his} view of {comp} recorded"),
        ],
        "strengths": [
            "Our {kit} have run {n} years at {n2} sites with no P1 incident",
            "The {user} team wants to leave {comp}",
            "{partner} holds the O&M contract and is on site daily",
            "{coach} briefs us every week",
            "Best technical score in the last evaluation round",
            "Lower total cost over five years",
            "Local spares depot and 4-hour response",
            "{dm} values our reference at {ref}",
        ],
        "weaknesses": [
            "No high-influence person speaks for us",
            "No relationship with procurement or finance",
            "Our reference ({ref}) is smaller and in another province",
            "Price above {comp2}",
            "{partner} has little standing with {dm}",
            "Thin presales coverage until {month}",
        ],
        "opportunities": [
            "An audit after this year's outages puts reliability at the top of the agenda",
            "Phase 2 ({phase2}) follows the first-phase vendor",
            "{comp}'s support contract ends next year",
            "New regulation favours our approach to {need}",
            "{n} similar projects in the region follow this one",
        ],
        "problems": [
            "{tech} writes the spec and is close to {comp}",
            "{dm} now leans to a single-vendor design",
            "The price weight may be raised",
            "The budget is not confirmed",
            "{comp2} is pricing to buy the reference",
        ],
        "ucv": [
            "Hitless migration from the installed {comp} base (proven at {ref}, zero customer-visible outage) plus a 4-hour spares depot run by {partner}.",
            "The only {kit} in the region with a working reference for {need}, and a 7x24 on-site team with {partner}.",
            "One platform for the {it} and the {user} at a lower five-year cost, with {ref} as a reference the customer can visit.",
        ],
        "relationship": [
            "Make {dm} our advocate on reliability: take {dm_him} to {ref} with {coach}, then an executive visit before the investment committee.",
            "Do not fight {tech} head-on: offer the {it} co-authorship of a joint white paper so {tech_his} team gets the credit.",
            "Meet {proc_name} one to one through {partner}; no group dinners.",
            "Keep {coach} out of sight of {tech}; credit {coach_him} by name where {coach_his} input shapes the proposal.",
            "Invite {person} to speak at our user conference in {month}.",
        ],
        "product": [
            "Lead with the {doc} and the 4-hour spares commitment.",
            "Propose a two-vendor design with standard interoperability so that single-vendor simplicity stops mattering.",
            "Offer a {n}-month paid proof of concept on one site.",
            "Price options separately so that the base bid stays low.",
            "Make {need} the centre of the technical story.",
        ],
        "commercial": [
            "Price close to the framework list; value items (spares, extended warranty, training) are bundled rather than discounted.",
            "Hold the phase-2 pricing commitment as the trade-off for technical weight in the spec.",
            "Quote {quote}; concede only to the target, and only in exchange for better payment terms.",
            "Only {director} knows the final figure; {partner} sees the quote, never the target.",
            "Undercut {comp} by a few percent to win the price points while keeping the margin on services.",
        ],
        "qual_notes": [
            "Displacing the incumbent here opens phase 2 ({phase2}) and gives us the reference we need for the neighbouring region.",
            "Difficulty is {difficulty}: {comp} is incumbent and has {tech} on its side.",
            "Speed is {speed}: the tender is expected in {month}.",
            "Significant for our sector plan: the first {kit} win at a customer of this size.",
        ],
        "org": [
            "{top} {top_name}. {dm_title} {dm} reports to {top_name_him} and owns the capital budget.",
            "The {it} ({tech}) writes the technical specification.",
            "The {user} team works under the {ops} ({staff}).",
            "The {proc} ({proc_name}) runs tenders and reports to the CFO.",
            "Spend above {threshold} needs the investment committee ({top}, {exec}, CFO).",
        ],
        "contacts": [
            "{partner} (on site daily); {coach} directly; the office of the {exec} through {gate}.",
            "A monthly vendor technical-exchange slot (first Thursday).",
            "Industry forum every spring, where {dm} usually speaks.",
        ],
        "dept_user": "{user} ({staff})",
        "dept_proc": "{proc} ({proc_name})",
        "dept_support": "{it} ({tech}) writes the spec and scores the technical part",
        "phase": "Phase 1 ({y1}) is the first build; phase 2 ({y2}, about {phase2}) extends it to the rest of the organisation.",
        "timeline": [
            "Spec draft: {d1}.",
            "Investment committee: {d2}.",
            "Tender published around {d3}; award in {d4}.",
            "Delivery: {d5} to {d6}.",
        ],
        "process": [
            "Open tender, scored {t} technical / {p} price / {s} service. Panel of {k}: {b} from the customer and {e} drawn from the expert pool. Vendors must bid through a qualified integrator.",
            "Competitive negotiation with three invited vendors; the {proc} runs it and the {exec} approves the award.",
            "Call-off under the group's central framework; framework vendors compete on technical score, prices are fixed by the framework list.",
        ],
        "channels": [
            "{partner} bids with us. {partner2} registered as a supplier and is expected to bid {comp}'s kit.",
            "{partner} with us; {comp} bids direct through its own services arm.",
            "{partner} and {partner2} both hold our authorisation; we must choose one before the tender.",
        ],
        "subjects": {
            "customer-background": "the customer's business, organisation and IT landscape",
            "competitor-intel": "each competitor's products, strengths and sales rep",
            "project-facts": "budget, timetable and procurement process",
            "decision-chain-mapped": "the decision chain and who signs",
            "channels-known": "the channels and integrators taking part",
            "needs-confirmed": "the needs list read back to the customer",
            "opportunity-rated": "the rating on size, significance, difficulty and speed",
            "resources-assigned": "the go decision and presales resources",
            "decision-chain-profiled": "PDP profiles of the decision chain",
            "acceptance-known": "each member's attitude to us",
            "integrator-attitudes-known": "attitudes to the integrators",
            "competitor-relationships-known": "the competitors' relationships inside the customer",
            "coach-developed": "a coach at middle level",
            "pr-strategy-aligned": "the link between the PR plan and earlier promotion",
            "pr-plan-feasible": "the relationship plan and its timing",
            "key-customer-guiding": "guidance from a key customer person",
            "decision-maker-stance": "the decision maker's stance",
            "integrator-influence": "the integrator's background and influence",
            "integrator-competitor-ties": "the integrator's ties to competitors",
            "integrator-informants": "the integrator's informants",
            "integrator-strategy-aligned": "the integrator's PR plan",
            "decision-maker-on-integrator": "the decision maker's view of the integrator",
            "solution-confirmed": "customer sign-off on the solution",
            "tender-spec-favorable": "our strengths in the tender spec",
            "competition-analysed": "the written competition analysis",
            "differentiation-strategy": "the differentiation strategy",
            "partner-confirmed-solution": "the partner's sign-off on the solution",
            "competitor-inside-source": "an inside source on the competitors",
            "evaluation-rules-shaped": "the evaluation rules",
            "evaluation-committee-known": "the evaluation committee",
            "advocate-in-chain": "an advocate in the decision chain",
            "chain-obstacles-planned": "the plan around the hard points in the chain",
            "commercial-expectations-known": "the customer's commercial expectations",
            "commercial-strategy-set": "the commercial strategy and quote",
            "floor-and-target-set": "floor and target price",
            "closing-plan": "the closing plan",
            "delivery-plan": "the delivery plan",
            "acceptance-criteria-agreed": "the acceptance criteria",
            "payment-schedule": "the payment schedule and its milestones",
            "reference-value": "the customer's agreement to act as a reference",
        },
        "evidence": {
            "yes": [
                "{subject} confirmed with {person} on {date}",
                "{subject} known and cross-checked with {partner}",
                "Done: {subject}, confirmed through two channels",
                "{subject} written up in the review of {date}",
            ],
            "partial": [
                "{subject}: partly known; {person} to confirm",
                "Only part of {subject} known; the rest depends on {partner}",
                "{subject} heard from one source only ({person})",
            ],
            "no": [
                "{subject} not yet in place",
                "No progress on {subject} since {date}",
                "Nobody has asked {person} about {subject}",
            ],
            "unknown": ["Not checked yet: {subject}", "Unclear; waiting for {person}"],
        },
        "outcome": {
            "won": {
                "reasons": [
                    "{person} spoke up for us in the evaluation committee",
                    "The reference visit to {ref} convinced {dm}",
                    "Technical score well ahead; price within 3% of the lowest bid",
                    "{partner} kept the operations team on our side",
                    "{comp} failed the domestic-content requirement",
                ],
                "lessons": [
                    "Start the reference visit early; it decided the technical vote",
                    "Keep one owner for the final price",
                    "Brief the coach before every committee meeting",
                    "Put the delivery team in front of the customer before the bid",
                ],
            },
            "lost": {
                "reasons": [
                    "{dm} picked the safe option, the incumbent",
                    "{comp}'s rep had a personal tie to {person} that we found too late",
                    "Nobody from our side accompanied the site inspection",
                    "Group entertaining won nobody; no one in the committee spoke for us",
                    "We relied on price and ignored {comp}",
                    "The price weight was raised late and we did not adjust the bid",
                ],
                "lessons": [
                    "Check every decision-chain member's ties to competitors through more than one channel",
                    "Meet people one by one; do not count group dinners as relationship work",
                    "Always accompany site inspections, and brief the reference customer beforehand",
                    "Track the competitor's rep and relationships as closely as our own",
                    "Explain our own product problems first, with the fix and a good reference",
                ],
            },
            "dropped": {
                "reasons": [
                    "Budget moved to a later year and the project was cancelled",
                    "The customer extended the incumbent's support contract instead",
                    "Win probability too low for the presales effort (decided in the review of {date})",
                    "The project was merged into a group-wide framework we are not on",
                ],
                "lessons": [
                    "Qualify the budget source before committing presales",
                    "Check whether the project depends on a group decision",
                    "Drop early, and tell the customer politely",
                ],
            },
        },
        "winner_us": "Us, with {partner}",
        "winner_none": "No award",
        "header": [
            "{customer}: {summary_short}",
            "Stage: {stage}. {why}",
        ],
        "why": {
            "open": [
                "Reviewed because {dm} has changed position.",
                "Regular review before the next customer meeting.",
                "Pre-bid review: quote, negotiation plan and floor.",
                "Reviewed because two actions slipped.",
            ],
            "won": ["WON. This file is the win review."],
            "lost": ["LOST to {comp}. This file is the lost-deal review."],
            "dropped": ["DROPPED. Kept for the record and the lessons."],
        },
        "titles": {
            "exec": ["{exec}"],
            "head_it": ["Head of {it}", "Director, {it}"],
            "head_ops": ["Director, {ops}", "Head of {ops}"],
            "staff": ["Senior Engineer, {user}", "Deputy Head, {user}", "Team Lead, {ops}"],
            "proc": ["Manager, {proc}", "Head of {proc}"],
            "gate": ["Assistant to the {exec}", "Office Manager, office of the {exec}"],
            "finance": ["Finance Director", "Chief Financial Officer"],
            "user_head": ["Head of {user}", "Director, {user}"],
            "consultant": ["External consultant (evaluation panel)", "Chief Engineer"],
        },
        "months": words(
            "January February March April May June July August September October November December"
        ),
    },
    "zh": {
        "team_roles": ["售前", "交付", "渠道经理", "解决方案架构师", "服务经理", "投标经理"],
        "director": ["销售总监", "区域销售总监", "销售副总裁", "大客户部总经理"],
        "pdp": [
            (
                "老虎型（支配型）",
                [
                    "重结果、做决定快，开会不超过半小时。",
                    "对自己分管领域的决定很在意，尊重其权威才谈得下去。",
                    "不喜欢听销售话术，要的是方案选项和明确建议。",
                ],
            ),
            (
                "孔雀型（表达型）",
                [
                    "愿意公开表态，喜欢被看作创新者。",
                    "答应的多、落实的少，所有承诺都要书面确认。",
                    "喜欢在技术峰会上发言，可邀请在我方年度大会做主题演讲。",
                ],
            ),
            (
                "考拉型（耐心型）",
                [
                    "耐心、忠诚，开会时回避冲突。",
                    "希望被重视，每次交流要让其在领导面前有功劳。",
                    "做决定前需要时间和反复确认，不能催。",
                ],
            ),
            (
                "猫头鹰型（分析型）",
                [
                    "技术细节看得很细，要数据、案例和书面风险预案。",
                    "不喜欢被催促或奉承，带测试报告去，不要带饭局邀请。",
                    "谨慎、保守，最怕运维风险。",
                ],
            ),
            (
                "变色龙型（整合型）",
                [
                    "严格按程序办事，重视审计合规。",
                    "随场合和领导态度调整立场，私下沟通才能看出真实想法。",
                    "很难让其具体表态，每个说法都要从第二个渠道核实。",
                ],
            ),
        ],
        "pdp_form": "PDP{type}。{text}",
        "pdp_source": [
            "经{partner}和{coach}两个渠道确认。",
            "只见过一次，有待确认。",
            "工程师出身，从运维一线提拔上来。",
            "在单位工作二十年，人头熟。",
            "刚提拔不久，还在树立威信。",
            "2023年从同行业大单位调入。",
        ],
        "circle": [
            "与{top_name}关系密切（曾在总部共事）。",
            "受{dm}器重；与{other}在方案主导权上有竞争。",
            "{dm}的得力助手；与{other}关系好。",
            "2024年机构调整后与{other}保持距离。",
            "向{top}汇报；不在技术圈子里。",
            "有自己提拔的几名工程师；在评标专家库内，人脉广。",
            "老员工，在运维口威信高；与{other}在建设范围上有分歧。",
            "来单位时间不长，不在{dm}的核心圈子里。",
            "与{other}私交较好，同在项目领导小组。",
        ],
        "ties": [
            "与{comp}客户经理{rep}是大学同学，经常一起打球。",
            "{comp}去年组织其团队到研发中心考察，{partner}和{coach}分别证实。",
            "加入客户单位前在{comp}工作过五年。",
            "据{partner}说其亲属在{comp}的本地代理商工作，尚未核实。",
            "与{rep}是前单位同事，经常一起喝茶。",
        ],
        "personal": {
            "exec": [
                "希望进入集团数字化专项工作组，需要一个干净的项目业绩",
                "{y1}年任期考核与数字化项目挂钩",
                "希望项目成为年底对标考核的亮点",
            ],
            "head": [
                "希望方案设计的功劳记在本部门，而不是{exec}办公室",
                "现任副主任退休后争取提拔",
                "希望以此项目作为职称评审业绩",
            ],
            "staff": [
                "明年三月竞聘{user}副主任",
                "希望牵头客户方的实施工作",
                "希望获得新平台的培训和认证",
            ],
            "proc": ["项目采购零投诉、零审计问题", "年底前完成年度采购计划"],
            "gate": ["既要帮忙又不能被看作偏向某家厂商"],
            "finance": ["投资控制在批复概算以内"],
        },
        "immediate": [
            "一季度审计前不能再出故障",
            "技术规范初稿月底前要交",
            "今年两次故障记在其考核上",
            "设备故障导致的夜间抢修必须减少",
            "年度采购计划年底前必须完成",
            "明年预算一月份定",
            "新楼春季投用，网络必须同步到位",
            "董事会下月要听进展汇报",
        ],
        "certain": {
            "exec": ["投资决策由其签字", "投资决策委员会主任"],
            "spec": ["负责编写招标技术规范", "要在投资决策会上为技术规范答辩"],
            "head": [
                "评标委员会业主代表之一",
                "负责本部门的验收签字",
                "项目上线后运维预算归其管理",
            ],
            "staff": ["负责割接的具体执行", "项目交付后负责网络运维"],
            "proc": ["组织招标并负责价格评分"],
            "gate": ["掌握{exec}的日程"],
            "finance": ["付款条件由其审批"],
        },
        "interests": [
            "长跑",
            "高尔夫",
            "收藏普洱茶",
            "风光摄影",
            "足球",
            "围棋",
            "书法",
            "每周打一次羽毛球",
            "钓鱼",
            "周末带家人爬山",
            "骑行",
            "养花",
            "女儿准备出国读书",
            "儿子明年上初中",
            "游泳",
            "弹钢琴",
            "太极拳",
        ],
        "notes": [
            "{month_past}以来一直婉拒单独见面。",
            "要求我们把{doc}整理成书面材料，以便带给{dm}。",
            "{date}交流时详细询问了{topic}。",
            "{date}内部会上为我方方案说过话，但在投资决策会上说不上话。",
            "只在{date}的供应商说明会上简单见过一面。",
            "提前两天帮我们约到了{dm}。",
            "上次见面时说“{saying}”。",
            "{date}的见面临时取消，尚未约新时间。",
            "{month_past}考察过我方{ref}样板点，要了故障统计数据。",
        ],
        "sayings": [
            "两家厂商并存比较健康",
            "价格要经得起审计",
            "把设备和服务做好就行",
            "技术方案由技术部门说了算",
            "先让我看到别的地方用得好",
            "一家厂商端到端更好运维",
        ],
        "docs": ["割接方案", "案例数据", "风险矩阵", "运维方案", "培训计划"],
        "topics": ["迁移风险", "备品备件", "许可费用", "售后服务模式", "能耗", "安全分区"],
        "partner_roles": ["集成商", "集成商", "集成商", "渠道", "总代理"],
        "partner_background": [
            "省内集成商，员工约{n2}0人，承担客户现网运维至{y2}年，2023年实施过我方{kit}项目。",
            "省外集成商，2025年在本地设立办事处，在邻省做过两个{comp}项目。",
            "本地集成商，员工约{n2}0人，2021年用我方设备建设了客户的办公网，行业经验不足。",
            "全国性集成商，政府和国企业务强，在本地区有{n}个案例。",
            "本行业专业集成商，有{n}名我方产品认证工程师。",
        ],
        "partner_extra": [
            "总经理在以前的项目中与{dm}相识。",
            "承担{ops}的维保合同至{y2}年。",
            "与{user}关系好，与{it}一般。",
            "2024年在{ref}实施过我方{kit}项目。",
            "另一个项目回款延误，资金比较紧张。",
        ],
        "partner_ties": [
            "2022年前代理过{comp}接入交换机，目前没有合同关系",
            "{comp}白金合作伙伴，通常是{comp}在本地区投标的载体",
            "无已知关系",
            "同时持有{comp}的授权，已书面承诺本项目只投我方",
            "副总经理2019年前在{comp}工作",
        ],
        "informant_guess": "{it}工程师（推测）",
        "products": [
            "{series}-{num}系列{kit}（现网设备），软件版本{rel}",
            "{series}系列{kit}及管理软件",
            "{series}-{num}系列{kit}",
        ],
        "comp_strengths": [
            "现网设备，运维人员熟悉",
            "与{other}私人关系密切",
            "集采框架价格低",
            "本地区有两个案例",
            "价格最低",
            "本地服务团队强",
            "产品线齐全，一家厂商端到端",
            "与采购部门关系好",
        ],
        "comp_weaknesses": [
            "今年发生过板卡故障",
            "备件次日从中心库发货",
            "新功能在国内只有试点",
            "本省没有现网设备",
            "上次故障响应慢",
            "价格偏高",
            "本地售后力量弱",
            "国产化率达不到要求",
        ],
        "satisfaction": [
            "运维部门不满（故障多、返修慢）；规划部门满意",
            "本客户没有现网设备",
            "总体满意，信息部门略有意见",
            "评价不一：产品好，服务差",
            "{user}满意；{it}中立",
        ],
        "rep_styles": [
            "关系型，擅长请客和组织考察",
            "低价切入",
            "低调的关系型，一对一拜访，每次考察都陪同",
            "技术型，每次都带工程师",
            "强势，经常越过技术部门找领导",
        ],
        "rep_relationship": [
            "与{other}关系密切，与{dm}一般，与运维口较弱",
            "较弱，只与采购部门见过一次",
            "与{other}很近，每次考察都陪同",
            "与{it}关系好，与{top_name}没有关系",
        ],
        "dynamics": {
            "customer": [
                ("{person}对{partner}说技术规范将要求“与现网设备成熟互通”", "negative"),
                ("{user}内部会上{coach}介绍了我方{doc}，{person}要求提供书面材料", "positive"),
                ("项目预算已列入明年计划", "positive"),
                ("招标时间推迟{n}周，投资决策会延后召开", "neutral"),
                ("{dm}要求在投资决策会前再看一个样板点", "neutral"),
                ("招标公告发布，技术规范保留了“{need}”的要求", "positive"),
                ("{person}调到其他部门，接任人选未定", "neutral"),
                ("{proc}要求各厂商在{fdate}前提交预算报价", "neutral"),
            ],
            "competitor": [
                ("{comp}组织{dm}和{person}到其样板点考察两天", "negative"),
                ("{comp}提出在一个站点免费试点", "negative"),
                ("{comp}客户经理{rep}被调走，换了新人", "positive"),
                ("{comp2}报名投标，传闻报价远低于我方", "negative"),
                ("{comp}在邻近客户发生重大故障，当地媒体做了报道", "positive"),
            ],
            "channel": [
                ("{partner2}在{proc}完成供应商注册", "negative"),
                ("{partner}同意本项目只投我方，签署了合作协议", "positive"),
                ("{partner}总经理在行业论坛上见到了{dm}", "positive"),
                ("{partner}要求提高利润空间才肯投入资源", "negative"),
            ],
            "us": [
                ("我方副总裁高层拜访{dm}", "positive"),
                ("技术交流后宴请项目组{n}人", "neutral"),
                ("为{it}做了{topic}专题技术交流", "positive"),
                ("一个站点试点完成，测试用例全部通过", "positive"),
                ("负责本项目的售前离职，工作交接给{presales}", "negative"),
            ],
        },
        "reversals": [
            (
                "{comp}组织考察之后，{dm}对{partner}说“一家厂商端到端更好运维”，改变了此前支持两家厂商并存的态度。",
                "customer",
                "negative",
            ),
            (
                "{proc}通知价格分由30分提高到40分，改变了{month_past}确定的技术优先方向。",
                "customer",
                "negative",
            ),
            ("试点之后{person}由质疑转为支持，在内部会上为我方方案说话。", "customer", "positive"),
            ("{comp}给出更高利润后，{partner}改投{comp}的设备。", "channel", "negative"),
            ("{comp}因国产化率不达标退出投标。", "competitor", "positive"),
            ("{dm}取消原定的单一来源采购，改为公开招标。", "customer", "neutral"),
        ],
        "actions": [
            ("把书面{doc}和案例数据发给{person}", "{person}转给{dm}"),
            ("邀请{dm}（由{coach}陪同）考察{ref}样板点", "{dm}通过{gate}确认时间"),
            ("找到接触{proc_name}的渠道，了解其对我方的看法", "完成一对一见面并记录态度"),
            ("我方副总裁高层拜访{dm}", "技术规范初稿发出前完成拜访"),
            ("为{it}组织{topic}专题技术交流", "{it}工程师参加"),
            ("与{partner}签订合作和保密协议", "协议签字盖章"),
            ("完成针对{comp}和{comp2}的竞争分析", "在下次分析会上评审"),
            ("在一个站点做试点", "客户签署测试报告"),
            ("向{proc_name}核实预算金额", "预算金额书面确认"),
            ("与{coach}沟通评标办法", "掌握评分权重"),
            ("与{partner}一起起草实施计划", "实施计划经{person}确认"),
            ("与{user}开需求研讨会并复述需求清单", "需求清单经{person}确认"),
            ("单独约{person}吃午饭", "了解其对{comp}的看法"),
        ],
        "strengths": [
            "我方{kit}在{n2}个站点运行{n}年，无重大故障",
            "{user}希望换掉{comp}",
            "{partner}承担现网运维，每天在现场",
            "{coach}每周向我们通报情况",
            "上一轮评估技术分最高",
            "五年总拥有成本更低",
            "本地备件库，4小时响应",
            "{dm}认可我方{ref}案例",
        ],
        "weaknesses": [
            "没有高影响力的人为我方说话",
            "与采购和财务没有关系",
            "我方案例（{ref}）规模较小且在外省",
            "价格高于{comp2}",
            "{partner}在{dm}面前分量不够",
            "{month}前售前人力不足",
        ],
        "opportunities": [
            "今年故障后的审计把可靠性放到了首位",
            "二期（{phase2}）跟随一期厂商",
            "{comp}的维保合同明年到期",
            "新规定有利于我方在“{need}”上的做法",
            "本地区还有{n}个同类项目跟进",
        ],
        "problems": [
            "{tech}负责编写技术规范，且与{comp}关系近",
            "{dm}现在倾向一家厂商端到端",
            "价格分权重可能提高",
            "预算尚未确认",
            "{comp2}为拿样板点可能低价抢单",
        ],
        "ucv": [
            "从现网{comp}设备平滑迁移（{ref}已验证，业务零中断），加上{partner}运营的4小时备件库。",
            "本地区唯一在“{need}”上有成功案例的{kit}，加上与{partner}联合的7×24小时驻场服务。",
            "{it}和{user}共用一个平台，五年成本更低，{ref}样板点可供客户考察。",
        ],
        "relationship": [
            "让{dm}在可靠性上为我方说话：由{coach}陪同考察{ref}，投资决策会前安排高层拜访。",
            "不与{tech}正面冲突：邀请{it}联合编写白皮书，让其团队拿到功劳。",
            "通过{partner}与{proc_name}一对一沟通，不搞集体宴请。",
            "保护好{coach}，不让其与{tech}同场；其意见被采纳时要点名致谢。",
            "邀请{person}在{month}我方用户大会上发言。",
        ],
        "product": [
            "以{doc}和4小时备件承诺为主线。",
            "提出两家厂商标准互通的方案，让“一家更简单”的说法站不住。",
            "提出在一个站点做{n}个月的付费试点。",
            "可选项单列报价，避免拉高总价。",
            "技术主线围绕“{need}”展开。",
        ],
        "commercial": [
            "报价贴近集采框架价；备件、延保、培训等打包提供，不直接降价。",
            "以二期价格承诺换取技术规范中的技术分权重。",
            "报价{quote}；谈判最多让到目标价，并换取更好的付款条件。",
            "最终报价只有{director}一人掌握；{partner}只知道报价，不知道目标价。",
            "比{comp}略低几个百分点拿价格分，利润留在服务上。",
        ],
        "qual_notes": [
            "替换现网厂商可以带来二期（{phase2}），并为相邻地区提供样板。",
            "难度{difficulty}：{comp}是现网厂商，且{tech}站在其一边。",
            "速度{speed}：预计{month}招标。",
            "对行业布局意义大：在这种规模客户中第一次拿下{kit}。",
        ],
        "org": [
            "{top}{top_name}。{dm_title}{dm}向其汇报，负责投资预算。",
            "{it}（{tech}）负责编写技术规范。",
            "{user}归{ops}管理（{staff}）。",
            "{proc}（{proc_name}）组织招标，向总会计师汇报。",
            "{threshold}以上的投资须经投资决策委员会（{top}、{exec}、总会计师）审批。",
        ],
        "contacts": [
            "通过{partner}（每天在现场）；{coach}直接联系；{exec}办公室通过{gate}。",
            "每月一次厂商技术交流（第一个周四）。",
            "每年春季行业论坛，{dm}通常会发言。",
        ],
        "dept_user": "{user}（{staff}）",
        "dept_proc": "{proc}（{proc_name}）",
        "dept_support": "{it}（{tech}）编写技术规范并负责技术评分",
        "phase": "一期（{y1}年）为首期建设；二期（{y2}年，约{phase2}）扩展到全单位。",
        "timeline": [
            "技术规范初稿：{d1}。",
            "投资决策会：{d2}。",
            "招标公告：约{d3}发布；{d4}定标。",
            "实施：{d5}至{d6}。",
        ],
        "process": [
            "公开招标，综合评分法（技术{t}、价格{p}、服务{s}）。评标委员会{k}人：业主代表{b}人，专家库随机抽取{e}人。须以集成商身份投标。",
            "邀请三家厂商竞争性谈判，由{proc}组织，{exec}审批定标。",
            "在集团集采框架内选型，框架内厂商按技术分竞争，价格按框架价执行。",
        ],
        "channels": [
            "我方经{partner}投标；{partner2}已完成供应商注册，预计投{comp}的设备。",
            "我方经{partner}投标；{comp}由自己的服务公司直接投标。",
            "{partner}和{partner2}都有我方授权，招标前必须选定一家。",
        ],
        "subjects": {
            "customer-background": "客户业务、组织架构和IT现状",
            "competitor-intel": "各竞争对手的产品、优劣势和销售代表",
            "project-facts": "预算、时间表和采购流程",
            "decision-chain-mapped": "决策链构成及拍板人",
            "channels-known": "参与的渠道和集成商",
            "needs-confirmed": "向客户复述确认的需求清单",
            "opportunity-rated": "大小、意义、难易、快慢评估",
            "resources-assigned": "跟进决策和售前资源",
            "decision-chain-profiled": "决策链人物PDP类型",
            "acceptance-known": "每个人对我方的态度",
            "integrator-attitudes-known": "对各集成商的态度",
            "competitor-relationships-known": "竞争对手在客户内部的关系",
            "coach-developed": "中基层教练",
            "pr-strategy-aligned": "公关策略与前期推广的衔接",
            "pr-plan-feasible": "公关方案及时间安排",
            "key-customer-guiding": "关键客户的主动指导",
            "decision-maker-stance": "决策人表态",
            "integrator-influence": "集成商背景和影响力",
            "integrator-competitor-ties": "集成商与对手的关系",
            "integrator-informants": "集成商的信息来源",
            "integrator-strategy-aligned": "集成商公关安排",
            "decision-maker-on-integrator": "决策人对集成商的态度",
            "solution-confirmed": "客户对方案的确认",
            "tender-spec-favorable": "标书中体现的我方优势",
            "competition-analysed": "书面竞争分析",
            "differentiation-strategy": "差异化策略",
            "partner-confirmed-solution": "合作伙伴对方案的确认",
            "competitor-inside-source": "对手情报内线",
            "evaluation-rules-shaped": "评标规则",
            "evaluation-committee-known": "评标小组",
            "advocate-in-chain": "决策链中为我方说话的人",
            "chain-obstacles-planned": "决策链难点的应对",
            "commercial-expectations-known": "客户商务期望",
            "commercial-strategy-set": "商务策略和报价",
            "floor-and-target-set": "底线和目标价",
            "closing-plan": "推动拍板方案",
            "delivery-plan": "实施计划",
            "acceptance-criteria-agreed": "验收标准",
            "payment-schedule": "付款计划和节点",
            "reference-value": "客户同意作为样板点",
        },
        "evidence": {
            "yes": [
                "{subject}已于{date}与{person}确认",
                "{subject}已掌握，并经{partner}交叉核实",
                "{subject}已完成，经两个渠道确认",
                "{subject}已写入{date}的分析会纪要",
            ],
            "partial": [
                "{subject}部分掌握，待{person}确认",
                "{subject}只掌握一部分，其余要靠{partner}",
                "{subject}只有{person}一个信息来源",
            ],
            "no": [
                "{subject}尚未落实",
                "{date}以来{subject}没有进展",
                "还没有人向{person}了解{subject}",
            ],
            "unknown": ["尚未核实：{subject}", "情况不明，等{person}回复"],
        },
        "outcome": {
            "won": {
                "reasons": [
                    "{person}在评标委员会上为我方说话",
                    "{ref}样板点考察打动了{dm}",
                    "技术分明显领先，价格与最低价相差不到3%",
                    "{partner}稳住了运维部门",
                    "{comp}国产化率不达标",
                ],
                "lessons": [
                    "样板点考察要尽早安排，它决定了技术评分",
                    "最终报价只由一人掌握",
                    "每次评审会前都要与教练通气",
                    "投标前让交付团队与客户见面",
                ],
            },
            "lost": {
                "reasons": [
                    "{dm}选择了稳妥的现网厂商",
                    "{comp}销售代表与{person}有私人关系，我们发现得太晚",
                    "现场考察我方无人陪同",
                    "集体宴请没有争取到任何人，评标委员会中无人为我方说话",
                    "我们只靠价格，忽视了{comp}",
                    "价格分权重临时提高，我方报价没有调整",
                ],
                "lessons": [
                    "决策链上每个人与对手的关系都要经多个渠道核实",
                    "一对一沟通，集体宴请不算关系工作",
                    "客户考察必须陪同，并提前与样板客户沟通",
                    "像跟踪自己一样跟踪对手销售代表及其关系",
                    "先主动说明我方产品问题、解决办法和成功案例",
                ],
            },
            "dropped": {
                "reasons": [
                    "预算推迟到以后年度，项目取消",
                    "客户改为续签现网厂商的维保合同",
                    "赢单概率太低，不值得投入售前（{date}分析会决定）",
                    "项目并入集团统一框架采购，我方不在框架内",
                ],
                "lessons": [
                    "投入售前前先确认预算来源",
                    "确认项目是否依赖集团决策",
                    "该放弃时尽早放弃，并礼貌告知客户",
                ],
            },
        },
        "winner_us": "我方（经{partner}）",
        "winner_none": "未授标",
        "header": ["{customer}：{summary_short}", "阶段：{stage}。{why}"],
        "why": {
            "open": [
                "{dm}态度变化，召开分析会。",
                "例行分析会，为下次客户拜访做准备。",
                "标前分析会：定报价、谈判策略和底线。",
                "两项行动计划延误，召开分析会。",
            ],
            "won": ["已赢单，本文件为赢单复盘。"],
            "lost": ["输给{comp}，本文件为丢单复盘。"],
            "dropped": ["已放弃，保留记录和教训。"],
        },
        "titles": {
            "exec": ["{exec}"],
            "head_it": ["{it}主任", "{it}负责人"],
            "head_ops": ["{ops}主任", "{ops}负责人"],
            "staff": ["{user}高级工程师", "{user}副主任", "{ops}班组长"],
            "proc": ["{proc}经理", "{proc}负责人"],
            "gate": ["{exec}秘书", "{exec}办公室主任"],
            "finance": ["财务部主任", "总会计师"],
            "user_head": ["{user}主任", "{user}负责人"],
            "consultant": ["外聘专家（评标委员会）", "总工程师"],
        },
        "months": [],
    },
}

SLOT_ROLES = {
    "exec": ["decision-maker"],
    "head_it": ["advisor", "technical"],
    "head_ops": ["user"],
    "staff": ["user", "technical"],
    "proc": ["procurement"],
    "gate": ["gatekeeper"],
    "finance": ["advisor"],
    "user_head": ["user"],
    "consultant": ["advisor", "technical"],
}
SLOT_KIND = {
    "exec": "exec",
    "head_it": "head",
    "head_ops": "head",
    "staff": "staff",
    "proc": "proc",
    "gate": "gate",
    "finance": "finance",
    "user_head": "head",
    "consultant": "head",
}
EXTRA_SLOTS = ("head_ops", "gate", "finance", "user_head", "staff", "consultant", "staff")

EN_CURRENCIES = (
    ("CNY", 30),
    ("USD", 25),
    ("EUR", 20),
    ("GBP", 8),
    ("SGD", 6),
    ("AUD", 6),
    ("CHF", 5),
)

TOKEN = re.compile(r"\{(\w+)\}")
PERSON_KEYS = frozenset({"dm", "tech", "staff", "proc_name", "coach", "gate"})


# ---------------------------------------------------------------------------------------
# One deal.


class Deal:
    def __init__(self, rng: random.Random, index: int) -> None:
        self.rng = rng
        self.index = index
        self.lang = "zh" if rng.random() < 0.3 else "en"
        self.t = TEXT[self.lang]
        self.sector = rng.choice(SECTORS)
        self.s = self.sector[self.lang]
        self.used_names: set[str] = set()
        self.fixed: dict[str, str] = {}
        self.people: list[dict[str, Any]] = []
        self.self_name = ""
        self.pinyin = self.lang == "en" and rng.random() < 0.4

    # -- small helpers -------------------------------------------------------------------

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def pick(self, pool: Any) -> Any:
        return self.rng.choice(pool)

    def sample(self, pool: Any, k: int) -> list[Any]:
        return self.rng.sample(list(pool), min(k, len(pool)))

    def person_name(self) -> tuple[str, str]:
        """A new name for this deal, and a gender for English pronouns."""
        rng = self.rng
        while True:
            if self.lang == "zh":
                name, gender = rng.choice(ZH_LAST) + rng.choice(ZH_FIRST), rng.choice("mf")
            elif self.pinyin:
                last, first = rng.choice(PINYIN_LAST), rng.choice(PINYIN_FIRST)
                if last == first:
                    continue
                name = f"{last} {first}"
                gender = rng.choice("mf")
            else:
                first, gender = rng.choice(EN_FIRST)
                name = f"{first} {rng.choice(EN_LAST)}"
            if name not in self.used_names:
                self.used_names.add(name)
                return name, gender

    def pronouns(self, gender: str) -> dict[str, str]:
        if self.lang == "zh":
            he = "她" if gender == "f" else "他"
            return {"he": he, "him": he, "his": he + "的", "He": he, "His": he + "的", "Him": he}
        if gender == "f":
            return {
                "he": "she",
                "him": "her",
                "his": "her",
                "He": "She",
                "His": "Her",
                "Him": "Her",
            }
        return {"he": "he", "him": "him", "his": "his", "He": "He", "His": "His", "Him": "Him"}

    def day(self, date: dt.date) -> str:
        if self.lang == "zh":
            if date.year == self.review_date.year:
                return f"{date.month}月{date.day}日"
            return f"{date.year}年{date.month}月{date.day}日"
        return date.isoformat()

    def month(self, date: dt.date) -> str:
        if self.lang == "zh":
            return f"{date.year}年{date.month}月"
        return f"{self.t['months'][date.month - 1]} {date.year}"

    def money_text(self, amount: int, currency: str) -> str:
        if self.lang == "zh":
            return (
                f"{amount // 10000}万元" if currency == "CNY" else f"{amount // 10000}万{currency}"
            )
        millions = f"{amount / 1_000_000:.1f}".removesuffix(".0")
        return f"{currency} {millions}M"

    def fill(self, template: str, **local: str) -> str:
        def value(match: re.Match[str]) -> str:
            key = match.group(1)
            if key in local:
                return local[key]
            if key in self.fixed:
                found = self.fixed[key]
                if key in PERSON_KEYS and found == self.self_name:  # nobody refers to themselves
                    return self.fixed["top_name"] if key == "dm" else self.dynamic("person")
                return found
            return self.dynamic(key)

        text = TOKEN.sub(value, template)
        if self.lang == "en":
            text = re.sub(r"(?<=s)'s\b", "'", text)
            if text[:1].islower():
                text = text[0].upper() + text[1:]
        return text

    def dynamic(self, key: str) -> str:
        rng = self.rng
        if key == "person" or key == "other":
            names = [p["name"] for p in self.people if p["name"] != self.self_name]
            return rng.choice(names) if names else self.fixed["dm"]
        anchor = self.outcome_date if self.closed else self.review_date
        if key == "date":
            return self.day(anchor - dt.timedelta(days=rng.randint(3, 70)))
        if key == "fdate":
            return self.day(self.review_date + dt.timedelta(days=rng.randint(5, 40)))
        if key == "month":
            return self.month(self.review_date + dt.timedelta(days=rng.randint(35, 150)))
        if key == "month_past":
            return self.month(anchor - dt.timedelta(days=rng.randint(35, 120)))
        if key == "n":
            return str(rng.randint(2, 9))
        if key == "n2":
            return str(rng.randint(10, 20))
        if key == "pct":
            return str(rng.randint(4, 35))
        if key == "need":
            need = self.fill(rng.choice(self.s["needs"]))
            first = need.split(" ")[0]
            if self.lang == "en" and first.isalpha() and first[1:].islower():
                need = need[0].lower() + need[1:]
            return need
        if key == "topic":
            return rng.choice(self.t["topics"])
        if key == "doc":
            return rng.choice(self.t["docs"])
        if key == "saying":
            return rng.choice(self.t["sayings"])
        if key == "kit":
            return rng.choice(self.s["kit"])
        if key == "place2":
            return rng.choice(ZH_PLACES if self.lang == "zh" else EN_PLACES)
        raise KeyError(key)

    def wrap(self, text: str) -> list[str]:
        if self.lang == "en":
            return textwrap.wrap(text, 90, break_long_words=False, break_on_hyphens=False)
        lines: list[str] = []
        current = ""
        for piece in re.findall(r"[^。；]+[。；]?", text):
            while len(piece) > 46:
                cut = max(piece.rfind("，", 0, 46), piece.rfind("、", 0, 46))
                cut = cut + 1 if cut > 10 else 44
                if current:
                    lines.append(current)
                    current = ""
                lines.append(piece[:cut])
                piece = piece[cut:]
            if current and len(current) + len(piece) > 44:
                lines.append(current)
                current = ""
            current += piece
        if current:
            lines.append(current)
        return [line.strip() for line in lines if line.strip()]

    def para(self, sentences: list[str]) -> str:
        """Sentences as one text: a `|` block when it runs over a line, else a plain value."""
        joined = (" " if self.lang == "en" else "").join(s for s in sentences if s)
        lines = self.wrap(joined)
        return Block("\n".join(lines)) if len(lines) > 1 else joined

    def lines(self, items: list[str]) -> Block:
        """Several lines, each kept on its own line (wrapped if long)."""
        return Block("\n".join(line for item in items for line in self.wrap(item)))

    # -- the deal ------------------------------------------------------------------------

    def build(self) -> tuple[list[str], dict[str, Any]]:
        rng = self.rng
        self.stage_index = rng.choices(range(len(STAGES)), weights=STAGE_WEIGHTS)[0]
        self.stage = STAGES[self.stage_index]
        self.status = self.choose_status()
        self.closed = self.status != "open"
        self.outcome_date = TODAY - dt.timedelta(days=rng.randint(10, 120))
        if self.closed:
            self.review_date = self.outcome_date + dt.timedelta(days=rng.randint(7, 35))
        else:
            self.review_date = TODAY + dt.timedelta(days=rng.randint(-5, 10))
        self.setup_names()
        self.setup_money()
        self.people = self.decision_chain()
        partners = self.partners()
        competitors = self.competitors()
        doc: dict[str, Any] = {"reviewkit": FORMAT_VERSION}
        doc["deal"] = self.deal_block()
        doc["review"] = self.review_block()
        doc["background"] = self.background()
        doc["qualification"] = self.qualification()
        doc["decision_chain"] = self.people
        doc["partners"] = partners
        doc["competitors"] = competitors
        doc["dynamics"] = self.dynamics()
        doc["assessment"] = self.assessment()
        doc["strategy"] = self.strategy()
        doc["actions"] = self.actions()
        doc["checklist"] = self.checklist()
        if self.closed:
            doc["outcome"] = self.outcome()
        if self.review_triggers:
            doc["review"]["triggers"] = Flow(self.review_triggers)
            doc["review"] = {k: doc["review"][k] for k in REVIEW_KEYS if k in doc["review"]}
        return self.header(), doc

    def choose_status(self) -> str:
        rng, stage = self.rng, self.stage
        if stage == "implementation":
            return "won" if rng.random() < 0.85 else "open"
        roll = rng.random()
        if stage in ("solution", "bidding"):
            if roll < 0.12:
                return "lost"
            if roll < 0.18:
                return "won" if stage == "bidding" else "dropped"
            return "open"
        if roll < 0.08:
            return "dropped"
        if roll < 0.11:
            return "lost"
        return "open"

    def setup_names(self) -> None:
        rng, s, lang = self.rng, self.s, self.lang
        places = ZH_PLACES if lang == "zh" else EN_PLACES
        place = rng.choice(places)
        org, short = rng.choice(s["orgs"])
        self.customer = org.format(place=place)
        self.short = short.format(place=place)
        f = self.fixed
        f.update(s["units"])
        f["place"] = place
        f["customer"] = self.customer
        f["short"] = self.short
        f["y0"] = str(self.review_date.year - 1)
        f["y1"] = str(self.review_date.year + 1)
        f["y2"] = str(self.review_date.year + 2)
        project, summary = rng.choice(s["projects"])
        self.project_name = project.format(short=self.short)
        self.project_summary = self.fill(summary)
        f["project"] = self.project_name
        ref_org, _ = rng.choice(s["orgs"])
        f["ref"] = ref_org.format(place=rng.choice([p for p in places if p != place]))
        f["top_name"], gender = self.person_name()
        for p, word in self.pronouns(gender).items():
            f[f"top_name_{p}"] = word
        for role in ("owner", "presales", "delivery", "channel_mgr", "director"):
            f[role], _ = self.person_name()
        # competitors and partners are named before the people, who refer to them
        comps = self.sample(EN_COMPETITORS if lang == "en" else ZH_COMPETITORS, 3)
        self.competitor_names = comps[: rng.choice((1, 2, 2, 3))]
        f["comp"] = self.competitor_names[0]
        f["comp2"] = (
            self.competitor_names[1]
            if len(self.competitor_names) > 1
            else ("other bidders" if lang == "en" else "其他投标方")
        )
        self.reps = [self.person_name()[0] for _ in self.competitor_names]
        f["rep"] = self.reps[0]
        if lang == "en":
            partners = self.sample(EN_PARTNERS, 2)
        else:
            partners = [
                p + tail
                for p, tail in zip(
                    self.sample([p for p in ZH_PLACES if p != place], 2),
                    self.sample(ZH_PARTNER_TAILS, 2),
                    strict=True,
                )
            ]
        self.partner_names = partners[: 1 if rng.random() < 0.45 else 2]
        f["partner"] = self.partner_names[0]
        f["partner2"] = partners[1]
        f["kit"] = rng.choice(s["kit"])

    def setup_money(self) -> None:
        rng = self.rng
        if self.lang == "zh" or self.pinyin:
            currency = "CNY"
        else:
            currency = rng.choices([c for c, _ in EN_CURRENCIES], [w for _, w in EN_CURRENCIES])[0]
        low, high = (20, 600) if currency == "CNY" else (5, 120)
        value = rng.randint(low, high) * 100_000
        self.currency = currency
        self.value = value
        self.budget = int(value * rng.uniform(1.0, 1.2)) // 100_000 * 100_000
        self.budget = max(self.budget, value)
        self.quote = int(value * rng.uniform(0.95, 1.0)) // 10_000 * 10_000
        self.target = int(self.quote * rng.uniform(0.96, 0.99)) // 10_000 * 10_000
        floor = int(self.target * rng.uniform(0.9, 0.96)) // 10_000
        if floor % 10 == 0:
            floor += 3
        self.floor = floor * 10_000
        phase2 = rng.randint(max(2, value // 400_000), max(3, value // 150_000)) * 100_000
        self.fixed["budget"] = self.money_text(self.budget, currency)
        self.fixed["quote"] = self.money_text(self.quote, currency)
        self.fixed["phase2"] = self.money_text(phase2, currency)
        threshold = 10_000_000 if currency == "CNY" else 1_000_000
        self.fixed["threshold"] = self.money_text(threshold, currency)

    def money(self, amount: int) -> Flow:
        return Flow({"amount": amount, "currency": self.currency})

    # -- people --------------------------------------------------------------------------

    def decision_chain(self) -> list[dict[str, Any]]:
        rng, t = self.rng, self.t
        size = rng.choices(range(4, 10), weights=(10, 20, 24, 20, 14, 8))[0]
        slots = ["exec", "head_it", "staff", "proc"]
        slots += rng.sample(EXTRA_SLOTS, size - 4)
        progress = self.stage_index
        coach_slot = next(i for i, s in enumerate(slots) if s == "staff")
        has_coach = rng.random() < min(0.95, 0.25 + 0.17 * progress)
        people: list[dict[str, Any]] = []
        raw: list[tuple[str, str, str]] = []
        for slot in slots:
            name, gender = self.person_name()
            raw.append((slot, name, gender))
        self.people = [{"name": name} for _, name, _ in raw]
        f = self.fixed
        by_slot = {slot: (name, gender) for slot, name, gender in reversed(raw)}
        for key, slot in (
            ("dm", "exec"),
            ("tech", "head_it"),
            ("staff", "staff"),
            ("proc_name", "proc"),
        ):
            name, gender = by_slot[slot]
            f[key] = name
            for p, word in self.pronouns(gender).items():
                f[f"{key}_{p}"] = word
        f["proc_his"] = f["proc_name_his"]
        coach_name, coach_gender = raw[coach_slot][1], raw[coach_slot][2]
        f["coach"] = coach_name
        for p, word in self.pronouns(coach_gender).items():
            f[f"coach_{p}"] = word
        f["gate"] = by_slot["gate"][0] if "gate" in by_slot else f["staff"]
        f["dm_title"] = self.fill(t["titles"]["exec"][0])
        speaker_needed = progress >= 3 and rng.random() < 0.75
        for index, (slot, name, gender) in enumerate(raw):
            self.self_name = name
            pro = self.pronouns(gender)
            kind = SLOT_KIND[slot]
            person: dict[str, Any] = {"name": name}
            person["title"] = self.fill(self.pick(t["titles"][slot]), **pro)
            roles = list(SLOT_ROLES[slot])
            if slot == "head_ops" and rng.random() < 0.3:
                roles.append("decision-maker")
            if slot == "finance" and rng.random() < 0.4:
                roles = ["decision-maker"]
            if slot == "staff" and rng.random() < 0.3:
                roles = ["user"]
            person["roles"] = Flow(roles)
            if kind == "exec":
                influence = "high"
            elif kind == "head" or kind == "finance":
                influence = rng.choice(("high", "high", "medium"))
            elif kind == "gate":
                influence = "low"
            else:
                influence = rng.choice(("medium", "medium", "low", "high"))
            person["influence"] = influence
            is_coach = has_coach and index == coach_slot
            attitude = self.attitude(is_coach)
            person["attitude"] = attitude
            friendly = attitude in ("supporter", "sympathizer", "ally")
            person["mindshare"] = "high" if rng.random() < (0.7 if friendly else 0.3) else "low"
            person["heartshare"] = "high" if rng.random() < (0.6 if friendly else 0.2) else "low"
            person["coach"] = is_coach
            speaks = friendly and rng.random() < 0.1 + 0.08 * progress
            if speaker_needed and influence == "high" and friendly:
                speaks, speaker_needed = True, False
            person["speaks_for_us"] = speaks
            early = progress <= 1 and rng.random() < 0.25
            if not early:
                person["profile"] = self.profile(pro)
            person["circle"] = self.fill(self.pick(t["circle"]), **pro)
            if rng.random() < 0.22:
                person["competitor_ties"] = self.para([self.fill(self.pick(t["ties"]), **pro)])
            if not early and rng.random() < 0.85:
                stances = {}
                for partner in self.partner_names:
                    stances[partner] = rng.choices(
                        ("positive", "neutral", "negative"),
                        (5, 4, 2) if friendly else (2, 4, 3),
                    )[0]
                person["integrator_attitudes"] = Flow(stances)
            if kind != "gate" or rng.random() < 0.5:
                person["needs"] = {
                    "personal": self.fill(self.pick(t["personal"][kind]), **pro),
                    "immediate": self.fill(self.pick(t["immediate"]), **pro),
                    "certain": self.fill(
                        self.pick(t["certain"]["spec" if slot == "head_it" else kind]), **pro
                    ),
                }
            if rng.random() < 0.75:
                sep = "; " if self.lang == "en" else "；"
                person["interests"] = sep.join(self.sample(t["interests"], rng.choice((1, 1, 2))))
            person["last_contact"] = self.review_date - dt.timedelta(
                days=rng.randint(1, 80 if attitude != "unknown" else 120)
            )
            notes = [self.fill(n, **pro) for n in self.sample(t["notes"], rng.choice((1, 2, 2, 3)))]
            if is_coach:
                notes.insert(
                    0,
                    self.fill(
                        "Briefs {presales} every Friday."
                        if self.lang == "en"
                        else "每周五与{presales}通话。"
                    ),
                )
            person["notes"] = self.para(list(dict.fromkeys(notes)))
            people.append(person)
        self.self_name = ""
        return people

    def attitude(self, is_coach: bool) -> str:
        if is_coach:
            return self.rng.choice(("ally", "sympathizer", "supporter"))
        p = self.stage_index
        weights = (5, 12, 25, 22 + 3 * p, 10 + 2 * p, 4 + 2 * p, max(2, 30 - 8 * p))
        return self.rng.choices((*ATTITUDES, "unknown"), weights)[0]

    def profile(self, pro: dict[str, str]) -> str:
        kind, texts = self.pick(self.t["pdp"])
        chosen = [self.fill(s, **pro) for s in self.sample(texts, self.rng.choice((1, 2, 2, 3)))]
        if self.chance(0.5):
            chosen.insert(0, self.fill(self.pick(self.t["pdp_source"]), **pro))
        sep = " " if self.lang == "en" else ""
        return self.para([self.t["pdp_form"].format(type=kind, text=sep.join(chosen))])

    def partners(self) -> list[dict[str, Any]]:
        rng, t = self.rng, self.t
        out = []
        for index, name in enumerate(self.partner_names):
            partner: dict[str, Any] = {"name": name}
            partner["role"] = t["partner_roles"][0] if index == 0 else self.pick(t["partner_roles"])
            sentences = [self.pick(t["partner_background"])]
            sentences += self.sample(t["partner_extra"], rng.randint(0, 2))
            partner["background"] = self.para([self.fill(s) for s in sentences])
            partner["influence"] = rng.choice(("high", "medium", "medium", "low"))
            if rng.random() < 0.85:
                partner["competitor_ties"] = self.fill(self.pick(t["partner_ties"]))
            informants = self.sample([p["name"] for p in self.people[2:]], rng.randint(1, 2))
            if rng.random() < 0.3:
                informants.append(self.fill(t["informant_guess"]))
            partner["info_providers"] = Flow(informants)
            partner["decision_maker_attitude"] = rng.choices(
                ("positive", "neutral", "negative", "unknown"), (4, 4, 1, 2)
            )[0]
            out.append(partner)
        return out

    def competitors(self) -> list[dict[str, Any]]:
        rng, t = self.rng, self.t
        out = []
        series = EN_SERIES if self.lang == "en" else ZH_SERIES
        for index, name in enumerate(self.competitor_names):
            comp: dict[str, Any] = {"name": name}
            comp["products"] = self.fill(
                self.pick(t["products"]),
                series=self.pick(series),
                num=str(rng.choice((3, 5, 6, 7, 8, 9)) * 1000),
                rel=f"{rng.randint(5, 12)}.{rng.randint(0, 4)}",
                comp=name,
            )
            strengths = [self.fill(s) for s in self.sample(t["comp_strengths"], rng.randint(1, 4))]
            weaknesses = [
                self.fill(s) for s in self.sample(t["comp_weaknesses"], rng.randint(1, 3))
            ]
            short = sum(len(s) for s in strengths + weaknesses) < 90
            comp["strengths"] = Flow(strengths) if short else strengths
            comp["weaknesses"] = Flow(weaknesses) if short else weaknesses
            comp["customer_satisfaction"] = self.fill(self.pick(t["satisfaction"]))
            rep = {
                "name": self.reps[index],
                "style": self.pick(t["rep_styles"]),
                "customer_relationship": self.fill(self.pick(t["rep_relationship"])),
            }
            if rng.random() < 0.1:
                del rep["customer_relationship"]
            comp["sales_rep"] = Flow(rep) if rng.random() < 0.3 else rep
            comp["threat"] = (
                rng.choice(("high", "high", "medium"))
                if index == 0
                else rng.choice(("medium", "low", "low"))
            )
            out.append(comp)
        return out

    # -- the rest of the file ------------------------------------------------------------

    def deal_block(self) -> dict[str, Any]:
        rng, t, f = self.rng, self.t, self.fixed
        self.confidential_floor = rng.random() < {4: 0.5, 5: 0.8, 6: 0.5}.get(self.stage_index, 0.2)
        slug = self.sector["slug"]
        deal: dict[str, Any] = {"name": self.project_name}
        deal["id"] = f"{slug}-{self.index:04d}"
        deal["customer"] = self.customer
        deal["owner"] = f["owner"]
        roles = self.sample(t["team_roles"], rng.randint(2, 4))
        members = [f["presales"], f["delivery"], f["channel_mgr"]]
        members += [self.person_name()[0] for _ in range(len(roles) - 3)]
        if self.lang == "en":
            team = [f"{name} ({role})" for name, role in zip(members, roles, strict=False)]
        else:
            team = [f"{name}（{role}）" for name, role in zip(members, roles, strict=False)]
        deal["team"] = Flow(team)
        self.team = team
        deal["stage"] = self.stage
        deal["status"] = self.status
        deal["value"] = self.money(self.value)
        if self.closed:
            close = self.outcome_date + dt.timedelta(days=rng.randint(-10, 20))
        elif rng.random() < 0.08:
            close = TODAY - dt.timedelta(days=rng.randint(5, 60))
        else:
            close = TODAY + dt.timedelta(days=rng.randint(30, 120 + 40 * (6 - self.stage_index)))
        deal["expected_close"] = close
        self.close = close
        deal["language"] = self.lang
        deal["confidential"] = self.confidential_floor or rng.random() < 0.5
        return deal

    def review_block(self) -> dict[str, Any]:
        rng, t, f = self.rng, self.t, self.fixed
        director = self.pick(t["director"])
        boss = (
            f"{f['director']} ({director})"
            if self.lang == "en"
            else f"{f['director']}（{director}）"
        )
        attendees = [f["owner"], boss, *self.sample(self.team, rng.randint(1, len(self.team)))]
        review: dict[str, Any] = {"date": self.review_date, "attendees": Flow(attendees)}
        if rng.random() < 0.8:
            self.previous = self.review_date - dt.timedelta(days=rng.randint(14, 50))
            review["previous"] = self.previous
        else:
            self.previous = None
        triggers: list[str] = []
        if not self.closed:
            if self.stage == "bidding":
                triggers.append("pre-bid")
            for trigger in ("obstacle", "plan-slip", "regular"):
                if rng.random() < 0.25:
                    triggers.append(trigger)
        self.review_triggers = triggers
        return review

    def background(self) -> dict[str, Any]:
        rng, t, s = self.rng, self.t, self.s
        customer: dict[str, Any] = {
            "business": self.para(
                [self.fill(x) for x in self.sample(s["business"], rng.randint(2, 4))]
            ),
        }
        if self.stage_index > 0 or rng.random() < 0.7:
            customer["organization"] = self.lines(
                [self.fill(x) for x in t["org"][:2]]
                + [self.fill(x) for x in self.sample(t["org"][2:], rng.randint(1, 3))]
            )
        customer["it_landscape"] = self.para(
            [self.fill(x) for x in self.sample(s["landscape"], rng.randint(2, 4))]
        )
        customer["departments"] = {
            "user": self.fill(t["dept_user"]),
            "procurement": self.fill(t["dept_proc"]),
            "support": self.fill(t["dept_support"]),
        }
        customer["contacts"] = self.para(
            [
                self.fill(x)
                for x in t["contacts"][:1] + self.sample(t["contacts"][1:], rng.randint(0, 2))
            ]
        )
        needs = [self.fill(x) for x in self.sample(self.s["needs"], rng.randint(3, 6))]
        self.needs = needs
        project: dict[str, Any] = {
            "summary": self.para([self.project_summary, self.fill(t["phase"])]),
            "needs": needs,
            "budget": Flow(
                {
                    "amount": self.budget,
                    "currency": self.currency,
                    "confirmed": self.stage_index >= 4 or rng.random() < 0.3,
                }
            ),
        }
        if self.closed:
            award = self.outcome_date
            dates = [award - dt.timedelta(days=x) for x in (rng.randint(80, 120), 60, 30, 0)]
        else:
            dates = [self.review_date + dt.timedelta(days=rng.randint(15, 50))]
            for low, high in ((15, 45), (10, 40), (20, 50)):
                dates.append(dates[-1] + dt.timedelta(days=rng.randint(low, high)))
        dates.append(dates[3] + dt.timedelta(days=rng.randint(20, 45)))
        dates.append(dates[4] + dt.timedelta(days=rng.randint(90, 240)))
        marks = {
            "d1": self.month(dates[0]),
            "d2": self.month(dates[1]),
            "d3": self.day(dates[2]),
            "d4": self.month(dates[3]),
            "d5": self.month(dates[4]),
            "d6": self.month(dates[5]),
        }
        project["timeline"] = self.lines([self.fill(x, **marks) for x in t["timeline"]])
        weights = rng.choice(((50, 40, 10), (60, 30, 10), (55, 35, 10), (60, 40, 0)))
        panel = rng.choice((5, 7, 9))
        own = rng.randint(2, 3)
        project["procurement_process"] = self.para(
            [
                self.fill(
                    self.pick(t["process"]),
                    t=str(weights[0]),
                    p=str(weights[1]),
                    s=str(weights[2]),
                    k=str(panel),
                    b=str(own),
                    e=str(panel - own),
                )
            ]
        )
        project["channels"] = self.para([self.fill(self.pick(t["channels"]))])
        return {"customer": customer, "project": project}

    def qualification(self) -> dict[str, Any]:
        rng, t = self.rng, self.t
        levels = ("low", "medium", "high")
        out: dict[str, Any] = {}
        for key in ("size", "significance", "difficulty", "speed"):
            if self.stage_index == 0 and rng.random() < 0.3:
                continue
            out[key] = rng.choices(levels, (1, 3, 3))[0]
        names = {"low": "low", "medium": "medium", "high": "high"}
        if self.lang == "zh":
            names = {"low": "低", "medium": "中", "high": "高"}
        notes = [
            self.fill(
                x,
                difficulty=names[out.get("difficulty", "medium")],
                speed=names[out.get("speed", "medium")],
            )
            for x in self.sample(t["qual_notes"], rng.randint(1, 3))
        ]
        out["notes"] = self.para(notes)
        return out

    def dynamics(self) -> list[dict[str, Any]]:
        rng, t = self.rng, self.t
        count = rng.randint(2, 8)
        end = self.outcome_date if self.closed else self.review_date
        days = sorted(rng.sample(range(1, 110), count))
        out = []
        seen: set[str] = set()
        for back in days:
            date = end - dt.timedelta(days=back)
            while True:
                if rng.random() < 0.15:
                    template, party, impact = self.pick(t["reversals"])
                    reversal = True
                else:
                    party = rng.choices(("customer", "competitor", "channel", "us"), (5, 3, 2, 3))[
                        0
                    ]
                    template, impact = self.pick(t["dynamics"][party])
                    reversal = False
                if template not in seen:
                    break
            seen.add(template)
            if reversal and not self.closed:
                self.review_triggers.append("dynamics-reversal")
            before = self.month(date - dt.timedelta(days=rng.randint(30, 90)))
            out.append(
                {
                    "date": date,
                    "party": party,
                    "event": self.para([self.fill(template, month_past=before)]),
                    "impact": impact,
                    "reversal": reversal,
                }
            )
        order = ("obstacle", "plan-slip", "dynamics-reversal", "pre-bid", "regular")
        self.review_triggers = [x for x in order if x in self.review_triggers]
        return out

    def assessment(self) -> dict[str, Any]:
        rng, t = self.rng, self.t
        out: dict[str, Any] = {}
        for key in ("strengths", "weaknesses", "opportunities", "problems"):
            out[key] = [self.fill(x) for x in self.sample(t[key], rng.randint(1, 4))]
        if self.stage_index >= 1 or rng.random() < 0.5:
            out["ucv"] = self.para([self.fill(self.pick(t["ucv"]))])
        return out

    def strategy(self) -> dict[str, Any]:
        rng, t = self.rng, self.t
        out: dict[str, Any] = {
            "relationship": self.para(
                [self.fill(x) for x in self.sample(t["relationship"], rng.randint(2, 4))]
            ),
            "product": self.para(
                [self.fill(x) for x in self.sample(t["product"], rng.randint(1, 3))]
            ),
        }
        commercial: dict[str, Any] = {
            "approach": self.para(
                [self.fill(x) for x in self.sample(t["commercial"], rng.randint(1, 3))]
            ),
            "quote": self.money(self.quote),
            "target": self.money(self.target),
        }
        if self.confidential_floor:
            commercial["floor"] = self.money(self.floor)
        out["commercial"] = commercial
        return out

    def actions(self) -> list[dict[str, Any]]:
        rng, t = self.rng, self.t
        out = []
        owners = [
            self.fixed[k] for k in ("owner", "presales", "delivery", "channel_mgr", "director")
        ]
        for what, checkpoint in self.sample(t["actions"], rng.randint(2, 7)):
            others = [
                p["name"]
                for p in self.people
                if p["name"] not in (self.fixed["dm"], self.fixed["coach"])
            ]
            person = self.pick(others)
            person_his = person + ("'s" if self.lang == "en" else "的")
            action: dict[str, Any] = {
                "what": self.fill(what, person=person, person_his=person_his),
            }
            if rng.random() < 0.88:
                action["owner"] = self.pick(owners)
            base = self.outcome_date if self.closed else TODAY
            roll = rng.random()
            if roll < 0.25:
                due, status = base - dt.timedelta(days=rng.randint(1, 25)), "open"
            elif roll < 0.45:
                due, status = base - dt.timedelta(days=rng.randint(5, 60)), "done"
            elif roll < 0.5:
                due, status = base - dt.timedelta(days=rng.randint(5, 60)), "dropped"
            else:
                due, status = base + dt.timedelta(days=rng.randint(2, 45)), "open"
            if rng.random() < 0.05 and status == "open":
                action["checkpoint"] = self.fill(checkpoint, person=person, person_his=person_his)
            else:
                action["due"] = due
                action["checkpoint"] = self.fill(checkpoint, person=person, person_his=person_his)
            action["status"] = status
            out.append(action)
        return out

    def checklist(self) -> dict[str, Any]:
        rng, t = self.rng, self.t
        out: dict[str, Any] = {}
        for index, stage in enumerate(STAGES[: self.stage_index + 1]):
            current = index == self.stage_index
            answers: dict[str, Any] = {}
            for item in ITEMS[stage]:
                if rng.random() < (0.12 if current else 0.04):
                    continue
                weights = (3, 4, 2, 2) if current else (8, 3, 1, 0.3)
                status = rng.choices(("yes", "partial", "no", "unknown"), weights)[0]
                subject = t["subjects"][item]
                evidence = self.fill(self.pick(t["evidence"][status]), subject=subject)
                answers[item] = Flow({"status": status, "evidence": Quoted(evidence)})
            if answers:
                out[stage] = answers
        return out

    def outcome(self) -> dict[str, Any]:
        rng, t = self.rng, self.t
        pools = t["outcome"][self.status]
        out: dict[str, Any] = {"date": self.outcome_date}
        if self.status == "won":
            out["winner"] = self.fill(t["winner_us"])
        elif self.status == "lost":
            out["winner"] = self.fixed["comp"]
        elif rng.random() < 0.5:
            out["winner"] = t["winner_none"]
        out["reasons"] = [self.fill(x) for x in self.sample(pools["reasons"], rng.randint(2, 4))]
        out["lessons"] = [self.fill(x) for x in self.sample(pools["lessons"], rng.randint(1, 3))]
        return out

    def header(self) -> list[str]:
        t = self.t
        why = self.fill(self.pick(t["why"][self.status]))
        summary = self.project_summary
        if self.lang == "en":
            summary = summary.split(": ")[0].rstrip(".")
            summary = summary[0].lower() + summary[1:]
        else:
            summary = re.split("[：。]", summary)[0]
        stage = ZH_STAGES[self.stage_index] if self.lang == "zh" else self.stage
        lines = [self.fill(x, summary_short=summary, stage=stage, why=why) for x in t["header"]]
        return [line for text in lines for line in self.wrap(text)]


# ---------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "out_dir", type=Path, help="folder for deal-0001.yaml ... (created if missing)"
    )
    parser.add_argument(
        "--count", type=int, default=1000, help="number of deal files (default 1000)"
    )
    parser.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    args = parser.parse_args()
    if args.count < 1:
        parser.error("--count must be at least 1")
    args.out_dir.mkdir(parents=True, exist_ok=True)
    rng = random.Random(args.seed)
    width = max(4, len(str(args.count)))
    total = 0
    for index in range(1, args.count + 1):
        comments, document = Deal(rng, index).build()
        data = to_yaml(comments, document).encode("utf-8")
        (args.out_dir / f"deal-{index:0{width}d}.yaml").write_bytes(data)
        total += len(data)
    print(
        f"{args.count} deal files in {args.out_dir}: {total:,} bytes, "
        f"mean {total / args.count:,.0f} bytes"
    )


if __name__ == "__main__":
    main()
