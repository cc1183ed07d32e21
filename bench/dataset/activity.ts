/**
 * A year of network activity for the benchmark dataset (issue 19): about 1,000,000 transfers at
 * scale 1, with their events, written by PostgreSQL itself (INSERT … SELECT over generate_series,
 * one territory at a time) so that a million rows never cross the wire.
 *
 * Shape, per territory in proportion to its published structures: parcours of 1 (60 %), 2 (25 %),
 * 3 (10 %) or 4 (5 %) transfers; senders and receivers skewed towards a few structures (a few
 * France Services and CCAS receive most); each later transfer of a parcours sent by the previous
 * receiver a day after the previous one closed; ping-pong in one parcours in ten of those with
 * several transfers (the second sent back to the first sender); levels 50 / 35 / 15 %; earlier transfers
 * of a parcours declined or completed "referred elsewhere", the last completed (with an outcome),
 * declined, expired or cancelled — or still open when its times run past the reference date.
 * Events follow the timestamps (created, sent, acknowledged, accepted, then the closing one).
 * Every draw is a hash of (seed, parcours, step, what): same seed, same rows. Codes encode the row
 * number in the code alphabet, so they are unique.
 */
import type pg from "pg";

const PARCOURS_AT_SCALE_1 = 690_000;

export interface ActivityReport {
  transfers: number;
  events: number;
  milliseconds: number;
}

export async function writeActivity(client: pg.Client, options: { scale: number; seed: number; referenceDate: Date; slugPrefix: string; log: (line: string) => void }): Promise<ActivityReport> {
  const started = performance.now();
  // A deterministic draw in [0, 1) from a seed, a number and a label.
  await client.query(`
    CREATE OR REPLACE FUNCTION pg_temp.draw(seed int, n bigint, label text) RETURNS float8 LANGUAGE sql IMMUTABLE AS $$
      SELECT (hashtextextended(n::text || ':' || label, seed) & 9007199254740991)::float8 / 9007199254740992
    $$;
    CREATE OR REPLACE FUNCTION pg_temp.code(n bigint) RETURNS text LANGUAGE sql IMMUTABLE AS $$
      SELECT 'TR-' || substr(c, 1, 4) || '-' || substr(c, 5, 2) FROM (
        SELECT string_agg(substr('34679ACEFGHJKMNPRTWXY', ((n / (21 ^ i)::bigint) % 21)::int + 1, 1), '' ORDER BY i) AS c
        FROM generate_series(0, 5) i) s
    $$;`);
  const territories = await client.query<{ id: string; structures: number }>(
    `SELECT t.id, count(s.id)::int AS structures FROM "Territory" t JOIN "Structure" s ON s."territoryId" = t.id AND s.status = 'published'
     WHERE t.slug LIKE $1 GROUP BY t.id ORDER BY t.id`,
    [`${options.slugPrefix}%`],
  );
  const allStructures = territories.rows.reduce((sum, row) => sum + row.structures, 0);
  const reference = options.referenceDate.toISOString();
  let offset = 0;
  let transfers = 0;
  for (const territory of territories.rows) {
    if (territory.structures < 2) continue;
    const parcours = Math.max(1, Math.round((PARCOURS_AT_SCALE_1 * options.scale * territory.structures) / allStructures));
    const result = await client.query(
      `WITH members AS (
         SELECT array_agg(id ORDER BY id) AS ids, count(*)::int AS n FROM "Structure" WHERE "territoryId" = $1 AND status = 'published'
       ),
       drawn AS (
         -- The structures of the chain, as indexes: 0 is the first sender, j the j-th receiver; skewed
         -- towards a few structures (a power of the draw).
         SELECT $2::bigint + p AS number, m.ids, m.n,
                CASE WHEN pg_temp.draw($3, $2 + p, 'length') < 0.60 THEN 1 WHEN pg_temp.draw($3, $2 + p, 'length') < 0.85 THEN 2
                     WHEN pg_temp.draw($3, $2 + p, 'length') < 0.95 THEN 3 ELSE 4 END AS length,
                $4::timestamp - interval '365 days' + interval '1 second' * floor(pg_temp.draw($3, $2 + p, 'start') * 365 * 86400) AS start,
                floor(m.n * pg_temp.draw($3, $2 + p, 'p0') ^ 1.5)::int AS r0, floor(m.n * pg_temp.draw($3, $2 + p, 'p1') ^ 3)::int AS r1,
                floor(m.n * pg_temp.draw($3, $2 + p, 'p2') ^ 3)::int AS r2, floor(m.n * pg_temp.draw($3, $2 + p, 'p3') ^ 3)::int AS r3,
                floor(m.n * pg_temp.draw($3, $2 + p, 'p4') ^ 3)::int AS r4,
                pg_temp.draw($3, $2 + p, 'pingpong') < 0.10 AS pingpong
         FROM generate_series(1, $5::int) p, members m
       ),
       chained AS (
         -- Never the same structure twice in a row; ping-pong: the second receiver is the first sender.
         SELECT d.*, a1, a2, CASE WHEN r3 = a2 THEN (r3 + 1) % n ELSE r3 END AS a3
         FROM drawn d,
              LATERAL (SELECT CASE WHEN r1 = r0 THEN (r1 + 1) % n ELSE r1 END AS a1) x1,
              LATERAL (SELECT CASE WHEN pingpong THEN r0 WHEN r2 = a1 THEN (r2 + 1) % n ELSE r2 END AS a2) x2
       ),
       steps AS (
         SELECT c.number, c.length, k, c.start,
                c.ids[1 + (ARRAY[c.r0, c.a1, c.a2, c.a3])[k]] AS sender,
                c.ids[1 + (ARRAY[c.a1, c.a2, c.a3, CASE WHEN c.r4 = c.a3 THEN (c.r4 + 1) % c.n ELSE c.r4 END])[k]] AS receiver,
                -- Hours to acknowledge, to accept after that, to close after that.
                interval '1 hour' * (1 + floor(pg_temp.draw($3, c.number, 'ack' || k) * 72)) AS ack_delay,
                interval '1 hour' * floor(pg_temp.draw($3, c.number, 'accept' || k) * 48) AS accept_delay,
                interval '1 hour' * (2 + floor(pg_temp.draw($3, c.number, 'close' || k) * 240)) AS close_delay,
                pg_temp.draw($3, c.number, 'end' || k) AS u_end, pg_temp.draw($3, c.number, 'level' || k) AS u_level,
                pg_temp.draw($3, c.number, 'outcome' || k) AS u_outcome
         FROM chained c, generate_series(1, c.length) k
       ),
       timed AS (
         -- Each later transfer leaves a day after the previous one closed.
         SELECT s.*,
                s.start + coalesce(sum(ack_delay + accept_delay + close_delay + interval '1 day') OVER (PARTITION BY number ORDER BY k ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), interval '0') AS sent_at,
                CASE WHEN k < length THEN (CASE WHEN u_end < 0.6 THEN 'declined' ELSE 'completed' END)
                     WHEN u_end < 0.62 THEN 'completed' WHEN u_end < 0.78 THEN 'declined' WHEN u_end < 0.86 THEN 'expired'
                     WHEN u_end < 0.90 THEN 'cancelled' ELSE 'open' END AS ending
         FROM steps s
       ),
       final AS (
         SELECT t.*,
                CASE WHEN ending IN ('completed', 'cancelled', 'open') OR (ending = 'declined' AND u_outcome < 0.6) THEN sent_at + ack_delay END AS ack_at,
                CASE WHEN ending = 'completed' OR (ending IN ('cancelled', 'open') AND u_outcome < 0.5) THEN sent_at + ack_delay + accept_delay END AS accept_at,
                CASE WHEN ending = 'expired' THEN sent_at + interval '14 days' WHEN ending <> 'open' THEN sent_at + ack_delay + accept_delay + close_delay END AS close_at
         FROM timed t
       ),
       rows AS (
         -- What would happen after the reference date has not happened yet: the transfer is still open.
         SELECT f.*,
                CASE WHEN ack_at <= $4::timestamp THEN ack_at END AS acknowledged,
                CASE WHEN accept_at <= $4::timestamp THEN accept_at END AS accepted,
                CASE WHEN close_at <= $4::timestamp THEN close_at END AS closed
         FROM final f
         WHERE sent_at <= $4::timestamp
       )
       INSERT INTO "Transfer" (id, code, "territoryId", "parcoursId", "previousTransferId", "fromStructureId", "toStructureId", "idempotencyKey",
                               level, status, "needDescription", equipment, "consentScope", "sentAt", "acknowledgedAt", "acceptedAt", "closedAt",
                               "declineReason", outcome, "outcomeRecordedAt", "createdAt", "updatedAt")
       SELECT md5($3 || ':' || number || ':' || k)::uuid, pg_temp.code(number * 4 + k - 1), $1, md5($3 || ':' || number || ':1')::uuid,
              CASE WHEN k > 1 THEN md5($3 || ':' || number || ':' || (k - 1))::uuid END, sender, receiver, 'bench-' || number || '-' || k,
              (CASE WHEN u_level < 0.5 THEN 'simple' WHEN u_level < 0.85 THEN 'accompanied' ELSE 'augmented' END)::"TransferLevel",
              (CASE WHEN closed IS NOT NULL THEN ending WHEN accepted IS NOT NULL THEN 'accepted' WHEN acknowledged IS NOT NULL THEN 'acknowledged' ELSE 'sent' END)::"TransferStatus",
              'Demande d''accompagnement', '{}', '{}', sent_at, acknowledged, accepted, closed,
              (CASE WHEN closed IS NOT NULL AND ending = 'declined' THEN (ARRAY['no_capacity','not_eligible','out_of_area','missing_information','person_unreachable','other'])[1 + floor(u_outcome * 6)::int] END)::"DeclineReason",
              (CASE WHEN closed IS NOT NULL AND ending = 'completed' THEN
                 CASE WHEN k < length THEN 'not_resolved_referred_elsewhere'
                      ELSE (ARRAY['resolved','resolved','resolved','partially_resolved','not_resolved_no_show','not_resolved_unreachable','unknown'])[1 + floor(u_outcome * 7)::int] END END)::"TransferOutcome",
              CASE WHEN closed IS NOT NULL AND ending = 'completed' THEN closed END,
              sent_at - interval '10 minutes', coalesce(closed, accepted, acknowledged, sent_at)
       FROM rows`,
      [territory.id, offset, options.seed, reference, parcours],
    );
    offset += parcours;
    transfers += result.rowCount ?? 0;
  }
  options.log(`Activité : ${transfers.toLocaleString("fr-FR")} transferts en ${((performance.now() - started) / 1000).toFixed(1)} s`);
  // Their events, from their timestamps, in one statement per kind.
  const eventsStarted = performance.now();
  const bench = `t."territoryId" IN (SELECT id FROM "Territory" WHERE slug LIKE $1)`;
  let events = 0;
  for (const [type, from, to, at, where, details] of [
    ["created", "NULL", "'draft'", `t."createdAt"`, "TRUE", "NULL"],
    ["sent", "'draft'", "'sent'", `t."sentAt"`, "TRUE", "NULL"],
    ["acknowledged", "'sent'", "'acknowledged'", `t."acknowledgedAt"`, `t."acknowledgedAt" IS NOT NULL`, "NULL"],
    ["accepted", "'acknowledged'", "'accepted'", `t."acceptedAt"`, `t."acceptedAt" IS NOT NULL`, "NULL"],
    ["completed", "'accepted'", "'completed'", `t."closedAt"`, `t.status = 'completed'`, `jsonb_build_object('outcome', t.outcome)`],
    ["declined", `CASE WHEN t."acknowledgedAt" IS NULL THEN 'sent' ELSE 'acknowledged' END`, "'declined'", `t."closedAt"`, `t.status = 'declined'`, `jsonb_build_object('reason', t."declineReason")`],
    ["expired", `CASE WHEN t."acknowledgedAt" IS NULL THEN 'sent' ELSE 'acknowledged' END`, "'expired'", `t."closedAt"`, `t.status = 'expired'`, "NULL"],
    ["cancelled", `CASE WHEN t."acceptedAt" IS NOT NULL THEN 'accepted' WHEN t."acknowledgedAt" IS NOT NULL THEN 'acknowledged' ELSE 'sent' END`, "'cancelled'", `t."closedAt"`, `t.status = 'cancelled'`, `jsonb_build_object('reason', 'La personne a trouvé une solution.')`],
  ] as const) {
    const result = await client.query(
      `INSERT INTO "TransferEvent" (id, "transferId", type, "fromStatus", "toStatus", details, "createdAt")
       SELECT md5(t.id::text || '${type}')::uuid, t.id, '${type}', (${from})::"TransferStatus", (${to})::"TransferStatus", ${details}, ${at}
       FROM "Transfer" t WHERE ${bench} AND ${where}`,
      [`${options.slugPrefix}%`],
    );
    events += result.rowCount ?? 0;
  }
  options.log(`Événements : ${events.toLocaleString("fr-FR")} en ${((performance.now() - eventsStarted) / 1000).toFixed(1)} s`);
  return { transfers, events, milliseconds: performance.now() - started };
}
