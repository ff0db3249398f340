import { createApp } from './app/create-app';
import { apiConfigFromEnv } from './app/api-config';
import { logger } from './app/logger';

async function bootstrap(): Promise<void> {
  const app = await createApp();
  const { port } = apiConfigFromEnv();
  await app.listen(port, '0.0.0.0');
  logger.info(`api listening on http://localhost:${port}/graphql`);
}

bootstrap().catch((error) => {
  logger.error({ err: error }, 'api failed to start');
  process.exit(1);
});
