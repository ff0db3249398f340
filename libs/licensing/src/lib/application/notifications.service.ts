import { Injectable } from '@nestjs/common';
import { NotFoundError, type Actor } from '@vitrine/shared/kernel';
import { isUuid } from '../domain/ids';
import { NotificationRepository, type NotificationRow } from '../infrastructure/notification.repository';
import { Clock } from './clock';
import { scopeOf } from './access';

/** Licensing notices: a museum's (review reminders, expiries) and a brand's. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly notifications: NotificationRepository,
    private readonly clock: Clock,
  ) {}

  list(actor: Actor, q: { unreadOnly: boolean; take: number; after: [string, string] | null }) {
    const scope = scopeOf(actor);
    if (!scope) return Promise.resolve({ rows: [] as NotificationRow[], total: 0 });
    return this.notifications.list({ ...q, scope });
  }

  async markRead(actor: Actor, id: string): Promise<NotificationRow> {
    const scope = scopeOf(actor);
    const row = scope && isUuid(id) ? await this.notifications.markRead(id, scope, this.clock.now()) : null;
    if (!row) throw new NotFoundError('Notification');
    return row;
  }
}
