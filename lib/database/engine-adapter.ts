/**
 * The pg driver adapter, made fit for Prisma's schema engine.
 *
 * When the engine describes a database it reads catalog columns of PostgreSQL's one-byte
 * "char" type (pg_class.relkind, pg_constraint.contype…) and expects them as characters.
 * `@prisma/adapter-pg` 7.10 rejects that type (OID 18) as unsupported. This module reports
 * those columns as text to the adapter, then marks them as characters in the adapter's result.
 *
 * It also sends a migration script whole: the adapter's own `executeScript` splits the script on
 * every `;` and runs the pieces one by one, which cuts a PL/pgSQL body (`$$ …; … $$`) or a comment
 * holding a `;`. Here the script goes as one simple-protocol query (pg sends a query without
 * parameters that way): PostgreSQL parses it itself, dollar quotes included, and runs its
 * statements as one implicit transaction, so a migration that fails leaves nothing behind.
 *
 * Only the migration tooling uses it; the application's Prisma client does not.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import pg from "pg";

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

type Fields = { dataTypeID: number }[];
type QueryResultLike = { fields?: Fields; rows?: unknown[] } | undefined;

/** Rows of results that had "char" columns, with those columns' positions. */
const charColumnsByRows = new WeakMap<object, number[]>();

function reportCharAsText<R extends QueryResultLike>(result: R): R {
  const positions: number[] = [];
  result?.fields?.forEach((field, index) => {
    if (field.dataTypeID === PG_CHAR_OID) {
      field.dataTypeID = PG_TEXT_OID;
      positions.push(index);
    }
  });
  if (positions.length > 0 && result?.rows) charColumnsByRows.set(result.rows, positions);
  return result;
}

class CatalogReadingClient extends pg.Client {
  // pg's query() has many overloads (promise or callback); this wraps them all.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const query = super.query as (...a: any[]) => any;
    const callbackAt = args.findIndex((arg) => typeof arg === "function");
    if (callbackAt >= 0) {
      const callback = args[callbackAt] as (error: Error | null, result: QueryResultLike) => void;
      args[callbackAt] = (error: Error | null, result: QueryResultLike) =>
        callback(error, reportCharAsText(result));
      return query.apply(this, args);
    }
    const returned = query.apply(this, args);
    return returned instanceof Promise ? returned.then(reportCharAsText) : returned;
  }
}

type RawResult = { columnTypes: number[]; rows: unknown[] };
type Queryable = { queryRaw(query: unknown): Promise<RawResult> };
const patchedPrototypes = new WeakSet<object>();

/** Marks the columns that were "char" as characters in the adapter's results. */
function markCharColumns(adapter: Queryable) {
  let proto = Object.getPrototypeOf(adapter);
  while (proto && !Object.hasOwn(proto, "queryRaw")) proto = Object.getPrototypeOf(proto);
  if (!proto || patchedPrototypes.has(proto)) return;
  patchedPrototypes.add(proto);
  const queryRaw = proto.queryRaw as Queryable["queryRaw"];
  proto.queryRaw = async function (this: Queryable, query: unknown) {
    const result = await queryRaw.call(this, query);
    for (const position of charColumnsByRows.get(result.rows) ?? []) {
      result.columnTypes[position] = ColumnTypeEnum.Character;
    }
    return result;
  };
}

type ScriptRunner = {
  executeScript(script: string): Promise<void>;
  underlyingDriver(): { query(text: string): Promise<unknown> };
  onError(error: unknown): never;
};

/** Runs a script as one query (see above) instead of one query per `;`-separated piece. */
function sendScriptsWhole(adapter: ScriptRunner) {
  adapter.executeScript = async (script: string) => {
    try {
      await adapter.underlyingDriver().query(script);
    } catch (error) {
      adapter.onError(error);
    }
  };
}

export type Disposable = { dispose(): Promise<void> };

/**
 * An adapter factory for the schema engine on `url`, with its shadow database on `shadowUrl`.
 * Every adapter it opens is passed to `onOpen`, because the engine does not close them.
 */
export function schemaEngineAdapterFactory(
  url: string,
  shadowUrl: string,
  onOpen: (adapter: Disposable) => void,
) {
  const open = async (target: string) => {
    const adapter = await new PrismaPg({
      connectionString: target,
      max: 1,
      Client: CatalogReadingClient,
    }).connect();
    markCharColumns(adapter as unknown as Queryable);
    sendScriptsWhole(adapter as unknown as ScriptRunner);
    onOpen(adapter);
    return adapter;
  };
  const factory = new PrismaPg({ connectionString: url });
  factory.connect = () => open(url);
  // PrismaPg's own shadow database ignores the database name when given a connection string.
  factory.connectToShadowDb = () => open(shadowUrl);
  return factory;
}
