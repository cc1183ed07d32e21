/**
 * A real OpenID provider for the end-to-end tests (the certified `oidc-provider` package),
 * configured like ProConnect: the authorization request must carry acr_values=eidas1, scopes are
 * claim names (`given_name`, `usual_name`, `siret`…), userinfo is answered as a signed JWT
 * (application/jwt) and holds the person's claims (the id_token only `sub`), and sign-out is
 * RP-initiated with id_token_hint (required here, as ProConnect does).
 *
 * Started by playwright.config.ts (a second webServer). Its login page is oidc-provider's
 * development one: any password, the login is the account below.
 */
import { generateKeyPairSync } from "node:crypto";
import Provider, { type ClientMetadata } from "oidc-provider";

const port = Number(process.env.OIDC_PORT ?? 3402);
const appUrl = (process.env.E2E_APP_URL ?? "http://localhost:3401").replace(/\/$/, "");
const issuer = `http://localhost:${port}`;

/** The app's registration, the same as the app server's OIDC_CLIENT_ID/SECRET (playwright.config.ts). */
const clientId = process.env.OIDC_CLIENT_ID ?? "toile-e2e";
const clientSecret = process.env.OIDC_CLIENT_SECRET ?? "toile-e2e-client-secret";

/** ProConnect-like accounts, by login. The SIRET is the demo's "Espace France Services du Val de Lise". */
const ACCOUNTS: Record<string, Record<string, string>> = {
  "agent.france-services": {
    email: "agent.proconnect@exemple.fr",
    given_name: "Inès",
    usual_name: "Roux",
    siret: "99999000100011",
  },
};

const client: ClientMetadata = {
  client_id: clientId,
  client_secret: clientSecret,
  redirect_uris: [`${appUrl}/api/auth/callback/oidc`],
  post_logout_redirect_uris: [`${appUrl}/`],
  response_types: ["code"],
  grant_types: ["authorization_code"],
  token_endpoint_auth_method: "client_secret_basic",
  id_token_signed_response_alg: "RS256",
  userinfo_signed_response_alg: "RS256",
};

const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });

const provider = new Provider(issuer, {
  clients: [client],
  jwks: { keys: [{ ...privateKey.export({ format: "jwk" }), kid: "e2e", use: "sig", alg: "RS256" }] },
  cookies: { keys: ["toile-e2e-oidc-cookies"] },
  scopes: ["openid", "email", "given_name", "usual_name", "siret"],
  claims: {
    openid: ["sub"],
    email: ["email", "email_verified"],
    given_name: ["given_name"],
    usual_name: ["usual_name"],
    siret: ["siret"],
  },
  acrValues: ["eidas1"],
  pkce: { required: () => true },
  features: {
    devInteractions: { enabled: true },
    jwtUserinfo: { enabled: true },
    rpInitiatedLogout: { enabled: true },
  },
  async findAccount(_ctx, sub) {
    const claims = ACCOUNTS[sub];
    if (!claims) return undefined;
    return { accountId: sub, claims: () => ({ sub, ...claims, email_verified: true }) };
  },
});

// ProConnect's requirements, refused here as a 400 rather than guessed: an authorization request
// without acr_values=eidas1, a sign-out without id_token_hint.
provider.use(async (ctx, next) => {
  if (ctx.path === "/auth" && ctx.method === "GET" && ctx.query.acr_values !== "eidas1") {
    ctx.status = 400;
    ctx.body = "acr_values=eidas1 est requis";
    return;
  }
  if (ctx.path === "/session/end" && ctx.method === "GET" && !ctx.query.id_token_hint) {
    ctx.status = 400;
    ctx.body = "id_token_hint est requis";
    return;
  }
  await next();
});

provider.listen(port, () => console.log(`Fournisseur OpenID de test : ${issuer}`));
