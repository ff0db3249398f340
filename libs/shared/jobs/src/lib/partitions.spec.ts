import { defineJob, defineQueue, partitionIndexOf, partitionName, partitionOf, queueNamesOf } from './job-definition';
import { queuePrefixFor } from './jobs-config';
import { jobOf } from './outbox';
import { QueueRegistry } from './queue-registry';
import { jobsConfigFromEnv } from './jobs-config';

describe('queues split by a key (partitions)', () => {
  const split = defineQueue('order-pipeline', { concurrency: 200, partitions: 4 });
  const declare = defineJob<{ orderId: string }>({ queue: split, name: 'declare-customs', jobId: (p) => `declare-customs.${p.orderId}`, partitionKey: (p) => p.orderId });
  const book = defineJob<{ orderId: string; handover?: number }>({ queue: split, name: 'book-shipment', jobId: (p) => `book-shipment.${p.orderId}`, partitionKey: (p) => p.orderId });

  it('names each partition and sends every job of one key to the same one', () => {
    expect(queueNamesOf(split)).toEqual(['order-pipeline.p0', 'order-pipeline.p1', 'order-pipeline.p2', 'order-pipeline.p3']);
    expect(queueNamesOf(defineQueue('after-sales'))).toEqual(['after-sales']);
    const orderId = '0b6f3c1e-52a4-4f0e-9d51-2f7c1a9e8b10';
    const queue = jobOf(declare, { orderId }).queue;
    expect(queue).toBe(partitionName('order-pipeline', partitionOf(orderId, 4)));
    expect(jobOf(book, { orderId, handover: 2 }).queue).toBe(queue);
    expect(partitionIndexOf(queue)).toBe(partitionOf(orderId, 4));
    expect(partitionIndexOf('order-pipeline')).toBeNull();
  });

  it('spreads keys over the partitions and is stable (FNV-1a)', () => {
    expect(partitionOf('', 7)).toBe(0x811c9dc5 % 7);
    expect(partitionOf('a', 1_000_000)).toBe(0xe40c292c % 1_000_000);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 4_000; i++) counts[partitionOf(`order-${i}`, 4)]!++;
    expect(Math.min(...counts)).toBeGreaterThan(800);
  });

  it('refuses a split queue job without a key, and partition counts out of range', () => {
    expect(() => defineJob<{ scope: string }>({ queue: split, name: 'tick', jobId: () => 'tick' })).toThrow(/needs a partitionKey/);
    expect(() => defineQueue('q', { partitions: 0 })).toThrow(/from 1 to 64/);
    expect(() => defineQueue('q', { partitions: 2.5 })).toThrow(/from 1 to 64/);
  });

  it('knows the jobs under every partition, and gives each partition its own hash tag on a cluster', () => {
    const registry = new QueueRegistry(jobsConfigFromEnv({}), [declare, book]);
    expect(registry.names).toEqual(['dead-letter', 'order-pipeline.p0', 'order-pipeline.p1', 'order-pipeline.p2', 'order-pipeline.p3']);
    expect(registry.definition('order-pipeline.p2', 'book-shipment')).toBe(book);
    expect(registry.definitions).toEqual([declare, book]);
    expect(queuePrefixFor({ prefix: 'vitrine', cluster: null }, 'order-pipeline.p3')).toBe('vitrine');
    expect(queuePrefixFor({ prefix: '{vitrine}', cluster: [{ host: 'r', port: 1 }] }, 'order-pipeline.p3')).toBe('{vitrine.p3}');
    expect(queuePrefixFor({ prefix: '{vitrine}', cluster: [{ host: 'r', port: 1 }] }, 'after-sales')).toBe('{vitrine}');
  });

  it('after the partition count changed: sends a job written for another partitioning to its partition now, and names the queues left to drain', () => {
    const registry = new QueueRegistry(jobsConfigFromEnv({}), [declare, book]);
    const orderId = '0b6f3c1e-52a4-4f0e-9d51-2f7c1a9e8b10';
    const now = partitionName('order-pipeline', partitionOf(orderId, 4));
    // Written by a process with 6 partitions (p5), with 1 (no partition), or with 4 (as now).
    expect(registry.route('order-pipeline.p5', 'declare-customs', { orderId })).toBe(now);
    expect(registry.route('order-pipeline', 'book-shipment', { orderId })).toBe(now);
    expect(registry.route(now, 'declare-customs', { orderId })).toBe(now);
    // A job this process does not define keeps its queue.
    expect(registry.route('order-pipeline.p5', 'retired-job', { orderId })).toBe('order-pipeline.p5');
    expect(registry.leftoverQueueNames).toEqual(['order-pipeline', ...Array.from({ length: 60 }, (_, i) => `order-pipeline.p${i + 4}`)]);

    // Not split now, but split before: every partition is left over, the whole queue is not.
    const whole = defineQueue('order-pipeline', { partitions: 1 });
    const declareWhole = defineJob<{ orderId: string }>({ queue: whole, name: 'declare-customs', jobId: (p) => `declare-customs.${p.orderId}`, partitionKey: (p) => p.orderId });
    const one = new QueueRegistry(jobsConfigFromEnv({}), [declareWhole, defineJob({ queue: defineQueue('after-sales'), name: 'x', jobId: () => 'x' })]);
    expect(one.route('order-pipeline.p3', 'declare-customs', { orderId })).toBe('order-pipeline');
    expect(one.leftoverQueueNames).toEqual(Array.from({ length: 64 }, (_, i) => `order-pipeline.p${i}`));
  });
});
