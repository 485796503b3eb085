import { useCallback, useEffect, useId, useMemo, useRef, useState, type RefObject } from 'react';
import { DEFAULT_LANG, type Lang } from '../../shared/i18n';
import { useHall } from '../net/hallStore';
import { useLiveCounters } from '../live/useLiveCounters';
import { useWorldComponent } from '../shell/useWorldComponent';
import { worldProblem } from '../shell/worldLoader';
import type { ViewInsets } from '../world/camera/panelFraming';
import { WorldErrorBoundary } from '../shell/WorldErrorBoundary';
import { tourStops } from './tourStops';
import { kioskText } from './useKioskT';

/** Seconds each counter is shown. */
const STOP_SECONDS = 7;
const OTHER: Record<Lang, Lang> = { id: 'en', en: 'id' };
const NONE = {};

/**
 * The kiosk's idle screen: the camera tours the counters one by one while a caption says,
 * in both languages, what each one does; a touch anywhere starts a visit. Without WebGL
 * the captions tour alone over a plain backdrop.
 */
export function AttractLoop({ onStart }: { onStart(): void }) {
  const stops = useMemo(tourStops, []);
  const [index, setIndex] = useState(0);
  // Without WebGL (or if the world fails) the captions tour alone.
  const [can3d, setCan3d] = useState(() => worldProblem() === null);
  const fail = useCallback(() => setCan3d(false), []);
  const { World } = useWorldComponent(can3d, fail);
  const titleId = useId();
  const start = useRef<HTMLButtonElement>(null);
  const caption = useRef<HTMLElement>(null);
  // The kiosk watches the hall while it waits (useHallConnection): who is on duty right now.
  const { statuses, officerNames } = useLiveCounters();
  const queued = useHall((s) => s.counters[stops[index].code]?.queue.length ?? 0);

  useEffect(() => {
    const timer = setInterval(() => setIndex((i) => (i + 1) % stops.length), STOP_SECONDS * 1000);
    return () => clearInterval(timer);
  }, [stops.length]);

  useEffect(() => {
    start.current?.focus();
  }, []);

  const stop = stops[index];
  const insets = useCoveredInsets(caption, start, stop.code);
  const main = DEFAULT_LANG;
  const other = OTHER[main];
  const name = (lang: Lang) => stop.name[lang];
  const text = (lang: Lang) => (stop.description ? stop.description[lang] : kioskText(lang, 'attractInfoText'));

  return (
    <div
      className="attract"
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      data-testid="attract"
      // On click, not pointerdown: the tap's own click would otherwise land on whatever the
      // visit shows at that spot (the "Selesai" button) and end the visit at once.
      onClick={onStart}
    >
      {World && can3d && (
        <div className="attract-world" aria-hidden="true">
          <WorldErrorBoundary onError={fail}>
            <World
              view="tour"
              tourDesk={stop.code}
              lang={main}
              counterStatus={statuses}
              officerNames={officerNames}
              bubbles={NONE}
              queueDisplay={NONE}
              viewInsets={insets}
            />
          </WorldErrorBoundary>
        </div>
      )}
      <h1 id={titleId} className="attract-title">
        {kioskText(main, 'attractTitle')}
        <span lang={other}>{kioskText(other, 'attractTitle')}</span>
      </h1>
      <section
        ref={caption}
        className="attract-caption"
        aria-label={kioskText(main, 'attractRegion')}
        data-stop={stop.code}
        data-index={index}
        style={{ borderColor: stop.color }}
        key={stop.code}
      >
        <p className="attract-loket">{stop.loket === null ? kioskText(main, 'attractInfo') : kioskText(main, 'attractLoket', { n: stop.loket })}</p>
        <h2>{name(main)}</h2>
        <p className="attract-other" lang={other}>
          {name(other)}
        </p>
        <p className="attract-text">{text(main)}</p>
        <p className="attract-other" lang={other}>
          {text(other)}
        </p>
        <p className={`attract-duty attract-duty--${officerNames[stop.code] ? 'on' : 'self'}`} data-duty={officerNames[stop.code] ? 'on' : 'self'}>
          {officerNames[stop.code]
            ? kioskText(main, 'attractOnDuty', { name: officerNames[stop.code], count: queued })
            : kioskText(main, 'attractSelfService')}
          <span lang={other}>
            {officerNames[stop.code] ? kioskText(other, 'attractOnDuty', { name: officerNames[stop.code], count: queued }) : kioskText(other, 'attractSelfService')}
          </span>
        </p>
        {stop.services.length > 0 && (
          <ul className="attract-services" aria-label={kioskText(main, 'attractServices')}>
            {stop.services.map((s) => (
              <li key={s.id}>
                {s[main]}
                <span lang={other}>{s[other]}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <button ref={start} type="button" className="attract-start" data-action="kiosk-start">
        <span className="attract-start-main">{kioskText(main, 'attractStart')}</span>
        <span className="attract-start-other" lang={other}>
          {kioskText(other, 'attractStart')}
        </span>
        <span className="attract-start-hint">{kioskText(main, 'attractStartHint')}</span>
      </button>
      <ol className="attract-dots" aria-hidden="true">
        {stops.map((s, i) => (
          <li key={s.code} className={i === index ? 'is-current' : undefined} />
        ))}
      </ol>
    </div>
  );
}

/**
 * How much of the screen the caption (on the left) and the start button (at the bottom)
 * cover, so the tour frames each desk in the rest; measured again when either resizes and
 * for each stop (the caption is a new element).
 */
function useCoveredInsets(caption: RefObject<HTMLElement | null>, button: RefObject<HTMLElement | null>, stop: string): ViewInsets {
  const [insets, setInsets] = useState<ViewInsets>({});
  useEffect(() => {
    const measure = () => {
      const c = caption.current?.getBoundingClientRect();
      const b = button.current?.getBoundingClientRect();
      const left = c ? Math.round(c.right) : 0;
      const bottom = b ? Math.round(window.innerHeight - b.top) : 0;
      setInsets((prev) => (prev.left === left && prev.bottom === bottom ? prev : { left, bottom }));
    };
    measure();
    const observer = new ResizeObserver(measure);
    for (const el of [caption.current, button.current]) if (el) observer.observe(el);
    window.addEventListener('resize', measure);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, [caption, button, stop]);
  return insets;
}
