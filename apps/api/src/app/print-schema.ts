import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { printSchema } from 'graphql';
import { AppModule } from './app.module';

/** The SDL of the schema the API serves, built from the real module graph. */
export async function printServedSchema(): Promise<string> {
  const app = await NestFactory.create(AppModule, { logger: false });
  await app.init();
  try {
    return printSchema(app.get(GraphQLSchemaHost).schema) + '\n';
  } finally {
    await app.close();
  }
}
