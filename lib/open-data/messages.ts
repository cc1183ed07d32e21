/** The link to a territory's open data from the residents' pages, in their languages. */
import { defineMessages } from "@/lib/i18n/messages";

export const openDataMessages = defineMessages({
  fr: { openData: "Données ouvertes : télécharger l'offre du territoire" },
  en: { openData: "Open data: download this area's services (in French)" },
  ar: { openData: "البيانات المفتوحة: تنزيل عروض المنطقة (بالفرنسية)" },
});
