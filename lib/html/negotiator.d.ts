// negotiator 1.x, as much as lib/html/encoding.ts uses (@types/negotiator describes 0.6, without
// the server's own order of preference).
declare module "negotiator" {
  export default class Negotiator {
    constructor(request: { headers: Record<string, string | undefined> });
    /** The client's most preferred of `available`; equal q-values go by `preferred`'s order. */
    encoding(available: readonly string[], options?: { preferred?: readonly string[] }): string | undefined;
  }
}
