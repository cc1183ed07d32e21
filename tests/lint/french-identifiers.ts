/**
 * English identifiers in code, French in the UI (issue 15): finds declared names made of French
 * words — variables, parameters, functions, classes, types, interfaces, enums and their members,
 * the properties declared in types, classes and object literals. Strings, JSX text, quoted keys
 * and import names (another module's choice) are not declarations of ours and are not read.
 * app/'s folder names are URLs, French on purpose; so are the keys of outside formats — a URL's
 * query (`besoin`, `gratuit`, `erreur`), a standard's fields (LMN's `nom`, `adresse`,
 * data·inclusion's `horaires_accueil`): a property named in lower case, one word or snake_case, is
 * read as such a key and not checked. A French word in a camelCase or PascalCase property is ours.
 */
import ts from "typescript";

/**
 * French words that are not also English words, as they appear in this domain (accents dropped).
 * Left out on purpose: words English shares (structure, commune, public, programme, mediation,
 * coordination, invitation, orientation, code, message, service, refuse, aide…),
 * and "fiche", the product's name for the transfer sheet (the docs use it in English too).
 */
const FRENCH_WORDS = new Set([
  // The domain
  "lieu", "lieux", "offre", "offres", "horaire", "horaires", "transfert", "transferts", "demande", "demandes",
  "territoire", "territoires", "usager", "usagers", "beneficiaire", "beneficiaires", "personne",
  "personnes", "accueil", "adresse", "adresses", "courriel", "courriels", "besoin", "besoins", "mediateur",
  "mediateurs", "partenaire", "partenaires", "membre", "membres", "coordinateur", "coordinateurs", "utilisateur",
  "utilisateurs", "compte", "comptes", "matrice", "couverture", "reglage", "reglages", "donnee", "donnees",
  "recherche", "historique", "connexion", "deconnexion", "statut", "statuts", "motif", "motifs", "brouillon",
  "jour", "jours", "semaine", "semaines", "mois", "annee", "annees", "heure", "heures", "ferie", "feries",
  "fermeture", "fermetures", "ouverture", "ouvertures", "langue", "langues", "tarif", "tarifs", "gratuit",
  "payant", "justificatif", "justificatifs", "materiel", "equipement", "equipements", "jeton", "envoye",
  "envoyes", "recu", "recus", "annule", "accepte", "clos", "cloture", "relance", "relances", "rappel",
  "delai", "delais", "etat", "suivi", "erreur", "erreurs", "fichier", "fichiers", "colonne", "colonnes",
  "tableau", "resultat", "resultats", "sante", "nom", "prenom", "ville", "departement", "departements",
  "etablissement",
  // Verbs and adjectives of a code base
  "nouveau", "nouvelle", "nouveaux", "ancien", "ancienne", "modifier", "supprimer", "ajouter", "creer",
  "enregistrer", "afficher", "chercher", "trouver", "envoyer", "valider", "lire", "ecrire", "liste", "lister",
]);

/** A key of an outside format (a URL's query, a standard's field): lower case, one word or snake_case. */
const OUTSIDE_KEY = /^[a-z0-9]+(_[a-z0-9]+)*$/;

/** The words of an identifier: camelCase, PascalCase, snake_case and SCREAMING_CASE split, lower case, accents dropped. */
export function wordsOf(name: string): string[] {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
}

export interface FrenchIdentifier {
  file: string;
  line: number;
  name: string;
  words: string[];
}

/** The declared names of one source file that hold a French word. */
export function frenchIdentifiers(file: string, text: string): FrenchIdentifier[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: FrenchIdentifier[] = [];
  const check = (name: ts.Node | undefined, isProperty = false) => {
    if (!name || !ts.isIdentifier(name)) return; // quoted keys, computed names: data, not ours
    if (isProperty && OUTSIDE_KEY.test(name.text)) return;
    const words = wordsOf(name.text).filter((word) => FRENCH_WORDS.has(word));
    if (words.length > 0) found.push({ file, line: source.getLineAndCharacterOfPosition(name.getStart()).line + 1, name: name.text, words });
  };
  const visit = (node: ts.Node) => {
    if (
      ts.isVariableDeclaration(node) ||
      ts.isFunctionDeclaration(node) ||
      ts.isClassDeclaration(node) ||
      ts.isInterfaceDeclaration(node) ||
      ts.isTypeAliasDeclaration(node) ||
      ts.isEnumDeclaration(node) ||
      ts.isEnumMember(node) ||
      ts.isParameter(node) ||
      ts.isPropertyDeclaration(node) ||
      ts.isMethodDeclaration(node) ||
      ts.isMethodSignature(node) ||
      ts.isTypeParameterDeclaration(node)
    ) {
      check(node.name);
    } else if (ts.isPropertySignature(node) || ts.isPropertyAssignment(node)) {
      check(node.name, true);
    } else if (ts.isBindingElement(node)) {
      // `{ lieu }` declares a variable named lieu; `{ lieu: placeId }` declares placeId.
      check(node.name);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}
