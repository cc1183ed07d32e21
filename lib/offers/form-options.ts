/**
 * What the offer form offers to choose from: the vocabularies an offer is described with (needs
 * grouped by category), the territory's places — the structure's own first, then its partners'
 * where it may hold a permanence — and the territory's structures to redirect people to.
 */
import type { PrismaClient } from "@/lib/db";
import published from "@/prisma/reference/vocabularies.json";
import { OFFER_TERM_ROLES } from "./schemas";

export interface TermOption {
  id: string;
  label: string;
  description: string | null;
}
export interface TermGroup {
  /** The vocabulary, or for needs one of its categories. */
  key: string;
  title: string;
  role: (typeof OFFER_TERM_ROLES)[number];
  terms: TermOption[];
}

const ROLE_TITLES: Record<(typeof OFFER_TERM_ROLES)[number], string> = {
  need: "Besoins auxquels l'offre répond",
  posture: "Posture d'accompagnement",
  public: "Publics",
  access_mode: "Comment venir",
  contact_mode: "Comment prendre contact",
  referral_mode: "Qui peut orienter",
  reception_mode: "Où se passe l'accompagnement",
  accompaniment: "Modalités d'accompagnement",
  fee: "Tarif",
  support: "Prise en charge spécifique",
};

/** data·inclusion's need categories, by code, as published. */
const CATEGORY_LABELS = new Map(
  (published["dataInclusion.v1.thematiques_categories"].values as { value: string; label: string }[]).map((category) => [
    category.value,
    category.label,
  ]),
);

export async function getOfferFormOptions(db: PrismaClient, structureId: string, territoryId: string) {
  const [vocabularies, places, structures] = await Promise.all([
    db.vocabulary.findMany({
      where: { role: { in: [...OFFER_TERM_ROLES] } },
      select: {
        key: true,
        name: true,
        role: true,
        terms: { select: { id: true, label: true, description: true, parentCode: true }, orderBy: { sortOrder: "asc" } },
      },
      orderBy: { key: "asc" },
    }),
    db.place.findMany({
      where: { structure: { territoryId } },
      select: { id: true, name: true, address: true, communeName: true, structureId: true, structure: { select: { name: true } } },
      orderBy: [{ communeName: "asc" }, { name: "asc" }],
    }),
    db.structure.findMany({
      where: { territoryId, id: { not: structureId }, status: { not: "closed" } },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
  ]);

  const groups: TermGroup[] = [];
  for (const role of OFFER_TERM_ROLES) {
    // Flat lists (the mediation services of LMN) before long categorised ones (data·inclusion's needs).
    const ofRole = vocabularies
      .filter((candidate) => candidate.role === role)
      .sort((a, b) => Number(a.terms.some((term) => term.parentCode)) - Number(b.terms.some((term) => term.parentCode)));
    for (const vocabulary of ofRole) {
      const categories = [...new Set(vocabulary.terms.map((term) => term.parentCode).filter((code): code is string => !!code))];
      const option = ({ id, label, description }: TermOption) => ({ id, label, description });
      if (categories.length === 0) {
        groups.push({ key: vocabulary.key, title: vocabulary.name, role, terms: vocabulary.terms.map(option) });
        continue;
      }
      for (const category of categories) {
        groups.push({
          key: `${vocabulary.key}:${category}`,
          title: CATEGORY_LABELS.get(category) ?? category,
          role,
          terms: vocabulary.terms.filter((term) => term.parentCode === category).map(option),
        });
      }
    }
  }
  const own = places.filter((place) => place.structureId === structureId);
  const partners = places.filter((place) => place.structureId !== structureId);
  const placeOption = (place: (typeof places)[number]) => ({
    id: place.id,
    label: `${place.name} — ${place.address}, ${place.communeName}`,
    host: place.structureId === structureId ? null : place.structure.name,
  });
  return { termGroups: groups, roleTitles: ROLE_TITLES, ownPlaces: own.map(placeOption), partnerPlaces: partners.map(placeOption), structures };
}

export type OfferFormOptions = Awaited<ReturnType<typeof getOfferFormOptions>>;
