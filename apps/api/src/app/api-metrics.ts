import { createServer, type Server } from 'node:http';
import { Injectable, Logger, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Registry } from 'prom-client';

/** The API process's Prometheus metrics (the read replica's state and lag, read-replica.ts). */
export const apiMetrics = new Registry();

/**
 * GET /metrics on API_METRICS_PORT (off by default), bound to API_METRICS_HOST (default
 * 0.0.0.0): a port apart from the public one, so the Ingress never exposes it. With
 * API_WORKERS > 1 the processes share the port and a scrape reaches one of them.
 */
@Injectable()
export class ApiMetricsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ApiMetricsServer.name);
  private server: Server | null = null;

  async onApplicationBootstrap(): Promise<void> {
    const setting = process.env['API_METRICS_PORT']?.trim() || 'off';
    if (setting === 'off') return;
    const server = createServer((req, res) => {
      if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') {
        res.writeHead(404).end();
        return;
      }
      apiMetrics.metrics().then(
        (body) => res.writeHead(200, { 'content-type': apiMetrics.contentType }).end(body),
        (error: Error) => res.writeHead(503, { 'content-type': 'text/plain' }).end(`metrics unavailable: ${error.message}\n`),
      );
    });
    await new Promise<void>((resolve) => {
      server.once('error', (error: NodeJS.ErrnoException) => {
        this.logger.warn(`metrics port ${setting} unavailable (${error.code}); this process serves no /metrics`);
        resolve();
      });
      server.listen(Number(setting), process.env['API_METRICS_HOST'] ?? '0.0.0.0', () => {
        this.server = server;
        const address = server.address();
        const line = `metrics on :${typeof address === 'object' && address ? address.port : setting}/metrics`;
        this.logger.log(line);
        // API_METRICS_PORT=0: the process that started this one learns the port from this line
        // (Nest's logger here prints warnings and errors only).
        if (Number(setting) === 0) process.stdout.write(`${line}\n`);
        resolve();
      });
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

@Module({ providers: [ApiMetricsServer] })
export class ApiMetricsModule {}
