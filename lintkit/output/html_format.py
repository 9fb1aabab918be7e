"""``--format html``: one self-contained review page for the people who write the drafts.

Each document's text is shown line by line with every finding highlighted at its span (colour by severity);
hovering or clicking a highlight shows the rule, the message and the suggested fix; a side list groups the
findings by rule family and rule, with counts, filters by severity and rule, and jumps to the place.

The page needs no network: CSS and a little JavaScript are inline, the findings travel as one JSON block.
All document text is HTML-escaped. The highlighted text is built by slicing each line at the finding boundaries
(cost linear in the text plus the findings, no per-character work in Python); overlapping findings split the text
into segments, each carrying the ids of every finding that covers it.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from html import escape
from typing import TextIO

from .. import __version__
from ..model import SEVERITY_RANK, Diagnostic

SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}
SEV_CLASS = {"error": "e", "warning": "w", "info": "i"}
FAMILY_ZH = {
    "SPC": "空格", "PUN": "标点符号", "NUM": "数字用法", "DAT": "日期", "TOT": "合计与比例", "DUP": "重复",
    "SCR": "繁简与字形", "SEQ": "序号层次", "DOC": "公文要素", "WRD": "用词", "RES": "粘贴残留",
    "LNT": "lintkit 自身",
}

_NEWLINE = re.compile(r"\r\n|\r|\n")
# C0 controls (tab aside) and DEL would be invalid or invisible in HTML: show them as control pictures.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_WHITESPACE_ONLY = re.compile(r"[\s\u3000\u00a0\u2000-\u200b\ufeff]+")
PREVIEW_CONTEXT = 6
PREVIEW_MAX = 60


def _control_picture(m: re.Match) -> str:
    c = ord(m.group())
    return "\u2421" if c == 0x7F else chr(0x2400 + c)


def _esc(s: str) -> str:
    s = escape(s, quote=True)
    return _CONTROL.sub(_control_picture, s) if _CONTROL.search(s) else s


def _clip(s: str, limit: int = PREVIEW_MAX) -> str:
    if len(s) <= limit:
        return s
    half = (limit - 1) // 2
    return s[:half] + "…" + s[-half:]


def _fix_preview(src: str | None, d: Diagnostic) -> dict | None:
    """Before/after of the fix: the changed stretch (clipped) with a few characters of context either side."""
    fix = d.fix
    if fix is None or not fix.edits:
        return None
    out = {"a": fix.applicability, "m": fix.message}
    if src is None:
        return out
    lo = min(e.start for e in fix.edits)
    hi = max(e.end for e in fix.edits)
    if not (0 <= lo <= hi <= len(src)):
        return out
    before = src[lo:hi]
    parts, pos = [], lo
    for e in sorted(fix.edits, key=lambda e: (e.start, e.end)):
        parts.append(src[pos:e.start])
        parts.append(e.content)
        pos = e.end
    parts.append(src[pos:hi])
    after = "".join(parts)
    left = src[max(0, lo - PREVIEW_CONTEXT):lo]
    right = src[hi:hi + PREVIEW_CONTEXT]
    left = _NEWLINE.split(left)[-1]
    right = _NEWLINE.split(right)[0]
    out.update(l=left, b=_clip(before), f=_clip(after), r=right)
    return out


def _line_spans(text: str) -> list[tuple[int, int]]:
    out, prev = [], 0
    for m in _NEWLINE.finditer(text):
        out.append((prev, m.start()))
        prev = m.end()
    out.append((prev, len(text)))
    return out


def _render_text(text: str, items: list[tuple[int, int, int, str]], parts: list[str]) -> None:
    """Append the lines of ``text`` to ``parts`` with findings ``(id, start, end, severity)`` highlighted.

    The text is cut at every finding boundary; each piece between two cuts becomes one ``<mark>`` listing the
    findings that cover it (or plain text when none does). Zero-width findings become a caret mark.
    """
    starts: dict[int, list[int]] = defaultdict(list)
    ends: dict[int, list[int]] = defaultdict(list)
    zeros: dict[int, list[int]] = defaultdict(list)
    sev_of: dict[int, int] = {}
    for gid, s, e, sev in items:
        sev_of[gid] = SEVERITY_RANK[sev]
        if e > s:
            starts[s].append(gid)
            ends[e].append(gid)
        else:
            zeros[s].append(gid)
    cuts = sorted(set(starts) | set(ends) | set(zeros))
    k = 0
    ncuts = len(cuts)
    active: dict[int, int] = {}  # finding id -> severity rank, in start order
    sev_letter = ("i", "w", "e")

    def apply(p: int) -> None:
        for g in ends.get(p, ()):
            active.pop(g, None)
        for g in zeros.get(p, ()):
            parts.append(f'<mark class="m z {sev_letter[sev_of[g]]}" data-f="{g}"></mark>')
        for g in starts.get(p, ()):
            active[g] = sev_of[g]

    for ls, le in _line_spans(text):
        parts.append('<div class="ln"><span class="tx">')
        pos = ls
        while True:
            while k < ncuts and cuts[k] <= pos:
                apply(cuts[k])
                k += 1
            nxt = cuts[k] if k < ncuts and cuts[k] < le else le
            if nxt > pos:
                chunk = text[pos:nxt]
                if active:
                    cls = sev_letter[max(active.values())]
                    if len(active) > 1:
                        cls += " x"
                    if _WHITESPACE_ONLY.fullmatch(chunk):
                        cls += " ws"
                    ids = " ".join(map(str, active))
                    parts.append(f'<mark class="m {cls}" data-f="{ids}">{_esc(chunk)}</mark>')
                else:
                    parts.append(_esc(chunk))
            pos = nxt
            if pos >= le:
                break
        # events exactly at the end of the line (a caret after the last character) belong to this line
        while k < ncuts and cuts[k] == le:
            apply(cuts[k])
            k += 1
        parts.append("</span></div>")


def _short(s: str, limit: int = 24) -> str:
    return s if len(s) <= limit else s[:limit - 1] + "…"


def render(report, stream: TextIO) -> None:
    diags: list[Diagnostic] = list(report.diagnostics)
    sources: dict[str, str] = report.sources or {}
    paths: list[str] = []
    doc_index: dict[str, int] = {}
    for d in diags:
        if d.path not in doc_index:
            doc_index[d.path] = len(paths)
            paths.append(d.path)

    data = []
    by_doc: dict[int, list[int]] = defaultdict(list)
    for gid, d in enumerate(diags):
        di = doc_index[d.path]
        by_doc[di].append(gid)
        data.append({"d": di, "r": d.rule, "n": d.name, "s": d.severity, "m": d.message, "l": d.line,
                     "c": d.column, "t": _clip(d.text), "x": _fix_preview(sources.get(d.path), d)})

    counts = report.counts()
    fixable = sum(1 for d in diags if d.fix is not None and d.fix.applicability == "safe")
    out: list[str] = []
    w = out.append
    w("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
      "<meta name=\"generator\" content=\"lintkit " + __version__ + "\">")
    title = "lintkit 检查报告"
    if len(paths) == 1:
        title += "：" + paths[0]
    w(f"<title>{_esc(title)}</title><style>{CSS}</style></head><body>")

    # ---------------------------------------------------------------- side list
    w('<aside id="side"><div class="brand">lintkit <span>检查报告</span></div>')
    w('<div class="filters"><div class="flabel">严重级别</div>')
    for sev in ("error", "warning", "info"):
        n = counts.get(sev, 0)
        w(f'<label class="sev {SEV_CLASS[sev]}"><input type="checkbox" data-sev="{sev}" checked'
          f'{" disabled" if not n else ""}> <b></b>{SEVERITY_ZH[sev]} <span class="n">{n}</span></label>')
    w('<div class="flabel">规则 <button type="button" id="all">全选</button>'
      '<button type="button" id="none">全不选</button></div></div>')
    families: dict[str, dict[str, list[int]]] = {}
    for gid, d in sorted(enumerate(diags), key=lambda x: (x[1].rule, x[0])):
        families.setdefault(d.rule[:3], {}).setdefault(d.rule, []).append(gid)
    w('<nav id="list">')
    if not diags:
        w('<p class="empty">没有发现问题。</p>')
    many = len(diags) > 150
    multi_doc = len(paths) > 1
    for fam in sorted(families, key=lambda f: (-sum(map(len, families[f].values())), f)):
        rules = families[fam]
        total = sum(len(v) for v in rules.values())
        w(f'<details class="fam" open><summary><input type="checkbox" data-fam="{_esc(fam)}" checked> '
          f'<b>{_esc(fam)}</b> {_esc(FAMILY_ZH.get(fam, ""))} <span class="n" data-count="{_esc(fam)}">{total}</span>'
          f'</summary>')
        for rid in sorted(rules, key=lambda r: (-len(rules[r]), r)):
            gids = rules[rid]
            d0 = diags[gids[0]]
            w(f'<details class="rule"{"" if many else " open"}><summary>'
              f'<input type="checkbox" data-rule="{_esc(rid)}" data-fam="{_esc(fam)}" checked> '
              f'<b>{_esc(rid)}</b> <span class="rn">{_esc(d0.name)}</span> '
              f'<span class="n" data-count="{_esc(rid)}">{len(gids)}</span></summary><ol>')
            for gid in gids:
                d = diags[gid]
                loc = f"{d.line}:{d.column}"
                if multi_doc:
                    loc = f'{_esc(_short(d.path.rsplit("/", 1)[-1], 18))} {loc}'
                w(f'<li data-f="{gid}" class="{SEV_CLASS[d.severity]}" title="{_esc(d.message)}">'
                  f'<span class="loc">{loc}</span> {_esc(d.message)}</li>')
            w("</ol></details>")
        w("</details>")
    w("</nav></aside>")

    # ---------------------------------------------------------------- main: summary, documents
    w('<main id="main"><header>')
    total = len(diags)
    w(f"<h1>{_esc(title)}</h1><p class=\"sum\">检查了 {report.files_checked} 个文件，")
    if total:
        w(f"发现 {total} 个问题（错误 {counts.get('error', 0)}，警告 {counts.get('warning', 0)}，"
          f"提示 {counts.get('info', 0)}）")
        if fixable:
            w(f"，其中 {fixable} 个可以用 <code>lintkit check --fix</code> 自动修复")
        w("。")
    else:
        w("没有发现问题。")
    w("</p><p class=\"hint\">把鼠标移到标色的文字上查看说明和修改建议，点击可固定；左侧列表按规则分组，点击跳转到原文。</p>")
    if multi_doc:
        w('<ol class="docs">')
        for di, p in enumerate(paths):
            c = defaultdict(int)
            for gid in by_doc[di]:
                c[diags[gid].severity] += 1
            w(f'<li><a href="#d{di}">{_esc(p)}</a> <span class="cnt">'
              + "".join(f'<i class="{SEV_CLASS[s]}">{c[s]}</i>' for s in ("error", "warning", "info") if c[s])
              + "</span></li>")
        w("</ol>")
    w("</header>")
    for di, p in enumerate(paths):
        gids = by_doc[di]
        w(f'<section class="doc" id="d{di}" data-d="{di}"><h2>{_esc(p)} <span class="n">{len(gids)} 个问题</span></h2>')
        src = sources.get(p)
        if src is None:
            w('<ul class="nosrc">')
            for gid in gids:
                d = diags[gid]
                w(f'<li><mark class="m {SEV_CLASS[d.severity]}" data-f="{gid}">{_esc(d.rule)}</mark> '
                  f'{_esc(d.message)}</li>')
            w("</ul>")
        else:
            w('<div class="text">')
            items = [(gid, diags[gid].offset, diags[gid].end_offset, diags[gid].severity) for gid in gids]
            items = [(g, max(0, min(s, len(src))), max(0, min(e, len(src))), sev) for g, s, e, sev in items]
            _render_text(src, items, out)
            w("</div>")
        w("</section>")
    w('</main><div id="tip" role="tooltip" hidden></div>')
    payload = json.dumps({"findings": data, "paths": paths}, ensure_ascii=False, separators=(",", ":"))
    payload = payload.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    w(f'<script type="application/json" id="data">{payload}</script>')
    w(f"<script>{JS}</script></body></html>\n")
    stream.write("".join(out))


CSS = r"""
:root{--e:#c5221f;--eb:#fbd3d0;--w:#b06000;--wb:#fde6a8;--i:#1967d2;--ib:#d2e3fc;--side:23rem;
font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei","Hiragino Sans GB",sans-serif}
*{box-sizing:border-box}
body{margin:0;color:#202124;background:#f6f7f9;line-height:1.9;font-size:16px}
#side{position:fixed;top:0;left:0;bottom:0;width:var(--side);overflow:auto;background:#fff;border-right:1px solid #dadce0;
font-size:14px;line-height:1.5;padding:0 0 2rem}
.brand{font-weight:700;font-size:18px;padding:.8rem 1rem .4rem}.brand span{font-weight:400;color:#5f6368}
.filters{padding:.2rem 1rem .6rem;border-bottom:1px solid #eee;position:sticky;top:0;background:#fff;z-index:2}
.flabel{color:#5f6368;font-size:12px;margin:.4rem 0 .2rem}
.flabel button{font:inherit;font-size:12px;margin-left:.5rem;border:1px solid #dadce0;background:#fff;border-radius:4px;
cursor:pointer;padding:0 .4rem}
label.sev{display:inline-flex;align-items:center;gap:.2rem;margin-right:.7rem;cursor:pointer;white-space:nowrap}
label.sev b{display:inline-block;width:.8em;height:.8em;border-radius:2px}
label.e b{background:var(--e)}label.w b{background:#e8a400}label.i b{background:var(--i)}
.n{color:#5f6368;font-size:12px;font-weight:400}
#list details{margin:0}#list summary{cursor:pointer;padding:.25rem 1rem;list-style-position:inside}
#list summary:hover{background:#f1f3f4}
details.fam>summary{font-size:14px;border-top:1px solid #f1f3f4}
details.rule>summary{padding-left:2rem}
.rn{color:#5f6368;font-size:12px}
#list ol{list-style:none;margin:0;padding:0}
#list li{padding:.2rem 1rem .2rem 3rem;cursor:pointer;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;
border-left:3px solid transparent}
#list li:hover{background:#f1f3f4}#list li.cur{background:#e8f0fe}
#list li.e{border-left-color:var(--e)}#list li.w{border-left-color:#e8a400}#list li.i{border-left-color:var(--i)}
.loc{color:#5f6368;font-family:ui-monospace,monospace;font-size:12px}
.empty{padding:1rem}
main{margin-left:var(--side);padding:1rem 2rem 40vh;max-width:calc(var(--side) + 62rem)}
header h1{font-size:20px;margin:.3rem 0}.sum{margin:.2rem 0}.hint{color:#5f6368;font-size:13px;margin:.2rem 0 1rem}
code{background:#eef0f2;padding:0 .3em;border-radius:3px;font-size:.9em}
ol.docs{font-size:14px;line-height:1.6;columns:2;padding-left:1.5rem}
.cnt i{font-style:normal;font-size:12px;padding:0 .35em;border-radius:8px;margin-left:.25rem;color:#fff}
.cnt i.e{background:var(--e)}.cnt i.w{background:#e8a400}.cnt i.i{background:var(--i)}
section.doc{background:#fff;border:1px solid #dadce0;border-radius:8px;margin:0 0 1.5rem;overflow:hidden}
section.doc h2{font-size:15px;margin:0;padding:.5rem 1rem;background:#f8f9fa;border-bottom:1px solid #dadce0;
position:sticky;top:0;z-index:1;word-break:break-all}
.text{counter-reset:ln;padding:.5rem 0}
.ln{display:grid;grid-template-columns:3.2rem 1fr;min-height:1.9em}
.ln::before{counter-increment:ln;content:counter(ln);color:#9aa0a6;text-align:right;padding-right:.8rem;font-size:12px;
font-family:ui-monospace,monospace;user-select:none;line-height:2.4}
.tx{white-space:pre-wrap;overflow-wrap:anywhere;padding-right:1rem}
mark.m{background:none;color:inherit;cursor:pointer;border-radius:2px;border-bottom:2px solid transparent}
mark.e{background:var(--eb);border-bottom-color:var(--e)}
mark.w{background:var(--wb);border-bottom-color:#e8a400}
mark.i{background:var(--ib);border-bottom:2px dotted var(--i)}
mark.x{border-bottom-style:double;border-bottom-width:3px}
mark.ws{padding:0 .18em;outline:1px dashed currentColor;outline-offset:-1px}
mark.e.ws{outline-color:var(--e)}mark.w.ws{outline-color:#b06000}mark.i.ws{outline-color:var(--i)}
mark.z{display:inline-block;width:3px;height:1.2em;vertical-align:-.2em;margin:0 1px;padding:0;border:0}
mark.z.e{background:var(--e)}mark.z.w{background:#e8a400}mark.z.i{background:var(--i)}
mark.off{background:none!important;border-bottom-color:transparent!important;outline:none!important;cursor:text}
mark.z.off{width:0;margin:0}
mark.hl{box-shadow:0 0 0 2px #1a73e8}
mark.flash{animation:flash 1.4s ease-out}
@keyframes flash{0%,40%{box-shadow:0 0 0 4px #1a73e8}100%{box-shadow:0 0 0 0 transparent}}
ul.nosrc{margin:.5rem 0;padding:0 1rem 0 2rem;list-style:none}
#tip{position:absolute;z-index:10;max-width:30rem;background:#fff;border:1px solid #dadce0;border-radius:8px;
box-shadow:0 4px 16px rgba(0,0,0,.18);padding:.6rem .8rem;font-size:14px;line-height:1.6}
#tip.pin{border-color:#1a73e8}
#tip .f+.f{border-top:1px solid #eee;margin-top:.4rem;padding-top:.4rem}
#tip .hd{display:flex;gap:.5rem;align-items:baseline;flex-wrap:wrap}
#tip .badge{color:#fff;border-radius:3px;padding:0 .35em;font-size:12px}
#tip .badge.e{background:var(--e)}#tip .badge.w{background:#e8a400}#tip .badge.i{background:var(--i)}
#tip .rid{font-weight:700}#tip .rnm,#tip .pos{color:#5f6368;font-size:12px}
#tip .msg{margin:.15rem 0}
#tip .fix{background:#f8f9fa;border-radius:4px;padding:.25rem .5rem;margin-top:.25rem}
#tip .fix .lbl{color:#188038;font-weight:700}#tip .fix.unsafe .lbl{color:#b06000}
#tip del{background:#fbd3d0;text-decoration:line-through}#tip ins{background:#ceead6;text-decoration:none}
#tip .arrow{color:#5f6368;margin:0 .3rem}
.hidden{display:none!important}
@media (max-width:900px){#side{position:static;width:auto;max-height:50vh;border-right:0;border-bottom:1px solid #dadce0}
main{margin-left:0;padding:1rem}}
@media print{#side,#tip,.hint{display:none}main{margin:0}}
"""

JS = r"""
(function(){
"use strict";
var D=JSON.parse(document.getElementById("data").textContent),F=D.findings;
var RANK={info:0,warning:1,error:2},LET=["i","w","e"],ZH={error:"错误",warning:"警告",info:"提示"};
var marks=Array.prototype.slice.call(document.querySelectorAll("mark.m"));
var first=[],idsOf=new Map(),vis=F.map(function(){return true});
marks.forEach(function(m){var ids=m.dataset.f.split(" ").map(Number);idsOf.set(m,ids);
  ids.forEach(function(i){if(!first[i])first[i]=m;});});
var tip=document.getElementById("tip"),pinned=null,cur=null;
function vs(s){return s.replace(/ /g,"\u2423").replace(/[\t\u00a0\u2000-\u200b\u3000\ufeff]/g,function(c){
  return "\u27e8U+"+c.charCodeAt(0).toString(16).toUpperCase().padStart(4,"0")+"\u27e9";});}
function el(tag,cls,text){var e=document.createElement(tag);if(cls)e.className=cls;if(text!=null)e.textContent=text;return e;}
function card(i){var f=F[i],c=el("div","f"),h=el("div","hd");
  h.appendChild(el("span","badge "+LET[RANK[f.s]],ZH[f.s]));h.appendChild(el("span","rid",f.r));
  h.appendChild(el("span","rnm",f.n));h.appendChild(el("span","pos","第 "+f.l+" 行第 "+f.c+" 列"));c.appendChild(h);
  c.appendChild(el("div","msg",f.m));
  var x=f.x;if(x){var b=el("div","fix"+(x.a==="safe"?"":" unsafe"));
    b.appendChild(el("span","lbl",x.a==="safe"?"修改建议（可自动修复）：":"修改建议（请人工确认）："));
    b.appendChild(document.createTextNode(x.m||""));
    if(x.b!=null){var p=el("div");p.appendChild(document.createTextNode(x.l));p.appendChild(el("del",null,vs(x.b)));
      p.appendChild(document.createTextNode(x.r));p.appendChild(el("span","arrow","\u2192"));
      p.appendChild(document.createTextNode(x.l));p.appendChild(el("ins",null,vs(x.f)));
      p.appendChild(document.createTextNode(x.r));b.appendChild(p);}
    c.appendChild(b);}
  return c;}
function show(m,ids){ids=ids.filter(function(i){return vis[i];});if(!ids.length){hide(true);return;}
  tip.textContent="";ids.forEach(function(i){tip.appendChild(card(i));});tip.hidden=false;
  var r=m.getClientRects()[0]||m.getBoundingClientRect();
  var x=r.left+window.scrollX,y=r.bottom+window.scrollY+6,w=tip.offsetWidth;
  x=Math.max(window.scrollX+8,Math.min(x,window.scrollX+document.documentElement.clientWidth-w-12));
  if(r.bottom+tip.offsetHeight+12>window.innerHeight&&r.top>tip.offsetHeight+12)y=r.top+window.scrollY-tip.offsetHeight-6;
  tip.style.left=x+"px";tip.style.top=y+"px";
  if(cur)cur.classList.remove("hl");cur=m;m.classList.add("hl");}
function hide(force){if(pinned&&!force)return;tip.hidden=true;tip.classList.remove("pin");pinned=null;
  if(cur){cur.classList.remove("hl");cur=null;}}
var main=document.getElementById("main");
main.addEventListener("mouseover",function(e){var m=e.target.closest("mark.m");if(m&&!pinned&&!m.classList.contains("off"))show(m,idsOf.get(m));});
main.addEventListener("mouseout",function(e){var m=e.target.closest("mark.m");if(m&&!pinned)hide();});
document.addEventListener("click",function(e){var m=e.target.closest&&e.target.closest("mark.m");
  if(m&&!m.classList.contains("off")){hide(true);show(m,idsOf.get(m));pinned=m;tip.classList.add("pin");e.stopPropagation();return;}
  if(!tip.contains(e.target)&&!e.target.closest("#list li"))hide(true);});
document.addEventListener("keydown",function(e){if(e.key==="Escape")hide(true);});
function jump(i){var m=first[i];hide(true);
  if(!m){var sec=document.getElementById("d"+F[i].d),t=sec&&sec.querySelector(".text");
    var ln=t&&t.children[F[i].l-1];if(ln)ln.scrollIntoView({block:"center"});return;}
  m.scrollIntoView({block:"center"});m.classList.remove("flash");void m.offsetWidth;m.classList.add("flash");
  show(m,idsOf.get(m).filter(function(j){return j===i;}).concat(idsOf.get(m).filter(function(j){return j!==i;})));
  pinned=m;tip.classList.add("pin");}
var items=Array.prototype.slice.call(document.querySelectorAll("#list li[data-f]"));
items.forEach(function(li){li.addEventListener("click",function(){items.forEach(function(o){o.classList.remove("cur");});
  li.classList.add("cur");jump(+li.dataset.f);});});
var sevBoxes=document.querySelectorAll("input[data-sev]"),ruleBoxes=document.querySelectorAll("input[data-rule]"),
  famBoxes=document.querySelectorAll("summary input[data-fam]:not([data-rule])");
function apply(){var sev={},rule={};
  sevBoxes.forEach(function(b){sev[b.dataset.sev]=b.checked;});ruleBoxes.forEach(function(b){rule[b.dataset.rule]=b.checked;});
  vis=F.map(function(f){return sev[f.s]!==false&&rule[f.r]!==false;});
  marks.forEach(function(m){var best=-1,n=0;idsOf.get(m).forEach(function(i){if(vis[i]){n++;if(RANK[F[i].s]>best)best=RANK[F[i].s];}});
    m.classList.remove("e","w","i","x","off");if(best<0)m.classList.add("off");else{m.classList.add(LET[best]);if(n>1)m.classList.add("x");}});
  var cnt={};items.forEach(function(li){var i=+li.dataset.f,f=F[i];li.classList.toggle("hidden",!vis[i]);
    if(vis[i]){cnt[f.r]=(cnt[f.r]||0)+1;cnt[f.r.slice(0,3)]=(cnt[f.r.slice(0,3)]||0)+1;}});
  document.querySelectorAll("[data-count]").forEach(function(s){s.textContent=cnt[s.dataset.count]||0;});
  famBoxes.forEach(function(fb){var rs=document.querySelectorAll('input[data-rule][data-fam="'+fb.dataset.fam+'"]'),on=0;
    rs.forEach(function(r){if(r.checked)on++;});fb.checked=on>0;fb.indeterminate=on>0&&on<rs.length;});
  hide(true);}
sevBoxes.forEach(function(b){b.addEventListener("change",apply);});
ruleBoxes.forEach(function(b){b.addEventListener("change",apply);b.addEventListener("click",function(e){e.stopPropagation();});});
famBoxes.forEach(function(fb){fb.addEventListener("click",function(e){e.stopPropagation();});
  fb.addEventListener("change",function(){document.querySelectorAll('input[data-rule][data-fam="'+fb.dataset.fam+'"]')
    .forEach(function(r){r.checked=fb.checked;});apply();});});
document.getElementById("all").addEventListener("click",function(){ruleBoxes.forEach(function(r){r.checked=true;});apply();});
document.getElementById("none").addEventListener("click",function(){ruleBoxes.forEach(function(r){r.checked=false;});apply();});
window.lintkitReport={findings:F,first:first,jump:jump,apply:apply};
})();
"""
