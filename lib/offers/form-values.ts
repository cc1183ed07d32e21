/**
 * The offer form's values as the browser holds them (text in every field, lists for checkbox
 * groups), from a saved offer or blank for a new one.
 */
import type { loadOffer } from "./editing";

export interface OfferFormValues {
  structureId: string;
  offerId: string;
  version: string;
  title: string;
  description: string;
  termIds: string[];
  placeIds: string[];
  professionalReferral: string;
  residentAccess: string;
  minAge: string;
  maxAge: string;
  residencyCondition: string;
  otherConditions: string;
  feeDetails: string;
  documentsToBring: string;
  languages: string[];
  typicalDelayDays: string;
  isSaturated: boolean;
  acceptsTransfers: boolean;
  phoneLine: boolean;
  redirects: { notOffered: string; redirectToStructureId: string; note: string }[];
}

type Loaded = NonNullable<Awaited<ReturnType<typeof loadOffer>>>;

const number = (value: number | null) => (value == null ? "" : String(value));

export function offerFormValues(structureId: string, existing?: { offerId: string; loaded: Loaded }): OfferFormValues {
  if (!existing) {
    return {
      structureId,
      offerId: "",
      version: "",
      title: "",
      description: "",
      termIds: [],
      placeIds: [],
      professionalReferral: "",
      residentAccess: "",
      minAge: "",
      maxAge: "",
      residencyCondition: "",
      otherConditions: "",
      feeDetails: "",
      documentsToBring: "",
      languages: ["fr"],
      typicalDelayDays: "",
      isSaturated: false,
      acceptsTransfers: false,
      phoneLine: false,
      redirects: [],
    };
  }
  const { offerId, loaded } = existing;
  const { values } = loaded;
  return {
    structureId,
    offerId,
    version: loaded.version,
    title: values.title,
    description: values.description,
    termIds: values.termIds,
    placeIds: values.placeIds,
    professionalReferral: values.professionalReferral ?? "",
    residentAccess: values.residentAccess ?? "",
    minAge: number(values.minAge),
    maxAge: number(values.maxAge),
    residencyCondition: values.residencyCondition ?? "",
    otherConditions: values.otherConditions ?? "",
    feeDetails: values.feeDetails ?? "",
    documentsToBring: values.documentsToBring.join("\n"),
    languages: values.languages,
    typicalDelayDays: number(values.typicalDelayDays),
    isSaturated: values.isSaturated,
    acceptsTransfers: values.acceptsTransfers,
    phoneLine: values.phoneLine,
    redirects: values.redirects.map((row) => ({
      notOffered: row.notOffered,
      redirectToStructureId: row.redirectToStructureId ?? "",
      note: row.note ?? "",
    })),
  };
}
