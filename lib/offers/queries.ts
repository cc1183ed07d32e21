import { db } from "@/lib/db";

const slotSelect = {
  select: { weekday: true, opensAtMinute: true, closesAtMinute: true, appointmentOnly: true },
  orderBy: [{ weekday: "asc" as const }, { opensAtMinute: "asc" as const }],
};

/**
 * A territory and its published offers of published structures, for the public listing.
 * Returns null when no such territory exists.
 */
export async function getTerritoryOffers(slug: string) {
  const territory = await db.territory.findUnique({
    where: { slug },
    select: { id: true, name: true, slug: true, staleAfterMonths: true },
  });
  if (!territory) return null;

  const offers = await db.offer.findMany({
    where: {
      status: "published",
      structure: { territoryId: territory.id, status: "published" },
    },
    orderBy: [{ structure: { name: "asc" } }, { title: "asc" }],
    select: {
      id: true,
      title: true,
      description: true,
      documentsToBring: true,
      lastVerifiedAt: true,
      structure: { select: { name: true, phone: true } },
      openingSlots: slotSelect,
      terms: {
        select: { term: { select: { label: true, vocabulary: { select: { role: true } } } } },
        orderBy: { term: { sortOrder: "asc" } },
      },
      places: {
        select: {
          place: {
            select: {
              name: true,
              address: true,
              postalCode: true,
              communeName: true,
              openingSlots: slotSelect,
            },
          },
          openingSlots: slotSelect,
        },
      },
    },
  });

  return {
    territory,
    offers: offers.map(({ terms, places, ...offer }) => ({
      ...offer,
      labelsByRole: groupLabelsByRole(terms.map(({ term }) => term)),
      places: places.map(({ place, openingSlots }) => ({
        ...place,
        // The offer's own hours at this place, or else the place's hours.
        openingSlots: openingSlots.length > 0 ? openingSlots : place.openingSlots,
      })),
    })),
  };
}

function groupLabelsByRole(terms: { label: string; vocabulary: { role: string } }[]) {
  const byRole: Record<string, string[]> = {};
  for (const term of terms) (byRole[term.vocabulary.role] ??= []).push(term.label);
  return byRole;
}

