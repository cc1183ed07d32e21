/** Why a campaign's link does not open, in plain words, with what to do instead. */
import type { CampaignAccess } from "@/lib/campaigns/access";
import { formatDay } from "@/lib/hours/format";
import { localTime } from "@/lib/hours/rules";

export function LinkUnusable({ access }: { access: Exclude<CampaignAccess, { ok: true }> }) {
  if (access.reason === "ended") {
    const day = formatDay(localTime(new Date(access.endedAt.getTime() - 1), access.timeZone).date);
    return (
      <>
        <h1 className="text-3xl font-bold">Cette campagne de mise à jour est terminée</h1>
        <p className="mt-3 max-w-2xl">
          La campagne « {access.campaignTitle} » du réseau {access.territoryName} s&apos;est terminée le {day} : ce lien ne permet plus de modifier vos
          informations.
        </p>
        <p className="mt-2 max-w-2xl">
          Une information a changé ? Écrivez à la coordination
          {access.coordinators.length > 0 ? (
            <>
              {" "}
              : {access.coordinators.map((email, index) => (
                <span key={email}>
                  {index > 0 && ", "}
                  <a href={`mailto:${email}`} className="text-accent underline">
                    {email}
                  </a>
                </span>
              ))}
            </>
          ) : null}
          , ou connectez-vous à Toile si vous avez un compte.
        </p>
      </>
    );
  }
  if (access.reason === "rate_limited") {
    return (
      <>
        <h1 className="text-3xl font-bold">Trop de demandes</h1>
        <p className="mt-3">Trop de pages ouvertes depuis votre connexion. Réessayez dans {access.minutes} minute{access.minutes > 1 ? "s" : ""}.</p>
      </>
    );
  }
  return (
    <>
      <h1 className="text-3xl font-bold">Ce lien n&apos;est pas valable</h1>
      <p className="mt-3 max-w-2xl">
        {access.reason === "revoked"
          ? "Ce lien a été désactivé par la coordination du territoire (par exemple parce qu'un nouveau lien a été envoyé)."
          : "Ce lien est incomplet ou n'existe pas. Vérifiez qu'il a été copié en entier depuis le courriel."}{" "}
        Utilisez le lien du dernier courriel reçu, ou demandez-en un nouveau à la coordination du territoire.
      </p>
    </>
  );
}
