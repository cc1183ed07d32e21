/**
 * What the benchmark's structures and offers look like: kinds of structures of the field (with
 * their data·inclusion typology and national labels) and kinds of offers (with their LMN service,
 * data·inclusion thematiques, postures, access modes and publics). Every code here must exist in
 * the seeded vocabularies: the generator refuses to start otherwise, it never invents a code.
 */

export interface StructureKind {
  typology: string;
  weight: number;
  name: (commune: string, pick: <T>(items: readonly T[]) => T) => string;
  /** Public bodies get the commune's SIREN; associations an RNA number; others a random SIREN. */
  identity: "commune" | "association" | "company" | "la-poste" | "france-travail";
  labels: [code: string, probability: number][];
  /** Which offer kinds it tends to run (keys of OFFER_KINDS). */
  offers: string[];
}

const NAMES = [
  "Les Connectés", "Clic et Lien", "Numérique Solidaire", "Le Fil", "Passerelles", "La Toile",
  "Entraide Numérique", "Les Petits Débrouillards", "Cyber-Base", "L'Escale", "Le Relais",
  "Horizons", "Le Lien Social", "Trait d'Union", "La Boussole", "Coup de Pouce",
];

const commonLabels: [string, number][] = [
  ["Conseillers numériques", 0.35],
  ["Aidants Connect", 0.12],
  ["Certification PIX", 0.04],
];

export const FRENCH_STRUCTURE_KINDS: StructureKind[] = [
  { typology: "MUNI", weight: 8, name: (c) => `Mairie de ${c}`, identity: "commune", labels: commonLabels, offers: ["demarches", "acces-libre", "impots"] },
  { typology: "CCAS", weight: 10, name: (c) => `CCAS de ${c}`, identity: "commune", labels: [...commonLabels, ["Point d'accès numérique CAF", 0.1]], offers: ["demarches", "droits", "initiation", "equipement"] },
  { typology: "BIB", weight: 12, name: (c) => `Médiathèque de ${c}`, identity: "commune", labels: [["Bibliothèques numérique de référence", 0.1], ...commonLabels], offers: ["acces-libre", "initiation", "smartphone", "creation", "comprendre", "securite"] },
  { typology: "EPN", weight: 8, name: (c) => `Espace public numérique de ${c}`, identity: "commune", labels: commonLabels, offers: ["initiation", "smartphone", "acces-libre", "securite", "emploi", "creation"] },
  { typology: "RFS", weight: 6, name: (c) => `Espace France Services de ${c}`, identity: "commune", labels: [["France Services", 1], ["Aidants Connect", 0.5], ["Conseillers numériques", 0.5]], offers: ["demarches", "droits", "impots", "acces-libre"] },
  { typology: "CS", weight: 8, name: (c, pick) => `Centre social ${pick(NAMES)} (${c})`, identity: "association", labels: commonLabels, offers: ["initiation", "parentalite", "demarches", "smartphone"] },
  { typology: "ASSO", weight: 14, name: (c, pick) => `${pick(NAMES)} ${c}`, identity: "association", labels: [["Emmaüs Connect", 0.05], ...commonLabels], offers: ["initiation", "smartphone", "securite", "equipement", "comprendre", "assistance"] },
  { typology: "ML", weight: 5, name: (c) => `Mission locale de ${c}`, identity: "association", labels: commonLabels, offers: ["emploi", "demarches"] },
  { typology: "FT", weight: 3, name: (c) => `France Travail ${c}`, identity: "france-travail", labels: [], offers: ["emploi", "acces-libre"] },
  { typology: "PIJ_BIJ", weight: 3, name: (c) => `Point information jeunesse de ${c}`, identity: "commune", labels: [["Promeneurs du net", 0.3]], offers: ["emploi", "initiation", "securite"] },
  { typology: "TIERS_LIEUX", weight: 4, name: (c, pick) => `Tiers-lieu ${pick(NAMES)} (${c})`, identity: "association", labels: [["Fabriques de Territoire", 0.3], ...commonLabels], offers: ["creation", "acces-libre", "comprendre", "initiation"] },
  { typology: "MJC", weight: 4, name: (c) => `MJC de ${c}`, identity: "association", labels: commonLabels, offers: ["creation", "parentalite", "smartphone"] },
  { typology: "LA_POSTE", weight: 2, name: (c) => `Bureau de poste de ${c}`, identity: "la-poste", labels: [["Étapes numériques(La Poste)", 0.6]], offers: ["acces-libre", "demarches"] },
  { typology: "RESSOURCERIE", weight: 2, name: (c, pick) => `Ressourcerie ${pick(NAMES)} (${c})`, identity: "association", labels: [["ORDI 3.0", 0.3]], offers: ["equipement"] },
];

/** Belgium has no data·inclusion typology of its own: "Autre" where none fits. */
export const BELGIAN_STRUCTURE_KINDS: StructureKind[] = [
  { typology: "Autre", weight: 10, name: (c) => `CPAS de ${c}`, identity: "company", labels: [], offers: ["demarches", "droits", "initiation"] },
  { typology: "EPN", weight: 10, name: (c) => `Espace public numérique de ${c}`, identity: "company", labels: [], offers: ["initiation", "smartphone", "acces-libre", "securite"] },
  { typology: "BIB", weight: 8, name: (c) => `Bibliothèque communale de ${c}`, identity: "company", labels: [], offers: ["acces-libre", "initiation", "creation"] },
  { typology: "ASSO", weight: 10, name: (c, pick) => `ASBL ${pick(NAMES)} ${c}`, identity: "company", labels: [], offers: ["initiation", "smartphone", "equipement", "assistance"] },
  { typology: "MDE", weight: 4, name: (c) => `Maison de l'emploi de ${c}`, identity: "company", labels: [], offers: ["emploi"] },
];

export interface OfferKind {
  key: string;
  titles: string[];
  service: string;
  thematiques: string[];
  postures: string[];
  /** Access modes with their weight; one or two are drawn. */
  access: [string, number][];
  publics: string[];
  documents: string[];
  description: string;
}

const IDENTITY_DOCUMENTS = ["Pièce d'identité", "Adresse courriel et son mot de passe", "Téléphone portable"];

export const OFFER_KINDS: Record<string, OfferKind> = {
  demarches: {
    key: "demarches",
    titles: ["Aide aux démarches administratives en ligne", "Accompagnement aux démarches en ligne", "Permanence démarches en ligne"],
    service: "Aide aux démarches administratives",
    thematiques: [
      "difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives",
      "numerique--acceder-a-des-services-en-ligne",
      "difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits",
    ],
    postures: ["faire-avec", "faire-a-la-place"],
    access: [["sans-rendez-vous", 3], ["sur-rendez-vous", 3]],
    publics: ["seniors", "beneficiaires-des-minimas-sociaux", "personnes-exilees", "familles"],
    documents: [...IDENTITY_DOCUMENTS, "Identifiants FranceConnect ou de l'organisme (CAF, impots.gouv, ameli)", "Dernier avis d'imposition", "Justificatif de domicile"],
    description: "Un accompagnement pour faire vos démarches en ligne (CAF, retraite, santé, France Travail, carte grise…), avec vous ou pour vous si besoin.",
  },
  droits: {
    key: "droits",
    titles: ["Permanence d'accès aux droits", "Point d'accès aux droits sociaux"],
    service: "Aide aux démarches administratives",
    thematiques: [
      "difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits",
      "difficultes-financieres--prevenir-une-degradation-de-la-situation-financiere",
      "logement-hebergement--sinformer-sur-les-demarches-liees-a-lacces-au-logement",
    ],
    postures: ["faire-avec", "faire-a-la-place"],
    access: [["sur-rendez-vous", 4], ["sans-rendez-vous", 2]],
    publics: ["beneficiaires-des-minimas-sociaux", "familles", "personnes-en-situation-durgence", "seniors"],
    documents: [...IDENTITY_DOCUMENTS, "Justificatif de ressources", "Attestation de la CAF"],
    description: "Faire le point sur vos droits (aides, logement, santé) et ouvrir les démarches qui vont avec.",
  },
  impots: {
    key: "impots",
    titles: ["Aide à la déclaration de revenus en ligne", "Impôts : aide à la déclaration en ligne"],
    service: "Aide aux démarches administratives",
    thematiques: ["difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives", "numerique--acceder-a-des-services-en-ligne"],
    postures: ["faire-avec"],
    access: [["sur-rendez-vous", 3], ["sans-rendez-vous", 1]],
    publics: ["seniors", "familles"],
    documents: ["Numéro fiscal et mot de passe impots.gouv", "Dernier avis d'imposition", "Pièce d'identité"],
    description: "Un agent vous aide à remplir et envoyer votre déclaration de revenus en ligne.",
  },
  initiation: {
    key: "initiation",
    titles: ["Initiation à l'ordinateur et à internet", "Premiers pas sur l'ordinateur", "Ateliers numériques pour débutants"],
    service: "Maîtrise des outils numériques du quotidien",
    thematiques: ["numerique--maitriser-les-fondamentaux-du-numerique", "numerique--acceder-a-des-services-en-ligne"],
    postures: ["apprendre-a-faire"],
    access: [["atelier-collectif", 3], ["sur-rendez-vous", 2], ["sans-rendez-vous", 1]],
    publics: ["seniors", "demandeurs-emploi", "personnes-exilees"],
    documents: ["Son ordinateur portable, si on en a un", "Adresse courriel et son mot de passe"],
    description: "Allumer l'ordinateur, utiliser la souris et le clavier, naviguer sur internet, envoyer un courriel : à votre rythme.",
  },
  smartphone: {
    key: "smartphone",
    titles: ["Ateliers smartphone et tablette", "Bien utiliser son téléphone", "Smartphone : les bases"],
    service: "Maîtrise des outils numériques du quotidien",
    thematiques: ["numerique--maitriser-les-fondamentaux-du-numerique"],
    postures: ["apprendre-a-faire"],
    access: [["atelier-collectif", 4], ["sur-rendez-vous", 1]],
    publics: ["seniors"],
    documents: ["Son téléphone ou sa tablette, chargé", "Codes de son compte Google ou Apple"],
    description: "Régler son téléphone, installer une application, échanger photos et messages, en petit groupe.",
  },
  "acces-libre": {
    key: "acces-libre",
    titles: ["Ordinateur, imprimante et scanner en libre accès", "Accès libre à internet", "Postes informatiques en libre accès"],
    service: "Accès internet et matériel informatique",
    thematiques: ["numerique--acceder-a-une-connexion-internet", "numerique--acceder-a-des-services-en-ligne"],
    postures: ["apprendre-a-faire"],
    access: [["acces-libre", 5], ["sans-rendez-vous", 1]],
    publics: ["etudiants", "demandeurs-emploi"],
    documents: ["Clé USB pour enregistrer ses documents"],
    description: "Un poste avec internet, une imprimante et un scanner, pour faire vos démarches seul.",
  },
  emploi: {
    key: "emploi",
    titles: ["Recherche d'emploi en ligne : CV et candidatures", "Atelier CV et candidatures en ligne", "Numérique et recherche d'emploi"],
    service: "Insertion professionnelle via le numérique",
    thematiques: [
      "preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation",
      "preparer-sa-candidature--organiser-ses-demarches-de-recherche-demploi",
      "choisir-un-metier--connaitre-les-opportunites-demploi",
      "numerique--maitriser-les-fondamentaux-du-numerique",
    ],
    postures: ["faire-avec", "apprendre-a-faire"],
    access: [["sur-rendez-vous", 3], ["atelier-collectif", 2]],
    publics: ["demandeurs-emploi", "jeunes", "beneficiaires-des-minimas-sociaux"],
    documents: ["Identifiants France Travail", "CV, sur clé USB ou papier", "Adresse courriel et son mot de passe"],
    description: "Rédiger son CV, créer son espace France Travail, répondre à une offre en ligne.",
  },
  securite: {
    key: "securite",
    titles: ["Sécurité en ligne : arnaques et mots de passe", "Se protéger des arnaques sur internet"],
    service: "Utilisation sécurisée du numérique",
    thematiques: ["numerique--maitriser-les-fondamentaux-du-numerique"],
    postures: ["apprendre-a-faire"],
    access: [["atelier-collectif", 4], ["sur-rendez-vous", 1]],
    publics: ["seniors", "jeunes"],
    documents: ["Son téléphone ou son ordinateur portable"],
    description: "Reconnaître un faux message, choisir ses mots de passe, protéger ses données.",
  },
  parentalite: {
    key: "parentalite",
    titles: ["Écrans en famille : accompagner ses enfants", "Parents et numérique"],
    service: "Parentalité et éducation avec le numérique",
    thematiques: ["famille--soutien-a-la-parentalite-et-a-leducation", "numerique--maitriser-les-fondamentaux-du-numerique"],
    postures: ["apprendre-a-faire", "faire-avec"],
    access: [["atelier-collectif", 3], ["sur-rendez-vous", 1]],
    publics: ["familles"],
    documents: ["Identifiants de l'espace numérique de travail (ENT) du collège ou du lycée"],
    description: "Suivre la scolarité en ligne (ENT, Pronote), régler le contrôle parental, parler des écrans en famille.",
  },
  equipement: {
    key: "equipement",
    titles: ["Ordinateurs reconditionnés à prix solidaire", "S'équiper à petit prix"],
    service: "Acquisition de matériel informatique à prix solidaire",
    thematiques: ["numerique--acquerir-un-equipement", "numerique--acceder-a-une-connexion-internet"],
    postures: ["faire-avec"],
    access: [["sur-rendez-vous", 3], ["sans-rendez-vous", 2]],
    publics: ["beneficiaires-des-minimas-sociaux", "etudiants", "demandeurs-emploi"],
    documents: ["Justificatif de ressources", "Pièce d'identité"],
    description: "Des ordinateurs et téléphones reconditionnés, et des forfaits solidaires, sous conditions de ressources.",
  },
  creation: {
    key: "creation",
    titles: ["Atelier création numérique : photo, vidéo, impression 3D", "Fablab en accès accompagné"],
    service: "Loisirs et créations numériques",
    thematiques: ["remobilisation--activites-sportives-et-culturelles", "numerique--maitriser-les-fondamentaux-du-numerique"],
    postures: ["apprendre-a-faire"],
    access: [["atelier-collectif", 3], ["acces-libre", 1]],
    publics: ["jeunes", "seniors", "familles"],
    documents: [],
    description: "Retoucher ses photos, monter une vidéo, découvrir l'impression 3D, entre curieux.",
  },
  comprendre: {
    key: "comprendre",
    titles: ["Comprendre l'intelligence artificielle et les réseaux sociaux", "Café numérique : décrypter l'actualité du numérique"],
    service: "Compréhension du monde numérique",
    thematiques: ["numerique--maitriser-les-fondamentaux-du-numerique"],
    postures: ["apprendre-a-faire"],
    access: [["atelier-collectif", 4]],
    publics: ["seniors", "jeunes"],
    documents: [],
    description: "Comment marchent les réseaux sociaux, les intelligences artificielles, l'information en ligne : on en parle ensemble.",
  },
  assistance: {
    key: "assistance",
    titles: ["Assistance numérique par téléphone", "Ligne d'aide numérique"],
    service: "Maîtrise des outils numériques du quotidien",
    thematiques: ["numerique--maitriser-les-fondamentaux-du-numerique", "numerique--acceder-a-des-services-en-ligne"],
    postures: ["faire-avec", "apprendre-a-faire"],
    access: [["a-distance", 5]],
    publics: ["seniors", "personnes-en-situation-de-handicap"],
    documents: [],
    description: "Un médiateur vous guide par téléphone ou en visio pour débloquer une situation.",
  },
};

export const RESIDENT_ACCESS = [
  "Venir aux heures d'ouverture, sans rendez-vous.",
  "Téléphoner pour prendre rendez-vous.",
  "S'inscrire à l'accueil ou par téléphone, places limitées.",
  "Prendre rendez-vous en ligne ou à l'accueil.",
];

export const PROFESSIONAL_REFERRAL = [
  "Par Toile, en précisant la démarche.",
  "Par courriel, avec une fiche de liaison.",
  "Par téléphone au secrétariat.",
];

export const OTHER_CONDITIONS = [
  "30 minutes par personne et par jour.",
  "Inscription obligatoire, 8 personnes au maximum.",
  "Cycle de 6 séances, à suivre en entier.",
];

export const STREETS = [
  "rue de la République", "place de la Mairie", "avenue de la Gare", "rue Victor Hugo", "rue Jean Jaurès",
  "place du Marché", "rue de l'Église", "rue Pasteur", "grande rue", "rue des Écoles", "avenue du Général de Gaulle",
  "rue du Moulin", "chemin des Vignes", "rue Jules Ferry", "boulevard de la Liberté",
];

export const BELGIAN_STREETS = [
  "rue de Fer", "place Saint-Lambert", "rue de l'Hôtel de Ville", "avenue de la Gare", "rue du Commerce",
  "place communale", "chaussée de Bruxelles", "rue des Carmes", "rue Haute",
];

export const ACCESSIBILITY_NOTES = [
  "Plain-pied, boucle magnétique à l'accueil.",
  "Ascenseur jusqu'au premier étage.",
  "Entrée par la cour, une marche de 10 cm.",
  "Places de stationnement réservées devant l'entrée.",
];

export const NEIGHBOURHOODS = [
  "Centre", "Centre-ville", "La Gare", "Le Bourg", "Les Tilleuls", "Les Hauts", "Bellevue", "Le Port",
  "Saint-Jean", "Les Acacias", "La Roseraie", "Le Moulin", "Les Coteaux", "Le Val", "Les Sablons",
  "La Fontaine", "Les Prés", "Beaulieu", "Le Parc", "Les Aubépines", "Mermoz", "Jean Moulin",
];
