import { useEffect, useMemo, useState } from 'react';
import qrcode from 'qrcode-generator';
import { clientConfig } from '../api';
import { useT } from '../i18n';
import { trackingUrl } from '../shell/capability';

/** Quiet zone around the code, in modules (the standard asks for 4). */
const QUIET = 4;

/**
 * The ticket's tracking link as a QR code, drawn here (no service, works offline), so a
 * visitor at a kiosk or a laptop can carry the ticket away on their own phone. The link
 * uses the server's address on the local network when the page itself is on localhost.
 */
function TicketQr({ ticket }: { ticket: string }) {
  const t = useT();
  const [origin, setOrigin] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    clientConfig()
      .then((c) => live && setOrigin(c.public_url))
      .catch(() => live && setOrigin(null));
    return () => {
      live = false;
    };
  }, []);
  const url = origin === undefined ? null : trackingUrl(ticket, origin);
  const path = useMemo(() => (url ? modulesPath(url) : null), [url]);
  if (!url || !path) return null;
  return (
    <figure className="ticket-qr" data-url={url}>
      <svg
        className="ticket-qr-code"
        viewBox={`0 0 ${path.size} ${path.size}`}
        role="img"
        aria-label={t('qrLabel', { id: ticket })}
        shapeRendering="crispEdges"
      >
        <rect width={path.size} height={path.size} fill="#fff" />
        <path d={path.d} fill="#000" />
      </svg>
      <figcaption>
        <strong>{t('qrTitle')}</strong>
        <span>{t('qrHint')}</span>
      </figcaption>
    </figure>
  );
}

/** One SVG path of the dark modules (error correction M), with the quiet zone. */
function modulesPath(text: string): { d: string; size: number } {
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const n = qr.getModuleCount();
  let d = '';
  for (let r = 0; r < n; r += 1) {
    for (let c = 0; c < n; c += 1) {
      if (qr.isDark(r, c)) d += `M${c + QUIET} ${r + QUIET}h1v1h-1z`;
    }
  }
  return { d, size: n + QUIET * 2 };
}

export default TicketQr;
