/** The transfer itself: on behalf of which structure, and its level. */
import { LEVEL_LABELS } from "@/lib/transfers/labels";
import { TRANSFER_LEVELS } from "@/lib/transfers/schemas";
import { Radios, SelectInput, type TransferFormParts } from "./fields";

export function TransferKindSection({
  form,
  sendingStructures,
  acceptsTransfers,
}: {
  form: TransferFormParts;
  sendingStructures: { id: string; name: string }[];
  acceptsTransfers: boolean;
}) {
  const single = sendingStructures.length === 1 ? sendingStructures[0]! : null;
  return (
    <section aria-labelledby="transfert-type" className="space-y-4">
      <h2 id="transfert-type" className="text-2xl font-semibold">
        Le transfert
      </h2>
      {single ? (
        <p>
          Envoyé par <strong>{single.name}</strong>.
          <input type="hidden" defaultValue={single.id} {...form.register("fromStructureId")} />
        </p>
      ) : (
        <SelectInput
          form={form}
          name="fromStructureId"
          label="Au nom de quelle structure ?"
          choices={sendingStructures.map((structure) => [structure.id, structure.name])}
          blank=""
        />
      )}
      <Radios
        form={form}
        name="level"
        legend="Type de transfert"
        choices={TRANSFER_LEVELS.map((level) => ({
          value: level,
          label: LEVEL_LABELS[level].label,
          hint: LEVEL_LABELS[level].hint,
          disabled: level !== "simple" && !acceptsTransfers,
        }))}
        hint={acceptsTransfers ? undefined : "Cette offre n'accepte pas les transferts accompagnés : proposez un transfert simple, la personne s'y rend avec la fiche."}
      />
    </section>
  );
}
