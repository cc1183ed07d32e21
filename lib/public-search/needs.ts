/**
 * What residents come for, in their own words: the ten most frequent first-line requests of
 * seed 003 and the families a mediator redirects (seed 000). Plain data. Each need says which
 * vocabulary terms answer it, so a search for "mdp" becomes a filter on offers' terms; and the
 * words people type for it — abbreviations, misspellings, SMS style, brand names, some English.
 * Keywords are written as people write them; matching normalizes them (lib/public-search/text.ts).
 */

export type Country = "FR" | "BE";

/** The two vocabularies of needs an offer is described with (lib/vocabularies/sources.ts). */
export type NeedVocabularyKey = "lmn.services" | "dataInclusion.v1.thematiques";

export interface NeedTerm {
  vocabularyKey: NeedVocabularyKey;
  code: string;
}

/** The icons lib/public-search/html/need-icon.ts draws. */
export const NEED_ICON_NAMES = [
  "app",
  "key",
  "mail",
  "bank",
  "form",
  "id-card",
  "job-seeker",
  "tax",
  "town-hall",
  "home",
  "translate",
  "briefcase",
  "learn",
  "printer",
  "repair",
  "shield",
  "alert-message",
  "people",
] as const;
export type NeedIconName = (typeof NEED_ICON_NAMES)[number];

/** What changes for a need in one country: the names of the services people know there. */
export interface NeedVariant {
  label?: string;
  explanation?: string;
  /** Extra words, found in every country: "pole emploi" typed in Belgium still means this need. */
  keywords?: readonly string[];
}

export interface Need {
  /** Stable: used in URLs and in the future offer filter. */
  slug: string;
  /** Plain French, short, starts with what the person wants to do. */
  label: string;
  /** One short sentence with examples the person recognises. */
  explanation: string;
  icon: NeedIconName;
  /** The terms offers carry when they answer this need. */
  terms: readonly NeedTerm[];
  keywords: readonly string[];
  byCountry?: Partial<Record<Country, NeedVariant>>;
}

/** A need as shown in one country. */
export interface PublicNeed {
  slug: string;
  label: string;
  explanation: string;
  icon: NeedIconName;
  terms: readonly NeedTerm[];
}

// --- the terms ---------------------------------------------------------------------------
const lmn = (code: string): NeedTerm => ({ vocabularyKey: "lmn.services", code });
const di = (code: string): NeedTerm => ({ vocabularyKey: "dataInclusion.v1.thematiques", code });

const LMN_EVERYDAY_TOOLS = lmn("Maîtrise des outils numériques du quotidien");
const LMN_PAPERWORK = lmn("Aide aux démarches administratives");
const LMN_EMPLOYMENT = lmn("Insertion professionnelle via le numérique");
const LMN_SAFETY = lmn("Utilisation sécurisée du numérique");
const LMN_UNDERSTANDING = lmn("Compréhension du monde numérique");
const LMN_ACCESS = lmn("Accès internet et matériel informatique");
const LMN_CHEAP_DEVICES = lmn("Acquisition de matériel informatique à prix solidaire");

const DI_BASICS = di("numerique--maitriser-les-fondamentaux-du-numerique");
const DI_ONLINE_SERVICES = di("numerique--acceder-a-des-services-en-ligne");
const DI_CONNECTION = di("numerique--acceder-a-une-connexion-internet");
const DI_EQUIPMENT = di("numerique--acquerir-un-equipement");
const DI_PAPERWORK = di("difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives");
const DI_RIGHTS = di("difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits");
const DI_CITIZENSHIP = di("difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-a-la-citoyennete");
const DI_JUSTICE = di("difficultes-administratives-ou-juridiques--prendre-en-compte-une-problematique-judiciaire");
const DI_DISCRIMINATION = di("difficultes-administratives-ou-juridiques--connaitre-ses-droits-face-a-une-discrimination");
const DI_DEBT = di("difficultes-financieres--situation-dendettement-surendettement");
const DI_BUDGET = di("difficultes-financieres--ameliorer-sa-gestion-budgetaire");
const DI_VIOLENCE = di("famille--surmonter-conflits-separation-violence");
const DI_FRENCH = di("lecture-ecriture-calcul--maitriser-le-francais");
const DI_JOB_SEARCH = di("preparer-sa-candidature--organiser-ses-demarches-de-recherche-demploi");

// --- the needs ---------------------------------------------------------------------------
export const NEEDS: readonly Need[] = [
  {
    slug: "installer-une-application",
    label: "Installer une application sur mon téléphone",
    explanation: "Trouver, télécharger et utiliser une application : WhatsApp, la banque, la CAF…",
    icon: "app",
    terms: [LMN_EVERYDAY_TOOLS, DI_BASICS],
    keywords: [
      "application", "applications", "appli", "applis", "app", "apps", "appli telephone",
      "installer", "installation", "installer une application", "telecharger", "telechargement",
      "play store", "playstore", "google play", "app store", "appstore",
      "whatsapp", "whatsap", "watsap", "wathsapp", "messenger", "telegram", "snapchat", "tiktok",
      "facebook", "mise a jour application",
      "install", "download",
    ],
  },
  {
    slug: "mot-de-passe",
    label: "Retrouver un mot de passe ou un compte",
    explanation: "Mot de passe oublié, compte bloqué, code qui ne marche plus, identifiant perdu.",
    icon: "key",
    terms: [LMN_EVERYDAY_TOOLS, LMN_SAFETY, DI_BASICS, DI_ONLINE_SERVICES],
    keywords: [
      "mot de passe", "mdp", "mot de pass", "mots de passe", "mot passe", "motdepasse", "passe",
      "mot de passe oublie", "oublie mot de passe", "perdu mot de passe", "mdp oublie",
      "identifiant", "identifiants", "id", "login", "code", "code secret", "code oublie",
      "code pin", "pin", "code puk", "puk",
      "compte bloque", "compte bloquer", "compte verrouille", "recuperer compte", "recuperer mon compte",
      "compte perdu", "acces compte", "connexion compte", "je n arrive pas a me connecter",
      "compte google", "compte gmail", "compte apple", "icloud", "compte mail bloque",
      "double authentification", "code par sms",
      "password", "forgot password", "account",
    ],
  },
  {
    slug: "adresse-mail",
    label: "Créer ou utiliser une adresse e-mail",
    explanation: "Ouvrir une boîte mail, lire et envoyer un message, joindre un document.",
    icon: "mail",
    terms: [LMN_EVERYDAY_TOOLS, DI_BASICS],
    keywords: [
      "mail", "e-mail", "email", "emails", "mails", "courriel", "courriels", "mel",
      "adresse mail", "adresse email", "adresse e-mail", "boite mail", "boite aux lettres electronique",
      "gmail", "hotmail", "outlook", "yahoo", "orange mail", "laposte net",
      "creer adresse mail", "creer un mail", "envoyer un mail", "envoyer mail", "lire mes mails",
      "piece jointe", "pieces jointes", "joindre un document",
    ],
  },
  {
    slug: "banque-en-ligne",
    label: "Faire ses opérations de banque en ligne",
    explanation: "Consulter son compte, faire un virement, utiliser l'application de sa banque.",
    icon: "bank",
    terms: [LMN_EVERYDAY_TOOLS, LMN_SAFETY, DI_ONLINE_SERVICES],
    keywords: [
      "banque", "banque en ligne", "ma banque", "appli banque", "application banque", "bancaire",
      "compte bancaire", "compte en banque", "virement", "virements", "faire un virement",
      "iban", "rib", "releve bancaire", "releve de compte", "solde", "carte bancaire", "carte bleue", "cb",
      "payer en ligne", "paiement en ligne", "paiement", "payer", "achat en ligne", "acheter en ligne",
      "paypal", "lydia", "wero", "payconiq", "itsme", "digipass", "lecteur de carte bancaire",
      "la poste banque", "credit agricole", "caisse d epargne", "belfius", "bnp", "ing", "kbc",
      "bank", "banking", "transfer",
    ],
  },
  {
    slug: "demarches-administratives",
    label: "Faire une démarche administrative en ligne",
    explanation: "Allocations, santé, retraite : remplir un dossier, suivre une demande, prendre un rendez-vous en ligne.",
    icon: "form",
    terms: [LMN_PAPERWORK, DI_PAPERWORK, DI_RIGHTS, DI_ONLINE_SERVICES],
    keywords: [
      "demarche", "demarches", "demarche administrative", "demarches administratives", "administratif",
      "administration", "papiers administratifs", "dossier", "formulaire", "service public",
      "courrier administratif", "espace personnel",
      "caf", "la caf", "allocation", "allocations", "allocations familiales", "prestations", "prestation",
      "apl", "rsa", "prime d activite", "prime activite", "aah", "declaration trimestrielle",
      "ameli", "cpam", "secu", "securite sociale", "carte vitale", "attestation de droits", "css",
      "complementaire sante", "mutuelle", "mon espace sante", "msa",
      "doctolib", "medecin", "rendez-vous medecin", "rdv medecin", "docteur", "teleconsultation", "ordonnance",
      "retraite", "pension", "carsat", "info retraite", "mypension",
      "france connect", "franceconnect", "mesdroitssociaux", "mes droits sociaux",
      "famiwal", "parentia", "mypension be", "csam", "eid", "lecteur de carte",
      "benefits", "paperwork",
    ],
    byCountry: {
      FR: { explanation: "CAF, Ameli, retraite, FranceConnect : remplir un dossier ou suivre une demande en ligne." },
      BE: { explanation: "Mutuelle, allocations familiales, MyPension, carte eID : faire une démarche en ligne." },
    },
  },
  {
    slug: "papiers-identite",
    label: "Refaire ses papiers : identité, passeport, permis, carte grise",
    explanation: "Demander ou renouveler une carte d'identité, un passeport, un permis, une carte grise, un titre de séjour.",
    icon: "id-card",
    terms: [LMN_PAPERWORK, DI_PAPERWORK, DI_CITIZENSHIP, DI_ONLINE_SERVICES],
    keywords: [
      "papiers", "papier", "mes papiers", "papiers d identite",
      "carte d identite", "carte identite", "cni", "carte nationale d identite", "passeport", "passport",
      "permis", "permis de conduire", "renouveler permis", "carte grise", "certificat d immatriculation",
      "immatriculation", "changement de titulaire", "ants", "anst", "ants gouv",
      "titre de sejour", "carte de sejour", "sejour", "prefecture", "anef", "naturalisation", "nationalite",
      "perte de papiers", "vol de papiers", "declaration de perte",
      "id card", "driving licence", "residence permit",
    ],
    byCountry: {
      BE: {
        label: "Refaire ses papiers : carte d'identité, passeport, permis",
        explanation: "Demander ou renouveler une carte d'identité, un passeport, un permis de conduire, un titre de séjour.",
        keywords: ["carte eid", "kids id", "office des etrangers"],
      },
    },
  },
  {
    slug: "inscription-demandeur-emploi",
    label: "S'inscrire ou se réinscrire comme demandeur d'emploi",
    explanation: "S'inscrire, s'actualiser chaque mois, prolonger son inscription, lire ses messages.",
    icon: "job-seeker",
    terms: [LMN_EMPLOYMENT, LMN_PAPERWORK, DI_JOB_SEARCH, DI_PAPERWORK, DI_ONLINE_SERVICES],
    keywords: [
      "demandeur d emploi", "demandeuse d emploi", "inscription chomage", "chomage", "chomeur", "chomeuse",
      "inscription", "reinscription", "se reinscrire", "s inscrire", "inscrire", "radie", "radiation",
      "actualisation", "actualiser", "s actualiser", "actualisation mensuelle", "prolongation", "prolonger",
      "prolongation inscription", "allocation chomage", "indemnites chomage",
      "unemployment", "jobseeker",
    ],
    byCountry: {
      FR: {
        label: "S'inscrire ou s'actualiser à France Travail",
        explanation: "S'inscrire, s'actualiser chaque mois, lire ses messages sur l'espace France Travail.",
        keywords: [
          "france travail", "francetravail", "pole emploi", "pole-emploi", "poleemploi", "pe", "pol emploi",
          "pole emplois", "are", "allocation retour a l emploi", "espace personnel france travail",
        ],
      },
      BE: {
        label: "S'inscrire ou prolonger son inscription au Forem ou chez Actiris",
        explanation: "S'inscrire, prolonger son inscription, lire ses messages au Forem (Wallonie) ou chez Actiris (Bruxelles).",
        keywords: [
          "forem", "le forem", "foreme", "actiris", "actiri", "onem", "capac", "syndicat",
          "carte de pointage", "pointage", "vdab",
        ],
      },
    },
  },
  {
    slug: "impots",
    label: "Déclarer ses impôts en ligne",
    explanation: "Remplir sa déclaration, lire un avis d'imposition, payer ou demander un délai.",
    icon: "tax",
    terms: [LMN_PAPERWORK, DI_PAPERWORK, DI_ONLINE_SERVICES],
    keywords: [
      "impots", "impot", "impôts", "impo", "inpots", "inpot", "impts",
      "declaration", "declarations", "declaration d impots", "declaration de revenus", "declarer mes revenus",
      "declaration impot", "avis d imposition", "avis d impot", "imposition", "fisc", "fiscal",
      "taxe", "taxes", "taxe d habitation", "taxe fonciere", "prelevement a la source", "impots gouv",
      "tax", "taxes return",
    ],
    byCountry: {
      FR: { explanation: "Sur impots.gouv.fr : remplir sa déclaration, lire un avis d'imposition, payer." },
      BE: {
        explanation: "Sur MyMinfin ou Tax-on-web : remplir ou vérifier sa déclaration, lire un avertissement-extrait de rôle.",
        keywords: ["myminfin", "minfin", "tax on web", "taxonweb", "avertissement extrait de role", "spf finances"],
      },
    },
  },
  {
    slug: "mairie",
    label: "Prendre rendez-vous à la mairie",
    explanation: "Trouver les horaires, prendre rendez-vous, demander un acte de naissance ou de mariage.",
    icon: "town-hall",
    terms: [LMN_PAPERWORK, DI_PAPERWORK, DI_ONLINE_SERVICES],
    keywords: [
      "mairie", "la mairie", "rendez-vous", "rendez vous", "rdv", "rendez-vous mairie", "rdv mairie",
      "prendre rendez-vous", "prendre rdv", "horaires mairie", "etat civil", "acte de naissance",
      "acte de mariage", "acte de deces", "livret de famille", "changement d adresse", "demenagement",
      "inscription ecole", "cantine", "liste electorale", "inscription sur les listes electorales",
      "commune", "hotel de ville",
      "town hall", "appointment",
    ],
    byCountry: {
      BE: {
        label: "Prendre rendez-vous à la commune",
        explanation: "Trouver les horaires, prendre rendez-vous au service population, demander un document.",
        keywords: [
          "administration communale", "maison communale", "service population", "population",
          "guichet communal", "composition de menage", "certificat de residence", "domiciliation",
        ],
      },
    },
  },
  {
    slug: "logement",
    label: "Chercher un logement",
    explanation: "Trouver un logement à louer, faire une demande de logement social, garder son logement.",
    icon: "home",
    terms: [
      LMN_PAPERWORK,
      di("logement-hebergement--sinformer-sur-les-demarches-liees-a-lacces-au-logement"),
      di("logement-hebergement--louer-un-logement"),
      di("logement-hebergement--changer-de-logement"),
      di("logement-hebergement--rechercher-une-solution-dhebergement-temporaire"),
      di("logement-hebergement--se-maintenir-dans-le-logement"),
    ],
    keywords: [
      "logement", "logements", "loger", "se loger", "appartement", "appart", "maison", "studio", "chambre",
      "louer", "location", "loyer", "loyers", "hlm", "logement social", "logement sociaux", "demande de logement",
      "demande hlm", "numero unique", "bailleur", "proprietaire", "bail", "caution", "garant", "visale",
      "leboncoin", "seloger", "hebergement", "hebergement d urgence", "115", "sans abri", "a la rue", "expulsion",
      "societe de logement", "agence immobiliere sociale", "ais", "fonds du logement",
      "housing", "house", "flat", "rent",
    ],
  },
  {
    slug: "traduire",
    label: "Traduire un texte ou un courrier",
    explanation: "Utiliser un traducteur sur le téléphone pour comprendre un courrier ou se faire comprendre.",
    icon: "translate",
    terms: [LMN_EVERYDAY_TOOLS, DI_BASICS, DI_FRENCH],
    keywords: [
      "traduire", "traduction", "traductions", "traducteur", "traductrice", "google traduction",
      "google traduire", "google translate", "deepl", "traduire un courrier", "comprendre un courrier",
      "comprendre une lettre", "langue", "langues", "autre langue", "je ne parle pas francais", "parle pas francais",
      "francais", "apprendre le francais", "interprete",
      "arabe", "anglais", "turc", "ukrainien", "roumain",
      "translate", "translation", "translator", "english", "language",
    ],
  },
  {
    slug: "trouver-un-emploi",
    label: "Chercher un emploi, faire son CV",
    explanation: "Faire un CV ou une lettre de motivation, trouver des offres, postuler en ligne.",
    icon: "briefcase",
    terms: [
      LMN_EMPLOYMENT,
      di("preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation"),
      di("trouver-un-emploi--repondre-a-des-offres-demploi"),
      di("trouver-un-emploi--faire-des-candidatures-spontanees"),
      di("trouver-un-emploi--convaincre-un-recruteur-en-entretien"),
      DI_JOB_SEARCH,
      di("se-former--trouver-sa-formation"),
    ],
    keywords: [
      "cv", "c.v.", "curriculum", "curriculum vitae", "faire un cv", "refaire mon cv", "faire mon cv",
      "lettre de motivation", "lettre motivation", "lm", "candidature", "candidatures", "postuler",
      "emploi", "emplois", "travail", "travailler", "boulot", "taf", "job", "jobs", "metier",
      "interim", "agence d interim", "interimaire", "offre d emploi", "offres d emploi", "recherche d emploi",
      "recherche emploi", "entretien d embauche", "embauche", "recrutement", "stage", "alternance",
      "formation", "mission locale", "indeed", "linkedin", "jobat", "student job",
      "work", "resume", "job search",
    ],
  },
  {
    slug: "apprendre-le-numerique",
    label: "Apprendre à utiliser un ordinateur ou un smartphone",
    explanation: "Des cours ou des ateliers pour débuter : clavier, souris, internet, téléphone, tablette.",
    icon: "learn",
    terms: [LMN_EVERYDAY_TOOLS, LMN_UNDERSTANDING, DI_BASICS],
    keywords: [
      "apprendre", "apprendre l informatique", "apprendre a utiliser", "cours", "cours informatique",
      "cours d informatique", "formation informatique", "initiation", "initiation informatique", "atelier",
      "ateliers", "atelier numerique", "debutant", "debuter", "informatique", "numerique",
      "ordi", "ordinateur", "ordinateurs", "pc", "ordinateur portable", "tablette", "ipad",
      "smartphone", "telephone", "telephone portable", "portable", "gsm", "iphone", "android", "samsung",
      "clavier", "souris", "windows", "utiliser internet", "naviguer sur internet", "epn",
      "espace public numerique", "club informatique", "visio", "zoom", "photos",
      "computer", "phone", "learn", "class",
    ],
  },
  {
    slug: "imprimer-scanner",
    label: "Imprimer, scanner, utiliser un ordinateur ou internet",
    explanation: "Un ordinateur en libre accès, le wifi, une imprimante ou un scanner pour ses documents.",
    icon: "printer",
    terms: [LMN_ACCESS, DI_CONNECTION],
    keywords: [
      "imprimer", "impression", "imprimante", "imprimer un document", "photocopie", "photocopies",
      "photocopieuse", "scanner", "scan", "scanne", "scanner un document", "numeriser", "photocopier",
      "wifi", "wi-fi", "wi fi", "internet", "connexion internet", "acces internet", "pas d internet",
      "pas internet", "sans ordinateur", "sans internet", "ordinateur en libre acces", "ordinateur libre service",
      "poste informatique", "acces libre", "cyber", "cybercafe", "cyber cafe", "cle usb",
      "recharger mon telephone", "pas de forfait", "forfait", "data", "4g",
      "print", "printer", "scan document",
    ],
  },
  {
    slug: "reparer-ou-s-equiper",
    label: "Faire réparer ou trouver un appareil pas cher",
    explanation: "Un téléphone ou un ordinateur en panne, lent ou cassé ; un appareil d'occasion à petit prix.",
    icon: "repair",
    terms: [LMN_CHEAP_DEVICES, DI_EQUIPMENT],
    keywords: [
      "reparer", "reparation", "reparateur", "repair cafe", "repaircafe", "repair", "panne", "en panne",
      "casse", "ecran casse", "ecran fissure", "ne marche plus", "marche plus", "marche pas", "bloque",
      "telephone ne marche plus", "gsm ne marche plus", "portable ne marche plus", "pc ne marche plus",
      "ordinateur ne marche plus", "telephone casse", "gsm casse", "pc casse", "pc lent",
      "ne s allume plus", "ne demarre pas", "lent", "ordinateur lent", "telephone lent", "bug", "bugge",
      "batterie", "memoire pleine", "stockage plein", "mise a jour", "mises a jour", "nettoyer",
      "entretenir", "entretien ordinateur",
      "acheter", "acheter un ordinateur", "acheter un telephone", "pas cher", "petit prix", "prix solidaire",
      "reconditionne", "occasion", "don d ordinateur", "emmaus connect", "recyclerie", "ressourcerie",
      "broken", "fix", "cheap",
    ],
  },
  {
    slug: "arnaques-et-piratage",
    label: "Se protéger des arnaques et du piratage",
    explanation: "Un message bizarre, un compte piraté, un virus, de l'argent demandé : savoir quoi faire.",
    icon: "shield",
    terms: [LMN_SAFETY, LMN_UNDERSTANDING, DI_BASICS],
    keywords: [
      "arnaque", "arnaques", "arnaquer", "arnaque", "escroquerie", "escroc", "fraude", "faux message",
      "faux sms", "faux mail", "sms bizarre", "message bizarre", "phishing", "hameconnage", "spam",
      "piratage", "pirate", "compte pirate", "hacke", "hacker", "hack", "virus", "antivirus", "malware",
      "securite", "securite internet", "proteger", "se proteger", "protection", "donnees personnelles",
      "vie privee", "cybermalveillance", "faux conseiller", "colis", "cpf arnaque",
      "scam", "hacked", "fraud", "safety",
    ],
  },
  {
    slug: "harcelement-en-ligne",
    label: "Trouver de l'aide face au harcèlement en ligne",
    explanation: "Messages menaçants, photos diffusées, quelqu'un qui surveille votre téléphone : on peut vous aider.",
    icon: "alert-message",
    terms: [LMN_SAFETY, DI_VIOLENCE, DI_JUSTICE],
    keywords: [
      "harcelement", "harcele", "harceler", "cyberharcelement", "cyber harcelement", "harcelement en ligne",
      "menace", "menaces", "insultes", "chantage", "sextorsion", "revenge porn", "photos intimes",
      "violence", "violences", "violence conjugale", "ex", "mon ex", "surveille", "espionne",
      "logiciel espion", "geolocalise", "localisation", "3018", "3919",
      "harassment", "bullying", "stalking",
    ],
  },
  {
    slug: "aide-sociale-et-juridique",
    label: "Parler à une assistante sociale ou à un juriste",
    explanation: "Des dettes, des droits, un problème avec la justice, une situation difficile à démêler.",
    icon: "people",
    terms: [DI_RIGHTS, DI_JUSTICE, DI_DISCRIMINATION, DI_DEBT, DI_BUDGET],
    keywords: [
      "assistante sociale", "assistant social", "travailleur social", "travailleuse sociale",
      "social", "sociale", "aide sociale", "ccas", "cpas", "centre social", "maison de quartier",
      "juriste", "avocat", "juridique", "aide juridique", "droit", "droits", "acces aux droits",
      "justice", "tribunal", "plainte", "porter plainte", "litige", "conflit", "discrimination",
      "dette", "dettes", "surendettement", "huissier", "facture impayee", "factures", "budget",
      "pas d argent", "aide alimentaire", "colis alimentaire", "restos du coeur", "urgence",
      "social worker", "lawyer", "debt", "legal",
    ],
  },
];

/** The ten most frequent first-line requests (seed 003), in its order: the territory home shows them. */
export const FREQUENT_NEED_SLUGS = [
  "installer-une-application",
  "mot-de-passe",
  "banque-en-ligne",
  "demarches-administratives",
  "inscription-demandeur-emploi",
  "impots",
  "mairie",
  "logement",
  "traduire",
  "trouver-un-emploi",
] as const;

/** The need as shown in a country (its label and explanation there); the generic one without a country. */
export function needIn(need: Need, country?: Country): PublicNeed {
  const variant = country ? need.byCountry?.[country] : undefined;
  return {
    slug: need.slug,
    label: variant?.label ?? need.label,
    explanation: variant?.explanation ?? need.explanation,
    icon: need.icon,
    terms: need.terms,
  };
}

const NEEDS_BY_SLUG = new Map(NEEDS.map((need) => [need.slug, need]));

export function findNeed(slug: string, country?: Country): PublicNeed | undefined {
  const need = NEEDS_BY_SLUG.get(slug);
  return need && needIn(need, country);
}

/** "De quoi avez-vous besoin ?": the frequent needs, in plain words for the country. */
export function frequentNeeds(country?: Country): PublicNeed[] {
  return FREQUENT_NEED_SLUGS.map((slug) => needIn(NEEDS_BY_SLUG.get(slug)!, country));
}

/** Every need, in plain words for the country. */
export function allNeeds(country?: Country): PublicNeed[] {
  return NEEDS.map((need) => needIn(need, country));
}
