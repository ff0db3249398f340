import { Injectable } from '@nestjs/common';
import { NotFoundError, type Actor } from '@vitrine/shared/kernel';
import { isUuid } from '../domain/ids';
import { AgreementRepository, type AgreementRow } from '../infrastructure/agreement.repository';
import { canSeeAgreementOf, scopeOf } from './access';

/** Licence agreements as each party sees them. */
@Injectable()
export class AgreementsService {
  constructor(private readonly agreements: AgreementRepository) {}

  async get(actor: Actor, id: string): Promise<AgreementRow> {
    const a = isUuid(id) ? await this.agreements.findById(id) : null;
    if (!a || !canSeeAgreementOf(actor, a)) throw new NotFoundError('Agreement');
    return a;
  }

  list(actor: Actor, q: { take: number; after: [string, string] | null }) {
    const scope = scopeOf(actor);
    if (!scope) return Promise.resolve({ rows: [] as AgreementRow[], total: 0 });
    return this.agreements.list({ ...q, scope });
  }

  /** For loaders under an already authorized parent. */
  byIds(ids: readonly string[]): Promise<AgreementRow[]> {
    return this.agreements.findByIds(ids.filter(isUuid));
  }
}
