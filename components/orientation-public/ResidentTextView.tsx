/** A reason's plain words (lib/orientation/resident-reasons.ts): the matrix's own words marked French. */
import type { Locale } from "@/lib/i18n/locales";
import type { ResidentText } from "@/lib/orientation/resident-reasons";

export function ResidentTextView({ text, locale }: { text: ResidentText; locale: Locale }) {
  return (
    <>
      {text.map((part, index) =>
        typeof part === "string" ? (
          <span key={index}>{part}</span>
        ) : (
          <span key={index} lang={locale === "fr" ? undefined : "fr"}>
            {part.fr}
          </span>
        ),
      )}
    </>
  );
}
