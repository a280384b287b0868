// A document's chart as inline SVG (bars, stacked columns, lines, budget headroom); colours come from the page's CSS.

import { escapeControl } from "../../core/printable.js";
import { chartRange, type Chart } from "../document.js";

/** Escapes text for HTML and SVG (after control characters are made visible). */
export function esc(text: string): string {
  return escapeControl(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const W = 720;
const f = (n: number) => (Math.round(n * 10) / 10).toString();

function svg(height: number, title: string, body: string[]): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${f(height)}" width="${W}" height="${f(height)}" role="img" aria-label="${esc(title)}">\n${body.join("\n")}\n</svg>`;
}

function text(x: number, y: number, t: string, anchor = "start", cls = ""): string {
  return `<text x="${f(x)}" y="${f(y)}" text-anchor="${anchor}"${cls ? ` class="${cls}"` : ""}>${esc(t)}</text>`;
}

function legend(names: string[], y: number): string[] {
  let x = 70;
  return names.flatMap((n, i) => {
    const out = [`<rect x="${f(x)}" y="${f(y - 10)}" width="12" height="12" class="s${i % 6}"/>`, text(x + 18, y, n)];
    x += 36 + n.length * 7;
    return out;
  });
}

/** Horizontal bars, one per label (cost per model). */
function bars(c: Chart & { kind: "bars" }): string {
  const max = Math.max(...c.bars.map((b) => b.value), 0);
  const row = 30;
  const [x0, span] = [200, 380];
  const body = c.bars.flatMap((b, i) => {
    const y = 30 + i * row;
    const w = max > 0 ? Math.max(1, (b.value / max) * span) : 1;
    return [text(x0 - 8, y + 15, b.label, "end"), `<rect x="${x0}" y="${f(y)}" width="${f(w)}" height="20" rx="2" class="s${i % 6}"/>`, text(x0 + w + 6, y + 15, b.text)];
  });
  return svg(40 + c.bars.length * row, c.title, [text(0, 16, c.title, "start", "title"), ...body]);
}

/** Columns stacked by series (spend per day by model). */
function stacked(c: Chart & { kind: "stacked" }): string {
  const [left, right, top, bottom] = [70, 20, 30, 70];
  const H = 300;
  const plotW = W - left - right;
  const plotH = H - top - bottom;
  const n = c.x.length;
  const step = plotW / Math.max(1, n);
  const colW = Math.max(1, step * 0.7);
  const max = c.top.value > 0 ? c.top.value : 1;
  const body: string[] = [text(0, 16, c.title), `<path class="axis" d="M${left} ${top}V${top + plotH}H${left + plotW}"/>`, text(left - 6, top + 4, c.top.text, "end"), text(left - 6, top + plotH, "0", "end")];
  for (let i = 0; i < n; i++) {
    let y = top + plotH;
    c.series.forEach((s, si) => {
      const v = s.values[i] ?? 0;
      if (v <= 0) return;
      const h = (v / max) * plotH;
      y -= h;
      body.push(`<rect x="${f(left + i * step + (step - colW) / 2)}" y="${f(y)}" width="${f(colW)}" height="${f(Math.max(h, 0.5))}" class="s${si % 6}"/>`);
    });
  }
  const every = Math.max(1, Math.ceil(n / 8));
  c.x.forEach((label, i) => {
    if (i % every === 0 || i === n - 1) body.push(text(left + i * step + step / 2, top + plotH + 16, label, "middle"));
  });
  body.push(...legend(c.series.map((s) => s.name), H - 16));
  return svg(H, c.title, body);
}

/** Lines of cost against the varied parameter, one per series (a gap where a value is missing). */
function lines(c: Chart & { kind: "lines" }): string {
  const [left, right, top, bottom] = [90, 20, 36, 70];
  const H = 336;
  const plotW = W - left - right;
  const plotH = H - top - bottom;
  const xs = c.x.values;
  const ys = c.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const [x0, x1] = chartRange(xs); // loops, not Math.min(...xs): a spread of 100,000 points overflows the stack
  const [y0, y1] = chartRange(ys);
  const px = (x: number) => left + (x1 === x0 ? plotW / 2 : ((x - x0) / (x1 - x0)) * plotW);
  const py = (y: number) => top + (y1 === y0 ? plotH / 2 : ((y1 - y) / (y1 - y0)) * plotH);
  const body: string[] = [text(0, 16, c.title), `<path class="axis" d="M${left} ${top}V${top + plotH}H${left + plotW}"/>`, text(left - 6, top + 4, c.yLabels.top, "end"), text(left - 6, top + plotH, c.yLabels.bottom, "end")];
  c.series.forEach((s, si) => {
    let run: string[] = [];
    const flush = () => {
      if (run.length > 1) body.push(`<polyline class="s${si % 6}" points="${run.join(" ")}"/>`);
      run = [];
    };
    s.values.forEach((v, i) => {
      if (v === null) return flush();
      run.push(`${f(px(xs[i]!))},${f(py(v))}`);
      if (xs.length <= 60) body.push(`<circle cx="${f(px(xs[i]!))}" cy="${f(py(v))}" r="3" class="s${si % 6}"/>`);
    });
    flush();
  });
  body.push(text(left, top + plotH + 18, c.x.labels[0] ?? ""), text(left + plotW, top + plotH + 18, c.x.labels.at(-1) ?? "", "end"), text(left + plotW / 2, top + plotH + 18, c.x.name, "middle"));
  body.push(...legend(c.series.map((s) => s.name), H - 14));
  return svg(H, c.title, body);
}

/** Each budget's cost against its limit: a bar coloured by status, the limit dashed. */
function headroom(c: Chart & { kind: "headroom" }): string {
  const row = 34;
  const [x0, span] = [260, 260];
  const body = c.bars.flatMap((b, i) => {
    const y = 30 + i * row;
    const max = Math.max(b.limit * 1.25, b.cost, 1e-12);
    const w = Math.max(1, (b.cost / max) * span);
    const lx = x0 + (b.limit / max) * span;
    return [
      text(x0 - 8, y + 15, b.label, "end"),
      `<rect x="${x0}" y="${f(y)}" width="${span}" height="20" class="grid" fill="none"/>`,
      `<rect x="${x0}" y="${f(y)}" width="${f(w)}" height="20" class="bar ${b.status}"/>`,
      `<line class="limit" x1="${f(lx)}" x2="${f(lx)}" y1="${f(y - 3)}" y2="${f(y + 23)}"/>`,
      text(x0 + span + 8, y + 15, b.text, "start"),
    ];
  });
  return svg(40 + c.bars.length * row, c.title, [text(0, 16, c.title), ...body]);
}

/** The SVG of a chart. */
export function chartSvg(c: Chart): string {
  if (c.kind === "bars") return bars(c);
  if (c.kind === "stacked") return stacked(c);
  if (c.kind === "lines") return lines(c);
  return headroom(c);
}
