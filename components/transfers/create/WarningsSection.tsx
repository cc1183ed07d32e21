/** What to know before sending (the offer, the person's public and age), and "je transfère quand même". */
import type { TransferWarning } from "@/lib/transfers/warnings";
import { Checkbox, type TransferFormParts } from "./fields";

export function WarningsSection({ form, warnings }: { form: TransferFormParts; warnings: TransferWarning[] }) {
  const refused = form.errorAt("confirmWarnings");
  const confirmable = warnings.filter((warning) => warning.kind !== "not_accepting_transfers");
  if (warnings.length === 0 && !refused) return null;
  return (
    <section aria-labelledby="transfert-avertissements" className="space-y-2 rounded border-2 border-amber-700 bg-amber-50 p-4">
      <h2 id="transfert-avertissements" className="text-xl font-semibold">
        Avant d&apos;envoyer
      </h2>
      <ul className="list-disc space-y-1 pl-5">
        {warnings.map((warning) => (
          <li key={warning.kind}>{warning.message}</li>
        ))}
      </ul>
      {(confirmable.length > 0 || refused) && <Checkbox form={form} name="confirmWarnings" label="Je transfère quand même" labelClassName="font-medium" />}
    </section>
  );
}
