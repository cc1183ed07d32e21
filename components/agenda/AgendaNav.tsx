/** The agenda pages' links: the week, availability, settings (admins). */
import Link from "next/link";

export function AgendaNav({ structureId, structureName, mayEdit }: { structureId: string; structureName: string; mayEdit: boolean }) {
  const base = `/structures/${structureId}/agenda`;
  return (
    <nav aria-label="Agenda" className="print:hidden">
      <p>
        <Link href={`/structures/${structureId}`} className="text-accent underline">
          ← {structureName}
        </Link>
      </p>
      <ul className="mt-2 flex flex-wrap gap-x-4">
        <li>
          <Link href={base} className="text-accent underline">
            Semaine
          </Link>
        </li>
        <li>
          <Link href={`${base}/disponibilites`} className="text-accent underline">
            Disponibilités et absences
          </Link>
        </li>
        {mayEdit && (
          <li>
            <Link href={`${base}/reglages`} className="text-accent underline">
              Réglages
            </Link>
          </li>
        )}
      </ul>
    </nav>
  );
}
