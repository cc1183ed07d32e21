import Link from "next/link";
import { listTerritories } from "@/lib/territories/queries";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const territories = await listTerritories();
  return (
    <>
      <h1 className="text-3xl font-bold">Qui fait quoi, près de chez vous ?</h1>
      <p className="mt-2 text-lg text-slate-700">
        L&apos;aide au numérique et aux démarches proposée sur votre territoire : où aller, quand, et
        quoi apporter.
      </p>
      <h2 className="mt-8 text-xl font-semibold">Territoires</h2>
      {territories.length === 0 ? (
        <p className="mt-2">Aucun territoire n&apos;est encore publié.</p>
      ) : (
        <ul className="mt-2 space-y-2">
          {territories.map((territory) => (
            <li key={territory.slug}>
              <Link href={`/t/${territory.slug}`} className="text-lg text-accent underline">
                {territory.name}
              </Link>{" "}
              <span className="text-slate-700">
                ({territory._count.structures} structure{territory._count.structures > 1 ? "s" : ""})
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
