import { useApp } from '../App';
import { api } from '../api';
import { message, useLoad } from '../hooks';
import { dateTime } from '../format';
import type { NotificationList } from '../types';

/** 알림: what the caller was told (the same messages the WebSocket pushed), newest first. */
export function Notifications() {
  const { tick, setUnread, toast } = useApp();
  const { data, error, reload } = useLoad(() => api<NotificationList>('GET', '/api/notifications?limit=100'), [], tick);

  const markRead = async () => {
    try {
      // up to the newest shown: one that arrived since stays unread
      const newest = data?.items[0]?.id;
      await api('POST', '/api/notifications/read' + (newest ? `?upTo=${encodeURIComponent(newest)}` : ''));
      const now = await api<NotificationList>('GET', '/api/notifications?limit=1');
      setUnread(now.unread);
      reload();
    } catch (e) {
      toast(message(e), 'error');
    }
  };

  return (
    <section>
      <h2>알림 <small>{data ? `${data.unread} unread` : ''}</small></h2>
      {data && data.unread > 0 && <button onClick={markRead}>모두 읽음 (mark all read)</button>}
      {error && <p className="error">{error}</p>}
      {data && data.items.length === 0 && <p className="empty">알림이 없습니다.</p>}
      <ul className="notifications">
        {data?.items.map((n) => (
          <li key={n.id} data-testid="notification" data-type={n.type}>
            <small>{dateTime(n.createdAt)}</small> <strong>{n.message}</strong>{' '}
            <a href={n.approvalId ? `#/docs/${n.approvalId}` : '#/quests'}>{n.title}</a>{n.actor && <small> · {n.actor.name}</small>}
          </li>
        ))}
      </ul>
    </section>
  );
}
