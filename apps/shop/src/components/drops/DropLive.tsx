'use client';
// The drop page's moving parts, pushed by the drop's update stream (GET /drops/:id/events,
// Server-Sent Events through the API; no polling, no reload): status and countdowns, remaining
// units and the sold-out moment, the draw's close and revealed seed, and with the shopper's
// token their own entry (place in the queue, turn with its pay window, draw result).
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useState, type ReactNode } from 'react';
import { fill } from '../../i18n/dictionary';
import type { DropsDictionary } from '../../i18n/drops-types';
import type { ShopLocale } from '../../i18n/locales';
import type { DropStreamEntry, DropStreamState } from '../../lib/api/drops';
import { routes } from '../../lib/routes';
import { DropClock } from './DropClock';

export interface DropLiveProps {
  locale: ShopLocale;
  t: DropsDictionary;
  eventsUrl: string;
  /** The drop as the page was rendered (the stream's first frame replaces it at once; `remaining` unknown until then). */
  initial: Omit<DropStreamState, 'remaining' | 'waiting' | 'soldOut' | 'soldOutAt'> & {
    remaining: number | null;
    waiting: number | null;
    soldOut: boolean;
    soldOutAt: string | null;
  };
  initialEntry: DropStreamEntry | null;
  /** The buy form during the shopper's turn (server action, hidden fields). */
  buy: (formData: FormData) => Promise<void>;
  hidden: ReactNode;
  variantId: string;
  perIdentityLimit: number;
  /** DRAW, once drawn: the registration list the draw ran on (entry ids, sorted) and each one's rank. */
  drawList: { entryId: string; rank: number | null }[];
  /** Shown while the drop takes entries and the shopper has none (the join form, or sign in). */
  whileAccepting?: ReactNode;
  /** Shown while the drop has not started ("notify me when it opens"). */
  whileScheduled?: ReactNode;
}

type View = DropLiveProps['initial'];

export function DropLive({
  locale,
  t,
  eventsUrl,
  initial,
  initialEntry,
  buy,
  hidden,
  variantId,
  perIdentityLimit,
  drawList: ranked,
  whileAccepting,
  whileScheduled,
}: DropLiveProps) {
  const router = useRouter();
  const [drop, setDrop] = useState<View>(initial);
  const [entry, setEntry] = useState<DropStreamEntry | null>(initialEntry);
  const [stream, setStream] = useState<'connecting' | 'open' | 'closed'>('connecting');
  const [cancelled, setCancelled] = useState(false);
  // Server time minus ours, from each frame: countdowns follow the server's clock.
  const [skew, setSkew] = useState(0);

  useEffect(() => {
    const source = new EventSource(eventsUrl);
    const read = <T,>(m: Event) =>
      JSON.parse((m as MessageEvent<string>).data) as T & { serverTime?: string };
    source.addEventListener('drop', (m) => {
      const e = read<{ drop: DropStreamState }>(m);
      if (e.serverTime) setSkew(new Date(e.serverTime).getTime() - Date.now());
      setDrop(e.drop);
      setStream('open');
    });
    source.addEventListener('entry', (m) => setEntry(read<{ entry: DropStreamEntry | null }>(m).entry));
    source.addEventListener('cancelled', () => {
      setCancelled(true);
      setStream('closed');
      // The API ends the stream next; reconnecting would answer 404.
      source.close();
    });
    source.onerror = () => {
      if (source.readyState === EventSource.CLOSED) {
        // Refused (the token expired): the page is read again with a new token, which opens a new stream.
        setStream('closed');
        setTimeout(() => router.refresh(), 5_000);
        return;
      }
      setStream('connecting');
    };
    return () => source.close();
  }, [eventsUrl, router]);

  // The seed arrived by the stream on a page rendered before the draw: read the page again for the list it ran on.
  const listMissing = drop.mode === 'DRAW' && drop.seed !== null && drop.drawCount > 0 && ranked.length === 0;
  useEffect(() => {
    if (listMissing) router.refresh();
  }, [listMissing, router]);
  const drawList = [...ranked].map((e) => e.entryId).sort();
  const myRank = entry ? (ranked.find((e) => e.entryId === entry.id)?.rank ?? null) : null;

  const when = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'medium',
    timeZone: 'Asia/Shanghai',
  });
  const status = cancelled ? 'CANCELLED' : drop.status;
  const accepting =
    drop.mode === 'QUEUE' ? status === 'SCHEDULED' || status === 'ALLOCATING' : status === 'REGISTRATION';
  const entryText = (() => {
    if (!entry) return null;
    if (drop.mode === 'DRAW' && entry.drawResult === 'WAITLIST' && entry.placeInQueue !== null)
      return fill(t.waitlist, { place: entry.placeInQueue });
    switch (entry.status) {
      case 'WAITING':
        if (entry.placeInQueue !== null) return fill(t.place, { place: entry.placeInQueue });
        return drop.mode === 'QUEUE' ? t.waitingStart : t.registered;
      case 'CHECKED_OUT':
        return t.checkedOut;
      case 'PAID':
        return t.paid;
      case 'EXPIRED':
        return t.expired;
      case 'NOT_SELECTED':
        return t.notSelected;
      case 'VOIDED':
        return t.voided;
      default:
        return null;
    }
  })();

  return (
    <div className="drop-live" data-testid="drop-live" data-stream={stream}>
      <p className="drop-mode">
        <span className="drop-badge">{drop.mode === 'QUEUE' ? t.queue : t.draw}</span>{' '}
        <span data-testid="drop-status">
          {drop.mode === 'DRAW' && status === 'ALLOCATING' && drop.seed ? t.drawn : t.status[status]}
        </span>
        {stream === 'connecting' && drop.remaining !== null ? (
          <small className="drop-reconnecting"> · {t.reconnecting}</small>
        ) : null}
      </p>
      {status === 'SCHEDULED' && (
        <DropClock until={drop.startsAt} template={t.startsIn} testId="drop-countdown" skewMs={skew} />
      )}
      {status === 'REGISTRATION' && drop.registrationClosesAt && (
        <DropClock
          until={drop.registrationClosesAt}
          template={t.closesIn}
          testId="drop-countdown"
          skewMs={skew}
        />
      )}
      {drop.mode === 'DRAW' &&
      drop.registrationClosesAt &&
      (status === 'SCHEDULED' || status === 'REGISTRATION') ? (
        <p className="drop-closes" data-testid="drop-closes-at">
          {fill(t.closesAt, { time: when.format(new Date(drop.registrationClosesAt)) })}
        </p>
      ) : null}
      {drop.soldOut ? (
        <p className="drop-sold-out" role="status" data-testid="drop-sold-out">
          {drop.soldOutAt ? fill(t.soldOutAt, { time: when.format(new Date(drop.soldOutAt)) }) : t.soldOut}
        </p>
      ) : drop.remaining !== null && status !== 'ENDED' && status !== 'CANCELLED' ? (
        <p className="drop-remaining" aria-live="polite" data-testid="drop-remaining">
          {fill(t.remaining, { remaining: drop.remaining, edition: drop.editionSize })}
        </p>
      ) : null}

      {entryText && (
        <p className="drop-entry" aria-live="polite" data-testid="drop-entry">
          {entryText}
        </p>
      )}
      {entry && (entry.status === 'CHECKED_OUT' || entry.status === 'PAID') ? (
        <p>
          <Link href={routes.orders(locale)} data-testid="drop-orders">
            {t.seeOrders}
          </Link>
        </p>
      ) : null}
      {entry?.status === 'ADMITTED' && entry.turnEndsAt && !cancelled && (
        <form action={buy} className="drop-buy" data-testid="drop-turn">
          {hidden}
          <p className="drop-turn" role="status">
            {entry.drawResult === 'PROMOTED' ? (
              <strong data-testid="drop-promoted">{t.promoted}</strong>
            ) : drop.mode === 'DRAW' ? (
              <strong data-testid="drop-won">{t.won}</strong>
            ) : null}{' '}
            <DropClock
              until={entry.turnEndsAt}
              // A winner was not "in the queue": they have this long to pay (minutes:seconds, not a time of day).
              template={drop.mode === 'DRAW' ? t.payLeft : t.yourTurn}
              testId="drop-turn-clock"
              skewMs={skew}
            />
          </p>
          <input type="hidden" name="variantId" value={variantId} />
          {perIdentityLimit > 1 ? (
            <label>
              {t.quantity}{' '}
              <input type="number" name="quantity" min={1} max={perIdentityLimit} defaultValue={1} />
            </label>
          ) : (
            // One per person: nothing to choose.
            <input type="hidden" name="quantity" value={1} />
          )}
          <button type="submit" className="button primary">
            {t.buy}
          </button>
        </form>
      )}
      {accepting && !entry ? whileAccepting : null}
      {status === 'SCHEDULED' ? whileScheduled : null}
      {drop.seedHash && (
        // A draw's commitment is shown from the first look (before registration opens): the fingerprint, then the seed and the list it ran on.
        <details className="drop-verify" open data-testid="drop-verify">
          <summary>{t.verify}</summary>
          <p>
            {t.seedHash}
            {t.colon}
            <code data-testid="drop-seed-hash">{drop.seedHash}</code>
          </p>
          {drop.seed ? (
            <>
              <p>
                {t.seed}
                {t.colon}
                <code data-testid="drop-seed">{drop.seed}</code>
              </p>
              {myRank ? (
                <p>
                  {t.myEntry}
                  {t.colon}
                  <code data-testid="drop-my-entry">{entry!.id}</code>{' '}
                  <span data-testid="drop-my-rank">
                    {fill(t.myRank, { rank: myRank, count: drawList.length })}
                  </span>
                </p>
              ) : null}
              <p className="drop-verify-how">{fill(t.verifyHow, { edition: drop.editionSize })}</p>
              {drawList.length ? (
                <details className="drop-list">
                  <summary data-testid="drop-list-toggle">
                    {fill(t.drawList, { count: drawList.length })}
                  </summary>
                  <ul>
                    {drawList.map((id) => (
                      <li key={id}>
                        <code data-testid="drop-list-entry">{id}</code>
                        {id === entry?.id ? <strong> {t.mine}</strong> : null}
                      </li>
                    ))}
                  </ul>
                </details>
              ) : (
                <p>{fill(t.drawList, { count: drop.drawCount })}</p>
              )}
            </>
          ) : null}
        </details>
      )}
    </div>
  );
}
