/**
 * The demo territory: a fictional intercommunality whose partners are those of the real matrix in
 * seed 001 ("Le parcours usager"), plus the partners a mediator redirects to (seeds 000, 002, 003).
 * Conditions and hours are the field's own.
 *
 * What is real and what is not:
 * - the communes are real neighbours in the Aisne (Château-Thierry, Essômes-sur-Marne, which share
 *   the postal code 02400, and Charly-sur-Marne, 02310), with their true INSEE codes and postal
 *   codes (checked against @etalab/decoupage-administratif by territory.test.ts), and each place's
 *   coordinates fall inside its commune, so commune checks, postal-code searches, distances and
 *   map links behave as they will with real data;
 * - the territory, "Val de Lise", stays fictional (there is no river Lise there): the demo must not
 *   pass for the data of the real intercommunality (the Communauté d'agglomération de la Région de
 *   Château-Thierry), whose structures, addresses and hours these are not;
 * - structures, addresses, e-mails (exemple.fr) and people are invented; SIRETs are fictional:
 *   their SIREN (the first 9 digits, 99999…) fails its own check digit, so no real company has it,
 *   while the whole SIRET passes the check Toile applies (territory.test.ts).
 * Plain data only: lib/demo/seed.ts writes it to the database.
 */

export const DEMO_TERRITORY_SLUG = "val-de-lise";
export const DEMO_TERRITORY_NAME = "Communauté de communes du Val de Lise";

export const DEMO_COMMUNES = {
  chateauThierry: { code: "02168", name: "Château-Thierry", postalCode: "02400" },
  essomes: { code: "02290", name: "Essômes-sur-Marne", postalCode: "02400" },
  charly: { code: "02163", name: "Charly-sur-Marne", postalCode: "02310" },
} as const;
type CommuneKey = keyof typeof DEMO_COMMUNES;

/** A vocabulary term: [vocabulary key, code]. */
export type TermRef = readonly [string, string];
const need = (code: string): TermRef => ["dataInclusion.v1.thematiques", code];
const lmnService = (code: string): TermRef => ["lmn.services", code];
const publicOf = (code: string): TermRef => ["dataInclusion.v1.publics", code];
const posture = (code: "apprendre-a-faire" | "faire-avec" | "faire-a-la-place"): TermRef => [
  "toile.postures",
  code,
];
const access = (
  code: "acces-libre" | "sans-rendez-vous" | "sur-rendez-vous" | "atelier-collectif" | "a-distance",
): TermRef => ["toile.modes_acces", code];
const contact = (code: string): TermRef => ["lmn.modalites_acces", code];
const referral = (code: string): TermRef => ["dataInclusion.v1.modes_mobilisation", code];
const fee = (code: "Gratuit" | "Gratuit sous condition" | "Payant"): TermRef => ["lmn.frais_a_charge", code];
const typology = (code: string): TermRef => ["dataInclusion.v0.typologies_de_structures", code];
const label = (code: string): TermRef => ["lmn.dispositif_programmes_nationaux", code];

export interface DemoSlot {
  weekday: number;
  opensAtMinute: number;
  closesAtMinute: number;
  appointmentOnly: boolean;
}

/** Weekly slots: `week([2, 3, 4, 5], "10:00-12:00", "14:00-17:00")`, weekdays ISO (1 = Monday). */
function week(weekdays: number[], ...ranges: string[]): DemoSlot[] {
  return weekdays.flatMap((weekday) =>
    ranges.map((range) => {
      const [opens, closes] = range.split("-").map(minutes) as [number, number];
      return { weekday, opensAtMinute: opens, closesAtMinute: closes, appointmentOnly: false };
    }),
  );
}
const byAppointment = (slots: DemoSlot[]) => slots.map((slot) => ({ ...slot, appointmentOnly: true }));

export function minutes(time: string): number {
  const [hours, mins] = time.split(":").map(Number) as [number, number];
  return hours * 60 + mins;
}

/** A dated exception, in days from the Monday of the week after the seed date. */
export interface DemoException {
  fromNextMonday: number;
  days: number;
  label: string;
  specialHours?: string;
}

export interface DemoPlace {
  key: string;
  name: string;
  address: string;
  commune: CommuneKey;
  latitude: number;
  longitude: number;
  wheelchairAccessible: boolean | null;
  accessibilityNotes?: string;
  hours: DemoSlot[];
  exceptions?: DemoException[];
}

export interface DemoOffer {
  key: string;
  title: string;
  description: string;
  terms: TermRef[];
  /** Keys of places (of any structure), with the offer's own hours there when they differ. */
  places: { place: string; hours?: DemoSlot[] }[];
  /** Hours of an offer with no place (phone line). */
  hours?: DemoSlot[];
  professionalReferral?: string;
  residentAccess?: string;
  minAge?: number;
  maxAge?: number;
  residencyCondition?: string;
  otherConditions?: string;
  feeDetails?: string;
  documentsToBring?: string[];
  languages?: string[];
  typicalDelayDays?: number;
  isSaturated?: boolean;
  acceptsTransfers: boolean;
  /** A phone line: no place, its own hours are the phone permanences. */
  phoneLine?: boolean;
  draft?: boolean;
  /** Months since the offer was last verified (over 6: flagged as stale). */
  verifiedMonthsAgo: number;
  redirects?: { notOffered: string; toOffer?: string; toStructure?: string; note?: string }[];
}

export interface DemoStructure {
  key: string;
  name: string;
  description: string;
  siret?: string;
  rna?: string;
  email: string;
  phone: string;
  website?: string;
  terms: TermRef[];
  places: DemoPlace[];
  offers: DemoOffer[];
  verifiedMonthsAgo: number;
}

const FRENCH_ONLY = ["fr"];

export const DEMO_STRUCTURES: DemoStructure[] = [
  {
    key: "france-services",
    name: "Espace France Services du Val de Lise",
    description:
      "Un seul guichet pour les démarches de 9 organismes : France Travail, CAF, Assurance maladie, MSA, Assurance retraite, impôts, ANTS (carte grise, papiers d'identité), Justice et La Poste.",
    siret: "99999000100011",
    email: "franceservices@val-de-lise.exemple.fr",
    phone: "03 23 41 20 10",
    terms: [typology("MSAP"), label("France Services"), label("Aidants Connect"), label("Conseillers numériques")],
    verifiedMonthsAgo: 1,
    places: [
      {
        key: "france-services",
        name: "Espace France Services",
        address: "3 avenue de la Gare",
        commune: "chateauThierry",
        latitude: 49.0459,
        longitude: 3.4016,
        wheelchairAccessible: true,
        accessibilityNotes: "Plain-pied, boucle magnétique à l'accueil.",
        // Du mardi au vendredi de 10 h à 12 h et de 14 h à 17 h, journée continue le jeudi.
        hours: [...week([2, 3, 5], "10:00-12:00", "14:00-17:00"), ...week([4], "10:00-17:00")],
      },
    ],
    offers: [
      {
        key: "france-services-demarches",
        title: "Aide aux démarches administratives en ligne",
        description:
          "Un agent fait avec vous, ou à votre place si besoin, vos démarches en ligne : CAF, retraite, impôts, carte grise, France Travail… Accueil gratuit et anonyme.",
        terms: [
          need("difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives"),
          need("numerique--acceder-a-des-services-en-ligne"),
          lmnService("Aide aux démarches administratives"),
          publicOf("tous-publics"),
          posture("faire-avec"),
          posture("faire-a-la-place"),
          access("sans-rendez-vous"),
          access("sur-rendez-vous"),
          contact("Se présenter"),
          contact("Téléphoner"),
          referral("envoyer-un-courriel"),
          referral("telephoner"),
          fee("Gratuit"),
        ],
        places: [{ place: "france-services" }],
        residentAccess: "Venir aux heures d'ouverture, ou téléphoner pour un rendez-vous.",
        professionalReferral: "Par Toile, ou par courriel à l'accueil en précisant la démarche.",
        documentsToBring: [
          "Pièce d'identité",
          "Identifiants FranceConnect ou de l'organisme (CAF, impots.gouv, ameli)",
          "Dernier avis d'imposition",
          "Adresse courriel et son mot de passe",
          "Téléphone portable",
        ],
        languages: FRENCH_ONLY,
        typicalDelayDays: 3,
        acceptsTransfers: true,
        verifiedMonthsAgo: 1,
        redirects: [
          {
            notOffered: "Accompagnement vers l'emploi des moins de 26 ans",
            toOffer: "mission-locale-emploi",
          },
        ],
      },
      {
        key: "france-services-libre-acces",
        title: "Ordinateur, imprimante et scanner en libre accès",
        description: "Un poste pour faire vos démarches seul, avec un agent à côté si vous bloquez.",
        terms: [
          need("numerique--acceder-a-une-connexion-internet"),
          lmnService("Accès internet et matériel informatique"),
          publicOf("tous-publics"),
          posture("apprendre-a-faire"),
          access("acces-libre"),
          contact("Se présenter"),
          fee("Gratuit"),
        ],
        places: [{ place: "france-services" }],
        languages: FRENCH_ONLY,
        acceptsTransfers: false,
        verifiedMonthsAgo: 1,
      },
    ],
  },
  {
    key: "mediatheque",
    name: "Médiathèque Jean-de-La-Fontaine",
    description: "Médiathèque municipale : prêt de livres et de films, postes internet et ateliers numériques.",
    siret: "99999000200019",
    email: "mediatheque@saint-aubin-sur-lise.exemple.fr",
    phone: "03 23 41 22 30",
    terms: [typology("BIB"), label("Conseillers numériques")],
    verifiedMonthsAgo: 2,
    places: [
      {
        key: "mediatheque",
        name: "Médiathèque",
        address: "Place du Marché",
        commune: "chateauThierry",
        latitude: 49.0478,
        longitude: 3.4044,
        wheelchairAccessible: true,
        // Du mardi au samedi de 10 h à 17 h, fermée le vendredi matin.
        hours: [...week([2, 3, 4, 6], "10:00-17:00"), ...week([5], "14:00-17:00")],
        exceptions: [{ fromNextMonday: 0, days: 3, label: "Fermeture pour inventaire" }],
      },
    ],
    offers: [
      {
        key: "mediatheque-postes",
        title: "Postes internet en libre accès",
        description: "Des ordinateurs connectés pour les abonnés, 30 minutes par jour.",
        terms: [
          need("numerique--acceder-a-une-connexion-internet"),
          lmnService("Accès internet et matériel informatique"),
          publicOf("tous-publics"),
          posture("apprendre-a-faire"),
          access("acces-libre"),
          contact("Se présenter"),
          fee("Gratuit sous condition"),
        ],
        places: [{ place: "mediatheque" }],
        residencyCondition: "Être abonné à la médiathèque (abonnement réservé aux habitants de la commune).",
        otherConditions: "30 minutes par jour.",
        feeDetails: "Abonnement 10 € par an pour les habitants de la commune.",
        documentsToBring: ["Carte d'abonné"],
        languages: FRENCH_ONLY,
        acceptsTransfers: false,
        verifiedMonthsAgo: 2,
        redirects: [{ notOffered: "Démarches administratives", toOffer: "france-services-demarches" }],
      },
      {
        key: "mediatheque-ateliers",
        title: "Ateliers numériques du samedi",
        description:
          "Un thème par atelier : se servir de son smartphone, les courriels, ranger ses photos, éviter les arnaques.",
        terms: [
          need("numerique--maitriser-les-fondamentaux-du-numerique"),
          lmnService("Maîtrise des outils numériques du quotidien"),
          lmnService("Utilisation sécurisée du numérique"),
          publicOf("tous-publics"),
          posture("apprendre-a-faire"),
          access("atelier-collectif"),
          contact("Se présenter"),
          contact("Téléphoner"),
          fee("Gratuit sous condition"),
        ],
        places: [{ place: "mediatheque", hours: week([6], "10:00-12:00") }],
        residentAccess: "Inscription à l'accueil ou par téléphone, 8 places par atelier.",
        otherConditions: "Selon les thèmes du programme.",
        feeDetails: "Abonnement 10 € par an pour les habitants de la commune.",
        languages: FRENCH_ONLY,
        acceptsTransfers: false,
        verifiedMonthsAgo: 2,
      },
    ],
  },
  {
    key: "ccas",
    name: "CCAS de Château-Thierry",
    description: "Centre communal d'action sociale : aides, accompagnement des personnes âgées et des familles.",
    siret: "99999000300017",
    email: "ccas@saint-aubin-sur-lise.exemple.fr",
    phone: "03 23 41 20 45",
    terms: [typology("CCAS")],
    verifiedMonthsAgo: 9,
    places: [
      {
        key: "ccas",
        name: "CCAS",
        address: "17 avenue du Général de Gaulle",
        commune: "chateauThierry",
        latitude: 49.0445,
        longitude: 3.4062,
        wheelchairAccessible: false,
        accessibilityNotes: "Trois marches à l'entrée ; l'agent peut recevoir au rez-de-chaussée de la mairie.",
        // Le mardi et le jeudi de 13 h à 17 h.
        hours: week([2, 4], "13:00-17:00"),
      },
    ],
    offers: [
      {
        key: "ccas-a-la-place",
        title: "Démarches en ligne faites pour vous, à partir de 60 ans",
        description:
          "Un agent fait la démarche à votre place, sur place, quand vous ne pouvez pas la faire vous-même.",
        terms: [
          need("difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives"),
          lmnService("Aide aux démarches administratives"),
          publicOf("seniors"),
          posture("faire-a-la-place"),
          access("sans-rendez-vous"),
          contact("Se présenter"),
          contact("Téléphoner"),
          referral("telephoner"),
          fee("Gratuit"),
        ],
        places: [{ place: "ccas" }],
        minAge: 60,
        documentsToBring: ["Pièce d'identité", "Courrier ou identifiants de l'organisme concerné"],
        languages: FRENCH_ONLY,
        typicalDelayDays: 7,
        acceptsTransfers: true,
        verifiedMonthsAgo: 9,
      },
    ],
  },
  {
    key: "bij",
    name: "Bureau Information Jeunesse",
    description: "Information et accompagnement des jeunes : orientation, logement, jobs, santé, numérique.",
    siret: "99999000200027",
    email: "bij@saint-aubin-sur-lise.exemple.fr",
    phone: "03 23 41 25 60",
    terms: [typology("PIJ_BIJ"), label("Promeneurs du net")],
    verifiedMonthsAgo: 1,
    places: [
      {
        key: "bij",
        name: "Bureau Information Jeunesse",
        address: "2 place du Marché",
        commune: "chateauThierry",
        latitude: 49.0481,
        longitude: 3.4038,
        wheelchairAccessible: true,
        // Du lundi au vendredi de 10 h à 12 h et de 14 h à 18 h.
        hours: week([1, 2, 3, 4, 5], "10:00-12:00", "14:00-18:00"),
      },
    ],
    offers: [
      {
        key: "bij-jeunes",
        title: "Accompagnement numérique des moins de 26 ans",
        description: "Libre accès aux ordinateurs et aide pour le CV, Parcoursup, la recherche de stage ou de logement.",
        terms: [
          need("preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation"),
          need("logement-hebergement--sinformer-sur-les-demarches-liees-a-lacces-au-logement"),
          need("numerique--acceder-a-des-services-en-ligne"),
          publicOf("jeunes"),
          publicOf("etudiants"),
          posture("apprendre-a-faire"),
          posture("faire-avec"),
          access("acces-libre"),
          access("sans-rendez-vous"),
          contact("Se présenter"),
          fee("Gratuit"),
        ],
        places: [{ place: "bij" }],
        maxAge: 25,
        languages: ["fr", "en"],
        typicalDelayDays: 1,
        acceptsTransfers: true,
        verifiedMonthsAgo: 1,
      },
    ],
  },
  {
    key: "departement",
    name: "Maison départementale des solidarités — permanence du Val de Lise",
    description: "Les travailleurs sociaux du Département : accès aux droits, budget, logement, protection.",
    siret: "99999000400015",
    email: "mds.val-de-lise@departement.exemple.fr",
    phone: "03 23 24 60 00",
    terms: [typology("MDS")],
    verifiedMonthsAgo: 3,
    places: [
      {
        key: "departement",
        name: "Permanence du Département",
        address: "12 rue des Cyclamens",
        commune: "chateauThierry",
        latitude: 49.0423,
        longitude: 3.3981,
        wheelchairAccessible: true,
        // Lundi, mardi, jeudi après-midi de 13 h à 17 h, mercredi journée ; uniquement sur rendez-vous.
        hours: byAppointment([...week([1, 2, 4], "13:00-17:00"), ...week([3], "09:00-12:00", "13:00-17:00")]),
      },
    ],
    offers: [
      {
        key: "departement-social",
        title: "Accompagnement social sur rendez-vous",
        description:
          "Un travailleur social fait le point avec vous : droits, budget, logement, difficultés familiales. Confidentiel.",
        terms: [
          need("difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits"),
          need("difficultes-financieres--ameliorer-sa-gestion-budgetaire"),
          need("famille--surmonter-conflits-separation-violence"),
          publicOf("tous-publics"),
          posture("faire-avec"),
          access("sur-rendez-vous"),
          contact("Téléphoner"),
          contact("Envoyer un mail avec une fiche de prescription"),
          referral("telephoner"),
          referral("envoyer-un-courriel"),
          fee("Gratuit"),
        ],
        places: [{ place: "departement" }],
        residentAccess: "Téléphoner au secrétariat pour un rendez-vous.",
        professionalReferral: "Par Toile, ou fiche de prescription par courriel.",
        documentsToBring: ["Pièce d'identité", "Justificatifs de ressources", "Courriers reçus"],
        languages: FRENCH_ONLY,
        typicalDelayDays: 21,
        isSaturated: true,
        acceptsTransfers: true,
        verifiedMonthsAgo: 3,
      },
    ],
  },
  {
    key: "lien-numerique",
    name: "Association Lien numérique",
    description:
      "Des informaticiens publics itinérants : une permanence chaque semaine dans les lieux de quartier, pour toutes les questions d'ordinateur, de smartphone et d'internet.",
    rna: "W023004512",
    email: "contact@lien-numerique.exemple.org",
    phone: "06 12 34 56 78",
    terms: [typology("ASSO"), label("Conseillers numériques")],
    verifiedMonthsAgo: 8,
    places: [],
    offers: [
      {
        key: "informaticien-public",
        title: "Permanence de l'informaticien public",
        description:
          "Venez avec votre ordinateur, votre smartphone ou votre question : l'informaticien public cherche avec vous et vous montre comment faire. Ce qui se dit reste confidentiel.",
        terms: [
          need("numerique--maitriser-les-fondamentaux-du-numerique"),
          need("numerique--acceder-a-des-services-en-ligne"),
          lmnService("Maîtrise des outils numériques du quotidien"),
          publicOf("tous-publics"),
          posture("faire-avec"),
          posture("apprendre-a-faire"),
          access("sans-rendez-vous"),
          contact("Se présenter"),
          fee("Gratuit"),
        ],
        places: [
          { place: "maison-tilleuls", hours: week([2], "14:00-17:00") },
          { place: "mediatheque", hours: week([4], "09:30-12:00") },
        ],
        residentAccess:
          "S'inscrire sur la feuille de la permanence : prénom ou surnom, heure, quelques mots sur la demande.",
        languages: ["fr", "en"],
        acceptsTransfers: true,
        verifiedMonthsAgo: 8,
        redirects: [
          { notOffered: "Questions juridiques ou sociales", toOffer: "departement-social" },
          { notOffered: "Réparation de matériel", toOffer: "repair-cafe" },
        ],
      },
    ],
  },
  {
    key: "centre-social",
    name: "Centre social des Tilleuls",
    description: "Centre social du quartier des Tilleuls : accueil, familles, activités, écrivain public.",
    siret: "99999000600010",
    email: "accueil@centre-social-tilleuls.exemple.org",
    phone: "03 23 41 33 70",
    terms: [typology("CS")],
    verifiedMonthsAgo: 1,
    places: [
      {
        key: "maison-tilleuls",
        name: "Maison de quartier des Tilleuls",
        address: "5 rue des Tilleuls",
        commune: "essomes",
        latitude: 49.0295,
        longitude: 3.3762,
        wheelchairAccessible: true,
        hours: week([1, 2, 3, 4, 5], "09:00-12:00", "14:00-18:00"),
      },
    ],
    offers: [
      {
        key: "ecrivain-public",
        title: "Écrivain public : courriers et formulaires",
        description: "Aide pour comprendre un courrier, remplir un formulaire papier ou en ligne, écrire une lettre.",
        terms: [
          need("difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives"),
          need("lecture-ecriture-calcul--maitriser-le-francais"),
          publicOf("personnes-exilees"),
          publicOf("beneficiaires-des-minimas-sociaux"),
          posture("faire-avec"),
          posture("faire-a-la-place"),
          access("sur-rendez-vous"),
          contact("Téléphoner"),
          contact("Se présenter"),
          fee("Gratuit"),
        ],
        places: [{ place: "maison-tilleuls", hours: byAppointment(week([3], "14:00-17:00")) }],
        documentsToBring: ["Le courrier ou le formulaire concerné", "Pièce d'identité"],
        languages: ["fr", "ar"],
        typicalDelayDays: 7,
        acceptsTransfers: true,
        verifiedMonthsAgo: 1,
      },
    ],
  },
  {
    key: "repair-cafe",
    name: "Repair café du Val de Lise",
    description: "Des bénévoles réparent avec vous vos objets : ordinateurs, smartphones, petit électroménager.",
    rna: "W023006789",
    email: "repaircafe@val-de-lise.exemple.org",
    phone: "06 98 76 54 32",
    terms: [typology("ASSO")],
    verifiedMonthsAgo: 2,
    places: [
      {
        key: "salle-charly",
        name: "Salle des fêtes de Charly",
        address: "1 rue de l'Église",
        commune: "charly",
        latitude: 48.9770,
        longitude: 3.2850,
        wheelchairAccessible: true,
        hours: week([6], "09:30-12:30"),
      },
    ],
    offers: [
      {
        key: "repair-cafe",
        title: "Réparer ensemble ordinateurs et smartphones",
        description:
          "Apportez votre appareil en panne : un bénévole cherche la panne avec vous et vous apprend à réparer.",
        terms: [
          need("numerique--acquerir-un-equipement"),
          lmnService("Accès internet et matériel informatique"),
          publicOf("tous-publics"),
          posture("faire-avec"),
          access("acces-libre"),
          contact("Se présenter"),
          fee("Gratuit"),
        ],
        places: [{ place: "salle-charly" }],
        otherConditions: "Le premier samedi du mois.",
        feeDetails: "Participation libre ; les pièces sont à votre charge.",
        documentsToBring: ["L'appareil et son chargeur", "Vos codes de déverrouillage"],
        languages: FRENCH_ONLY,
        acceptsTransfers: false,
        verifiedMonthsAgo: 2,
      },
    ],
  },
  {
    key: "mission-locale",
    name: "Mission locale du Val de Lise",
    description: "Accompagnement des jeunes de 16 à 25 ans vers l'emploi, la formation, le logement et la santé.",
    siret: "99999000700018",
    email: "contact@ml-val-de-lise.exemple.fr",
    phone: "03 23 41 50 50",
    terms: [typology("ML")],
    verifiedMonthsAgo: 1,
    places: [
      {
        key: "mission-locale",
        name: "Mission locale",
        address: "14 rue de la République",
        commune: "chateauThierry",
        latitude: 49.0466,
        longitude: 3.4070,
        wheelchairAccessible: true,
        hours: [...week([1, 2, 3, 4, 5], "09:00-12:00"), ...byAppointment(week([1, 2, 3, 4, 5], "13:30-17:30"))],
      },
    ],
    offers: [
      {
        key: "mission-locale-emploi",
        title: "Accompagnement vers l'emploi et la formation des 16-25 ans",
        description:
          "Un conseiller vous suit dans la durée : projet, CV, candidatures, formation, Contrat d'engagement jeune.",
        terms: [
          need("preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation"),
          need("trouver-un-emploi--repondre-a-des-offres-demploi"),
          need("se-former--trouver-sa-formation"),
          lmnService("Insertion professionnelle via le numérique"),
          publicOf("jeunes"),
          publicOf("demandeurs-emploi"),
          posture("faire-avec"),
          access("sur-rendez-vous"),
          contact("Téléphoner"),
          contact("Envoyer un mail avec une fiche de prescription"),
          referral("envoyer-un-courriel"),
          referral("telephoner"),
          fee("Gratuit"),
        ],
        places: [{ place: "mission-locale" }],
        minAge: 16,
        maxAge: 25,
        documentsToBring: [
          "Pièce d'identité",
          "Justificatif de domicile",
          "CV s'il existe",
          "Identifiant France Travail s'il existe",
        ],
        languages: FRENCH_ONLY,
        typicalDelayDays: 7,
        acceptsTransfers: true,
        verifiedMonthsAgo: 1,
      },
    ],
  },
  {
    key: "epn",
    name: "Espace public numérique d'Essômes-sur-Marne",
    description: "Ordinateurs en accès libre et ateliers pour apprendre, à son rythme, en petit groupe.",
    siret: "99999000800016",
    email: "epn@essomes.exemple.fr",
    phone: "03 23 41 60 12",
    terms: [typology("EPN"), label("Conseillers numériques")],
    verifiedMonthsAgo: 1,
    places: [
      {
        key: "epn",
        name: "Espace public numérique",
        address: "1 place de l'Église",
        commune: "essomes",
        latitude: 49.0304,
        longitude: 3.3727,
        wheelchairAccessible: null,
        hours: [...week([3], "14:00-18:00"), ...week([6], "09:00-12:00")],
        exceptions: [
          {
            fromNextMonday: 28,
            days: 14,
            label: "Horaires réduits pendant les vacances",
            specialHours: "14:00-17:00",
          },
        ],
      },
    ],
    offers: [
      {
        key: "epn-ateliers",
        title: "Ateliers d'initiation : ordinateur, tablette, smartphone",
        description: "Six séances pour prendre en main son appareil, naviguer, envoyer un courriel, faire une démarche simple.",
        terms: [
          need("numerique--maitriser-les-fondamentaux-du-numerique"),
          lmnService("Maîtrise des outils numériques du quotidien"),
          publicOf("seniors"),
          posture("apprendre-a-faire"),
          access("atelier-collectif"),
          contact("Téléphoner"),
          fee("Gratuit"),
        ],
        places: [{ place: "epn", hours: [...week([2], "14:00-16:00"), ...week([4], "09:30-11:30")] }],
        residentAccess: "Sur inscription, par téléphone ou sur place.",
        languages: FRENCH_ONLY,
        typicalDelayDays: 14,
        acceptsTransfers: true,
        verifiedMonthsAgo: 1,
        redirects: [{ notOffered: "Réparation d'ordinateur", toOffer: "repair-cafe" }],
      },
      {
        key: "epn-libre-acces",
        title: "Ordinateurs en accès libre",
        description: "Des postes connectés et une imprimante, avec un animateur présent.",
        terms: [
          need("numerique--acceder-a-une-connexion-internet"),
          lmnService("Accès internet et matériel informatique"),
          publicOf("tous-publics"),
          posture("apprendre-a-faire"),
          access("acces-libre"),
          contact("Se présenter"),
          fee("Gratuit"),
        ],
        places: [{ place: "epn" }],
        languages: FRENCH_ONLY,
        acceptsTransfers: false,
        verifiedMonthsAgo: 1,
      },
    ],
  },
  {
    key: "fablab",
    name: "Fablab des Tisserands",
    description: "Atelier de fabrication numérique associatif : impression 3D, découpe laser, électronique.",
    rna: "W023007321",
    email: "bonjour@fablab-tisserands.exemple.org",
    phone: "03 23 41 71 80",
    terms: [typology("FABLAB")],
    verifiedMonthsAgo: 2,
    places: [
      {
        key: "fablab",
        name: "Fablab des Tisserands",
        address: "22 rue des Tisserands",
        commune: "chateauThierry",
        latitude: 49.0494,
        longitude: 3.4001,
        wheelchairAccessible: false,
        accessibilityNotes: "Atelier à l'étage, sans ascenseur.",
        hours: [...week([3], "14:00-19:00"), ...week([5], "17:00-21:00"), ...week([6], "10:00-18:00")],
      },
    ],
    offers: [
      {
        key: "fablab-fabrication",
        title: "Fabrication numérique : impression 3D, découpe laser",
        description: "Apprenez à concevoir et fabriquer un objet, ou une pièce pour réparer le vôtre.",
        terms: [
          lmnService("Loisirs et créations numériques"),
          publicOf("tous-publics"),
          posture("apprendre-a-faire"),
          access("acces-libre"),
          access("atelier-collectif"),
          contact("Se présenter"),
          fee("Payant"),
        ],
        places: [{ place: "fablab" }],
        feeDetails: "Adhésion 20 € par an ; matière au prix coûtant.",
        languages: ["fr", "en"],
        acceptsTransfers: false,
        verifiedMonthsAgo: 2,
      },
      {
        key: "fablab-modelisation",
        title: "Formation à la modélisation 3D",
        description: "Cycle de quatre soirées, en préparation.",
        terms: [lmnService("Loisirs et créations numériques"), posture("apprendre-a-faire"), access("atelier-collectif"), fee("Payant")],
        places: [{ place: "fablab", hours: week([5], "18:00-21:00") }],
        acceptsTransfers: false,
        draft: true,
        verifiedMonthsAgo: 0,
      },
    ],
  },
  {
    key: "ligne-numerique",
    name: "Réseau des espaces numériques du Val de Lise",
    description: "Le service numérique de la communauté de communes, qui coordonne les lieux de médiation.",
    siret: "99999000100029",
    email: "numerique@val-de-lise.exemple.fr",
    phone: "03 23 41 20 00",
    terms: [typology("EPCI")],
    verifiedMonthsAgo: 1,
    places: [],
    offers: [
      {
        key: "ligne-prediagnostic",
        title: "Ligne d'accueil numérique : un premier diagnostic par téléphone",
        description:
          "Un médiateur fait le point avec vous au téléphone, vous aide tout de suite si c'est simple, sinon vous propose un rendez-vous pour une démarche ou pour apprendre.",
        terms: [
          need("numerique--acceder-a-des-services-en-ligne"),
          need("numerique--maitriser-les-fondamentaux-du-numerique"),
          lmnService("Aide aux démarches administratives"),
          publicOf("tous-publics"),
          posture("faire-avec"),
          access("a-distance"),
          contact("Téléphoner"),
          fee("Gratuit"),
        ],
        places: [],
        hours: week([2, 4], "09:00-12:00"),
        residentAccess: "Appeler le 03 23 41 20 00 pendant les heures de la ligne.",
        languages: FRENCH_ONLY,
        typicalDelayDays: 0,
        acceptsTransfers: true,
        phoneLine: true,
        verifiedMonthsAgo: 1,
      },
    ],
  },
];

/** One demo account per role (sign in with the magic link; in development, in one click). */
export interface DemoAccount {
  email: string;
  name: string;
  role: string;
  isPlatformAdmin?: boolean;
  coordinates?: boolean;
  memberships?: { structure: string; role: "admin" | "member" }[];
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: "admin@toile.exemple.fr", name: "Awa Diallo", role: "Administration de la plateforme", isPlatformAdmin: true },
  {
    email: "coordination@val-de-lise.exemple.fr",
    name: "Claire Martin",
    role: "Coordinatrice du territoire",
    coordinates: true,
  },
  {
    email: "direction@franceservices.exemple.fr",
    name: "Karim Benali",
    role: "Administrateur de l'Espace France Services",
    memberships: [{ structure: "france-services", role: "admin" }],
  },
  {
    email: "accueil@franceservices.exemple.fr",
    name: "Sophie Leroy",
    role: "Agente d'accueil de l'Espace France Services",
    memberships: [{ structure: "france-services", role: "member" }],
  },
  {
    email: "informaticien@lien-numerique.exemple.org",
    name: "Lucas Petit",
    role: "Informaticien public (deux structures)",
    memberships: [
      { structure: "lien-numerique", role: "member" },
      { structure: "centre-social", role: "member" },
    ],
  },
  {
    email: "accueil@tilleuls.exemple.org",
    name: "Nadia Haddad",
    role: "Accueil du Centre social des Tilleuls (hôte de la permanence)",
    memberships: [{ structure: "centre-social", role: "member" }],
  },
  {
    email: "animation@mediatheque.exemple.fr",
    name: "Julien Moreau",
    role: "Animateur numérique de la Médiathèque (ateliers)",
    memberships: [{ structure: "mediatheque", role: "admin" }],
  },
  {
    email: "ligne@val-de-lise.exemple.fr",
    name: "Inès Garnier",
    role: "Médiatrice de la ligne téléphonique du Réseau des espaces numériques (fiches d'appel)",
    memberships: [{ structure: "ligne-numerique", role: "member" }],
  },
];
