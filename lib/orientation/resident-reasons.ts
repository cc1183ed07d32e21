/**
 * The orientation engine's reasons (types.ts) in plain words for residents, in French, English
 * and Arabic: why an offer is proposed ("Ouvert maintenant, jusqu'à 17 h", "À 2,5 km de chez
 * vous") and why another is not ("Réservé aux 16–25 ans", "Fermé jusqu'au mardi 8 décembre").
 * Never a score. One `Record` per language over every code, so a new code without words fails
 * type-checking.
 *
 * What the matrix says in its own words (a condition, the documents to bring, a place's name)
 * stays French: a text is a list of parts, and a `{ fr }` part is shown marked `lang="fr"`.
 * Dates and times are said in the territory's time zone.
 */
import { localTime } from "@/lib/hours/rules";
import { timeIn } from "@/lib/hours/status-text";
import type { Locale } from "@/lib/i18n/locales";
import { LANGUAGES } from "@/lib/offers/schemas";
import { languageNames, shortDate, weekdayName } from "@/lib/public-offer/present";
import { searchMessages } from "@/lib/public-search/messages";
import { POSTURES, type Posture } from "@/lib/public-search/filters";
import { findNeed } from "@/lib/public-search/needs";
import type { PublicCode } from "./situation";
import type { Exclusion, ExclusionCode, Reason, ReasonCode } from "./types";

/** A piece of text: in the page's language, or the matrix's French words. */
export type TextPart = string | { fr: string };
export type ResidentText = TextPart[];

/** The text without its marks, for tests and plain contexts. */
export const plainText = (text: ResidentText) => text.map((part) => (typeof part === "string" ? part : part.fr)).join("");

type Params = Record<string, string | number>;

/** What the words need besides the parameters: the language's formatting and labels. */
interface Say {
  locale: Locale;
  /** "mardi 8 décembre", from a day "YYYY-MM-DD". */
  day: (date: unknown) => string;
  /** "mardi 8 décembre à 14 h", from an ISO instant, in the territory's time zone. */
  instant: (at: unknown) => string;
  /** "14 h", from an ISO instant. */
  time: (at: unknown) => string;
  km: (value: unknown) => string;
  need: (slug: unknown) => string;
  postures: (codes: unknown) => string;
  publics: (codes: unknown) => string;
  language: (code: unknown) => string;
  ages: (params: Params) => string;
}

const text = (value: unknown) => (value === undefined || value === null ? "" : String(value));
/** A `{ fr }` part when there is something to say, else nothing. */
const french = (value: unknown): TextPart[] => (text(value) ? [{ fr: text(value) }] : []);

type Words<C extends string> = Record<C, (params: Params, say: Say) => ResidentText>;

const reasonsFr: Words<ReasonCode> = {
  need_answered: (p, s) => [p.coverage === "partial" ? `Aide en partie pour : ${s.need(p.need)}` : `Aide pour : ${s.need(p.need)}`],
  digital_part_only: (p, s) => [`Peut vous aider pour la partie en ligne de : ${s.need(p.need)}`],
  text_matches: (p) => [`Parle de « ${text(p.words)} »`],
  redirected_here: (p) => ["Conseillé pour ce besoin par : ", ...french(p.fromStructure)],
  serves_public: (p, s) => [p.public ? `Prévu pour : ${s.publics(p.public)}` : `Prévu pour les personnes de votre âge (${s.ages(p)})`],
  for_everyone: () => ["Ouvert à tout le monde"],
  posture_matches: (p, s) => [`${s.postures(p.posture)} : c'est ce que vous voulez`],
  posture_differs: (p, s) => [`Ici : ${s.postures(p.posture)}. Ce n'est pas tout à fait ce que vous voulez`],
  walk_in: (p) => [p.long ? "Sans rendez-vous, mais votre demande risque d'être trop longue pour cela" : p.quick ? "Sans rendez-vous : une réponse sur place" : "Vous pouvez venir sans rendez-vous"],
  appointment_only: (p) => [p.long ? "Sur rendez-vous : c'est mieux pour une demande longue" : "Sur rendez-vous seulement"],
  next_opening: (p, s) => [p.open ? `Ouvert maintenant, jusqu'à ${s.time(p.at)}` : `Prochaine ouverture : ${s.instant(p.at)}`],
  open_before_deadline: (p, s) => [
    p.open ? `Ouvert maintenant, avant votre date limite (${s.day(p.deadline)})` : `Ouvert avant votre date limite (${s.day(p.deadline)}) : ${s.instant(p.at)}`,
  ],
  next_free_slot: (p, s) => [`Prochain rendez-vous libre : ${s.instant(p.at)}`],
  no_free_slot_before_deadline: (p, s) => [`Pas de rendez-vous libre avant votre date limite (${s.day(p.deadline)})`],
  delay_beyond_deadline: (p, s) => [`Il faut souvent attendre ${text(p.days)} jours : c'est après votre date limite (${s.day(p.deadline)})`],
  saturated: () => ["Complet en ce moment : ne prend pas de nouvelles personnes"],
  distance: (p, s) => [`À ${s.km(p.km)} de chez vous`, ...(p.place ? [" : ", { fr: text(p.place) }] : [])],
  remote: () => ["À distance ou par téléphone : pas besoin de vous déplacer"],
  remote_needs_equipment: () => ["À distance : il faut un téléphone ou un ordinateur"],
  equipment_provided: () => ["Ordinateurs et internet sur place"],
  language_spoken: (p, s) => [`On y parle votre langue : ${s.language(p.language)}`],
  language_not_spoken: (p, s) => [`Ne dit pas parler votre langue : ${s.language(p.language)}`],
  wheelchair_accessible: () => ["Accessible en fauteuil roulant"],
  wheelchair_unknown: (p) => ["Accessibilité en fauteuil roulant pas indiquée", ...(p.place ? [" : ", { fr: text(p.place) }] : [])],
  condition_to_check: (p, s) => (p.condition ? ["Condition à vérifier : ", { fr: text(p.condition) }] : [`Prévu surtout pour : ${s.publics(p.publics)}`]),
  documents_to_bring: (p) => ["À apporter : ", ...french(p.documents)],
  free: () => ["Gratuit"],
  paid: (p) => ["Payant", ...(p.details ? [" : ", { fr: text(p.details) }] : [])],
  verified_recently: (p, s) => [`Informations vérifiées le ${s.day(p.on)}`],
  stale: (p, s) => [p.on ? `Informations vérifiées le ${s.day(p.on)} : appelez avant d'y aller` : "Informations jamais vérifiées : appelez avant d'y aller"],
  accepts_transfers: () => ["Un médiateur peut vous y adresser directement"],
};

const reasonsEn: Words<ReasonCode> = {
  need_answered: (p, s) => [p.coverage === "partial" ? `Helps in part with: ${s.need(p.need)}` : `Helps with: ${s.need(p.need)}`],
  digital_part_only: (p, s) => [`Can help with the online part of: ${s.need(p.need)}`],
  text_matches: (p) => [`Mentions "${text(p.words)}"`],
  redirected_here: (p) => ["Recommended for this need by: ", ...french(p.fromStructure)],
  serves_public: (p, s) => [p.public ? `Meant for: ${s.publics(p.public)}` : `Meant for people your age (${s.ages(p)})`],
  for_everyone: () => ["Open to everyone"],
  posture_matches: (p, s) => [`${s.postures(p.posture)}: what you want`],
  posture_differs: (p, s) => [`Here: ${s.postures(p.posture)}. Not quite what you want`],
  walk_in: (p) => [p.long ? "No appointment needed, but your request may be too long for that" : p.quick ? "No appointment needed: an answer on the spot" : "You can come without an appointment"],
  appointment_only: (p) => [p.long ? "By appointment: better for a long request" : "By appointment only"],
  next_opening: (p, s) => [p.open ? `Open now, until ${s.time(p.at)}` : `Next opening: ${s.instant(p.at)}`],
  open_before_deadline: (p, s) => [p.open ? `Open now, before your deadline (${s.day(p.deadline)})` : `Open before your deadline (${s.day(p.deadline)}): ${s.instant(p.at)}`],
  next_free_slot: (p, s) => [`Next free appointment: ${s.instant(p.at)}`],
  no_free_slot_before_deadline: (p, s) => [`No free appointment before your deadline (${s.day(p.deadline)})`],
  delay_beyond_deadline: (p, s) => [`It often takes ${text(p.days)} days: after your deadline (${s.day(p.deadline)})`],
  saturated: () => ["Full at the moment: not taking new people"],
  distance: (p, s) => [`${s.km(p.km)} from you`, ...(p.place ? [": ", { fr: text(p.place) }] : [])],
  remote: () => ["Remote or by phone: no need to travel"],
  remote_needs_equipment: () => ["Remote: you need a phone or a computer"],
  equipment_provided: () => ["Computers and internet on site"],
  language_spoken: (p, s) => [`They speak your language: ${s.language(p.language)}`],
  language_not_spoken: (p, s) => [`They do not say they speak your language: ${s.language(p.language)}`],
  wheelchair_accessible: () => ["Wheelchair accessible"],
  wheelchair_unknown: (p) => ["Wheelchair access not stated", ...(p.place ? [": ", { fr: text(p.place) }] : [])],
  condition_to_check: (p, s) => (p.condition ? ["Condition to check: ", { fr: text(p.condition) }] : [`Mainly meant for: ${s.publics(p.publics)}`]),
  documents_to_bring: (p) => ["To bring: ", ...french(p.documents)],
  free: () => ["Free"],
  paid: (p) => ["Not free", ...(p.details ? [": ", { fr: text(p.details) }] : [])],
  verified_recently: (p, s) => [`Information checked on ${s.day(p.on)}`],
  stale: (p, s) => [p.on ? `Information checked on ${s.day(p.on)}: call before you go` : "Information never checked: call before you go"],
  accepts_transfers: () => ["A mediator can refer you there directly"],
};

const reasonsAr: Words<ReasonCode> = {
  need_answered: (p, s) => [p.coverage === "partial" ? `يساعد جزئيا في: ${s.need(p.need)}` : `يساعد في: ${s.need(p.need)}`],
  digital_part_only: (p, s) => [`يمكنه مساعدتك في الجزء الإلكتروني من: ${s.need(p.need)}`],
  text_matches: (p) => [`يتحدث عن «${text(p.words)}»`],
  redirected_here: (p) => ["موصى به لهذه الحاجة من طرف: ", ...french(p.fromStructure)],
  serves_public: (p, s) => [p.public ? `مخصص لـ: ${s.publics(p.public)}` : `مخصص للأشخاص في سنك (${s.ages(p)})`],
  for_everyone: () => ["مفتوح للجميع"],
  posture_matches: (p, s) => [`${s.postures(p.posture)}: هذا ما تريده`],
  posture_differs: (p, s) => [`هنا: ${s.postures(p.posture)}. ليس تماما ما تريده`],
  walk_in: (p) => [p.long ? "بدون موعد، لكن طلبك قد يكون طويلا جدا لذلك" : p.quick ? "بدون موعد: جواب في عين المكان" : "يمكنك المجيء بدون موعد"],
  appointment_only: (p) => [p.long ? "بموعد مسبق: أفضل لطلب طويل" : "بموعد مسبق فقط"],
  next_opening: (p, s) => [p.open ? `مفتوح الآن، حتى الساعة ${s.time(p.at)}` : `الافتتاح القادم: ${s.instant(p.at)}`],
  open_before_deadline: (p, s) => [p.open ? `مفتوح الآن، قبل آخر أجل لك (${s.day(p.deadline)})` : `مفتوح قبل آخر أجل لك (${s.day(p.deadline)}): ${s.instant(p.at)}`],
  next_free_slot: (p, s) => [`أقرب موعد متاح: ${s.instant(p.at)}`],
  no_free_slot_before_deadline: (p, s) => [`لا يوجد موعد متاح قبل آخر أجل لك (${s.day(p.deadline)})`],
  delay_beyond_deadline: (p, s) => [`غالبا ما يجب الانتظار ${text(p.days)} يوما: بعد آخر أجل لك (${s.day(p.deadline)})`],
  saturated: () => ["ممتلئ حاليا: لا يستقبل أشخاصا جددا"],
  distance: (p, s) => [`على بعد ${s.km(p.km)} منك`, ...(p.place ? [": ", { fr: text(p.place) }] : [])],
  remote: () => ["عن بعد أو بالهاتف: لا حاجة للتنقل"],
  remote_needs_equipment: () => ["عن بعد: تحتاج إلى هاتف أو حاسوب"],
  equipment_provided: () => ["حواسيب وإنترنت في عين المكان"],
  language_spoken: (p, s) => [`يتحدثون لغتك: ${s.language(p.language)}`],
  language_not_spoken: (p, s) => [`لا يذكرون أنهم يتحدثون لغتك: ${s.language(p.language)}`],
  wheelchair_accessible: () => ["يمكن الوصول إليه بالكرسي المتحرك"],
  wheelchair_unknown: (p) => ["إمكانية الوصول بالكرسي المتحرك غير مذكورة", ...(p.place ? [": ", { fr: text(p.place) }] : [])],
  condition_to_check: (p, s) => (p.condition ? ["شرط يجب التحقق منه: ", { fr: text(p.condition) }] : [`مخصص خاصة لـ: ${s.publics(p.publics)}`]),
  documents_to_bring: (p) => ["ما يجب إحضاره: ", ...french(p.documents)],
  free: () => ["مجاني"],
  paid: (p) => ["بمقابل", ...(p.details ? [": ", { fr: text(p.details) }] : [])],
  verified_recently: (p, s) => [`تم التحقق من المعلومات في ${s.day(p.on)}`],
  stale: (p, s) => [p.on ? `تم التحقق من المعلومات في ${s.day(p.on)}: اتصل قبل الذهاب` : "لم يتم التحقق من المعلومات أبدا: اتصل قبل الذهاب"],
  accepts_transfers: () => ["يمكن لوسيط أن يوجهك إليه مباشرة"],
};

const exclusionsFr: Words<ExclusionCode> = {
  age_restricted: (p) => [p.minAge !== undefined && p.maxAge !== undefined ? `Réservé aux ${p.minAge}–${p.maxAge} ans` : p.minAge !== undefined ? `Réservé aux ${p.minAge} ans et plus` : `Réservé aux ${text(p.maxAge)} ans et moins`],
  public_restricted: (p, s) => [`Réservé à : ${s.publics(p.publics)}`],
  closed_until: (p, s) => [`Fermé jusqu'au ${s.day(p.until)}`, ...(p.label ? [" : ", { fr: text(p.label) }] : [])],
  no_opening_before_deadline: (p, s) => [`Pas d'ouverture avant votre date limite (${s.day(p.deadline)})`],
  too_far: (p, s) => [Number(p.max) === 0 ? (p.km !== undefined ? `Il faut se déplacer, à ${s.km(p.km)}` : "Il faut se déplacer") : `Trop loin : à ${s.km(p.km)}, vous avez dit ${s.km(p.max)} au plus`],
  not_accessible: () => ["Pas accessible en fauteuil roulant"],
  redirects_elsewhere: (p) => ["Ne fait pas : ", ...french(p.notOffered), ...(p.to ? [". Adressez-vous à : ", { fr: text(p.to) }] : [])],
};

const exclusionsEn: Words<ExclusionCode> = {
  age_restricted: (p) => [p.minAge !== undefined && p.maxAge !== undefined ? `Only for ages ${p.minAge}–${p.maxAge}` : p.minAge !== undefined ? `Only for ages ${p.minAge} and over` : `Only for ages ${text(p.maxAge)} and under`],
  public_restricted: (p, s) => [`Only for: ${s.publics(p.publics)}`],
  closed_until: (p, s) => [`Closed until ${s.day(p.until)}`, ...(p.label ? [": ", { fr: text(p.label) }] : [])],
  no_opening_before_deadline: (p, s) => [`Not open before your deadline (${s.day(p.deadline)})`],
  too_far: (p, s) => [Number(p.max) === 0 ? (p.km !== undefined ? `You would have to travel, ${s.km(p.km)}` : "You would have to travel") : `Too far: ${s.km(p.km)}, you said ${s.km(p.max)} at most`],
  not_accessible: () => ["Not wheelchair accessible"],
  redirects_elsewhere: (p) => ["Does not do: ", ...french(p.notOffered), ...(p.to ? [". Go to: ", { fr: text(p.to) }] : [])],
};

const exclusionsAr: Words<ExclusionCode> = {
  age_restricted: (p) => [p.minAge !== undefined && p.maxAge !== undefined ? `مخصص لمن أعمارهم بين ${p.minAge} و${p.maxAge} سنة` : p.minAge !== undefined ? `مخصص لمن أعمارهم ${p.minAge} سنة فأكثر` : `مخصص لمن أعمارهم ${text(p.maxAge)} سنة فأقل`],
  public_restricted: (p, s) => [`مخصص فقط لـ: ${s.publics(p.publics)}`],
  closed_until: (p, s) => [`مغلق حتى ${s.day(p.until)}`, ...(p.label ? [": ", { fr: text(p.label) }] : [])],
  no_opening_before_deadline: (p, s) => [`غير مفتوح قبل آخر أجل لك (${s.day(p.deadline)})`],
  too_far: (p, s) => [Number(p.max) === 0 ? (p.km !== undefined ? `يجب التنقل، على بعد ${s.km(p.km)}` : "يجب التنقل") : `بعيد جدا: على بعد ${s.km(p.km)}، وقلت ${s.km(p.max)} على الأكثر`],
  not_accessible: () => ["لا يمكن الوصول إليه بالكرسي المتحرك"],
  redirects_elsewhere: (p) => ["لا يقوم بـ: ", ...french(p.notOffered), ...(p.to ? [". توجه إلى: ", { fr: text(p.to) }] : [])],
};

const REASONS: Record<Locale, Words<ReasonCode>> = { fr: reasonsFr, en: reasonsEn, ar: reasonsAr };
const EXCLUSIONS: Record<Locale, Words<ExclusionCode>> = { fr: exclusionsFr, en: exclusionsEn, ar: exclusionsAr };

const AT: Record<Locale, string> = { fr: "à", en: "at", ar: "الساعة" };
const AGES: Record<Locale, (min: unknown, max: unknown) => string> = {
  fr: (min, max) => (min !== undefined && max !== undefined ? `${min}–${max} ans` : min !== undefined ? `${min} ans et plus` : `${text(max)} ans et moins`),
  en: (min, max) => (min !== undefined && max !== undefined ? `ages ${min}–${max}` : min !== undefined ? `ages ${min} and over` : `ages ${text(max)} and under`),
  ar: (min, max) => (min !== undefined && max !== undefined ? `${min}–${max} سنة` : min !== undefined ? `${min} سنة فأكثر` : `${text(max)} سنة فأقل`),
};
const LIST_SEPARATOR: Record<Locale, string> = { fr: ", ", en: ", ", ar: "، " };
const KM: Record<Locale, string> = { fr: "km", en: "km", ar: "كم" };

/** British English: "8 December", the order a European reader expects. */
const intlLocale = (locale: Locale) => (locale === "en" ? "en-GB" : locale);
const numberFormats = new Map<Locale, Intl.NumberFormat>();
function formatNumber(locale: Locale, value: number): string {
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 1 });
    numberFormats.set(locale, format);
  }
  return format.format(value);
}

const isDay = (value: unknown): value is string => typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value);
const asInstant = (value: unknown): Date | null => {
  const date = typeof value === "string" ? new Date(value) : null;
  return date && !Number.isNaN(date.getTime()) ? date : null;
};

function sayIn(locale: Locale, timeZone: string): Say {
  const t = searchMessages(locale);
  const day = (date: unknown) => (isDay(date) ? `${weekdayName(locale, date)} ${shortDate(locale, date)}` : text(date));
  const time = (at: unknown) => {
    const instant = asInstant(at);
    return instant ? timeIn(locale, localTime(instant, timeZone).minute) : text(at);
  };
  const codes = (value: unknown) => text(value).split(",").map((code) => code.trim()).filter(Boolean);
  return {
    locale,
    day,
    time,
    instant: (at) => {
      const instant = asInstant(at);
      if (!instant) return text(at);
      const local = localTime(instant, timeZone);
      return `${day(local.date)} ${AT[locale]} ${timeIn(locale, local.minute)}`;
    },
    km: (value) => `${formatNumber(locale, Number(value))} ${KM[locale]}`,
    need: (slug) => {
      const need = findNeed(text(slug));
      return need ? t.needLabels(need.slug, need.label) : text(slug);
    },
    postures: (value) =>
      codes(value)
        .map((code) => (POSTURES.includes(code as Posture) ? t.postures(code as Posture) : code))
        .join(LIST_SEPARATOR[locale]),
    publics: (value) =>
      codes(value)
        .map((code) => {
          const label = t.publics(code as PublicCode) as string | undefined;
          return label ?? code.replace(/-/g, " ");
        })
        .join(LIST_SEPARATOR[locale]),
    language: (code) => languageNames(locale, [text(code)], LANGUAGES)[0] ?? text(code),
    ages: (params) => AGES[locale](params.minAge, params.maxAge),
  };
}

/** Why an offer is where it is, in plain words. */
export function residentReasonText(reason: Pick<Reason, "code" | "params">, locale: Locale, timeZone: string): ResidentText {
  return REASONS[locale][reason.code](reason.params, sayIn(locale, timeZone));
}

/** Why an offer that answers the need is not proposed, in plain words. */
export function residentExclusionText(exclusion: Exclusion, locale: Locale, timeZone: string): ResidentText {
  return EXCLUSIONS[locale][exclusion.code](exclusion.params, sayIn(locale, timeZone));
}
