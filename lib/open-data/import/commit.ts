/**
 * A confirmed import, all or nothing: in one transaction, with the territory's row locked
 * (`SELECT … FOR UPDATE`) so that two imports into one territory never interleave. The plan is
 * computed again under the lock; if it differs from the previewed one, nothing is written and
 * the coordinator previews again. Writes are batched (createMany) so that a file of hundreds of
 * places takes a few dozen statements, not thousands.
 */
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { planRows, termRefOf, type ImportPlan, type PlannedRow, type RowTarget } from "./matching";
import { loadTerritoryState, resolveFrenchCommune } from "./plan";

export type CommitDone = { ok: true; counts: ImportPlan["counts"]; structuresCreated: number; placesCreated: number; offersCreated: number; updated: number };
export type CommitOutcome = CommitDone | { ok: false; reason: "stale"; plan: ImportPlan };

export interface CommitOptions {
  /** What the history says the data came from ("le fichier hinaura.json"). */
  origin: string;
  now?: Date;
  /**
   * Runs inside the transaction after the writes, with what was written: the import job marks
   * itself done there, so that the data and the job's status change together. A throw there
   * leaves nothing.
   */
  afterWrites?: (tx: Prisma.TransactionClient, done: CommitDone) => Promise<void>;
}

const dateOnly = (day: string) => new Date(`${day}T00:00:00Z`);
const frenchDate = (date: Date) => new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" }).format(date);

export async function commitImport(
  db: PrismaClient,
  actor: { userId: string },
  territoryId: string,
  plan: ImportPlan,
  options: CommitOptions,
): Promise<CommitOutcome> {
  return db.$transaction(
    async (tx) => {
      // The territory's row first (its searchVersion is bumped by the triggers as the rows are
      // written): every writer of the territory locks it first too (lockTerritoryFirst).
      await tx.$queryRaw`SELECT id FROM "Territory" WHERE id = ${territoryId}::uuid FOR UPDATE`;
      const again = planRows(await loadTerritoryState(tx, territoryId), plan.input, plan.issues, { resolveCommune: resolveFrenchCommune });
      if (again.hash !== plan.hash) return { ok: false as const, reason: "stale" as const, plan: again };
      const done: CommitDone = { ok: true, counts: again.counts, ...(await write(tx, actor.userId, territoryId, again, options)) };
      await options.afterWrites?.(tx, done);
      return done;
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}

async function write(tx: Prisma.TransactionClient, actorId: string, territoryId: string, plan: ImportPlan, options: CommitOptions) {
  const now = options.now ?? new Date();
  const active = plan.rows.filter((row): row is PlannedRow & { target: RowTarget } => !!row.target && row.action !== "unchanged");
  const summary = `Importé depuis ${options.origin} le ${frenchDate(now)}`;

  // Term ids of every term the rows use, in one query.
  const termKeys = new Set(active.flatMap((row) => [...row.target.structure.terms, ...row.target.offer.terms]));
  const refs = [...termKeys].map(termRefOf);
  const terms = refs.length
    ? await tx.vocabularyTerm.findMany({ where: { OR: refs.map(([vocabularyKey, code]) => ({ vocabularyKey, code })) }, select: { id: true, vocabularyKey: true, code: true } })
    : [];
  const termId = new Map(terms.map((term) => [`${term.vocabularyKey}\u0000${term.code}`, term.id]));
  const ids = (keys: string[]) => keys.flatMap((key) => (termId.has(key) ? [termId.get(key)!] : []));

  // Structures: one per group without an existing structure; the group's first row writes it.
  const structureOfGroup = new Map<string, string>();
  const structuresToCreate: Prisma.StructureCreateManyInput[] = [];
  const identifiersToCreate: Prisma.StructureIdentifierCreateManyInput[] = [];
  const structureTermsToCreate: Prisma.StructureTermCreateManyInput[] = [];
  const history: Prisma.ChangeRecordCreateManyInput[] = [];
  let updated = 0;
  for (const row of active) {
    if (row.structureId || structureOfGroup.has(row.group)) continue;
    const id = randomUUID();
    structureOfGroup.set(row.group, id);
    const values = row.target.structure;
    structuresToCreate.push({ id, territoryId, name: values.name, description: values.description, email: values.email, phone: values.phone, website: values.website, status: "published" });
    identifiersToCreate.push(...values.identifiers.map((identifier) => ({ structureId: id, ...identifier })));
    structureTermsToCreate.push(...ids(values.terms).map((term) => ({ structureId: id, termId: term })));
    history.push({ structureId: id, actorId, action: "structure.imported", summary: `${summary} : structure créée` });
  }
  await tx.structure.createMany({ data: structuresToCreate });
  await tx.structureIdentifier.createMany({ data: identifiersToCreate });

  const structureIdOf = (row: PlannedRow) => row.structureId ?? structureOfGroup.get(row.group)!;
  for (const row of active) {
    if (!row.structureId || !row.target.writesStructure) continue;
    const structureChanges = row.changes.filter((change) => change.field.startsWith("Structure"));
    if (structureChanges.length === 0) continue;
    const values = row.target.structure;
    await tx.structure.update({
      where: { id: row.structureId },
      data: { name: values.name, description: values.description, email: values.email, phone: values.phone, website: values.website },
    });
    for (const identifier of values.identifiers) {
      await tx.structureIdentifier.upsert({
        where: { structureId_type: { structureId: row.structureId, type: identifier.type } },
        create: { structureId: row.structureId, ...identifier },
        update: { value: identifier.value },
      });
    }
    structureTermsToCreate.push(...ids(values.terms).map((term) => ({ structureId: row.structureId!, termId: term })));
    history.push({
      structureId: row.structureId,
      actorId,
      action: "structure.imported",
      summary: `${summary} : ${structureChanges.map((change) => change.field.replace("Structure : ", "")).join(", ")}`,
      changes: Object.fromEntries(structureChanges.map((change) => [change.field, { before: change.before, after: change.after }])),
    });
  }
  await tx.structureTerm.createMany({ data: structureTermsToCreate, skipDuplicates: true });

  // Places.
  const placeIdOf = new Map<PlannedRow, string>();
  const placesToCreate: Prisma.PlaceCreateManyInput[] = [];
  const placesWithNewHours: string[] = [];
  const newPlaces = new Map<string, string>();
  for (const row of active) {
    const values = row.target.place;
    const data = { ...values, standardExtras: values.standardExtras as Prisma.InputJsonObject, country: "FR" as const };
    const hours = row.target.hoursOn === "place" ? row.target.hours : null;
    if (!row.placeId) {
      const shared = newPlaces.get(row.target.newPlaceKey);
      if (shared) {
        placeIdOf.set(row, shared);
        continue;
      }
      const id = randomUUID();
      newPlaces.set(row.target.newPlaceKey, id);
      placeIdOf.set(row, id);
      placesToCreate.push({ id, structureId: structureIdOf(row), ...data, ...(hours ? { publicHolidays: hours.publicHolidays } : {}) });
      if (hours) placesWithNewHours.push(id);
      continue;
    }
    placeIdOf.set(row, row.placeId);
    if (!row.changes.some((change) => change.field.startsWith("Lieu"))) continue;
    await tx.place.update({ where: { id: row.placeId }, data: { ...data, ...(hours ? { publicHolidays: hours.publicHolidays } : {}) } });
    if (hours && row.changes.some((change) => change.field === "Lieu : horaires")) placesWithNewHours.push(row.placeId);
    updated++;
  }
  await tx.place.createMany({ data: placesToCreate });
  await tx.openingSlot.deleteMany({ where: { placeId: { in: placesWithNewHours } } });
  await tx.openingException.deleteMany({ where: { placeId: { in: placesWithNewHours } } });
  const withHours = new Set(placesWithNewHours);
  const slots: Prisma.OpeningSlotCreateManyInput[] = [];
  const exceptions: Prisma.OpeningExceptionCreateManyInput[] = [];
  const addHours = (owner: { placeId: string } | { offerPlaceId: string }, hours: NonNullable<RowTarget["hours"]>) => {
    for (const slot of hours.slots) {
      slots.push({ ...owner, weekday: slot.weekday, opensAtMinute: slot.opensAtMinute, closesAtMinute: slot.closesAtMinute, appointmentOnly: slot.appointmentOnly });
    }
    for (const exception of hours.exceptions) {
      exceptions.push({
        ...owner,
        startsOn: dateOnly(exception.startsOn),
        endsOn: dateOnly(exception.endsOn),
        closed: exception.closed,
        opensAtMinute: exception.opensAtMinute ?? null,
        closesAtMinute: exception.closesAtMinute ?? null,
        label: exception.label,
      });
    }
  };
  for (const row of active) {
    const placeId = placeIdOf.get(row)!;
    if (withHours.has(placeId) && row.target.hours && row.target.hoursOn === "place") {
      withHours.delete(placeId);
      addHours({ placeId }, row.target.hours);
    }
  }

  // Offers: one per place and set of services (LMN), or per template row.
  const offerIdOf = new Map<PlannedRow, string>();
  const offersToCreate: Prisma.OfferCreateManyInput[] = [];
  const offerPlaces: Prisma.OfferPlaceCreateManyInput[] = [];
  const offerTerms: Prisma.OfferTermCreateManyInput[] = [];
  const offersWithNewTerms: string[] = [];
  for (const row of active) {
    const offer = row.target.offer;
    const termIds = ids(offer.terms);
    const published = offer.terms.some((key) => key.startsWith("lmn.services\u0000") || key.startsWith("dataInclusion.v1.thematiques\u0000"));
    if (!row.offerId) {
      const id = randomUUID();
      offerIdOf.set(row, id);
      offersToCreate.push({
        id,
        structureId: structureIdOf(row),
        territoryId,
        title: offer.title,
        feeDetails: offer.feeDetails,
        documentsToBring: offer.documentsToBring,
        acceptsTransfers: offer.acceptsTransfers,
        ...(offer.conditions ?? {}),
        status: published ? "published" : "draft",
      });
      const offerPlaceId = randomUUID();
      // An offer's own hours carry their own rule on public holidays (else the place's would apply).
      const ownHours = row.target.hoursOn === "offer" ? row.target.hours : null;
      offerPlaces.push({ id: offerPlaceId, offerId: id, placeId: placeIdOf.get(row)!, ...(ownHours ? { publicHolidays: ownHours.publicHolidays } : {}) });
      if (ownHours) addHours({ offerPlaceId }, ownHours);
      offerTerms.push(...termIds.map((term) => ({ offerId: id, termId: term })));
      continue;
    }
    offerIdOf.set(row, row.offerId);
    if (row.target.hoursOn === "offer" && row.target.hours && row.changes.some((change) => change.field === "Offre : horaires")) {
      const offerPlace = await tx.offerPlace.upsert({
        where: { offerId_placeId: { offerId: row.offerId, placeId: placeIdOf.get(row)! } },
        create: { offerId: row.offerId, placeId: placeIdOf.get(row)!, publicHolidays: row.target.hours.publicHolidays },
        update: { publicHolidays: row.target.hours.publicHolidays },
        select: { id: true },
      });
      await tx.openingSlot.deleteMany({ where: { offerPlaceId: offerPlace.id } });
      await tx.openingException.deleteMany({ where: { offerPlaceId: offerPlace.id } });
      addHours({ offerPlaceId: offerPlace.id }, row.target.hours);
    }
    if (row.changes.some((change) => change.field.startsWith("Offre"))) {
      await tx.offer.update({ where: { id: row.offerId }, data: { title: offer.title, ...(offer.conditions ?? {}) } });
      offersWithNewTerms.push(row.offerId);
      offerTerms.push(...termIds.map((term) => ({ offerId: row.offerId!, termId: term })));
    }
  }
  await tx.offer.createMany({ data: offersToCreate });
  await tx.offerPlace.createMany({ data: offerPlaces });
  await tx.offerTerm.deleteMany({ where: { offerId: { in: offersWithNewTerms } } });
  await tx.offerTerm.createMany({ data: offerTerms, skipDuplicates: true });
  await tx.openingSlot.createMany({ data: slots });
  await tx.openingException.createMany({ data: exceptions });

  // History of the places and offers of existing structures (new structures have theirs).
  for (const row of active) {
    if (!row.structureId) continue;
    const placeAndOffer = row.changes.filter((change) => !change.field.startsWith("Structure"));
    if (placeAndOffer.length === 0 && row.placeId) continue;
    history.push({
      structureId: row.structureId,
      offerId: offerIdOf.get(row) ?? null,
      actorId,
      action: row.placeId ? "place.imported" : "place.imported.created",
      summary: `${summary} : lieu « ${row.target.place.name} » ${row.placeId ? `mis à jour (${placeAndOffer.map((change) => change.field).join(", ")})` : "créé"}`,
      changes: row.placeId ? Object.fromEntries(placeAndOffer.map((change) => [change.field, { before: change.before, after: change.after }])) : undefined,
    });
  }
  await tx.changeRecord.createMany({ data: history });

  // Last: the records, dated after every other write (the snapshot compares them).
  const importedAt = new Date();
  const newRecords: Prisma.ImportedRecordCreateManyInput[] = [];
  for (const row of active) {
    const record = row.target.record;
    if (!record) continue;
    const data = {
      structureId: structureIdOf(row),
      placeId: placeIdOf.get(row)!,
      offerId: offerIdOf.get(row) ?? null,
      sourceUpdatedOn: record.sourceUpdatedOn ? dateOnly(record.sourceUpdatedOn) : null,
      importedAt,
    };
    if (record.exists) {
      await tx.importedRecord.update({ where: { territoryId_source_externalId: { territoryId, source: record.source, externalId: record.externalId } }, data });
    } else newRecords.push({ territoryId, source: record.source, externalId: record.externalId, ...data });
  }
  await tx.importedRecord.createMany({ data: newRecords });

  return { structuresCreated: structuresToCreate.length, placesCreated: placesToCreate.length, offersCreated: offersToCreate.length, updated };
}
