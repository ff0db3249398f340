import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Where return photos' bytes live. The rows (order_return_photos) say what each is; the bytes
 * are kept here under a key the storage chooses. Local disk today; an object store (S3 and the
 * like) would implement the same three calls.
 */
export abstract class ReturnPhotoStorage {
  /** Stores the bytes and answers their key. */
  abstract put(returnId: string, position: number, extension: string, data: Buffer): Promise<string>;
  abstract get(key: string): Promise<Buffer>;
  /** Removes what `put` stored (a request that failed after storing, a return's photos deleted); a missing key is fine. */
  abstract remove(key: string): Promise<void>;
}

export const RETURN_PHOTOS_DIR_DEFAULT = 'var/return-photos';

/** RETURN_PHOTOS_DIR (default var/return-photos under the working directory). */
export function returnPhotosDirFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env['RETURN_PHOTOS_DIR'] || RETURN_PHOTOS_DIR_DEFAULT);
}

/**
 * Photos on local disk under one directory: `<return id>/<position>-<random>.<ext>`, written to
 * a temporary name and renamed, so a reader never sees half a file. Keys are checked to stay
 * inside the directory.
 */
export class LocalDiskReturnPhotoStorage extends ReturnPhotoStorage {
  constructor(private readonly dir: string) {
    super();
  }

  async put(returnId: string, position: number, extension: string, data: Buffer): Promise<string> {
    const key = `${returnId}/${position}-${randomUUID()}.${extension}`;
    const file = this.resolve(key);
    await mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.part`;
    await writeFile(tmp, data, { flag: 'wx' });
    await rename(tmp, file);
    return key;
  }

  get(key: string): Promise<Buffer> {
    return readFile(this.resolve(key));
  }

  async remove(key: string): Promise<void> {
    const file = this.resolve(key);
    await rm(file, { force: true });
    // The return's folder goes with its last photo.
    if (path.dirname(file) !== this.dir) await rmdir(path.dirname(file)).catch(() => undefined);
  }

  private resolve(key: string): string {
    const file = path.resolve(this.dir, key);
    if (!file.startsWith(this.dir + path.sep)) throw new Error('return photo key outside the photos directory');
    return file;
  }
}
