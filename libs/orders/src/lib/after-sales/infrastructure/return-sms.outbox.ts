import type { SqlTx } from '@vitrine/shared/data-access';
import { enqueueJob } from '@vitrine/shared/jobs';
import { smsParams } from '../domain/return-sms';
import { sendReturnSmsJob } from '../jobs/returns.jobs';

export interface GuestReturnStep {
  returnId: string;
  orderId: string;
  /** The step's kind (its history's). */
  step: string;
  /** Once per return and key: the step, or the step and what tells its occurrences apart (a failed refund's id). */
  stepKey?: string;
  /** The step's history parameters (the template's are taken from them). */
  params: Record<string, unknown>;
}

/**
 * Writes the texts of these guests' return steps (steps that are not texted are left out) with
 * the jobs that send them, in the caller's transaction (the step's): the outbox. A step already
 * texted (same return and key) writes nothing, so a replayed step sends nothing twice. Only for
 * returns without an account: an account holder gets notices instead.
 */
export async function queueGuestReturnSms(tx: SqlTx, steps: readonly GuestReturnStep[]): Promise<void> {
  const rows = steps.flatMap((s) => {
    const params = smsParams(s.step, s.params);
    return params ? [{ ...s, stepKey: s.stepKey ?? s.step, params }] : [];
  });
  if (!rows.length) return;
  const ids = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO return_sms (id, return_id, order_id, step, step_key, params, locale)
    SELECT gen_random_uuid(), x.return_id, x.order_id, x.step, x.step_key, x.params, c.locale
    FROM unnest(${rows.map((r) => r.returnId)}::uuid[], ${rows.map((r) => r.orderId)}::uuid[], ${rows.map((r) => r.step)}::text[], ${rows.map((r) => r.stepKey)}::text[], ${rows.map((r) => JSON.stringify(r.params))}::jsonb[])
      AS x(return_id, order_id, step, step_key, params)
      -- In the language the shopper checked out in (the shop's locale, recorded with the checkout).
      JOIN orders o ON o.id = x.order_id JOIN checkouts c ON c.id = o.checkout_id
    ON CONFLICT (return_id, step_key) DO NOTHING
    RETURNING id::text AS id`;
  for (const { id } of ids) await enqueueJob(tx, sendReturnSmsJob, { smsId: id });
}
