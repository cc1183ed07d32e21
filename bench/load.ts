/**
 * A small, bounded HTTP load generator for the benchmarks: `concurrency` clients request URLs in
 * turn for `durationMs` (and at most `maxRequests`), on this machine only. Measures and returns;
 * prints nothing.
 */
import { performance } from "node:perf_hooks";

export interface LoadResult {
  requests: number;
  failures: number;
  seconds: number;
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export async function load(
  urls: string[],
  {
    concurrency,
    durationMs,
    maxRequests = 100_000,
    expectStatus = 200,
    headers = {},
  }: { concurrency: number; durationMs: number; maxRequests?: number; expectStatus?: number; headers?: Record<string, string> },
): Promise<LoadResult> {
  for (const url of urls) {
    const { hostname } = new URL(url);
    // Benchmarks only ever target this machine.
    if (!["127.0.0.1", "localhost", "[::1]"].includes(hostname)) throw new Error(`Refusing to load a remote address: ${hostname}`);
  }
  const latencies: number[] = [];
  let failures = 0;
  let issued = 0;
  const started = performance.now();
  const deadline = started + durationMs;
  async function client(offset: number) {
    for (let turn = offset; performance.now() < deadline && issued < maxRequests; turn++) {
      issued++;
      const url = urls[turn % urls.length]!;
      const begin = performance.now();
      try {
        // A request that never ends is a failure, not a bench that never ends.
        const response = await fetch(url, { headers: { "accept-encoding": "gzip", ...headers }, signal: AbortSignal.timeout(30_000) });
        await response.arrayBuffer();
        if (response.status !== expectStatus) failures++;
      } catch {
        failures++;
      }
      latencies.push(performance.now() - begin);
    }
  }
  await Promise.all(Array.from({ length: concurrency }, (_, index) => client(index)));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    failures,
    seconds,
    throughput: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
  };
}
