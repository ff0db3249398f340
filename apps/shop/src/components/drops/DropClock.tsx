'use client';
// A countdown to `until`, ticking each second; when it reaches zero the page is read again
// (the worker has started the drop, closed registration or ended the turn by then).
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { fill } from '../../i18n/dictionary';

const two = (n: number) => String(n).padStart(2, '0');

export function DropClock({ until, template, testId }: { until: string; template: string; testId: string }) {
  const router = useRouter();
  const end = new Date(until).getTime();
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    // Place in the queue and turns move on the server: read the page again every few seconds.
    const refresh = setInterval(() => router.refresh(), 5000);
    return () => {
      clearInterval(timer);
      clearInterval(refresh);
    };
  }, [router]);
  useEffect(() => {
    if (now !== null && now >= end + 1000) router.refresh();
  }, [now, end, router]);
  const left = Math.max(0, Math.floor((end - (now ?? end)) / 1000));
  const h = Math.floor(left / 3600);
  const text = h ? `${h}:${two(Math.floor((left % 3600) / 60))}:${two(left % 60)}` : `${Math.floor(left / 60)}:${two(left % 60)}`;
  return (
    <span className="drop-clock" data-testid={testId} suppressHydrationWarning>
      {fill(template, { time: now === null ? '…' : text })}
    </span>
  );
}
