import jwt from 'jsonwebtoken';
import type { NextFunction, Request, Response } from 'express';
import type { AuthService } from '@vitrine/identity';
import { BOARD_PATH, type QueueBoardConfig } from './queue-board.config';

const COOKIE = 'vitrine_queue_board';
type Kind = 'link' | 'session';

/**
 * Who may open the queue board: operators only. A browser gets in with a link the console
 * asks for (queueBoardLink, valid one minute, single purpose) which sets a session cookie
 * (HttpOnly, SameSite=Lax, path /admin/queues) and redirects to the board; scripts may
 * send an operator's access token as a bearer instead. Anything else is 401.
 */
export class QueueBoardAuth {
  constructor(
    private readonly config: QueueBoardConfig,
    private readonly auth: AuthService,
  ) {}

  private sign(userId: string, kind: Kind, ttl: number): string {
    return jwt.sign({ sub: userId, kind }, this.config.secret, { algorithm: 'HS256', expiresIn: ttl, audience: 'vitrine-queue-board', issuer: 'vitrine' });
  }

  private verify(token: string, kind: Kind): string | null {
    try {
      const claims = jwt.verify(token, this.config.secret, { algorithms: ['HS256'], audience: 'vitrine-queue-board', issuer: 'vitrine' }) as { sub: string; kind: Kind };
      return claims.kind === kind ? claims.sub : null;
    } catch {
      return null;
    }
  }

  /** A one-minute link into the board for an operator. */
  link(userId: string): { path: string; expiresAt: Date } {
    return { path: `${BOARD_PATH}/session?ticket=${encodeURIComponent(this.sign(userId, 'link', this.config.linkTtlSeconds))}`, expiresAt: new Date(Date.now() + this.config.linkTtlSeconds * 1000) };
  }

  /** Express middleware in front of the board. */
  middleware() {
    return (req: Request, res: Response, next: NextFunction): void => {
      if (req.path === '/session') {
        const userId = typeof req.query['ticket'] === 'string' ? this.verify(req.query['ticket'], 'link') : null;
        if (!userId) {
          res.status(401).type('text/plain').send('This board link is invalid or has expired: ask the console for a new one.');
          return;
        }
        res.cookie(COOKIE, this.sign(userId, 'session', this.config.sessionTtlSeconds), {
          httpOnly: true,
          // Lax: sent when the console's link navigates here (even from another site), never with a cross-site PUT.
          sameSite: 'lax',
          secure: this.config.secureCookie,
          path: BOARD_PATH,
          maxAge: this.config.sessionTtlSeconds * 1000,
        });
        res.redirect(303, `${BOARD_PATH}/`);
        return;
      }
      const header = req.headers.authorization;
      const bearer = header?.startsWith('Bearer ') ? this.auth.actorFromAccessToken(header.slice(7)) : null;
      const session = this.cookie(req);
      if (bearer?.role === 'PLATFORM_ADMIN' || (session && this.verify(session, 'session'))) {
        res.setHeader('cache-control', 'no-store');
        next();
        return;
      }
      res.status(401).type('text/plain').send('Operators only: open the queue board from the console.');
    };
  }

  private cookie(req: Request): string | null {
    for (const part of (req.headers.cookie ?? '').split(';')) {
      const [name, ...value] = part.trim().split('=');
      if (name === COOKIE) return decodeURIComponent(value.join('='));
    }
    return null;
  }
}
