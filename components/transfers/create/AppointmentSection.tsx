/** An appointment booked for the person (by phone, say): date, time, place, whom to ask for. */
import { SelectInput, TextInput, type TransferFormParts } from "./fields";

export function AppointmentSection({ form, places }: { form: TransferFormParts; places: { id: string; name: string; communeName: string }[] }) {
  return (
    <section aria-labelledby="transfert-rdv" className="space-y-4">
      <h2 id="transfert-rdv" className="text-2xl font-semibold">
        Rendez-vous (facultatif)
      </h2>
      <p className="text-slate-700">Si vous avez pris rendez-vous pour la personne, par téléphone par exemple.</p>
      <div className="flex flex-wrap gap-4">
        <TextInput form={form} name="appointmentDate" type="date" label="Date" />
        <TextInput form={form} name="appointmentTime" type="time" label="Heure" />
      </div>
      {places.length > 0 && (
        <SelectInput
          form={form}
          name="appointmentPlaceId"
          label="Lieu"
          choices={places.map((place) => [place.id, `${place.name} (${place.communeName})`])}
        />
      )}
      <TextInput form={form} name="askFor" label="À qui s'adresser (facultatif)" hint="Par exemple « l'accueil, de la part de Lucas »." />
    </section>
  );
}
