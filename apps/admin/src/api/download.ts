import { fetchAuthorized } from './graphql';

/** Saves a file the API serves behind the bearer token under the given name. */
export async function downloadFile(path: string, filename: string): Promise<void> {
  const blob = await fetchAuthorized(path);
  const url = URL.createObjectURL(blob);
  try {
    const a = document.createElement('a');
    a.href = url;
    a.download = filename;
    document.body.appendChild(a);
    a.click();
    a.remove();
  } finally {
    // The click has handed the blob to the browser's download manager.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
