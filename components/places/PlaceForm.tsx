"use client";

/**
 * A place's form (create and edit). react-hook-form checks each field when it is left with the same
 * zod schema as the server, except the commune, which only the server can match to the postal code
 * (its list of communes does not come to the browser). Without JavaScript the form posts as is and
 * the server answers with its errors and what was typed.
 * With JavaScript, leaving a French postal code suggests its communes, and — when the server has
 * an address service — "Trouver l'adresse" proposes addresses to pick from.
 */
import { useState, useTransition, type ReactNode } from "react";
import { FormStatus } from "@/components/forms/ActionForm";
import { describedBy, Field as FieldFrame, inputClass } from "@/components/forms/Field";
import { useHydrated, useServerForm, type ServerAction } from "@/components/forms/server-form";
import type { AddressCandidate } from "@/lib/places/geocoder";
import { placeFormSchema, type PlaceFormValues } from "@/lib/places/schemas";

type FindAddress = ServerAction<AddressCandidate[]>;
type CommunesOf = (postalCode: string) => Promise<{ code: string; name: string }[]>;

type Field = keyof PlaceFormValues;

const decimal = (value: number) => String(value).replace(".", ",");

export function PlaceForm({
  action,
  defaults,
  submitLabel,
  communesOf,
  findAddress,
}: {
  action: ServerAction;
  defaults: PlaceFormValues;
  submitLabel: string;
  communesOf: CommunesOf;
  /** Present only when the server has an address service (GEOCODER_URL). */
  findAddress?: FindAddress;
}) {
  const { register, setValue, getValues, state, pending, initial, formAction, onSubmit, errorAt } = useServerForm(
    placeFormSchema,
    action,
    (posted): PlaceFormValues => ({ ...defaults, ...((posted as Partial<PlaceFormValues> | undefined) ?? {}) }),
  );
  // A server error stays on its field until the field is checked again (left, or filled by the address finder).
  const errorOf = (name: Field) => errorAt(name);

  const [communes, setCommunes] = useState<{ code: string; name: string }[]>([]);
  async function suggestCommunes(postalCode: string) {
    const trimmed = postalCode.trim();
    if (getValues("country") !== "FR" || !/^\d{5}$/.test(trimmed)) return setCommunes([]);
    // Suggestions only: if the server cannot be reached, the commune is typed by hand.
    const found = await communesOf(trimmed).catch(() => []);
    setCommunes(found);
    if (found.length === 1 && !getValues("commune").trim()) setValue("commune", found[0]!.name);
  }

  /** Shows a field's label, hint, control and error; the control gets the matching ids. */
  function field(name: Field, label: string, control: (props: Record<string, unknown>) => ReactNode, hint?: ReactNode) {
    const error = errorOf(name);
    return (
      <FieldFrame id={name} label={label} hint={hint} error={error} liveHint={name === "commune"}>
        {control({ id: name, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy(name, hint, error), className: inputClass })}
      </FieldFrame>
    );
  }
  const text = (name: Field, extra: Record<string, unknown> = {}) =>
    function TextInput(props: Record<string, unknown>) {
      return <input type="text" defaultValue={initial[name]} {...props} {...extra} {...register(name)} />;
    };

  const postalCode = register("postalCode");
  const country = register("country");

  return (
    <form action={formAction} noValidate onSubmit={onSubmit} className="mt-4 space-y-6">
      <input type="hidden" defaultValue={initial.structureId} {...register("structureId")} />
      <input type="hidden" defaultValue={initial.placeId} {...register("placeId")} />
      <input type="hidden" defaultValue={initial.version} {...register("version")} />
      <input type="hidden" defaultValue={initial.storedCommune} {...register("storedCommune")} />

      {field("name", "Nom du lieu", text("name"), "Comme on l'appelle sur place, par exemple « Médiathèque Jean-Macé ».")}

      <fieldset className="space-y-4">
        <legend className="text-xl font-semibold">Adresse</legend>
        {field("address", "Numéro et voie", text("address", { autoComplete: "address-line1" }))}
        {findAddress && <AddressFinder findAddress={findAddress} structureId={initial.structureId} getValues={getValues} pick={pickAddress} />}
        {field("addressComplement", "Complément d'adresse (facultatif)", text("addressComplement", { autoComplete: "address-line2" }), "Bâtiment, étage, porte…")}
        {field("country", "Pays", (props) => (
          <select
            defaultValue={initial.country}
            {...props}
            className="mt-1 rounded border border-slate-500 px-3 py-2"
            {...country}
            onChange={(event) => {
              void country.onChange(event);
              void suggestCommunes(getValues("postalCode"));
            }}
          >
            <option value="FR">France</option>
            <option value="BE">Belgique</option>
          </select>
        ))}
        {field("postalCode", "Code postal", (props) => (
          <input
            type="text"
            inputMode="numeric"
            autoComplete="postal-code"
            defaultValue={initial.postalCode}
            {...props}
            className="mt-1 w-32 rounded border border-slate-500 px-3 py-2"
            {...postalCode}
            onBlur={(event) => {
              void postalCode.onBlur(event);
              void suggestCommunes(event.target.value);
            }}
          />
        ))}
        {field(
          "commune",
          "Commune",
          text("commune", { list: "communes-du-code-postal", autoComplete: "off" }),
          communes.length > 1
            ? `Communes de ce code postal : ${communes.map((commune) => commune.name).join(", ")}.`
            : "Son nom, tel qu'il s'écrit officiellement.",
        )}
        <datalist id="communes-du-code-postal">
          {communes.map((commune) => (
            <option key={commune.code} value={commune.name} />
          ))}
        </datalist>
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="text-xl font-semibold">Position sur la carte (facultatif)</legend>
        <p className="text-sm text-slate-700">
          En degrés décimaux, par exemple 49,2512 et 3,4187. Laissez vide si vous ne les connaissez pas.
        </p>
        {field("latitude", "Latitude", text("latitude", { inputMode: "decimal", className: "mt-1 w-40 rounded border border-slate-500 px-3 py-2" }))}
        {field("longitude", "Longitude", text("longitude", { inputMode: "decimal", className: "mt-1 w-40 rounded border border-slate-500 px-3 py-2" }))}
      </fieldset>

      <fieldset className="space-y-2" aria-describedby={errorOf("wheelchairAccessible") ? "wheelchairAccessible-erreur" : undefined}>
        <legend className="text-xl font-semibold">Accessibilité</legend>
        <p className="font-medium">Une personne en fauteuil roulant peut-elle entrer et être reçue ?</p>
        {(
          [
            ["oui", "Oui"],
            ["non", "Non"],
            ["inconnu", "Je ne sais pas"],
          ] as const
        ).map(([value, label]) => (
          <div key={value} className="flex items-center gap-2">
            <input
              type="radio"
              id={`wheelchairAccessible-${value}`}
              value={value}
              defaultChecked={initial.wheelchairAccessible === value}
              {...register("wheelchairAccessible")}
            />
            <label htmlFor={`wheelchairAccessible-${value}`}>{label}</label>
          </div>
        ))}
        {errorOf("wheelchairAccessible") && (
          <p id="wheelchairAccessible-erreur" className="font-medium text-red-800">
            {errorOf("wheelchairAccessible")}
          </p>
        )}
        {field(
          "accessibilityNotes",
          "Précisions sur l'accessibilité (facultatif)",
          (props) => <textarea rows={3} defaultValue={initial.accessibilityNotes} {...props} {...register("accessibilityNotes")} />,
          "Marche à l'entrée, rampe, ascenseur, boucle magnétique…",
        )}
      </fieldset>

      <button type="submit" disabled={pending} className="rounded bg-accent px-4 py-2 font-semibold text-white">
        {submitLabel}
      </button>
      <FormStatus state={state} />
    </form>
  );

  function pickAddress(candidate: AddressCandidate) {
    const options = { shouldValidate: true, shouldDirty: true };
    setValue("country", "FR", options);
    setValue("address", candidate.address, options);
    setValue("postalCode", candidate.postalCode, options);
    setValue("commune", candidate.communeName, options);
    setValue("latitude", decimal(candidate.latitude), options);
    setValue("longitude", decimal(candidate.longitude), options);
    void suggestCommunes(candidate.postalCode);
  }
}

/** "Trouver l'adresse": asks the server's address service, then fills the form with the address picked. */
function AddressFinder({
  findAddress,
  structureId,
  getValues,
  pick,
}: {
  findAddress: FindAddress;
  structureId: string;
  getValues: (name: "address" | "postalCode" | "commune") => string;
  pick: (candidate: AddressCandidate) => void;
}) {
  // The helper needs JavaScript: it appears only once the page runs it.
  const mounted = useHydrated();
  const [candidates, setCandidates] = useState<AddressCandidate[] | null>(null);
  const [message, setMessage] = useState("");
  const [searching, startSearch] = useTransition();
  if (!mounted) return null;

  function search() {
    const query = [getValues("address"), getValues("postalCode"), getValues("commune")].join(" ").trim();
    const data = new FormData();
    data.set("structureId", structureId);
    data.set("query", query);
    data.set("postalCode", getValues("postalCode"));
    startSearch(async () => {
      const result = await findAddress(null, data);
      if (!result.ok) {
        setCandidates(null);
        setMessage(result.fieldErrors?.query?.[0] ?? result.error);
        return;
      }
      setCandidates(result.data);
      setMessage(result.data.length ? "Choisissez l'adresse du lieu, ou continuez à la main." : "Aucune adresse trouvée : saisissez-la à la main.");
    });
  }

  return (
    <div className="rounded border border-slate-300 p-3">
      <p className="text-sm text-slate-700">
        Après avoir tapé l&apos;adresse (et le code postal si vous le connaissez), le service d&apos;adresses peut compléter le
        code postal, la commune et la position :
      </p>
      <button type="button" onClick={search} disabled={searching} className="mt-1 rounded border border-accent px-3 py-1 font-semibold text-accent">
        Trouver l&apos;adresse
      </button>
      <p role="status" className="mt-2">
        {message}
      </p>
      {candidates && candidates.length > 0 && (
        <ul className="mt-2 space-y-1">
          {candidates.map((candidate) => (
            <li key={`${candidate.label}-${candidate.latitude}`}>
              <button
                type="button"
                className="underline"
                onClick={() => {
                  pick(candidate);
                  setCandidates(null);
                  setMessage(`Adresse reprise : ${candidate.label}. Vérifiez-la avant d'enregistrer.`);
                }}
              >
                {candidate.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
