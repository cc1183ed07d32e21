/**
 * The refusal codes of lib/campaigns and their words (French: the coordinator's pages and the
 * structures' review page), merged into the one mapper (lib/errors/messages.ts).
 */
export const CAMPAIGN_MESSAGES = {
  "campaign.ends_in_past": () => "Cette date est passée : choisissez le dernier jour où les structures pourront répondre, aujourd'hui ou plus tard.",
  "campaign.too_long": () => "Un an au plus : choisissez une date plus proche.",
  "campaign.nobody": () =>
    "Aucune structure ne correspond : toutes sont à jour, ou aucune n'est cochée. Choisissez « toutes les structures » ou cochez-en.",
  "campaign.closed": () => "Cette campagne est terminée : lancez-en une nouvelle pour interroger à nouveau les structures.",
  "campaign.link_ended": ({ date }: { date: string }) =>
    `Cette campagne de mise à jour est terminée depuis le ${date} : rien n'a été enregistré. Pour corriger vos informations, écrivez à la coordination du territoire ou connectez-vous à Toile.`,
  "campaign.link_invalid": () =>
    "Ce lien n'est pas ou plus valable : rien n'a été enregistré. Utilisez le lien du dernier courriel reçu, ou demandez-en un à la coordination.",
  "campaign.link_rate_limited": ({ minutes }: { minutes: number }) => `Trop de demandes depuis votre connexion. Réessayez dans ${minutes} minute${minutes > 1 ? "s" : ""}.`,
  "campaign.not_temporary": () => "Cette campagne ne porte pas sur une période : indiquez vos horaires habituels avec le formulaire des horaires.",
} satisfies Record<string, (params: never) => string>;
