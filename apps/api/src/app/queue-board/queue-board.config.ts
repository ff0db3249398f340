import { createHmac, randomBytes } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { fxRefreshJobs } from '@vitrine/catalog';
import { piiRetentionJobs } from '@vitrine/customs';
import { settlementJobs } from '@vitrine/settlement';
import { inventorySyncJobs } from '@vitrine/inventory';
import { licensingJobs } from '@vitrine/licensing';
import { orderPipelineJobs } from '@vitrine/orders';
import { purgeOutboxJob, type JobDefinition } from '@vitrine/shared/jobs';

/** Every job apps/worker runs (the same lists its WorkerModule registers), so the board shows every queue. */
export const BOARD_JOBS: readonly JobDefinition[] = [...licensingJobs, ...orderPipelineJobs, ...inventorySyncJobs, ...fxRefreshJobs, ...piiRetentionJobs, ...settlementJobs, purgeOutboxJob] as JobDefinition[];

export const BOARD_PATH = '/admin/queues';

export interface QueueBoardConfig {
  /** Signs board links and session cookies (QUEUE_BOARD_SECRET; otherwise derived from JWT_SECRET). */
  secret: string;
  /** A link from queueBoardLink works this long (seconds). */
  linkTtlSeconds: number;
  /** The board session cookie lasts this long (QUEUE_BOARD_SESSION_MINUTES). */
  sessionTtlSeconds: number;
  secureCookie: boolean;
}

export function queueBoardConfigFromEnv(env: NodeJS.ProcessEnv = process.env): QueueBoardConfig {
  const production = env['NODE_ENV'] === 'production';
  let secret = env['QUEUE_BOARD_SECRET'];
  if (!secret && env['JWT_SECRET']) secret = createHmac('sha256', env['JWT_SECRET']).update('vitrine:queue-board').digest('hex');
  if (!secret) {
    if (production) throw new Error('QUEUE_BOARD_SECRET (or JWT_SECRET) must be set in production');
    new Logger('QueueBoard').warn('no QUEUE_BOARD_SECRET or JWT_SECRET: board links only work on this API process');
    secret = randomBytes(32).toString('hex');
  }
  return { secret, linkTtlSeconds: 60, sessionTtlSeconds: Number(env['QUEUE_BOARD_SESSION_MINUTES'] ?? 30) * 60, secureCookie: production };
}
