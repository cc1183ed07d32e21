import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActionForm, SelectField, TextField } from "@/components/forms/ActionForm";
import { can } from "@/lib/auth/policy";
import { requireActor } from "@/lib/auth/session";
import { ROLE_LABELS } from "@/lib/memberships/labels";
import { decide, invite, removeMember } from "@/lib/memberships/actions";
import { loadMembersPage } from "@/lib/structures/page-data";

export const metadata: Metadata = { title: "Membres de la structure" };
export const dynamic = "force-dynamic";

const dateFormat = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" });

type Props = { params: Promise<{ id: string }> };

export default async function MembersPage({ params }: Props) {
  const { id } = await params;
  const actor = await requireActor(`/structures/${id}/membres`);
  const page = await loadMembersPage(actor, id);
  if (!page) notFound();
  const { structure, members, invitations, joinRequests } = page;
  const ref = { structureId: structure.id, territoryId: structure.territoryId };
  const mayInvite = can(actor, "structure.inviteMember", ref);
  const mayDecide = can(actor, "structure.decideJoinRequest", ref);
  const mayRemove = can(actor, "structure.removeMember", ref);

  return (
    <>
      <h1 className="text-3xl font-bold">{structure.name}</h1>
      <p className="mt-1 text-slate-700">
        {structure.territory.name} — membres ·{" "}
        <a href={`/structures/${structure.id}/historique`} className="text-accent underline">
          Historique
        </a>
        {can(actor, "structure.edit", ref) && (
          <>
            {" · "}
            <a href={`/structures/${structure.id}/modifier`} className="text-accent underline">
              Modifier la fiche
            </a>
          </>
        )}
      </p>

      <h2 className="mt-8 text-xl font-semibold">Membres</h2>
      <ul className="mt-2 space-y-2">
        {members.map(({ role, user }) => (
          <li key={user.id} className="flex flex-wrap items-center gap-3">
            <span>
              {user.name ? `${user.name} — ` : ""}
              {user.email} ({ROLE_LABELS[role]})
            </span>
            {mayRemove && user.id !== actor.userId && (
              <ActionForm action={removeMember} submitLabel={`Retirer ${user.email}`} variant="secondary">
                <input type="hidden" name="structureId" value={structure.id} />
                <input type="hidden" name="userId" value={user.id} />
              </ActionForm>
            )}
          </li>
        ))}
      </ul>

      {mayDecide && (
        <>
          <h2 className="mt-8 text-xl font-semibold">Demandes pour rejoindre la structure</h2>
          {joinRequests.length === 0 ? (
            <p className="mt-2">Aucune demande en attente.</p>
          ) : (
            <ul className="mt-2 space-y-4">
              {joinRequests.map((request) => (
                <li key={request.id} className="rounded border border-slate-300 p-3">
                  <p>
                    <strong>{request.user.name ?? request.user.email}</strong> ({request.user.email}), le{" "}
                    {dateFormat.format(request.createdAt)}
                  </p>
                  {request.message && <p className="mt-1">« {request.message} »</p>}
                  <div className="mt-2 flex gap-3">
                    <ActionForm action={decide} submitLabel={`Accepter ${request.user.email}`} variant="secondary">
                      <input type="hidden" name="requestId" value={request.id} />
                      <input type="hidden" name="decision" value="accept" />
                    </ActionForm>
                    <ActionForm action={decide} submitLabel={`Refuser ${request.user.email}`} variant="secondary">
                      <input type="hidden" name="requestId" value={request.id} />
                      <input type="hidden" name="decision" value="refuse" />
                    </ActionForm>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </>
      )}

      {mayInvite && (
        <>
          <h2 className="mt-8 text-xl font-semibold">Inviter quelqu&apos;un</h2>
          {invitations.length > 0 && (
            <ul className="mt-2 list-disc pl-6">
              {invitations.map((invitation) => (
                <li key={invitation.id}>
                  {invitation.email} ({ROLE_LABELS[invitation.role]}), invitation valable jusqu&apos;au{" "}
                  {dateFormat.format(invitation.expiresAt)}
                </li>
              ))}
            </ul>
          )}
          <div className="mt-4">
            <ActionForm action={invite} submitLabel="Envoyer l'invitation">
              <input type="hidden" name="structureId" value={structure.id} />
              <TextField name="email" label="Adresse courriel" type="email" autoComplete="off" />
              <SelectField
                name="role"
                label="Rôle"
                options={[
                  { value: "member", label: "Membre : voit et traite les transferts de la structure" },
                  { value: "admin", label: "Administrateur·rice : gère aussi la structure et ses membres" },
                ]}
              />
            </ActionForm>
          </div>
        </>
      )}
    </>
  );
}
