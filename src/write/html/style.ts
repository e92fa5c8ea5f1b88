// The review pages' stylesheet, inlined in every page (no network, no external fonts: the
// system's own sans-serif). Switches work by classes on the text's root (#text.hide, data-only),
// so turning one on is one class change, whatever the size of the page.

/** One colour per removing stage; kinds are told apart in the legend and the tooltip. */
export const STAGE_CLASS = { boilerplate: 'b', quality: 'q', dedupe: 'd' } as const;

export const CSS = `:root{--b:#b42318;--q:#8a4b00;--d:#1d4ed8;--fact:#d3f0dc;--advice:#fbecb5;--question:#e6dcfa;--line:#d0d4da;--soft:#f4f5f7;color:#1b1d21;background:#fff;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif}
body{margin:0 auto;max-width:84rem;padding:0 1rem 3rem}
h1{font-size:1.5rem;margin:1rem 0 .25rem;overflow-wrap:anywhere}
h2{font-size:1.1rem;margin:1.25rem 0 .5rem}
a{color:#0b4fb3}
.where{margin:0 0 .5rem;color:#4a4f57;overflow-wrap:anywhere}
.bar{position:sticky;top:0;z-index:2;display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:center;padding:.5rem 0;background:#fff;border-bottom:1px solid var(--line)}
.bar label{cursor:pointer}
select,input{font:inherit}
.layout{display:grid;grid-template-columns:minmax(0,1fr) 21rem;gap:2rem;align-items:start}
@media (max-width:52rem){.layout{grid-template-columns:minmax(0,1fr);gap:0}}
#text{white-space:pre-wrap;overflow-wrap:anywhere;line-height:1.7;margin-top:1rem;max-width:48rem}
#text .p{display:inline-block;width:100%;vertical-align:top;content-visibility:auto;contain-intrinsic-size:auto 40rem}
#text del{text-decoration:line-through 2px}
#text del a{color:inherit}
#text del:hover,#text del:focus,#text del:focus-within,#text mark:hover,#text mark:focus,#text .n:hover,#text .n:focus{box-shadow:0 0 0 2px #c9ced6}
#text .b{color:var(--b)}
#text .q{color:var(--q)}
#text .d{color:var(--d)}
#text .j,#text.hide .rm,#text.hide .g,#text[data-only] del{display:none}
#text.hide .j{display:inline}
mark{color:inherit;border-radius:2px}
mark.fact{background:var(--fact)}
mark.advice{background:var(--advice)}
mark.question{background:var(--question)}
.n{border-bottom:2px dotted var(--d)}
[tabindex]:focus-visible,a:focus-visible,select:focus-visible,input:focus-visible{outline:3px solid #111;outline-offset:1px}
:target{outline:3px solid var(--d);outline-offset:2px}
.tip{position:fixed;z-index:3;max-width:min(28rem,calc(100vw - 1rem));padding:.4rem .6rem;border-radius:4px;background:#1b1d21;color:#fff;font-size:.875rem;line-height:1.4;white-space:pre-line;pointer-events:none}
aside{font-size:.9rem}
aside section{border-top:1px solid var(--line);padding-top:.25rem}
aside ul{list-style:none;margin:0;padding:0}
aside li{margin:.15rem 0;overflow-wrap:anywhere}
aside ul ul{padding-left:1.25rem}
.sw{display:inline-block;width:.8rem;height:.8rem;margin-right:.35rem;border-radius:2px;vertical-align:-.05rem}
.sw.b{background:var(--b)}.sw.q{background:var(--q)}.sw.d{background:var(--d)}
.sw.fact{background:var(--fact);border:1px solid #5c9e74}.sw.advice{background:var(--advice);border:1px solid #b08d1a}.sw.question{background:var(--question);border:1px solid #7d64b8}
.count{float:right;margin-left:.5rem;font-variant-numeric:tabular-nums;color:#4a4f57}
.muted{color:#4a4f57}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{padding:.3rem .5rem;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.scroll{overflow-x:auto}
svg.meter{vertical-align:middle;width:10rem;max-width:18vw;height:.75rem}
@media (max-width:30rem){table.docs svg.meter{display:none}th,td{padding:.3rem .25rem}}
svg.meter .track{fill:var(--soft)}
svg.meter .fill{fill:#2f6fd6}
svg.meter .fill.b{fill:var(--b)}svg.meter .fill.q{fill:var(--q)}svg.meter .fill.d{fill:var(--d)}
code{font-size:.85em;overflow-wrap:anywhere}
`;
