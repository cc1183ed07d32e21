/**
 * "Rejoindre une structure": who finds which structures (published everywhere, drafts only where
 * the person may see the territory's matrix, closed never), the search by name, commune and postal
 * code whatever the case and accents, and the pages.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadActor } from "@/lib/auth/actor";
import { scopeFor, type Actor } from "@/lib/auth/policy";
import { Prisma } from "@/lib/generated/prisma/client";
import { loadJoinPage } from "./join-page";
import { foldForSearch, foldSql } from "./join-search";
import { joinableStructureRef, searchJoinableStructures } from "./queries";

type Status = "draft" | "published" | "closed";
const ids: Record<string, string> = {};
const territories: Record<string, string> = {};

async function territory(slug: string, name: string) {
  territories[slug] = (await db.territory.create({ data: { slug, name, country: "FR" } })).id;
}

async function structure(territorySlug: string, name: string, status: Status, commune?: { name: string; code: string; postalCode: string }) {
  const created = await db.structure.create({
    data: {
      territoryId: territories[territorySlug]!,
      name,
      status,
      ...(commune && {
        places: {
          create: { name: "Accueil", address: "1 rue de la Mairie", postalCode: commune.postalCode, communeCode: commune.code, communeName: commune.name, country: "FR" },
        },
      }),
    },
  });
  ids[name] = created.id;
}

async function actor(email: string, setup: { memberOf?: string; coordinates?: string; platformAdmin?: boolean } = {}): Promise<Actor> {
  const user = await db.user.create({ data: { email, isPlatformAdmin: setup.platformAdmin ?? false } });
  if (setup.memberOf) await db.structureMembership.create({ data: { userId: user.id, structureId: ids[setup.memberOf]!, role: "member" } });
  if (setup.coordinates) await db.territoryCoordinator.create({ data: { userId: user.id, territoryId: territories[setup.coordinates]! } });
  return (await loadActor(db, user.id))!;
}

const CHATEAU = { name: "Château-Thierry", code: "02168", postalCode: "02400" };
const ESSOMES = { name: "Essômes-sur-Marne", code: "02290", postalCode: "02400" };
const CHARLY = { name: "Charly-sur-Marne", code: "02163", postalCode: "02310" };

let outsider: Actor;
let memberOfA: Actor;
let coordinatorOfB: Actor;
let platformAdmin: Actor;

beforeAll(async () => {
  await territory("territoire-a", "Territoire A");
  await territory("territoire-b", "Territoire B");
  await territory("pages", "Territoire des pages");
  await structure("territoire-a", "Médiathèque de Château-Thierry", "published", CHATEAU);
  await structure("territoire-a", "Centre social d'Essômes", "published", ESSOMES);
  await structure("territoire-a", "Brouillon de A", "draft", CHATEAU);
  await structure("territoire-a", "Fermée de A", "closed", CHATEAU);
  await structure("territoire-b", "Œuvre de Charly", "published", CHARLY);
  await structure("territoire-b", "Brouillon de B", "draft", CHARLY);
  await structure("territoire-b", "Fermée de B", "closed", CHARLY);
  // 45 published structures: "Page 01" … "Page 45", in that order.
  for (let index = 1; index <= 45; index++) await structure("pages", `Page ${String(index).padStart(2, "0")}`, "published");

  outsider = await actor("nouvelle@exemple.fr");
  memberOfA = await actor("membre-a@exemple.fr", { memberOf: "Médiathèque de Château-Thierry" });
  coordinatorOfB = await actor("coordination-b@exemple.fr", { coordinates: "territoire-b" });
  platformAdmin = await actor("admin@exemple.fr", { platformAdmin: true });
});

const names = async (who: Actor, query: string, territoryIds: string[] | null = null) =>
  (await searchJoinableStructures(db, who, { territoryIds, query, page: 1, pageSize: 100 })).structures.map(({ name }) => name);
const inAorB = () => [territories["territoire-a"]!, territories["territoire-b"]!];

describe("who finds which structures", () => {
  it("shows published structures of every territory to anyone, drafts to nobody outside, closed ones never", async () => {
    expect(await names(outsider, "", inAorB())).toEqual(["Centre social d'Essômes", "Médiathèque de Château-Thierry", "Œuvre de Charly"]);
  });

  it("shows a territory's drafts to its structures' people, not another territory's drafts", async () => {
    const found = await names(memberOfA, "", inAorB());
    expect(found).toContain("Brouillon de A");
    expect(found).not.toContain("Brouillon de B");
    expect(found.filter((name) => name.startsWith("Fermée"))).toEqual([]);
  });

  it("shows a territory's drafts to its coordinators, and every draft to a platform admin, never a closed one", async () => {
    const coordinator = await names(coordinatorOfB, "", inAorB());
    expect(coordinator).toContain("Brouillon de B");
    expect(coordinator).not.toContain("Brouillon de A");
    const admin = await names(platformAdmin, "", inAorB());
    expect(admin).toEqual(expect.arrayContaining(["Brouillon de A", "Brouillon de B"]));
    expect(admin.filter((name) => name.startsWith("Fermée"))).toEqual([]);
  });

  it("lists, for an empty search of every territory, exactly the structures the policy's scope gives each person", async () => {
    for (const who of [outsider, memberOfA, coordinatorOfB, platformAdmin]) {
      const scoped = await db.structure.findMany({ where: scopeFor(who, "structure.find"), select: { name: true } });
      expect((await names(who, "")).sort()).toEqual(scoped.map(({ name }) => name).sort());
    }
  });

  it("lets a person ask to join only a structure they can find", async () => {
    expect(await joinableStructureRef(db, outsider, ids["Œuvre de Charly"]!)).toEqual({ structureId: ids["Œuvre de Charly"], territoryId: territories["territoire-b"] });
    expect(await joinableStructureRef(db, outsider, ids["Brouillon de A"]!)).toBeNull();
    expect(await joinableStructureRef(db, memberOfA, ids["Brouillon de A"]!)).not.toBeNull();
    expect(await joinableStructureRef(db, memberOfA, ids["Brouillon de B"]!)).toBeNull();
    expect(await joinableStructureRef(db, platformAdmin, ids["Fermée de A"]!)).toBeNull();
    expect(await joinableStructureRef(db, outsider, "00000000-0000-4000-8000-000000000000")).toBeNull();
  });
});

describe("searching", () => {
  it("finds by commune and postal code, whatever the case, accents, hyphens and apostrophes", async () => {
    expect(await names(outsider, "essomes sur marne")).toEqual(["Centre social d'Essômes"]);
    expect(await names(outsider, "ESSÔMES-SUR-MARNE")).toEqual(["Centre social d'Essômes"]);
    expect(await names(outsider, "chateau thierry")).toEqual(["Médiathèque de Château-Thierry"]);
    expect(await names(outsider, "02400")).toEqual(["Centre social d'Essômes", "Médiathèque de Château-Thierry"]);
    expect(await names(outsider, "02310")).toEqual(["Œuvre de Charly"]);
    // The INSEE code too, as the commune's other name in the standards.
    expect(await names(outsider, "02163")).toEqual(["Œuvre de Charly"]);
  });

  it("finds by name, every word typed, in any order", async () => {
    expect(await names(outsider, "MEDIATHEQUE")).toEqual(["Médiathèque de Château-Thierry"]);
    expect(await names(outsider, "d’essomes centre")).toEqual(["Centre social d'Essômes"]);
    expect(await names(outsider, "oeuvre")).toEqual(["Œuvre de Charly"]);
    expect(await names(outsider, "centre charly")).toEqual([]);
  });

  it("takes wildcards literally", async () => {
    expect(await names(outsider, "%")).toEqual([]);
    expect(await names(outsider, "_")).toEqual([]);
  });

  it("folds in SQL exactly as in JavaScript", async () => {
    const samples = ["Château-Thierry", "ESSÔMES-SUR-MARNE", "L'Haÿ-les-Roses", "Œuvre d’Ève", "Ærø", "Saint-Étienne-du-Rouvray", "Ça  va"];
    for (const sample of samples) {
      const [{ folded }] = await db.$queryRaw<[{ folded: string }]>`SELECT ${foldSql(Prisma.sql`${sample}::text`)} AS folded`;
      // SQL keeps repeated spaces, which the words' patterns ignore.
      expect(folded.replace(/\s+/g, " ").trim()).toBe(foldForSearch(sample));
    }
  });
});

describe("pages", () => {
  const page = (number: number, pageSize = 20) =>
    searchJoinableStructures(db, outsider, { territoryIds: [territories.pages!], query: "", page: number, pageSize });

  it("cuts the results in pages of 20, in name order, without overlap", async () => {
    const [first, second, third] = await Promise.all([page(1), page(2), page(3)]);
    expect(first).toMatchObject({ total: 45, pageCount: 3, page: 1 });
    expect(first.structures.map(({ name }) => name)).toEqual(Array.from({ length: 20 }, (_, index) => `Page ${String(index + 1).padStart(2, "0")}`));
    expect(second.structures[0]!.name).toBe("Page 21");
    expect(third.structures.map(({ name }) => name)).toEqual(["Page 41", "Page 42", "Page 43", "Page 44", "Page 45"]);
  });

  it("clamps a page past the end to the last one, and a page below 1 to the first", async () => {
    expect(await page(4)).toMatchObject({ page: 3, pageCount: 3 });
    expect((await page(0)).page).toBe(1);
  });

  it("has exactly as many pages as needed at the boundaries", async () => {
    expect((await page(1, 45)).pageCount).toBe(1);
    const almost = await page(2, 44);
    expect(almost.pageCount).toBe(2);
    expect(almost.structures.map(({ name }) => name)).toEqual(["Page 45"]);
    expect((await page(1, 15)).pageCount).toBe(3);
  });
});

describe("the page's defaults", () => {
  it("asks someone with no territory to type something before searching every territory", async () => {
    const empty = await loadJoinPage(outsider, {}, db);
    expect(empty.scope).toEqual({ kind: "all" });
    expect(empty.results).toBeNull();
    const typed = await loadJoinPage(outsider, { q: "charly" }, db);
    expect(typed.results?.structures.map(({ name }) => name)).toEqual(["Œuvre de Charly"]);
  });

  it("searches the person's own territories by default, every territory on request", async () => {
    const mine = await loadJoinPage(memberOfA, {}, db);
    expect(mine.scope).toEqual({ kind: "mine", territoryNames: ["Territoire A"] });
    expect(mine.results?.structures.map(({ name }) => name)).toEqual(["Brouillon de A", "Centre social d'Essômes", "Médiathèque de Château-Thierry"]);
    expect(mine.results?.structures.find(({ name }) => name === "Médiathèque de Château-Thierry")).toMatchObject({ isMember: true, communes: ["Château-Thierry (02400)"] });

    const everywhere = await loadJoinPage(memberOfA, { territoire: "tous", q: "charly" }, db);
    expect(everywhere.scope).toEqual({ kind: "all" });
    expect(everywhere.search.territoire).toBe("tous");
    expect(everywhere.results?.structures.map(({ name }) => name)).toEqual(["Œuvre de Charly"]);
    expect((await loadJoinPage(memberOfA, { territoire: "tous" }, db)).results).toBeNull();
  });

  it("searches one chosen territory, and falls back to the default for an unknown one", async () => {
    const chosen = await loadJoinPage(outsider, { territoire: "territoire-b", page: "2" }, db);
    expect(chosen.scope).toEqual({ kind: "territory", territoryName: "Territoire B" });
    expect(chosen.search).toMatchObject({ territoire: "territoire-b", page: 1 });
    expect(chosen.results?.structures.map(({ name }) => name)).toEqual(["Œuvre de Charly"]);
    const unknown = await loadJoinPage(memberOfA, { territoire: "nulle-part", q: ["essomes", "autre"] }, db);
    expect(unknown.scope.kind).toBe("mine");
    expect(unknown.results?.structures.map(({ name }) => name)).toEqual(["Centre social d'Essômes"]);
  });

  it("shows where the person stands: a pending request", async () => {
    await db.joinRequest.create({ data: { structureId: ids["Œuvre de Charly"]!, userId: outsider.userId } });
    const found = await loadJoinPage(outsider, { q: "charly" }, db);
    expect(found.results?.structures[0]).toMatchObject({ requestStatus: "pending", isMember: false });
  });
});
