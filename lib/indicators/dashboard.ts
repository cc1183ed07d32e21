/**
 * The network's indicators as sections of tables (issue 19), for a territory's coordinators, a
 * structure's admins (the flows it takes part in) or the platform's admins. Every figure comes
 * from SQL aggregates (transfer-figures.ts, time-figures.ts, matrix-figures.ts) and is turned here
 * into `IndicatorTable`s and `IndicatorMatrix`es — the one shape the page draws, tabulates and
 * offers as CSV — with small counts suppressed (cells.ts). Comparisons read the previous period
 * the same way.
 */
import type { PrismaClient } from "@/lib/db";
import { MONTH_NAMES } from "@/lib/hours/format";
import { zonedInstant } from "@/lib/hours/rules";
import { APPOINTMENT_STATUS_LABELS } from "@/lib/appointments/labels";
import { OUTCOME_LABELS as CALL_OUTCOME_LABELS } from "@/lib/phone-line/rules";
import { DECLINE_REASON_LABELS, LEVEL_LABELS, OUTCOME_LABELS } from "@/lib/transfers/labels";
import { countCell, delayCell, NOT_SHOWN, numberCell, shareCell, type Cell } from "./cells";
import { readMatrixFigures, type MatrixFigures } from "./matrix-figures";
import type { DayRange, IndicatorPeriod } from "./period";
import type { IndicatorScope } from "./statements";
import { readTimeFigures, type TimeFigures } from "./time-figures";
import { NO_TRANSFERS, type TransferCounts, type TransferFigures } from "./figures";
import { PLATFORM_SCOPE, readSummaryFigures, refreshStaleMonths } from "./summary";
import { readTransferFigures } from "./transfer-figures";
import type { IndicatorCategory, IndicatorMatrix, IndicatorSeries, IndicatorTable, IndicatorUnit } from "./types";

export interface IndicatorSection {
  id: string;
  title: string;
  intro: string;
  items: (IndicatorTable | IndicatorMatrix)[];
}

/** What the dashboard is about, with what it needs to read its figures. */
export type DashboardTarget =
  | { kind: "territory"; territoryId: string; timeZone: string; staleAfterMonths: number }
  | { kind: "structure"; structureId: string; timeZone: string }
  | { kind: "platform" };

interface Context {
  threshold: number;
  period: IndicatorPeriod;
}

const CURRENT = "Période choisie";
const PREVIOUS = "Période précédente";
/** The busiest structures shown by name in a chart or the flows' table; the others are summed. */
const TOP = 12;

function series(key: string, label: string, cells: Cell[]): IndicatorSeries {
  return { key, label, values: cells.map((cell) => cell.value), texts: cells.map((cell) => cell.text) };
}

function countSeries(context: Context, current: number[], previous?: number[]): IndicatorSeries[] {
  const counts = (values: number[]) => values.map((value) => countCell(value, context.threshold));
  return [series("current", CURRENT, counts(current)), ...(previous ? [series("previous", PREVIOUS, counts(previous))] : [])];
}

function table(fields: Omit<IndicatorTable, "series" | "unit"> & { unit?: IndicatorUnit; series: IndicatorSeries[] }): IndicatorTable {
  return { unit: "count", ...fields };
}

/** Rows of figures in different units: the period's and the previous one's. */
function keyFigures(id: string, title: string, description: string, rows: { key: string; label: string; current: Cell; previous?: Cell }[]): IndicatorTable {
  return table({
    id,
    title,
    description,
    categoryLabel: "Indicateur",
    categories: rows.map(({ key, label }) => ({ key, label })),
    series: [series("current", CURRENT, rows.map((row) => row.current)), series("previous", PREVIOUS, rows.map((row) => row.previous ?? NOT_SHOWN))],
    chart: "table",
  });
}

/** accepted ÷ (accepted + declined): among the transfers that got an answer, the share taken. */
const acceptanceOf = (counts: TransferCounts, context: Context) => shareCell(counts.accepted, counts.accepted + counts.declined, context.threshold);

function monthsOf(range: DayRange): string[] {
  const months: string[] = [];
  for (let month = range.from.slice(0, 7); `${month}-01` < range.until; ) {
    months.push(month);
    const [year, number] = month.split("-").map(Number) as [number, number];
    month = number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, "0")}`;
  }
  return months;
}

const monthLabel = (month: string) => `${MONTH_NAMES[Number(month.slice(5)) - 1]} ${month.slice(0, 4)}`;

/** Whose names the figures need: structures (or territories, for the platform) and need terms. */
interface Names {
  receiver: (id: string) => string;
  structure: (id: string) => string;
  need: (id: string) => string;
}

async function namesFor(db: PrismaClient, target: DashboardTarget, figures: TransferFigures[]): Promise<Names> {
  const structureIds = new Set<string>();
  const needIds = new Set<string>();
  const receiverIds = new Set<string>();
  for (const figure of figures) {
    for (const id of figure.byReceiver.keys()) receiverIds.add(id);
    for (const key of figure.byPair.keys()) key.split(" ").forEach((id) => structureIds.add(id));
    for (const { sender, receiver } of figure.pingPong) [sender, receiver].forEach((id) => structureIds.add(id));
    for (const id of figure.byNeed.keys()) if (id) needIds.add(id);
  }
  if (target.kind !== "platform") receiverIds.forEach((id) => structureIds.add(id));
  const [structures, needs, territories] = await Promise.all([
    db.structure.findMany({ where: { id: { in: [...structureIds] } }, select: { id: true, name: true } }),
    db.vocabularyTerm.findMany({ where: { id: { in: [...needIds] } }, select: { id: true, label: true } }),
    target.kind === "platform" ? db.territory.findMany({ where: { id: { in: [...receiverIds] } }, select: { id: true, name: true } }) : [],
  ]);
  const structureName = new Map(structures.map((structure) => [structure.id, structure.name]));
  const needLabel = new Map(needs.map((need) => [need.id, need.label]));
  const territoryName = new Map(territories.map((territory) => [territory.id, territory.name]));
  const structure = (id: string) => structureName.get(id) ?? "Structure supprimée";
  return {
    structure,
    receiver: target.kind === "platform" ? (id) => territoryName.get(id) ?? "—" : structure,
    need: (id) => (id ? (needLabel.get(id) ?? "Besoin retiré du vocabulaire") : "Sans besoin précisé"),
  };
}

function parcoursSection(context: Context, current: TransferFigures, previous: TransferFigures): IndicatorSection {
  const { threshold } = context;
  const now = current.parcours;
  const before = previous.parcours;
  const sizes = [1, 2, 3, 4, 5];
  const endings: { key: keyof typeof now & string; label: string }[] = [
    { key: "resolved", label: "Demande résolue" },
    { key: "partiallyResolved", label: "Résolue en partie" },
    { key: "notResolved", label: "Non résolue" },
    { key: "dropped", label: "Sans suite (refusé, expiré ou annulé, sans nouvel envoi)" },
    { key: "unknown", label: "Issue inconnue" },
  ];
  const settled = (figures: typeof now) => figures.resolved + figures.partiallyResolved;
  return {
    id: "parcours",
    title: "Parcours",
    intro:
      "Un parcours suit une personne de transfert en transfert, du premier envoi à la dernière clôture. Il compte dans la période où son premier transfert est parti.",
    items: [
      keyFigures("parcours-chiffres", "Les parcours en bref", "Parcours commencés dans la période : combien de structures la personne a traversées, en combien de temps sa demande a été réglée, et comment.", [
        { key: "parcours", label: "Parcours commencés", current: countCell(now.parcours, threshold), previous: countCell(before.parcours, threshold) },
        { key: "structures", label: "Structures par parcours (médiane)", current: numberCell(now.structuresMedian, now.parcours, threshold), previous: numberCell(before.structuresMedian, before.parcours, threshold) },
        { key: "closing-p50", label: "Délai jusqu'à la clôture (médiane)", current: delayCell(now.closingP50, now.closed, threshold), previous: delayCell(before.closingP50, before.closed, threshold) },
        { key: "closing-p90", label: "Délai jusqu'à la clôture (9 sur 10 en moins de)", current: delayCell(now.closingP90, now.closed, threshold), previous: delayCell(before.closingP90, before.closed, threshold) },
        { key: "resolved-share", label: "Part des parcours terminés résolus (en tout ou partie)", current: shareCell(settled(now), now.closed, threshold), previous: shareCell(settled(before), before.closed, threshold) },
        { key: "open", label: "Parcours encore en cours", current: countCell(now.open, threshold), previous: countCell(before.open, threshold) },
      ]),
      table({
        id: "parcours-structures",
        title: "Structures traversées par parcours",
        description: "Combien de structures différentes (qui envoient ou reçoivent) chaque parcours a connues. « 5 » compte 5 structures ou plus.",
        categoryLabel: "Structures",
        categories: sizes.map((size) => ({ key: String(size), label: size === 5 ? "5 ou plus" : String(size) })),
        series: countSeries(context, sizes.map((size) => now.byStructures.get(size) ?? 0), sizes.map((size) => before.byStructures.get(size) ?? 0)),
        chart: "bars",
      }),
      table({
        id: "parcours-issue",
        title: "Comment les parcours terminés se sont conclus",
        description: "Lu sur le dernier transfert de chaque parcours terminé : son résultat noté à la clôture, ou « sans suite » s'il a été refusé, a expiré ou a été annulé sans que personne n'oriente la personne ailleurs.",
        categoryLabel: "Conclusion",
        categories: endings.map(({ key, label }) => ({ key, label })),
        series: countSeries(context, endings.map(({ key }) => now[key] as number), endings.map(({ key }) => before[key] as number)),
        chart: "bars",
      }),
    ],
  };
}

/** A breakdown's rows: the busiest first, those past `limit` summed as one. */
function busiest<K extends string>(entries: [K, TransferCounts][], limit: number, otherLabel: string, label: (key: K) => string) {
  const sorted = [...entries].sort((a, b) => b[1].sent - a[1].sent || label(a[0]).localeCompare(label(b[0]), "fr"));
  const shown = sorted.slice(0, limit).map(([key, counts]) => ({ key: key as string, label: label(key), counts }));
  const rest = sorted.slice(limit);
  if (rest.length > 0) shown.push({ key: "autres", label: `${otherLabel} (${rest.length})`, counts: sumCounts(rest.map(([, counts]) => counts)) });
  return shown;
}

function sumCounts(list: TransferCounts[]): TransferCounts {
  return list.reduce(
    (sum, counts) => Object.fromEntries(Object.keys(sum).map((key) => [key, sum[key as keyof TransferCounts] + counts[key as keyof TransferCounts]])) as unknown as TransferCounts,
    NO_TRANSFERS,
  );
}

/** Sent per category (chart), then every figure per category (table) — the period's only. */
function breakdown(
  context: Context,
  id: string,
  title: string,
  categoryLabel: string,
  rows: { key: string; label: string; counts: TransferCounts; previous: TransferCounts }[],
  delays: (key: string) => { acknowledged: number; ackP50: number | null; accepted: number; acceptP50: number | null } | undefined,
): IndicatorTable[] {
  const { threshold } = context;
  const categories: IndicatorCategory[] = rows.map(({ key, label }) => ({ key, label }));
  const counts = (pick: (counts: TransferCounts) => number) => rows.map((row) => countCell(pick(row.counts), threshold));
  return [
    table({
      id,
      title: `Transferts envoyés ${title}`,
      description: `Transferts envoyés dans la période, ${title}, comparés à la période précédente.`,
      categoryLabel,
      categories,
      series: countSeries(context, rows.map((row) => row.counts.sent), rows.map((row) => row.previous.sent)),
      chart: "bars",
    }),
    table({
      id: `${id}-detail`,
      title: `Ce que deviennent les transferts ${title}`,
      description:
        "Pour les transferts envoyés dans la période : le taux d'acceptation (acceptés ÷ acceptés ou refusés), les délais médians depuis l'envoi, les refus, les expirations (sans réponse à temps) et les demandes résolues.",
      categoryLabel,
      categories,
      series: [
        series("sent", "Envoyés", counts((c) => c.sent)),
        series("acceptance", "Taux d'acceptation", rows.map((row) => acceptanceOf(row.counts, context))),
        series("ack-p50", "Accusé de réception (médiane)", rows.map((row) => { const d = delays(row.key); return delayCell(d?.ackP50 ?? null, d?.acknowledged ?? 0, threshold); })),
        series("accept-p50", "Acceptation (médiane)", rows.map((row) => { const d = delays(row.key); return delayCell(d?.acceptP50 ?? null, d?.accepted ?? 0, threshold); })),
        series("declined", "Refusés", counts((c) => c.declined)),
        series("expired", "Expirés", counts((c) => c.expired)),
        series("resolved", "Résolus", counts((c) => c.resolved)),
      ],
      chart: "table",
    }),
  ];
}

function transfersSection(context: Context, current: TransferFigures, previous: TransferFigures, names: Names, platform: boolean): IndicatorSection {
  const { threshold, period } = context;
  const all = current.overall;
  const before = previous.overall;
  const months = monthsOf(period.current);
  const previousMonths = monthsOf(period.previous);
  const reasons = Object.keys(DECLINE_REASON_LABELS) as (keyof typeof DECLINE_REASON_LABELS)[];
  const outcomes = Object.keys(OUTCOME_LABELS) as (keyof typeof OUTCOME_LABELS)[];
  const levels = Object.keys(LEVEL_LABELS) as (keyof typeof LEVEL_LABELS)[];
  const withPrevious = (entries: { key: string; label: string; counts: TransferCounts }[], previousOf: (key: string) => TransferCounts | undefined) =>
    entries.map((entry) => ({ ...entry, previous: previousOf(entry.key) ?? NO_TRANSFERS }));
  const receiverRows = withPrevious(busiest([...current.byReceiver], platform ? 30 : TOP, platform ? "Autres territoires" : "Autres structures", names.receiver), (key) => previous.byReceiver.get(key));
  const needRows = withPrevious(busiest([...current.byNeed], TOP, "Autres besoins", names.need), (key) => previous.byNeed.get(key));
  return {
    id: "transferts",
    title: "Transferts",
    intro: "Les transferts envoyés dans la période (les brouillons n'en sont pas), et ce qu'ils sont devenus depuis.",
    items: [
      keyFigures("transferts-chiffres", "Les transferts en bref", "Délais comptés depuis l'envoi. « 9 sur 10 en moins de » est le 90e centile.", [
        { key: "sent", label: "Transferts envoyés", current: countCell(all.sent, threshold), previous: countCell(before.sent, threshold) },
        { key: "acceptance", label: "Taux d'acceptation (acceptés ÷ acceptés ou refusés)", current: acceptanceOf(all, context), previous: acceptanceOf(before, context) },
        { key: "ack-p50", label: "Délai d'accusé de réception (médiane)", current: delayCell(current.delays.ackP50, current.delays.acknowledged, threshold), previous: delayCell(previous.delays.ackP50, previous.delays.acknowledged, threshold) },
        { key: "ack-p90", label: "Délai d'accusé de réception (9 sur 10 en moins de)", current: delayCell(current.delays.ackP90, current.delays.acknowledged, threshold), previous: delayCell(previous.delays.ackP90, previous.delays.acknowledged, threshold) },
        { key: "accept-p50", label: "Délai d'acceptation (médiane)", current: delayCell(current.delays.acceptP50, current.delays.accepted, threshold), previous: delayCell(previous.delays.acceptP50, previous.delays.accepted, threshold) },
        { key: "accept-p90", label: "Délai d'acceptation (9 sur 10 en moins de)", current: delayCell(current.delays.acceptP90, current.delays.accepted, threshold), previous: delayCell(previous.delays.acceptP90, previous.delays.accepted, threshold) },
        { key: "declined", label: "Refusés", current: countCell(all.declined, threshold), previous: countCell(before.declined, threshold) },
        { key: "expired", label: "Expirés sans réponse", current: countCell(all.expired, threshold), previous: countCell(before.expired, threshold) },
        { key: "cancelled", label: "Annulés par l'envoyeur", current: countCell(all.cancelled, threshold), previous: countCell(before.cancelled, threshold) },
        { key: "open", label: "Encore en cours", current: countCell(all.open, threshold), previous: countCell(before.open, threshold) },
      ]),
      table({
        id: "transferts-mois",
        title: "Transferts envoyés par mois",
        description: "Chaque mois de la période, et le mois correspondant de la période précédente.",
        categoryLabel: "Mois",
        categories: months.map((month) => ({ key: month, label: monthLabel(month) })),
        series: countSeries(
          context,
          months.map((month) => current.byMonth.get(month)?.sent ?? 0),
          months.map((_, index) => (previousMonths[index] ? (previous.byMonth.get(previousMonths[index]!)?.sent ?? 0) : 0)),
        ),
        chart: "columns",
      }),
      ...breakdown(
        context,
        "transferts-niveau",
        "par niveau",
        "Niveau",
        withPrevious(levels.map((level) => ({ key: level, label: LEVEL_LABELS[level].label, counts: current.byLevel.get(level) ?? NO_TRANSFERS })), (key) => previous.byLevel.get(key)),
        (key) => current.delaysByLevel.get(key),
      ),
      ...breakdown(context, "transferts-besoin", "par besoin", "Besoin", needRows, () => undefined),
      ...breakdown(context, "transferts-destinataire", platform ? "par territoire" : "par structure qui reçoit", platform ? "Territoire" : "Structure qui reçoit", receiverRows, (key) =>
        current.delaysByReceiver.get(key),
      ),
      table({
        id: "refus-motifs",
        title: "Pourquoi les transferts sont refusés",
        description: "Le motif donné par la structure qui a refusé.",
        categoryLabel: "Motif",
        categories: reasons.map((reason) => ({ key: reason, label: DECLINE_REASON_LABELS[reason] })),
        series: countSeries(context, reasons.map((reason) => current.byDeclineReason.get(reason) ?? 0), reasons.map((reason) => previous.byDeclineReason.get(reason) ?? 0)),
        chart: "bars",
      }),
      table({
        id: "transferts-resultat",
        title: "Ce qu'a donné la demande, à la clôture",
        description: "Le résultat noté par la structure qui a reçu la personne, pour les transferts terminés.",
        categoryLabel: "Résultat",
        categories: outcomes.map((outcome) => ({ key: outcome, label: OUTCOME_LABELS[outcome] })),
        series: countSeries(context, outcomes.map((outcome) => current.byOutcome.get(outcome) ?? 0), outcomes.map((outcome) => previous.byOutcome.get(outcome) ?? 0)),
        chart: "bars",
      }),
    ],
  };
}

function flowsSection(context: Context, current: TransferFigures, previous: TransferFigures, names: Names): IndicatorSection {
  const { threshold } = context;
  const pairs = [...current.byPair].map(([key, counts]) => {
    const [sender, receiver] = key.split(" ") as [string, string];
    return { key, sender, receiver, counts };
  });
  const totals = (pick: (pair: (typeof pairs)[number]) => string) => {
    const sums = new Map<string, number>();
    for (const pair of pairs) sums.set(pick(pair), (sums.get(pick(pair)) ?? 0) + pair.counts.sent);
    return [...sums].sort((a, b) => b[1] - a[1] || names.structure(a[0]).localeCompare(names.structure(b[0]), "fr")).map(([id]) => id);
  };
  const senders = totals((pair) => pair.sender);
  const receivers = totals((pair) => pair.receiver);
  const axis = (ids: string[]) => {
    const shown = ids.slice(0, TOP);
    const categories = shown.map((id) => ({ key: id, label: names.structure(id) }));
    if (ids.length > TOP) categories.push({ key: "autres", label: `Autres structures (${ids.length - TOP})` });
    return { categories, indexOf: (id: string) => (shown.includes(id) ? shown.indexOf(id) : TOP) };
  };
  const rows = axis(senders);
  const columns = axis(receivers);
  const grid = rows.categories.map(() => columns.categories.map(() => 0));
  for (const pair of pairs) grid[rows.indexOf(pair.sender)]![columns.indexOf(pair.receiver)]! += pair.counts.sent;
  const cells = grid.map((row) => row.map((count) => countCell(count, threshold)));
  const matrix: IndicatorMatrix = {
    id: "flux-matrice",
    title: "Qui envoie à qui",
    description: "Transferts envoyés dans la période, de la structure en ligne vers la structure en colonne. Plus la case est foncée, plus les envois sont nombreux.",
    rowLabel: "Structure qui envoie",
    columnLabel: "Structure qui reçoit",
    rows: rows.categories,
    columns: columns.categories,
    values: cells.map((row) => row.map((cell) => cell.value)),
    texts: cells.map((row) => row.map((cell) => cell.text)),
  };
  const topPairs = [...pairs].sort((a, b) => b.counts.sent - a.counts.sent || a.key.localeCompare(b.key)).slice(0, 10);
  const pairLabel = (sender: string, receiver: string) => `${names.structure(sender)} → ${names.structure(receiver)}`;
  const pingPong = current.pingPong.slice(0, 10);
  const pingPongTotal = (figures: TransferFigures) => figures.pingPong.reduce((sum, pair) => sum + pair.transfers, 0);
  const previousPingPong = new Map(previous.pingPong.map((pair) => [`${pair.sender} ${pair.receiver}`, pair.transfers]));
  return {
    id: "flux",
    title: "Flux entre structures",
    intro: "Qui oriente vers qui, et comment cela se termine. Le « ping-pong » compte les personnes renvoyées vers une structure déjà passée dans leur parcours.",
    items: [
      matrix,
      ...breakdown(
        context,
        "flux-paires",
        "entre les paires les plus actives",
        "Paire",
        topPairs.map((pair) => ({ key: pair.key, label: pairLabel(pair.sender, pair.receiver), counts: pair.counts, previous: previous.byPair.get(pair.key) ?? NO_TRANSFERS })),
        () => undefined,
      ),
      keyFigures("ping-pong-chiffres", "Ping-pong", "Transferts envoyés dans la période vers une structure qui avait déjà envoyé ou reçu la même personne dans son parcours.", [
        { key: "ping-pong", label: "Personnes renvoyées vers une structure déjà passée", current: countCell(pingPongTotal(current), threshold), previous: countCell(pingPongTotal(previous), threshold) },
        {
          key: "ping-pong-share",
          label: "Part des réorientations",
          current: shareCell(pingPongTotal(current), current.overall.sent - current.parcours.parcours, threshold),
          previous: shareCell(pingPongTotal(previous), previous.overall.sent - previous.parcours.parcours, threshold),
        },
      ]),
      table({
        id: "ping-pong-paires",
        title: "Ping-pong, par paire",
        description: "Les paires (qui renvoie → vers qui) où des personnes reviennent vers une structure déjà passée dans leur parcours.",
        categoryLabel: "Paire",
        categories: pingPong.map((pair) => ({ key: `${pair.sender} ${pair.receiver}`, label: pairLabel(pair.sender, pair.receiver) })),
        series: countSeries(context, pingPong.map((pair) => pair.transfers), pingPong.map((pair) => previousPingPong.get(`${pair.sender} ${pair.receiver}`) ?? 0)),
        chart: "bars",
      }),
    ],
  };
}

const MONTH_ABBREVIATIONS = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."];

/** "16 juil. 9h30", or "16 juil." without a time. */
const dayLabel = (day: string, startMinute?: number) =>
  `${Number(day.slice(8))} ${MONTH_ABBREVIATIONS[Number(day.slice(5, 7)) - 1]}` +
  (startMinute === undefined ? "" : ` ${Math.floor(startMinute / 60)}h${String(startMinute % 60).padStart(2, "0")}`);

function timeSection(context: Context, time: TimeFigures, previous: TimeFigures): IndicatorSection {
  const { threshold } = context;
  const statuses = ["booked", "attended", "no_show", "cancelled"] as const;
  const given = (figures: TimeFigures) => figures.appointments.total - figures.appointments.byStatus.held - figures.appointments.byStatus.cancelled;
  const happened = (figures: TimeFigures) => figures.appointments.byStatus.attended + figures.appointments.byStatus.no_show;
  const label = (id: string | null, labels: Map<string, string>) => (id ? (labels.get(id) ?? "Catégorie retirée") : "Pas encore classée");
  const topRequests = [...time.permanences.requestsByMonth.values()]
    .flatMap((month) => [...month])
    .reduce((totals, [id, lines]) => totals.set(id, (totals.get(id) ?? 0) + lines), new Map<string | null, number>());
  const requestIds = [...topRequests].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([id]) => id);
  const months = monthsOf(context.period.current);
  const requestCells = requestIds.map((id) => months.map((month) => countCell(time.permanences.requestsByMonth.get(month)?.get(id) ?? 0, threshold)));
  const callOutcomes = Object.keys(CALL_OUTCOME_LABELS) as (keyof typeof CALL_OUTCOME_LABELS)[];
  const phoneDays = time.calls.perPermanence.slice().reverse();
  const oneLine = new Set(phoneDays.map((day) => day.offerId)).size === 1;
  return {
    id: "temps",
    title: "Rendez-vous, permanences et appels",
    intro: "Le temps donné aux personnes : rendez-vous, fréquentation des permanences et de la ligne téléphonique, demandes les plus fréquentes.",
    items: [
      keyFigures("rendez-vous-chiffres", "Rendez-vous en bref", "Rendez-vous dont l'heure tombe dans la période.", [
        { key: "given", label: "Rendez-vous donnés (hors annulés)", current: countCell(given(time), threshold), previous: countCell(given(previous), threshold) },
        { key: "attended", label: "Personnes venues", current: countCell(time.appointments.byStatus.attended, threshold), previous: countCell(previous.appointments.byStatus.attended, threshold) },
        { key: "no-show", label: "Absences sans prévenir", current: countCell(time.appointments.byStatus.no_show, threshold), previous: countCell(previous.appointments.byStatus.no_show, threshold) },
        { key: "no-show-rate", label: "Taux d'absence (absents ÷ rendez-vous passés et notés)", current: shareCell(time.appointments.byStatus.no_show, happened(time), threshold), previous: shareCell(previous.appointments.byStatus.no_show, happened(previous), threshold) },
      ]),
      table({
        id: "rendez-vous",
        title: "Rendez-vous, par issue",
        description: "Ce que sont devenus les rendez-vous de la période.",
        categoryLabel: "Issue",
        categories: statuses.map((status) => ({ key: status, label: APPOINTMENT_STATUS_LABELS[status] })),
        series: countSeries(context, statuses.map((status) => time.appointments.byStatus[status]), statuses.map((status) => previous.appointments.byStatus[status])),
        chart: "bars",
      }),
      ...time.permanences.permanences.slice(0, 10).flatMap((permanence, index) => [
        table({
          id: `permanence-${index + 1}-frequentation`,
          title: `Fréquentation : ${permanence.label}`,
          description: "Personnes inscrites sur la feuille de chaque séance de la permanence.",
          categoryLabel: "Séance",
          categories: permanence.occurrences.map((occurrence) => ({ key: `${occurrence.day}-${occurrence.startMinute}`, label: dayLabel(occurrence.day, occurrence.startMinute) })),
          series: countSeries(context, permanence.occurrences.map((occurrence) => occurrence.lines)),
          chart: "columns",
        }),
        table({
          id: `permanence-${index + 1}-demandes`,
          title: `Les dix demandes les plus fréquentes : ${permanence.label}`,
          description: "Les catégories de demande notées sur les feuilles de la permanence dans la période.",
          categoryLabel: "Demande",
          categories: permanence.requests.slice(0, 10).map((request) => ({ key: request.categoryId ?? "aucune", label: label(request.categoryId, time.permanences.categoryLabels) })),
          series: countSeries(context, permanence.requests.slice(0, 10).map((request) => request.lines)),
          chart: "bars",
        }),
      ]),
      {
        id: "demandes-par-mois",
        title: "Les dix demandes les plus fréquentes, mois par mois",
        description: "Toutes permanences du territoire : une demande qui s'éteint se voit ici.",
        rowLabel: "Demande",
        columnLabel: "Mois",
        rows: requestIds.map((id) => ({ key: id ?? "aucune", label: label(id, time.permanences.categoryLabels) })),
        columns: months.map((month) => ({ key: month, label: monthLabel(month) })),
        values: requestCells.map((row) => row.map((cell) => cell.value)),
        texts: requestCells.map((row) => row.map((cell) => cell.text)),
      } satisfies IndicatorMatrix,
      table({
        id: "appels-permanence",
        title: oneLine ? `Appels par permanence téléphonique : ${phoneDays[0]!.lineTitle}` : "Appels par permanence téléphonique",
        description: "Appels reçus sur la ligne, par jour de permanence.",
        categoryLabel: "Permanence",
        categories: phoneDays.map((day) => ({ key: `${day.offerId}-${day.day}`, label: oneLine ? dayLabel(day.day) : `${day.lineTitle} — ${dayLabel(day.day)}` })),
        series: countSeries(context, phoneDays.map((day) => day.calls)),
        chart: "columns",
      }),
      table({
        id: "appels-issue",
        title: "Suite donnée aux appels",
        description: "L'issue notée par la personne qui a pris l'appel.",
        categoryLabel: "Issue",
        categories: callOutcomes.map((outcome) => ({ key: outcome, label: CALL_OUTCOME_LABELS[outcome] })),
        series: countSeries(context, callOutcomes.map((outcome) => time.calls.byOutcome[outcome]), callOutcomes.map((outcome) => previous.calls.byOutcome[outcome])),
        chart: "bars",
      }),
    ],
  };
}

function matrixSection(figures: MatrixFigures): IndicatorSection {
  const plain = (value: number): Cell => ({ value, text: String(value) });
  const { coverage } = figures;
  return {
    id: "matrice",
    title: "La matrice",
    intro: "Les trous de l'offre du territoire et les informations à vérifier. Ces nombres comptent des offres, pas des personnes : ils ne sont pas masqués.",
    items: [
      keyFigures("matrice-chiffres", "La matrice en bref", "Offres publiées aujourd'hui ; signalements d'erreur du public.", [
        { key: "uncovered", label: `Besoins sans aucune offre (sur ${coverage.needs})`, current: plain(coverage.uncoveredNeeds.length) },
        { key: "public-gaps", label: `Cases besoin × public sans offre (sur ${coverage.publicCells.total})`, current: plain(coverage.publicCells.none) },
        { key: "public-single", label: "Cases besoin × public avec un seul acteur", current: plain(coverage.publicCells.single) },
        { key: "posture-gaps", label: `Cases besoin × posture sans offre (sur ${coverage.postureCells.total})`, current: plain(coverage.postureCells.none) },
        { key: "stale", label: `Offres à vérifier (sur ${figures.publishedOffers} publiées)`, current: plain(figures.staleOffers) },
        { key: "reports", label: "Erreurs signalées par le public dans la période", current: plain(figures.reportsInPeriod) },
        { key: "reports-open", label: "Signalements encore ouverts (offre ni vérifiée ni corrigée depuis)", current: plain(figures.reportsOpen) },
      ]),
      table({
        id: "offres-a-verifier",
        title: "Offres à vérifier, par structure",
        description: "Offres publiées que personne n'a vérifiées depuis le délai du territoire.",
        categoryLabel: "Structure",
        categories: figures.staleByStructure.slice(0, 15).map((row, index) => ({ key: String(index), label: row.name })),
        series: [series("current", "Offres à vérifier", figures.staleByStructure.slice(0, 15).map((row) => plain(row.offers)))],
        chart: "bars",
      }),
    ],
  };
}

export interface Dashboard {
  sections: IndicatorSection[];
}

/** Every figure of the dashboard for the period and the one before. */
export async function buildDashboard(db: PrismaClient, target: DashboardTarget, period: IndicatorPeriod, threshold: number, now: Date): Promise<Dashboard> {
  const timeZone = target.kind === "platform" ? "Europe/Paris" : target.timeZone;
  const instants = (range: DayRange) => ({ from: zonedInstant(range.from, 0, timeZone), until: zonedInstant(range.until, 0, timeZone), timeZone });
  const scope: IndicatorScope =
    target.kind === "territory" ? { territoryId: target.territoryId } : target.kind === "structure" ? { structureId: target.structureId } : { platform: true };
  // A territory's and the platform's figures come from the monthly summaries, brought up to date
  // first (the worker usually has); a structure's, from its own transfers.
  if (target.kind !== "structure") await refreshStaleMonths(db, target.kind === "territory" ? { territoryId: target.territoryId, limit: 48 } : { limit: 48 });
  const read = (range: DayRange) =>
    target.kind === "structure" ? readTransferFigures(db, scope, instants(range)) : readSummaryFigures(db, target.kind === "platform" ? PLATFORM_SCOPE : target.territoryId, range);
  const current = await read(period.current);
  const previous = await read(period.previous);
  const names = await namesFor(db, target, [current, previous]);
  const context: Context = { threshold, period };
  const sections = [parcoursSection(context, current, previous), transfersSection(context, current, previous, names, target.kind === "platform")];
  if (target.kind !== "platform") sections.push(flowsSection(context, current, previous, names));
  if (target.kind === "territory") {
    const time = await readTimeFigures(db, target.territoryId, timeZone, instants(period.current), period.current);
    const timeBefore = await readTimeFigures(db, target.territoryId, timeZone, instants(period.previous), period.previous);
    sections.push(timeSection(context, time, timeBefore));
    sections.push(matrixSection(await readMatrixFigures(db, target.territoryId, target.staleAfterMonths, now, instants(period.current))));
  }
  return { sections };
}


