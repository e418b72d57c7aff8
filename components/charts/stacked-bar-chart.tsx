"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/**
 * The console's one chart: stacked bars (recharts) of named series over categories — a key's
 * calls per hour, disks per region, cost per category. The figure is named by its caption and
 * followed by a visually hidden table of the same numbers, for screen readers and tests.
 */
export type ChartSeries = { key: string; label: string; color: string };
export type ChartRow = { label: string } & Record<string, number | string>;

export function StackedBarChart({
  caption,
  rows,
  series,
  height = 220,
  layout = "horizontal",
  valueLabel,
}: {
  caption: string;
  rows: ChartRow[];
  series: ChartSeries[];
  height?: number;
  /** "vertical" lays the bars sideways (long category names). */
  layout?: "horizontal" | "vertical";
  valueLabel?: string;
}) {
  const vertical = layout === "vertical";
  return (
    <figure className="space-y-2">
      <figcaption className="sr-only">{caption}</figcaption>
      <div style={{ height }} aria-hidden>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={rows} layout={vertical ? "vertical" : "horizontal"} margin={{ top: 4, right: 12, bottom: 0, left: vertical ? 24 : 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" vertical={vertical} horizontal={!vertical} />
            {vertical ? (
              <>
                <XAxis type="number" allowDecimals={false} tick={{ fontSize: 11, fill: "#64748b" }} />
                <YAxis type="category" dataKey="label" width={120} tick={{ fontSize: 11, fill: "#334155" }} />
              </>
            ) : (
              <>
                <XAxis dataKey="label" tick={{ fontSize: 11, fill: "#64748b" }} interval="preserveStartEnd" />
                <YAxis allowDecimals={false} width={36} tick={{ fontSize: 11, fill: "#64748b" }} />
              </>
            )}
            <Tooltip cursor={{ fill: "#f1f5f9" }} contentStyle={{ fontSize: 12 }} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {series.map((s) => (
              <Bar key={s.key} dataKey={s.key} name={s.label} stackId="stack" fill={s.color} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <table className="sr-only">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{valueLabel ?? ""}</th>
            {series.map((s) => (
              <th key={s.key} scope="col">
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              {series.map((s) => (
                <td key={s.key}>{row[s.key]}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
