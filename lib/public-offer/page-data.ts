/** What the public offer and programme pages read (app/t/[territory]/…), with the one client bound: app/ never imports `db`. */
import { withDb } from "@/lib/db";
import { getPlaceProgramme, getPublicOffer, getStructureProgramme } from "@/lib/public-offer/queries";

export const loadPublicOffer = withDb(getPublicOffer);
export const loadPlaceProgramme = withDb(getPlaceProgramme);
export const loadStructureProgramme = withDb(getStructureProgramme);
