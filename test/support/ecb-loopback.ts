import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The ECB's eurofxref-daily.xml document for a day and some rates. */
export function ecbDocument(date: string, rates: Record<string, string>): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
	<gesmes:subject>Reference rates</gesmes:subject>
	<gesmes:Sender>
		<gesmes:name>European Central Bank</gesmes:name>
	</gesmes:Sender>
	<Cube>
		<Cube time='${date}'>
${Object.entries(rates).map(([c, r]) => `			<Cube currency='${c}' rate='${r}'/>`).join('\n')}
		</Cube>
	</Cube>
</gesmes:Envelope>`;
}

/** A stand-in for the ECB's rates endpoint: answers what the test sets (a document, an HTTP error, or nothing). */
export class EcbLoopback {
  answer: { status: number; body: string } = { status: 200, body: ecbDocument(new Date().toISOString().slice(0, 10), { USD: '1.0465', CNY: '7.5812' }) };
  requests = 0;

  private constructor(private readonly server: Server) {}

  static async start(): Promise<EcbLoopback> {
    let loopback: EcbLoopback | null = null;
    const server = createServer((_req, res) => {
      loopback!.requests++;
      res.writeHead(loopback!.answer.status, { 'content-type': 'text/xml' }).end(loopback!.answer.body);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    loopback = new EcbLoopback(server);
    return loopback;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/stats/eurofxref/eurofxref-daily.xml`;
  }

  close(): Promise<void> {
    return new Promise((r) => this.server.close(() => r()));
  }
}
