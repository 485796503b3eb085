import { useId, useState } from 'react';
import type { StaffProfile } from '../../shared/staff';
import type { SubmissionInput } from '../../shared/submission';
import { catalog } from '../catalog';
import { useLang } from '../i18n';
import { useStaffT } from '../i18n/useStaffT';
import { useAppStore } from '../state';
import { useHall } from '../net/hallStore';
import { lastOf } from '../live/ChatBox';
import { ServiceForm } from '../forms/ServiceForm';
import { staffApi, StaffApiError } from '../api/staffApi';

/**
 * Filing on a citizen's behalf: the same generated service forms citizens use, sent to the
 * staff endpoint (which records who filed it). Filed while serving a citizen at the counter,
 * the case is handed to them in the chat (number, QR code, private link) at once.
 */
export function FileTab({ staff, onOpenCase }: { staff: StaffProfile; onOpenCase: (id: string) => void }) {
  const t = useStaffT();
  const lang = useLang();
  const announce = useAppStore((s) => s.announce);
  const ids = { service: useId(), title: useId() };
  const agencies = staff.role === 'supervisor' ? catalog.agencies : catalog.agencies.filter((a) => a.code === staff.agency_code);
  const [serviceCode, setServiceCode] = useState('');
  const [chosen, setChosen] = useState<string | null>(null);
  const [filed, setFiled] = useState<string | null>(null);
  const entry = chosen ? catalog.services.get(chosen) : undefined;
  const offered = useHall((s) => (filed && s.conversation?.offered?.id === filed ? filed : null));
  const offerRefused = useHall((s) => lastOf(s.notices, (n) => n.kind === 'refused' && n.detail.type === 'offerCase'));

  const submit = async (input: SubmissionInput) => {
    try {
      const { service_request_id } = await staffApi.fileOnBehalf(input);
      setFiled(service_request_id);
      announce(t('fileDone', { id: service_request_id }));
      // Serving a citizen right now: the case is theirs, handed over in the conversation.
      const hall = useHall.getState();
      if (hall.conversation && !hall.conversation.ended) {
        if (offerRefused) hall.dismissNotice(offerRefused.id);
        hall.send('offerCase', { service_request_id });
      }
    } catch (error) {
      const status = error instanceof StaffApiError ? error.status : -1;
      const detail = error instanceof StaffApiError ? error.detail : '';
      throw new Error(status === 401 ? t('sessionEnded') : t('requestFailed', { status, detail }));
    }
  };

  if (filed) {
    return (
      <section className="console-section" aria-labelledby={ids.title}>
        <h3 id={ids.title}>{t('fileTitle')}</h3>
        <p className="notice notice--ok" role="status" data-filed={filed}>
          {t('fileDone', { id: filed })}
        </p>
        {offered && (
          <p className="notice notice--ok" role="status" data-offered={offered}>
            {t('offerSent', { id: offered })}
          </p>
        )}
        {offerRefused && !offered && (
          <p className="field-error" role="alert">
            {t('offerRefused', { reason: String(offerRefused.detail.reason) })}
          </p>
        )}
        <div className="console-actions">
          <button type="button" className="primary-button" onClick={() => onOpenCase(filed)}>
            {t('fileOpenCase')}
          </button>
          <button
            type="button"
            className="secondary-button"
            onClick={() => {
              setFiled(null);
              setChosen(null);
            }}
          >
            {t('fileAnother')}
          </button>
        </div>
      </section>
    );
  }

  if (entry) {
    return (
      <section className="console-section" aria-label={t('fileTitle')}>
        <ServiceForm key={entry.service.code} agency={entry.agency} service={entry.service} prefill="" submit={submit} onBack={() => setChosen(null)} />
      </section>
    );
  }

  return (
    <section className="console-section" aria-labelledby={ids.title}>
      <h3 id={ids.title}>{t('fileTitle')}</h3>
      <p className="hint">{t('fileLead')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (serviceCode) setChosen(serviceCode);
        }}
      >
        <div className="field">
          <label htmlFor={ids.service}>{t('fileService')}</label>
          <select id={ids.service} value={serviceCode} onChange={(e) => setServiceCode(e.target.value)} data-field="service">
            <option value="">—</option>
            {agencies.map((a) => (
              <optgroup key={a.code} label={a.short_name[lang]}>
                {a.services.map((s) => (
                  <option key={s.code} value={s.code}>
                    {s.name[lang]}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <button type="submit" className="primary-button" disabled={!serviceCode}>
          {t('fileContinue')}
        </button>
      </form>
    </section>
  );
}
