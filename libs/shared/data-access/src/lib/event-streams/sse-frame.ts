const CRLF = Buffer.from('\r\n');

/**
 * One Server-Sent Events frame, encoded once for all the connections that receive it: as is,
 * or as one HTTP/1.1 chunk (what a streamed response's socket carries). Writing the same bytes
 * to 20,000 sockets saves the per-response encoding and framing of `res.write`.
 */
export class SseFrame {
  private raw: Buffer | null = null;
  private chunked: Buffer | null = null;

  constructor(readonly text: string) {}

  bytes(): Buffer {
    return (this.raw ??= Buffer.from(this.text, 'utf8'));
  }

  chunk(): Buffer {
    if (!this.chunked) {
      const body = this.bytes();
      this.chunked = Buffer.concat([Buffer.from(`${body.length.toString(16)}\r\n`), body, CRLF]);
    }
    return this.chunked;
  }
}

export const PING = new SseFrame(': ping\n\n');
