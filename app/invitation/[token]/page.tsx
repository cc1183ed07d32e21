import type { Metadata } from "next";
import { ActionForm } from "@/components/forms/ActionForm";
import { requireActor } from "@/lib/auth/session";
import { accept } from "@/lib/memberships/actions";
import { loadInvitation } from "@/lib/memberships/page-data";

export const metadata: Metadata = { title: "Invitation" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ token: string }> };

export default async function InvitationPage({ params }: Props) {
  const { token } = await params;
  const actor = await requireActor(`/invitation/${token}`);
  const invitation = await loadInvitation(token);

  // Said the same way whether the token is unknown or meant for someone else: nothing leaks.
  if (!invitation || invitation.email !== actor.email) {
    return (
      <>
        <h1 className="text-3xl font-bold">Invitation introuvable</h1>
        <p className="mt-2 max-w-prose">
          Ce lien ne correspond à aucune invitation pour votre adresse ({actor.email}). Vérifiez que vous êtes
          connecté·e avec l&apos;adresse qui a reçu l&apos;invitation, ou demandez-en une nouvelle à la structure.
        </p>
      </>
    );
  }
  const expired = invitation.expiresAt < new Date();
  return (
    <>
      <h1 className="text-3xl font-bold">Rejoindre {invitation.structure.name}</h1>
      {invitation.acceptedAt ? (
        <p className="mt-2">Cette invitation a déjà été acceptée.</p>
      ) : expired ? (
        <p className="mt-2">Cette invitation a expiré : demandez à la structure de vous en envoyer une nouvelle.</p>
      ) : (
        <>
          <p className="mt-2 max-w-prose">
            Vous êtes invité·e à {invitation.role === "admin" ? "administrer" : "rejoindre"} cette structure sur
            Toile.
          </p>
          <div className="mt-4">
            <ActionForm action={accept} submitLabel="Accepter l'invitation">
              <input type="hidden" name="token" value={token} />
            </ActionForm>
          </div>
        </>
      )}
    </>
  );
}
