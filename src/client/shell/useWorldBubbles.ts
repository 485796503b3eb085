import { useEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { catalog } from '../catalog';
import { useLang, useT } from '../i18n';
import { useAppStore } from '../state';
import { greetingKey } from '../welcome/greeting';

/** Re-reads the clock every minute so the greeting follows the WITA time of day. */
function useMinute(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(id);
  }, []);
  return now;
}

/** Touch screens have no E key: the officer points to the button instead. */
function isTouch(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches;
}

/**
 * What the self-service officers say: a greeting when the citizen walks up, then guidance
 * through the steps, and the ticket number at the end.
 */
export function useWorldBubbles(): Record<string, string | undefined> {
  const t = useT();
  const lang = useLang();
  const now = useMinute();
  const { near, panel, step, serviceCode, filed } = useAppStore(
    useShallow((s) => ({ near: s.nearCounter, panel: s.panel, step: s.step, serviceCode: s.serviceCode, filed: s.filed })),
  );
  return useMemo(() => {
    const bubbles: Record<string, string | undefined> = {};
    const greet = t(greetingKey(now));
    if (near && !panel) {
      const agency = catalog.agencies.find((a) => a.code === near);
      bubbles[near] = agency ? t(isTouch() ? 'bubbleGreetTouch' : 'bubbleGreet', { greet, agency: agency.short_name[lang] }) : `${greet}! ${t('bubbleInfo')}`;
    }
    if (panel?.kind === 'tracker' && near === 'info') bubbles.info = t('bubbleTrack');
    if (panel?.kind === 'counter') {
      const code = panel.agency;
      const service = serviceCode ? catalog.services.get(serviceCode)?.service : undefined;
      if (step === 'menu' || step === 'services') bubbles[code] = t('bubbleMenu');
      else if (step === 'general') bubbles[code] = t('bubbleGeneral');
      else if (step === 'form' && service) bubbles[code] = t('bubbleForm', { service: service.name[lang] });
      else if (step === 'result' && filed?.state === 'pending') bubbles[code] = t('bubblePending');
      else if (step === 'result' && filed?.ticket) bubbles[code] = t('bubbleTicket', { id: filed.ticket });
    }
    return bubbles;
  }, [t, lang, now, near, panel, step, serviceCode, filed]);
}
