/**
 * The orientation engine's reasons and exclusions in French, for the mediators (the assistant and
 * the call sheet). Short, factual, with the numbers that decided: a mediator reads them to the
 * person or to the partner. Residents read their own plain-words version (resident-reasons.ts).
 */
import { findNeed } from "@/lib/public-search/needs";
import { searchMessages } from "@/lib/public-search/messages";
import type { Posture, PublicCode } from "@/lib/public-search/filters";
import { formatDay, formatSlot, formatTime } from "@/lib/resident-booking/present";
import type { SituationParam } from "./situation";
import type { Exclusion, ExclusionCode, Reason, ReasonCode, SituationProblem } from "./types";

const labels = searchMessages("fr");
const LANGUAGES = new Intl.DisplayNames(["fr"], { type: "language" });

const text = (value: string | number | undefined) => (value === undefined ? "" : String(value));
const postureLabel = (code: string) => labels.postures(code as Posture) ?? code;
const postureList = (codes: string) => codes.split(",").filter(Boolean).map(postureLabel).join(", ").toLocaleLowerCase("fr");
const publicList = (codes: string) =>
  codes
    .split(",")
    .filter(Boolean)
    .map((code) => labels.publics(code as PublicCode) ?? code)
    .join(", ");
const language = (code: string | number | undefined) => LANGUAGES.of(text(code)) ?? text(code);
const needLabel = (slug: string | number | undefined) => findNeed(text(slug))?.label ?? text(slug);
const ages = ({ minAge, maxAge }: Record<string, string | number>) =>
  minAge !== undefined && maxAge !== undefined ? `${minAge}–${maxAge} ans` : minAge !== undefined ? `${minAge} ans et plus` : `${maxAge} ans au plus`;

type Say = (params: Record<string, string | number>, timeZone: string) => string;
const at = (params: Record<string, string | number>, timeZone: string) => formatSlot(new Date(text(params.at)), timeZone, "fr");

const REASONS: Record<ReasonCode, Say> = {
  need_answered: (p) => (p.coverage === "full" ? `Répond à ce besoin : ${needLabel(p.need)}` : `Répond en partie à ce besoin : ${needLabel(p.need)}`),
  digital_part_only: () => "Personne ne répond à la demande elle-même ici : aide pour sa partie numérique seulement (mise en forme, envoi, compte en ligne)",
  text_matches: (p) => `Les mots « ${p.words} » figurent dans sa description`,
  redirected_here: (p) => `${p.fromStructure} oriente ici pour : ${p.notOffered}`,
  serves_public: (p) => (p.public ? `Pour ce public : ${publicList(text(p.public))}` : `Pour cet âge (${ages(p)})`),
  for_everyone: () => "Ouvert à tous les publics",
  posture_matches: (p) => `Posture adaptée : ${postureLabel(text(p.posture)).toLocaleLowerCase("fr")}`,
  posture_differs: (p) => `Autre posture : ${postureList(text(p.posture))} (besoin : ${postureLabel(text(p.wanted)).toLocaleLowerCase("fr")})`,
  walk_in: (p) =>
    p.long ? "Sans rendez-vous seulement : la demande est trop longue pour une permanence" : p.quick ? "Sans rendez-vous : une demande courte, faite sur place" : "Sans rendez-vous : réponse sur place",
  appointment_only: (p) => (p.long ? "Sur rendez-vous : adapté à une demande longue" : "Sur rendez-vous uniquement"),
  next_opening: (p, zone) => (p.open ? `Ouvert maintenant, jusqu'à ${formatTime(new Date(text(p.at)), zone, "fr")}` : `Prochaine ouverture : ${at(p, zone)}`),
  open_before_deadline: (p, zone) =>
    p.open ? `Ouvert maintenant, avant l'échéance du ${formatDay(text(p.deadline), "fr")}` : `Ouvert avant l'échéance du ${formatDay(text(p.deadline), "fr")} : ${at(p, zone)}`,
  next_free_slot: (p, zone) => `Prochain créneau libre : ${at(p, zone)}`,
  no_free_slot_before_deadline: (p) => `Aucun créneau libre avant l'échéance du ${formatDay(text(p.deadline), "fr")}`,
  delay_beyond_deadline: (p) => `Délai habituel de ${p.days} jours : au-delà de l'échéance du ${formatDay(text(p.deadline), "fr")}`,
  saturated: () => "Complet en ce moment : appeler avant d'orienter",
  distance: (p) => `À ${String(p.km).replace(".", ",")} km (${p.place})`,
  remote: () => "À distance (téléphone ou en ligne) : pas de déplacement",
  remote_needs_equipment: () => "À distance, mais la personne n'a pas d'équipement",
  equipment_provided: () => "Ordinateurs sur place, pour une personne qui n'en a pas",
  language_spoken: (p) => `Parle ${language(p.language)}`,
  language_not_spoken: (p) => `Ne dit pas parler ${language(p.language)}`,
  wheelchair_accessible: () => "Lieu accessible en fauteuil",
  wheelchair_unknown: (p) => `Accessibilité en fauteuil non renseignée${p.place ? ` (${p.place})` : ""}`,
  condition_to_check: (p) => (p.publics ? `Public visé, à vérifier : ${publicList(text(p.publics))}` : `Condition à vérifier : ${p.condition}`),
  documents_to_bring: (p) => `À apporter : ${p.documents}`,
  free: () => "Gratuit",
  paid: (p) => (p.details ? `Payant : ${p.details}` : "Payant"),
  verified_recently: (p) => `Informations vérifiées le ${formatDay(text(p.on), "fr")}`,
  stale: (p) => (p.on ? `Informations non vérifiées depuis le ${formatDay(text(p.on), "fr")} : appeler avant d'orienter` : "Informations jamais vérifiées : appeler avant d'orienter"),
  accepts_transfers: () => "Accepte les transferts accompagnés dans Toile",
};

const EXCLUSIONS: Record<ExclusionCode, Say> = {
  age_restricted: (p) => `Réservé aux ${ages(p)}`,
  public_restricted: (p) => `Réservé à : ${publicList(text(p.publics))}`,
  closed_until: (p) => `Fermé jusqu'au ${formatDay(text(p.until), "fr")}${p.label ? ` (${p.label})` : ""}`,
  no_opening_before_deadline: (p) => `Aucune ouverture avant l'échéance du ${formatDay(text(p.deadline), "fr")}`,
  too_far: (p) =>
    Number(p.max) === 0
      ? `Sur place, et la personne ne peut pas se déplacer${p.km !== undefined ? ` (à ${String(p.km).replace(".", ",")} km)` : ""}`
      : `Trop loin : à ${String(p.km).replace(".", ",")} km, pour ${p.max} km possibles`,
  not_accessible: () => "Lieu non accessible en fauteuil",
  redirects_elsewhere: (p) => `Ne fait pas : ${p.notOffered}${p.to ? ` → orienter vers ${p.to}` : ""}`,
};

export const reasonText = (reason: Reason, timeZone: string) => REASONS[reason.code](reason.params, timeZone);
export const exclusionText = (exclusion: Exclusion, timeZone: string) => EXCLUSIONS[exclusion.code](exclusion.params, timeZone);

/** Which field of the situation a problem belongs to, and what to do about it. */
export function problemMessage(problem: SituationProblem): { param: SituationParam; text: string } {
  switch (problem.code) {
    case "deadline_past":
      return { param: "echeance", text: `Le ${formatDay(problem.params.deadline, "fr")} est déjà passé : indiquez une date à venir, ou laissez vide. Le classement ne tient pas compte de cette date.` };
    case "commune_unknown":
      return { param: "commune", text: `« ${problem.params.commune} » n'est pas une commune du territoire : vérifiez le nom ou le code postal. Le classement ne tient pas compte de la distance.` };
    case "distance_without_commune":
      return { param: "distance", text: "Indiquez aussi la commune : sans elle, la distance ne peut pas être mesurée." };
    case "need_unknown":
      return { param: "q", text: `Aucun besoin connu ne correspond à « ${problem.params.words} » : choisissez un besoin proche ci-dessous ou dans la liste. En attendant, les offres qui contiennent ces mots sont classées.` };
  }
}
