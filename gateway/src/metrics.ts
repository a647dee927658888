import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Prometheus metrics of the gateway: request rates and latencies, and projection lag. */
export class Metrics {
  readonly registry = new Registry();
  readonly requests = new Counter({ name: 'traceledger_http_requests_total', help: 'HTTP requests', labelNames: ['method', 'route', 'status'], registers: [this.registry] });
  readonly latency = new Histogram({
    name: 'traceledger_http_request_duration_seconds',
    help: 'HTTP request latency',
    labelNames: ['method', 'route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });
  readonly ledgerHeight = new Gauge({ name: 'traceledger_ledger_height', help: 'Blocks on the channel', registers: [this.registry] });
  readonly projectedHeight = new Gauge({ name: 'traceledger_projected_height', help: 'Blocks fully projected into the read store', registers: [this.registry] });
  readonly projectionLag = new Gauge({ name: 'traceledger_projection_lag_blocks', help: 'Ledger height minus projected height', registers: [this.registry] });
  readonly deadLetters = new Gauge({ name: 'traceledger_projection_dead_letters', help: 'Committed transactions the projection could not apply', registers: [this.registry] });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }
}
