import { Injectable } from '@nestjs/common';

/** The time, injectable so that term and due-date rules can be tested on any day. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
