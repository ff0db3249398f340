import { Injectable, Logger } from '@nestjs/common';
import { EventStreamHub } from '@vitrine/shared/data-access';
import { ReservationExpiryService } from '../../application/reservation-expiry.service';
import { DROP_CHANGED, DROP_STREAM_KIND } from '../domain/drop-events';
import { drawOrder, dueStatus, shuffle, turnsToGive } from '../domain/allocation';
import { DropsRepository } from '../infrastructure/drops.repository';

export interface DropTickReport {
  drops: number;
  admitted: number;
  expired: number;
  cancelledCheckouts: number;
  notices: number;
}

/**
 * The drops' timetable, run by the worker's `drops-tick` job: opens registration, shuffles the
 * waiting room (QUEUE) or draws (DRAW) at the start / registration close, ends turns that ran
 * out (their unpaid checkouts cancelled, stock released), admits the next shoppers, ends a drop
 * sold out or with nobody left, and delivers notices. Each drop is advanced under its row's lock,
 * re-reading its state, so two workers or a repeated tick change nothing twice.
 */
@Injectable()
export class DropAllocationService {
  private readonly logger = new Logger(DropAllocationService.name);

  constructor(
    private readonly repo: DropsRepository,
    private readonly expiry: ReservationExpiryService,
    private readonly streams: EventStreamHub,
  ) {}

  async tick(now: Date = new Date()): Promise<DropTickReport> {
    const report: DropTickReport = { drops: 0, admitted: 0, expired: 0, cancelledCheckouts: 0, notices: 0 };
    // Turns over with the checkout still unpaid: cancelled at Stripe first, then orders and stock.
    for (const checkoutId of await this.repo.overdueCheckouts(now)) {
      const r = await this.expiry.cancelUnpaid(checkoutId, 'drop turn ended unpaid', now, () => true);
      if (typeof r !== 'string') report.cancelledCheckouts++;
      else this.logger.warn(`drop checkout ${checkoutId} left for a later tick: ${r}`);
    }
    for (const id of await this.repo.dueDrops(now)) {
      const r = await this.advance(id, now);
      // Committed: the drop's open pages read it again (a start, a draw, turns given or ended, the end).
      if (r.changed) await this.streams.publish(DROP_STREAM_KIND, id, DROP_CHANGED);
      report.drops++;
      report.admitted += r.admitted;
      report.expired += r.expired;
      report.notices += r.notices;
    }
    report.notices += await this.repo.transaction(async (tx) => {
      const restocked = await this.repo.takeRestocked(tx, now);
      for (const r of restocked) await this.repo.notify(tx, [r.userId], { kind: 'BACK_IN_STOCK', variantId: r.variantId });
      return restocked.length;
    });
    return report;
  }

  private advance(dropId: string, now: Date): Promise<{ admitted: number; expired: number; notices: number; changed: boolean }> {
    return this.repo.transaction(async (tx) => {
      const out = { admitted: 0, expired: 0, notices: 0, changed: false };
      const d = await this.repo.lockDrop(tx, dropId);
      if (!d) return out;
      const due = dueStatus(d, now);
      if (d.status === 'SCHEDULED' && due !== 'SCHEDULED') {
        const subscribers = await this.repo.takeDropSubscribers(tx, d.id, now);
        await this.repo.notify(tx, subscribers, { kind: 'DROP_OPEN', dropId: d.id, variantId: d.variantId, params: { mode: d.mode } });
        out.notices += subscribers.length;
      }
      if (due === 'REGISTRATION') {
        if (d.status !== 'REGISTRATION') await this.repo.setStatus(tx, d.id, 'REGISTRATION', now);
        out.changed = d.status !== 'REGISTRATION';
        return out;
      }
      if (due !== 'ALLOCATING') return out;
      if (d.status !== 'ALLOCATING') {
        // The start of turns: everyone already waiting is put in an order nobody could choose.
        const waiting = await this.repo.waitingUnplaced(tx, d.id);
        if (d.mode === 'QUEUE') await this.repo.place(tx, d.id, shuffle(waiting), now, 'shuffle', false);
        else await this.repo.place(tx, d.id, drawOrder(d.storedSeed!, waiting), now, 'draw', true);
        await this.repo.setStatus(tx, d.id, 'ALLOCATING', now);
        out.changed = true;
      }

      // What became of checked-out turns: paid, cancelled (unpaid at the turn's end), or withdrawn.
      const paid: string[] = [];
      const lapsed: string[] = [];
      const lapsedUsers: string[] = [];
      const withdrawn: string[] = [];
      for (const c of await this.repo.checkedOut(tx, d.id)) {
        if (!c.statuses.length && c.turnEndsAt > now) withdrawn.push(c.id);
        else if (c.statuses.every((s) => s === 'CANCELLED')) {
          lapsed.push(c.id);
          lapsedUsers.push(c.userId);
        }
        else if (!c.statuses.includes('PENDING_PAYMENT')) paid.push(c.id);
      }
      await this.repo.setEntryStatus(tx, paid, 'CHECKED_OUT', 'PAID');
      await this.repo.releaseClaims(tx, lapsed, 'EXPIRED');
      // A checkout withdrawn (Stripe unreachable) gives the turn back while it lasts.
      await this.repo.releaseClaims(tx, withdrawn, 'ADMITTED');
      const expired = await this.repo.expireTurns(tx, d.id, now);
      out.expired = expired.length + lapsed.length;
      await this.repo.notify(tx, [...lapsedUsers, ...expired.map((e) => e.userId)], { kind: 'DROP_TURN_EXPIRED', dropId: d.id, variantId: d.variantId });

      const c = await this.repo.counts(tx, d.id, d.variantId);
      const n = Math.min(c.waiting, turnsToGive({ editionSize: d.editionSize, perIdentityLimit: d.perIdentityLimit, claimedUnits: c.claimed, openTurns: c.openTurns }));
      const turnEndsAt = new Date(now.getTime() + d.payWindowSeconds * 1000);
      const admitted = await this.repo.admitNext(tx, d.id, n, now, turnEndsAt);
      out.admitted = admitted.length;
      await this.repo.notify(tx, admitted.map((e) => e.userId), { kind: d.mode === 'DRAW' ? 'DROP_WON' : 'DROP_TURN', dropId: d.id, variantId: d.variantId, params: { turnEndsAt: turnEndsAt.toISOString() } });
      out.notices += lapsedUsers.length + expired.length + admitted.length;
      if (paid.length || lapsed.length || withdrawn.length || expired.length || admitted.length) out.changed = true;

      const soldOut = c.paid >= d.editionSize;
      // Counted after this tick's changes: nobody waiting, no open turn, no checkout awaiting payment.
      const nobodyLeft = c.waiting === 0 && c.openTurns + admitted.length === 0 && c.pendingCheckouts === 0;
      if (soldOut || nobodyLeft) {
        // A payment committed after the tally above (counts() already saw it): its entry is PAID
        // before the drop ends, as no later tick looks at an ended drop.
        const late = (await this.repo.checkedOut(tx, d.id)).filter((x) => x.statuses.length && !x.statuses.includes('PENDING_PAYMENT') && !x.statuses.every((st) => st === 'CANCELLED'));
        await this.repo.setEntryStatus(tx, late.map((x) => x.id), 'CHECKED_OUT', 'PAID');
        const losers = await this.repo.closeWaiting(tx, d.id);
        await this.repo.notify(tx, losers.map((e) => e.userId), { kind: 'DROP_NOT_SELECTED', dropId: d.id, variantId: d.variantId, params: { mode: d.mode } });
        await this.repo.setStatus(tx, d.id, 'ENDED', now);
        out.notices += losers.length;
        out.changed = true;
      }
      return out;
    });
  }
}
