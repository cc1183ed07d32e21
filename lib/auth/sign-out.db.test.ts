import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createSession, createSessionForEmail } from "./dev";
import { endSessions } from "./sign-out";

const person = async (email: string) => db.user.create({ data: { email, name: email } });
const tokensOf = async (userId: string) => (await db.session.findMany({ where: { userId }, select: { sessionToken: true } })).map((s) => s.sessionToken).sort();

describe("endSessions", () => {
  it("ends this session only, or every session of its person with « partout », never another person's", async () => {
    const ana = await person("ana@exemple.fr");
    const bruno = await person("bruno@exemple.fr");
    const [here, phone, laptop] = [await createSession(db, ana.id), await createSession(db, ana.id), await createSession(db, ana.id)];
    const brunos = await createSession(db, bruno.id);

    await endSessions(db, here.sessionToken, false);
    expect(await tokensOf(ana.id)).toEqual([phone.sessionToken, laptop.sessionToken].sort());

    await endSessions(db, phone.sessionToken, true);
    expect(await tokensOf(ana.id)).toEqual([]);
    expect(await tokensOf(bruno.id)).toEqual([brunos.sessionToken]);
  });

  it("does nothing for an unknown token", async () => {
    const carla = await person("carla@exemple.fr");
    const session = await createSession(db, carla.id);
    await endSessions(db, "inconnu", true);
    await endSessions(db, "inconnu", false);
    expect(await tokensOf(carla.id)).toEqual([session.sessionToken]);
  });
});

describe("createSessionForEmail (development sign-in)", () => {
  it("opens a session for an existing account and none for an unknown address", async () => {
    const dora = await person("dora@exemple.fr");
    const session = await createSessionForEmail(db, "dora@exemple.fr");
    expect(await tokensOf(dora.id)).toEqual([session!.sessionToken]);
    expect(await createSessionForEmail(db, "personne@exemple.fr")).toBeNull();
  });
});
