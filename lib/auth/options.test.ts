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

  it("speaks ProConnect: acr_values, the siret scope and claim, a signed userinfo JWT", async () => {
    const { openIdProvider } = await import("./options");
    vi.stubEnv("OIDC_ISSUER", "https://auth.exemple.fr/api/v2");
    vi.stubEnv("OIDC_CLIENT_ID", "toile");
    vi.stubEnv("OIDC_CLIENT_SECRET", "secret");
    vi.stubEnv("OIDC_ACR_VALUES", "eidas1");
    const [provider] = openIdProvider() as unknown as [Record<string, unknown> & { profile: (p: object) => unknown }];
    expect(provider).toMatchObject({
      authorization: { params: { scope: "openid email given_name usual_name siret", acr_values: "eidas1" } },
      client: { id_token_signed_response_alg: "RS256", userinfo_signed_response_alg: "RS256" },
      idToken: true,
    });
    expect(provider.profile({ sub: "abc", email: "agent@exemple.fr", usual_name: "Roux", siret: "99999000100011" })).toEqual({
      id: "abc",
      email: "agent@exemple.fr",
      name: "Roux",
      siret: "99999000100011",
    });
  });

  it("asks no acr_values unless configured, and reads a plain JSON userinfo when told to", async () => {
    const { openIdProvider } = await import("./options");
    vi.stubEnv("OIDC_ISSUER", "https://auth.exemple.fr");
    vi.stubEnv("OIDC_CLIENT_ID", "toile");
    vi.stubEnv("OIDC_CLIENT_SECRET", "secret");
    vi.stubEnv("OIDC_USERINFO_SIGNED_ALG", "json");
    const [provider] = openIdProvider() as unknown as [{ authorization: { params: object }; client: object }];
    expect(provider.authorization.params).not.toHaveProperty("acr_values");
    expect(provider.client).toEqual({ id_token_signed_response_alg: "RS256" });
  });
});
