import { beforeEach, describe, expect, it } from 'vitest';
import { useAppStore } from '../../src/client/state/store';

const initial = useAppStore.getState();

describe('the app store', () => {
  beforeEach(() => useAppStore.setState(initial, true));

  it('walks a counter conversation: menu → services → form → back', () => {
    const s = useAppStore.getState;
    s().setMode('2d');
    s().openCounter('pu');
    expect(s().panel).toEqual({ kind: 'counter', agency: 'pu' });
    expect(s().step).toBe('menu');
    s().chooseInteraction('complain');
    expect(s().step).toBe('services');
    s().chooseService('pu-drainase');
    expect(s()).toMatchObject({ step: 'form', serviceCode: 'pu-drainase' });
    s().back();
    expect(s()).toMatchObject({ step: 'services', serviceCode: null });
    s().back();
    expect(s().step).toBe('menu');
  });

  it('sends the general counter to free text, hands over to an agency, and Back returns', () => {
    const s = useAppStore.getState;
    s().openCounter('general');
    s().chooseInteraction('complain');
    expect(s().step).toBe('general');
    s().routeComplaint('pu', 'pu-drainase', 'saluran tersumbat');
    expect(s()).toMatchObject({ panel: { kind: 'counter', agency: 'pu' }, step: 'form', prefill: 'saluran tersumbat', viaGeneral: true });
    s().back();
    expect(s()).toMatchObject({ panel: { kind: 'counter', agency: 'general' }, step: 'general' });
  });

  it('tracking from a counter opens the tracker; closing resets the flow', () => {
    const s = useAppStore.getState;
    s().openCounter('dishub');
    s().chooseInteraction('track');
    expect(s().panel).toEqual({ kind: 'tracker', ticket: undefined });
    s().closePanel();
    expect(s()).toMatchObject({ panel: null, step: 'menu', filed: null });
  });

  it('keeps the last ticket per counter for its queue display', () => {
    const s = useAppStore.getState;
    s().openCounter('pu');
    s().setFiled({ entryId: 'e1', agency: 'pu', serviceCode: 'pu-drainase', state: 'sent', ticket: 'MKS-42' });
    expect(s().step).toBe('result');
    expect(s().lastTickets).toEqual({ pu: 'MKS-42' });
    s().setFiled({ entryId: 'e2', agency: 'pu', serviceCode: 'pu-drainase', state: 'pending' });
    expect(s().lastTickets).toEqual({ pu: 'MKS-42' });
  });

  it('skips updates that change nothing', () => {
    const s = useAppStore.getState;
    let calls = 0;
    const stop = useAppStore.subscribe(() => calls++);
    s().setNearCounter(null);
    s().setPendingCount(0);
    s().setLang(s().lang);
    stop();
    expect(calls).toBe(0);
  });
});
