import { Logger } from '@nestjs/common';

/** What a batch gives back for each key: nothing (done) or the error of that key alone. */
export type BatchOutcome = Map<string, Error | undefined>;

interface Pending {
  resolve: () => void;
  reject: (error: Error) => void;
}

/**
 * Lets jobs that each carry one business id share one database round trip and one remote
 * call (DataLoader style): calls arriving within `maxWaitMs` are run together, up to
 * `maxSize`. Each job still succeeds or fails on its own: the batch function reports errors
 * per key, and if it throws as a whole, every key is run again alone, so a poison key fails
 * only its own job (which then retries and dead-letters by itself).
 *
 * `maxInFlight` (default: no bound) holds a batch that is not full while that many batches are
 * still running: it goes on filling until one ends (or it is full). A busy process, whose
 * batches take longer, so sends fuller batches, and pays each batch's fixed cost (statements,
 * remote calls, signed envelopes) over more keys; an idle one still sends after `maxWaitMs`.
 */
export class MicroBatcher {
  private readonly logger = new Logger('MicroBatcher');
  private queue = new Map<string, Pending[]>();
  private timer: NodeJS.Timeout | null = null;
  /** Batches running now (not counting the one-key reruns that isolate a failing key). */
  private inFlight = 0;
  /** The wait of the batch filling now is over: it goes as soon as a running batch ends. */
  private due = false;

  constructor(
    private readonly run: (keys: string[]) => Promise<BatchOutcome | void>,
    private readonly options: { maxSize: number; maxWaitMs: number; maxInFlight?: number },
  ) {}

  /** Resolves when the batch holding this key has handled it; rejects with this key's error. */
  load(key: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const waiting = this.queue.get(key);
      if (waiting) waiting.push({ resolve, reject });
      else this.queue.set(key, [{ resolve, reject }]);
      if (this.queue.size >= this.options.maxSize) this.flush();
      else if (!this.due) this.timer ??= setTimeout(() => this.waited(), this.options.maxWaitMs);
    });
  }

  private waited(): void {
    this.timer = null;
    if (this.inFlight < (this.options.maxInFlight ?? Infinity)) this.flush();
    else this.due = true;
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.due = false;
    const batch = this.queue;
    this.queue = new Map();
    if (!batch.size) return;
    this.inFlight++;
    void this.execute(batch).finally(() => {
      this.inFlight--;
      if (this.due) this.flush();
    });
  }

  private async execute(batch: Map<string, Pending[]>): Promise<void> {
    const keys = [...batch.keys()];
    let outcome: BatchOutcome | void;
    try {
      outcome = await this.run(keys);
    } catch (error) {
      if (keys.length === 1) return settle(batch.get(keys[0])!, error as Error);
      // Isolate the culprit: each key alone, concurrently (one envelope, statement set… each: said once per batch).
      this.logger.warn(`a batch of ${keys.length} failed as a whole, each runs alone: ${(error as Error).message}`.slice(0, 1000));
      await Promise.all(keys.map((key) => this.execute(new Map([[key, batch.get(key)!]]))));
      return;
    }
    for (const key of keys) settle(batch.get(key)!, outcome?.get(key));
  }
}

function settle(waiting: Pending[], error: Error | undefined): void {
  for (const w of waiting) {
    if (error) w.reject(error);
    else w.resolve();
  }
}
