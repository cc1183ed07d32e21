/**
 * `npm run test:cluster` (a step of `npm test`, after the production build): two production
 * instances of Toile on one PostgreSQL database, as a deployment runs them behind a load
 * balancer (docs/deploy.md), and what must hold between them (issue 20):
 *
 * - a write through A is found by B's public search within a second (Territory.searchVersion);
 * - each transfer timer (expiry, the two reminders) runs once, and each email reaches the SMTP
 *   server once, although both instances run the timers and the outbox;
 * - a magic link asked on A signs in on B, and the session is valid on both; a rate limit counted
 *   on A applies on B;
 * - an import committed on A is visible on B (its search and its API).
 *
 * It needs a PostgreSQL server (TEST_DATABASE_URL), where it creates the database `toile_cluster`
 * and drops it at the end. The embedded database cannot stand in: it is one PostgreSQL session
 * shared by every connection, so two instances' transactions would interleave and their row locks
 * (`FOR UPDATE SKIP LOCKED`, the timers' conditional updates) would prove nothing. Without
 * TEST_DATABASE_URL it says so and stops: a failure under CI (CI set), a skip elsewhere.
 *
 * Ports: CLUSTER_PORT=<n> uses n (A), n+1 (B) and n+2 (the SMTP sink); otherwise free ones.
 * Chromium from /usr/bin/chromium (CHROMIUM_PATH), as the end-to-end tests.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { createInterface } from "node:readline";
import { chromium, type Browser, type Page } from "@playwright/test";
import pg from "pg";
import { prepareDatabase } from "@/lib/database/prepare";
import { DEMO_TERRITORY_SLUG } from "@/lib/demo/territory";
import { newTransferCode } from "@/lib/transfers/code";
import { dataKey, encryptPersonalDetails } from "@/lib/transfers/personal-data";
import { addCalendarDays, addWorkingDays } from "@/lib/transfers/working-days";
import { LMN_EXAMPLE_CSV } from "@/tests/support/fixtures";
import { startSmtpSink, type SmtpSink } from "@/tests/support/smtp-sink";
import { urlForDatabase, withAdmin } from "@/tests/support/test-database";
import { needsBuild, ROOT } from "./lib/serve";

const DATABASE = "toile_cluster";
const SECOND = 1000;
const HOUR = 3600 * SECOND;
const DAY = 24 * HOUR;
/** The transfer timers' period (lib/transfers/worker.ts): each instance's first run comes this long after it starts. */
const TIMERS_PERIOD_MS = 3 * SECOND;
/** Past this, everything is stopped and the run fails (npm test's own limit for the step is 10 minutes). */
const WHOLE_RUN_LIMIT_MS = 8 * 60 * SECOND;

const COORDINATOR = "coordination@val-de-lise.exemple.fr";
/** A member of the structure that sends the transfers the test writes. */
const SENDER = "informaticien@lien-numerique.exemple.org";
const IMPORT_TERRITORY = "grappe-import";
/** A word no demo data holds: the offer renamed through A is searched for with it on B. */
const MARK = "Zorbaline";

class CheckFailed extends Error {}

/** The checks passed and failed, for npm test's closing line (scripts/test.ts reads CLUSTER_REPORT). */
const report: { passed: string[]; failed: string[] } = { passed: [], failed: [] };
const CLUSTER_REPORT = path.join(ROOT, "test-reports/cluster.json");

function passed(message: string) {
  report.passed.push(message);
  console.log(`✓ ${message}`);
}

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new CheckFailed(message);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const elapsed = (since: number) => `${((Date.now() - since) / SECOND).toFixed(1)} s`;

// ---------------------------------------------------------------------------------------------
// Instances

interface Instance {
  name: string;
  url: string;
  child: ChildProcess;
  /** Every line it wrote (JSON lines of the server log, and Next's own). */
  lines: string[];
  /** When it answered its health check first (its workers started just before). */
  readyAt: number;
}

function startInstance(name: string, port: number, env: NodeJS.ProcessEnv): Omit<Instance, "readyAt"> {
  const child = spawn(process.execPath, [path.join(ROOT, "scripts/next-server.mjs"), "start", String(port)], {
    cwd: ROOT,
    env: { ...env, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  for (const stream of [child.stdout!, child.stderr!]) createInterface({ input: stream }).on("line", (line) => lines.push(line));
  return { name, url: `http://localhost:${port}`, child, lines };
}

async function waitUntilHealthy(instance: Omit<Instance, "readyAt">): Promise<Instance> {
  const started = Date.now();
  while (Date.now() - started < 120 * SECOND) {
    check(instance.child.exitCode === null, `l'instance ${instance.name} s'est arrêtée au démarrage (code ${instance.child.exitCode})`);
    try {
      const response = await fetch(`${instance.url}/api/sante`);
      if (response.status === 200) {
        check((await response.json()).ok === true, `/api/sante de ${instance.name} ne répond pas {"ok":true}`);
        return { ...instance, readyAt: Date.now() };
      }
    } catch {
      // Not listening yet.
    }
    await sleep(200);
  }
  throw new CheckFailed(`l'instance ${instance.name} ne répond pas sur /api/sante après 120 s`);
}

async function stopInstance(instance: Pick<Instance, "child">): Promise<void> {
  const { child } = instance;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const stopped = await Promise.race([exited.then(() => true), sleep(10 * SECOND).then(() => false)]);
  if (!stopped) {
    child.kill("SIGKILL");
    await exited;
  }
}

/** The server log's JSON lines whose message starts with `prefix`. */
function logLines(instance: Instance, prefix: string): Record<string, unknown>[] {
  return instance.lines.flatMap((line) => {
    if (!line.startsWith("{")) return [];
    try {
      const entry = JSON.parse(line) as Record<string, unknown>;
      return typeof entry.msg === "string" && entry.msg.startsWith(prefix) ? [entry] : [];
    } catch {
      return [];
    }
  });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Data the checks start from, written straight into the database

interface DueTransfer {
  id: string;
  code: string;
  /** The timer's event expected once (TransferEvent.type). */
  event: "expired" | "reminder.accept" | "reminder.acknowledge";
}

/** The latest sending instant (hour by hour back from `now`) for which `dueAt(sentAt)` is an hour past. */
function sentAtFor(now: Date, dueAt: (sentAt: Date) => Date): Date {
  for (let hours = 1; hours < 60 * 24; hours++) {
    const sentAt = new Date(now.getTime() - hours * HOUR);
    if (dueAt(sentAt).getTime() <= now.getTime() - HOUR) return sentAt;
  }
  throw new Error("no sending date makes this timer due");
}

/**
 * Three sent transfers for each timer of the demo territory: expired (sent past the expiry delay),
 * due for the accept reminder (and not yet for expiry), due for the acknowledge reminder only.
 * Dates come from the territory's own settings and calendar, counted back from now.
 */
async function insertDueTransfers(client: pg.Client, now: Date): Promise<DueTransfer[]> {
  const { rows: territories } = await client.query<{
    id: string;
    country: "FR" | "BE";
    timeZone: string;
    ack: number;
    accept: number;
    expiry: number;
  }>(
    `select id, country, "timeZone", "transferAckReminderWorkingDays" as ack, "transferAcceptReminderWorkingDays" as accept,
            "transferExpiryDays" as expiry from "Territory" where slug = $1`,
    [DEMO_TERRITORY_SLUG],
  );
  const territory = territories[0]!;
  const calendar = { country: territory.country, timeZone: territory.timeZone };
  const structureOf = async (email: string) =>
    (
      await client.query<{ id: string }>(
        `select m."structureId" as id from "StructureMembership" m join "User" u on u.id = m."userId" where u.email = $1 limit 1`,
        [email],
      )
    ).rows[0]!.id;
  const from = await structureOf(SENDER);
  const to = await structureOf("accueil@franceservices.exemple.fr");

  const expiresAt = (sentAt: Date) => addCalendarDays(sentAt, territory.expiry, territory.timeZone);
  const kinds: [DueTransfer["event"], Date][] = [
    ["expired", new Date(now.getTime() - (territory.expiry + 3) * DAY)],
    ["reminder.accept", sentAtFor(now, (sentAt) => addWorkingDays(sentAt, territory.accept, calendar))],
    ["reminder.acknowledge", sentAtFor(now, (sentAt) => addWorkingDays(sentAt, territory.ack, calendar))],
  ];
  const transfers: DueTransfer[] = [];
  for (const [event, sentAt] of kinds) {
    if (event !== "expired") check(expiresAt(sentAt).getTime() > now.getTime() + DAY, `un transfert dû pour « ${event} » expirerait déjà`);
    if (event === "reminder.acknowledge") {
      check(addWorkingDays(sentAt, territory.accept, calendar).getTime() > now.getTime() + HOUR, "le rappel d'acceptation serait déjà dû");
    }
    for (let index = 0; index < 3; index++) {
      const id = randomUUID();
      const code = newTransferCode();
      await client.query(
        `insert into "Transfer" (id, code, "territoryId", "parcoursId", "fromStructureId", "toStructureId", "idempotencyKey", level,
                                 status, "needDescription", equipment, "consentScope", "sentAt", "createdAt", "updatedAt")
         values ($1::uuid, $2, $3, $1::uuid, $4, $5, $1::text, 'accompanied', 'sent', 'Essai à deux instances', '{}', '{}', $6, $6, now())`,
        [id, code, territory.id, from, to, sentAt],
      );
      transfers.push({ id, code, event });
    }
  }
  return transfers;
}

/** The phone number a person consented to give, encrypted with the instances' TOILE_DATA_KEY. */
const CONSENTED_PHONE = "06 12 34 56 78";

/**
 * A transfer just sent (nothing due) between the same structures as `like`, holding details
 * encrypted with `key`, and a session (as next-auth writes one) of a member of its sending structure.
 */
async function insertTransferWithDetails(client: pg.Client, like: string, key: string, now: Date): Promise<{ id: string; sessionToken: string }> {
  const id = randomUUID();
  const encrypted = encryptPersonalDetails({ phone: CONSENTED_PHONE, email: null, language: null, accessibilityNeeds: null }, dataKey(key));
  await client.query(
    `insert into "Transfer" (id, code, "territoryId", "parcoursId", "fromStructureId", "toStructureId", "idempotencyKey", level, status,
                             "needDescription", equipment, "consentScope", "personLabel", "personalDetailsEncrypted", "consentGivenAt",
                             "sentAt", "createdAt", "updatedAt")
     select $1::uuid, $2, "territoryId", $1::uuid, "fromStructureId", "toStructureId", $1::text, 'accompanied', 'sent',
            'Essai à deux instances', '{}', '{contact}', 'Camille', $3, $4, $4, $4, now()
     from "Transfer" where id = $5`,
    [id, newTransferCode(), encrypted, now, like],
  );
  const sessionToken = randomBytes(32).toString("hex");
  // The expiry on the app's clock (this machine's), as next-auth writes it.
  await client.query(
    `insert into "Session" (id, "sessionToken", "userId", expires) select gen_random_uuid(), $1, id, $3 from "User" where email = $2`,
    [sessionToken, SENDER, new Date(now.getTime() + DAY)],
  );
  return { id, sessionToken };
}

/** A territory of its own for the import, coordinated by COORDINATOR. */
async function insertImportTerritory(client: pg.Client): Promise<void> {
  await client.query(
    `insert into "Territory" (id, slug, name, country, "updatedAt") values (gen_random_uuid(), $1, 'Essai à deux instances', 'FR', now())`,
    [IMPORT_TERRITORY],
  );
  await client.query(
    `insert into "TerritoryCoordinator" ("userId", "territoryId") select u.id, t.id from "User" u, "Territory" t where u.email = $1 and t.slug = $2`,
    [COORDINATOR, IMPORT_TERRITORY],
  );
}

/** The timers' events (reminders, expiry) in the database. */
const TIMER_EVENTS = `select count(*) from "TransferEvent" where "actorId" is null and type in ('expired', 'reminder.accept', 'reminder.acknowledge')`;

/** What the database holds before the instances start (the demo's history): the checks count what comes after. */
interface Marks {
  outbox: string[];
  timerEvents: number;
}

async function marks(client: pg.Client): Promise<Marks> {
  return {
    outbox: (await client.query<{ id: string }>(`select id from "OutboxEmail"`)).rows.map((row) => row.id),
    timerEvents: Number((await client.query<{ count: string }>(TIMER_EVENTS)).rows[0]!.count),
  };
}

// ---------------------------------------------------------------------------------------------
// The checks

interface Cluster {
  a: Instance;
  b: Instance;
  sink: SmtpSink;
  browser: Browser;
  page: Page;
  query: <R extends pg.QueryResultRow>(sql: string, params?: unknown[]) => Promise<R[]>;
  /** The number a `select count(*) …` answers. */
  count: (sql: string, params?: unknown[]) => Promise<number>;
}

async function getText(url: string): Promise<{ status: number; body: string }> {
  const response = await fetch(url, { redirect: "manual" });
  return { status: response.status, body: await response.text() };
}

/** c. A magic link asked on A opens a session on B; the session holds on both. */
async function sessionIsShared({ a, b, page, query, count }: Cluster): Promise<void> {
  const before = await count(`select count(*) from "OutboxEmail" where "to" = $1`, [COORDINATOR]);
  await page.goto(`${a.url}/connexion?callbackUrl=%2Fcompte`);
  await page.getByLabel("Adresse courriel").fill(COORDINATOR);
  await page.getByRole("button", { name: "Recevoir mon lien de connexion" }).click();
  await page.getByRole("heading", { level: 1, name: "Regardez vos courriels" }).waitFor();
  let link: string | undefined;
  for (let attempt = 0; attempt < 50 && !link; attempt++) {
    const emails = await query<{ text: string }>(`select text from "OutboxEmail" where "to" = $1 order by "createdAt" desc`, [COORDINATOR]);
    if (emails.length > before) link = emails[0]!.text.match(/https?:\/\/\S+/)?.[0];
    else await sleep(100);
  }
  check(link, "aucun lien de connexion dans la file d'envoi après la demande faite à A");
  // The link names the canonical address (NEXTAUTH_URL, A's here): opened on B instead, as a load
  // balancer may send it there. The token is hashed with NEXTAUTH_SECRET: B must have A's.
  const onB = new URL(link);
  onB.host = new URL(b.url).host;
  await page.goto(onB.toString());
  for (const instance of [b, a]) {
    const response = await page.goto(`${instance.url}/compte`);
    check(response?.status() === 200, `/compte sur ${instance.name} répond ${response?.status()} avec la session ouverte sur B`);
    check(
      (await page.getByRole("heading", { level: 1 }).textContent()) === "Mon compte" && (await page.content()).includes(COORDINATOR),
      `/compte sur ${instance.name} ne montre pas le compte de ${COORDINATOR}`,
    );
  }
  passed("session : le lien demandé sur A ouvre une session sur B, valable sur A et sur B (/compte 200 avec le compte)");
}

/** a. An offer renamed through A is found by B's public search within a second. */
async function searchFollowsWrites({ a, b, page, query }: Cluster): Promise<void> {
  const [offer] = await query<{ id: string; structureId: string; title: string }>(
    `select o.id, o."structureId", o.title from "Offer" o join "Territory" t on t.id = o."territoryId"
     where t.slug = $1 and o.status = 'published' order by o.title limit 1`,
    [DEMO_TERRITORY_SLUG],
  );
  check(offer, "aucune offre publiée dans le territoire de démonstration");
  const searchOnB = `${b.url}/t/${DEMO_TERRITORY_SLUG}/recherche?q=${MARK}`;
  const offerLink = `/t/${DEMO_TERRITORY_SLUG}/offres/${offer.id}`;
  // B loads the territory's index now, before the write: what it finds next must come from a reload.
  const before = await getText(searchOnB);
  check(before.status === 200, `la recherche de B répond ${before.status}`);
  check(!before.body.includes(offerLink), `la recherche « ${MARK} » de B trouve déjà l'offre avant qu'elle soit renommée`);

  const title = `${offer.title} ${MARK}`;
  await page.goto(`${a.url}/structures/${offer.structureId}/offres/${offer.id}`);
  await page.getByLabel("Intitulé de l'offre").fill(title);
  await page.getByRole("button", { name: "Enregistrer l'offre" }).click();
  await page.getByText("Modifications enregistrées.").waitFor({ timeout: 30 * SECOND });
  const saved = Date.now();
  // Searches one after another for a second: the write counts as seen within it when a search
  // started before the second was over finds it (a reload of B's index is part of that search).
  let found = false;
  let searches = 0;
  while (!found && Date.now() - saved <= SECOND) {
    searches += 1;
    const { status, body } = await getText(searchOnB);
    found = status === 200 && body.includes(offerLink) && body.includes(MARK);
  }
  const after = Date.now() - saved;
  check(found, `la recherche de B ne trouve pas l'offre renommée par A une seconde après l'enregistrement (${searches} recherches)`);
  passed(`recherche : l'offre renommée par A est trouvée par la recherche de B ${after} ms après l'enregistrement (${searches} recherche${searches > 1 ? "s" : ""})`);
}

/** c. The fiche lookups' limit (30 per 10 minutes and address) counted on A and B together. */
async function rateLimitIsShared({ a, b }: Cluster): Promise<void> {
  const lookup = async (instance: Instance) => (await fetch(`${instance.url}/fiche/TR-3333-33`, { redirect: "manual" })).status;
  const statuses: number[] = [];
  for (let index = 0; index < 15; index++) statuses.push(await lookup(a));
  for (let index = 0; index < 15; index++) statuses.push(await lookup(b));
  check(statuses.every((status) => status === 404), `les 30 premières recherches de fiche ne répondent pas toutes 404 : ${statuses.join(" ")}`);
  const [onA, onB] = [await lookup(a), await lookup(b)];
  check(onA === 429 && onB === 429, `la 31e recherche de fiche répond ${onA} sur A et ${onB} sur B, 429 attendu sur les deux`);
  passed("limite de fréquence : 15 recherches de fiche sur A et 15 sur B épuisent la limite de 30 ; la suivante est refusée (429) sur A comme sur B");
}

/** d. An import committed on A is visible on B: its search and its API. */
async function importIsShared({ a, b, page, query }: Cluster): Promise<void> {
  const searchOnB = `${b.url}/t/${IMPORT_TERRITORY}/recherche?q=numerique`;
  const before = await getText(searchOnB);
  check(before.status === 200, `la recherche de B dans le territoire d'import répond ${before.status}`);
  check(!before.body.includes(`/t/${IMPORT_TERRITORY}/offres/`), "la recherche de B trouve des offres avant l'import");

  await page.goto(`${a.url}/territoires/${IMPORT_TERRITORY}/import`);
  await page.getByLabel("Fichier (CSV, JSON ou XLSX, 20 Mo au plus)").setInputFiles(LMN_EXAMPLE_CSV);
  await page.getByRole("button", { name: "Prévisualiser" }).click();
  await page.getByRole("button", { name: "Confirmer l'import" }).waitFor({ timeout: 60 * SECOND });
  check(page.url().startsWith(`${a.url}/`), "l'import n'a pas été fait sur A");
  await page.getByRole("button", { name: "Confirmer l'import" }).click();
  await page.getByRole("heading", { name: "Import terminé" }).waitFor({ timeout: 60 * SECOND });

  const structures = await query<{ id: string; name: string }>(
    `select s.id, s.name from "Structure" s join "Territory" t on t.id = s."territoryId" where t.slug = $1 order by s.id`,
    [IMPORT_TERRITORY],
  );
  const offers = await query<{ id: string }>(
    `select o.id from "Offer" o join "Territory" t on t.id = o."territoryId" where t.slug = $1 and o.status = 'published'`,
    [IMPORT_TERRITORY],
  );
  check(structures.length > 0 && offers.length > 0, "l'import terminé n'a créé aucune structure ni offre publiée");

  const api = await fetch(`${b.url}/api/v1/territories/${IMPORT_TERRITORY}/structures?limit=200`);
  check(api.status === 200, `l'API de B répond ${api.status}`);
  const listed = JSON.stringify(await api.json());
  const missing = structures.filter((structure) => !listed.includes(structure.id));
  check(missing.length === 0, `l'API de B ne donne pas ${missing.length} des ${structures.length} structures importées`);

  const after = await getText(searchOnB);
  const shown = offers.filter((offer) => after.body.includes(`/t/${IMPORT_TERRITORY}/offres/${offer.id}`));
  check(shown.length > 0, "la recherche de B ne trouve aucune offre importée par A");
  passed(
    `import : ${structures.length} structure(s) et ${offers.length} offre(s) importée(s) sur A sont dans l'API de B, et sa recherche en trouve ${shown.length} sans redémarrer`,
  );
}

/** The second shared key: details encrypted with TOILE_DATA_KEY are read on A and on B. */
async function dataKeyIsShared({ a, b }: Cluster, transfer: { id: string; sessionToken: string }): Promise<void> {
  for (const instance of [a, b]) {
    const response = await fetch(`${instance.url}/transferts/${transfer.id}`, {
      headers: { cookie: `next-auth.session-token=${transfer.sessionToken}` },
      redirect: "manual",
    });
    const body = await response.text();
    check(response.status === 200, `/transferts/<id> sur ${instance.name} répond ${response.status} au membre de la structure qui l'a envoyé`);
    check(!body.includes("ne peuvent pas être déchiffrées"), `${instance.name} ne déchiffre pas les coordonnées : sa TOILE_DATA_KEY n'est pas celle qui les a chiffrées`);
    check(body.includes(CONSENTED_PHONE), `${instance.name} ne montre pas le téléphone de la personne sur la page du transfert`);
  }
  passed("clé des données : les coordonnées chiffrées d'un transfert se lisent sur A comme sur B");
}

/**
 * b. Each timer once: every instance has run the timers (every TOILE_TIMERS_INTERVAL_MS, 3 s here, from when it
 * started), each due transfer has its event once, its emails are in the outbox once, and every
 * email sent reached the SMTP server once.
 */
async function timersRunOnce({ a, b, sink, query, count }: Cluster, transfers: DueTransfer[], before: Marks): Promise<void> {
  const codes = transfers.map((transfer) => transfer.code);
  const ids = transfers.map((transfer) => transfer.id);
  const bothRan = Math.max(a.readyAt, b.readyAt) + TIMERS_PERIOD_MS;
  const started = Date.now();
  // Done: both have run at least once, the expected events are all there and no email is left to send.
  for (;;) {
    const events = await count(`select count(*) from "TransferEvent" where "transferId" = any($1::uuid[]) and "actorId" is null`, [ids]);
    const pending = await count(`select count(*) from "OutboxEmail" where status = 'pending'`);
    if (Date.now() > bothRan + 5 * SECOND && events >= transfers.length && pending === 0) break;
    if (Date.now() - started >= 90 * SECOND) {
      // What the instances' connections are doing: a timer run waiting on a lock shows here.
      const activity = await query<{ state: string; wait: string | null; age: string; query: string }>(
        `select state, wait_event_type || ':' || wait_event as wait, (now() - query_start)::text as age, left(query, 160) as query
         from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`,
      );
      console.log(`  connexions des instances à la base : ${activity.length}`);
      for (const row of activity) console.log(`  [${row.state}] ${row.wait ?? ""} ${row.age} ${row.query.replace(/\s+/g, " ")}`);
      // Whether each instance still reaches the database through its own pool.
      for (const instance of [a, b]) {
        const health = await fetch(`${instance.url}/api/sante`, { signal: AbortSignal.timeout(5 * SECOND) }).then(
          (response) => String(response.status),
          (error: Error) => error.name,
        );
        console.log(`  /api/sante de ${instance.name} : ${health}`);
      }
      throw new CheckFailed(`après ${elapsed(started)} : ${events} événements sur ${transfers.length}, ${pending} courriels en attente`);
    }
    await sleep(500);
  }
  // One more delivery round of each instance (every 10 s): a second sending would show now.
  await sleep(11 * SECOND);

  const events = await query<{ transferId: string; type: string; count: string }>(
    `select "transferId", type, count(*) from "TransferEvent" where "transferId" = any($1::uuid[]) and "actorId" is null group by 1, 2`,
    [ids],
  );
  for (const transfer of transfers) {
    const mine = events.filter((event) => event.transferId === transfer.id);
    check(
      mine.length === 1 && mine[0]!.type === transfer.event && mine[0]!.count === "1",
      `transfert ${transfer.code} : ${mine.map((event) => `${event.type} × ${event.count}`).join(", ") || "aucun événement"} au lieu de ${transfer.event} × 1`,
    );
  }
  // Every worker event of the demo's own transfers too: never twice the same on a transfer.
  const twice = await query<{ transferId: string; type: string }>(
    `select "transferId", type from "TransferEvent" where "actorId" is null group by 1, 2 having count(*) > 1`,
  );
  check(twice.length === 0, `${twice.length} événements des minuteries écrits deux fois`);

  const outbox = await query<{ to: string; subject: string; status: string }>(
    `select "to", subject, status from "OutboxEmail" where not (id = any($1::uuid[]))`,
    [before.outbox],
  );
  for (const transfer of transfers) {
    const emails = outbox.filter((email) => email.subject.includes(transfer.code));
    const distinct = new Set(emails.map((email) => `${email.to}\n${email.subject}`));
    check(emails.length > 0, `transfert ${transfer.code} : aucun courriel`);
    check(distinct.size === emails.length, `transfert ${transfer.code} : un courriel écrit deux fois dans la file`);
  }
  check(outbox.every((email) => email.status === "sent"), "des courriels de la file ne sont pas envoyés");
  // The SMTP server received exactly the outbox: each row once, nothing more.
  const key = (to: string, subject: string) => `${to.toLowerCase()}\n${subject}`;
  const expected = outbox.map((email) => key(email.to, email.subject)).sort();
  const received = sink.messages.flatMap((message) => message.to.map((to) => key(to, message.subject))).sort();
  const extra = received.filter((item, index) => item !== expected[index]);
  check(
    received.length === expected.length && extra.length === 0,
    `le serveur SMTP a reçu ${received.length} courriels pour ${expected.length} dans la file (premier écart : ${JSON.stringify(extra[0] ?? "")})`,
  );
  const mineSent = outbox.filter((email) => codes.some((code) => email.subject.includes(code))).length;

  // Who did what: the timers' log lines of each instance add up to the events written.
  const worked = (instance: Instance) =>
    logLines(instance, "Transferts :").reduce<number>((sum, entry) => {
      const counts = entry.counts as { expired: number; acceptReminders: number; ackReminders: number };
      return sum + counts.expired + counts.acceptReminders + counts.ackReminders;
    }, 0);
  const total = (await count(TIMER_EVENTS)) - before.timerEvents;
  check(worked(a) + worked(b) === total, `les journaux comptent ${worked(a)} + ${worked(b)} actions des minuteries, la base ${total}`);
  passed(
    `minuteries : ${transfers.length} transferts dus (3 expirations, 3 rappels d'acceptation, 3 rappels « bien reçu ») traités une fois chacun ` +
      `(${total} actions des minuteries pendant le test : ${worked(a)} par A, ${worked(b)} par B) ; ` +
      `${mineSent} courriels pour eux, ${outbox.length} envoyés en tout pendant le test, chacun reçu une fois par le serveur SMTP`,
  );
}

/**
 * g. The logs an operator collects: every line either instance wrote is one JSON object; each
 * request has its line (id, method, route, status, duration); no line holds an email address of
 * the people the test acted for, nor a session token, nor a query string.
 */
function logsAreStructured({ a, b }: Cluster): void {
  let requests = 0;
  for (const instance of [a, b]) {
    for (const line of instance.lines) {
      let entry: Record<string, unknown>;
      try {
        entry = JSON.parse(line) as Record<string, unknown>;
      } catch {
        throw new CheckFailed(`une ligne de l'instance ${instance.name} n'est pas du JSON : ${line.slice(0, 160)}`);
      }
      check(typeof entry.level === "string" && typeof entry.time === "string", `une ligne de ${instance.name} sans niveau ni heure : ${line.slice(0, 160)}`);
      check(!line.includes(COORDINATOR) && !/session-token=|[?&]email=/.test(line), `une ligne de ${instance.name} contient une donnée personnelle : ${line.slice(0, 160)}`);
      if (entry.msg !== "requête") continue;
      requests++;
      check(
        typeof entry.requestId === "string" && typeof entry.method === "string" && typeof entry.route === "string" && typeof entry.status === "number" && typeof entry.durationMs === "number",
        `une ligne de requête de ${instance.name} incomplète : ${line.slice(0, 160)}`,
      );
      check(!(entry.route as string).includes("?"), `une route journalisée avec sa requête : ${entry.route as string}`);
    }
  }
  check(requests > 0, "aucune ligne de requête dans les journaux des instances");
  passed(`journaux : ${a.lines.length + b.lines.length} lignes JSON, dont ${requests} lignes de requête (id, méthode, route, statut, durée), sans donnée personnelle`);
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    console.log(
      "Deux instances, une base : il faut un serveur PostgreSQL (TEST_DATABASE_URL). La base intégrée est une seule session " +
        "PostgreSQL partagée par toutes les connexions : deux instances y mêleraient leurs transactions et leurs verrous ne prouveraient rien.",
    );
    if (process.env.CI) {
      console.log("✗ En intégration continue, ce test doit tourner : définissez TEST_DATABASE_URL.");
      return 1;
    }
    console.log("Test non lancé (hors intégration continue).");
    return 0;
  }
  if (needsBuild()) {
    console.log("✗ La construction de production manque ou est plus ancienne que le code : lancez d'abord `npx next build`.");
    return 1;
  }

  const base = Number(process.env.CLUSTER_PORT) || 0;
  const [portA, portB, portSmtp] = base ? [base, base + 1, base + 2] : [await freePort(), await freePort(), await freePort()];
  const databaseUrl = urlForDatabase(serverUrl, DATABASE);
  const started = Date.now();
  const instances: Omit<Instance, "readyAt">[] = [];
  let sink: SmtpSink | undefined;
  let browser: Browser | undefined;
  let client: pg.Client | undefined;
  let cleaning: Promise<void> | undefined;
  const cleanup = () =>
    (cleaning ??= (async () => {
      await browser?.close().catch(() => {});
      await Promise.all(instances.map(stopInstance));
      await sink?.close();
      await client?.end().catch(() => {});
      await withAdmin(serverUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS "${DATABASE}" WITH (FORCE)`));
    })());
  const interrupted = (reason: string) => {
    console.log(`✗ ${reason} : arrêt des instances et suppression de la base.`);
    void cleanup().finally(() => process.exit(1));
  };
  process.once("SIGINT", () => interrupted("interrompu"));
  process.once("SIGTERM", () => interrupted("interrompu"));
  const limit = setTimeout(() => interrupted(`plus de ${WHOLE_RUN_LIMIT_MS / 60_000} minutes`), WHOLE_RUN_LIMIT_MS);
  limit.unref();

  try {
    await withAdmin(serverUrl, async (admin) => {
      await admin.query(`DROP DATABASE IF EXISTS "${DATABASE}" WITH (FORCE)`);
      await admin.query(`CREATE DATABASE "${DATABASE}"`);
    });
    await prepareDatabase({ url: databaseUrl, demo: true });
    client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const transfers = await insertDueTransfers(client, new Date());
    // What every instance of one site shares (docs/deploy.md): the two keys among the rest.
    const keys = { NEXTAUTH_SECRET: randomBytes(32).toString("base64url"), TOILE_DATA_KEY: randomBytes(32).toString("base64") };
    const withDetails = await insertTransferWithDetails(client, transfers[0]!.id, keys.TOILE_DATA_KEY, new Date());
    await insertImportTerritory(client);
    const before = await marks(client);
    console.log(`Base ${DATABASE} prête avec la démonstration et ${transfers.length} transferts dus (${elapsed(started)})`);

    sink = await startSmtpSink(portSmtp);
    // The database, the two keys, the canonical address, the mail server: the same for both.
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_MAX: "5",
      ...keys,
      NEXTAUTH_URL: `http://localhost:${portA}`,
      // No load balancer here: each instance is reached under its own address, as behind one that
      // keeps the client's Host (README, TOILE_TRUST_HOST); otherwise B would send everyone to A.
      TOILE_TRUST_HOST: "1",
      // The timers every 3 s rather than every minute: both instances run them many times over the
      // same due transfers, which tries "exactly once" harder, and the test waits seconds, not minutes.
      TOILE_TIMERS_INTERVAL_MS: String(TIMERS_PERIOD_MS),
      SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
      EMAIL_FROM: "Toile <ne-pas-repondre@toile.invalid>",
      LOG_LEVEL: "info",
    };
    const pending = [startInstance("A", portA, env), startInstance("B", portB, env)];
    instances.push(...pending);
    const [a, b] = await Promise.all(pending.map(waitUntilHealthy));
    console.log(`Instances A (${a!.url}) et B (${b!.url}) prêtes, /api/sante {"ok":true} (${elapsed(started)})`);

    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      // Never a faked process clock for Chromium (playwright.config.ts says why).
      env: Object.fromEntries(
        Object.entries(process.env).filter(([name, value]) => value !== undefined && name !== "LD_PRELOAD" && !name.startsWith("FAKETIME")),
      ) as Record<string, string>,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
    const page = await (await browser.newContext({ locale: "fr-FR" })).newPage();
    page.setDefaultTimeout(30 * SECOND);
    const db = client;
    const cluster: Cluster = {
      a: a!,
      b: b!,
      sink,
      browser,
      page,
      query: async <R extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => (await db.query<R>(sql, params)).rows,
      count: async (sql: string, params: unknown[] = []) => Number((await db.query<{ count: string }>(sql, params)).rows[0]!.count),
    };

    await sessionIsShared(cluster);
    await searchFollowsWrites(cluster);
    await rateLimitIsShared(cluster);
    await dataKeyIsShared(cluster, withDetails);
    await importIsShared(cluster);
    await timersRunOnce(cluster, transfers, before);
    logsAreStructured(cluster);
    console.log(`Deux instances, une base : tout est vérifié (${elapsed(started)})`);
    return 0;
  } catch (error) {
    report.failed.push(error instanceof CheckFailed ? error.message : (error as Error).message);
    console.log(`✗ ${error instanceof CheckFailed ? error.message : (error as Error).stack}`);
    for (const instance of instances) {
      console.log(`--- dernières lignes de l'instance ${instance.name} (toutes : test-reports/cluster-${instance.name}.log) ---`);
      for (const line of instance.lines.slice(-30)) console.log(line);
    }
    return 1;
  } finally {
    clearTimeout(limit);
    await cleanup();
    mkdirSync(path.dirname(CLUSTER_REPORT), { recursive: true });
    writeFileSync(CLUSTER_REPORT, JSON.stringify(report));
    // Each instance's whole output, to read after a failure.
    for (const instance of instances) writeFileSync(path.join(path.dirname(CLUSTER_REPORT), `cluster-${instance.name}.log`), `${instance.lines.join("\n")}\n`);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
