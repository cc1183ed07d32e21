import { headers } from "next/headers";
import { OfferNotFound } from "@/components/public/OfferNotFound";
import { LOCALE_HEADER, localeFrom } from "@/lib/i18n/locales";

export default async function NotFound() {
  return <OfferNotFound locale={localeFrom((await headers()).get(LOCALE_HEADER))} />;
}
