'use client';
// The last resort, when the layout itself fails: all three languages at once.
export default function GlobalError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="zh-CN">
      <body style={{ fontFamily: 'system-ui, sans-serif', padding: 24 }}>
        <h1>出错了 · Something went wrong · Une erreur est survenue</h1>
        <p>页面暂时无法显示，请稍后再试。</p>
        <p lang="en">This page cannot be shown right now. Please try again in a moment.</p>
        <p lang="fr">Cette page ne peut pas s’afficher pour le moment. Réessayez dans un instant.</p>
        <button type="button" onClick={() => retry()} style={{ minHeight: 44, minWidth: 44, padding: '0 16px' }}>
          重试 · Try again · Réessayer
        </button>
      </body>
    </html>
  );
}
