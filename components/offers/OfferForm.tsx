"use client";

/**
 * The offer form: what, for whom, how, where, conditions, documents to bring, languages, and what
 * the offer does not do. react-hook-form checks it with the server's zod schema as fields are
 * left; without JavaScript it posts to the same server action and comes back with the errors
 * next to their fields and everything typed kept.
 */
import { useFieldArray } from "react-hook-form";
import { describedBy, Field, FieldError, FieldHint, inputClass } from "@/components/forms/Field";
import { FormStatus } from "@/components/forms/ActionForm";
import { useHydrated, useServerForm, type ServerAction } from "@/components/forms/server-form";
import type { FormObject } from "@/lib/forms/form-data";
import type { OfferFormOptions, TermGroup } from "@/lib/offers/form-options";
import type { OfferFormValues } from "@/lib/offers/form-values";
import { LANGUAGES, OFFER_TERM_ROLES, offerSchema } from "@/lib/offers/schemas";

const BLANK_REDIRECT = { notOffered: "", redirectToStructureId: "", note: "" };
const asList = (value: unknown) => (Array.isArray(value) ? value.map(String) : typeof value === "string" && value ? [value] : []);
const asText = (value: unknown) => (typeof value === "string" ? value : "");

/** What the server sent back (without JavaScript) as form values, so nothing typed is lost. */
function fromPosted(posted: FormObject, defaults: OfferFormValues): OfferFormValues {
  const redirects = Array.isArray(posted.redirects) ? (posted.redirects as FormObject[]) : [];
  return {
    ...defaults,
    ...Object.fromEntries(Object.entries(posted).filter(([, value]) => typeof value === "string")),
    termIds: asList(posted.termIds),
    placeIds: asList(posted.placeIds),
    languages: asList(posted.languages),
    isSaturated: posted.isSaturated === "on",
    acceptsTransfers: posted.acceptsTransfers === "on",
    phoneLine: posted.phoneLine === "on",
    redirects: redirects.map((row) => ({
      notOffered: asText(row.notOffered),
      redirectToStructureId: asText(row.redirectToStructureId),
      note: asText(row.note),
    })),
  } as OfferFormValues;
}

export function OfferForm({
  action,
  defaults,
  options,
  submitLabel,
}: {
  action: ServerAction;
  defaults: OfferFormValues;
  options: OfferFormOptions;
  submitLabel: string;
}) {
  const { register, control, state, pending, initial, formAction, onSubmit, errorAt } = useServerForm(offerSchema, action, (posted) => {
    const loaded = posted ? fromPosted(posted, defaults) : defaults;
    // One blank row to fill in, also without JavaScript.
    return loaded.redirects.some((row) => !row.notOffered && !row.note) ? loaded : { ...loaded, redirects: [...loaded.redirects, BLANK_REDIRECT] };
  });
  const hydrated = useHydrated();
  const redirects = useFieldArray({ control, name: "redirects" });

  const text = (name: keyof OfferFormValues & string, label: string, hint?: string, multiline = false) => {
    const error = errorAt(name);
    const props = {
      id: name,
      "aria-invalid": error ? true : undefined,
      "aria-describedby": describedBy(name, hint, error),
      className: inputClass,
      defaultValue: asText(initial[name]),
      ...register(name),
    };
    return (
      <Field id={name} label={label} hint={hint} error={error}>
        {multiline ? <textarea rows={4} {...props} /> : <input type="text" {...props} />}
      </Field>
    );
  };

  const checkboxGroup = (name: "termIds" | "placeIds" | "languages", idPrefix: string, items: { id: string; label: string; description?: string | null }[]) =>
    items.map((item) => (
      <div key={item.id} className="flex items-start gap-2">
        <input
          type="checkbox"
          id={`${idPrefix}-${item.id}`}
          value={item.id}
          defaultChecked={initial[name].includes(item.id)}
          className="mt-1 h-4 w-4"
          {...register(name)}
        />
        <label htmlFor={`${idPrefix}-${item.id}`}>
          {item.label}
          {item.description && item.description !== item.label && <span className="block text-sm text-slate-700">{item.description}</span>}
        </label>
      </div>
    ));

  const termSection = (role: (typeof OFFER_TERM_ROLES)[number], title: string, groups: TermGroup[]) => (
    <fieldset key={role} className="rounded border border-slate-300 p-3">
      <legend className="px-1 font-semibold">{title}</legend>
      {groups.length === 1 ? (
        <div className="grid gap-1 sm:grid-cols-2">{checkboxGroup("termIds", "terme", groups[0]!.terms)}</div>
      ) : (
        groups.map((group, index) => {
          const chosen = group.terms.filter((term) => initial.termIds.includes(term.id)).length;
          return (
            // The first list is open; the others stay folded unless they have ticked boxes, which must be seen.
            <details key={group.key} open={chosen > 0 || index === 0} className="mt-2">
              <summary className="cursor-pointer font-medium">
                {group.title}
                {chosen > 0 && ` (${chosen} coché${chosen > 1 ? "s" : ""})`}
              </summary>
              <div className="mt-1 grid gap-1 pl-4 sm:grid-cols-2">{checkboxGroup("termIds", "terme", group.terms)}</div>
            </details>
          );
        })
      )}
    </fieldset>
  );

  const termsError = errorAt("termIds");
  const placesError = errorAt("placeIds");

  return (
    <form
      action={formAction}
      noValidate
      onSubmit={onSubmit}
      className="mt-4 space-y-6"
    >
      <input type="hidden" defaultValue={initial.structureId} {...register("structureId")} />
      <input type="hidden" defaultValue={initial.offerId} {...register("offerId")} />
      <input type="hidden" defaultValue={initial.version} {...register("version")} />

      <section aria-labelledby="offre-quoi" className="space-y-4">
        <h2 id="offre-quoi" className="text-xl font-semibold">Quoi</h2>
        {text("title", "Intitulé de l'offre", "En mots simples, par exemple « Aide aux démarches en ligne ».")}
        {text("description", "Description", "Ce que la personne peut faire ici, et comment cela se passe.", true)}
      </section>

      <section aria-labelledby="offre-termes" className="space-y-3">
        <h2 id="offre-termes" className="text-xl font-semibold">Besoins, publics et modalités</h2>
        <FieldError id="termIds" error={termsError} />
        {OFFER_TERM_ROLES.map((role) => {
          const groups = options.termGroups.filter((group) => group.role === role);
          return groups.length > 0 ? termSection(role, options.roleTitles[role], groups) : null;
        })}
      </section>

      <section aria-labelledby="offre-ou" className="space-y-3">
        <h2 id="offre-ou" className="text-xl font-semibold">Où</h2>
        <fieldset className="rounded border border-slate-300 p-3" aria-describedby={describedBy("placeIds", true, placesError)}>
          <legend className="px-1 font-semibold">Lieux où l&apos;offre est proposée</legend>
          <FieldHint id="placeIds">Aucun lieu coché : l&apos;offre se fait à distance (téléphone, en ligne).</FieldHint>
          {options.ownPlaces.length > 0 ? (
            checkboxGroup("placeIds", "lieu", options.ownPlaces)
          ) : (
            <p>La structure n&apos;a pas encore de lieu.</p>
          )}
          {options.partnerPlaces.length > 0 && (
            <details open={options.partnerPlaces.some((place) => initial.placeIds.includes(place.id))} className="mt-2">
              <summary className="cursor-pointer font-medium">Permanence chez un partenaire</summary>
              <div className="mt-1 pl-4">
                {checkboxGroup(
                  "placeIds",
                  "lieu",
                  options.partnerPlaces.map((place) => ({ id: place.id, label: place.label, description: `Lieu de ${place.host}` })),
                )}
              </div>
            </details>
          )}
          <FieldError id="placeIds" error={placesError} />
        </fieldset>
      </section>

      <section aria-labelledby="offre-conditions" className="space-y-4">
        <h2 id="offre-conditions" className="text-xl font-semibold">Pour qui, à quelles conditions</h2>
        <div className="flex flex-wrap gap-4">
          {(["minAge", "maxAge"] as const).map((name) => {
            const error = errorAt(name);
            return (
              <Field key={name} id={name} label={name === "minAge" ? "Âge minimum" : "Âge maximum"} error={error}>
                <input
                  type="text"
                  inputMode="numeric"
                  id={name}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={describedBy(name, undefined, error)}
                  className="mt-1 w-24 rounded border border-slate-500 px-3 py-2"
                  defaultValue={initial[name]}
                  {...register(name)}
                />
              </Field>
            );
          })}
        </div>
        {text("residencyCondition", "Condition de résidence", "Par exemple « Habitants de la commune ».")}
        {text("otherConditions", "Autres conditions", "Par exemple « 30 minutes par jour », « être inscrit à la médiathèque ».")}
        {text("feeDetails", "Précisions sur le tarif", "Par exemple « abonnement 10 € par an ».")}
      </section>

      <section aria-labelledby="offre-comment" className="space-y-4">
        <h2 id="offre-comment" className="text-xl font-semibold">Comment</h2>
        {text("residentAccess", "Comment la personne vient", "Par exemple « se présenter à l'accueil », « téléphoner la veille ».")}
        {text("professionalReferral", "Comment un professionnel oriente quelqu'un", "Par exemple « appeler le 03 23 … », « transfert par Toile ».")}
        {(() => {
          const error = errorAt("typicalDelayDays");
          const hint = "En jours : 0 si la personne est reçue le jour même.";
          return (
            <Field id="typicalDelayDays" label="Délai habituel de prise en charge" hint={hint} error={error}>
              <input
                type="text"
                inputMode="numeric"
                id="typicalDelayDays"
                aria-invalid={error ? true : undefined}
                aria-describedby={describedBy("typicalDelayDays", hint, error)}
                className="mt-1 w-24 rounded border border-slate-500 px-3 py-2"
                defaultValue={initial.typicalDelayDays}
                {...register("typicalDelayDays")}
              />
            </Field>
          );
        })()}
        {(
          [
            ["acceptsTransfers", "Accepte les transferts accompagnés par Toile"],
            ["isSaturated", "Complet pour le moment (les partenaires le verront avant d'orienter)"],
          ] as const
        ).map(([name, label]) => (
          <div key={name} className="flex items-start gap-2">
            <input type="checkbox" id={name} defaultChecked={initial[name]} className="mt-1 h-4 w-4" {...register(name)} />
            <label htmlFor={name}>{label}</label>
          </div>
        ))}
        {(() => {
          const error = errorAt("phoneLine");
          return (
            <div>
              <div className="flex items-start gap-2">
                <input
                  type="checkbox"
                  id="phoneLine"
                  defaultChecked={initial.phoneLine}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={describedBy("phoneLine", true, error)}
                  className="mt-1 h-4 w-4"
                  {...register("phoneLine")}
                />
                <label htmlFor="phoneLine">Ligne téléphonique (permanence téléphonique)</label>
              </div>
              <FieldHint id="phoneLine">
                Sans lieu : ses horaires sont ceux des permanences téléphoniques. Les appels se notent sur une fiche d&apos;appel (page « Appels » de la structure).
              </FieldHint>
              <FieldError id="phoneLine" error={error} />
            </div>
          );
        })()}
      </section>

      <section aria-labelledby="offre-autres" className="space-y-4">
        <h2 id="offre-autres" className="text-xl font-semibold">À apporter, langues</h2>
        {text("documentsToBring", "Documents à apporter", "Un document par ligne : pièce d'identité, CV, identifiants FranceConnect…", true)}
        <fieldset className="rounded border border-slate-300 p-3">
          <legend className="px-1 font-semibold">Langues parlées par l&apos;équipe</legend>
          <div className="grid gap-1 sm:grid-cols-3">
            {checkboxGroup("languages", "langue", Object.entries(LANGUAGES).map(([id, label]) => ({ id, label })))}
          </div>
          <FieldError id="languages" error={errorAt("languages")} />
        </fieldset>
      </section>

      <section aria-labelledby="offre-reorientations" className="space-y-3">
        <h2 id="offre-reorientations" className="text-xl font-semibold">Ce que l&apos;offre ne fait pas</h2>
        <p className="text-slate-700">
          Dites ce qui n&apos;est pas fait ici et vers qui orienter, pour éviter les allers-retours (« Réparation d&apos;ordinateur : non,
          voir le Repair café »).
        </p>
        {redirects.fields.map((field, index) => {
          const base = `redirects.${index}`;
          const notOfferedError = errorAt(`${base}.notOffered`);
          const targetError = errorAt(`${base}.redirectToStructureId`);
          const noteError = errorAt(`${base}.note`);
          return (
            <fieldset key={field.id} className="rounded border border-slate-300 p-3">
              <legend className="px-1 font-semibold">Réorientation {index + 1}</legend>
              <div className="space-y-3">
                <Field id={`${base}.notOffered`} label="Ce qui n'est pas proposé" error={notOfferedError}>
                  <input
                    type="text"
                    id={`${base}.notOffered`}
                    aria-invalid={notOfferedError ? true : undefined}
                    aria-describedby={describedBy(`${base}.notOffered`, undefined, notOfferedError)}
                    className={inputClass}
                    defaultValue={field.notOffered}
                    {...register(`redirects.${index}.notOffered`)}
                  />
                </Field>
                <Field id={`${base}.redirectToStructureId`} label="Orienter vers" error={targetError}>
                  <select
                    id={`${base}.redirectToStructureId`}
                    aria-invalid={targetError ? true : undefined}
                    aria-describedby={describedBy(`${base}.redirectToStructureId`, undefined, targetError)}
                    className="mt-1 max-w-xl rounded border border-slate-500 px-3 py-2"
                    defaultValue={field.redirectToStructureId}
                    {...register(`redirects.${index}.redirectToStructureId`)}
                  >
                    <option value="">Aucune structure du territoire (précisez ci-dessous)</option>
                    {options.structures.map((structure) => (
                      <option key={structure.id} value={structure.id}>
                        {structure.name}
                      </option>
                    ))}
                  </select>
                </Field>
                <Field id={`${base}.note`} label="Précision" error={noteError}>
                  <input
                    type="text"
                    id={`${base}.note`}
                    aria-invalid={noteError ? true : undefined}
                    aria-describedby={describedBy(`${base}.note`, undefined, noteError)}
                    className={inputClass}
                    defaultValue={field.note}
                    {...register(`redirects.${index}.note`)}
                  />
                </Field>
                {hydrated && (
                  <button type="button" onClick={() => redirects.remove(index)} className="text-accent underline">
                    Retirer la réorientation {index + 1}
                  </button>
                )}
              </div>
            </fieldset>
          );
        })}
        {hydrated ? (
          <button type="button" onClick={() => redirects.append(BLANK_REDIRECT)} className="rounded border border-accent px-3 py-1 font-semibold text-accent">
            Ajouter une réorientation
          </button>
        ) : (
          <p className="text-sm text-slate-700">Enregistrez pour ajouter une autre réorientation.</p>
        )}
      </section>

      <div className="space-y-2">
        <button type="submit" disabled={pending} className="rounded bg-accent px-4 py-2 font-semibold text-white">
          {submitLabel}
        </button>
        <FormStatus state={state} />
      </div>
    </form>
  );
}
