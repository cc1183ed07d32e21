-- CreateTable
CREATE TABLE "TransferMonthStat" (
    "scopeId" UUID NOT NULL,
    "month" DATE NOT NULL,
    "dimension" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "sent" INTEGER NOT NULL,
    "acknowledged" INTEGER NOT NULL,
    "accepted" INTEGER NOT NULL,
    "declined" INTEGER NOT NULL,
    "expired" INTEGER NOT NULL,
    "cancelled" INTEGER NOT NULL,
    "completed" INTEGER NOT NULL,
    "open" INTEGER NOT NULL,
    "resolved" INTEGER NOT NULL,
    "ackDelays" INTEGER[],
    "acceptDelays" INTEGER[],

    CONSTRAINT "TransferMonthStat_pkey" PRIMARY KEY ("scopeId","month","dimension","key")
);

-- CreateTable
CREATE TABLE "ParcoursMonthStat" (
    "scopeId" UUID NOT NULL,
    "month" DATE NOT NULL,
    "structures" INTEGER NOT NULL,
    "parcours" INTEGER NOT NULL,
    "open" INTEGER NOT NULL,
    "closed" INTEGER NOT NULL,
    "resolved" INTEGER NOT NULL,
    "partiallyResolved" INTEGER NOT NULL,
    "notResolved" INTEGER NOT NULL,
    "dropped" INTEGER NOT NULL,
    "unknown" INTEGER NOT NULL,
    "closingDelays" INTEGER[],

    CONSTRAINT "ParcoursMonthStat_pkey" PRIMARY KEY ("scopeId","month","structures")
);

-- CreateTable
CREATE TABLE "IndicatorStaleMonth" (
    "territoryId" UUID NOT NULL,
    "month" DATE NOT NULL,
    "markedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IndicatorStaleMonth_pkey" PRIMARY KEY ("territoryId","month")
);

-- CreateIndex
CREATE INDEX "TransferMonthStat_month_idx" ON "TransferMonthStat"("month");

-- CreateIndex
CREATE INDEX "ParcoursMonthStat_month_idx" ON "ParcoursMonthStat"("month");

-- Delays as histograms (lib/indicators/histogram.ts holds the same buckets): an hour wide up to
-- two days (0–47), twelve hours up to fourteen days (48–71), a day up to ninety days (72–147),
-- then everything longer (148). Summed across months and territories, a median is read within
-- its bucket.
CREATE FUNCTION toile_delay_bucket(seconds numeric) RETURNS int LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN seconds IS NULL THEN NULL
    WHEN seconds < 172800 THEN floor(greatest(seconds, 0) / 3600)::int
    WHEN seconds < 1209600 THEN 48 + floor((seconds - 172800) / 43200)::int
    WHEN seconds < 7776000 THEN 72 + floor((seconds - 1209600) / 86400)::int
    ELSE 148
  END;
$$;

CREATE FUNCTION toile_histogram_add(state int[], bucket int) RETURNS int[] LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN bucket IS NULL THEN state ELSE state[1:bucket] || (state[bucket + 1] + 1) || state[bucket + 2:149] END;
$$;

-- Counts values per bucket (an int[] of 149 zeros to begin with).
CREATE AGGREGATE toile_histogram(int) (
  SFUNC = toile_histogram_add,
  STYPE = int[],
  INITCOND = '{0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0}'
);

CREATE FUNCTION toile_histogram_merge(a int[], b int[]) RETURNS int[] LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN a IS NULL OR cardinality(a) = 0 THEN b
    WHEN b IS NULL OR cardinality(b) = 0 THEN a
    ELSE ARRAY(SELECT x + y FROM unnest(a, b) AS pair(x, y))
  END;
$$;

-- Sums histograms bucket by bucket (empty ones count for nothing).
CREATE AGGREGATE toile_histogram_sum(int[]) (
  SFUNC = toile_histogram_merge,
  STYPE = int[],
  INITCOND = '{}'
);

-- A write to Transfer marks the (territory, month) it touches: the month each row was sent in and
-- the month its parcours began, in the territory's zone (sentAt is UTC without zone). ON CONFLICT
-- DO UPDATE locks a mark a refresh is taking, so a write that lands while the refresh computes is
-- never lost: its mark comes back once the refresh commits.
CREATE FUNCTION toile_mark_indicator_months(rows_territory uuid[], rows_sent timestamp[], rows_parcours uuid[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "IndicatorStaleMonth" ("territoryId", month)
  SELECT DISTINCT c.territory, date_trunc('month', (c.sent AT TIME ZONE 'UTC') AT TIME ZONE t."timeZone")::date
  FROM (
    SELECT r.territory, r.sent FROM unnest(rows_territory, rows_sent) AS r(territory, sent)
    UNION
    SELECT root."territoryId", root."sentAt" FROM "Transfer" root WHERE root.id = ANY(rows_parcours)
  ) c
  JOIN "Territory" t ON t.id = c.territory
  WHERE c.sent IS NOT NULL
  ORDER BY 1, 2
  ON CONFLICT ("territoryId", month) DO UPDATE SET "markedAt" = now();
$$;

CREATE FUNCTION toile_indicators_changed_transfer() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM toile_mark_indicator_months(
      ARRAY(SELECT r."territoryId" FROM new_rows r), ARRAY(SELECT r."sentAt" FROM new_rows r), ARRAY(SELECT DISTINCT r."parcoursId" FROM new_rows r));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM toile_mark_indicator_months(
      ARRAY(SELECT r."territoryId" FROM old_rows r), ARRAY(SELECT r."sentAt" FROM old_rows r), ARRAY(SELECT DISTINCT r."parcoursId" FROM old_rows r));
  ELSE
    PERFORM toile_mark_indicator_months(
      ARRAY(SELECT r."territoryId" FROM new_rows r UNION ALL SELECT r."territoryId" FROM old_rows r),
      ARRAY(SELECT r."sentAt" FROM new_rows r UNION ALL SELECT r."sentAt" FROM old_rows r),
      ARRAY(SELECT r."parcoursId" FROM new_rows r UNION SELECT r."parcoursId" FROM old_rows r));
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER indicators_inserted AFTER INSERT ON "Transfer" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION toile_indicators_changed_transfer();
CREATE TRIGGER indicators_updated AFTER UPDATE ON "Transfer" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION toile_indicators_changed_transfer();
CREATE TRIGGER indicators_deleted AFTER DELETE ON "Transfer" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION toile_indicators_changed_transfer();

-- The transfers already there: every month they touch is computed by the first refresh.
INSERT INTO "IndicatorStaleMonth" ("territoryId", month)
SELECT DISTINCT tr."territoryId", date_trunc('month', (tr."sentAt" AT TIME ZONE 'UTC') AT TIME ZONE t."timeZone")::date
FROM "Transfer" tr JOIN "Territory" t ON t.id = tr."territoryId"
WHERE tr."sentAt" IS NOT NULL;
