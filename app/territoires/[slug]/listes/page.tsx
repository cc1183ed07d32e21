/**
 * The territory's short lists, for its coordinators: the permanences' request categories and the
 * usages appointments' skills. Add, rename, reorder, archive or restore; no JavaScript needed.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ListItemForm } from "@/components/permanences/ListItemForm";
import { requireActor } from "@/lib/auth/session";
import { addItemAction, archiveItemAction, moveItemAction, renameItemAction } from "@/lib/territory-lists/actions";
import { loadListsPage } from "@/lib/territory-lists/page-data";
import type { ListItem } from "@/lib/territory-lists/queries";

export const metadata: Metadata = { title: "Listes du territoire" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

function ListEditor({ territoryId, kind, title, hint, items }: { territoryId: string; kind: string; title: string; hint: string; items: ListItem[] }) {
  return (
    <section className="mt-8">
      <h2 className="text-2xl font-semibold">{title}</h2>
      <p className="text-slate-700">{hint}</p>
      <ol className="mt-3 space-y-3">
        {items.map((item, index) => (
          <li key={item.id} className={`rounded border p-3 ${item.archived ? "border-slate-300 bg-slate-50" : "border-slate-400"}`}>
            <p className="font-semibold">
              {index + 1}. {item.label}
              {item.archived && <span className="ms-2 font-normal text-slate-700">(archivé)</span>}
            </p>
            <div className="mt-2 flex flex-wrap items-end gap-3">
              <ListItemForm action={renameItemAction} hidden={{ territoryId, itemId: item.id }} labelField={{ id: `renommer-${item.id}`, label: "Nouveau libellé", value: item.label }} submitLabel="Renommer" />
              {index > 0 && <ListItemForm action={moveItemAction} hidden={{ territoryId, itemId: item.id, direction: "up" }} submitLabel="↑" buttonLabel={`Monter « ${item.label} »`} />}
              {index < items.length - 1 && (
                <ListItemForm action={moveItemAction} hidden={{ territoryId, itemId: item.id, direction: "down" }} submitLabel="↓" buttonLabel={`Descendre « ${item.label} »`} />
              )}
              <ListItemForm
                action={archiveItemAction}
                hidden={{ territoryId, itemId: item.id, archived: item.archived ? "false" : "true" }}
                submitLabel={item.archived ? "Restaurer" : "Archiver"}
                buttonLabel={`${item.archived ? "Restaurer" : "Archiver"} « ${item.label} »`}
              />
            </div>
          </li>
        ))}
      </ol>
      <div className="mt-4">
        <ListItemForm action={addItemAction} hidden={{ territoryId, kind }} labelField={{ id: `ajouter-${kind}`, label: "Nouvel élément", value: "" }} submitLabel="Ajouter" />
      </div>
    </section>
  );
}

export default async function TerritoryListsPage({ params }: Props) {
  const { slug } = await params;
  const actor = await requireActor(`/territoires/${slug}/listes`);
  const page = await loadListsPage(actor, slug);
  if (!page) notFound();
  const { territory } = page;
  return (
    <>
      <p>
        <Link href={`/territoires/${territory.slug}`} className="text-accent underline">
          ← {territory.name}
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">Listes du territoire</h1>
      <p className="mt-1 text-slate-700">Les choix proposés aux structures du territoire. Un élément archivé n&apos;est plus proposé, mais reste sur ce qui le cite.</p>
      <ListEditor
        territoryId={territory.id}
        kind="request_category"
        title="Catégories de demandes (permanences)"
        hint="Notées sur chaque ligne des feuilles de permanence, pour compter les demandes."
        items={page.requestCategories}
      />
      <ListEditor
        territoryId={territory.id}
        kind="usage_skill"
        title="Compétences (rendez-vous « usages »)"
        hint="Ce que la personne choisit d'apprendre au fil de ses rendez-vous."
        items={page.usageSkills}
      />
    </>
  );
}
