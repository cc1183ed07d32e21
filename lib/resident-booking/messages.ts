/**
 * The refusal codes of lib/resident-booking and their words, merged into the one mapper
 * (lib/errors/messages.ts): `RESIDENT_BOOKING_MESSAGES` for the workspace (French),
 * `RESIDENT_BOOKING_PUBLIC_MESSAGES` for what a public page can show (fr, en, ar).
 */
export const RESIDENT_BOOKING_MESSAGES = {} satisfies Record<string, (params: never) => string>;

const plural = (count: number) => (count > 1 ? "s" : "");

export const RESIDENT_BOOKING_PUBLIC_MESSAGES = {
  fr: {
    "resident_booking.not_open": () => "Ce service ne prend pas de rendez-vous en ligne : appelez-le ou présentez-vous.",
    "resident_booking.slot_taken": () => "Ce créneau vient d'être pris par quelqu'un d'autre. Choisissez-en un autre ci-dessous.",
    "resident_booking.slot_gone": () => "Ce créneau n'est plus proposé. Choisissez-en un autre ci-dessous.",
    "resident_booking.already_booked": () => "Ce rendez-vous est déjà enregistré : le lien pour le retrouver est dans le courriel de confirmation.",
    "resident_booking.rate_limited": ({ minutes }: { minutes: number }) =>
      `Trop de demandes d'un coup. Pour éviter les abus, réessayez dans ${minutes} minute${plural(minutes)}, ou appelez le service.`,
    "resident_booking.link_used": () => "Ce lien ne permet plus de faire ce changement : le rendez-vous a déjà été annulé, déplacé ou a eu lieu.",
    "resident_booking.hold_expired": () => "Le délai pour confirmer ce créneau est passé : il a été proposé à quelqu'un d'autre.",
  },
  en: {
    "resident_booking.not_open": () => "This service does not take appointments online: call it or come in person.",
    "resident_booking.slot_taken": () => "Someone else has just taken this slot. Please choose another one below.",
    "resident_booking.slot_gone": () => "This slot is no longer offered. Please choose another one below.",
    "resident_booking.already_booked": () => "This appointment is already booked: the link to find it again is in the confirmation email.",
    "resident_booking.rate_limited": ({ minutes }: { minutes: number }) =>
      `Too many requests at once. To prevent abuse, please try again in ${minutes} minute${plural(minutes)}, or call the service.`,
    "resident_booking.link_used": () => "This link can no longer make this change: the appointment was already cancelled, moved or has taken place.",
    "resident_booking.hold_expired": () => "The time to confirm this slot has passed: it has been offered to someone else.",
  },
  ar: {
    "resident_booking.not_open": () => "هذه الخدمة لا تأخذ المواعيد عبر الإنترنت: اتصل بها أو احضر شخصيا.",
    "resident_booking.slot_taken": () => "لقد حجز شخص آخر هذا الموعد للتو. اختر موعدا آخر أدناه.",
    "resident_booking.slot_gone": () => "لم يعد هذا الموعد متاحا. اختر موعدا آخر أدناه.",
    "resident_booking.already_booked": () => "هذا الموعد مسجّل بالفعل: رابط الوصول إليه موجود في بريد التأكيد.",
    "resident_booking.rate_limited": ({ minutes }: { minutes: number }) => `طلبات كثيرة دفعة واحدة. لتجنب الإساءة، أعد المحاولة بعد ${minutes} دقيقة، أو اتصل بالخدمة.`,
    "resident_booking.link_used": () => "لم يعد هذا الرابط يسمح بهذا التغيير: الموعد أُلغي أو نُقل أو تمّ بالفعل.",
    "resident_booking.hold_expired": () => "انتهت مهلة تأكيد هذا الموعد: عُرض على شخص آخر.",
  },
} satisfies Record<"fr" | "en" | "ar", Record<string, (params: never) => string>>;
