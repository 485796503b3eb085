import { useEffect, useMemo, useState } from 'react';
import qrcode from 'qrcode-generator';
import { clientConfig } from '../api';
import { useFeatureT } from '../i18n';
import { offerStrings } from '../i18n/offerStrings';
import { trackingUrl } from '../shell/capability';

/** Quiet zone around the code, in modules (the standard asks for 4). */
const QUIET = 4;

/**
 * The ticket as a QR code, drawn here (no service, works offline), so a visitor at a kiosk or
 * a laptop can carry the ticket away on their own phone. The filer's own ticket carries its
 * private follow-up link (`privateLink`: the QR then says so, and not to show it around);
 * otherwise the public tracking link. Links use the server's public address (PUBLIC_URL, else
 * its LAN address), not the page's origin.
 */
function TicketQr({ ticket, privateLink }: { ticket: string; privateLink?: string }) {
  const t = useFeatureT(offerStrings);
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
  const url = origin === undefined ? null : privateLink ? absolute(privateLink, origin) : trackingUrl(ticket, origin);
  const path = useMemo(() => (url ? modulesPath(url) : null), [url]);
  if (!url || !path) return null;
  return (
    <figure className={`ticket-qr${privateLink ? ' ticket-qr--private' : ''}`} data-qr={privateLink ? 'private' : 'tracking'} data-url={privateLink ? undefined : url}>
      <svg
        className="ticket-qr-code"
        viewBox={`0 0 ${path.size} ${path.size}`}
        role="img"
        aria-label={t(privateLink ? 'qrPrivateLabel' : 'qrLabel', { id: ticket })}
        shapeRendering="crispEdges"
      >
        <rect width={path.size} height={path.size} fill="#fff" />
        <path d={path.d} fill="#000" />
      </svg>
      <figcaption>
        <strong>{t(privateLink ? 'qrPrivateTitle' : 'qrTitle')}</strong>
        <span>{t(privateLink ? 'qrPrivateHint' : 'qrHint')}</span>
      </figcaption>
    </figure>
  );
}

/** A private link the server sent relative (no public address known) on the server's address. */
function absolute(link: string, origin: string | null): string {
  if (/^https?:\/\//.test(link)) return link;
  return `${(origin ?? location.origin).replace(/\/$/, '')}${link}`;
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
