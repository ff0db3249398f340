import { Module } from '@nestjs/common';
import { EventStreamHub } from './event-stream.hub';

/** One EventStreamHub per process, shared by every feature's streams (live sessions, drops). */
@Module({ providers: [EventStreamHub], exports: [EventStreamHub] })
export class EventStreamsModule {}
