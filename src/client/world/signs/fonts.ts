/** The sign font, served from our own origin (public/fonts; licence in assets/fonts). */
export const SIGN_FONT = `${import.meta.env.BASE_URL}fonts/NotoSans-Bold.ttf`;
