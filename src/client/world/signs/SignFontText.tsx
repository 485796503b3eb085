import { Text } from '@react-three/drei';
import type { ComponentProps, Ref } from 'react';
import { SIGN_FONT, sdfProps } from './fonts';
import { TextSuspense } from './TextSuspense';

export type SignFontTextProps = Omit<ComponentProps<typeof Text>, 'font' | 'ref'> & {
  // drei types a text's ref as `any`; callers say what they read of it.
  ref?: Ref<never>;
};

/**
 * Every troika text in the hall: drei's <Text> in the self-hosted sign font with troika's
 * distance-field settings (fonts.ts), inside its own boundary so that a font still coming
 * holds back only this text, never the hall (TextSuspense.tsx). Other props pass through.
 */
export function SignFontText({ ref, ...props }: SignFontTextProps) {
  return (
    <TextSuspense>
      <Text ref={ref} font={SIGN_FONT} {...sdfProps()} {...props} />
    </TextSuspense>
  );
}
