import type { TransferParty } from "@/lib/transfers/state-machine";
import type { TransferStatus } from "@/lib/generated/prisma/enums";

/** What the transfer's status means for this person, and what to do next. */
export function nextStep(
  status: TransferStatus,
  parties: readonly TransferParty[],
  names: { from: string; to: string },
): string {
  const receiver = parties.includes("receiver");
  const sender = parties.includes("sender");
  switch (status) {
    case "draft":
      return sender ? "Brouillon : ce transfert n'est pas encore envoyé au partenaire." : "Brouillon : pas encore envoyé.";
    case "sent":
      if (receiver) return `Nouveau transfert de ${names.from} : confirmez sa réception (« Bien reçu »), puis acceptez-le ou refusez-le.`;
      return `Envoyé : ${names.to} n'a pas encore confirmé sa réception.`;
    case "acknowledged":
      if (receiver) return "Vous avez confirmé la réception : acceptez le transfert ou refusez-le en donnant le motif.";
      return `${names.to} a bien reçu le transfert et va y répondre.`;
    case "accepted":
      if (receiver) return "Accepté : accueillez la personne, puis clôturez le transfert en notant le résultat.";
      return `${names.to} a accepté le transfert : la personne est attendue.`;
    case "completed":
      return "Terminé : le résultat est noté ci-dessous.";
    case "declined":
      if (sender) return `${names.to} a refusé le transfert : réorientez la personne vers un autre partenaire.`;
      return "Refusé : le motif est indiqué ci-dessous.";
    case "cancelled":
      return "Annulé par la structure qui l'avait envoyé.";
    case "expired":
      return "Expiré : le partenaire n'a pas répondu à temps.";
  }
}
