/** Dates of the transfers' pages, in French, in the territory's time zone (Europe/Paris by default). */
const formats = new Map<string, { date: Intl.DateTimeFormat; dateTime: Intl.DateTimeFormat; day: Intl.DateTimeFormat }>();

function formatsFor(timeZone: string) {
  let found = formats.get(timeZone);
  if (!found) {
    found = {
      date: new Intl.DateTimeFormat("fr-FR", { dateStyle: "short", timeZone }),
      dateTime: new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeStyle: "short", timeZone }),
      // A deadline is a calendar day, stored at midnight UTC.
      day: new Intl.DateTimeFormat("fr-FR", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }),
    };
    formats.set(timeZone, found);
  }
  return found;
}

export const formatDate = (date: Date, timeZone = "Europe/Paris") => formatsFor(timeZone).date.format(date);
export const formatDateTime = (date: Date, timeZone = "Europe/Paris") => formatsFor(timeZone).dateTime.format(date);
export const formatDay = (date: Date) => formatsFor("UTC").day.format(date);
