/**
 * The mediators' analysis of a situation (seed 001's 3-A: the request, its difficulty and urgency,
 * the person's ease and equipment), as a GET form: every answer goes in the URL, so the page works
 * without JavaScript, can be bookmarked, and the ranking can be carried to the transfer form.
 * Problems (a past deadline, a commune outside the territory) are said next to their field.
 */
import { describedBy, Field, FieldGroup, inputClass } from "@/components/forms/Field";
import { LANGUAGES } from "@/lib/offers/schemas";
import { allNeeds, type Country } from "@/lib/public-search/needs";
import { POSTURES, PUBLICS } from "@/lib/public-search/filters";
import { searchMessages } from "@/lib/public-search/messages";
import type { Situation, SituationParam } from "@/lib/orientation/situation";
import { AGE_BAND_KEYS } from "@/lib/orientation/situation";
import { AGE_BANDS, DIFFICULTIES, DIGITAL_EASES, EQUIPMENT, URGENCIES } from "@/lib/transfers/schemas";
import { DIFFICULTY_LABELS, DIGITAL_EASE_LABELS, EQUIPMENT_LABELS, URGENCY_LABELS } from "@/lib/transfers/labels";

const labels = searchMessages("fr");
const DISTANCES = [0, 2, 5, 10, 20, 50];
const DIFFICULTY_HINTS = { simple: "courte : peut se faire sur place", moderate: "moyenne", complex: "longue : mieux sur rendez-vous" } as const;
const POSTURE_LABELS = { "faire-a-la-place": "Qu'on le fasse pour elle", "faire-avec": "Qu'on le fasse avec elle", "apprendre-a-faire": "Apprendre à le faire seule" } as const;

function Select({ name, id, value, blank, choices, error }: { name: string; id: string; value: string; blank: string; choices: [string, string][]; error?: string }) {
  return (
    <select id={id} name={name} defaultValue={value} className={inputClass} aria-describedby={describedBy(id, undefined, error)} aria-invalid={error ? true : undefined}>
      <option value="">{blank}</option>
      {choices.map(([code, label]) => (
        <option key={code} value={code}>
          {label}
        </option>
      ))}
    </select>
  );
}

export function SituationForm({ action, situation, country, errors, submitLabel }: {
  action: string;
  situation: Situation;
  country: Country;
  errors: Partial<Record<SituationParam, string>>;
  submitLabel: string;
}) {
  return (
    <form method="get" action={action} className="mt-4 space-y-4" aria-label="Analyse de la situation">
      <FieldGroup id="demande" legend="La demande">
        <div className="space-y-3">
          <Field id="besoin" label="Besoin" hint="Dans la liste, ou en quelques mots ci-dessous.">
            <Select name="besoin" id="besoin" value={situation.besoin ?? ""} blank="— Choisir —" choices={allNeeds(country).map((need) => [need.slug, need.label])} />
          </Field>
          <Field id="q" label="Ou en quelques mots" hint="Par exemple « CV », « impôts », « mot de passe oublié ». Pas de nom ni de détail personnel." error={errors.q}>
            <input id="q" name="q" type="text" defaultValue={situation.q} maxLength={200} className={inputClass} aria-describedby={describedBy("q", true, errors.q)} aria-invalid={errors.q ? true : undefined} />
          </Field>
          <Field id="difficulte" label="Difficulté">
            <Select name="difficulte" id="difficulte" value={situation.difficulte ?? ""} blank="Non précisée" choices={DIFFICULTIES.map((code) => [code, `${DIFFICULTY_LABELS[code]} (${DIFFICULTY_HINTS[code]})`])} />
          </Field>
          <Field id="urgence" label="Urgence">
            <Select name="urgence" id="urgence" value={situation.urgence ?? ""} blank="Non précisée" choices={URGENCIES.map((code) => [code, URGENCY_LABELS[code]])} />
          </Field>
          <Field id="echeance" label="À faire avant le" hint="Une date limite (un dossier, une candidature)." error={errors.echeance}>
            <input id="echeance" name="echeance" type="date" defaultValue={situation.echeance ?? ""} className={inputClass} aria-describedby={describedBy("echeance", true, errors.echeance)} aria-invalid={errors.echeance ? true : undefined} />
          </Field>
        </div>
      </FieldGroup>
      <FieldGroup id="personne" legend="La personne">
        <div className="space-y-3">
          <Field id="aisance" label="Aisance avec le numérique">
            <Select name="aisance" id="aisance" value={situation.aisance ?? ""} blank="Non précisée" choices={DIGITAL_EASES.map((code) => [code, DIGITAL_EASE_LABELS[code]])} />
          </Field>
          <FieldGroup id="equipement" legend="Équipement" className="rounded border border-slate-200 p-2" legendClassName="px-1 font-medium">
            {EQUIPMENT.map((code) => (
              <label key={code} className="me-4 inline-flex items-center gap-2">
                <input type="checkbox" name="equipement" value={code} defaultChecked={situation.equipement.includes(code)} />
                {EQUIPMENT_LABELS[code]}
              </label>
            ))}
          </FieldGroup>
          <FieldGroup id="objectif" legend="Ce dont elle a besoin" className="rounded border border-slate-200 p-2" legendClassName="px-1 font-medium">
            {POSTURES.map((code) => (
              <label key={code} className="me-4 inline-flex items-center gap-2">
                <input type="radio" name="objectif" value={code} defaultChecked={situation.objectif === code} />
                {POSTURE_LABELS[code]}
              </label>
            ))}
          </FieldGroup>
          <Field id="age" label="Âge">
            <Select name="age" id="age" value={situation.ageBand ?? ""} blank="Non précisé" choices={AGE_BAND_KEYS.map((code) => [code, AGE_BANDS[code].label])} />
          </Field>
          <Field id="public" label="Situation">
            <Select name="public" id="public" value={situation.public ?? ""} blank="Non précisée" choices={PUBLICS.map((code) => [code, labels.publics(code)])} />
          </Field>
          <Field id="langue" label="Langue parlée le plus facilement">
            <Select name="langue" id="langue" value={situation.langue ?? ""} blank="Français" choices={Object.entries(LANGUAGES).filter(([code]) => code !== "fr")} />
          </Field>
          <label className="inline-flex items-center gap-2">
            <input type="checkbox" name="fauteuil" value="1" defaultChecked={situation.fauteuil} />
            Se déplace en fauteuil roulant
          </label>
        </div>
      </FieldGroup>
      <FieldGroup id="ou" legend="Où">
        <div className="space-y-3">
          <Field id="commune" label="Commune" hint="Nom ou code postal." error={errors.commune}>
            <input id="commune" name="commune" type="text" defaultValue={situation.commune ?? ""} maxLength={80} className={inputClass} aria-describedby={describedBy("commune", true, errors.commune)} aria-invalid={errors.commune ? true : undefined} />
          </Field>
          <Field id="distance" label="Peut se déplacer jusqu'à" error={errors.distance}>
            <Select name="distance" id="distance" value={situation.distance === null ? "" : String(situation.distance)} blank="Non précisé" error={errors.distance} choices={DISTANCES.map((km) => [String(km), km === 0 ? "Ne peut pas se déplacer" : `${km} km`])} />
          </Field>
        </div>
      </FieldGroup>
      <button type="submit" className="rounded bg-accent px-4 py-2 font-semibold text-white">
        {submitLabel}
      </button>
    </form>
  );
}
