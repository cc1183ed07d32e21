/**
 * Reminders the day before (issue 17, point 8): from 09:00 (territory's time) on the day before,
 * each booked appointment starting tomorrow reminds the person — by email and/or SMS, only through
 * what they consented to give — and its mediator (by email, without the person's name: a
 * reference, the time, the place). Confirmed workshop seats remind their person the same way.
 * RDV Solidarités measured about 20 % of appointments neither honoured nor cancelled before it
 * sent reminders.
 *
 * Each reminder is sent once: a conditional update on `reminderSentAt` (and
 * `mediatorReminderSentAt`) in the transaction that writes the outbox rows, so several instances
 * running the step at once write it once.
 */
import type { PrismaClient } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/outbox";
import { addDays } from "@/lib/hours/holidays";
import { localTime } from "@/lib/hours/rules";
import { appointmentReference } from "@/lib/calendar/appointments";
import { enqueueSms, smsEnabled } from "@/lib/sms/outbox";
import { decryptPersonalDetails } from "@/lib/transfers/personal-data";

/** Local minute of the day before from which reminders go out. */
const REMINDER_FROM_MINUTE = 9 * 60;

const time = (instant: Date, timeZone: string) => new Intl.DateTimeFormat("fr-FR", { hour: "2-digit", minute: "2-digit", timeZone }).format(instant);

/** Whether `startsAt` is tomorrow for `now` in that time zone, and the reminders' hour has come. */
export function reminderDue(startsAt: Date, now: Date, timeZone: string): boolean {
  const today = localTime(now, timeZone);
  return localTime(startsAt, timeZone).date === addDays(today.date, 1) && today.minute >= REMINDER_FROM_MINUTE;
}

/** The person's contact details, only when they are stored with a consent (`consentScope` not empty). */
const contactOf = (encrypted: string | null, consentScope: string[]) => (encrypted && consentScope.length > 0 ? decryptPersonalDetails(encrypted) : null);

export async function runAppointmentReminders(db: PrismaClient, now: Date): Promise<number> {
  const candidates = await db.appointment.findMany({
    where: {
      status: "booked",
      startsAt: { gt: now, lte: new Date(now.getTime() + 48 * 3_600_000) },
      OR: [{ reminderSentAt: null }, { mediatorReminderSentAt: null }],
    },
    select: {
      id: true,
      startsAt: true,
      personLabel: true,
      personalDetailsEncrypted: true,
      consentScope: true,
      reminderSentAt: true,
      mediatorReminderSentAt: true,
      mediator: { select: { email: true } },
      offer: { select: { title: true } },
      place: { select: { name: true, address: true, communeName: true } },
      structure: { select: { phone: true } },
      territory: { select: { timeZone: true } },
    },
    take: 500,
  });
  let sent = 0;
  for (const appointment of candidates) {
    const { timeZone } = appointment.territory;
    if (!reminderDue(appointment.startsAt, now, timeZone)) continue;
    const at = time(appointment.startsAt, timeZone);
    const where = appointment.place ? `${appointment.place.name}, ${appointment.place.address}, ${appointment.place.communeName}` : "par téléphone ou à distance";
    const phone = appointment.structure.phone ? ` Pour annuler ou changer, appelez le ${appointment.structure.phone}.` : "";
    await db.$transaction(async (tx) => {
      if (!appointment.reminderSentAt) {
        const claimed = await tx.appointment.updateMany({ where: { id: appointment.id, status: "booked", reminderSentAt: null }, data: { reminderSentAt: now } });
        const contact = contactOf(appointment.personalDetailsEncrypted, appointment.consentScope);
        if (claimed.count === 1 && contact) {
          if (contact.email)
            await enqueueEmail(tx, {
              to: contact.email,
              subject: "Rappel : votre rendez-vous de demain",
              text: [`Bonjour ${appointment.personLabel ?? ""},`, "", `Rappel : rendez-vous demain à ${at}${appointment.offer ? ` (« ${appointment.offer.title} »)` : ""}, ${where}.${phone}`, "", "— Toile"].join("\n"),
            });
          if (contact.phone && smsEnabled()) await enqueueSms(tx, { to: contact.phone, text: `Rappel : RDV demain a ${at}, ${appointment.place?.name ?? "par telephone"}.${phone}` }, now);
          sent += 1;
        }
      }
      if (!appointment.mediatorReminderSentAt) {
        const claimed = await tx.appointment.updateMany({ where: { id: appointment.id, status: "booked", mediatorReminderSentAt: null }, data: { mediatorReminderSentAt: now } });
        if (claimed.count === 1 && appointment.mediator?.email) {
          await enqueueEmail(tx, {
            to: appointment.mediator.email,
            subject: `Demain à ${at} : ${appointmentReference(appointment.id)}`,
            text: [`Rendez-vous demain à ${at}${appointment.offer ? `, « ${appointment.offer.title} »` : ""}, ${where}.`, `Référence ${appointmentReference(appointment.id)} (la personne est nommée dans Toile).`, "", "— Toile"].join("\n"),
          });
          sent += 1;
        }
      }
    });
  }
  return sent;
}

export async function runWorkshopReminders(db: PrismaClient, now: Date): Promise<number> {
  const candidates = await db.workshopRegistration.findMany({
    where: {
      status: "confirmed",
      reminderSentAt: null,
      personalDetailsEncrypted: { not: null },
      session: { status: "scheduled", startsAt: { gt: now, lte: new Date(now.getTime() + 48 * 3_600_000) } },
    },
    select: {
      id: true,
      personLabel: true,
      personalDetailsEncrypted: true,
      consentScope: true,
      session: { select: { theme: true, startsAt: true, place: { select: { name: true } }, structure: { select: { phone: true } }, territory: { select: { timeZone: true } } } },
    },
    take: 500,
  });
  let sent = 0;
  for (const registration of candidates) {
    const { session } = registration;
    if (!reminderDue(session.startsAt, now, session.territory.timeZone)) continue;
    const at = time(session.startsAt, session.territory.timeZone);
    const phone = session.structure.phone ? ` Si vous ne pouvez pas venir, prevenez le ${session.structure.phone}.` : "";
    await db.$transaction(async (tx) => {
      const claimed = await tx.workshopRegistration.updateMany({ where: { id: registration.id, reminderSentAt: null }, data: { reminderSentAt: now } });
      const contact = contactOf(registration.personalDetailsEncrypted, registration.consentScope);
      if (claimed.count !== 1 || !contact) return;
      if (contact.email)
        await enqueueEmail(tx, {
          to: contact.email,
          subject: "Rappel : votre atelier de demain",
          text: [`Bonjour ${registration.personLabel ?? ""},`, "", `Rappel : atelier « ${session.theme} » demain à ${at}${session.place ? `, ${session.place.name}` : ""}.${phone}`, "", "— Toile"].join("\n"),
        });
      if (contact.phone && smsEnabled()) await enqueueSms(tx, { to: contact.phone, text: `Rappel : atelier demain a ${at}${session.place ? `, ${session.place.name}` : ""}.${phone}` }, now);
      sent += 1;
    });
  }
  return sent;
}
