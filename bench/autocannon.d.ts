// Minimal types for the part of autocannon the benchmark uses (the package ships none).
declare module 'autocannon' {
  interface RawRequest { method?: string; path: string; headers?: Record<string, string> }
  interface RequestSpec {
    method?: string;
    path?: string;
    /** Rewrites each request before it is sent (the same object comes back); a falsy return restarts the sequence. */
    setupRequest?: (request: RawRequest) => RawRequest;
  }
  interface Options {
    url: string;
    connections?: number;
    duration?: number;
    amount?: number;
    pipelining?: number;
    headers?: Record<string, string>;
    /** Cycled through by every connection. */
    requests?: RequestSpec[];
  }
  interface Histogram { p50: number; p90: number; p99: number; average: number; max: number; min: number }
  export interface Result {
    requests: Histogram & { total: number; sent: number };
    latency: Histogram;
    errors: number;
    timeouts: number;
    non2xx: number;
    duration: number;
  }
  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}
