import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';

// Prometheus metrics for GET /metrics.
export const registry = new Registry();
collectDefaultMetrics({ register: registry });

export const callbackCounter = new Counter({
  name: 'hall_callbacks_total',
  help: 'WeCom callbacks by outcome (stored, duplicate, rejected status)',
  labelNames: ['outcome'] as const,
  registers: [registry],
});

export const commandCounter = new Counter({
  name: 'hall_commands_total',
  help: 'Chat commands by name and outcome',
  labelNames: ['command', 'outcome'] as const,
  registers: [registry],
});

export const outboxCounter = new Counter({
  name: 'hall_outbox_total',
  help: 'Outbox deliveries by outcome (sent, retry, failed)',
  labelNames: ['outcome'] as const,
  registers: [registry],
});

export const jobCounter = new Counter({
  name: 'hall_job_runs_total',
  help: 'Scheduled job runs by job and outcome',
  labelNames: ['job', 'outcome'] as const,
  registers: [registry],
});

export const backlogGauge = new Gauge({
  name: 'hall_backlog',
  help: 'Rows waiting, by queue (inbox, outbox)',
  labelNames: ['queue'] as const,
  registers: [registry],
});
