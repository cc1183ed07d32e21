/**
 * The person: a first name or nickname by default; contact, language and accessibility needs only
 * with their consent (the schema refuses them otherwise), and a note for the partner.
 */
import { describedBy, Field, inputClass } from "@/components/forms/Field";
import { LANGUAGES } from "@/lib/offers/schemas";
import { CONSENT_SCOPE_LABELS } from "@/lib/transfers/labels";
import { CONSENT_SCOPES, NOTE_MAX } from "@/lib/transfers/schemas";
import { Checkbox, Checkboxes, fieldsetClass, legendClass, SelectInput, TextInput, type TransferFormParts } from "./fields";

export function PersonSection({ form, noteLength }: { form: TransferFormParts; /** Shown once JavaScript runs (it counts as the person types). */ noteLength: number | null }) {
  const noteError = form.errorAt("noteForPartner");
  const noteHint = `Ce que le partenaire doit savoir pour accueillir la personne. ${NOTE_MAX} caractères au plus.`;
  return (
    <section aria-labelledby="transfert-personne" className="space-y-4">
      <h2 id="transfert-personne" className="text-2xl font-semibold">
        La personne
      </h2>
      <TextInput
        form={form}
        name="personLabel"
        label="Prénom ou surnom (facultatif)"
        hint="Un prénom ou un surnom suffit ; pas de nom de famille si ce n'est pas utile."
        autoComplete="off"
      />
      <fieldset className={fieldsetClass}>
        <legend className={legendClass}>Accord de la personne</legend>
        <Checkbox form={form} name="consent" label="La personne accepte de partager avec le partenaire les informations cochées ci-dessous." />
        <div className="mt-2 pl-6">
          <Checkboxes
            form={form}
            name="consentScope"
            legend="Ce qu'elle accepte de partager"
            choices={CONSENT_SCOPES.map((scope) => [scope, CONSENT_SCOPE_LABELS[scope]])}
            hint="Sans son accord, seul le prénom ou le surnom est transmis. Ces informations sont chiffrées et effacées après la clôture."
          />
        </div>
      </fieldset>
      <TextInput form={form} name="phone" type="tel" label="Téléphone de la personne" hint="Seulement si elle accepte de partager ses coordonnées." autoComplete="off" />
      <TextInput form={form} name="email" type="email" label="Courriel de la personne" hint="Seulement si elle accepte de partager ses coordonnées." autoComplete="off" />
      <SelectInput form={form} name="language" label="Langue de préférence" choices={Object.entries(LANGUAGES)} blank="Non précisée" hint="Seulement si elle accepte de la partager." />
      <TextInput form={form} name="accessibilityNeeds" label="Besoins d'accessibilité" hint="Seulement si elle accepte de les partager." />
      <Field id="noteForPartner" label="Note pour le partenaire (facultatif)" hint={noteHint} error={noteError}>
        <textarea
          id="noteForPartner"
          rows={4}
          maxLength={NOTE_MAX}
          aria-invalid={noteError ? true : undefined}
          aria-describedby={describedBy("noteForPartner", noteHint, noteError)}
          className={inputClass}
          defaultValue={form.initial.noteForPartner}
          {...form.register("noteForPartner")}
        />
        {noteLength !== null && (
          <p className="text-sm text-slate-700">
            {noteLength} / {NOTE_MAX} caractères
          </p>
        )}
      </Field>
    </section>
  );
}
