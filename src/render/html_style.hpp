#pragma once
// The page's only style sheet, inlined: no fonts, images or scripts from anywhere.
// Phone first: fluid width, 17px text, 44px tap targets; colours always come with a
// text label, and dark mode follows the system setting.
#include <string_view>

namespace cc::render {

inline constexpr std::string_view kHtmlStyle = R"css(
:root{color-scheme:light dark;--fg:#1b1b1f;--bg:#fff;--muted:#55565c;--card:#f4f4f6;--line:#d4d4da;
--crit:#b3261e;--warn:#8a5300;--adv:#1d4ed8;--info:#4b5563;--pass:#17663a;--err:#6b21a8}
@media (prefers-color-scheme:dark){:root{--fg:#ececf1;--bg:#16161a;--muted:#a8a8b3;--card:#222228;--line:#3a3a44;
--crit:#e0564c;--warn:#c98a1b;--adv:#5b8def;--info:#8b93a1;--pass:#3fa66a;--err:#a56ee0}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);
font:17px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif}
main{max-width:46rem;margin:0 auto;padding:1rem}
h1{font-size:1.35rem;margin:.25rem 0 1rem}
h1 .brand{color:var(--muted);font-weight:600}
h2{font-size:1.15rem;margin:1.75rem 0 .5rem;padding-bottom:.25rem;border-bottom:1px solid var(--line)}
h3{font-size:1.05rem;margin:.35rem 0}
h4{font-size:.95rem;margin:.5rem 0 .15rem}
p{margin:.35rem 0}
.text{white-space:pre-line;overflow-wrap:anywhere}
code,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em;overflow-wrap:anywhere;word-break:break-word}
.demo{background:var(--card);border:2px dashed var(--adv);border-radius:.5rem;padding:.6rem .9rem;margin:0 0 1rem;font-weight:600}
.verdict{background:var(--card);border-left:.6rem solid var(--info);border-radius:.5rem;padding:.75rem 1rem}
.verdict h2{border:0;margin:0;padding:0;font-size:.95rem;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
.verdict-word{font-size:1.7rem;font-weight:800;margin:.1rem 0}
.verdict-ok{border-left-color:var(--pass)}.verdict-ok .verdict-word{color:var(--pass)}
.verdict-attention{border-left-color:var(--warn)}.verdict-attention .verdict-word{color:var(--warn)}
.verdict-stop{border-left-color:var(--crit)}.verdict-stop .verdict-word{color:var(--crit)}
.finding{border:1px solid var(--line);border-left:.6rem solid var(--info);border-radius:.5rem;padding:.75rem 1rem;margin:.75rem 0}
.finding .head{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}
.todo{background:var(--card);border-radius:.4rem;padding:.5rem .75rem;margin-top:.5rem}
.badge{display:inline-block;min-width:4.5rem;text-align:center;padding:.15rem .55rem;border-radius:.35rem;
font-weight:700;font-size:.85rem;color:#fff;background:var(--info)}
.sev-critical{border-left-color:var(--crit)}.badge.sev-critical{background:var(--crit)}
.sev-warning{border-left-color:var(--warn)}.badge.sev-warning{background:var(--warn)}
.sev-advice{border-left-color:var(--adv)}.badge.sev-advice{background:var(--adv)}
.badge.status-pass{background:var(--pass)}.badge.status-warn{background:var(--warn)}
.badge.status-fail{background:var(--crit)}.badge.status-error{background:var(--err)}
ul.evidence{margin:.4rem 0 0;padding-left:1.2rem}
ul.evidence li{margin:.15rem 0;overflow-wrap:anywhere}
dl.facts{display:grid;grid-template-columns:minmax(6.5rem,max-content) 1fr;gap:.3rem 1rem;margin:.5rem 0}
dl.facts dt{color:var(--muted)}
dl.facts dd{margin:0;overflow-wrap:anywhere}
.check{border-bottom:1px solid var(--line)}
.check summary{min-height:44px;display:flex;align-items:center;gap:.6rem;cursor:pointer;padding:.35rem 0}
.check summary .title{flex:1}
.check .body{padding:0 0 .6rem 1rem}
.none{color:var(--muted)}
footer{margin:2rem 0 1rem;padding:1rem;border:2px solid var(--crit);border-radius:.5rem;font-weight:600}
@media print{.check .body{display:block}footer{break-inside:avoid}}
)css";

}  // namespace cc::render
