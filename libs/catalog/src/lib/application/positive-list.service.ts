import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { NotFoundError, validate } from '@vitrine/shared/kernel';
import { PositiveListRepository, type PositiveListRow } from '../infrastructure/positive-list.repository';

const entrySchema = z.object({
  hsPrefix: z.string().regex(/^\d{4,10}$/, 'must be 4 to 10 digits (a heading or a tariff line)'),
  description: z.string().trim().min(1).max(200),
});

/**
 * China's positive list of cross-border retail imports, kept by operators: a rule change
 * needs no release. Products already published stay listed; the next publish or edit checks.
 */
@Injectable()
export class PositiveListService {
  constructor(private readonly entries: PositiveListRepository) {}

  list(): Promise<PositiveListRow[]> {
    return this.entries.list();
  }

  set(input: unknown): Promise<PositiveListRow> {
    return this.entries.upsert(validate(entrySchema, input));
  }

  async remove(hsPrefix: string): Promise<boolean> {
    if (!(await this.entries.remove(hsPrefix))) throw new NotFoundError('Positive list entry');
    return true;
  }
}
