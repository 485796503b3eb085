import { useEffect, useState } from 'react';
import { followupApi } from './followupApi';
import type { FollowupKey } from './followupStrings';

type T = (key: FollowupKey, vars?: Record<string, string | number>) => string;

/**
 * The case's photos for the private-link holder (issue 13): fetched with the secret header and
 * shown from blob: URLs (an <img src> could not carry the secret, and the URL must not).
 */
export function FollowupPhotos({ t, secret, photos }: { t: T; secret: string; photos: { photo_id: string; from_reply: boolean }[] }) {
  const [urls, setUrls] = useState<Record<string, string>>({});
  const key = photos.map((p) => p.photo_id).join(',');

  useEffect(() => {
    let live = true;
    const made: string[] = [];
    void Promise.all(
      photos.map(async (p) => {
        try {
          const url = URL.createObjectURL(await followupApi.photo(secret, p.photo_id, 'thumb'));
          made.push(url);
          if (live) setUrls((prev) => ({ ...prev, [p.photo_id]: url }));
        } catch {
          // A photo that does not load is left out; the conversation still works.
        }
      }),
    );
    return () => {
      live = false;
      made.forEach((u) => URL.revokeObjectURL(u));
    };
    // The key holds the photo ids.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, secret]);

  return (
    <section aria-labelledby="followup-photos" className="followup-photos">
      <h2 id="followup-photos">{t('photosTitle')}</h2>
      <ul>
        {photos.map((p, i) =>
          urls[p.photo_id] ? (
            <li key={p.photo_id}>
              <img src={urls[p.photo_id]} alt={t(p.from_reply ? 'photoReplyAlt' : 'photoAlt', { n: i + 1 })} width={160} height={120} data-photo={p.photo_id} />
            </li>
          ) : null,
        )}
      </ul>
    </section>
  );
}
