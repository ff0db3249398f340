'use client';
// A countdown to `until`, ticking each second on the server's clock (`skewMs`: server minus
// ours, from the update stream). What happens at zero arrives by the drop's stream (DropLive).
import { useEffect, useState } from 'react';
import { fill } from '../../i18n/dictionary';

const two = (n: number) => String(n).padStart(2, '0');

export function DropClock({ until, template, testId, skewMs = 0 }: { until: string; template: string; testId: string; skewMs?: number }) {
  const end = new Date(until).getTime();
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const left = Math.max(0, Math.floor((end - ((now ?? end) + skewMs)) / 1000));
  const h = Math.floor(left / 3600);
  const text = h ? `${h}:${two(Math.floor((left % 3600) / 60))}:${two(left % 60)}` : `${Math.floor(left / 60)}:${two(left % 60)}`;
  return (
    <span className="drop-clock" data-testid={testId} suppressHydrationWarning>
      {fill(template, { time: now === null ? '…' : text })}
    </span>
  );
}
