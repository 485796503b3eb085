import { SignFontText, type SignFontTextProps } from './SignFontText';
import { paintable } from './paintable';

/** Text on a sign in the sign font, characters that draw nothing left out (paintable.ts): one draw call each. */
export function SignText({ children, ...props }: Omit<SignFontTextProps, 'ref' | 'lineHeight'>) {
  return (
    <SignFontText lineHeight={1.1} {...props}>
      {paintable(children)}
    </SignFontText>
  );
}
