import pino from 'pino';

/**
 * One structured logger for the process. Secrets and personal data are redacted by path;
 * resident ID numbers never reach a log line in the first place (they are not logged).
 */
export const logger = pino({
  level: process.env['LOG_LEVEL'] ?? (process.env['NODE_ENV'] === 'test' ? 'silent' : 'info'),
  redact: {
    paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["stripe-signature"]', '*.password', '*.residentId', '*.idNumber'],
    censor: '[redacted]',
  },
});
