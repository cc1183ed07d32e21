/** A label cut to fit a chart (the full label stays in the table beside it and in the SVG's tooltip). */
export function truncateLabel(label: string, maxChars: number): string {
  const characters = Array.from(label.trim());
  if (characters.length <= maxChars) return characters.join("");
  return `${characters.slice(0, Math.max(1, maxChars - 1)).join("").trimEnd()}…`;
}
