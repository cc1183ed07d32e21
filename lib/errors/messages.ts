/**
 * The one mapper from an error's code to the words a person reads. Domain functions return or
 * throw codes (`lib/errors/app-error.ts`), never sentences; the server action wrappers
 * (`lib/actions/authorized-action.ts`, `lib/public-offer/public-action.ts`) turn them into words
 * here. Workspace codes are said in French; the codes a public page can show are also said in the
 * public pages' languages (fr, en, ar). A message is a function of the code's params, so a code's
 * params are typed once, here.
 */
import { defineMessages } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/locales";
import type { TransferStatus } from "@/lib/generated/prisma/enums";
import { STATUS_LABELS } from "@/lib/transfers/labels";
import { AGENDA_MESSAGES, AGENDA_PUBLIC_MESSAGES } from "@/lib/agenda/messages";
import { CAMPAIGN_MESSAGES } from "@/lib/campaigns/messages";
import { ERROR_REPORT_MESSAGES } from "@/lib/error-reports/messages";
import { NEWCOMER_MESSAGES } from "@/lib/newcomers/messages";
import { APPOINTMENT_MESSAGES, APPOINTMENT_PUBLIC_MESSAGES } from "@/lib/appointments/messages";
import { PERMANENCE_MESSAGES, PERMANENCE_PUBLIC_MESSAGES } from "@/lib/permanences/messages";
import { PHONE_LINE_MESSAGES } from "@/lib/phone-line/messages";
import { WORKSHOP_MESSAGES, WORKSHOP_PUBLIC_MESSAGES } from "@/lib/workshops/messages";
import { RESIDENT_BOOKING_MESSAGES, RESIDENT_BOOKING_PUBLIC_MESSAGES } from "@/lib/resident-booking/messages";

const dateTime = (timeZone: string) => new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeStyle: "short", timeZone });

/** The codes a public page (no account, fr / en / ar) can show, with their words in each language. */
export const publicMessages = defineMessages({
  fr: {
    "form.invalid": () => "Corrigez les champs signalés.",
    "service.unavailable": () =>
      "Toile est momentanément indisponible : rien n'a été enregistré. Ce que vous avez écrit est toujours là : envoyez-le de nouveau dans une minute.",
    "report.offer_gone": () => "Cette offre n'est plus publiée.",
    "report.rate_limited": ({ minutes }: { minutes: number }) =>
      `Merci, nous avons bien reçu vos signalements. Pour éviter les abus, réessayez dans ${minutes} minute${minutes > 1 ? "s" : ""}.`,
    ...AGENDA_PUBLIC_MESSAGES.fr,
    ...APPOINTMENT_PUBLIC_MESSAGES.fr,
    ...PERMANENCE_PUBLIC_MESSAGES.fr,
    ...WORKSHOP_PUBLIC_MESSAGES.fr,
    ...RESIDENT_BOOKING_PUBLIC_MESSAGES.fr,
  },
  en: {
    "form.invalid": () => "Please correct the fields shown.",
    "service.unavailable": () => "Toile is temporarily unavailable: nothing was saved. What you wrote is still here: send it again in a minute.",
    "report.offer_gone": () => "This offer is no longer published.",
    "report.rate_limited": ({ minutes }: { minutes: number }) =>
      `Thank you, we have received your reports. To prevent abuse, please try again in ${minutes} minute${minutes > 1 ? "s" : ""}.`,
    ...AGENDA_PUBLIC_MESSAGES.en,
    ...APPOINTMENT_PUBLIC_MESSAGES.en,
    ...PERMANENCE_PUBLIC_MESSAGES.en,
    ...WORKSHOP_PUBLIC_MESSAGES.en,
    ...RESIDENT_BOOKING_PUBLIC_MESSAGES.en,
  },
  ar: {
    "form.invalid": () => "صحّح الحقول المشار إليها.",
    "service.unavailable": () => "توال غير متاح مؤقتًا: لم يُحفظ شيء. ما كتبته ما زال هنا: أرسله مرة أخرى بعد دقيقة.",
    "report.offer_gone": () => "هذا العرض لم يعد منشورا.",
    "report.rate_limited": ({ minutes }: { minutes: number }) => `شكرا، لقد استلمنا بلاغاتك. لتجنب الإساءة، أعد المحاولة بعد ${minutes} دقيقة.`,
    ...AGENDA_PUBLIC_MESSAGES.ar,
    ...APPOINTMENT_PUBLIC_MESSAGES.ar,
    ...PERMANENCE_PUBLIC_MESSAGES.ar,
    ...WORKSHOP_PUBLIC_MESSAGES.ar,
    ...RESIDENT_BOOKING_PUBLIC_MESSAGES.ar,
  },
});

/** Every code of the professionals' workspace, with its French words. */
export const WORKSPACE_MESSAGES = {
  not_found: () => "Introuvable : cette page n'existe pas, ou vous n'y avez pas accès.",
  "session.expired": () => "Votre session a expiré : reconnectez-vous.",
  /** The magic-link request (lib/auth/sign-in-errors.ts); the first three are the sign-in schema's. */
  "sign_in.email_missing": () => "Indiquez votre adresse courriel.",
  "sign_in.email_too_long": () => "Cette adresse est trop longue.",
  "sign_in.email_invalid": () => "Cette adresse courriel n'est pas valide (exemple : prenom.nom@exemple.fr).",
  "sign_in.too_many_links": ({ minutes }: { minutes: number }) => `Trop de demandes de lien. Réessayez dans ${minutes} minute${minutes > 1 ? "s" : ""}.`,
  "form.invalid": () => publicMessages("fr")["form.invalid"](),
  /** A save based on an old version. `what` is what was saved, with its article, and its pronoun. */
  "save.changed_meanwhile": ({ what, pronoun, fields }: { what: string; pronoun: "le" | "la"; fields: string[] }) =>
    `Quelqu'un d'autre a enregistré ${what} pendant que vous ${pronoun} modifiiez. ` +
    `Champs qui diffèrent de votre saisie : ${fields.join(", ") || "aucun"}. ` +
    `Rechargez la page pour voir la version enregistrée, puis refaites vos changements.`,
  "hours.changed_meanwhile": ({ current }: { current: string }) =>
    `Quelqu'un d'autre a modifié ces horaires pendant que vous les changiez. Ils sont maintenant : ${current}. ` +
    `Rechargez la page pour partir de ces horaires, puis refaites vos changements.`,
  "place.commune_not_listed": () => "Choisissez la commune dans la liste des communes de ce code postal.",
  "place.has_offers": ({ offers }: { offers: { title: string; structureName: string }[] }) =>
    `Ce lieu n'a pas été supprimé : des offres s'y tiennent encore : ${offers.map((offer) => `« ${offer.title} » (${offer.structureName})`).join(", ")}. ` +
    `Retirez-les de ce lieu d'abord.`,
  "place.geocoder_unavailable": () =>
    "Le service d'adresses ne répond pas : saisissez l'adresse et, si vous les connaissez, les coordonnées à la main.",
  "offer.term_gone": () => "Un des choix cochés n'existe plus : rechargez la page.",
  "offer.place_gone": () => "Un des lieux choisis n'existe plus sur le territoire : rechargez la page.",
  "offer.redirect_structure_gone": () => "Cette structure n'existe plus sur le territoire.",
  "structure.typology_unknown": () => "Ce type de structure n'existe pas.",
  "structure.label_unknown": () => "Un des labels cochés n'existe pas.",
  "offer.not_ready": ({ problems }: { problems: string[] }) => `Pas encore prête à publier : ${problems.join(" ")}`,
  "invitation.invalid": () => "Cette invitation n'existe pas. Vérifiez le lien reçu par courriel.",
  "invitation.expired": () => "Cette invitation a expiré : demandez à la structure de vous en envoyer une nouvelle.",
  "invitation.used": () => "Cette invitation a déjà été acceptée.",
  "invitation.other_address": () =>
    "Cette invitation a été envoyée à une autre adresse que la vôtre : connectez-vous avec l'adresse qui l'a reçue.",
  "join_request.already_decided": () => "Quelqu'un a déjà répondu à cette demande.",
  "membership.last_admin": () =>
    "C'est la seule personne qui administre la structure : invitez d'abord quelqu'un d'autre comme administrateur·rice.",
  "territory.slug_taken": () => "Cette adresse est déjà prise par un autre territoire.",
  /** A command this person may not make on this transfer: nothing more is said. */
  "transfer.not_yours": () => "Action impossible : ce transfert n'existe pas, ou cette action ne vous revient pas.",
  /** "Déjà traité par Karim Benali (Espace France Services) le 22 novembre 2026 à 19:04 : …". */
  "transfer.already_decided": ({ status, by, at, timeZone }: { status: TransferStatus; by: string | null; at: Date | null; timeZone: string }) =>
    `Déjà traité${by ? ` par ${by}` : ""}${at ? ` le ${dateTime(timeZone).format(at)}` : ""} : ce transfert est maintenant « ${STATUS_LABELS[status]} ».`,
  "transfer.personal_data_already_erased": ({ at, timeZone }: { at: Date | null; timeZone: string }) =>
    `Les données de la personne ont déjà été effacées${at ? ` le ${dateTime(timeZone).format(at)}` : ""}.`,
  "transfer.partner_not_listed": () => "Choisissez un partenaire publié du territoire dans la liste.",
  "transfer.level_not_accepted": () =>
    "Cette offre n'accepte pas les transferts accompagnés : choisissez « Transfert simple » (la personne s'y rend avec la fiche).",
  "transfer.warnings_not_confirmed": ({ warnings }: { warnings: string[] }) =>
    `Lisez les avertissements (${warnings.join(" ")}) puis cochez « Je transfère quand même ».`,
  "transfer.deadline_past": () => "L'échéance est déjà passée : indiquez une date à venir.",
  "transfer.appointment_past": () => "Ce rendez-vous est déjà passé : indiquez une date et une heure à venir.",
  "transfer.appointment_place_unknown": () => "Choisissez l'un des lieux de l'offre.",
  "transfer.need_unknown": () => "Choisissez l'un des besoins proposés.",
  "transfer.previous_not_found": () => "Le transfert précédent est introuvable, ou vous n'y avez pas accès.",
  /** An import job (lib/open-data/import/jobs.ts) that stopped, or that its owner can no longer see. */
  "import.failed": () =>
    "L'import n'a pas abouti à cause d'une erreur du serveur : rien n'a été enregistré. Déposez le fichier à nouveau ; si cela recommence, signalez-le.",
  "import.interrupted": () =>
    "L'analyse a été interrompue plusieurs fois (le serveur a redémarré) : rien n'a été enregistré. Déposez le fichier à nouveau, ou découpez-le.",
  "import.gone": () =>
    "Cet import n'existe plus : il a été abandonné, ou il a expiré (2 heures), ou il n'est pas le vôtre. Déposez le fichier à nouveau.",
  /** The inbox's search by reference code (findTransferByCode). */
  "transfer.code_incomplete": () => "Code incomplet : un code de transfert a la forme TR-XXXX-XX (six lettres et chiffres après « TR »).",
  "transfer.code_unknown": ({ code }: { code: string }) => `Aucun transfert avec le code ${code} dans vos structures.`,
  // Time given to people (issue 17): each feature's codes live beside it.
  ...AGENDA_MESSAGES,
  ...APPOINTMENT_MESSAGES,
  ...PERMANENCE_MESSAGES,
  ...PHONE_LINE_MESSAGES,
  ...WORKSHOP_MESSAGES,
  ...RESIDENT_BOOKING_MESSAGES,
  // Keeping the matrix true (issue 21).
  ...CAMPAIGN_MESSAGES,
  ...ERROR_REPORT_MESSAGES,
  ...NEWCOMER_MESSAGES,
} satisfies Record<string, (params: never) => string>;

export type WorkspaceCode = keyof typeof WORKSPACE_MESSAGES;
export type PublicCode = keyof ReturnType<typeof publicMessages>;
export type ErrorCode = WorkspaceCode | PublicCode;

type Catalogue = typeof WORKSPACE_MESSAGES & ReturnType<typeof publicMessages>;
/** What a code's words need: `undefined` when nothing. */
export type ParamsOf<C extends ErrorCode> = Parameters<Catalogue[C]> extends [] ? undefined : Parameters<Catalogue[C]>[0];

export const WORKSPACE_CODES = Object.keys(WORKSPACE_MESSAGES) as WorkspaceCode[];
export const PUBLIC_CODES = Object.keys(publicMessages("fr")) as PublicCode[];

const isPublic = (code: ErrorCode): code is PublicCode => (PUBLIC_CODES as string[]).includes(code);

/** A code with its params: what domain functions return or throw instead of words. */
export type Coded = {
  [C in ErrorCode]: ParamsOf<C> extends undefined ? { code: C; params?: undefined } : { code: C; params: ParamsOf<C> };
}[ErrorCode];

/**
 * The words of a coded error. A public code is said in `locale`; a workspace code always in
 * French (the workspace is French). `form.invalid`, in both lists, says the same in French.
 */
export function messageOf({ code, params }: Coded, locale?: Locale): string {
  const say = (message: unknown) => (message as (params: unknown) => string)(params);
  if (locale && isPublic(code)) return say(publicMessages(locale)[code]);
  if (code in WORKSPACE_MESSAGES) return say(WORKSPACE_MESSAGES[code as WorkspaceCode]);
  return say(publicMessages(locale ?? "fr")[code as PublicCode]);
}
