/** Whether the offer serves the person (public, age band): only for the warnings, never stored. */
import { AGE_BANDS } from "@/lib/transfers/schemas";
import { Checkboxes, SelectInput, type TransferFormParts } from "./fields";

export function PersonFitSection({ form, publicOptions }: { form: TransferFormParts; publicOptions: { id: string; label: string }[] }) {
  return (
    <section aria-labelledby="transfert-public" className="space-y-4">
      <h2 id="transfert-public" className="text-2xl font-semibold">
        L&apos;offre convient-elle à la personne ?
      </h2>
      <p className="text-slate-700">Facultatif : pour vérifier le public et l&apos;âge auxquels l&apos;offre s&apos;adresse. Ces réponses ne sont pas enregistrées.</p>
      {publicOptions.length > 0 && (
        <details open={form.initial.personPublicTermIds.length > 0}>
          <summary className="cursor-pointer font-medium">Public de la personne</summary>
          <div className="mt-2">
            <Checkboxes form={form} name="personPublicTermIds" legend="La personne est…" choices={publicOptions.map((term) => [term.id, term.label])} />
          </div>
        </details>
      )}
      <SelectInput form={form} name="ageBand" label="Tranche d'âge" choices={Object.entries(AGE_BANDS).map(([value, band]) => [value, band.label])} />
    </section>
  );
}
