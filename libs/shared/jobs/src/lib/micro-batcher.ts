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
 */
export class MicroBatcher {
  private queue = new Map<string, Pending[]>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly run: (keys: string[]) => Promise<BatchOutcome | void>,
    private readonly options: { maxSize: number; maxWaitMs: number },
  ) {}

  /** Resolves when the batch holding this key has handled it; rejects with this key's error. */
  load(key: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const waiting = this.queue.get(key);
      if (waiting) waiting.push({ resolve, reject });
      else this.queue.set(key, [{ resolve, reject }]);
      if (this.queue.size >= this.options.maxSize) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.options.maxWaitMs);
    });
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.queue;
    this.queue = new Map();
    if (batch.size) void this.execute(batch);
  }

  private async execute(batch: Map<string, Pending[]>): Promise<void> {
    const keys = [...batch.keys()];
    let outcome: BatchOutcome | void;
    try {
      outcome = await this.run(keys);
    } catch (error) {
      if (keys.length === 1) return settle(batch.get(keys[0])!, error as Error);
      // Isolate the culprit: each key alone, concurrently.
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
