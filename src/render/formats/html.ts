// Any document -> one self-contained HTML page: inline CSS and SVG charts, no scripts, light and dark, prints well.

import { alignsRight, cellText, type Cell, type Chart, type Document, type Row, type Section, type Table } from "../document.js";
import { chartSvg, esc } from "./svg-chart.js";

/** Escaped text with the inline markup of leads and titles (**bold**, `code`) as tags. */
function inline(text: string): string {
  return esc(text).replace(/\*\*(.*?)\*\*/g, "<strong>$1</strong>").replace(/`([^`]*)`/g, "<code>$1</code>");
}

const STYLE = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1b1f24;--muted:#5b636e;--rule:#d6dae0;--head:#f3f5f7;--strong:#eef2f6;
--pass:#1a7f37;--warn:#9a6700;--fail:#cf222e;--s0:#0969da;--s1:#bf3989;--s2:#9a6700;--s3:#1a7f37;--s4:#8250df;--s5:#cf222e}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#8d96a0;--rule:#30363d;--head:#161b22;--strong:#1c2129;
--pass:#3fb950;--warn:#d29922;--fail:#f85149;--s0:#58a6ff;--s1:#f778ba;--s2:#d29922;--s3:#3fb950;--s4:#bc8cff;--s5:#ff7b72}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif}
main{max-width:72rem;margin:0 auto;padding:2rem 1.5rem}
h1{font-size:1.6rem;margin:0 0 .5rem}h2{font-size:1.15rem;margin:2rem 0 .5rem}
p,ul{margin:.4rem 0}.lead{font-size:1.05rem}.facts,.notes{color:var(--muted);padding-left:1.2rem}
code{font:.9em ui-monospace,SFMono-Regular,Menlo,monospace}
table{border-collapse:collapse;margin:.6rem 0;width:auto;max-width:100%}
th,td{border:1px solid var(--rule);padding:.3rem .6rem;vertical-align:top}
th{background:var(--head);text-align:left;font-weight:600}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tr.strong td{font-weight:700;background:var(--strong)}
.status{font-weight:700}.PASS{color:var(--pass)}.WARN{color:var(--warn)}.FAIL{color:var(--fail)}
.badge{display:inline-block;padding:0 .5rem;border-radius:.3rem;color:var(--bg)}
.badge.PASS{background:var(--pass)}.badge.WARN{background:var(--warn)}.badge.FAIL{background:var(--fail)}
.warnings{border-left:4px solid var(--warn);padding:.3rem .8rem;margin:1rem 0}
figure{margin:1rem 0}svg{max-width:100%;height:auto;font:12px system-ui,sans-serif}
svg text{fill:var(--fg)}svg .axis{stroke:var(--muted);fill:none}svg .grid{stroke:var(--rule)}
.s0{fill:var(--s0);stroke:var(--s0)}.s1{fill:var(--s1);stroke:var(--s1)}.s2{fill:var(--s2);stroke:var(--s2)}
.s3{fill:var(--s3);stroke:var(--s3)}.s4{fill:var(--s4);stroke:var(--s4)}.s5{fill:var(--s5);stroke:var(--s5)}
svg polyline{fill:none;stroke-width:2}svg .limit{stroke:var(--fg);stroke-dasharray:4 3}
svg .bar.PASS{fill:var(--pass)}svg .bar.WARN{fill:var(--warn)}svg .bar.FAIL{fill:var(--fail)}
footer{color:var(--muted);font-size:.85rem;margin-top:2rem}
@media print{:root{--bg:#fff;--fg:#000;--muted:#444;--rule:#999;--head:#eee;--strong:#f4f4f4}
main{max-width:none;padding:0}tr,figure{break-inside:avoid}h2{break-after:avoid}}
`;

function cell(c: string | Cell, right: boolean): string {
  const text = esc(cellText(c));
  const status = typeof c !== "string" && c.status ? `<span class="status ${c.status}">${text}</span>` : text;
  const body = typeof c !== "string" && c.strong ? `<strong>${status}</strong>` : status;
  return `<td${right ? ' class="num"' : ""}>${body}</td>`;
}

function table(t: Table): string {
  const right = t.columns.map(alignsRight);
  const head = t.columns.map((c, i) => `<th${right[i] ? ' class="num"' : ""} scope="col">${esc(c.head)}</th>`).join("");
  const row = (r: Row) => `<tr${r.strong ? ' class="strong"' : ""}>${r.cells.map((c, i) => cell(c, right[i]!)).join("")}</tr>`;
  const caption = t.label ? `<caption>${esc(t.label)}</caption>` : "";
  return `<table>${caption}<thead><tr>${head}</tr></thead><tbody>\n${t.rows.map(row).join("\n")}\n</tbody></table>`;
}

function figure(c: Chart): string {
  return `<figure>${chartSvg(c)}</figure>`;
}

function section(s: Section, folded: boolean): string {
  const out: string[] = [];
  if (s.title) out.push(folded ? `<p>${inline(s.title)}</p>` : `<h2>${inline(s.title)}</h2>`);
  if (s.facts?.length) out.push(`<ul class="facts">${s.facts.map((f) => `<li>${esc(f)}</li>`).join("")}</ul>`);
  if (s.table) out.push(table(s.table));
  for (const a of s.after ?? []) out.push(`<p>${esc(a)}</p>`);
  if (s.notes?.length) out.push(`<ul class="notes">${s.notes.map((n) => `<li${n.sub ? ' style="margin-left:1.2rem"' : ""}${n.level === "warn" ? ' class="WARN"' : ""}>${esc(n.text)}</li>`).join("")}</ul>`);
  return `<section>\n${out.join("\n")}\n</section>`;
}

/** Renders any document as a self-contained HTML page. */
export function renderHtml(doc: Document): string {
  const badge = doc.status ? `<span class="badge ${doc.status}">${doc.status}</span> ` : "";
  const body: string[] = [`<h1>${badge}${esc(doc.title)}</h1>`];
  if (doc.lead) body.push(...doc.lead.map((l) => `<p class="lead">${inline(l)}</p>`));
  else if (doc.headline && doc.headline !== doc.title) body.push(`<p class="lead">${esc(doc.headline)}</p>`);
  if (!doc.lead && doc.facts?.length) body.push(`<ul class="facts">${doc.facts.map((f) => `<li>${esc(f)}</li>`).join("")}</ul>`);
  if (doc.warnings.length) body.push(`<div class="warnings" role="note"><strong>Warnings</strong><ul>${doc.warnings.map((w) => `<li>${esc(w)}</li>`).join("")}</ul></div>`);
  if (doc.chart) body.push(figure(doc.chart));
  for (const s of doc.sections) body.push(section(s, false));
  if (doc.details && doc.details.sections.length > 0) {
    body.push(`<details open><summary>${esc(doc.details.summary)}</summary>\n${doc.details.sections.map((s) => section(s, true)).join("\n")}\n</details>`);
  }
  body.push(`<footer>Made by ratecard: exact prices from versioned rate cards. This page runs no scripts and loads nothing.</footer>`);
  return [
    "<!doctype html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${esc(doc.headline?.startsWith(doc.title) ? doc.headline : [doc.title, doc.headline].filter(Boolean).join(" · "))}</title>`,
    `<style>${STYLE}</style>`,
    "</head>",
    "<body><main>",
    ...body,
    "</main></body>",
    "</html>",
    "",
  ].join("\n");
}
