import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { MAX_CHAT } from '../../shared/messages';
import { useT, type MessageKey } from '../i18n';
import { useHall, type Conversation } from '../net/hallStore';
import { closeConversation } from './useHallConnection';

interface ChatBoxProps {
  conversation: Conversation;
  /** Whose side this screen is on: lines from the other side are announced. */
  me: 'citizen' | 'officer';
}

const ENDED: Record<string, MessageKey> = {
  officer_left: 'chatEnded_officer_left',
  citizen_left: 'chatEnded_citizen_left',
};

/**
 * A 1:1 chat between a citizen and the officer serving them. Lines are rendered as text
 * (React escapes them), new lines from the other side are read out, Enter sends.
 */
export function ChatBox({ conversation, me }: ChatBoxProps) {
  const t = useT();
  const ids = { title: useId(), input: useId(), error: useId() };
  const listRef = useRef<HTMLOListElement>(null);
  const [text, setText] = useState('');
  const refusal = useHall((s) => lastOf(s.notices, (n) => n.kind === 'refused' && n.detail.type === 'chat'));
  const { lines, ended } = conversation;
  const other = me === 'citizen' ? conversation.officer : conversation.citizen || t('chatCitizen');
  const lastIncoming = lastOf(lines, (l) => l.from !== me);

  useEffect(() => {
    const list = listRef.current;
    if (list) list.scrollTop = list.scrollHeight;
  }, [lines.length]);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const message = text.trim().slice(0, MAX_CHAT);
    if (!message || ended) return;
    const hall = useHall.getState();
    if (refusal) hall.dismissNotice(refusal.id);
    hall.send('chat', { text: message });
    setText('');
  };

  const refusalKey = refusal ? (`chatRefused_${String(refusal.detail.reason)}` as MessageKey) : null;
  return (
    <section className="chat" aria-labelledby={ids.title} data-chat={conversation.ticket} data-ended={ended ? 'true' : undefined}>
      <div className="chat-head">
        <h3 id={ids.title}>{t('chatTitle', { name: other })}</h3>
        <span className="chat-ticket">{t('chatTicket', { ticket: conversation.ticket })}</span>
      </div>
      <ol className="chat-lines" ref={listRef} aria-label={t('chatMessages')} tabIndex={0}>
        {lines.length === 0 && <li className="chat-empty">{t('chatEmpty')}</li>}
        {lines.map((line, i) => (
          <li key={`${line.at}-${i}`} className={`chat-line chat-line--${line.from === me ? 'mine' : 'theirs'}`} data-from={line.from}>
            <span className="chat-name">{line.from === me ? t('chatYou') : line.name}</span>
            <span className="chat-text">{line.text}</span>
          </li>
        ))}
      </ol>
      <div className="sr-only" role="status" aria-live="polite">
        {lastIncoming ? t('chatIncoming', { name: lastIncoming.name, text: lastIncoming.text }) : ''}
      </div>
      {ended ? (
        <div className="chat-ended" role="status">
          <p>{t(ENDED[ended] ?? 'chatEnded')}</p>
          <p className="hint">{t('chatKeep')}</p>
          <button type="button" className="secondary-button" onClick={closeConversation}>
            {t('chatClose')}
          </button>
        </div>
      ) : (
        <form className="chat-form" onSubmit={onSubmit} noValidate>
          <label htmlFor={ids.input} className="sr-only">
            {t('chatInput')}
          </label>
          <input
            id={ids.input}
            type="text"
            className="chat-input"
            autoComplete="off"
            maxLength={MAX_CHAT}
            placeholder={t('chatInput')}
            value={text}
            aria-describedby={refusalKey ? ids.error : undefined}
            onChange={(e) => setText(e.target.value)}
          />
          <button type="submit" className="primary-button">
            {t('chatSend')}
          </button>
        </form>
      )}
      {refusalKey && !ended && (
        <p className="field-error" id={ids.error} role="alert">
          {t(refusalKey in REFUSALS ? refusalKey : 'chatRefused_too_fast')}
        </p>
      )}
    </section>
  );
}

/** Array.prototype.findLast, which the ES2022 target lacks. */
export function lastOf<T>(items: readonly T[], match: (item: T) => boolean): T | undefined {
  for (let i = items.length - 1; i >= 0; i -= 1) if (match(items[i])) return items[i];
  return undefined;
}

const REFUSALS: Record<string, true> = { chatRefused_too_fast: true, chatRefused_muted: true, chatRefused_not_in_conversation: true };
