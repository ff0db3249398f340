import { createServer, type Server } from 'node:http';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { JobMetrics } from '@vitrine/shared/jobs';
import { HeartbeatService } from './heartbeat.service';

/**
 * Prometheus endpoint of the worker: GET /metrics on WORKER_METRICS_PORT (default 9464,
 * "off" to disable), bound to WORKER_METRICS_HOST (default 0.0.0.0 for a scraper in the same
 * network; it serves counts only, no job data). The same port answers the orchestrator's probes:
 * GET /health/live (the heartbeat loop runs) and GET /health/ready (Redis took the last
 * heartbeat and the worker is not draining), 503 when not.
 */
@Injectable()
export class MetricsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MetricsServer.name);
  private server: Server | null = null;

  constructor(
    private readonly metrics: JobMetrics,
    private readonly heartbeat: HeartbeatService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const setting = process.env['WORKER_METRICS_PORT'] ?? '9464';
    if (setting === 'off') return;
    const server = createServer((req, res) => {
      const route = req.method === 'GET' ? req.url?.split('?')[0] : undefined;
      if (route === '/health/live' || route === '/health/ready') {
        const readiness = this.heartbeat.ready();
        const ok = route === '/health/live' ? this.heartbeat.live() : readiness.ready;
        const body = route === '/health/live' ? { status: ok ? 'live' : 'stuck' } : { status: ok ? 'ready' : 'not-ready', redis: readiness.redis, draining: readiness.draining };
        res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify(body));
        return;
      }
      if (route !== '/metrics') {
        res.writeHead(404).end();
        return;
      }
      this.metrics.registry.metrics().then(
        (body) => res.writeHead(200, { 'content-type': this.metrics.registry.contentType }).end(body),
        (error: Error) => res.writeHead(503, { 'content-type': 'text/plain' }).end(`metrics unavailable: ${error.message}\n`),
      );
    });
    await new Promise<void>((resolve) => {
      server.once('error', (error: NodeJS.ErrnoException) => {
        // A second worker on the same host must still run; only its metrics are missing.
        this.logger.warn(`metrics port ${setting} unavailable (${error.code}); this worker serves no /metrics`);
        resolve();
      });
      server.listen(Number(setting), process.env['WORKER_METRICS_HOST'] ?? '0.0.0.0', () => {
        this.server = server;
        const address = server.address();
        this.logger.log(`metrics on :${typeof address === 'object' && address ? address.port : setting}/metrics`);
        resolve();
      });
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
