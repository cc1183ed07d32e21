import { afterEach, describe, expect, it, vi } from "vitest";

vi.mock("@/lib/db", () => ({ db: {} }));

afterEach(() => vi.unstubAllEnvs());

describe("OpenID Connect sign-in", () => {
  it("is off unless issuer, client id and secret are all configured", async () => {
    const { openIdProvider } = await import("./options");
    vi.stubEnv("OIDC_ISSUER", "https://auth.exemple.fr/api/v2");
    vi.stubEnv("OIDC_CLIENT_ID", "toile");
    vi.stubEnv("OIDC_CLIENT_SECRET", "");
    expect(openIdProvider()).toEqual([]);
  });

  it("uses the issuer's discovery document, PKCE, state and nonce when configured", async () => {
    const { openIdProvider } = await import("./options");
    vi.stubEnv("OIDC_ISSUER", "https://auth.exemple.fr/api/v2/");
    vi.stubEnv("OIDC_CLIENT_ID", "toile");
    vi.stubEnv("OIDC_CLIENT_SECRET", "secret");
    const [provider] = openIdProvider() as unknown as [Record<string, unknown> & { profile: (p: object) => unknown }];
    expect(provider).toMatchObject({
      id: "oidc",
      name: "ProConnect",
      wellKnown: "https://auth.exemple.fr/api/v2/.well-known/openid-configuration",
      checks: ["pkce", "state", "nonce"],
    });
    expect(provider.profile({ sub: "abc", email: "Agent@Exemple.FR", given_name: "Inès", usual_name: "Roux" })).toEqual({
      id: "abc",
      email: "agent@exemple.fr",
      name: "Inès Roux",
    });
  });
});
