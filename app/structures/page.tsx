import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm, TextField } from "@/components/forms/ActionForm";
import { requireActor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { askToJoin } from "@/lib/memberships/actions";
import { listJoinableStructures } from "@/lib/memberships/queries";

export const metadata: Metadata = { title: "Rejoindre une structure" };
export const dynamic = "force-dynamic";

export default async function StructuresPage() {
  const actor = await requireActor("/structures");
  const structures = await listJoinableStructures(db, actor);
  return (
    <>
      <h1 className="text-3xl font-bold">Rejoindre une structure</h1>
      <p className="mt-2 max-w-prose">
        Vous travaillez pour une de ces structures ? Demandez à la rejoindre : ses responsables recevront votre
        demande.
      </p>
      <ul className="mt-6 space-y-4">
        {structures.map((structure) => (
          <li key={structure.id} className="rounded border border-slate-300 p-3">
            <h2 className="font-semibold">{structure.name}</h2>
            <p className="text-slate-700">{structure.territory.name}</p>
            {structure.isMember ? (
              <p className="mt-2">
                Vous en faites partie.{" "}
                <Link href={`/structures/${structure.id}/membres`} className="text-accent underline">
                  Voir les membres
                </Link>
              </p>
            ) : structure.requestStatus === "pending" ? (
              <p className="mt-2">Demande envoyée, en attente de réponse.</p>
            ) : (
              <details className="mt-2">
                <summary className="cursor-pointer text-accent underline">Demander à rejoindre</summary>
                <div className="mt-2">
                  <ActionForm action={askToJoin} submitLabel={`Envoyer ma demande à ${structure.name}`}>
                    <input type="hidden" name="structureId" value={structure.id} />
                    <TextField
                      name="message"
                      id={`message-${structure.id}`}
                      label="Quelques mots pour vous présenter (facultatif)"
                    />
                  </ActionForm>
                </div>
              </details>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
