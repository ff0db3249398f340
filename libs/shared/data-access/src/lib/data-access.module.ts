import { Global, Module } from '@nestjs/common';
import { PrismaService, databaseOptionsFromEnv } from './prisma.service';

@Global()
@Module({
  providers: [{ provide: PrismaService, useFactory: () => new PrismaService(databaseOptionsFromEnv()) }],
  exports: [PrismaService],
})
export class DataAccessModule {}
