import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm, SelectField, TextField } from "@/components/forms/ActionForm";
import { can } from "@/lib/auth/policy";
import { requireActor } from "@/lib/auth/session";
import { addCoordinator, addTerritory } from "@/lib/memberships/actions";
import { loadAdminTerritories } from "@/lib/memberships/page-data";

export const metadata: Metadata = { title: "Administration de la plateforme" };
export const dynamic = "force-dynamic";

export default async function AdminPage() {
  const actor = await requireActor("/admin");
  if (!can(actor, "territory.create", null)) notFound();
  const territories = await loadAdminTerritories();
  return (
    <>
      <h1 className="text-3xl font-bold">Administration de la plateforme</h1>
      <p className="mt-2">
        <Link href="/admin/indicateurs" className="text-accent underline">
          Indicateurs de la plateforme
        </Link>
      </p>

      <h2 className="mt-8 text-xl font-semibold">Territoires</h2>
      <ul className="mt-2 list-disc pl-6">
        {territories.map((territory) => (
          <li key={territory.id}>
            <Link href={`/territoires/${territory.slug}`} className="text-accent underline">
              {territory.name}
            </Link>{" "}
            ({territory.country}) — coordination :{" "}
            {territory.coordinators.map((coordinator) => coordinator.user.email).join(", ") || "personne"}
          </li>
        ))}
      </ul>

      <h2 className="mt-8 text-xl font-semibold">Nommer un·e coordinateur·rice</h2>
      <div className="mt-2">
        <ActionForm action={addCoordinator} submitLabel="Nommer">
          <SelectField
            name="territoryId"
            label="Territoire"
            options={territories.map((territory) => ({ value: territory.id, label: territory.name }))}
          />
          <TextField name="email" label="Adresse courriel" type="email" autoComplete="off" />
        </ActionForm>
      </div>

      <h2 className="mt-8 text-xl font-semibold">Créer un territoire</h2>
      <div className="mt-2">
        <ActionForm action={addTerritory} submitLabel="Créer le territoire">
          <TextField name="name" label="Nom" />
          <TextField name="slug" label="Adresse de la page" hint="Exemple : val-de-lise (donne /t/val-de-lise)" />
          <SelectField
            name="country"
            label="Pays"
            options={[
              { value: "FR", label: "France" },
              { value: "BE", label: "Belgique" },
            ]}
          />
        </ActionForm>
      </div>
    </>
  );
}
