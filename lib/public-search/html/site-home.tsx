/** @jsxImportSource @/lib/html */
/** The site's home (`/`): what Toile is for, in plain words, and the published territories. */
import type { DocumentHead } from "@/lib/html/document";
import type { HtmlPage } from "@/lib/html/respond";
import { languageSwitch } from "@/lib/html/language-switch";
import { safeUrl, sitePath } from "@/lib/html/url";
import type { Locale } from "@/lib/i18n/locales";
import { defineMessages } from "@/lib/i18n/messages";
import { inLocale } from "./home-page";

const messages = defineMessages({
  fr: {
    title: "Trouver de l'aide au numérique et aux démarches",
    description: "Qui fait quoi, près de chez vous ? L'aide au numérique et aux démarches de votre territoire : où aller, quand, et quoi apporter.",
    heading: "Qui fait quoi, près de chez vous ?",
    intro: "L'aide au numérique et aux démarches proposée sur votre territoire : où aller, quand, et quoi apporter.",
    territories: "Territoires",
    none: "Aucun territoire n'est encore publié.",
    structures: (count: number) => `(${count} structure${count > 1 ? "s" : ""})`,
  },
  en: {
    title: "Find help with digital tools and paperwork",
    description: "Who does what, near you? Help with digital tools and paperwork in your area: where to go, when, and what to bring.",
    heading: "Who does what, near you?",
    intro: "Help with digital tools and paperwork in your area: where to go, when, and what to bring.",
    territories: "Areas",
    none: "No area has been published yet.",
    structures: (count: number) => `(${count} organisation${count > 1 ? "s" : ""})`,
  },
  ar: {
    title: "ابحث عن مساعدة في الأدوات الرقمية والإجراءات الإدارية",
    description: "من يفعل ماذا بالقرب منك؟ المساعدة في الأدوات الرقمية والإجراءات الإدارية في منطقتك: إلى أين تذهب، ومتى، وماذا تحضر.",
    heading: "من يفعل ماذا بالقرب منك؟",
    intro: "المساعدة في الأدوات الرقمية والإجراءات الإدارية في منطقتك: إلى أين تذهب، ومتى، وماذا تحضر.",
    territories: "المناطق",
    none: "لم تُنشر أي منطقة بعد.",
    structures: (count: number) => `(${count} ${count > 1 ? "هيئات" : "هيئة"})`,
  },
});

export interface PublishedTerritory {
  slug: string;
  name: string;
  structureCount: number;
}

export function siteHome(territories: readonly PublishedTerritory[], locale: Locale, addresses: Pick<DocumentHead, "canonical" | "alternates">): HtmlPage {
  const t = messages(locale);
  const main = (
    <>
      {languageSwitch(locale, "/", {})}
      <h1 class="mt-4 text-3xl font-bold">{t.heading}</h1>
      <p class="mt-2 text-lg text-slate-700">{t.intro}</p>
      <h2 class="mt-8 text-xl font-semibold">{t.territories}</h2>
      {territories.length === 0 ? (
        <p class="mt-2">{t.none}</p>
      ) : (
        <ul class="mt-2 space-y-2">
          {territories.map((territory) => (
            <li>
              <a href={safeUrl(sitePath("t", territory.slug), inLocale(locale))} class="inline-block min-h-11 py-2 text-lg text-accent underline" lang="fr">
                {territory.name}
              </a>{" "}
              <span class="text-slate-700">{t.structures(territory.structureCount)}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
  return { head: { title: t.title, description: t.description, ...addresses }, main };
}
