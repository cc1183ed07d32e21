/**
 * What a resident types, reduced to comparable words: lowercase, no accents, no punctuation.
 * Pure and total: any input (hostile, huge, broken UTF-16, not even a string) gives a short,
 * safe string — only letters, digits and single spaces survive.
 */

/** Longest normalized text kept: a need is said in a few words; the rest is noise or an attack. */
export const MAX_NORMALIZED_LENGTH = 200;
/** Cut the raw input before any work, so a 10,000-character paste costs nothing. */
const MAX_RAW_LENGTH = MAX_NORMALIZED_LENGTH * 2;

/** Letters that NFD does not decompose into a base letter and a mark. */
const LIGATURES: Record<string, string> = { œ: "oe", æ: "ae", ß: "ss", ø: "o", đ: "d", ł: "l", ı: "i" };

export function normalize(text: unknown): string {
  if (typeof text !== "string") return "";
  const normalized = text
    .slice(0, MAX_RAW_LENGTH)
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[œæßøđłı]/g, (letter) => LIGATURES[letter] ?? letter)
    // "C.V." and "R.S.A." are words: drop the dots of single-letter abbreviations.
    .replace(/(?<![\p{L}\p{N}])(?:\p{L}\.)+\p{L}\.?(?![\p{L}\p{N}])/gu, (abbreviation) =>
      abbreviation.replaceAll(".", ""),
    )
    // Everything that is not a letter or a digit (punctuation, symbols, emojis, control
    // characters, lone surrogates) separates words.
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
  if (normalized.length <= MAX_NORMALIZED_LENGTH) return normalized;
  const cut = normalized.slice(0, MAX_NORMALIZED_LENGTH);
  // Do not keep half a word at the end.
  const lastSpace = cut.lastIndexOf(" ");
  return lastSpace > 0 ? cut.slice(0, lastSpace) : cut;
}

/**
 * Words that say nothing about the need: "je veux de l'aide pour mon mot de passe" is about
 * "mot passe". Written without accents, as normalize() leaves them. French first, then the
 * English ones of the same kind.
 */
const STOP_WORDS: ReadonlySet<string> = new Set([
  // pronouns, articles, elisions (j', l', d', qu'…)
  ..."je j me m moi tu te t toi il elle on nous vous ils elles se s y en ce c ca cela ceci".split(" "),
  ..."le la les l un une des du de d au aux mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs".split(" "),
  ..."cette cet ces qui que qu quoi dont ou".split(" "),
  // small words
  ..."et a pour comme dans sur sous avec par chez vers mais donc car si ni ne n pas plus tres trop peu bien deja encore aussi".split(" "),
  ..."est es suis sont etre ai as avons avez ont avoir fait faire fais".split(" "),
  // the request itself
  ..."veux veut voulais voudrais vouloir aimerais peux peut pouvez pourriez puis pouvoir sais savoir".split(" "),
  ..."comment pourquoi quand combien quel quelle quels quelles".split(" "),
  ..."aide aides aider aidez besoin cherche chercher trouve trouver".split(" "),
  ..."svp stp merci bonjour bonsoir salut slt cc bjr please".split(" "),
  // SMS style: "jveu", "g" (j'ai), "pr" (pour), "ds" (dans), "ki", "koi"
  ..."jai jveux jveu veu vx g mn ds pr ki koi kan".split(" "),
  // English
  ..."i my me the an to of for how do can want need help with on in is it".split(" "),
]);

/** The words of a text that may say what the person needs, in order, normalized. */
export function tokens(text: unknown): string[] {
  const normalized = normalize(text);
  if (!normalized) return [];
  return normalized.split(" ").filter((word) => !STOP_WORDS.has(word));
}
