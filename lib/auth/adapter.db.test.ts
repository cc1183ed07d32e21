import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { normalizeEmail, toileAdapter } from "./adapter";

const adapter = toileAdapter(db);

describe("the next-auth adapter", () => {
  it("stores addresses trimmed and lower-case, and finds them whatever their case", async () => {
    const user = await adapter.createUser!({ email: "  Jose.Garcia@Exemple.FR ", emailVerified: null });
    expect(user.email).toBe("jose.garcia@exemple.fr");
    expect((await adapter.getUserByEmail!("JOSE.garcia@exemple.fr"))?.id).toBe(user.id);
    expect(normalizeEmail(" A@B.FR ")).toBe("a@b.fr");
  });

  it("lets a magic-link token be used once, even by two clicks at the same moment", async () => {
    const expires = new Date(Date.now() + 15 * 60_000);
    await adapter.createVerificationToken!({ identifier: "once@exemple.fr", token: "hashed-token", expires });
    const [first, second] = await Promise.all([
      adapter.useVerificationToken!({ identifier: "once@exemple.fr", token: "hashed-token" }),
      adapter.useVerificationToken!({ identifier: "once@exemple.fr", token: "hashed-token" }),
    ]);
    const used = [first, second].filter(Boolean);
    expect(used).toHaveLength(1);
    expect(used[0]!.expires.getTime()).toBe(expires.getTime());
    expect(await adapter.useVerificationToken!({ identifier: "once@exemple.fr", token: "hashed-token" })).toBeNull();
  });

  it("returns a session with its user, and forgets a deleted one", async () => {
    const user = await adapter.createUser!({ email: "session@exemple.fr", emailVerified: null });
    const expires = new Date(Date.now() + 60_000);
    await adapter.createSession!({ sessionToken: "token-1", userId: user.id, expires });
    expect((await adapter.getSessionAndUser!("token-1"))?.user.email).toBe("session@exemple.fr");
    await adapter.deleteSession!("token-1");
    expect(await adapter.getSessionAndUser!("token-1")).toBeNull();
  });
});
