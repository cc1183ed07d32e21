/** "10 h – 12 h, sur rendez-vous": the times always read left to right, in Arabic too. */
import type { Range } from "@/lib/hours/rules";
import { timeIn } from "@/lib/hours/status-text";
import type { Locale } from "@/lib/i18n/locales";
import { offerMessages } from "@/lib/public-offer/messages";

export function OfferRange({ range, locale }: { range: Range; locale: Locale }) {
  return (
    <span className="me-3 inline-block">
      <span dir="ltr">
        {timeIn(locale, range.opensAtMinute)} – {timeIn(locale, range.closesAtMinute)}
      </span>
      {range.appointmentOnly ? `, ${offerMessages(locale).appointment}` : null}
    </span>
  );
}
