/** One figure of the dashboard, drawn the way its data asks: a table of figures, a chart with its table, or a heat table. */
import { FiguresTable } from "./FiguresTable";
import { isMatrix, type IndicatorMatrix, type IndicatorTable } from "@/lib/indicators/types";

export function IndicatorItem({ item, csvHref }: { item: IndicatorTable | IndicatorMatrix; csvHref: string }) {
  if (isMatrix(item)) {
    const asTable: IndicatorTable = {
      id: item.id,
      title: item.title,
      description: item.description,
      categoryLabel: `${item.rowLabel} \\ ${item.columnLabel}`,
      categories: item.rows,
      series: item.columns.map((column, index) => ({ key: column.key, label: column.label, values: item.values.map((row) => row[index] ?? null), texts: item.texts.map((row) => row[index] ?? "") })),
      unit: "count",
      chart: "table",
    };
    return <FiguresTable table={asTable} csvHref={csvHref} />;
  }
  return <FiguresTable table={item} csvHref={csvHref} />;
}
