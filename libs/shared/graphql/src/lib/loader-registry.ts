import DataLoader from 'dataloader';

/**
 * Request-scoped DataLoaders, created on first use. Field resolvers ask for a loader by
 * key so every list field batches into one query per request (no N+1).
 */
export class LoaderRegistry {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  get<K, V>(key: string, batch: DataLoader.BatchLoadFn<K, V>): DataLoader<K, V> {
    let loader = this.loaders.get(key) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = new DataLoader<K, V>(batch, { maxBatchSize: 1000 });
      this.loaders.set(key, loader as DataLoader<unknown, unknown>);
    }
    return loader;
  }
}

export { byKeys, groupByKeys } from '@vitrine/shared/kernel';
