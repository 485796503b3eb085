import type { ReactNode } from 'react';
import { useT } from '../i18n';

/** What a control needs to be tied to its label, hint and error. */
export interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
  'aria-required': true | undefined;
}

interface FieldProps {
  id: string;
  label: string;
  /** Marks the label with * and the control with aria-required. Default false. */
  required?: boolean;
  hint?: string;
  /** The error message in the chosen language; the control gets aria-invalid. */
  error?: string;
  children: (control: ControlProps) => ReactNode;
}

export function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const list = ids.filter(Boolean).join(' ');
  return list || undefined;
}

/** A labelled form control with its hint and its error text. */
export function Field({ id, label, required = false, hint, error, children }: FieldProps) {
  const t = useT();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>
        {label}
        {required ? <RequiredMark /> : <span className="optional"> ({t('optional')})</span>}
      </label>
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      {children({
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy(errorId, hintId),
        'aria-required': required || undefined,
      })}
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}

export function RequiredMark() {
  return (
    <span className="required-mark" aria-hidden="true">
      {' '}
      *
    </span>
  );
}
