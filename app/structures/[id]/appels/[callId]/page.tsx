/**
 * A call sheet (seed 002's phone line, seed 001's 3 A): 1. Accueil — the request in a few words and
 * its category; 2. Analyse — the quick 3-A; 3. Suggestions — the orientation assistant's offers for
 * that analysis, each one click from a transfer made from the call; 4. Issue de l'appel — what came
 * of it, with the message to read aloud or send (with consent). "Terminer l'appel" records the end
 * and the duration. For the members of the structure holding the line; 404 for others.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { OrientationResults } from "@/components/orientation/OrientationResults";
import { EndCallForm, OutcomeForm, SheetForm } from "@/components/phone-line/CallForms";
import { requireActor } from "@/lib/auth/session";
import { problemMessage } from "@/lib/orientation/reason-text";
import { endCallAction, recordOutcomeAction, saveSheetAction } from "@/lib/phone-line/actions";
import { loadCallPage } from "@/lib/phone-line/page-data";
import { describeInstant, formatDuration, OUTCOME_LABELS, OUTCOMES, POSTURE_LABELS } from "@/lib/phone-line/rules";
import { allNeeds } from "@/lib/public-search/needs";
import { DIFFICULTY_LABELS, DIGITAL_EASE_LABELS, EQUIPMENT_LABELS, URGENCY_LABELS } from "@/lib/transfers/labels";
import { AGE_BANDS } from "@/lib/transfers/schemas";

export const metadata: Metadata = { title: "Fiche d'appel" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string; callId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };
const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);
const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

export default async function CallSheetPage({ params, searchParams }: Props) {
  const { id, callId } = await params;
  const search = await searchParams;
  const actor = await requireActor(`/structures/${id}/appels/${callId}`);
  const page = await loadCallPage(actor, id, callId, { chosenOfferId: one(search.offre) });
  if (!page) notFound();
  const { call, analysis, suggestions, chosen } = page;
  const timeZone = call.territory.timeZone;
  const base = `/structures/${call.structure.id}/appels/${call.id}`;
  const ranked = new Set(suggestions?.ranked.map((item) => item.offer.id) ?? []);
  const offerChoices = [
    ...(suggestions?.ranked.map((item) => ({ id: item.offer.id, label: `${item.offer.structureName} — ${item.offer.title} (suggérée)` })) ?? []),
    ...page.offers.filter((offer) => !ranked.has(offer.id)),
  ];

  return (
    <>
      <p>
        <Link href={`/structures/${call.structure.id}/appels`} className="text-accent underline">
          ← Appels de {call.structure.name}
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">Fiche d&apos;appel</h1>
      <p className="mt-1">
        {call.offer.title} — appel du {describeInstant(call.startedAt, timeZone)}.{" "}
        {call.endedAt ? `Terminé, durée ${formatDuration(call.durationSeconds ?? 0)}.` : "En cours."}
      </p>
      {search.fait === "analyse" && (
        <p role="status" className="mt-2 text-green-800">
          Analyse enregistrée.
        </p>
      )}
      {search.fait === "termine" && (
        <p role="status" className="mt-2 text-green-800">
          Appel terminé.
        </p>
      )}
      {!call.endedAt && (
        <div className="mt-3">
          <EndCallForm action={endCallAction} callId={call.id} />
        </div>
      )}
      <p className="mt-3 max-w-prose text-slate-700">
        Pas de données personnelles sur la fiche : ni nom, ni numéro, ni adresse. La demande, le message et les précisions sont effacés après la durée de
        conservation du territoire ; seuls les comptes restent.
      </p>
      {call.erasedAt && <p className="mt-2 font-medium">Le texte de cet appel a été effacé (durée de conservation passée).</p>}

      <div className="mt-6">
        <SheetForm
          action={saveSheetAction}
          callId={call.id}
          defaults={{
            request: analysis.request,
            categoryItemId: call.categoryItemId ?? "",
            needSlug: analysis.needSlug ?? "",
            difficulty: analysis.difficulty ?? "",
            urgency: analysis.urgency ?? "",
            deadline: analysis.deadline ?? "",
            digitalEase: analysis.digitalEase ?? "",
            equipment: analysis.equipment,
            posture: analysis.posture ?? "",
            ageBand: analysis.ageBand ?? "",
            commune: analysis.commune ?? "",
            distance: analysis.distance === null ? "" : String(analysis.distance),
          }}
          choices={{
            categories: page.categories.map((item) => ({ value: item.id, label: item.label })),
            needs: allNeeds(call.territory.country as "FR" | "BE").map((need) => ({ value: need.slug, label: need.label })),
            difficulties: options(DIFFICULTY_LABELS),
            urgencies: options(URGENCY_LABELS),
            eases: options(DIGITAL_EASE_LABELS),
            equipment: options(EQUIPMENT_LABELS),
            postures: options(POSTURE_LABELS),
            ageBands: Object.entries(AGE_BANDS).map(([value, band]) => ({ value, label: band.label })),
          }}
        />
      </div>

      <section aria-labelledby="suggestions-titre" id="suggestions" className="mt-8">
        <h2 id="suggestions-titre" className="text-2xl font-semibold">
          3. Suggestions
        </h2>
        {!suggestions ? (
          <p className="mt-2">Indiquez le besoin, ou quelques mots de la demande, et enregistrez : les offres adaptées s&apos;affichent ici.</p>
        ) : (
          <>
            {suggestions.problems.length > 0 && (
              <ul className="mt-2 list-disc ps-6">
                {suggestions.problems.map((problem) => (
                  <li key={problem.code}>{problemMessage(problem).text}</li>
                ))}
              </ul>
            )}
            {call.transfer ? (
              <p className="mt-2">
                Transfert créé depuis cet appel :{" "}
                <Link href={`/transferts/${call.transfer.id}`} className="font-semibold text-accent underline">
                  {call.transfer.code}
                </Link>
              </p>
            ) : null}
            <OrientationResults result={suggestions} transferHref={(offerId) => (call.transfer ? null : `/transferts/nouveau?offre=${offerId}&appel=${call.id}`)} />
          </>
        )}
      </section>

      <section aria-labelledby="issue-titre" id="issue" className="mt-8 space-y-4">
        <h2 id="issue-titre" className="text-2xl font-semibold">
          4. Issue de l&apos;appel
        </h2>
        {call.outcome && (
          <p role="status">
            Issue notée : {OUTCOME_LABELS[call.outcome]}
            {call.outcomeOffer && ` — ${call.outcomeOffer.title} (${call.outcomeOffer.structure.name})`}
            {call.appointment && `, rendez-vous le ${describeInstant(call.appointment.startsAt, timeZone)}`}
            {call.messageSentBy && ` — message envoyé par ${call.messageSentBy === "sms" ? "SMS" : "courriel"}`}.
          </p>
        )}
        {call.transfer && (
          <p>
            Orientée par le transfert{" "}
            <Link href={`/transferts/${call.transfer.id}`} className="font-semibold text-accent underline">
              {call.transfer.code}
            </Link>
            .
          </p>
        )}
        <form method="get" action={`${base}#issue`} className="flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor="offre" className="block font-medium">
              Offre proposée à la personne
            </label>
            <select id="offre" name="offre" defaultValue={chosen?.id ?? ""} className="mt-1 max-w-xl rounded border border-slate-500 px-3 py-2">
              <option value="">Aucune</option>
              {offerChoices.map((offer) => (
                <option key={offer.id} value={offer.id}>
                  {offer.label}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="rounded border border-accent px-3 py-2 font-semibold text-accent">
            Choisir cette offre
          </button>
        </form>
        {chosen && (
          <div className="rounded border border-slate-400 bg-slate-50 p-4">
            <h3 className="font-semibold">À lire à la personne</h3>
            <p className="mt-1 text-lg">{call.messageText && call.outcomeOfferId === chosen.id ? call.messageText : chosen.message}</p>
            {chosen.bookingHref && (
              <p className="mt-2">
                <Link href={chosen.bookingHref} className="text-accent underline">
                  Prendre un rendez-vous pour {chosen.title}
                </Link>{" "}
                (puis revenez sur cette fiche et choisissez le rendez-vous).
              </p>
            )}
          </div>
        )}
        <OutcomeForm
          action={recordOutcomeAction}
          callId={call.id}
          outcomes={OUTCOMES.map((value) => ({ value, label: OUTCOME_LABELS[value] }))}
          chosenOffer={chosen ? { id: chosen.id, title: chosen.title } : null}
          appointments={(chosen?.appointments ?? []).map((appointment) => ({ value: appointment.id, label: describeInstant(appointment.startsAt, timeZone) }))}
          defaults={{
            outcome: call.outcome ?? "",
            appointmentId: call.appointmentId ?? "",
            messageText: (call.outcomeOfferId === chosen?.id ? call.messageText : null) ?? chosen?.message ?? call.messageText ?? "",
            outcomeNote: call.outcomeNote ?? "",
          }}
        />
      </section>
    </>
  );
}
