/** The 3-A analysis: the need, its difficulty and urgency, the person's ease and equipment, the goal. */
import { DIFFICULTY_LABELS, DIGITAL_EASE_LABELS, EQUIPMENT_LABELS, SUPPORT_GOAL_LABELS, URGENCY_LABELS } from "@/lib/transfers/labels";
import { DIFFICULTIES, DIGITAL_EASES, EQUIPMENT, NEED_DESCRIPTION_MAX, SUPPORT_GOALS, URGENCIES } from "@/lib/transfers/schemas";
import { Checkboxes, Radios, SelectInput, TextInput, type TransferFormParts } from "./fields";

export function AnalysisSection({ form, needTerms }: { form: TransferFormParts; needTerms: { id: string; label: string }[] }) {
  return (
    <section aria-labelledby="transfert-demande" className="space-y-4">
      <h2 id="transfert-demande" className="text-2xl font-semibold">
        La demande
      </h2>
      {needTerms.length > 0 && <SelectInput form={form} name="needTermId" label="Besoin" choices={needTerms.map((term) => [term.id, term.label])} />}
      <TextInput
        form={form}
        name="needDescription"
        label="Nature de la demande"
        hint={`En quelques mots, sans données personnelles (par exemple « Télé-candidature France Travail »). ${NEED_DESCRIPTION_MAX} caractères au plus.`}
        maxLength={NEED_DESCRIPTION_MAX}
      />
      <Radios
        form={form}
        name="difficulty"
        legend="Difficulté"
        choices={[{ value: "", label: "Non précisée" }, ...DIFFICULTIES.map((value) => ({ value, label: DIFFICULTY_LABELS[value] }))]}
      />
      <Radios form={form} name="urgency" legend="Urgence" choices={URGENCIES.map((value) => ({ value, label: URGENCY_LABELS[value] }))} />
      <TextInput
        form={form}
        name="deadline"
        type="date"
        label="Échéance (facultatif)"
        hint="Si la démarche a une date limite (par exemple : candidature avant vendredi)."
      />
      <SelectInput
        form={form}
        name="digitalEase"
        label="Aisance de la personne avec le numérique"
        choices={DIGITAL_EASES.map((value) => [value, DIGITAL_EASE_LABELS[value]])}
      />
      <Checkboxes form={form} name="equipment" legend="Équipement de la personne" choices={EQUIPMENT.map((value) => [value, EQUIPMENT_LABELS[value]])} />
      <Radios
        form={form}
        name="supportGoal"
        legend="Objectif de l'accompagnement"
        choices={[{ value: "", label: "Non précisé" }, ...SUPPORT_GOALS.map((value) => ({ value, label: SUPPORT_GOAL_LABELS[value] }))]}
      />
    </section>
  );
}
