/** The refusal codes of lib/newcomers and their words (French: the request form is for professionals), merged into lib/errors/messages.ts. */
export const NEWCOMER_MESSAGES = {
  "newcomer.rate_limited": ({ minutes }: { minutes: number }) =>
    `Nous avons déjà reçu plusieurs demandes depuis votre connexion ou pour cette adresse. Réessayez dans ${minutes} minute${minutes > 1 ? "s" : ""}, ou écrivez à la coordination du territoire.`,
  "newcomer.already_decided": () => "Cette demande vient d'être traitée par une autre personne de la coordination : la page montre où elle en est.",
  "newcomer.merge_target_gone": () => "Cette structure n'est plus dans la matrice : choisissez-en une autre, ou validez la demande comme une nouvelle structure.",
} satisfies Record<string, (params: never) => string>;
