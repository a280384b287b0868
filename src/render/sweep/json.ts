// Sweep -> JSON (schema_version 1): each point's axis values and each model's exact cost (null: no price).

import { axisName, pointData, type SweepTable } from "./view.js";

/** The JSON object of a sweep, before serialisation. */
function sweepJson(t: SweepTable): object {
  const s = t.sweep;
  const names = s.axes.map(axisName);
  return {
    schema_version: 1,
    currency: s.currency,
    vary: s.axes.map((a) => ({ param: axisName(a), spec: a.spec })),
    models: s.models,
    rows: t.rows.map((r) => ({
      point: Object.fromEntries(r.point.map((v, i) => [names[i]!, pointData(v)])),
      costs: Object.fromEntries(r.costs.map((c, i) => [s.models[i]!, c ? c.toDecimal() : null])),
    })),
    gaps: s.gaps.map((g) => ({ model: g.model, points: g.points, reason: g.reason })),
  };
}

/** Renders a sweep as pretty-printed JSON. */
export function renderSweepJson(t: SweepTable): string {
  return JSON.stringify(sweepJson(t), null, 2) + "\n";
}

