import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { nextStep } from "@/components/transfers/detail/next-step";
import { Timeline } from "@/components/transfers/detail/Timeline";
import { TransferAppointments } from "@/components/transfers/detail/TransferAppointments";
import { ConfirmBox, RadioGroup, SelectInput, TextArea, TransferForm } from "@/components/transfers/detail/TransferForms";
import { formatDateTime, formatDay } from "@/components/transfers/inbox/format";
import { StatusBadge } from "@/components/transfers/inbox/StatusBadge";
import { loadTransferAppointments } from "@/lib/appointments/page-data";
import { requireActor } from "@/lib/auth/session";
import { LANGUAGES } from "@/lib/offers/schemas";
import {
  acceptTransferAction,
  acknowledgeTransferAction,
  cancelTransferAction,
  completeTransferAction,
  declineTransferAction,
  eraseTransferPersonalDataAction,
  sendTransferAction,
} from "@/lib/transfers/actions";
import {
  COMMAND_LABELS,
  CONSENT_SCOPE_LABELS,
  DECLINE_REASON_LABELS,
  DIFFICULTY_LABELS,
  DIGITAL_EASE_LABELS,
  EQUIPMENT_LABELS,
  LEVEL_LABELS,
  OUTCOME_LABELS,
  SUPPORT_GOAL_LABELS,
  URGENCY_LABELS,
} from "@/lib/transfers/labels";
import { loadPublishedOffersOf, loadSuggestablePartners, loadTransfer } from "@/lib/transfers/page-data";
import type { TransferCommand } from "@/lib/transfers/state-machine";
import { CANCEL_REASON_MAX, DECLINE_MESSAGE_MAX, OUTCOME_NOTE_MAX } from "@/lib/transfers/transition-schemas";

export const metadata: Metadata = { title: "Transfert" };
export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const DONE: Record<string, string> = {
  ...Object.fromEntries(Object.entries(COMMAND_LABELS).map(([command, { done }]) => [command, `${done}.`])),
  "rendez-vous": "Rendez-vous pris chez le partenaire.",
  erase: "Les données de la personne ont été effacées. Le transfert reste, sans elles, pour les indicateurs.",
};

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));
const labelOf = <K extends string>(labels: Record<K, string>, key: K | null) => (key ? labels[key] : null);

function Row({ term, children }: { term: string; children: React.ReactNode }) {
  if (children === null || children === undefined || children === "") return null;
  return (
    <>
      <dt className="font-medium">{term}</dt>
      <dd>{children}</dd>
    </>
  );
}

export default async function TransferPage({ params, searchParams }: Props) {
  const { id } = await params;
  const actor = await requireActor(`/transferts/${id}`);
  const transfer = await loadTransfer(actor, id);
  if (!transfer) notFound();
  const search = await searchParams;
  const fait = search.fait;
  const done = typeof fait === "string" ? DONE[fait] : undefined;
  const appointments = await loadTransferAppointments(actor, transfer.id, { depuis: typeof search.depuis === "string" ? search.depuis : undefined });
  const tz = transfer.territory.timeZone;
  const has = (command: TransferCommand) => transfer.commands.includes(command);
  const isSender = transfer.parties.includes("sender");
  const isParty = transfer.parties.length > 0;

  const [partners, suggestedOffers] = await Promise.all([
    has("decline") ? loadSuggestablePartners(transfer.ref) : Promise.resolve([]),
    transfer.status === "declined" && isSender && transfer.suggestedStructure
      ? loadPublishedOffersOf(transfer.suggestedStructure.id)
      : Promise.resolve([]),
  ]);
  const reorient = (offerId: string) => `/transferts/nouveau?offre=${offerId}&depuis=${transfer.id}`;
  const personal = transfer.personal;
  const equipment = transfer.equipment.map((code) => EQUIPMENT_LABELS[code as keyof typeof EQUIPMENT_LABELS] ?? code).join(", ");

  return (
    <>
      <p>
        <Link href="/transferts" className="text-accent underline">
          ← Transferts
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">
        Transfert <span className="font-mono">{transfer.code}</span>
      </h1>
      <p className="mt-1 text-slate-700">
        {LEVEL_LABELS[transfer.level].label}, de <strong>{transfer.fromStructure.name}</strong> vers <strong>{transfer.toStructure.name}</strong>
        {transfer.offer && <> — offre « {transfer.offer.title} »</>}.
      </p>

      {done && (
        <p role="status" className="mt-3 rounded border border-green-700 bg-green-50 p-3 text-green-900">
          {done}
        </p>
      )}

      <section aria-labelledby="statut" className="mt-4 rounded border border-slate-400 p-4">
        <h2 id="statut" className="text-xl font-semibold">
          Statut : <StatusBadge status={transfer.status} />
        </h2>
        <p className="mt-2">{nextStep(transfer.status, transfer.parties, { from: transfer.fromStructure.name, to: transfer.toStructure.name })}</p>
        {!isParty && (
          <p className="mt-2 text-slate-700">
            Vous suivez ce transfert pour la coordination du territoire : les données de la personne ne sont visibles que par les deux structures.
          </p>
        )}
        {transfer.status === "declined" && transfer.declineReason && (
          <p className="mt-2">
            Motif du refus : {DECLINE_REASON_LABELS[transfer.declineReason]}
            {personal?.declineMessage && <> — « {personal.declineMessage} »</>}
            {transfer.suggestedStructure && <>. Partenaire suggéré : {transfer.suggestedStructure.name}</>}.
          </p>
        )}
        {transfer.status === "cancelled" && personal?.cancelReason && <p className="mt-2">Raison de l&apos;annulation : {personal.cancelReason}</p>}
        {transfer.outcome && (
          <p className="mt-2">
            Résultat : <strong>{OUTCOME_LABELS[transfer.outcome]}</strong>
            {transfer.outcomeRecordedAt && <> (noté le {formatDateTime(transfer.outcomeRecordedAt, tz)})</>}
            {personal?.outcomeNote && <> — « {personal.outcomeNote} »</>}
          </p>
        )}

        {transfer.status === "declined" && isSender && (
          <div className="mt-3">
            {transfer.suggestedStructure && suggestedOffers.length > 0 ? (
              <>
                <p>Les offres publiées de {transfer.suggestedStructure.name} :</p>
                <ul className="mt-1 list-disc ps-6">
                  {suggestedOffers.map((offer) => (
                    <li key={offer.id}>
                      <Link href={reorient(offer.id)} className="text-accent underline">
                        Réorienter la personne vers « {offer.title} »
                      </Link>
                      {!offer.acceptsTransfers && <span className="text-sm text-slate-700"> (n&apos;accepte pas les transferts accompagnés)</span>}
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              <p>
                <Link href={`/territoires/${transfer.territory.slug}/matrice`} className="text-accent underline">
                  Réorienter la personne : choisir une offre dans la matrice
                </Link>
              </p>
            )}
          </div>
        )}
      </section>

      {transfer.commands.length > 0 && (
        <section aria-labelledby="agir" className="mt-6">
          <h2 id="agir" className="text-xl font-semibold">
            Que faire ?
          </h2>
          <div className="mt-2 flex flex-wrap gap-4">
            {has("send") && (
              <TransferForm action={sendTransferAction} transferId={transfer.id} prefix="envoyer" submitLabel={COMMAND_LABELS.send.button} />
            )}
            {has("acknowledge") && (
              <TransferForm action={acknowledgeTransferAction} transferId={transfer.id} prefix="recu" submitLabel={COMMAND_LABELS.acknowledge.button} />
            )}
            {has("accept") && (
              <TransferForm action={acceptTransferAction} transferId={transfer.id} prefix="accepter" submitLabel={COMMAND_LABELS.accept.button} />
            )}
          </div>
          {has("decline") && (
            <section aria-labelledby="refuser" className="mt-4 rounded border border-slate-300 p-4">
              <h3 id="refuser" className="text-lg font-semibold">
                Refuser ce transfert
              </h3>
              <TransferForm action={declineTransferAction} transferId={transfer.id} prefix="refus" submitLabel={COMMAND_LABELS.decline.button} variant="secondary">
                <SelectInput name="reason" label="Motif du refus" options={options(DECLINE_REASON_LABELS)} placeholder="Choisir un motif…" />
                <TextArea
                  name="message"
                  label="Message à la structure qui oriente"
                  hint="Obligatoire pour « Autre raison ». Sans données personnelles inutiles."
                  maxLength={DECLINE_MESSAGE_MAX}
                />
                <SelectInput
                  name="suggestedStructureId"
                  label="Partenaire suggéré (facultatif)"
                  hint="Une structure du territoire qui pourrait accueillir la personne."
                  options={partners.map((partner) => ({ value: partner.id, label: partner.name }))}
                  placeholder="Aucun"
                />
              </TransferForm>
            </section>
          )}
          {has("complete") && (
            <section aria-labelledby="clore" className="mt-4 rounded border border-slate-300 p-4">
              <h3 id="clore" className="text-lg font-semibold">
                Clore le transfert
              </h3>
              <TransferForm action={completeTransferAction} transferId={transfer.id} prefix="clore" submitLabel={COMMAND_LABELS.complete.button}>
                <RadioGroup name="outcome" legend="Résultat pour la personne" options={options(OUTCOME_LABELS)} defaultValue={appointments?.suggestedOutcome ?? undefined} />
                <TextArea name="note" label="Note (facultative)" maxLength={OUTCOME_NOTE_MAX} />
              </TransferForm>
            </section>
          )}
          {has("cancel") && (
            <section aria-labelledby="annuler" className="mt-4 rounded border border-slate-300 p-4">
              <h3 id="annuler" className="text-lg font-semibold">
                Annuler ce transfert
              </h3>
              <TransferForm action={cancelTransferAction} transferId={transfer.id} prefix="annulation" submitLabel={COMMAND_LABELS.cancel.button} variant="secondary">
                <TextArea name="reason" label="Raison de l'annulation" maxLength={CANCEL_REASON_MAX} />
              </TransferForm>
            </section>
          )}
        </section>
      )}

      <section aria-labelledby="analyse" className="mt-6">
        <h2 id="analyse" className="text-xl font-semibold">
          La demande
        </h2>
        <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[14rem_1fr]">
          <Row term="Besoin">{transfer.needTerm?.label}</Row>
          <Row term="Nature de la demande">{transfer.needDescription}</Row>
          <Row term="Difficulté">{labelOf(DIFFICULTY_LABELS, transfer.difficulty)}</Row>
          <Row term="Urgence">{URGENCY_LABELS[transfer.urgency]}</Row>
          <Row term="Échéance">{transfer.deadline && `avant le ${formatDay(transfer.deadline)}`}</Row>
          <Row term="Aisance avec le numérique">{labelOf(DIGITAL_EASE_LABELS, transfer.digitalEase)}</Row>
          <Row term="Équipement">{equipment}</Row>
          <Row term="Objectif">{labelOf(SUPPORT_GOAL_LABELS, transfer.supportGoal)}</Row>
          <Row term="Orienté par">
            {transfer.createdByName && `${transfer.createdByName}, `}
            {transfer.fromStructure.name}
            {transfer.sentAt && `, le ${formatDateTime(transfer.sentAt, tz)}`}
          </Row>
        </dl>
        {transfer.documents.length > 0 && (
          <>
            <h3 className="mt-4 text-lg font-semibold">Documents</h3>
            <ul className="mt-1 space-y-1">
              {transfer.documents.map((document, index) => (
                <li key={index}>
                  {document.label} : <strong>{document.ready ? "prêt" : "manquant"}</strong>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="personne" className="mt-6">
        <h2 id="personne" className="text-xl font-semibold">
          La personne
        </h2>
        {transfer.personalDataErasedAt ? (
          <p className="mt-2">Données effacées le {formatDateTime(transfer.personalDataErasedAt, tz)}.</p>
        ) : !personal ? (
          <p className="mt-2">Réservé aux deux structures du transfert.</p>
        ) : (
          <>
            <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[14rem_1fr]">
              <Row term="Prénom ou surnom">{personal.personLabel ?? "Non indiqué"}</Row>
              <Row term="Téléphone">{personal.details?.phone}</Row>
              <Row term="Courriel">{personal.details?.email}</Row>
              <Row term="Langue de préférence">{personal.details?.language && (LANGUAGES[personal.details.language] ?? personal.details.language)}</Row>
              <Row term="Besoins d'accessibilité">{personal.details?.accessibilityNeeds}</Row>
              <Row term="Note pour le partenaire">{personal.noteForPartner}</Row>
            </dl>
            {personal.unreadable && <p className="mt-2 font-medium text-red-800">Les coordonnées enregistrées ne peuvent pas être déchiffrées (clé de chiffrement différente).</p>}
            <p className="mt-2 text-slate-700">
              {transfer.consentGivenAt
                ? `Consentement recueilli le ${formatDateTime(transfer.consentGivenAt, tz)}${transfer.consentRecordedByName ? ` par ${transfer.consentRecordedByName}` : ""} : ${
                    transfer.consentScope.map((scope) => CONSENT_SCOPE_LABELS[scope as keyof typeof CONSENT_SCOPE_LABELS] ?? scope).join(", ") || "—"
                  }.`
                : "Pas de consentement enregistré : seul un prénom ou un surnom est transmis."}
            </p>
          </>
        )}
      </section>

      {(transfer.appointmentAt || personal?.askFor) && (
        <section aria-labelledby="rendez-vous" className="mt-6">
          <h2 id="rendez-vous" className="text-xl font-semibold">
            Rendez-vous
          </h2>
          <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[14rem_1fr]">
            <Row term="Quand">{transfer.appointmentAt && formatDateTime(transfer.appointmentAt, tz)}</Row>
            <Row term="Où">
              {transfer.appointmentPlace &&
                `${transfer.appointmentPlace.name}, ${transfer.appointmentPlace.address}${transfer.appointmentPlace.addressComplement ? `, ${transfer.appointmentPlace.addressComplement}` : ""}, ${transfer.appointmentPlace.postalCode} ${transfer.appointmentPlace.communeName}`}
            </Row>
            <Row term="Demander">{personal?.askFor}</Row>
          </dl>
        </section>
      )}

      {appointments && <TransferAppointments transferId={transfer.id} data={appointments} />}

      {(isParty || transfer.previousTransfer || transfer.nextTransfers.length > 0) && (
        <ul className="mt-6 space-y-1">
          {isParty && (
            <li>
              <Link href={`/transferts/${transfer.id}/fiche`} className="text-accent underline">
                Fiche navette à imprimer
              </Link>
            </li>
          )}
          {transfer.previousTransfer && (
            <li>
              Fait suite au transfert{" "}
              <Link href={`/transferts/${transfer.previousTransfer.id}`} className="font-mono text-accent underline">
                {transfer.previousTransfer.code}
              </Link>
            </li>
          )}
          {transfer.nextTransfers.map((next) => (
            <li key={next.id}>
              Réorientation :{" "}
              <Link href={`/transferts/${next.id}`} className="font-mono text-accent underline">
                {next.code}
              </Link>
            </li>
          ))}
        </ul>
      )}

      <section aria-labelledby="historique" className="mt-6">
        <h2 id="historique" className="text-xl font-semibold">
          Historique
        </h2>
        <Timeline entries={transfer.timeline} timeZone={tz} />
      </section>

      {transfer.mayErase && (
        <section aria-labelledby="effacer" className="mt-8 rounded border border-red-700 p-4">
          <h2 id="effacer" className="text-xl font-semibold">
            Effacer les données de la personne
          </h2>
          <p className="mt-1 max-w-prose">
            À la demande de la personne, à tout moment : son prénom, ses coordonnées, la note, les messages et le nom à demander sont effacés
            définitivement. Le transfert reste, anonyme, pour les indicateurs du territoire.
          </p>
          <TransferForm action={eraseTransferPersonalDataAction} transferId={transfer.id} prefix="effacement" submitLabel="Effacer les données de la personne" variant="danger">
            <ConfirmBox name="confirm" label="Je confirme l'effacement définitif des données de la personne." />
          </TransferForm>
        </section>
      )}
    </>
  );
}
