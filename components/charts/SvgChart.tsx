/**
 * The SVG every chart draws from its layout (lib/charts): server-rendered, no script; `role="img"`
 * named by its `<title>` and `<desc>`; scales to its container (viewBox, width 100%). A series with
 * hatching gets its pattern in `<defs>`, ids prefixed by the figure's id so several charts can share a page.
 */
import type { ChartLayout } from "@/lib/charts/layout";
import { INK, seriesStyle } from "@/lib/charts/palette";

export interface SvgChartProps {
  /** The figure's id (unique on the page): the prefix of the SVG's own ids. */
  id: string;
  title: string;
  summary: string;
  layout: ChartLayout;
  /** "bars": values' texts after the bar, category labels on the left; "columns": above and below. */
  orientation: "bars" | "columns";
  seriesCount: number;
}

const patternId = (id: string, series: number) => `${id}-hatch-${series}`;

export function SvgChart({ id, title, summary, layout, orientation, seriesCount }: SvgChartProps) {
  const titleId = `${id}-chart-title`;
  const descId = `${id}-chart-desc`;
  const styles = Array.from({ length: seriesCount }, (_, series) => ({ series, style: seriesStyle(series) }));
  const fillOf = (series: number) => {
    const style = seriesStyle(series);
    return { fill: style.hatch ? `url(#${patternId(id, series)})` : style.fill, stroke: style.stroke };
  };
  const bars = orientation === "bars";
  return (
    <svg role="img" aria-labelledby={`${titleId} ${descId}`} viewBox={`0 0 ${layout.width} ${layout.height}`} width="100%" className="chart-svg h-auto max-w-3xl" fontFamily="inherit">
      <title id={titleId}>{title}</title>
      <desc id={descId}>{summary}</desc>
      {styles.some(({ style }) => style.hatch) ? (
        <defs>
          {styles.map(({ series, style }) =>
            style.hatch ? (
              <pattern key={series} id={patternId(id, series)} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
                <rect width="6" height="6" fill={style.fill} />
                <line x1="0" y1="0" x2="0" y2="6" stroke={style.hatch} strokeWidth="2" />
              </pattern>
            ) : null,
          )}
        </defs>
      ) : null}
      <g className="chart-legend">
        {layout.legend.map((entry) => (
          <g key={entry.series}>
            <rect x={entry.x} y={entry.y - 12} width="24" height="14" {...fillOf(entry.series)} strokeWidth="1" />
            <text x={entry.x + 30} y={entry.y} fontSize="13" fill={INK}>
              {entry.label}
            </text>
          </g>
        ))}
      </g>
      <g className="chart-axis">
        {layout.ticks.map((tick) => (
          <g key={tick.label}>
            <line x1={tick.x1} y1={tick.y1} x2={tick.x2} y2={tick.y2} stroke="#CBD2D9" strokeWidth="1" />
            <text x={tick.labelX} y={tick.labelY} fontSize="11" fill={INK} textAnchor={bars ? "middle" : "end"} dominantBaseline={bars ? "auto" : "central"}>
              {tick.label}
            </text>
          </g>
        ))}
        {bars ? (
          <line x1={layout.plot.x} y1={layout.plot.y} x2={layout.plot.x} y2={layout.plot.y + layout.plot.height} stroke={INK} strokeWidth="1" />
        ) : (
          <line x1={layout.plot.x} y1={layout.plot.y + layout.plot.height} x2={layout.plot.x + layout.plot.width} y2={layout.plot.y + layout.plot.height} stroke={INK} strokeWidth="1" />
        )}
      </g>
      {layout.categories.map((category) => (
        <g key={category.key} className="chart-category">
          <text x={category.labelX} y={category.labelY} fontSize={layout.labelFontSize} fill={INK} textAnchor={bars ? "end" : "middle"} dominantBaseline={bars ? "central" : "auto"}>
            {category.label !== category.fullLabel ? <title>{category.fullLabel}</title> : null}
            {category.label}
          </text>
          {category.values.map((mark) => (
            <g key={mark.series}>
              {mark.bar ? <rect x={mark.bar.x} y={mark.bar.y} width={mark.bar.width} height={mark.bar.height} {...fillOf(mark.series)} strokeWidth="1" data-series={mark.series} /> : null}
              <text x={mark.textX} y={mark.textY} fontSize={layout.valueFontSize} fill={INK} textAnchor={bars ? "start" : "middle"} dominantBaseline={bars ? "central" : "auto"}>
                {mark.text}
              </text>
            </g>
          ))}
        </g>
      ))}
    </svg>
  );
}
