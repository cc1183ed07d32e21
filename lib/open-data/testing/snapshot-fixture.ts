/** A hand-made territory snapshot for the exporters' unit tests: a French and a Belgian structure. */
import { snapshotHours, type SnapshotOffer, type SnapshotPlace, type SnapshotStructure, type TerritorySnapshot } from "../snapshot";

export const TODAY = "2026-11-22";
const minute = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));
export const slot = (weekday: number, opens: string, closes: string, appointmentOnly = false) => ({
  weekday,
  opensAtMinute: minute(opens),
  closesAtMinute: minute(closes),
  appointmentOnly,
});
export const closure = (from: string, to: string, label: string, hours?: [string, string]) => ({
  startsOn: new Date(`${from}T00:00:00Z`),
  endsOn: new Date(`${to}T00:00:00Z`),
  closed: !hours,
  opensAtMinute: hours ? minute(hours[0]) : null,
  closesAtMinute: hours ? minute(hours[1]) : null,
  label,
});

const details = {
  residentAccess: "Venir aux heures d'ouverture.",
  professionalReferral: "Par courriel à l'accueil.",
  minAge: 16,
  maxAge: null,
  residencyCondition: "Habitants de la communauté de communes",
  otherConditions: null,
  documentsToBring: ["Pièce d'identité", "Identifiants FranceConnect"],
  languages: ["fr", "ar"],
  isSaturated: false,
  acceptsTransfers: true,
};

export function fixtureSnapshot(overrides: { structures?: SnapshotStructure[]; places?: SnapshotPlace[]; offers?: SnapshotOffer[] } = {}): TerritorySnapshot {
  const structures: SnapshotStructure[] = [
    {
      id: "11111111-1111-4111-8111-111111111111",
      name: "Médiathèque d'Essômes-sur-Marne",
      description: "Médiathèque municipale avec un espace numérique.",
      email: "mediatheque@essomes.exemple.fr",
      phone: "03 23 41 22 30",
      website: "https://essomes.exemple.fr",
      identifiers: [{ type: "SIRET", value: "210 264 102 00013" }],
      terms: [
        ["dataInclusion.v0.typologies_de_structures", "BIB"],
        ["lmn.dispositif_programmes_nationaux", "Conseillers numériques"],
      ],
      updatedOn: "2026-10-01",
    },
    {
      id: "22222222-2222-4222-8222-222222222222",
      name: "EPN de Namur",
      description: "Espace public numérique.",
      email: "epn@namur.be",
      phone: "+32 81 24 60 00",
      website: null,
      identifiers: [{ type: "BCE", value: "0207.356.434" }],
      terms: [],
      updatedOn: "2026-09-01",
    },
  ];
  const places: SnapshotPlace[] = [
    {
      id: "33333333-3333-4333-8333-333333333333",
      structureId: structures[0]!.id,
      name: "Médiathèque",
      address: "2 place de l'Église",
      addressComplement: null,
      postalCode: "02400",
      communeCode: "02290",
      communeName: "Essômes-sur-Marne",
      country: "FR",
      latitude: 49.25,
      longitude: 3.5,
      hours: snapshotHours(
        [slot(2, "10:00", "12:00"), slot(2, "14:00", "18:00"), slot(3, "10:00", "12:00"), slot(3, "14:00", "18:00"), slot(6, "09:00", "12:00", true)],
        [closure("2026-12-24", "2027-01-01", "Fermeture annuelle"), closure("2026-12-05", "2026-12-05", "Horaires du Téléthon", ["09:00", "17:00"])],
        "closed",
        TODAY,
      ),
      updatedOn: "2026-09-01",
    },
    {
      id: "44444444-4444-4444-8444-444444444444",
      structureId: structures[1]!.id,
      name: "EPN de Namur",
      address: "Rue de Fer 42",
      addressComplement: null,
      postalCode: "5000",
      communeCode: "5000",
      communeName: "Namur",
      country: "BE",
      latitude: 50.46,
      longitude: 4.86,
      hours: snapshotHours([slot(1, "09:00", "12:00")], [], "closed", TODAY),
      updatedOn: "2026-09-01",
    },
  ];
  const offers: SnapshotOffer[] = [
    {
      id: "55555555-5555-4555-8555-555555555555",
      structureId: structures[0]!.id,
      title: "Ateliers numériques",
      description: "Un thème par atelier : la messagerie, les photos, les démarches en ligne.",
      terms: [
        ["lmn.services", "Maîtrise des outils numériques du quotidien"],
        ["dataInclusion.v1.publics", "seniors"],
        ["dataInclusion.v1.publics", "tous-publics"],
        ["toile.modes_acces", "atelier-collectif"],
        ["toile.postures", "faire-avec"],
        ["lmn.modalites_acces", "Téléphoner"],
        ["dataInclusion.v1.modes_mobilisation", "envoyer-un-courriel"],
        ["lmn.frais_a_charge", "Gratuit sous condition"],
      ],
      feeDetails: "Abonnement à la médiathèque",
      places: [{ placeId: places[0]!.id, hours: null }],
      hours: null,
      updatedOn: "2026-11-02",
      details,
    },
    {
      id: "66666666-6666-4666-8666-666666666666",
      structureId: structures[0]!.id,
      title: "Permanence téléphonique",
      description: "On vous aide par téléphone.",
      terms: [["toile.modes_acces", "a-distance"], ["lmn.frais_a_charge", "Payant"]],
      feeDetails: null,
      places: [],
      hours: snapshotHours([slot(4, "14:00", "16:00")], [closure("2026-11-20", "2026-11-30", "Congés")], "unknown", TODAY),
      updatedOn: "2026-11-02",
      details: { ...details, documentsToBring: [], languages: [] },
    },
    {
      id: "77777777-7777-4777-8777-777777777777",
      structureId: structures[1]!.id,
      title: "Initiation à l'ordinateur",
      description: "Apprendre les bases de l'ordinateur.",
      terms: [["lmn.services", "Maîtrise des outils numériques du quotidien"]],
      feeDetails: null,
      places: [{ placeId: places[1]!.id, hours: snapshotHours([slot(1, "10:00", "11:00")], [], "closed", TODAY) }],
      hours: null,
      updatedOn: "2026-10-02",
    },
  ];
  return {
    territory: { id: "99999999-9999-4999-8999-999999999999", slug: "val", name: "Val", country: "FR", timeZone: "Europe/Paris" },
    structures: overrides.structures ?? structures,
    places: overrides.places ?? places,
    offers: overrides.offers ?? offers,
  };
}
