import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TransferSettingsForm, type SettingText } from "@/components/transfers/settings/TransferSettingsForm";
import { requireActor } from "@/lib/auth/session";
import { SETTING_BOUNDS, type SettingField } from "@/lib/transfers/settings";
import { loadTransferSettings } from "@/lib/transfers/page-data";
import { saveTransferSettingsAction } from "@/lib/transfers/settings-actions";

export const metadata: Metadata = { title: "Réglages des transferts" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

const HOLIDAYS = { FR: "jours fériés français", BE: "jours fériés belges" } as const;

function settingTexts(country: keyof typeof HOLIDAYS): Record<SettingField, SettingText> {
  const bounds = (field: SettingField, unit: string) => `Entre ${SETTING_BOUNDS[field].min} et ${SETTING_BOUNDS[field].max} ${unit}.`;
  return {
    ackReminderWorkingDays: {
      label: "Rappel « Bien reçu », en jours ouvrés",
      unit: "jours ouvrés",
      hint: (
        <>
          Quand la structure qui reçoit un transfert n&apos;a pas cliqué sur « Bien reçu » au bout de ce délai, ses membres
          reçoivent un rappel par courriel. Jours ouvrés : du lundi au vendredi, hors {HOLIDAYS[country]}. Pas de rappel pour un
          transfert simple : le partenaire n&apos;a rien à faire. {bounds("ackReminderWorkingDays", "jours ouvrés")}
        </>
      ),
    },
    acceptReminderWorkingDays: {
      label: "Rappel d'acceptation, en jours ouvrés",
      unit: "jours ouvrés",
      hint: (
        <>
          Quand le transfert n&apos;est ni accepté ni refusé au bout de ce délai, la structure reçoit un second rappel et la
          coordination du territoire en reçoit une copie, pour pouvoir relancer. Au moins autant que le rappel « Bien reçu ».{" "}
          {bounds("acceptReminderWorkingDays", "jours ouvrés")}
        </>
      ),
    },
    expiryDays: {
      label: "Expiration, en jours",
      unit: "jours",
      hint: (
        <>
          Sans réponse au bout de ce délai (en jours du calendrier, week-ends compris), le transfert expire : il est clos, et la
          structure qui l&apos;a envoyé en est prévenue pour orienter la personne ailleurs. Il doit venir après le rappel
          d&apos;acceptation. {bounds("expiryDays", "jours")}
        </>
      ),
    },
    retentionDays: {
      label: "Conservation des données de la personne, en jours",
      unit: "jours",
      hint: (
        <>
          Ce délai après la clôture d&apos;un transfert (terminé, refusé, annulé ou expiré), Toile efface les données de la
          personne. Les brouillons jamais envoyés sont effacés au bout du même délai après leur création.{" "}
          {bounds("retentionDays", "jours")}
        </>
      ),
    },
  };
}

export default async function TransferSettingsPage({ params }: Props) {
  const { slug } = await params;
  const actor = await requireActor(`/territoires/${slug}/transferts/reglages`);
  const territory = await loadTransferSettings(actor, slug);
  if (!territory) notFound();
  return (
    <>
      <p>
        <Link href={`/territoires/${territory.slug}`} className="text-accent underline">
          ← {territory.name}
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">Réglages des transferts</h1>
      <div className="mt-2 max-w-prose space-y-2 text-slate-700">
        <p>
          Ces délais valent pour tous les transferts du territoire {territory.name}. Toile les vérifie chaque minute et agit
          seul : les rappels et les avis d&apos;expiration partent par courriel, sans aucune donnée sur la personne (seulement
          la référence du transfert, les structures et un lien).
        </p>
        <p>Un changement s&apos;applique dès l&apos;enregistrement, y compris aux transferts déjà envoyés.</p>
      </div>

      <section aria-labelledby="rgpd" className="mt-6 max-w-prose rounded border border-slate-300 bg-slate-50 p-4">
        <h2 id="rgpd" className="text-xl font-semibold">
          Conservation des données et RGPD
        </h2>
        <p className="mt-2">
          Le RGPD demande de ne garder des données personnelles que le temps nécessaire à ce pour quoi elles ont été
          recueillies. Ici, le prénom ou pseudonyme de la personne, ses coordonnées, sa langue, ses besoins
          d&apos;accessibilité et les notes servent à l&apos;accueillir ; une fois le transfert clos, ils ne servent plus.
        </p>
        <p className="mt-2">
          Choisissez la durée la plus courte qui laisse aux structures le temps de noter le résultat et de répondre à une
          question de la personne. Après l&apos;effacement, il reste un enregistrement anonyme (structures, offre, besoin,
          dates, résultat) qui sert aux indicateurs du territoire. La personne peut aussi demander l&apos;effacement à tout
          moment : l&apos;une ou l&apos;autre structure l&apos;efface alors depuis la page du transfert.
        </p>
      </section>

      <TransferSettingsForm
        action={saveTransferSettingsAction}
        territoryId={territory.id}
        version={territory.version}
        values={territory.values}
        texts={settingTexts(territory.country)}
      />
    </>
  );
}
